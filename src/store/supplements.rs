//! Supplement doses (logged, removed, put back under their id) and saved supplement products
//! in the diary.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{params, OptionalExtension, Row};

use super::{Diary, StoreError};
use crate::domain::supplement::{NewSupplement, Supplement};
use crate::domain::{Nutrient, Product};

impl Diary {
    /// Logs a dose in one committed transaction.
    pub fn add_supplement(&mut self, s: &NewSupplement) -> Result<Supplement, StoreError> {
        let id = insert_supplement_in(&self.conn, None, s)?;
        self.supplement(id)?.ok_or(StoreError::NoSuchEntry(id))
    }

    pub fn supplement(&self, id: i64) -> Result<Option<Supplement>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, date, time, nutrient, amount, form, logged_at FROM supplements WHERE id = ?1",
            )?
            .query_row([id], row_to_supplement)
            .optional()?)
    }

    /// Doses from `from` to `to` inclusive, by date, time and logging order.
    pub fn supplements(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Supplement>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, date, time, nutrient, amount, form, logged_at FROM supplements \
             WHERE date BETWEEN ?1 AND ?2 ORDER BY date, time IS NULL, time, id",
        )?;
        let rows = stmt.query_map([from.to_string(), to.to_string()], row_to_supplement)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Removes a dose and returns it.
    pub fn remove_supplement(&mut self, id: i64) -> Result<Supplement, StoreError> {
        let s = self.supplement(id)?.ok_or(StoreError::NoSuchEntry(id))?;
        self.conn.execute("DELETE FROM supplements WHERE id = ?1", [id])?;
        Ok(s)
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
        insert_supplement_in(&self.conn, Some(s.id), &dose)?;
        self.supplement(s.id)?.ok_or(StoreError::NoSuchEntry(s.id))
    }

    /// Saves (or replaces, by name) a supplement product.
    pub fn save_product(
        &mut self,
        name: &str,
        nutrient: Nutrient,
        amount: f64,
        form: Option<&str>,
    ) -> Result<Product, StoreError> {
        insert_product_in(&self.conn, name, nutrient, amount, form)?;
        self.products()?.into_iter().find(|p| p.name == name).ok_or(StoreError::NoSuchEntry(0))
    }

    /// Saved products, by name.
    pub fn products(&self) -> Result<Vec<Product>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, nutrient, amount, form FROM supplement_products ORDER BY name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Product {
                id: r.get(0)?,
                name: r.get(1)?,
                nutrient: nutrient_from(r, 2)?,
                amount: r.get(3)?,
                form: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Inserts a dose (under `id` when restoring one) and returns its id.
pub(super) fn insert_supplement_in(
    conn: &rusqlite::Connection,
    id: Option<i64>,
    s: &NewSupplement,
) -> Result<i64, StoreError> {
    if !(s.amount.is_finite() && s.amount > 0.0) {
        return Err(StoreError::BadAmount(s.amount));
    }
    conn.execute(
        "INSERT INTO supplements (id, date, time, nutrient, amount, form, logged_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, s.date.to_string(), s.time.map(|t| t.format("%H:%M").to_string()), s.nutrient.key(), s.amount, s.form, s.logged_at],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Saves (or replaces, by name) a product.
pub(super) fn insert_product_in(
    conn: &rusqlite::Connection,
    name: &str,
    nutrient: Nutrient,
    amount: f64,
    form: Option<&str>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO supplement_products (name, nutrient, amount, form) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (name) DO UPDATE SET nutrient = ?2, amount = ?3, form = ?4",
        params![name, nutrient.key(), amount, form],
    )?;
    Ok(())
}

fn nutrient_from(r: &Row<'_>, i: usize) -> rusqlite::Result<Nutrient> {
    let key: String = r.get(i)?;
    Nutrient::parse(&key).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, "unknown nutrient".into())
    })
}

fn row_to_supplement(r: &Row<'_>) -> rusqlite::Result<Supplement> {
    let bad = |i, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, what.into())
    };
    let date: String = r.get(1)?;
    let time: Option<String> = r.get(2)?;
    Ok(Supplement {
        id: r.get(0)?,
        date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|_| bad(1, "bad date"))?,
        time: match time {
            Some(t) => Some(NaiveTime::parse_from_str(&t, "%H:%M").map_err(|_| bad(2, "bad time"))?),
            None => None,
        },
        nutrient: nutrient_from(r, 3)?,
        amount: r.get(4)?,
        form: r.get(5)?,
        logged_at: r.get(6)?,
    })
}
