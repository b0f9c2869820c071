//! Hostile command-line input: FTS5 syntax, SQL, huge and control-character arguments, emoji
//! and non-UTF-8 bytes. marrow answers 0 or 2, never 1 or a panic, and the catalog survives.

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

use common::{assert_no_panic, assert_refused, Env};

fn hostile_texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        "\"",
        "\"\"",
        "*",
        "(",
        ")",
        ":",
        "^",
        "-x",
        "--",
        "AND OR NEAR",
        "NEAR(almonds milk, 2)",
        "name:almonds",
        "'; DROP TABLE foods;--",
        "\"; DROP TABLE foods; --",
        "almonds\" OR \"",
        "%",
        "_",
        "\\",
        "\u{1}\u{7}\u{1b}[31m\u{7f}",
        "tab\there\nnewline\rcr",
        "🥦🍫🦴",
        "almonds 🥜",
        "👨‍👩‍👧‍👦",
        "\u{202e}sdnomla",
        "½ ² ① ⅻ 〇 ꟊ ǅ ß İ ﬁ",
        "e\u{301}\u{301}\u{301}",
        "   ",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    texts.push("a".repeat(10_000));
    texts.push("almonds ".repeat(1_250));
    texts.push("🥦".repeat(10_000));
    texts
}

#[test]
fn hostile_search_text_never_fails_or_panics() {
    let env = Env::new();
    for text in hostile_texts() {
        let what = format!("search {:?}", text.chars().take(40).collect::<String>());
        for json in [false, true] {
            let mut args = vec!["search"];
            if json {
                args.push("--json");
            }
            args.extend(["--", text.as_str()]);
            let out = env.run(&args);
            assert_no_panic(&out, &what);
            match out.status.code() {
                Some(0) if json => {
                    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
                        .unwrap_or_else(|e| panic!("{what}: bad JSON: {e}"));
                    assert!(v.is_array(), "{what}: {v}");
                }
                Some(0) => {}
                Some(2) => assert_refused(&out, &what),
                other => panic!("{what}: exit {other:?}: {}", String::from_utf8_lossy(&out.stderr)),
            }
            // Whatever the outcome, stderr is at most one line.
            assert!(String::from_utf8_lossy(&out.stderr).lines().count() <= 1, "{what}");
        }
    }
    // The catalog is intact after all of that.
    let hits = env.json(&["search", "almonds", "--json"]);
    assert_eq!(hits[0]["id"], "12061");
}

#[test]
fn hostile_text_elsewhere_is_refused_or_handled() {
    let env = Env::new();
    let day = "2026-01-05";
    for text in hostile_texts() {
        let what = |cmd: &str| format!("{cmd} {:?}", text.chars().take(40).collect::<String>());
        let cases: [(Vec<&str>, String); 5] = [
            (vec!["log", "add", "12061", &text, "--date", day], what("log add quantity")),
            (vec!["log", "add", "12061", "30g", "--date", day, "--meal", &text], what("--meal")),
            (vec!["log", "list", "--date", &text], what("--date")),
            (vec!["food", "show", &text], what("food show")),
            (vec!["log", "rm", &text], what("log rm")),
        ];
        for (args, what) in cases {
            assert_refused(&env.run(&args), &what);
        }
        // Food words are searched: whatever matches may be logged, nothing may fail.
        let out = env.run(&["log", "add", "--date", day, "--", &text, "30g"]);
        assert_no_panic(&out, &what("log add food"));
        assert!(matches!(out.status.code(), Some(0 | 2)), "{}: {:?}", what("log add food"), out);
    }
    let list = env.json(&["log", "list", "--date", day, "--json"]);
    for e in list.as_array().expect("list") {
        assert_eq!(e["grams"], 30.0, "only the 30 g food-word entries were logged: {e}");
    }
}

#[test]
fn non_utf8_arguments_are_refused_without_a_panic() {
    let env = Env::new();
    let bad = OsStr::from_bytes(b"almond\xff\xfe");
    let cases: [&[&str]; 5] =
        [&["search"], &["search", "--json"], &["log", "add", "12061"], &["log", "add"], &["food", "show"]];
    for prefix in cases {
        let mut cmd = env.cmd();
        cmd.args(prefix).arg(bad);
        if prefix == ["log", "add"] {
            cmd.arg("30g");
        }
        let out = cmd.output().expect("run marrow");
        assert_refused(&out, &format!("{prefix:?} <non-UTF-8>"));
    }
    let mut cmd = env.cmd();
    let out = cmd.args(["log", "add", "12061", "30g", "--date"]).arg(bad).output().expect("run");
    assert_refused(&out, "--date <non-UTF-8>");
    assert!(!env.diary_path().exists() || env.json(&["log", "list", "--json"]) == serde_json::json!([]));
}

#[test]
fn unknown_commands_and_flags_are_usage_errors() {
    let env = Env::new();
    for args in [
        &["frobnicate"][..],
        &["search"],
        &["search", "almonds", "--limit", "0"],
        &["search", "almonds", "--limit", "abc"],
        &["log", "add", "12061"],
        &["log", "add", "12061", "30g", "--bogus"],
        &["import", "usda-sr28", "/nonexistent/marrow/sr28"],
    ] {
        assert_refused(&env.run(args), &format!("{args:?}"));
    }
    for args in [&["--help"][..], &["--version"], &["log", "--help"]] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!out.stdout.is_empty(), "{args:?} prints help");
    }
}
