//! What the keymap's actions do to the state: the meal following the clock until Tab picks
//! one, readline editing in the amount prompt through real key presses, and redo re-applying
//! undone changes through the same store effects (a real temporary diary).

use chrono::NaiveDate;

use super::action::Action;
use super::app::update;
use super::dispatch;
use super::keymap;
use super::runtime::Runtime;
use super::state::AppState;
use crate::domain::day::new_entry;
use crate::domain::Meal;
use crate::store::{Catalog, Diary};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn press(s: &mut AppState, key: &str) {
    if let Some(a) = s.keys.resolve(s, keymap::event(key).unwrap()) {
        update(s, a);
    }
}

#[test]
fn the_meal_follows_the_clock_until_tab_picks_one() {
    let mut s = AppState::new(day(25), Meal::Breakfast, Default::default());
    update(&mut s, Action::Tick { today: day(25), meal: Meal::Dinner });
    assert_eq!(s.meal, Meal::Dinner, "opened at breakfast, used at dinner time");
    assert!(update(&mut s, Action::Tick { today: day(25), meal: Meal::Dinner }).is_empty());
    press(&mut s, "Tab");
    let picked = s.meal;
    assert_ne!(picked, Meal::Dinner);
    assert!(s.meal_picked);
    update(&mut s, Action::Tick { today: day(25), meal: Meal::Snack });
    assert_eq!(s.meal, picked, "the user's pick holds");
    // A new day follows the clock again.
    update(&mut s, Action::Tick { today: day(26), meal: Meal::Breakfast });
    assert_eq!((s.meal, s.meal_picked), (Meal::Breakfast, false));
    update(&mut s, Action::Tick { today: day(26), meal: Meal::Lunch });
    assert_eq!(s.meal, Meal::Lunch);
}

#[test]
fn tab_in_the_search_and_the_prompt_is_a_pick_too() {
    let mut s = AppState::new(day(25), Meal::Lunch, Default::default());
    update(&mut s, Action::OpenSearch);
    press(&mut s, "Tab");
    update(&mut s, Action::Tick { today: day(25), meal: Meal::Breakfast });
    assert_eq!(s.meal, Meal::Lunch.next());
}

#[test]
fn the_amount_field_edits_as_readline() {
    let mut s = AppState::new(day(25), Meal::Lunch, Default::default());
    update(&mut s, Action::OpenSearch);
    let food = crate::domain::Food {
        id: "12061".into(),
        name: "Nuts, almonds".into(),
        group: String::new(),
        common_names: String::new(),
        manufacturer: String::new(),
        in_survey: false,
        per_100g: crate::domain::NutrientValues::unknown(),
        portions: vec![],
    };
    update(&mut s, Action::FoodLoaded(food, Some("30g".into())));
    let input = |s: &AppState| s.amount.as_ref().unwrap().input.clone();
    for k in ["ctrl-a", "1", "alt-f", "Left", "Left", "Space"] {
        press(&mut s, k);
    }
    assert_eq!(input(&s).split(), ("13 ", "0g"));
    press(&mut s, "ctrl-k");
    assert_eq!(input(&s), "13 ");
    for k in ["j", "k", "g"] {
        press(&mut s, k);
    }
    assert_eq!(input(&s), "13 jkg", "letters type, j and k included");
    press(&mut s, "ctrl-w");
    assert_eq!(input(&s), "13 ");
    press(&mut s, "Home");
    press(&mut s, "Delete");
    press(&mut s, "End");
    press(&mut s, "Backspace");
    assert_eq!(input(&s), "3");
    press(&mut s, "ctrl-u");
    assert_eq!(input(&s), "");
    assert_eq!(s.amount.as_ref().unwrap().preview, None, "the preview follows the edits");
}

fn app() -> (tempfile::TempDir, Runtime, AppState) {
    let tmp = tempfile::tempdir().unwrap();
    let diary = Diary::open(&tmp.path().join("diary.db")).unwrap();
    let catalog = Catalog::open(&tmp.path().join("catalog.db"), || {}).unwrap();
    let runtime = Runtime::new(diary, catalog).unwrap();
    (tmp, runtime, AppState::new(day(25), Meal::Lunch, Default::default()))
}

