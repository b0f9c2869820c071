//! Foods for the app's drawing tests, built in memory: an id, a name, per-100 g magnesium,
//! calcium and vitamin D as SR28 gives them, and one cup portion.

use marrow::domain::{Food, Nutrient, NutrientValues, Portion};

/// Per-100 g figures as in SR28: (id, name, Mg, Ca, D µg).
pub fn food(id: &str, name: &str, mg: f64, ca: f64, d: Option<f64>) -> Food {
    let mut v = NutrientValues::unknown();
    v.set(Nutrient::Magnesium, Some(mg));
    v.set(Nutrient::Calcium, Some(ca));
    v.set(Nutrient::VitaminD, d);
    Food {
        id: id.into(),
        name: name.into(),
        group: "Test foods".into(),
        common_names: String::new(),
        manufacturer: String::new(),
        in_survey: false,
        per_100g: v,
        portions: vec![Portion { amount: 1.0, description: "cup".into(), grams: 244.0 }],
    }
}
