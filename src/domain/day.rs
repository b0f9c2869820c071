//! One day's picture: its entries' totals against the profile's targets. The gauges, the
//! `day` command and the trends all read this one summary.

use chrono::NaiveDate;

use super::absorption::Absorbable;
use super::food::{Entry, Food, Meal, NewEntry};
use super::nutrient::Nutrient;
use super::nutrient::COUNT;
use super::quantity;
use super::supplement::Supplement;
use super::targets::{Profile, Targets};
use super::totals::Totals;
use super::DomainError;

/// The nutrients marrow is about, in the order it shows them.
pub const BONE_NUTRIENTS: [Nutrient; 3] = [Nutrient::Magnesium, Nutrient::Calcium, Nutrient::VitaminD];

/// A day's totals (food and supplements) with the targets they are measured against.
#[derive(Debug, Clone, PartialEq)]
pub struct DaySummary {
    pub date: NaiveDate,
    /// Food and supplements together; `items` counts food entries only.
    pub totals: Totals,
    /// What supplements added, per nutrient (also inside `totals`).
    pub supplemental: [f64; COUNT],
    /// What vitamin A doses declared as retinol added (also inside `supplemental`): the only
    /// vitamin A its UL counts.
    pub retinol: f64,
    pub targets: Targets,
    pub ear: Targets,
    pub ul: Targets,
    /// The food entries' absorbable calcium, estimated per food (`absorption`).
    pub absorbable: Absorbable,
}

impl DaySummary {
    pub fn new(date: NaiveDate, entries: &[Entry], profile: &Profile) -> DaySummary {
        DaySummary::with_supplements(date, entries, &[], profile)
    }

    /// The day's summary, counting supplement doses in the totals and apart.
    pub fn with_supplements(
        date: NaiveDate,
        entries: &[Entry],
        supplements: &[Supplement],
        profile: &Profile,
    ) -> DaySummary {
        let mut totals = Totals::sum(entries.iter().map(Entry::nutrients));
        let mut supplemental = [0.0; COUNT];
        let mut retinol = 0.0;
        for s in supplements {
            supplemental[s.nutrient.index()] += s.amount;
            totals.known[s.nutrient.index()] += s.amount;
            if s.nutrient == Nutrient::VitaminA && super::supplement::is_retinol(s.form.as_deref()) {
                retinol += s.amount;
            }
        }
        DaySummary {
            date,
            totals,
            supplemental,
            retinol,
            targets: profile.targets(),
            ear: profile.ear(),
            ul: profile.ul(),
            absorbable: Absorbable::of(entries),
        }
    }

    /// Percent of the target reached for `n`, when it has a target.
    pub fn percent(&self, n: Nutrient) -> Option<f64> {
        self.totals.percent_of(n, self.targets.get(n))
    }

    /// Whether food was logged: a day with no food entry is not a logged day, even with
    /// supplement doses (its food is not known, not zero). Period figures count these days.
    pub fn logged(&self) -> bool {
        self.totals.items > 0
    }

    /// Whether supplement doses are the only thing logged: not a logged food day.
    pub fn supplements_only(&self) -> bool {
        !self.logged() && self.supplemental.iter().any(|x| *x > 0.0)
    }

    /// What the day's food alone gave of `n` (known values), supplements left out.
    pub fn food(&self, n: Nutrient) -> f64 {
        (self.totals.get(n) - self.supplemental[n.index()]).max(0.0)
    }

    /// What `n`'s UL is held against: the day's total, or only the doses its UL counts
    /// (`targets::ul_counts`).
    pub fn against_ul(&self, n: Nutrient) -> f64 {
        match super::targets::ul_counts(n) {
            super::targets::UlCounts::Total => self.totals.get(n),
            super::targets::UlCounts::Supplements => self.supplement(n),
            super::targets::UlCounts::RetinolSupplements => self.retinol,
        }
    }

    /// What supplements gave of `n`.
    pub fn supplement(&self, n: Nutrient) -> f64 {
        self.supplemental[n.index()]
    }

    /// Whether some food item of the day has no value for `n`: its total is then a lower
    /// bound (the unknown part is never taken as zero).
    pub fn partly_unknown(&self, n: Nutrient) -> bool {
        self.totals.unknown(n) > 0
    }
}

