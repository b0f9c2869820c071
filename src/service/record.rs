//! Recording what the user tells marrow: a food eaten, a change to an entry, a supplement
//! dose, who they are. Each is one committed transaction; what the domain refuses is never
//! written.

use chrono::NaiveDate;

use super::ServiceError;
use crate::domain::day::new_entry;
use crate::domain::supplement::{NewSupplement, Supplement};
use crate::domain::{Entry, Food, Meal, NewEntry, Profile};
use crate::store::{Diary, StoreError};

/// Logs `quantity` of `food` to `meal` on `date`.
pub fn log_food(
    diary: &mut Diary,
    food: &Food,
    quantity: &str,
    date: NaiveDate,
    meal: Meal,
    now: &str,
) -> Result<Entry, ServiceError> {
    let new = new_entry(food, quantity, date, meal, now.to_string())?;
    Ok(diary.add_entry(&new)?)
}

/// The amount last logged of a food, for a line typed without one.
pub fn last_amount(diary: &Diary, food_id: &str) -> Result<Option<String>, StoreError> {
    Ok(diary.last_entry_of(food_id)?.map(|e| e.quantity))
}

/// Adds an entry already resolved (the app's amount prompt), stamped `now` unless it says
/// when it was logged.
pub fn add_entry(diary: &mut Diary, mut new: NewEntry, now: &str) -> Result<Entry, StoreError> {
    if new.logged_at.is_empty() {
        new.logged_at = now.to_string();
    }
    diary.add_entry(&new)
}

/// Changes an entry's amount; None when it already is that amount (nothing written).
pub fn change_amount(
    diary: &mut Diary,
    id: i64,
    grams: f64,
    quantity: &str,
) -> Result<Option<(Entry, Entry)>, StoreError> {
    let before = diary.entry(id)?.ok_or(StoreError::NoSuchEntry(id))?;
    if before.grams == grams && before.quantity == quantity {
        return Ok(None);
    }
    let after = diary.update_amount(id, grams, quantity)?;
    Ok(Some((before, after)))
}

/// Moves an entry to another meal; None when it already is in that meal.
pub fn move_entry(diary: &mut Diary, id: i64, meal: Meal) -> Result<Option<(Entry, Entry)>, StoreError> {
    let before = diary.entry(id)?.ok_or(StoreError::NoSuchEntry(id))?;
    if before.meal == meal {
        return Ok(None);
    }
    let after = diary.move_entry(id, meal)?;
    Ok(Some((before, after)))
}

/// Logs a dose, stamped `now` unless it says when it was logged; with `save_as`, also keeps
/// it as a product to log again.
pub fn add_supplement(
    diary: &mut Diary,
    mut new: NewSupplement,
    save_as: Option<&str>,
    now: &str,
) -> Result<Supplement, StoreError> {
    if new.logged_at.is_empty() {
        new.logged_at = now.to_string();
    }
    let name = save_as.map(str::trim).filter(|n| !n.is_empty());
    diary.add_supplement_saving(&new, name)
}

/// Keeps the profile, if `Profile::validate` accepts it; otherwise nothing is written.
pub fn set_profile(diary: &mut Diary, profile: &Profile, now: &str) -> Result<(), ServiceError> {
    profile.validate()?;
    Ok(diary.set_profile(profile, now)?)
}

/// Changes the profile as the diary holds it at that moment (`change` sets only what the
/// user gave) and keeps it if `Profile::validate` accepts it; all in one transaction, so that
/// changes made at the same time to different fields all land. Returns the profile kept.
pub fn change_profile(
    diary: &mut Diary,
    now: &str,
    change: impl FnOnce(&mut Profile),
) -> Result<Profile, ServiceError> {
    diary.update_profile(now, |mut p| {
        change(&mut p);
        p.default = false;
        p.validate()?;
        Ok(p)
    })
}
