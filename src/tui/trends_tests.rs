//! State tests of the trends: the range key cycles 7 days, 4 weeks, 12 weeks and 12 months
//! and reads the diary only when the days held fall short; `[` and `]` step a week; the date
//! prompt shows a typed date or keeps open with the reason it cannot.

use chrono::NaiveDate;

use crate::domain::day::DaySummary;
use crate::domain::{Meal, Profile};
use crate::tui::action::Action;
use crate::tui::app::update;
use crate::tui::effect::Effect;
use crate::tui::state::{AppState, Focus, TrendRange};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn state() -> AppState {
    AppState::new(date(2026, 11, 25), Meal::Lunch, Profile::default())
}

/// The trend's days as the runtime would send them for the state's range.
fn loaded(s: &mut AppState) {
    let span = s.trend_range.span(s.date);
    let days = span.dates().map(|d| DaySummary::new(d, &[], &s.profile)).collect();
    update(s, Action::TrendLoaded { end: s.date, days });
}

fn trend_load(end: NaiveDate, days: u32) -> Vec<Effect> {
    vec![Effect::LoadTrend { end, days }]
}

#[test]
fn the_range_key_cycles_four_ranges_with_their_periods() {
    let mut s = state();
    let end = s.date;
    assert_eq!(s.trend_range, TrendRange::Week);
    assert_eq!(update(&mut s, Action::ToggleTrendRange), trend_load(end, 28));
    assert_eq!(s.trend_range, TrendRange::FourWeeks);
    assert_eq!(update(&mut s, Action::ToggleTrendRange), trend_load(end, 84));
    assert_eq!(s.trend_range, TrendRange::Weeks);
    // 12 calendar months: 1 Dec 2025 to 25 Nov 2026.
    assert_eq!(update(&mut s, Action::ToggleTrendRange), trend_load(end, 360));
    assert_eq!(s.trend_range, TrendRange::Months);
    let months = TrendRange::Months.periods(end);
    assert_eq!(months.len(), 12);
    assert_eq!(months[0].first, date(2025, 12, 1));
    assert_eq!(months[11].first, date(2026, 11, 1));
    assert_eq!(months[11].last, end);
    let weeks = TrendRange::Weeks.periods(end);
    assert_eq!(weeks.len(), 12);
    assert!(weeks.iter().all(|w| w.len() == 7));
    assert_eq!(TrendRange::FourWeeks.periods(end).len(), 28);
    update(&mut s, Action::ToggleTrendRange);
    assert_eq!(s.trend_range, TrendRange::Week);
}

#[test]
fn the_range_key_reads_the_diary_only_when_the_days_held_fall_short() {
    let mut s = state();
    s.trend_range = TrendRange::Months;
    loaded(&mut s);
    assert_eq!(s.trend.len(), 360);
    // A year held covers every shorter range ending on the same day: no read.
    for range in [TrendRange::Week, TrendRange::FourWeeks, TrendRange::Weeks] {
        assert_eq!(update(&mut s, Action::ToggleTrendRange), vec![], "{range:?}");
        assert_eq!(s.trend_range, range);
    }
    assert_eq!(update(&mut s, Action::ToggleTrendRange), vec![], "the year again");
    // Seven days held do not cover four weeks.
    s.trend_range = TrendRange::Week;
    loaded(&mut s);
    assert_eq!(update(&mut s, Action::ToggleTrendRange), trend_load(s.date, 28));
}

#[test]
fn a_trend_for_another_end_is_dropped() {
    let mut s = state();
    let days = vec![DaySummary::new(date(2026, 11, 1), &[], &s.profile)];
    update(&mut s, Action::TrendLoaded { end: date(2026, 11, 1), days });
    assert!(s.trend.is_empty());
}

#[test]
fn brackets_step_the_shown_date_by_a_week() {
    let mut s = state();
    s.trend_range = TrendRange::Weeks;
    let fx = update(&mut s, Action::WeekBack);
    assert_eq!(s.date, date(2026, 11, 18));
    assert_eq!(
        fx,
        vec![Effect::LoadDay(date(2026, 11, 18)), Effect::LoadTrend { end: date(2026, 11, 18), days: 84 }]
    );
    update(&mut s, Action::WeekForward);
    update(&mut s, Action::WeekForward);
    assert_eq!(s.date, date(2026, 12, 2));
    assert_eq!(s.selected, 0);
}

fn typed(s: &mut AppState, text: &str) {
    for c in text.chars() {
        update(s, Action::Type(c));
    }
}

#[test]
fn the_date_prompt_shows_the_date_typed() {
    let mut s = state();
    update(&mut s, Action::OpenDatePrompt);
    assert_eq!(s.focus(), Focus::Date);
    assert!(s.typing(), "letters type in the prompt");
    typed(&mut s, "2026-03-14");
    let fx = update(&mut s, Action::Confirm);
    assert_eq!(s.date, date(2026, 3, 14));
    assert_eq!(s.focus(), Focus::Log);
    assert_eq!(
        fx,
        vec![Effect::LoadDay(date(2026, 3, 14)), Effect::LoadTrend { end: date(2026, 3, 14), days: 7 }]
    );
    for (word, want) in
        [("yesterday", date(2026, 11, 24)), ("today", date(2026, 11, 25)), (" Today ", s.today)]
    {
        update(&mut s, Action::OpenDatePrompt);
        typed(&mut s, word);
        update(&mut s, Action::Confirm);
        assert_eq!(s.date, want, "{word:?}");
    }
}

#[test]
fn a_bad_date_keeps_the_prompt_open_with_one_line_why() {
    let mut s = state();
    update(&mut s, Action::OpenDatePrompt);
    typed(&mut s, "2026-02-30");
    assert_eq!(update(&mut s, Action::Confirm), vec![]);
    let p = s.jump.as_ref().expect("still open");
    let error = p.error.clone().expect("says why");
    assert!(error.contains("2026-02-30") && !error.contains('\n'), "{error}");
    assert_eq!(s.date, date(2026, 11, 25), "the shown date is kept");
    // Typing again clears the reason; Esc closes without a change.
    update(&mut s, Action::Backspace);
    assert_eq!(s.jump.as_ref().unwrap().error, None);
    assert_eq!(update(&mut s, Action::Close), vec![]);
    assert_eq!(s.focus(), Focus::Log);
    assert_eq!(s.date, date(2026, 11, 25));
}

#[test]
fn the_keys_are_in_the_keymap() {
    let s = state();
    for (name, key) in [("trends", "w"), ("week_back", "["), ("week_forward", "]"), ("go_to_date", ":")] {
        assert_eq!(s.keys.key_in(Focus::Log, name).as_deref(), Some(key), "{name}");
    }
}
