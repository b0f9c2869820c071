//! Rows the diary holds that marrow cannot read as what they should be: a name that is not
//! UTF-8, a date such as 2026-02-30 (it passes the schema's pattern), an unknown supplement
//! nutrient. Each is kept as it is, with its id, why it could not be read and every column as
//! stored, so that the rest of the diary stays readable, totals can say what they leave out,
//! and an export carries the row untouched.

use std::fmt;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, Params, Row, Statement};

use super::StoreError;

/// One stored value exactly as SQLite holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    Null,
    Integer(i64),
    Real(f64),
    /// Text that is valid UTF-8.
    Text(String),
    /// Text whose bytes are not UTF-8.
    BadText(Vec<u8>),
    Blob(Vec<u8>),
}

impl Raw {
    fn from_ref(v: ValueRef<'_>) -> Raw {
        match v {
            ValueRef::Null => Raw::Null,
            ValueRef::Integer(i) => Raw::Integer(i),
            ValueRef::Real(r) => Raw::Real(r),
            ValueRef::Text(t) => match std::str::from_utf8(t) {
                Ok(s) => Raw::Text(s.to_string()),
                Err(_) => Raw::BadText(t.to_vec()),
            },
            ValueRef::Blob(b) => Raw::Blob(b.to_vec()),
        }
    }
}

/// Which kind of row could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Entries,
    Supplements,
    CustomFoods,
    Products,
    SavedMeals,
}

impl Table {
    /// The table's name in the diary and in an export.
    pub fn name(self) -> &'static str {
        match self {
            Table::Entries => "entries",
            Table::Supplements => "supplements",
            Table::CustomFoods => "custom_foods",
            Table::Products => "supplement_products",
            Table::SavedMeals => "saved_meals",
        }
    }
}

/// A row that could not be read, left in the diary as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub table: Table,
    pub id: i64,
    /// Why, in a few words: "food_name is not UTF-8", "date \"2026-02-30\" is not a calendar day".
    pub why: String,
    /// Every column as stored, by name (a custom food's portions and a saved meal's items
    /// follow as "portions[0].grams", "items[1].quantity").
    pub columns: Vec<(String, Raw)>,
}

impl Unreadable {
    /// The row's date as stored, when it is text: the day whose totals it leaves out.
    pub fn date(&self) -> Option<&str> {
        self.columns.iter().find(|(c, _)| c == "date").and_then(|(_, v)| match v {
            Raw::Text(t) => Some(t.as_str()),
            _ => None,
        })
    }
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = self.id;
        match self.table {
            Table::Entries => write!(f, "entry #{id}")?,
            Table::Supplements => write!(f, "supplement dose #{id}")?,
            Table::CustomFoods => write!(f, "custom food c{id}")?,
            Table::Products => write!(f, "supplement product #{id}")?,
            Table::SavedMeals => write!(f, "saved meal #{id}")?,
        }
        write!(f, " could not be read ({})", self.why)
    }
}

/// What a lenient read found: the rows it could read, and the ones it could not.
#[derive(Debug, Clone, PartialEq)]
pub struct Rows<T> {
    pub rows: Vec<T>,
    pub unreadable: Vec<Unreadable>,
}

impl<T> Rows<T> {
    /// Every row, or the first unreadable one as an error (for callers that need them all).
    pub fn all(self) -> Result<Vec<T>, StoreError> {
        match self.unreadable.into_iter().next() {
            Some(u) => Err(StoreError::Unreadable(Box::new(u))),
            None => Ok(self.rows),
        }
    }
}

/// A conversion error for column `i`: the row is odd, not the database.
pub(super) fn odd(i: usize, why: impl Into<String>) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, why.into().into())
}

/// Runs `stmt` and converts each row with `convert`; a row whose values do not convert is
/// kept as [`Unreadable`] (its first column is its id) instead of failing the whole read.
pub(super) fn read_rows<T>(
    stmt: &mut Statement<'_>,
    params: impl Params,
    table: Table,
    convert: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Rows<T>, StoreError> {
    let mut out = Rows { rows: Vec::new(), unreadable: Vec::new() };
    let mut rows = stmt.query(params)?;
    while let Some(row) = rows.next()? {
        match convert(row) {
            Ok(t) => out.rows.push(t),
            Err(e) => {
                let why = why(row, &e).ok_or(e)?;
                let id = row.get_ref(0)?.as_i64().unwrap_or_default();
                out.unreadable.push(Unreadable { table, id, why, columns: raw_columns(row, "")? });
            }
        }
    }
    Ok(out)
}

/// Why a row did not convert, or None when the error is not about the row's values.
pub(super) fn why(row: &Row<'_>, e: &rusqlite::Error) -> Option<String> {
    let name =
        |i: usize| row.as_ref().column_name(i).map(str::to_string).unwrap_or_else(|_| format!("column {i}"));
    Some(match e {
        rusqlite::Error::Utf8Error(i, _) => format!("{} is not UTF-8", name(*i)),
        rusqlite::Error::FromSqlConversionFailure(_, _, inner) => inner.to_string(),
        rusqlite::Error::InvalidColumnType(i, _, t) => {
            format!("{} holds {t} where marrow expects another type", name(*i))
        }
        rusqlite::Error::IntegralValueOutOfRange(i, v) => format!("{} is out of range ({v})", name(*i)),
        _ => return None,
    })
}

/// Every column of `row` by name (each prefixed with `prefix`).
pub(super) fn raw_columns(row: &Row<'_>, prefix: &str) -> rusqlite::Result<Vec<(String, Raw)>> {
    let stmt: &Statement<'_> = row.as_ref();
    (0..stmt.column_count())
        .map(|i| Ok((format!("{prefix}{}", stmt.column_name(i)?), Raw::from_ref(row.get_ref(i)?))))
        .collect()
}

/// Every row `sql` selects, each column as stored, prefixed "NAME[i]." (a food's portions, a
/// meal's items) for an unreadable row's export.
pub(super) fn raw_children(
    conn: &Connection,
    sql: &str,
    id: i64,
    name: &str,
) -> Result<Vec<(String, Raw)>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query([id])?;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(row) = rows.next()? {
        out.extend(raw_columns(row, &format!("{name}[{i}]."))?);
        i += 1;
    }
    Ok(out)
}
