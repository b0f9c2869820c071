//! Snapshot tests of every pane and overlay at 80x24 (and tiny sizes), drawn from a fixed
//! date and a seeded state on ratatui's TestBackend.

use chrono::{NaiveDate, NaiveTime};
use marrow::domain::day::DaySummary;
use marrow::domain::insights::suggest;
use marrow::domain::supplement::Supplement;
use marrow::domain::{Entry, Food, Meal, Nutrient, NutrientValues, Portion, Profile, Sex};
use marrow::domain::{Product, SavedMeal};
use marrow::service::{DayReport, GapSuggestions};
use marrow::tui::action::Action;
use marrow::tui::app::update;
use marrow::tui::keymap;
use marrow::tui::state::{AppState, MealChoice};
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
        in_survey: false,
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
    Profile { sex: Sex::Female, age: 54, default: false, ..Profile::default() }
}

/// A woman of 54 on Wed 25 Nov 2026 with breakfast, lunch and a snack logged, and a week.
fn seeded() -> AppState {
    seeded_with(vec![])
}

/// As `seeded`, with supplement doses on the 25th.
fn seeded_with(doses: Vec<Supplement>) -> AppState {
    let spinach = food("11457", "Spinach, raw", "Vegetables and Vegetable Products", 79.0, 99.0, Some(0.0));
    let chocolate = food("19904", "Chocolate, dark, 70-85% cacao solids", "Sweets", 228.0, 73.0, None);
    let mut s = AppState::new(date(25), Meal::Lunch, profile());
    let entries = vec![
        entry(1, 25, Meal::Breakfast, &almonds(), "30g", 30.0),
        entry(2, 25, Meal::Lunch, &spinach, "1 cup", 30.0),
        entry(3, 25, Meal::Snack, &chocolate, "1 oz", 28.35),
    ];
    let days: Vec<DaySummary> = (19..=25)
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
            let of_day: Vec<Supplement> = doses.iter().filter(|x| x.date == date(d)).cloned().collect();
            DaySummary::with_supplements(date(d), &e, &of_day, &profile())
        })
        .collect();
    update(&mut s, Action::DayLoaded(DayReport::new(date(25), profile(), entries, doses, days.clone())));
    update(&mut s, Action::TrendLoaded { end: date(25), days });
    s
}

fn screen(state: &AppState, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, state, &Theme::new(true))).unwrap();
    t.backend().to_string()
}

