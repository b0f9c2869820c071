//! Keys to Actions, per focus. The only place that knows which key does what (besides the
//! help overlay, which lists these).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::state::Focus;

/// Every key binding, for the help overlay: (keys, what they do).
pub const HELP: &[(&str, &str)] = &[
    ("/  a", "search foods (empty query: recent foods, then browse)"),
    ("j k  ↓ ↑", "move in the day log or a list"),
    ("h l  ← →", "previous / next day"),
    ("t", "back to today"),
    ("e", "edit the selected entry's amount"),
    ("m", "move the selected entry to another meal"),
    ("d  Delete", "remove the selected entry (or dose, in supplements)"),
    ("u", "undo the last change (entries, meals, supplements)"),
    ("Tab", "change the meal new entries go to"),
    ("w", "trends: last 7 days / last 4 weeks"),
    ("p", "supplements: Enter logs a saved product, a adds a dose"),
    ("x", "suggestions to close the gap (Tab/← →: Mg, Ca, D)"),
    ("s", "save the selected entry's meal under a name"),
    ("r", "log a saved meal to the current meal"),
    ("y", "copy yesterday's meal (the selected entry's, else current)"),
    ("s g  ← →", "search, empty query: sort, group; ← → per 100 g/serving/kcal"),
    ("Enter", "choose the food / log the amount or product"),
    ("Esc", "close the overlay without changes"),
    ("?", "this help (j k scroll)"),
    ("q  Ctrl-C", "quit (q outside text input)"),
];

