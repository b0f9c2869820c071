//! One odd row (a name that is not UTF-8, a date no calendar has, an unknown supplement
//! nutrient) never takes the rest of the diary with it: `day`, `week` and `export` read what
//! can be read, name each odd row on stderr in one line, leave it as it is, and never count
//! what it held as zero.

mod common;

use serde_json::Value;

use common::{assert_no_panic, assert_refused, Env};

/// A diary with 30 g of almonds on 2026-01-05 (entry #1) and 40 g on 2026-01-06 (#2), and a
/// magnesium dose on 2026-01-06 (dose #1).
fn two_days() -> Env {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g", "--date", "2026-01-05"]);
    env.ok(&["log", "add", "12061", "40g", "--date", "2026-01-06"]);
    env.ok(&["supplement", "add", "magnesium", "100 mg", "--date", "2026-01-06"]);
    env
}

/// Changes the diary behind marrow's back, as a flipped byte or another program would.
fn sql(env: &Env, statement: &str) {
    let conn = rusqlite::Connection::open(env.diary_path()).unwrap();
    conn.execute_batch(statement).unwrap();
}

/// Runs marrow, requiring success, and returns (stdout, stderr).
fn ok_with_notes(env: &Env, args: &[&str]) -> (String, String) {
    let out = env.run(args);
    assert_no_panic(&out, &format!("{args:?}"));
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "marrow {args:?} failed: {stderr}");
    (String::from_utf8(out.stdout).expect("UTF-8 stdout"), stderr)
}

fn raw_name(env: &Env, id: i64) -> Vec<u8> {
    let conn = rusqlite::Connection::open(env.diary_path()).unwrap();
    conn.query_row("SELECT CAST(food_name AS BLOB) FROM entries WHERE id = ?1", [id], |r| r.get(0)).unwrap()
}

