//! What marrow says is one clean line: hostile arguments (terminal escapes, newlines,
//! 100,000-character values, invalid UTF-8) over every command give at most one line on
//! stderr, with no control character and a bounded length; a stdout that cannot be written
//! is one line and exit 1, saying whether the command's change was saved; and names from a
//! forged search cache are shown, never obeyed, by the terminal.

mod common;

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::process::{Output, Stdio};
use std::time::Duration;

use common::{assert_no_panic, Env};

/// The longest line marrow may print, in characters, with its "marrow: " prefix.
const MAX_LINE: usize = 500;

/// Asserts that `out` said at most one line on stderr: ended by its only newline, with no
/// other byte below 0x20, no DEL, no C1 control, and at most `MAX_LINE` characters.
fn assert_one_clean_line(out: &Output, what: &str) {
    assert_no_panic(out, what);
    let err = &out.stderr;
    if err.is_empty() {
        return;
    }
    let shown = String::from_utf8_lossy(err).chars().take(600).collect::<String>();
    assert_eq!(err.last(), Some(&b'\n'), "{what}: stderr does not end its line: {shown:?}");
    let body = &err[..err.len() - 1];
    assert!(!body.iter().any(|b| *b < 0x20 || *b == 0x7f), "{what}: a control byte on stderr: {shown:?}");
    let text = std::str::from_utf8(body).unwrap_or_else(|_| panic!("{what}: stderr is not UTF-8: {shown:?}"));
    assert!(!text.chars().any(char::is_control), "{what}: a control character on stderr: {shown:?}");
    assert!(text.chars().count() <= MAX_LINE, "{what}: {} characters on stderr", text.chars().count());
}

fn hostile_values() -> Vec<OsString> {
    let mut v: Vec<OsString> = [
        "\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{1b}[31mred",
        "5\n",
        "a\r\nb\n\nc",
        "\u{9b}31m\u{7f}",
        "\u{202e}evil",
        "tab\there",
    ]
    .iter()
    .map(OsString::from)
    .collect();
    v.push("x".repeat(100_000).into());
    v.push(format!("{}\n{}", "\u{1b}[5m".repeat(20_000), "y".repeat(50_000)).into());
    v.push(OsString::from_vec(b"\xff\xfe\x1b[31m\xc3".to_vec()));
    v
}

/// Command lines with `@` where the hostile value goes.
const COMMANDS: &[&[&str]] = &[
    &["log", "add", "@", "30g"],
    &["log", "add", "12061", "@"],
    &["log", "add", "12061", "30g", "--date", "@"],
    &["log", "add", "12061", "30g", "--meal", "@"],
    &["log", "list", "--date", "@"],
    &["log", "rm", "@"],
    &["food", "show", "@"],
    &["food", "add", "Bar", "--per-100g", "@"],
    &["food", "add", "Bar", "--per-100g", "magnesium_mg=@"],
    &["food", "edit", "@", "--name", "x"],
    &["day", "--date", "@"],
    &["week", "--end", "@"],
    &["suggest", "@"],
    &["top", "@"],
    &["top", "magnesium", "--per", "@"],
    &["top", "magnesium", "--group", "@"],
    &["search", "--limit", "@", "x"],
    &["search", "@"],
    &["supplement", "add", "@", "200 mg"],
    &["supplement", "add", "magnesium", "@"],
    &["supplement", "add", "magnesium", "200 mg", "--form", "@"],
    &["supplement", "add", "magnesium", "200 mg", "--time", "@"],
    &["supplement", "rm", "@"],
    &["meal", "save", "@", "--meal", "lunch"],
    &["meal", "log", "@"],
    &["copy", "@"],
    &["profile", "set", "--sex", "@"],
    &["profile", "set", "--age", "@"],
    &["profile", "set", "--weight", "@"],
    &["profile", "set", "--born", "@"],
    &["export", "--from", "@"],
    &["import", "diary", "@"],
    &["import", "usda-sr28", "@"],
    &["import", "fdc", "@"],
    &["backup", "@"],
    &["completions", "@"],
    &["@"],
    &["--@"],
    &["--data-dir", "@", "log", "list"],
];

#[test]
fn hostile_arguments_over_every_command_get_one_clean_line() {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g"]);
    let cwd = env.tmp.path().join("cwd");
    std::fs::create_dir(&cwd).unwrap();
    for value in hostile_values() {
        for command in COMMANDS {
            let args: Vec<OsString> = command
                .iter()
                .map(|a| match *a {
                    "@" => value.clone(),
                    "--@" => {
                        let mut flag = OsString::from("--");
                        flag.push(&value);
                        flag
                    }
                    "magnesium_mg=@" => {
                        let mut pair = OsString::from("magnesium_mg=");
                        pair.push(&value);
                        pair
                    }
                    a => a.into(),
                })
                .collect();
            let shown: String = args.iter().map(|a| a.to_string_lossy()).collect::<Vec<_>>().join(" ");
            let what = format!("marrow {}", shown.chars().take(80).collect::<String>());
            let out = env.cmd().current_dir(&cwd).args(&args).output().expect("run marrow");
            assert_one_clean_line(&out, &what);
        }
    }
}

