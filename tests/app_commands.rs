//! The command line in the real app, in a pseudo-terminal: `:goto` moves the shown day, Tab
//! completes the verb, and a line that cannot be run says why on the status line.

mod common;
mod pty;

use std::time::Duration;

use pty::{data_dir_with_profile, App, LONG};

#[test]
fn goto_moves_the_day_and_a_bad_line_says_why() {
    let (_tmp, data) = data_dir_with_profile();
    let mut app = App::spawn(&data);
    app.wait_for("Magnesium", LONG);
    app.send(":");
    app.wait_for("Command", LONG);
    // "go" and Tab make "goto ".
    app.send("go\t2026-01-05\r");
    app.wait_for("Mon 5 Jan 2026", LONG);
    app.send(":frobnicate\r");
    app.wait_for("unknown command \"frobnicate\"", LONG);
    // Esc on its own: an Esc and a q together read as alt-q.
    app.send("\x1b");
    app.wait_until("the command line closed", LONG, |s| !s.contains(" Command "));
    app.send("q");
    let status = app.wait_exit(Duration::from_secs(5));
    assert!(status.success(), "the app exited with {status:?}; the screen:\n{}", app.screen());
}
