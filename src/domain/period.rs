//! Any run of days summed up one way: `week`, the trends pane and the review all take their
//! figures from [`PeriodStats::of`], whatever the period (7 days, 4 weeks, a weekly or a
//! monthly bucket from [`Period::weeks_ending`] and [`Period::months_ending`]).
//!
//! The rules, so that no number claims more than the diary holds:
//! - A day with no food entry is not logged (supplement doses alone do not make it one): it is
//!   left out of every average and count, and listed as not logged.
//! - An average is over the logged days. Where some food item of a logged day has no value for
//!   a nutrient, that day adds what is known and the average is a lower bound, marked as such.
//! - A day is at the target when what is known reaches it (certain, unknowns or not). A day is
//!   below the EAR when its figures are complete and fall short; a partly unknown day whose
//!   known part falls short may or may not be, and is counted apart.
//! - Each count is given for food alone and for food with supplements.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};

use super::compare::reached;
use super::day::{ca_mg_ratio, DaySummary};
use super::nutrient::Nutrient;

/// A run of days, `first` to `last` inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

fn back(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(days)).unwrap_or(NaiveDate::MIN)
}

impl Period {
    /// From `first` to `last`, in whichever order they are given.
    pub fn new(first: NaiveDate, last: NaiveDate) -> Period {
        Period { first: first.min(last), last: first.max(last) }
    }

    /// The `days` days ending on `end` (at least that one day).
    pub fn days_ending(end: NaiveDate, days: u32) -> Period {
        Period::new(back(end, u64::from(days.max(1) - 1)), end)
    }

    /// `count` weeks of 7 days, the last ending on `end`, oldest first.
    pub fn weeks_ending(end: NaiveDate, count: u32) -> Vec<Period> {
        (0..u64::from(count)).rev().map(|i| Period::days_ending(back(end, 7 * i), 7)).collect()
    }

    /// `count` calendar months, oldest first: the last from the first of `end`'s month to
    /// `end` (the days after it have not happened yet), the others whole.
    pub fn months_ending(end: NaiveDate, count: u32) -> Vec<Period> {
        let mut out = Vec::new();
        let mut last = end;
        for _ in 0..count {
            let first = last.with_day(1).unwrap_or(last);
            out.push(Period::new(first, last));
            match first.pred_opt() {
                Some(p) => last = p,
                None => break,
            }
        }
        out.reverse();
        out
    }

    /// How many days the period holds.
    pub fn len(&self) -> usize {
        usize::try_from((self.last - self.first).num_days() + 1).unwrap_or(0)
    }

    /// Never true: a period holds at least one day.
    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.first <= d && d <= self.last
    }

    /// Every date of the period, oldest first.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> {
        let last = self.last;
        self.first.iter_days().take_while(move |d| *d <= last)
    }

    /// The one period covering all of `periods` (None when there are none).
    pub fn covering(periods: &[Period]) -> Option<Period> {
        let first = periods.iter().map(|p| p.first).min()?;
        let last = periods.iter().map(|p| p.last).max()?;
        Some(Period::new(first, last))
    }
}

/// A count of days two ways: food alone, and food with supplements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub food: usize,
    pub with_supplements: usize,
}

/// Which days of a period were logged.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coverage {
    /// Days in the period.
    pub days: usize,
    /// Days with food logged: every average and count is over these.
    pub logged: usize,
    /// Days with no food entry, oldest first (supplement-only days among them).
    pub not_logged: Vec<NaiveDate>,
    /// Of those, the days with supplement doses only.
    pub supplements_only: Vec<NaiveDate>,
}

/// One nutrient over a period's logged days.
#[derive(Debug, Clone, PartialEq)]
pub struct NutrientStats {
    pub nutrient: Nutrient,
    /// Logged food days: what the averages divide by and the counts are "of".
    pub logged_days: usize,
    /// Mean of food and supplements over the logged days; None when no day is logged.
    pub average: Option<f64>,
    /// Mean of food alone over the logged days.
    pub food_average: Option<f64>,
    /// Days whose known amount reaches the target.
    pub at_target: Tally,
    /// Days whose figures are complete and below the EAR.
    pub below_ear: Tally,
    /// Days with a food item of unknown value whose known amount is below the EAR: they may
    /// or may not be below it.
    pub maybe_below_ear: Tally,
    /// Food items with no value for the nutrient, over the logged days.
    pub unknown_items: usize,
    /// Logged days with at least one such item.
    pub unknown_days: usize,
    pub target: Option<f64>,
    pub ear: Option<f64>,
}

