//! A day and the days around it, read from the diary in one transaction and summarised by the
//! domain: the one place the CLI's `day`, `week`, `suggest`, `export --totals` and the app
//! get their numbers from.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::day::{ca_mg_ratio, DaySummary};
use crate::domain::period::{NutrientStats, Period, PeriodStats};
use crate::domain::supplement::Supplement;
use crate::domain::warnings::{warnings, Warning};
use crate::domain::{Entry, Nutrient, NutrientValues, Profile};
use crate::store::{Diary, StoreError, Unreadable};

/// How many days, ending on the day shown, a report's week holds.
pub const WEEK: u32 = 7;

/// The longest run of days `daily` lists one by one (100 years); a longer span lists only
/// the days with something logged.
pub const MAX_LISTED_DAYS: i64 = 36_525;

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
    /// Rows of those 7 days that could not be read, left in the diary as they are. Each one
    /// dated on a day counts in that day's totals as an item whose every figure is unknown:
    /// never as zero.
    pub unreadable: Vec<Unreadable>,
    /// The day's notes and symptom scores.
    pub notes: Vec<crate::domain::symptoms::Note>,
    pub symptoms: Vec<crate::domain::symptoms::Symptom>,
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
        let mg_average = NutrientStats::of(&week, Nutrient::Magnesium).average;
        let warnings = warnings(&summary, &supplements, mg_average);
        DayReport {
            profile,
            entries,
            supplements,
            summary,
            week,
            warnings,
            unreadable: Vec::new(),
            notes: Vec::new(),
            symptoms: Vec::new(),
        }
    }

    /// Calcium to magnesium ratio over the logged days of the 7 ending on this day.
    pub fn ca_mg_ratio_week(&self) -> Option<f64> {
        ca_mg_ratio(&self.week)
    }

    /// How many rows dated on this day could not be read: its totals leave them out.
    pub fn unreadable_today(&self) -> usize {
        dated(&self.unreadable, self.summary.date)
    }
}

/// The report for `date`: the profile, and the entries and doses of the 7 days ending on it,
/// read once in one transaction (the day's own are among them). Rows that cannot be read
/// are reported, not fatal.
pub fn day_report(diary: &Diary, date: NaiveDate) -> Result<DayReport, StoreError> {
    diary.read(|d| {
        let profile = d.profile()?;
        let w = window(d, date, WEEK)?;
        let week = summarise(date, WEEK, &w, &profile);
        let entries: Vec<Entry> = w.entries.into_iter().filter(|e| e.date == date).collect();
        let supplements: Vec<Supplement> = w.supplements.into_iter().filter(|s| s.date == date).collect();
        let mut report = DayReport::new(date, profile, entries, supplements, week);
        count_unreadable(&mut report.summary, &w.unreadable);
        report.unreadable = w.unreadable;
        (report.notes, report.symptoms) =
            (d.notes(Some(date), Some(date))?, d.symptoms(Some(date), Some(date))?);
        Ok(report)
    })
}

/// Summaries of the `days` days ending at `end`, oldest first, each with its supplements
/// (an unreadable row counts as an item of unknown figures on its day).
pub fn summaries(
    diary: &Diary,
    end: NaiveDate,
    days: u32,
    profile: &Profile,
) -> Result<Vec<DaySummary>, StoreError> {
    diary.read(|d| Ok(summarise(end, days, &window(d, end, days)?, profile)))
}

/// The summaries of the `days` days ending at `end`, with the profile the diary holds, and
/// the rows of those days that could not be read (each counted as an item of unknown
/// figures on its day).
pub fn trend(
    diary: &Diary,
    end: NaiveDate,
    days: u32,
) -> Result<(Vec<DaySummary>, Vec<Unreadable>), StoreError> {
    span(diary, Period::days_ending(end, days))
}

/// A summary for every day of `period`, oldest first, read in one transaction with the
/// profile the diary holds, and the rows of those days that could not be read: what
/// `PeriodStats` takes, for one period or for the buckets covering it.
pub fn span(diary: &Diary, period: Period) -> Result<(Vec<DaySummary>, Vec<Unreadable>), StoreError> {
    diary.read(|d| {
        let w = Window::read(d, Some(period.first), Some(period.last))?;
        Ok((w.summaries(period.dates().collect(), &d.profile()?), w.unreadable))
    })
}

/// The figures of each of `periods` (buckets of weeks or months, or one period), from one
/// read of the days covering them all, and the rows of those days that could not be read.
pub fn period_stats(
    diary: &Diary,
    periods: &[Period],
) -> Result<(Vec<PeriodStats>, Vec<Unreadable>), StoreError> {
    let Some(all) = Period::covering(periods) else { return Ok((Vec::new(), Vec::new())) };
    let (days, unreadable) = span(diary, all)?;
    Ok((PeriodStats::each(periods, &days), unreadable))
}

