//! The review of a period (`marrow review`, `marrow report`): its figures and the previous
//! period's, both from [`period_stats`] like `week`'s, the foods that gave each bone nutrient,
//! what supplements added and in which forms, the warnings of its days, and foods for the
//! nutrient most often short, all read from the diary in one transaction. The text, the JSON
//! and the reports are all made from one [`Review`], so their numbers are the same.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::day::{period_stats, span};
use super::suggest::for_gap;
use crate::domain::day::{DaySummary, BONE_NUTRIENTS};
use crate::domain::insights::{contributors, Contributor, Suggestion};
use crate::domain::period::{NutrientStats, Period, PeriodStats};
use crate::domain::sun::{makes_vitamin_d, Sun};
use crate::domain::supplement::Supplement;
use crate::domain::warnings::{warnings, Warning};
use crate::domain::Nutrient;
use crate::store::{Catalog, Diary, StoreError, Unreadable};

/// How many foods are named as the ones that gave a nutrient.
pub const TOP_FOODS: usize = 5;
/// How many foods are suggested for the nutrient most often short.
pub const SUGGESTIONS: usize = 3;

/// What supplements of one nutrient in one form added over the period.
#[derive(Debug, Clone, PartialEq)]
pub struct DoseLine {
    pub nutrient: Nutrient,
    /// As logged ("glycinate"); None when no form was given.
    pub form: Option<String>,
    /// How many doses.
    pub doses: usize,
    /// Their sum, in the nutrient's own unit (elemental).
    pub total: f64,
    /// The distinct amounts of one dose, smallest first.
    pub amounts: Vec<f64>,
    /// Days with at least one such dose.
    pub days: usize,
}

/// One bone nutrient over the period, beyond its [`NutrientStats`].
#[derive(Debug, Clone, PartialEq)]
pub struct NutrientReview {
    pub nutrient: Nutrient,
    /// The foods that gave most of it over the logged days, largest first, with their share
    /// of the known amount from food.
    pub foods: Vec<Contributor>,
    /// Every dose of it over the period's days, logged food days or not.
    pub supplement_total: f64,
}

impl NutrientReview {
    /// The supplement total per day of the period (all its days, logged or not).
    pub fn supplement_per_day(&self, period: Period) -> f64 {
        self.supplement_total / period.len() as f64
    }
}

/// The nutrient most often below the EAR and the foods that would close most of its gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Shortfall {
    pub nutrient: Nutrient,
    /// Logged days below the EAR (food and supplements).
    pub days_below_ear: usize,
    /// Target minus the period's average (food and supplements).
    pub gap: f64,
    pub suggestions: Vec<Suggestion>,
}

/// Everything the review and the reports say about one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub stats: PeriodStats,
    /// The period of the same length just before, for the change.
    pub previous: PeriodStats,
    /// Every day of the period, oldest first.
    pub days: Vec<DaySummary>,
    /// Magnesium, calcium and vitamin D, in that order.
    pub nutrients: Vec<NutrientReview>,
    /// The period's doses by nutrient and form, in nutrient order.
    pub doses: Vec<DoseLine>,
    /// The warnings of each day of the period, oldest first.
    pub warnings: Vec<(NaiveDate, Warning)>,
    pub shortfall: Option<Shortfall>,
    /// Rows of the two periods that could not be read, left as they are.
    pub unreadable: Vec<Unreadable>,
    /// Lab values in the period and each kind's latest before it (`service::labs`).
    pub labs: Vec<super::labs::LabLine>,
}

impl Review {
    pub fn nutrient(&self, n: Nutrient) -> Option<&NutrientReview> {
        self.nutrients.iter().find(|r| r.nutrient == n)
    }
}

/// Vitamin D from food and supplements over a review's period, weighed against the sun at the
/// user's latitude (domain::sun): on days without vitamin D from the sun, intake is all there is.
#[derive(Debug, Clone, PartialEq)]
pub struct SunWeighing {
    /// The sun on the period's last day.
    pub sun: Sun,
    /// Days of the period whose noon sun is too low for vitamin D.
    pub sunless_days: usize,
    pub days: usize,
    /// Average vitamin D a logged day, food and supplements (µg); None with no logged day.
    pub average: Option<f64>,
    /// Whether some item lacked a vitamin D value: the average is then a lower bound.
    pub lower_bound: bool,
    pub target: Option<f64>,
}

