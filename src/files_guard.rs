//! The one way marrow reads a file that someone else put in its path: the config, an import
//! file, a USDA release, the search-hints cache. Only a regular file is opened, only up to a
//! size cap per kind of file, and it is read through a reader that stops at that cap: a FIFO,
//! a device or a file that grows while it is read can neither hang marrow nor exhaust its
//! memory. A refusal is an `io::Error` whose message says why, in one line.

use std::fmt;
use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// A kind of file marrow reads, with the most it will read of one.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// What the file is, for messages ("a config file").
    pub what: &'static str,
    /// The largest file read, in bytes.
    pub max: u64,
    /// Whether a symbolic link is followed: yes for files the user names, no for files marrow
    /// writes itself and finds by name.
    pub follow_links: bool,
}

const MIB: u64 = 1 << 20;
const GIB: u64 = 1 << 30;

/// The config file: a few hundred lines at most.
pub const CONFIG: Kind = Kind { what: "a config file", max: MIB, follow_links: true };
/// A `marrow export` JSON file, read whole before it is checked.
pub const DIARY_EXPORT: Kind = Kind { what: "a diary export", max: GIB, follow_links: true };
/// One file of a USDA SR28 release, read whole (NUT_DATA.txt, the largest, is 36 MB).
pub const SR28_FILE: Kind = Kind { what: "an SR28 file", max: 512 * MIB, follow_links: true };
/// One CSV file of a FoodData Central download, streamed (the largest are a few GB).
pub const FDC_FILE: Kind = Kind { what: "an FDC file", max: 64 * GIB, follow_links: true };
/// search-hints.json, which marrow writes beside the diary.
pub const HINTS: Kind = Kind { what: "the search-hints cache", max: 16 * MIB, follow_links: false };

/// Why a file was not read: carried inside the `io::Error` the guard returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A FIFO, device, socket, directory (or a link where none is followed).
    NotAFile(&'static str),
    /// Larger than the cap for its kind (or it grew past it while being read).
    TooLarge { what: &'static str, max: u64 },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotAFile(kind) => write!(f, "it is {kind}, not a regular file"),
            Refusal::TooLarge { what, max } => {
                write!(f, "it is larger than {}, the most marrow reads for {what}", size(*max))
            }
        }
    }
}

impl std::error::Error for Refusal {}

impl Refusal {
    fn into_io(self) -> io::Error {
        let kind = match self {
            Refusal::NotAFile(_) => io::ErrorKind::InvalidInput,
            Refusal::TooLarge { .. } => io::ErrorKind::FileTooLarge,
        };
        io::Error::new(kind, self)
    }
}

/// The guard's reason, when `e` is one of its refusals (not an error of the system).
pub fn refusal(e: &io::Error) -> Option<&Refusal> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<Refusal>())
}

/// A byte count as people read it: "1 MiB", "64 GiB".
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= GIB && b % GIB == 0 => format!("{} GiB", b / GIB),
        b if b >= MIB && b % MIB == 0 => format!("{} MiB", b / MIB),
        b => format!("{b} bytes"),
    }
}

fn file_kind(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "not a plain file"
    }
}

/// Checks what `meta` describes against `kind`.
fn check(meta: &Metadata, kind: &Kind) -> io::Result<()> {
    if !meta.file_type().is_file() {
        return Err(Refusal::NotAFile(file_kind(meta)).into_io());
    }
    if meta.len() > kind.max {
        return Err(Refusal::TooLarge { what: kind.what, max: kind.max }.into_io());
    }
    Ok(())
}

/// Opens `path` for reading if it is a regular file no larger than `kind` allows. Its type is
/// checked before opening (so a device is never opened) and again on the open file (so a FIFO
/// put in its place meanwhile cannot block: it is opened non-blocking).
pub fn open(path: &Path, kind: &Kind) -> io::Result<Bounded<File>> {
    let meta = if kind.follow_links { std::fs::metadata(path)? } else { std::fs::symlink_metadata(path)? };
    check(&meta, kind)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = if kind.follow_links { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | nofollow);
    }
    let file = options.open(path)?;
    check(&file.metadata()?, kind)?;
    Ok(Bounded { inner: file, left: kind.max, kind: *kind })
}

