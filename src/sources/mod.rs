//! Where the food catalog comes from: the USDA SR28 and FoodData Central importers and marrow's own
//! embedded asset; and the exports of other food diaries (Cronometer, MyFitnessPal).

pub mod app_csv;
pub mod asset;
pub mod cronometer;
pub mod fdc;
mod fdc_csv;
mod fdc_portions;
pub mod myfitnesspal;
pub mod sr28;

use std::path::PathBuf;

/// Why a catalog source could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("can't read {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}:{line}: {what}", path.display())]
    Format { path: PathBuf, line: usize, what: String },
    #[error("{}: {what}", dir.display())]
    Incomplete { dir: PathBuf, what: String },
    #[error("catalog asset, line {line}: {what}")]
    Asset { line: usize, what: String },
}
