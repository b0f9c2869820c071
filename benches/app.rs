//! One key press in the app's search overlay, end to end minus the terminal: the key's
//! action dispatched (update + the catalog search or browse it triggers) and the next frame
//! drawn into a 100x30 test backend, over the full embedded catalog.
//!
//! Criterion gives medians and confidence intervals per key of "almonds" (each iteration from
//! the same state), for the whole type-and-erase cycle, and for a frame alone. p99 needs the
//! raw samples, so a plain loop of timed key presses runs after it and prints
//! p50/p90/p99/max.
//!
//! And the app's first frame, as the app makes it before it draws: opening the diary (for
//! writing) and the catalog, the day and its week loaded, the frame drawn; on a new diary and
//! on one of ten years (benches/ten_years.rs).
//!
//! `cargo bench --bench app` (add `-- --quick` for a shorter run; `-- first_frame` for the
//! first frame alone).

#[path = "ten_years.rs"]
mod ten_years;

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use marrow::domain::day::new_entry;
use marrow::domain::Meal;
use marrow::store::{Catalog, Diary};
use marrow::tui::action::Action;
use marrow::tui::runtime::Runtime;
use marrow::tui::state::AppState;
use marrow::tui::ui::theme::Theme;
use marrow::tui::{dispatch, ui};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;
/// Keys timed one by one after criterion, for percentiles.
const RAW_KEYS: usize = 2000;

/// Typing "almonds" and erasing it again: every key searches (or, at empty, browses).
fn keys() -> Vec<Action> {
    let mut keys: Vec<Action> = "almonds".chars().map(Action::Type).collect();
    keys.extend(std::iter::repeat_n(Action::Backspace, 7));
    keys
}

struct Bench {
    state: AppState,
    runtime: Runtime,
    terminal: Terminal<TestBackend>,
    theme: Theme,
    keys: Vec<Action>,
    next: usize,
    _dir: tempfile::TempDir,
}

impl Bench {
    /// A diary with two entries today, the full catalog, and the search overlay open.
    fn new() -> Bench {
        let dir = tempfile::tempdir().expect("temp dir");
        let today = NaiveDate::from_ymd_opt(2026, 1, 5).expect("a date");
        let catalog = Catalog::open(&dir.path().join("catalog.db"), || {}).expect("catalog");
        let mut diary = Diary::open(&dir.path().join("diary.db")).expect("diary");
        for (id, qty) in [("12061", "30g"), ("11457", "1 cup")] {
            let food = catalog.food(id).expect("catalog read").expect("food in the catalog");
            let entry =
                new_entry(&food, qty, today, Meal::Lunch, "2026-01-05T12:00:00+00:00".into()).expect("entry");
            diary.add_entry(&entry).expect("add entry");
        }
        let profile = diary.profile().unwrap_or_default();
        let mut runtime = Runtime::new(diary, catalog).expect("runtime");
        let mut state = AppState::new(today, Meal::Lunch, profile);
        dispatch(&mut state, &mut runtime, Action::ExternalChange);
        assert_eq!(state.entries.len(), 2, "the day loaded");
        dispatch(&mut state, &mut runtime, Action::OpenSearch);
        assert!(state.search.is_some(), "search is open");
        let terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
        Bench { state, runtime, terminal, theme: Theme::new(false), keys: keys(), next: 0, _dir: dir }
    }

    fn next_key(&mut self) -> Action {
        let a = self.keys[self.next % self.keys.len()].clone();
        self.next += 1;
        a
    }

    fn key(&mut self) {
        let a = self.next_key();
        dispatch(&mut self.state, &mut self.runtime, a);
    }

    fn draw(&mut self) {
        let (state, theme) = (&self.state, &self.theme);
        self.terminal.draw(|f| ui::draw(f, state, theme)).expect("draw");
    }

    /// Whether the screen shows `text` now.
    fn shows(&self, text: &str) -> bool {
        let buf = self.terminal.backend().buffer();
        let s: String = buf.content().iter().map(|c| c.symbol()).collect();
        s.contains(text)
    }
}

impl Bench {
    fn send(&mut self, a: Action) {
        dispatch(&mut self.state, &mut self.runtime, a);
    }

    fn query(&self) -> &str {
        self.state.search.as_ref().map_or("", |s| s.query.as_str())
    }

