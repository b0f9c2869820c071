//! What the keymap tells the user: the help overlay's lines and the status line's hints, both
//! generated from the bindings so they never disagree with what the keys do.

use super::{Context, Keymap, Seq};

/// One line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A context's heading.
    Heading(&'static str),
    /// Keys (as labels, "—" when unbound) and what they do.
    Keys(String, &'static str),
}

/// The log's hints on the status line: (action, word shown after its key).
const LOG_HINTS: [(&str, &str); 8] = [
    ("search", "add"),
    ("edit", "edit"),
    ("remove", "del"),
    ("undo", "undo"),
    ("supplements", "supplements"),
    ("suggest", "suggest"),
    ("help", "help"),
    ("quit", "quit"),
];

/// "j ↓": a binding's keys as the help shows them.
pub fn labels(keys: &[Seq]) -> String {
    if keys.is_empty() {
        return "—".to_string();
    }
    keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ")
}

impl Keymap {
    /// Every binding, under its context's heading.
    pub fn help(&self) -> Vec<HelpLine> {
        let mut lines = Vec::new();
        for ctx in Context::ALL {
            let rows: Vec<HelpLine> = self
                .bindings
                .iter()
                .filter(|b| b.context == ctx)
                .map(|b| HelpLine::Keys(labels(&b.keys), b.help))
                .collect();
            if !rows.is_empty() {
                lines.push(HelpLine::Heading(ctx.title()));
                lines.extend(rows);
            }
        }
        lines
    }

    /// The status line's hints when nothing else is said: "/ add · e edit · ...", each with the
    /// action's first key; an unbound action is left out.
    pub fn log_hints(&self) -> String {
        LOG_HINTS
            .iter()
            .filter_map(|(name, word)| {
                self.keys_of(Context::Log, name).first().map(|k| format!("{} {word}", k.label()))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The help overlay's own hint: how to scroll and close it.
    pub fn help_hint(&self) -> String {
        let first = |name: &str| self.keys_of(Context::Help, name).first().map(|k| k.label());
        let scroll = [first("down"), first("up")].into_iter().flatten().collect::<Vec<_>>().join(" ");
        let close = [first("close"), first("help")].into_iter().flatten().collect::<Vec<_>>().join(" or ");
        format!("{scroll} scroll · {close} closes")
    }
}
