//! Meals eaten again: saving the selected entry's meal under a name (`s`), logging a saved
//! meal to the current meal (`r`), and copying yesterday's meal to the shown day (`y`). The
//! runtime adds a batch with `Diary::add_entries`, so all of it lands or none.

use chrono::Days;

use super::action::{Action, Batch};
use super::app::{load_date, moved, next_meal, nothing_selected, plural};
use super::effect::Effect;
use super::history;
use super::state::{AppState, Focus, MealChoice, MealPicker, NamePrompt, StatusKind, Undo};
use super::text::TextField;
use crate::domain::Entry;

/// The longest meal name, as the CLI allows.
const NAME_MAX: usize = 100;

/// Opens the name prompt for the selected entry's meal, to save it or to make a recipe of it.
pub fn open_name(state: &mut AppState, recipe: bool) -> Vec<Effect> {
    let Some(meal) = state.selected_entry().map(|e| e.meal) else { return nothing_selected(state) };
    let items = state
        .entries
        .iter()
        .filter(|e| e.meal == meal)
        .map(|e| (e.food_id.clone(), e.quantity.clone()))
        .collect();
    state.naming =
        Some(NamePrompt { input: TextField::new(NAME_MAX), meal, date: state.date, items, recipe });
    vec![]
}

pub fn name_prompt(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let Some(p) = state.naming.as_mut() else { return vec![] };
    match action {
        Close => state.naming = None,
        Type(_) | Backspace | Edit(_) => {
            p.input.apply(&action);
        }
        Confirm => {
            let name = p.input.trim().to_string();
            if name.is_empty() {
                state.set_status(StatusKind::Error, "Type a name for the meal, e.g. usual breakfast");
                return vec![];
            }
            let items = std::mem::take(&mut p.items);
            let (recipe, meal, date) = (p.recipe, p.meal, p.date);
            state.naming = None;
            if recipe {
                return vec![Effect::SaveRecipe { name, date, meal }];
            }
            return vec![Effect::SaveMeal { name, items }];
        }
        _ => {}
    }
    vec![]
}

pub fn saved(state: &mut AppState, name: &str, items: usize, replaced: bool) -> Vec<Effect> {
    let verb = if replaced { "Replaced" } else { "Saved" };
    state.set_status(
        StatusKind::Success,
        format!(
            "{verb} meal {name:?}: {}{}",
            plural(items, "food", "foods"),
            state
                .keys
                .say(Focus::Log, "saved_meals", " logs it")
                .map_or_else(String::new, |s| format!(" ({s})"))
        ),
    );
    vec![]
}

pub fn open_picker(state: &mut AppState) -> Vec<Effect> {
    state.meals = Some(MealPicker { choices: None, selected: 0 });
    vec![Effect::LoadSavedMeals]
}

pub fn loaded(state: &mut AppState, choices: Vec<MealChoice>) -> Vec<Effect> {
    if let Some(p) = state.meals.as_mut() {
        p.choices = Some(choices);
        p.selected = 0;
    }
    vec![]
}

/// The saved meal picker: ↑↓ choose, Tab changes the meal it goes to, Enter logs it.
pub fn picker(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let Some(p) = state.meals.as_mut() else { return vec![] };
    let count = p.choices.as_ref().map_or(0, Vec::len);
    if let Some(to) = moved(p.selected, count, &action) {
        p.selected = to;
        return vec![];
    }
    match action {
        Close => state.meals = None,
        CycleMeal => next_meal(state),
        Confirm => {
            let chosen = p.choices.as_ref().and_then(|c| c.get(p.selected)).map(|c| c.meal.clone());
            match chosen {
                Some(meal) => {
                    state.meals = None;
                    return vec![Effect::LogSavedMeal { meal, date: state.date, to: state.meal }];
                }
                None => {
                    let text =
                        match state.keys.say(Focus::Log, "save_meal", " saves the selected entry's meal") {
                            Some(saves) => format!("No saved meal: {saves}"),
                            None => "No saved meal".to_string(),
                        };
                    state.set_status(StatusKind::Hint, text)
                }
            }
        }
        _ => {}
    }
    vec![]
}

/// Copies yesterday's meal of the selected entry's kind (or the current meal) to the shown day.
pub fn copy_yesterday(state: &mut AppState) -> Vec<Effect> {
    let meal = state.selected_entry().map_or(state.meal, |e| e.meal);
    match state.date.checked_sub_days(Days::new(1)) {
        Some(from) => vec![Effect::CopyMeal { from, to: state.date, meal }],
        None => vec![],
    }
}

/// A batch landed: say what it was, offer undo of all of it, and show it.
pub fn entries_added(state: &mut AppState, entries: Vec<Entry>, batch: &Batch) -> Vec<Effect> {
    let Some(first) = entries.first() else { return vec![] };
    let count = plural(entries.len(), "entry", "entries");
    let day = first.date.format("%a %-d %b");
    let undo = state.keys.undo_note(Focus::Log);
    let text = match batch {
        Batch::SavedMeal(name) => format!("Logged {name:?} to {} on {day}: {count}{undo}", first.meal),
        Batch::Copied { from, meal } => {
            format!("Copied {meal} from {} to {day}: {count}{undo}", from.format("%a %-d %b"))
        }
    };
    state.set_status(StatusKind::Success, text);
    state.select_id = Some(first.id);
    history::record(state, Undo::RemoveMany(entries.iter().map(|e| e.id).collect()), false);
    if first.date != state.date {
        state.date = first.date;
    }
    load_date(state)
}
