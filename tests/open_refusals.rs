//! Opening a diary that must not be opened: marrow refuses it in one line before SQLite may
//! write anything, and diary.db, its -wal and its -shm stay byte for byte as they were. A log
//! left by a crash of marrow itself is never refused, and keeps its committed entries.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{assert_no_panic, Env};
use marrow::store::APPLICATION_ID;
use rusqlite::config::DbConfig;
use rusqlite::Connection;

const D: &str = "2026-01-05";

/// diary.db, diary.db-wal and diary.db-shm as they are (None: absent).
fn files(env: &Env) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    env.diary_files()
}

/// A connection that, when dropped, leaves its -wal and -shm as a crash would: no checkpoint.
fn crashing(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).unwrap();
    conn
}

fn insert_raw(conn: &Connection, n: usize) {
    for _ in 0..n {
        conn.execute(
            "INSERT INTO entries (date, meal, food_id, food_name, grams, quantity, logged_at) \
             VALUES ('2026-01-05', 'snack', 'x', 'x', 1, '1g', 'x')",
            [],
        )
        .unwrap();
    }
}

/// Asserts a refusal: exit 1, one line on stderr containing `says`, nothing changed.
fn assert_refused_untouched(env: &Env, before: &[(PathBuf, Option<Vec<u8>>)], says: &str) -> String {
    for args in [&["log", "list"][..], &["day"], &["export"], &["log", "add", "12061", "1g"]] {
        let out = env.run(args);
        let stderr = one_line_failure(&out, &format!("{args:?}"));
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(stderr.contains("untouched"), "{args:?}: {stderr}");
        for (path, bytes) in before {
            assert_eq!(&fs::read(path).ok(), bytes, "{args:?} changed {}", path.display());
        }
    }
    one_line_failure(&env.run(&["log", "list"]), "log list")
}

fn one_line_failure(out: &Output, what: &str) -> String {
    assert_no_panic(out, what);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{what}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{what}: not one line: {stderr:?}");
    stderr
}

/// A data directory with a diary of one entry (and the catalog built).
fn diary_with_an_entry() -> Env {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g", "--date", D]);
    env
}

#[test]
fn a_newer_diary_with_a_log_is_refused_and_its_three_files_stay_as_they_were() {
    let env = diary_with_an_entry();
    {
        let conn = crashing(&env.diary_path());
        insert_raw(&conn, 1);
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = files(&env);
    assert!(before.iter().all(|(_, b)| b.is_some()), "the crash left a -wal and a -shm");
    assert_refused_untouched(&env, &before, "newer marrow");
}

#[test]
fn a_damaged_diary_with_a_log_is_refused_in_one_line_and_left_untouched() {
    let env = diary_with_an_entry();
    // Damage a page no log frame covers: the last one, an index of the entries.
    let path = env.diary_path();
    let mut bytes = fs::read(&path).unwrap();
    let len = bytes.len();
    bytes[len - 4096..].iter_mut().enumerate().for_each(|(i, b)| *b = (i * 7) as u8);
    fs::write(&path, &bytes).unwrap();
    {
        let conn = crashing(&path);
        conn.pragma_update(None, "user_version", 2).unwrap();
    }
    let before = files(&env);
    let message = assert_refused_untouched(&env, &before, "is damaged");
    assert!(message.contains("-wal") && message.contains("-shm"), "says to remove the log: {message}");
}

#[test]
fn another_programs_wal_database_is_refused_and_left_untouched() {
    let env = Env::new();
    env.ok(&["search", "almonds"]); // the catalog, not the diary
    fs::create_dir_all(&env.data).unwrap();
    {
        let conn = crashing(&env.diary_path());
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; CREATE TABLE notes (x); INSERT INTO notes VALUES ('precious');",
        )
        .unwrap();
        conn.execute("INSERT INTO notes VALUES ('more')", []).unwrap();
    }
    let before = files(&env);
    assert!(before[1].1.is_some(), "the other program left its log");
    assert_refused_untouched(&env, &before, "not a marrow diary");
}

