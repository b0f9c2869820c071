//! The full-screen app end to end: the real binary in a pseudo-terminal, keys sent as bytes,
//! the screen read back through a terminal emulator (vt100). Logs a food by typing, sees an
//! entry added by another process appear by itself, quits; and restores the terminal on
//! SIGTERM.

mod common;
mod pty;

use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

use pty::{data_dir_with_profile, marrow_json, marrow_ok, App, COLS, LEAVE_ALT_SCREEN, LONG, ROWS};

#[test]
fn log_by_typing_see_another_process_and_quit() {
    let (_tmp, data) = data_dir_with_profile();
    let mut app = App::spawn(&data);
    app.wait_for("Magnesium", LONG);

    app.send("/");
    app.send("almonds");
    app.wait_until("the search for almonds with Nuts, almonds", LONG, |s| {
        s.contains("Search: almonds") && s.contains("Nuts, almonds")
    });
    app.send("\r");
    app.wait_for("Amount:", LONG);
    app.send("30g");
    app.wait_for("adds 30 g", LONG);
    app.send("\r");
    // 30 g of almonds: 81.0 mg magnesium, in the gauges and the log once the prompt is gone.
    app.wait_until("81.0 outside the prompt", LONG, |s| {
        s.contains("81.0") && !s.contains("Amount:") && !s.contains("adds 30 g")
    });

    // Another process logs spinach; the app notices by itself.
    let out = marrow_ok(&data, &["log", "add", "11457", "1 cup"]);
    assert!(out.contains("Spinach, raw"), "log add said: {out}");
    app.wait_for("Spinach, raw", Duration::from_secs(3));
    app.wait_for("104.7", Duration::from_secs(3));

    app.send("q");
    let status = app.wait_exit(Duration::from_secs(5));
    assert!(status.success(), "the app exited with {status:?}; the screen:\n{}", app.screen());

    let entries = marrow_json(&data, &["log", "list", "--json"]);
    let entries = entries.as_array().expect("an array of entries");
    assert_eq!(entries.len(), 2, "entries: {entries:#?}");
    let almonds: Vec<&Value> = entries.iter().filter(|e| e["food_id"] == "12061").collect();
    assert_eq!(almonds.len(), 1, "one almond entry: {entries:#?}");
    let grams = almonds[0]["grams"].as_f64().expect("grams is a number");
    assert!((grams - 30.0).abs() < 1e-9, "almond grams: {grams}");
    assert!(entries.iter().any(|e| e["food_id"] == "11457"), "the spinach entry: {entries:#?}");

    let day = marrow_json(&data, &["day", "--json"]);
    let mg = day["totals"]["magnesium_mg"].as_f64().expect("totals.magnesium_mg is a number");
    assert!((mg - 104.7).abs() < 0.05, "day magnesium: {mg}");
}

#[test]
fn sigterm_exits_promptly_and_restores_the_terminal() {
    signal_restores_the_terminal("TERM");
}

#[test]
fn sighup_exits_promptly_and_restores_the_terminal() {
    signal_restores_the_terminal("HUP");
}

fn signal_restores_the_terminal(signal: &str) {
    let (_tmp, data) = data_dir_with_profile();
    let mut app = App::spawn(&data);
    app.wait_for("Magnesium", LONG);

    let pid = app.child.process_id().expect("the app's pid");
    let before = app.written();
    let kill =
        Command::new("kill").arg(format!("-{signal}")).arg(pid.to_string()).status().expect("run kill");
    assert!(kill.success(), "kill -{signal} {pid} failed");

    let started = Instant::now();
    let status = app.wait_exit(Duration::from_secs(3));
    eprintln!("exited {:?} after SIG{signal} with {status:?}", started.elapsed());
    // Handled (and so the terminal restored), not killed by the signal.
    assert_eq!(status.signal(), None, "the app died of the signal: {status:?}");
    // The child is gone; what it wrote last may still be on its way through the pty.
    assert!(
        app.output_after_contains(before, LEAVE_ALT_SCREEN, Duration::from_secs(3)),
        "no \\x1b[?1049l (leave the alternate screen) after SIG{signal}; output after the signal: {:?}",
        String::from_utf8_lossy(&app.raw.lock().unwrap()[before..])
    );
}

