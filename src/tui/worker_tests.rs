//! The worker thread: slow effects sent to it come back as Actions through the event loop's
//! `receive`, the pending mark is set and cleared, stale results are dropped, and closing the
//! app with work still running ends at once.

use std::sync::{Arc, Mutex};
use std::thread::sleep;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::action::Action;
use super::effect::{Effect, Work};
use super::runtime::Runtime;
use super::state::{AppState, Pending};
use super::ui::theme::Theme;
use super::worker::{Done, Worker};
use super::{dispatch, dispatch_to, receive, ui};
use crate::domain::browse::Basis;
use crate::domain::{Food, Meal, Nutrient};
use crate::store::{Catalog, Diary};

const WAIT: Duration = Duration::from_secs(10);

fn app() -> (tempfile::TempDir, Runtime, AppState) {
    let tmp = tempfile::tempdir().unwrap();
    let diary = Diary::open(&tmp.path().join("diary.db")).unwrap();
    let catalog = Catalog::open(&tmp.path().join("catalog.db"), || {}).unwrap();
    let runtime = Runtime::new(diary, catalog).unwrap();
    let state =
        AppState::new(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), Meal::Lunch, Default::default());
    (tmp, runtime, state)
}

/// The app's own worker: a read-only runtime over the same files.
fn worker(rt: &Runtime) -> Worker {
    let open = rt.reader().expect("the files open again");
    Worker::spawn(move || open().map(|mut reader| move |fx| reader.run(fx, ""))).expect("worker")
}

/// A worker that answers every effect with `answer` after `delay`, noting what it ran.
fn stub(delay: Duration, answer: Vec<Action>) -> (Worker, Arc<Mutex<Vec<Effect>>>) {
    let ran = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&ran);
    let w = Worker::spawn(move || {
        Some(move |fx| {
            sleep(delay);
            log.lock().unwrap().push(fx);
            answer.clone()
        })
    })
    .expect("worker");
    (w, ran)
}

fn status_line(state: &AppState) -> String {
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| ui::draw(f, state, &Theme::new(true))).unwrap();
    let buf = t.backend().buffer();
    (0..80).map(|x| buf[(x, 23)].symbol().to_string()).collect()
}

fn food(base: &Food, name: &str) -> Food {
    Food { name: name.into(), ..base.clone() }
}

#[test]
fn a_browse_on_the_worker_comes_back_as_the_same_list_the_main_thread_would_show() {
    let (_tmp, mut rt, mut s) = app();
    let mut w = worker(&rt);
    dispatch_to(&mut s, &mut rt, Some(&mut w), Action::OpenSearch);
    assert!(matches!(s.pending[..], [Pending { work: Work::Foods, .. }]), "{:?}", s.pending);
    assert!(s.search.as_ref().unwrap().results.is_empty(), "nothing listed before the worker answers");
    assert!(status_line(&s).contains("finding foods…"), "{}", status_line(&s));

    let done = w.recv_timeout(WAIT).unwrap().expect("the browse comes back");
    receive(&mut s, &mut rt, &mut w, done);
    assert!(s.pending.is_empty(), "the pending mark is cleared");
    assert!(!status_line(&s).contains("finding foods"));
    let (_tmp2, mut rt2, mut inline) = app();
    dispatch(&mut inline, &mut rt2, Action::OpenSearch);
    let names =
        |s: &AppState| s.search.as_ref().unwrap().results.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
    assert!(!names(&s).is_empty());
    assert_eq!(names(&s), names(&inline), "the worker's list is the main thread's");
}

#[test]
fn suggestions_on_the_worker_fill_the_overlay_and_clear_the_mark() {
    let (_tmp, mut rt, mut s) = app();
    let mut w = worker(&rt);
    dispatch_to(&mut s, &mut rt, Some(&mut w), Action::OpenSuggestions);
    assert_eq!(s.suggest.as_ref().unwrap().found, None);
    assert!(status_line(&s).contains("weighing suggestions…"));
    let done = w.recv_timeout(WAIT).unwrap().expect("suggestions come back");
    assert_eq!(done.work, Work::Suggestions);
    receive(&mut s, &mut rt, &mut w, done);
    let found = s.suggest.as_ref().unwrap().found.as_ref().expect("suggestions shown");
    assert_eq!(found.nutrient, Nutrient::Magnesium);
    assert!(!found.list.is_empty());
    assert!(s.pending.is_empty());
}

