//! History costs nothing: opening a diary reads a few pages, so a page damaged far from the
//! days a command reads is found where it is read (the same one-line refusal, naming the
//! diary, and the files left as they were), by `marrow check`, by `backup` and `import`, and
//! by the whole-file check before the first write of a day.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use chrono::{Days, NaiveDate};
use common::{assert_no_panic, Env};
use marrow::domain::{Meal, NewEntry, NutrientValues};
use marrow::store::{secure_dir, Catalog, Diary, Restore};
use marrow::tui::action::Action;
use marrow::tui::effect::Effect;
use marrow::tui::runtime::Runtime;
use rusqlite::config::DbConfig;

/// How many old entries the diary holds, one a day, ending a year before `recent`.
const OLD: u64 = 1500;
/// The old entry whose page is damaged.
const DAMAGED: u64 = 500;

fn recent() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

fn old_date(i: u64) -> NaiveDate {
    recent().checked_sub_days(Days::new(365 + OLD - i)).unwrap()
}

fn entry(date: NaiveDate, name: String) -> NewEntry {
    let mut per_100g = NutrientValues::unknown();
    per_100g.0[0] = Some(579.0);
    NewEntry {
        date,
        meal: Meal::Lunch,
        food_id: "12061".into(),
        food_name: name,
        grams: 30.0,
        quantity: "30g".into(),
        logged_at: format!("{date}T12:00:00+00:00"),
        per_100g,
    }
}

/// A data directory whose diary holds `OLD` old entries (each name padded, so that they
/// fill many pages) and two entries on `recent()`, written and checkpointed.
fn with_history() -> Env {
    let env = Env::new();
    secure_dir(&env.data).unwrap();
    let mut entries: Vec<NewEntry> =
        (0..OLD).map(|i| entry(old_date(i), format!("old-entry-{i:05} {}", "x".repeat(200)))).collect();
    entries.push(entry(recent(), "Nuts, almonds".into()));
    entries.push(entry(recent(), "Nuts, almonds".into()));
    let restore = Restore {
        profile: None,
        custom: vec![],
        entries,
        supplements: vec![],
        products: vec![],
        meals: vec![],
        labs: vec![],
        journal: Default::default(),
        recipes: vec![],
    };
    Diary::open(&env.diary_path()).unwrap().restore(&restore, "2026-11-20T20:00:00+00:00").unwrap();
    assert!(!Path::new(&format!("{}-wal", env.diary_path().display())).exists(), "checkpointed on close");
    env
}

/// Overwrites the page that holds the old entry `i` with bytes no page could hold.
fn damage_old_page(env: &Env, i: u64) {
    let path = env.diary_path();
    let mut bytes = fs::read(&path).unwrap();
    let marker = format!("old-entry-{i:05}");
    let at =
        bytes.windows(marker.len()).position(|w| w == marker.as_bytes()).expect("the entry is in the file");
    let page = at / 4096;
    assert!(page > 1, "not the schema's page");
    bytes[page * 4096..(page + 1) * 4096].iter_mut().enumerate().for_each(|(k, b)| *b = (k * 7 + 3) as u8);
    fs::write(&path, &bytes).unwrap();
}

/// diary.db, diary.db-wal and diary.db-shm as they are (None: absent).
fn files(env: &Env) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    env.diary_files()
}

/// Asserts the diary's refusal for damage: exit 1, one line naming the diary, diary.db and its
/// log byte for byte as they were. The -shm (SQLite's index of the log, rebuilt from it
/// whenever lost) is where every reader of a log keeps its read marks: it stays, or stays away.
fn assert_damaged(env: &Env, out: &Output, before: &[(PathBuf, Option<Vec<u8>>)], what: &str) -> String {
    assert_no_panic(out, what);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{what}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{what}: not one line: {stderr:?}");
    assert!(!stderr.contains("database error"), "{what}: a raw error: {stderr}");
    let diary = env.diary_path().display().to_string();
    assert!(stderr.contains(&format!("{diary} is damaged")), "{what}: {stderr}");
    assert!(stderr.contains("left untouched"), "{what}: {stderr}");
    for ((path, now), (_, was)) in files(env).iter().zip(before) {
        let same = if path.to_string_lossy().ends_with("-shm") {
            now.is_some() == was.is_some()
        } else {
            now == was
        };
        assert!(same, "{what} changed {}", path.display());
    }
    stderr
}

#[test]
fn check_says_ok_for_a_whole_diary_and_for_none() {
    let env = Env::new();
    assert_eq!(env.ok(&["check"]), "ok\n");
    assert!(!env.data.exists(), "check created the data directory");
    let env = with_history();
    let before = files(&env);
    assert_eq!(env.ok(&["check"]), "ok\n");
    assert_eq!(files(&env), before, "check changed the diary");
}

