//! Notes and symptom scores in the app: the prompt that adds one to the shown day (a note as
//! typed; a symptom as "cramps 6", Tab completing the name), and the symptom view overlay
//! that lines a symptom up with a nutrient and the supplement's runs (`service::symptoms`).

use chrono::NaiveDate;

use super::action::Action;
use super::app::{load_date, moved};
use super::effect::Effect;
use super::state::{AppState, StatusKind};
use super::text::TextField;
use crate::domain::symptoms::{note_text, parse_score, symptom_name, NOTE_MAX, OFFERED};
use crate::domain::Nutrient;
use crate::service::symptoms::SymptomView;

/// What the prompt adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Note,
    Symptom,
}

/// The prompt adding a note or a symptom score to `date`.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalPrompt {
    pub kind: Kind,
    pub date: NaiveDate,
    pub input: TextField,
}

/// The symptom view: which symptom against which nutrient, and the view once loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct SymptomOverlay {
    pub nutrient: Nutrient,
    /// Symptom names the diary holds, for Tab; the view's name among them.
    pub names: Vec<String>,
    /// None until the runtime has read it.
    pub view: Option<Box<SymptomView>>,
    /// The first day row shown.
    pub scroll: usize,
}

/// The nutrients the view cycles through.
pub const NUTRIENTS: [Nutrient; 3] = [Nutrient::Magnesium, Nutrient::Calcium, Nutrient::VitaminD];

pub fn open(state: &mut AppState, kind: Kind) -> Vec<Effect> {
    let max = if kind == Kind::Note { NOTE_MAX } else { crate::domain::symptoms::NAME_MAX + 3 };
    state.journal = Some(JournalPrompt { kind, date: state.date, input: TextField::new(max) });
    vec![]
}

/// "cramps 6" as (name, score), by the command line's rules.
pub fn read_symptom(text: &str) -> Result<(String, u8), String> {
    let t = text.trim();
    let Some((name, score)) = t.rsplit_once(' ') else {
        return Err("Type a symptom and a score from 0 to 10, e.g. cramps 6".into());
    };
    let score = parse_score(score).map_err(|e| e.to_string())?;
    Ok((symptom_name(name).map_err(|e| e.to_string())?, score))
}

/// The offered or logged name that the typed start completes to, if exactly one fits.
pub fn complete(typed: &str, known: &[String]) -> Option<String> {
    let t = typed.trim_start().to_lowercase();
    let mut fits: Vec<String> = OFFERED
        .iter()
        .map(|s| s.to_string())
        .chain(known.iter().cloned())
        .filter(|n| n.starts_with(&t))
        .collect();
    fits.sort();
    fits.dedup();
    (fits.len() == 1).then(|| format!("{} ", fits[0]))
}

pub fn prompt(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let Some(p) = state.journal.as_mut() else { return vec![] };
    match action {
        Close => state.journal = None,
        Type(_) | Backspace | Edit(_) => {
            p.input.apply(&action);
        }
        Complete if p.kind == Kind::Symptom => {
            let known: Vec<String> = state.symptoms.iter().map(|s| s.name.clone()).collect();
            if let Some(name) = complete(p.input.as_str(), &known) {
                p.input.set(&name);
            }
        }
        Confirm => {
            let (kind, date, text) = (p.kind, p.date, p.input.as_str().to_string());
            let effect = match kind {
                Kind::Note => {
                    note_text(&text).map(|text| Effect::AddNote { date, text }).map_err(|e| e.to_string())
                }
                Kind::Symptom => {
                    read_symptom(&text).map(|(name, score)| Effect::AddSymptom { date, name, score })
                }
            };
            return match effect {
                Ok(e) => {
                    state.journal = None;
                    vec![e]
                }
                Err(why) => {
                    state.set_status(StatusKind::Error, why);
                    vec![]
                }
            };
        }
        _ => {}
    }
    vec![]
}

/// A note or score was added: say so and show the day again.
pub fn added(state: &mut AppState, what: String) -> Vec<Effect> {
    state.set_status(StatusKind::Success, what);
    load_date(state)
}

/// Opens the view on the last symptom scored on the shown day (else the latest of any day).
pub fn open_view(state: &mut AppState) -> Vec<Effect> {
    let name = state.symptoms.last().map(|s| s.name.clone());
    state.symptom_view =
        Some(SymptomOverlay { nutrient: Nutrient::Magnesium, names: vec![], view: None, scroll: 0 });
    vec![Effect::LoadSymptomView { name, nutrient: Nutrient::Magnesium }]
}

pub fn view_loaded(state: &mut AppState, names: Vec<String>, view: Option<SymptomView>) -> Vec<Effect> {
    if let Some(o) = state.symptom_view.as_mut() {
        o.names = names;
        o.view = view.map(Box::new);
        o.scroll = 0;
    }
    vec![]
}

pub fn view(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let Some(o) = state.symptom_view.as_mut() else { return vec![] };
    let name = o.view.as_ref().map(|v| v.name.clone());
    match action {
        Close => state.symptom_view = None,
        NextNutrient | PrevNutrient => {
            let at = NUTRIENTS.iter().position(|n| *n == o.nutrient).unwrap_or(0);
            let step = if action == NextNutrient { 1 } else { NUTRIENTS.len() - 1 };
            o.nutrient = NUTRIENTS[(at + step) % NUTRIENTS.len()];
            return vec![Effect::LoadSymptomView { name, nutrient: o.nutrient }];
        }
        NextDay | PrevDay if !o.names.is_empty() => {
            let at = name.and_then(|n| o.names.iter().position(|x| *x == n)).unwrap_or(0);
            let step = if action == NextDay { 1 } else { o.names.len() - 1 };
            let next = o.names[(at + step) % o.names.len()].clone();
            return vec![Effect::LoadSymptomView { name: Some(next), nutrient: o.nutrient }];
        }
        _ => {
            let rows = o.view.as_ref().map_or(0, |v| v.days.len());
            if let Some(to) = moved(o.scroll, rows, &action) {
                o.scroll = to;
            }
        }
    }
    vec![]
}

#[cfg(test)]
#[path = "journal_tests.rs"]
mod tests;
