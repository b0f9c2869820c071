//! The full-screen app: keys become Actions (keymap), `update` changes state and returns
//! effects (app), the runtime runs them against the stores, and drawing reads state (ui).
//! The event loop (event_loop.rs) holds the terminal (terminal.rs) and answers signals
//! (signals.rs).

pub mod action;
pub mod app;
mod cmdline;
mod cofactors;
pub mod command;
pub mod effect;
mod event_loop;
mod export;
#[cfg(test)]
mod features_tests;
mod history;
pub mod journal;
pub mod keymap;
#[cfg(test)]
mod keys_tests;
mod labs;
mod meals;
pub mod mouse;
#[cfg(test)]
mod mouse_tests;
mod prompt;
mod review;
pub mod runtime;
#[cfg(test)]
mod runtime_tests;
mod search;
mod signals;
pub mod state;
mod suggest;
mod supplements;
mod terminal;
pub mod text;
pub mod trends;
pub mod ui;
pub mod worker;
#[cfg(test)]
mod worker_tests;
mod writes;

use std::collections::VecDeque;

use self::action::Action;
use self::effect::Effect;
pub use self::event_loop::run;
use self::runtime::Runtime;
use self::state::AppState;
use self::worker::{Done, Worker};

/// Applies an action and runs every effect it leads to, until the state settles; slow ones
/// too, on this thread (tests and benches use it).
pub fn dispatch(state: &mut AppState, runtime: &mut Runtime, action: Action) {
    dispatch_to(state, runtime, None, action);
}

/// Applies an action and runs the effects it leads to until the state settles, except slow
/// ones when there is a worker: those go to it and are marked pending, and their results
/// come back through `receive`.
pub fn dispatch_to(
    state: &mut AppState,
    runtime: &mut Runtime,
    mut worker: Option<&mut Worker>,
    action: Action,
) {
    let mut queue = VecDeque::from([action]);
    let now = crate::clock::now().format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    while let Some(a) = queue.pop_front() {
        for effect in app::update(state, a) {
            if effect == Effect::Quit {
                continue;
            }
            if let (Some(w), Some(work)) = (worker.as_deref_mut(), effect.slow()) {
                if let Some(ticket) = w.send(work, effect.clone()) {
                    app::sent(state, work, ticket);
                    continue;
                }
            }
            queue.extend(runtime.run(effect, &now));
        }
    }
}

/// Applies what the worker finished when it is still wanted (the newest job of its kind);
/// an older job's results are dropped. The query or day they were for is checked again as
/// they are applied (search.rs, suggest.rs), in case the user moved on meanwhile.
pub fn receive(state: &mut AppState, runtime: &mut Runtime, worker: &mut Worker, done: Done) {
    if app::settled(state, done.work, done.ticket) {
        for a in done.actions {
            dispatch_to(state, runtime, Some(&mut *worker), a);
        }
    }
}
