//! What a person reads of a recipe: its ingredient lines, its figures per serving and per
//! 100 g, and which nutrients some ingredients lacked.

use super::amount::{grams, short_amounts, VitaminDUnit};
use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::food::trim_number as trim;
use crate::domain::recipe::Recipe;
use crate::domain::Nutrient;

/// "vitamin D unknown for 2 of 6 ingredients" for each nutrient some ingredients lack
/// (`shown` only), in their order.
pub fn unknown_counts(r: &Recipe, shown: &[Nutrient]) -> Vec<String> {
    let n = r.ingredients.len();
    shown
        .iter()
        .filter_map(|nu| {
            let k = r.unknown_for(*nu);
            (k > 0).then(|| format!("{} unknown for {k} of {n} ingredients", lower_first(nu.info().name)))
        })
        .collect()
}

/// The one-line summary a recipe is listed with: "r3  chili  6 servings of 350 g, 1 serving:
/// Mg 81.0 mg, Ca 80.7 mg, D ?".
pub fn summary(r: &Recipe, d: VitaminDUnit) -> String {
    format!(
        "{:<5} {}  {} of {} g (1 serving: {})",
        r.food_id(),
        r.name,
        servings(r.servings),
        grams(r.serving_grams()),
        short_amounts(&r.per_serving(), &BONE_NUTRIENTS, d, ", ")
    )
}

/// "6 servings", "1 serving", "2.5 servings".
pub fn servings(n: f64) -> String {
    format!("{} {}", trim(n), if n == 1.0 { "serving" } else { "servings" })
}

/// The recipe in full: its ingredient lines, the dish's weight, per serving and per 100 g,
/// and the nutrients some ingredients lacked.
pub fn show(r: &Recipe, d: VitaminDUnit) -> Vec<String> {
    let mut out = vec![format!("{} {}: {}", r.food_id(), r.name, servings(r.servings))];
    for i in &r.ingredients {
        out.push(format!(
            "  {} {} ({} g): {}",
            i.quantity,
            i.food_name,
            grams(i.grams),
            short_amounts(&i.nutrients(), &BONE_NUTRIENTS, d, ", ")
        ));
    }
    let weight = match r.weight {
        Some(w) => format!("{} g cooked (ingredients {} g)", grams(w), grams(r.raw_grams())),
        None => format!("{} g (the ingredients' weight)", grams(r.raw_grams())),
    };
    out.push(format!("weight: {weight}"));
    out.push(format!(
        "1 serving ({} g): {}",
        grams(r.serving_grams()),
        short_amounts(&r.per_serving(), &BONE_NUTRIENTS, d, ", ")
    ));
    out.push(format!("per 100 g: {}", short_amounts(&r.per_100g(), &BONE_NUTRIENTS, d, ", ")));
    let all: Vec<Nutrient> = Nutrient::all().collect();
    for line in unknown_counts(r, &all) {
        out.push(format!("  {line}"));
    }
    out
}

/// "Vitamin D" -> "vitamin D": a name inside a sentence.
fn lower_first(name: &str) -> String {
    let mut c = name.chars();
    c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
}

/// Under a day's totals, for each recipe logged that day whose entries lack a nutrient: "chili:
/// vitamin D unknown for 2 of 6 ingredients" (the recipe as it is now; `recipes` holds the
/// day's recipes that still exist).
pub fn day_lines(entries: &[crate::domain::Entry], recipes: &[Recipe]) -> Vec<String> {
    let mut out = Vec::new();
    for r in recipes {
        let id = r.food_id();
        let logged: Vec<_> = entries.iter().filter(|e| e.food_id == id).collect();
        let lacking: Vec<Nutrient> =
            Nutrient::all().filter(|n| logged.iter().any(|e| e.per_100g.get(*n).is_none())).collect();
        let counts = unknown_counts(r, &lacking);
        if !counts.is_empty() {
            out.push(format!(
                "{}: {}",
                logged.first().map_or(r.name.as_str(), |e| e.food_name.as_str()),
                counts.join(", ")
            ));
        }
    }
    out
}

/// The app's word when it made a recipe of a meal.
pub fn made(r: &Recipe) -> String {
    format!(
        "Made recipe {:?} ({}): {} ingredients, 1 serving of {} g; search finds it",
        r.name,
        r.food_id(),
        r.ingredients.len(),
        grams(r.serving_grams())
    )
}

/// The app's word when it could not: the name is taken (or the meal was empty).
pub fn not_made(name: &str) -> String {
    format!("No recipe made: a recipe named {name:?} exists already (or the meal is empty)")
}
