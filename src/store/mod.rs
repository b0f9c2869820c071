//! Everything that speaks SQL: the user's diary (diary.db) and the food catalog (catalog.db).
//! Queries are named for their intent and return domain types.

mod catalog;
mod catalog_build;
mod catalog_search;
mod custom_foods;
mod damage;
mod diary;
mod entries;
mod files;
mod hints;
mod labs;
mod notes;
mod opening;
mod profile;
mod recipes;
mod restore;
mod saved_meals;
mod saved_names;
mod supplements;
mod unreadable;
mod wal;

pub use catalog::{Catalog, FdcSummary, Origin};
pub use catalog_build::BuildProgress;
pub use custom_foods::{custom_row, CUSTOM_GROUP};
pub use damage::name_damage;
pub use diary::{diary_opens, Diary, DIARY_SCHEMA_VERSION};
pub use files::secure_dir;
pub use hints::Hints;
pub use opening::APPLICATION_ID;
pub use recipes::NewRecipe;
pub use restore::{Restore, Restored};
pub use saved_names::{Renamed, Saved};
pub use unreadable::{Raw, Rows, Table, Unreadable};

use std::path::PathBuf;

use crate::domain::nutrient::{NutrientValues, COUNT, NUTRIENTS};

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{} is not a marrow diary; it was left untouched", path.display())]
    NotADatabase { path: PathBuf },
    #[error("{} is damaged ({detail}); it was left untouched: restore it from a backup, removing {0}-wal and {0}-shm first", path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error("{} was written by a newer marrow (schema {found}, this marrow knows up to {known}); it was left untouched: upgrade marrow", path.display())]
    TooNew { path: PathBuf, found: i64, known: i64 },
    #[error("{} does not belong to {} ({reason}); both were left untouched: move {0} (and any {1}-shm) out of the way, then run marrow again", wal.display(), path.display())]
    ForeignWal { path: PathBuf, wal: PathBuf, reason: String },
    #[error("{} uses an SQLite file format this marrow cannot {} ({detail}); it was left untouched", path.display(), if detail.starts_with("write") { "write" } else { "read" })]
    Unsupported { path: PathBuf, detail: String },
    #[error("{} is {kind}, not a file marrow can use; it was left untouched: move it away", path.display())]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("the diary is read-only (no write permission on {})", path.display())]
    ReadOnly { path: PathBuf },
    #[error("the food catalog {} could not be built or opened ({detail}); it holds nothing of yours: delete it and marrow builds it again", path.display())]
    CatalogUnusable { path: PathBuf, detail: String },
    #[error("an entry must weigh more than zero grams, not {0}")]
    BadAmount(f64),
    #[error("no entry with id {0}")]
    NoSuchEntry(i64),
    #[error("no food with id {0:?}")]
    NoSuchFood(String),
    #[error("a recipe named {0:?} exists already")]
    NameTaken(String),
    #[error("{0}; it was left as it is (`marrow export` keeps it)")]
    Unreadable(Box<Unreadable>),
    #[error("can't use {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}", sql_message(.0))]
    Sql(#[source] rusqlite::Error),
    #[error(transparent)]
    Source(#[from] crate::sources::SourceError),
}

/// What an SQLite error means to the person who ran marrow: a lock held too long is said as
/// such (nothing was written); anything else is a database error with SQLite's words.
fn sql_message(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            "another marrow (or another program) kept the diary busy for too long; nothing was \
             written: try again"
                .into()
        }
        _ => format!("database error: {e}"),
    }
}

impl From<rusqlite::Error> for StoreError {
    /// Every SQL error of the store passes here, so that damage SQLite reports is noticed.
    fn from(e: rusqlite::Error) -> Self {
        damage::notice(&e);
        StoreError::Sql(e)
    }
}

/// The column beside the nutrient columns that marks an ALA figure as 18:3 undifferentiated
/// (`Marks::ala_undifferentiated`): 1 or 0.
const ALA_MARK_COLUMN: &str = "ala_undifferentiated";

/// How many columns `nutrient_columns` names: the nutrients and the ALA mark.
const VALUE_COLUMNS: usize = COUNT + 1;

/// The nutrient columns shared by entries and foods, in canonical order, then the ALA mark:
/// "energy_kcal, ..., ala_undifferentiated".
fn nutrient_columns() -> String {
    NUTRIENTS.iter().map(|i| i.key).chain([ALA_MARK_COLUMN]).collect::<Vec<_>>().join(", ")
}

/// The values bound to `nutrient_columns`, in their order.
fn nutrient_values(v: &NutrientValues) -> impl Iterator<Item = rusqlite::types::Value> + '_ {
    v.0.iter().map(|x| (*x).into()).chain([i64::from(v.1.ala_undifferentiated).into()])
}

/// Reads the nutrient columns starting at `first` into values (NULL = unknown). A figure no
/// 100 g of food can hold (negative, not finite, or over `sane::max_per_100g`), which only a
/// change made behind marrow's back can store, makes the row odd rather than a total wrong.
fn read_nutrients(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<NutrientValues> {
    let mut v = NutrientValues::unknown();
    for (i, info) in NUTRIENTS.iter().enumerate().take(COUNT) {
        let value: Option<f64> = row.get(first + i)?;
        if let Some(x) =
            value.filter(|x| !(*x >= 0.0 && *x <= crate::domain::sane::max_per_100g(info.nutrient)))
        {
            return Err(unreadable::odd(
                first + i,
                format!("{} {x} is not a figure of 100 g of food", info.key),
            ));
        }
        v.0[i] = value;
    }
    v.1.ala_undifferentiated = row.get::<_, Option<i64>>(first + COUNT)?.unwrap_or(0) != 0;
    Ok(v)
}

/// "?N, ?N+1, ..." placeholders for the nutrient columns.
fn nutrient_placeholders(first: usize) -> String {
    (0..VALUE_COLUMNS).map(|i| format!("?{}", first + i)).collect::<Vec<_>>().join(", ")
}
