//! Writes that wait for another marrow. A write that finds the diary's write lock taken
//! (another process is in a transaction) does not wait on the UI thread: the diary gives up
//! after a short slice, the write waits here, and the event loop tries it again every moment,
//! so keys, signals and drawing carry on meanwhile. Later writes queue behind it and land in
//! the order they were made. After `PATIENCE` they all fail with one clear message; each is
//! one transaction, so a write that gave up left nothing half-written.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::action::Action;
use super::effect::Effect;

/// How long one try waits for the lock on the UI thread, in steps of `STEP`.
pub const SLICE: Duration = Duration::from_millis(50);
const STEP: Duration = Duration::from_millis(10);
/// How long a write waits for another marrow in all before it fails.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// The writes waiting for another marrow's transaction, oldest first.
pub struct Writes {
    /// Each write with the time it was made (its `logged_at`).
    queue: VecDeque<(Effect, String)>,
    /// When the oldest write began to wait.
    since: Option<Instant>,
    patience: Duration,
    /// Set by the diary's busy handler: a lock was in the way since it was last cleared.
    locked: Arc<AtomicBool>,
}

impl Writes {
    /// The queue, and the handler the diary calls while a lock is in the way
    /// (`Diary::on_busy`): it waits out one slice, then gives up.
    pub fn new(patience: Duration) -> (Writes, impl FnMut(i32) -> bool + Send + 'static) {
        let locked = Arc::new(AtomicBool::new(false));
        let seen = Arc::clone(&locked);
        let on_busy = move |asked: i32| {
            seen.store(true, Ordering::SeqCst);
            let waited = STEP * u32::try_from(asked).unwrap_or(u32::MAX);
            let wait = waited < SLICE;
            if wait {
                std::thread::sleep(STEP);
            }
            wait
        };
        (Writes { queue: VecDeque::new(), since: None, patience, locked }, on_busy)
    }

    /// How many writes wait.
    pub fn waiting(&self) -> usize {
        self.queue.len()
    }

    /// Runs a write through `run` now, or queues it: behind writes already waiting, or
    /// because another marrow's transaction is in the way. Returns what it led to (nothing
    /// yet when it waits).
    pub fn run(
        &mut self,
        effect: Effect,
        now: &str,
        mut run: impl FnMut(Effect, &str) -> Vec<Action>,
    ) -> Vec<Action> {
        if self.queue.is_empty() {
            if let Some(actions) = self.attempt(&effect, now, &mut run) {
                return actions;
            }
            self.since = Some(Instant::now());
        }
        self.queue.push_back((effect, now.to_string()));
        vec![]
    }

    /// Tries the waiting writes again, oldest first, until one still finds the lock taken.
    /// Returns what those that ran led to, or one failure for all once the oldest has
    /// waited longer than the patience allows.
    pub fn retry(&mut self, mut run: impl FnMut(Effect, &str) -> Vec<Action>) -> Vec<Action> {
        let mut done = Vec::new();
        while let Some((effect, now)) = self.queue.front() {
            if let Some(actions) = self.attempt(effect, now, &mut run) {
                done.extend(actions);
                self.queue.pop_front();
                self.since = (!self.queue.is_empty()).then(Instant::now);
                continue;
            }
            if self.since.is_some_and(|since| since.elapsed() >= self.patience) {
                done.push(Action::Failed(self.gave_up()));
            }
            break;
        }
        done
    }

    /// One last try before the app ends, without giving up on the way: returns how many
    /// writes still did not land, and drops them.
    pub fn last_try(&mut self, run: impl FnMut(Effect, &str) -> Vec<Action>) -> usize {
        self.patience = Duration::MAX;
        self.retry(run);
        let left = self.queue.len();
        self.queue.clear();
        left
    }

    /// Drops every waiting write and says so.
    fn gave_up(&mut self) -> String {
        let n = self.queue.len();
        self.queue.clear();
        self.since = None;
        let changes = if n == 1 { "1 change".to_string() } else { format!("{n} changes") };
        format!(
            "another marrow kept the diary locked for {} s: {changes} not saved, nothing half-written",
            self.patience.as_secs()
        )
    }

