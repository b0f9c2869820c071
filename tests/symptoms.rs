//! Notes and symptom scores from the command line: round trips, refusals that leave the
//! diary as it was, the view's before/after comparison with its caveat, and export/import.

mod common;

use serde_json::Value;

use common::{assert_refused, Env};

#[test]
fn notes_and_scores_round_trip_through_list_and_rm() {
    let env = Env::new();
    let out = env.ok(&["note", "add", "long walk, slept badly", "--date", "2026-03-02"]);
    assert_eq!(out.trim(), "noted #1 on 2026-03-02: long walk, slept badly");
    env.ok(&["note", "add", "rest day", "--date", "2026-03-05"]);
    let notes = env.json(&["note", "list", "--json"]);
    assert_eq!(notes.as_array().unwrap().len(), 2);
    assert_eq!(notes[0]["text"], "long walk, slept badly");
    let one = env.json(&["note", "list", "--date", "2026-03-05", "--json"]);
    assert_eq!(one.as_array().unwrap().len(), 1);
    assert_eq!(one[0]["date"], "2026-03-05");
    let span = env.json(&["note", "list", "--from", "2026-03-01", "--to", "2026-03-03", "--json"]);
    assert_eq!(span.as_array().unwrap().len(), 1);

    let out = env.ok(&["symptom", "add", "Joint  Pain", "4", "--date", "2026-03-02"]);
    assert_eq!(out.trim(), "logged #1: joint pain 4/10 on 2026-03-02");
    env.ok(&["symptom", "add", "joint pain", "6", "--date", "2026-03-02"]);
    let scores = env.json(&["symptom", "list", "--json"]);
    assert_eq!(scores.as_array().unwrap().len(), 2, "several scores on one day are all kept");
    assert_eq!(scores[1]["name"], "joint pain");
    assert_eq!(scores[1]["score"], 6);

    assert!(env.ok(&["symptom", "rm", "1"]).contains("removed #1: joint pain 4/10"));
    assert!(env.ok(&["note", "rm", "2"]).contains("removed note #2 of 2026-03-05: rest day"));
    assert_eq!(env.json(&["symptom", "list", "--json"]).as_array().unwrap().len(), 1);
    assert_eq!(env.json(&["note", "list", "--json"]).as_array().unwrap().len(), 1);
    assert_refused(&env.run(&["note", "rm", "2"]), "a note already removed");
    assert_refused(&env.run(&["symptom", "rm", "x"]), "an id that is no number");
}

#[test]
fn bad_input_is_one_line_exit_2_and_the_diary_is_unchanged() {
    let env = Env::new();
    env.ok(&["note", "add", "first"]);
    env.ok(&["symptom", "add", "cramps", "3"]);
    let before = env.diary_files();
    let long_note = "n".repeat(501);
    let long_name = "s".repeat(41);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["note", "add", "a\nb"], "a newline"),
        (vec!["note", "add", "\u{1b}[2Jclear"], "an escape"),
        (vec!["note", "add", "   "], "empty"),
        (vec!["note", "add", &long_note], "too long"),
        (vec!["note", "add", "x", "--date", "2026-02-30"], "no such day"),
        (vec!["symptom", "add", "cramps", "11"], "over 10"),
        (vec!["symptom", "add", "cramps", "-1"], "below 0"),
        (vec!["symptom", "add", "cramps", "6.5"], "not whole"),
        (vec!["symptom", "add", "cramps", "six"], "a word"),
        (vec!["symptom", "add", &long_name, "3"], "a long name"),
        (vec!["symptom", "add", "cr\tamps", "3"], "a tab"),
        (vec!["symptom", "view", "cramps", "--nutrient", "unobtainium"], "no such nutrient"),
        (vec!["note", "list", "--from", "2026-03-05", "--to", "2026-03-01"], "from after to"),
    ];
    for (args, what) in cases {
        assert_refused(&env.run(&args), what);
    }
    assert_eq!(env.diary_files(), before, "refused input leaves the diary's files as they were");
}

/// Cramps 6 on the three days before a magnesium supplement starts and 2 on the three days
/// from then on.
fn before_and_after(env: &Env) {
    for day in ["2026-03-01", "2026-03-02", "2026-03-03"] {
        env.ok(&["symptom", "add", "cramps", "6", "--date", day]);
    }
    for day in ["2026-03-04", "2026-03-05", "2026-03-06"] {
        env.ok(&["supplement", "add", "magnesium", "200 mg", "--date", day]);
        env.ok(&["symptom", "add", "cramps", "2", "--date", day]);
    }
}

