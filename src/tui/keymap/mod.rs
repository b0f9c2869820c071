//! Keys as data: (context, keys, condition) -> Action. The only place in marrow that reads a
//! key; `update` and every handler see Actions. The help overlay and the status line are
//! generated from these bindings (help.rs), so are the overlays' hints and the keys status
//! messages name (hints.rs), and the config's `[keys]` table rebinds them
//! (overrides.rs). The defaults are in defaults.rs.

mod defaults;
mod help;
mod hints;
mod key;
mod overrides;
mod seq;
#[cfg(test)]
mod sequence_tests;
#[cfg(test)]
mod tests;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

pub use self::help::HelpLine;
pub use self::key::Key;
pub use self::overrides::{KeyList, KeySetting, KeysError};
pub use self::seq::{Prefix, Seq, TIMEOUT};
use super::action::Action;
use super::state::{AppState, Focus};

/// Where a binding applies. A focus reads several, most specific first (`chain`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// The day log, with no overlay open.
    Log,
    /// Everywhere, text fields included.
    Global,
    /// The search box and its list.
    Search,
    /// Every text field: search, amount, meal name, dose amount.
    Text,
    /// Every list in an overlay, text field or not.
    List,
    /// Lists with no text field, where letters are free to move (j k g G).
    Browse,
    /// The amount prompt.
    Amount,
    /// The supplement dose form.
    Dose,
    /// The supplements overlay.
    Supplements,
    /// "Close the gap" suggestions.
    Suggest,
    /// The review of the week or month.
    Review,
    /// The lab values.
    Labs,
    /// The bone co-factor panel.
    Cofactors,
    /// The saved meal picker.
    Meals,
    /// Moving an entry to another meal.
    Move,
    /// The note or symptom prompt.
    Journal,
    /// The symptom view.
    Symptoms,
    /// The command line (`:`).
    Command,
    /// This help.
    Help,
}

impl Context {
    /// Every context, in the order the help lists them: what people use most first.
    pub const ALL: [Context; 19] = [
        Context::Log,
        Context::Global,
        Context::Search,
        Context::Text,
        Context::List,
        Context::Browse,
        Context::Amount,
        Context::Dose,
        Context::Supplements,
        Context::Suggest,
        Context::Review,
        Context::Labs,
        Context::Cofactors,
        Context::Meals,
        Context::Move,
        Context::Journal,
        Context::Symptoms,
        Context::Command,
        Context::Help,
    ];

    /// Its name in the config: `[keys.search]`.
    pub fn name(self) -> &'static str {
        match self {
            Context::Log => "log",
            Context::Global => "global",
            Context::Search => "search",
            Context::Text => "text",
            Context::List => "list",
            Context::Browse => "browse",
            Context::Amount => "amount",
            Context::Dose => "dose",
            Context::Supplements => "supplements",
            Context::Suggest => "suggest",
            Context::Review => "review",
            Context::Labs => "labs",
            Context::Cofactors => "cofactors",
            Context::Meals => "meals",
            Context::Move => "move",
            Context::Journal => "journal",
            Context::Symptoms => "symptoms",
            Context::Command => "command",
            Context::Help => "help",
        }
    }

    /// Its heading in the help.
    pub fn title(self) -> &'static str {
        match self {
            Context::Log => "The day log",
            Context::Global => "Everywhere",
            Context::Search => "Search (s g ← → act on an empty query)",
            Context::Text => "Text fields (letters always type there)",
            Context::List => "Lists",
            Context::Browse => "Lists without a text field",
            Context::Amount => "The amount prompt",
            Context::Dose => "The supplement dose form",
            Context::Supplements => "Supplements",
            Context::Suggest => "Suggestions",
            Context::Review => "The review",
            Context::Labs => "Lab values",
            Context::Cofactors => "Bone co-factors",
            Context::Meals => "Saved meals",
            Context::Move => "Moving an entry",
            Context::Journal => "The note and symptom prompt",
            Context::Symptoms => "The symptom view",
            Context::Command => "The command line (:)",
            Context::Help => "This help",
        }
    }

    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Contexts whose keys reach a text field: a plain letter there must type, so it can only
    /// be bound under a condition that says the field does not want it.
    pub fn has_text(self) -> bool {
        matches!(self, Context::Text | Context::Search | Context::Amount | Context::Dose | Context::Command)
    }

    /// Whether a sequence ("g g") can be bound here: no focus with a text field reads this
    /// context, so a first key never has to choose between waiting and typing.
    pub fn takes_sequences(self) -> bool {
        !TYPING.iter().any(|f| chain(*f).contains(&self))
    }
}

/// When a binding holds, beyond its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cond {
    Always,
    /// The search query is empty (browsing): s, g and ← → act on the list.
    EmptyQuery,
}

impl Cond {
    fn holds(self, state: &AppState) -> bool {
        match self {
            Cond::Always => true,
            Cond::EmptyQuery => state.search.as_ref().is_some_and(|s| s.browsing()),
        }
    }
}

