//! What the user (or the world) wants: every key becomes an Action before state changes, and
//! every store result comes back as one.

use chrono::NaiveDate;

use crate::domain::{Entry, Food, Meal, Profile};

/// A user intent or a result fed back by the runtime. Results carry whole entries and foods;
/// actions are few per key press, so their size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    // Day log
    SelectNext,
    SelectPrev,
    PrevDay,
    NextDay,
    Today,
    EditAmount,
    MoveEntry,
    DeleteEntry,
    Undo,
    ToggleTrendRange,
    // Overlays
    OpenSearch,
    OpenHelp,
    /// Esc: close the top overlay without changes.
    Close,
    /// Enter: confirm whatever the overlay offers.
    Confirm,
    /// Up/Down inside an overlay list.
    ListUp,
    ListDown,
    /// A character typed into the focused text field.
    Type(char),
    Backspace,
    /// Cycle browse sorting (Mg, Ca, D per 100 g).
    CycleSort,
    /// Cycle what browse values are measured per (100 g, serving, 100 kcal).
    CycleBasis,
    /// Open the food-group picker.
    PickGroup,
    /// Cycle the meal new entries go to.
    CycleMeal,
    Quit,
    // Results from the runtime
    DayLoaded {
        date: NaiveDate,
        entries: Vec<Entry>,
        profile: Profile,
    },
    TrendLoaded {
        end: NaiveDate,
        days: Vec<(NaiveDate, Vec<Entry>)>,
    },
    SearchResults {
        query: String,
        foods: Vec<Food>,
    },
    GroupsLoaded(Vec<String>),
    FoodLoaded(Food),
    /// An entry was added (or restored); `undo` says whether it came from undo.
    EntryAdded {
        entry: Entry,
        undo: bool,
    },
    EntryRemoved {
        entry: Entry,
        undo: bool,
    },
    EntryChanged {
        before: Entry,
        after: Entry,
        undo: bool,
    },
    /// Another process changed the diary.
    ExternalChange,
    Failed(String),
    /// The clock passed midnight or the meal time changed.
    Tick {
        today: NaiveDate,
        meal: Meal,
    },
}
