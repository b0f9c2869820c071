//! The worker thread that runs slow effects (browse lists, suggestions) off the main thread,
//! so the screen keeps drawing and reading keys while a big catalog is read (style rule 9,
//! after gitui's asyncgit). Jobs go in on one channel and results come back on another, each
//! under a ticket; the event loop applies only the newest ticket of each kind.
//!
//! The thread only reads: it runs a `Runtime` over its own read-only connections. It ends
//! when the job channel closes (the `Worker` is dropped); the app never waits on it for more
//! than a moment, so a long query cannot keep the process alive after the user quits.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

use super::action::Action;
use super::effect::{Effect, Work};

/// How long closing waits for the thread to finish before leaving it to end on its own.
pub const GRACE: Duration = Duration::from_millis(50);

/// One slow effect, under the ticket its results come back with.
struct Job {
    ticket: u64,
    work: Work,
    effect: Effect,
}

/// What the worker made of one job.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    pub ticket: u64,
    pub work: Work,
    pub actions: Vec<Action>,
}

/// The worker thread stopped without being asked (it panicked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gone;

/// The handle to the worker thread: send jobs, collect results.
pub struct Worker {
    jobs: Option<Sender<Job>>,
    done: Receiver<Done>,
    next: u64,
}

impl Worker {
    /// Starts the thread. `open` runs on it and makes what does one effect (a read-only
    /// `Runtime::run`, or a stand-in in tests); when it makes nothing, there is no worker.
    pub fn spawn<F>(open: impl FnOnce() -> Option<F> + Send + 'static) -> Option<Worker>
    where
        F: FnMut(Effect) -> Vec<Action>,
    {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, done) = mpsc::channel::<Done>();
        let (ready, opened) = mpsc::sync_channel::<bool>(1);
        let thread = thread::Builder::new().name("marrow-worker".into()).spawn(move || {
            let run = open();
            let _ = ready.send(run.is_some());
            if let Some(run) = run {
                work(inbox, outbox, run);
            }
        });
        (thread.is_ok() && opened.recv() == Ok(true)).then_some(Worker { jobs: Some(jobs), done, next: 0 })
    }

    /// Sends a slow effect; returns its ticket, or None when the thread is gone.
    pub fn send(&mut self, work: Work, effect: Effect) -> Option<u64> {
        self.next += 1;
        let ticket = self.next;
        self.jobs.as_ref()?.send(Job { ticket, work, effect }).ok()?;
        Some(ticket)
    }

    /// A finished job, if one is waiting.
    pub fn try_recv(&self) -> Result<Option<Done>, Gone> {
        match self.done.try_recv() {
            Ok(done) => Ok(Some(done)),
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(Gone),
        }
    }

    /// Waits up to `timeout` for a finished job.
    pub fn recv_timeout(&self, timeout: Duration) -> Result<Option<Done>, Gone> {
        match self.done.recv_timeout(timeout) {
            Ok(done) => Ok(Some(done)),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(Gone),
        }
    }

    /// Closes the job channel and waits up to `wait` for the thread to end; whether it did.
    /// A thread still in a query is left to end on its own when the query returns (it only
    /// reads, and process exit ends it anyway).
    pub fn close(&mut self, wait: Duration) -> bool {
        self.jobs = None;
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.done.recv_timeout(left) {
                // Results nobody wants any more.
                Ok(_) => {}
                Err(RecvTimeoutError::Disconnected) => return true,
                Err(RecvTimeoutError::Timeout) => return false,
            }
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.close(GRACE);
    }
}

/// The thread's loop: it ends when the job channel closes or nobody reads results any more.
fn work(inbox: Receiver<Job>, outbox: Sender<Done>, mut run: impl FnMut(Effect) -> Vec<Action>) {
    while let Ok(first) = inbox.recv() {
        let mut queue = vec![first];
        queue.extend(inbox.try_iter());
        for (i, job) in queue.iter().enumerate() {
            // A newer job of the same kind is queued behind this one: its results would be
            // dropped as stale, so it is not run (a quick run of sort keys costs one query).
            if queue[i + 1..].iter().any(|later| later.work == job.work) {
                continue;
            }
            let actions = run(job.effect.clone());
            if outbox.send(Done { ticket: job.ticket, work: job.work, actions }).is_err() {
                return;
            }
        }
    }
}
