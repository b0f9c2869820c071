//! State tests: feed Actions, check state and effects. No terminal, no database.

use chrono::NaiveDate;

use super::*;
use crate::domain::browse::Basis;
use crate::domain::nutrient::NutrientValues;
use crate::domain::{Entry, Food, Meal, Nutrient, Portion, Profile};
use crate::service::DayReport;
use crate::tui::keymap;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn almonds() -> Food {
    let mut v = NutrientValues::unknown();
    v.set(Nutrient::Magnesium, Some(270.0));
    v.set(Nutrient::Calcium, Some(269.0));
    v.set(Nutrient::VitaminD, Some(0.0));
    Food {
        id: "12061".into(),
        name: "Nuts, almonds".into(),
        group: "Nut and Seed Products".into(),
        common_names: String::new(),
        manufacturer: String::new(),
        in_survey: false,
        per_100g: v,
        portions: vec![
            Portion { amount: 1.0, description: "cup, whole".into(), grams: 143.0 },
            Portion { amount: 1.0, description: "oz (23 whole kernels)".into(), grams: 28.35 },
        ],
    }
}

fn entry(id: i64, meal: Meal, grams: f64) -> Entry {
    let f = almonds();
    Entry {
        id,
        date: day(25),
        meal,
        food_id: f.id,
        food_name: f.name,
        grams,
        quantity: format!("{grams}g"),
        logged_at: String::new(),
        per_100g: f.per_100g,
    }
}

fn state() -> AppState {
    AppState::new(day(25), Meal::Lunch, Profile::default())
}

/// The day's report as the runtime would load it (no supplements, no week).
pub(super) fn report(date: NaiveDate, entries: Vec<Entry>) -> DayReport {
    DayReport::new(date, Profile::default(), entries, vec![], vec![])
}

fn loaded(entries: Vec<Entry>) -> AppState {
    let mut s = state();
    update(&mut s, Action::DayLoaded(report(day(25), entries)));
    s
}

/// Presses a key (by its config name) through the state's keymap, as the app does.
fn press(s: &mut AppState, key: &str) -> Vec<Effect> {
    let event = keymap::event(key).expect("a key name");
    match s.keys.resolve(s, event) {
        Some(action) => update(s, action),
        None => vec![],
    }
}

fn type_text(s: &mut AppState, text: &str) -> Vec<Effect> {
    let mut fx = vec![];
    for c in text.chars() {
        fx = update(s, Action::Type(c));
    }
    fx
}

#[test]
fn day_navigation_loads_the_new_date() {
    let mut s = state();
    assert_eq!(
        update(&mut s, Action::PrevDay),
        vec![Effect::LoadDay(day(24)), Effect::LoadTrend { end: day(24), days: 7 }]
    );
    assert_eq!(s.date, day(24));
    update(&mut s, Action::NextDay);
    update(&mut s, Action::NextDay);
    assert_eq!(s.date, day(26));
    update(&mut s, Action::Today);
    assert_eq!(s.date, day(25));
    // A late result for another day is ignored.
    update(&mut s, Action::DayLoaded(report(day(20), vec![entry(1, Meal::Lunch, 30.0)])));
    assert!(s.entries.is_empty());
}

#[test]
fn selection_moves_within_entries_and_summary_follows() {
    let mut s = loaded(vec![entry(1, Meal::Breakfast, 30.0), entry(2, Meal::Lunch, 10.0)]);
    assert!((s.summary.totals.get(Nutrient::Magnesium) - 108.0).abs() < 1e-9);
    update(&mut s, Action::SelectNext);
    update(&mut s, Action::SelectNext);
    assert_eq!(s.selected, 1);
    update(&mut s, Action::SelectPrev);
    update(&mut s, Action::SelectPrev);
    assert_eq!(s.selected, 0);
}

#[test]
fn search_types_live_and_enter_loads_the_food() {
    let mut s = state();
    let fx = update(&mut s, Action::OpenSearch);
    assert!(matches!(
        fx[0],
        Effect::Browse { sort: Nutrient::Magnesium, basis: Basis::Per100g, group: None }
    ));
    assert_eq!(s.focus(), Focus::Search);
    let fx = type_text(&mut s, "almonds");
    assert_eq!(fx, vec![Effect::Search("almonds".into())]);
    update(&mut s, Action::SearchResults { query: "almonds".into(), foods: vec![almonds()] });
    // Stale results for an older query are dropped.
    update(&mut s, Action::SearchResults { query: "alm".into(), foods: vec![] });
    assert_eq!(s.search.as_ref().unwrap().results.len(), 1);
    assert_eq!(update(&mut s, Action::Confirm), vec![Effect::LoadFood("12061".into())]);
    update(&mut s, Action::FoodLoaded(almonds(), None));
    assert_eq!(s.focus(), Focus::Amount);
    assert_eq!(s.amount.as_ref().unwrap().input, "", "the amount field starts empty");
}

