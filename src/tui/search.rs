//! The search overlay's state changes: live search as you type, the recent foods and the
//! browse list on an empty query (sort, basis, group picker), and choosing a food. The query
//! is a readline-like text field (text.rs); which keys sort or pick a group is the keymap's.

use super::action::Action;
use super::app::{moved, next_meal};
use super::effect::Effect;
use super::state::{AppState, GroupPicker, SearchState};
use crate::domain::{Food, Nutrient};

/// Browse sort order cycled by `s`.
const SORTS: [Nutrient; 3] = [Nutrient::Magnesium, Nutrient::Calcium, Nutrient::VitaminD];

/// Results for the current query (stale ones, for an older query, are dropped).
pub fn results(state: &mut AppState, query: &str, foods: Vec<Food>) -> Vec<Effect> {
    if let Some(s) = state.search.as_mut() {
        if s.query.as_str().trim() == query.trim() {
            s.results = foods;
            s.selected = 0;
        }
    }
    vec![]
}

/// The recent foods arrived: they head the list while the query is empty.
pub fn recent_loaded(state: &mut AppState, foods: Vec<Food>) -> Vec<Effect> {
    if let Some(s) = state.search.as_mut() {
        s.recent = foods;
    }
    vec![]
}

/// Opens the search on an empty query: the recent foods and the browse list load.
pub fn open_search(state: &mut AppState) -> Vec<Effect> {
    let s = SearchState::new();
    let mut fx = vec![Effect::Browse { sort: s.sort, basis: s.basis, group: None }, Effect::LoadRecent];
    if state.group_names.is_empty() {
        fx.push(Effect::LoadGroups);
    }
    state.search = Some(s);
    fx
}

fn browse_effect(s: &SearchState) -> Effect {
    if s.browsing() {
        Effect::Browse { sort: s.sort, basis: s.basis, group: s.group.clone() }
    } else {
        Effect::Search(s.query.to_string())
    }
}

pub fn search(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let Some(s) = state.search.as_mut() else { return vec![] };
    // A pending browse letter followed by a typed one was the start of a word after all.
    if let (Some((letter, sort)), Type(c)) = (s.pending, &action) {
        if c.is_alphanumeric() {
            s.pending = None;
            s.sort = sort;
            state.groups = None;
            s.query.set(&format!("{letter}{c}"));
            return vec![Effect::Search(s.query.to_string())];
        }
    }
    let len = s.len();
    match action {
        Close => {
            state.search = None;
            vec![]
        }
        ListDown | ListUp | PageDown | PageUp | ListTop | ListBottom | SelectNext | SelectPrev => {
            s.selected = moved(s.selected, len, &action).unwrap_or(s.selected);
            vec![]
        }
        CycleSort => cycle_sort(s),
        CycleBasis => {
            s.basis = s.basis.next();
            s.pending = None;
            if s.browsing() {
                vec![browse_effect(s)]
            } else {
                vec![]
            }
        }
        PickGroup => open_groups(state),
        CycleMeal => {
            next_meal(state);
            vec![]
        }
        // A browse key on an empty query (s, g): it acts, and stays pending in case the next
        // letter shows it began a word.
        Letter { letter, action } => {
            let before = s.pending.map_or(s.sort, |(_, sort)| sort);
            s.pending = Some((letter, before));
            match *action {
                CycleSort => cycle_sort(s),
                PickGroup => open_groups(state),
                other => search(state, other),
            }
        }
        Type(_) | Backspace | Edit(_) => {
            s.pending = None;
            if s.query.apply(&action) {
                vec![browse_effect(s)]
            } else {
                vec![]
            }
        }
        Confirm => match s.selected_food() {
            Some(f) => vec![Effect::LoadFood(f.id.clone())],
            None => vec![],
        },
        _ => vec![],
    }
}

fn cycle_sort(s: &mut SearchState) -> Vec<Effect> {
    let i = SORTS.iter().position(|n| *n == s.sort).unwrap_or(0);
    s.sort = SORTS[(i + 1) % SORTS.len()];
    if s.browsing() {
        vec![browse_effect(s)]
    } else {
        vec![]
    }
}

fn open_groups(state: &mut AppState) -> Vec<Effect> {
    let current = state.search.as_ref().and_then(|s| s.group.clone());
    let selected = current.and_then(|g| state.group_names.iter().position(|n| *n == g)).map_or(0, |i| i + 1);
    state.groups = Some(GroupPicker { groups: state.group_names.clone(), selected });
    vec![]
}

pub fn groups(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    // A pending letter followed by one the picker does not take began a word ("greek").
    if let (Some(s), Type(c)) = (state.search.as_mut(), &action) {
        if let Some((letter, sort)) = s.pending {
            if c.is_alphanumeric() {
                s.pending = None;
                s.sort = sort;
                s.query.set(&format!("{letter}{c}"));
                state.groups = None;
                return vec![Effect::Search(s.query.to_string())];
            }
        }
    }
    let Some(p) = state.groups.as_mut() else { return vec![] };
    // Row 0 is "all groups", then one row per group.
    if let Some(to) = moved(p.selected, p.groups.len() + 1, &action) {
        p.selected = to;
        return vec![];
    }
    match action {
        Close => {
            state.groups = None;
            if let Some(s) = state.search.as_mut() {
                s.pending = None;
            }
            vec![]
        }
        Confirm => {
            let group = p.selected.checked_sub(1).and_then(|i| p.groups.get(i).cloned());
            state.groups = None;
            match state.search.as_mut() {
                Some(s) => {
                    s.pending = None;
                    s.group = group;
                    vec![browse_effect(s)]
                }
                None => vec![],
            }
        }
        _ => vec![],
    }
}
