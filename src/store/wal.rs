//! Whether a write-ahead log (diary.db-wal) belongs to the diary beside it, decided from the
//! bytes of both files before SQLite may apply the log.
//!
//! SQLite applies any valid WAL it finds next to a database, whichever database wrote it: a
//! diary restored from a backup or synced without its WAL would silently take another file's
//! changes. Nothing in a WAL names its database, so marrow checks what a log left by SQLite on
//! this very file must satisfy (https://www.sqlite.org/fileformat2.html#walformat):
//!
//! - Its page size is the database's (the page size cannot change in WAL mode).
//! - The database is in WAL mode: marrow's diaries are from their first write, and a backup
//!   (`VACUUM INTO`) or a file of another origin copied in place is usually not.
//! - A log whose every page is already in the database, as a completed checkpoint leaves
//!   it, changes nothing and is accepted whatever else is true.
//! - A -shm file is beside it: SQLite creates it before it writes the first frame, a crash
//!   (even `kill -9`) leaves it, and a closing SQLite removes it only after a checkpoint has
//!   copied the whole log into the database; a log copied or synced alone comes without it.
//! - Without page-1 frames no page was added, so no frame names a page past the database's end.
//!
//! A genuine log satisfies all of these at any moment, including after a crash; only its
//! committed frames count (checksums and salts as SQLite's own recovery reads them). What
//! they cannot tell: a log arriving together with its -shm from another WAL-mode copy of a
//! marrow diary of the same page size (nothing in either file names the diary, and page 1's
//! change counter is not kept up to date in WAL mode, so it cannot order the two).
//! The log is read frame by frame, as SQLite's recovery reads it: whatever its size, only
//! one frame and the place of each committed one are held in memory.

use std::fs;
use std::io::Read;
use std::path::Path;

const HEADER: usize = 32;
const FRAME_HEADER: usize = 24;
const MAGIC: u32 = 0x377f_0682;
const VERSION: u32 = 3_007_000;

/// What the log beside a diary holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Wal {
    /// No log, or none SQLite would apply (no valid header, no committed frame).
    Nothing,
    /// Committed frames that belong to this diary.
    Committed,
    /// A log that cannot be this diary's, and why.
    Foreign(String),
}

/// Reads `wal` against the database file `db`, whose first page as it is on disk is `page1`
/// (None when the file is empty). `shm_exists`: whether the -shm file is beside them.
pub(super) fn inspect(wal: &Path, db: &Path, page1: Option<&[u8]>, shm_exists: bool) -> std::io::Result<Wal> {
    let file = match fs::File::open(wal) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Wal::Nothing),
        Err(e) => return Err(e),
    };
    let mut reader = std::io::BufReader::new(file);
    let Some(log) = committed(&mut reader)? else { return Ok(Wal::Nothing) };
    // The same open file from here on: a log its writer checkpoints and removes meanwhile
    // is still there to read.
    let mut file = reader.into_inner();
    Ok(match page1 {
        // Everything is still in the log (a new diary before its first checkpoint).
        None => Wal::Committed,
        Some(_) if contained(&log, &mut file, db)? => Wal::Committed,
        Some(page1) => match verdict(&log, page1, shm_exists) {
            None => Wal::Committed,
            Some(why) => Wal::Foreign(why),
        },
    })
}

/// The committed part of a log, as SQLite's recovery finds it.
struct Log {
    page_size: usize,
    /// (page number, where its data starts in the log) of each committed frame, in order.
    frames: Vec<(u32, u64)>,
}

/// Reads a log frame by frame, as SQLite's recovery does; None when it holds no commit.
fn committed(reader: &mut impl Read) -> std::io::Result<Option<Log>> {
    let mut header = [0u8; HEADER];
    if !read_whole(reader, &mut header)? {
        return Ok(None);
    }
    let magic = be(&header, 0);
    let page_size = be(&header, 8) as usize;
    if magic & !1 != MAGIC || !page_size.is_power_of_two() || !(512..=65536).contains(&page_size) {
        return Ok(None);
    }
    let big_endian = magic & 1 == 1;
    let mut sum = checksum(big_endian, &header[..24], (0, 0));
    if sum != (be(&header, 24), be(&header, 28)) || be(&header, 4) != VERSION {
        return Ok(None);
    }
    let salts = &header[16..24];
    let mut frames = Vec::new();
    let mut last_commit = 0;
    let mut frame = vec![0u8; FRAME_HEADER + page_size];
    let mut at = HEADER as u64;
    while read_whole(reader, &mut frame)? {
        let (head, data) = frame.split_at(FRAME_HEADER);
        let page = be(head, 0);
        if page == 0 || &head[8..16] != salts {
            break;
        }
        sum = checksum(big_endian, data, checksum(big_endian, &head[..8], sum));
        if sum != (be(head, 16), be(head, 20)) {
            break;
        }
        frames.push((page, at + FRAME_HEADER as u64));
        if be(head, 4) != 0 {
            last_commit = frames.len();
        }
        at += frame.len() as u64;
    }
    frames.truncate(last_commit);
    Ok((!frames.is_empty()).then_some(Log { page_size, frames }))
}

