//! What `update` asks the runtime to do: store calls, described as data so state can be
//! tested without a terminal or a database.

use chrono::NaiveDate;

use crate::domain::browse::Basis;
use crate::domain::{Entry, Meal, NewEntry, Nutrient};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadDay(NaiveDate),
    /// Load `days` days of entries ending at the date.
    LoadTrend {
        end: NaiveDate,
        days: u32,
    },
    Search(String),
    Browse {
        sort: Nutrient,
        basis: Basis,
        group: Option<String>,
    },
    LoadGroups,
    LoadFood(String),
    AddEntry(NewEntry),
    RestoreEntry(Entry),
    RemoveEntry {
        id: i64,
        undo: bool,
    },
    UpdateAmount {
        id: i64,
        grams: f64,
        quantity: String,
        undo: bool,
    },
    MoveEntry {
        id: i64,
        meal: Meal,
        undo: bool,
    },
    Quit,
}
