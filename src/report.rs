//! A day and the week around it, read from the diary and summarised by the domain: the one
//! place the CLI's `day`, `week`, `suggest` and the app get their numbers from.

use chrono::{Days, NaiveDate};

use crate::domain::browse::Basis;
use crate::domain::day::{ca_mg_ratio, trend_stats, DaySummary};
use crate::domain::everyday::is_everyday;
use crate::domain::insights::{suggest, Suggestion};
use crate::domain::supplement::Supplement;
use crate::domain::warnings::{warnings, Warning};
use crate::domain::{Entry, Nutrient, Profile};
use crate::store::{Catalog, Diary, StoreError};

/// How many of the catalog foods richest per serving are weighed as suggestions.
pub const SUGGESTION_POOL: usize = 400;
/// How many foods richest per serving are read to find `SUGGESTION_POOL` everyday ones: the
/// richest servings are often restaurant plates, powders or branded products.
const POOL_READ: usize = 4000;
/// How many of the user's most logged foods are weighed as their own suggestions.
const YOUR_FOODS: usize = 20;

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
    let week = summaries(diary, date, 7, &profile)?;
    Ok(DayReport::new(date, profile, entries, supplements, week))
}

/// A day's remaining gap in one nutrient and the foods that would close it.
#[derive(Debug, Clone, PartialEq)]
pub struct GapSuggestions {
    pub date: NaiveDate,
    pub nutrient: Nutrient,
    /// The day's total so far, food and supplements.
    pub total: f64,
    pub target: Option<f64>,
    /// What is left to the target (0 when reached or without a target).
    pub gap: f64,
    pub list: Vec<Suggestion>,
}

/// Foods that would close the gap in `n` left by `summary`: the user's own frequent foods
/// first (as the catalog or their custom foods describe them), then the catalog's richest per
/// serving, everyday foods only unless `all` (`everyday::is_everyday`). The CLI's `suggest`
/// and the app's suggestions both come from here.
pub fn gap_suggestions(
    diary: &Diary,
    catalog: &Catalog,
    summary: &DaySummary,
    n: Nutrient,
    limit: usize,
    all: bool,
) -> Result<GapSuggestions, StoreError> {
    let target = summary.targets.get(n);
    let total = summary.totals.get(n);
    let gap = target.map_or(0.0, |t| (t - total).max(0.0));
    let mut usage: Vec<(String, u32)> = diary.food_usage()?.into_iter().collect();
    usage.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    let mut yours = Vec::new();
    for (id, _) in usage.into_iter().take(YOUR_FOODS) {
        let food = match crate::store::custom_row(&id) {
            Some(_) => diary.custom_food(&id)?,
            None => catalog.food(&id)?,
        };
        yours.extend(food);
    }
    let mut pool = Vec::new();
    // Drawn per serving, not per 100 g: per 100 g favours what is eaten by the teaspoon
    // (dried powders, spices), and what matters is what one ordinary serving adds.
    let mut ranked: Vec<_> = catalog
        .top_by(n, Basis::Serving, None, POOL_READ)?
        .into_iter()
        .filter(|r| all || is_everyday(&r.food))
        .take(SUGGESTION_POOL)
        .collect();
    if all {
        // Everything: the richest per 100 g too, which brings the spices and powders back.
        for r in catalog.top_by(n, Basis::Per100g, None, SUGGESTION_POOL / 4)? {
            if !ranked.iter().any(|x| x.food.id == r.food.id) {
                ranked.push(r);
            }
        }
    }
    for r in ranked {
        pool.extend(catalog.food(&r.food.id)?);
    }
    let list = suggest(n, gap, &yours, &pool, limit);
    Ok(GapSuggestions { date: summary.date, nutrient: n, total, target, gap, list })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_counts_supplements_and_warns() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
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
}