/// Reads the whole of `path` (see `open`).
pub fn read(path: &Path, kind: &Kind) -> io::Result<Vec<u8>> {
    let mut file = open(path, kind)?;
    let expected = file.inner.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(kind.max)).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads the whole of `path` as UTF-8 text (see `open`).
pub fn read_to_string(path: &Path, kind: &Kind) -> io::Result<String> {
    String::from_utf8(read(path, kind)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "it is not UTF-8 text"))
}

/// A reader that fails, rather than goes on, once more than its kind's cap has been read:
/// `take` that says so instead of pretending the file ended.
pub struct Bounded<R> {
    inner: R,
    left: u64,
    kind: Kind,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            // At the cap: only the true end of the file is fine.
            let mut one = [0u8; 1];
            return match self.inner.read(&mut one)? {
                0 => Ok(0),
                _ => Err(Refusal::TooLarge { what: self.kind.what, max: self.kind.max }.into_io()),
            };
        }
        let room = usize::try_from(self.left).unwrap_or(usize::MAX).min(buf.len());
        let n = self.inner.read(&mut buf[..room])?;
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Kind = Kind { what: "a test file", max: 10, follow_links: true };

    #[test]
    fn a_regular_file_within_the_cap_is_read_whole() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("f");
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read(&path, &SMALL).unwrap(), b"0123456789");
        assert_eq!(read_to_string(&path, &SMALL).unwrap(), "0123456789");
    }

    #[test]
    fn a_file_over_the_cap_is_refused_before_and_while_reading() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("f");
        std::fs::write(&path, b"0123456789x").unwrap();
        let e = read(&path, &SMALL).unwrap_err();
        assert_eq!(refusal(&e), Some(&Refusal::TooLarge { what: "a test file", max: 10 }));
        assert_eq!(e.to_string(), "it is larger than 10 bytes, the most marrow reads for a test file");
        // A file that grows after the size check: the reader stops at the cap with an error.
        let mut growing = Bounded { inner: &b"0123456789xyz"[..], left: 10, kind: SMALL };
        let mut out = Vec::new();
        let e = growing.read_to_end(&mut out).unwrap_err();
        assert!(refusal(&e).is_some(), "{e}");
        let mut exact = Bounded { inner: &b"0123456789"[..], left: 10, kind: SMALL };
        out.clear();
        assert_eq!(exact.read_to_end(&mut out).unwrap(), 10);
    }

    #[cfg(unix)]
    #[test]
    fn fifos_devices_and_directories_are_refused_without_blocking() {
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join("fifo");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        for (path, kind) in [
            (fifo.as_path(), "it is a FIFO (named pipe), not a regular file"),
            (Path::new("/dev/zero"), "it is a device, not a regular file"),
            (tmp.path(), "it is a directory, not a regular file"),
        ] {
            let e = read(path, &CONFIG).unwrap_err();
            assert!(matches!(refusal(&e), Some(Refusal::NotAFile(_))), "{}: {e}", path.display());
            assert_eq!(e.to_string(), kind);
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_only_where_the_kind_says() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("target.json");
        std::fs::write(&target, b"{}").unwrap();
        let link = tmp.path().join("link.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(read(&link, &CONFIG).unwrap(), b"{}");
        let e = read(&link, &HINTS).unwrap_err();
        assert_eq!(refusal(&e), Some(&Refusal::NotAFile("a symbolic link")));
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(MIB), "1 MiB");
        assert_eq!(size(64 * GIB), "64 GiB");
        assert_eq!(size(512 * MIB), "512 MiB");
        assert_eq!(size(1000), "1000 bytes");
    }
}