/// The action for a key in the given focus, if any.
pub fn action(focus: Focus, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('s') => Some(Action::CycleSort),
            KeyCode::Char('g') => Some(Action::PickGroup),
            KeyCode::Char('u') if matches!(focus, Focus::Log | Focus::Supplements) => Some(Action::Undo),
            _ => None,
        };
    }
    let common = match key.code {
        KeyCode::Esc => Some(Action::Close),
        KeyCode::Enter => Some(Action::Confirm),
        KeyCode::Up => Some(Action::ListUp),
        KeyCode::Down => Some(Action::ListDown),
        KeyCode::Tab | KeyCode::BackTab => Some(Action::CycleMeal),
        _ => None,
    };
    let text = match key.code {
        KeyCode::Backspace => Some(Action::Backspace),
        KeyCode::Char(c) => Some(Action::Type(c)),
        _ => None,
    };
    match focus {
        Focus::Search => match key.code {
            KeyCode::Left | KeyCode::Right => Some(Action::CycleBasis),
            _ => common.or(text),
        },
        Focus::Amount | Focus::Name => common.or(text),
        // The nutrient is a choice of seven: Tab and the arrows cycle it.
        Focus::Dose => match key.code {
            KeyCode::Tab | KeyCode::Down => Some(Action::NextNutrient),
            KeyCode::BackTab | KeyCode::Up => Some(Action::PrevNutrient),
            _ => common.or(text),
        },
        Focus::Suggest => match key.code {
            KeyCode::Tab | KeyCode::Right => Some(Action::NextNutrient),
            KeyCode::BackTab | KeyCode::Left => Some(Action::PrevNutrient),
            KeyCode::Char(c) => Some(Action::Type(c)),
            _ => common,
        },
        Focus::Supplements => match key.code {
            KeyCode::Delete => Some(Action::DeleteEntry),
            KeyCode::Char(c) => Some(Action::Type(c)),
            _ => common,
        },
        Focus::Help | Focus::Groups | Focus::Move | Focus::Meals => common.or(match key.code {
            KeyCode::Char(c) => Some(Action::Type(c)),
            _ => None,
        }),
        Focus::Log => match key.code {
            KeyCode::Char('j') | KeyCode::Down => Some(Action::SelectNext),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::SelectPrev),
            KeyCode::Char('h') | KeyCode::Left => Some(Action::PrevDay),
            KeyCode::Char('l') | KeyCode::Right => Some(Action::NextDay),
            KeyCode::Char('t') => Some(Action::Today),
            KeyCode::Char('/') | KeyCode::Char('a') => Some(Action::OpenSearch),
            KeyCode::Char('e') => Some(Action::EditAmount),
            KeyCode::Char('m') => Some(Action::MoveEntry),
            KeyCode::Char('d') | KeyCode::Delete => Some(Action::DeleteEntry),
            KeyCode::Char('u') => Some(Action::Undo),
            KeyCode::Char('w') => Some(Action::ToggleTrendRange),
            KeyCode::Char('p') => Some(Action::OpenSupplements),
            KeyCode::Char('x') => Some(Action::OpenSuggestions),
            KeyCode::Char('s') => Some(Action::SaveMeal),
            KeyCode::Char('r') => Some(Action::OpenSavedMeals),
            KeyCode::Char('y') => Some(Action::CopyYesterday),
            KeyCode::Char('?') => Some(Action::OpenHelp),
            KeyCode::Char('q') => Some(Action::Quit),
            KeyCode::Tab | KeyCode::BackTab => Some(Action::CycleMeal),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn q_quits_only_outside_text_input() {
        assert_eq!(action(Focus::Log, key(KeyCode::Char('q'))), Some(Action::Quit));
        assert_eq!(action(Focus::Search, key(KeyCode::Char('q'))), Some(Action::Type('q')));
        assert_eq!(action(Focus::Amount, key(KeyCode::Char('q'))), Some(Action::Type('q')));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(Focus::Search, ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn log_keys() {
        assert_eq!(action(Focus::Log, key(KeyCode::Char('/'))), Some(Action::OpenSearch));
        assert_eq!(action(Focus::Log, key(KeyCode::Delete)), Some(Action::DeleteEntry));
        assert_eq!(action(Focus::Log, key(KeyCode::Left)), Some(Action::PrevDay));
        assert_eq!(action(Focus::Log, key(KeyCode::Char('?'))), Some(Action::OpenHelp));
        assert_eq!(action(Focus::Log, key(KeyCode::Char('p'))), Some(Action::OpenSupplements));
        assert_eq!(action(Focus::Log, key(KeyCode::Char('x'))), Some(Action::OpenSuggestions));
        assert_eq!(action(Focus::Log, key(KeyCode::Char('s'))), Some(Action::SaveMeal));
        assert_eq!(action(Focus::Log, key(KeyCode::Char('r'))), Some(Action::OpenSavedMeals));
        assert_eq!(action(Focus::Log, key(KeyCode::Char('y'))), Some(Action::CopyYesterday));
    }

    #[test]
    fn overlay_keys() {
        assert_eq!(action(Focus::Suggest, key(KeyCode::Tab)), Some(Action::NextNutrient));
        assert_eq!(action(Focus::Suggest, key(KeyCode::Left)), Some(Action::PrevNutrient));
        assert_eq!(action(Focus::Supplements, key(KeyCode::Delete)), Some(Action::DeleteEntry));
        assert_eq!(action(Focus::Supplements, key(KeyCode::Char('d'))), Some(Action::Type('d')));
        assert_eq!(action(Focus::Dose, key(KeyCode::Tab)), Some(Action::NextNutrient));
        assert_eq!(action(Focus::Dose, key(KeyCode::Char('q'))), Some(Action::Type('q')));
        assert_eq!(action(Focus::Name, key(KeyCode::Backspace)), Some(Action::Backspace));
    }

    #[test]
    fn help_lists_every_log_key() {
        let keys: String = HELP.iter().map(|(k, _)| format!(" {k} ")).collect();
        for c in ['p', 'x', 's', 'r', 'y', 'w', 'u', 'e', 'm', 't'] {
            assert!(action(Focus::Log, key(KeyCode::Char(c))).is_some(), "{c}");
            assert!(keys.contains(&format!(" {c} ")), "help lacks {c}");
        }
    }
}
