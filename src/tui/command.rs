//! The app's command line (`:`), read: a line typed becomes a Command or the one line that
//! says why not (in the CLI's words where the CLI has them), and Tab completes a verb or its
//! argument. Pure: no state, no files; cmdline.rs runs what is read.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::date::parse_date;
use crate::domain::{clip, Nutrient};
use crate::store::Saved;

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show a day: `goto 2026-01-05`, `goto yesterday`, or the date alone.
    Goto(NaiveDate),
    /// "Close the gap" suggestions for a nutrient (magnesium when none is named).
    Suggest(Nutrient),
    /// The review of the week, or of the 30 days (`month`), ending on the shown date.
    Review {
        month: bool,
    },
    /// The diary written to a file, as `marrow export --format` writes it.
    Export {
        format: Format,
        path: PathBuf,
    },
    /// A recipe of the selected entry's meal, named; with no name, the prompt asks one.
    Recipe(Option<String>),
    /// A saved meal, custom food or supplement product removed or renamed.
    Saved {
        kind: Saved,
        change: Change,
    },
    Quit,
}

/// What becomes of a saved thing: removed, or renamed from the first name to the second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Remove(String),
    Rename(String, String),
}

/// What `:export` writes: the formats of `marrow export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// The verbs, with what each takes, as the hint and the errors name them.
pub const VERBS: [(&str, &str); 9] = [
    ("goto", "DATE"),
    ("suggest", "NUTRIENT"),
    ("review", "week|month"),
    ("export", "csv|json FILE"),
    ("recipe", "NAME"),
    ("meal", "rm|rename"),
    ("food", "rm|rename"),
    ("product", "rm|rename"),
    ("quit", ""),
];

/// The verbs in a sentence: "goto, suggest, review, export or quit".
pub fn verbs_said() -> String {
    let names: Vec<&str> = VERBS.iter().map(|(v, _)| *v).collect();
    format!("{} or {}", names[..names.len() - 1].join(", "), names[names.len() - 1])
}

/// Reads a command line. `home` expands a leading `~` of a file.
pub fn parse(line: &str, today: NaiveDate, home: Option<&Path>) -> Result<Command, String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some((verb, args)) = words.split_first() else {
        return Err(format!("type a command: {}", verbs_said()));
    };
    let extra = |n: usize| -> Result<(), String> {
        match args.get(n) {
            Some(w) => Err(format!("{verb} takes {}, not also {:?}", usage(verb), clip(w))),
            None => Ok(()),
        }
    };
    match verb.to_lowercase().as_str() {
        "goto" | "go" => {
            let Some(day) = args.first() else {
                return Err("goto needs a date: YYYY-MM-DD, today or yesterday".into());
            };
            extra(1)?;
            parse_date(day, today).map(Command::Goto).map_err(|e| e.to_string())
        }
        "suggest" => {
            extra(1)?;
            match args.first() {
                None => Ok(Command::Suggest(Nutrient::Magnesium)),
                Some(n) => Nutrient::parse(n).map(Command::Suggest).ok_or_else(|| {
                    format!("unknown nutrient {:?}: e.g. magnesium, calcium, vitamin-d", clip(n))
                }),
            }
        }
        "review" => {
            extra(1)?;
            match args.first().map(|w| w.to_lowercase()).as_deref() {
                None | Some("week") => Ok(Command::Review { month: false }),
                Some("month") => Ok(Command::Review { month: true }),
                Some(_) => Err(format!("review takes week or month, not {:?}", clip(args[0]))),
            }
        }
        "export" => {
            let (Some(format), Some(file)) = (args.first(), args.get(1)) else {
                return Err("export needs a format and a file: export csv ~/diary.csv".into());
            };
            extra(2)?;
            let format = match format.to_lowercase().as_str() {
                "csv" => Format::Csv,
                "json" => Format::Json,
                _ => return Err(format!("export writes csv or json, not {:?}", clip(format))),
            };
            Ok(Command::Export { format, path: expand(file, home) })
        }
        "recipe" => Ok(Command::Recipe(Some(args.join(" ")).filter(|n| !n.is_empty()))),
        "meal" | "food" | "product" => {
            let kind = match verb.to_lowercase().as_str() {
                "meal" => Saved::Meal,
                "food" => Saved::CustomFood,
                _ => Saved::Product,
            };
            saved_change(verb, args).map(|change| Command::Saved { kind, change })
        }
        "quit" | "q" => {
            extra(0)?;
            Ok(Command::Quit)
        }
        // A date alone, or what begins like one ("2026-02-30"): its own error says why not.
        _ if args.is_empty()
            && (verb.starts_with(|c: char| c.is_ascii_digit()) || parse_date(verb, today).is_ok()) =>
        {
            parse_date(verb, today).map(Command::Goto).map_err(|e| e.to_string())
        }
        _ => Err(format!("unknown command {:?}: use {}", clip(verb), verbs_said())),
    }
}

