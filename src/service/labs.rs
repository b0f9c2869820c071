//! Laboratory values as both faces use them: added and removed, and each read with how it
//! stands against its band and the average intake of its nutrient (food and supplements, from
//! the period figures `week` and the review use) over the days before it was drawn. A kind
//! with no nutrient (PTH) has no intake; a window with no food logged has no average, never 0.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::day::period_stats;
use crate::domain::labs::{reading, Lab, LabKind, NewLab, Reading};
use crate::domain::period::{NutrientStats, Period};
use crate::store::{Diary, StoreError};

/// How many days before a lab its intake is averaged over: 25(OH)D reflects the last two to
/// three months (reference section 9: it trails the sun by about two months).
pub const INTAKE_DAYS: u32 = 90;

/// A lab value, how it reads, and its nutrient's intake before it.
#[derive(Debug, Clone, PartialEq)]
pub struct LabLine {
    pub lab: Lab,
    pub reading: Reading,
    /// The `INTAKE_DAYS` days ending the day before the lab.
    pub window: Period,
    /// Its nutrient over the window's logged days; None for a kind with no nutrient.
    pub intake: Option<NutrientStats>,
}

/// The days whose intake a lab dated `date` is set beside.
pub fn window(date: NaiveDate) -> Period {
    let before = date.checked_sub_days(Days::new(1)).unwrap_or(date);
    Period::days_ending(before, INTAKE_DAYS)
}

/// Keeps a lab value, stamped `now` unless it says when it was logged.
pub fn add(diary: &mut Diary, mut new: NewLab, now: &str) -> Result<LabLine, StoreError> {
    if new.logged_at.is_empty() {
        new.logged_at = now.to_string();
    }
    let lab = diary.add_lab(&new)?;
    Ok(read(diary, vec![lab])?.remove(0))
}

/// Every lab value dated up to `upto` (None: all), oldest first, each read.
pub fn lines(diary: &Diary, upto: Option<NaiveDate>) -> Result<Vec<LabLine>, StoreError> {
    diary.read(|d| read(d, d.labs(None, upto)?))
}

/// The labs a review of `period` speaks of: those dated in it and, for each kind, the latest
/// before it; oldest first. Empty when no lab falls in or before the period.
pub fn for_period(diary: &Diary, period: Period) -> Result<Vec<LabLine>, StoreError> {
    diary.read(|d| {
        let all = d.labs(None, Some(period.last))?;
        let mut latest_before: BTreeMap<LabKind, &Lab> = BTreeMap::new();
        for l in all.iter().filter(|l| l.lab.date < period.first) {
            latest_before.insert(l.lab.kind, l);
        }
        let mut chosen: Vec<Lab> = latest_before.into_values().cloned().collect();
        chosen.extend(all.iter().filter(|l| period.contains(l.lab.date)).cloned());
        chosen.sort_by_key(|l| (l.lab.date, l.id));
        read(d, chosen)
    })
}

/// Each lab read, with its window's figures from one read of the days covering them all.
fn read(diary: &Diary, labs: Vec<Lab>) -> Result<Vec<LabLine>, StoreError> {
    let windows: Vec<Period> = labs.iter().map(|l| window(l.lab.date)).collect();
    let (stats, _) = period_stats(diary, &windows)?;
    Ok(labs
        .into_iter()
        .zip(windows)
        .zip(stats)
        .map(|((lab, window), stats)| LabLine {
            reading: reading(&lab.lab),
            intake: lab.lab.kind.nutrient().map(|n| stats.get(n).clone()),
            window,
            lab,
        })
        .collect())
}

/// Removes a lab value by id and returns it.
pub fn remove(diary: &mut Diary, id: i64) -> Result<Lab, StoreError> {
    diary.remove_lab(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_is_the_90_days_before_the_lab() {
        let d = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        let w = window(d);
        assert_eq!(w.len(), 90);
        assert_eq!(w.last, NaiveDate::from_ymd_opt(2026, 3, 31).unwrap());
        assert!(!w.contains(d));
    }
}
