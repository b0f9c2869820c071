//! Laboratory values in the diary: added, listed by date, removed, and written back by an
//! import. Each is kept as entered (value, unit, the lab's range); a row whose kind or unit
//! this marrow does not know is an error naming it, never a guess.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};

use super::entries::{date_bounds, parse_date};
use super::{Diary, StoreError};
use crate::domain::labs::{Lab, LabKind, LabRange, LabUnit, NewLab};

const SELECT_LABS: &str = "SELECT id, date, kind, value, unit, range_low, range_high, logged_at FROM labs";

impl Diary {
    /// Keeps a lab value in one committed statement.
    pub fn add_lab(&mut self, lab: &NewLab) -> Result<Lab, StoreError> {
        let id = insert_lab_in(&self.conn, lab)?;
        self.lab(id)?.ok_or(StoreError::NoSuchEntry(id))
    }

    /// One lab value by id.
    pub fn lab(&self, id: i64) -> Result<Option<Lab>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT_LABS} WHERE id = ?1"))?;
        let mut rows = stmt.query_map([id], row_to_lab)?;
        rows.next().transpose().map_err(StoreError::from)
    }

    /// Lab values dated from `from` to `to` (None: unbounded), by date and then as entered.
    pub fn labs(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<Lab>, StoreError> {
        let (within, bounds) = date_bounds(from, to);
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT_LABS} {within} ORDER BY date, id"))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(bounds), row_to_lab)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Removes a lab value and returns it.
    pub fn remove_lab(&mut self, id: i64) -> Result<Lab, StoreError> {
        let lab = self.lab(id)?.ok_or(StoreError::NoSuchEntry(id))?;
        self.conn.execute("DELETE FROM labs WHERE id = ?1", [id])?;
        Ok(lab)
    }
}

/// Inserts a lab value on `conn` (a transaction, for an import) and gives its id.
pub(super) fn insert_lab_in(conn: &Connection, lab: &NewLab) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO labs (date, kind, value, unit, range_low, range_high, logged_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        lab.date.to_string(),
        lab.kind.key(),
        lab.value,
        lab.unit.key(),
        lab.range.map(|r| r.low),
        lab.range.map(|r| r.high),
        lab.logged_at,
    ])?;
    Ok(conn.last_insert_rowid())
}

fn odd(col: usize, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, what.into())
}

fn row_to_lab(r: &Row<'_>) -> rusqlite::Result<Lab> {
    let date: String = r.get(1)?;
    let kind: String = r.get(2)?;
    let unit: String = r.get(4)?;
    let kind = LabKind::parse(&kind)
        .filter(|k| k.key() == kind)
        .ok_or_else(|| odd(2, format!("lab kind {kind:?} is not one marrow knows")))?;
    let unit = LabUnit::parse(&unit)
        .filter(|u| kind.units().contains(u))
        .ok_or_else(|| odd(4, format!("lab unit {unit:?} is not one of {}", kind.key())))?;
    let range = match (r.get::<_, Option<f64>>(5)?, r.get::<_, Option<f64>>(6)?) {
        (Some(low), Some(high)) => Some(LabRange { low, high }),
        _ => None,
    };
    Ok(Lab {
        id: r.get(0)?,
        lab: NewLab {
            date: parse_date(1, &date)?,
            kind,
            value: r.get(3)?,
            unit,
            range,
            logged_at: r.get(7)?,
        },
    })
}
