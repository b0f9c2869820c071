//! One key as the keymap sees it: a code and Ctrl/Alt. Read from a terminal event, from a
//! name in the config ("ctrl-r", "alt-b", "PgDn", "G"), and written back as a name (for the
//! default config) or a label (for the help and the status line).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with only the modifiers that matter: Shift is already in the character ('G') or the
/// code (BackTab), so it is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

/// Named keys: (config name, other accepted names, code, help label).
const NAMED: &[(&str, &[&str], KeyCode, &str)] = &[
    ("Up", &[], KeyCode::Up, "↑"),
    ("Down", &[], KeyCode::Down, "↓"),
    ("Left", &[], KeyCode::Left, "←"),
    ("Right", &[], KeyCode::Right, "→"),
    ("Home", &[], KeyCode::Home, "Home"),
    ("End", &[], KeyCode::End, "End"),
    ("PgUp", &["pageup"], KeyCode::PageUp, "PgUp"),
    ("PgDn", &["pagedown"], KeyCode::PageDown, "PgDn"),
    ("Tab", &[], KeyCode::Tab, "Tab"),
    ("BackTab", &["shift-tab"], KeyCode::BackTab, "S-Tab"),
    ("Enter", &["return"], KeyCode::Enter, "Enter"),
    ("Esc", &["escape"], KeyCode::Esc, "Esc"),
    ("Backspace", &[], KeyCode::Backspace, "Backspace"),
    ("Delete", &["del"], KeyCode::Delete, "Delete"),
    ("Insert", &["ins"], KeyCode::Insert, "Insert"),
    ("Space", &[], KeyCode::Char(' '), "Space"),
];

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        let mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match code {
            // Terminals send Ctrl-R as 'r' or 'R' depending on Shift; bindings name it lowercase.
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        Key { code, mods }
    }

    pub fn from_event(event: KeyEvent) -> Key {
        Key::new(event.code, event.modifiers)
    }

    /// The character this key types, when it types one (no Ctrl, no Alt).
    pub fn plain_char(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if self.mods.is_empty() => Some(c),
            _ => None,
        }
    }

    /// Reads a config name: "x", "G", "?", "ctrl-r", "alt-b", "alt-Backspace", "PgDn", "F5".
    pub fn parse(name: &str) -> Result<Key, String> {
        let bad = || format!("unknown key {name:?}: use names like x, G, ctrl-r, alt-b, Up, PgDn, Tab, F5");
        let mut rest = name.trim();
        let mut mods = KeyModifiers::NONE;
        loop {
            let lower = rest.to_ascii_lowercase();
            let cut = |p: &str| lower.starts_with(p) && rest.len() > p.len();
            if cut("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if cut("alt-") {
                mods |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        let named = NAMED
            .iter()
            .find(|(n, also, _, _)| n.to_ascii_lowercase() == lower || also.contains(&lower.as_str()));
        let code = if let Some((_, _, code, _)) = named {
            *code
        } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            if !(1..=12).contains(&n) {
                return Err(bad());
            }
            KeyCode::F(n)
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_control() && !c.is_whitespace() => KeyCode::Char(c),
                _ => return Err(bad()),
            }
        };
        Ok(Key::new(code, mods))
    }

    fn prefix(self, ctrl: &str, alt: &str) -> String {
        let mut p = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            p.push_str(ctrl);
        }
        if self.mods.contains(KeyModifiers::ALT) {
            p.push_str(alt);
        }
        p
    }

    /// The name the config reads back.
    pub fn name(self) -> String {
        let base = match self.code {
            KeyCode::F(n) => format!("F{n}"),
            code => match NAMED.iter().find(|(_, _, c, _)| *c == code) {
                Some((n, ..)) => (*n).to_string(),
                None => match code {
                    KeyCode::Char(c) => c.to_string(),
                    _ => "?".to_string(),
                },
            },
        };
        format!("{}{base}", self.prefix("ctrl-", "alt-"))
    }

    /// How the help and the status line show it: "Ctrl-R", "↓", "PgDn", "/".
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(c) if !self.mods.is_empty() => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            code => NAMED.iter().find(|(_, _, c, _)| *c == code).map_or("?", |(_, _, _, l)| l).to_string(),
        };
        format!("{}{base}", self.prefix("Ctrl-", "Alt-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_written() {
        for name in ["x", "G", "?", "/", "ctrl-r", "alt-b", "alt-Backspace", "PgDn", "BackTab", "F5", "Space"]
        {
            let key = Key::parse(name).unwrap();
            assert_eq!(key.name(), name);
            assert_eq!(Key::parse(&key.name()), Ok(key));
        }
        assert_eq!(Key::parse("Ctrl-R"), Key::parse("ctrl-r"));
        assert_eq!(Key::parse("pagedown"), Key::parse("PgDn"));
        assert_eq!(Key::parse("shift-tab"), Key::parse("BackTab"));
    }

    #[test]
    fn nonsense_is_refused() {
        for name in ["", "ctrl-", "jj", "F13", "hyper-x", " "] {
            assert!(Key::parse(name).is_err(), "{name:?}");
        }
    }

    #[test]
    fn events_drop_shift_and_read_ctrl_in_lowercase() {
        let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(shifted), Key::parse("G").unwrap());
        let ctrl = KeyEvent::new(KeyCode::Char('R'), KeyModifiers::CONTROL | KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ctrl), Key::parse("ctrl-r").unwrap());
        assert_eq!(Key::parse("ctrl-r").unwrap().label(), "Ctrl-R");
        assert_eq!(Key::parse("Down").unwrap().label(), "↓");
    }
}
