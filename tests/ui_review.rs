//! The review overlay (`R`) over a real diary: the week of `tests/review.rs` read by
//! `service::review` as the app's runtime reads it, drawn at 80x24 and 120x40 (snapshots),
//! every line reachable by scrolling at 80x24, vitamin D in IU, the month, and no panic at any
//! size.

mod common;

use chrono::NaiveDate;
use marrow::domain::period::Period;
use marrow::domain::{Meal, Profile};
use marrow::service::review::review;
use marrow::store::{Catalog, Diary};
use marrow::tui::action::Action;
use marrow::tui::app::update;
use marrow::tui::effect::Effect;
use marrow::tui::state::AppState;
use marrow::tui::ui::{draw, theme::Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use common::Env;

/// Mon 5 to Sun 11 Jan 2026 with an empty day, a day of supplements only and vitamin D
/// unknown on one day, and two days of the week before.
fn logged_week() -> Env {
    let env = Env::new();
    let log = |food: &str, qty: &str, date: &str| env.ok(&["log", "add", food, qty, "--date", date]);
    let dose = |args: &[&str]| env.ok(&[&["supplement", "add"], args].concat());
    log("12061", "30g", "2026-01-01");
    log("12061", "50g", "2026-01-02");
    log("12061", "100g", "2026-01-05");
    log("12061", "100g", "2026-01-06");
    log("01077", "1 cup", "2026-01-06");
    log("19904", "100g", "2026-01-07");
    log("12061", "50g", "2026-01-07");
    dose(&["magnesium", "300 mg", "--date", "2026-01-09"]);
    dose(&["vitamin-d", "25 µg", "--date", "2026-01-09"]);
    log("12061", "100g", "2026-01-10");
    dose(&["magnesium", "100 mg", "--form", "glycinate", "--date", "2026-01-10"]);
    log("01077", "2 cups", "2026-01-11");
    dose(&["vitamin-d", "10 µg", "--date", "2026-01-11"]);
    env
}

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 11).unwrap()
}

/// The app on Sun 11 Jan with the review open, its effect run against the real files.
fn app(env: &Env, iu: bool, month: bool) -> AppState {
    let diary = Diary::open_for_reading(&env.diary_path()).unwrap();
    let catalog = Catalog::open(&env.catalog_path(), || {}).unwrap();
    let mut s = AppState::new(end(), Meal::Lunch, Profile::default());
    s.vitamin_d_iu = iu;
    let mut fx = update(&mut s, Action::OpenReview);
    if month {
        fx = update(&mut s, Action::ToggleReviewPeriod);
    }
    let [Effect::Review(period)] = fx.as_slice() else { panic!("{fx:?}") };
    let r = review(&diary, &catalog, *period).unwrap();
    update(&mut s, Action::ReviewLoaded(Box::new(r)));
    s
}

fn screen(state: &AppState, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, state, &Theme::new(true))).unwrap();
    t.backend().to_string()
}

#[test]
fn the_week_at_80x24_and_120x40() {
    let env = logged_week();
    let s = app(&env, false, false);
    insta::assert_snapshot!("week_80x24", screen(&s, 80, 24));
    insta::assert_snapshot!("week_120x40", screen(&s, 120, 40));
}

/// Every page at 80x24, scrolled to the end, joined.
fn pages(s: &mut AppState) -> String {
    let mut all = String::new();
    for _ in 0..40 {
        all.push_str(&screen(s, 80, 24));
        update(s, Action::PageDown);
    }
    all
}

#[test]
fn every_figure_is_reachable_at_80x24() {
    let env = logged_week();
    let mut s = app(&env, false, false);
    let all = pages(&mut s);
    for want in [
        "Review of 2026-01-05 to 2026-01-11 (7 days)",
        "Magnesium (mg)",
        "Calcium (mg)",
        "Vitamin D (µg)",
        "target (RDA/AI)",
        "days below EAR, food + supplements: ",
        "days at target, food + supplements: ",
        "foods that gave most",
        "supplements added",
        "previous period → now",
        "Ca:Mg",
        "Most often short",
        "Educational, not medical advice",
    ] {
        assert!(all.contains(want), "{want}\n{all}");
    }
    // Scrolled to the end, nothing more is said to be below.
    assert!(!screen(&s, 80, 24).contains("more lines"), "{}", screen(&s, 80, 24));
}

#[test]
fn vitamin_d_reads_in_iu_and_the_month_is_30_days() {
    let env = logged_week();
    let all = pages(&mut app(&env, true, false));
    assert!(all.contains("Vitamin D (IU)"), "{all}");
    assert!(!all.contains("µg"), "{all}");
    let s = app(&env, false, true);
    let text = screen(&s, 120, 40);
    assert!(text.contains("2025-12-13 to 2026-01-11 (30 days)"), "{text}");
    assert_eq!(
        s.review.as_ref().unwrap().period,
        Period::new(NaiveDate::from_ymd_opt(2025, 12, 13).unwrap(), end())
    );
}

#[test]
fn every_size_draws_without_panicking() {
    let env = logged_week();
    let mut s = app(&env, false, false);
    for _ in 0..3 {
        for w in [1u16, 2, 5, 19, 20, 21, 39, 40, 59, 60, 61, 80, 100, 120, 200] {
            for h in [1u16, 2, 4, 5, 6, 15, 16, 17, 20, 24, 40, 60] {
                screen(&s, w, h);
            }
        }
        update(&mut s, Action::ListBottom);
    }
    update(&mut s, Action::Close);
    assert!(s.review.is_none());
}
