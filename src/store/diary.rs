//! The user's diary (diary.db): entries and profile, with schema migrations, WAL and one
//! committed transaction per user action.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use super::files::{create_private, looks_like_sqlite};
use super::hints::Hints;
use super::{nutrient_columns, nutrient_placeholders, read_nutrients, StoreError};
use crate::domain::{Entry, Meal, NewEntry, Profile, Sex};

/// Append-only migrations; the position + 1 is the schema version they lead to.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_diary.sql"),
    include_str!("migrations/002_supplements_custom_foods_meals.sql"),
];

/// The newest diary schema this marrow knows.
pub const DIARY_SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// An open diary.
pub struct Diary {
    pub(super) conn: Connection,
    path: PathBuf,
    /// Target overrides from the config, applied to the profile this diary returns.
    overrides: std::collections::BTreeMap<crate::domain::Nutrient, f64>,
}

impl Diary {
    /// Opens (or creates) the diary at `path`, upgrading its schema. A file that is not
    /// SQLite, is damaged, or is newer than this marrow is refused and left untouched.
    pub fn open(path: &Path) -> Result<Diary, StoreError> {
        let existed = path.exists();
        if existed && !looks_like_sqlite(path)? {
            return Err(StoreError::NotADatabase { path: path.to_path_buf() });
        }
        if !existed {
            create_private(path)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let corrupt = |detail: String| StoreError::Corrupt { path: path.to_path_buf(), detail };
        // Read-only checks first, so a refused file is never written to.
        let version: i64 =
            conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| classify(e, path))?;
        if version > DIARY_SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                known: DIARY_SCHEMA_VERSION,
            });
        }
        if existed && version == 0 {
            // Another program's SQLite database: not ours to convert.
            let tables: i64 = conn
                .query_row("SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'", [], |r| {
                    r.get(0)
                })
                .map_err(|e| classify(e, path))?;
            if tables > 0 {
                return Err(StoreError::NotADatabase { path: path.to_path_buf() });
            }
        }
        if existed {
            let check: String =
                conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0)).map_err(|e| classify(e, path))?;
            if check != "ok" {
                return Err(corrupt(check));
            }
        }
        conn.pragma_update(None, "journal_mode", "WAL").map_err(|e| classify(e, path))?;
        // FULL: a commit the user saw confirmed survives power loss too, not only a crash.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut diary = Diary { conn, path: path.to_path_buf(), overrides: Default::default() };
        diary.migrate()?;
        Ok(diary)
    }

    /// Applies pending migrations, each in its own immediate transaction.
    fn migrate(&mut self) -> Result<(), StoreError> {
        loop {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if version > DIARY_SCHEMA_VERSION {
                return Err(StoreError::TooNew {
                    path: self.path.clone(),
                    found: version,
                    known: DIARY_SCHEMA_VERSION,
                });
            }
            let Some(sql) = usize::try_from(version).ok().and_then(|v| MIGRATIONS.get(v)) else {
                return Ok(());
            };
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", version + 1)?;
            tx.commit()?;
        }
    }

    /// Targets from the config that replace the reference's in every profile returned.
    pub fn set_target_overrides(
        &mut self,
        overrides: std::collections::BTreeMap<crate::domain::Nutrient, f64>,
    ) {
        self.overrides = overrides;
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A number that changes whenever another connection commits to the diary: cheap to poll.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

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

    /// One entry by id.
    pub fn entry(&self, id: i64) -> Result<Option<Entry>, StoreError> {
        let sql = format!("{} WHERE id = ?1", select_entries());
        Ok(self.conn.prepare_cached(&sql)?.query_row([id], row_to_entry).optional()?)
    }

    /// The entries of one day, in meal order, then in the order they were logged.
    pub fn day_entries(&self, date: NaiveDate) -> Result<Vec<Entry>, StoreError> {
        self.range_entries(date, date)
    }

    /// Entries from `from` to `to` inclusive, by date, meal and logging order.
    pub fn range_entries(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Entry>, StoreError> {
        let sql = format!(
            "{} WHERE date BETWEEN ?1 AND ?2 ORDER BY date, \
             CASE meal WHEN 'breakfast' THEN 0 WHEN 'lunch' THEN 1 WHEN 'dinner' THEN 2 ELSE 3 END, id",
            select_entries()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([from.to_string(), to.to_string()], row_to_entry)?;
        Ok(rows.collect::<Result<_, _>>()?)
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

    /// The diary opened read-only, without checks or migrations, for a quick look from the
    /// command line (a custom food by id). None when there is none to read.
    pub fn peek(path: &Path) -> Option<Diary> {
        let diary = Self::open_unchecked(path)?;
        diary.is_current()?.then_some(diary)
    }

    /// What search needs from the diary: how often each food was logged, and the user's
    /// custom foods. Read from the diary's search-hints cache when the diary has not changed
    /// since it was written, else from the diary in one read transaction (the WAL's locks are
    /// taken once). Empty when there is no current diary to read.
    pub fn search_hints(path: &Path) -> Hints {
        super::hints::cached(path, SystemTime::now(), || Self::read_search_hints(path))
    }

    /// The search hints read from the diary itself. None when there is no current diary or
    /// it cannot be read whole, so that a failed read is never cached.
    pub(super) fn read_search_hints(path: &Path) -> Option<Hints> {
        let diary = Self::open_unchecked(path)?;
        let _read = diary.conn.unchecked_transaction().ok()?;
        if !diary.is_current()? {
            return None;
        }
        Some((diary.food_usage().ok()?, diary.custom_foods().ok()?))
    }

    fn open_unchecked(path: &Path) -> Option<Diary> {
        let conn = super::files::open_read_only(path)?;
        conn.busy_timeout(Duration::from_millis(500)).ok()?;
        Some(Diary { conn, path: path.to_path_buf(), overrides: Default::default() })
    }

    /// Whether the file is a diary of the schema this marrow writes (None when unreadable).
    fn is_current(&self) -> Option<bool> {
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).ok()?;
        Some(version == DIARY_SCHEMA_VERSION)
    }

    /// The user's profile, or the default one (adult woman 31-50) when none is set.
    pub fn profile(&self) -> Result<Profile, StoreError> {
        let row = self
            .conn
            .query_row("SELECT sex, age, pregnant, lactating, weight_kg FROM profile WHERE id = 1", [], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .optional()?;
        Ok(match row {
            Some((sex, age, pregnant, lactating, weight_kg)) => Profile {
                sex: Sex::parse(&sex).unwrap_or(Sex::Female),
                age,
                pregnant,
                lactating,
                weight_kg,
                default: false,
                overrides: self.overrides.clone(),
            },
            None => Profile { overrides: self.overrides.clone(), ..Profile::default() },
        })
    }

    /// Saves the profile.
    pub fn set_profile(&mut self, p: &Profile, now: &str) -> Result<(), StoreError> {
        set_profile_in(&self.conn, p, now)
    }
}

/// Saves the profile inside the caller's transaction (or alone).
pub(super) fn set_profile_in(conn: &Connection, p: &Profile, now: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO profile (id, sex, age, pregnant, lactating, weight_kg, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET sex = ?1, age = ?2, pregnant = ?3, lactating = ?4,
             weight_kg = ?5, updated_at = ?6",
        params![p.sex.as_str(), p.age, p.pregnant, p.lactating, p.weight_kg, now],
    )?;
    Ok(())
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
    values.extend(e.per_100g.0.iter().map(|v| (*v).into()));
    tx.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?;
    Ok(())
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
    let bad = |i, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, what.into())
    };
    Ok(Entry {
        id: r.get(0)?,
        date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|_| bad(1, "bad date"))?,
        meal: meal.parse().map_err(|_| bad(2, "bad meal"))?,
        food_id: r.get(3)?,
        food_name: r.get(4)?,
        grams: r.get(5)?,
        quantity: r.get(6)?,
        logged_at: r.get(7)?,
        per_100g: read_nutrients(r, 8)?,
    })
}

/// Turns SQLite's "not a database" and "malformed" into a clear refusal.
fn classify(e: rusqlite::Error, path: &Path) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase { path: path.to_path_buf() },
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            StoreError::Corrupt { path: path.to_path_buf(), detail: e.to_string() }
        }
        _ => StoreError::Sql(e),
    }
}