impl NutrientStats {
    /// `n` over `days` (each summarised with the same profile; order does not matter).
    pub fn of(days: &[DaySummary], n: Nutrient) -> NutrientStats {
        NutrientStats::over(&days.iter().collect::<Vec<_>>(), n)
    }

    fn over(days: &[&DaySummary], n: Nutrient) -> NutrientStats {
        let logged: Vec<&DaySummary> = days.iter().copied().filter(|d| d.logged()).collect();
        let profile_day = days.iter().max_by_key(|d| d.date);
        let target = profile_day.and_then(|d| d.targets.get(n));
        let ear = profile_day.and_then(|d| d.ear.get(n));
        let mean = |f: &dyn Fn(&DaySummary) -> f64| {
            (!logged.is_empty()).then(|| logged.iter().map(|d| f(d)).sum::<f64>() / logged.len() as f64)
        };
        let tally = |keep: &dyn Fn(&DaySummary, f64) -> bool| Tally {
            food: logged.iter().filter(|d| keep(d, d.food(n))).count(),
            with_supplements: logged.iter().filter(|d| keep(d, d.totals.get(n))).count(),
        };
        let short = |v: f64| ear.is_some_and(|e| !reached(v, e));
        NutrientStats {
            nutrient: n,
            logged_days: logged.len(),
            average: mean(&|d| d.totals.get(n)),
            food_average: mean(&|d| d.food(n)),
            at_target: tally(&|_, v| target.is_some_and(|t| reached(v, t))),
            below_ear: tally(&|d, v| !d.partly_unknown(n) && short(v)),
            maybe_below_ear: tally(&|d, v| d.partly_unknown(n) && short(v)),
            unknown_items: logged.iter().map(|d| d.totals.unknown(n)).sum(),
            unknown_days: logged.iter().filter(|d| d.partly_unknown(n)).count(),
            target,
            ear,
        }
    }

    /// Whether the averages leave out unknown values: then they are lower bounds.
    pub fn lower_bound(&self) -> bool {
        self.unknown_items > 0
    }
}

/// Everything `week`, the trends and the review say about one period.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodStats {
    pub period: Period,
    pub coverage: Coverage,
    /// Every nutrient, in canonical order (`Nutrient::index`).
    pub nutrients: Vec<NutrientStats>,
    /// Calcium to magnesium over the logged days.
    pub ca_mg_ratio: Option<f64>,
}

impl PeriodStats {
    /// The figures of `period` from `days`, which may hold days outside it (left out). A date
    /// of the period with no summary among `days` is a day not logged.
    pub fn of(period: Period, days: &[DaySummary]) -> PeriodStats {
        let inside: Vec<&DaySummary> = days.iter().filter(|d| period.contains(d.date)).collect();
        let by_date: BTreeMap<NaiveDate, &DaySummary> = inside.iter().map(|d| (d.date, *d)).collect();
        let mut coverage = Coverage { days: period.len(), ..Coverage::default() };
        for date in period.dates() {
            match by_date.get(&date) {
                Some(d) if d.logged() => coverage.logged += 1,
                found => {
                    coverage.not_logged.push(date);
                    if found.is_some_and(|d| d.supplements_only()) {
                        coverage.supplements_only.push(date);
                    }
                }
            }
        }
        PeriodStats {
            period,
            coverage,
            nutrients: Nutrient::all().map(|n| NutrientStats::over(&inside, n)).collect(),
            ca_mg_ratio: ca_mg_ratio(inside.iter().copied()),
        }
    }

    /// The figures of each of `periods` from the same days: one read for 12 buckets.
    pub fn each(periods: &[Period], days: &[DaySummary]) -> Vec<PeriodStats> {
        periods.iter().map(|p| PeriodStats::of(*p, days)).collect()
    }

    pub fn get(&self, n: Nutrient) -> &NutrientStats {
        &self.nutrients[n.index()]
    }
}

#[cfg(test)]
#[path = "period_tests.rs"]
mod tests;
