//! `marrow lab add|list|rm` over a real diary: the issue's two 25(OH)D readings, conversions
//! shown both ways, the ODS caveat for magnesium, calcium against the lab's own range, the
//! intake of the 90 days before, refusals that leave the diary byte for byte, and labs carried
//! through export and import (an export from before labs still imports).

mod common;

use common::{assert_refused, Env};
use serde_json::Value;

#[test]
fn the_issues_two_vitamin_d_values_read_as_inadequate_for_bone_health_with_the_source() {
    let env = Env::new();
    let ng = env.ok(&["lab", "add", "25ohd", "18", "ng/mL", "--date", "2026-03-01"]);
    assert!(ng.contains("inadequate for bone health"), "{ng}");
    assert!(ng.contains("18 ng/mL (44.9 nmol/L)"), "{ng}");
    assert!(ng.contains("IOM 2011"), "{ng}");
    assert!(ng.contains("not medical advice"), "{ng}");
    let nmol = env.ok(&["lab", "add", "25ohd", "45", "nmol/L", "--date", "2026-06-01"]);
    assert!(nmol.contains("inadequate for bone health"), "{nmol}");
    assert!(nmol.contains("45 nmol/L (18 ng/mL)"), "{nmol}");
    let vd = env.ok(&["lab", "add", "vitamin-d", "55", "ng/mL", "--date", "2026-07-01"]);
    assert!(vd.contains("potential adverse effects above 125 nmol/L"), "{vd}");
}

#[test]
fn add_list_and_remove_round_trip_with_the_intake_before_each_value() {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "100g", "--date", "2026-02-20"]);
    env.ok(&["supplement", "add", "magnesium", "200 mg", "--date", "2026-02-20"]);
    let mg = env.ok(&["lab", "add", "magnesium", "1.9", "mg/dL", "--date", "2026-03-01"]);
    assert!(mg.contains("1.9 mg/dL (0.78 mmol/L)"), "{mg}");
    assert!(mg.contains("reflects body stores poorly"), "{mg}");
    assert!(mg.contains("magnesium over the 90 days before"), "{mg}");
    let ca = env.json(&[
        "lab",
        "add",
        "calcium",
        "2.1",
        "mmol/L",
        "--range",
        "2.2-2.6",
        "--date",
        "2026-03-01",
        "--json",
    ]);
    assert_eq!(ca["reading"], "below the range");
    assert_eq!(ca["range"]["low"], 2.2);
    common::assert_near(&ca["converted"]["value"], 2.1 * 4.008, "calcium in mg/dL");
    assert_eq!(ca["converted"]["unit"], "mg/dL");
    let pth = env.ok(&["lab", "add", "PTH", "4", "pmol/L", "--date", "2026-03-02"]);
    assert!(pth.contains("No range was given"), "{pth}");

    let list = env.json(&["lab", "list", "--json"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 3);
    let mg = &list[0];
    assert_eq!(
        (mg["kind"].as_str(), mg["unit"].as_str(), mg["value"].as_f64()),
        (Some("magnesium"), Some("mg/dL"), Some(1.9))
    );
    let intake = &mg["intake"];
    assert_eq!((intake["from"].as_str(), intake["to"].as_str()), (Some("2025-12-01"), Some("2026-02-28")));
    assert_eq!(intake["logged_days"], 1);
    // 100 g of almonds (270 mg) and a 200 mg dose on the one logged day.
    common::assert_near(&intake["average"], 470.0, "food and supplements");
    common::assert_near(&intake["food_average"], 270.0, "food alone");
    assert_eq!(list[2]["kind"], "pth");
    assert_eq!(list[2]["intake"], Value::Null, "PTH has no nutrient");

    let text = env.ok(&["lab", "list"]);
    assert!(text.contains("serum calcium 2.1 mmol/L (8.4 mg/dL): below the range"), "{text}");
    assert!(text.contains("NIH ODS magnesium fact sheet"), "{text}");
    let id = list[1]["id"].as_i64().unwrap().to_string();
    let rm = env.ok(&["lab", "rm", &id]);
    assert!(rm.starts_with(&format!("removed #{id}: serum calcium")), "{rm}");
    assert_eq!(env.json(&["lab", "list", "--json"]).as_array().unwrap().len(), 2);
}

#[test]
fn a_window_with_no_food_logged_has_no_average_never_zero() {
    let env = Env::new();
    let x = env.json(&["lab", "add", "25ohd", "30", "ng/mL", "--date", "2026-03-01", "--json"]);
    assert_eq!(x["intake"]["average"], Value::Null);
    assert_eq!(x["intake"]["logged_days"], 0);
    assert_eq!(env.ok(&["lab", "list"]).matches("no day with food logged").count(), 1);
}

