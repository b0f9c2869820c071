//! Keys to Actions, per focus. The only place that knows which key does what (besides the
//! help overlay, which lists these).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::state::Focus;

/// Every key binding, for the help overlay: (keys, what they do).
pub const HELP: &[(&str, &str)] = &[
    ("/  a", "search foods (type to search; empty query browses)"),
    ("j k  ↓ ↑", "move in the day log or a list"),
    ("h l  ← →", "previous / next day"),
    ("t", "back to today"),
    ("e", "edit the selected entry's amount"),
    ("m", "move the selected entry to another meal"),
    ("d  Delete", "remove the selected entry"),
    ("u", "undo the last change (add, edit, move, remove)"),
    ("Tab", "change the meal new entries go to"),
    ("w", "trends: last 7 days / last 4 weeks"),
    ("s", "search, empty query: sort by Mg / Ca / D per 100 g"),
    ("g", "search, empty query: pick a food group"),
    ("← →", "search: values per 100 g / per serving / per 100 kcal"),
    ("Enter", "choose the food / log the amount"),
    ("Esc", "close the overlay without changes"),
    ("?", "this help"),
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
            KeyCode::Char('u') if matches!(focus, Focus::Log) => Some(Action::Undo),
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
    match focus {
        Focus::Search => common.or(match key.code {
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Left | KeyCode::Right => Some(Action::CycleBasis),
            KeyCode::Char(c) => Some(Action::Type(c)),
            _ => None,
        }),
        Focus::Amount => common.or(match key.code {
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Char(c) => Some(Action::Type(c)),
            _ => None,
        }),
        Focus::Help | Focus::Groups | Focus::Move => common.or(match key.code {
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
    }
}
