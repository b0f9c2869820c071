//! Diary entries: adding (one or several at once, all or none), reading by day or range,
//! changing, removing and putting back (undo), how often each food was logged and the
//! amount last logged of a food.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::unreadable::{odd, read_rows, Rows, Table, Unreadable};

/// How many of the newest entries `recent_foods` reads before it groups them all.
const RECENT_WINDOW: usize = 2000;
use super::{nutrient_columns, nutrient_placeholders, read_nutrients, Diary, StoreError};
use crate::domain::{clip, Entry, Meal, NewEntry};

impl Diary {
    /// Adds an entry in one committed transaction and returns it with its id.
    pub fn add_entry(&mut self, e: &NewEntry) -> Result<Entry, StoreError> {
        self.insert_entry(None, e)
    }

    /// Puts back a removed entry under its old id (undo).
    pub fn restore_entry(&mut self, e: &Entry) -> Result<Entry, StoreError> {
        let new = NewEntry {
            date: e.date,
            meal: e.meal,
            food_id: e.food_id.clone(),
            food_name: e.food_name.clone(),
            grams: e.grams,
            quantity: e.quantity.clone(),
            logged_at: e.logged_at.clone(),
            per_100g: e.per_100g,
        };
        self.insert_entry(Some(e.id), &new)
    }