    /// Times `key` and its frame `iters` times, from the state `back` returns to (untimed).
    fn time_key(&mut self, iters: u64, key: &Action, back: &Action) -> Duration {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            let t = Instant::now();
            self.send(key.clone());
            self.draw();
            total += t.elapsed();
            black_box(&self.state);
            self.send(back.clone());
            self.draw();
        }
        total
    }
}

fn key_and_frame(c: &mut Criterion) {
    let mut b = Bench::new();
    // Sanity: typing "almonds" lists the almonds; erasing it browses again.
    for _ in 0..7 {
        b.key();
    }
    b.draw();
    assert!(b.shows("Nuts, almonds"), "search for almonds drawn");
    for _ in 0..7 {
        b.key();
    }
    b.draw();
    assert_eq!(b.query(), "", "back to browsing");

    // One key press and its frame, per query it leads to: each iteration starts from the
    // query one letter shorter (restored untimed by a backspace), so every sample is alike.
    let mut group = c.benchmark_group("app_key_and_frame");
    group.sample_size(50);
    for (i, ch) in "almonds".char_indices() {
        let query = &"almonds"[..i + ch.len_utf8()];
        assert_eq!(b.query(), &query[..i]);
        group.bench_function(BenchmarkId::from_parameter(format!("type {ch} -> {query}")), |bench| {
            bench.iter_custom(|iters| b.time_key(iters, &Action::Type(ch), &Action::Backspace))
        });
        b.send(Action::Type(ch));
        b.draw();
    }
    // And back: erasing the last letter browses again (the richest in magnesium).
    for _ in 0..6 {
        b.send(Action::Backspace);
    }
    b.draw();
    assert_eq!(b.query(), "a");
    group.bench_function(BenchmarkId::from_parameter("backspace -> browse"), |bench| {
        bench.iter_custom(|iters| b.time_key(iters, &Action::Backspace, &Action::Type('a')))
    });
    group.finish();
    b.send(Action::Backspace);
    assert_eq!(b.query(), "", "browsing before the cycle");

    let mut group = c.benchmark_group("app");
    group.sample_size(50);
    // The whole cycle of 14 keys (type "almonds", erase it) per iteration.
    b.next = 0;
    group.bench_function("cycle_14_keys_with_frames", |bench| {
        bench.iter(|| {
            for _ in 0..14 {
                b.key();
                b.draw();
            }
            black_box(&b.state);
        })
    });
    // Drawing alone, with the almonds results on screen.
    for _ in 0..7 {
        b.key();
    }
    assert_eq!(b.query(), "almonds");
    b.draw();
    group.bench_function("frame_only", |bench| bench.iter(|| b.draw()));
    group.finish();

    raw_percentiles();
}

/// `RAW_KEYS` key presses, each with its frame, timed one by one.
fn raw_percentiles() {
    let mut b = Bench::new();
    for _ in 0..b.keys.len() * 2 {
        b.key();
        b.draw();
    }
    b.next = 0;
    let mut all: Vec<Duration> = Vec::with_capacity(RAW_KEYS);
    let mut typing: Vec<Duration> = Vec::new();
    let mut erasing: Vec<Duration> = Vec::new();
    // By position in the cycle, labelled with the query the key leaves behind.
    let mut by_step: Vec<(String, Vec<Duration>)> = Vec::new();
    for _ in 0..RAW_KEYS {
        let step = b.next % b.keys.len();
        let erase = matches!(b.keys[step], Action::Backspace);
        let t = Instant::now();
        b.key();
        b.draw();
        let d = t.elapsed();
        all.push(d);
        if erase {
            erasing.push(d);
        } else {
            typing.push(d);
        }
        if by_step.len() <= step {
            let query = b.state.search.as_ref().map(|s| s.query.to_string()).unwrap_or_default();
            let key = match &b.keys[step] {
                Action::Type(c) => format!("type {c}"),
                _ => "backspace".to_string(),
            };
            by_step.push((format!("{key} -> {query:?}"), Vec::new()));
        }
        by_step[step].1.push(d);
    }
    println!("\nraw loop: {RAW_KEYS} key presses (dispatch + draw, {WIDTH}x{HEIGHT}), per key:");
    report("all keys", &mut all);
    report("typing a-l-m-o-n-d-s", &mut typing);
    report("backspace (down to browse)", &mut erasing);
    println!("by key (query after it; \"\" = browse by magnesium):");
    for (label, samples) in &mut by_step {
        report(label, samples);
    }
}

