//! Notes and symptom scores for both faces: adding them with the rules of
//! `domain::symptoms`, and the view that lines one symptom's daily scores up with a
//! nutrient's daily intake (food and supplements) and with the runs of that supplement.

use chrono::{Duration, NaiveDate};

use crate::domain::period::Period;
use crate::domain::symptoms::{self, before_after, daily_scores, latest_start, Comparison, Run, WINDOW_DAYS};
use crate::domain::Nutrient;
use crate::store::{Diary, StoreError};

/// One day of the view: its score (the day's mean), how many scores it had, the nutrient's
/// intake and what supplements gave of it, and whether a run of the supplement starts or
/// stops on it.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewDay {
    pub date: NaiveDate,
    pub score: Option<f64>,
    pub scores: usize,
    /// Food and supplements together; None when nothing was logged that day.
    pub intake: Option<f64>,
    pub supplemental: f64,
    pub starts: bool,
    pub stops: bool,
}

/// A symptom lined up with a nutrient.
#[derive(Debug, Clone, PartialEq)]
pub struct SymptomView {
    pub name: String,
    pub nutrient: Nutrient,
    /// The days looked at: those with a score or a start or stop of a run, oldest first.
    pub days: Vec<ViewDay>,
    /// Every run of the supplement that touches the span.
    pub runs: Vec<Run>,
    /// Before and after a start: the one asked for, else the latest start in the span.
    pub comparison: Option<Comparison>,
}

/// The view of symptom `name` (as kept: `symptoms::symptom_name`) against `nutrient`:
/// around `around` (that day and [`WINDOW_DAYS`] each side), or over every day with a score.
pub fn view(
    diary: &Diary,
    name: &str,
    nutrient: Nutrient,
    around: Option<NaiveDate>,
) -> Result<SymptomView, StoreError> {
    diary.read(|d| {
        let scores = d.symptom_scores(name)?;
        let daily = daily_scores(&scores, name);
        let span = match around {
            Some(a) => Some((a - Duration::days(WINDOW_DAYS), a + Duration::days(WINDOW_DAYS - 1))),
            None => daily.keys().next().zip(daily.keys().next_back()).map(|(f, l)| (*f, *l)),
        };
        let dose_days: Vec<NaiveDate> = d
            .read_supplements(None, None)?
            .rows
            .into_iter()
            .filter(|s| s.nutrient == nutrient)
            .map(|s| s.date)
            .collect();
        let all_runs = symptoms::runs(&dose_days);
        let Some((first, last)) = span else {
            return Ok(SymptomView {
                name: name.into(),
                nutrient,
                days: vec![],
                runs: vec![],
                comparison: None,
            });
        };
        let runs: Vec<Run> = all_runs.into_iter().filter(|r| r.stop >= first && r.start <= last).collect();
        let start = around.or_else(|| latest_start(&runs, first, last));
        let comparison = start.map(|s| before_after(&daily, s));
        let (summaries, _) = super::day::span(d, Period::new(first, last))?;
        let days = summaries
            .into_iter()
            .filter_map(|s| {
                let starts = runs.iter().any(|r| r.start == s.date);
                let stops = runs.iter().any(|r| r.stop == s.date && r.stop < last);
                let score = daily.get(&s.date).copied();
                if score.is_none() && !starts && !stops {
                    return None;
                }
                let logged = s.totals.items > 0 || s.supplemental[nutrient.index()] > 0.0;
                Some(ViewDay {
                    date: s.date,
                    score,
                    scores: scores.iter().filter(|x| x.date == s.date).count(),
                    intake: logged.then(|| s.totals.get(nutrient)),
                    supplemental: s.supplemental[nutrient.index()],
                    starts,
                    stops,
                })
            })
            .collect();
        Ok(SymptomView { name: name.into(), nutrient, days, runs, comparison })
    })
}

/// For the app's view: the symptom names the diary holds (by name) and the view of `name`,
/// or of the symptom scored last when none is given (None: no symptom scored yet).
pub fn overlay(
    diary: &Diary,
    name: Option<&str>,
    nutrient: Nutrient,
) -> Result<(Vec<String>, Option<SymptomView>), StoreError> {
    diary.read(|d| {
        let all = d.symptoms(None, None)?;
        let mut names: Vec<String> = all.iter().map(|s| s.name.clone()).collect();
        names.sort();
        names.dedup();
        let Some(name) = name.map(str::to_string).or_else(|| all.last().map(|s| s.name.clone())) else {
            return Ok((names, None));
        };
        Ok((names, Some(view(d, &name, nutrient, None)?)))
    })
}
