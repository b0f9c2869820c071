//! Meals eaten again and again: saving one meal of a day under a name, logging a saved meal
//! (each food with its current figures), and copying a day's entries, as they were logged,
//! to another day. Every batch lands in one transaction, all or none.

use chrono::NaiveDate;

use super::foods::Foods;
use super::ServiceError;
use crate::domain::day::{copies, new_entry};
use crate::domain::{Entry, Meal, NewEntry, SavedMeal};
use crate::store::{Catalog, Diary, StoreError};

/// Saves `meal` of `date` under `name` (replacing a meal of that name) and returns how many
/// items it holds; with nothing logged for that meal nothing is saved and it returns 0.
pub fn save_from_day(
    diary: &mut Diary,
    name: &str,
    date: NaiveDate,
    meal: Meal,
    now: &str,
) -> Result<usize, StoreError> {
    let items = SavedMeal::items_of(&diary.day_entries(date)?, meal);
    if !items.is_empty() {
        diary.save_meal(name, &items, now)?;
    }
    Ok(items.len())
}

/// Saves `items` under `name`; true when it replaced a meal of that name.
pub fn save(
    diary: &mut Diary,
    name: &str,
    items: &[(String, String)],
    now: &str,
) -> Result<bool, StoreError> {
    let replaced = diary.saved_meals()?.iter().any(|m| m.name == name);
    diary.save_meal(name, items, now)?;
    Ok(replaced)
}

/// The saved meal named `name` (surrounding spaces ignored).
pub fn find(diary: &Diary, name: &str) -> Result<Option<SavedMeal>, StoreError> {
    Ok(diary.saved_meals()?.into_iter().find(|m| m.name == name.trim()))
}

/// Every saved meal with its foods' names (an id stands for a food that is gone).
pub fn with_names(diary: &Diary, catalog: &Catalog) -> Result<Vec<(SavedMeal, Vec<String>)>, StoreError> {
    let foods = Foods::new(catalog, diary);
    let mut out = Vec::new();
    for meal in diary.saved_meals()? {
        let ids: Vec<&str> = meal.items.iter().map(|(id, _)| id.as_str()).collect();
        let names = foods.names(&ids)?;
        out.push((meal, names));
    }
    Ok(out)
}

/// The entries a saved meal comes to on `date` in `to`, each food with its current figures.
/// A food that is gone, or an amount that no longer fits it, refuses the whole meal.
pub fn entries_of(
    diary: &Diary,
    catalog: &Catalog,
    meal: &SavedMeal,
    date: NaiveDate,
    to: Meal,
    now: &str,
) -> Result<Vec<NewEntry>, ServiceError> {
    let foods = Foods::new(catalog, diary);
    let mut new = Vec::with_capacity(meal.items.len());
    for (food_id, quantity) in &meal.items {
        let food = foods
            .by_id(food_id)?
            .ok_or_else(|| ServiceError::MissingFood { meal: meal.name.clone(), food: food_id.clone() })?;
        new.push(new_entry(&food, quantity, date, to, now.to_string())?);
    }
    Ok(new)
}

/// Logs a saved meal to `to` on `date`, all its entries or none; an empty meal logs nothing.
pub fn log_saved(
    diary: &mut Diary,
    catalog: &Catalog,
    meal: &SavedMeal,
    date: NaiveDate,
    to: Meal,
    now: &str,
) -> Result<Vec<Entry>, ServiceError> {
    let new = entries_of(diary, catalog, meal, date, to, now)?;
    Ok(add_all(diary, &new)?)
}

/// Copies the entries of `from` (one meal, or all), as they were logged, figures included,
/// to `to`, all or none; nothing logged there copies nothing.
pub fn copy(
    diary: &mut Diary,
    from: NaiveDate,
    to: NaiveDate,
    meal: Option<Meal>,
    now: &str,
) -> Result<Vec<Entry>, StoreError> {
    let new = copies(&diary.day_entries(from)?, to, meal, now);
    add_all(diary, &new)
}

fn add_all(diary: &mut Diary, new: &[NewEntry]) -> Result<Vec<Entry>, StoreError> {
    if new.is_empty() {
        return Ok(Vec::new());
    }
    diary.add_entries(new)
}
