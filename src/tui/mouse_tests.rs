//! State tests of the mouse: clicks and the wheel as Actions, checked against the screen the
//! same state draws (the row clicked shows the row selected).

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::app::update;
use super::effect::Effect;
use super::state::{AppState, Focus, GroupPicker, SearchState};
use super::ui::{layout, render, theme::Theme};
use crate::domain::nutrient::NutrientValues;
use crate::domain::{Entry, Food, Meal, Nutrient, Profile};
use crate::service::DayReport;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn food(id: usize) -> Food {
    let mut v = NutrientValues::unknown();
    v.set(Nutrient::Magnesium, Some(10.0 * id as f64));
    Food {
        id: format!("f{id}"),
        name: format!("Food number {id}"),
        group: "Test foods".into(),
        common_names: String::new(),
        manufacturer: String::new(),
        in_survey: false,
        per_100g: v,
        portions: vec![],
    }
}

fn entry(id: usize, meal: Meal) -> Entry {
    let f = food(id);
    Entry {
        id: id as i64,
        date: day(),
        meal,
        food_id: f.id,
        food_name: f.name,
        grams: 100.0,
        quantity: "100g".into(),
        logged_at: String::new(),
        per_100g: f.per_100g,
    }
}

/// A day of `n` lunch entries, on an 80x24 screen.
fn with_entries(n: usize) -> AppState {
    let mut s = AppState::new(day(), Meal::Lunch, Profile::default());
    update(&mut s, Action::Resize { width: 80, height: 24 });
    let entries = (1..=n).map(|i| entry(i, Meal::Lunch)).collect();
    update(&mut s, Action::DayLoaded(DayReport::new(day(), Profile::default(), entries, vec![], vec![])));
    s
}

/// The text of screen row `row` as the state draws it.
fn screen_row(s: &AppState, row: u16) -> String {
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    render(area, &mut buf, s, &Theme::new(true));
    (0..80).map(|x| buf[(x, row)].symbol().to_string()).collect()
}

fn log_inner(s: &AppState) -> Rect {
    layout::inner(layout::panes(s.screen, s).expect("the full layout").log)
}

#[test]
fn a_click_on_the_third_log_row_selects_it() {
    let mut s = with_entries(5);
    let log = log_inner(&s);
    // The column heads, "Lunch", then the entries.
    let third = log.y + 2 + 2;
    let fx = update(&mut s, Action::Click { col: log.x + 4, row: third });
    assert!(fx.is_empty());
    assert_eq!(s.selected, 2);
    assert!(screen_row(&s, third).contains("Food number 3"), "{}", screen_row(&s, third));
    // A heading or an empty row selects nothing new.
    update(&mut s, Action::Click { col: log.x + 4, row: log.y + 1 });
    assert_eq!(s.selected, 2);
    update(&mut s, Action::Click { col: log.x + 4, row: log.y + log.height - 1 });
    assert_eq!(s.selected, 2);
}

#[test]
fn a_click_finds_the_row_of_a_scrolled_log() {
    let mut s = with_entries(40);
    update(&mut s, Action::ListBottom);
    let log = log_inner(&s);
    let row = log.y + 3;
    update(&mut s, Action::Click { col: log.x + 2, row });
    let shown = screen_row(&s, row);
    let name = &s.entries[s.selected].food_name;
    assert!(s.selected < 39);
    assert!(shown.contains(&format!("{name} ")), "{shown:?} is not {name}");
}

#[test]
fn the_wheel_moves_the_log_and_the_lists() {
    let mut s = with_entries(5);
    update(&mut s, Action::Wheel { down: true });
    update(&mut s, Action::Wheel { down: true });
    assert_eq!(s.selected, 2);
    update(&mut s, Action::Wheel { down: false });
    assert_eq!(s.selected, 1);
    s.groups = Some(GroupPicker { groups: vec!["a".into(), "b".into()], selected: 0 });
    update(&mut s, Action::Wheel { down: true });
    assert_eq!(s.groups.as_ref().unwrap().selected, 1);
    assert_eq!(s.selected, 1, "the log keeps its row under an overlay");
}

#[test]
fn a_click_outside_an_overlay_closes_it_and_inside_does_not() {
    let mut s = with_entries(3);
    update(&mut s, Action::OpenHelp);
    let frame = layout::overlay(s.screen, &s, Focus::Help).unwrap();
    update(&mut s, Action::Click { col: frame.x + 1, row: frame.y + 1 });
    assert!(s.help);
    update(&mut s, Action::Click { col: 0, row: 0 });
    assert!(!s.help);
    assert_eq!(s.focus(), Focus::Log);
    s.search = Some(SearchState::new());
    update(&mut s, Action::Click { col: 79, row: 23 });
    assert_eq!(s.focus(), Focus::Log, "the search closes too");
}

#[test]
fn a_click_picks_a_food_in_the_search() {
    let mut s = with_entries(0);
    let mut search = SearchState::new();
    search.query.set("food");
    search.results = (1..=6).map(food).collect();
    s.search = Some(search);
    let inner = layout::inner(layout::overlay(s.screen, &s, Focus::Search).unwrap());
    let row = inner.y + 3 + 4;
    let fx: Vec<Effect> = update(&mut s, Action::Click { col: inner.x + 3, row });
    assert!(fx.is_empty());
    assert_eq!(s.search.as_ref().unwrap().selected, 4);
    assert!(screen_row(&s, row).contains("Food number 5"), "{}", screen_row(&s, row));
}