fn report(what: &str, samples: &mut [Duration]) {
    samples.sort_unstable();
    let pct = |p: f64| {
        let i = ((samples.len() as f64 * p).ceil() as usize).clamp(1, samples.len()) - 1;
        samples[i]
    };
    let mean = samples.iter().sum::<Duration>() / samples.len() as u32;
    println!(
        "  {what:<30} n={:<5} mean {:>9.3?}  p50 {:>9.3?}  p90 {:>9.3?}  p99 {:>9.3?}  max {:>9.3?}",
        samples.len(),
        mean,
        pct(0.50),
        pct(0.90),
        pct(0.99),
        samples[samples.len() - 1]
    );
}

/// Start-up to the first frame, minus the process and the terminal: what `tui::run` does
/// before it draws, then the frame, at 100x30.
fn first_frame(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date");
    let tmp = tempfile::tempdir().expect("temp dir");
    let (new, ten) = (tmp.path().join("new"), tmp.path().join("ten-years"));
    std::fs::create_dir_all(&new).expect("data dir");
    {
        let catalog = Catalog::open(&new.join("catalog.db"), || {}).expect("catalog");
        let mut diary = Diary::open(&new.join("diary.db")).expect("diary");
        let food = catalog.food("12061").expect("catalog read").expect("almonds");
        let entry = new_entry(&food, "30g", today, Meal::Lunch, "2026-11-30T12:00:00+00:00".into());
        diary.add_entry(&entry.expect("entry")).expect("add entry");
    }
    ten_years::write(&ten, today).expect("ten years");
    let theme = Theme::new(false);
    let mut group = c.benchmark_group("first_frame");
    group.sample_size(50);
    for (name, dir) in [("new", &new), ("ten_years", &ten)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let diary = Diary::open(&dir.join("diary.db")).expect("diary");
                let catalog = Catalog::open(&dir.join("catalog.db"), || {}).expect("catalog");
                let profile = diary.profile().unwrap_or_default();
                let mut runtime = Runtime::new(diary, catalog).expect("runtime");
                let mut state = AppState::new(today, Meal::Lunch, profile);
                dispatch(&mut state, &mut runtime, Action::ExternalChange);
                let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
                terminal.draw(|f| ui::draw(f, &state, &theme)).expect("draw");
                black_box(terminal.backend().buffer().content().len())
            })
        });
    }
    group.finish();
}

/// A key in the trends pane on ten years of diary, with the frame drawn after it: the range
/// key (7 days, 4 weeks, 12 weeks, 12 months, round again; each iteration the next) and `[`
/// / `]` (a week back or forward, which loads that day and its range).
fn trends_keys(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date");
    let tmp = tempfile::tempdir().expect("temp dir");
    let ten = tmp.path().join("ten-years");
    ten_years::write(&ten, today).expect("ten years");
    let theme = Theme::new(false);
    let diary = Diary::open(&ten.join("diary.db")).expect("diary");
    let catalog = Catalog::open(&ten.join("catalog.db"), || {}).expect("catalog");
    let profile = diary.profile().unwrap_or_default();
    let mut runtime = Runtime::new(diary, catalog).expect("runtime");
    let mut state = AppState::new(today, Meal::Lunch, profile);
    dispatch(&mut state, &mut runtime, Action::ExternalChange);
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    let mut group = c.benchmark_group("trends_keys");
    group.sample_size(60);
    group.bench_function("range/ten_years", |b| {
        b.iter(|| {
            dispatch(&mut state, &mut runtime, Action::ToggleTrendRange);
            terminal.draw(|f| ui::draw(f, &state, &theme)).expect("draw");
            black_box(terminal.backend().buffer().content().len())
        })
    });
    let mut back = true;
    group.bench_function("week_step/ten_years", |b| {
        b.iter(|| {
            let step = if back { Action::WeekBack } else { Action::WeekForward };
            back = !back;
            dispatch(&mut state, &mut runtime, step);
            terminal.draw(|f| ui::draw(f, &state, &theme)).expect("draw");
            black_box(terminal.backend().buffer().content().len())
        })
    });
    group.finish();
}

criterion_group!(benches, first_frame, key_and_frame, trends_keys);
criterion_main!(benches);