impl SunWeighing {
    /// Whether the period had sunless days and its intake fell below the target on average.
    pub fn short_without_sun(&self) -> bool {
        self.sunless_days > 0 && matches!((self.average, self.target), (Some(a), Some(t)) if a < t)
    }
}

/// The review's vitamin D weighed against the sun at `latitude`.
pub fn weigh_sun(r: &Review, latitude: f64) -> SunWeighing {
    let p = r.stats.period;
    let d = r.stats.get(Nutrient::VitaminD);
    SunWeighing {
        sun: Sun::at(latitude, p.last),
        sunless_days: p.dates().filter(|day| !makes_vitamin_d(latitude, *day)).count(),
        days: p.len(),
        average: d.average,
        lower_bound: d.lower_bound(),
        target: d.target,
    }
}

/// The period of the same length ending the day before `p` starts.
pub fn previous(p: Period) -> Period {
    let len = p.len() as u64;
    let last = p.first.checked_sub_days(Days::new(1)).unwrap_or(p.first);
    Period::new(last.checked_sub_days(Days::new(len - 1)).unwrap_or(NaiveDate::MIN), last)
}

/// The review of `period`, read in one transaction.
pub fn review(diary: &Diary, catalog: &Catalog, period: Period) -> Result<Review, StoreError> {
    diary.read(|d| {
        let before = previous(period);
        let (stats, mut unreadable) = period_stats(d, &[before, period])?;
        let mut stats = stats.into_iter();
        let stats_before = stats.next().unwrap_or_else(|| PeriodStats::of(before, &[]));
        let stats_now = stats.next().unwrap_or_else(|| PeriodStats::of(period, &[]));
        // The days of both periods: each day's warnings look at the 7 days ending on it.
        let both = Period::new(before.first, period.last);
        let (all_days, _) = span(d, both)?;
        let entries = d.read_entries(Some(period.first), Some(period.last))?.rows;
        let doses = d.read_supplements(Some(period.first), Some(period.last))?.rows;
        let days: Vec<DaySummary> = all_days.iter().filter(|s| period.contains(s.date)).cloned().collect();
        let nutrients = BONE_NUTRIENTS
            .iter()
            .map(|n| NutrientReview {
                nutrient: *n,
                foods: contributors(&entries, *n, TOP_FOODS),
                supplement_total: doses.iter().filter(|s| s.nutrient == *n).map(|s| s.amount).sum(),
            })
            .collect();
        let warnings = day_warnings(&days, &all_days, &doses);
        let shortfall = match most_short(&stats_now) {
            Some((n, below, gap)) => Some(Shortfall {
                nutrient: n,
                days_below_ear: below,
                gap,
                suggestions: for_gap(d, catalog, n, gap, SUGGESTIONS, false)?,
            }),
            None => None,
        };
        unreadable.sort_by_key(|u| u.date().map(str::to_string));
        Ok(Review {
            stats: stats_now,
            previous: stats_before,
            days,
            nutrients,
            doses: dose_lines(&doses),
            warnings,
            shortfall,
            unreadable,
            labs: super::labs::for_period(d, period)?,
        })
    })
}

/// Each day's warnings, as `marrow day` gives them for that day.
fn day_warnings(days: &[DaySummary], all: &[DaySummary], doses: &[Supplement]) -> Vec<(NaiveDate, Warning)> {
    let mut out = Vec::new();
    for day in days {
        let week: Vec<DaySummary> =
            all.iter().filter(|s| Period::days_ending(day.date, 7).contains(s.date)).cloned().collect();
        let mg = NutrientStats::of(&week, Nutrient::Magnesium).average;
        let own: Vec<Supplement> = doses.iter().filter(|s| s.date == day.date).cloned().collect();
        out.extend(warnings(day, &own, mg).into_iter().map(|w| (day.date, w)));
    }
    out
}

