//! The key hints people read outside the help: every overlay's bottom line, the notes that
//! name a key inside a pane, and the keys named in status messages ("(u undoes)"). Each is
//! worded from the keys bound in the focus it speaks of, so a rebinding in the config shows
//! there too; a clause about an unbound action is left out.

use ratatui::crossterm::event::KeyCode;

use super::{chain, text_field, Cond, Key, Keymap, Seq};
use crate::tui::state::Focus;

/// " a · b · c ": an overlay's bottom line from its clauses, the missing ones left out.
fn line(parts: impl IntoIterator<Item = Option<String>>) -> String {
    format!(" {} ", parts.into_iter().flatten().collect::<Vec<_>>().join(" · "))
}

/// Keys that sit side by side ("↑↓") when each is one character, else "PgUp/PgDn".
fn side_by_side(keys: &[Seq]) -> Option<String> {
    let labels: Vec<String> = keys.iter().map(|k| k.label()).collect();
    if labels.is_empty() {
        return None;
    }
    let short = labels.iter().all(|l| l.chars().count() == 1);
    Some(labels.join(if short { "" } else { "/" }))
}

fn arrow(k: &Seq) -> bool {
    k.then.is_none()
        && k.first.mods.is_empty()
        && matches!(k.first.code, KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right)
}

impl Keymap {
    /// The keys that run the action called `name` in a focus, in order: from every context the
    /// focus reads, leaving out a key an earlier context takes or a text field types.
    pub fn keys_in(&self, focus: Focus, name: &str) -> Vec<Seq> {
        let contexts = chain(focus);
        let mut out: Vec<Seq> = Vec::new();
        for (i, ctx) in contexts.iter().enumerate() {
            for b in self.bindings.iter().filter(|b| b.context == *ctx && b.name == name) {
                for k in &b.keys {
                    let types = text_field(focus)
                        && k.first.plain_char().is_some()
                        && (i > 0 || b.cond == Cond::Always);
                    let taken = contexts[..i].iter().any(|c| {
                        self.bindings.iter().any(|o| o.context == *c && o.name != name && o.keys.contains(k))
                    });
                    if !types && !taken && !out.contains(k) {
                        out.push(*k);
                    }
                }
            }
        }
        out
    }

    /// The first key of an action in a focus, as people read it ("Ctrl-R"), if it has one.
    pub fn key_in(&self, focus: Focus, name: &str) -> Option<String> {
        self.keys_in(focus, name).first().map(|k| k.label())
    }

    /// "u undoes": the action's first key and what follows it, or None when it is unbound.
    pub fn say(&self, focus: Focus, name: &str, rest: &str) -> Option<String> {
        self.key_in(focus, name).map(|k| format!("{k}{rest}"))
    }

    /// " (u undoes)" after a status message, or nothing when undo has no key.
    pub fn undo_note(&self, focus: Focus) -> String {
        self.say(focus, "undo", " undoes").map_or_else(String::new, |s| format!(" ({s})"))
    }

    /// "↑↓": the keys of a pair of actions (up and down, previous and next), arrows preferred.
    pub fn pair(&self, focus: Focus, first: &str, second: &str) -> Option<String> {
        let pick = |name: &str| {
            let keys = self.keys_in(focus, name);
            keys.iter().find(|k| arrow(k)).or(keys.first()).copied()
        };
        side_by_side(&[pick(first), pick(second)].into_iter().flatten().collect::<Vec<_>>())
    }

    /// "←→": every key of one action, side by side.
    pub fn all_keys(&self, focus: Focus, name: &str) -> Option<String> {
        side_by_side(&self.keys_in(focus, name))
    }

    /// "g… g first entry": what a waiting first key can still become, for the status line.
    pub fn prefix_hint(&self, focus: Focus, first: Key) -> String {
        let mut next = Vec::new();
        for ctx in chain(focus) {
            for b in self.bindings.iter().filter(|b| b.context == *ctx) {
                let then = b.keys.iter().filter(|s| s.first == first).filter_map(|s| s.then);
                next.extend(then.map(|t| format!("{} {}", t.label(), b.help)));
            }
        }
        format!("{}… {}", first.label(), next.join(" · "))
    }

    fn pick_hint(&self, focus: Focus) -> Option<String> {
        self.pair(focus, "up", "down").map(|k| format!("{k} pick"))
    }

    /// The search overlay's bottom line.
    pub fn search_hint(&self) -> String {
        let f = Focus::Search;
        // On an empty query the letters act; Ctrl-S and Ctrl-G do too, wherever they are bound.
        let either = |browse: &str, always: &str, word: &str| {
            self.key_in(f, browse).or_else(|| self.key_in(f, always)).map(|k| format!("{k} {word}"))
        };
        let browse: Vec<String> =
            [either("browse_sort", "sort", "sort"), either("browse_group", "group", "group")]
                .into_iter()
                .flatten()
                .collect();
        line([
            self.pick_hint(f),
            self.say(f, "confirm", " choose"),
            self.say(f, "close", " close"),
            (!browse.is_empty()).then(|| format!("empty query: {}", browse.join(", "))),
        ])
    }

