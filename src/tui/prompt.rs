//! The amount prompt: typing "30g" or "1 cup" (or picking a household portion) for a chosen
//! food or an entry being edited, with a live preview from the domain's own quantity rules.

use super::action::Action;
use super::effect::Effect;
use super::state::{AmountPrompt, AppState, Preview, StatusKind};
use crate::domain::day::new_entry;
use crate::domain::food::trim_number;
use crate::domain::{quantity, Entry, Food};

/// The prompt for editing an existing entry: its amount as typed, ready to change.
pub fn for_edit(e: Entry) -> AmountPrompt {
    let mut p = AmountPrompt {
        food_id: e.food_id.clone(),
        food_name: e.food_name.clone(),
        per_100g: e.per_100g,
        portions: Vec::new(),
        input: e.quantity.clone(),
        portion: None,
        preview: None,
        editing: Some(e),
    };
    refresh(&mut p);
    p
}

/// A food arrived from the catalog: open the prompt for it, or give an edit its portions.
pub fn food_loaded(state: &mut AppState, food: Food) -> Vec<Effect> {
    if let Some(p) = state.amount.as_mut() {
        if p.editing.is_some() && p.food_id == food.id {
            p.portions = food.portions;
            refresh(p);
        }
        return vec![];
    }
    if state.search.is_some() {
        let mut p = for_food(&food, "");
        if state.metric_portions {
            // Config `units.portions = "metric"`: grams first, then USDA's household measures.
            p.portions
                .insert(0, crate::domain::Portion { amount: 100.0, description: "g".into(), grams: 100.0 });
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
        input: input.to_string(),
        portion: None,
        preview: None,
        editing: None,
    };
    refresh(&mut p);
    p
}

/// Recomputes the live preview from the input.
fn refresh(p: &mut AmountPrompt) {
    p.preview = if p.input.trim().is_empty() { None } else { Some(preview(&p.input, p)) };
}

fn preview(text: &str, p: &AmountPrompt) -> Preview {
    quantity::resolve(text, &p.portions)
        .map(|r| (r.grams, p.per_100g.scaled(r.grams)))
        .map_err(|e| e.to_string())
}

/// "1 cup, whole" for a portion, as it would be typed.
pub fn portion_text(p: &crate::domain::Portion) -> String {
    format!("{} {}", trim_number(p.amount), p.description)
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let Some(p) = state.amount.as_mut() else { return vec![] };
    match action {
        Close => {
            state.amount = None;
            vec![]
        }
        Type(c) => {
            if !c.is_control() && p.input.chars().count() < 100 {
                p.input.push(c);
            }
            p.portion = None;
            refresh(p);
            vec![]
        }
        Backspace => {
            p.input.pop();
            p.portion = None;
            refresh(p);
            vec![]
        }
        ListDown | SelectNext => {
            if !p.portions.is_empty() {
                p.portion = Some(p.portion.map_or(0, |i| (i + 1).min(p.portions.len() - 1)));
                pick(p);
            }
            vec![]
        }
        ListUp | SelectPrev => {
            if let Some(i) = p.portion {
                p.portion = Some(i.saturating_sub(1));
                pick(p);
            }
            vec![]
        }
        CycleMeal => {
            state.meal = state.meal.next();
            vec![]
        }
        Confirm => confirm(state),
        _ => vec![],
    }
}

/// Puts the highlighted portion into the field, where its number can still be changed.
fn pick(p: &mut AmountPrompt) {
    if let Some(portion) = p.portion.and_then(|i| p.portions.get(i)) {
        p.input = portion_text(portion);
        refresh(p);
    }
}

fn confirm(state: &mut AppState) -> Vec<Effect> {
    let Some(p) = state.amount.as_ref() else { return vec![] };
    if p.input.trim().is_empty() {
        state.set_status(StatusKind::Error, "Type an amount (30g, 1 cup...) or pick a portion with ↓");
        return vec![];
    }
    if let Some(e) = &p.editing {
        return match quantity::resolve(&p.input, &p.portions) {
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
    match new_entry(&food, &p.input, state.date, state.meal, String::new()) {
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
