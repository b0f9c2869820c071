//! State tests for the supplements, suggestions, meals, recent foods and help scrolling:
//! feed Actions, check state and effects. No terminal, no database.

use chrono::NaiveDate;

use super::action::{Action, Batch};
use super::app::update;
use super::effect::Effect;
use super::state::{AppState, Focus, MealChoice, StatusKind, Undo};
use crate::domain::insights::suggest;
use crate::domain::nutrient::NutrientValues;
use crate::domain::supplement::{NewSupplement, Supplement};
use crate::domain::{Entry, Food, Meal, Nutrient, Portion, Profile};
use crate::domain::{Product, SavedMeal};
use crate::service::{DayReport, GapSuggestions};
use crate::tui::keymap;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn food(id: &str, name: &str, mg: f64, ca: f64) -> Food {
    let mut v = NutrientValues::unknown();
    v.set(Nutrient::Magnesium, Some(mg));
    v.set(Nutrient::Calcium, Some(ca));
    v.set(Nutrient::VitaminD, Some(0.0));
    v.set(Nutrient::Energy, Some(500.0));
    Food {
        id: id.into(),
        name: name.into(),
        group: "Nut and Seed Products".into(),
        common_names: String::new(),
        manufacturer: String::new(),
        in_survey: false,
        per_100g: v,
        portions: vec![
            Portion { amount: 1.0, description: "oz".into(), grams: 28.35 },
            Portion { amount: 1.0, description: "cup".into(), grams: 143.0 },
        ],
    }
}

fn almonds() -> Food {
    food("12061", "Nuts, almonds", 270.0, 269.0)
}

fn entry(id: i64, date: NaiveDate, meal: Meal, quantity: &str, grams: f64) -> Entry {
    let f = almonds();
    Entry {
        id,
        date,
        meal,
        food_id: f.id,
        food_name: f.name,
        grams,
        quantity: quantity.into(),
        logged_at: String::new(),
        per_100g: f.per_100g,
    }
}

fn dose(id: i64, nutrient: Nutrient, amount: f64) -> Supplement {
    Supplement { id, date: day(25), time: None, nutrient, amount, form: None, logged_at: String::new() }
}

fn product(name: &str, nutrient: Nutrient, amount: f64) -> Product {
    Product { id: 1, name: name.into(), nutrient, amount, form: Some("glycinate".into()) }
}

fn state_with(entries: Vec<Entry>, doses: Vec<Supplement>) -> AppState {
    let mut s = AppState::new(day(25), Meal::Lunch, Profile::default());
    update(&mut s, Action::DayLoaded(DayReport::new(day(25), Profile::default(), entries, doses, vec![])));
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

fn type_text(s: &mut AppState, text: &str) {
    for c in text.chars() {
        update(s, Action::Type(c));
    }
}

fn load_day() -> Vec<Effect> {
    vec![Effect::LoadDay(day(25)), Effect::LoadTrend { end: day(25), days: 7 }]
}

#[test]
fn the_day_comes_from_the_report_supplements_and_warnings_included() {
    let entries = vec![entry(1, day(25), Meal::Lunch, "30g", 30.0)];
    let week = vec![crate::domain::day::DaySummary::new(day(25), &entries, &Profile::default())];
    let report =
        DayReport::new(day(25), Profile::default(), entries, vec![dose(1, Nutrient::Magnesium, 400.0)], week);
    let mut s = AppState::new(day(25), Meal::Lunch, Profile::default());
    update(&mut s, Action::DayLoaded(report.clone()));
    assert_eq!(s.summary, report.summary);
    assert!((s.summary.totals.get(Nutrient::Magnesium) - 481.0).abs() < 1e-9, "food and supplement");
    assert_eq!(s.supplements.len(), 1);
    assert_eq!(s.warnings, report.warnings);
    assert_eq!(s.warnings[0].code, "mg_supplement_over_ul");
    assert_eq!(s.ca_mg_week, report.ca_mg_ratio_week());
    assert!(s.ca_mg_week.is_some());
}

#[test]
fn a_saved_product_is_logged_again_with_one_key_and_undone() {
    let mut s = state_with(vec![], vec![]);
    assert_eq!(update(&mut s, Action::OpenSupplements), vec![Effect::LoadProducts]);
    assert_eq!(s.focus(), Focus::Supplements);
    update(&mut s, Action::ProductsLoaded(vec![product("Mg glycinate", Nutrient::Magnesium, 200.0)]));
    let fx = update(&mut s, Action::Confirm);
    assert_eq!(
        fx,
        vec![Effect::AddSupplement(NewSupplement {
            date: day(25),
            time: None,
            nutrient: Nutrient::Magnesium,
            amount: 200.0,
            form: Some("glycinate".into()),
            logged_at: String::new(),
        })]
    );
    let fx =
        update(&mut s, Action::SupplementAdded { dose: dose(7, Nutrient::Magnesium, 200.0), undo: false });
    assert_eq!(fx, load_day());
    let status = s.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Success);
    assert!(status.text.starts_with("Logged magnesium 200 mg on Wed 25 Nov"), "{}", status.text);
    assert_eq!(s.undo, vec![Undo::RemoveDose(7)]);
    assert_eq!(s.focus(), Focus::Supplements, "the overlay stays to show the dose");
    assert_eq!(press(&mut s, "u"), vec![Effect::RemoveSupplement { id: 7, undo: true }]);
    update(&mut s, Action::SupplementRemoved { dose: dose(7, Nutrient::Magnesium, 200.0), undo: true });
    assert!(s.undo.is_empty(), "an undo is not itself undone");
    assert!(s.status.unwrap().text.starts_with("Undone"));
}

