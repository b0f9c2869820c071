//! A day and the week around it, read from the diary and summarised by the domain: the one
//! place the CLI's `day`, `week`, `suggest` and the app get their numbers from.

use chrono::{Days, NaiveDate};

use crate::domain::day::{ca_mg_ratio, trend_stats, DaySummary};
use crate::domain::supplement::Supplement;
use crate::domain::warnings::{warnings, Warning};
use crate::domain::{Entry, Nutrient, Profile};
use crate::store::{Diary, StoreError};

/// Everything shown about one day.
#[derive(Debug, Clone, PartialEq)]
pub struct DayReport {
    pub profile: Profile,
    pub entries: Vec<Entry>,
    pub supplements: Vec<Supplement>,
    pub summary: DaySummary,
    /// The 7 days ending on this day, oldest first.
    pub week: Vec<DaySummary>,
    pub warnings: Vec<Warning>,
}

impl DayReport {
    /// Calcium to magnesium ratio over the 7 days ending on this day.
    pub fn ca_mg_ratio_week(&self) -> Option<f64> {
        ca_mg_ratio(&self.week)
    }
}

/// Summaries of the `days` days ending at `end`, oldest first, each with its supplements.
pub fn summaries(
    diary: &Diary,
    end: NaiveDate,
    days: u32,
    profile: &Profile,
) -> Result<Vec<DaySummary>, StoreError> {
    let start = end.checked_sub_days(Days::new(u64::from(days.saturating_sub(1)))).unwrap_or(end);
    let entries = diary.range_entries(start, end)?;
    let supplements = diary.supplements(start, end)?;
    Ok(start
        .iter_days()
        .take_while(|d| *d <= end)
        .map(|d| {
            let e: Vec<Entry> = entries.iter().filter(|e| e.date == d).cloned().collect();
            let s: Vec<Supplement> = supplements.iter().filter(|s| s.date == d).cloned().collect();
            DaySummary::with_supplements(d, &e, &s, profile)
        })
        .collect())
}

/// The report for `date`.
pub fn day_report(diary: &Diary, date: NaiveDate) -> Result<DayReport, StoreError> {
    let profile = diary.profile()?;
    let entries = diary.day_entries(date)?;
    let supplements = diary.supplements(date, date)?;
    let summary = DaySummary::with_supplements(date, &entries, &supplements, &profile);
    let week = summaries(diary, date, 7, &profile)?;
    let mg = trend_stats(&week, Nutrient::Magnesium);
    let mg_average = (mg.logged_days > 0).then_some(mg.average);
    let warnings = warnings(&summary, &supplements, mg_average);
    Ok(DayReport { profile, entries, supplements, summary, week, warnings })
}
