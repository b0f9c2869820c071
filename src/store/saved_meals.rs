//! Saved meals in the diary: a name and the foods with their amounts as typed, replaced
//! whole when saved again under the same name.

use rusqlite::{params, TransactionBehavior};

use super::unreadable::{raw_children, read_rows, Rows, Table};
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

    /// Saved meals by name, with their items; a meal that cannot be read is an error naming
    /// it.
    pub fn saved_meals(&self) -> Result<Vec<SavedMeal>, StoreError> {
        self.read_saved_meals()?.all()
    }

    /// Saved meals by name, with their items, and apart from them the meals that cannot be
    /// read (the name or an item), left as they are.
    pub fn read_saved_meals(&self) -> Result<Rows<SavedMeal>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, m.name, i.food_id, i.quantity FROM saved_meals m \
             LEFT JOIN saved_meal_items i ON i.meal = m.id ORDER BY m.name, m.id, i.seq",
        )?;
        let read = read_rows(&mut stmt, [], Table::SavedMeals, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        // A meal with one unreadable row is unreadable whole, with all its items as stored.
        let mut unreadable = Vec::new();
        for mut odd in read.unreadable {
            if unreadable.iter().any(|u: &super::Unreadable| u.id == odd.id) {
                continue;
            }
            odd.columns = raw_children(
                &self.conn,
                "SELECT id, name, created_at FROM saved_meals WHERE id = ?1",
                odd.id,
                "meal",
            )?;
            for (c, _) in &mut odd.columns {
                *c = c.trim_start_matches("meal[0].").to_string();
            }
            odd.columns.extend(raw_children(
                &self.conn,
                "SELECT seq, food_id, quantity FROM saved_meal_items WHERE meal = ?1 ORDER BY seq",
                odd.id,
                "items",
            )?);
            unreadable.push(odd);
        }
        let mut out: Vec<SavedMeal> = Vec::new();
        let mut last = None;
        for (id, name, food, quantity) in read.rows {
            if unreadable.iter().any(|u| u.id == id) {
                continue;
            }
            if last != Some(id) {
                out.push(SavedMeal { name, items: Vec::new() });
                last = Some(id);
            }
            if let (Some(f), Some(q), Some(m)) = (food, quantity, out.last_mut()) {
                m.items.push((f, q));
            }
        }
        Ok(Rows { rows: out, unreadable })
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