#[test]
fn a_slow_query_shows_pending_keeps_keys_working_and_does_not_hold_up_quitting() {
    let (_tmp, data) = data_dir_with_profile();
    // Each of the worker's jobs takes 30 s, as on a huge catalog on a busy machine.
    let mut app = App::spawn_with(&data, &[("MARROW_TEST_SLOW_WORKER", "30000")]);
    app.wait_for("Magnesium", LONG);
    app.send("x");
    app.wait_until("the suggestions pending", LONG, |s| {
        s.contains("Weighing foods…") && s.contains("weighing suggestions…")
    });
    // The frame is not frozen: x closes the overlay while its query is still running.
    app.send("x");
    app.wait_until("the overlay closed, the query still pending", LONG, |s| {
        !s.contains("Close the gap") && s.contains("weighing suggestions…")
    });
    let before = app.written();
    let started = Instant::now();
    app.send("q");
    let status = app.wait_exit(Duration::from_secs(3));
    eprintln!("exited {:?} after q with a query running", started.elapsed());
    assert!(status.success(), "the app exited with {status:?}; the screen:\n{}", app.screen());
    assert!(
        app.output_after_contains(before, LEAVE_ALT_SCREEN, Duration::from_secs(3)),
        "the alternate screen was not left"
    );
}

#[test]
fn a_panic_restores_the_terminal_and_says_one_line() {
    let (_tmp, data) = data_dir_with_profile();
    let mut app = App::spawn_with(&data, &[("MARROW_TEST_PANIC", "1")]);
    let status = app.wait_exit(LONG);
    assert!(!status.success(), "a panic is a failure: {status:?}");
    // The child is gone; its last bytes may still be on their way through the pty.
    assert!(
        app.output_after_contains(0, b"marrow: internal error", Duration::from_secs(3)),
        "no one-line panic message"
    );
    let raw = app.raw.lock().unwrap().clone();
    let entered =
        raw.windows(8).position(|w| w == b"\x1b[?1049h").expect("the app entered the alternate screen");
    assert!(
        app.output_after_contains(entered, LEAVE_ALT_SCREEN, Duration::from_secs(3)),
        "the alternate screen was not left after the panic"
    );
    let text = String::from_utf8_lossy(&app.raw.lock().unwrap()).to_string();
    assert!(!text.contains("stack backtrace"), "{text}");
}

#[test]
fn resizing_while_the_amount_prompt_is_open_keeps_it_working() {
    let (_tmp, data) = data_dir_with_profile();
    let mut app = App::spawn(&data);
    app.wait_for("Magnesium", LONG);
    app.send("/");
    app.send("almonds");
    app.wait_for("Nuts, almonds", LONG);
    app.send("\r");
    app.wait_for("Amount:", LONG);
    app.send("3");
    for (rows, cols) in [(5, 20), (1, 1), (12, 40), (ROWS, COLS)] {
        app.resize(rows, cols);
        std::thread::sleep(Duration::from_millis(150));
    }
    app.send("0g");
    app.wait_for("adds 30 g", LONG);
    app.send("\r");
    app.wait_until("the entry on screen", LONG, |s| s.contains("81.0") && !s.contains("Amount:"));
    app.send("q");
    assert!(app.wait_exit(LONG).success());
    let list = marrow_json(&data, &["log", "list", "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert_eq!(list[0]["grams"], 30.0);
}

#[test]
fn a_key_rebound_in_the_config_works_in_the_app() {
    let (tmp, data) = data_dir_with_profile();
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "[keys]\nremove = \"x\"\nsuggest = \"z\"\n").expect("write the config");
    marrow_ok(&data, &["log", "add", "12061", "30g"]);
    let home = tmp.path().to_string_lossy().into_owned();
    let mut app = App::spawn_with(
        &data,
        &[("MARROW_CONFIG", &config.to_string_lossy()), ("HOME", &home), ("XDG_CONFIG_HOME", &home)],
    );
    app.wait_until("the entry and the rebound hint", LONG, |s| {
        s.contains("Nuts, almonds") && s.contains("x del")
    });
    app.send("d");
    thread::sleep(Duration::from_millis(600));
    assert!(!app.screen().contains("Removed"), "d no longer removes:\n{}", app.screen());
    app.send("x");
    app.wait_for("Removed", LONG);
    app.send("q");
    let status = app.wait_exit(Duration::from_secs(5));
    assert!(status.success(), "the app exited with {status:?}; the screen:\n{}", app.screen());
    let entries = marrow_json(&data, &["log", "list", "--json"]);
    assert_eq!(entries.as_array().map(Vec::len), Some(0), "x removed the entry: {entries:#?}");
}
