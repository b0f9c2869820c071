//! The service layer through the commands: every command opens the diary at most once, and
//! `import diary` refuses, whole, the profile `profile set` refuses.
//!
//! Opens are counted by the store itself (`store::diary_opens`: each `Diary::open` and each
//! read-only look at a diary file, per thread). The commands run in this process through
//! `cli::run`, as `main` runs them, on the test's own thread, so tests running side by side
//! do not mix their counts.

mod common;

use clap::Parser;
use common::{assert_refused, Env};
use marrow::cli::{self, Cli, Context};
use marrow::store::diary_opens;
use serde_json::{json, Value};

const D: &str = "2026-03-02";

/// Runs `marrow --data-dir DATA ARGS` in this process and returns how many times it opened
/// the diary; it must succeed.
fn opens(env: &Env, args: &[&str]) -> usize {
    let argv = ["marrow", "--data-dir", env.data.to_str().unwrap()].into_iter().chain(args.iter().copied());
    let parsed = Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("{args:?}: {e}"));
    let ctx = Context::with_config(parsed.data_dir, Default::default()).unwrap();
    let before = diary_opens();
    let command = parsed.command.expect("a command");
    if let Err(e) = cli::run(command, &ctx) {
        panic!("marrow {args:?} failed: {}", e.message());
    }
    diary_opens() - before
}

#[test]
fn each_command_opens_the_diary_at_most_once() {
    let env = Env::new();
    let backup = env.tmp.path().join("backup.db");
    let export = env.tmp.path().join("export.json");
    let other = Env::new();
    // Commands that write open the diary exactly once, whatever they read besides.
    let writes: &[&[&str]] = &[
        &[
            "food",
            "add",
            "Grandma's quinoa porridge",
            "--per-100g",
            "magnesium_mg=64",
            "--portion",
            "1 bowl=250g",
        ],
        &["log", "add", "12061", "30g", "--date", D, "--meal", "breakfast"],
        // Words: the search reads usage and the custom foods from the diary already open.
        &["log", "add", "grandma quinoa porridge", "1 bowl", "--date", D, "--meal", "breakfast"],
        // No amount: the amount last logged, from the same diary.
        &["log", "add", "c1", "--date", D, "--meal", "breakfast"],
        &["food", "edit", "c1", "--name", "Grandma's porridge"],
        &["supplement", "add", "magnesium", "200 mg", "--save", "Mg glycinate", "--date", D],
        &["meal", "save", "usual", "--date", D, "--meal", "breakfast"],
        &["meal", "log", "usual", "--date", "2026-03-03", "--meal", "lunch"],
        &["copy", "--from", D, "--to", "2026-03-04"],
        &["profile", "set", "--sex", "female", "--age", "40", "--weight", "60"],
        &["log", "rm", "1"],
        &["supplement", "rm", "1"],
    ];
    for args in writes {
        assert_eq!(opens(&env, args), 1, "marrow {args:?}");
    }
    let reads: &[&[&str]] = &[
        &["log", "list", "--date", D],
        &["day", "--date", D],
        &["day", "--date", D, "--json"],
        &["week", "--end", D],
        &["suggest", "--date", D],
        &["suggest", "calcium", "--date", D, "--json"],
        &["supplement", "list", "--date", D],
        &["meal", "list"],
        &["profile", "show"],
        &["food", "show", "c1"],
        &["food", "show", "12061"],
        &["search", "grandma"],
        &["search", "almonds"],
        &["top", "magnesium"],
        &["export"],
        &["export", "--format", "csv"],
        &["export", "--format", "csv", "--totals"],
        &["backup", backup.to_str().unwrap()],
    ];
    for args in reads {
        assert!(opens(&env, args) <= 1, "marrow {args:?} opened the diary more than once");
    }
    std::fs::write(&export, env.ok(&["export"])).unwrap();
    assert_eq!(opens(&other, &["import", "diary", export.to_str().unwrap()]), 1);
}

/// An export of one entry with `profile` as its profile.
fn export_with(profile: Value) -> Value {
    json!({
        "marrow_export": 1,
        "profile": profile,
        "entries": [{"date": D, "meal": "lunch", "food_id": "12061", "name": "Nuts, almonds", "grams": 30.0,
            "quantity": "30g", "logged_at": "", "per_100g": {"magnesium_mg": 270.0}}],
    })
}

#[test]
fn import_refuses_the_profile_profile_set_refuses_and_imports_nothing() {
    let env = Env::new();
    let file = env.tmp.path().join("export.json");
    let person = |sex: &str, pregnant: bool, weight: Value| json!({"sex": sex, "age": 30, "pregnant": pregnant, "lactating": false, "weight_kg": weight});
    // What `profile set` refuses...
    assert_refused(&env.run(&["profile", "set", "--sex", "male", "--pregnant"]), "pregnant male");
    assert_refused(&env.run(&["profile", "set", "--weight", "0"]), "weight 0");
    assert_refused(&env.run(&["profile", "set", "--weight", "900"]), "weight 900");
    // ...an import refuses too, saying where, and writes nothing at all.
    let cases = [
        (person("male", true, Value::Null), "profile: pregnant and lactating apply to a female profile"),
        (person("female", false, json!(0.0)), "profile.weight_kg"),
        (person("female", false, json!(-60.0)), "profile.weight_kg"),
        (person("female", false, json!(900.0)), "profile.weight_kg"),
        (
            json!({"sex": "female", "age": 131, "pregnant": false, "lactating": false, "weight_kg": null}),
            "profile.age",
        ),
    ];
    for (profile, said) in cases {
        std::fs::write(&file, export_with(profile.clone()).to_string()).unwrap();
        let out = env.run(&["import", "diary", file.to_str().unwrap()]);
        assert_refused(&out, &format!("import of {profile}"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(said), "{profile}: {stderr}");
        assert_eq!(
            env.json(&["log", "list", "--date", D, "--json"]),
            json!([]),
            "{profile}: nothing imported"
        );
        assert_eq!(env.json(&["profile", "show", "--json"])["default"], true, "{profile}: profile untouched");
    }
    // The same file with a person `profile set` accepts goes in whole.
    std::fs::write(&file, export_with(person("female", true, json!(60.0))).to_string()).unwrap();
    env.ok(&["import", "diary", file.to_str().unwrap()]);
    assert_eq!(env.json(&["log", "list", "--date", D, "--json"]).as_array().unwrap().len(), 1);
    assert_eq!(env.json(&["profile", "show", "--json"])["life_stage"], "pregnant 19-30");
}
