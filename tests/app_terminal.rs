//! The app never outlives its terminal, never freezes on another marrow's lock, and hands the
//! terminal back on every signal: the real binary in a pseudo-terminal, hung up, signalled,
//! stopped and continued, and writing while another process holds the diary's write lock.
//! Also the clock before 1970, for the app and the command line (under faketime, when the
//! machine has it).

mod common;
mod pty;

use std::path::Path;
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;
use rusqlite::Connection;

use pty::{
    children, data_dir_with_profile, kill, marrow, marrow_json, process_state, wait_state, App,
    ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, LONG, SHOW_CURSOR,
};

/// How long the app may take to end once its terminal or a signal says so: it is asked to
/// within a second; this is a liveness bound for a debug build on a busy machine.
const END: Duration = Duration::from_secs(3);

/// Opens the search overlay (`/`) and waits for it.
fn open_search(app: &mut App) {
    app.wait_for("Magnesium", LONG);
    app.send("/");
    app.send("almonds");
    app.wait_for("Nuts, almonds", LONG);
}

/// Opens the amount prompt for almonds, with "30g" typed and not yet entered.
fn open_prompt(app: &mut App) {
    open_search(app);
    app.send("\r");
    app.wait_for("Amount:", LONG);
    app.send("30g");
    app.wait_for("adds 30 g", LONG);
}

/// How many entries the diary holds.
fn entries(data: &Path) -> usize {
    marrow_json(data, &["log", "list", "--json"]).as_array().map_or(0, Vec::len)
}

#[test]
fn closing_the_terminal_with_an_overlay_open_ends_the_app() {
    let (_tmp, data) = data_dir_with_profile();
    let mut app = App::spawn(&data);
    open_search(&mut app);
    app.hang_up();
    let status = app.wait_exit(END);
    assert!(status.success(), "ended cleanly, not aborted: {status:?}");
}

#[test]
fn closing_the_terminal_with_a_prompt_open_ends_the_app_and_logs_nothing() {
    let (_tmp, data) = data_dir_with_profile();
    let mut app = App::spawn(&data);
    open_prompt(&mut app);
    app.hang_up();
    let status = app.wait_exit(END);
    assert!(status.success(), "ended cleanly, not aborted: {status:?}");
    assert_eq!(entries(&data), 0, "a closed terminal is not an Enter");
}

/// The app is not the session's leader here (a shell ignoring SIGHUP is), so closing the
/// terminal sends it no signal: only its input ends.
#[test]
fn the_end_of_input_alone_ends_the_app() {
    let (_tmp, data) = data_dir_with_profile();
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", "trap '' HUP; \"$0\" \"$@\"; :", env!("CARGO_BIN_EXE_marrow"), "--data-dir"]);
    cmd.arg(&data);
    let mut app = App::start(cmd, &data, &[]);
    open_prompt(&mut app);
    let marrow = children(app.pid());
    assert_eq!(marrow.len(), 1, "the shell runs one marrow: {marrow:?}");
    app.hang_up();
    let ended = wait_state(marrow[0], END, |s| matches!(s, None | Some('Z')));
    if !ended {
        kill("KILL", marrow[0]);
    }
    assert!(ended, "marrow outlived its terminal (state {:?})", process_state(marrow[0]));
}

fn a_signal_with_a_prompt_open_ends_the_app(signal: &str) {
    let (_tmp, data) = data_dir_with_profile();
    let mut app = App::spawn(&data);
    open_prompt(&mut app);
    let before = app.written();
    app.signal(signal);
    let status = app.wait_exit(END);
    assert_eq!(status.signal(), None, "handled, not killed by SIG{signal}: {status:?}");
    assert!(
        app.output_after_contains(before, LEAVE_ALT_SCREEN, END),
        "the alternate screen was not left after SIG{signal}: {:?}",
        app.output_after(before)
    );
    assert_eq!(entries(&data), 0, "nothing logged");
}

#[test]
fn sigterm_with_a_prompt_open_ends_the_app() {
    a_signal_with_a_prompt_open_ends_the_app("TERM");
}

#[test]
fn sighup_with_a_prompt_open_ends_the_app() {
    a_signal_with_a_prompt_open_ends_the_app("HUP");
}