#[test]
fn the_view_compares_before_and_after_a_start_with_its_caveat() {
    let env = Env::new();
    before_and_after(&env);
    let text = env.ok(&["symptom", "view", "cramps"]);
    assert!(text.contains("magnesium supplement starts"), "{text}");
    assert!(
        text.contains("cramps before magnesium started on 2026-03-04: 6.0 (3 days with a score)"),
        "{text}"
    );
    assert!(text.contains("from that day on (14 days each side): 2.0 (3 days with a score)"), "{text}");
    for part in [
        "Not a trial",
        "regression to the mean",
        "no better than placebo",
        "Cochrane review, 2020",
        "No cause is claimed",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }

    let v = env.json(&["symptom", "view", "cramps", "--json"]);
    let c = &v["comparison"];
    assert_eq!(c["start"], "2026-03-04");
    assert_eq!((c["before"]["mean"].as_f64(), c["before"]["days"].as_u64()), (Some(6.0), Some(3)));
    assert_eq!((c["after"]["mean"].as_f64(), c["after"]["days"].as_u64()), (Some(2.0), Some(3)));
    assert_eq!(v["runs"][0]["start"], "2026-03-04");
    assert_eq!(v["days"][3]["from_supplements"], 200.0);
    assert_eq!(v["days"][0]["intake"], Value::Null, "nothing logged is not zero");

    // Around a day with scores on one side only: nothing to compare, and it says so.
    let text = env.ok(&["symptom", "view", "cramps", "--around", "2026-03-01"]);
    assert!(text.contains("nothing to compare"), "{text}");
    assert!(!text.contains("Cochrane"), "no comparison, so no caveat for one: {text}");
    // Another nutrient, never taken as a supplement: no start to compare around.
    let text = env.ok(&["symptom", "view", "cramps", "--nutrient", "calcium"]);
    assert!(text.contains("no calcium supplement starts within these days"), "{text}");
    assert!(env.ok(&["symptom", "view", "fatigue"]).contains("no scores of fatigue"));
}

#[test]
fn export_and_import_carry_notes_and_symptoms() {
    let env = Env::new();
    before_and_after(&env);
    env.ok(&["note", "add", "started magnesium glycinate", "--date", "2026-03-04"]);
    let export = env.json(&["export"]);
    assert_eq!(export["notes"].as_array().unwrap().len(), 1);
    assert_eq!(export["symptoms"].as_array().unwrap().len(), 6);
    let file = env.tmp.path().join("export.json");
    std::fs::write(&file, serde_json::to_string(&export).unwrap()).unwrap();

    let other = Env::new();
    other.ok(&["import", "diary", file.to_str().unwrap()]);
    assert_eq!(other.json(&["note", "list", "--json"])[0]["text"], "started magnesium glycinate");
    assert_eq!(other.json(&["symptom", "list", "--json"]).as_array().unwrap().len(), 6);
    let v = other.json(&["symptom", "view", "cramps", "--json"]);
    assert_eq!(v["comparison"]["before"]["mean"].as_f64(), Some(6.0));

    // An older export, without the two lists, still imports.
    let mut old = export.clone();
    old.as_object_mut().unwrap().remove("notes");
    old.as_object_mut().unwrap().remove("symptoms");
    std::fs::write(&file, serde_json::to_string(&old).unwrap()).unwrap();
    let third = Env::new();
    third.ok(&["import", "diary", file.to_str().unwrap()]);
    assert_eq!(third.json(&["symptom", "list", "--json"]).as_array().unwrap().len(), 0);

    // A score out of range is refused where it stands, and nothing is written.
    let mut bad = export;
    bad["symptoms"][2]["score"] = 12.into();
    std::fs::write(&file, serde_json::to_string(&bad).unwrap()).unwrap();
    let fourth = Env::new();
    let out = fourth.run(&["import", "diary", file.to_str().unwrap()]);
    assert_refused(&out, "a score of 12");
    assert!(String::from_utf8_lossy(&out.stderr).contains("symptoms[2].score"));
    assert_eq!(fourth.json(&["note", "list", "--json"]).as_array().unwrap().len(), 0);
}

/// The schema check knows the notes and symptoms tables: a diary that has them but whose
/// header names the schema before them is damaged, refused and left as it is.
#[test]
fn a_header_older_than_the_notes_tables_is_refused_untouched() {
    let env = Env::new();
    env.ok(&["note", "add", "precious"]);
    let conn = rusqlite::Connection::open(env.diary_path()).unwrap();
    conn.pragma_update(None, "user_version", 3).unwrap();
    drop(conn);
    let before = env.diary_files();
    let out = env.run(&["note", "list"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("is damaged") && message.contains("schema version 3"), "{message}");
    assert_eq!(env.diary_files(), before);
}
