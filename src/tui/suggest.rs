//! "Close the gap" suggestions (`x`): for magnesium, calcium or vitamin D (Tab/←→), the foods
//! `report::gap_suggestions` weighs, as the CLI's `suggest` does; Enter opens the amount
//! prompt for one, prefilled with its portion.

use super::action::Action;
use super::app::moved;
use super::effect::Effect;
use super::prompt;
use super::state::{AppState, StatusKind, SuggestOverlay};
use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::Nutrient;
use crate::service::GapSuggestions;

/// How many suggestions the overlay lists.
pub const LIMIT: usize = 8;

pub fn open(state: &mut AppState) -> Vec<Effect> {
    show(state, Nutrient::Magnesium)
}

pub(super) fn show(state: &mut AppState, nutrient: Nutrient) -> Vec<Effect> {
    state.suggest = Some(SuggestOverlay { nutrient, found: None, selected: 0 });
    vec![Effect::Suggest { date: state.date, nutrient }]
}

/// Suggestions arrived; ones for another nutrient or day (a quick Tab) are dropped.
pub fn loaded(state: &mut AppState, found: GapSuggestions) -> Vec<Effect> {
    if let Some(s) = state.suggest.as_mut() {
        if s.nutrient == found.nutrient && found.date == state.date {
            s.selected = 0;
            s.found = Some(found);
        }
    }
    vec![]
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let Some(s) = state.suggest.as_mut() else { return vec![] };
    let count = s.found.as_ref().map_or(0, |f| f.list.len());
    if let Some(to) = moved(s.selected, count, &action) {
        s.selected = to;
        return vec![];
    }
    match action {
        Close => {
            state.suggest = None;
            vec![]
        }
        NextNutrient | PrevNutrient => {
            let n = BONE_NUTRIENTS.len();
            let i = BONE_NUTRIENTS.iter().position(|x| *x == s.nutrient).unwrap_or(0);
            let step = if action == NextNutrient { 1 } else { n - 1 };
            show(state, BONE_NUTRIENTS[(i + step) % n])
        }
        Confirm => {
            let chosen = s.found.as_ref().and_then(|f| f.list.get(s.selected)).cloned();
            match chosen {
                Some(sug) => {
                    state.amount = Some(prompt::for_food(&sug.food, &sug.portion));
                    vec![]
                }
                None => {
                    state.set_status(StatusKind::Hint, "No suggestion to log");
                    vec![]
                }
            }
        }
        _ => vec![],
    }
}