    /// Runs a write once; None when a lock kept it from landing (it wrote nothing).
    fn attempt(
        &self,
        effect: &Effect,
        now: &str,
        run: &mut impl FnMut(Effect, &str) -> Vec<Action>,
    ) -> Option<Vec<Action>> {
        self.locked.store(false, Ordering::SeqCst);
        let actions = run(effect.clone(), now);
        // A failure after the handler gave up is the lock's; one after a wait that ended in
        // time is the write's own, and trying again says so once more, without a wait.
        let locked = self.locked.load(Ordering::SeqCst) && matches!(actions.as_slice(), [Action::Failed(_)]);
        (!locked).then_some(actions)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    fn write(id: i64) -> Effect {
        Effect::RemoveEntry { id, undo: false }
    }

    /// A diary stand-in that holds its lock while `held` says so and records what landed.
    struct Diary<F> {
        held: bool,
        on_busy: F,
        landed: Vec<Effect>,
    }

    impl<F: FnMut(i32) -> bool> Diary<F> {
        fn run(&mut self, effect: Effect, _now: &str) -> Vec<Action> {
            if self.held {
                let mut asked = 0;
                while (self.on_busy)(asked) {
                    asked += 1;
                }
                return vec![Action::Failed("database error: database is locked".into())];
            }
            self.landed.push(effect);
            vec![Action::Notice("landed".into())]
        }
    }

    #[test]
    fn a_write_waits_for_the_lock_and_lands_in_order_with_those_behind_it() {
        let (mut writes, on_busy) = Writes::new(PATIENCE);
        let diary = RefCell::new(Diary { held: true, on_busy, landed: vec![] });
        let run = |e, now: &str| diary.borrow_mut().run(e, now);
        assert_eq!(writes.run(write(1), "t1", run), vec![]);
        assert_eq!(writes.run(write(2), "t2", run), vec![]);
        assert_eq!(writes.waiting(), 2);
        assert_eq!(writes.retry(run), vec![]);
        diary.borrow_mut().held = false;
        assert_eq!(writes.retry(run).len(), 2);
        assert_eq!(diary.borrow().landed, vec![write(1), write(2)]);
        assert_eq!(writes.waiting(), 0);
    }

    #[test]
    fn a_write_behind_a_waiting_one_is_not_tried_before_it() {
        let (mut writes, on_busy) = Writes::new(PATIENCE);
        let diary = RefCell::new(Diary { held: true, on_busy, landed: vec![] });
        let run = |e, now: &str| diary.borrow_mut().run(e, now);
        writes.run(write(1), "t1", run);
        diary.borrow_mut().held = false;
        assert_eq!(writes.run(write(2), "t2", run), vec![], "queued behind the first");
        assert!(diary.borrow().landed.is_empty());
        writes.retry(run);
        assert_eq!(diary.borrow().landed, vec![write(1), write(2)]);
    }

    #[test]
    fn after_the_patience_every_waiting_write_fails_with_one_message() {
        let (mut writes, on_busy) = Writes::new(Duration::ZERO);
        let diary = RefCell::new(Diary { held: true, on_busy, landed: vec![] });
        let run = |e, now: &str| diary.borrow_mut().run(e, now);
        writes.run(write(1), "t1", run);
        writes.run(write(2), "t2", run);
        let failed = writes.retry(run);
        assert_eq!(failed.len(), 1, "{failed:?}");
        let Action::Failed(text) = &failed[0] else { panic!("{failed:?}") };
        assert!(text.contains("2 changes not saved"), "{text}");
        assert_eq!(writes.waiting(), 0);
        diary.borrow_mut().held = false;
        assert_eq!(writes.retry(run), vec![]);
        assert!(diary.borrow().landed.is_empty(), "nothing lands after giving up");
    }

    #[test]
    fn the_last_try_lands_what_it_can_and_counts_the_rest() {
        let (mut writes, on_busy) = Writes::new(Duration::ZERO);
        let diary = RefCell::new(Diary { held: true, on_busy, landed: vec![] });
        let run = |e, now: &str| diary.borrow_mut().run(e, now);
        writes.run(write(1), "t1", run);
        writes.run(write(2), "t2", run);
        assert_eq!(writes.last_try(run), 2, "a patience run out is not a landing");
        assert_eq!(writes.waiting(), 0);
        writes.run(write(3), "t3", run);
        diary.borrow_mut().held = false;
        assert_eq!(writes.last_try(run), 0);
        assert_eq!(diary.borrow().landed, vec![write(3)]);
    }

    #[test]
    fn a_failure_without_a_lock_in_the_way_is_the_writes_own() {
        let (mut writes, _on_busy) = Writes::new(PATIENCE);
        let refused = vec![Action::Failed("no entry with id 7".into())];
        assert_eq!(writes.run(write(7), "t", |_, _| refused.clone()), refused);
        assert_eq!(writes.waiting(), 0);
    }

    #[test]
    fn the_handler_waits_one_slice_then_gives_up() {
        let (_writes, mut on_busy) = Writes::new(PATIENCE);
        let started = Instant::now();
        let mut asked = 0;
        while on_busy(asked) {
            asked += 1;
        }
        assert_eq!(asked, 5, "{SLICE:?} in steps of {STEP:?}");
        assert!(started.elapsed() >= SLICE);
    }
}
