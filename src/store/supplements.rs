//! Supplement doses (logged, removed, put back under their id) and saved supplement products
//! in the diary.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{params, Row, TransactionBehavior};

use super::entries::{date_bounds, parse_date};
use super::unreadable::{odd, read_rows, Rows, Table, Unreadable};
use super::{Diary, StoreError};
use crate::domain::supplement::{NewSupplement, Supplement};
use crate::domain::{clip, Nutrient, Product};

const SELECT_DOSES: &str = "SELECT id, date, time, nutrient, amount, form, logged_at FROM supplements";

impl Diary {
    /// Logs a dose in one committed transaction.
    pub fn add_supplement(&mut self, s: &NewSupplement) -> Result<Supplement, StoreError> {
        self.add_supplement_saving(s, None)
    }

    /// Logs a dose and, with `save_as`, keeps it as a product (replacing one of that name):
    /// both in one immediate transaction, so that both land or neither does.
    pub fn add_supplement_saving(
        &mut self,
        s: &NewSupplement,
        save_as: Option<&str>,
    ) -> Result<Supplement, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = insert_supplement_in(&tx, None, s)?;
        if let Some(name) = save_as {
            insert_product_in(&tx, name, s.nutrient, s.amount, s.form.as_deref())?;
        }
        tx.commit()?;
        self.supplement(id)?.ok_or(StoreError::NoSuchEntry(id))
    }

    /// One dose by id (a dose that cannot be read is an error naming it).
    pub fn supplement(&self, id: i64) -> Result<Option<Supplement>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT_DOSES} WHERE id = ?1"))?;
        Ok(read_rows(&mut stmt, [id], Table::Supplements, row_to_supplement)?.all()?.pop())
    }

    /// Doses from `from` to `to` inclusive, by date, time and logging order; a dose that
    /// cannot be read is an error naming it (`read_supplements` reads around it).
    pub fn supplements(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Supplement>, StoreError> {
        self.read_supplements(Some(from), Some(to))?.all()
    }

    /// Doses whose stored date is from `from` to `to` (None: unbounded), and apart from them
    /// the doses that cannot be read, left as they are.
    pub fn read_supplements(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Rows<Supplement>, StoreError> {
        let (within, bounds) = date_bounds(from, to);
        let sql = format!("{SELECT_DOSES} {within} ORDER BY date, time IS NULL, time, id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        read_rows(&mut stmt, rusqlite::params_from_iter(bounds), Table::Supplements, row_to_supplement)
    }

    /// Removes a dose and returns it.
    pub fn remove_supplement(&mut self, id: i64) -> Result<Supplement, StoreError> {
        let s = self.supplement(id)?.ok_or(StoreError::NoSuchEntry(id))?;
        self.conn.execute("DELETE FROM supplements WHERE id = ?1", [id])?;
        Ok(s)
    }

    /// Removes dose `id` when it is a row marrow cannot read (the user asked for it by id):
    /// what it held, or None when it reads as a dose or there is none.
    pub fn remove_unreadable_supplement(&mut self, id: i64) -> Result<Option<Unreadable>, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let odd = {
            let mut stmt = tx.prepare(&format!("{SELECT_DOSES} WHERE id = ?1"))?;
            read_rows(&mut stmt, [id], Table::Supplements, row_to_supplement)?.unreadable.pop()
        };
        if odd.is_some() {
            tx.execute("DELETE FROM supplements WHERE id = ?1", [id])?;
        }
        tx.commit()?;
        Ok(odd)
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

    /// Saved products, by name; a product that cannot be read is an error naming it.
    pub fn products(&self) -> Result<Vec<Product>, StoreError> {
        self.read_products()?.all()
    }

    /// Saved products by name, and apart from them those that cannot be read.
    pub fn read_products(&self) -> Result<Rows<Product>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, nutrient, amount, form FROM supplement_products ORDER BY name",
        )?;
        read_rows(&mut stmt, [], Table::Products, |r| {
            Ok(Product {
                id: r.get(0)?,
                name: r.get(1)?,
                nutrient: nutrient_from(r, 2)?,
                amount: r.get(3)?,
                form: r.get(4)?,
            })
        })
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
    Nutrient::parse(&key).ok_or_else(|| odd(i, format!("unknown nutrient {:?}", clip(&key))))
}

fn row_to_supplement(r: &Row<'_>) -> rusqlite::Result<Supplement> {
    let date: String = r.get(1)?;
    let time: Option<String> = r.get(2)?;
    Ok(Supplement {
        id: r.get(0)?,
        date: parse_date(1, &date)?,
        time: match time {
            Some(t) => Some(
                NaiveTime::parse_from_str(&t, "%H:%M")
                    .map_err(|_| odd(2, format!("time {:?} is not a time of day", clip(&t))))?,
            ),
            None => None,
        },
        nutrient: nutrient_from(r, 3)?,
        amount: match (nutrient_from(r, 3)?, r.get::<_, f64>(4)?) {
            (n, a) if a > 0.0 && a <= crate::domain::sane::max_dose(n) => a,
            (_, a) => return Err(odd(4, format!("amount {a} is not a dose"))),
        },
        form: r.get(5)?,
        logged_at: r.get(6)?,
    })
}
