//! The config's `[keys]` table: `remove = "x"` rebinds an action wherever it is bound,
//! `[keys.search] sort = "ctrl-o"` in one context only, a list gives several keys and `[]`
//! none. A user's key takes it from a default binding; two of the user's own on one key in one
//! context, an unknown action, context or key name, or a letter where text is typed, are
//! refused with the entry named. Also the commented bindings `marrow config default` prints.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Binding, Cond, Context, Keymap, Seq};

/// One or several key names.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    fn names(&self) -> Vec<&str> {
        match self {
            KeyList::One(k) => vec![k.as_str()],
            KeyList::Many(ks) => ks.iter().map(String::as_str).collect(),
        }
    }
}

/// A `[keys]` entry: an action's keys everywhere, or a context's own table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum KeySetting {
    Keys(KeyList),
    Context(BTreeMap<String, KeyList>),
}

/// A refused `[keys]` entry: the table it is in (`keys`, `keys.search`), its name, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeysError {
    pub table: String,
    pub name: String,
    pub what: String,
}

fn refuse(table: &str, name: &str, what: String) -> KeysError {
    KeysError { table: table.to_string(), name: name.to_string(), what }
}

/// The names a user can bind, for the message about an unknown one.
fn known(bindings: &[Binding], ctx: Option<Context>) -> String {
    let mut names: Vec<&str> =
        bindings.iter().filter(|b| ctx.is_none_or(|c| b.context == c)).map(|b| b.name).collect();
    names.sort_unstable();
    names.dedup();
    names.join(", ")
}

impl Keymap {
    /// The defaults with the config's `[keys]` applied, or the first entry refused.
    pub fn with_overrides(keys: &BTreeMap<String, KeySetting>) -> Result<Keymap, KeysError> {
        let mut map = Keymap::default();
        // Which binding each user entry set: (binding index, table, name) for the messages.
        let mut set: BTreeMap<usize, (String, String)> = BTreeMap::new();
        let mut apply = |map: &mut Keymap, ctx: Option<Context>, table: &str, name: &str, list: &KeyList| {
            let mut parsed = Vec::new();
            for k in list.names() {
                let key = Seq::parse(k).map_err(|e| refuse(table, name, format!("{e} (for {name})")))?;
                if !parsed.contains(&key) {
                    parsed.push(key);
                }
            }
            if parsed.is_empty() && name == "quit" {
                // Escape still closes an overlay, but the app itself could not be left.
                return Err(refuse(
                    table,
                    name,
                    "quit needs at least one key: the app could not be left".into(),
                ));
            }
            let mut found = false;
            for (i, b) in map.bindings.iter_mut().enumerate() {
                if b.name == name && ctx.is_none_or(|c| b.context == c) {
                    b.keys.clone_from(&parsed);
                    set.insert(i, (table.to_string(), name.to_string()));
                    found = true;
                }
            }
            if found {
                Ok(())
            } else {
                Err(refuse(
                    table,
                    name,
                    format!("unknown action {name:?} in [{table}]: use one of {}", known(&map.bindings, ctx)),
                ))
            }
        };
        // Everywhere first, so a context's own table wins over it.
        for (name, setting) in keys {
            if let KeySetting::Keys(list) = setting {
                apply(&mut map, None, "keys", name, list)?;
            }
        }
        for (name, setting) in keys {
            if let KeySetting::Context(table) = setting {
                let ctx = Context::from_name(name).ok_or_else(|| {
                    let all: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
                    refuse(
                        "keys",
                        &format!("[keys.{name}]"),
                        format!("unknown context [keys.{name}]: use one of {}", all.join(", ")),
                    )
                })?;
                let label = format!("keys.{name}");
                for (action, list) in table {
                    apply(&mut map, Some(ctx), &label, action, list)?;
                }
            }
        }
        map.settle(&set)?;
        Ok(map)
    }

