//! Notes and symptom scores a person keeps beside the food log, and the plain arithmetic of
//! lining a symptom up with a supplement: daily scores (several on one day are all kept and
//! averaged for that day), the runs of a supplement derived from its doses, and the averages
//! before and after a run starts. No cause is inferred here; present/ says so.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::sane::{user_text, TextError};

/// The longest note, in characters.
pub const NOTE_MAX: usize = 500;
/// The longest symptom name, in characters.
pub const NAME_MAX: usize = 40;
/// The highest score; 0 is none at all.
pub const SCORE_MAX: u8 = 10;
/// Names offered in the help and the app; any other name is taken too.
pub const OFFERED: [&str; 5] = ["cramps", "joint pain", "stiffness", "fatigue", "sleep"];
/// Doses at most this many days apart belong to one run of a supplement: a run survives
/// two forgotten days in a row, and ends when three pass without a dose.
pub const RUN_GAP_DAYS: i64 = 3;
/// Days on each side of a start that the before/after comparison looks at.
pub const WINDOW_DAYS: i64 = 14;

/// A note on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub id: i64,
    pub date: NaiveDate,
    pub text: String,
    pub logged_at: String,
}

/// A symptom's score on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Symptom {
    pub id: i64,
    pub date: NaiveDate,
    pub name: String,
    pub score: u8,
    pub logged_at: String,
}

/// Why a note, a symptom name or a score is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SymptomError {
    #[error("the note {0}")]
    Note(TextError),
    #[error("the symptom name {0}")]
    Name(TextError),
    #[error("can't read the score {0:?}: use a whole number from 0 (none) to 10 (worst)")]
    Score(String),
}

/// A note as kept: one line of 1 to [`NOTE_MAX`] characters (`sane::user_text`).
pub fn note_text(text: &str) -> Result<String, SymptomError> {
    user_text(text, NOTE_MAX).map_err(SymptomError::Note)
}

/// A symptom name as kept: lower case with single spaces, so that "Joint  Pain" and
/// "joint pain" are one symptom.
pub fn symptom_name(text: &str) -> Result<String, SymptomError> {
    let kept = user_text(text, NAME_MAX).map_err(SymptomError::Name)?;
    Ok(kept.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
}

/// A score as typed: a whole number from 0 to [`SCORE_MAX`].
pub fn parse_score(text: &str) -> Result<u8, SymptomError> {
    let t = text.trim();
    let bad = || SymptomError::Score(super::clip(text));
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) || t.len() > 2 {
        return Err(bad());
    }
    t.parse::<u8>().ok().filter(|s| *s <= SCORE_MAX).ok_or_else(bad)
}

/// One symptom's score per day: the mean of the scores logged that day.
pub fn daily_scores(symptoms: &[Symptom], name: &str) -> BTreeMap<NaiveDate, f64> {
    let mut sums: BTreeMap<NaiveDate, (f64, u32)> = BTreeMap::new();
    for s in symptoms.iter().filter(|s| s.name == name) {
        let e = sums.entry(s.date).or_default();
        e.0 += f64::from(s.score);
        e.1 += 1;
    }
    sums.into_iter().map(|(d, (sum, n))| (d, sum / f64::from(n))).collect()
}

/// A run of a supplement: the first and the last day of doses no more than
/// [`RUN_GAP_DAYS`] apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub start: NaiveDate,
    pub stop: NaiveDate,
}

/// The runs of the days a dose was taken (in any order, repeats allowed), oldest first.
pub fn runs(dose_days: &[NaiveDate]) -> Vec<Run> {
    let mut days = dose_days.to_vec();
    days.sort();
    days.dedup();
    let mut out: Vec<Run> = Vec::new();
    for d in days {
        match out.last_mut() {
            Some(run) if (d - run.stop).num_days() <= RUN_GAP_DAYS => run.stop = d,
            _ => out.push(Run { start: d, stop: d }),
        }
    }
    out
}

/// The scores of one side of a start: how many days had one, and their mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Side {
    pub days: usize,
    pub mean: Option<f64>,
}

/// Average daily scores before a start (the [`WINDOW_DAYS`] days before it) and after (the
/// start day and the days after it, as many). Each day counts once, whatever the number of
/// scores logged on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    pub start: NaiveDate,
    pub before: Side,
    pub after: Side,
}

impl Comparison {
    /// Whether both sides have at least one score: only then is there anything to compare.
    pub fn comparable(&self) -> bool {
        self.before.days > 0 && self.after.days > 0
    }
}

/// The comparison around `start` of one symptom's daily scores.
pub fn before_after(scores: &BTreeMap<NaiveDate, f64>, start: NaiveDate) -> Comparison {
    let side = |from: NaiveDate, to: NaiveDate| {
        let v: Vec<f64> = scores.range(from..=to).map(|(_, s)| *s).collect();
        let mean = (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
        Side { days: v.len(), mean }
    };
    let before_first = start - chrono::Duration::days(WINDOW_DAYS);
    let before_last = start - chrono::Duration::days(1);
    let after_last = start + chrono::Duration::days(WINDOW_DAYS - 1);
    Comparison { start, before: side(before_first, before_last), after: side(start, after_last) }
}

/// The start to compare around by default: the latest run start from `first` to `last`.
pub fn latest_start(runs: &[Run], first: NaiveDate, last: NaiveDate) -> Option<NaiveDate> {
    runs.iter().map(|r| r.start).filter(|d| *d >= first && *d <= last).max()
}

/// Notes and symptom scores to write together (an import); their ids are given afresh.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Journal {
    pub notes: Vec<Note>,
    pub symptoms: Vec<Symptom>,
}

#[cfg(test)]
#[path = "symptoms_tests.rs"]
mod tests;