#[test]
fn another_programs_database_of_schema_1_or_2_is_never_converted() {
    for version in [1, 2] {
        let env = Env::new();
        fs::create_dir_all(&env.data).unwrap();
        let conn = Connection::open(env.diary_path()).unwrap();
        conn.execute_batch(&format!(
            "CREATE TABLE notes (x); INSERT INTO notes VALUES ('precious'); PRAGMA user_version = {version};"
        ))
        .unwrap();
        drop(conn);
        let before = files(&env);
        assert_refused_untouched(&env, &before, "not a marrow diary");
        assert!(!env.data.join("diary.db-wal").exists(), "switched to WAL");
    }
}

#[test]
fn new_and_upgraded_diaries_carry_marrows_application_id() {
    let env = diary_with_an_entry();
    let id: i32 = Connection::open(env.diary_path())
        .unwrap()
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, APPLICATION_ID);
    let old = Env::new();
    fs::create_dir_all(&old.data).unwrap();
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diary-v1.db"), old.diary_path())
        .unwrap();
    old.ok(&["log", "list"]);
    let id: i32 = Connection::open(old.diary_path())
        .unwrap()
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, APPLICATION_ID, "an old marrow diary is marked when upgraded");
}

#[test]
fn a_log_copied_from_another_diary_is_refused_naming_it() {
    let a = diary_with_an_entry();
    let b = Env::new();
    for i in 0..40 {
        b.ok(&["food", "add", &format!("F{i}"), "--per-100g", "magnesium_mg=5"]);
    }
    insert_raw(&crashing(&b.diary_path()), 30);
    fs::copy(b.data.join("diary.db-wal"), a.data.join("diary.db-wal")).unwrap();
    let before = files(&a);
    let message = assert_refused_untouched(&a, &before, "does not belong");
    assert!(message.contains(&a.data.join("diary.db-wal").display().to_string()), "{message}");
    // Moved away as told, the diary is the user's again.
    fs::remove_file(a.data.join("diary.db-wal")).unwrap();
    assert_eq!(a.json(&["log", "list", "--date", D, "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn a_backup_restored_over_a_crashed_diary_is_refused_until_its_old_log_is_moved() {
    let env = diary_with_an_entry();
    let backup = env.tmp.path().join("backup.db");
    env.ok(&["backup", backup.to_str().unwrap()]);
    insert_raw(&crashing(&env.diary_path()), 5);
    fs::copy(&backup, env.diary_path()).unwrap();
    let before = files(&env);
    assert_refused_untouched(&env, &before, "does not belong");
    fs::remove_file(env.data.join("diary.db-wal")).unwrap();
    fs::remove_file(env.data.join("diary.db-shm")).unwrap();
    assert_eq!(env.json(&["log", "list", "--date", D, "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn a_log_left_by_a_crash_is_accepted_and_keeps_its_entries() {
    let env = diary_with_an_entry();
    // A crash after hundreds of commits (page 1 in the log as pages are added), some of them
    // already checkpointed into diary.db, the rest only in the log.
    {
        let conn = crashing(&env.diary_path());
        insert_raw(&conn, 300);
        conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())).unwrap();
        insert_raw(&conn, 300);
    }
    assert!(env.data.join("diary.db-wal").exists() && env.data.join("diary.db-shm").exists());
    assert_eq!(env.json(&["log", "list", "--date", D, "--json"]).as_array().unwrap().len(), 601);
    env.ok(&["log", "add", "12061", "2g", "--date", D]);
    assert_eq!(env.json(&["log", "list", "--date", D, "--json"]).as_array().unwrap().len(), 602);
}

#[test]
fn a_log_left_by_a_crash_without_any_checkpoint_is_accepted() {
    let env = diary_with_an_entry();
    insert_raw(&crashing(&env.diary_path()), 3);
    assert_eq!(env.json(&["log", "list", "--date", D, "--json"]).as_array().unwrap().len(), 4);
}

#[test]
fn a_log_left_by_marrow_killed_while_closing_is_accepted() {
    // Killed after its last checkpoint removed the -shm, before it removed the log: every
    // page of the log is in diary.db already.
    let env = diary_with_an_entry();
    let wal = env.data.join("diary.db-wal");
    {
        let conn = crashing(&env.diary_path());
        insert_raw(&conn, 50);
        conn.query_row("PRAGMA wal_checkpoint(FULL)", [], |_| Ok(())).unwrap();
        fs::copy(&wal, env.tmp.path().join("kept-wal")).unwrap();
    }
    fs::remove_file(env.data.join("diary.db-shm")).unwrap();
    fs::copy(env.tmp.path().join("kept-wal"), &wal).unwrap();
    assert_eq!(env.json(&["log", "list", "--date", D, "--json"]).as_array().unwrap().len(), 51);
}

#[cfg(unix)]
fn with_umask(cmd: &mut std::process::Command, mask: libc::mode_t) {
    use std::os::unix::process::CommandExt;
    // SAFETY: umask is async-signal-safe and touches only the child's own mask.
    unsafe {
        cmd.pre_exec(move || {
            libc::umask(mask);
            Ok(())
        });
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_in_place_of_a_database_is_refused_in_one_line() {
    let cases: [(&str, &[&str]); 3] =
        [("diary.db", &["log", "list"]), ("diary.db", &["day"]), ("catalog.db", &["search", "almonds"])];
    for (name, args) in cases {
        let env = Env::new();
        fs::create_dir_all(&env.data).unwrap();
        let fifo = std::ffi::CString::new(env.data.join(name).to_str().unwrap()).unwrap();
        // SAFETY: a valid path string.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        let mut child = env.process().args(args).stderr(std::process::Stdio::piped()).spawn().unwrap();
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            assert!(started.elapsed() < std::time::Duration::from_secs(10), "{name} {args:?} hangs");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        let stderr = one_line_failure(&out, name);
        assert!(stderr.contains("is a FIFO"), "{stderr}");
    }
    let env = Env::new();
    fs::create_dir_all(&env.data).unwrap();
    std::os::unix::fs::symlink("/dev/zero", env.diary_path()).unwrap();
    let stderr = one_line_failure(&env.run(&["log", "list"]), "/dev/zero");
    assert!(stderr.contains("is a device"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_backup_never_follows_a_link_and_is_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let env = diary_with_an_entry();
    let elsewhere = env.tmp.path().join("elsewhere.db");
    let link = env.tmp.path().join("copy.db");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let out = env.run(&["backup", link.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!elsewhere.exists(), "the backup followed the dangling link");

    // A name that looks like an SQLite URI is a plain file name, and the copy is 0600.
    let dir = env.tmp.path().join("cwd");
    fs::create_dir_all(&dir).unwrap();
    let mut cmd = env.process();
    cmd.current_dir(&dir).args(["backup", "file:copy.db"]).stdout(std::process::Stdio::null());
    with_umask(&mut cmd, 0o022);
    assert!(cmd.status().unwrap().success());
    let copy = dir.join("file:copy.db");
    assert_eq!(fs::metadata(&copy).unwrap().permissions().mode() & 0o777, 0o600);
    assert!(fs::metadata(&copy).unwrap().len() > 0, "the copy is in the file named");
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "nothing else was written");
    let entries: i64 =
        Connection::open(&copy).unwrap().query_row("SELECT COUNT(*) FROM entries", [], |r| r.get(0)).unwrap();
    assert_eq!(entries, 1);
}

#[test]
fn a_data_dir_named_like_a_uri_is_a_plain_directory() {
    let env = Env::new();
    let dir = env.tmp.path().join("cwd");
    fs::create_dir_all(&dir).unwrap();
    let run = |args: &[&str]| {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("marrow"));
        common::hermetic(&mut cmd, env.tmp.path());
        cmd.current_dir(&dir).args(["--data-dir", "file:dd"]).args(args).output().unwrap()
    };
    let out = run(&["log", "add", "12061", "30g", "--date", D]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.join("file:dd/diary.db").is_file() && dir.join("file:dd/catalog.db").is_file());
    let names: Vec<_> = fs::read_dir(dir.join("file:dd")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn stale_catalog_temporary_files_are_removed_by_the_next_build() {
    let env = Env::new();
    fs::create_dir_all(&env.data).unwrap();
    // The pid of a process that has ended.
    let mut gone = std::process::Command::new(assert_cmd::cargo::cargo_bin("marrow"));
    let gone = gone.arg("--version").stdout(std::process::Stdio::null()).spawn().unwrap();
    let pid = gone.id();
    let mut gone = gone;
    gone.wait().unwrap();
    let stale = env.data.join(format!(".catalog.db.{pid}.tmp"));
    fs::write(&stale, b"half a catalog").unwrap();
    env.ok(&["search", "almonds"]);
    assert!(!stale.exists(), "the killed build's file is still there");
}

#[cfg(unix)]
#[test]
fn every_directory_marrow_creates_is_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let deep = env.tmp.path().join("a/b/c");
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("marrow"));
    common::hermetic(&mut cmd, env.tmp.path());
    cmd.args(["--data-dir", deep.to_str().unwrap(), "log", "add", "12061", "30g"])
        .stdout(std::process::Stdio::null());
    with_umask(&mut cmd, 0);
    assert!(cmd.status().unwrap().success());
    for d in ["a", "a/b", "a/b/c"] {
        let mode = fs::metadata(env.tmp.path().join(d)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{d}");
    }
}

#[test]
fn a_relative_home_is_refused_in_one_line_and_creates_nothing() {
    let env = Env::new();
    let dir = env.tmp.path().join("cwd");
    fs::create_dir_all(&dir).unwrap();
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("marrow"));
    common::hermetic(&mut cmd, env.tmp.path());
    cmd.env("HOME", "relhome")
        .env_remove("XDG_DATA_HOME")
        .current_dir(&dir)
        .args(["log", "add", "12061", "30g"]);
    let stderr = one_line_failure(&cmd.output().unwrap(), "relative HOME");
    assert!(stderr.contains("HOME"), "{stderr}");
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 0, "something was created under the cwd");
}

#[test]
fn a_diary_sqlite_may_not_write_is_read_and_a_write_says_why() {
    let env = diary_with_an_entry();
    let path = env.diary_path();
    let mut bytes = fs::read(&path).unwrap();
    bytes[18] = 3; // write version 3: SQLite reads the file but will not write it
    fs::write(&path, &bytes).unwrap();
    assert!(env.ok(&["log", "list", "--date", D]).contains("almonds"));
    let stderr = one_line_failure(&env.run(&["log", "add", "12061", "1g"]), "write version 3");
    assert!(stderr.contains("cannot write") && stderr.contains("untouched"), "{stderr}");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

/// The schema version is one header field: a flipped bit can make it negative (marrow then
/// looped for ever, taking the write lock each time) or name an older schema than the tables
/// are (migrating then failed half-way with the migration's SQL as the message). Either is a
/// damaged diary, refused untouched, and no -wal or -shm appears beside it.
#[test]
fn a_schema_version_its_tables_do_not_have_is_refused_untouched() {
    for version in [-1, -2_147_483_648, 0, 1, 2] {
        let env = Env::new();
        env.ok(&["log", "add", "12061", "30g"]);
        let conn = Connection::open(env.diary_path()).unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
        drop(conn);
        let before = files(&env);
        assert!(before[1].1.is_none() && before[2].1.is_none(), "closed cleanly: no log");
        let message = assert_refused_untouched(&env, &before, "is damaged");
        assert!(message.contains(&format!("schema version {version}")), "{message}");
    }
}
