//! What the command line's search reads from the diary (how often each food was logged, and
//! the user's custom foods), kept beside it in `search-hints.json` so a search need not open
//! the diary while the diary has not changed.
//!
//! Opening diary.db costs a one-shot `marrow search` more than the search itself: SQLite has to
//! rebuild the WAL's shared-memory index and parse the diary's schema before the first read.
//! The cache is disposable: it holds nothing the diary does not, any doubt sends the search
//! back to the diary, and a file that cannot be read or written is simply ignored.
//!
//! It is trusted only while the diary's files are exactly as they were when it was written
//! (inode, size, modification time and, for diary.db, change time; an empty WAL counts as
//! none, as it holds nothing), and it is written only from a read the files did not change
//! around and only once they have been still for longer than one tick of the file system's
//! clock ([`SETTLED`], or [`SETTLED_COARSE`] where timestamps are whole seconds): a later
//! write then always gets a newer timestamp, so it can never look like the state the cache
//! describes.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::domain::nutrient::{NutrientValues, COUNT};
use crate::domain::Food;
use crate::files_guard;

/// How long the diary's files must have been unchanged before a read of them is cached,
/// where timestamps have sub-second parts (file times come from a clock that ticks every few
/// milliseconds).
pub(super) const SETTLED: Duration = Duration::from_millis(100);
/// The same where a timestamp is a whole second, as on file systems that keep seconds (or
/// two seconds) only.
pub(super) const SETTLED_COARSE: Duration = Duration::from_secs(3);

/// Food usage (food id -> times logged) and the user's custom foods.
pub type Hints = (HashMap<String, u32>, Vec<Food>);

/// The hints for the diary at `diary`: from the cache when it describes the diary's files as
/// they are, else from `read` (None: no diary to read), caching that read when it is safe to.
pub(super) fn cached(diary: &Path, now: SystemTime, read: impl FnOnce() -> Option<Hints>) -> Hints {
    let cache = cache_path(diary);
    let before = Files::of(diary);
    if let Some(hints) = before.as_ref().and_then(|files| load(&cache, files)) {
        return hints;
    }
    let Some(hints) = read() else { return Default::default() };
    if let (Some(before), Some(after)) = (before, Files::of(diary)) {
        if before == after && after.settled(now) {
            store(&cache, &after, &hints);
        }
    }
    hints
}

/// Where the hints for `diary` are kept: beside it.
pub fn cache_path(diary: &Path) -> PathBuf {
    diary.with_file_name("search-hints.json")
}

/// What identifies one state of a file's contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    ino: u64,
    len: u64,
    modified_ns: i128,
    /// Change time (also moved by chmod and chown, and never settable by a program). Left out
    /// for the WAL, whose owner SQLite re-sets on every open when marrow runs as root.
    changed_ns: Option<i128>,
}

/// diary.db's stamp and its WAL's (None when there is no WAL file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Files {
    diary: Stamp,
    wal: Option<Stamp>,
}

impl Files {
    /// The stamps of `diary` and its WAL now; None when the diary is missing (or on a
    /// platform without inode numbers, where nothing is cached).
    fn of(diary: &Path) -> Option<Files> {
        let mut wal = diary.as_os_str().to_owned();
        wal.push("-wal");
        let wal = match std::fs::metadata(Path::new(&wal)) {
            Ok(m) if m.len() == 0 => None,
            Ok(m) => Some(stamp(&m, false)?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(_) => return None,
        };
        Some(Files { diary: stamp(&std::fs::metadata(diary).ok()?, true)?, wal })
    }

    /// Whether every timestamp is long enough before `now` that a write now would get a
    /// later one.
    fn settled(&self, now: SystemTime) -> bool {
        let Ok(now) = now.duration_since(SystemTime::UNIX_EPOCH) else { return false };
        let stamps = std::iter::once(&self.diary).chain(self.wal.as_ref());
        let times: Vec<i128> =
            stamps.flat_map(|s| std::iter::once(s.modified_ns).chain(s.changed_ns)).collect();
        let coarse = times.iter().any(|t| t % 1_000_000_000 == 0);
        let wait = if coarse { SETTLED_COARSE } else { SETTLED };
        let limit = now.as_nanos() as i128 - wait.as_nanos() as i128;
        times.iter().all(|t| *t <= limit)
    }
}

#[cfg(unix)]
fn stamp(m: &std::fs::Metadata, with_change_time: bool) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
    Some(Stamp {
        ino: m.ino(),
        len: m.size(),
        modified_ns: ns(m.mtime(), m.mtime_nsec()),
        changed_ns: with_change_time.then(|| ns(m.ctime(), m.ctime_nsec())),
    })
}

#[cfg(not(unix))]
fn stamp(_: &std::fs::Metadata, _: bool) -> Option<Stamp> {
    None
}

/// The cache file's contents.
#[derive(Serialize, Deserialize)]
struct Cached {
    /// The marrow that wrote it: another version's cache is not read.
    marrow: String,
    files: Files,
    usage: HashMap<String, u32>,
    custom: Vec<CachedFood>,
}

