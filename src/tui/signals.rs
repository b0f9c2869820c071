//! The signals the app answers, and the watchdog behind them. A signal sets its flag and wakes
//! the event loop through a self-pipe; the loop then ends (SIGTERM, SIGHUP, SIGINT), hands the
//! terminal back and ends (SIGQUIT), hands it back and stops (SIGTSTP), or takes it again
//! (SIGCONT). A resize (SIGWINCH) only wakes the loop, to redraw at the new size.
//!
//! Should the loop be stuck when an ending signal comes (writing to a terminal that no longer
//! reads, say), the watchdog thread hands the terminal back itself and ends the process a
//! moment later: the app never outlives a request to end.

use std::io::{self, Read};
use std::os::fd::{AsRawFd, RawFd};
use std::os::raw::c_int;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::low_level::{self, pipe};
use signal_hook::SigId;

/// How long the watchdog gives the event loop to end after an ending signal.
pub const GRACE: Duration = Duration::from_millis(700);

/// The signals that end the app.
const ENDING: [c_int; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// What a signal asks of the app, most pressing first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Signal {
    /// SIGQUIT: hand the terminal back, then end as a quit does (exit 128 + 3).
    Quit,
    /// SIGTERM, SIGHUP, SIGINT: end now.
    End,
    /// SIGTSTP: hand the terminal back and stop until continued.
    Stop,
    /// SIGCONT: take the terminal again and redraw it whole.
    Continue,
}

impl Signal {
    fn of(signal: c_int) -> Option<Signal> {
        match signal {
            SIGQUIT => Some(Signal::Quit),
            SIGTERM | SIGHUP | SIGINT => Some(Signal::End),
            SIGTSTP => Some(Signal::Stop),
            SIGCONT => Some(Signal::Continue),
            _ => None,
        }
    }
}

/// The app's signal handlers, for as long as it holds the terminal.
pub struct Signals {
    flags: Vec<(c_int, Arc<AtomicBool>)>,
    /// The read end of the self-pipe the handlers write to.
    wake: UnixStream,
    /// Its write end, for other threads that wake the loop (the key reader).
    waker: UnixStream,
    ids: Vec<SigId>,
    /// Set once the app is done with the terminal: the watchdog then leaves it alone.
    finished: Arc<AtomicBool>,
}

impl Signals {
    /// Installs the handlers and starts the watchdog, which calls `hand_back` before it ends
    /// a stuck process.
    pub fn install(hand_back: fn()) -> io::Result<Signals> {
        let (wake, waker) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        waker.set_nonblocking(true)?;
        let mut signals =
            Signals { flags: Vec::new(), wake, waker, ids: Vec::new(), finished: Arc::default() };
        // Pushed one by one, so that whatever was registered is unregistered on a failure.
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH] {
            let flag = Arc::new(AtomicBool::new(false));
            signals.ids.push(signal_hook::flag::register(signal, Arc::clone(&flag))?);
            signals.ids.push(pipe::register(signal, signals.waker.try_clone()?)?);
            signals.flags.push((signal, flag));
        }
        watchdog(&mut signals.ids, Arc::clone(&signals.finished), hand_back)?;
        Ok(signals)
    }

    /// What the event loop waits on: readable when a signal came or another thread woke it.
    pub fn fd(&self) -> RawFd {
        self.wake.as_raw_fd()
    }

    /// A write end of the self-pipe: one byte written wakes the event loop.
    pub fn waker(&self) -> io::Result<UnixStream> {
        self.waker.try_clone()
    }

    /// What the signals that came since the last call ask, most pressing first.
    pub fn take(&mut self) -> Vec<Signal> {
        let mut buf = [0u8; 64];
        while matches!(self.wake.read(&mut buf), Ok(n) if n > 0) {}
        let mut asked: Vec<Signal> = self
            .flags
            .iter()
            .filter(|(_, flag)| flag.swap(false, Ordering::SeqCst))
            .filter_map(|(signal, _)| Signal::of(*signal))
            .collect();
        asked.sort();
        asked.dedup();
        asked
    }

    /// Forgets that `signal` came (a SIGCONT the stop itself was continued by).
    pub fn forget(&mut self, signal: Signal) {
        for (s, flag) in &self.flags {
            if Signal::of(*s) == Some(signal) {
                flag.store(false, Ordering::SeqCst);
            }
        }
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        self.finished.store(true, Ordering::SeqCst);
        for id in self.ids.drain(..) {
            low_level::unregister(id);
        }
    }
}

/// Stops the process as SIGTSTP's default action would (with SIGSTOP, which a process alone
/// in its session also obeys); returns once it is continued.
pub fn stop() -> io::Result<()> {
    low_level::emulate_default_handler(SIGTSTP)
}

/// Starts the watchdog thread; its handlers go into `ids`. On an ending signal it waits
/// `GRACE`; if the app is not finished by then, it hands the terminal back and ends the
/// process with 128 + the signal's number. Unregistering the handlers closes its pipe, and
/// the thread ends.
fn watchdog(ids: &mut Vec<SigId>, finished: Arc<AtomicBool>, hand_back: fn()) -> io::Result<()> {
    let (mut read, write) = UnixStream::pair()?;
    let last = Arc::new(AtomicI32::new(0));
    for signal in ENDING {
        let last = Arc::clone(&last);
        // SAFETY: the action only stores an integer, which is async-signal-safe.
        ids.push(unsafe { low_level::register(signal, move || last.store(signal, Ordering::SeqCst)) }?);
        ids.push(pipe::register(signal, write.try_clone()?)?);
    }
    drop(write);
    thread::Builder::new().name("marrow-watchdog".into()).spawn(move || {
        let mut byte = [0u8; 1];
        loop {
            match read.read(&mut byte) {
                Ok(1..) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                // The handlers are gone: the app is done.
                Ok(0) | Err(_) => return,
            }
            thread::sleep(GRACE);
            if finished.load(Ordering::SeqCst) {
                return;
            }
            hand_back();
            let signal = last.load(Ordering::SeqCst);
            // SAFETY: ends the process at once; SQLite's journal makes an unfinished
            // transaction as if it never began.
            unsafe { libc::_exit(128 + signal) };
        }
    })?;
    Ok(())
}
