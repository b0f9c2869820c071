//! `update`: applies an Action to the state and returns the effects the runtime must run.
//! No terminal, no SQL: state tests feed Actions and check state and effects.

use chrono::Days;

use super::action::Action;
use super::effect::Effect;
use super::prompt;
use super::state::{
    AppState, Focus, GroupPicker, MovePicker, SearchState, StatusKind, TrendRange, Undo as UndoStep,
};
use crate::domain::day::DaySummary;
use crate::domain::{Meal, Nutrient};

/// Browse sort order cycled by `s`.
const SORTS: [Nutrient; 3] = [Nutrient::Magnesium, Nutrient::Calcium, Nutrient::VitaminD];

/// Effects to load what the shown date needs.
pub fn load_date(state: &AppState) -> Vec<Effect> {
    vec![Effect::LoadDay(state.date), Effect::LoadTrend { end: state.date, days: state.trend_range.days() }]
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    match action {
        Quit => {
            state.quit = true;
            vec![Effect::Quit]
        }
        DayLoaded { date, entries, profile } => {
            if date != state.date {
                return vec![];
            }
            let keep = state.select_id.take().or_else(|| state.selected_entry().map(|e| e.id));
            state.summary = DaySummary::new(date, &entries, &profile);
            state.profile = profile;
            state.entries = entries;
            state.selected = keep
                .and_then(|id| state.entries.iter().position(|e| e.id == id))
                .unwrap_or(state.selected)
                .min(state.entries.len().saturating_sub(1));
            vec![]
        }
        TrendLoaded { end, days } => {
            if end == state.date {
                state.trend = days.iter().map(|(d, e)| DaySummary::new(*d, e, &state.profile)).collect();
            }
            vec![]
        }
        ExternalChange => load_date(state),
        Failed(msg) => {
            state.set_status(StatusKind::Error, msg);
            vec![]
        }
        Tick { today, meal } => {
            let follow = state.date == state.today;
            if today != state.today {
                state.today = today;
                state.meal = meal;
                if follow {
                    state.date = today;
                    return load_date(state);
                }
            }
            vec![]
        }
        GroupsLoaded(groups) => {
            state.group_names = groups;
            vec![]
        }
        EntryAdded { entry, undo } => {
            state.set_status(
                StatusKind::Success,
                if undo {
                    format!("Undone: {} is back", entry.food_name)
                } else {
                    format!("Logged {} {} to {}", entry.quantity, entry.food_name, entry.meal)
                },
            );
            if !undo {
                state.undo.push(UndoStep::Remove(entry.id));
            }
            state.select_id = Some(entry.id);
            if entry.date != state.date {
                state.date = entry.date;
            }
            load_date(state)
        }
        EntryRemoved { entry, undo } => {
            state.set_status(
                StatusKind::Success,
                if undo {
                    format!("Undone: removed {}", entry.food_name)
                } else {
                    format!("Removed {} {} (u undoes)", entry.quantity, entry.food_name)
                },
            );
            if !undo {
                state.undo.push(UndoStep::Restore(entry));
            }
            load_date(state)
        }
        EntryChanged { before, after, undo } => {
            let what = if before.meal != after.meal {
                format!("Moved {} to {}", after.food_name, after.meal)
            } else {
                format!("{}: {} now", after.food_name, after.quantity)
            };
            state.set_status(StatusKind::Success, if undo { format!("Undone: {what}") } else { what });
            if !undo {
                state.undo.push(UndoStep::Revert(before));
            }
            state.select_id = Some(after.id);
            load_date(state)
        }
        SearchResults { query, foods } => {
            if let Some(s) = state.search.as_mut() {
                if s.query.trim() == query.trim() {
                    s.results = foods;
                    s.selected = 0;
                }
            }
            vec![]
        }
        FoodLoaded(food) => prompt::food_loaded(state, food),
        other => match state.focus() {
            Focus::Help => {
                if matches!(other, Close | OpenHelp | Confirm | Type('?') | Type('q')) {
                    state.help = false;
                }
                vec![]
            }
            Focus::Amount => prompt::update(state, other),
            Focus::Groups => groups(state, other),
            Focus::Move => moving(state, other),
            Focus::Search => search(state, other),
            Focus::Log => log(state, other),
        },
    }
}

