//! The app's event loop: draw, wait for a key, a signal, the terminal closing or the time,
//! and act on what came. It never outlives its terminal (a hang-up ends it), never ignores a
//! signal (each wakes it at once), and never waits on another marrow's lock on this thread
//! (writes wait their turn in slices, writes.rs). The terminal is handed back on every way
//! out, on SIGTSTP and SIGQUIT too, and on a panic (ratatui's hook).

use std::io::{self, Write};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::Event;
use ratatui::DefaultTerminal;

use super::action::Action;
use super::signals::{self, Signal, Signals};
use super::state::AppState;
use super::terminal::{self, Terminal, Woken};
use super::ui::{self, theme::Theme};
use super::worker::Worker;
use super::{app, dispatch, dispatch_to, receive, writes};
use crate::clock;
use crate::config::Config;
use crate::tui::runtime::Runtime;

/// How often the app looks for other processes' changes and the clock.
const POLL: Duration = Duration::from_millis(200);
/// How often it looks for the worker's results while some are pending (about a frame).
const PENDING_POLL: Duration = Duration::from_millis(15);
/// How often it tries again writes that wait for another marrow.
const RETRY: Duration = Duration::from_millis(100);
/// The exit status after SIGQUIT: what a shell shows for a process the signal ended, without
/// the core file its default action would write (the diary's contents among it).
const QUIT_STATUS: i32 = 128 + libc::SIGQUIT;

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// The user quit, an ending signal came, or the terminal closed.
    Done,
    /// SIGQUIT.
    Quit,
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

/// How long a write waits for another marrow before it fails. MARROW_TEST_WRITE_WAIT=<ms>
/// shortens it for the test of that failure; debug builds only.
fn write_patience() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("MARROW_TEST_WRITE_WAIT").ok().and_then(|v| v.parse().ok()) {
        return Duration::from_millis(ms);
    }
    writes::PATIENCE
}

/// Runs the app until the user quits, a SIGTERM/SIGHUP/SIGINT/SIGQUIT comes or the terminal
/// closes. The terminal is handed back on every path. After SIGQUIT the process ends with
/// 128 + 3; when writes were still waiting for another marrow, it says so and ends with 1.
pub fn run(mut runtime: Runtime, config: &Config) -> io::Result<()> {
    let mut signals = Signals::install(terminal::hand_back_now)?;
    runtime.wait_in_slices(write_patience()).map_err(io::Error::other)?;
    let now = clock::now();
    let profile = runtime.diary.profile().unwrap_or_default();
    let mut state = AppState::new(now.date_naive(), config.meal_at(now.time()), profile);
    state.extra_nutrients = config.extra_nutrients();
    state.latitude = config.latitude();
    state.vitamin_d_iu = config.units.vitamin_d == crate::config::VitaminDUnit::Iu;
    state.metric_portions = config.units.portions == crate::config::PortionsFirst::Metric;
    state.keys = config.keymap();
    state.home = std::env::var_os("HOME").filter(|h| !h.is_empty()).map(std::path::PathBuf::from);
    let theme = config.theme(ui::theme::no_color());
    let first = app::load_date(&state);
    let mut queue = Vec::new();
    for fx in first {
        queue.extend(runtime.run(fx, ""));
    }
    for a in queue {
        dispatch(&mut state, &mut runtime, a);
    }

    // Slow reads run on a thread of their own, over its own read-only connections. It ends
    // when `worker` is dropped on the way out, whichever way that is.
    let delay = slow_worker();
    let worker = runtime.reader().and_then(|open| {
        Worker::spawn(move || {
            open().map(|mut reader| {
                move |fx| {
                    std::thread::sleep(delay);
                    reader.run(fx, "")
                }
            })
        })
    });

    let mut app = App { state, runtime, worker, theme, config };
    let mut screen = terminal::take(config.app.mouse)?;
    let (ended, closed) = match signals.waker().and_then(Terminal::open) {
        Ok(tty) => {
            let ended = app.run(&mut screen, &tty, &mut signals);
            (ended, tty.closed())
        }
        Err(e) => (Err(e), false),
    };
    // One last try for the writes still waiting: one whose lock was just let go still lands.
    let unsaved = app.runtime.last_try_writes();
    if closed {
        // Nobody reads a closed terminal: there is nothing to hand back and nobody to tell.
        // The process ends here, before the terminal's handle is dropped (it would complain
        // about the cursor to the closed terminal, and a failed message is a panic).
        drop(app);
        drop(signals);
        std::process::exit(i32::from(unsaved > 0));
    }
    let handed_back = terminal::hand_back(&mut screen);
    drop(app);
    drop(signals);
    let ending = ended?;
    handed_back?;
    if unsaved > 0 {
        let changes = if unsaved == 1 { "1 change".to_string() } else { format!("{unsaved} changes") };
        let _ = writeln!(io::stderr(), "marrow: {changes} not saved: another marrow kept the diary locked");
        std::process::exit(1);
    }
    if ending == Ending::Quit {
        std::process::exit(QUIT_STATUS);
    }
    Ok(())
}

