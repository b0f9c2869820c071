//! State tests of the note and symptom prompt and the symptom view: Actions in, state and
//! effects out.

use chrono::NaiveDate;

use super::*;
use crate::domain::{Meal, Profile};
use crate::tui::app::update;
use crate::tui::state::Focus;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()
}

fn typed(state: &mut AppState, text: &str) {
    for c in text.chars() {
        update(state, Action::Type(c));
    }
}

fn state() -> AppState {
    AppState::new(day(), Meal::Lunch, Profile::default())
}

#[test]
fn a_note_typed_in_the_app_is_added_to_the_shown_day() {
    let mut s = state();
    update(&mut s, Action::OpenNote);
    assert_eq!(s.focus(), Focus::Journal);
    assert!(s.typing(), "letters type into the note");
    typed(&mut s, "long walk");
    let fx = update(&mut s, Action::Confirm);
    assert_eq!(fx, vec![Effect::AddNote { date: day(), text: "long walk".into() }]);
    assert!(s.journal.is_none());
    let fx = update(&mut s, Action::JournalAdded("Noted".into()));
    assert!(fx.contains(&Effect::LoadDay(day())), "{fx:?}");
}

#[test]
fn a_symptom_is_a_name_and_a_score_and_tab_completes_the_name() {
    let mut s = state();
    update(&mut s, Action::OpenSymptom);
    typed(&mut s, "cr");
    update(&mut s, Action::Complete);
    assert_eq!(s.journal.as_ref().unwrap().input.as_str(), "cramps ");
    typed(&mut s, "6");
    let fx = update(&mut s, Action::Confirm);
    assert_eq!(fx, vec![Effect::AddSymptom { date: day(), name: "cramps".into(), score: 6 }]);
}

#[test]
fn a_bad_score_stays_in_the_prompt_with_one_line_saying_why() {
    let mut s = state();
    update(&mut s, Action::OpenSymptom);
    typed(&mut s, "cramps 11");
    assert!(update(&mut s, Action::Confirm).is_empty());
    assert!(s.journal.is_some(), "the prompt stays open to fix it");
    assert!(s.status.as_ref().unwrap().text.contains("0 (none) to 10"), "{:?}", s.status);
    update(&mut s, Action::Close);
    assert_eq!(s.focus(), Focus::Log);
}

#[test]
fn the_view_cycles_nutrients_and_symptoms_by_loading_them() {
    let mut s = state();
    let fx = update(&mut s, Action::OpenSymptomView);
    assert_eq!(fx, vec![Effect::LoadSymptomView { name: None, nutrient: Nutrient::Magnesium }]);
    assert_eq!(s.focus(), Focus::Symptoms);
    let view = SymptomView {
        name: "cramps".into(),
        nutrient: Nutrient::Magnesium,
        days: vec![],
        runs: vec![],
        comparison: None,
    };
    update(&mut s, Action::SymptomViewLoaded(vec!["cramps".into(), "sleep".into()], Some(Box::new(view))));
    let fx = update(&mut s, Action::NextNutrient);
    assert_eq!(
        fx,
        vec![Effect::LoadSymptomView { name: Some("cramps".into()), nutrient: Nutrient::Calcium }]
    );
    let fx = update(&mut s, Action::NextDay);
    assert_eq!(fx, vec![Effect::LoadSymptomView { name: Some("sleep".into()), nutrient: Nutrient::Calcium }]);
    update(&mut s, Action::Close);
    assert!(s.symptom_view.is_none());
}

#[test]
fn completion_fills_only_a_single_fit() {
    assert_eq!(complete("st", &[]).as_deref(), Some("stiffness "));
    assert_eq!(complete("s", &[]), None, "stiffness or sleep");
    assert_eq!(complete("he", &["headache".into()]).as_deref(), Some("headache "));
    assert_eq!(read_symptom("joint pain 4"), Ok(("joint pain".into(), 4)));
    assert!(read_symptom("cramps").is_err());
}
