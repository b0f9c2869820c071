//! Foods that would close a day's gap in one nutrient: the user's own frequent foods first,
//! then the catalog's richest per ordinary serving. The CLI's `suggest` and the app's
//! suggestions both come from here.

use chrono::NaiveDate;

use super::day::{day_report, DayReport};
use super::foods::Foods;
use crate::domain::absorption::kind_of_food;
use crate::domain::browse::Basis;
use crate::domain::day::DaySummary;
use crate::domain::everyday::is_everyday;
use crate::domain::insights::{suggest, Suggestion};
use crate::domain::Nutrient;
use crate::store::{Catalog, Diary, StoreError};

/// How many of the catalog foods richest per serving are weighed as suggestions.
pub const SUGGESTION_POOL: usize = 400;
/// How many foods richest per serving are read to find `SUGGESTION_POOL` everyday ones: the
/// richest servings are often restaurant plates, powders or branded products.
const POOL_READ: usize = 4000;
/// How many of the user's most logged foods are weighed as their own suggestions.
const YOUR_FOODS: usize = 20;

/// How many suggestions are weighed before the absorbable-calcium order picks its own.
pub const ABSORBABLE_POOL: usize = 50;

/// A suggestion's absorbable calcium: what its serving adds times the fraction absorbed
/// measured for its kind of food; None for a food not measured.
pub fn absorbable(s: &Suggestion) -> Option<f64> {
    kind_of_food(&s.food.id, &s.food.name, Some(&s.food.group)).map(|k| s.adds * k.fraction)
}

/// Calcium suggestions (weighed from a list of [`ABSORBABLE_POOL`]) in the absorbable order:
/// the foods of a measured kind by the absorbable calcium one serving adds, at most `limit`;
/// foods not measured are left out.
pub fn in_absorbable_order(list: Vec<Suggestion>, limit: usize) -> Vec<Suggestion> {
    let mut out: Vec<(f64, Suggestion)> =
        list.into_iter().filter_map(|s| Some((absorbable(&s)?, s))).collect();
    out.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.food.id.cmp(&y.1.food.id)));
    out.into_iter().take(limit).map(|(_, s)| s).collect()
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

/// The report for `date` and the foods for the gap it leaves in `n`, both read from one
/// state of the diary.
pub fn for_day(
    diary: &Diary,
    catalog: &Catalog,
    date: NaiveDate,
    n: Nutrient,
    limit: usize,
    all: bool,
) -> Result<(DayReport, GapSuggestions), StoreError> {
    diary.read(|d| {
        let report = day_report(d, date)?;
        let found = gap_suggestions(d, catalog, &report.summary, n, limit, all)?;
        Ok((report, found))
    })
}

/// Foods that would close the gap in `n` left by `summary`: the user's own frequent foods
/// first (as the catalog or their custom foods describe them), then the catalog's richest per
/// serving, everyday foods only unless `all` (`everyday::is_everyday`).
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
    let list = for_gap(diary, catalog, n, gap, limit, all)?;
    Ok(GapSuggestions { date: summary.date, nutrient: n, total, target, gap, list })
}

/// Foods that would close a gap of `gap` in `n` (a day's, or a period's average), by the
/// same rules as [`gap_suggestions`].
pub fn for_gap(
    diary: &Diary,
    catalog: &Catalog,
    n: Nutrient,
    gap: f64,
    limit: usize,
    all: bool,
) -> Result<Vec<Suggestion>, StoreError> {
    let foods = Foods::new(catalog, diary);
    let mut usage: Vec<(String, u32)> = diary.food_usage()?.into_iter().collect();
    usage.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    let mut yours = Vec::new();
    for (id, _) in usage.into_iter().take(YOUR_FOODS) {
        yours.extend(foods.by_id(&id)?);
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
    Ok(suggest(n, gap, &yours, &pool, limit))
}
