//! The runtime against a real (temporary) diary and the embedded catalog: actions dispatched
//! as the event loop does, then the diary and the state checked.

use chrono::NaiveDate;

use super::action::Action;
use super::dispatch;
use super::keymap;
use super::runtime::Runtime;
use super::state::{AppState, Focus};
use crate::domain::day::new_entry;
use crate::domain::{Meal, Nutrient, NutrientValues, Portion};
use crate::service::{day_report, gap_suggestions};
use crate::store::{Catalog, Diary};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn app() -> (tempfile::TempDir, Runtime, AppState) {
    let tmp = tempfile::tempdir().unwrap();
    let diary = Diary::open(&tmp.path().join("diary.db")).unwrap();
    let catalog = Catalog::open(&tmp.path().join("catalog.db"), || {}).unwrap();
    let runtime = Runtime::new(diary, catalog).unwrap();
    let state = AppState::new(day(25), Meal::Lunch, Default::default());
    (tmp, runtime, state)
}

fn log(rt: &mut Runtime, id: &str, quantity: &str, date: NaiveDate, meal: Meal) {
    let food = rt.catalog.food(id).unwrap().unwrap();
    rt.diary.add_entry(&new_entry(&food, quantity, date, meal, "t".into()).unwrap()).unwrap();
}

#[test]
fn supplements_suggestions_meals_and_search_run_against_the_stores() {
    let (_tmp, mut rt, mut s) = app();
    // A saved product, logged with one key and undone.
    rt.diary.save_product("Mg glycinate", Nutrient::Magnesium, 200.0, Some("glycinate")).unwrap();
    dispatch(&mut s, &mut rt, Action::OpenSupplements);
    dispatch(&mut s, &mut rt, Action::Confirm);
    assert_eq!(rt.diary.supplements(day(25), day(25)).unwrap().len(), 1);
    assert_eq!(s.summary.supplemental[Nutrient::Magnesium.index()], 200.0);
    assert_eq!(s.summary, day_report(&rt.diary, day(25)).unwrap().summary, "the report's numbers");
    for key in ["d", "j", "d"] {
        let action = s.keys.resolve(&s, keymap::event(key).unwrap()).unwrap();
        dispatch(&mut s, &mut rt, action);
    }
    assert!(rt.diary.supplements(day(25), day(25)).unwrap().is_empty());
    let undo = s.keys.resolve(&s, keymap::event("u").unwrap()).unwrap();
    dispatch(&mut s, &mut rt, undo);
    let back = rt.diary.supplements(day(25), day(25)).unwrap();
    assert_eq!(back.len(), 1, "undo puts the dose back");
    dispatch(&mut s, &mut rt, Action::Undo);
    dispatch(&mut s, &mut rt, Action::Undo);
    assert!(rt.diary.supplements(day(25), day(25)).unwrap().is_empty(), "and the add is undone too");
    dispatch(&mut s, &mut rt, Action::Close);

    // Yesterday's breakfast copied, then undone at once.
    log(&mut rt, "12061", "30g", day(24), Meal::Breakfast);
    log(&mut rt, "11457", "1 cup", day(24), Meal::Breakfast);
    log(&mut rt, "11457", "1 cup", day(24), Meal::Dinner);
    s.meal = Meal::Breakfast;
    dispatch(&mut s, &mut rt, Action::CopyYesterday);
    let copied = rt.diary.day_entries(day(25)).unwrap();
    assert_eq!(copied.iter().map(|e| e.meal).collect::<Vec<_>>(), vec![Meal::Breakfast; 2]);
    assert_eq!(s.entries, copied);
    dispatch(&mut s, &mut rt, Action::Undo);
    assert!(rt.diary.day_entries(day(25)).unwrap().is_empty());

    // Saved under a name from yesterday, logged to today's current meal.
    dispatch(&mut s, &mut rt, Action::PrevDay);
    dispatch(&mut s, &mut rt, Action::SaveMeal);
    assert_eq!(s.focus(), Focus::Name);
    for c in "usual".chars() {
        dispatch(&mut s, &mut rt, Action::Type(c));
    }
    dispatch(&mut s, &mut rt, Action::Confirm);
    assert_eq!(rt.diary.saved_meals().unwrap()[0].items.len(), 2);
    dispatch(&mut s, &mut rt, Action::Today);
    s.meal = Meal::Snack;
    dispatch(&mut s, &mut rt, Action::OpenSavedMeals);
    assert_eq!(s.meals.as_ref().unwrap().choices.as_ref().unwrap()[0].names[0], "Nuts, almonds");
    dispatch(&mut s, &mut rt, Action::Confirm);
    let logged = rt.diary.day_entries(day(25)).unwrap();
    assert_eq!(logged.len(), 2);
    assert!(logged.iter().all(|e| e.meal == Meal::Snack));

    // Suggestions are exactly the CLI's.
    dispatch(&mut s, &mut rt, Action::OpenSuggestions);
    let report = day_report(&rt.diary, day(25)).unwrap();
    let cli = gap_suggestions(
        &rt.diary,
        &rt.catalog,
        &report.summary,
        Nutrient::Magnesium,
        super::suggest::LIMIT,
        false,
    )
    .unwrap();
    assert_eq!(s.suggest.as_ref().unwrap().found.as_ref(), Some(&cli));
    dispatch(&mut s, &mut rt, Action::Close);

    // Recent foods head the empty search; custom foods are found.
    let mut v = NutrientValues::unknown();
    v.set(Nutrient::Magnesium, Some(64.0));
    let bowl = [Portion { amount: 1.0, description: "bowl".into(), grams: 250.0 }];
    rt.diary.add_custom_food("Grandma's quinoa porridge", &v, &bowl, "t").unwrap();
    dispatch(&mut s, &mut rt, Action::OpenSearch);
    let recent: Vec<String> = s.search.as_ref().unwrap().recent.iter().map(|f| f.id.clone()).collect();
    assert_eq!(recent, vec!["11457", "12061"], "newest first, each food once");
    for c in "grandma".chars() {
        dispatch(&mut s, &mut rt, Action::Type(c));
    }
    assert_eq!(s.search.as_ref().unwrap().results[0].id, "c1");
    dispatch(&mut s, &mut rt, Action::Confirm);
    assert_eq!(s.amount.as_ref().unwrap().portions, bowl.to_vec(), "the custom food with its portions");
}

