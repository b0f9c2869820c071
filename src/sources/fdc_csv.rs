//! One FoodData Central CSV file read by column name: quoted UTF-8 CSV with a header row, in
//! whatever column order and with whatever extra columns the release has. Errors name the file
//! and line; bytes read are reported as the file is read, for a progress bar.

use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use csv::ByteRecord;

use super::SourceError;
use crate::files_guard::{self, Bounded};

/// How many records pass between two progress reports.
const REPORT_EVERY: u64 = 16_384;

/// An open FDC table: its reader, where it is, and its header's columns by name.
pub(super) struct Table {
    path: PathBuf,
    reader: csv::Reader<BufReader<Bounded<File>>>,
    columns: HashMap<String, usize>,
    /// Byte offset already reported to the progress callback.
    reported: u64,
    records: u64,
}

impl Table {
    /// Opens `dir/name`; `Ok(None)` when the file is absent.
    pub fn open(dir: &Path, name: &str) -> Result<Option<Table>, SourceError> {
        let path = dir.join(name);
        let file = match files_guard::open(&path, &files_guard::FDC_FILE) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(SourceError::Io { path, source }),
        };
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .buffer_capacity(1 << 20)
            .from_reader(BufReader::with_capacity(1 << 20, file));
        let headers = reader.byte_headers().map_err(|e| csv_error(&path, 1, e))?.clone();
        let mut columns = HashMap::new();
        for (i, h) in headers.iter().enumerate() {
            let name = String::from_utf8_lossy(h).trim().trim_start_matches('\u{feff}').to_lowercase();
            columns.entry(name).or_insert(i);
        }
        if columns.keys().all(String::is_empty) {
            return Err(SourceError::Format { path, line: 1, what: "no header row".into() });
        }
        Ok(Some(Table { path, reader, columns, reported: 0, records: 0 }))
    }

    /// Opens `dir/name`, which must exist.
    pub fn require(dir: &Path, name: &str) -> Result<Table, SourceError> {
        Table::open(dir, name)?.ok_or_else(|| SourceError::Io {
            path: dir.join(name),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        })
    }

    /// The position of a column the file must have.
    pub fn column(&self, name: &str) -> Result<usize, SourceError> {
        self.optional(name).ok_or_else(|| SourceError::Format {
            path: self.path.clone(),
            line: 1,
            what: format!("no column {name:?} in the header"),
        })
    }

    /// The position of a column the file may have.
    pub fn optional(&self, name: &str) -> Option<usize> {
        self.columns.get(name).copied()
    }

    /// Reads the next record into `rec`; `false` at the end. Every few thousand records,
    /// `progress` gets the bytes read since its last call.
    pub fn next(&mut self, rec: &mut ByteRecord, progress: &mut dyn FnMut(u64)) -> Result<bool, SourceError> {
        let line = self.reader.position().line();
        let more = self.reader.read_byte_record(rec).map_err(|e| csv_error(&self.path, line, e))?;
        self.records += 1;
        if !more || self.records.is_multiple_of(REPORT_EVERY) {
            let at = self.reader.position().byte();
            progress(at.saturating_sub(self.reported));
            self.reported = at;
        }
        Ok(more)
    }

    /// An error about `rec`, naming this file and the record's line.
    pub fn error(&self, rec: &ByteRecord, what: String) -> SourceError {
        let line = rec.position().map_or(0, csv::Position::line) as usize;
        SourceError::Format { path: self.path.clone(), line, what }
    }

    /// A number in column `col` of `rec`: `None` when empty, an error when not a number of 0
    /// or more.
    pub fn number(&self, rec: &ByteRecord, col: usize, what: &str) -> Result<Option<f64>, SourceError> {
        let t = field(rec, col);
        if t.is_empty() {
            return Ok(None);
        }
        std::str::from_utf8(t)
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|v| v.is_finite() && *v >= 0.0)
            .map(Some)
            .ok_or_else(|| self.error(rec, format!("bad {what} {:?}", text(rec, col))))
    }

    /// A whole number in column `col` (an id): an error when empty or not a whole number.
    pub fn id(&self, rec: &ByteRecord, col: usize, what: &str) -> Result<i64, SourceError> {
        int(field(rec, col)).ok_or_else(|| self.error(rec, format!("bad {what} {:?}", text(rec, col))))
    }
}

/// A small lookup file of the download (`file`: id -> `value` column), empty when absent:
/// food_category.csv gives category names, measure_unit.csv unit names.
pub(super) fn read_names(
    dir: &Path,
    file: &str,
    value: &str,
    what: &str,
    progress: &mut dyn FnMut(u64),
) -> Result<HashMap<i64, String>, SourceError> {
    let mut out = HashMap::new();
    let Some(mut t) = Table::open(dir, file)? else { return Ok(out) };
    let (id, name) = (t.column("id")?, t.column(value)?);
    let mut rec = ByteRecord::new();
    while t.next(&mut rec, progress)? {
        out.insert(t.id(&rec, id, what)?, text(&rec, name));
    }
    Ok(out)
}

/// The raw bytes of a field, without surrounding spaces ("" when the record is short).
pub(super) fn field(rec: &ByteRecord, col: usize) -> &[u8] {
    rec.get(col).unwrap_or_default().trim_ascii()
}

/// A field as text (invalid UTF-8 replaced), trimmed.
pub(super) fn text(rec: &ByteRecord, col: usize) -> String {
    String::from_utf8_lossy(field(rec, col)).into_owned()
}

/// A field as text when the column exists, else "".
pub(super) fn text_opt(rec: &ByteRecord, col: Option<usize>) -> String {
    col.map(|c| text(rec, c)).unwrap_or_default()
}

/// Parses a whole number fast: digits, or digits followed by ".0" as some exports write ids.
pub(super) fn int(bytes: &[u8]) -> Option<i64> {
    let digits = match bytes.iter().position(|b| *b == b'.') {
        Some(dot) if bytes[dot + 1..].iter().all(|b| *b == b'0') => &bytes[..dot],
        Some(_) => return None,
        None => bytes,
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut n: i64 = 0;
    for b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(b - b'0');
    }
    Some(n)
}

fn csv_error(path: &Path, line: u64, e: csv::Error) -> SourceError {
    let line = match e.position() {
        Some(p) => p.line(),
        None => line,
    } as usize;
    match e.into_kind() {
        csv::ErrorKind::Io(source) => SourceError::Io { path: path.to_path_buf(), source },
        other => SourceError::Format { path: path.to_path_buf(), line, what: format!("{other:?}") },
    }
}

#[cfg(test)]
mod tests {
    use super::int;

    #[test]
    fn ints_are_digits_or_whole_decimals() {
        assert_eq!(int(b"170567"), Some(170_567));
        assert_eq!(int(b"1008.0"), Some(1008));
        assert_eq!(int(b"205.2"), None);
        assert_eq!(int(b""), None);
        assert_eq!(int(b"12a"), None);
        assert_eq!(int(b"-3"), None);
    }
}