/// One action's keys in one context.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub context: Context,
    /// The action's name in the config (`remove`, `kill_word`).
    pub name: &'static str,
    /// Keys or sequences of two, any of which runs it.
    pub keys: Vec<Seq>,
    pub cond: Cond,
    pub action: Action,
    /// What it does, for the help.
    pub help: &'static str,
}

/// Every binding. `Keymap::default()` is marrow's; the config's `[keys]` changes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap { bindings: defaults::bindings() }
    }
}

/// The contexts a focus reads, most specific first.
pub fn chain(focus: Focus) -> &'static [Context] {
    use Context::*;
    match focus {
        Focus::Log => &[Log, Global],
        Focus::Help => &[Help, Global],
        Focus::Search => &[Search, Text, List, Global],
        Focus::Amount => &[Amount, Text, List, Global],
        Focus::Name => &[Text, Global],
        Focus::Date => &[Command, Text, Global],
        Focus::Dose => &[Dose, Text, Global],
        Focus::Supplements => &[Supplements, Browse, List, Global],
        Focus::Suggest => &[Suggest, Browse, List, Global],
        Focus::Review => &[Review, Browse, List, Global],
        Focus::Labs => &[Labs, Browse, List, Global],
        Focus::Cofactors => &[Cofactors, Browse, List, Global],
        Focus::Meals => &[Meals, Browse, List, Global],
        Focus::Move => &[Move, Browse, List, Global],
        Focus::Groups => &[Browse, List, Global],
        Focus::Journal => &[Journal, Text, Global],
        Focus::Symptoms => &[Symptoms, Browse, List, Global],
    }
}

/// The focuses with a text field, where letters type.
const TYPING: [Focus; 6] =
    [Focus::Search, Focus::Amount, Focus::Name, Focus::Dose, Focus::Date, Focus::Journal];

/// Whether the focus has a text field, where letters type.
fn text_field(focus: Focus) -> bool {
    TYPING.contains(&focus)
}

/// The key press a config name stands for ("d", "ctrl-r", "PgDn"): scripted input and tests.
pub fn event(name: &str) -> Option<KeyEvent> {
    Key::parse(name).ok().map(|k| KeyEvent::new(k.code, k.mods))
}

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action for a key in the state's focus, if any. In a text field a letter types,
    /// unless the focus's own context binds it under a condition that holds. A key that
    /// begins a sequence gives `KeyPrefix`; while one waits (`state.prefix`), the next key
    /// gives `Sequence` with the sequence's action, or with the key's own when it does not
    /// complete one (or the wait timed out), and the wait ends either way.
    pub fn resolve(&self, state: &AppState, event: KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(event);
        let Some(pending) = state.prefix else { return self.resolve_key(state, key) };
        let done = if pending.live() { self.complete(state, pending.key, key) } else { None };
        let then = done.or_else(|| self.resolve_key(state, key));
        Some(Action::Sequence(then.map(Box::new)))
    }

    /// The action of a sequence's second key, if the pair is bound in the focus.
    fn complete(&self, state: &AppState, first: Key, then: Key) -> Option<Action> {
        let seq = Seq { first, then: Some(then) };
        chain(state.focus()).iter().find_map(|ctx| {
            self.bindings
                .iter()
                .find(|b| b.context == *ctx && b.keys.contains(&seq) && b.cond.holds(state))
                .map(|b| b.action.clone())
        })
    }

    /// One key on its own, with nothing pending.
    fn resolve_key(&self, state: &AppState, key: Key) -> Option<Action> {
        let focus = state.focus();
        let letter = key.plain_char().filter(|_| text_field(focus));
        let own = chain(focus).first().copied();
        for ctx in chain(focus) {
            let usable = |b: &&Binding| {
                b.context == *ctx
                    && b.cond.holds(state)
                    && (letter.is_none() || (Some(*ctx) == own && b.cond != Cond::Always))
            };
            let found = self.bindings.iter().filter(usable).find(|b| b.keys.iter().any(|k| *k == key));
            if found.is_none()
                && self
                    .bindings
                    .iter()
                    .filter(usable)
                    .any(|b| b.keys.iter().any(|s| s.then.is_some() && s.first == key))
            {
                return Some(Action::KeyPrefix(key));
            }
            if let Some(b) = found {
                return Some(match letter {
                    Some(letter) => Action::Letter { letter, action: Box::new(b.action.clone()) },
                    None => b.action.clone(),
                });
            }
        }
        // Unbound letters reach the group picker too: after a tentative `g` they show it began
        // a word ("greek").
        let typed = if focus == Focus::Groups { key.plain_char() } else { letter };
        typed.map(Action::Type)
    }

    /// The keys of a named action in a context (empty if unbound).
    pub fn keys_of(&self, context: Context, name: &str) -> &[Seq] {
        self.bindings.iter().find(|b| b.context == context && b.name == name).map_or(&[], |b| &b.keys)
    }
}
