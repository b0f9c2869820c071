//! What the user (or the world) wants: every key becomes an Action (the keymap) before state
//! changes, every store result comes back as one, and so does the clock.

use chrono::NaiveDate;

use super::keymap::Key;
use super::state::MealChoice;
use crate::domain::day::DaySummary;
use crate::domain::supplement::Supplement;
use crate::domain::Product;
use crate::domain::{Entry, Food, Meal};
use crate::service::review::Review;
use crate::service::{DayReport, GapSuggestions};

/// Where entries added together came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Batch {
    /// A saved meal, by name.
    SavedMeal(String),
    /// A meal copied from another day.
    Copied { from: NaiveDate, meal: Meal },
}

/// Readline's moves and kills in a text field (the keymap binds them; text.rs applies them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEdit {
    Left,
    Right,
    Home,
    End,
    WordLeft,
    WordRight,
    /// The character under the cursor.
    Delete,
    /// Everything before the cursor.
    KillStart,
    /// Everything from the cursor on.
    KillEnd,
    /// The word before the cursor, back to a space.
    KillWord,
}

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
    /// Re-applies what the last undo took back.
    Redo,
    /// The trends' next range: 7 days, 4 weeks, 12 weeks, 12 months.
    ToggleTrendRange,
    /// Pins the next nutrient not yet shown to the gauges; after the last, none.
    CyclePinned,
    /// Show the day a week before / after the shown one.
    WeekBack,
    WeekForward,
    /// The date prompt, to show any day.
    OpenDatePrompt,
    /// Save the selected entry's meal under a name.
    SaveMeal,
    /// Make a recipe (one serving) of the selected entry's meal, under a name.
    RecipeFromMeal,
    /// Copy yesterday's meal (the selected entry's, else the current one) to the shown day.
    CopyYesterday,
    // Overlays
    OpenSearch,
    OpenHelp,
    /// The supplements overlay.
    OpenSupplements,
    /// "Close the gap" suggestions.
    OpenSuggestions,
    /// The saved meal picker.
    OpenSavedMeals,
    /// The review of the week ending on the shown date.
    OpenReview,
    /// The review's other period: the week or the 30 days.
    ToggleReviewPeriod,
    /// The lab values up to the shown date, beside the intake before each.
    OpenLabs,
    /// The bone co-factor panel of the shown day.
    OpenCofactors,
    /// Add a note / a symptom score to the shown day; the symptom view.
    OpenNote,
    OpenSymptom,
    OpenSymptomView,
    /// Tab in the symptom prompt: complete the name.
    Complete,
    /// Esc: close the top overlay without changes.
    Close,
    /// Enter: confirm whatever the overlay offers.
    Confirm,
    /// Up/Down inside an overlay list.
    ListUp,
    ListDown,
    /// A page down / up in a list.
    PageDown,
    PageUp,
    /// The first / last row of a list.
    ListTop,
    ListBottom,
    /// A character typed into the focused text field.
    Type(char),
    /// Delete the character before the cursor.
    Backspace,
    /// Move the cursor or kill text in the focused text field.
    Edit(TextEdit),
    /// A letter bound to a command where a text field would otherwise take it (s and g on an
    /// empty search): the command runs, and the letter is typed after all if the next key
    /// shows that it began a word ("salmon").
    Letter {
        letter: char,
        action: Box<Action>,
    },
    /// The first key of a sequence ("g" of "g g"): it waits in the state for the second.
    KeyPrefix(Key),
    /// The key after a waiting first key: the wait ends, then the sequence's action runs, or
    /// the key's own when it completed none (None: it does nothing here).
    Sequence(Option<Box<Action>>),
    /// Open the form to add a supplement dose by hand.
    AddDose,
    /// Send the entry being moved to this meal.
    PickMeal(Meal),
    /// Cycle browse sorting (Mg, Ca, D per 100 g).
    CycleSort,
    /// Cycle what browse values are measured per (100 g, serving, 100 kcal).
    CycleBasis,
    /// Open the food-group picker.
    PickGroup,
    /// Cycle the meal new entries go to.
    CycleMeal,
    /// The next / previous nutrient (suggestions, the supplement form).
    NextNutrient,
    PrevNutrient,
    Quit,
    /// A left click at a cell of the screen (column, row from the top left, 0-based).
    Click {
        col: u16,
        row: u16,
    },
    /// The mouse wheel: down (towards later rows) or up.
    Wheel {
        down: bool,
    },
    /// The terminal's size, before a frame is drawn: what clicks are measured against.
    Resize {
        width: u16,
        height: u16,
    },
    // Results from the runtime
    DayLoaded(DayReport),
    TrendLoaded {
        end: NaiveDate,
        days: Vec<DaySummary>,
    },
    SearchResults {
        query: String,
        foods: Vec<Food>,
    },
    RecentLoaded(Vec<Food>),
    GroupsLoaded(Vec<String>),
    /// A food arrived from the catalog, with the amount last logged of it (if ever).
    FoodLoaded(Food, Option<String>),
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
    /// Several entries added in one transaction.
    EntriesAdded {
        entries: Vec<Entry>,
        batch: Batch,
    },
    EntriesRemoved {
        entries: Vec<Entry>,
        undo: bool,
    },
    ProductsLoaded(Vec<Product>),
    SupplementAdded {
        dose: Supplement,
        undo: bool,
    },
    SupplementRemoved {
        dose: Supplement,
        undo: bool,
    },
    SuggestionsLoaded(GapSuggestions),
    SavedMealsLoaded(Vec<MealChoice>),
    ReviewLoaded(Box<Review>),
    LabsLoaded(Vec<crate::service::labs::LabLine>),
    MealSaved {
        name: String,
        items: usize,
        replaced: bool,
    },
    /// A note or a symptom score was added (what to say).
    JournalAdded(String),
    /// The symptom names the diary holds and the view asked for.
    SymptomViewLoaded(Vec<String>, Option<Box<crate::service::symptoms::SymptomView>>),
    /// Nothing was done, for a reason worth a hint ("nothing logged for lunch yesterday").
    Notice(String),
    /// Another process changed the diary.
    ExternalChange,
    Failed(String),
    /// The clock: sent when the date or the meal of the time of day changes (the config's
    /// meal times). New entries follow the meal until the user picks one with Tab.
    Tick {
        today: NaiveDate,
        meal: Meal,
    },
}
