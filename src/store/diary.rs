//! The user's diary (diary.db): opening it (checks, schema migrations, WAL), read-only looks
//! for search, and noticing other processes' commits. What it holds is kept in one file per
//! aggregate (entries, supplements, custom foods, saved meals, profile); each user action is
//! one committed transaction.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::damage;
use super::files::{check_writable, create_private};
use super::hints::Hints;
use super::opening::{self, classify, Check, Found, Look, APPLICATION_ID};
use super::StoreError;

/// Append-only migrations; the position + 1 is the schema version they lead to.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_diary.sql"),
    include_str!("migrations/002_supplements_custom_foods_meals.sql"),
    include_str!("migrations/003_infant_months.sql"),
    include_str!("migrations/004_more_nutrients.sql"),
    include_str!("migrations/005_labs.sql"),
    super::notes::MIGRATION,
    super::recipes::MIGRATION,
];

/// The newest diary schema this marrow knows.
pub const DIARY_SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a writer waits for another process's transaction before giving up.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// An open diary.
pub struct Diary {
    pub(super) conn: Connection,
    path: PathBuf,
    /// Target overrides from the config, applied to the profile this diary returns.
    pub(super) overrides: std::collections::BTreeMap<crate::domain::Nutrient, f64>,
}

impl Diary {
    /// Opens (or creates) the diary at `path` for writing, upgrading its schema. A file that
    /// is not a marrow diary, is newer than this marrow or has a log that is not its own is
    /// refused before SQLite may write anything, and left untouched; so is a damaged one,
    /// found by reading it whole at the first write of the day (and before any upgrade).
    pub fn open(path: &Path) -> Result<Diary, StoreError> {
        count_open();
        let whole = !damage::checked_today(path);
        let look = opening::look(path, if whole { Check::Whole } else { Check::Header })?;
        if whole && matches!(look, Look::Diary(_)) {
            damage::record_check(path);
        }
        Self::open_writing(path, look)
    }

    /// Opens the diary at `path` for a command that only reads: after the same checks as
    /// `open`, on a connection that never writes, so it never waits for a writer (WAL readers
    /// need no lock) and works on a diary it may not write. Only a diary that needs an
    /// upgrade is opened for writing, once. A missing diary reads as an empty one, and
    /// nothing is created.
    pub fn open_for_reading(path: &Path) -> Result<Diary, StoreError> {
        count_open();
        let found = match opening::look(path, Check::Header)? {
            Look::Missing | Look::Empty => return Self::empty(path),
            Look::Diary(found) => found,
        };
        let current = found.version == DIARY_SCHEMA_VERSION;
        if !(current && found.marked) {
            let writable = check_writable(path);
            if writable.is_ok() && found.writable_format {
                return Self::open_writing(path, Look::Diary(found));
            }
            // An unmarked diary of this schema reads as it is until a marrow can mark it; an
            // older one must be upgraded first.
            if !current {
                writable?;
                return Self::open_writing(path, Look::Diary(found));
            }
        }
        let conn = reading_connection(path)?;
        Ok(Diary { conn, path: path.to_path_buf(), overrides: Default::default() })
    }

