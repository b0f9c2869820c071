//! The names of what the user saved to use again (meals, custom foods, supplement products):
//! found by name (any case) or id, renamed (a name another of the same kind holds is
//! refused), and removed. Entries and doses already logged keep their own copy of everything,
//! so removing one never changes history.

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::custom_foods::custom_row;
use super::{Diary, StoreError};

/// A kind of thing saved under a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Meal,
    CustomFood,
    Product,
}

impl Saved {
    fn table(self) -> &'static str {
        match self {
            Saved::Meal => "saved_meals",
            Saved::CustomFood => "custom_foods",
            Saved::Product => "supplement_products",
        }
    }
}

/// What a rename did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Renamed {
    Done,
    /// Another of the same kind has the name.
    Taken,
}

impl Diary {
    /// The row and name of the saved thing named `text` (any case), or with its id ("c1" for
    /// a custom food).
    pub fn saved_named(&self, kind: Saved, text: &str) -> Result<Option<(i64, String)>, StoreError> {
        let table = kind.table();
        if kind == Saved::CustomFood {
            if let Some(row) = custom_row(text) {
                let sql = format!("SELECT id, name FROM {table} WHERE id = ?1");
                return Ok(self.conn.query_row(&sql, [row], |r| Ok((r.get(0)?, r.get(1)?))).optional()?);
            }
        }
        let sql = format!(
            "SELECT id, name FROM {table} WHERE name = ?1 COLLATE NOCASE ORDER BY name = ?1 DESC, id LIMIT 1"
        );
        Ok(self.conn.query_row(&sql, [text.trim()], |r| Ok((r.get(0)?, r.get(1)?))).optional()?)
    }

    /// Renames the saved thing at `row`, unless another of its kind has the name (any case).
    pub fn rename_saved(
        &mut self,
        kind: Saved,
        row: i64,
        name: &str,
        now: &str,
    ) -> Result<Renamed, StoreError> {
        let table = kind.table();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let other: Option<i64> = tx
            .query_row(
                &format!("SELECT id FROM {table} WHERE name = ?1 COLLATE NOCASE AND id != ?2 LIMIT 1"),
                params![name, row],
                |r| r.get(0),
            )
            .optional()?;
        if other.is_some() {
            return Ok(Renamed::Taken);
        }
        let changed = match kind {
            Saved::CustomFood => tx.execute(
                "UPDATE custom_foods SET name = ?2, updated_at = ?3 WHERE id = ?1",
                params![row, name, now],
            )?,
            _ => tx.execute(&format!("UPDATE {table} SET name = ?2 WHERE id = ?1"), params![row, name])?,
        };
        if changed == 0 {
            return Err(StoreError::NoSuchEntry(row));
        }
        tx.commit()?;
        Ok(Renamed::Done)
    }

    /// Removes the saved thing at `row` (a meal's items and a food's portions with it);
    /// false when there is none.
    pub fn remove_saved(&mut self, kind: Saved, row: i64) -> Result<bool, StoreError> {
        let sql = format!("DELETE FROM {} WHERE id = ?1", kind.table());
        Ok(self.conn.execute(&sql, [row])? > 0)
    }
}
