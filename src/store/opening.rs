//! Looking at a diary file before SQLite may change it: what kind of file it is, its header,
//! its write-ahead log, whose database it is, its schema version and, when asked, whether it is
//! whole. Everything here reads; a file refused here is left byte for byte as it was, with its
//! -wal and -shm.
//!
//! Opening reads a few pages whatever the diary's size: SQLite's check of every page is kept
//! for where it pays (see `Check` and docs/reliability.md), and damage SQLite meets later, on
//! the pages a command reads, becomes the same refusal (damage.rs).
//!
//! marrow's diaries carry `PRAGMA application_id = 0x6d727277` ("mrrw" in ASCII, at offset 68
//! of the SQLite header), so that a marrow diary is known as one by its first 100 bytes and
//! `file(1)`-style tools can tell it apart. Diaries made before the mark are recognised by their
//! `entries` table and marked the first time a marrow that can write opens them.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::files::{file_uri, not_a_file};
use super::wal::{self, Wal};
use super::StoreError;

/// marrow's mark in the SQLite header of every diary: "mrrw".
pub const APPLICATION_ID: i32 = 0x6d72_7277;

/// The columns of `entries` every marrow diary has had since its first schema.
const ENTRY_COLUMNS: [&str; 7] = ["date", "meal", "food_id", "food_name", "grams", "quantity", "logged_at"];

/// What is at a diary path.
#[derive(Debug)]
pub(super) enum Look {
    /// No file: a new diary.
    Missing,
    /// An empty file and no log: a new diary too.
    Empty,
    /// A marrow diary this marrow can read.
    Diary(Found),
}

#[derive(Debug)]
pub(super) struct Found {
    pub version: i64,
    /// Whether it carries marrow's application id.
    pub marked: bool,
    /// Whether SQLite may write this file format (header byte 18).
    pub writable_format: bool,
    /// What SQLite's quick check found wrong ([`Check::Report`] only; empty: whole).
    pub problems: Vec<String>,
}

/// How much of a diary `look` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Check {
    /// The header, whose database it is and its schema: a few pages, whatever the diary's
    /// size. Every page is still checked before marrow upgrades or marks a diary.
    Header,
    /// And SQLite's quick check of every page: a damaged diary is refused.
    Whole,
    /// The quick check too, its problems reported in [`Found::problems`] instead of refused.
    Report,
}

/// The most problems `Check::Report` lists.
const MAX_PROBLEMS: usize = 100;

/// Looks at the diary at `path`, reading as much as `check` asks. A refusal is looked at
/// again a few times before it stands: another marrow creating, upgrading or checkpointing
/// the same diary can make its files look wrong for a moment.
pub(super) fn look(path: &Path, check: Check) -> Result<Look, StoreError> {
    let mut tries = 0;
    loop {
        match look_once(path, check) {
            Err(e) if is_refusal(&e) && tries < 4 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(40 * tries));
            }
            other => return other,
        }
    }
}

fn is_refusal(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::NotADatabase { .. }
            | StoreError::Corrupt { .. }
            | StoreError::TooNew { .. }
            | StoreError::ForeignWal { .. }
    )
}

