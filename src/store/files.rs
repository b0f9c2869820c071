//! File-level care for the data directory: private permissions and SQLite header checks.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::StoreError;

/// Creates `dir` (and parents) if needed; on Unix a data directory marrow creates is 0700.
/// An existing directory is the user's choice and keeps its permissions.
pub fn secure_dir(dir: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io { path: dir.to_path_buf(), source };
    if dir.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(dir).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(io)?;
    }
    Ok(())
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
    let result = create_private(&tmp).and_then(|()| fill(&tmp)).and_then(|()| {
        fs::rename(&tmp, path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })
    });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Whether an existing file starts with SQLite's header (an empty file counts as new).
pub fn looks_like_sqlite(path: &Path) -> Result<bool, StoreError> {
    let mut f = fs::File::open(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    let mut head = [0u8; 16];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(source) => return Err(StoreError::Io { path: path.to_path_buf(), source }),
        }
    }
    Ok(n == 0 || (n == 16 && &head == b"SQLite format 3\0"))
}

/// An existing database file opened read-only, or None when it is missing or cannot be opened.
pub(super) fn open_read_only(path: &Path) -> Option<rusqlite::Connection> {
    use rusqlite::OpenFlags;
    if !path.exists() {
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
    rusqlite::Connection::open_with_flags(
        file_uri(path, "immutable=1"),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
    )
    .ok()
}

/// `path` as an SQLite `file:` URI with `query`: every byte outside a small safe set is
/// percent-encoded, so '?', '#', '%' and non-UTF-8 names stay part of the path.
fn file_uri(path: &Path, query: &str) -> String {
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