#[test]
fn a_name_that_is_not_utf8_leaves_the_rest_readable_and_is_named() {
    let env = two_days();
    sql(&env, "UPDATE entries SET food_name = CAST(X'4e7574ff' AS TEXT) WHERE id = 1");
    let note = "marrow: entry #1 could not be read (food_name is not UTF-8); left as it is";

    // The day after still shows its own entry and the week around it.
    let (text, err) = ok_with_notes(&env, &["day", "--date", "2026-01-06"]);
    assert!(text.contains("Nuts, almonds"), "{text}");
    assert!(err.starts_with(note), "{err}");
    assert_eq!(err.lines().count(), 1, "one line per odd row: {err}");

    // The odd row's own day: its figures are unknown, never zero, and the report says so.
    let (text, _) = ok_with_notes(&env, &["day", "--date", "2026-01-05"]);
    assert!(text.contains("The totals leave out 1 row of this day that could not be read"), "{text}");
    let (json, _) = ok_with_notes(&env, &["day", "--date", "2026-01-05", "--json"]);
    let day: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(day["unreadable"], 1);
    assert_eq!(day["unknown"]["magnesium_mg"], 1, "counted as unknown: {}", day["unknown"]);

    // `log list` of that day names it and lists the rest (here: nothing else).
    let (text, err) = ok_with_notes(&env, &["log", "list", "--date", "2026-01-05"]);
    assert!(err.starts_with("marrow: entry #1 could not be read"), "{err}");
    assert!(text.contains("no entries"), "{text}");
    assert_eq!(day["totals"]["magnesium_mg"], 0.0, "nothing known that day");

    let (text, err) = ok_with_notes(&env, &["week", "--end", "2026-01-06"]);
    assert!(text.contains("2026-01-06"), "{text}");
    assert!(err.starts_with(note), "{err}");

    // JSON export: the readable rows as ever, the odd one exactly as stored.
    let (json, err) = ok_with_notes(&env, &["export"]);
    assert!(err.contains("exported as stored under \"unreadable\""), "{err}");
    let x: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(x["entries"].as_array().unwrap().len(), 1);
    assert_eq!(x["entries"][0]["date"], "2026-01-06");
    let odd = &x["unreadable"][0];
    assert_eq!((odd["table"].as_str(), odd["id"].as_i64()), (Some("entries"), Some(1)));
    assert_eq!(odd["problem"], "food_name is not UTF-8");
    assert_eq!(odd["columns"]["food_name"], serde_json::json!({"text_hex": "4e7574ff"}));
    assert_eq!(odd["columns"]["date"], "2026-01-05");
    assert_eq!(odd["columns"]["grams"], 30.0);

    // CSV: the rest, and a line saying the odd row is out of it.
    let (csv, err) = ok_with_notes(&env, &["export", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 3, "the entry and the dose: {csv}");
    assert!(err.contains("entry #1") && err.contains("out of the CSV"), "{err}");
    let (csv, _) = ok_with_notes(&env, &["export", "--format", "csv", "--totals"]);
    assert!(csv.contains("\r\n2026-01-05,1,"), "the odd row's day is listed, its item counted: {csv}");

    // Importing that export is refused clearly, and nothing is written.
    let file = env.tmp.path().join("export.json");
    std::fs::write(&file, &json).unwrap();
    let other = Env::new();
    let out = other.run(&["import", "diary", file.to_str().unwrap()]);
    assert_refused(&out, "an export holding an unreadable row");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unreadable[0]") && err.contains("entries #1"), "{err}");
    assert!(
        !other.diary_path().exists()
            || other.json(&["log", "list", "--date", "2026-01-06", "--json"]) == serde_json::json!([])
    );

    // Left as it is: the stored bytes are untouched.
    assert_eq!(raw_name(&env, 1), b"Nut\xff");

    // Asked for by id, it can be removed; the diary then reads whole again.
    let (text, _) = ok_with_notes(&env, &["log", "rm", "1"]);
    assert!(text.contains("removed #1, which could not be read (food_name is not UTF-8)"), "{text}");
    let (_, err) = ok_with_notes(&env, &["export"]);
    assert!(err.is_empty(), "nothing odd is left: {err}");
}

#[test]
fn an_impossible_date_and_an_unknown_nutrient_are_reported_not_fatal() {
    let env = two_days();
    // Both pass the schema's checks: 2026-02-30 fits its GLOB, and any nutrient text is kept.
    sql(&env, "UPDATE entries SET date = '2026-02-30' WHERE id = 1; UPDATE supplements SET nutrient = 'x' WHERE id = 1;");

    let (json, err) = ok_with_notes(&env, &["day", "--date", "2026-01-06", "--json"]);
    assert!(
        err.contains("supplement dose #1 could not be read (unknown nutrient \"x\"); left as it is"),
        "{err}"
    );
    let day: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(day["unreadable"], 1, "the dose's day leaves it out");
    assert_eq!(day["entries"].as_array().unwrap().len(), 1);

    // The date sorts into the week ending on 2026-03-01, which names it and carries on.
    let (_, err) = ok_with_notes(&env, &["day", "--date", "2026-03-01"]);
    assert!(err.contains("entry #1 could not be read (date \"2026-02-30\" is not a calendar day)"), "{err}");
    let (_, err) = ok_with_notes(&env, &["week", "--end", "2026-03-01"]);
    assert!(err.contains("entry #1"), "{err}");

    let (json, _) = ok_with_notes(&env, &["export"]);
    let x: Value = serde_json::from_str(&json).unwrap();
    let odd: Vec<(String, i64)> = x["unreadable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["table"].as_str().unwrap().to_string(), u["id"].as_i64().unwrap()))
        .collect();
    assert_eq!(odd, vec![("entries".to_string(), 1), ("supplements".to_string(), 1)]);
    let (_, err) = ok_with_notes(&env, &["export", "--format", "csv", "--totals"]);
    assert_eq!(err.lines().count(), 2, "both named: {err}");
}

#[test]
fn odd_custom_foods_products_and_meals_travel_in_the_export() {
    let env = Env::new();
    env.ok(&["food", "add", "Bar", "--per-100g", "magnesium_mg=10", "--portion", "1 bar=40g"]);
    env.ok(&["food", "add", "Good", "--per-100g", "magnesium_mg=20"]);
    env.ok(&["supplement", "add", "magnesium", "100 mg", "--save", "Mg", "--date", "2026-01-06"]);
    env.ok(&["log", "add", "12061", "30g", "--date", "2026-01-06", "--meal", "lunch"]);
    env.ok(&["meal", "save", "usual", "--date", "2026-01-06", "--meal", "lunch"]);
    sql(
        &env,
        "UPDATE custom_portions SET description = CAST(X'ff' AS TEXT) WHERE food = 1; \
         UPDATE supplement_products SET nutrient = 'zz'; \
         UPDATE saved_meal_items SET quantity = CAST(X'fe' AS TEXT);",
    );
    let (json, err) = ok_with_notes(&env, &["export"]);
    assert_eq!(err.lines().count(), 3, "{err}");
    let x: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(x["custom_foods"].as_array().unwrap().len(), 1, "the good one");
    let tables: Vec<&str> =
        x["unreadable"].as_array().unwrap().iter().map(|u| u["table"].as_str().unwrap()).collect();
    assert_eq!(tables, ["custom_foods", "saved_meals", "supplement_products"]);
    let food = &x["unreadable"][0];
    assert_eq!(food["problem"], "a portion's description is not UTF-8");
    assert_eq!(food["columns"]["name"], "Bar");
    assert_eq!(food["columns"]["portions[0].description"], serde_json::json!({"text_hex": "ff"}));
    assert_eq!(x["unreadable"][1]["columns"]["items[0].quantity"], serde_json::json!({"text_hex": "fe"}));
    assert!(err.contains("custom food c1 could not be read"), "{err}");
}

/// Figures the schema's own checks forbid, stored with those checks turned off: a negative
/// weight, a magnesium figure of -1e308, a dose of 1e308. Each is an odd row, named and left
/// out of totals, never shown as "-13.5 mg" or "inf".
#[test]
fn figures_no_food_or_dose_can_have_are_odd_rows() {
    let env = two_days();
    sql(
        &env,
        "PRAGMA ignore_check_constraints = 1; \
         UPDATE entries SET grams = -5 WHERE id = 1; \
         UPDATE entries SET magnesium_mg = -1e308 WHERE id = 2; \
         UPDATE supplements SET amount = 1e308 WHERE id = 1;",
    );
    let (text, err) = ok_with_notes(&env, &["day", "--date", "2026-01-06"]);
    assert!(err.contains("entry #2 could not be read (magnesium_mg"), "{err}");
    assert!(err.contains("supplement dose #1 could not be read (amount"), "{err}");
    assert!(!text.contains("inf") && !text.contains("-1"), "{text}");
    let (_, err) = ok_with_notes(&env, &["log", "list", "--date", "2026-01-05"]);
    assert!(err.contains("entry #1 could not be read (grams -5"), "{err}");
}
