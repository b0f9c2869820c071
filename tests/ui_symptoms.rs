//! The symptom view in the app over a real diary: cramps 6 on three days before a magnesium
//! supplement starts and 2 on three days from then on, read as the runtime reads it and drawn
//! at 80x24 with the comparison and its caveat; the day's notes and scores under the log.

mod common;

use chrono::NaiveDate;
use marrow::domain::{Meal, Profile};
use marrow::service::{day_report, symptoms};
use marrow::store::Diary;
use marrow::tui::action::Action;
use marrow::tui::app::update;
use marrow::tui::effect::Effect;
use marrow::tui::state::AppState;
use marrow::tui::ui::{draw, theme::Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use common::Env;

fn logged() -> Env {
    let env = Env::new();
    for day in ["2026-03-01", "2026-03-02", "2026-03-03"] {
        env.ok(&["symptom", "add", "cramps", "6", "--date", day]);
    }
    for day in ["2026-03-04", "2026-03-05", "2026-03-06"] {
        env.ok(&["supplement", "add", "magnesium", "200 mg", "--date", day]);
        env.ok(&["symptom", "add", "cramps", "2", "--date", day]);
    }
    env.ok(&["note", "add", "started magnesium glycinate", "--date", "2026-03-04"]);
    env
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()
}

fn screen(state: &AppState, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, state, &Theme::new(true))).unwrap();
    t.backend().to_string()
}

#[test]
fn the_view_shows_the_comparison_with_its_caveat_at_80x24() {
    let env = logged();
    let diary = Diary::open_for_reading(&env.diary_path()).unwrap();
    let mut s = AppState::new(day(), Meal::Lunch, Profile::default());
    update(&mut s, Action::DayLoaded(day_report(&diary, day()).unwrap()));
    let fx = update(&mut s, Action::OpenSymptomView);
    let [Effect::LoadSymptomView { name, nutrient }] = fx.as_slice() else { panic!("{fx:?}") };
    let (names, view) = symptoms::overlay(&diary, name.as_deref(), *nutrient).unwrap();
    update(&mut s, Action::SymptomViewLoaded(names, view.map(Box::new)));
    let shown = screen(&s, 80, 24);
    assert!(shown.contains("6.0 (3 days with a score)"), "{shown}");
    assert!(shown.contains("2.0 (3 days with a score)"), "{shown}");
    assert!(shown.contains("Cochrane"), "{shown}");
    insta::assert_snapshot!("symptom_view_80x24", shown);
    for (w, h) in [(20, 5), (40, 10), (60, 16), (200, 60)] {
        screen(&s, w, h);
    }
}

#[test]
fn the_days_notes_and_scores_show_under_the_log() {
    let env = logged();
    let diary = Diary::open_for_reading(&env.diary_path()).unwrap();
    let mut s = AppState::new(day(), Meal::Lunch, Profile::default());
    update(&mut s, Action::DayLoaded(day_report(&diary, day()).unwrap()));
    let shown = screen(&s, 120, 40);
    assert!(shown.contains("cramps 2/10"), "{shown}");
    assert!(shown.contains("started magnesium glycinate"), "{shown}");
}