/// `diary.db` -> `diary.db-wal` (or `-shm`).
pub(super) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn look_once(path: &Path, mode: Check) -> Result<Look, StoreError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    match fs::metadata(path) {
        Ok(m) if m.is_file() => {}
        Ok(m) => return Err(not_a_file(path, &m)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Look::Missing),
        Err(e) => return Err(io(path)(e)),
    }
    let page1 = read_page1(path)?;
    let (wal_path, shm_path) = (sibling(path, "-wal"), sibling(path, "-shm"));
    for p in [&wal_path, &shm_path] {
        if let Ok(m) = fs::metadata(p) {
            if !m.is_file() {
                return Err(not_a_file(p, &m));
            }
        }
    }
    let shm = shm_path.exists();
    match wal::inspect(&wal_path, path, page1.as_deref(), shm).map_err(io(&wal_path))? {
        Wal::Foreign(reason) => {
            return Err(StoreError::ForeignWal { path: path.to_path_buf(), wal: wal_path, reason })
        }
        Wal::Nothing if page1.is_none() => return Ok(Look::Empty),
        Wal::Nothing | Wal::Committed => {}
    }
    let (wal_mode, writable_format) = match &page1 {
        Some(p) if p[19] > 2 => {
            return Err(StoreError::Unsupported {
                path: path.to_path_buf(),
                detail: format!("read version {}", p[19]),
            })
        }
        Some(p) => (p[18] == 2, p[18] <= 2),
        None => (true, true),
    };
    // Read-only, and never checkpointing: with the -shm only read (SQLite then reads the log
    // into memory when no other process has it open), or without it the file alone, which
    // is the whole diary when no log holds commits. A -shm a writer killed mid-commit left
    // unsettled is one a reader must write to (its read mark): only read, SQLite would retry
    // for ten seconds before giving up, so such a one is opened for SQLite to settle. It is
    // SQLite's own index of the log, rebuilt from the log; diary.db and the log stay as they
    // are.
    let query = match (wal_mode, shm, wal_path.exists()) {
        (false, _, _) => "mode=ro",
        (true, true, _) if !wal::shm_is_settled(&shm_path, &wal_path) => "mode=ro",
        (true, true, _) => "mode=ro&readonly_shm=1",
        (true, false, false) => "mode=ro&immutable=1",
        (true, false, true) => "mode=ro",
    };
    let read_only = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let found = match checked(Path::new(&file_uri(path, query)), read_only, path, mode) {
        // A -shm left half-written by a process killed while it set it up can only be
        // rebuilt by a connection that may write it. That one connection, which still never
        // writes the diary or its log nor checkpoints, rebuilds it.
        Err(StoreError::Sql(e)) if needs_shm_rebuilt(&e) => {
            checked(path, OpenFlags::SQLITE_OPEN_READ_WRITE, path, mode)
        }
        other => other,
    }?;
    Ok(Look::Diary(Found { writable_format, ..found }))
}

/// Opens `name` with `flags`, never to checkpoint on close, and checks the diary through it.
fn checked(name: &Path, flags: OpenFlags, path: &Path, mode: Check) -> Result<Found, StoreError> {
    let conn = Connection::open_with_flags(name, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(StoreError::Sql)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
    conn.busy_timeout(super::diary::BUSY_TIMEOUT)?;
    check(&conn, path, mode).map_err(|e| match e {
        StoreError::Sql(e) if !needs_shm_rebuilt(&e) => classify(e, path),
        other => other,
    })
}

/// SQLite's answers when a read-only connection cannot use the -shm as it is.
fn needs_shm_rebuilt(e: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode as C;
    matches!(e.sqlite_error_code(), Some(C::FileLockingProtocolFailed | C::ReadOnly | C::CannotOpen))
}

/// Reads page 1 of a non-empty database file: None for an empty file, a refusal when the
/// file does not start with SQLite's header.
fn read_page1(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    let io = |source| StoreError::Io { path: path.to_path_buf(), source };
    let mut file = fs::File::open(path).map_err(io)?;
    let mut head = Vec::with_capacity(100);
    (&mut file).take(100).read_to_end(&mut head).map_err(io)?;
    if head.is_empty() {
        return Ok(None);
    }
    let page_size = match head.get(16..18).map(|b| u16::from_be_bytes([b[0], b[1]])) {
        Some(1) => 65536,
        Some(n) => usize::from(n),
        None => 0,
    };
    if head.len() < 100 || !head.starts_with(b"SQLite format 3\0") || !(512..=65536).contains(&page_size) {
        return Err(StoreError::NotADatabase { path: path.to_path_buf() });
    }
    file.take(page_size as u64 - 100).read_to_end(&mut head).map_err(io)?;
    Ok(Some(head))
}

/// Whose database it is, its schema version and, as `mode` asks, whether it is whole, read in
/// one read transaction: another marrow creating the same diary commits its schema and version
/// together.
fn check(conn: &Connection, path: &Path, mode: Check) -> Result<Found, StoreError> {
    let read = conn.unchecked_transaction()?;
    let app: i32 = read.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = read.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let tables: i64 =
        read.query_row("SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'", [], |r| {
            r.get(0)
        })?;
    let list = ENTRY_COLUMNS.map(|c| format!("'{c}'")).join(", ");
    let columns: i64 = read.query_row(
        &format!("SELECT COUNT(*) FROM pragma_table_info('entries') WHERE name IN ({list})"),
        [],
        |r| r.get(0),
    )?;
    let marked = app == APPLICATION_ID;
    let old_marrow = app == 0 && version >= 1 && columns == ENTRY_COLUMNS.len() as i64;
    let blank = app == 0 && version == 0 && tables == 0;
    if !(marked || old_marrow || blank) {
        return Err(StoreError::NotADatabase { path: path.to_path_buf() });
    }
    let known = super::DIARY_SCHEMA_VERSION;
    if version > known {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found: version, known });
    }
    if !blank {
        schema_matches(&read, version, path)?;
    }
    // A diary about to be upgraded or marked is read whole first: marrow never writes its
    // schema into a damaged file.
    let upgrade = !blank && (version < known || !marked);
    let mut problems = Vec::new();
    match mode {
        Check::Header if !upgrade => {}
        Check::Header | Check::Whole => {
            if let Some(first) = quick_check(&read, 1)?.into_iter().next() {
                return Err(StoreError::Corrupt { path: path.to_path_buf(), detail: first });
            }
        }
        Check::Report => problems = quick_check(&read, MAX_PROBLEMS)?,
    }
    Ok(Found { version, marked, writable_format: true, problems })
}

