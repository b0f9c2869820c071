//! `update`: applies an Action to the state and returns the effects the runtime must run.
//! No terminal, no SQL: state tests feed Actions and check state and effects. The overlays'
//! own actions live beside it (search.rs, supplements.rs, suggest.rs, meals.rs, prompt.rs);
//! no key is read here, only Actions (the keymap turns keys into them).

use super::action::Action;
use super::effect::{Effect, Work};
use super::keymap::Prefix;
use super::state::{AppState, Focus, MovePicker, Pending, StatusKind, Undo as UndoStep};
use super::{
    cmdline, cofactors, history, journal, labs, meals, mouse, prompt, review, search, suggest, supplements,
    trends,
};
use crate::domain::{date, Meal};
use crate::present::absorption::poor_source;
use crate::service::DayReport;

/// Rows a page key moves in a list.
pub const PAGE: usize = 10;

/// Where a list movement takes the selection in a list of `len` rows; None for any other
/// action.
pub fn moved(selected: usize, len: usize, action: &Action) -> Option<usize> {
    let last = len.saturating_sub(1);
    Some(match action {
        Action::ListDown | Action::SelectNext => (selected + 1).min(last),
        Action::ListUp | Action::SelectPrev => selected.saturating_sub(1),
        Action::PageDown => (selected + PAGE).min(last),
        Action::PageUp => selected.saturating_sub(PAGE),
        Action::ListTop => 0,
        Action::ListBottom => last,
        _ => return None,
    })
}

/// Tab: the user picks the meal new entries go to; the clock no longer changes it today.
pub fn next_meal(state: &mut AppState) {
    state.meal = state.meal.next();
    state.meal_picked = true;
}

/// Effects to load what the shown date needs.
pub fn load_date(state: &AppState) -> Vec<Effect> {
    vec![
        Effect::LoadDay(state.date),
        Effect::LoadTrend { end: state.date, days: state.trend_range.days(state.date) },
    ]
}

/// Slow work went to the worker thread under `ticket`: it is the one whose results are wanted
/// now, and the status line says it is under way until they are back.
pub fn sent(state: &mut AppState, work: Work, ticket: u64) {
    state.pending.retain(|p| p.work != work);
    state.pending.push(Pending { work, ticket });
}

/// The worker finished `ticket`: whether its results are still wanted (the newest of its
/// kind). An older ticket's results are stale and must be dropped.
pub fn settled(state: &mut AppState, work: Work, ticket: u64) -> bool {
    let wanted = state.pending.contains(&Pending { work, ticket });
    if wanted {
        state.pending.retain(|p| p.work != work);
    }
    wanted
}

/// What the status line says while writes wait for another marrow's transaction.
pub const WAITING_FOR_WRITER: &str = "waiting for another marrow to finish writing…";

/// The writes waiting for another marrow to finish writing went from `before` to `now`: the
/// status line says so when a wait begins or grows, and stops saying so once none is left.
pub fn writes_waiting(state: &mut AppState, before: usize, now: usize) {
    if now > before {
        state.set_status(StatusKind::Hint, WAITING_FOR_WRITER);
    } else if now == 0 && state.status.as_ref().is_some_and(|s| s.text == WAITING_FOR_WRITER) {
        state.status = None;
    }
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    let fx = apply(state, action);
    crate::tui::ui::layout::settle_log(state);
    fx
}

