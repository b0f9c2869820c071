//! Snapshot and drawing tests of the trends pane: each range (7 days, 4 weeks, 12 weeks, 12
//! months) at 80x24 and 120x40 over a diary with days not logged, a supplement-only day,
//! supplements, and vitamin D unknown on some days; nothing cut at 80x24; vitamin D in IU; no
//! panic at any size; and the date prompt.

mod common;

use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use marrow::domain::day::DaySummary;
use marrow::domain::supplement::Supplement;
use marrow::domain::{Entry, Food, Meal, Nutrient, Profile, Sex};
use marrow::service::DayReport;
use marrow::tui::action::Action;
use marrow::tui::app::update;
use marrow::tui::state::{AppState, TrendRange};
use marrow::tui::ui::{draw, theme::Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use common::foods::food;

const END: (i32, u32, u32) = (2026, 11, 25);

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(END.0, END.1, END.2).unwrap()
}

fn entry(id: i64, date: NaiveDate, f: &Food, grams: f64) -> Entry {
    Entry {
        id,
        date,
        meal: Meal::Lunch,
        food_id: f.id.clone(),
        food_name: f.name.clone(),
        grams,
        quantity: format!("{grams}g"),
        logged_at: String::new(),
        per_100g: f.per_100g,
    }
}

fn dose(id: i64, date: NaiveDate, nutrient: Nutrient, amount: f64) -> Supplement {
    Supplement {
        id,
        date,
        time: NaiveTime::from_hms_opt(8, 0, 0),
        nutrient,
        amount,
        form: None,
        logged_at: String::new(),
    }
}

/// A woman of 54: Mg 320 mg (EAR 265), Ca 1200 mg (EAR 1000), vitamin D 15 µg (EAR 10).
fn profile() -> Profile {
    Profile { sex: Sex::Female, age: 54, default: false, ..Profile::default() }
}

/// A day of the diary, `i` days before the end: milk and almonds in amounts that vary; every
/// 5th day not logged, the day before the end with supplements only; a magnesium and
/// vitamin D dose every 4th day; dark chocolate (vitamin D unknown) every 6th.
fn day(i: u64) -> DaySummary {
    let date = end().checked_sub_days(Days::new(i)).unwrap();
    let milk = food("01077", "Milk", 10.0, 113.0, Some(1.3));
    let almonds = food("12061", "Almonds", 270.0, 269.0, Some(0.0));
    let chocolate = food("19904", "Chocolate, dark", 228.0, 73.0, None);
    let k = (date.ordinal() % 7) as f64;
    let mut entries = Vec::new();
    let mut doses = Vec::new();
    if i % 5 != 3 && i != 1 {
        entries.push(entry(1, date, &milk, 300.0 + 60.0 * k));
        entries.push(entry(2, date, &almonds, 20.0 + 8.0 * k));
        if i % 6 == 2 {
            entries.push(entry(3, date, &chocolate, 30.0));
        }
    }
    if i.is_multiple_of(4) || i == 1 {
        doses.push(dose(1, date, Nutrient::Magnesium, 100.0));
        doses.push(dose(2, date, Nutrient::VitaminD, 10.0));
    }
    DaySummary::with_supplements(date, &entries, &doses, &profile())
}

/// The app on the end date with the trend for `range` loaded (a year of days).
fn app(range: TrendRange, iu: bool) -> AppState {
    let mut s = AppState::new(end(), Meal::Lunch, profile());
    s.vitamin_d_iu = iu;
    let today = day(0);
    let week: Vec<DaySummary> = (0..7).rev().map(day).collect();
    let report = DayReport::new(end(), profile(), vec![], vec![], week);
    update(&mut s, Action::DayLoaded(DayReport { summary: today, ..report }));
    while s.trend_range != range {
        update(&mut s, Action::ToggleTrendRange);
    }
    let span = range.span(end());
    let days = (0..span.len() as u64).rev().map(day).collect();
    update(&mut s, Action::TrendLoaded { end: end(), days });
    s
}

