//! The user's diary (diary.db): opening it (checks, schema migrations, WAL), read-only looks
//! for search, and noticing other processes' commits. What it holds is kept in one file per
//! aggregate (entries, supplements, custom foods, saved meals, profile); each user action is
//! one committed transaction.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::files::{create_private, looks_like_sqlite};
use super::hints::Hints;
use super::StoreError;

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
    pub(super) overrides: std::collections::BTreeMap<crate::domain::Nutrient, f64>,
}

impl Diary {
    /// Opens (or creates) the diary at `path`, upgrading its schema. A file that is not
    /// SQLite, is damaged, or is newer than this marrow is refused and left untouched.
    pub fn open(path: &Path) -> Result<Diary, StoreError> {
        count_open();
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
        // Read-only checks first, so a refused file is never written to. The version and the
        // tables are read in one transaction: another marrow creating the same new diary may
        // commit its first migration between two separate reads, and tables seen without the
        // version that came with them would look like another program's database.
        let (version, tables) = {
            let read = conn.unchecked_transaction().map_err(|e| classify(e, path))?;
            let version: i64 =
                read.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| classify(e, path))?;
            let tables: i64 = read
                .query_row("SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'", [], |r| {
                    r.get(0)
                })
                .map_err(|e| classify(e, path))?;
            read.commit().map_err(|e| classify(e, path))?;
            (version, tables)
        };
        if version > DIARY_SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                known: DIARY_SCHEMA_VERSION,
            });
        }
        if existed && version == 0 && tables > 0 {
            // Another program's SQLite database: not ours to convert.
            return Err(StoreError::NotADatabase { path: path.to_path_buf() });
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

    /// A number that changes whenever another connection commits to the diary: cheap to poll.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The diary opened read-only, without migrations, for a quick look by a command that
    /// only reads (a custom food by id, search hints). None when there is no diary of this
    /// marrow's schema to read.
    pub fn peek(path: &Path) -> Option<Diary> {
        let diary = Self::open_unchecked(path)?;
        diary.is_current()?.then_some(diary)
    }

    /// Runs `read` inside one read transaction, so that everything it reads is one state of
    /// the diary (and the WAL's locks are taken once). Inside another transaction it simply
    /// runs in that one.
    pub fn read<T, E: From<StoreError>>(&self, read: impl FnOnce(&Diary) -> Result<T, E>) -> Result<T, E> {
        if !self.conn.is_autocommit() {
            return read(self);
        }
        let _read = self.conn.unchecked_transaction().map_err(StoreError::from)?;
        read(self)
    }

    /// What search needs from the diary for the diary file at `path`: from the search-hints
    /// cache when it describes the diary's files as they are, else from `read` (None: no
    /// diary to read), caching that read when it is safe to.
    pub fn cached_hints(path: &Path, read: impl FnOnce() -> Option<Hints>) -> Hints {
        super::hints::cached(path, SystemTime::now(), read)
    }

    /// What search needs from this diary, read in one transaction: how often each food was
    /// logged, and the user's custom foods. None when it is not of this marrow's schema or
    /// cannot be read whole, so that a failed read is never cached.
    pub fn read_hints(&self) -> Option<Hints> {
        let _read = self.conn.unchecked_transaction().ok()?;
        if !self.is_current()? {
            return None;
        }
        Some((self.food_usage().ok()?, self.custom_foods().ok()?))
    }

    /// A second, read-only connection to this diary with the same target overrides, for a
    /// thread that only reads (the app's worker). None when the file cannot be opened.
    pub fn reader(&self) -> Option<Diary> {
        let mut diary = Self::open_unchecked(&self.path)?;
        diary.overrides = self.overrides.clone();
        Some(diary)
    }

    fn open_unchecked(path: &Path) -> Option<Diary> {
        count_open();
        let conn = super::files::open_read_only(path)?;
        conn.busy_timeout(Duration::from_millis(500)).ok()?;
        Some(Diary { conn, path: path.to_path_buf(), overrides: Default::default() })
    }

    /// Whether the file is a diary of the schema this marrow writes (None when unreadable).
    fn is_current(&self) -> Option<bool> {
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).ok()?;
        Some(version == DIARY_SCHEMA_VERSION)
    }

    /// Lets `decide` choose, each time another process's transaction is in the way, whether
    /// to wait on (true) or give up now with a busy error (false); it is told how many times
    /// it was asked during the same wait. Replaces the 30 s wait: the app waits in short
    /// slices instead, and keeps its screen and keys alive in between.
    pub fn on_busy(&mut self, decide: impl FnMut(i32) -> bool + Send + 'static) -> Result<(), StoreError> {
        Ok(self.conn.busy_handler(Some(decide))?)
    }
}

thread_local! {
    static OPENS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn count_open() {
    OPENS.with(|n| n.set(n.get() + 1));
}

/// How many times this thread has opened a diary file, for reading or writing (each
/// `Diary::open` and each read-only look). Tests read it to hold every command to one open;
/// a thread's count is its own, so tests running side by side do not mix.
pub fn diary_opens() -> usize {
    OPENS.with(std::cell::Cell::get)
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