fn key(s: &mut AppState, rt: &mut Runtime, name: &str) {
    let action = s.keys.resolve(s, keymap::event(name).unwrap()).unwrap();
    dispatch(s, rt, action);
}

fn grams(rt: &Runtime) -> Vec<f64> {
    rt.diary.day_entries(day(25)).unwrap().iter().map(|e| e.grams).collect()
}

#[test]
fn redo_applies_again_what_undo_took_back() {
    let (_tmp, mut rt, mut s) = app();
    let food = rt.catalog.food("12061").unwrap().unwrap();
    dispatch(&mut s, &mut rt, Action::ExternalChange);
    // An entry added, then edited, then removed, each from the app.
    let new = new_entry(&food, "30g", day(25), Meal::Lunch, String::new()).unwrap();
    let entry = rt.diary.add_entry(&new).unwrap();
    dispatch(&mut s, &mut rt, Action::EntryAdded { entry, undo: false });
    key(&mut s, &mut rt, "e");
    for k in ["ctrl-u", "4", "0", "g", "Enter"] {
        key(&mut s, &mut rt, k);
    }
    assert_eq!(grams(&rt), vec![40.0]);
    key(&mut s, &mut rt, "d");
    assert!(grams(&rt).is_empty());
    // Undo all three, then redo them in order, the diary checked at each step.
    key(&mut s, &mut rt, "u");
    assert_eq!(grams(&rt), vec![40.0]);
    key(&mut s, &mut rt, "u");
    assert_eq!(grams(&rt), vec![30.0]);
    key(&mut s, &mut rt, "u");
    assert!(grams(&rt).is_empty());
    key(&mut s, &mut rt, "ctrl-r");
    assert_eq!(grams(&rt), vec![30.0]);
    assert!(s.status.as_ref().unwrap().text.starts_with("Redone"), "{:?}", s.status);
    key(&mut s, &mut rt, "ctrl-r");
    assert_eq!(grams(&rt), vec![40.0]);
    key(&mut s, &mut rt, "ctrl-r");
    assert!(grams(&rt).is_empty());
    key(&mut s, &mut rt, "ctrl-r");
    assert_eq!(s.status.as_ref().unwrap().text, "Nothing to redo");
    // A redo can be undone, and a new change ends the redo.
    key(&mut s, &mut rt, "u");
    assert_eq!(grams(&rt), vec![40.0]);
    key(&mut s, &mut rt, "d");
    assert!(s.redo.is_empty());
}

#[test]
fn redo_of_a_copied_meal_brings_back_all_of_it_as_one_step() {
    let (_tmp, mut rt, mut s) = app();
    let food = rt.catalog.food("12061").unwrap().unwrap();
    for q in ["30g", "1 oz"] {
        rt.diary.add_entry(&new_entry(&food, q, day(24), Meal::Lunch, "t".into()).unwrap()).unwrap();
    }
    key(&mut s, &mut rt, "y");
    assert_eq!(grams(&rt).len(), 2);
    key(&mut s, &mut rt, "u");
    assert!(grams(&rt).is_empty());
    key(&mut s, &mut rt, "ctrl-r");
    assert_eq!(grams(&rt).len(), 2);
    assert_eq!(s.undo.len(), 1, "one step for the batch");
    key(&mut s, &mut rt, "u");
    assert!(grams(&rt).is_empty(), "undone at once");
}

#[test]
fn redo_of_a_supplement_dose() {
    let (_tmp, mut rt, mut s) = app();
    rt.diary.save_product("Mg glycinate", crate::domain::Nutrient::Magnesium, 200.0, None).unwrap();
    key(&mut s, &mut rt, "p");
    key(&mut s, &mut rt, "Enter");
    let doses = |rt: &Runtime| rt.diary.supplements(day(25), day(25)).unwrap().len();
    assert_eq!(doses(&rt), 1);
    key(&mut s, &mut rt, "u");
    assert_eq!(doses(&rt), 0);
    key(&mut s, &mut rt, "ctrl-r");
    assert_eq!(doses(&rt), 1);
}
