//! The keymap: which action a key gives in each focus, letters in text fields, the config's
//! rebindings and their refusals, and the help and hints drawn from it.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::config::Config;
use crate::domain::{Entry, Meal, NutrientValues, Profile};
use crate::tui::action::TextEdit;
use crate::tui::app::update;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn log() -> AppState {
    AppState::new(day(), Meal::Lunch, Profile::default())
}

fn searching() -> AppState {
    let mut s = log();
    update(&mut s, Action::OpenSearch);
    s
}

fn key(name: &str) -> KeyEvent {
    event(name).unwrap()
}

fn act(s: &AppState, name: &str) -> Option<Action> {
    s.keys.resolve(s, key(name))
}

fn entry(id: i64) -> Entry {
    Entry {
        id,
        date: day(),
        meal: Meal::Lunch,
        food_id: "12061".into(),
        food_name: "Nuts, almonds".into(),
        grams: 30.0,
        quantity: "30g".into(),
        logged_at: String::new(),
        per_100g: NutrientValues::unknown(),
    }
}

#[test]
fn every_default_key_name_parses_and_no_context_binds_a_key_twice() {
    for name in defaults::key_names() {
        assert!(Key::parse(name).is_ok(), "{name}");
    }
    let map = Keymap::default();
    for ctx in Context::ALL {
        let mut seen = Vec::new();
        for b in map.bindings().iter().filter(|b| b.context == ctx) {
            for k in &b.keys {
                assert!(!seen.contains(k), "{} bound twice in {}", k.name(), ctx.name());
                seen.push(*k);
            }
        }
    }
}

#[test]
fn q_quits_only_outside_text_input() {
    assert_eq!(act(&log(), "q"), Some(Action::Quit));
    assert_eq!(act(&searching(), "q"), Some(Action::Type('q')));
    assert_eq!(act(&searching(), "ctrl-c"), Some(Action::Quit));
}

#[test]
fn j_and_k_type_into_the_search_box_and_move_only_where_no_text_is() {
    let mut s = searching();
    assert_eq!(act(&s, "j"), Some(Action::Type('j')));
    for c in ["j", "k"] {
        let a = act(&s, c).unwrap();
        update(&mut s, a);
    }
    assert_eq!(s.search.as_ref().unwrap().query, "jk");
    assert_eq!(act(&s, "Down"), Some(Action::ListDown));
    assert_eq!(act(&s, "g"), Some(Action::Type('g')), "g types once the query is not empty");
    assert_eq!(act(&log(), "j"), Some(Action::SelectNext));
    let mut pills = log();
    update(&mut pills, Action::OpenSupplements);
    assert_eq!(act(&pills, "j"), Some(Action::ListDown));
    assert_eq!(act(&pills, "G"), Some(Action::ListBottom));
    assert_eq!(act(&pills, "PgDn"), Some(Action::PageDown));
}

#[test]
fn browse_letters_act_only_on_an_empty_query() {
    let s = searching();
    assert_eq!(act(&s, "s"), Some(Action::Letter { letter: 's', action: Box::new(Action::CycleSort) }));
    assert_eq!(act(&s, "Left"), Some(Action::CycleBasis));
    assert_eq!(act(&s, "ctrl-s"), Some(Action::CycleSort));
    let mut typed = searching();
    update(&mut typed, Action::Type('a'));
    assert_eq!(act(&typed, "s"), Some(Action::Type('s')));
    assert_eq!(act(&typed, "Left"), Some(Action::Edit(TextEdit::Left)));
}

#[test]
fn text_fields_take_readline_keys() {
    let s = searching();
    assert_eq!(act(&s, "ctrl-a"), Some(Action::Edit(TextEdit::Home)));
    assert_eq!(act(&s, "ctrl-u"), Some(Action::Edit(TextEdit::KillStart)));
    assert_eq!(act(&s, "ctrl-w"), Some(Action::Edit(TextEdit::KillWord)));
    assert_eq!(act(&s, "alt-b"), Some(Action::Edit(TextEdit::WordLeft)));
    assert_eq!(act(&s, "Backspace"), Some(Action::Backspace));
    // Shift and Release do not change what a key is.
    let shifted = KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT);
    assert_eq!(s.keys.resolve(&s, shifted), Some(Action::Type('J')));
    let mut release = key("q");
    release.kind = ratatui::crossterm::event::KeyEventKind::Release;
    assert_eq!(log().keys.resolve(&log(), release), None);
}

fn config(text: &str) -> Result<Config, (usize, String)> {
    Config::parse(text)
}

#[test]
fn rebinding_remove_to_x_removes_with_x_in_the_log() {
    let c = config("[keys]\nremove = \"x\"\nsuggest = \"z\"\n").unwrap();
    let mut s = log();
    s.keys = c.keymap();
    update(&mut s, Action::EntryAdded { entry: entry(4), undo: false });
    update(
        &mut s,
        Action::DayLoaded(crate::service::DayReport::new(
            day(),
            Profile::default(),
            vec![entry(4)],
            vec![],
            vec![],
        )),
    );
    assert_eq!(act(&s, "x"), Some(Action::DeleteEntry));
    assert_eq!(act(&s, "d"), None, "d no longer removes");
    assert_eq!(act(&s, "z"), Some(Action::OpenSuggestions));
    let remove = act(&s, "x").unwrap();
    let fx = update(&mut s, remove);
    assert_eq!(fx, vec![crate::tui::effect::Effect::RemoveEntry { id: 4, undo: false }]);
    assert!(s.keys.log_hints().contains("x del"), "{}", s.keys.log_hints());
    assert!(s.keys.help().contains(&HelpLine::Keys("x".into(), "remove the selected entry")));
}