#[test]
fn a_dose_is_removed_with_d_and_comes_back_with_undo() {
    let d = dose(3, Nutrient::VitaminD, 25.0);
    let mut s = state_with(vec![], vec![d.clone()]);
    update(&mut s, Action::OpenSupplements);
    update(&mut s, Action::ProductsLoaded(vec![product("Mg glycinate", Nutrient::Magnesium, 200.0)]));
    // d on a product only hints.
    assert!(press(&mut s, "d").is_empty());
    assert_eq!(s.status.as_ref().unwrap().kind, StatusKind::Hint);
    update(&mut s, Action::ListDown);
    update(&mut s, Action::ListDown);
    assert_eq!(s.pills.as_ref().unwrap().selected, 1, "stays on the last item");
    assert_eq!(update(&mut s, Action::DeleteEntry), vec![Effect::RemoveSupplement { id: 3, undo: false }]);
    assert_eq!(update(&mut s, Action::SupplementRemoved { dose: d.clone(), undo: false }), load_day());
    assert_eq!(s.undo, vec![Undo::RestoreDose(d.clone())]);
    // The day reloads without the dose: the selection stays on the list.
    update(&mut s, Action::DayLoaded(DayReport::new(day(25), Profile::default(), vec![], vec![], vec![])));
    assert_eq!(s.pills.as_ref().unwrap().selected, 0);
    update(&mut s, Action::Close);
    assert_eq!(update(&mut s, Action::Undo), vec![Effect::RestoreSupplement(d)]);
}

#[test]
fn the_add_form_reads_the_amount_with_the_domains_parser() {
    let mut s = state_with(vec![], vec![]);
    update(&mut s, Action::OpenSupplements);
    press(&mut s, "a");
    assert_eq!(s.focus(), Focus::Dose);
    assert!(s.typing());
    update(&mut s, Action::NextNutrient);
    assert_eq!(s.pills.as_ref().unwrap().form.as_ref().unwrap().nutrient, Nutrient::Calcium);
    type_text(&mut s, "500");
    assert!(matches!(s.pills.as_ref().unwrap().form.as_ref().unwrap().preview, Some(Err(_))));
    assert!(update(&mut s, Action::Confirm).is_empty(), "no unit: refused");
    assert_eq!(s.status.as_ref().unwrap().kind, StatusKind::Error);
    type_text(&mut s, " mg");
    assert_eq!(s.pills.as_ref().unwrap().form.as_ref().unwrap().preview, Some(Ok(500.0)));
    let fx = update(&mut s, Action::Confirm);
    let [Effect::AddSupplement(new)] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!((new.nutrient, new.amount, new.date), (Nutrient::Calcium, 500.0, day(25)));
    assert_eq!(s.focus(), Focus::Supplements);
    // Vitamin D takes IU; Esc leaves the form, then the overlay.
    press(&mut s, "a");
    for _ in 0..crate::tui::supplements::FORM_NUTRIENTS.len() - 2 {
        update(&mut s, Action::PrevNutrient);
    }
    type_text(&mut s, "1000 IU");
    let f = s.pills.as_ref().unwrap().form.clone().unwrap();
    assert_eq!((f.nutrient, f.preview), (Nutrient::VitaminD, Some(Ok(25.0))));
    update(&mut s, Action::Close);
    assert_eq!(s.focus(), Focus::Supplements);
    update(&mut s, Action::Close);
    assert_eq!(s.focus(), Focus::Log);
}

fn gap(nutrient: Nutrient, total: f64) -> GapSuggestions {
    let pool = vec![food("12036", "Seeds, sunflower seed kernels, dried", 325.0, 78.0), almonds()];
    let target = Some(320.0);
    let gap = 320.0 - total;
    GapSuggestions {
        date: day(25),
        nutrient,
        total,
        target,
        gap,
        list: suggest(nutrient, gap, &[], &pool, 8),
    }
}

