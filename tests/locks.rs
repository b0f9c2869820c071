//! Who waits for whom: commands that only read never take the diary's write lock nor wait for
//! a writer, many processes starting on a new or old-format diary at once all succeed, and a
//! diary marrow may not write can still be read.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use common::{assert_no_panic, Env};

const D: &str = "2026-01-05";

/// Runs marrow with `args`, requiring it to end within five seconds (the busy timeout is 30).
fn within_five_seconds(env: &Env, args: &[&str]) -> Output {
    let started = Instant::now();
    let mut child = env.process().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            panic!("marrow {args:?} waited for the writer");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

#[test]
fn reading_commands_do_not_wait_for_a_writer() {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g", "--date", D]);
    let writer = rusqlite::Connection::open(env.diary_path()).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    // Each command with what it must show of the entry: the writer's lock changes nothing.
    for (args, shows) in [
        (&["day", "--date", D][..], "almonds"),
        (&["log", "list", "--date", D], "almonds"),
        (&["export"], "almonds"),
        (&["week", "--end", D], "81.0"),
        (&["profile", "show"], ""),
        (&["supplement", "list", "--date", D], ""),
    ] {
        let out = within_five_seconds(&env, args);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.to_lowercase().contains(shows), "{args:?}: {text}");
    }
    let backup = env.tmp.path().join("copy.db");
    within_five_seconds(&env, &["backup", backup.to_str().unwrap()]);
    writer.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn reading_commands_create_nothing_where_there_is_no_diary() {
    let env = Env::new();
    for args in [&["day"][..], &["log", "list"], &["week"], &["export"], &["profile", "show"]] {
        env.ok(args);
    }
    assert!(!env.diary_path().exists(), "a command that only reads created the diary");
}

/// Starts 12 `log add` at once on the data directory, 20 times over; all must succeed.
fn twelve_at_once(prepare: impl Fn(&Env)) {
    let seed = Env::new();
    seed.ok(&["search", "almonds"]); // builds the catalog once
    for round in 0..20 {
        let env = Env::new();
        fs::create_dir_all(&env.data).unwrap();
        fs::copy(seed.catalog_path(), env.catalog_path()).unwrap();
        prepare(&env);
        let children: Vec<_> = (1..=12)
            .map(|i| {
                let mut cmd = env.process();
                cmd.args(["log", "add", "12061", &format!("{i}g"), "--date", D]);
                cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert_no_panic(&out, "log add");
            assert!(out.status.success(), "round {round}: {}", String::from_utf8_lossy(&out.stderr));
        }
        let listed = env.json(&["log", "list", "--date", D, "--json"]);
        assert_eq!(listed.as_array().unwrap().len(), 12, "round {round}");
    }
}

#[test]
fn twelve_processes_starting_a_new_diary_all_succeed() {
    twelve_at_once(|_| {});
}

#[test]
fn twelve_processes_upgrading_an_old_diary_all_succeed() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diary-v1.db");
    twelve_at_once(|env| {
        fs::copy(&fixture, env.diary_path()).unwrap();
    });
}

#[cfg(unix)]
#[test]
fn a_diary_marrow_may_not_write_is_read_and_a_write_says_why() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g", "--date", D]);
    let mode = |p: &Path, m| fs::set_permissions(p, fs::Permissions::from_mode(m)).unwrap();
    // Read-only as read-only media or a shared copy would be: every file readable, nothing
    // writable (as root, marrow runs as `nobody` for this).
    mode(&env.diary_path(), 0o444);
    mode(&env.catalog_path(), 0o444);
    mode(&env.data, 0o555);
    let read = env.run_unprivileged(&["log", "list", "--date", D]);
    assert!(read.status.success(), "{}", String::from_utf8_lossy(&read.stderr));
    assert!(String::from_utf8_lossy(&read.stdout).contains("almonds"));
    assert!(env.run_unprivileged(&["export"]).status.success());
    let out = env.run_unprivileged(&["log", "add", "12061", "1g"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("the diary is read-only (no write permission on"), "{stderr}");
    mode(&env.data, 0o700);
}

/// A writer killed just after it started a new log (its header written, the -shm not yet
/// told) leaves the log's salts apart from the -shm's: the fixture is such a diary, caught
/// after a `kill -9`. Readers opened it only after SQLite had retried for ten seconds (a
/// reader that may not write the -shm cannot settle it); they now open it at once, and so
/// do writers.
#[test]
fn a_log_restarted_by_a_writer_killed_at_once_costs_no_wait() {
    let env = Env::new();
    // The catalog is built first (it alone takes seconds on a loaded machine), so the bound
    // below measures waiting on the diary and nothing else.
    env.ok(&["food", "show", "12061"]);
    fs::create_dir_all(&env.data).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/killed-while-restarting-log");
    for name in ["diary.db", "diary.db-wal", "diary.db-shm"] {
        fs::copy(fixture.join(name), env.data.join(name)).unwrap();
    }
    let before = within_five_seconds(&env, &["log", "list", "--json"]);
    let before: serde_json::Value = serde_json::from_slice(&before.stdout).unwrap();
    within_five_seconds(&env, &["log", "add", "12061", "1g"]);
    let after = within_five_seconds(&env, &["log", "list", "--json"]);
    let after: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    assert_eq!(after.as_array().unwrap().len(), before.as_array().unwrap().len() + 1);
}