    fn open_writing(path: &Path, look: Look) -> Result<Diary, StoreError> {
        if let Look::Diary(Found { writable_format: false, .. }) = look {
            let detail = "write version above 2".to_string();
            return Err(StoreError::Unsupported { path: path.to_path_buf(), detail });
        }
        check_writable(path)?;
        if let Look::Missing = look {
            create_private(path)?;
        }
        // No URI parsing: a data directory named "file:..." is a directory like any other.
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify(e, path))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mut diary = Diary { conn, path: path.to_path_buf(), overrides: Default::default() };
        if let Err(e) = diary.settle() {
            // Whatever was refused stays as it is: no checkpoint on the way out.
            let _ = diary.conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
            return Err(e);
        }
        Ok(diary)
    }

    /// WAL mode, durable commits, foreign keys, and any pending migration.
    fn settle(&mut self) -> Result<(), StoreError> {
        wal_mode(&self.conn).map_err(|e| classify(e, &self.path))?;
        // FULL: a commit the user saw confirmed survives power loss too, not only a crash.
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        self.migrate()
    }

    /// An empty diary of the current schema in memory, for reading where there is none.
    fn empty(path: &Path) -> Result<Diary, StoreError> {
        let conn = Connection::open_in_memory()?;
        for (i, sql) in MIGRATIONS.iter().enumerate() {
            conn.execute_batch(sql)?;
            conn.pragma_update(None, "user_version", i as i64 + 1)?;
        }
        conn.pragma_update(None, "query_only", true)?;
        Ok(Diary { conn, path: path.to_path_buf(), overrides: Default::default() })
    }

    /// Applies pending migrations, each in its own immediate transaction, and marks the diary
    /// as marrow's. The write lock is taken only when there is something to do.
    fn migrate(&mut self) -> Result<(), StoreError> {
        loop {
            if self.is_current() == Some(true) && self.application_id()? == APPLICATION_ID {
                return Ok(());
            }
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if version > DIARY_SCHEMA_VERSION {
                return Err(StoreError::TooNew {
                    path: self.path.clone(),
                    found: version,
                    known: DIARY_SCHEMA_VERSION,
                });
            }
            let app: i32 = tx.query_row("PRAGMA application_id", [], |r| r.get(0))?;
            if app != APPLICATION_ID {
                tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            }
            if let Some(sql) = usize::try_from(version).ok().and_then(|v| MIGRATIONS.get(v)) {
                tx.execute_batch(sql)?;
                tx.pragma_update(None, "user_version", version + 1)?;
            }
            tx.commit()?;
        }
    }

    fn application_id(&self) -> Result<i32, StoreError> {
        Ok(self.conn.query_row("PRAGMA application_id", [], |r| r.get(0))?)
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
        count_open();
        let Ok(Look::Diary(found)) = opening::look(path, Check::Header) else { return None };
        if found.version != DIARY_SCHEMA_VERSION {
            return None;
        }
        let conn = reading_connection(path).ok()?;
        Some(Diary { conn, path: path.to_path_buf(), overrides: Default::default() })
    }

    /// What SQLite's quick check finds wrong in the diary at `path`, read page by page and
    /// never written (empty: whole; no diary: nothing to find). A file that is not a marrow
    /// diary, or one that cannot be read at all, is refused as at open.
    pub fn problems(path: &Path) -> Result<Vec<String>, StoreError> {
        count_open();
        let problems = match opening::look(path, Check::Report)? {
            Look::Diary(found) => found.problems,
            Look::Missing | Look::Empty => Vec::new(),
        };
        if !problems.is_empty() {
            damage::found(path);
        }
        Ok(problems)
    }

    /// Refuses this diary when a check of its every page fails, before a copy of it is made
    /// or anything is imported into it.
    pub fn verify(&self) -> Result<(), StoreError> {
        match opening::quick_check(&self.conn, 1)?.into_iter().next() {
            None => Ok(()),
            Some(detail) => {
                damage::found(&self.path);
                Err(StoreError::Corrupt { path: self.path.clone(), detail })
            }
        }
    }

    /// `e` said plainly when SQLite reported damage: see [`super::name_damage`].
    pub fn name_damage(&self, e: StoreError, catalog: Option<&Path>) -> StoreError {
        super::name_damage(e, &self.path, catalog)
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
        let mut own = self.custom_foods().ok()?;
        own.extend(self.recipe_foods().ok()?);
        Some((self.food_usage().ok()?, own))
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

impl Drop for Diary {
    /// A diary found damaged keeps its files as they are: no checkpoint of its log into it.
    fn drop(&mut self) {
        if damage::keep_as_is(&self.path) {
            let _ = self.conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
        }
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

/// Switches the diary to WAL mode. Several processes starting on a new or old-format diary
/// at once each try it: SQLite then answers "busy" without waiting, so this waits itself.
fn wal_mode(conn: &Connection) -> rusqlite::Result<()> {
    let started = Instant::now();
    loop {
        let busy = match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Ok(mode) if mode.eq_ignore_ascii_case("wal") => return Ok(()),
            Ok(_) => true,
            Err(e) => {
                let busy = matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                );
                if !busy || started.elapsed() > BUSY_TIMEOUT {
                    return Err(e);
                }
                true
            }
        };
        if busy && started.elapsed() > BUSY_TIMEOUT {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                Some("the diary could not be switched to WAL mode".into()),
            ));
        }
        std::thread::sleep(Duration::from_millis(15));
    }
}

/// A connection that only reads the checked diary at `path`. Opened read-write so that, as
/// SQLite does, the last connection out checkpoints and removes the -wal and -shm; `query_only`
/// keeps it from writing anything else, and SQLite opens a file it may not write read-only.
/// Where the -wal and -shm cannot be created (read-only media or directory), the file is read
/// as it is: it is the whole diary then, since a log with commits was refused without a -shm.
fn reading_connection(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(e, path))?;
    conn.pragma_update(None, "query_only", true)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    match conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => return Ok(conn),
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
            ) => {}
        Err(e) => return Err(classify(e, path)),
    }
    drop(conn);
    let wal = opening::sibling(path, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(StoreError::ReadOnly { path: path.parent().unwrap_or(path).to_path_buf() });
    }
    super::files::open_immutable(path).ok_or_else(|| StoreError::ReadOnly { path: path.to_path_buf() })
}