    fn insert_entry(&mut self, id: Option<i64>, e: &NewEntry) -> Result<Entry, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        insert_entry_in(&tx, id, e)?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.entry(id)?.ok_or(StoreError::NoSuchEntry(id))
    }

    /// One entry by id (an entry that cannot be read is an error naming it).
    pub fn entry(&self, id: i64) -> Result<Option<Entry>, StoreError> {
        let sql = format!("{} WHERE id = ?1", select_entries());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        Ok(read_rows(&mut stmt, [id], Table::Entries, row_to_entry)?.all()?.pop())
    }

    /// The entries of one day, in meal order, then in the order they were logged.
    pub fn day_entries(&self, date: NaiveDate) -> Result<Vec<Entry>, StoreError> {
        self.range_entries(date, date)
    }

    /// Entries from `from` to `to` inclusive, by date, meal and logging order; an entry that
    /// cannot be read is an error naming it (`read_entries` reads around it).
    pub fn range_entries(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Entry>, StoreError> {
        self.read_entries(Some(from), Some(to))?.all()
    }

    /// Entries whose stored date is from `from` to `to` inclusive (None: no bound, so every
    /// entry whatever its date holds), by date, meal and logging order, and apart from them
    /// the entries that cannot be read, left as they are.
    pub fn read_entries(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Rows<Entry>, StoreError> {
        let (within, bounds) = date_bounds(from, to);
        let sql = format!(
            "{} {within} ORDER BY date, \
             CASE meal WHEN 'breakfast' THEN 0 WHEN 'lunch' THEN 1 WHEN 'dinner' THEN 2 ELSE 3 END, id",
            select_entries()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        read_rows(&mut stmt, rusqlite::params_from_iter(bounds), Table::Entries, row_to_entry)
    }

    /// Removes an entry and returns what was removed.
    pub fn remove_entry(&mut self, id: i64) -> Result<Entry, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let sql = format!("{} WHERE id = ?1", select_entries());
        let entry = tx.query_row(&sql, [id], row_to_entry).optional()?.ok_or(StoreError::NoSuchEntry(id))?;
        tx.execute("DELETE FROM entries WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(entry)
    }

    /// Removes entry `id` when it is a row marrow cannot read (the user asked for it by id):
    /// what it held, or None when it reads as an entry (remove it with `remove_entry`) or
    /// there is none.
    pub fn remove_unreadable_entry(&mut self, id: i64) -> Result<Option<Unreadable>, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let odd = {
            let mut stmt = tx.prepare(&format!("{} WHERE id = ?1", select_entries()))?;
            read_rows(&mut stmt, [id], Table::Entries, row_to_entry)?.unreadable.pop()
        };
        if odd.is_some() {
            tx.execute("DELETE FROM entries WHERE id = ?1", [id])?;
        }
        tx.commit()?;
        Ok(odd)
    }

    /// Changes an entry's amount (grams and the quantity as typed).
    pub fn update_amount(&mut self, id: i64, grams: f64, quantity: &str) -> Result<Entry, StoreError> {
        if !(grams.is_finite() && grams > 0.0) {
            return Err(StoreError::BadAmount(grams));
        }
        let n = self.conn.execute(
            "UPDATE entries SET grams = ?2, quantity = ?3 WHERE id = ?1",
            params![id, grams, quantity],
        )?;
        if n == 0 {
            return Err(StoreError::NoSuchEntry(id));
        }
        self.entry(id)?.ok_or(StoreError::NoSuchEntry(id))
    }

    /// Moves an entry to another meal.
    pub fn move_entry(&mut self, id: i64, meal: Meal) -> Result<Entry, StoreError> {
        let n =
            self.conn.execute("UPDATE entries SET meal = ?2 WHERE id = ?1", params![id, meal.as_str()])?;
        if n == 0 {
            return Err(StoreError::NoSuchEntry(id));
        }
        self.entry(id)?.ok_or(StoreError::NoSuchEntry(id))
    }

    /// How often each food was logged (for ranking search results).
    pub fn food_usage(&self) -> Result<HashMap<String, u32>, StoreError> {
        usage(&self.conn)
    }
    /// Adds several entries in one transaction: all land or none.
    pub fn add_entries(&mut self, entries: &[NewEntry]) -> Result<Vec<Entry>, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut ids = Vec::new();
        for e in entries {
            insert_entry_in(&tx, None, e)?;
            ids.push(tx.last_insert_rowid());
        }
        tx.commit()?;
        ids.into_iter().map(|id| self.entry(id)?.ok_or(StoreError::NoSuchEntry(id))).collect()
    }

    /// The latest entry of each of the `limit` foods logged most recently, newest first. Read
    /// from the newest entries back, so that a long history costs nothing; only when the
    /// last [`RECENT_WINDOW`] entries hold fewer foods are all of them grouped.
    pub fn recent_foods(&self, limit: usize) -> Result<Vec<Entry>, StoreError> {
        let limit = limit.min(1000);
        let mut ids: Vec<i64> = Vec::new();
        let mut read = 0;
        {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT id, CAST(food_id AS BLOB) FROM entries ORDER BY id DESC LIMIT ?1")?;
            let mut rows = stmt.query([RECENT_WINDOW as i64])?;
            let mut seen = std::collections::HashSet::new();
            while ids.len() < limit {
                let Some(row) = rows.next()? else { break };
                read += 1;
                if seen.insert(row.get::<_, Vec<u8>>(1)?) {
                    ids.push(row.get(0)?);
                }
            }
        }
        if ids.len() < limit && read == RECENT_WINDOW {
            let mut stmt = self.conn.prepare_cached(
                "SELECT MAX(id) AS last FROM entries GROUP BY food_id ORDER BY last DESC LIMIT ?1",
            )?;
            let rows = stmt.query_map([limit as i64], |r| r.get(0))?;
            ids = rows.collect::<Result<_, _>>()?;
        }
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

/// Inserts one entry inside the caller's transaction.
pub(super) fn insert_entry_in(tx: &Connection, id: Option<i64>, e: &NewEntry) -> Result<(), StoreError> {
    if !(e.grams.is_finite() && e.grams > 0.0) {
        return Err(StoreError::BadAmount(e.grams));
    }
    let sql = format!(
        "INSERT INTO entries (id, date, meal, food_id, food_name, grams, quantity, logged_at, {}) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, {})",
        nutrient_columns(),
        nutrient_placeholders(9)
    );
    let mut values: Vec<rusqlite::types::Value> = vec![
        id.into(),
        e.date.to_string().into(),
        e.meal.as_str().to_string().into(),
        e.food_id.clone().into(),
        e.food_name.clone().into(),
        e.grams.into(),
        e.quantity.clone().into(),
        e.logged_at.clone().into(),
    ];
    values.extend(super::nutrient_values(&e.per_100g));
    tx.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?;
    Ok(())
}

/// The WHERE clause and its parameters for dates from `from` to `to` (None: unbounded).
/// Dates are compared as the stored text, so that a date no calendar has still falls in
/// the range its text sorts into.
pub(super) fn date_bounds(from: Option<NaiveDate>, to: Option<NaiveDate>) -> (&'static str, Vec<String>) {
    match (from, to) {
        (Some(f), Some(t)) => ("WHERE date BETWEEN ?1 AND ?2", vec![f.to_string(), t.to_string()]),
        (Some(f), None) => ("WHERE date >= ?1", vec![f.to_string()]),
        (None, Some(t)) => ("WHERE date <= ?1", vec![t.to_string()]),
        (None, None) => ("", vec![]),
    }
}

fn usage(conn: &Connection) -> Result<HashMap<String, u32>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT food_id, COUNT(*) FROM entries GROUP BY food_id")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn select_entries() -> String {
    format!(
        "SELECT id, date, meal, food_id, food_name, grams, quantity, logged_at, {} FROM entries",
        nutrient_columns()
    )
}

fn row_to_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<Entry> {
    let date: String = r.get(1)?;
    let meal: String = r.get(2)?;
    Ok(Entry {
        id: r.get(0)?,
        date: parse_date(1, &date)?,
        meal: meal
            .parse()
            .map_err(|_| odd(2, format!("meal {:?} is not a meal marrow knows", clip(&meal))))?,
        food_id: r.get(3)?,
        food_name: r.get(4)?,
        grams: match r.get::<_, f64>(5)? {
            g if g > 0.0 && g <= crate::domain::quantity::MAX_GRAMS => g,
            g => return Err(odd(5, format!("grams {g} is not the weight of an entry"))),
        },
        quantity: r.get(6)?,
        logged_at: r.get(7)?,
        per_100g: read_nutrients(r, 8)?,
    })
}

/// A stored date (column `i`) as a calendar day.
pub(super) fn parse_date(i: usize, text: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| odd(i, format!("date {:?} is not a calendar day", clip(text))))
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

    #[test]
    fn recent_foods_reach_past_a_long_run_of_one_food() {
        let tmp = tempfile::tempdir().unwrap();
        let mut d = Diary::open(&tmp.path().join("diary.db")).unwrap();
        let mut many = vec![new("2", 1)];
        many.extend((0..RECENT_WINDOW).map(|_| new("1", 2)));
        d.add_entries(&many).unwrap();
        let recent: Vec<String> = d.recent_foods(8).unwrap().into_iter().map(|e| e.food_id).collect();
        assert_eq!(recent, vec!["1".to_string(), "2".to_string()], "the food logged before the run too");
    }
}