#[test]
fn the_amount_prompt_offers_the_amount_last_logged_and_enter_logs_it() {
    let (_tmp, mut rt, mut s) = app();
    log(&mut rt, "12061", "1 oz", day(20), Meal::Snack);
    log(&mut rt, "12061", "1 cup", day(24), Meal::Snack);
    dispatch(&mut s, &mut rt, Action::OpenSearch);
    for c in "almonds".chars() {
        dispatch(&mut s, &mut rt, Action::Type(c));
    }
    dispatch(&mut s, &mut rt, Action::Confirm);
    assert_eq!(s.focus(), Focus::Amount);
    assert_eq!(s.amount.as_ref().unwrap().input, "1 cup", "the latest amount, ready to accept");
    dispatch(&mut s, &mut rt, Action::Confirm);
    let logged = rt.diary.day_entries(day(25)).unwrap();
    assert_eq!((logged.len(), logged[0].food_id.as_str(), logged[0].grams), (1, "12061", 143.0));

    // A food never logged starts empty.
    dispatch(&mut s, &mut rt, Action::OpenSearch);
    for c in "pumpkin seeds".chars() {
        dispatch(&mut s, &mut rt, Action::Type(c));
    }
    dispatch(&mut s, &mut rt, Action::Confirm);
    assert_eq!(s.amount.as_ref().unwrap().input, "");
}

/// `:product rename`, `:meal rm` and a name not found, typed on the command line and run
/// against the diary: each says what it did on the status line, and a refusal changes nothing.
#[test]
fn the_command_line_renames_and_removes_what_was_saved() {
    use super::state::StatusKind;
    let (_tmp, mut rt, mut s) = app();
    rt.diary.save_product("Mg", Nutrient::Magnesium, 200.0, None).unwrap();
    rt.diary.save_product("Zn", Nutrient::Zinc, 15.0, None).unwrap();
    rt.diary.save_meal("usual", &[("12061".into(), "30g".into())], "t").unwrap();
    let type_line = |s: &mut AppState, rt: &mut Runtime, line: &str| {
        dispatch(s, rt, Action::OpenDatePrompt);
        for c in line.chars() {
            dispatch(s, rt, Action::Type(c));
        }
        dispatch(s, rt, Action::Confirm);
    };
    type_line(&mut s, &mut rt, "product rename mg to Mg glycinate");
    let names: Vec<String> = rt.diary.products().unwrap().into_iter().map(|p| p.name).collect();
    assert!(names.contains(&"Mg glycinate".to_string()), "{names:?}");
    assert!(s.status.as_ref().is_some_and(|st| st.text.contains("renamed the supplement product")));
    // A name another product holds: refused, said, nothing changed.
    type_line(&mut s, &mut rt, "product rename Zn to mg GLYCINATE");
    assert_eq!(s.status.as_ref().map(|st| st.kind), Some(StatusKind::Error));
    assert!(rt.diary.products().unwrap().iter().any(|p| p.name == "Zn"));
    type_line(&mut s, &mut rt, "meal rm usual");
    assert!(rt.diary.saved_meals().unwrap().is_empty());
    type_line(&mut s, &mut rt, "meal rm usual");
    assert!(s
        .status
        .as_ref()
        .is_some_and(|st| st.kind == StatusKind::Error && st.text.contains("no saved meal")));
}
