//! Notes and symptom scores in marrow's export: their records, written from the diary and
//! checked on import by the rules the command line follows (`domain::symptoms`).

use serde::{Deserialize, Serialize};

use super::{bad, date, logged_at, ImportError};
use crate::domain::symptoms::{self, Journal, Note, Symptom, SCORE_MAX};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRecord {
    pub date: String,
    pub text: String,
    pub logged_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymptomRecord {
    pub date: String,
    pub name: String,
    pub score: u32,
    pub logged_at: String,
}

impl From<&Note> for NoteRecord {
    fn from(n: &Note) -> Self {
        NoteRecord { date: n.date.to_string(), text: n.text.clone(), logged_at: n.logged_at.clone() }
    }
}

impl From<&Symptom> for SymptomRecord {
    fn from(s: &Symptom) -> Self {
        SymptomRecord {
            date: s.date.to_string(),
            name: s.name.clone(),
            score: u32::from(s.score),
            logged_at: s.logged_at.clone(),
        }
    }
}

/// Checks an export's notes and scores whole; a symptom name is kept as the command line
/// keeps it (lower case, single spaces).
pub fn validate(notes: &[NoteRecord], scores: &[SymptomRecord]) -> Result<Journal, ImportError> {
    let mut j = Journal::default();
    for (i, n) in notes.iter().enumerate() {
        let at = format!("notes[{i}]");
        j.notes.push(Note {
            id: 0,
            date: date(&format!("{at}.date"), &n.date)?,
            text: symptoms::note_text(&n.text).map_err(|e| bad(format!("{at}.text"), e.to_string()))?,
            logged_at: logged_at(&format!("{at}.logged_at"), &n.logged_at)?,
        });
    }
    for (i, s) in scores.iter().enumerate() {
        let at = format!("symptoms[{i}]");
        let score = u8::try_from(s.score)
            .ok()
            .filter(|x| *x <= SCORE_MAX)
            .ok_or_else(|| bad(format!("{at}.score"), "must be a whole number from 0 to 10"))?;
        j.symptoms.push(Symptom {
            id: 0,
            date: date(&format!("{at}.date"), &s.date)?,
            name: symptoms::symptom_name(&s.name).map_err(|e| bad(format!("{at}.name"), e.to_string()))?,
            score,
            logged_at: logged_at(&format!("{at}.logged_at"), &s.logged_at)?,
        });
    }
    Ok(j)
}
