//! The app's state: the shown day (entries, supplements, summary, warnings), the trend, the
//! overlays and the status line. Plain data; `update` (app.rs) is the only thing that changes
//! it.

use chrono::NaiveDate;

use super::effect::Work;
use super::keymap::{Keymap, Prefix};
use super::text::TextField;
use crate::domain::browse::Basis;
use crate::domain::day::DaySummary;
use crate::domain::supplement::Supplement;
use crate::domain::warnings::Warning;
use crate::domain::{Entry, Food, Meal, Nutrient, NutrientValues, Portion, Profile};
use crate::domain::{Product, SavedMeal};
use crate::service::GapSuggestions;

/// How far back the trends pane looks: daily values over 7 days or 4 weeks, weekly averages
/// over 12 weeks, monthly averages over 12 months (src/tui/trends.rs has its periods).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrendRange {
    Week,
    FourWeeks,
    Weeks,
    Months,
}

/// The command line (`:`): a command as typed (`goto 2026-01-05`, or a bare date to show),
/// and why the last one was refused or what Tab found to complete it with.
#[derive(Debug, Clone, PartialEq)]
pub struct DatePrompt {
    pub input: TextField,
    pub error: Option<String>,
    /// What Tab found to complete the last word with, when more than one fits.
    pub candidates: Vec<String>,
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
    pub query: TextField,
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
    /// The user's recently logged foods, newest first: listed above the browse list while the
    /// query is empty and no group is picked.
    pub recent: Vec<Food>,
}

impl SearchState {
    pub fn new() -> SearchState {
        SearchState {
            query: TextField::new(200),
            results: Vec::new(),
            selected: 0,
            sort: Nutrient::Magnesium,
            basis: Basis::Per100g,
            group: None,
            pending: None,
            recent: Vec::new(),
        }
    }

    pub fn browsing(&self) -> bool {
        self.query.trim().is_empty()
    }

    /// Whether the recent foods head the list.
    pub fn showing_recent(&self) -> bool {
        self.browsing() && self.group.is_none() && !self.recent.is_empty()
    }

    /// The listed foods, each with whether it is a recent one: recent foods first when shown.
    pub fn items(&self) -> impl Iterator<Item = (&Food, bool)> {
        let recent: &[Food] = if self.showing_recent() { &self.recent } else { &[] };
        recent.iter().map(|f| (f, true)).chain(self.results.iter().map(|f| (f, false)))
    }

    /// How many foods are listed.
    pub fn len(&self) -> usize {
        self.results.len() + if self.showing_recent() { self.recent.len() } else { 0 }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn selected_food(&self) -> Option<&Food> {
        self.items().nth(self.selected).map(|(f, _)| f)
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
    /// The text that logs each portion, in the same order (domain::labels).
    pub labels: Vec<String>,
    pub input: TextField,
    /// Highlighted household portion in the list. It stays picked through edits of the
    /// input: whenever the input names its label's unit ("2 cup" for "1 cup"), that row is
    /// what gets logged, scaled by the number.
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

/// The supplements overlay: saved products first (Enter logs one), then the day's doses
/// (`d` removes one), and the add form when open.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplementOverlay {
    pub products: Vec<Product>,
    /// Index over the products, then the day's doses.
    pub selected: usize,
    pub form: Option<DoseForm>,
}

/// Adding a dose by hand: a nutrient and an amount as typed ("200 mg", "1000 IU").
#[derive(Debug, Clone, PartialEq)]
pub struct DoseForm {
    pub nutrient: Nutrient,
    pub input: TextField,
    /// The amount in the nutrient's unit, or why it cannot be read (None while empty).
    pub preview: Option<Result<f64, String>>,
}

/// "Close the gap" suggestions for one nutrient of the shown day.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestOverlay {
    pub nutrient: Nutrient,
    /// None until the runtime has weighed the foods.
    pub found: Option<GapSuggestions>,
    pub selected: usize,
}

/// The review of the week or the 30 days ending on the shown date (`R`), as `marrow review`
/// gives it (src/tui/review.rs).
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewOverlay {
    /// 7 or 30 days.
    pub period: crate::domain::period::Period,
    /// None until the runtime has read it.
    pub found: Option<Box<crate::service::review::Review>>,
    /// The first line shown (the review scrolls on small terminals).
    pub scroll: usize,
}

/// The lab view (`L`): every lab value up to the shown date, by kind, beside the intake of its
/// nutrient before it (src/tui/labs.rs).
#[derive(Debug, Clone, PartialEq)]
pub struct LabsOverlay {
    pub upto: NaiveDate,
    /// None until the runtime has read them.
    pub found: Option<Vec<crate::service::labs::LabLine>>,
    /// The first line shown.
    pub scroll: usize,
}

/// Naming the selected entry's meal to save it.
#[derive(Debug, Clone, PartialEq)]
pub struct NamePrompt {
    pub input: TextField,
    pub meal: Meal,
    pub date: NaiveDate,
    /// (food id, quantity as typed) of the meal's entries.
    pub items: Vec<(String, String)>,
    /// The name is a recipe's (`c`), not a saved meal's.
    pub recipe: bool,
}

/// A saved meal with its foods' names, for the picker.
#[derive(Debug, Clone, PartialEq)]
pub struct MealChoice {
    pub meal: SavedMeal,
    /// One name per item (the food id when the food is gone).
    pub names: Vec<String>,
}

/// Picking a saved meal to log to the current meal of the shown day.
#[derive(Debug, Clone, PartialEq)]
pub struct MealPicker {
    /// None while loading.
    pub choices: Option<Vec<MealChoice>>,
    pub selected: usize,
}

/// How to take back the last change.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    Remove(i64),
    Restore(Entry),
    Revert(Entry),
    /// Entries added together (a saved meal, a copied meal).
    RemoveMany(Vec<i64>),
    RemoveDose(i64),
    RestoreDose(Supplement),
    /// Entries removed together, to add back (redoing a batch that undo removed).
    RestoreMany(Vec<Entry>),
}