/// A custom food; figures are written as Rust prints an f64 (shortest form that reads back
/// to the same number), in nutrient order, null when unknown.
#[derive(Serialize, Deserialize)]
struct CachedFood {
    id: String,
    name: String,
    per_100g: Vec<Option<String>>,
}

fn load(cache: &Path, files: &Files) -> Option<Hints> {
    // Only a plain file marrow could have written: never follow a link, nor open a FIFO or a
    // device, where reading could block or never end.
    let cached: Cached = serde_json::from_slice(&files_guard::read(cache, &files_guard::HINTS).ok()?).ok()?;
    if cached.marrow != env!("CARGO_PKG_VERSION") || cached.files != *files {
        return None;
    }
    let mut custom = Vec::with_capacity(cached.custom.len());
    for food in cached.custom {
        // A name that could drive the terminal is never taken from this file (it may have been
        // forged); the diary is read instead.
        if food.per_100g.len() != COUNT || food.name.chars().any(char::is_control) {
            return None;
        }
        let mut values = NutrientValues::unknown();
        for (slot, text) in values.0.iter_mut().zip(&food.per_100g) {
            *slot = match text {
                Some(t) => Some(t.parse::<f64>().ok().filter(|v| v.is_finite())?),
                None => None,
            };
        }
        custom.push(match super::custom_row(&food.id) {
            Some(row) => super::custom_foods::custom(row, food.name, values, Vec::new()),
            None => crate::domain::recipe::search_food(
                crate::domain::recipe::recipe_row(&food.id)?,
                food.name,
                values,
            ),
        });
    }
    Some((cached.usage, custom))
}

