//! The names the day's report and the gap suggestions had before the service layer: they are
//! the service's now ([`crate::service`]).

pub use crate::service::day::DayReport;
pub use crate::service::suggest::GapSuggestions;