/// A redo on its way: the results it brings are pushed on the undo stack, not the redo stack.
/// A batch comes back as one entry at a time; they are gathered into one undo step.
#[derive(Debug, Clone, PartialEq)]
pub struct Redoing {
    /// Results still to come.
    pub left: usize,
    /// Entry ids restored so far (for a batch).
    pub ids: Vec<i64>,
}

/// Slow work on the worker thread: the newest job of its kind, by ticket. Results of older
/// tickets are no longer wanted and are dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pending {
    pub work: Work,
    pub ticket: u64,
}

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// Nutrients the config adds to the gauges beyond Mg, Ca and D.
    pub extra_nutrients: Vec<Nutrient>,
    /// One more nutrient pinned to the gauges in the app (`CyclePinned`), for this session.
    pub pinned: Option<Nutrient>,
    /// Show vitamin D in IU (config `units.vitamin_d = "IU"`).
    pub vitamin_d_iu: bool,
    /// Offer grams before household portions (config `units.portions = "metric"`).
    pub metric_portions: bool,
    pub today: NaiveDate,
    pub date: NaiveDate,
    /// The meal new entries go to: the clock's (Tick), until the user picks one with Tab.
    pub meal: Meal,
    /// Whether the user picked the meal (Tab): then the clock no longer changes it that day.
    pub meal_picked: bool,
    pub profile: Profile,
    pub entries: Vec<Entry>,
    /// The shown day's supplement doses.
    pub supplements: Vec<Supplement>,
    /// Food and supplements together (report::DayReport::summary).
    pub summary: DaySummary,
    /// The day's warnings about doses and upper limits.
    pub warnings: Vec<Warning>,
    /// Calcium to magnesium over the 7 days ending on the shown date.
    pub ca_mg_week: Option<f64>,
    pub selected: usize,
    pub trend_range: TrendRange,
    /// Summaries of the trend's days, oldest first: every day of the range's span ending on
    /// the shown date (or a longer span, which the shorter ranges read without a new load).
    pub trend: Vec<DaySummary>,
    /// The command line (`:`), open.
    pub jump: Option<DatePrompt>,
    /// The home directory, for a `~` in a file the command line names.
    pub home: Option<std::path::PathBuf>,
    pub search: Option<SearchState>,
    pub amount: Option<AmountPrompt>,
    pub groups: Option<GroupPicker>,
    pub moving: Option<MovePicker>,
    /// The supplements overlay (`p`).
    pub pills: Option<SupplementOverlay>,
    /// "Close the gap" suggestions (`x`).
    pub suggest: Option<SuggestOverlay>,
    /// The review of the week or month (`R`).
    pub review: Option<ReviewOverlay>,
    /// The lab view (`L`).
    pub labs: Option<LabsOverlay>,
    /// The bone co-factor panel of the shown day (`B`), open.
    pub cofactors: bool,
    /// The config's latitude (`[place]`): None, and nothing is said of the sun.
    pub latitude: Option<f64>,
    /// Naming a meal to save (`s`).
    pub naming: Option<NamePrompt>,
    /// Picking a saved meal to log (`r`).
    pub meals: Option<MealPicker>,
    /// The shown day's notes and symptom scores, and the prompt adding one (`n`, `o`).
    pub notes: Vec<crate::domain::symptoms::Note>,
    pub symptoms: Vec<crate::domain::symptoms::Symptom>,
    pub journal: Option<super::journal::JournalPrompt>,
    /// The symptom view (`v`).
    pub symptom_view: Option<super::journal::SymptomOverlay>,
    pub help: bool,
    /// First help line shown (the help scrolls on small terminals).
    pub help_scroll: usize,
    pub status: Option<Status>,
    /// Slow work sent to the worker and not back yet, one per kind (the status line says so).
    pub pending: Vec<Pending>,
    pub undo: Vec<Undo>,
    /// What undo took back, to redo (Ctrl-R); a new change clears it.
    pub redo: Vec<Undo>,
    /// A redo whose results are still coming.
    pub redoing: Option<Redoing>,
    /// Which key does what (the config's `[keys]` applied); the help is drawn from it.
    pub keys: Keymap,
    /// The first key of a sequence ("g" of "g g"), waiting for the second; the status line
    /// shows it.
    pub prefix: Option<Prefix>,
    /// Food groups, loaded once for the picker.
    pub group_names: Vec<String>,
    /// Entry to select once the day reloads (a new or restored entry).
    pub select_id: Option<i64>,
    /// The terminal's size as last drawn (Resize): the layout clicks are found in.
    pub screen: ratatui::layout::Rect,
    /// The first line of the day log shown (ui/layout.rs keeps it so that the selected entry
    /// is in view and the rows stay put while it is).
    pub log_top: usize,
    pub quit: bool,
}