fn log(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    match action {
        SelectNext => {
            if state.selected + 1 < state.entries.len() {
                state.selected += 1;
            }
            vec![]
        }
        SelectPrev => {
            state.selected = state.selected.saturating_sub(1);
            vec![]
        }
        PrevDay | NextDay | Today => {
            state.date = match action {
                PrevDay => state.date.checked_sub_days(Days::new(1)).unwrap_or(state.date),
                NextDay => state.date.checked_add_days(Days::new(1)).unwrap_or(state.date),
                _ => state.today,
            };
            state.selected = 0;
            load_date(state)
        }
        ToggleTrendRange => {
            state.trend_range = match state.trend_range {
                TrendRange::Week => TrendRange::FourWeeks,
                TrendRange::FourWeeks => TrendRange::Week,
            };
            vec![Effect::LoadTrend { end: state.date, days: state.trend_range.days() }]
        }
        CycleMeal => {
            state.meal = state.meal.next();
            state.set_status(StatusKind::Hint, format!("New entries go to {}", state.meal));
            vec![]
        }
        OpenSearch => open_search(state),
        OpenHelp => {
            state.help = true;
            vec![]
        }
        EditAmount => match state.selected_entry().cloned() {
            Some(e) => {
                let id = e.food_id.clone();
                state.amount = Some(prompt::for_edit(e));
                vec![Effect::LoadFood(id)]
            }
            None => nothing_selected(state),
        },
        MoveEntry => match state.selected_entry().cloned() {
            Some(entry) => {
                state.moving = Some(MovePicker { selected: entry.meal.next(), entry });
                vec![]
            }
            None => nothing_selected(state),
        },
        DeleteEntry => match state.selected_entry() {
            Some(e) => vec![Effect::RemoveEntry { id: e.id, undo: false }],
            None => nothing_selected(state),
        },
        Undo => match state.undo.pop() {
            Some(UndoStep::Remove(id)) => vec![Effect::RemoveEntry { id, undo: true }],
            Some(UndoStep::Restore(e)) => vec![Effect::RestoreEntry(e)],
            Some(UndoStep::Revert(before)) => vec![
                Effect::UpdateAmount {
                    id: before.id,
                    grams: before.grams,
                    quantity: before.quantity.clone(),
                    undo: true,
                },
                Effect::MoveEntry { id: before.id, meal: before.meal, undo: true },
            ],
            None => {
                state.set_status(StatusKind::Hint, "Nothing to undo");
                vec![]
            }
        },
        Type('q') => update(state, Action::Quit),
        _ => vec![],
    }
}

fn nothing_selected(state: &mut AppState) -> Vec<Effect> {
    state.set_status(StatusKind::Hint, "No entry selected: / adds food");
    vec![]
}

fn open_search(state: &mut AppState) -> Vec<Effect> {
    let s = SearchState::new();
    let mut fx = vec![Effect::Browse { sort: s.sort, basis: s.basis, group: None }];
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

fn search(state: &mut AppState, action: Action) -> Vec<Effect> {
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
            if s.selected + 1 < s.results.len() {
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

fn groups(state: &mut AppState, action: Action) -> Vec<Effect> {
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

fn moving(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let Some(p) = state.moving.as_mut() else { return vec![] };
    let pick = |c: char| Meal::ALL.into_iter().find(|m| m.as_str().starts_with(c));
    match action {
        Close => {
            state.moving = None;
            vec![]
        }
        ListDown | SelectNext | Type('j') => {
            p.selected = p.selected.next();
            vec![]
        }
        ListUp | SelectPrev | Type('k') => {
            p.selected = p.selected.next().next().next();
            vec![]
        }
        Type(c) if pick(c).is_some() => {
            p.selected = pick(c).unwrap_or(p.selected);
            update(state, Confirm)
        }
        Confirm => {
            let (id, meal, from) = (p.entry.id, p.selected, p.entry.meal);
            state.moving = None;
            if meal == from {
                return vec![];
            }
            vec![Effect::MoveEntry { id, meal, undo: false }]
        }
        _ => vec![],
    }
}

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;