#[test]
fn an_older_tickets_results_and_results_for_a_query_no_longer_shown_are_dropped() {
    let (_tmp, mut rt, mut s) = app();
    // A worker that never answers by itself: results are handed to `receive` by hand.
    let (mut w, _) = stub(Duration::ZERO, vec![]);
    dispatch_to(&mut s, &mut rt, Some(&mut w), Action::OpenSearch);
    dispatch_to(&mut s, &mut rt, Some(&mut w), Action::CycleSort);
    let [Pending { work: Work::Foods, ticket }] = s.pending[..] else { panic!("{:?}", s.pending) };
    let base = rt.catalog.food("12061").unwrap().unwrap();
    let list =
        |name: &str| vec![Action::SearchResults { query: String::new(), foods: vec![food(&base, name)] }];

    // The first sort's list, overtaken by the second sort: dropped, still pending.
    receive(
        &mut s,
        &mut rt,
        &mut w,
        Done { ticket: ticket - 1, work: Work::Foods, actions: list("old sort") },
    );
    assert!(s.search.as_ref().unwrap().results.is_empty());
    assert_eq!(s.pending.len(), 1);

    // The current ticket, but the user has typed a query meanwhile: the browse list is for
    // an empty query, so the search's own results stay.
    dispatch_to(&mut s, &mut rt, Some(&mut w), Action::Type('k'));
    let typed = s.search.as_ref().unwrap().results.clone();
    assert!(!typed.is_empty(), "search as you type runs on the main thread");
    receive(&mut s, &mut rt, &mut w, Done { ticket, work: Work::Foods, actions: list("browse") });
    assert_eq!(s.search.as_ref().unwrap().results, typed);
    assert!(s.pending.is_empty(), "the newest ticket settles the mark either way");
}

#[test]
fn the_worker_runs_only_the_newest_queued_job_of_a_kind() {
    let (mut w, ran) = stub(Duration::from_millis(100), vec![Action::Notice("done".into())]);
    let browse = |sort| Effect::Browse { sort, basis: Basis::Per100g, group: None };
    w.send(Work::Foods, browse(Nutrient::Magnesium)).unwrap();
    w.send(Work::Foods, browse(Nutrient::Calcium)).unwrap();
    let last = w.send(Work::Foods, browse(Nutrient::VitaminD)).unwrap();
    let mut tickets = Vec::new();
    while let Some(done) = w.recv_timeout(Duration::from_secs(2)).unwrap() {
        tickets.push(done.ticket);
        if done.ticket == last {
            break;
        }
    }
    assert_eq!(tickets.last(), Some(&last));
    let ran = ran.lock().unwrap().clone();
    assert!(!ran.contains(&browse(Nutrient::Calcium)), "the overtaken sort is never read: {ran:?}");
    assert_eq!(ran.last(), Some(&browse(Nutrient::VitaminD)));
}

#[test]
fn closing_with_a_slow_job_running_returns_at_once_and_an_idle_worker_ends() {
    let (mut slow, _) = stub(Duration::from_secs(30), vec![]);
    slow.send(Work::Suggestions, Effect::LoadGroups).unwrap();
    sleep(Duration::from_millis(20));
    let start = Instant::now();
    drop(slow);
    assert!(start.elapsed() < Duration::from_secs(1), "closing waited {:?}", start.elapsed());

    let (mut idle, _) = stub(Duration::ZERO, vec![]);
    assert!(idle.close(Duration::from_secs(5)), "the thread ends when its channel closes");
    assert_eq!(idle.send(Work::Foods, Effect::LoadGroups), None, "and takes no more jobs");
}

#[test]
fn a_worker_that_dies_is_reported_gone() {
    let w = Worker::spawn(|| Some(|_: Effect| -> Vec<Action> { panic!("worker test panic") })).unwrap();
    let mut w = w;
    w.send(Work::Foods, Effect::LoadGroups).unwrap();
    assert!(w.recv_timeout(WAIT).is_err(), "the event loop learns the worker is gone");
}
