//! The app's state: the shown day, its entries and summary, the trend, the overlays and the
//! status line. Plain data; `update` (app.rs) is the only thing that changes it.

use chrono::NaiveDate;

use crate::domain::browse::Basis;
use crate::domain::day::DaySummary;
use crate::domain::{Entry, Food, Meal, Nutrient, NutrientValues, Portion, Profile};

/// How far back the trends pane looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrendRange {
    Week,
    FourWeeks,
}

impl TrendRange {
    pub fn days(self) -> u32 {
        match self {
            TrendRange::Week => 7,
            TrendRange::FourWeeks => 28,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Hint,
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub kind: StatusKind,
}

/// The food search and browse overlay.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchState {
    pub query: String,
    pub results: Vec<Food>,
    pub selected: usize,
    /// Browse order when the query is empty.
    pub sort: Nutrient,
    /// What browse values are measured per (←/→ cycle it).
    pub basis: Basis,
    /// Browse filter when the query is empty.
    pub group: Option<String>,
    /// An `s` or `g` typed on an empty query acts as a browse key, unless the next key shows
    /// it began a word ("salmon"): then it is typed after all. Holds the letter and the sort
    /// to return to.
    pub pending: Option<(char, Nutrient)>,
}

impl SearchState {
    pub fn new() -> SearchState {
        SearchState {
            query: String::new(),
            results: Vec::new(),
            selected: 0,
            sort: Nutrient::Magnesium,
            basis: Basis::Per100g,
            group: None,
            pending: None,
        }
    }

    pub fn browsing(&self) -> bool {
        self.query.trim().is_empty()
    }

    pub fn selected_food(&self) -> Option<&Food> {
        self.results.get(self.selected)
    }
}

impl Default for SearchState {
    fn default() -> Self {
        Self::new()
    }
}

/// What a typed amount would add, or why it cannot be read.
pub type Preview = Result<(f64, NutrientValues), String>;

/// The amount prompt for a chosen food (new entry) or an existing entry (edit).
#[derive(Debug, Clone, PartialEq)]
pub struct AmountPrompt {
    pub food_id: String,
    pub food_name: String,
    pub per_100g: NutrientValues,
    pub portions: Vec<Portion>,
    pub input: String,
    /// Highlighted household portion in the list.
    pub portion: Option<usize>,
    pub preview: Option<Preview>,
    /// The entry being edited, for `e`; None when logging a new food.
    pub editing: Option<Entry>,
}

/// Food groups to filter browsing by.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupPicker {
    pub groups: Vec<String>,
    /// 0 = all groups, i + 1 = groups[i].
    pub selected: usize,
}

/// Choosing another meal for an entry.
#[derive(Debug, Clone, PartialEq)]
pub struct MovePicker {
    pub entry: Entry,
    pub selected: Meal,
}

/// How to take back the last change.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    Remove(i64),
    Restore(Entry),
    Revert(Entry),
}

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub today: NaiveDate,
    pub date: NaiveDate,
    /// The meal new entries go to.
    pub meal: Meal,
    pub profile: Profile,
    pub entries: Vec<Entry>,
    pub summary: DaySummary,
    pub selected: usize,
    pub trend_range: TrendRange,
    /// Summaries of the trend's days, oldest first.
    pub trend: Vec<DaySummary>,
    pub search: Option<SearchState>,
    pub amount: Option<AmountPrompt>,
    pub groups: Option<GroupPicker>,
    pub moving: Option<MovePicker>,
    pub help: bool,
    pub status: Option<Status>,
    pub undo: Vec<Undo>,
    /// Food groups, loaded once for the picker.
    pub group_names: Vec<String>,
    /// Entry to select once the day reloads (a new or restored entry).
    pub select_id: Option<i64>,
    pub quit: bool,
}

/// Which overlay has the keyboard, top first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Help,
    Amount,
    Groups,
    Move,
    Search,
    Log,
}

impl AppState {
    pub fn new(today: NaiveDate, meal: Meal, profile: Profile) -> AppState {
        AppState {
            today,
            date: today,
            meal,
            summary: DaySummary::new(today, &[], &profile),
            profile,
            entries: Vec::new(),
            selected: 0,
            trend_range: TrendRange::Week,
            trend: Vec::new(),
            search: None,
            amount: None,
            groups: None,
            moving: None,
            help: false,
            status: None,
            undo: Vec::new(),
            group_names: Vec::new(),
            select_id: None,
            quit: false,
        }
    }

    pub fn focus(&self) -> Focus {
        if self.help {
            Focus::Help
        } else if self.amount.is_some() {
            Focus::Amount
        } else if self.groups.is_some() {
            Focus::Groups
        } else if self.moving.is_some() {
            Focus::Move
        } else if self.search.is_some() {
            Focus::Search
        } else {
            Focus::Log
        }
    }

    /// Whether keys are going into a text field (so `q` types a q instead of quitting).
    pub fn typing(&self) -> bool {
        matches!(self.focus(), Focus::Amount | Focus::Search)
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }

    pub fn set_status(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), kind });
    }
}
