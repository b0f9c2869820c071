//! Restoring a whole diary from an export in one transaction: all of it lands, or none.

use std::collections::HashMap;

use rusqlite::{params, TransactionBehavior};

use super::{nutrient_columns, nutrient_placeholders, Diary, StoreError};
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
        let sql = format!(
            "INSERT INTO custom_foods (name, created_at, updated_at, {}) VALUES (?1, ?2, ?2, {})",
            nutrient_columns(),
            nutrient_placeholders(3)
        );
        for (old, name, values, portions) in &r.custom {
            let mut v: Vec<rusqlite::types::Value> = vec![name.clone().into(), now.to_string().into()];
            v.extend(values.0.iter().map(|x| (*x).into()));
            tx.execute(&sql, rusqlite::params_from_iter(v))?;
            let row = tx.last_insert_rowid();
            for (i, p) in portions.iter().enumerate() {
                tx.execute(
                    "INSERT INTO custom_portions (food, seq, amount, description, grams) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![row, i as i64 + 1, p.amount, p.description, p.grams],
                )?;
            }
            ids.insert(old.clone(), format!("c{row}"));
        }
        let renamed = |id: &String| ids.get(id).cloned().unwrap_or_else(|| id.clone());
        for e in &r.entries {
            let e = NewEntry { food_id: renamed(&e.food_id), ..e.clone() };
            super::diary::insert_entry_in(&tx, None, &e)?;
        }
        for s in &r.supplements {
            tx.execute(
                "INSERT INTO supplements (date, time, nutrient, amount, form, logged_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    s.date.to_string(),
                    s.time.map(|t| t.format("%H:%M").to_string()),
                    s.nutrient.key(),
                    s.amount,
                    s.form,
                    s.logged_at
                ],
            )?;
        }
        for (name, nutrient, amount, form) in &r.products {
            tx.execute(
                "INSERT INTO supplement_products (name, nutrient, amount, form) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (name) DO UPDATE SET nutrient = ?2, amount = ?3, form = ?4",
                params![name, nutrient.key(), amount, form],
            )?;
        }
        for (name, items) in &r.meals {
            tx.execute("DELETE FROM saved_meals WHERE name = ?1", [name])?;
            tx.execute("INSERT INTO saved_meals (name, created_at) VALUES (?1, ?2)", [name.as_str(), now])?;
            let meal = tx.last_insert_rowid();
            for (i, (food, quantity)) in items.iter().enumerate() {
                tx.execute(
                    "INSERT INTO saved_meal_items (meal, seq, food_id, quantity) VALUES (?1, ?2, ?3, ?4)",
                    params![meal, i as i64 + 1, renamed(food), quantity],
                )?;
            }
        }
        if let Some(p) = &r.profile {
            tx.execute(
                "INSERT INTO profile (id, sex, age, pregnant, lactating, weight_kg, updated_at) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET sex = ?1, age = ?2, pregnant = ?3, lactating = ?4, weight_kg = ?5, updated_at = ?6",
                params![p.sex.as_str(), p.age, p.pregnant, p.lactating, p.weight_kg, now],
            )?;
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