/// What the loop works on.
struct App<'a> {
    state: AppState,
    runtime: Runtime,
    worker: Option<Worker>,
    theme: Theme,
    config: &'a Config,
}

impl App<'_> {
    fn run(
        &mut self,
        screen: &mut DefaultTerminal,
        tty: &Terminal,
        signals: &mut Signals,
    ) -> io::Result<Ending> {
        let mut last_check = Instant::now();
        let mut last_retry = Instant::now();
        // The clock as last told to the state: a Tick goes out when the day or the meal of the
        // time of day changes.
        let mut told = (self.state.today, self.state.meal);
        let mut waiting = 0;
        loop {
            // Clicks are measured on the screen as drawn.
            let size = screen.size()?;
            if (size.width, size.height) != (self.state.screen.width, self.state.screen.height) {
                self.dispatch(Action::Resize { width: size.width, height: size.height });
            }
            screen.draw(|f| ui::draw(f, &self.state, &self.theme))?;
            // Fault injection for the test that proves a panic restores the terminal; debug
            // builds only, never in a release.
            #[cfg(debug_assertions)]
            if std::env::var_os("MARROW_TEST_PANIC").is_some() {
                panic!("injected by MARROW_TEST_PANIC");
            }
            if self.state.quit {
                return Ok(Ending::Done);
            }
            let wait = if !self.state.pending.is_empty() {
                PENDING_POLL
            } else if waiting > 0 {
                RETRY
            } else {
                POLL
            };
            if tty.wait(signals.fd(), wait)? == Woken::Closed {
                return Ok(Ending::Done);
            }
            for signal in signals.take() {
                match signal {
                    Signal::Quit => return Ok(Ending::Quit),
                    Signal::End => return Ok(Ending::Done),
                    Signal::Stop => {
                        terminal::hand_back(screen)?;
                        signals::stop()?;
                        // Continued: the SIGCONT that did it needs no second redraw.
                        signals.forget(Signal::Continue);
                        terminal::take_again(screen)?;
                    }
                    Signal::Continue => terminal::take_again(screen)?,
                }
            }
            while let Some(event) = tty.next()? {
                let action = match event {
                    Event::Key(key) => self.state.keys.resolve(&self.state, key),
                    Event::Mouse(m) => super::mouse::action(m),
                    _ => None,
                };
                if let Some(a) = action {
                    self.dispatch(a);
                }
                if self.state.quit {
                    break;
                }
            }
            self.receive()?;
            if waiting > 0 && last_retry.elapsed() >= RETRY {
                last_retry = Instant::now();
                for a in self.runtime.retry_writes() {
                    self.dispatch(a);
                }
            }
            let now_waiting = self.runtime.writes_waiting();
            if now_waiting > waiting {
                last_retry = Instant::now();
            }
            app::writes_waiting(&mut self.state, waiting, now_waiting);
            waiting = now_waiting;
            if last_check.elapsed() >= POLL {
                last_check = Instant::now();
                if self.runtime.changed_elsewhere() {
                    self.dispatch(Action::ExternalChange);
                }
                let now = clock::now();
                let clock = (now.date_naive(), self.config.meal_at(now.time()));
                if clock != told {
                    told = clock;
                    self.dispatch(Action::Tick { today: clock.0, meal: clock.1 });
                }
            }
        }
    }

    fn dispatch(&mut self, action: Action) {
        dispatch_to(&mut self.state, &mut self.runtime, self.worker.as_mut(), action);
    }

    /// Applies what the worker finished.
    fn receive(&mut self) -> io::Result<()> {
        if let Some(w) = self.worker.as_mut() {
            // Gone: the worker panicked, and the panic hook has already restored the
            // terminal; the app ends rather than draw on a terminal it no longer owns.
            while let Some(done) = w.try_recv().map_err(|_| io::Error::other("the worker thread stopped"))? {
                receive(&mut self.state, &mut self.runtime, w, done);
            }
        }
        Ok(())
    }
}
