//! The command line (`:`) in the app: typing, Tab completing, Esc, and Enter, which runs the
//! command read (command.rs) through the actions and effects the keys use; a line that
//! cannot be read keeps the command line open, says why under it and in the status line.

use super::action::Action;
use super::command::{self, Command};
use super::effect::Effect;
use super::state::{AppState, DatePrompt, StatusKind};
use super::text::TextField;
use super::{review, suggest, trends};
use crate::domain::period::Period;

/// The longest command line.
const MAX: usize = 400;

pub fn open(state: &mut AppState) -> Vec<Effect> {
    state.jump = Some(DatePrompt { input: TextField::new(MAX), error: None, candidates: Vec::new() });
    vec![]
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let Some(p) = state.jump.as_mut() else { return vec![] };
    match action {
        Close => state.jump = None,
        Type(_) | Backspace | Edit(_) => {
            p.input.apply(&action);
            p.error = None;
            p.candidates.clear();
        }
        Complete => {
            let done = command::complete(p.input.as_str());
            p.input.set(&done.line);
            p.error = None;
            p.candidates = done.candidates;
        }
        Confirm if p.input.trim().is_empty() => state.jump = None,
        Confirm => match command::parse(p.input.as_str(), state.today, state.home.as_deref()) {
            Ok(c) => {
                state.jump = None;
                return run(state, c);
            }
            Err(e) => {
                p.error = Some(e.clone());
                p.candidates.clear();
                state.set_status(StatusKind::Error, e);
            }
        },
        _ => {}
    }
    vec![]
}

/// Runs a command read from the line.
pub fn run(state: &mut AppState, c: Command) -> Vec<Effect> {
    match c {
        Command::Goto(d) => {
            state.set_status(StatusKind::Hint, format!("Showing {}", d.format("%a %-d %b %Y")));
            trends::show(state, d)
        }
        Command::Suggest(n) => suggest::show(state, n),
        Command::Review { month } => {
            let days = if month { review::MONTH_DAYS } else { review::WEEK_DAYS };
            review::show(state, Period::days_ending(state.date, days))
        }
        Command::Export { format, path } => vec![Effect::Export { format, path }],
        Command::Saved { kind, change } => vec![Effect::ChangeSaved { kind, change }],
        Command::Recipe(None) => super::meals::open_name(state, true),
        Command::Recipe(Some(name)) => match state.selected_entry().map(|e| e.meal) {
            Some(meal) => vec![Effect::SaveRecipe { name, date: state.date, meal }],
            None => super::meals::open_name(state, true),
        },
        Command::Quit => super::app::update(state, Action::Quit),
    }
}

#[cfg(test)]
#[path = "cmdline_tests.rs"]
mod tests;
