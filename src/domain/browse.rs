//! Browsing foods by nutrient: the bases a nutrient can be measured on (per 100 g, per
//! serving, per 100 kcal) and the value a food has on each.

use super::food::{Food, Portion};
use super::nutrient::Nutrient;

/// What a "richest in" list is measured per.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Per100g,
    /// One serving (`Food::serving`): the NLEA serving, else the household portion nearest an
    /// ordinary serving for the kind of food (FDA's reference amounts).
    Serving,
    /// Nutrient density: per 100 kcal of the food. Foods with no energy are left out.
    Per100kcal,
}

impl Basis {
    pub const ALL: [Basis; 3] = [Basis::Per100g, Basis::Serving, Basis::Per100kcal];

    /// "100g", "serving" or "100kcal" (also "100 g", "kcal").
    pub fn parse(text: &str) -> Option<Basis> {
        match text.trim().to_lowercase().replace(' ', "").as_str() {
            "100g" | "g" => Some(Basis::Per100g),
            "serving" | "portion" => Some(Basis::Serving),
            "100kcal" | "kcal" => Some(Basis::Per100kcal),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Per100g => "100g",
            Basis::Serving => "serving",
            Basis::Per100kcal => "100kcal",
        }
    }

    /// "per 100 g", "per serving", "per 100 kcal".
    pub fn label(self) -> &'static str {
        match self {
            Basis::Per100g => "per 100 g",
            Basis::Serving => "per serving",
            Basis::Per100kcal => "per 100 kcal",
        }
    }

    /// The next basis, for cycling in the app.
    pub fn next(self) -> Basis {
        match self {
            Basis::Per100g => Basis::Serving,
            Basis::Serving => Basis::Per100kcal,
            Basis::Per100kcal => Basis::Per100g,
        }
    }

    /// The food's amount of `n` on this basis; None when unknown or not measurable (no
    /// energy). Never infinite or NaN.
    pub fn value(self, food: &Food, n: Nutrient) -> Option<f64> {
        let v = food.per_100g.get(n)?;
        let out = match self {
            Basis::Per100g => v,
            Basis::Serving => v * food.serving().grams / 100.0,
            Basis::Per100kcal => {
                let kcal = food.per_100g.get(Nutrient::Energy).filter(|k| *k > 0.0)?;
                v * 100.0 / kcal
            }
        };
        out.is_finite().then_some(out)
    }
}

/// A food in a "richest in" list: its value on the basis, and the portion used for a serving.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub food: Food,
    pub value: f64,
    pub serving: Option<Portion>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::NutrientValues;

    fn food(mg: Option<f64>, kcal: Option<f64>, portions: Vec<Portion>) -> Food {
        let mut v = NutrientValues::unknown();
        v.set(Nutrient::Magnesium, mg);
        v.set(Nutrient::Energy, kcal);
        Food {
            id: "1".into(),
            name: "x".into(),
            group: "g".into(),
            common_names: String::new(),
            manufacturer: String::new(),
            in_survey: false,
            per_100g: v,
            portions,
        }
    }

    #[test]
    fn values_on_each_basis() {
        let cup = Portion { amount: 1.0, description: "cup".into(), grams: 30.0 };
        let nlea = Portion { amount: 1.0, description: "NLEA serving".into(), grams: 85.0 };
        let spinach = food(Some(79.0), Some(23.0), vec![cup.clone(), nlea]);
        assert_eq!(Basis::Per100g.value(&spinach, Nutrient::Magnesium), Some(79.0));
        assert!(
            (Basis::Serving.value(&spinach, Nutrient::Magnesium).unwrap() - 67.15).abs() < 1e-9,
            "NLEA wins"
        );
        assert!((Basis::Per100kcal.value(&spinach, Nutrient::Magnesium).unwrap() - 343.478).abs() < 1e-3);
        // Without an NLEA serving, the portion nearest an ordinary serving (85 g of vegetables),
        // or those 85 g when no portion is near it.
        let spinach = Food {
            group: "Vegetables and Vegetable Products".into(),
            ..food(Some(79.0), Some(23.0), vec![cup])
        };
        let two_cups = Portion { amount: 2.0, description: "cup".into(), grams: 60.0 };
        let both = Food { portions: vec![spinach.portions[0].clone(), two_cups], ..spinach.clone() };
        assert!((Basis::Serving.value(&spinach, Nutrient::Magnesium).unwrap() - 67.15).abs() < 1e-9);
        assert!((Basis::Serving.value(&both, Nutrient::Magnesium).unwrap() - 47.4).abs() < 1e-9);
    }

    #[test]
    fn no_energy_or_value_is_left_out() {
        let water = food(Some(2.0), Some(0.0), vec![]);
        assert_eq!(Basis::Per100kcal.value(&water, Nutrient::Magnesium), None);
        // A food with no household portion still has a serving: the ordinary amount in grams.
        assert_eq!(Basis::Serving.value(&water, Nutrient::Magnesium), Some(2.0));
        assert_eq!(Basis::Per100g.value(&food(None, Some(5.0), vec![]), Nutrient::Magnesium), None);
        assert_eq!(Basis::parse("100 kcal"), Some(Basis::Per100kcal));
        assert_eq!(Basis::parse("cup"), None);
    }
}