#[test]
fn the_amount_last_logged_is_typed_in_already() {
    let mut s = state();
    update(&mut s, Action::OpenSearch);
    update(&mut s, Action::FoodLoaded(almonds(), Some("1 oz".into())));
    let p = s.amount.as_ref().unwrap();
    assert_eq!(p.input, "1 oz");
    assert_eq!(p.preview.clone().unwrap().unwrap().0, 28.35, "previewed like a typed amount");
    let fx = update(&mut s, Action::Confirm);
    let [Effect::AddEntry(new)] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!((new.grams, new.quantity.as_str()), (28.35, "1 oz"));
}

#[test]
fn amount_prompt_previews_and_logs_to_the_shown_day_and_meal() {
    let mut s = state();
    update(&mut s, Action::OpenSearch);
    update(&mut s, Action::FoodLoaded(almonds(), None));
    type_text(&mut s, "30g");
    let (grams, adds) = s.amount.as_ref().unwrap().preview.clone().unwrap().unwrap();
    assert_eq!(grams, 30.0);
    assert!((adds.get(Nutrient::Magnesium).unwrap() - 81.0).abs() < 1e-9);
    let fx = update(&mut s, Action::Confirm);
    let [Effect::AddEntry(new)] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!((new.date, new.meal, new.grams, new.quantity.as_str()), (day(25), Meal::Lunch, 30.0, "30g"));
    assert_eq!(s.focus(), Focus::Log, "search and prompt close");
    // The runtime's result selects the new entry and offers undo.
    let fx = update(&mut s, Action::EntryAdded { entry: entry(7, Meal::Lunch, 30.0), undo: false });
    assert_eq!(fx[0], Effect::LoadDay(day(25)));
    update(
        &mut s,
        Action::DayLoaded(report(day(25), vec![entry(3, Meal::Breakfast, 5.0), entry(7, Meal::Lunch, 30.0)])),
    );
    assert_eq!(s.selected, 1);
    assert_eq!(s.undo, vec![UndoStep::Remove(7)]);
}

#[test]
fn bad_amount_keeps_the_prompt_and_says_why() {
    let mut s = state();
    update(&mut s, Action::OpenSearch);
    update(&mut s, Action::FoodLoaded(almonds(), None));
    type_text(&mut s, "3 parsecs");
    assert!(s.amount.as_ref().unwrap().preview.as_ref().unwrap().is_err());
    assert!(update(&mut s, Action::Confirm).is_empty());
    assert_eq!(s.focus(), Focus::Amount);
    assert_eq!(s.status.as_ref().unwrap().kind, StatusKind::Error);
    // Empty input is refused too.
    for _ in 0..9 {
        update(&mut s, Action::Backspace);
    }
    assert!(update(&mut s, Action::Confirm).is_empty());
}

#[test]
fn portions_can_be_picked_from_the_list() {
    let mut s = state();
    update(&mut s, Action::OpenSearch);
    update(&mut s, Action::FoodLoaded(almonds(), None));
    update(&mut s, Action::ListDown);
    update(&mut s, Action::ListDown);
    let p = s.amount.as_ref().unwrap();
    assert_eq!(p.input, "1 oz (23 whole kernels)");
    assert_eq!(p.preview.clone().unwrap().unwrap().0, 28.35);
}