/// Writes the cache whole (a temporary file renamed over the old one), private to the user.
/// Failing to is no error: the next search reads the diary again.
fn store(cache: &Path, files: &Files, (usage, custom): &Hints) {
    let cached = Cached {
        marrow: env!("CARGO_PKG_VERSION").to_string(),
        files: files.clone(),
        usage: usage.clone(),
        custom: custom
            .iter()
            .map(|f| CachedFood {
                id: f.id.clone(),
                name: f.name.clone(),
                per_100g: f.per_100g.0.iter().map(|v| v.map(|v| v.to_string())).collect(),
            })
            .collect(),
    };
    let Ok(bytes) = serde_json::to_vec(&cached) else { return };
    let _ = super::files::replace_private(cache, |tmp| {
        let io = |source| super::StoreError::Io { path: tmp.to_path_buf(), source };
        std::fs::OpenOptions::new().write(true).open(tmp).and_then(|mut f| f.write_all(&bytes)).map_err(io)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nutrient::Nutrient;
    use crate::domain::{Meal, NewEntry};
    use crate::store::Diary;

    /// A diary with one custom food and one entry of almonds, and the hints' path.
    fn diary() -> (tempfile::TempDir, PathBuf, Diary) {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("diary.db");
        let mut diary = Diary::open(&path).unwrap();
        let mut figures = NutrientValues::unknown();
        // Figures that only an exact round trip keeps.
        figures.set(Nutrient::Magnesium, Some(123.456789));
        figures.set(Nutrient::Calcium, Some(0.1 + 0.2));
        figures.set(Nutrient::VitaminD, Some(1.0 / 3.0));
        diary
            .add_custom_food("Granola, \"house\" mix \\ ✓", &figures, &[], "2026-11-25T08:00:00+00:00")
            .unwrap();
        log(&mut diary, "12061");
        (tmp, path, diary)
    }

    fn log(diary: &mut Diary, food: &str) {
        diary
            .add_entry(&NewEntry {
                date: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
                meal: Meal::Breakfast,
                food_id: food.into(),
                food_name: food.into(),
                grams: 30.0,
                quantity: "30g".into(),
                logged_at: "2026-11-25T08:00:00+00:00".into(),
                per_100g: NutrientValues::unknown(),
            })
            .unwrap();
    }

    /// A moment late enough for every file written so far to count as settled.
    fn later() -> SystemTime {
        SystemTime::now() + SETTLED_COARSE * 2
    }

    fn from_diary(path: &Path) -> impl FnOnce() -> Option<Hints> + '_ {
        || Diary::peek(path).and_then(|d| d.read_hints())
    }

    fn not_read() -> Option<Hints> {
        panic!("the diary was read although the cache describes it")
    }

    #[test]
    fn a_settled_diary_is_answered_from_the_cache_exactly() {
        let (_tmp, path, _diary) = diary();
        let read = cached(&path, later(), from_diary(&path));
        assert_eq!(read.0.get("12061"), Some(&1));
        assert!(cache_path(&path).exists());
        let again = cached(&path, later(), not_read);
        assert_eq!(again.0, read.0);
        assert_eq!(again.1, read.1, "custom foods, names and figures, come back unchanged");
    }

    #[test]
    fn any_write_to_the_diary_sends_search_back_to_it() {
        let (_tmp, path, mut diary) = diary();
        cached(&path, later(), from_diary(&path));
        log(&mut diary, "11457");
        let after = cached(&path, later(), from_diary(&path));
        assert_eq!(after.0.get("11457"), Some(&1), "the new entry counts at once");
        drop(diary); // the last connection checkpoints the WAL into diary.db and deletes it
        let (uses, _) = cached(&path, later(), from_diary(&path));
        assert_eq!(uses.get("11457"), Some(&1));
        // That read left a new, empty WAL behind, which holds nothing: the cache stands.
        assert_eq!(cached(&path, later(), not_read).0, uses);
    }

    #[test]
    fn a_diary_written_just_now_is_read_but_not_cached() {
        let (_tmp, path, _diary) = diary();
        let read = cached(&path, SystemTime::now(), from_diary(&path));
        assert_eq!(read.0.get("12061"), Some(&1));
        assert!(!cache_path(&path).exists(), "a write in the same clock tick could go unseen");
    }

    #[test]
    fn a_damaged_or_foreign_cache_is_ignored_and_replaced() {
        let (_tmp, path, _diary) = diary();
        let cache = cache_path(&path);
        cached(&path, later(), from_diary(&path));
        let good = std::fs::read(&cache).unwrap();
        let other_version =
            String::from_utf8(good.clone()).unwrap().replace(env!("CARGO_PKG_VERSION"), "0.0.0-other");
        for bad in [b"{not json".to_vec(), b"".to_vec(), other_version.into_bytes()] {
            std::fs::write(&cache, &bad).unwrap();
            let read = cached(&path, later(), from_diary(&path));
            assert_eq!(read.0.get("12061"), Some(&1));
            assert_eq!(std::fs::read(&cache).unwrap(), good, "rewritten from the diary");
        }
    }

    #[test]
    fn a_cache_naming_a_food_with_control_characters_is_not_believed() {
        let (_tmp, path, _diary) = diary();
        let cache = cache_path(&path);
        cached(&path, later(), from_diary(&path));
        let mut json: serde_json::Value = serde_json::from_slice(&std::fs::read(&cache).unwrap()).unwrap();
        json["custom"][0]["name"] = "\u{1b}]0;PWNED\u{7}Granola".into();
        std::fs::write(&cache, serde_json::to_vec(&json).unwrap()).unwrap();
        let (_, custom) = cached(&path, later(), from_diary(&path));
        assert!(custom[0].name.starts_with("Granola"), "read from the diary: {:?}", custom[0].name);
    }

    #[test]
    fn no_diary_means_no_hints_whatever_the_cache_says() {
        let (_tmp, path, diary) = diary();
        cached(&path, later(), from_diary(&path));
        drop(diary);
        std::fs::remove_file(&path).unwrap();
        let (uses, custom) = cached(&path, later(), from_diary(&path));
        assert!(uses.is_empty() && custom.is_empty());
    }

    #[test]
    fn a_diary_search_cannot_read_is_never_cached() {
        let (_tmp, path, diary) = diary();
        drop(diary);
        // As a newer marrow would leave it.
        rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", 999).unwrap();
        let (uses, custom) = cached(&path, later(), from_diary(&path));
        assert!(uses.is_empty() && custom.is_empty());
        assert!(!cache_path(&path).exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_cache_path_that_is_a_link_or_a_fifo_is_ignored() {
        let (tmp, path, _diary) = diary();
        let cache = cache_path(&path);
        cached(&path, later(), from_diary(&path));
        let elsewhere = tmp.path().join("elsewhere.json");
        std::fs::rename(&cache, &elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &cache).unwrap();
        let read = cached(&path, later(), from_diary(&path));
        assert_eq!(read.0.get("12061"), Some(&1));
        assert!(std::fs::symlink_metadata(&cache).unwrap().file_type().is_file(), "replaced, not followed");

        std::fs::remove_file(&cache).unwrap();
        let name = std::ffi::CString::new(cache.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let read = cached(&path, later(), from_diary(&path));
        assert_eq!(read.0.get("12061"), Some(&1), "read from the diary, without blocking");
    }

    #[test]
    fn settling_waits_one_clock_tick_longer_where_timestamps_are_whole_seconds() {
        let at = |ns: i128| Stamp { ino: 1, len: 4096, modified_ns: ns, changed_ns: Some(ns) };
        let files = |ns: i128| Files { diary: at(ns), wal: None };
        let time = |ns: i128| SystemTime::UNIX_EPOCH + Duration::from_nanos(ns as u64);
        let fine = 1_795_000_000_123_456_789;
        assert!(!files(fine).settled(time(fine + SETTLED.as_nanos() as i128 - 1)));
        assert!(files(fine).settled(time(fine + SETTLED.as_nanos() as i128)));
        let whole = 1_795_000_000_000_000_000;
        assert!(!files(whole).settled(time(whole + SETTLED_COARSE.as_nanos() as i128 - 1)));
        assert!(files(whole).settled(time(whole + SETTLED_COARSE.as_nanos() as i128)));
        // A timestamp in the future (a clock set back) never counts as settled.
        assert!(!files(fine).settled(time(fine - 1)));
    }

    #[cfg(unix)]
    #[test]
    fn the_cache_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let (_tmp, path, _diary) = diary();
        cached(&path, later(), from_diary(&path));
        let mode = std::fs::metadata(cache_path(&path)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
