//! The sun and the bone co-factors as a user meets them: `day`, `day --json` and `review` with
//! a config that gives a latitude or a city (January against June, north against south), no
//! word of the sun without one, bad places refused with their line, the co-factor panel in
//! `day`, and the app's sun line and co-factor overlay at 80x24 (snapshots).

mod common;

use chrono::NaiveDate;
use marrow::domain::day::DaySummary;
use marrow::domain::{Entry, Meal, Nutrient, Profile, Sex};
use marrow::service::DayReport;
use marrow::tui::action::Action;
use marrow::tui::app::update;
use marrow::tui::state::AppState;
use marrow::tui::ui::{draw, theme::Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use common::{assert_refused, Env};

/// An environment whose config file says `config`.
fn env_with(config: &str) -> Env {
    let env = Env::new();
    let home = env.tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(home.join("config.toml"), config).unwrap();
    env
}

fn milk_on(env: &Env, dates: &[&str]) {
    for d in dates {
        env.ok(&["log", "add", "01079", "1 cup", "--date", d]);
    }
}

#[test]
fn boston_in_january_has_no_vitamin_d_from_the_sun_and_in_june_it_has() {
    let env = env_with("[place]\nlatitude = 42.4\n");
    milk_on(&env, &["2026-01-15", "2026-06-15"]);
    let jan = env.ok(&["day", "--date", "2026-01-15"]);
    let line = jan.lines().find(|l| l.starts_with("Sun at")).expect("a sun line");
    assert!(line.starts_with("Sun at 42.4° N: no vitamin D from the sun at this latitude now"), "{line}");
    assert!(line.contains("vitamin D season March to October, none November to February"), "{line}");
    assert!(line.contains("Webb, Kline, Holick 1988"), "{line}");
    let jun = env.ok(&["day", "--date", "2026-06-15"]);
    assert!(jun.contains("Sun at 42.4° N: vitamin D season (noon sun 71° today)"), "{jun}");
    let v = env.json(&["day", "--date", "2026-01-15", "--json"]);
    assert_eq!(v["sun"]["vitamin_d_season"], false);
    assert_eq!(v["sun"]["season_months"], serde_json::json!([3, 4, 5, 6, 7, 8, 9, 10]));
    let v = env.json(&["day", "--date", "2026-06-15", "--json"]);
    assert_eq!(v["sun"]["vitamin_d_season"], true);
}

#[test]
fn a_city_gives_its_latitude_and_the_south_has_its_season_in_january() {
    let env = env_with("[place]\ncity = \"Hobart\"\n");
    let july = env.ok(&["day", "--date", "2026-07-15"]);
    assert!(july.contains("Sun at 42.9° S: no vitamin D from the sun at this latitude now"), "{july}");
    assert!(july.contains("vitamin D season September to April, none May to August"), "{july}");
    let jan = env.ok(&["day", "--date", "2026-01-15"]);
    assert!(jan.contains("Sun at 42.9° S: vitamin D season"), "{jan}");
    // Los Angeles in January, where Webb, Kline and Holick measured synthesis.
    let env = env_with("[place]\ncity = \"Los Angeles\"\n");
    let jan = env.ok(&["day", "--date", "2026-01-05"]);
    assert!(jan.contains("Sun at 34.1° N: vitamin D season"), "{jan}");
    let env = env_with("[place]\ncity = \"San Juan\"\n");
    let jan = env.ok(&["day", "--date", "2026-01-15"]);
    assert!(jan.contains("Sun at 18.5° N: vitamin D season"), "Puerto Rico in January: {jan}");
}

#[test]
fn without_a_place_nothing_is_said_of_the_sun() {
    let env = Env::new();
    milk_on(&env, &["2026-01-15"]);
    let day = env.ok(&["day", "--date", "2026-01-15"]);
    assert!(!day.contains("Sun") && !day.contains("vitamin D season"), "{day}");
    assert_eq!(env.json(&["day", "--date", "2026-01-15", "--json"])["sun"], serde_json::Value::Null);
    let review = env.ok(&["review", "--end", "2026-01-15"]);
    assert!(!review.contains("Sun at"), "{review}");
    assert!(env.json(&["review", "--end", "2026-01-15", "--json"]).get("sun").is_none());
}

#[test]
fn a_bad_place_is_refused_with_its_line_and_the_diary_is_untouched() {
    let cases = [
        ("[place]\nlatitude = 95\n", "line 2: latitude 95 must be from -90 to 90"),
        ("[place]\nlatitude = \"north\"\n", "line 2"),
        ("[app]\ntheme = \"mono\"\n\n[place]\ncity = \"Atlantis\"\n", "line 5: unknown city \"Atlantis\""),
        ("[place]\nlatitude = 42.4\ncity = \"Boston\"\n", "line 3: give a latitude or a city"),
        ("[place]\nlongitude = -71\n", "line 2"),
    ];
    for (config, says) in cases {
        let env = Env::new();
        milk_on(&env, &["2026-01-15"]);
        let before = env.diary_files();
        std::fs::write(env.tmp.path().join("home/config.toml"), config).unwrap();
        for args in [&["day"][..], &["log", "add", "01079", "1 cup"]] {
            let out = env.run(args);
            assert_refused(&out, config);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains(says), "{config:?}: {stderr}");
        }
        assert_eq!(env.diary_files(), before, "{config:?}: the diary changed");
    }
}

