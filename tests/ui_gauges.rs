//! Snapshot and state tests of the gauges: a day under the EAR, between the EAR and the target,
//! over the target, over the upper limit, with supplements, and in IU, at 80x24 and 120x40;
//! the warning style over a limit; and no µg anywhere on screen when vitamin D reads in IU.

mod common;

use chrono::{NaiveDate, NaiveTime};
use marrow::domain::day::DaySummary;
use marrow::domain::supplement::Supplement;
use marrow::domain::{Entry, Food, Meal, Nutrient, Product, Profile, Sex};
use marrow::service::{DayReport, GapSuggestions};
use marrow::tui::action::Action;
use marrow::tui::app::update;
use marrow::tui::state::AppState;
use marrow::tui::ui::{draw, theme::Theme};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

use common::foods::food;

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn milk() -> Food {
    food("01077", "Milk, whole, 3.25% milkfat, with added vitamin D", 10.0, 113.0, Some(1.3))
}
fn almonds() -> Food {
    food("12061", "Nuts, almonds", 270.0, 269.0, Some(0.0))
}
fn egg() -> Food {
    food("01123", "Egg, whole, raw, fresh", 12.0, 56.0, Some(2.0))
}
fn salmon() -> Food {
    food("15086", "Fish, salmon, sockeye, cooked, dry heat", 36.0, 11.0, Some(16.7))
}
fn chocolate() -> Food {
    food("19904", "Chocolate, dark, 70-85% cacao solids", 228.0, 73.0, None)
}

fn entry(id: i64, meal: Meal, f: &Food, quantity: &str, grams: f64) -> Entry {
    Entry {
        id,
        date: date(25),
        meal,
        food_id: f.id.clone(),
        food_name: f.name.clone(),
        grams,
        quantity: quantity.into(),
        logged_at: String::new(),
        per_100g: f.per_100g,
    }
}

fn dose(id: i64, nutrient: Nutrient, amount: f64, form: Option<&str>) -> Supplement {
    Supplement {
        id,
        date: date(25),
        time: NaiveTime::from_hms_opt(8, 30, 0),
        nutrient,
        amount,
        form: form.map(str::to_string),
        logged_at: String::new(),
    }
}

/// A woman of 54: Mg 320 mg (EAR 265, UL 350 from supplements), Ca 1200 mg (EAR 1000, UL
/// 2000), vitamin D 15 µg (EAR 10, UL 100).
fn profile() -> Profile {
    Profile { sex: Sex::Female, age: 54, default: false, ..Profile::default() }
}

/// Wed 25 Nov 2026 with `entries` and `doses` logged, the six days before it empty.
fn day(entries: Vec<Entry>, doses: Vec<Supplement>) -> AppState {
    let mut s = AppState::new(date(25), Meal::Lunch, profile());
    let days: Vec<DaySummary> = (19..=25)
        .map(|d| match d {
            25 => DaySummary::with_supplements(date(d), &entries, &doses, &profile()),
            _ => DaySummary::new(date(d), &[], &profile()),
        })
        .collect();
    update(&mut s, Action::DayLoaded(DayReport::new(date(25), profile(), entries, doses, days.clone())));
    update(&mut s, Action::TrendLoaded { end: date(25), days });
    s
}

/// Almonds and a cup of milk: every bone nutrient below its EAR.
fn under_ear() -> AppState {
    day(
        vec![
            entry(1, Meal::Breakfast, &almonds(), "30g", 30.0),
            entry(2, Meal::Breakfast, &milk(), "1 cup", 244.0),
        ],
        vec![],
    )
}

/// Three cups of milk, almonds and an egg: every bone nutrient between its EAR and target.
fn between() -> AppState {
    day(
        vec![
            entry(1, Meal::Breakfast, &milk(), "3 cups", 732.0),
            entry(2, Meal::Snack, &almonds(), "75g", 75.0),
            entry(3, Meal::Breakfast, &egg(), "1 large", 50.0),
        ],
        vec![],
    )
}