#[test]
fn a_page_damaged_far_from_today_leaves_the_day_readable_and_is_found_by_check() {
    let env = with_history();
    damage_old_page(&env, DAMAGED);
    let before = files(&env);

    // The day reads its own pages only: it works, and leaves the file as it was.
    let day = env.ok(&["day", "--date", &recent().to_string()]);
    assert!(day.contains("Nuts, almonds"), "{day}");
    assert_eq!(files(&env)[0], before[0], "day changed diary.db");

    // A day on the damaged page, and everything that reads every entry, refuse by name.
    let old = old_date(DAMAGED).to_string();
    for args in [
        &["day", "--date", &old][..],
        &["week", "--end", &old],
        &["export"],
        &["log", "list", "--date", &old],
    ] {
        assert_damaged(&env, &env.run(args), &before, &format!("{args:?}"));
    }

    // check reads it all: the problems on stdout, the refusal on stderr.
    let out = env.run(&["check"]);
    assert!(!String::from_utf8_lossy(&out.stdout).trim().is_empty(), "no problem listed");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("ok\n"));
    assert_damaged(&env, &out, &before, "check");
}

#[test]
fn a_backup_or_an_import_of_a_damaged_diary_is_refused_and_nothing_is_written() {
    let env = with_history();
    let export = env.tmp.path().join("export.json");
    fs::write(&export, env.ok(&["export", "--to", &recent().to_string(), "--from", &recent().to_string()]))
        .unwrap();
    damage_old_page(&env, DAMAGED);
    let before = files(&env);
    let copy = env.tmp.path().join("copy.db");
    assert_damaged(&env, &env.run(&["backup", copy.to_str().unwrap()]), &before, "backup");
    assert!(!copy.exists(), "a copy of a damaged diary was left");
    let import = env.run(&["import", "diary", export.to_str().unwrap(), "--merge"]);
    assert_damaged(&env, &import, &before, "import");
}

#[test]
fn a_write_is_refused_once_damage_is_known_and_before_the_first_write_of_a_day() {
    // Damage found by a read: the day's check no longer counts, and the write reads it whole.
    let env = with_history();
    env.ok(&["log", "add", "12061", "30g", "--date", &recent().to_string()]);
    assert!(env.data.join("diary-checked").exists(), "the day's check is recorded beside the diary");
    damage_old_page(&env, DAMAGED);
    let before = files(&env);
    let old = old_date(DAMAGED).to_string();
    assert_damaged(&env, &env.run(&["day", "--date", &old]), &before, "day on the damaged page");
    let write = env.run(&["log", "add", "12061", "30g", "--date", &recent().to_string()]);
    assert_damaged(&env, &write, &before, "a write after the refusal");

    // No check recorded today (written by another program, or a new day): read whole first.
    let env = with_history();
    damage_old_page(&env, DAMAGED);
    let before = files(&env);
    let write = env.run(&["log", "add", "12061", "30g", "--date", &recent().to_string()]);
    assert_damaged(&env, &write, &before, "the day's first write");
}

#[test]
fn damage_met_with_a_log_beside_the_diary_leaves_the_diary_and_its_log_untouched() {
    let env = with_history();
    damage_old_page(&env, DAMAGED);
    {
        // A commit left in the log, as a crash leaves it.
        let conn = rusqlite::Connection::open(env.diary_path()).unwrap();
        conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).unwrap();
        conn.execute("UPDATE entries SET grams = 40 WHERE date = ?1", [recent().to_string()]).unwrap();
    }
    let before = files(&env);
    assert!(before.iter().all(|(_, b)| b.is_some()), "a -wal and a -shm");
    let old = old_date(DAMAGED).to_string();
    for args in [&["day", "--date", &old][..], &["export"], &["check"]] {
        assert_damaged(&env, &env.run(args), &before, &format!("{args:?}"));
    }
}

#[test]
fn the_app_says_the_diary_is_damaged_in_its_status_line() {
    let env = with_history();
    damage_old_page(&env, DAMAGED);
    let diary = Diary::open_for_reading(&env.diary_path()).unwrap();
    let catalog = Catalog::open(&env.catalog_path(), || {}).unwrap();
    let mut runtime = Runtime::new(diary, catalog).unwrap();
    let loaded = runtime.run(Effect::LoadDay(recent()), "");
    assert!(matches!(loaded.as_slice(), [Action::DayLoaded(_)]), "{loaded:?}");
    let failed = runtime.run(Effect::LoadDay(old_date(DAMAGED)), "");
    let [Action::Failed(message)] = failed.as_slice() else { panic!("{failed:?}") };
    assert!(message.contains(&format!("{} is damaged", env.diary_path().display())), "{message}");
    assert!(!message.contains("database error"), "{message}");
}
