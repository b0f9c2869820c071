//! Insights: which foods gave a nutrient, and which foods would close the day's gap.

use super::browse::Basis;
use super::food::{Entry, Food, Portion};
use super::nutrient::Nutrient;
use super::search;

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

/// A food that would help close a gap: the portion, what it adds and its density.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub food: Food,
    pub portion: String,
    pub grams: f64,
    pub adds: f64,
    pub per_100kcal: Option<f64>,
    /// One of the user's own frequent foods.
    pub yours: bool,
}

/// The portion people eat at once: the largest household portion of at most 200 kcal (an
/// ounce of seeds, a cup of greens), else the smallest one, else 100 g.
pub fn sensible_portion(food: &Food) -> (String, f64) {
    let kcal = |p: &Portion| food.per_100g.get(Nutrient::Energy).map(|k| k * p.grams / 100.0);
    let usable = || food.portions.iter().filter(|p| p.grams > 0.0 && p.amount > 0.0);
    let pick = usable()
        .filter(|p| p.grams <= 250.0 && kcal(p).is_none_or(|k| k <= 200.0))
        .max_by(|a, b| a.grams.total_cmp(&b.grams))
        .or_else(|| usable().min_by(|a, b| a.grams.total_cmp(&b.grams)));
    match pick {
        Some(p) => (p.label_short(), p.grams),
        None => ("100 g".to_string(), 100.0),
    }
}

/// Foods to close `gap` of `n`: the user's frequent foods first (those that add something),
/// then catalog foods by how much of the gap one sensible portion closes, one per kind of food.
pub fn suggest(n: Nutrient, gap: f64, yours: &[Food], catalog: &[Food], limit: usize) -> Vec<Suggestion> {
    let make = |f: &Food, own: bool| -> Option<Suggestion> {
        let v = f.per_100g.get(n)?;
        let (portion, grams) = sensible_portion(f);
        let adds = v * grams / 100.0;
        (adds > 0.0).then(|| Suggestion {
            food: f.clone(),
            portion,
            grams,
            adds,
            per_100kcal: Basis::Per100kcal.value(f, n),
            yours: own,
        })
    };
    let mut out: Vec<Suggestion> = yours.iter().filter_map(|f| make(f, true)).collect();
    out.sort_by(|a, b| b.adds.total_cmp(&a.adds));
    out.truncate(limit.div_ceil(2).max(1));
    // Everyday foods: not branded or from a special group, a plain name, and several
    // household portions (USDA measures common foods more ways).
    let everyday = |f: &Food| {
        let (special, segments, _) = search::prior(f);
        !special && segments <= 2 && f.portions.len() >= 2
    };
    let mut rest: Vec<Suggestion> = catalog
        .iter()
        .filter(|f| everyday(f) && !out.iter().any(|s| s.food.id == f.id))
        .filter_map(|f| make(f, false))
        .collect();
    // How much of the gap one portion closes; overshooting far past it helps no one.
    let closes = |s: &Suggestion| s.adds.min(gap.max(1.0)) - 0.5 * (s.adds - 2.0 * gap.max(1.0)).max(0.0);
    rest.sort_by(|a, b| {
        closes(b)
            .total_cmp(&closes(a))
            .then(b.per_100kcal.unwrap_or(0.0).total_cmp(&a.per_100kcal.unwrap_or(0.0)))
    });
    let mut kinds: Vec<String> = out.iter().map(|s| kind(&s.food.name)).collect();
    for s in rest {
        if out.len() >= limit {
            break;
        }
        let k = kind(&s.food.name);
        if !kinds.contains(&k) {
            kinds.push(k);
            out.push(s);
        }
    }
    out
}

/// "Seeds, pumpkin and squash seed kernels, dried" -> "seeds, pumpkin and squash seed kernels":
/// the first two segments name the kind of food.
fn kind(name: &str) -> String {
    name.split(',').take(2).collect::<Vec<_>>().join(",").to_lowercase()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{Meal, NutrientValues};

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