/// Four cups of milk, almonds and salmon: every bone nutrient over its target, under its UL.
fn over_target() -> AppState {
    day(
        vec![
            entry(1, Meal::Breakfast, &milk(), "4 cups", 976.0),
            entry(2, Meal::Snack, &almonds(), "100g", 100.0),
            entry(3, Meal::Dinner, &salmon(), "100g", 100.0),
        ],
        vec![],
    )
}

/// 600 mg of calcium twice and three cups of milk (over calcium's 2000 mg), and 400 mg of
/// magnesium from supplements (over their 350 mg).
fn over_ul() -> AppState {
    day(
        vec![
            entry(1, Meal::Breakfast, &milk(), "3 cups", 732.0),
            entry(2, Meal::Snack, &almonds(), "30g", 30.0),
        ],
        vec![
            dose(1, Nutrient::Calcium, 600.0, Some("carbonate")),
            dose(2, Nutrient::Calcium, 600.0, Some("carbonate")),
            dose(3, Nutrient::Magnesium, 400.0, Some("glycinate")),
        ],
    )
}

/// Food with supplements within their limits: magnesium 250 mg, calcium 500 mg, vitamin D 25 µg.
fn with_supplements() -> AppState {
    day(
        vec![
            entry(1, Meal::Breakfast, &almonds(), "30g", 30.0),
            entry(2, Meal::Snack, &chocolate(), "1 oz", 28.35),
            entry(3, Meal::Dinner, &salmon(), "100g", 100.0),
        ],
        vec![
            dose(1, Nutrient::Magnesium, 250.0, Some("glycinate")),
            dose(2, Nutrient::Calcium, 500.0, Some("citrate")),
            dose(3, Nutrient::VitaminD, 25.0, None),
        ],
    )
}

fn in_iu(mut s: AppState) -> AppState {
    s.vitamin_d_iu = true;
    s
}

fn buffer(state: &AppState, w: u16, h: u16, theme: &Theme) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, state, theme)).unwrap();
    t.backend().buffer().clone()
}

fn screen(state: &AppState, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, state, &Theme::new(true))).unwrap();
    t.backend().to_string()
}

/// The screen's row that starts the gauge of `name`.
fn row_of(text: &str, name: &str) -> String {
    text.lines().find(|l| l.contains(&format!("│{name}"))).unwrap_or_else(|| panic!("{name}: {text}")).into()
}

#[test]
fn gauges_at_80x24_and_120x40() {
    let cases: [(&str, AppState); 6] = [
        ("under_ear", under_ear()),
        ("between_ear_and_target", between()),
        ("over_target", over_target()),
        ("over_ul", over_ul()),
        ("supplements", with_supplements()),
        ("iu", in_iu(with_supplements())),
    ];
    for (name, state) in &cases {
        for (w, h) in [(80, 24), (120, 40)] {
            let text = screen(state, w, h);
            for gauge in ["Magnesium", "Calcium", "Vitamin D"] {
                let row = row_of(&text, gauge);
                assert!(row.contains('║'), "{name} {w}x{h}: the UL is marked: {row}");
                // Over the limit, the words on the bar may cover the lesser marks.
                if !row.contains("UL") {
                    assert!(row.contains('┃'), "{name} {w}x{h}: the target is marked: {row}");
                    assert!(row.contains('╎'), "{name} {w}x{h}: the EAR is marked: {row}");
                }
            }
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), text);
        }
    }
}

#[test]
fn over_the_upper_limit_the_gauge_says_so_on_the_bar() {
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(&over_ul(), w, h);
        let calcium = row_of(&text, "Calcium");
        assert!(calcium.contains("over UL"), "{w}: {calcium}");
        assert!(calcium.find("over UL") < calcium.find('║'), "before the limit's mark: {calcium}");
        let magnesium = row_of(&text, "Magnesium");
        assert!(magnesium.contains("suppl"), "magnesium's limit is on supplements: {magnesium}");
        assert!(
            magnesium.contains('█') && magnesium.contains('▓'),
            "food and supplements apart: {magnesium}"
        );
    }
    let wide = screen(&over_ul(), 120, 40);
    assert!(row_of(&wide, "Magnesium").contains("supplements 400 of 350 mg UL"), "{wide}");
    let calcium = row_of(&wide, "Calcium");
    assert!(calcium.contains("over UL 2000 mg") && calcium.contains('┃'), "{wide}");
}