#[test]
fn a_picked_portion_logs_its_own_row_scaled_by_a_new_number() {
    // Sunflower seed kernels (12036) and a jar USDA lists twice at two weights.
    let mut seeds = almonds();
    seeds.portions = vec![
        Portion { amount: 1.0, description: "cup, with hulls, edible yield".into(), grams: 46.0 },
        Portion { amount: 1.0, description: "cup".into(), grams: 140.0 },
        Portion { amount: 1.0, description: "jar".into(), grams: 128.0 },
        Portion { amount: 1.0, description: "jar".into(), grams: 142.0 },
    ];
    let mut s = state();
    update(&mut s, Action::OpenSearch);
    update(&mut s, Action::FoodLoaded(seeds.clone(), None));
    let p = s.amount.as_ref().unwrap();
    assert_eq!(p.labels, ["1 cup, with hulls, edible yield", "1 cup", "1 jar (128 g)", "1 jar (142 g)"]);
    for _ in 0..4 {
        update(&mut s, Action::ListDown);
    }
    assert_eq!(s.amount.as_ref().unwrap().input, "1 jar (142 g)");
    // The user retypes the number: "2 jar" still names the picked row, 2 x 142 g.
    for _ in 0.."1 jar (142 g)".len() {
        update(&mut s, Action::Backspace);
    }
    type_text(&mut s, "2 jars");
    assert_eq!(s.amount.as_ref().unwrap().preview.clone().unwrap().unwrap().0, 284.0);
    let fx = update(&mut s, Action::Confirm);
    let [Effect::AddEntry(new)] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!((new.grams, new.quantity.as_str()), (284.0, "2 jars"));
    // Words other than the picked row's are read as typed: cut back to "1 cup", it is the cup.
    let mut s = state();
    update(&mut s, Action::OpenSearch);
    update(&mut s, Action::FoodLoaded(seeds, None));
    update(&mut s, Action::ListDown);
    assert_eq!(s.amount.as_ref().unwrap().preview.clone().unwrap().unwrap().0, 46.0);
    for _ in 0..", with hulls, edible yield".len() {
        update(&mut s, Action::Backspace);
    }
    assert_eq!(s.amount.as_ref().unwrap().input, "1 cup");
    assert_eq!(s.amount.as_ref().unwrap().preview.clone().unwrap().unwrap().0, 140.0);
}

#[test]
fn esc_closes_one_overlay_at_a_time_without_changes() {
    let mut s = state();
    update(&mut s, Action::OpenSearch);
    update(&mut s, Action::FoodLoaded(almonds(), None));
    assert!(update(&mut s, Action::Close).is_empty());
    assert_eq!(s.focus(), Focus::Search);
    assert!(update(&mut s, Action::Close).is_empty());
    assert_eq!(s.focus(), Focus::Log);
}

#[test]
fn q_types_in_search_but_quits_from_the_log() {
    let mut s = state();
    update(&mut s, Action::OpenSearch);
    update(&mut s, Action::Type('q'));
    assert!(!s.quit);
    assert_eq!(s.search.as_ref().unwrap().query, "q");
    update(&mut s, Action::Close);
    assert_eq!(update(&mut s, Action::Quit), vec![Effect::Quit]);
    assert!(s.quit);
}

#[test]
fn browse_keys_on_empty_query_and_words_starting_with_them() {
    let mut s = state();
    update(&mut s, Action::OpenSearch);
    update(&mut s, Action::GroupsLoaded(vec!["Fats and Oils".into(), "Nut and Seed Products".into()]));
    let fx = press(&mut s, "s");
    assert_eq!(fx, vec![Effect::Browse { sort: Nutrient::Calcium, basis: Basis::Per100g, group: None }]);
    press(&mut s, "s");
    assert_eq!(s.search.as_ref().unwrap().sort, Nutrient::VitaminD);
    // "salmon": the s began a word after all, and browsing is back as it was.
    let mut s2 = state();
    update(&mut s2, Action::OpenSearch);
    press(&mut s2, "s");
    let fx = press(&mut s2, "a");
    assert_eq!(fx, vec![Effect::Search("sa".into())]);
    assert_eq!(s2.search.as_ref().unwrap().sort, Nutrient::Magnesium);
    // g picks a group; "greek" still types.
    press(&mut s, "g");
    assert_eq!(s.focus(), Focus::Groups);
    update(&mut s, Action::ListDown);
    update(&mut s, Action::ListDown);
    let fx = update(&mut s, Action::Confirm);
    assert_eq!(
        fx,
        vec![Effect::Browse {
            sort: Nutrient::VitaminD,
            basis: Basis::Per100g,
            group: Some("Nut and Seed Products".into())
        }]
    );
    let mut s3 = state();
    update(&mut s3, Action::OpenSearch);
    press(&mut s3, "g");
    assert_eq!(press(&mut s3, "r"), vec![Effect::Search("gr".into())]);
    assert_eq!(s3.focus(), Focus::Search);
}