#[test]
fn sigint_with_a_prompt_open_ends_the_app() {
    a_signal_with_a_prompt_open_ends_the_app("INT");
}

/// Writing to a terminal that no longer reads (a stalled connection) blocks the app's
/// drawing; a signal still ends it, through the watchdog, with 128 + the signal's number.
#[test]
fn sigterm_ends_the_app_even_when_its_terminal_stops_reading() {
    let (_tmp, data) = data_dir_with_profile();
    let mut app = App::spawn(&data);
    app.wait_for("Magnesium", LONG);
    app.pause_reading(true);
    // Each resize redraws the whole screen, until the terminal's buffer is full.
    for i in 0..60 {
        app.resize(if i % 2 == 0 { 29 } else { 30 }, 100);
        std::thread::sleep(Duration::from_millis(20));
    }
    app.signal("TERM");
    let status = app.wait_exit(END);
    app.pause_reading(false);
    assert_eq!(status.exit_code(), 128 + 15, "ended by the watchdog: {status:?}");
}

#[test]
fn sigtstp_hands_the_terminal_back_and_sigcont_takes_it_again() {
    let (_tmp, data) = data_dir_with_profile();
    let mut app = App::spawn(&data);
    app.wait_for("Magnesium", LONG);
    let pid = app.pid();

    let before = app.written();
    app.signal("TSTP");
    assert!(wait_state(pid, END, |s| s == Some('T')), "not stopped: {:?}", process_state(pid));
    // The stop comes after the writes; the pty's reader may still be catching up with them.
    let left = app.output_after_contains(before, b"\x1b[?1049l", END);
    let out = app.output_after(before);
    assert!(left, "the alternate screen was not left: {out:?}");
    assert!(app.output_after_contains(before, b"\x1b[?25h", END), "the cursor was not shown: {out:?}");
    assert!(!app.raw_mode(), "the terminal was left in raw mode");

    let before = app.written();
    app.signal("CONT");
    assert!(
        app.output_after_contains(before, ENTER_ALT_SCREEN, END),
        "the alternate screen was not taken again: {:?}",
        app.output_after(before)
    );
    app.wait_for("Magnesium", LONG);
    assert!(app.raw_mode(), "raw mode was not taken again");
    // Redrawn whole, and keys work without Enter.
    app.send("?");
    app.wait_for("Keys", LONG);
    app.send("\x1b");
    app.wait_until("the help closed", LONG, |s| !s.contains("Keys"));
    app.send("q");
    assert!(app.wait_exit(END).success());
}

#[test]
fn sigquit_hands_the_terminal_back_before_the_app_ends() {
    let (_tmp, data) = data_dir_with_profile();
    let mut app = App::spawn(&data);
    open_prompt(&mut app);
    let before = app.written();
    app.signal("QUIT");
    let status = app.wait_exit(END);
    assert!(!status.success(), "SIGQUIT is not a success: {status:?}");
    let out = |needle| app.output_after_contains(before, needle, END);
    assert!(out(LEAVE_ALT_SCREEN) && out(SHOW_CURSOR), "not restored: {:?}", app.output_after(before));
    assert!(!app.raw_mode(), "the terminal was left in raw mode");
}

/// Holds the diary's write lock from another connection, as another marrow writing does.
fn hold_write_lock(data: &Path) -> Connection {
    let conn = Connection::open(data.join("diary.db")).expect("open the diary");
    conn.execute_batch("BEGIN IMMEDIATE").expect("take the write lock");
    conn
}

const WAITING: &str = "waiting for another marrow to finish writing";

#[test]
fn a_write_waits_for_another_marrow_without_freezing_and_lands_when_the_lock_goes() {
    let (_tmp, data) = data_dir_with_profile();
    let mut app = App::spawn(&data);
    // Open before the lock is taken: opening the diary may write (its schema).
    open_prompt(&mut app);
    let lock = hold_write_lock(&data);
    app.send("\r");
    app.wait_for(WAITING, LONG);
    // Keys still work: the help opens and closes.
    app.send("?");
    app.wait_for("Keys", END);
    app.send("\x1b");
    app.wait_until("the help closed", END, |s| !s.contains("Keys"));
    let logged: i64 = lock.query_row("SELECT COUNT(*) FROM entries", [], |r| r.get(0)).expect("count");
    assert_eq!(logged, 0, "nothing lands while the lock is held");

    lock.execute_batch("COMMIT").expect("release the lock");
    app.wait_until("the entry, logged", LONG, |s| s.contains("81.0") && !s.contains(WAITING));
    app.send("q");
    assert!(app.wait_exit(END).success());
    assert_eq!(entries(&data), 1, "the entry landed once");
}

