//! A day and the days around it, read from the diary in one transaction and summarised by the
//! domain: the one place the CLI's `day`, `week`, `suggest`, `export --totals` and the app
//! get their numbers from.

use chrono::{Days, NaiveDate};

use crate::domain::day::{ca_mg_ratio, trend_stats, DaySummary};
use crate::domain::supplement::Supplement;
use crate::domain::warnings::{warnings, Warning};
use crate::domain::{Entry, Nutrient, Profile};
use crate::store::{Diary, StoreError};

/// How many days, ending on the day shown, a report's week holds.
pub const WEEK: u32 = 7;

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
    /// The report for `date` from its entries, doses and the 7 days ending on it (each
    /// summarised with the same profile): the summary and the warnings follow from them.
    pub fn new(
        date: NaiveDate,
        profile: Profile,
        entries: Vec<Entry>,
        supplements: Vec<Supplement>,
        week: Vec<DaySummary>,
    ) -> DayReport {
        let summary = DaySummary::with_supplements(date, &entries, &supplements, &profile);
        let mg = trend_stats(&week, Nutrient::Magnesium);
        let mg_average = (mg.logged_days > 0).then_some(mg.average);
        let warnings = warnings(&summary, &supplements, mg_average);
        DayReport { profile, entries, supplements, summary, week, warnings }
    }

    /// Calcium to magnesium ratio over the 7 days ending on this day.
    pub fn ca_mg_ratio_week(&self) -> Option<f64> {
        ca_mg_ratio(&self.week)
    }
}

/// The report for `date`: the profile, and the entries and doses of the 7 days ending on it,
/// read once in one transaction (the day's own are among them).
pub fn day_report(diary: &Diary, date: NaiveDate) -> Result<DayReport, StoreError> {
    diary.read(|d| {
        let profile = d.profile()?;
        let (entries, supplements) = window(d, date, WEEK)?;
        let week = summarise(date, WEEK, &entries, &supplements, &profile);
        let entries: Vec<Entry> = entries.into_iter().filter(|e| e.date == date).collect();
        let supplements: Vec<Supplement> = supplements.into_iter().filter(|s| s.date == date).collect();
        Ok(DayReport::new(date, profile, entries, supplements, week))
    })
}

/// Summaries of the `days` days ending at `end`, oldest first, each with its supplements.
pub fn summaries(
    diary: &Diary,
    end: NaiveDate,
    days: u32,
    profile: &Profile,
) -> Result<Vec<DaySummary>, StoreError> {
    diary.read(|d| {
        let (entries, supplements) = window(d, end, days)?;
        Ok(summarise(end, days, &entries, &supplements, profile))
    })
}

/// The summaries of the `days` days ending at `end`, with the profile the diary holds.
pub fn trend(diary: &Diary, end: NaiveDate, days: u32) -> Result<Vec<DaySummary>, StoreError> {
    diary.read(|d| summaries(d, end, days, &d.profile()?))
}

/// The first of the `days` days ending at `end`.
fn start(end: NaiveDate, days: u32) -> NaiveDate {
    end.checked_sub_days(Days::new(u64::from(days.saturating_sub(1)))).unwrap_or(end)
}

/// The entries and doses of the `days` days ending at `end`.
fn window(d: &Diary, end: NaiveDate, days: u32) -> Result<(Vec<Entry>, Vec<Supplement>), StoreError> {
    let from = start(end, days);
    Ok((d.range_entries(from, end)?, d.supplements(from, end)?))
}

/// One summary per day of the window, oldest first, from the window's entries and doses.
fn summarise(
    end: NaiveDate,
    days: u32,
    entries: &[Entry],
    supplements: &[Supplement],
    profile: &Profile,
) -> Vec<DaySummary> {
    start(end, days)
        .iter_days()
        .take_while(|d| *d <= end)
        .map(|d| {
            let e: Vec<Entry> = entries.iter().filter(|e| e.date == d).cloned().collect();
            let s: Vec<Supplement> = supplements.iter().filter(|s| s.date == d).cloned().collect();
            DaySummary::with_supplements(d, &e, &s, profile)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Meal, NewEntry, NutrientValues};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn the_report_counts_supplements_and_warns() {
        let date = day(25);
        let dose = Supplement {
            id: 1,
            date,
            time: None,
            nutrient: Nutrient::Magnesium,
            amount: 400.0,
            form: None,
            logged_at: String::new(),
        };
        let r = DayReport::new(date, Profile::default(), vec![], vec![dose], vec![]);
        assert_eq!(r.summary.totals.get(Nutrient::Magnesium), 400.0);
        assert_eq!(r.warnings.iter().map(|w| w.code).collect::<Vec<_>>(), vec!["mg_supplement_over_ul"]);
    }

    #[test]
    fn one_read_gives_the_day_and_its_week() {
        let tmp = tempfile::tempdir().unwrap();
        let mut diary = Diary::open(&tmp.path().join("diary.db")).unwrap();
        let mut mg = NutrientValues::unknown();
        mg.set(Nutrient::Magnesium, Some(100.0));
        for (d, meal) in [
            (18, Meal::Lunch),
            (19, Meal::Lunch),
            (25, Meal::Dinner),
            (25, Meal::Breakfast),
            (26, Meal::Lunch),
        ] {
            let e = NewEntry {
                date: day(d),
                meal,
                food_id: "1".into(),
                food_name: "one".into(),
                grams: 100.0,
                quantity: "100 g".into(),
                logged_at: "t".into(),
                per_100g: mg,
            };
            diary.add_entry(&e).unwrap();
        }
        let r = day_report(&diary, day(25)).unwrap();
        assert_eq!(r.entries, diary.day_entries(day(25)).unwrap(), "the day's own, in meal order");
        assert_eq!(r.entries[0].meal, Meal::Breakfast);
        assert_eq!(r.week, summaries(&diary, day(25), WEEK, &r.profile).unwrap());
        assert_eq!(r.week.len(), 7);
        assert_eq!(r.week.first().unwrap().date, day(19));
        let totals: Vec<f64> = r.week.iter().map(|s| s.totals.get(Nutrient::Magnesium)).collect();
        assert_eq!(totals, vec![100.0, 0.0, 0.0, 0.0, 0.0, 0.0, 200.0], "the 18th and 26th are outside");
        assert_eq!(trend(&diary, day(25), 7).unwrap(), r.week);
    }
}