/// The doses grouped by nutrient and form.
fn dose_lines(doses: &[Supplement]) -> Vec<DoseLine> {
    let mut by: BTreeMap<(usize, Option<String>), Vec<&Supplement>> = BTreeMap::new();
    for s in doses {
        by.entry((s.nutrient.index(), s.form.clone())).or_default().push(s);
    }
    by.into_values()
        .map(|group| {
            let mut amounts: Vec<f64> = group.iter().map(|s| s.amount).collect();
            amounts.sort_by(f64::total_cmp);
            amounts.dedup();
            let mut dates: Vec<NaiveDate> = group.iter().map(|s| s.date).collect();
            dates.dedup();
            DoseLine {
                nutrient: group[0].nutrient,
                form: group[0].form.clone(),
                doses: group.len(),
                total: group.iter().map(|s| s.amount).sum(),
                amounts,
                days: dates.len(),
            }
        })
        .collect()
}

/// The bone nutrient most often short: the most logged days below the EAR (food and
/// supplements), ties broken by the largest gap to the target relative to it. Only a nutrient
/// whose average falls short of its target is weighed. Gives it, its days below the EAR and
/// the average gap.
pub fn most_short(stats: &PeriodStats) -> Option<(Nutrient, usize, f64)> {
    let mut best: Option<(Nutrient, usize, f64, f64)> = None;
    for n in BONE_NUTRIENTS {
        let s = stats.get(n);
        let (Some(avg), Some(target)) = (s.average, s.target) else { continue };
        let gap = target - avg;
        if gap <= 0.0 || target <= 0.0 {
            continue;
        }
        let below = s.below_ear.with_supplements;
        let relative = gap / target;
        let better = match best {
            None => true,
            Some((_, b, _, r)) => below > b || (below == b && relative > r),
        };
        if better {
            best = Some((n, below, gap, relative));
        }
    }
    best.map(|(n, below, gap, _)| (n, below, gap))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn the_previous_period_has_the_same_length_and_ends_the_day_before() {
        let p = Period::new(date(1, 5), date(1, 11));
        let dec29 = NaiveDate::from_ymd_opt(2025, 12, 29).unwrap();
        assert_eq!(previous(p), Period::new(dec29, date(1, 4)));
        let month = Period::new(date(3, 1), date(3, 30));
        assert_eq!(previous(month).len(), 30);
        assert_eq!(previous(month).last, date(2, 28));
    }

    #[test]
    fn the_most_short_is_the_most_days_below_the_ear_then_the_largest_gap() {
        use crate::domain::{Entry, Meal, NutrientValues, Profile};
        let profile = Profile::default();
        let entry = |d: NaiveDate, mg: f64, ca: f64| {
            let mut v = NutrientValues::unknown();
            v.set(Nutrient::Magnesium, Some(mg));
            v.set(Nutrient::Calcium, Some(ca));
            v.set(Nutrient::VitaminD, Some(100.0));
            Entry {
                id: 1,
                date: d,
                meal: Meal::Lunch,
                food_id: "1".into(),
                food_name: "x".into(),
                grams: 100.0,
                quantity: "100 g".into(),
                logged_at: String::new(),
                per_100g: v,
            }
        };
        let day =
            |d: u32, mg: f64, ca: f64| DaySummary::new(date(1, d), &[entry(date(1, d), mg, ca)], &profile);
        // Mg below its EAR (265) on both days; Ca below its EAR (800) on one.
        let days = [day(1, 200.0, 700.0), day(2, 200.0, 900.0)];
        let s = PeriodStats::of(Period::new(date(1, 1), date(1, 2)), &days);
        let (n, below, gap) = most_short(&s).unwrap();
        assert_eq!((n, below), (Nutrient::Magnesium, 2));
        assert!((gap - 120.0).abs() < 1e-9);
        // One day each: calcium's gap is 20% of its target, magnesium's 6%.
        let days = [day(1, 300.0, 700.0), day(2, 250.0, 900.0)];
        let s = PeriodStats::of(Period::new(date(1, 1), date(1, 2)), &days);
        assert_eq!(most_short(&s).map(|x| x.0), Some(Nutrient::Calcium));
        // At target everywhere: nothing to close.
        let days = [day(1, 400.0, 1200.0)];
        assert_eq!(most_short(&PeriodStats::of(Period::new(date(1, 1), date(1, 1)), &days)), None);
    }
}
