//! The food catalog (catalog.db): built from the embedded asset on first use (or from an SR28
//! import), rebuilt when the asset changes or the file is damaged, searched with FTS5.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use super::files::create_private;
use super::{nutrient_columns, nutrient_placeholders, read_nutrients, StoreError};
use crate::catalog::asset;
use crate::domain::nutrient::Nutrient;
use crate::domain::search;
use crate::domain::{Food, Portion};

/// Layout version of catalog.db itself (tables and indexes), part of the rebuild key.
const SCHEMA: &str = "catalog-schema-2";

const SCHEMA_SQL: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE foods (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    grp TEXT NOT NULL,
    common TEXT NOT NULL,
    manufacturer TEXT NOT NULL,
    -- The portion a serving means (NLEA serving, else the first), for `top --per serving`.
    serving_amount REAL,
    serving_desc TEXT,
    serving_grams REAL,
    NUTRIENTS
);
CREATE TABLE words (word TEXT PRIMARY KEY, uses INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX words_by_length ON words (length(word));
CREATE TABLE portions (
    food INTEGER NOT NULL REFERENCES foods (rowid),
    seq INTEGER NOT NULL,
    amount REAL NOT NULL,
    description TEXT NOT NULL,
    grams REAL NOT NULL,
    PRIMARY KEY (food, seq)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE foods_fts USING fts5(
    name, common, grp, content = 'foods', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3'
);
";

/// A search result: the food (without portions) and its rank score.
pub type SearchHit = Food;

/// An open catalog.
pub struct Catalog {
    pub(super) conn: Connection,
}

impl Catalog {
    /// Opens catalog.db at `path`, building it from the embedded asset when it is missing,
    /// damaged or from another asset version. `on_build` runs before a build starts, so the
    /// caller can say what is happening.
    pub fn open(path: &Path, on_build: impl FnOnce()) -> Result<Catalog, StoreError> {
        let key = build_key(&asset::fingerprint(asset::EMBEDDED));
        if let Some(c) = Self::open_existing(path, &key) {
            return Ok(c);
        }
        on_build();
        let (_, foods) = asset::decode(asset::EMBEDDED)?;
        Self::build(path, &foods, &key)?;
        Self::open_existing(path, &key).ok_or_else(|| StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: "the freshly built catalog could not be opened".into(),
        })
    }

    /// Replaces catalog.db with `foods` (an SR28 import). It stays until a new asset version.
    pub fn replace(path: &Path, foods: &[Food]) -> Result<Catalog, StoreError> {
        let key = build_key(&asset::fingerprint(asset::EMBEDDED));
        Self::build(path, foods, &key)?;
        Self::open_existing(path, &key).ok_or_else(|| StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: "rebuilt catalog unreadable".into(),
        })
    }

    fn open_existing(path: &Path, key: &str) -> Option<Catalog> {
        if !path.exists() {
            return None;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ok()?;
        let stored: String = conn
            .query_row("SELECT value FROM meta WHERE key = 'build'", [], |r| r.get(0))
            .optional()
            .ok()??;
        (stored == key).then_some(Catalog { conn })
    }

    /// Writes a complete catalog to a temporary file beside `path`, then renames it into
    /// place, so readers never see a half-built catalog.
    fn build(path: &Path, foods: &[Food], key: &str) -> Result<(), StoreError> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let tmp: PathBuf = dir.join(format!(".catalog.db.{}.tmp", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        create_private(&tmp)?;
        let result = (|| -> Result<(), StoreError> {
            let mut conn = Connection::open(&tmp)?;
            conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
            let tx = conn.transaction()?;
            let cols: Vec<String> = Nutrient::all().map(|n| format!("{} REAL", n.key())).collect();
            tx.execute_batch(&SCHEMA_SQL.replace("NUTRIENTS", &cols.join(",\n    ")))?;
            {
                let mut food_stmt = tx.prepare(&format!(
                    "INSERT INTO foods (rowid, id, name, grp, common, manufacturer, \
                     serving_amount, serving_desc, serving_grams, {}) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, {})",
                    nutrient_columns(),
                    nutrient_placeholders(10)
                ))?;
                let mut word_stmt = tx.prepare(
                    "INSERT INTO words (word, uses) VALUES (?1, 1) ON CONFLICT (word) DO UPDATE SET uses = uses + 1",
                )?;
                // Rowids follow the search prior, so the first matches read are the likeliest.
                let mut ordered: Vec<&Food> = foods.iter().collect();
                ordered.sort_by_cached_key(|f| (search::prior(f), f.id.clone()));
                let mut portion_stmt = tx.prepare(
                    "INSERT INTO portions (food, seq, amount, description, grams) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                for (i, f) in ordered.into_iter().enumerate() {
                    let rowid = i as i64 + 1;
                    let serving = f.serving();
                    let mut values: Vec<rusqlite::types::Value> = vec![
                        rowid.into(),
                        f.id.clone().into(),
                        f.name.clone().into(),
                        f.group.clone().into(),
                        f.common_names.clone().into(),
                        f.manufacturer.clone().into(),
                        serving.map(|p| p.amount).into(),
                        serving.map(|p| p.description.clone()).into(),
                        serving.map(|p| p.grams).into(),
                    ];
                    for w in search::vocabulary(f) {
                        word_stmt.execute([w])?;
                    }
                    values.extend(f.per_100g.0.iter().map(|v| match v {
                        Some(x) => rusqlite::types::Value::Real(*x),
                        None => rusqlite::types::Value::Null,
                    }));
                    food_stmt.execute(rusqlite::params_from_iter(values))?;
                    for (seq, p) in f.portions.iter().enumerate() {
                        portion_stmt.execute(params![
                            rowid,
                            seq as i64 + 1,
                            p.amount,
                            p.description,
                            p.grams
                        ])?;
                    }
                }
            }
            tx.execute("INSERT INTO foods_fts (foods_fts) VALUES ('rebuild')", [])?;
            tx.execute("INSERT INTO meta (key, value) VALUES ('build', ?1)", [key])?;
            tx.commit()?;
            conn.execute_batch("PRAGMA optimize;")?;
            Ok(())
        })();
        if let Err(e) = result {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        std::fs::rename(&tmp, path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })
    }

    /// One food by id, with its household portions.
    pub fn food(&self, id: &str) -> Result<Option<Food>, StoreError> {
        let sql = format!(
            "SELECT f.id, f.name, f.grp, f.common, f.manufacturer, {}, f.rowid FROM foods f WHERE f.id = ?1",
            prefixed_columns("f")
        );
        let found = self
            .conn
            .prepare_cached(&sql)?
            .query_row([id.trim()], |r| {
                Ok((row_to_food(r)?, r.get::<_, i64>(5 + crate::domain::nutrient::COUNT)?))
            })
            .optional()?;
        let Some((mut food, rowid)) = found else { return Ok(None) };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT amount, description, grams FROM portions WHERE food = ?1 ORDER BY seq")?;
        food.portions = stmt
            .query_map([rowid], |r| {
                Ok(Portion { amount: r.get(0)?, description: r.get(1)?, grams: r.get(2)? })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(food))
    }

    /// The food groups, alphabetically.
    pub fn groups(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT DISTINCT grp FROM foods ORDER BY grp")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many foods the catalog holds.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.conn.query_row("SELECT COUNT(*) FROM foods", [], |r| r.get::<_, i64>(0))? as usize)
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }
}

fn build_key(fingerprint: &str) -> String {
    format!("{SCHEMA}/{fingerprint}")
}

pub(super) fn prefixed_columns(alias: &str) -> String {
    Nutrient::all().map(|n| format!("{alias}.{}", n.key())).collect::<Vec<_>>().join(", ")
}

pub(super) fn row_to_food(r: &rusqlite::Row<'_>) -> rusqlite::Result<Food> {
    Ok(Food {
        id: r.get(0)?,
        name: r.get(1)?,
        group: r.get(2)?,
        common_names: r.get(3)?,
        manufacturer: r.get(4)?,
        per_100g: read_nutrients(r, 5)?,
        portions: Vec::new(),
    })
}