/// The cells of the gauge row of `name`, with their styles.
fn gauge_cells(buf: &Buffer, name: &str) -> Vec<(String, ratatui::style::Style)> {
    let area = buf.area;
    let y = (0..area.height)
        .find(|y| {
            let row: String = (0..area.width).map(|x| buf[(x, *y)].symbol().to_string()).collect();
            row.starts_with(&format!("│{name}"))
        })
        .unwrap_or_else(|| panic!("no {name} gauge"));
    (0..area.width).map(|x| (buf[(x, y)].symbol().to_string(), buf[(x, y)].style())).collect()
}

#[test]
fn the_warning_style_over_a_limit_is_not_the_style_of_a_target_met() {
    let theme = Theme::new(false);
    let fill_style = |state: &AppState, name: &str| {
        let cells = gauge_cells(&buffer(state, 80, 24, &theme), name);
        cells.iter().find(|(s, _)| s == "█" || s == "▓").map(|(_, st)| st.fg).expect("a filled cell")
    };
    assert_eq!(fill_style(&over_target(), "Calcium"), theme.good.fg, "over the target, within the limit");
    assert_eq!(fill_style(&over_ul(), "Calcium"), theme.bad.fg, "over the limit");
    assert_ne!(theme.bad.fg, theme.good.fg);
    assert_eq!(fill_style(&between(), "Calcium"), theme.warn.fg, "between the EAR and the target");
    assert_eq!(fill_style(&under_ear(), "Calcium"), theme.bad.fg, "below the EAR");
    let words = gauge_cells(&buffer(&over_ul(), 80, 24, &theme), "Calcium");
    let o = words.iter().position(|(s, _)| s == "o").expect("the words over the limit");
    assert_eq!(words[o].1.bg, theme.over.bg, "the words stand out on the bar");
}

/// Every vitamin D figure on screen in IU: the log, the gauges, the trends, the supplements
/// overlay and its form, search, browse and the suggestions.
#[test]
fn in_iu_no_screen_says_micrograms() {
    let base = in_iu(with_supplements());
    let mut screens = vec![("main", base.clone())];
    let mut pills = base.clone();
    update(&mut pills, Action::OpenSupplements);
    update(
        &mut pills,
        Action::ProductsLoaded(vec![Product {
            id: 1,
            name: "D3".into(),
            nutrient: Nutrient::VitaminD,
            amount: 25.0,
            form: None,
        }]),
    );
    screens.push(("supplements", pills.clone()));
    update(&mut pills, Action::AddDose);
    update(&mut pills, Action::NextNutrient);
    update(&mut pills, Action::NextNutrient);
    let form = screen(&pills, 80, 24);
    assert!(form.contains("Vitamin D") && form.contains("e.g. 1000 IU"), "{form}");
    screens.push(("dose form for vitamin D", pills.clone()));
    for c in "2000 IU".chars() {
        update(&mut pills, Action::Type(c));
    }
    screens.push(("dose form preview", pills));
    let mut search = base.clone();
    update(&mut search, Action::OpenSearch);
    for c in "salmon".chars() {
        update(&mut search, Action::Type(c));
    }
    update(&mut search, Action::SearchResults { query: "salmon".into(), foods: vec![salmon(), milk()] });
    screens.push(("search", search));
    let mut ideas = base.clone();
    update(&mut ideas, Action::OpenSuggestions);
    update(&mut ideas, Action::NextNutrient);
    update(&mut ideas, Action::NextNutrient);
    update(
        &mut ideas,
        Action::SuggestionsLoaded(GapSuggestions {
            date: date(25),
            nutrient: Nutrient::VitaminD,
            total: 2.0,
            target: Some(15.0),
            gap: 13.0,
            list: vec![],
        }),
    );
    screens.push(("suggestions", ideas));
    for (what, state) in &screens {
        for (w, h) in [(80, 24), (120, 40), (40, 10)] {
            let text = screen(state, w, h);
            assert!(!text.contains("µg"), "{what} at {w}x{h} says µg:\n{text}");
            assert!(text.contains("IU"), "{what} at {w}x{h} says IU:\n{text}");
        }
    }
}
