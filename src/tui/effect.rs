//! What `update` asks the runtime to do: store calls, described as data so state can be
//! tested without a terminal or a database.

use chrono::NaiveDate;

use crate::domain::browse::Basis;
use crate::domain::period::Period;
use crate::domain::supplement::{NewSupplement, Supplement};
use crate::domain::SavedMeal;
use crate::domain::{Entry, Meal, NewEntry, Nutrient};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// The day's report (entries, supplements, summary, warnings, week).
    LoadDay(NaiveDate),
    /// Load `days` days of summaries ending at the date.
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
    /// The foods logged most recently.
    LoadRecent,
    LoadGroups,
    LoadFood(String),
    AddEntry(NewEntry),
    RestoreEntry(Entry),
    RemoveEntry {
        id: i64,
        undo: bool,
    },
    /// Several entries at once, all or none (undo of a saved or copied meal).
    RemoveEntries {
        ids: Vec<i64>,
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
    /// Saved supplement products.
    LoadProducts,
    AddSupplement(NewSupplement),
    RestoreSupplement(Supplement),
    RemoveSupplement {
        id: i64,
        undo: bool,
    },
    /// Suggestions to close the day's gap in a nutrient.
    Suggest {
        date: NaiveDate,
        nutrient: Nutrient,
    },
    LoadSavedMeals,
    /// The review of a period (`service::review`).
    Review(Period),
    /// The lab values up to a date, each with the intake before it (`service::labs`).
    LoadLabs(NaiveDate),
    SaveMeal {
        name: String,
        items: Vec<(String, String)>,
    },
    /// Make a recipe of one serving of `meal` on `date`, as its entries were logged.
    /// A saved meal, custom food or product removed or renamed (`:meal rm usual`).
    ChangeSaved {
        kind: crate::store::Saved,
        change: super::command::Change,
    },
    SaveRecipe {
        name: String,
        date: NaiveDate,
        meal: Meal,
    },
    /// Log a saved meal's foods (with their current figures) to `to` on `date`.
    LogSavedMeal {
        meal: SavedMeal,
        date: NaiveDate,
        to: Meal,
    },
    /// Copy one meal's entries, as logged, from one day to another.
    CopyMeal {
        from: NaiveDate,
        to: NaiveDate,
        meal: Meal,
    },
    AddNote {
        date: NaiveDate,
        text: String,
    },
    AddSymptom {
        date: NaiveDate,
        name: String,
        score: u8,
    },
    /// The symptom view of `name` (None: the symptom scored last) against `nutrient`.
    LoadSymptomView {
        name: Option<String>,
        nutrient: Nutrient,
    },
    /// The diary written to a new file, as `marrow export` writes it (the command line).
    Export {
        format: super::command::Format,
        path: std::path::PathBuf,
    },
    Quit,
}

/// Work slow enough on a big catalog (hundreds of thousands of foods: tens of milliseconds to
/// seconds) to run on the worker thread, so the screen never freezes while it runs. Search as
/// you type stays on the main thread: under 10 ms at p99 on 400,000 foods (docs/benchmarks.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// A browse list (the search overlay on an empty query).
    Foods,
    /// "Close the gap" suggestions.
    Suggestions,
    /// The review of a week or a month.
    Review,
}

impl Effect {
    /// Which slow work this effect is, if it is slow.
    pub fn slow(&self) -> Option<Work> {
        match self {
            Effect::Browse { .. } => Some(Work::Foods),
            Effect::Suggest { .. } => Some(Work::Suggestions),
            Effect::Review(_) => Some(Work::Review),
            _ => None,
        }
    }

    /// Whether this effect writes to the diary: such effects land in the order they were
    /// made, and wait their turn while another marrow holds the diary (writes.rs).
    pub fn writes(&self) -> bool {
        use Effect::*;
        match self {
            AddEntry(_)
            | RestoreEntry(_)
            | RemoveEntry { .. }
            | RemoveEntries { .. }
            | UpdateAmount { .. }
            | MoveEntry { .. }
            | AddSupplement(_)
            | RestoreSupplement(_)
            | RemoveSupplement { .. }
            | SaveMeal { .. }
            | SaveRecipe { .. }
            | ChangeSaved { .. }
            | LogSavedMeal { .. }
            | CopyMeal { .. }
            | AddNote { .. }
            | AddSymptom { .. } => true,
            LoadDay(_)
            | LoadTrend { .. }
            | Search(_)
            | Browse { .. }
            | LoadRecent
            | LoadGroups
            | LoadFood(_)
            | LoadProducts
            | Suggest { .. }
            | LoadSavedMeals
            | Review(_)
            | LoadLabs(_)
            | LoadSymptomView { .. }
            | Export { .. }
            | Quit => false,
        }
    }
}