/// Day by day totals over a span, for `export --totals`.
#[derive(Debug, Clone, PartialEq)]
pub struct Daily {
    /// Oldest first: every day of the span, or only the days with something logged when
    /// the span is longer than [`MAX_LISTED_DAYS`].
    pub days: Vec<DaySummary>,
    /// The first and last day: `from` and `to`, or else the first and last logged.
    pub span: Option<(NaiveDate, NaiveDate)>,
    /// Whether every day of the span is listed.
    pub every_day: bool,
    /// Rows that could not be read, left as they are.
    pub unreadable: Vec<Unreadable>,
}

/// The totals of each day from `from` to `to` (None: the first or last logged day), read
/// in one transaction with the profile the diary holds.
pub fn daily(diary: &Diary, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Daily, StoreError> {
    diary.read(|d| {
        let profile = d.profile()?;
        let w = Window::read(d, from, to)?;
        let logged: Vec<NaiveDate> = w
            .entries
            .iter()
            .map(|e| e.date)
            .chain(w.supplements.iter().map(|s| s.date))
            .chain(w.unreadable.iter().filter_map(|u| u.date()?.parse().ok()))
            .collect();
        let span = match (from.or(logged.iter().min().copied()), to.or(logged.iter().max().copied())) {
            (Some(f), Some(t)) if f <= t => Some((f, t)),
            _ => None,
        };
        let Some((first, last)) = span else {
            return Ok(Daily { days: Vec::new(), span, every_day: true, unreadable: w.unreadable });
        };
        let every_day = (last - first).num_days() < MAX_LISTED_DAYS;
        let dates: Vec<NaiveDate> = if every_day {
            first.iter_days().take_while(|d| *d <= last).collect()
        } else {
            let mut days = logged.clone();
            days.sort();
            days.dedup();
            days
        };
        let days = w.summaries(dates, &profile);
        Ok(Daily { days, span, every_day, unreadable: w.unreadable })
    })
}

/// The entries and doses of a run of days, and the rows among them that could not be read.
struct Window {
    entries: Vec<Entry>,
    supplements: Vec<Supplement>,
    unreadable: Vec<Unreadable>,
}

impl Window {
    fn read(d: &Diary, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Window, StoreError> {
        let entries = d.read_entries(from, to)?;
        let supplements = d.read_supplements(from, to)?;
        let mut unreadable = entries.unreadable;
        unreadable.extend(supplements.unreadable);
        Ok(Window { entries: entries.rows, supplements: supplements.rows, unreadable })
    }

    /// One summary per date, in the order given.
    fn summaries(&self, dates: Vec<NaiveDate>, profile: &Profile) -> Vec<DaySummary> {
        let mut by_day: BTreeMap<NaiveDate, (Vec<Entry>, Vec<Supplement>)> = BTreeMap::new();
        for e in &self.entries {
            by_day.entry(e.date).or_default().0.push(e.clone());
        }
        for s in &self.supplements {
            by_day.entry(s.date).or_default().1.push(s.clone());
        }
        let none = (Vec::new(), Vec::new());
        dates
            .into_iter()
            .map(|d| {
                let (e, s) = by_day.get(&d).unwrap_or(&none);
                let mut summary = DaySummary::with_supplements(d, e, s, profile);
                count_unreadable(&mut summary, &self.unreadable);
                summary
            })
            .collect()
    }
}

/// The entries and doses of the `days` days ending at `end`.
fn window(d: &Diary, end: NaiveDate, days: u32) -> Result<Window, StoreError> {
    let p = Period::days_ending(end, days);
    Window::read(d, Some(p.first), Some(p.last))
}

/// One summary per day of the window, oldest first.
fn summarise(end: NaiveDate, days: u32, w: &Window, profile: &Profile) -> Vec<DaySummary> {
    w.summaries(Period::days_ending(end, days).dates().collect(), profile)
}

/// How many of `rows` are dated `date`.
fn dated(rows: &[Unreadable], date: NaiveDate) -> usize {
    let date = date.to_string();
    rows.iter().filter(|u| u.date() == Some(date.as_str())).count()
}

/// Counts each unreadable row dated on the summary's day as an item whose every figure is
/// unknown: what it held is not known, and never taken as zero.
fn count_unreadable(summary: &mut DaySummary, rows: &[Unreadable]) {
    for _ in 0..dated(rows, summary.date) {
        summary.totals.add(&NutrientValues::unknown());
        summary.absorbable.items += 1;
    }
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
        assert_eq!(trend(&diary, day(25), 7).unwrap(), (r.week.clone(), vec![]));
        // Twelve weekly buckets read at once end on the same week, with the same figures.
        let (weeks, _) = period_stats(&diary, &Period::weeks_ending(day(25), 12)).unwrap();
        assert_eq!(weeks.len(), 12);
        assert_eq!(weeks[11], PeriodStats::of(Period::days_ending(day(25), 7), &r.week));
        assert_eq!(weeks[11].coverage.logged, 2);
        assert_eq!(weeks[10].coverage.logged, 1, "the 18th");
        assert!(period_stats(&diary, &[]).unwrap().0.is_empty());
    }
}
