//! The time zone marrow's clock uses, settled once before the clock is first read. chrono
//! reads `TZ` (a zone name, a file path, or a POSIX rule such as `CET-1CEST,M3.5.0,M10.5.0/3`)
//! and falls back without a word when it names nothing it understands; and it opens a named
//! file whatever it is, so a FIFO there blocks marrow for good. Here `TZ` is checked by the
//! same rules first: a file that is not a time zone file, or a name that is no zone, is said
//! once, and UTC is used, as the message says.

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::domain::clip;
use crate::files_guard::{self, Kind};

/// Where chrono looks for a zone named by a relative name, in its order.
const ZONE_DIRS: [&str; 4] =
    ["/usr/share/zoneinfo", "/share/zoneinfo", "/etc/zoneinfo", "/usr/share/lib/zoneinfo"];

/// The system's zone when `TZ` is unset.
const LOCALTIME: &str = "/etc/localtime";

/// A time zone file: a few kilobytes.
const ZONE_FILE: Kind = Kind { what: "a time zone file", max: 1 << 20, follow_links: true };

/// What marrow sets `TZ` to when it cannot use the one it was given.
const UTC: &str = "UTC0";

/// Checks `TZ` (or /etc/localtime) before chrono reads it; when it cannot be used, sets `TZ`
/// to UTC and returns the one line to say. Call it before any thread starts.
pub fn settle() -> Option<String> {
    let tz = std::env::var_os("TZ");
    let problem = problem(tz.as_deref())?;
    // Edition 2021: safe; no other thread runs yet (see above).
    std::env::set_var("TZ", UTC);
    Some(match tz {
        Some(tz) => format!("TZ={:?} {problem}; using UTC", clip(&tz.to_string_lossy())),
        None => format!("{LOCALTIME} {problem}; using UTC"),
    })
}

/// Why chrono could not use this `TZ`, or None when it can.
fn problem(tz: Option<&OsStr>) -> Option<String> {
    let Some(tz) = tz else {
        // No TZ: the system's zone, when there is one (a missing file is chrono's to handle).
        return match std::fs::metadata(LOCALTIME) {
            Ok(_) => zone_file(Path::new(LOCALTIME)).err(),
            Err(_) => None,
        };
    };
    let Some(tz) = tz.to_str() else { return Some("is not UTF-8 text".into()) };
    if tz.is_empty() {
        return None; // UTC, by a common agreement chrono follows
    }
    if tz == "localtime" {
        return zone_file(Path::new(LOCALTIME)).err();
    }
    if let Some(name) = tz.strip_prefix(':') {
        return match find(name) {
            Some(path) => zone_file(&path).err(),
            None => Some("names no time zone".into()),
        };
    }
    match find(tz) {
        Some(path) => zone_file(&path).err(),
        None if posix_rule(tz.trim_matches(|c: char| c.is_ascii_whitespace())) => None,
        None => Some("is not a time zone marrow knows".into()),
    }
}

/// The file chrono would open for `name`: itself when absolute, else the first of the zone
/// directories that holds it.
fn find(name: &str) -> Option<PathBuf> {
    let path = Path::new(name);
    if path.is_absolute() {
        return std::fs::metadata(path).is_ok().then(|| path.to_path_buf());
    }
    ZONE_DIRS.iter().map(|dir| Path::new(dir).join(path)).find(|p| std::fs::metadata(p).is_ok())
}

/// Whether `path` is a regular file that starts like a time zone file (TZif).
fn zone_file(path: &Path) -> Result<(), String> {
    let mut magic = [0u8; 4];
    let read = files_guard::open(path, &ZONE_FILE).and_then(|mut f| f.read_exact(&mut magic));
    match read {
        Err(e) if files_guard::refusal(&e).is_some() => Err(format!("names a file marrow won't read: {e}")),
        Err(_) => Err("names no time zone file".into()),
        Ok(()) if &magic == b"TZif" => Ok(()),
        Ok(()) => Err("names a file that is not a time zone file".into()),
    }
}