    /// The food group picker's bottom line.
    pub fn groups_hint(&self) -> String {
        let f = Focus::Groups;
        line([self.pick_hint(f), self.say(f, "confirm", " apply"), self.say(f, "close", " cancel")])
    }

    /// The move picker's bottom line: the meals' own keys in the middle.
    pub fn move_hint(&self) -> String {
        let f = Focus::Move;
        let meals: Vec<String> =
            ["breakfast", "lunch", "dinner", "snack"].iter().filter_map(|m| self.key_in(f, m)).collect();
        let pick: Vec<String> =
            [self.pair(f, "up", "down"), self.key_in(f, "confirm")].into_iter().flatten().collect();
        line([
            (!pick.is_empty()).then(|| pick.join(" ")),
            (!meals.is_empty()).then(|| meals.join(" ")),
            self.key_in(f, "close"),
        ])
    }

    /// The amount prompt's bottom line; `verb` is "Log" or "Change".
    pub fn amount_hint(&self, verb: &str) -> String {
        let f = Focus::Amount;
        line([
            self.say(f, "confirm", &format!(": {verb}")),
            self.say(f, "down", " portions"),
            self.say(f, "meal", " meal"),
            self.say(f, "close", " back"),
        ])
    }

    /// The suggestions overlay's bottom line.
    pub fn suggest_hint(&self) -> String {
        let f = Focus::Suggest;
        let next = self.key_in(f, "next_nutrient");
        let arrows = self.pair(f, "prev_nutrient", "next_nutrient").filter(|a| Some(a) != next.as_ref());
        let nutrient = match (next, arrows) {
            (Some(n), Some(a)) => Some(format!("{n}/{a}")),
            (n, a) => n.or(a),
        };
        line([
            self.pick_hint(f),
            self.say(f, "confirm", " log it"),
            nutrient.map(|k| format!("{k} nutrient")),
            self.say(f, "close", " close"),
        ])
    }

    /// The review overlay's bottom line.
    pub fn review_hint(&self) -> String {
        let f = Focus::Review;
        line([
            self.pair(f, "up", "down").map(|k| format!("{k} scroll")),
            self.say(f, "period", " week/month"),
            self.key_in(f, "review").or_else(|| self.key_in(f, "close")).map(|k| format!("{k} close")),
        ])
    }

    /// The lab view's bottom line.
    pub fn labs_hint(&self) -> String {
        let f = Focus::Labs;
        line([
            self.pair(f, "up", "down").map(|k| format!("{k} scroll")),
            self.key_in(f, "labs").or_else(|| self.key_in(f, "close")).map(|k| format!("{k} close")),
        ])
    }

    /// The co-factor panel's bottom line.
    pub fn cofactors_hint(&self) -> String {
        let f = Focus::Cofactors;
        line([self.key_in(f, "cofactors").or_else(|| self.key_in(f, "close")).map(|k| format!("{k} close"))])
    }

    /// The saved meal picker's bottom line.
    pub fn meals_hint(&self) -> String {
        let f = Focus::Meals;
        line([
            self.pick_hint(f),
            self.say(f, "confirm", " log"),
            self.say(f, "meal", " meal"),
            self.say(f, "close", " close"),
        ])
    }

    /// The meal name prompt's bottom line.
    pub fn name_hint(&self) -> String {
        let f = Focus::Name;
        line([self.say(f, "confirm", " save"), self.say(f, "close", " cancel")])
    }

    /// The command line's bottom line.
    pub fn date_hint(&self) -> String {
        let f = Focus::Date;
        line([
            self.say(f, "complete", " completes"),
            self.say(f, "confirm", " run"),
            self.say(f, "close", " cancel"),
        ])
    }

    /// The supplements overlay's bottom line, with the add form open or not.
    pub fn supplements_hint(&self, form: bool) -> String {
        if form {
            let f = Focus::Dose;
            return line([
                self.say(f, "next_nutrient", " nutrient"),
                Some("type the amount".to_string()),
                self.say(f, "confirm", " log"),
                self.say(f, "close", " cancel"),
            ]);
        }
        let f = Focus::Supplements;
        line([
            self.pick_hint(f),
            self.say(f, "confirm", " log product"),
            self.say(f, "remove", " remove dose"),
            self.say(f, "add", " add"),
            self.say(f, "undo", " undo"),
            self.key_in(f, "close"),
        ])
    }

    /// The note or symptom prompt's bottom line.
    pub fn journal_hint(&self, symptom: bool) -> String {
        let f = Focus::Journal;
        line([
            if symptom { self.say(f, "complete", " completes the name") } else { None },
            self.say(f, "confirm", " add"),
            self.say(f, "close", " cancel"),
        ])
    }

    /// The symptom view's bottom line.
    pub fn symptoms_hint(&self) -> String {
        let f = Focus::Symptoms;
        line([
            self.say(f, "next_nutrient", " nutrient"),
            self.pair(f, "prev_symptom", "next_symptom").map(|k| format!("{k} symptom")),
            self.pair(f, "up", "down").map(|k| format!("{k} scroll")),
            self.key_in(f, "close"),
        ])
    }
}
