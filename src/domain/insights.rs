//! Insights: which foods gave a nutrient, and which foods would close the day's gap.

use std::collections::HashMap;

use super::browse::Basis;
use super::everyday::kind;
use super::food::{Entry, Food};
use super::nutrient::Nutrient;

/// A food's share of the day's amount of a nutrient.
#[derive(Debug, Clone, PartialEq)]
pub struct Contributor {
    pub name: String,
    pub amount: f64,
    /// Share of the day's known amount from food, 0-100.
    pub percent: f64,
}

/// The entries that gave the most of `n`, largest first (same food summed), at most `limit`.
pub fn contributors(entries: &[Entry], n: Nutrient, limit: usize) -> Vec<Contributor> {
    let mut by_food: Vec<(String, f64)> = Vec::new();
    for e in entries {
        let Some(v) = e.nutrients().get(n).filter(|v| *v > 0.0) else { continue };
        match by_food.iter_mut().find(|(name, _)| *name == e.food_name) {
            Some(slot) => slot.1 += v,
            None => by_food.push((e.food_name.clone(), v)),
        }
    }
    let total: f64 = by_food.iter().map(|(_, v)| v).sum();
    by_food.sort_by(|a, b| b.1.total_cmp(&a.1));
    by_food
        .into_iter()
        .take(limit)
        .map(|(name, amount)| Contributor {
            name,
            amount,
            percent: if total > 0.0 { amount / total * 100.0 } else { 0.0 },
        })
        .collect()
}

/// A food that would help close a gap: one serving of it, what it adds and its density.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub food: Food,
    /// The serving as it would be typed ("1 cup", "1 oz", "30 g").
    pub portion: String,
    pub grams: f64,
    pub adds: f64,
    /// The serving's energy, when the food's is known.
    pub kcal: Option<f64>,
    pub per_100kcal: Option<f64>,
    /// One of the user's own frequent foods.
    pub yours: bool,
}

/// Energy one serving may bring before its weight is scaled down: about an eighth of a
/// 2,000 kcal day, a snack or a side dish rather than a meal.
pub const KCAL_BUDGET: f64 = 250.0;
/// The share of a day's gap one serving is credited with at most: a gap is closed over the
/// day's meals, so a serving that alone covers it is worth no more than one that covers this.
pub const SHARE_OF_GAP: f64 = 1.0 / 3.0;
/// At most this many catalog suggestions from one food group, so a list spans kinds of food.
pub const PER_GROUP: usize = 3;
/// A kind of food USDA describes in this many forms or more (milk, cheese, salmon) counts as
/// fully familiar; one described once (sisymbrium seeds, dock) as half.
const FAMILIAR: usize = 5;

/// What a food outside USDA's survey list (FNDDS) is worth beside one on it: rarer foods
/// (lambsquarters, rennin desserts) still appear, after the ones people eat.
const UNSURVEYED: f64 = 0.8;

/// How much one suggestion is worth: what its serving adds, up to a share of the gap, scaled
/// down when the serving brings more energy than `KCAL_BUDGET`, by how familiar its kind of
/// food is (`forms`: how many of the weighed foods are of its kind), and by whether USDA's
/// dietary survey lists it.
fn weight(s: &Suggestion, gap: f64, forms: usize) -> f64 {
    let credited = s.adds.min(gap.max(0.0) * SHARE_OF_GAP);
    let energy = s.kcal.filter(|k| *k > KCAL_BUDGET).map_or(1.0, |k| KCAL_BUDGET / k);
    let familiar = 0.5 + 0.5 * forms.min(FAMILIAR) as f64 / FAMILIAR as f64;
    // USDA's Survey flag: the foods the national dietary survey records people eating.
    let eaten = if s.food.in_survey { 1.0 } else { UNSURVEYED };
    credited * energy * familiar * eaten
}