#[test]
fn a_users_key_is_taken_from_the_default_that_had_it() {
    let c = config("[keys]\nremove = \"x\"\n").unwrap();
    let s = AppState { keys: c.keymap(), ..log() };
    assert_eq!(act(&s, "x"), Some(Action::DeleteEntry));
    assert!(s.keys.keys_of(Context::Log, "suggest").is_empty());
    // In supplements too: remove is rebound wherever it is bound.
    assert_eq!(s.keys.keys_of(Context::Supplements, "remove"), &[Key::parse("x").unwrap()]);
}

#[test]
fn a_context_table_rebinds_one_context_only() {
    let c = config("[keys.supplements]\nremove = [\"r\", \"Delete\"]\n").unwrap();
    let k = c.keymap();
    assert_eq!(k.keys_of(Context::Supplements, "remove").len(), 2);
    assert_eq!(k.keys_of(Context::Log, "remove"), Keymap::default().keys_of(Context::Log, "remove"));
}

#[test]
fn a_config_that_leaves_no_key_to_quit_is_refused() {
    let (line, what) = config("[keys]\nquit = []\n").unwrap_err();
    assert_eq!(line, 2);
    assert!(what.contains("quit needs at least one key"), "{what}");
    assert!(config("[keys]\nquit = \"Q\"\n").is_ok(), "another key is fine");
}

#[test]
fn conflicts_and_unknown_names_are_refused_with_the_line() {
    let (line, what) =
        config("[app]\ntheme = \"mono\"\n\n[keys]\nremove = \"x\"\nsuggest = \"x\"\n").unwrap_err();
    assert_eq!(line, 5, "{what}");
    assert!(what.contains("x is bound to both remove and suggest in log"), "{what}");
    let (line, what) = config("[keys]\nzap = \"x\"\n").unwrap_err();
    assert_eq!(line, 2);
    assert!(what.contains("unknown action \"zap\""), "{what}");
    let (line, what) = config("[keys]\nundo = \"u\"\n[keys.log]\nredo = \"ctrl-\"\n").unwrap_err();
    assert_eq!(line, 4);
    assert!(what.contains("unknown key \"ctrl-\""), "{what}");
    let (line, what) = config("[keys.nowhere]\nundo = \"u\"\n").unwrap_err();
    assert_eq!(line, 1);
    assert!(what.contains("unknown context"), "{what}");
    let (_, what) = config("[keys.text]\nkill_word = \"w\"\n").unwrap_err();
    assert!(what.contains("would type into the text field"), "{what}");
    assert!(!what.contains('\n'));
}

#[test]
fn the_default_config_lists_every_binding_and_reads_back_as_the_defaults() {
    let text = crate::config::default_toml();
    assert_eq!(Config::parse(&text).unwrap(), Config::default(), "all commented");
    let start = text.find("\n[keys]").unwrap();
    let uncommented: String = text[start..]
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest)
                if rest.starts_with("[keys.")
                    || rest
                        .split_once(" = ")
                        .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_lowercase() || c == '_')) =>
            {
                rest
            }
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let c = Config::parse(&uncommented).unwrap_or_else(|e| panic!("{e:?}\n{uncommented}"));
    assert!(!c.keys.is_empty());
    assert_eq!(c.keymap(), Keymap::default());
    for b in Keymap::default().bindings() {
        assert!(text.contains(&format!("# {} = ", b.name)), "{}", b.name);
    }
}

#[test]
fn help_and_hints_come_from_the_bindings() {
    let k = Keymap::default();
    assert_eq!(
        k.log_hints(),
        "/ add · e edit · d del · u undo · p supplements · x suggest · ? help · q quit"
    );
    let help = k.help();
    for b in k.bindings() {
        assert!(help.iter().any(|l| matches!(l, HelpLine::Keys(_, w) if *w == b.help)), "{}", b.name);
    }
    assert!(help.contains(&HelpLine::Heading(Context::Text.title())));
}

#[test]
fn the_review_key_and_its_period_key_can_be_rebound() {
    let mut s = log();
    assert_eq!(act(&s, "R"), Some(Action::OpenReview));
    let c = config("[keys.log]\nreview = \"V\"\n[keys.review]\nperiod = \"m\"\nreview = \"V\"\n").unwrap();
    s.keys = c.keymap();
    assert_eq!(act(&s, "R"), None, "R no longer opens it");
    assert_eq!(act(&s, "V"), Some(Action::OpenReview));
    update(&mut s, Action::OpenReview);
    assert_eq!(act(&s, "m"), Some(Action::ToggleReviewPeriod));
    assert_eq!(act(&s, "Tab"), None);
    assert_eq!(act(&s, "V"), Some(Action::Close));
    assert_eq!(act(&s, "Esc"), Some(Action::Close));
    let hint = s.keys.review_hint();
    assert!(hint.contains("m week/month") && hint.contains("V close"), "{hint}");
    assert!(s
        .keys
        .help()
        .contains(&HelpLine::Keys("V".into(), "review the week or month: averages, foods, change")));
}