/// Which overlay has the keyboard, top first.
///
/// The overlays stack in this one fixed order: each has its own field in the state (search,
/// amount, pickers...), the one highest here that is open has the keys and is drawn on top, and
/// Esc closes it to show the one below. Every way of opening an overlay opens it above the one
/// it came from (a portion prompt above the search or the suggestions, help above anything),
/// so an explicit stack would hold the same order in a second place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Help,
    Amount,
    /// The date prompt.
    Date,
    /// The meal name prompt.
    Name,
    /// The supplement add form.
    Dose,
    Groups,
    Move,
    Meals,
    Search,
    Suggest,
    Review,
    Labs,
    Cofactors,
    Supplements,
    /// The note or symptom prompt.
    Journal,
    /// The symptom view.
    Symptoms,
    Log,
}

impl AppState {
    pub fn new(today: NaiveDate, meal: Meal, profile: Profile) -> AppState {
        AppState {
            extra_nutrients: Vec::new(),
            pinned: None,
            vitamin_d_iu: false,
            metric_portions: false,
            today,
            date: today,
            meal,
            meal_picked: false,
            summary: DaySummary::new(today, &[], &profile),
            profile,
            entries: Vec::new(),
            supplements: Vec::new(),
            warnings: Vec::new(),
            ca_mg_week: None,
            selected: 0,
            trend_range: TrendRange::Week,
            trend: Vec::new(),
            jump: None,
            home: None,
            search: None,
            amount: None,
            groups: None,
            moving: None,
            pills: None,
            suggest: None,
            review: None,
            labs: None,
            cofactors: false,
            latitude: None,
            naming: None,
            meals: None,
            notes: Vec::new(),
            symptoms: Vec::new(),
            journal: None,
            symptom_view: None,
            help: false,
            help_scroll: 0,
            status: None,
            pending: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            redoing: None,
            keys: Keymap::default(),
            prefix: None,
            group_names: Vec::new(),
            select_id: None,
            screen: ratatui::layout::Rect::new(0, 0, 80, 24),
            log_top: 0,
            quit: false,
        }
    }

    pub fn focus(&self) -> Focus {
        if self.help {
            Focus::Help
        } else if self.amount.is_some() {
            Focus::Amount
        } else if self.jump.is_some() {
            Focus::Date
        } else if self.naming.is_some() {
            Focus::Name
        } else if self.journal.is_some() {
            Focus::Journal
        } else if self.pills.as_ref().is_some_and(|p| p.form.is_some()) {
            Focus::Dose
        } else if self.groups.is_some() {
            Focus::Groups
        } else if self.moving.is_some() {
            Focus::Move
        } else if self.meals.is_some() {
            Focus::Meals
        } else if self.search.is_some() {
            Focus::Search
        } else if self.suggest.is_some() {
            Focus::Suggest
        } else if self.review.is_some() {
            Focus::Review
        } else if self.labs.is_some() {
            Focus::Labs
        } else if self.cofactors {
            Focus::Cofactors
        } else if self.pills.is_some() {
            Focus::Supplements
        } else if self.symptom_view.is_some() {
            Focus::Symptoms
        } else {
            Focus::Log
        }
    }

    /// Whether keys are going into a text field (so `q` types a q instead of quitting).
    pub fn typing(&self) -> bool {
        matches!(
            self.focus(),
            Focus::Amount | Focus::Search | Focus::Name | Focus::Dose | Focus::Date | Focus::Journal
        )
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }

    pub fn set_status(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), kind });
    }
}