#[test]
fn edit_move_delete_and_undo() {
    let mut s = loaded(vec![entry(1, Meal::Breakfast, 30.0)]);
    // Edit: prompt prefilled with the amount as typed, portions loaded from the catalog.
    assert_eq!(update(&mut s, Action::EditAmount), vec![Effect::LoadFood("12061".into())]);
    update(&mut s, Action::FoodLoaded(almonds(), None));
    for _ in 0..3 {
        update(&mut s, Action::Backspace);
    }
    type_text(&mut s, "1 cup");
    let fx = update(&mut s, Action::Confirm);
    assert_eq!(fx, vec![Effect::UpdateAmount { id: 1, grams: 143.0, quantity: "1 cup".into(), undo: false }]);
    update(
        &mut s,
        Action::EntryChanged {
            before: entry(1, Meal::Breakfast, 30.0),
            after: entry(1, Meal::Breakfast, 143.0),
            undo: false,
        },
    );
    // Move.
    update(&mut s, Action::MoveEntry);
    assert_eq!(s.focus(), Focus::Move);
    let fx = press(&mut s, "d");
    assert_eq!(fx, vec![Effect::MoveEntry { id: 1, meal: Meal::Dinner, undo: false }]);
    update(
        &mut s,
        Action::EntryChanged {
            before: entry(1, Meal::Breakfast, 143.0),
            after: entry(1, Meal::Dinner, 143.0),
            undo: false,
        },
    );
    // Delete.
    assert_eq!(update(&mut s, Action::DeleteEntry), vec![Effect::RemoveEntry { id: 1, undo: false }]);
    update(&mut s, Action::EntryRemoved { entry: entry(1, Meal::Dinner, 143.0), undo: false });
    // Undo walks back: restore, then the move, then the edit.
    assert_eq!(update(&mut s, Action::Undo), vec![Effect::RestoreEntry(entry(1, Meal::Dinner, 143.0))]);
    let fx = update(&mut s, Action::Undo);
    assert!(fx.contains(&Effect::MoveEntry { id: 1, meal: Meal::Breakfast, undo: true }));
    let fx = update(&mut s, Action::Undo);
    assert!(fx.contains(&Effect::UpdateAmount { id: 1, grams: 30.0, quantity: "30g".into(), undo: true }));
    assert!(update(&mut s, Action::Undo).is_empty());
    assert_eq!(s.status.as_ref().unwrap().text, "Nothing to undo");
}

#[test]
fn undo_of_an_add_removes_it() {
    let mut s = state();
    update(&mut s, Action::EntryAdded { entry: entry(9, Meal::Lunch, 30.0), undo: false });
    assert_eq!(update(&mut s, Action::Undo), vec![Effect::RemoveEntry { id: 9, undo: true }]);
}

#[test]
fn nothing_selected_is_a_hint_not_an_error() {
    let mut s = state();
    for a in [Action::EditAmount, Action::MoveEntry, Action::DeleteEntry] {
        assert!(update(&mut s, a).is_empty());
        assert_eq!(s.status.as_ref().unwrap().kind, StatusKind::Hint);
    }
}

#[test]
fn external_change_reloads_and_trend_range_toggles() {
    let mut s = state();
    assert_eq!(
        update(&mut s, Action::ExternalChange),
        vec![Effect::LoadDay(day(25)), Effect::LoadTrend { end: day(25), days: 7 }]
    );
    assert_eq!(update(&mut s, Action::ToggleTrendRange), vec![Effect::LoadTrend { end: day(25), days: 28 }]);
}

#[test]
fn help_opens_and_closes() {
    let mut s = state();
    update(&mut s, Action::OpenHelp);
    assert_eq!(s.focus(), Focus::Help);
    update(&mut s, Action::Close);
    assert_eq!(s.focus(), Focus::Log);
}

#[test]
fn midnight_moves_today_and_follows_if_showing_today() {
    let mut s = state();
    let fx = update(&mut s, Action::Tick { today: day(26), meal: Meal::Snack });
    assert_eq!(s.date, day(26));
    assert_eq!(fx[0], Effect::LoadDay(day(26)));
}

#[test]
fn browse_basis_cycles_with_arrows() {
    let mut s = state();
    update(&mut s, Action::OpenSearch);
    let fx = update(&mut s, Action::CycleBasis);
    assert_eq!(fx, vec![Effect::Browse { sort: Nutrient::Magnesium, basis: Basis::Serving, group: None }]);
    update(&mut s, Action::CycleBasis);
    assert_eq!(s.search.as_ref().unwrap().basis, Basis::Per100kcal);
}

#[test]
fn metric_config_offers_grams_first() {
    let mut s = state();
    s.metric_portions = true;
    update(&mut s, Action::OpenSearch);
    update(&mut s, Action::FoodLoaded(almonds(), None));
    update(&mut s, Action::ListDown);
    let p = s.amount.as_ref().unwrap();
    assert_eq!(p.input, "100 g");
    assert_eq!(p.preview.clone().unwrap().unwrap().0, 100.0);
    assert_eq!(p.portions[1].description, "cup, whole", "USDA's portions follow");
}
