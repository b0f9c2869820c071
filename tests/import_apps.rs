//! Coming from another app: `marrow import cronometer` and `marrow import myfitnesspal` on
//! fixtures written from the exporters' documented column layouts (tests/fixtures/apps): a week
//! imports into an empty data directory with its exact sums, a dry run writes nothing, and an
//! unknown layout or a damaged row leaves the diary byte-for-byte as it was.

mod common;

use std::path::PathBuf;

use serde_json::Value;

use common::{assert_near, assert_refused, Env};

fn fixture(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/apps").join(name);
    p.to_string_lossy().into_owned()
}

const CRONOMETER_WEEK: &str = "cronometer-servings-week.csv";
const MFP_WEEK: &str = "myfitnesspal-nutrition-week.csv";

/// The fixture week's daily sums of its rows as exported: magnesium, calcium, energy, and
/// vitamin D (its IU divided by 40) over the rows that give it.
const WEEK: [(&str, f64, f64, f64, f64); 7] = [
    ("2026-01-05", 347.2, 533.7, 1126.4, 22.7),
    ("2026-01-06", 308.1, 506.3, 1001.4, 3.0),
    ("2026-01-07", 228.8, 386.1, 801.2, 19.7),
    ("2026-01-08", 301.0, 501.6, 999.0, 3.0),
    ("2026-01-09", 131.1, 237.2, 525.4, 19.7),
    ("2026-01-10", 398.7, 650.5, 1274.8, 3.0),
    ("2026-01-11", 344.1, 442.7, 1148.4, 22.7),
];

fn exact(actual: &Value, expected: f64, what: &str) {
    let a = actual.as_f64().unwrap_or_else(|| panic!("{what}: {actual} is not a number"));
    assert!((a - expected).abs() < 1e-6, "{what}: {a} is not {expected}");
}

#[test]
fn a_cronometer_week_imports_into_an_empty_data_directory_and_week_shows_its_sums() {
    let env = Env::new();
    let out = env.ok(&["import", "cronometer", &fixture(CRONOMETER_WEEK)]);
    assert!(out.contains("imported 38 entries on 7 days"), "{out}");
    let week = env.json(&["week", "--end", "2026-01-11", "--json"]);
    let days = week["days"].as_array().expect("days");
    assert_eq!(days.len(), 7);
    for (day, (date, mg, ca, kcal, d)) in days.iter().zip(WEEK) {
        assert_eq!(day["date"], date);
        exact(&day["food"]["magnesium_mg"], mg, &format!("{date} magnesium"));
        exact(&day["food"]["calcium_mg"], ca, &format!("{date} calcium"));
        exact(&day["food"]["energy_kcal"], kcal, &format!("{date} energy"));
        exact(&day["food"]["vitamin_d_ug"], d, &format!("{date} vitamin D"));
    }
    let text = env.ok(&["week", "--end", "2026-01-11"]);
    assert!(text.contains("Mon 2026-01-05  347.2  533.7") && text.contains("7 of 7 days"), "{text}");
}

#[test]
fn imported_rows_keep_their_names_meals_amounts_and_unknowns() {
    let env = Env::new();
    env.ok(&["import", "cronometer", &fixture(CRONOMETER_WEEK)]);
    let day = env.json(&["day", "--date", "2026-01-07", "--json"]);
    let entries = day["entries"].as_array().unwrap();
    let named = |name: &str| entries.iter().find(|e| e["name"] == name).unwrap_or_else(|| panic!("{name}"));
    let kale = named("Kale, Raw");
    assert_eq!(kale["meal"], "lunch");
    assert_near(&kale["grams"], 56.7, "2 oz in grams");
    exact(&kale["nutrients"]["vitamin_k_ug"], 220.0, "kale vitamin K as exported");
    // A renamed group with no time goes to snacks; an empty cell stays unknown.
    let yogurt = named("Greek Yogurt, Plain, Nonfat");
    assert_eq!(yogurt["meal"], "snack");
    assert_eq!(yogurt["quantity"], "170.00 g");
    assert!(
        yogurt["nutrients"]["ala_g"].is_null()
            && named("Coffee, Brewed")["nutrients"]["sodium_mg"].is_number()
    );
    // A cup has no weight in the export: its figures are kept as exported all the same.
    let rice = named("Rice, Brown, Long-grain, Cooked");
    exact(&rice["nutrients"]["magnesium_mg"], 79.0, "rice magnesium per cup as exported");
    assert_eq!(rice["meal"], "dinner");
    assert!(day["unknown"]["ala_g"].as_u64().unwrap() > 0, "omega-3 is not ALA");
    // Ordinary entries: the export shows them.
    let csv = env.ok(&["export", "--format", "csv"]);
    assert!(csv.contains("Kale, Raw"), "{csv}");
}

#[test]
fn a_dry_run_reports_and_writes_nothing() {
    let env = Env::new();
    let out = env.ok(&["import", "cronometer", &fixture(CRONOMETER_WEEK), "--dry-run"]);
    for want in [
        "38 entries on 7 days, 2026-01-05 to 2026-01-11",
        "Magnesium",
        "Vitamin D",
        "Net Carbs (g)",
        "Omega-3",
    ] {
        assert!(out.contains(want), "{want}: {out}");
    }
    assert!(!env.data.exists(), "a dry run created the data directory");
    env.ok(&["import", "myfitnesspal", &fixture(MFP_WEEK)]);
    let before = env.diary_files();
    let out = env.ok(&["import", "cronometer", &fixture(CRONOMETER_WEEK), "--dry-run"]);
    assert!(out.contains("nothing was written"), "{out}");
    assert_eq!(env.diary_files(), before, "a dry run changed the diary");
}