#[test]
fn review_calls_out_vitamin_d_below_the_target_in_months_without_sun() {
    let env = env_with("[place]\nlatitude = 42.4\n");
    milk_on(&env, &["2026-01-13", "2026-01-14", "2026-06-13"]);
    let jan = env.ok(&["review", "--end", "2026-01-15"]);
    let line = jan.lines().find(|l| l.starts_with("Sun at")).expect("a sun line");
    assert!(line.contains("no vitamin D from the sun on every day of the period"), "{line}");
    assert!(line.contains("gave 2.9 µg a logged day, below the 15 µg target"), "{line}");
    let v = env.json(&["review", "--end", "2026-01-15", "--json"]);
    assert_eq!(v["sun"]["short_without_sun"], true);
    assert_eq!(v["sun"]["sunless_days"], 7);
    let jun = env.ok(&["review", "--end", "2026-06-15"]);
    assert!(jun.contains("vitamin D season on every day of the period (March to October)"), "{jun}");
    // Enough vitamin D from a supplement: no shortfall is called out, sun or not.
    env.ok(&["supplement", "add", "vitamin-d", "25 µg", "--date", "2026-01-14"]);
    env.ok(&["supplement", "add", "vitamin-d", "25 µg", "--date", "2026-01-13"]);
    let jan = env.ok(&["review", "--end", "2026-01-15"]);
    assert!(jan.contains("at or above the 15 µg target"), "{jan}");
}

#[test]
fn day_lists_the_bone_cofactors_with_their_sources() {
    let env = Env::new();
    env.ok(&["profile", "set", "--sex", "female", "--age", "54", "--weight", "70"]);
    milk_on(&env, &["2026-01-15"]);
    let day = env.ok(&["day", "--date", "2026-01-15"]);
    let at = day.find("Bone co-factors:").expect("the panel");
    let panel: Vec<&str> = day[at..].lines().skip(1).take(5).map(str::trim).collect();
    assert!(panel[0].starts_with("Protein 8.1 g of 56 g, 14% (RDA 0.8 g/kg x 70 kg"), "{panel:?}");
    assert!(panel[1].starts_with("Vitamin K1 0.5 µg of 90 µg") && panel[1].contains("IOM 2001"), "{panel:?}");
    assert!(panel[2].starts_with("Vitamin K2 (MK-4)") && panel[2].contains("no DRI"), "{panel:?}");
    assert!(
        panel[3].contains("about 2 mg of calcium lost in urine") && panel[3].contains("Weaver 1999"),
        "{panel:?}"
    );
    assert!(panel[4].starts_with("Caffeine") && panel[4].contains("SR28"), "{panel:?}");
    let v = env.json(&["day", "--date", "2026-01-15", "--json"]);
    let c = &v["cofactors"];
    assert_eq!(c["protein_g"]["target"], 56.0);
    assert_eq!(c["protein_g"]["basis"]["g_per_kg"], 0.8);
    assert_eq!(c["protein_g"]["older_adult_advice"], serde_json::Value::Null);
    assert!(c["vitamin_k2_mk4_ug"]["items_known"].is_u64(), "{c}");
    assert!(c["caffeine_mg"]["source"].is_string(), "{c}");
    assert_eq!(c["vitamin_k_ug"]["ai"], 90.0);
    assert_eq!(c["sodium_mg"]["urinary_calcium_mg"], 2.0);
    // Past 65 the PROT-AGE/ESPEN advice joins the RDA, as advice.
    env.ok(&["profile", "set", "--age", "70"]);
    let day = env.ok(&["day", "--date", "2026-01-15"]);
    assert!(
        day.contains(
            "over 65: 1.0-1.2 g/kg, 70-84 g advised by PROT-AGE 2013 and ESPEN 2014: their advice, not a DRI"
        ),
        "{day}"
    );
    let v = env.json(&["day", "--date", "2026-01-15", "--json"]);
    assert_eq!(v["cofactors"]["protein_g"]["older_adult_advice"]["g"], serde_json::json!([70.0, 84.0]));
}