fn apply(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    match action {
        Quit => {
            state.quit = true;
            vec![Effect::Quit]
        }
        Click { col, row } => mouse::click(state, col, row),
        Wheel { down } => mouse::wheel(state, down),
        Resize { width, height } => {
            state.screen = ratatui::layout::Rect::new(0, 0, width, height);
            vec![]
        }
        DayLoaded(report) => day_loaded(state, report),
        TrendLoaded { end, days } => trends::loaded(state, end, days),
        ExternalChange => {
            let mut fx = load_date(state);
            if state.pills.is_some() {
                fx.push(Effect::LoadProducts);
            }
            fx
        }
        Failed(msg) => {
            state.set_status(StatusKind::Error, msg);
            vec![]
        }
        Notice(msg) => {
            state.set_status(StatusKind::Hint, msg);
            vec![]
        }
        Tick { today, meal } => {
            let follow = state.date == state.today;
            if today != state.today {
                // A new day: the meal follows the clock again.
                state.today = today;
                state.meal_picked = false;
                state.meal = meal;
                if follow {
                    state.date = today;
                    return load_date(state);
                }
            }
            if !state.meal_picked {
                state.meal = meal;
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
                    format!("{}: {} is back", history::word(state), entry.food_name)
                } else {
                    format!(
                        "Logged {} {} to {}{}{}",
                        entry.quantity,
                        entry.food_name,
                        entry.meal,
                        poor_source(&entry.food_id, &entry.food_name)
                            .map(|n| format!(" · {n}"))
                            .unwrap_or_default(),
                        state.keys.undo_note(Focus::Log)
                    )
                },
            );
            history::record(state, UndoStep::Remove(entry.id), undo);
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
                    format!("{}: removed {}", history::word(state), entry.food_name)
                } else {
                    format!(
                        "Removed {} {}{}",
                        entry.quantity,
                        entry.food_name,
                        state.keys.undo_note(Focus::Log)
                    )
                },
            );
            history::record(state, UndoStep::Restore(entry), undo);
            load_date(state)
        }
        EntriesRemoved { entries, undo } => {
            let n = plural(entries.len(), "entry", "entries");
            let word = history::word(state);
            state.set_status(
                StatusKind::Success,
                if undo { format!("{word}: removed {n}") } else { format!("Removed {n}") },
            );
            history::record(state, UndoStep::RestoreMany(entries), undo);
            load_date(state)
        }
        EntryChanged { before, after, undo } => {
            let what = if before.meal != after.meal {
                format!("Moved {} to {}", after.food_name, after.meal)
            } else {
                format!("{}: {} now", after.food_name, after.quantity)
            };
            let text = if undo { format!("{}: {what}", history::word(state)) } else { what };
            state.set_status(StatusKind::Success, text);
            history::record(state, UndoStep::Revert(before), undo);
            state.select_id = Some(after.id);
            load_date(state)
        }
        SearchResults { query, foods } => search::results(state, &query, foods),
        RecentLoaded(foods) => search::recent_loaded(state, foods),
        FoodLoaded(food, last) => prompt::food_loaded(state, food, last),
        ProductsLoaded(products) => supplements::products_loaded(state, products),
        SupplementAdded { dose, undo } => supplements::added(state, dose, undo),
        SupplementRemoved { dose, undo } => supplements::removed(state, dose, undo),
        SuggestionsLoaded(found) => suggest::loaded(state, found),
        SavedMealsLoaded(choices) => meals::loaded(state, choices),
        ReviewLoaded(found) => review::loaded(state, found),
        LabsLoaded(found) => labs::loaded(state, found),
        JournalAdded(what) => journal::added(state, what),
        SymptomViewLoaded(names, view) => journal::view_loaded(state, names, view.map(|v| *v)),
        MealSaved { name, items, replaced } => meals::saved(state, &name, items, replaced),
        EntriesAdded { entries, batch } => meals::entries_added(state, entries, &batch),
        KeyPrefix(key) => {
            state.prefix = Some(Prefix::new(key));
            vec![]
        }
        Sequence(then) => {
            state.prefix = None;
            then.map_or_else(Vec::new, |a| update(state, *a))
        }
        // Only the search takes a letter back as typed; elsewhere it is its command.
        Letter { action, .. } if state.focus() != Focus::Search => update(state, *action),
        other => match state.focus() {
            Focus::Help => help(state, other),
            Focus::Amount => prompt::update(state, other),
            Focus::Date => cmdline::update(state, other),
            Focus::Name => meals::name_prompt(state, other),
            Focus::Journal => journal::prompt(state, other),
            Focus::Symptoms => journal::view(state, other),
            Focus::Dose => supplements::form(state, other),
            Focus::Groups => search::groups(state, other),
            Focus::Move => moving(state, other),
            Focus::Meals => meals::picker(state, other),
            Focus::Search => search::search(state, other),
            Focus::Suggest => suggest::update(state, other),
            Focus::Review => review::update(state, other),
            Focus::Labs => labs::update(state, other),
            Focus::Cofactors => cofactors::update(state, other),
            Focus::Supplements => supplements::update(state, other),
            Focus::Log => log(state, other),
        },
    }
}

