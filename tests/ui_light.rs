//! The light theme on a white terminal: every screen drawn in it keeps its text dark (no
//! white, yellow, bright or light grey text unless on a dark background), and a snapshot of
//! the main screen with each cell's colours, run by run, holds the palette in place.

mod common;

use chrono::NaiveDate;
use marrow::domain::day::DaySummary;
use marrow::domain::{Entry, Food, Meal, Profile, Sex};
use marrow::service::DayReport;
use marrow::tui::action::Action;
use marrow::tui::app::update;
use marrow::tui::state::{AppState, StatusKind};
use marrow::tui::ui::render;
use marrow::tui::ui::theme::{Palette, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use common::foods::food;

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn entry(id: i64, meal: Meal, f: &Food, grams: f64) -> Entry {
    Entry {
        id,
        date: date(25),
        meal,
        food_id: f.id.clone(),
        food_name: f.name.clone(),
        grams,
        quantity: format!("{grams}g"),
        logged_at: String::new(),
        per_100g: f.per_100g,
    }
}

/// A day with a nutrient met, one half way and one far below (each gauge colour), a week of
/// trends, an entry selected and an error on the status line.
fn seeded() -> AppState {
    let profile = Profile { sex: Sex::Female, age: 54, default: false, ..Profile::default() };
    let mut s = AppState::new(date(25), Meal::Lunch, profile.clone());
    let seeds = food("12", "Pumpkin seeds", 592.0, 46.0, None);
    let milk = food("1079", "Milk, 2%", 11.0, 120.0, Some(1.2));
    let entries = vec![entry(1, Meal::Breakfast, &milk, 500.0), entry(2, Meal::Lunch, &seeds, 60.0)];
    let days: Vec<DaySummary> = (19..=25)
        .map(|d| {
            let e = if d == 25 {
                entries.clone()
            } else {
                vec![entry(d.into(), Meal::Lunch, &seeds, 10.0 * f64::from(d))]
            };
            DaySummary::new(date(d), &e, &profile)
        })
        .collect();
    update(&mut s, Action::DayLoaded(DayReport::new(date(25), profile, entries, vec![], days.clone())));
    update(&mut s, Action::TrendLoaded { end: date(25), days });
    update(&mut s, Action::SelectNext);
    s.set_status(StatusKind::Error, "unknown command \"frobnicate\"");
    s
}

fn draw(s: &AppState, theme: &Theme) -> Buffer {
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    render(area, &mut buf, s, theme);
    buf
}

/// Text colours a white background washes out.
fn washed_out(c: Color) -> bool {
    matches!(
        c,
        Color::White
            | Color::Gray
            | Color::Yellow
            | Color::LightYellow
            | Color::LightCyan
            | Color::LightGreen
            | Color::LightBlue
            | Color::LightMagenta
            | Color::LightRed
            | Color::Cyan
    )
}

/// Cells whose text a white terminal would not show well: a light colour on the terminal's
/// own (white) background, or reversed onto a light one.
fn unreadable(buf: &Buffer) -> Vec<String> {
    let mut bad = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            if c.symbol().trim().is_empty() {
                continue;
            }
            let on_white = c.bg == Color::Reset;
            if (on_white && washed_out(c.fg)) || (c.modifier.contains(Modifier::REVERSED) && washed_out(c.fg))
            {
                bad.push(format!("({x},{y}) {:?} {:?} on {:?}", c.symbol(), c.fg, c.bg));
            }
        }
    }
    bad
}

/// Each row's text, then its runs of colour: "3-10 Blue/Reset b" (b: bold, r: reversed).
fn dump(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let text: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol().to_string()).collect();
        out.push_str(&format!("{y:>2} {text}\n"));
        let mut runs = Vec::new();
        let mut start = 0;
        let look = |x: u16| {
            let c = &buf[(x, y)];
            let m = format!(
                "{}{}",
                if c.modifier.contains(Modifier::BOLD) { "b" } else { "" },
                if c.modifier.contains(Modifier::REVERSED) { "r" } else { "" }
            );
            format!("{:?}/{:?}{}{m}", c.fg, c.bg, if m.is_empty() { "" } else { " " })
        };
        for x in 1..=buf.area.width {
            if x == buf.area.width || look(x) != look(start) {
                runs.push(format!("{start}-{} {}", x - 1, look(start)));
                start = x;
            }
        }
        out.push_str(&format!("   {}\n", runs.join(" · ")));
    }
    out
}

#[test]
fn the_light_theme_keeps_every_screen_readable_on_white() {
    let light = Theme::build(Palette::Light, &Default::default(), false);
    let mut s = seeded();
    let mut screens = vec![("main", draw(&s, &light))];
    update(&mut s, Action::OpenHelp);
    screens.push(("help", draw(&s, &light)));
    update(&mut s, Action::Close);
    update(&mut s, Action::OpenDatePrompt);
    for c in "goto someday".chars() {
        update(&mut s, Action::Type(c));
    }
    update(&mut s, Action::Confirm);
    screens.push(("command line", draw(&s, &light)));
    update(&mut s, Action::Close);
    update(&mut s, Action::OpenSearch);
    update(
        &mut s,
        Action::SearchResults {
            query: String::new(),
            foods: vec![food("12", "Pumpkin seeds", 592.0, 46.0, None)],
        },
    );
    screens.push(("search", draw(&s, &light)));
    for (name, buf) in &screens {
        let bad = unreadable(buf);
        assert!(
            bad.is_empty(),
            "{name}: {} cells hard to read on white: {:?}",
            bad.len(),
            &bad[..bad.len().min(8)]
        );
    }
    // The default theme, made for dark terminals, would fail the same check.
    assert!(!unreadable(&draw(&seeded(), &Theme::new(false))).is_empty(), "the check sees light text");
}

#[test]
fn the_light_theme_snapshot() {
    let light = Theme::build(Palette::Light, &Default::default(), false);
    insta::assert_snapshot!(dump(&draw(&seeded(), &light)));
}