/// SQLite's quick check of every page, up to `max` problems, each as one line (none: whole).
/// A check that cannot even run on a damaged file gives SQLite's error as its one problem.
pub(super) fn quick_check(conn: &Connection, max: usize) -> Result<Vec<String>, StoreError> {
    let run = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare(&format!("PRAGMA quick_check({max})"))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect()
    };
    match run() {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => Ok(Vec::new()),
        Ok(lines) => Ok(lines.iter().map(|l| one_line(l)).collect()),
        Err(e) if super::damage::is_damage(&e) => Ok(vec![one_line(&e.to_string())]),
        Err(e) => Err(StoreError::Sql(e)),
    }
}

/// Refuses a diary whose schema version (a header field one flipped bit changes) is not the
/// version its tables are of: below 1, or naming a schema its tables are not. Migrating from a
/// wrong version would fail half-way or, worse, run on the wrong tables.
fn schema_matches(read: &Connection, version: i64, path: &Path) -> Result<(), StoreError> {
    let has =
        |sql: &str| -> Result<bool, StoreError> { Ok(read.query_row(sql, [], |r| r.get::<_, i64>(0))? > 0) };
    // Each migration leaves a mark in the tables, and the marks must be those of the header's
    // version. Migrations are found by their text, wherever they stand in the list.
    let marks: [(&str, &str); 6] = [
        (
            "CREATE TABLE supplements",
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'supplements'",
        ),
        (
            "ADD COLUMN age_months",
            "SELECT COUNT(*) FROM pragma_table_info('profile') WHERE name = 'age_months'",
        ),
        ("ADD COLUMN iron_mg", "SELECT COUNT(*) FROM pragma_table_info('entries') WHERE name = 'iron_mg'"),
        ("CREATE TABLE labs", "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'labs'"),
        ("CREATE TABLE notes", "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'notes'"),
        (
            "CREATE TABLE recipes",
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'recipes'",
        ),
    ];
    // A newer marrow's version is told apart elsewhere; here only the versions this one knows.
    let known = version.min(super::diary::DIARY_SCHEMA_VERSION);
    let (mut tables_say, mut fits) = (1, version >= 1);
    for (text, sql) in marks {
        let at =
            super::diary::MIGRATIONS.iter().position(|m| m.contains(text)).map_or(i64::MAX, |i| i as i64 + 1);
        let present = has(sql)?;
        if present {
            tables_say = tables_say.max(at);
        }
        fits &= present == (known >= at);
    }
    if !fits {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: format!(
                "its header gives schema version {version}, but its tables are of version {tables_say}"
            ),
        });
    }
    Ok(())
}

/// SQLite's multi-line details as one short line.
pub(super) fn one_line(text: &str) -> String {
    let joined =
        text.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("; ");
    let clean: String = joined.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    match clean.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &clean[..cut]),
        None => clean,
    }
}

/// Turns SQLite's "not a database" and "malformed" into a clear refusal.
pub(super) fn classify(e: rusqlite::Error, path: &Path) -> StoreError {
    super::damage::notice(&e);
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase { path: path.to_path_buf() },
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            StoreError::Corrupt { path: path.to_path_buf(), detail: one_line(&e.to_string()) }
        }
        _ => StoreError::Sql(e),
    }
}
