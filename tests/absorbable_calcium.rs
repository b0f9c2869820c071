//! Absorbable calcium as a new user meets it: a day of 1 cup of 2% milk and 1 cup of boiled
//! spinach in `day`, `day --json`, `week` and `week --json`; `top calcium --absorbable` and
//! `suggest calcium --absorbable`; no estimate for a custom food; and the app's gauges, status
//! line and suggestions, drawn from the embedded SR28 catalog.

mod common;

use chrono::NaiveDate;
use marrow::domain::day::DaySummary;
use marrow::domain::{Entry, Food, Meal, Profile};
use marrow::service::{DayReport, GapSuggestions};
use marrow::sources::asset::{decode, EMBEDDED};
use marrow::tui::action::Action;
use marrow::tui::app::update;
use marrow::tui::state::AppState;
use marrow::tui::ui::{draw, theme::Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use serde_json::Value;

use common::{assert_near, assert_refused, Env};

const DAY: &str = "2026-11-30";
const SOURCE: &str = "Weaver, Proulx, Heaney";

/// A diary with 1 cup of 2% milk (01079) and 1 cup of boiled spinach (11458) on `DAY`.
fn milk_and_spinach() -> Env {
    let env = Env::new();
    env.ok(&["log", "add", "01079", "1 cup", "--date", DAY]);
    env.ok(&["log", "add", "11458", "1 cup", "--date", DAY]);
    env
}

#[test]
fn the_day_shows_absorbable_calcium_next_to_calcium() {
    let env = milk_and_spinach();
    let v = env.json(&["day", "--date", DAY, "--json"]);
    assert_near(&v["totals"]["calcium_mg"], 537.6, "calcium");
    let a = &v["absorbable_calcium"];
    assert_near(&a["mg"], 106.5, "94.0 from the milk and 12.5 from the spinach");
    assert_eq!((a["estimated_items"].as_u64(), a["items"].as_u64()), (Some(2), Some(2)));
    assert_eq!(a["estimate"], Value::Bool(true));
    assert!(a["source"].as_str().unwrap().contains(SOURCE));

    let text = env.ok(&["day", "--date", DAY]);
    assert!(text.contains("absorbable calcium about 106 mg (estimate for 2 of 2 items)"), "{text}");
    assert!(text.contains("spinach: about 5 % of its calcium is absorbed"), "{text}");
    assert!(text.contains("Absorbable calcium is an estimate") && text.contains(SOURCE), "{text}");

    // A third item of no measured kind is counted, never given a fraction.
    env.ok(&["log", "add", "12061", "30g", "--date", DAY]);
    let v = env.json(&["day", "--date", DAY, "--json"]);
    assert_eq!(v["absorbable_calcium"]["estimated_items"].as_u64(), Some(2));
    assert_eq!(v["absorbable_calcium"]["items"].as_u64(), Some(3));
    assert_near(&v["absorbable_calcium"]["mg"], 106.5, "almonds add nothing to the estimate");
    let text = env.ok(&["day", "--date", DAY]);
    assert!(text.contains("absorbable calcium about 106 mg (estimate for 2 of 3 items)"), "{text}");
}

#[test]
fn the_week_shows_it_over_the_logged_days() {
    let env = milk_and_spinach();
    env.ok(&["log", "add", "01079", "1 cup", "--date", "2026-11-28"]);
    let v = env.json(&["week", "--end", DAY, "--json"]);
    let a = &v["absorbable_calcium"];
    assert_near(&a["mg"], 200.5, "two cups of milk and one of spinach");
    assert_near(&a["mg_per_logged_day"], 100.2, "over 2 logged days");
    assert_eq!((a["estimated_items"].as_u64(), a["items"].as_u64()), (Some(3), Some(3)));
    let text = env.ok(&["week", "--end", DAY]);
    assert!(
        text.contains("absorbable calcium about 100 mg a day over 2 logged days (estimate for 3 of 3 items)"),
        "{text}"
    );
}

#[test]
fn a_custom_food_has_no_estimate_whatever_its_name() {
    let env = Env::new();
    let food = env.json(&["food", "add", "--per-100g", "calcium_mg=100", "--json", "--", "Spinach, raw"]);
    let id = food["id"].as_str().unwrap().to_string();
    env.ok(&["log", "add", &id, "100g", "--date", DAY]);
    let v = env.json(&["day", "--date", DAY, "--json"]);
    assert_eq!(v["absorbable_calcium"]["mg"], Value::Null);
    assert_eq!(v["absorbable_calcium"]["estimated_items"].as_u64(), Some(0));
    let text = env.ok(&["day", "--date", DAY]);
    assert!(text.contains("absorbable calcium: no estimate for 1 item"), "{text}");
    assert!(!text.contains("of its calcium is absorbed"), "{text}");
}

/// The "absorbable" figures of a JSON list, in order.
fn absorbable(list: &Value) -> Vec<f64> {
    list.as_array().unwrap().iter().map(|x| x["absorbable"].as_f64().expect("every food has one")).collect()
}

fn descending(xs: &[f64]) -> bool {
    xs.windows(2).all(|w| w[0] >= w[1])
}

#[test]
fn top_and_suggest_offer_an_absorbable_order() {
    let env = milk_and_spinach();
    let top = env.json(&["top", "calcium", "--absorbable", "--per", "serving", "-n", "15", "--json"]);
    let values = absorbable(&top);
    assert_eq!(values.len(), 15);
    assert!(descending(&values), "{values:?}");
    for f in top.as_array().unwrap() {
        let fraction = f["fraction_absorbed"].as_f64().unwrap();
        assert_near(&f["absorbable"], f["value"].as_f64().unwrap() * fraction, "calcium times the fraction");
    }
    let vegetables = env.json(&["top", "calcium", "--absorbable", "--group", "vegetables", "--json"]);
    let names: Vec<&str> =
        vegetables.as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert!(
        !names.is_empty() && names.iter().all(|n| !n.contains("Turnip")),
        "only measured kinds: {names:?}"
    );
    let text = env.ok(&["top", "calcium", "--absorbable", "-n", "3"]);
    assert!(text.contains("absorbable, est.") && text.contains("Titchenal and Dobbs"), "{text}");
    assert_refused(&env.run(&["top", "magnesium", "--absorbable"]), "absorbable magnesium");

    let list = env.json(&["suggest", "calcium", "--date", DAY, "--absorbable", "--json"]);
    let values = absorbable(&list);
    assert!(!values.is_empty() && descending(&values), "{values:?}");
    let text = env.ok(&["suggest", "calcium", "--date", DAY]);
    assert!(text.contains("spinach: about 5 % of its calcium is absorbed"), "one of yours: {text}");
    assert_refused(&env.run(&["suggest", "zinc", "--absorbable"]), "absorbable zinc");
}

// The app, drawn from the embedded catalog's foods.

fn catalog_food(foods: &[Food], id: &str) -> Food {
    foods.iter().find(|f| f.id == id).unwrap().clone()
}

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn entry(id: i64, f: &Food, quantity: &str, grams: f64) -> Entry {
    Entry {
        id,
        date: date(),
        meal: Meal::Lunch,
        food_id: f.id.clone(),
        food_name: f.name.clone(),
        grams,
        quantity: quantity.into(),
        logged_at: String::new(),
        per_100g: f.per_100g,
    }
}

fn screen(state: &AppState, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, state, &Theme::new(true))).unwrap();
    t.backend().to_string()
}