    /// Checks the user's bindings against each other and takes their keys from the defaults.
    fn settle(&mut self, set: &BTreeMap<usize, (String, String)>) -> Result<(), KeysError> {
        for (&i, (table, name)) in set {
            let b = &self.bindings[i];
            if let Some(s) = b.keys.iter().find(|s| s.then.is_some()).filter(|_| !b.context.takes_sequences())
            {
                let free: Vec<&str> =
                    Context::ALL.iter().filter(|c| c.takes_sequences()).map(|c| c.name()).collect();
                return Err(refuse(
                    table,
                    name,
                    format!(
                        "{:?} is a sequence and {} reaches a text field: sequences work in {}",
                        s.name(),
                        b.context.name(),
                        free.join(", ")
                    ),
                ));
            }
            if b.context.has_text() && b.cond == Cond::Always {
                if let Some(k) = b.keys.iter().find(|k| k.single().is_some_and(|k| k.plain_char().is_some()))
                {
                    return Err(refuse(
                        table,
                        name,
                        format!(
                            "{} would type into the text field: bind {name} in {} to a key with ctrl- or alt-",
                            k.name(),
                            b.context.name()
                        ),
                    ));
                }
            }
            for (&j, (_, other)) in set.range(i + 1..) {
                let c = &self.bindings[j];
                if c.context != b.context {
                    continue;
                }
                if let Some(k) = b.keys.iter().find(|k| c.keys.contains(k)) {
                    return Err(refuse(
                        table,
                        name,
                        format!("{} is bound to both {name} and {other} in {}", k.name(), b.context.name()),
                    ));
                }
            }
        }
        // A user's key is taken from the default binding that had it, in the same context.
        let mut taken: Vec<(Context, Seq)> = Vec::new();
        for &i in set.keys() {
            let b = &self.bindings[i];
            taken.extend(b.keys.iter().map(|k| (b.context, *k)));
        }
        for (i, b) in self.bindings.iter_mut().enumerate() {
            if !set.contains_key(&i) {
                b.keys.retain(|k| !taken.contains(&(b.context, *k)));
            }
        }
        for (&i, (table, name)) in set {
            self.prefix_free(i).map_err(|what| refuse(table, name, what))?;
        }
        Ok(())
    }

    /// Refuses a key that both acts alone and begins a sequence in binding `i`'s context: the
    /// app could not tell whether to act or to wait for the second key.
    pub(super) fn prefix_free(&self, i: usize) -> Result<(), String> {
        let b = &self.bindings[i];
        for c in self.bindings.iter().filter(|c| c.context == b.context) {
            for s in &b.keys {
                for o in &c.keys {
                    let (seq, alone, seq_of, alone_of) = match (s.then, o.then) {
                        (Some(_), None) => (s, o, b.name, c.name),
                        (None, Some(_)) => (o, s, c.name, b.name),
                        _ => continue,
                    };
                    if seq.first == alone.first {
                        return Err(format!(
                            "{} is bound to {alone_of} in {} and also begins {:?} for {seq_of}: \
                             a key that begins a sequence cannot act alone there",
                            alone.name(),
                            b.context.name(),
                            seq.name()
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    /// The bindings as the config writes them, every line commented: `marrow config default`.
    pub fn default_toml(&self) -> String {
        let mut out = String::from(
            "\n[keys]\n\
             # Rebind keys: `remove = \"x\"` rebinds an action wherever it is bound (the log and\n\
             # supplements); under [keys.<context>] it changes that context only. A list gives\n\
             # several keys, [] none. A key you bind is taken from the action that had it by\n\
             # default; two of your own on one key in one context are refused. Letters always\n\
             # type in text fields (text, search, amount, dose): bind keys with ctrl- or alt- there.\n\
             # Key names: x  G  ?  ctrl-r  alt-b  Up Down Left Right Home End PgUp PgDn Tab BackTab\n\
             # Enter Esc Backspace Delete Space F1..F12. Two keys with a space between (\"g g\")\n\
             # are a sequence, in contexts without a text field; a key that begins one cannot also\n\
             # act alone in the same context. The defaults:\n",
        );
        for ctx in Context::ALL {
            let rows: Vec<&Binding> = self.bindings.iter().filter(|b| b.context == ctx).collect();
            if rows.is_empty() {
                continue;
            }
            out.push_str(&format!("#\n# [keys.{}]\n", ctx.name()));
            for b in rows {
                let keys: Vec<String> = b.keys.iter().map(|k| format!("{:?}", k.name())).collect();
                let value = if keys.len() == 1 { keys[0].clone() } else { format!("[{}]", keys.join(", ")) };
                // The help lines start in one column, whatever the name and keys.
                let setting = format!("{} = {value}", b.name);
                out.push_str(&format!("# {setting:<36} # {}\n", b.help));
            }
        }
        out
    }
}