#[test]
fn suggestions_switch_nutrient_and_open_the_prompt_with_the_portion() {
    let mut s = state_with(vec![], vec![]);
    assert_eq!(
        update(&mut s, Action::OpenSuggestions),
        vec![Effect::Suggest { date: day(25), nutrient: Nutrient::Magnesium }]
    );
    assert_eq!(s.focus(), Focus::Suggest);
    assert_eq!(
        update(&mut s, Action::NextNutrient),
        vec![Effect::Suggest { date: day(25), nutrient: Nutrient::Calcium }]
    );
    // A late answer for magnesium is dropped.
    update(&mut s, Action::SuggestionsLoaded(gap(Nutrient::Magnesium, 100.0)));
    assert!(s.suggest.as_ref().unwrap().found.is_none());
    update(&mut s, Action::PrevNutrient);
    update(&mut s, Action::SuggestionsLoaded(gap(Nutrient::Magnesium, 100.0)));
    let found = s.suggest.as_ref().unwrap().found.clone().unwrap();
    assert_eq!(found.list.len(), 2);
    update(&mut s, Action::ListDown);
    update(&mut s, Action::ListDown);
    assert_eq!(s.suggest.as_ref().unwrap().selected, 1);
    update(&mut s, Action::Confirm);
    assert_eq!(s.focus(), Focus::Amount);
    let chosen = &found.list[1];
    let p = s.amount.as_ref().unwrap();
    assert_eq!((p.food_id.as_str(), p.input.as_str()), (chosen.food.id.as_str(), chosen.portion.as_str()));
    assert_eq!(p.preview.clone().unwrap().unwrap().0, chosen.grams, "the prompt reads the portion");
    // Esc goes back to the suggestions; Enter logs and closes them.
    update(&mut s, Action::Close);
    assert_eq!(s.focus(), Focus::Suggest);
    update(&mut s, Action::Confirm);
    let fx = update(&mut s, Action::Confirm);
    let [Effect::AddEntry(new)] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!((new.date, new.meal, new.grams), (day(25), Meal::Lunch, chosen.grams));
    assert_eq!(s.focus(), Focus::Log);
}

#[test]
fn a_meal_is_saved_under_a_typed_name() {
    let entries = vec![
        entry(1, day(25), Meal::Breakfast, "30g", 30.0),
        entry(2, day(25), Meal::Lunch, "1 cup", 143.0),
        entry(3, day(25), Meal::Lunch, "1 oz", 28.35),
    ];
    let mut s = state_with(entries, vec![]);
    update(&mut s, Action::SelectNext);
    assert!(update(&mut s, Action::SaveMeal).is_empty());
    assert_eq!(s.focus(), Focus::Name);
    assert!(update(&mut s, Action::Confirm).is_empty(), "a name is needed");
    assert_eq!(s.status.as_ref().unwrap().kind, StatusKind::Error);
    type_text(&mut s, " usual lunch ");
    let fx = update(&mut s, Action::Confirm);
    assert_eq!(
        fx,
        vec![Effect::SaveMeal {
            name: "usual lunch".into(),
            items: vec![("12061".into(), "1 cup".into()), ("12061".into(), "1 oz".into())],
        }]
    );
    assert_eq!(s.focus(), Focus::Log);
    update(&mut s, Action::MealSaved { name: "usual lunch".into(), items: 2, replaced: false });
    assert_eq!(s.status.as_ref().unwrap().text, "Saved meal \"usual lunch\": 2 foods (r logs it)");
    // Nothing selected, nothing to save.
    let mut empty = state_with(vec![], vec![]);
    assert!(update(&mut empty, Action::SaveMeal).is_empty());
    assert_eq!(empty.focus(), Focus::Log);
}