/// Calcium to magnesium ratio by weight over the logged food days among `days`, food and
/// supplements together (sums, not an average of ratios).
pub fn ca_mg_ratio<'a>(days: impl IntoIterator<Item = &'a DaySummary>) -> Option<f64> {
    let (mut mg, mut ca) = (0.0, 0.0);
    for d in days.into_iter().filter(|d| d.logged()) {
        mg += d.totals.get(Nutrient::Magnesium);
        ca += d.totals.get(Nutrient::Calcium);
    }
    (mg > 0.0).then(|| ca / mg)
}

/// The entries of a day (of one meal, if given) copied to another day as they were logged,
/// figures included: what `marrow copy` and the app's "copy yesterday's meal" both do.
pub fn copies(entries: &[Entry], to: NaiveDate, meal: Option<Meal>, logged_at: &str) -> Vec<NewEntry> {
    entries
        .iter()
        .filter(|e| meal.is_none_or(|m| e.meal == m))
        .map(|e| NewEntry {
            date: to,
            meal: e.meal,
            food_id: e.food_id.clone(),
            food_name: e.food_name.clone(),
            grams: e.grams,
            quantity: e.quantity.clone(),
            logged_at: logged_at.to_string(),
            per_100g: e.per_100g,
        })
        .collect()
}

/// Builds the entry for `quantity` of `food`, resolving the quantity against its portions.
pub fn new_entry(
    food: &Food,
    quantity_text: &str,
    date: NaiveDate,
    meal: Meal,
    logged_at: String,
) -> Result<NewEntry, DomainError> {
    let resolved = quantity::resolve(quantity_text, &food.portions)?;
    Ok(entry_of_grams(food, quantity_text, resolved.grams, date, meal, logged_at))
}

/// The entry for `grams` of `food`, already resolved (a portion picked from a list), keeping
/// `quantity_text` as the words it was logged with.
pub fn entry_of_grams(
    food: &Food,
    quantity_text: &str,
    grams: f64,
    date: NaiveDate,
    meal: Meal,
    logged_at: String,
) -> NewEntry {
    NewEntry {
        date,
        meal,
        food_id: food.id.clone(),
        food_name: food.name.clone(),
        grams,
        quantity: quantity_text.trim().to_string(),
        logged_at,
        per_100g: food.per_100g,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nutrient::NutrientValues;
    use crate::domain::Portion;

    fn almonds() -> Food {
        let mut v = NutrientValues::unknown();
        v.set(Nutrient::Magnesium, Some(270.0));
        v.set(Nutrient::Calcium, Some(269.0));
        v.set(Nutrient::VitaminD, Some(0.0));
        Food {
            id: "12061".into(),
            name: "Nuts, almonds".into(),
            group: "Nut and Seed Products".into(),
            common_names: String::new(),
            manufacturer: String::new(),
            in_survey: false,
            per_100g: v,
            portions: vec![Portion { amount: 1.0, description: "cup, whole".into(), grams: 143.0 }],
        }
    }

    #[test]
    fn entry_from_quantity_and_summary() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let e = new_entry(&almonds(), " 30g ", d, Meal::Snack, "t".into()).unwrap();
        assert_eq!(e.grams, 30.0);
        assert_eq!(e.quantity, "30g");
        let entry = Entry {
            id: 1,
            date: e.date,
            meal: e.meal,
            food_id: e.food_id,
            food_name: e.food_name,
            grams: e.grams,
            quantity: e.quantity,
            logged_at: e.logged_at,
            per_100g: e.per_100g,
        };
        let s = DaySummary::new(d, &[entry], &Profile::default());
        assert!((s.totals.get(Nutrient::Magnesium) - 81.0).abs() < 1e-9);
        assert!((s.totals.get(Nutrient::Calcium) - 80.7).abs() < 1e-9);
        assert!((s.percent(Nutrient::Magnesium).unwrap() - 81.0 / 320.0 * 100.0).abs() < 1e-9);
        assert_eq!(s.totals.unknown(Nutrient::Zinc), 1);
    }

    #[test]
    fn bad_quantity_makes_no_entry() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert!(new_entry(&almonds(), "3 parsecs", d, Meal::Snack, "t".into()).is_err());
    }
}