#[test]
fn sigterm_while_a_write_waits_ends_the_app_and_writes_nothing() {
    let (_tmp, data) = data_dir_with_profile();
    let mut app = App::spawn(&data);
    open_prompt(&mut app);
    let lock = hold_write_lock(&data);
    app.send("\r");
    app.wait_for(WAITING, LONG);
    let before = app.written();
    app.signal("TERM");
    let status = app.wait_exit(END);
    assert!(app.output_after_contains(before, LEAVE_ALT_SCREEN, END), "the terminal was not restored");
    assert!(!status.success(), "an unsaved entry is a failure: {status:?}");
    drop(lock);
    assert_eq!(entries(&data), 0, "nothing half-written");
}

#[test]
fn a_write_that_waits_too_long_fails_clearly_and_writes_nothing() {
    let (_tmp, data) = data_dir_with_profile();
    // The 30 s a write may wait, shortened for the test.
    let mut app = App::spawn_with(&data, &[("MARROW_TEST_WRITE_WAIT", "1500")]);
    open_prompt(&mut app);
    let lock = hold_write_lock(&data);
    app.send("\r");
    app.wait_for(WAITING, LONG);
    app.wait_for("not saved", LONG);
    drop(lock);
    std::thread::sleep(Duration::from_millis(500));
    app.send("q");
    assert!(app.wait_exit(END).success());
    assert_eq!(entries(&data), 0, "the failed write left nothing behind");
}

/// faketime (apt-get install faketime; .ci/run installs it). The tests that use it are
/// ignored, with that reason, on a machine without it (build.rs sets `marrow_faketime`).
const FAKETIME: &str = "faketime";

#[test]
#[cfg_attr(not(marrow_faketime), ignore = "needs faketime (apt-get install faketime)")]
fn a_clock_before_1970_is_no_panic_on_the_command_line() {
    let faketime = FAKETIME;
    let (_tmp, data) = data_dir_with_profile();
    let mut cmd = std::process::Command::new(faketime);
    common::hermetic(&mut cmd, data.parent().expect("the data dir's parent"));
    let out = cmd
        .env("TZ", "UTC")
        .args(["1969-12-31 23:59:59", env!("CARGO_BIN_EXE_marrow"), "--data-dir"])
        .arg(&data)
        .args(["log", "add", "12061", "30g"])
        .output()
        .expect("run marrow under faketime");
    common::assert_no_panic(&out, "log add before 1970");
    assert!(out.status.success(), "log add before 1970: {}", String::from_utf8_lossy(&out.stderr));
    let list = marrow_json(&data, &["log", "list", "--date", "1969-12-31", "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert!(marrow(&data, &["day"]).status.success());
}

#[test]
#[cfg_attr(not(marrow_faketime), ignore = "needs faketime (apt-get install faketime)")]
fn a_clock_before_1970_is_no_panic_in_the_app() {
    let faketime = FAKETIME;
    let (_tmp, data) = data_dir_with_profile();
    let mut cmd = CommandBuilder::new(faketime);
    // The clock starts in July 1969 and runs; timers stay real.
    cmd.args(["-f", "@1969-07-20 20:17:00", env!("CARGO_BIN_EXE_marrow"), "--data-dir"]);
    cmd.arg(&data);
    let mut app = App::start(cmd, &data, &[("TZ", "UTC"), ("FAKETIME_DONT_FAKE_MONOTONIC", "1")]);
    app.wait_for("Sun 20 Jul 1969", LONG);
    let started = Instant::now();
    app.send("q");
    assert!(app.wait_exit(END).success(), "after {:?}", started.elapsed());
}
