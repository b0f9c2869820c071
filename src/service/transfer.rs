//! Export and import of the whole diary (labs too): marrow's JSON (see [`crate::transfer`]) read from
//! one state of the diary, and an import written in one transaction, all or none, only into
//! an empty diary unless merging.

use chrono::NaiveDate;

use super::ServiceError;
use crate::store::{Diary, Restore, Restored, StoreError, Unreadable};
use crate::transfer::{
    values_map, CustomFoodRecord, EntryRecord, Export, LabRecord, MealRecord, ProductRecord, ProfileRecord,
    SupplementRecord, UnreadableRecord, FORMAT,
};

/// Everything in the diary (entries and supplements between `from` and `to`; without them,
/// every one whatever its date). Rows that cannot be read are carried as they are stored
/// (`Export::unreadable`) and returned apart too, for the caller to name them.
pub fn export(
    diary: &Diary,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(Export, Vec<Unreadable>), StoreError> {
    diary.read(|diary| read_export(diary, from, to))
}

fn read_export(
    diary: &Diary,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(Export, Vec<Unreadable>), StoreError> {
    let profile = diary.profile()?;
    let entries = diary.read_entries(from, to)?;
    let supplements = diary.read_supplements(from, to)?;
    let foods = diary.read_custom_foods()?;
    let meals = diary.read_saved_meals()?;
    let products = diary.read_products()?;
    let labs = diary.labs(from, to)?;
    let (notes, symptoms) = (diary.notes(from, to)?, diary.symptoms(from, to)?);
    let recipes = diary.recipes()?;
    // What an entry or a saved meal names of a custom food or recipe since removed (its
    // entries stay) is written as "c0" or "r0", which no food has.
    let held: std::collections::HashSet<String> = (foods.rows.iter().map(|f| f.id.clone()))
        .chain(foods.unreadable.iter().map(|u| format!("c{}", u.id)))
        .chain(recipes.iter().map(|r| r.food_id()))
        .collect();
    let gone = |id: String| -> String {
        if held.contains(&id) {
            id
        } else if crate::store::custom_row(&id).is_some() {
            "c0".into()
        } else if crate::domain::recipe::recipe_row(&id).is_some() {
            "r0".into()
        } else {
            id
        }
    };
    let unreadable: Vec<Unreadable> =
        [entries.unreadable, supplements.unreadable, foods.unreadable, meals.unreadable, products.unreadable]
            .concat();
    let x = Export {
        marrow_export: FORMAT,
        from: from.map(|d| d.to_string()),
        to: to.map(|d| d.to_string()),
        profile: (!profile.default).then(|| ProfileRecord {
            sex: profile.sex.as_str().to_string(),
            age: profile.age,
            age_months: profile.age_months,
            pregnant: profile.pregnant,
            lactating: profile.lactating,
            weight_kg: profile.weight_kg,
        }),
        entries: entries
            .rows
            .into_iter()
            .map(|e| EntryRecord {
                date: e.date.to_string(),
                meal: e.meal.to_string(),
                food_id: gone(e.food_id),
                name: e.food_name,
                grams: e.grams,
                quantity: e.quantity,
                logged_at: e.logged_at,
                per_100g: values_map(&e.per_100g),
                ala_undifferentiated: Some(e.per_100g.1.ala_undifferentiated),
            })
            .collect(),
        supplements: supplements
            .rows
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
        custom_foods: foods
            .rows
            .into_iter()
            .map(|f| CustomFoodRecord {
                id: f.id,
                name: f.name,
                per_100g: values_map(&f.per_100g),
                portions: f.portions,
                ala_undifferentiated: Some(f.per_100g.1.ala_undifferentiated),
            })
            .collect(),
        saved_meals: meals
            .rows
            .into_iter()
            .map(|m| MealRecord {
                name: m.name,
                items: m.items.into_iter().map(|(f, q)| (gone(f), q)).collect(),
            })
            .collect(),
        supplement_products: products
            .rows
            .into_iter()
            .map(|p| ProductRecord {
                name: p.name,
                nutrient: p.nutrient.key().to_string(),
                amount: p.amount,
                form: p.form,
            })
            .collect(),
        labs: labs
            .into_iter()
            .map(|l| LabRecord {
                date: l.lab.date.to_string(),
                kind: l.lab.kind.key().to_string(),
                value: l.lab.value,
                unit: l.lab.unit.key().to_string(),
                range_low: l.lab.range.map(|r| r.low),
                range_high: l.lab.range.map(|r| r.high),
                logged_at: l.lab.logged_at,
            })
            .collect(),
        notes: notes.iter().map(Into::into).collect(),
        symptoms: symptoms.iter().map(Into::into).collect(),
        recipes: recipes.iter().map(Into::into).collect(),
        unreadable: unreadable.iter().map(UnreadableRecord::from).collect(),
    };
    Ok((x, unreadable))
}

/// Writes a checked import (`transfer::validate`): into an empty diary, or beside what it
/// holds with `merge`. A refused import writes nothing.
pub fn import(
    diary: &mut Diary,
    restore: &Restore,
    merge: bool,
    now: &str,
) -> Result<Restored, ServiceError> {
    let present = diary.record_count()?;
    if present > 0 && !merge {
        return Err(ServiceError::NotEmpty(present));
    }
    Ok(diary.restore(restore, now)?)
}