/// Foods to close `gap` of `n`: the user's frequent foods first (those that add something),
/// then `catalog` foods, each as one serving (`Food::serving`), by what that serving adds
/// within a share of the gap and an energy budget, familiar kinds of food first (see
/// `weight`), then by density; one food of each kind and
/// at most `PER_GROUP` from a food group. Which catalog foods are weighed is the caller's:
/// `everyday::is_everyday` is the default.
pub fn suggest(n: Nutrient, gap: f64, yours: &[Food], catalog: &[Food], limit: usize) -> Vec<Suggestion> {
    let make = |f: &Food, own: bool| -> Option<Suggestion> {
        let v = f.per_100g.get(n)?;
        let serving = f.serving();
        let adds = v * serving.grams / 100.0;
        (adds > 0.0 && adds.is_finite()).then(|| Suggestion {
            food: f.clone(),
            portion: serving.label_short(),
            grams: serving.grams,
            adds,
            kcal: f.per_100g.get(Nutrient::Energy).map(|k| k * serving.grams / 100.0),
            per_100kcal: Basis::Per100kcal.value(f, n),
            yours: own,
        })
    };
    let mut out: Vec<Suggestion> = yours.iter().filter_map(|f| make(f, true)).collect();
    out.sort_by(|a, b| b.adds.total_cmp(&a.adds));
    out.truncate(limit.div_ceil(2).max(1).min(limit));
    let mut rest: Vec<Suggestion> = catalog
        .iter()
        .filter(|f| !out.iter().any(|s| s.food.id == f.id))
        .filter_map(|f| make(f, false))
        .collect();
    // Foods eaten often are described in many forms (whole, 2 %, skim; raw, cooked, canned).
    let mut forms: HashMap<String, usize> = HashMap::new();
    for f in catalog {
        *forms.entry(kind(&f.name)).or_default() += 1;
    }
    let weigh = |s: &Suggestion| weight(s, gap, forms.get(&kind(&s.food.name)).copied().unwrap_or(1));
    rest.sort_by(|a, b| {
        weigh(b)
            .total_cmp(&weigh(a))
            .then(b.per_100kcal.unwrap_or(0.0).total_cmp(&a.per_100kcal.unwrap_or(0.0)))
            .then(a.food.id.cmp(&b.food.id))
    });
    let mut kinds: Vec<String> = out.iter().map(|s| kind(&s.food.name)).collect();
    let mut groups: Vec<&str> = Vec::new();
    for s in &rest {
        if out.len() >= limit {
            break;
        }
        let k = kind(&s.food.name);
        let in_group = groups.iter().filter(|g| **g == s.food.group).count();
        if !kinds.contains(&k) && in_group < PER_GROUP {
            kinds.push(k);
            groups.push(&s.food.group);
            out.push(s.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{Meal, NutrientValues, Portion};

    fn food(id: &str, name: &str, mg: f64, kcal: f64, portion: (&str, f64)) -> Food {
        let mut v = NutrientValues::unknown();
        v.set(Nutrient::Magnesium, Some(mg));
        v.set(Nutrient::Energy, Some(kcal));
        Food {
            id: id.into(),
            name: name.into(),
            group: "g".into(),
            common_names: String::new(),
            manufacturer: String::new(),
            in_survey: false,
            per_100g: v,
            portions: vec![
                Portion { amount: 1.0, description: portion.0.into(), grams: portion.1 },
                Portion { amount: 1.0, description: "cup".into(), grams: portion.1 * 4.0 },
            ],
        }
    }

    #[test]
    fn contributors_sum_by_food_and_rank() {
        let f = food("1", "Nuts, almonds", 270.0, 579.0, ("oz", 28.35));
        let e = |id, grams| Entry {
            id,
            date: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            meal: Meal::Lunch,
            food_id: f.id.clone(),
            food_name: f.name.clone(),
            grams,
            quantity: String::new(),
            logged_at: String::new(),
            per_100g: f.per_100g,
        };
        let mut spinach = e(3, 100.0);
        spinach.food_name = "Spinach, raw".into();
        spinach.per_100g.set(Nutrient::Magnesium, Some(79.0));
        let c = contributors(&[e(1, 10.0), e(2, 20.0), spinach], Nutrient::Magnesium, 5);
        assert_eq!(c[0].name, "Nuts, almonds");
        assert!((c[0].amount - 81.0).abs() < 1e-9);
        assert!((c[0].percent + c[1].percent - 100.0).abs() < 1e-9);
    }

    #[test]
    fn suggestions_put_your_foods_first_and_vary_kinds() {
        let yours = vec![food("y", "Spinach, raw", 79.0, 23.0, ("cup", 30.0))];
        let catalog = vec![
            food("a", "Seeds, pumpkin and squash seed kernels, dried", 592.0, 559.0, ("oz", 28.35)),
            food("b", "Seeds, pumpkin and squash seed kernels, roasted", 550.0, 574.0, ("oz", 28.35)),
            food("c", "Nuts, almonds", 270.0, 579.0, ("oz", 28.35)),
        ];
        let s = suggest(Nutrient::Magnesium, 200.0, &yours, &catalog, 3);
        assert!(s[0].yours);
        assert_eq!(s.iter().map(|s| s.food.id.as_str()).collect::<Vec<_>>(), vec!["y", "a", "c"]);
        assert!((s[1].adds - 592.0 * 0.2835).abs() < 1e-9);
        assert!(s[1].per_100kcal.unwrap() > 100.0);
    }
}
