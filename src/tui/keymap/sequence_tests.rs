//! Sequences of two keys: `g g` to the log's first entry, the first key waiting in the state
//! and on the status line, ended by the second key, another key or the timeout, and the
//! config's sequences with the conflicts it refuses.

use std::time::{Duration, Instant};

use chrono::NaiveDate;

use super::*;
use crate::config::Config;
use crate::domain::{Meal, Profile};
use crate::tui::app::update;

fn log() -> AppState {
    let mut s =
        AppState::new(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), Meal::Lunch, Profile::default());
    s.selected = 3;
    s
}

fn key(name: &str) -> Key {
    Key::parse(name).unwrap()
}

fn act(s: &AppState, name: &str) -> Option<Action> {
    s.keys.resolve(s, event(name).unwrap())
}

/// Presses a key as the app does: resolve, then update.
fn press(s: &mut AppState, name: &str) {
    if let Some(a) = act(s, name) {
        update(s, a);
    }
}

fn sequence(action: Option<Action>) -> Option<Action> {
    Some(Action::Sequence(action.map(Box::new)))
}

#[test]
fn g_g_goes_to_the_first_entry_and_g_alone_waits() {
    let mut s = log();
    assert_eq!(act(&s, "g"), Some(Action::KeyPrefix(key("g"))));
    press(&mut s, "g");
    assert_eq!(s.prefix.map(|p| p.key), Some(key("g")), "the first key waits in the state");
    assert_eq!(act(&s, "g"), sequence(Some(Action::ListTop)));
    // The top of an empty log is row 0 too; what matters is the wait ends.
    press(&mut s, "g");
    assert_eq!(s.prefix, None);
    assert_eq!(s.selected, 0);
    assert_eq!(act(&log(), "Home"), Some(Action::ListTop), "Home still goes there alone");
    assert_eq!(act(&log(), "G"), Some(Action::ListBottom));
}

#[test]
fn another_key_ends_the_wait_and_does_what_it_does() {
    let mut s = log();
    press(&mut s, "g");
    assert_eq!(act(&s, "k"), sequence(Some(Action::SelectPrev)));
    assert_eq!(act(&s, "Esc"), sequence(None), "an unbound key only ends the wait");
    press(&mut s, "Esc");
    assert_eq!(s.prefix, None);
    assert_eq!(s.selected, 3, "nothing moved");
}

#[test]
fn the_wait_lapses_after_the_timeout() {
    let mut s = log();
    press(&mut s, "g");
    let Some(since) = Instant::now().checked_sub(TIMEOUT + Duration::from_millis(10)) else { return };
    s.prefix = Some(Prefix { key: key("g"), since });
    assert!(!s.prefix.unwrap().live());
    // A lapsed g does not complete g g: the second g waits anew.
    assert_eq!(act(&s, "g"), sequence(Some(Action::KeyPrefix(key("g")))));
    press(&mut s, "g");
    assert!(s.prefix.is_some_and(|p| p.live()));
}

#[test]
fn the_status_line_names_what_the_waiting_key_can_become() {
    let k = Keymap::default();
    assert_eq!(k.prefix_hint(Focus::Log, key("g")), "g… g first entry");
    let help = k.help();
    assert!(help.contains(&HelpLine::Keys("gg Home".into(), "first entry")), "{help:?}");
}

#[test]
fn lists_and_text_fields_keep_g_as_before() {
    let mut pills = log();
    update(&mut pills, Action::OpenSupplements);
    assert_eq!(act(&pills, "g"), Some(Action::ListTop));
    let mut search = log();
    update(&mut search, Action::OpenSearch);
    assert!(matches!(act(&search, "g"), Some(Action::Letter { letter: 'g', .. })));
    update(&mut search, Action::Type('x'));
    assert_eq!(act(&search, "g"), Some(Action::Type('g')));
}

fn keymap(text: &str) -> Result<Keymap, String> {
    Config::parse(text).map(|c| c.keymap()).map_err(|(_, what)| what)
}

#[test]
fn the_config_binds_sequences_where_no_text_is_typed() {
    let k = keymap("[keys.log]\nundo = \"z z\"\n[keys.browse]\ntop = [\"g g\"]\n").unwrap();
    let mut s = AppState { keys: k, ..log() };
    assert_eq!(act(&s, "z"), Some(Action::KeyPrefix(key("z"))));
    press(&mut s, "z");
    assert_eq!(act(&s, "z"), sequence(Some(Action::Undo)));
    let mut pills = AppState { prefix: None, ..s.clone() };
    update(&mut pills, Action::OpenSupplements);
    assert_eq!(act(&pills, "g"), Some(Action::KeyPrefix(key("g"))));
    assert!(pills
        .keys
        .help()
        .contains(&HelpLine::Keys("zz".into(), "undo the last change (entries, meals, supplements)")));
}

#[test]
fn a_key_that_begins_a_sequence_and_acts_alone_is_refused() {
    let what = keymap("[keys]\ntoday = \"g\"\n").unwrap_err();
    assert!(what.contains("g is bound to today in log and also begins \"g g\" for top"), "{what}");
    let what = keymap("[keys.log]\nundo = \"x x\"\n").unwrap_err();
    assert!(what.contains("x is bound to suggest in log and also begins \"x x\" for undo"), "{what}");
    let what = keymap("[keys.log]\nundo = [\"z\", \"z z\"]\n").unwrap_err();
    assert!(what.contains("z is bound to undo in log and also begins \"z z\" for undo"), "{what}");
    // Taking the single key back for top itself is no conflict.
    assert!(keymap("[keys.log]\ntop = \"g\"\n").is_ok());
}

#[test]
fn sequences_where_text_is_typed_or_of_three_keys_are_refused() {
    let what = keymap("[keys.search]\nsort = \"ctrl-x ctrl-s\"\n").unwrap_err();
    assert!(what.contains("is a sequence and search reaches a text field"), "{what}");
    let what = keymap("[keys.list]\nconfirm = \"ctrl-x ctrl-s\"\n").unwrap_err();
    assert!(what.contains("list reaches a text field"), "{what}");
    let what = keymap("[keys.log]\nundo = \"g g g\"\n").unwrap_err();
    assert!(what.contains("more than two keys"), "{what}");
}

#[test]
fn the_defaults_have_no_key_that_both_waits_and_acts() {
    let k = Keymap::default();
    for (i, b) in k.bindings().iter().enumerate() {
        assert_eq!(k.prefix_free(i), Ok(()), "{} in {}", b.name, b.context.name());
        if b.keys.iter().any(|s| s.then.is_some()) {
            assert!(b.context.takes_sequences(), "{}", b.name);
        }
    }
    assert!(crate::config::default_toml().contains("# top = [\"g g\", \"Home\"]"));
}
