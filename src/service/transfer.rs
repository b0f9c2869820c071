//! Export and import of the whole diary: marrow's JSON (see [`crate::transfer`]) read from
//! one state of the diary, and an import written in one transaction, all or none, only into
//! an empty diary unless merging.

use chrono::NaiveDate;

use super::ServiceError;
use crate::store::{Diary, Restore, Restored, StoreError};
use crate::transfer::{
    values_map, CustomFoodRecord, EntryRecord, Export, MealRecord, ProductRecord, ProfileRecord,
    SupplementRecord, FORMAT,
};

/// Everything in the diary (entries and supplements between `from` and `to`).
pub fn export(diary: &Diary, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Export, StoreError> {
    diary.read(|diary| read_export(diary, from, to))
}

fn read_export(diary: &Diary, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Export, StoreError> {
    // Dates are stored as YYYY-MM-DD text: the widest range in that form.
    let lo = from.or(NaiveDate::from_ymd_opt(1, 1, 1)).unwrap_or(NaiveDate::MIN);
    let hi = to.or(NaiveDate::from_ymd_opt(9999, 12, 31)).unwrap_or(NaiveDate::MAX);
    let profile = diary.profile()?;
    Ok(Export {
        marrow_export: FORMAT,
        from: from.map(|d| d.to_string()),
        to: to.map(|d| d.to_string()),
        profile: (!profile.default).then(|| ProfileRecord {
            sex: profile.sex.as_str().to_string(),
            age: profile.age,
            pregnant: profile.pregnant,
            lactating: profile.lactating,
            weight_kg: profile.weight_kg,
        }),
        entries: diary
            .range_entries(lo, hi)?
            .into_iter()
            .map(|e| EntryRecord {
                date: e.date.to_string(),
                meal: e.meal.to_string(),
                food_id: e.food_id,
                name: e.food_name,
                grams: e.grams,
                quantity: e.quantity,
                logged_at: e.logged_at,
                per_100g: values_map(&e.per_100g),
            })
            .collect(),
        supplements: diary
            .supplements(lo, hi)?
            .into_iter()
            .map(|s| SupplementRecord {
                date: s.date.to_string(),
                time: s.time.map(|t| t.format("%H:%M").to_string()),
                nutrient: s.nutrient.key().to_string(),
                amount: s.amount,
                form: s.form,
                logged_at: s.logged_at,
            })
            .collect(),
        custom_foods: diary
            .custom_foods()?
            .into_iter()
            .map(|f| -> Result<CustomFoodRecord, StoreError> {
                let full = diary.custom_food(&f.id)?.unwrap_or(f);
                Ok(CustomFoodRecord {
                    id: full.id,
                    name: full.name,
                    per_100g: values_map(&full.per_100g),
                    portions: full.portions,
                })
            })
            .collect::<Result<_, _>>()?,
        saved_meals: diary
            .saved_meals()?
            .into_iter()
            .map(|m| MealRecord { name: m.name, items: m.items })
            .collect(),
        supplement_products: diary
            .products()?
            .into_iter()
            .map(|p| ProductRecord {
                name: p.name,
                nutrient: p.nutrient.key().to_string(),
                amount: p.amount,
                form: p.form,
            })
            .collect(),
    })
}

/// Writes a checked import (`transfer::validate`): into an empty diary, or beside what it
/// holds with `merge`. A refused import writes nothing.
pub fn import(
    diary: &mut Diary,
    restore: &Restore,
    merge: bool,
    now: &str,
) -> Result<Restored, ServiceError> {
    let present = diary.entry_count()?;
    if present > 0 && !merge {
        return Err(ServiceError::NotEmpty(present));
    }
    Ok(diary.restore(restore, now)?)
}