/// `rm NAME` or `rename OLD to NEW` after `meal`, `food` or `product`.
fn saved_change(verb: &str, args: &[&str]) -> Result<Change, String> {
    let how = format!("{verb} takes rm NAME or rename OLD to NEW");
    match args.split_first() {
        Some((op, name)) if op.eq_ignore_ascii_case("rm") && !name.is_empty() => {
            Ok(Change::Remove(name.join(" ")))
        }
        Some((op, rest)) if op.eq_ignore_ascii_case("rename") => {
            match rest.iter().position(|w| w.eq_ignore_ascii_case("to")) {
                Some(at) if at > 0 && at + 1 < rest.len() => {
                    Ok(Change::Rename(rest[..at].join(" "), rest[at + 1..].join(" ")))
                }
                _ => Err(how),
            }
        }
        _ => Err(how),
    }
}

/// "goto DATE": how a verb is used.
fn usage(verb: &str) -> String {
    let v = verb.to_lowercase();
    VERBS.iter().find(|(name, _)| *name == v).map_or_else(String::new, |(_, args)| args.to_string())
}

/// `~` and `~/...` as the home directory.
fn expand(file: &str, home: Option<&Path>) -> PathBuf {
    match (file.strip_prefix('~'), home) {
        (Some(""), Some(h)) => h.to_path_buf(),
        (Some(rest), Some(h)) if rest.starts_with('/') => h.join(rest.trim_start_matches('/')),
        _ => PathBuf::from(file),
    }
}

/// What Tab makes of a line: the line completed as far as every candidate agrees, and the
/// candidates when more than one is left (none when the line was complete or nothing fits).
#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    pub line: String,
    pub candidates: Vec<String>,
}

/// Completes the last word of `line`: a verb first, then the verb's argument.
pub fn complete(line: &str) -> Completion {
    let (head, word) = match line.rfind(' ') {
        Some(i) => (&line[..=i], &line[i + 1..]),
        None => ("", line),
    };
    let before: Vec<&str> = head.split_whitespace().collect();
    let options: Vec<String> = match before.as_slice() {
        [] => VERBS.iter().map(|(v, _)| v.to_string()).collect(),
        ["goto"] => vec!["today".into(), "yesterday".into()],
        ["review"] => vec!["week".into(), "month".into()],
        ["export"] => vec!["csv".into(), "json".into()],
        ["suggest"] => Nutrient::all().map(|n| n.info().name.to_lowercase().replace(' ', "-")).collect(),
        _ => vec![],
    };
    let lower = word.to_lowercase();
    let fits: Vec<String> = options.into_iter().filter(|o| o.starts_with(&lower)).collect();
    match fits.as_slice() {
        [] => Completion { line: line.to_string(), candidates: vec![] },
        [one] => Completion { line: format!("{head}{one} "), candidates: vec![] },
        many => {
            let common = many.iter().skip(1).fold(many[0].clone(), |acc, o| {
                acc.chars().zip(o.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a).collect()
            });
            let longer = if common.len() > word.len() { common } else { word.to_string() };
            Completion { line: format!("{head}{longer}"), candidates: many.to_vec() }
        }
    }
}

#[cfg(test)]
#[path = "command_tests.rs"]
mod tests;
