//! Saved meals in the diary: a name and the foods with their amounts as typed, replaced
//! whole when saved again under the same name.

use rusqlite::{params, TransactionBehavior};

use super::{Diary, StoreError};
use crate::domain::SavedMeal;

impl Diary {
    /// Saves (or replaces) a meal under `name`.
    pub fn save_meal(&mut self, name: &str, items: &[(String, String)], now: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        insert_meal_in(&tx, name, items, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Saved meals by name, with their items.
    pub fn saved_meals(&self) -> Result<Vec<SavedMeal>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.name, i.food_id, i.quantity FROM saved_meals m \
             LEFT JOIN saved_meal_items i ON i.meal = m.id ORDER BY m.name, i.seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?))
        })?;
        let mut out: Vec<SavedMeal> = Vec::new();
        for row in rows {
            let (name, food, quantity) = row?;
            if out.last().is_none_or(|m| m.name != name) {
                out.push(SavedMeal { name: name.clone(), items: Vec::new() });
            }
            if let (Some(f), Some(q), Some(m)) = (food, quantity, out.last_mut()) {
                m.items.push((f, q));
            }
        }
        Ok(out)
    }
}

/// Saves (replacing by name) a meal inside the caller's transaction.
pub(super) fn insert_meal_in(
    tx: &rusqlite::Connection,
    name: &str,
    items: &[(String, String)],
    now: &str,
) -> Result<(), StoreError> {
    tx.execute("DELETE FROM saved_meals WHERE name = ?1", [name])?;
    tx.execute("INSERT INTO saved_meals (name, created_at) VALUES (?1, ?2)", [name, now])?;
    let meal = tx.last_insert_rowid();
    for (i, (food_id, quantity)) in items.iter().enumerate() {
        tx.execute(
            "INSERT INTO saved_meal_items (meal, seq, food_id, quantity) VALUES (?1, ?2, ?3, ?4)",
            params![meal, i as i64 + 1, food_id, quantity],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(f, q)| (f.to_string(), q.to_string())).collect()
    }

    #[test]
    fn a_meal_saved_again_under_its_name_is_replaced_whole_in_order() {
        let tmp = tempfile::tempdir().unwrap();
        let mut d = Diary::open(&tmp.path().join("diary.db")).unwrap();
        d.save_meal("usual", &items(&[("12061", "30g"), ("01079", "1 cup")]), "t").unwrap();
        d.save_meal("empty", &[], "t").unwrap();
        d.save_meal("usual", &items(&[("11457", "1 cup"), ("12061", "1 oz"), ("c1", "1 bowl")]), "t")
            .unwrap();
        let meals = d.saved_meals().unwrap();
        assert_eq!(
            meals,
            vec![
                SavedMeal { name: "empty".into(), items: vec![] },
                SavedMeal {
                    name: "usual".into(),
                    items: items(&[("11457", "1 cup"), ("12061", "1 oz"), ("c1", "1 bowl")])
                },
            ],
            "by name, items in the order saved, the old items gone"
        );
    }
}
