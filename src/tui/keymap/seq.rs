//! What a binding is bound to: one key, or a sequence of two ("g g", as vim's gg) in contexts
//! without a text field. The first key of a sequence waits in the state (`Prefix`) until the
//! second comes, another key ends it, or `TIMEOUT` passes.

use std::time::{Duration, Instant};

use super::Key;

/// How long the first key of a sequence waits for the second.
pub const TIMEOUT: Duration = Duration::from_millis(1500);

/// A key, or two pressed one after the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Seq {
    pub first: Key,
    pub then: Option<Key>,
}

/// One key reads as a sequence of one, so `keys_of(..) == [key]` still reads naturally.
impl PartialEq<Key> for Seq {
    fn eq(&self, key: &Key) -> bool {
        self.then.is_none() && self.first == *key
    }
}

impl From<Key> for Seq {
    fn from(key: Key) -> Seq {
        Seq { first: key, then: None }
    }
}

impl Seq {
    /// Reads a config name: one key ("x", "ctrl-r") or two separated by a space ("g g").
    pub fn parse(name: &str) -> Result<Seq, String> {
        let parts: Vec<&str> = name.split_whitespace().collect();
        match parts.as_slice() {
            [one] => Key::parse(one).map(Seq::from),
            [first, then] => Ok(Seq { first: Key::parse(first)?, then: Some(Key::parse(then)?) }),
            _ if parts.len() > 2 => {
                Err(format!("{name:?} is more than two keys: a sequence is two keys, as \"g g\""))
            }
            _ => Key::parse(name).map(Seq::from),
        }
    }

    /// The single key, when it is not a sequence.
    pub fn single(self) -> Option<Key> {
        if self.then.is_none() {
            Some(self.first)
        } else {
            None
        }
    }

    /// The name the config reads back: "x", "g g".
    pub fn name(self) -> String {
        match self.then {
            Some(then) => format!("{} {}", self.first.name(), then.name()),
            None => self.first.name(),
        }
    }

    /// How the help shows it: "x", "gg" (as vim writes it), "Ctrl-X,Ctrl-S".
    pub fn label(self) -> String {
        match self.then {
            Some(then) if self.first.plain_char().is_some() && then.plain_char().is_some() => {
                format!("{}{}", self.first.label(), then.label())
            }
            Some(then) => format!("{},{}", self.first.label(), then.label()),
            None => self.first.label(),
        }
    }
}

/// The first key of a sequence, waiting for the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefix {
    pub key: Key,
    pub since: Instant,
}

impl Prefix {
    pub fn new(key: Key) -> Prefix {
        Prefix { key, since: Instant::now() }
    }

    /// Whether it still waits: the timeout has not passed.
    pub fn live(&self) -> bool {
        self.since.elapsed() < TIMEOUT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Key {
        Key::parse(name).unwrap()
    }

    #[test]
    fn one_key_or_two_read_back_as_written() {
        for name in ["x", "ctrl-r", "g g", "ctrl-x ctrl-s", "g Home"] {
            let seq = Seq::parse(name).unwrap();
            assert_eq!(seq.name(), name);
            assert_eq!(Seq::parse(&seq.name()), Ok(seq));
        }
        assert_eq!(Seq::parse("g g").unwrap(), Seq { first: key("g"), then: Some(key("g")) });
        assert_eq!(Seq::parse("  g   g "), Seq::parse("g g"), "spaces around and between");
        assert_eq!(Seq::parse("x").unwrap(), key("x"));
        assert_ne!(Seq::parse("g g").unwrap(), key("g"));
        assert_eq!(Seq::parse("x").unwrap().single(), Some(key("x")));
        assert_eq!(Seq::parse("g g").unwrap().single(), None);
    }

    #[test]
    fn three_keys_or_bad_names_are_refused() {
        assert!(Seq::parse("g g g").unwrap_err().contains("more than two keys"));
        assert!(Seq::parse("g gx").unwrap_err().contains("unknown key \"gx\""));
        for name in ["", " ", "jj", "ctrl-"] {
            assert!(Seq::parse(name).is_err(), "{name:?}");
        }
    }

    #[test]
    fn labels_are_short_for_letters() {
        assert_eq!(Seq::parse("g g").unwrap().label(), "gg");
        assert_eq!(Seq::parse("ctrl-x ctrl-s").unwrap().label(), "Ctrl-X,Ctrl-S");
        assert_eq!(Seq::parse("Down").unwrap().label(), "↓");
    }

    #[test]
    fn a_pending_key_lapses_after_the_timeout() {
        assert!(Prefix::new(key("g")).live());
        let old = Instant::now().checked_sub(TIMEOUT + Duration::from_millis(1));
        if let Some(since) = old {
            assert!(!Prefix { key: key("g"), since }.live());
        }
    }
}
