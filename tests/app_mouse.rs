//! The mouse in the real app, in a pseudo-terminal: the app asks for the mouse reports, a
//! click (an SGR report, as xterm sends it) selects the log row under it, and the reports are
//! stopped as the app hands the terminal back; `[app] mouse = false` never asks for them.

mod common;
mod pty;

use std::time::Duration;

use pty::{data_dir_with_profile, marrow_json, marrow_ok, App, LONG};

/// Asks for mouse presses (DECSET 1000) and for SGR reports (DECSET 1006).
const MOUSE_ON: &[u8] = b"\x1b[?1000h";
const SGR_ON: &[u8] = b"\x1b[?1006h";
/// Stops the mouse reports (DECRST 1000).
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";

fn three_entries() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, data) = data_dir_with_profile();
    for (food, amount) in [("12061", "30g"), ("11457", "1 cup"), ("09040", "1 medium")] {
        marrow_ok(&data, &["log", "add", food, amount, "--meal", "lunch"]);
    }
    (tmp, data)
}

#[test]
fn a_click_selects_the_log_row_under_it() {
    let (_tmp, data) = three_entries();
    let mut app = App::spawn(&data);
    app.wait_until("the three entries", LONG, |s| s.contains("Bananas") && s.contains("Spinach"));
    assert!(app.output_after_contains(0, MOUSE_ON, LONG), "the app asks for the mouse");
    assert!(app.output_after_contains(0, SGR_ON, LONG), "in SGR reports");
    let screen = app.screen();
    let (row, line) =
        screen.lines().enumerate().find(|(_, l)| l.contains("Bananas")).expect("the third entry's row");
    let col = line.find("Bananas").expect("its name") + 2;
    // A press and a release of the left button, 1-based.
    app.send(&format!("\x1b[<0;{};{}M\x1b[<0;{};{}m", col + 1, row + 1, col + 1, row + 1));
    app.send("d");
    app.wait_for("Removed", LONG);
    let from = app.written();
    app.send("q");
    let status = app.wait_exit(Duration::from_secs(5));
    assert!(status.success(), "the app exited with {status:?}; the screen:\n{}", app.screen());
    assert!(app.output_after_contains(from, MOUSE_OFF, LONG), "the mouse reports stop on the way out");
    let left = marrow_json(&data, &["log", "list", "--json"]);
    let ids: Vec<&str> = left.as_array().unwrap().iter().filter_map(|e| e["food_id"].as_str()).collect();
    assert_eq!(ids.len(), 2, "{left:#?}");
    assert!(!ids.contains(&"09040"), "the clicked banana went, not the selected first row: {ids:?}");
}

#[test]
fn the_mouse_off_in_the_config_is_never_asked_for() {
    let (tmp, data) = three_entries();
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "[app]\nmouse = false\n").expect("write the config");
    let mut app = App::spawn_with(&data, &[("MARROW_CONFIG", &config.to_string_lossy())]);
    app.wait_until("the three entries", LONG, |s| s.contains("Bananas"));
    app.send("q");
    let status = app.wait_exit(Duration::from_secs(5));
    assert!(status.success(), "the app exited with {status:?}");
    assert!(!app.output_after_contains(0, MOUSE_ON, Duration::from_millis(10)), "no mouse asked for");
}
