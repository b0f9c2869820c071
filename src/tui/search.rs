//! The search overlay's state changes: live search as you type, the recent foods and the
//! browse list on an empty query (sort, basis, group picker), and choosing a food.

use super::action::Action;
use super::effect::Effect;
use super::state::{AppState, GroupPicker, SearchState};
use crate::domain::{Food, Nutrient};

/// Browse sort order cycled by `s`.
const SORTS: [Nutrient; 3] = [Nutrient::Magnesium, Nutrient::Calcium, Nutrient::VitaminD];

/// Results for the current query (stale ones, for an older query, are dropped).
pub fn results(state: &mut AppState, query: &str, foods: Vec<Food>) -> Vec<Effect> {
    if let Some(s) = state.search.as_mut() {
        if s.query.trim() == query.trim() {
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
        Effect::Search(s.query.clone())
    }
}

pub fn search(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let Some(s) = state.search.as_mut() else { return vec![] };
    // A pending s/g followed by another letter was the start of a word after all.
    if let Some((letter, sort)) = s.pending {
        if let Type(c) = action {
            // No word starts "ss", "sg" or "gs": those stay browse keys.
            if c.is_alphanumeric() && c != 's' && c != 'g' {
                s.pending = None;
                s.sort = sort;
                state.groups = None;
                s.query = format!("{letter}{c}");
                return vec![Effect::Search(s.query.clone())];
            }
        }
    }
    match action {
        Close => {
            state.search = None;
            vec![]
        }
        ListDown | SelectNext => {
            if s.selected + 1 < s.len() {
                s.selected += 1;
            }
            vec![]
        }
        ListUp | SelectPrev => {
            s.selected = s.selected.saturating_sub(1);
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
            state.meal = state.meal.next();
            vec![]
        }
        Type(c) if s.browsing() && (c == 's' || c == 'g') => {
            let before = s.pending.map_or(s.sort, |(_, sort)| sort);
            s.pending = Some((c, before));
            if c == 's' {
                cycle_sort(s)
            } else {
                open_groups(state)
            }
        }
        Type(c) => {
            s.pending = None;
            if !c.is_control() && s.query.chars().count() < 200 {
                s.query.push(c);
            }
            vec![browse_effect(s)]
        }
        Backspace => {
            s.pending = None;
            s.query.pop();
            vec![browse_effect(s)]
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
    // A pending g followed by a letter other than j/k began a word ("greek").
    if let (Some(s), Type(c)) = (state.search.as_mut(), &action) {
        if let Some(('g', sort)) = s.pending {
            if c.is_alphanumeric() && !matches!(c, 'j' | 'k' | 'g' | 's') {
                s.pending = None;
                s.sort = sort;
                s.query = format!("g{c}");
                state.groups = None;
                return vec![Effect::Search(s.query.clone())];
            }
        }
    }
    let Some(p) = state.groups.as_mut() else { return vec![] };
    match action {
        Close => {
            state.groups = None;
            if let Some(s) = state.search.as_mut() {
                s.pending = None;
            }
            vec![]
        }
        ListDown | SelectNext | Type('j') => {
            p.selected = (p.selected + 1).min(p.groups.len());
            vec![]
        }
        ListUp | SelectPrev | Type('k') => {
            p.selected = p.selected.saturating_sub(1);
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