// The app, drawn at 80x24.

fn jan(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
}

/// A woman of 54, 70 kg, in Boston on Thu 15 Jan 2026 with milk and bread logged.
fn app_in_boston(day: NaiveDate) -> AppState {
    let profile =
        Profile { sex: Sex::Female, age: 54, weight_kg: Some(70.0), default: false, ..Profile::default() };
    let entry = |id: i64, meal: Meal, f: &marrow::domain::Food, grams: f64| Entry {
        id,
        date: day,
        meal,
        food_id: f.id.clone(),
        food_name: f.name.clone(),
        grams,
        quantity: format!("{grams}g"),
        logged_at: String::new(),
        per_100g: f.per_100g,
    };
    let mut milk = common::foods::food("01079", "Milk, reduced fat, 2%", 11.0, 120.0, Some(1.2));
    milk.per_100g.set(Nutrient::Protein, Some(3.3));
    milk.per_100g.set(Nutrient::Sodium, Some(47.0));
    milk.per_100g.set(Nutrient::VitaminK, Some(0.2));
    let mut bread = common::foods::food("18075", "Bread, whole-wheat", 76.0, 161.0, Some(0.0));
    bread.per_100g.set(Nutrient::Protein, Some(12.5));
    bread.per_100g.set(Nutrient::Sodium, Some(450.0));
    bread.per_100g.set(Nutrient::VitaminK, None);
    let entries = vec![entry(1, Meal::Breakfast, &milk, 244.0), entry(2, Meal::Lunch, &bread, 64.0)];
    let mut s = AppState::new(day, Meal::Lunch, profile.clone());
    s.latitude = Some(42.4);
    let days = vec![DaySummary::new(day, &entries, &profile)];
    update(&mut s, Action::DayLoaded(DayReport::new(day, profile, entries, vec![], days.clone())));
    update(&mut s, Action::TrendLoaded { end: day, days });
    s
}

fn screen(state: &AppState) -> String {
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| draw(f, state, &Theme::new(true))).unwrap();
    t.backend().to_string()
}

#[test]
fn the_app_says_no_vitamin_d_from_the_sun_in_january_and_season_in_june() {
    let s = app_in_boston(jan(15));
    let text = screen(&s);
    assert!(
        text.contains("Sun 42.4° N: no vitamin D from the sun at this latitude now (season Mar-Oct)"),
        "{text}"
    );
    insta::assert_snapshot!("vitamin_d_season_line_80x24", text);
    let june = screen(&app_in_boston(NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()));
    assert!(june.contains("Sun 42.4° N: vitamin D season (none Nov-Feb)"), "{june}");
    let mut s = app_in_boston(jan(15));
    s.latitude = None;
    assert!(!screen(&s).contains("Sun "), "no latitude, no word of the sun");
}

#[test]
fn the_cofactor_overlay_opens_on_its_key() {
    let mut s = app_in_boston(jan(15));
    let key = marrow::tui::keymap::event("B").unwrap();
    let action = s.keys.resolve(&s, key).expect("B is bound");
    update(&mut s, action);
    let text = screen(&s);
    assert!(text.contains("Bone co-factors"), "{text}");
    insta::assert_snapshot!("cofactor_overlay_80x24", text);
}
