//! The amount prompt: typing "30g" or "1 cup" (or picking a household portion) for a chosen
//! food or an entry being edited, with a live preview from the domain's own quantity rules.

use super::action::Action;
use super::app::{moved, next_meal};
use super::effect::Effect;
use super::state::{AmountPrompt, AppState, Focus, Preview, StatusKind};
use super::text::TextField;
use crate::domain::day::entry_of_grams;
use crate::domain::labels::labels;
use crate::domain::quantity::{self, Resolved};
use crate::domain::{DomainError, Entry, Food, Portion};

/// The longest amount the field takes.
const INPUT_MAX: usize = 100;

/// The prompt for editing an existing entry: its amount as typed, ready to change.
pub fn for_edit(e: Entry) -> AmountPrompt {
    let mut p = AmountPrompt {
        food_id: e.food_id.clone(),
        food_name: e.food_name.clone(),
        per_100g: e.per_100g,
        portions: Vec::new(),
        labels: Vec::new(),
        input: TextField::with(&e.quantity, INPUT_MAX),
        portion: None,
        preview: None,
        editing: Some(e),
    };
    refresh(&mut p);
    p
}

/// A food arrived from the catalog: open the prompt for it (with the amount last logged of it
/// already typed, so Enter logs the usual helping), or give an edit its portions.
pub fn food_loaded(state: &mut AppState, food: Food, last: Option<String>) -> Vec<Effect> {
    if let Some(p) = state.amount.as_mut() {
        if p.editing.is_some() && p.food_id == food.id {
            set_portions(p, food.portions);
            refresh(p);
        }
        return vec![];
    }
    if state.search.is_some() {
        let mut p = for_food(&food, last.as_deref().unwrap_or(""));
        if state.metric_portions {
            // Config `units.portions = "metric"`: grams first, then USDA's household measures.
            let mut portions = std::mem::take(&mut p.portions);
            portions.insert(0, Portion { amount: 100.0, description: "g".into(), grams: 100.0 });
            set_portions(&mut p, portions);
        }
        state.amount = Some(p);
    }
    vec![]
}

/// The prompt for logging `food`, with `input` already typed (a suggested portion).
pub fn for_food(food: &Food, input: &str) -> AmountPrompt {
    let mut p = AmountPrompt {
        food_id: food.id.clone(),
        food_name: food.name.clone(),
        per_100g: food.per_100g,
        portions: food.portions.clone(),
        labels: labels(&food.portions),
        input: TextField::with(input, INPUT_MAX),
        portion: None,
        preview: None,
        editing: None,
    };
    refresh(&mut p);
    p
}

fn set_portions(p: &mut AmountPrompt, portions: Vec<Portion>) {
    p.labels = labels(&portions);
    p.portions = portions;
    p.portion = None;
}

/// Recomputes the live preview from the input.
fn refresh(p: &mut AmountPrompt) {
    p.preview = if p.input.trim().is_empty() { None } else { Some(preview(p)) };
}

fn preview(p: &AmountPrompt) -> Preview {
    resolve_input(p).map(|r| (r.grams, p.per_100g.scaled(r.grams))).map_err(|e| e.to_string())
}

/// The input in grams: the picked row itself while the input still names it (scaled by its
/// number), never a re-reading of its words that could land on another row.
fn resolve_input(p: &AmountPrompt) -> Result<Resolved, DomainError> {
    picked_row(p).unwrap_or_else(|| quantity::resolve(&p.input, &p.portions))
}

fn picked_row(p: &AmountPrompt) -> Option<Result<Resolved, DomainError>> {
    let i = p.portion?;
    quantity::resolve_row(&p.input, p.portions.get(i)?, p.labels.get(i)?)
}

/// The text that logs a portion of the prompt's food: its label.
pub fn portion_text(p: &AmountPrompt, i: usize) -> Option<&str> {
    p.labels.get(i).map(String::as_str)
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let Some(p) = state.amount.as_mut() else { return vec![] };
    match action {
        Close => {
            state.amount = None;
            vec![]
        }
        Type(_) | Backspace | Edit(_) => {
            if p.input.apply(&action) {
                refresh(p);
            }
            vec![]
        }
        ListDown | SelectNext | PageDown | ListBottom | ListUp | SelectPrev | PageUp | ListTop => {
            // Down enters the portion list at its first row; up from outside it stays out.
            let n = p.portions.len();
            let to = match p.portion {
                _ if n == 0 => None,
                None if matches!(action, ListDown | SelectNext | PageDown) => Some(0),
                None if action == ListBottom => Some(n - 1),
                None => None,
                Some(i) => moved(i, n, &action),
            };
            if to.is_some() {
                p.portion = to;
                pick(p);
            }
            vec![]
        }
        CycleMeal => {
            next_meal(state);
            vec![]
        }
        Confirm => confirm(state),
        _ => vec![],
    }
}

/// Puts the highlighted portion into the field, where its number can still be changed.
fn pick(p: &mut AmountPrompt) {
    if let Some(label) = p.portion.and_then(|i| portion_text(p, i)).map(str::to_string) {
        p.input.set(&label);
        refresh(p);
    }
}

fn confirm(state: &mut AppState) -> Vec<Effect> {
    let Some(p) = state.amount.as_ref() else { return vec![] };
    if p.input.trim().is_empty() {
        let text = match state.keys.key_in(Focus::Amount, "down") {
            Some(down) => format!("Type an amount (30g, 1 cup...) or pick a portion with {down}"),
            None => "Type an amount (30g, 1 cup...)".to_string(),
        };
        state.set_status(StatusKind::Error, text);
        return vec![];
    }
    if let Some(e) = &p.editing {
        return match resolve_input(p) {
            Ok(r) => {
                let fx = vec![Effect::UpdateAmount {
                    id: e.id,
                    grams: r.grams,
                    quantity: p.input.trim().to_string(),
                    undo: false,
                }];
                state.amount = None;
                fx
            }
            Err(err) => {
                state.set_status(StatusKind::Error, err.to_string());
                vec![]
            }
        };
    }
    let food = Food {
        id: p.food_id.clone(),
        name: p.food_name.clone(),
        group: String::new(),
        common_names: String::new(),
        manufacturer: String::new(),
        in_survey: false,
        per_100g: p.per_100g,
        portions: p.portions.clone(),
    };
    // The same grams the preview showed: a picked row is logged as that row.
    let new = resolve_input(p)
        .map(|r| entry_of_grams(&food, &p.input, r.grams, state.date, state.meal, String::new()));
    match new {
        Ok(new) => {
            state.amount = None;
            state.search = None;
            state.suggest = None;
            vec![Effect::AddEntry(new)]
        }
        Err(err) => {
            state.set_status(StatusKind::Error, err.to_string());
            vec![]
        }
    }
}
