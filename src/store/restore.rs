//! Restoring a whole diary from an export in one transaction: all of it lands, or none.

use std::collections::HashMap;

use rusqlite::TransactionBehavior;

use super::custom_foods::insert_custom_food_in;
use super::entries::insert_entry_in;
use super::profile::set_profile_in;
use super::saved_meals::insert_meal_in;
use super::supplements::{insert_product_in, insert_supplement_in};
use super::{Diary, StoreError};
use crate::domain::supplement::NewSupplement;
use crate::domain::{NewEntry, Nutrient, NutrientValues, Portion, Profile};

/// A validated export, ready to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Restore {
    pub profile: Option<Profile>,
    /// (old id, name, per 100 g, portions): custom foods get new ids here.
    pub custom: Vec<(String, String, NutrientValues, Vec<Portion>)>,
    pub entries: Vec<NewEntry>,
    pub supplements: Vec<NewSupplement>,
    pub products: Vec<(String, Nutrient, f64, Option<String>)>,
    pub meals: Vec<(String, Vec<(String, String)>)>,
}

/// What a restore wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Restored {
    pub entries: usize,
    pub supplements: usize,
    pub custom_foods: usize,
    pub meals: usize,
}

impl Diary {
    /// How many entries the diary holds (an import goes into an empty diary).
    pub fn entry_count(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM entries) + (SELECT COUNT(*) FROM supplements)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Writes everything in one immediate transaction. Custom foods get fresh ids and the
    /// entries and saved meals that named them follow.
    pub fn restore(&mut self, r: &Restore, now: &str) -> Result<Restored, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut ids: HashMap<String, String> = HashMap::new();
        for (old, name, values, portions) in &r.custom {
            let row = insert_custom_food_in(&tx, name, values, portions, now)?;
            ids.insert(old.clone(), format!("c{row}"));
        }
        let renamed = |id: &String| ids.get(id).cloned().unwrap_or_else(|| id.clone());
        for e in &r.entries {
            let e = NewEntry { food_id: renamed(&e.food_id), ..e.clone() };
            insert_entry_in(&tx, None, &e)?;
        }
        for s in &r.supplements {
            insert_supplement_in(&tx, None, s)?;
        }
        for (name, nutrient, amount, form) in &r.products {
            insert_product_in(&tx, name, *nutrient, *amount, form.as_deref())?;
        }
        for (name, items) in &r.meals {
            let items: Vec<(String, String)> = items.iter().map(|(f, q)| (renamed(f), q.clone())).collect();
            insert_meal_in(&tx, name, &items, now)?;
        }
        if let Some(p) = &r.profile {
            set_profile_in(&tx, p, now)?;
        }
        tx.commit()?;
        Ok(Restored {
            entries: r.entries.len(),
            supplements: r.supplements.len(),
            custom_foods: r.custom.len(),
            meals: r.meals.len(),
        })
    }

    /// A consistent copy of the diary at `dest` (SQLite's VACUUM INTO), safe while other
    /// processes write. `dest` must not exist: nothing is overwritten.
    pub fn backup_to(&self, dest: &std::path::Path) -> Result<(), StoreError> {
        let text = dest.to_str().ok_or_else(|| StoreError::Io {
            path: dest.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path is not UTF-8"),
        })?;
        if dest.exists() {
            return Err(StoreError::Io {
                path: dest.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "already exists; marrow does not overwrite it",
                ),
            });
        }
        // Created private first; VACUUM INTO fills an empty file.
        super::files::create_private(dest)?;
        if let Err(e) = self.conn.execute("VACUUM INTO ?1", [text]) {
            let _ = std::fs::remove_file(dest);
            return Err(e.into());
        }
        Ok(())
    }
}