#[test]
fn the_app_shows_the_estimate_and_marks_spinach() {
    let foods = decode(EMBEDDED).unwrap().1;
    let (milk, spinach) = (catalog_food(&foods, "01079"), catalog_food(&foods, "11458"));
    let entries = vec![entry(1, &milk, "1 cup", 244.0), entry(2, &spinach, "1 cup", 180.0)];
    let profile = Profile::default();
    let mut s = AppState::new(date(), Meal::Lunch, profile.clone());
    let week = vec![DaySummary::new(date(), &entries, &profile)];
    update(&mut s, Action::DayLoaded(DayReport::new(date(), profile.clone(), entries.clone(), vec![], week)));
    let text = screen(&s, 80, 24);
    assert!(text.contains("Ca absorbed about 106 mg, estimate for 2 of 2 items"), "{text}");
    let wide = screen(&s, 120, 40);
    assert!(
        wide.contains("Ca absorbed about 106 mg, estimate for 2 of 2 items (Weaver, Proulx, Heaney 1999)")
    );

    update(&mut s, Action::EntryAdded { entry: entries[1].clone(), undo: false });
    let status = s.status.as_ref().unwrap().text.clone();
    assert!(status.contains("spinach: about 5 % of its calcium is absorbed"), "{status}");
    update(&mut s, Action::EntryAdded { entry: entries[0].clone(), undo: false });
    assert!(!s.status.as_ref().unwrap().text.contains("absorbed"), "milk is no poor source");

    update(&mut s, Action::OpenSuggestions);
    update(&mut s, Action::NextNutrient);
    let found = GapSuggestions {
        date: date(),
        nutrient: marrow::domain::Nutrient::Calcium,
        total: 537.6,
        target: Some(1000.0),
        gap: 462.4,
        list: marrow::domain::insights::suggest(
            marrow::domain::Nutrient::Calcium,
            462.4,
            &[],
            &[spinach.clone(), catalog_food(&foods, "11233")],
            5,
        ),
    };
    update(&mut s, Action::SuggestionsLoaded(found));
    let text = screen(&s, 100, 30);
    assert!(text.contains("spinach: about 5 % of its calcium is absorbed"), "{text}");
    assert!(!text.contains("kale: about"), "kale absorbs well: {text}");
}
