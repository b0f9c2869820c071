//! Every hint a person reads about keys follows the config: with undo rebound, no overlay's
//! bottom line, pane note or status message says `u` for undo, and the search overlay names
//! the sort key as bound. A waiting first key of a sequence shows on the status line.

use chrono::NaiveDate;
use marrow::config::Config;
use marrow::domain::supplement::Supplement;
use marrow::domain::{Entry, Meal, Nutrient, NutrientValues, Profile};
use marrow::tui::action::{Action, Batch};
use marrow::tui::app::update;
use marrow::tui::state::AppState;
use marrow::tui::ui::{render, theme::Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn entry(id: i64) -> Entry {
    Entry {
        id,
        date: day(),
        meal: Meal::Lunch,
        food_id: "12061".into(),
        food_name: "Nuts, almonds".into(),
        grams: 30.0,
        quantity: "30g".into(),
        logged_at: String::new(),
        per_100g: NutrientValues::unknown(),
    }
}

fn dose() -> Supplement {
    Supplement {
        id: 7,
        date: day(),
        time: None,
        nutrient: Nutrient::Magnesium,
        amount: 200.0,
        form: None,
        logged_at: String::new(),
    }
}

fn state(config: &str) -> AppState {
    let mut s = AppState::new(day(), Meal::Lunch, Profile::default());
    s.keys = Config::parse(config).unwrap().keymap();
    s
}

/// The screen as text, one row a line.
fn screen(s: &AppState) -> String {
    let area = Rect::new(0, 0, 100, 30);
    let mut buf = Buffer::empty(area);
    render(area, &mut buf, s, &Theme::new(true));
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol().to_string()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Everything read along the way: each screen and each status message.
fn everything_read(config: &str) -> Vec<String> {
    let mut s = state(config);
    let mut read = vec![screen(&s)];
    let mut step = |s: &mut AppState, action: Action| {
        update(s, action);
        read.push(screen(s));
        read.push(s.status.as_ref().map(|st| st.text.clone()).unwrap_or_default());
    };
    step(&mut s, Action::EntryAdded { entry: entry(1), undo: false });
    step(&mut s, Action::EntryRemoved { entry: entry(1), undo: false });
    let batches = [
        Batch::SavedMeal("usual".into()),
        Batch::Copied { from: day().pred_opt().unwrap(), meal: Meal::Lunch },
    ];
    for batch in batches {
        step(&mut s, Action::EntriesAdded { entries: vec![entry(2)], batch });
    }
    step(&mut s, Action::OpenSupplements);
    step(&mut s, Action::SupplementAdded { dose: dose(), undo: false });
    step(&mut s, Action::SupplementRemoved { dose: dose(), undo: false });
    step(&mut s, Action::DeleteEntry);
    step(&mut s, Action::AddDose);
    step(&mut s, Action::Close);
    step(&mut s, Action::Close);
    step(&mut s, Action::OpenHelp);
    step(&mut s, Action::Close);
    s.status = None;
    step(&mut s, Action::OpenSearch);
    read
}

#[test]
fn with_undo_rebound_nothing_says_u_for_undo() {
    let defaults = everything_read("");
    assert!(defaults.iter().any(|t| t.contains("(u undoes)")), "the defaults do say u");
    assert!(defaults.iter().any(|t| t.contains("u undo ·")));
    let rebound = everything_read("[keys]\nundo = \"z\"\n");
    for text in &rebound {
        assert!(!text.contains("u undo"), "{text}");
    }
    let all = rebound.join("\n");
    assert!(all.contains("Logged 30g Nuts, almonds to lunch (z undoes)"), "{all}");
    assert!(all.contains("Logged magnesium"), "{all}");
    assert!(all.contains("z undo ·"), "the status line and the supplements overlay: {all}");
    // Unbound, undo is not offered at all.
    let unbound = everything_read("[keys]\nundo = []\n").join("\n");
    assert!(!unbound.contains("undoes") && !unbound.contains(" undo ·"), "{unbound}");
}

#[test]
fn the_search_overlays_hint_shows_a_rebound_sort_key() {
    let bottom = |config: &str| {
        let mut s = state(config);
        update(&mut s, Action::OpenSearch);
        let text = screen(&s);
        text.lines().rev().find(|l| l.contains("pick")).unwrap_or_default().to_string()
    };
    let default = bottom("");
    assert!(
        default.contains("↑↓ pick · Enter choose · Esc close · empty query: s sort, g group"),
        "{default}"
    );
    let o = bottom("[keys.search]\nbrowse_sort = \"o\"\n");
    assert!(o.contains("empty query: o sort, g group"), "{o}");
    let ctrl = bottom("[keys.search]\nbrowse_sort = []\nsort = \"ctrl-o\"\n");
    assert!(ctrl.contains("empty query: Ctrl-O sort, g group"), "{ctrl}");
    let closes = bottom("[keys]\nclose = \"ctrl-q\"\n");
    assert!(closes.contains("Ctrl-Q close") && !closes.contains("Esc"), "{closes}");
}

#[test]
fn a_waiting_first_key_shows_on_the_status_line() {
    let mut s = state("");
    let g = s.keys.resolve(&s, marrow::tui::keymap::event("g").unwrap()).unwrap();
    update(&mut s, g);
    let text = screen(&s);
    assert!(text.contains(" g… g first entry"), "{text}");
    let esc = s.keys.resolve(&s, marrow::tui::keymap::event("Esc").unwrap()).unwrap();
    update(&mut s, esc);
    assert!(!screen(&s).contains("g…"), "another key ends the wait");
    assert!(screen(&s).contains("/ add · e edit"));
}