#[test]
fn an_unknown_layout_or_a_damaged_row_leaves_the_diary_byte_for_byte() {
    let env = Env::new();
    env.ok(&["import", "cronometer", &fixture(CRONOMETER_WEEK)]);
    let before = env.diary_files();
    let out = env.run(&["import", "cronometer", &fixture("unknown-layout.csv")]);
    assert_refused(&out, "unknown layout");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"Day\"") && err.contains("Food Name") && err.contains("Amount"), "{err}");
    let out = env.run(&["import", "myfitnesspal", &fixture("unknown-layout.csv")]);
    assert_refused(&out, "unknown layout as MyFitnessPal");
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"Meal\""));
    let out = env.run(&["import", "cronometer", &fixture("cronometer-damaged-row.csv")]);
    assert_refused(&out, "damaged row");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("row 4 (line 5)") && err.contains("Calcium (mg)") && err.contains("23O"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(env.diary_files(), before, "a refused file changed the diary");
    // The damaged file's good rows were not imported either.
    let day = env.json(&["day", "--date", "2026-01-05", "--json"]);
    assert_eq!(day["entries"].as_array().unwrap().len(), 7);
}

#[test]
fn importing_the_same_export_twice_is_refused_unless_merged() {
    let env = Env::new();
    env.ok(&["import", "cronometer", &fixture(CRONOMETER_WEEK)]);
    let before = env.diary_files();
    let out = env.run(&["import", "cronometer", &fixture(CRONOMETER_WEEK)]);
    assert_refused(&out, "second import");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("38 entries imported from Cronometer") && err.contains("--merge"), "{err}");
    assert_eq!(env.diary_files(), before, "a refused second import changed the diary");
    // Another app's export of the same days is no duplicate.
    env.ok(&["import", "myfitnesspal", &fixture(MFP_WEEK)]);
    env.ok(&["import", "cronometer", &fixture(CRONOMETER_WEEK), "--merge"]);
    let day = env.json(&["day", "--date", "2026-01-05", "--json"]);
    exact(&day["totals"]["magnesium_mg"], 2.0 * 347.2, "the week twice, as asked");
}

#[test]
fn a_renamed_group_goes_to_the_meal_its_time_falls_in_by_the_config() {
    let env = Env::new();
    env.ok(&["day"]); // creates the hermetic home and its config file
    let config = env.tmp.path().join("home/config.toml");
    std::fs::write(&config, "[meals]\nlunch = \"11:30\"\n").unwrap();
    let csv = env.tmp.path().join("servings.csv");
    std::fs::write(
        &csv,
        "Day,Time,Group,Food Name,Amount,Energy (kcal),Magnesium (mg)\n\
         2026-01-05,10:45 AM,Second Breakfast,Toast,30.00 g,80,7\n\
         2026-01-05,11:40 AM,Early Lunch,Soup,1.00 bowl,150,20\n\
         2026-01-05,,Treats,Chocolate,10.00 g,55,15\n",
    )
    .unwrap();
    env.ok(&["import", "cronometer", &csv.to_string_lossy()]);
    let day = env.json(&["day", "--date", "2026-01-05", "--json"]);
    let meals: Vec<&str> =
        day["entries"].as_array().unwrap().iter().map(|e| e["meal"].as_str().unwrap()).collect();
    assert_eq!(meals, ["breakfast", "lunch", "snack"]);
}

#[test]
fn absurd_negative_and_missing_files_are_refused_with_the_row() {
    let env = Env::new();
    let dir = env.tmp.path();
    let head = "Date,Meal,Calories,Fat (g),Protein (g)\n";
    let cases = [
        ("absurd.csv", format!("{head}2026-01-05,Lunch,600,20,30\n2026-01-06,Dinner,90000,20,30\n"), "row 2"),
        ("negative.csv", format!("{head}2026-01-05,Lunch,600,-2,30\n"), "negative"),
        ("empty.csv", head.to_string(), "no rows"),
    ];
    for (name, text, want) in cases {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let out = env.run(&["import", "myfitnesspal", &path.to_string_lossy()]);
        assert_refused(&out, name);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{name}: {err}");
    }
    assert_refused(&env.run(&["import", "cronometer", &dir.join("absent.csv").to_string_lossy()]), "absent");
    assert!(!env.data.exists(), "a refused import created the data directory");
}

#[test]
fn myfitnesspal_meals_import_with_percent_columns_unknown() {
    let env = Env::new();
    let out = env.ok(&["import", "myfitnesspal", &fixture(MFP_WEEK), "--dry-run"]);
    assert!(out.contains("percent of daily value") && out.contains("25 entries on 7 days"), "{out}");
    env.ok(&["import", "myfitnesspal", &fixture(MFP_WEEK)]);
    let day = env.json(&["day", "--date", "2026-01-08", "--json"]);
    let entries = day["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3, "no snack row that day");
    let dinner = entries.iter().find(|e| e["name"] == "MyFitnessPal dinner").expect("dinner");
    assert_eq!(dinner["meal"], "dinner");
    exact(&dinner["nutrients"]["energy_kcal"], 1380.0, "a 1380 kcal dinner kept whole");
    exact(&dinner["nutrients"]["potassium_mg"], 1420.0, "potassium in mg");
    for key in ["calcium_mg", "iron_mg", "vitamin_c_mg", "vitamin_a_rae_ug"] {
        assert!(
            dinner["nutrients"][key].is_null(),
            "{key} is a percent of daily value: {}",
            dinner["nutrients"][key]
        );
        assert_eq!(day["unknown"][key], 3, "{key}");
    }
    exact(&day["totals"]["energy_kcal"], 420.0 + 610.0 + 1380.0, "the day's energy");
}