/// Whether `tz` is a POSIX TZ rule chrono accepts: `std offset [dst [offset] ,start[/time],end[/time]]`.
fn posix_rule(tz: &str) -> bool {
    let mut c = Cursor(tz.as_bytes());
    let Some(()) = (|| {
        c.name()?;
        c.offset()?;
        if c.0.is_empty() {
            return Some(());
        }
        c.name()?;
        match c.0.first() {
            Some(b',') => {}
            Some(_) => c.offset()?,
            None => return None, // a DST zone needs its rules
        }
        c.tag(b',')?;
        c.rule_day()?;
        c.tag(b',')?;
        c.rule_day()?;
        c.0.is_empty().then_some(())
    })() else {
        return false;
    };
    true
}

/// What is left of a TZ rule to read.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    fn tag(&mut self, t: u8) -> Option<()> {
        let (&first, rest) = self.0.split_first()?;
        (first == t).then(|| self.0 = rest)
    }

    fn int(&mut self, max: u32) -> Option<u32> {
        let n = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        let (digits, rest) = self.0.split_at(n);
        self.0 = rest;
        std::str::from_utf8(digits).ok()?.parse::<u32>().ok().filter(|v| *v <= max)
    }

    /// A zone abbreviation: letters, or anything within `<...>`; 3 to 7 of [A-Za-z0-9+-].
    fn name(&mut self) -> Option<()> {
        let name = if self.tag(b'<').is_some() {
            let end = self.0.iter().position(|b| *b == b'>')?;
            let (name, rest) = self.0.split_at(end);
            self.0 = &rest[1..];
            name
        } else {
            let n = self.0.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            let (name, rest) = self.0.split_at(n);
            self.0 = rest;
            name
        };
        let ok = (3..=7).contains(&name.len())
            && name.iter().all(|b| b.is_ascii_alphanumeric() || b"+-".contains(b));
        ok.then_some(())
    }

    /// `[+-]hh[:mm[:ss]]`, `hh_max` the largest hour.
    fn hhmmss(&mut self, hh_max: u32) -> Option<()> {
        self.int(hh_max)?;
        if self.tag(b':').is_some() {
            self.int(59)?;
            if self.tag(b':').is_some() {
                self.int(59)?;
            }
        }
        Some(())
    }

    fn offset(&mut self) -> Option<()> {
        let _ = self.tag(b'+').or_else(|| self.tag(b'-'));
        self.hhmmss(23)
    }

    /// `Mm.w.d`, `Jn` or `n`, then an optional `/time`.
    fn rule_day(&mut self) -> Option<()> {
        if self.tag(b'M').is_some() {
            (1..=12).contains(&self.int(12)?).then_some(())?;
            self.tag(b'.')?;
            (1..=5).contains(&self.int(5)?).then_some(())?;
            self.tag(b'.')?;
            self.int(6)?;
        } else if self.tag(b'J').is_some() {
            (self.int(365)? >= 1).then_some(())?;
        } else {
            self.int(365)?;
        }
        if self.tag(b'/').is_some() {
            self.hhmmss(24)?;
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_rules_are_read_as_chrono_reads_them() {
        for good in [
            "UTC0",
            "EST5",
            "CET-1CEST,M3.5.0,M10.5.0/3",
            "<+0530>-5:30",
            "EST5EDT,M3.2.0/2,M11.1.0",
            "AAA3BBB,J60,300/1:30",
        ] {
            assert!(posix_rule(good), "{good}");
        }
        for bad in [
            "",
            "UTC",
            "U0",
            "Nowhere/Atlantis",
            "not a zone",
            "CET-1CEST",
            "EST25",
            "EST5EDT,M13.1.0,M11.1.0",
            "<+0530-5",
        ] {
            assert!(!posix_rule(bad), "{bad}");
        }
    }

    #[test]
    fn names_files_and_rules_are_told_apart() {
        assert_eq!(problem(Some(OsStr::new(""))), None);
        assert_eq!(problem(Some(OsStr::new("UTC0"))), None);
        assert!(problem(Some(OsStr::new("Nowhere/Atlantis"))).is_some());
        assert!(problem(Some(OsStr::new(":Nowhere/Atlantis"))).is_some());
        assert!(problem(Some(OsStr::new("/etc/passwd"))).is_some_and(|p| p.contains("not a time zone file")));
        assert!(problem(Some(OsStr::new(":/dev/zero"))).is_some_and(|p| p.contains("device")));
        if Path::new("/usr/share/zoneinfo/Europe/Paris").is_file() {
            assert_eq!(problem(Some(OsStr::new("Europe/Paris"))), None);
            assert_eq!(problem(Some(OsStr::new(":Europe/Paris"))), None);
        }
    }
}