#[test]
fn bad_input_is_one_line_exit_2_and_the_diary_is_unchanged() {
    let env = Env::new();
    env.ok(&["lab", "add", "25ohd", "20", "ng/mL", "--date", "2026-03-01"]);
    let before = env.diary_files();
    let cases: &[&[&str]] = &[
        &["lab", "add", "ferritin", "20", "ng/mL"],
        &["lab", "add", "25ohd", "20", "mg/dL"],
        &["lab", "add", "25ohd", "-3", "ng/mL"],
        &["lab", "add", "25ohd", "0", "ng/mL"],
        &["lab", "add", "25ohd", "twenty", "ng/mL"],
        &["lab", "add", "25ohd", "inf", "ng/mL"],
        &["lab", "add", "magnesium", "80", "mmol/L"],
        &["lab", "add", "calcium", "9", "mg/dL", "--range", "10.3-8.6"],
        &["lab", "add", "calcium", "9", "mg/dL", "--range", "low-high"],
        &["lab", "add", "25ohd", "20", "ng/mL", "--date", "2999-01-01"],
        &["lab", "add", "25ohd", "20", "ng/mL", "--date", "2026-02-30"],
        &["lab", "rm", "99"],
        &["lab", "rm", "abc"],
    ];
    for args in cases {
        assert_refused(&env.run(args), &format!("{args:?}"));
        assert!(before == env.diary_files(), "{args:?} changed the diary");
    }
}

#[test]
fn export_and_import_carry_labs_and_an_export_without_labs_still_imports() {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "100g", "--date", "2026-02-20"]);
    env.ok(&["lab", "add", "25ohd", "18", "ng/mL", "--date", "2026-03-01"]);
    env.ok(&["lab", "add", "calcium", "9.6", "mg/dL", "--range", "8.6-10.3", "--date", "2026-03-01"]);
    let export = env.ok(&["export"]);
    let x: Value = serde_json::from_str(&export).unwrap();
    assert_eq!(x["labs"].as_array().unwrap().len(), 2);
    assert_eq!(x["labs"][1]["range_low"], 8.6);

    let file = env.tmp.path().join("export.json");
    std::fs::write(&file, &export).unwrap();
    let other = Env::new();
    other.ok(&["import", "diary", file.to_str().unwrap()]);
    assert_eq!(env.json(&["lab", "list", "--json"]), other.json(&["lab", "list", "--json"]));
    assert_eq!(other.ok(&["export"]), export, "the same export again");

    // An export from before labs: no "labs" key at all.
    let mut old = x.clone();
    old.as_object_mut().unwrap().remove("labs");
    std::fs::write(&file, old.to_string()).unwrap();
    let third = Env::new();
    third.ok(&["import", "diary", file.to_str().unwrap()]);
    assert_eq!(third.json(&["lab", "list", "--json"]), Value::Array(vec![]));

    // A lab an import cannot take is refused whole, naming it.
    let mut bad = x.clone();
    bad["labs"][0]["unit"] = "mg/dL".into();
    std::fs::write(&file, bad.to_string()).unwrap();
    let fourth = Env::new();
    let out = fourth.run(&["import", "diary", file.to_str().unwrap()]);
    assert_refused(&out, "a lab in the wrong unit");
    assert!(String::from_utf8_lossy(&out.stderr).contains("labs[0]"));
    assert_eq!(fourth.json(&["log", "list", "--date", "2026-02-20", "--json"]), Value::Array(vec![]));
}

/// The schema check knows the labs table: a header that names the labs schema over tables
/// without it, or an older schema over tables with it, is a damaged diary, refused untouched.
#[test]
fn a_schema_version_that_disagrees_with_the_labs_table_is_refused_untouched() {
    use rusqlite::Connection;
    let current = marrow::store::DIARY_SCHEMA_VERSION;
    for (drop_labs, version) in [(true, current), (false, 3)] {
        let env = Env::new();
        env.ok(&["lab", "add", "25ohd", "20", "ng/mL", "--date", "2026-03-01"]);
        let conn = Connection::open(env.diary_path()).unwrap();
        if drop_labs {
            conn.execute_batch("DROP TABLE labs").unwrap();
        }
        conn.pragma_update(None, "user_version", version).unwrap();
        drop(conn);
        let before = env.diary_files();
        let out = env.run(&["lab", "list"]);
        assert_eq!(out.status.code(), Some(1), "{:?}", String::from_utf8_lossy(&out.stderr));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("is damaged") && stderr.contains(&format!("schema version {version}")),
            "{stderr}"
        );
        assert!(before == env.diary_files(), "left untouched");
    }
}