#[test]
fn a_saved_meal_is_logged_to_the_current_meal_and_undone_at_once() {
    let mut s = state_with(vec![], vec![]);
    assert_eq!(update(&mut s, Action::OpenSavedMeals), vec![Effect::LoadSavedMeals]);
    assert_eq!(s.focus(), Focus::Meals);
    let meal = SavedMeal { name: "usual".into(), items: vec![("12061".into(), "30g".into())] };
    update(
        &mut s,
        Action::SavedMealsLoaded(vec![MealChoice {
            meal: meal.clone(),
            names: vec!["Nuts, almonds".into()],
        }]),
    );
    update(&mut s, Action::CycleMeal);
    let fx = update(&mut s, Action::Confirm);
    assert_eq!(fx, vec![Effect::LogSavedMeal { meal, date: day(25), to: Meal::Dinner }]);
    assert_eq!(s.focus(), Focus::Log);
    let added =
        vec![entry(8, day(25), Meal::Dinner, "30g", 30.0), entry(9, day(25), Meal::Dinner, "1 oz", 28.35)];
    let fx = update(&mut s, Action::EntriesAdded { entries: added, batch: Batch::SavedMeal("usual".into()) });
    assert_eq!(fx, load_day());
    assert_eq!(
        s.status.as_ref().unwrap().text,
        "Logged \"usual\" to dinner on Wed 25 Nov: 2 entries (u undoes)"
    );
    assert_eq!(s.select_id, Some(8));
    assert_eq!(update(&mut s, Action::Undo), vec![Effect::RemoveEntries { ids: vec![8, 9], undo: true }]);
    update(&mut s, Action::EntriesRemoved { entries: vec![], undo: true });
    assert!(s.status.as_ref().unwrap().text.starts_with("Undone"));
}

#[test]
fn yesterdays_meal_is_copied_by_the_selected_kind_or_the_current_meal() {
    let mut s = state_with(vec![entry(1, day(25), Meal::Breakfast, "30g", 30.0)], vec![]);
    assert_eq!(
        update(&mut s, Action::CopyYesterday),
        vec![Effect::CopyMeal { from: day(24), to: day(25), meal: Meal::Breakfast }]
    );
    let mut empty = state_with(vec![], vec![]);
    assert_eq!(
        update(&mut empty, Action::CopyYesterday),
        vec![Effect::CopyMeal { from: day(24), to: day(25), meal: Meal::Lunch }]
    );
    // Nothing to copy is a hint, not an error.
    update(&mut empty, Action::Notice("Nothing logged for lunch on Tue 24 Nov to copy".into()));
    assert_eq!(empty.status.as_ref().unwrap().kind, StatusKind::Hint);
    let copied = vec![entry(5, day(25), Meal::Lunch, "30g", 30.0)];
    update(
        &mut empty,
        Action::EntriesAdded { entries: copied, batch: Batch::Copied { from: day(24), meal: Meal::Lunch } },
    );
    assert_eq!(
        empty.status.as_ref().unwrap().text,
        "Copied lunch from Tue 24 Nov to Wed 25 Nov: 1 entry (u undoes)"
    );
    assert_eq!(empty.undo, vec![Undo::RemoveMany(vec![5])]);
}

#[test]
fn recent_foods_head_the_empty_search_and_can_be_chosen() {
    let mut s = state_with(vec![], vec![]);
    let fx = update(&mut s, Action::OpenSearch);
    assert!(fx.contains(&Effect::LoadRecent));
    let sunflower = food("12036", "Seeds, sunflower seed kernels, dried", 325.0, 78.0);
    update(&mut s, Action::SearchResults { query: String::new(), foods: vec![sunflower.clone()] });
    update(&mut s, Action::RecentLoaded(vec![almonds()]));
    let search = s.search.as_ref().unwrap();
    let listed: Vec<(&str, bool)> = search.items().map(|(f, recent)| (f.id.as_str(), recent)).collect();
    assert_eq!(listed, vec![("12061", true), ("12036", false)]);
    assert_eq!(update(&mut s, Action::Confirm), vec![Effect::LoadFood("12061".into())]);
    update(&mut s, Action::ListDown);
    assert_eq!(s.search.as_ref().unwrap().selected_food().unwrap().id, "12036");
    // Typing leaves only the matches; erasing brings the recent foods back.
    update(&mut s, Action::Type('x'));
    update(&mut s, Action::SearchResults { query: "x".into(), foods: vec![] });
    assert!(s.search.as_ref().unwrap().is_empty());
    update(&mut s, Action::Backspace);
    assert!(s.search.as_ref().unwrap().showing_recent());
}

#[test]
fn help_scrolls_and_closes() {
    let mut s = state_with(vec![], vec![]);
    update(&mut s, Action::OpenHelp);
    press(&mut s, "j");
    update(&mut s, Action::ListDown);
    assert_eq!(s.help_scroll, 2);
    press(&mut s, "k");
    assert_eq!(s.help_scroll, 1);
    update(&mut s, Action::Close);
    assert_eq!((s.focus(), s.help_scroll), (Focus::Log, 0));
}

#[test]
fn external_changes_reload_the_products_when_the_overlay_is_open() {
    let mut s = state_with(vec![], vec![]);
    update(&mut s, Action::OpenSupplements);
    let fx = update(&mut s, Action::ExternalChange);
    assert!(fx.contains(&Effect::LoadProducts) && fx.contains(&Effect::LoadDay(day(25))));
}