fn screen(state: &AppState, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, state, &Theme::new(true))).unwrap();
    t.backend().to_string()
}

const RANGES: [(TrendRange, &str); 4] = [
    (TrendRange::Week, "week"),
    (TrendRange::FourWeeks, "four_weeks"),
    (TrendRange::Weeks, "twelve_weeks"),
    (TrendRange::Months, "twelve_months"),
];

#[test]
fn each_range_at_80x24_and_120x40() {
    for (range, name) in RANGES {
        let s = app(range, false);
        insta::assert_snapshot!(format!("{name}_80x24"), screen(&s, 80, 24));
        insta::assert_snapshot!(format!("{name}_120x40"), screen(&s, 120, 40));
    }
}

/// The pane's inside at 80x24: the rows between its borders, right of the log.
fn pane(text: &str) -> Vec<String> {
    text.lines()
        .skip_while(|l| !l.contains("┐┌"))
        .skip(1)
        .take_while(|l| !l.contains("┘└"))
        .map(|l| l.rsplit('│').nth(1).unwrap_or("").to_string())
        .collect()
}

#[test]
fn nothing_is_cut_at_80x24() {
    for (range, name) in RANGES {
        let text = screen(&app(range, false), 80, 24);
        let rows = pane(&text);
        let all = rows.join("\n");
        for n in ["Mg", "Ca", "D "] {
            assert!(rows.iter().any(|r| r.starts_with(n) && r.contains("avg")), "{name}: {n}\n{text}");
        }
        assert!(all.contains('─') && all.contains('╌'), "{name}: target and EAR lines\n{text}");
        assert!(all.contains('▒'), "{name}: supplements told apart\n{text}");
        assert!(all.contains('≥'), "{name}: partly unknown marked\n{text}");
        assert!(all.contains("█food ▒supp"), "{name}: the legend\n{text}");
        assert!(!text.contains("the last"), "{name}: every bar shown\n{text}");
        assert!(text.contains(": date"), "{name}: the keys named\n{text}");
    }
    // The daily ranges show the day not logged as a gap.
    let rows = pane(&screen(&app(TrendRange::Week, false), 80, 24));
    assert!(rows.iter().any(|r| r.contains('·')), "{rows:?}");
}

#[test]
fn vitamin_d_reads_in_iu() {
    for (range, name) in RANGES {
        for (w, h) in [(80, 24), (120, 40)] {
            let text = screen(&app(range, true), w, h);
            let rows = pane(&text).join("\n");
            assert!(rows.contains("IU"), "{name} {w}x{h}\n{text}");
            assert!(!text.contains("µg"), "{name} {w}x{h}\n{text}");
        }
    }
}

#[test]
fn every_size_draws_without_panicking() {
    for (range, _) in RANGES {
        let mut s = app(range, false);
        for w in [1u16, 2, 5, 19, 20, 21, 39, 40, 59, 60, 61, 80, 100, 120, 200] {
            for h in [1u16, 2, 4, 5, 6, 15, 16, 17, 20, 24, 40, 60] {
                screen(&s, w, h);
            }
        }
        update(&mut s, Action::OpenDatePrompt);
        for w in [20u16, 40, 60, 80, 120] {
            screen(&s, w, 24);
        }
    }
}

#[test]
fn the_date_prompt_says_why_a_date_is_refused() {
    let mut s = app(TrendRange::Week, false);
    update(&mut s, Action::OpenDatePrompt);
    insta::assert_snapshot!("date_prompt_80x24", screen(&s, 80, 24));
    for c in "2026-02-30".chars() {
        update(&mut s, Action::Type(c));
    }
    update(&mut s, Action::Confirm);
    let text = screen(&s, 80, 24);
    assert!(text.contains("Command") && text.contains("2026-02-30"), "{text}");
    assert!(text.contains("can't read the date"), "{text}");
}
