//! Snapshot tests of every pane and overlay at 80x24 (and tiny sizes), drawn from a fixed
//! date and a seeded state on ratatui's TestBackend.

use chrono::NaiveDate;
use marrow::domain::day::DaySummary;
use marrow::domain::{Entry, Food, Meal, Nutrient, NutrientValues, Portion, Profile, Sex};
use marrow::tui::action::Action;
use marrow::tui::app::update;
use marrow::tui::state::AppState;
use marrow::tui::ui::{draw, theme::Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// Per-100 g figures as in SR28: (id, name, group, Mg, Ca, D).
fn food(id: &str, name: &str, group: &str, mg: f64, ca: f64, d: Option<f64>) -> Food {
    let mut v = NutrientValues::unknown();
    v.set(Nutrient::Magnesium, Some(mg));
    v.set(Nutrient::Calcium, Some(ca));
    v.set(Nutrient::VitaminD, d);
    Food {
        id: id.into(),
        name: name.into(),
        group: group.into(),
        common_names: String::new(),
        manufacturer: String::new(),
        per_100g: v,
        portions: vec![
            Portion { amount: 1.0, description: "cup, whole".into(), grams: 143.0 },
            Portion { amount: 1.0, description: "oz (23 whole kernels)".into(), grams: 28.35 },
        ],
    }
}

fn almonds() -> Food {
    food("12061", "Nuts, almonds", "Nut and Seed Products", 270.0, 269.0, Some(0.0))
}

fn entry(id: i64, day: u32, meal: Meal, f: &Food, quantity: &str, grams: f64) -> Entry {
    Entry {
        id,
        date: date(day),
        meal,
        food_id: f.id.clone(),
        food_name: f.name.clone(),
        grams,
        quantity: quantity.into(),
        logged_at: String::new(),
        per_100g: f.per_100g,
    }
}

fn profile() -> Profile {
    Profile { sex: Sex::Female, age: 54, pregnant: false, lactating: false, weight_kg: None, default: false }
}

/// A woman of 54 on Wed 25 Nov 2026 with breakfast, lunch and a snack logged, and a week.
fn seeded() -> AppState {
    let spinach = food("11457", "Spinach, raw", "Vegetables and Vegetable Products", 79.0, 99.0, Some(0.0));
    let chocolate = food("19904", "Chocolate, dark, 70-85% cacao solids", "Sweets", 228.0, 73.0, None);
    let mut s = AppState::new(date(25), Meal::Lunch, profile());
    let entries = vec![
        entry(1, 25, Meal::Breakfast, &almonds(), "30g", 30.0),
        entry(2, 25, Meal::Lunch, &spinach, "1 cup", 30.0),
        entry(3, 25, Meal::Snack, &chocolate, "1 oz", 28.35),
    ];
    update(&mut s, Action::DayLoaded { date: date(25), entries: entries.clone(), profile: profile() });
    let days: Vec<(NaiveDate, Vec<Entry>)> = (19..=25)
        .map(|d| {
            let e = match d {
                25 => entries.clone(),
                21 | 22 => vec![],
                _ => vec![entry(
                    10 + i64::from(d),
                    d,
                    Meal::Lunch,
                    &almonds(),
                    "100g",
                    40.0 + f64::from(d) * 4.0,
                )],
            };
            (date(d), e)
        })
        .collect();
    update(&mut s, Action::TrendLoaded { end: date(25), days });
    s
}

fn screen(state: &AppState, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, state, &Theme::new(true))).unwrap();
    t.backend().to_string()
}

fn with_search(query: &str) -> AppState {
    let mut s = seeded();
    update(&mut s, Action::OpenSearch);
    for c in query.chars() {
        update(&mut s, Action::Type(c));
    }
    let foods = vec![
        almonds(),
        food("04529", "Oil, almond", "Fats and Oils", 0.0, 0.0, Some(0.0)),
        food("12062", "Nuts, almonds, blanched", "Nut and Seed Products", 268.0, 236.0, Some(0.0)),
        food("19403", "Snacks, crisped rice bar, almond", "Snacks", 71.0, 74.0, None),
    ];
    update(&mut s, Action::SearchResults { query: query.into(), foods });
    s
}

#[test]
fn main_screen_80x24() {
    insta::assert_snapshot!(screen(&seeded(), 80, 24));
}

#[test]
fn main_screen_larger_120x40() {
    insta::assert_snapshot!(screen(&seeded(), 120, 40));
}

#[test]
fn empty_day_with_default_profile() {
    let s = AppState::new(date(25), Meal::Breakfast, Profile::default());
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn search_overlay() {
    insta::assert_snapshot!(screen(&with_search("almonds"), 80, 24));
}

#[test]
fn browse_overlay_sorted_by_calcium() {
    let mut s = with_search("");
    update(&mut s, Action::Type('s'));
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn group_picker() {
    let mut s = with_search("");
    update(
        &mut s,
        Action::GroupsLoaded(vec!["Fats and Oils".into(), "Nut and Seed Products".into(), "Sweets".into()]),
    );
    update(&mut s, Action::Type('g'));
    update(&mut s, Action::ListDown);
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn amount_prompt_with_preview() {
    let mut s = with_search("almonds");
    update(&mut s, Action::FoodLoaded(almonds()));
    for c in "30g".chars() {
        update(&mut s, Action::Type(c));
    }
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn amount_prompt_empty_shows_a_hint() {
    let mut s = with_search("almonds");
    update(&mut s, Action::FoodLoaded(almonds()));
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn move_picker() {
    let mut s = seeded();
    update(&mut s, Action::MoveEntry);
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn help_overlay() {
    let mut s = seeded();
    update(&mut s, Action::OpenHelp);
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn four_week_trend() {
    let mut s = seeded();
    update(&mut s, Action::ToggleTrendRange);
    let days = (1..=28)
        .map(|d| {
            let e = if d % 3 == 0 {
                vec![]
            } else {
                vec![entry(100 + i64::from(d), d, Meal::Lunch, &almonds(), "1 cup", f64::from(d) * 5.0)]
            };
            (date(d), e)
        })
        .collect();
    s.date = date(28);
    update(&mut s, Action::TrendLoaded { end: date(28), days });
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn compact_and_tiny_sizes() {
    let s = seeded();
    insta::assert_snapshot!("compact_40x10", screen(&s, 40, 10));
    insta::assert_snapshot!("tiny_20x5", screen(&s, 20, 5));
    insta::assert_snapshot!("too_small_19x4", screen(&s, 19, 4));
}

#[test]
fn every_size_draws_without_panicking() {
    let mut s = with_search("almonds");
    update(&mut s, Action::FoodLoaded(almonds()));
    let mut help = seeded();
    update(&mut help, Action::OpenHelp);
    for state in [seeded(), s, help] {
        for w in [1u16, 2, 5, 19, 20, 21, 39, 40, 59, 60, 61, 80, 200] {
            for h in [1u16, 2, 4, 5, 6, 15, 16, 17, 24, 60] {
                screen(&state, w, h);
            }
        }
    }
}

#[test]
fn the_numbers_on_screen_are_the_domains() {
    let s = seeded();
    let summary = DaySummary::new(date(25), &s.entries, &profile());
    let mg = format!("{:.1}", summary.totals.get(Nutrient::Magnesium));
    let text = screen(&s, 80, 24);
    assert!(text.contains(&format!("{mg} / 320 mg")), "{text}");
    assert!(text.contains("D: 1 of 3 items unknown"), "{text}");
}
