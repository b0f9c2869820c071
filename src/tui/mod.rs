//! The full-screen app: keys become Actions (keymap), `update` changes state and returns
//! effects (app), the runtime runs them against the stores, and drawing reads state (ui).

pub mod action;
pub mod app;
pub mod effect;
#[cfg(test)]
mod features_tests;
mod history;
pub mod keymap;
#[cfg(test)]
mod keys_tests;
mod meals;
mod prompt;
pub mod runtime;
#[cfg(test)]
mod runtime_tests;
mod search;
pub mod state;
mod suggest;
mod supplements;
pub mod text;
pub mod ui;
pub mod worker;
#[cfg(test)]
mod worker_tests;
mod writes;

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};

use self::action::Action;
use self::effect::Effect;
use self::runtime::Runtime;
use self::state::AppState;
use self::ui::theme::Theme;
use self::worker::{Done, Worker};
use crate::config::{Config, Theme as ConfigTheme};

/// How often the app looks for other processes' changes and the clock.
const POLL: Duration = Duration::from_millis(200);
/// How often it looks for the worker's results while some are pending (about a frame).
const PENDING_POLL: Duration = Duration::from_millis(15);

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

/// Fault injection for the tests that prove a slow query neither freezes the screen nor
/// keeps the app from quitting: MARROW_TEST_SLOW_WORKER=<ms> delays each of the worker's
/// jobs. Debug builds only, never in a release.
fn slow_worker() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("MARROW_TEST_SLOW_WORKER").ok().and_then(|v| v.parse().ok()) {
        return Duration::from_millis(ms);
    }
    Duration::ZERO
}

/// Runs the app until the user quits or a SIGTERM/SIGHUP/SIGINT arrives. The terminal is
/// restored on every path, panics included (ratatui's hook).
pub fn run(mut runtime: Runtime, config: &Config) -> std::io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    let now = crate::clock::now();
    let profile = runtime.diary.profile().unwrap_or_default();
    let mut state = AppState::new(now.date_naive(), config.meal_at(now.time()), profile);
    state.extra_nutrients = config.extra_nutrients();
    state.vitamin_d_iu = config.units.vitamin_d == crate::config::VitaminDUnit::Iu;
    state.metric_portions = config.units.portions == crate::config::PortionsFirst::Metric;
    state.keys = config.keymap();
    let theme = match config.app.theme {
        ConfigTheme::Mono => Theme::new(true),
        ConfigTheme::Default => Theme::from_env(),
    };
    let first = app::load_date(&state);
    let mut queue: VecDeque<Action> = VecDeque::new();
    for fx in first {
        queue.extend(runtime.run(fx, ""));
    }
    for a in queue {
        dispatch(&mut state, &mut runtime, a);
    }

    // Slow reads run on a thread of their own, over its own read-only connections. It ends
    // when `worker` is dropped on the way out, whichever way that is.
    let delay = slow_worker();
    let mut worker = runtime.reader().and_then(|open| {
        Worker::spawn(move || {
            open().map(|mut reader| {
                move |fx| {
                    std::thread::sleep(delay);
                    reader.run(fx, "")
                }
            })
        })
    });

    let mut terminal = ratatui::try_init()?;
    let result = (|| -> std::io::Result<()> {
        let mut last_check = Instant::now();
        // The clock as last told to the state: a Tick goes out when the day or the meal of the
        // time of day changes.
        let mut told = (state.today, state.meal);
        loop {
            terminal.draw(|f| ui::draw(f, &state, &theme))?;
            // Fault injection for the test that proves a panic restores the terminal; debug
            // builds only, never in a release.
            #[cfg(debug_assertions)]
            if std::env::var_os("MARROW_TEST_PANIC").is_some() {
                panic!("injected by MARROW_TEST_PANIC");
            }
            if state.quit || stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            let wait = if state.pending.is_empty() { POLL } else { PENDING_POLL };
            if event::poll(wait)? {
                match event::read()? {
                    Event::Key(key) => {
                        if let Some(a) = state.keys.resolve(&state, key) {
                            dispatch_to(&mut state, &mut runtime, worker.as_mut(), a);
                        }
                    }
                    Event::Resize(_, _) => {}
                    _ => {}
                }
            }
            if let Some(w) = worker.as_mut() {
                // Gone: the worker panicked, and the panic hook has already restored the
                // terminal; the app ends rather than draw on a terminal it no longer owns.
                while let Some(done) =
                    w.try_recv().map_err(|_| std::io::Error::other("the worker thread stopped"))?
                {
                    receive(&mut state, &mut runtime, w, done);
                }
            }
            if last_check.elapsed() >= POLL {
                last_check = Instant::now();
                if runtime.changed_elsewhere() {
                    dispatch_to(&mut state, &mut runtime, worker.as_mut(), Action::ExternalChange);
                }
                let now = crate::clock::now();
                let clock = (now.date_naive(), config.meal_at(now.time()));
                if clock != told {
                    told = clock;
                    let tick = Action::Tick { today: clock.0, meal: clock.1 };
                    dispatch_to(&mut state, &mut runtime, worker.as_mut(), tick);
                }
            }
        }
    })();
    ratatui::try_restore()?;
    result
}