/// The review and both reports have a short labs section when a lab falls in or before the
/// period, and none when every lab is after it.
#[test]
fn review_and_reports_show_labs_in_or_before_the_period() {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "100g", "--date", "2026-02-27"]);
    env.ok(&["lab", "add", "25ohd", "18", "ng/mL", "--date", "2026-02-01"]);
    env.ok(&["lab", "add", "magnesium", "0.7", "mmol/L", "--date", "2026-03-01"]);
    let review = env.ok(&["review", "--end", "2026-03-03"]);
    let labs = review.split("\nLabs:\n").nth(1).expect(&review);
    assert!(labs.contains("25(OH)D 18 ng/mL (44.9 nmol/L): inadequate for bone health"), "{review}");
    assert!(labs.contains("serum magnesium 0.7 mmol/L (1.7 mg/dL): below the range; magnesium over the 90 days before: 270 mg a day"), "{review}");
    let md = env.ok(&["report", "--format", "md", "--end", "2026-03-03"]);
    assert!(md.contains("## Labs") && md.contains("| 2026-03-01 | serum magnesium |"), "{md}");
    assert!(md.contains("IOM 2011"), "{md}");
    let html = env.ok(&["report", "--format", "html", "--end", "2026-03-03"]);
    assert!(html.contains("<h2>Labs</h2>") && html.contains("inadequate for bone health"), "{html}");
    let v = env.json(&["review", "--end", "2026-03-03", "--json"]);
    let labs = v["labs"].as_array().expect("review --json has labs");
    assert_eq!(labs.len(), 2, "{v}");
    assert_eq!(labs[1]["kind"], "magnesium");
    assert_eq!(labs[1]["intake"]["nutrient"], "magnesium_mg");
    let before = env.ok(&["review", "--end", "2026-01-31"]);
    assert!(!before.contains("Labs:"), "{before}");
    assert_eq!(env.json(&["review", "--end", "2026-01-31", "--json"])["labs"], serde_json::json!([]));
    assert!(!env.ok(&["report", "--format", "md", "--end", "2026-01-31"]).contains("## Labs"));
}

/// The app's lab view (`L`) over a real diary, read as the runtime reads it, at 80x24.
#[test]
fn the_lab_view_at_80x24() {
    use marrow::domain::{Meal, Profile};
    use marrow::store::Diary;
    use marrow::tui::action::Action;
    use marrow::tui::app::update;
    use marrow::tui::effect::Effect;
    use marrow::tui::state::AppState;
    use marrow::tui::ui::{draw, theme::Theme};
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    let env = Env::new();
    for (food, qty, date) in [("12061", "100g", "2026-02-20"), ("01077", "2 cups", "2026-05-10")] {
        env.ok(&["log", "add", food, qty, "--date", date]);
    }
    env.ok(&["supplement", "add", "vitamin-d", "25 µg", "--date", "2026-05-10"]);
    env.ok(&["lab", "add", "25ohd", "18", "ng/mL", "--date", "2026-03-01"]);
    env.ok(&["lab", "add", "25ohd", "62", "nmol/L", "--date", "2026-06-01"]);
    env.ok(&["lab", "add", "magnesium", "0.82", "mmol/L", "--date", "2026-03-01"]);
    env.ok(&["lab", "add", "calcium", "9.6", "mg/dL", "--range", "8.6-10.3", "--date", "2026-06-01"]);
    env.ok(&["lab", "add", "pth", "40", "pg/mL", "--date", "2026-06-01"]);
    env.ok(&["lab", "add", "25ohd", "70", "nmol/L", "--date", "2026-08-01"]);

    let end = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let diary = Diary::open_for_reading(&env.diary_path()).unwrap();
    let mut s = AppState::new(end, Meal::Lunch, Profile::default());
    let fx = update(&mut s, Action::OpenLabs);
    let [Effect::LoadLabs(upto)] = fx.as_slice() else { panic!("{fx:?}") };
    let found = marrow::service::labs::lines(&diary, Some(*upto)).unwrap();
    assert_eq!(found.len(), 5, "the value after the shown date is left out");
    update(&mut s, Action::LabsLoaded(found));
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| draw(f, &s, &Theme::new(true))).unwrap();
    let screen = t.backend().to_string();
    insta::assert_snapshot!("lab_view_80x24", screen);
}