/// The shown day's report arrived: entries, doses, summary, warnings and the week's ratio.
fn day_loaded(state: &mut AppState, report: DayReport) -> Vec<Effect> {
    if report.summary.date != state.date {
        return vec![];
    }
    if let Some(first) = report.unreadable.first() {
        let more = report.unreadable.len() - 1;
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        state.set_status(StatusKind::Error, format!("{first}{more}; left as it is, the totals leave it out"));
    }
    let keep = state.select_id.take().or_else(|| state.selected_entry().map(|e| e.id));
    state.ca_mg_week = report.ca_mg_ratio_week();
    let DayReport { profile, entries, supplements, summary, warnings, notes, symptoms, .. } = report;
    (state.notes, state.symptoms) = (notes, symptoms);
    state.summary = summary;
    state.profile = profile;
    state.entries = entries;
    state.supplements = supplements;
    state.warnings = warnings;
    state.selected = keep
        .and_then(|id| state.entries.iter().position(|e| e.id == id))
        .unwrap_or(state.selected)
        .min(state.entries.len().saturating_sub(1));
    supplements::clamp(state);
    vec![]
}

/// "1 entry", "2 entries".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn help(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let lines = state.keys.help().len();
    if let Some(to) = moved(state.help_scroll, lines, &action) {
        state.help_scroll = to;
    } else if matches!(action, Close | OpenHelp | Confirm) {
        state.help = false;
        state.help_scroll = 0;
    }
    vec![]
}

fn log(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    match action {
        SelectNext | SelectPrev | ListDown | ListUp | PageDown | PageUp | ListTop | ListBottom => {
            state.selected = moved(state.selected, state.entries.len(), &action).unwrap_or(state.selected);
            vec![]
        }
        PrevDay | NextDay | Today => {
            state.date = match action {
                PrevDay => date::previous_day(state.date),
                NextDay => date::next_day(state.date),
                _ => state.today,
            };
            state.selected = 0;
            load_date(state)
        }
        ToggleTrendRange => trends::cycle(state),
        CyclePinned => {
            let pinned = crate::tui::ui::cycle_pinned(state);
            let words = match pinned {
                Some(n) => format!("{} pinned to the gauges", n.info().name),
                None => "No nutrient pinned to the gauges".to_string(),
            };
            state.set_status(StatusKind::Hint, words);
            vec![]
        }
        WeekBack | WeekForward => trends::step_week(state, action == WeekForward),
        OpenDatePrompt => cmdline::open(state),
        CycleMeal => {
            next_meal(state);
            state.set_status(StatusKind::Hint, format!("New entries go to {}", state.meal));
            vec![]
        }
        OpenSearch => search::open_search(state),
        OpenSupplements => supplements::open(state),
        OpenSuggestions => suggest::open(state),
        OpenReview => review::open(state),
        OpenLabs => labs::open(state),
        OpenCofactors => cofactors::open(state),
        OpenNote => journal::open(state, journal::Kind::Note),
        OpenSymptom => journal::open(state, journal::Kind::Symptom),
        OpenSymptomView => journal::open_view(state),
        SaveMeal => meals::open_name(state, false),
        RecipeFromMeal => meals::open_name(state, true),
        OpenSavedMeals => meals::open_picker(state),
        CopyYesterday => meals::copy_yesterday(state),
        OpenHelp => {
            state.help = true;
            state.help_scroll = 0;
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
        Undo => history::undo(state),
        Redo => history::redo(state),
        _ => vec![],
    }
}

pub fn nothing_selected(state: &mut AppState) -> Vec<Effect> {
    let text = match state.keys.say(Focus::Log, "search", " adds food") {
        Some(adds) => format!("No entry selected: {adds}"),
        None => "No entry selected".to_string(),
    };
    state.set_status(StatusKind::Hint, text);
    vec![]
}

fn moving(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let Some(p) = state.moving.as_mut() else { return vec![] };
    let at = Meal::ALL.iter().position(|m| *m == p.selected).unwrap_or(0);
    match action {
        Close => {
            state.moving = None;
            vec![]
        }
        // The four meals wrap around, as Tab does.
        ListDown | SelectNext => {
            p.selected = p.selected.next();
            vec![]
        }
        ListUp | SelectPrev => {
            p.selected = p.selected.next().next().next();
            vec![]
        }
        PageDown | PageUp | ListTop | ListBottom => {
            let to = moved(at, Meal::ALL.len(), &action).unwrap_or(at);
            p.selected = Meal::ALL[to.min(Meal::ALL.len() - 1)];
            vec![]
        }
        PickMeal(meal) => {
            p.selected = meal;
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
