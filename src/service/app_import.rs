//! Moving a history in from another food diary: an export read and checked whole (see
//! `sources::app_csv`) becomes ordinary diary entries, all in one transaction or none.

use std::path::Path;

use chrono::NaiveTime;

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
pub fn import(
    diary: &mut Diary,
    export: &AppExport,
    meal_at: &dyn Fn(NaiveTime) -> Meal,
    now: &str,
) -> Result<Vec<Entry>, StoreError> {
    diary.add_entries(&export.entries(meal_at, now))
}
