//! A damaged diary found where finding it is cheap. Opening reads a few pages; SQLite reports
//! damage (SQLITE_CORRUPT, SQLITE_NOTADB) on whichever pages a command reads, and marrow says
//! it as the same refusal as at open, naming the diary. A file found damaged is left as it is:
//! the connection that met the damage never checkpoints its log into it on close, and a diary
//! is read whole before the first write of each day, so marrow does not go on writing into a
//! file it could have known was damaged.
//!
//! The day's check is recorded in a small file beside the diary (`diary-checked`: the day and
//! the diary file's inode), never in the diary: recording it can never write to a diary being
//! refused, and a diary put in place of the old one (a restored backup) is checked again.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::opening::{self, Check};
use super::StoreError;
use crate::files_guard::{self, Kind};

thread_local! {
    /// Whether SQLite reported damage on this thread (the command's, or the app's worker's).
    static SEEN: Cell<bool> = const { Cell::new(false) };
}

/// Diaries whose whole-file check failed in this process.
static FOUND: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The check stamp: small, never followed through a link.
const STAMP: Kind = Kind { what: "the diary's check stamp", max: 256, follow_links: false };

/// Whether `e` is SQLite saying a file is damaged.
pub(super) fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

/// Notes on this thread that SQLite reported damage (every SQL error of the store passes here).
pub(super) fn notice(e: &rusqlite::Error) {
    if is_damage(e) {
        SEEN.with(|s| s.set(true));
    }
}

/// Records that the diary at `path` was found damaged: it is no longer "checked today", and
/// no connection to it checkpoints on close.
pub(super) fn found(path: &Path) {
    let _ = std::fs::remove_file(stamp_path(path));
    if let Ok(mut found) = FOUND.lock() {
        if !found.iter().any(|p| p == path) {
            found.push(path.to_path_buf());
        }
    }
}

/// Whether a connection to the diary at `path` closing now must leave its files as they are:
/// damage was met on this thread or found in this diary, and its log holds something a
/// checkpoint would copy into the file. (An empty log, which the command itself created, is
/// removed as usual.)
pub(super) fn keep_as_is(path: &Path) -> bool {
    let seen = SEEN.with(Cell::get) || FOUND.lock().is_ok_and(|f| f.iter().any(|p| p == path));
    seen && std::fs::metadata(opening::sibling(path, "-wal")).is_ok_and(|m| m.len() > 0)
}

impl StoreError {
    /// Whether this is SQLite reporting a damaged file that marrow has not yet named.
    pub fn is_damage(&self) -> bool {
        matches!(self, StoreError::Sql(e) if is_damage(e))
    }
}

/// `e` said plainly when it is SQLite reporting a damaged file: the diary's refusal when a
/// check of its every page fails (the error path can afford to read it whole), else the
/// catalog's, the only other database marrow reads, which is rebuilt once deleted. Any other
/// error is returned as it is.
pub fn name_damage(e: StoreError, diary: &Path, catalog: Option<&Path>) -> StoreError {
    let StoreError::Sql(sql) = &e else { return e };
    if !is_damage(sql) {
        return e;
    }
    let detail = opening::one_line(&sql.to_string());
    match opening::look(diary, Check::Whole) {
        Err(refusal @ (StoreError::Corrupt { .. } | StoreError::NotADatabase { .. })) => {
            found(diary);
            refusal
        }
        _ => match catalog {
            Some(c) => StoreError::CatalogUnusable { path: c.to_path_buf(), detail },
            None => StoreError::Corrupt { path: diary.to_path_buf(), detail },
        },
    }
}

/// Whether the diary at `path` passed a whole-file check today (by the local clock).
pub(super) fn checked_today(path: &Path) -> bool {
    let Some(id) = identity(path) else { return false };
    files_guard::read(&stamp_path(path), &STAMP)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .is_some_and(|text| text.trim() == stamp(&id))
}

/// Records that the diary at `path` passed a whole-file check today. Failing to is no error:
/// the next write checks it again.
pub(super) fn record_check(path: &Path) {
    let Some(id) = identity(path) else { return };
    let text = stamp(&id) + "\n";
    let _ = super::files::replace_private(&stamp_path(path), |tmp| {
        std::fs::write(tmp, &text).map_err(|source| StoreError::Io { path: tmp.to_path_buf(), source })
    });
}

/// Where the check of the diary at `path` is recorded: beside it.
pub fn stamp_path(path: &Path) -> PathBuf {
    path.with_file_name("diary-checked")
}

fn stamp(id: &str) -> String {
    format!("{} {id}", crate::clock::now().date_naive())
}

/// What tells this diary file from one put in its place.
#[cfg(unix)]
fn identity(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some(format!("{}:{}", m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<String> {
    std::fs::metadata(path).ok().map(|_| "file".to_string())
}