/// Presses a key (by its config name) through the state's keymap, as the app does.
fn press(s: &mut AppState, key: &str) {
    if let Some(action) = s.keys.resolve(s, keymap::event(key).unwrap()) {
        update(s, action);
    }
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
    press(&mut s, "s");
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn group_picker() {
    let mut s = with_search("");
    update(
        &mut s,
        Action::GroupsLoaded(vec!["Fats and Oils".into(), "Nut and Seed Products".into(), "Sweets".into()]),
    );
    press(&mut s, "g");
    update(&mut s, Action::ListDown);
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn amount_prompt_with_preview() {
    let mut s = with_search("almonds");
    update(&mut s, Action::FoodLoaded(almonds(), None));
    for c in "30g".chars() {
        update(&mut s, Action::Type(c));
    }
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn amount_prompt_empty_shows_a_hint() {
    let mut s = with_search("almonds");
    update(&mut s, Action::FoodLoaded(almonds(), None));
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
            DaySummary::new(date(d), &e, &profile())
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
    update(&mut s, Action::FoodLoaded(almonds(), None));
    let mut help = seeded();
    update(&mut help, Action::OpenHelp);
    let mut pills = with_doses();
    update(&mut pills, Action::OpenSupplements);
    update(&mut pills, Action::ProductsLoaded(products()));
    press(&mut pills, "a");
    let mut ideas = seeded();
    update(&mut ideas, Action::OpenSuggestions);
    let mut naming = seeded();
    update(&mut naming, Action::SaveMeal);
    for state in [seeded(), s, help, pills, ideas, naming, with_doses()] {
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
    let vitamin_d = text.lines().find(|l| l.starts_with("\"│Vitamin D")).expect("the vitamin D gauge");
    assert!(vitamin_d.contains("1 of 3 unknown"), "{text}");
    assert!(screen(&s, 120, 40).contains("1 of 3 items unknown"), "in full where there is room");
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

/// Two magnesium doses over the supplement upper limit and a vitamin D dose.
fn with_doses() -> AppState {
    seeded_with(vec![
        dose(1, Nutrient::Magnesium, 200.0, Some("glycinate")),
        dose(2, Nutrient::Magnesium, 200.0, Some("glycinate")),
        dose(3, Nutrient::VitaminD, 25.0, None),
    ])
}

fn products() -> Vec<Product> {
    vec![
        Product {
            id: 1,
            name: "Mg glycinate".into(),
            nutrient: Nutrient::Magnesium,
            amount: 200.0,
            form: Some("glycinate".into()),
        },
        Product { id: 2, name: "D3 1000 IU".into(), nutrient: Nutrient::VitaminD, amount: 25.0, form: None },
    ]
}

#[test]
fn main_screen_with_supplements_and_warnings() {
    let text = screen(&with_doses(), 80, 24);
    assert!(text.contains("of which supplements: Mg 400 mg · D 25 µg"), "{text}");
    assert!(text.contains("! Supplemental magnesium 400 mg is above the 350 mg upper limit"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn supplements_overlay() {
    let mut s = with_doses();
    update(&mut s, Action::OpenSupplements);
    update(&mut s, Action::ProductsLoaded(products()));
    update(&mut s, Action::ListDown);
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn supplement_add_form() {
    let mut s = seeded();
    update(&mut s, Action::OpenSupplements);
    update(&mut s, Action::ProductsLoaded(products()));
    press(&mut s, "a");
    update(&mut s, Action::NextNutrient);
    for c in "500 mg".chars() {
        update(&mut s, Action::Type(c));
    }
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn suggestions_overlay() {
    let mut s = seeded();
    update(&mut s, Action::OpenSuggestions);
    let kcal = |mut f: Food, kcal: f64| {
        f.per_100g.set(Nutrient::Energy, Some(kcal));
        f
    };
    let (seeds, greens) = ("Nut and Seed Products", "Vegetables and Vegetable Products");
    let pool = vec![
        kcal(food("12036", "Seeds, sunflower seed kernels, dried", seeds, 325.0, 78.0, Some(0.0)), 584.0),
        kcal(food("12516", "Seeds, pumpkin and squash seed kernels", seeds, 592.0, 46.0, Some(0.0)), 559.0),
        kcal(food("11457", "Spinach, raw", greens, 79.0, 99.0, Some(0.0)), 23.0),
    ];
    let total = s.summary.totals.get(Nutrient::Magnesium);
    let target = s.summary.targets.get(Nutrient::Magnesium);
    let gap = target.map_or(0.0, |t| (t - total).max(0.0));
    let list = suggest(Nutrient::Magnesium, gap, &[kcal(almonds(), 579.0)], &pool, 8);
    update(
        &mut s,
        Action::SuggestionsLoaded(GapSuggestions {
            date: date(25),
            nutrient: Nutrient::Magnesium,
            total,
            target,
            gap,
            list,
        }),
    );
    update(&mut s, Action::ListDown);
    let text = screen(&s, 80, 24);
    assert!(text.contains("Magnesium on Wed 25 Nov: 169.3 of 320 mg so far, 150.7 mg to go"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn saved_meal_picker() {
    let mut s = seeded();
    update(&mut s, Action::OpenSavedMeals);
    let meal = |name: &str, items: &[(&str, &str)]| SavedMeal {
        name: name.into(),
        items: items.iter().map(|(f, q)| (f.to_string(), q.to_string())).collect(),
    };
    update(
        &mut s,
        Action::SavedMealsLoaded(vec![
            MealChoice {
                meal: meal("usual breakfast", &[("12061", "30g"), ("11457", "1 cup")]),
                names: vec!["Nuts, almonds".into(), "Spinach, raw".into()],
            },
            MealChoice { meal: meal("snack", &[("19904", "1 oz")]), names: vec!["Chocolate, dark".into()] },
        ]),
    );
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn search_with_recent_foods() {
    let mut s = with_search("");
    update(&mut s, Action::RecentLoaded(vec![almonds()]));
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn config_extra_nutrients_and_vitamin_d_in_iu() {
    let mut s = seeded();
    s.extra_nutrients = vec![Nutrient::Zinc];
    s.vitamin_d_iu = true;
    let text = screen(&s, 80, 24);
    assert!(text.contains("0.0 / 600 IU"), "{text}");
    assert!(text.contains("Zinc"), "{text}");
    insta::assert_snapshot!(text);
}

/// Brown rice as the search lists it: the cooked grain first, the dry grain marked, and the
/// highlighted row's full name and group at the foot, so two rices that begin alike differ.
#[test]
fn search_marks_forms_not_as_eaten_and_names_the_highlighted_food_in_full() {
    let mut s = seeded();
    update(&mut s, Action::OpenSearch);
    for c in "brown rice".chars() {
        update(&mut s, Action::Type(c));
    }
    let grain = "Cereal Grains and Pasta";
    let foods = vec![
        food("20037", "Rice, brown, long-grain, cooked", grain, 43.0, 10.0, Some(0.0)),
        food("20041", "Rice, brown, medium-grain, cooked", grain, 43.0, 10.0, Some(0.0)),
        food("20036", "Rice, brown, long-grain, raw", grain, 143.0, 9.0, Some(0.0)),
    ];
    update(&mut s, Action::SearchResults { query: "brown rice".into(), foods });
    update(&mut s, Action::ListDown);
    update(&mut s, Action::ListDown);
    let shown = screen(&s, 80, 24);
    insta::assert_snapshot!(shown);
    assert!(shown.contains("*Rice, brown, long-grain, raw"), "the dry grain is marked");
    assert!(!shown.contains("*Rice, brown, long-grain, cooked"), "the cooked grain is not");
    assert!(shown.contains("Rice, brown, long-grain, raw · Cereal Grains and Pasta"), "{shown}");
}
