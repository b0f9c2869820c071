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
    pub labs: Vec<crate::domain::labs::NewLab>,
    pub journal: crate::domain::symptoms::Journal,
    /// (old id, recipe): recipes get new ids here.
    pub recipes: Vec<(String, super::NewRecipe)>,
}

/// What a restore wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Restored {
    pub entries: usize,
    pub supplements: usize,
    pub custom_foods: usize,
    pub meals: usize,
    pub labs: usize,
    pub notes: usize,
    pub symptoms: usize,
}

impl Diary {
    /// How many dated records (entries, doses, lab values, notes, symptom scores) the diary
    /// holds: an import without merging goes into a diary with none.
    pub fn record_count(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM entries) + (SELECT COUNT(*) FROM supplements) \
             + (SELECT COUNT(*) FROM labs) + (SELECT COUNT(*) FROM notes) + (SELECT COUNT(*) FROM symptoms)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Writes everything in one immediate transaction. Custom foods get fresh ids and the
    /// entries and saved meals that named them follow.
    pub fn restore(&mut self, r: &Restore, now: &str) -> Result<Restored, StoreError> {
        self.verify()?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut ids: HashMap<String, String> = HashMap::new();
        for (old, name, values, portions) in &r.custom {
            let row = insert_custom_food_in(&tx, name, values, portions, now)?;
            ids.insert(old.clone(), format!("c{row}"));
        }
        for (old, recipe) in &r.recipes {
            let mut recipe = recipe.clone();
            for i in &mut recipe.ingredients {
                i.food_id = gone_or(&ids, &i.food_id);
            }
            match super::recipes::insert_recipe_in(&tx, &recipe, now)? {
                Some(row) => ids.insert(old.clone(), format!("r{row}")),
                None => return Err(StoreError::NameTaken(recipe.name.clone())),
            };
        }
        let renamed = |id: &String| gone_or(&ids, id);
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
        for l in &r.labs {
            super::labs::insert_lab_in(&tx, l)?;
        }
        super::notes::insert_journal_in(&tx, &r.journal)?;
        if let Some(p) = &r.profile {
            set_profile_in(&tx, p, now)?;
        }
        tx.commit()?;
        Ok(Restored {
            entries: r.entries.len(),
            supplements: r.supplements.len(),
            custom_foods: r.custom.len(),
            meals: r.meals.len(),
            labs: r.labs.len(),
            notes: r.journal.notes.len(),
            symptoms: r.journal.symptoms.len(),
        })
    }

    /// A consistent copy of the diary at `dest` (SQLite's VACUUM INTO), safe while other
    /// processes write. Nothing is overwritten: `dest` must not exist, not even as a dangling
    /// link. The copy is private (0600) whatever the umask. A damaged diary is never copied.
    pub fn backup_to(&self, dest: &std::path::Path) -> Result<(), StoreError> {
        self.verify()?;
        let io = |source| StoreError::Io { path: dest.to_path_buf(), source };
        // Absolute, so that SQLite never reads a name like "file:copy.db" as a URI.
        let absolute = std::path::absolute(dest).map_err(io)?;
        let text = absolute.to_str().ok_or_else(|| {
            io(std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path is not UTF-8"))
        })?;
        let created = super::files::create_new_private(dest).map_err(|e| match e {
            StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists => {
                io(std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "already exists; marrow does not overwrite it",
                ))
            }
            other => other,
        })?;
        drop(created);
        // VACUUM INTO fills the empty file; a connection that only reads may still do that.
        let query_only: bool = self.conn.query_row("PRAGMA query_only", [], |r| r.get(0))?;
        self.conn.pragma_update(None, "query_only", false)?;
        let copied = self.conn.execute("VACUUM INTO ?1", [text]);
        self.conn.pragma_update(None, "query_only", query_only)?;
        if let Err(e) = copied {
            let _ = std::fs::remove_file(dest);
            return Err(e.into());
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dest, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
        }
        Ok(())
    }
}

/// The id a custom food or recipe got on import; one the file did not hold (it was removed,
/// its entries kept) becomes "c0" or "r0", which no food ever has, so that it never names the
/// food the diary creates next under its old id. Catalog ids stay as they are.
fn gone_or(ids: &HashMap<String, String>, id: &str) -> String {
    if let Some(new) = ids.get(id) {
        return new.clone();
    }
    if super::custom_row(id).is_some() {
        "c0".to_string()
    } else if crate::domain::recipe::recipe_row(id).is_some() {
        "r0".to_string()
    } else {
        id.to_string()
    }
}
