//! Exports say everything and drop nothing silently; spreadsheets never run a name as a
//! formula; an import refuses, saying where, every file it cannot take exactly, and then
//! writes nothing; text with control characters is never kept, and never replayed to the
//! terminal even when an older diary holds it.

mod common;

use serde_json::{json, Value};

use common::{assert_refused, Env};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn csv_totals_never_drop_days_whatever_the_span() {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g", "--date", "2026-01-05"]);
    env.ok(&["log", "add", "12061", "30g", "--date", "2026-01-07"]);
    // A short span: every day, the one with nothing logged empty rather than 0.
    let csv = env.ok(&["export", "--format", "csv", "--totals"]);
    let days: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(days.len(), 3, "{csv}");
    assert!(days[0].starts_with("2026-01-05,1,"), "{}", days[0]);
    assert!(days[1].starts_with("2026-01-06,0,,,,"), "nothing logged: empty, not 0: {}", days[1]);
    assert!(days[1].trim_end().ends_with(",,"), "{}", days[1]);

    // One mistyped year: the real days stay, with only the days logged listed, and it says so.
    env.ok(&["log", "add", "12061", "30g", "--date", "2200-01-05"]);
    let out = env.run(&["export", "--format", "csv", "--totals"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = String::from_utf8(out.stdout.clone()).unwrap();
    let dates: Vec<&str> = csv.lines().skip(1).map(|l| &l[..10]).collect();
    assert_eq!(dates, ["2026-01-05", "2026-01-07", "2200-01-05"]);
    let err = stderr(&out);
    assert!(
        err.contains("2026-01-05 to 2200-01-05 is more than 36525 days; the CSV lists only the 3 days with something logged"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);

    let out =
        env.run(&["export", "--format", "csv", "--totals", "--from", "0001-01-01", "--to", "9999-12-31"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(stderr(&out).contains("0001-01-01 to 9999-12-31 is more than"), "{}", stderr(&out));

    // Within bounds that hold no entry: every day, all empty.
    let csv =
        env.ok(&["export", "--format", "csv", "--totals", "--from", "2026-02-01", "--to", "2026-02-03"]);
    assert_eq!(csv.lines().count(), 4, "{csv}");
}

#[test]
fn csv_text_cells_never_become_formulas_and_numbers_stay_numbers() {
    let env = Env::new();
    let name = "-2+3+cmd|' /C calc'!A0";
    let food = env.json(&["food", "add", "--per-100g", "magnesium_mg=1", "--json", "--", name]);
    let id = food["id"].as_str().unwrap();
    env.ok(&["log", "add", id, "10g", "--date", "2026-01-05"]);
    let csv = env.ok(&["export", "--format", "csv"]);
    let row = csv.lines().nth(1).unwrap();
    assert!(row.contains(",'-2+3+cmd|' /C calc'!A0,"), "{row}");
    assert!(row.contains(",10g,10,"), "grams stay a number: {row}");
    assert!(row.contains(",0.1,"), "nutrients stay numbers: {row}");
    for name in ["=1+1", "+1", "@SUM(A1)"] {
        let food = env.json(&["food", "add", "--per-100g", "magnesium_mg=1", "--json", "--", name]);
        env.ok(&["log", "add", food["id"].as_str().unwrap(), "10g", "--date", "2026-01-06"]);
    }
    let csv = env.ok(&["export", "--format", "csv", "--from", "2026-01-06"]);
    let names: Vec<&str> = csv.lines().skip(1).map(|l| l.split(',').nth(4).unwrap()).collect();
    assert_eq!(names, ["'=1+1", "'+1", "'@SUM(A1)"]);
}

/// A valid export of a small diary, as JSON to change.
fn export_of_a_small_diary() -> (Env, Value) {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g", "--date", "2026-01-05", "--meal", "dinner"]);
    env.ok(&["supplement", "add", "magnesium", "100 mg", "--date", "2026-01-05", "--save", "Mg"]);
    env.ok(&["meal", "save", "usual", "--date", "2026-01-05", "--meal", "dinner"]);
    env.ok(&["food", "add", "Bar", "--per-100g", "magnesium_mg=5", "--portion", "1 bar=40g"]);
    env.ok(&["profile", "set", "--sex", "female", "--age", "40", "--weight", "60"]);
    let x: Value = serde_json::from_str(&env.ok(&["export"])).unwrap();
    (env, x)
}

/// Imports `text` into a fresh data directory: refused, naming `at`, with nothing written.
fn refused_at(text: &str, at: &str) {
    let env = Env::new();
    let file = env.tmp.path().join("import.json");
    std::fs::write(&file, text).unwrap();
    let out = env.run(&["import", "diary", file.to_str().unwrap()]);
    assert_refused(&out, at);
    assert!(stderr(&out).contains(at), "expected {at:?} in: {}", stderr(&out));
    if env.diary_path().exists() {
        let conn = rusqlite::Connection::open(env.diary_path()).unwrap();
        let rows: i64 = conn
            .query_row(
                "SELECT (SELECT COUNT(*) FROM entries) + (SELECT COUNT(*) FROM supplements) + \
                 (SELECT COUNT(*) FROM custom_foods) + (SELECT COUNT(*) FROM saved_meals) + \
                 (SELECT COUNT(*) FROM supplement_products) + (SELECT COUNT(*) FROM profile)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(rows, 0, "{at}: nothing written");
    }
}

/// A change that spoils an export.
type Change = Box<dyn Fn(&mut Value)>;

#[test]
fn import_refuses_what_it_cannot_take_exactly_and_says_where() {
    let (_env, x) = export_of_a_small_diary();
    let good = x.to_string();
    // The unchanged export imports.
    let other = Env::new();
    let file = other.tmp.path().join("good.json");
    std::fs::write(&file, &good).unwrap();
    other.ok(&["import", "diary", file.to_str().unwrap()]);

    let cases: Vec<(&str, Change)> = vec![
        // References: a custom food's id, and the custom foods entries and meals name.
        ("custom_foods[0].id", Box::new(|x| x["custom_foods"][0]["id"] = json!("12061"))),
        ("entries[0].food_id", Box::new(|x| x["entries"][0]["food_id"] = json!("c5"))),
        ("saved_meals[0].items[0]", Box::new(|x| x["saved_meals"][0]["items"][0][0] = json!("c9"))),
        ("saved_meals[0].items[0]", Box::new(|x| x["saved_meals"][0]["items"][0][1] = json!("-5g"))),
        ("saved_meals[0].items", Box::new(|x| x["saved_meals"][0]["items"] = json!([]))),
        (
            "entries[0].per_100g.magnesium_mg",
            Box::new(|x| x["entries"][0]["per_100g"]["magnesium_mg"] = json!(1e308)),
        ),
        (
            "entries[0].per_100g.protein_g",
            Box::new(|x| x["entries"][0]["per_100g"]["protein_g"] = json!(100.5)),
        ),
        (
            "custom_foods[0].per_100g.energy_kcal",
            Box::new(|x| x["custom_foods"][0]["per_100g"]["energy_kcal"] = json!(5000)),
        ),
        ("supplements[0].amount", Box::new(|x| x["supplements"][0]["amount"] = json!(1e308))),
        ("supplements[0].amount", Box::new(|x| x["supplements"][0]["amount"] = json!(-5))),
        ("entries[0].grams", Box::new(|x| x["entries"][0]["grams"] = json!(-30))),
        (
            "custom_foods[0].portions[0].grams",
            Box::new(|x| x["custom_foods"][0]["portions"][0]["grams"] = json!(-1)),
        ),
        ("supplement_products[0].amount", Box::new(|x| x["supplement_products"][0]["amount"] = json!(-1))),
        (
            "saved_meals[1].name",
            Box::new(|x| {
                let m = x["saved_meals"][0].clone();
                x["saved_meals"].as_array_mut().unwrap().push(m);
            }),
        ),
        (
            "supplement_products[1].name",
            Box::new(|x| {
                let p = x["supplement_products"][0].clone();
                x["supplement_products"].as_array_mut().unwrap().push(p);
            }),
        ),
        ("saved_meals[0].name", Box::new(|x| x["saved_meals"][0]["name"] = json!(""))),
        ("saved_meals[0].name", Box::new(|x| x["saved_meals"][0]["name"] = json!("m".repeat(101)))),
        ("entries[0].logged_at", Box::new(|x| x["entries"][0]["logged_at"] = json!("2".repeat(1 << 20)))),
        ("entries[0].logged_at", Box::new(|x| x["entries"][0]["logged_at"] = json!("yesterday-ish"))),
        ("entries[0].name", Box::new(|x| x["entries"][0]["name"] = json!("\u{1b}]52;c;aGk=\u{7}"))),
        ("custom_foods[0].name", Box::new(|x| x["custom_foods"][0]["name"] = json!("\u{1b}]0;PWNED\u{7}"))),
        ("supplements[0].form", Box::new(|x| x["supplements"][0]["form"] = json!("\u{1b}[31mred"))),
        (
            "supplement_products[0].name",
            Box::new(|x| x["supplement_products"][0]["name"] = json!("\u{1b}[5mBlink")),
        ),
        ("saved_meals[0].items[0]", Box::new(|x| x["saved_meals"][0]["items"][0][1] = json!("1\ncup"))),
        ("profile.weight_kg", Box::new(|x| x["profile"]["weight_kg"] = json!(-70))),
        ("entries[0].date", Box::new(|x| x["entries"][0]["date"] = json!("today"))),
        ("supplements[0].date", Box::new(|x| x["supplements"][0]["date"] = json!("tomorrow"))),
        ("entries[0].date", Box::new(|x| x["entries"][0]["date"] = json!("2026-02-30"))),
    ];
    for (at, change) in cases {
        let mut bad = x.clone();
        change(&mut bad);
        refused_at(&bad.to_string(), at);
    }
    // Trailing text after the document, or two exports one after the other.
    refused_at(&format!("{good}xyz"), "the file goes on after the export ends");
    refused_at(&format!("{good}\n{good}"), "the file goes on after the export ends");
}

#[test]
fn control_characters_are_refused_on_the_way_in_and_escaped_on_the_way_out() {
    let env = Env::new();
    let form = "\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{1b}[31mglycinate";
    for args in [
        vec!["supplement", "add", "magnesium", "200 mg", "--form", form, "--save", "ok"],
        vec!["supplement", "add", "magnesium", "200 mg", "--form", "glycinate", "--save", "\u{1b}[5mBlink"],
        vec!["food", "add", "\u{1b}[5mBlink", "--per-100g", "magnesium_mg=1"],
    ] {
        let out = env.run(&args);
        assert_refused(&out, &format!("{args:?}"));
        assert!(stderr(&out).contains("control character"), "{}", stderr(&out));
        assert!(!stderr(&out).contains('\u{1b}'), "the refusal does not echo the escape");
    }
    assert!(!env.diary_path().exists() || env.ok(&["supplement", "list"]).starts_with("no supplements"));

    // An older marrow (or a hand edit) left escapes in the diary: they are shown, not run.
    env.ok(&["supplement", "add", "magnesium", "200 mg", "--form", "glycinate", "--date", "2026-01-05"]);
    env.ok(&["log", "add", "12061", "30g", "--date", "2026-01-05"]);
    let conn = rusqlite::Connection::open(env.diary_path()).unwrap();
    conn.execute("UPDATE supplements SET form = ?1", [form]).unwrap();
    conn.execute("UPDATE entries SET food_name = ?1", ["\u{1b}]52;c;aGk=\u{7}almonds"]).unwrap();
    for args in [
        vec!["supplement", "list", "--date", "2026-01-05"],
        vec!["day", "--date", "2026-01-05"],
        vec!["supplement", "rm", "1"],
    ] {
        let text = env.ok(&args);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{args:?} printed a raw escape: {text:?}"
        );
        assert!(text.contains('␛'), "{args:?} shows it as a picture: {text:?}");
    }
}

/// A right-to-left override reorders what a terminal shows around it: refused in names on
/// the way in, and shown as a visible mark when an old diary or a CSV holds one.
#[test]
fn bidirectional_overrides_are_refused_in_names_and_never_printed_raw() {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g", "--date", "2026-01-05", "--meal", "dinner"]);
    assert_refused(&env.run(&["meal", "save", "usual\u{202e}tsafkaerb", "--date", "2026-01-05"]), "RLO");
    env.ok(&["meal", "save", "usual", "--date", "2026-01-05", "--meal", "dinner"]);
    let conn = rusqlite::Connection::open(env.diary_path()).unwrap();
    conn.execute("UPDATE saved_meals SET name = ?1", ["usual\u{202e}tsafkaerb"]).unwrap();
    conn.execute("UPDATE entries SET food_name = ?1", ["\u{2066}almonds\u{2069}"]).unwrap();
    for args in
        [vec!["meal", "list"], vec!["log", "list", "--date", "2026-01-05"], vec!["export", "--format", "csv"]]
    {
        let text = env.ok(&args);
        assert!(
            !text.contains(['\u{202e}', '\u{2066}', '\u{2069}']),
            "{args:?} printed an override raw: {text:?}"
        );
    }
}

/// A diary that holds only a lab value, a note or a symptom score is not empty: an import
/// without --merge would add its records beside them, so it is refused and nothing written.
#[test]
fn a_diary_with_only_labs_notes_or_scores_is_not_empty() {
    let (_, export) = export_of_a_small_diary();
    let source = Env::new();
    let file = source.tmp.path().join("export.json");
    std::fs::write(&file, export.to_string()).unwrap();
    let adds: [&[&str]; 3] = [
        &["lab", "add", "25ohd", "20", "ng/mL", "--date", "2026-03-01"],
        &["note", "add", "long walk", "--date", "2026-03-01"],
        &["symptom", "add", "cramps", "6", "--date", "2026-03-01"],
    ];
    for add in adds {
        let env = Env::new();
        env.ok(add);
        let before = env.diary_files();
        let out = env.run(&["import", "diary", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{add:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("--merge"), "{add:?}: {}", stderr(&out));
        assert!(before == env.diary_files(), "{add:?}: the diary changed");
    }
}

/// The import's summary counts every kind of record it wrote.
#[test]
fn the_import_summary_counts_labs_notes_and_scores() {
    let source = Env::new();
    source.ok(&["log", "add", "01079", "1 cup", "--date", "2026-03-01"]);
    source.ok(&["lab", "add", "25ohd", "20", "ng/mL", "--date", "2026-03-01"]);
    source.ok(&["note", "add", "long walk", "--date", "2026-03-01"]);
    source.ok(&["symptom", "add", "cramps", "6", "--date", "2026-03-01"]);
    source.ok(&["symptom", "add", "stiffness", "3", "--date", "2026-03-01"]);
    let file = source.tmp.path().join("export.json");
    std::fs::write(&file, source.ok(&["export"])).unwrap();
    let said = Env::new().ok(&["import", "diary", file.to_str().unwrap()]);
    assert!(said.contains("1 lab value, 1 note and 2 symptom scores"), "{said}");
}
