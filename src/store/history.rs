//! What the app asks of the diary's past: the foods logged most recently, the amount last
//! logged of a food, putting a removed supplement dose back under its id (undo), and taking
//! several entries back at once.

use rusqlite::TransactionBehavior;

use super::{Diary, StoreError};
use crate::domain::supplement::{NewSupplement, Supplement};
use crate::domain::Entry;

impl Diary {
    /// The latest entry of each of the `limit` foods logged most recently, newest first.
    pub fn recent_foods(&self, limit: usize) -> Result<Vec<Entry>, StoreError> {
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT MAX(id) AS last FROM entries GROUP BY food_id ORDER BY last DESC LIMIT ?1",
            )?;
            let rows = stmt.query_map([limit.min(1000) as i64], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        // An entry removed in between is simply left out.
        Ok(ids
            .into_iter()
            .map(|id| self.entry(id))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .flatten()
            .collect())
    }

    /// The latest entry of this food, for the amount a person usually has of it.
    pub fn last_entry_of(&self, food_id: &str) -> Result<Option<Entry>, StoreError> {
        let id: Option<i64> = {
            let mut stmt = self.conn.prepare_cached("SELECT MAX(id) FROM entries WHERE food_id = ?1")?;
            stmt.query_row([food_id], |r| r.get(0))?
        };
        match id {
            Some(id) => self.entry(id),
            None => Ok(None),
        }
    }

    /// Puts back a removed dose under its old id (undo).
    pub fn restore_supplement(&mut self, s: &Supplement) -> Result<Supplement, StoreError> {
        let dose = NewSupplement {
            date: s.date,
            time: s.time,
            nutrient: s.nutrient,
            amount: s.amount,
            form: s.form.clone(),
            logged_at: s.logged_at.clone(),
        };
        super::supplements::insert_supplement_in(&self.conn, Some(s.id), &dose)?;
        self.supplement(s.id)?.ok_or(StoreError::NoSuchEntry(s.id))
    }

    /// Removes several entries in one transaction (all or none) and returns them.
    pub fn remove_entries(&mut self, ids: &[i64]) -> Result<Vec<Entry>, StoreError> {
        let mut removed = Vec::with_capacity(ids.len());
        for id in ids {
            removed.push(self.entry(*id)?.ok_or(StoreError::NoSuchEntry(*id))?);
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for id in ids {
            // Gone since it was read (another process): nothing is removed.
            if tx.execute("DELETE FROM entries WHERE id = ?1", [id])? != 1 {
                return Err(StoreError::NoSuchEntry(*id));
            }
        }
        tx.commit()?;
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::supplement::NewSupplement;
    use crate::domain::{Meal, NewEntry, Nutrient, NutrientValues};

    fn new(food: &str, date: u32) -> NewEntry {
        NewEntry {
            date: NaiveDate::from_ymd_opt(2026, 11, date).unwrap(),
            meal: Meal::Lunch,
            food_id: food.into(),
            food_name: format!("food {food}"),
            grams: 30.0,
            quantity: "30g".into(),
            logged_at: "t".into(),
            per_100g: NutrientValues::unknown(),
        }
    }

    #[test]
    fn recent_foods_restored_doses_and_batch_removal() {
        let tmp = tempfile::tempdir().unwrap();
        let mut d = Diary::open(&tmp.path().join("diary.db")).unwrap();
        let added = d.add_entries(&[new("1", 20), new("2", 21), new("1", 22), new("3", 19)]).unwrap();
        let recent: Vec<(String, u32)> = d
            .recent_foods(2)
            .unwrap()
            .into_iter()
            .map(|e| (e.food_id, chrono::Datelike::day(&e.date)))
            .collect();
        assert_eq!(recent, vec![("3".to_string(), 19), ("1".to_string(), 22)], "by logging order, once each");

        let dose = d
            .add_supplement(&NewSupplement {
                date: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
                time: None,
                nutrient: Nutrient::Magnesium,
                amount: 200.0,
                form: Some("glycinate".into()),
                logged_at: "t".into(),
            })
            .unwrap();
        let removed = d.remove_supplement(dose.id).unwrap();
        assert_eq!(d.restore_supplement(&removed).unwrap(), dose, "same id, same dose");

        // All or none: an id that is gone leaves every entry in place.
        assert!(d.remove_entries(&[added[0].id, 999]).is_err());
        assert!(d.entry(added[0].id).unwrap().is_some());
        let gone = d.remove_entries(&[added[0].id, added[1].id]).unwrap();
        assert_eq!(gone, added[..2].to_vec());
        assert!(d.entry(added[1].id).unwrap().is_none());
    }
}
