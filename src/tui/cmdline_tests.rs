//! State tests of the command line: what each command does to the state and which effects
//! it asks for, Tab, and a line that cannot be run.

use chrono::NaiveDate;

use super::super::action::Action;
use super::super::app::update;
use super::super::command::Format;
use super::super::effect::Effect;
use super::super::state::{AppState, Focus, StatusKind};
use crate::domain::{Meal, Nutrient, Profile};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn state() -> AppState {
    let mut s = AppState::new(date(2026, 11, 25), Meal::Lunch, Profile::default());
    s.home = Some("/home/ada".into());
    s
}

/// `:` then the line, then Enter.
fn run(s: &mut AppState, line: &str) -> Vec<Effect> {
    update(s, Action::OpenDatePrompt);
    for c in line.chars() {
        update(s, Action::Type(c));
    }
    update(s, Action::Confirm)
}

#[test]
fn goto_moves_the_day() {
    let mut s = state();
    let fx = run(&mut s, "goto 2026-01-05");
    assert_eq!(s.date, date(2026, 1, 5));
    assert_eq!(s.focus(), Focus::Log);
    assert_eq!(fx[0], Effect::LoadDay(date(2026, 1, 5)));
    run(&mut s, "goto yesterday");
    assert_eq!(s.date, date(2026, 11, 24));
    run(&mut s, "today");
    assert_eq!(s.date, date(2026, 11, 25));
}

#[test]
fn suggest_and_review_open_their_overlays() {
    let mut s = state();
    let fx = run(&mut s, "suggest calcium");
    assert_eq!(fx, vec![Effect::Suggest { date: s.date, nutrient: Nutrient::Calcium }]);
    assert_eq!(s.focus(), Focus::Suggest);
    update(&mut s, Action::Close);
    let fx = run(&mut s, "review month");
    assert!(matches!(&fx[..], [Effect::Review(p)] if p.len() == 30), "{fx:?}");
    assert_eq!(s.focus(), Focus::Review);
}

#[test]
fn export_asks_for_the_file_with_the_home_directory_expanded() {
    let mut s = state();
    let fx = run(&mut s, "export csv ~/diary.csv");
    assert_eq!(fx, vec![Effect::Export { format: Format::Csv, path: "/home/ada/diary.csv".into() }]);
}

#[test]
fn quit_quits() {
    let mut s = state();
    assert_eq!(run(&mut s, "q"), vec![Effect::Quit]);
    assert!(s.quit);
}

#[test]
fn a_bad_line_stays_open_and_says_why_in_the_status_line() {
    let mut s = state();
    assert_eq!(run(&mut s, "goto someday"), vec![]);
    assert_eq!(s.focus(), Focus::Date, "the line stays open to be fixed");
    let status = s.status.clone().expect("the status line says why");
    assert_eq!(status.kind, StatusKind::Error);
    assert!(status.text.contains("someday") && !status.text.contains('\n'), "{}", status.text);
    assert_eq!(s.jump.as_ref().unwrap().error.as_deref(), Some(status.text.as_str()));
    assert_eq!(s.date, date(2026, 11, 25));
    update(&mut s, Action::Close);
    run(&mut s, "make coffee");
    assert!(s.status.unwrap().text.starts_with("unknown command \"make\""));
}

#[test]
fn an_empty_line_just_closes() {
    let mut s = state();
    assert_eq!(run(&mut s, "  "), vec![]);
    assert_eq!(s.focus(), Focus::Log);
    assert_eq!(s.status, None);
}

#[test]
fn tab_completes_in_the_line() {
    let mut s = state();
    update(&mut s, Action::OpenDatePrompt);
    for c in "sug".chars() {
        update(&mut s, Action::Type(c));
    }
    update(&mut s, Action::Complete);
    assert_eq!(s.jump.as_ref().unwrap().input.as_str(), "suggest ");
    for c in "ca".chars() {
        update(&mut s, Action::Type(c));
    }
    update(&mut s, Action::Complete);
    // Calcium and caffeine both fit.
    let p = s.jump.as_ref().unwrap();
    assert!(p.candidates.len() > 1, "{:?}", p.candidates);
    update(&mut s, Action::Type('l'));
    update(&mut s, Action::Complete);
    assert_eq!(s.jump.as_ref().unwrap().input.as_str(), "suggest calcium ");
    let fx = update(&mut s, Action::Confirm);
    assert_eq!(fx, vec![Effect::Suggest { date: s.date, nutrient: Nutrient::Calcium }]);
}

#[test]
fn tab_in_the_command_line_is_bound_to_complete() {
    let mut s = state();
    update(&mut s, Action::OpenDatePrompt);
    let tab = crate::tui::keymap::event("Tab").unwrap();
    assert_eq!(s.keys.resolve(&s, tab), Some(Action::Complete));
}

fn with_dinner() -> AppState {
    let mut s = state();
    let entry = crate::domain::Entry {
        id: 7,
        date: s.date,
        meal: Meal::Dinner,
        food_id: "16043".into(),
        food_name: "Beans, pinto, mature seeds, cooked, boiled, without salt".into(),
        grams: 171.0,
        quantity: "1 cup".into(),
        logged_at: String::new(),
        per_100g: Default::default(),
    };
    let report = crate::service::DayReport::new(s.date, Profile::default(), vec![entry], vec![], vec![]);
    update(&mut s, Action::DayLoaded(report));
    s
}

#[test]
fn recipe_makes_one_of_the_selected_meal_or_asks_its_name() {
    let mut s = with_dinner();
    let fx = run(&mut s, "recipe chili night");
    assert_eq!(fx, vec![Effect::SaveRecipe { name: "chili night".into(), date: s.date, meal: Meal::Dinner }]);
    // Without a name, the name prompt the recipe key opens.
    let mut s = with_dinner();
    run(&mut s, "recipe");
    assert!(s.naming.as_ref().is_some_and(|p| p.recipe), "the recipe's name prompt");
    // Nothing logged on the day: nothing to make a recipe of, said on the status line.
    let mut s = state();
    assert!(run(&mut s, "recipe chili").is_empty());
    assert!(s.naming.is_none() && s.status.is_some(), "says there is nothing selected");
}
