//! File-level care for the data directory: private permissions, files that are not regular
//! files, write permission, and temporary files left by killed builds.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::StoreError;

/// Creates `dir` and any missing parents; on Unix every directory marrow creates is 0700
/// whatever the umask. An existing directory is the user's choice and keeps its permissions.
pub fn secure_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut missing: Vec<&Path> = Vec::new();
    let mut at = Some(dir);
    while let Some(d) = at.filter(|d| !d.as_os_str().is_empty() && fs::symlink_metadata(d).is_err()) {
        missing.push(d);
        at = d.parent();
    }
    for d in missing.into_iter().rev() {
        let io = |source| StoreError::Io { path: d.to_path_buf(), source };
        let mut builder = fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        match builder.create(d) {
            Ok(()) => {}
            // Another marrow made it a moment ago.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && d.is_dir() => continue,
            Err(e) => return Err(io(e)),
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(d, fs::Permissions::from_mode(0o700)).map_err(io)?;
        }
    }
    if !dir.is_dir() {
        let m = fs::metadata(dir).map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
        if m.is_file() {
            let source = std::io::Error::other("it is a file; the data directory must be a directory");
            return Err(StoreError::Io { path: dir.to_path_buf(), source });
        }
        return Err(not_a_file(dir, &m));
    }
    Ok(())
}

/// The refusal for something other than a regular file (a FIFO, a device, a directory)
/// where marrow expects one of its files: opening it could block or read forever.
pub(super) fn not_a_file(path: &Path, meta: &fs::Metadata) -> StoreError {
    let kind = if meta.is_dir() { "a directory" } else { kind_of_special(meta) };
    StoreError::NotAFile { path: path.to_path_buf(), kind }
}

#[cfg(unix)]
fn kind_of_special(meta: &fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else if meta.is_file() {
        "a file"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn kind_of_special(_: &fs::Metadata) -> &'static str {
    "not a regular file"
}

/// Refuses what exists at `path` but is not a regular file (links are followed).
pub(super) fn regular_or_missing(path: &Path) -> Result<(), StoreError> {
    match fs::metadata(path) {
        Ok(m) if !m.is_file() => Err(not_a_file(path, &m)),
        _ => Ok(()),
    }
}

/// Whether marrow may write the diary at `path`: the file (when it exists) and its directory,
/// where SQLite keeps the -wal and -shm files. Root passes unless the file system is read-only.
pub(super) fn check_writable(path: &Path) -> Result<(), StoreError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    for p in [path, dir.as_path()] {
        if p == path && !p.exists() {
            continue;
        }
        if !may_write(p) {
            return Err(StoreError::ReadOnly { path: p.to_path_buf() });
        }
    }
    Ok(())
}

#[cfg(unix)]
fn may_write(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else { return true };
    // SAFETY: `c` is a valid NUL-terminated string that outlives the call.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn may_write(path: &Path) -> bool {
    fs::metadata(path).map(|m| !m.permissions().readonly()).unwrap_or(true)
}

/// Creates `path` empty and private (0600), refusing anything already there, a dangling
/// link included: nothing is ever written through a link or over a file.
pub(super) fn create_new_private(path: &Path) -> Result<fs::File, StoreError> {
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })
}

/// Creates an empty file readable only by its owner, so SQLite (which copies the database
/// file's mode to its -wal and -shm files) keeps everything 0600.
pub fn create_private(path: &Path) -> Result<(), StoreError> {
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    match opts.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(StoreError::Io { path: path.to_path_buf(), source }),
    }
}

/// Replaces `path` whole: `fill` writes a private temporary file beside it (created empty,
/// 0600, named for this process), which is then renamed over `path`, so readers see the old
/// file or the new one, never half of either. The temporary file is removed on failure.
pub(super) fn replace_private(
    path: &Path,
    fill: impl FnOnce(&Path) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let _ = fs::remove_file(&tmp);
    remove_stale_temps(path, &name);
    let result = create_private(&tmp).and_then(|()| fill(&tmp)).and_then(|()| {
        fs::rename(&tmp, path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })
    });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Removes the temporary files of `path` that killed processes left (`.NAME.<pid>.tmp`):
/// those of a process that is gone, and those untouched for a minute that no marrow owns.
fn remove_stale_temps(path: &Path, name: &str) {
    let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) else { return };
    let Ok(entries) = fs::read_dir(dir) else { return };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|f| f.strip_suffix(".tmp"))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .map(|t| SystemTime::now().duration_since(t).unwrap_or_default() > Duration::from_secs(60))
            .unwrap_or(false);
        if !process_alive(pid) || (old && !is_marrow(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
    // SAFETY: signal 0 only asks whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_: u32) -> bool {
    true
}

/// Whether `pid` runs marrow; true where that cannot be told, so a live build is never cut.
fn is_marrow(pid: u32) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/comm")) {
        Ok(comm) => comm.trim().starts_with("marrow"),
        Err(_) => !Path::new("/proc/self").exists(),
    }
}

/// An existing database file opened read-only, or None when it is missing or cannot be opened.
pub(super) fn open_read_only(path: &Path) -> Option<rusqlite::Connection> {
    use rusqlite::OpenFlags;
    if !fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    rusqlite::Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()
}

/// A database file that is never written in place (catalog.db: every build writes a new file
/// and renames it over the old), opened read-only and immutable: SQLite takes no locks and
/// looks for no journal, so each read transaction costs no system calls. A rebuild while the
/// connection is open leaves it reading the file it opened. None when missing or unreadable.
pub(super) fn open_immutable(path: &Path) -> Option<rusqlite::Connection> {
    use rusqlite::OpenFlags;
    if !fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    rusqlite::Connection::open_with_flags(
        file_uri(path, "immutable=1"),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
    )
    .ok()
}

/// `path` as an SQLite `file:` URI with `query`: every byte outside a small safe set is
/// percent-encoded, so '?', '#', '%' and non-UTF-8 names stay part of the path.
pub(super) fn file_uri(path: &Path, query: &str) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for &b in absolute.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push('?');
    uri.push_str(query);
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uri_escapes_what_sqlite_would_read_as_syntax() {
        let uri = file_uri(Path::new("/data/a b?c#d%e/catalog.db"), "immutable=1");
        assert_eq!(uri, "file:/data/a%20b%3Fc%23d%25e/catalog.db?immutable=1");
    }

    #[test]
    fn immutable_open_reads_a_file_whose_path_needs_escaping() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("odd ?#% name.db");
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (42);")
            .unwrap();
        let conn = open_immutable(&path).expect("opens");
        let x: i64 = conn.query_row("SELECT x FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(x, 42);
        assert!(open_immutable(&dir.path().join("missing.db")).is_none());
    }
}