/// Fills `buf` from `reader`: false when the reader ends before it is full.
fn read_whole(reader: &mut impl Read, buf: &mut [u8]) -> std::io::Result<bool> {
    match reader.read_exact(buf) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(false),
        Err(e) => Err(e),
    }
}

/// Why the committed `log` cannot be the log of the database whose page 1 is `page1`.
fn verdict(log: &Log, page1: &[u8], shm_exists: bool) -> Option<String> {
    let db_page_size = match u16::from_be_bytes([page1[16], page1[17]]) {
        1 => 65536,
        n => usize::from(n),
    };
    if db_page_size != log.page_size {
        return Some(format!("its pages are {} bytes, the diary's {db_page_size}", log.page_size));
    }
    if page1[18] != 2 || page1[19] != 2 {
        return Some("the diary is not in WAL mode, as a file restored from a backup is".into());
    }
    if !shm_exists {
        return Some("it has no -shm file beside it, as a log copied or synced alone has".into());
    }
    if !log.frames.iter().any(|(page, _)| *page == 1) {
        // Without page-1 frames no page was added: every frame is within the database.
        let pages = be(page1, 28);
        let valid = pages != 0 && page1[24..28] == page1[92..96];
        if let Some(&(page, _)) = log.frames.iter().find(|(page, _)| valid && *page > pages) {
            return Some(format!("it writes page {page} of a diary of {pages} pages"));
        }
    }
    None
}

/// Whether the database file already holds the last committed version of every page of the
/// log, as after a completed checkpoint: applying the log again then changes nothing.
fn contained(log: &Log, log_file: &mut fs::File, db: &Path) -> std::io::Result<bool> {
    use std::io::{Seek, SeekFrom};
    let mut latest: std::collections::BTreeMap<u32, u64> = std::collections::BTreeMap::new();
    for &(page, at) in &log.frames {
        latest.insert(page, at);
    }
    let mut file = fs::File::open(db)?;
    let (mut on_disk, mut in_log) = (vec![0u8; log.page_size], vec![0u8; log.page_size]);
    for (page, at) in latest {
        log_file.seek(SeekFrom::Start(at))?;
        if !read_whole(log_file, &mut in_log)? {
            return Ok(false);
        }
        file.seek(SeekFrom::Start(u64::from(page - 1) * log.page_size as u64))?;
        if !read_whole(&mut file, &mut on_disk)? || on_disk != in_log {
            return Ok(false);
        }
    }
    Ok(true)
}

fn be(bytes: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// SQLite's WAL checksum over `data` (a multiple of 8 bytes), continuing from `sum`.
fn checksum(big_endian: bool, data: &[u8], sum: (u32, u32)) -> (u32, u32) {
    let word = |w: &[u8]| {
        let w = [w[0], w[1], w[2], w[3]];
        if big_endian {
            u32::from_be_bytes(w)
        } else {
            u32::from_le_bytes(w)
        }
    };
    let (mut s1, mut s2) = sum;
    for pair in data.chunks_exact(8) {
        s1 = s1.wrapping_add(word(&pair[..4])).wrapping_add(s2);
        s2 = s2.wrapping_add(word(&pair[4..])).wrapping_add(s1);
    }
    (s1, s2)
}

/// Whether a reader can use the -shm at `shm` without writing to it: its two header copies
/// (48 bytes each, SQLite's wal-index layout) agree and are initialised, and they name the log
/// as it is: the log's salts, when the log has its header. A writer killed just after it
/// started a new log leaves them apart, and a reader that may not write the -shm then retries
/// for ten seconds before it gives up. Unreadable: false.
pub(super) fn shm_is_settled(shm: &Path, wal: &Path) -> bool {
    let mut head = [0u8; 96];
    if fs::File::open(shm).and_then(|mut f| f.read_exact(&mut head)).is_err() {
        return false;
    }
    if head[..48] != head[48..96] || head[12] != 1 {
        return false;
    }
    let mut log = [0u8; 32];
    match fs::File::open(wal).and_then(|mut f| f.read_exact(&mut log)) {
        Ok(()) if log[16..24] != head[32..40] => return false,
        _ => {}
    }
    true
}