#[test]
fn a_config_holding_hostile_values_is_refused_in_one_clean_line() {
    let env = Env::new();
    let file = env.tmp.path().join("hostile.toml");
    for text in [
        format!("[app]\ntheme = \"{}\"\n", "a".repeat(900_000)),
        "[app]\ntheme = \"\\u001b]0;PWNED\\u0007\\u001b[2J\"\n".to_string(),
        "[targets]\n\"magnesium\\nmg\" = 5\n".to_string(),
        format!("[targets]\n{} = 5\n", "k".repeat(200_000)),
        "[meals]\nlunch = \"\\u001b[31m12:00\\n\"\n".to_string(),
        "[app]\nextra_nutrients = [\"\\u001b[5mzinc\"]\n".to_string(),
        format!("[keys]\n{} = \"x\"\n", "q".repeat(100_000)),
    ] {
        std::fs::write(&file, &text).unwrap();
        let what = format!("config {:?}", text.chars().take(60).collect::<String>());
        let out = env.cmd().env("MARROW_CONFIG", &file).arg("day").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{what}");
        assert_one_clean_line(&out, &what);
    }
}

// ---- a stdout that cannot be written ----

fn dev_full() -> Option<std::fs::File> {
    match std::fs::OpenOptions::new().write(true).open("/dev/full") {
        Ok(f) => Some(f),
        Err(e) => {
            eprintln!("SKIPPED: no /dev/full on this system ({e})");
            None
        }
    }
}

/// Runs marrow with stdout on /dev/full; asserts exit 1 and one clean line naming the
/// failure, and returns that line.
fn into_full_disk(env: &Env, args: &[&str], full: &std::fs::File) -> String {
    let what = format!("marrow {} > /dev/full", args.join(" "));
    let mut cmd = env.process();
    let out = cmd.args(args).stdout(Stdio::from(full.try_clone().unwrap())).output().unwrap();
    assert_one_clean_line(&out, &what);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{what}: {err}");
    assert!(err.starts_with("marrow: can't write"), "{what}: {err}");
    err
}

#[test]
fn a_full_stdout_is_one_line_and_exit_1_for_every_command() {
    let Some(full) = dev_full() else { return };
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g"]);
    let backup = env.tmp.path().join("backup.db");
    let backup = backup.to_str().unwrap();
    let readers: &[&[&str]] = &[
        &["day"],
        &["day", "--json"],
        &["log", "list"],
        &["log", "list", "--json"],
        &["search", "almonds"],
        &["week"],
        &["profile", "show"],
        &["config", "default"],
        &["config", "path"],
        &["food", "show", "12061"],
        &["supplement", "list"],
        &["top", "magnesium"],
        &["suggest"],
        &["completions", "bash"],
        &["completions", "zsh"],
        &["man"],
        &["export"],
        &["export", "--format", "csv"],
        &["--help"],
        &["log", "--help"],
        &["--version"],
    ];
    for args in readers {
        let err = into_full_disk(&env, args, &full);
        assert!(!err.contains("saved") && !err.contains("completed"), "{args:?} only reads: {err}");
    }
    let writers: &[(&[&str], &str)] = &[
        (&["log", "add", "12061", "40g"], "the entry was saved"),
        (&["food", "add", "Granola", "--per-100g", "magnesium_mg=5"], "the change was saved"),
        (&["supplement", "add", "magnesium", "200 mg"], "the change was saved"),
        (&["profile", "set", "--sex", "female", "--age", "40"], "the change was saved"),
        (&["backup", backup], "the backup was written"),
    ];
    for (args, says) in writers {
        let err = into_full_disk(&env, args, &full);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let entries = env.json(&["log", "list", "--json"]);
    assert_eq!(entries.as_array().unwrap().len(), 2, "the entry logged into a full stdout is there");
    assert!(std::path::Path::new(backup).exists());
}

// ---- names from the search cache ----

#[test]
fn a_forged_search_cache_never_reaches_the_terminal_raw() {
    let env = Env::new();
    env.ok(&["food", "add", "Granola", "--per-100g", "magnesium_mg=5"]);
    env.ok(&["log", "add", "c1", "30g"]);
    let cache = env.data.join("search-hints.json");
    // The cache is written once the diary has been still for a clock tick (3 s at most).
    for _ in 0..20 {
        if cache.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(300));
        env.ok(&["search", "granola"]);
    }
    assert!(cache.exists(), "search never cached its hints");
    let mut json: serde_json::Value = serde_json::from_slice(&std::fs::read(&cache).unwrap()).unwrap();
    json["custom"][0]["name"] = "\u{1b}]0;PWNED\u{7}\u{1b}[2JGranola".into();
    std::fs::write(&cache, serde_json::to_vec(&json).unwrap()).unwrap();
    let out = env.run(&["search", "granola"]);
    assert!(out.status.success());
    assert!(
        !out.stdout.iter().any(|b| *b == 0x1b || *b == 0x07),
        "{:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Granola"));
    let as_json = env.json(&["search", "granola", "--json"]);
    assert_eq!(as_json[0]["name"], "Granola", "the forged name was not used");
}

#[test]
fn invalid_utf8_in_a_path_is_echoed_without_raw_bytes() {
    let env = Env::new();
    let name = OsStr::from_bytes(b"/nonexistent/\xff\x1b[31m\n.json");
    let out = env.cmd().args([OsStr::new("import"), OsStr::new("diary"), name]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_one_clean_line(&out, "import diary <invalid UTF-8>");
}