#[test]
fn mouse_events_become_actions() {
    let at = |kind| MouseEvent { kind, column: 9, row: 4, modifiers: KeyModifiers::NONE };
    assert_eq!(
        super::mouse::action(at(MouseEventKind::Down(MouseButton::Left))),
        Some(Action::Click { col: 9, row: 4 })
    );
    assert_eq!(super::mouse::action(at(MouseEventKind::ScrollDown)), Some(Action::Wheel { down: true }));
    assert_eq!(super::mouse::action(at(MouseEventKind::ScrollUp)), Some(Action::Wheel { down: false }));
    assert_eq!(super::mouse::action(at(MouseEventKind::Up(MouseButton::Left))), None);
    assert_eq!(super::mouse::action(at(MouseEventKind::Down(MouseButton::Right))), None);
}

#[test]
fn a_click_picks_a_suggestion_under_a_calcium_note() {
    use crate::domain::insights::Suggestion;
    use crate::service::GapSuggestions;
    let mut s = with_entries(0);
    update(&mut s, Action::OpenSuggestions);
    let one = |id: &str, name: &str| {
        let mut f = food(1);
        (f.id, f.name) = (id.into(), name.into());
        Suggestion {
            food: f,
            portion: "1 cup".into(),
            grams: 30.0,
            adds: 30.0,
            kcal: None,
            per_100kcal: None,
            yours: false,
        }
    };
    let list = vec![one("11457", "Spinach, raw"), one("a", "Tofu, firm"), one("b", "Sardines, canned")];
    let found = GapSuggestions {
        date: day(),
        nutrient: Nutrient::Calcium,
        total: 0.0,
        target: Some(1000.0),
        gap: 1000.0,
        list,
    };
    s.suggest.as_mut().unwrap().nutrient = Nutrient::Calcium;
    update(&mut s, Action::SuggestionsLoaded(found));
    let inner = layout::inner(layout::overlay(s.screen, &s, Focus::Suggest).unwrap());
    let row = (inner.y..inner.y + inner.height).find(|r| screen_row(&s, *r).contains("Sardines")).unwrap();
    update(&mut s, Action::Click { col: inner.x + 4, row });
    assert_eq!(s.suggest.as_ref().unwrap().selected, 2);
    // The note under spinach selects nothing.
    update(&mut s, Action::Click { col: inner.x + 4, row: row - 2 });
    assert_eq!(s.suggest.as_ref().unwrap().selected, 2);
    assert!(screen_row(&s, row - 1).contains("Tofu"));
}

#[test]
fn a_click_picks_a_saved_meal() {
    use super::state::{MealChoice, MealPicker};
    use crate::domain::saved::SavedMeal;
    let mut s = with_entries(0);
    let choices = ["usual", "weekend", "after the gym"]
        .iter()
        .map(|n| MealChoice {
            meal: SavedMeal { name: n.to_string(), items: vec![("12061".into(), "30g".into())] },
            names: vec!["Nuts, almonds".into()],
        })
        .collect();
    s.meals = Some(MealPicker { choices: Some(choices), selected: 0 });
    let inner = layout::inner(layout::overlay(s.screen, &s, Focus::Meals).unwrap());
    update(&mut s, Action::Click { col: inner.x + 3, row: inner.y + 2 });
    assert_eq!(s.meals.as_ref().unwrap().selected, 2);
    assert!(screen_row(&s, inner.y + 2).contains("after the gym"), "{}", screen_row(&s, inner.y + 2));
    // Below the last meal: nothing changes.
    update(&mut s, Action::Click { col: inner.x + 3, row: inner.y + 5 });
    assert_eq!(s.meals.as_ref().unwrap().selected, 2);
}

#[test]
fn a_click_picks_a_product_or_a_dose_in_the_supplements() {
    use super::state::SupplementOverlay;
    use crate::domain::saved::Product;
    use crate::domain::supplement::Supplement;
    let mut s = with_entries(0);
    let product = |name: &str| Product {
        id: 1,
        name: name.into(),
        nutrient: Nutrient::Magnesium,
        amount: 200.0,
        form: None,
    };
    let dose = |id: i64| Supplement {
        id,
        date: day(),
        time: None,
        nutrient: Nutrient::VitaminD,
        amount: 25.0,
        form: None,
        logged_at: String::new(),
    };
    s.supplements = vec![dose(1), dose(2)];
    s.pills = Some(SupplementOverlay {
        products: vec![product("Mg glycinate"), product("Mg citrate")],
        selected: 0,
        form: None,
    });
    let inner = layout::inner(layout::overlay(s.screen, &s, Focus::Supplements).unwrap());
    // The heading, two products, the doses' heading, then the doses.
    update(&mut s, Action::Click { col: inner.x + 3, row: inner.y + 2 });
    assert_eq!(s.pills.as_ref().unwrap().selected, 1);
    assert!(screen_row(&s, inner.y + 2).contains("Mg citrate"), "{}", screen_row(&s, inner.y + 2));
    update(&mut s, Action::Click { col: inner.x + 3, row: inner.y + 5 });
    assert_eq!(s.pills.as_ref().unwrap().selected, 3, "the second dose");
    assert!(screen_row(&s, inner.y + 5).contains('▶'), "{}", screen_row(&s, inner.y + 5));
    // A heading picks nothing.
    update(&mut s, Action::Click { col: inner.x + 3, row: inner.y + 3 });
    assert_eq!(s.pills.as_ref().unwrap().selected, 3);
}
