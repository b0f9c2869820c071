//! Moving a history in from another food diary: an export read and checked whole (see
//! `sources::app_csv`) becomes ordinary diary entries, all in one transaction or none.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime};

use crate::domain::{Entry, Meal};
use crate::files_guard::{self, Kind};
use crate::sources::app_csv::{AppExport, AppImportError};
use crate::sources::{cronometer, myfitnesspal};
use crate::store::{Diary, StoreError};

/// An export of another app: the most marrow reads of one (decades of daily rows fit).
const APP_EXPORT: Kind = Kind { what: "an app export", max: 1 << 30, follow_links: true };

/// The diaries marrow imports from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum App {
    Cronometer,
    MyFitnessPal,
}

/// Why an export was not imported.
#[derive(Debug, thiserror::Error)]
pub enum AppImportFailure {
    /// The file could not be read (missing, not a regular file, too large, unreadable).
    #[error("can't read {}: {source}", path.display())]
    Read { path: std::path::PathBuf, source: std::io::Error },
    /// The file was read and refused.
    #[error("{}: {source}", path.display())]
    Refused { path: std::path::PathBuf, source: AppImportError },
    /// The diary already holds entries imported from this app on the export's days: a second
    /// import would count them twice.
    #[error("the diary already holds {count} entries imported from {app} between {first} and {last}")]
    AlreadyImported { app: &'static str, count: usize, first: NaiveDate, last: NaiveDate },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Reads and checks the export at `path` whole; nothing is written.
pub fn read(app: App, path: &Path) -> Result<AppExport, AppImportFailure> {
    let bytes = files_guard::read(path, &APP_EXPORT)
        .map_err(|source| AppImportFailure::Read { path: path.to_path_buf(), source })?;
    let parsed = match app {
        App::Cronometer => cronometer::read(&bytes),
        App::MyFitnessPal => myfitnesspal::read(&bytes),
    };
    parsed.map_err(|source| AppImportFailure::Refused { path: path.to_path_buf(), source })
}

/// Adds the export's rows to the diary as entries in one transaction: all land or none.
/// Unless `merge`, an export whose days already hold entries imported from the same app is
/// refused, so that importing a file twice never doubles a day.
pub fn import(
    diary: &mut Diary,
    export: &AppExport,
    meal_at: &dyn Fn(NaiveTime) -> Meal,
    now: &str,
    merge: bool,
) -> Result<Vec<Entry>, AppImportFailure> {
    let new = export.entries(meal_at, now);
    let (first, last, _) = export.days();
    if let (false, Some(first), Some(last)) = (merge, first, last) {
        let prefix = format!("{}:", export.app.to_lowercase());
        let days: BTreeSet<NaiveDate> = export.rows.iter().map(|r| r.date).collect();
        let count = diary
            .range_entries(first, last)?
            .iter()
            .filter(|e| e.food_id.starts_with(&prefix) && days.contains(&e.date))
            .count();
        if count > 0 {
            return Err(AppImportFailure::AlreadyImported { app: export.app, count, first, last });
        }
    }
    Ok(diary.add_entries(&new)?)
}
