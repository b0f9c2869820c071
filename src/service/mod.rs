//! The use cases both faces call: finding a food, logging, a day's report and its trend,
//! gap suggestions, saved meals and copies, the profile, export and import. The command line
//! and the app hold the stores (each command opens the diary once) and call these; the words
//! each face shows stay with the face.

pub mod app_import;
pub mod day;
pub mod foods;
pub mod labs;
pub mod meals;
pub mod recipes;
pub mod record;
pub mod review;
pub mod saved;
pub mod suggest;
pub mod symptoms;
pub mod transfer;

pub use day::{day_report, summaries, DayReport};
pub use foods::{Foods, Lookup};
pub use suggest::{gap_suggestions, GapSuggestions};

use crate::domain::{DomainError, ProfileError};
use crate::store::StoreError;

/// Why a use case did nothing: the store failed, or what was asked cannot be done. Each is
/// one line a person can act on; the faces may word the refusals their own way.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("{0}")]
    Profile(#[from] ProfileError),
    /// A saved meal names a food that is neither in the catalog nor among the custom foods.
    #[error("the saved meal {meal:?} names food {food}, which no longer exists")]
    MissingFood { meal: String, food: String },
    /// An import without merging into a diary that already holds entries or doses.
    #[error("the diary already holds {0} entries and doses")]
    NotEmpty(i64),
}
