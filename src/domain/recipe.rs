//! Recipes: a food made of ingredients, each logged with the figures it had when the recipe
//! was written. The arithmetic of a recipe (its figures per 100 g, per serving, how many
//! ingredients lacked each nutrient) and the reading of an ingredient line live here.

use super::food::{Food, Portion};
use super::nutrient::{Nutrient, NutrientValues, COUNT};
use super::units::{mass_unit, volume_unit};

/// The food group shown for recipes.
pub const RECIPE_GROUP: &str = "Recipes";

/// The row id of a recipe's food id ("r12" -> 12).
pub fn recipe_row(id: &str) -> Option<i64> {
    id.trim().strip_prefix(['r', 'R'])?.parse().ok().filter(|n| *n > 0)
}

/// One ingredient as it was resolved when the recipe was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Ingredient {
    pub food_id: String,
    pub food_name: String,
    /// The amount as typed ("1 cup").
    pub quantity: String,
    pub grams: f64,
    /// The food's per-100 g figures at the time.
    pub per_100g: NutrientValues,
}

impl Ingredient {
    /// What this ingredient brings to the dish.
    pub fn nutrients(&self) -> NutrientValues {
        self.per_100g.scaled(self.grams)
    }
}

/// A recipe: its ingredients, how many servings it makes and, when weighed, the cooked dish's
/// weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Recipe {
    pub id: i64,
    pub name: String,
    pub servings: f64,
    /// The cooked dish's weight in grams, when given.
    pub weight: Option<f64>,
    pub ingredients: Vec<Ingredient>,
}

impl Recipe {
    /// The food id a recipe is logged and searched by ("r12").
    pub fn food_id(&self) -> String {
        format!("r{}", self.id)
    }

    /// The ingredients' grams added up.
    pub fn raw_grams(&self) -> f64 {
        self.ingredients.iter().map(|i| i.grams).sum()
    }

    /// The dish's weight: as weighed when given, else the ingredients' grams.
    pub fn total_grams(&self) -> f64 {
        self.weight.unwrap_or_else(|| self.raw_grams())
    }

    /// One serving's grams.
    pub fn serving_grams(&self) -> f64 {
        self.total_grams() / self.servings
    }

    /// How many ingredients have no figure for `n`.
    pub fn unknown_for(&self, n: Nutrient) -> usize {
        self.ingredients.iter().filter(|i| i.per_100g.get(n).is_none()).count()
    }

    /// The sum of what the ingredients that have a figure for each nutrient bring (None when
    /// none has one): `unknown_for` says how many lacked it.
    pub fn known_sum(&self) -> NutrientValues {
        let mut out = [None; COUNT];
        for ing in &self.ingredients {
            let v = ing.nutrients();
            for (o, x) in out.iter_mut().zip(v.0.iter()) {
                if let Some(x) = x {
                    *o = Some(o.unwrap_or(0.0) + x);
                }
            }
        }
        let ala = self.ingredients.iter().any(|i| i.per_100g.ala_undifferentiated());
        NutrientValues(out, Default::default()).ala_marked(ala)
    }

    /// The whole dish: a nutrient unknown for any ingredient is unknown (never counted as
    /// zero), the others the ingredients' sum.
    pub fn sum(&self) -> NutrientValues {
        let mut v = self.known_sum();
        for n in Nutrient::all() {
            if self.unknown_for(n) > 0 {
                v.set(n, None);
            }
        }
        v
    }

    /// Per 100 g of the dish as eaten: the sum over the dish's weight.
    pub fn per_100g(&self) -> NutrientValues {
        let total = self.total_grams();
        let mut v = self.sum();
        for x in v.0.iter_mut() {
            *x = x.map(|x| if total > 0.0 { x / total * 100.0 } else { 0.0 });
        }
        v
    }

    /// One serving's figures: the sum over the servings.
    pub fn per_serving(&self) -> NutrientValues {
        self.per_100g().scaled(self.serving_grams())
    }

    /// The recipe as a food to search and log: per-100 g figures of the dish and one portion,
    /// "1 serving".
    pub fn food(&self) -> Food {
        let mut food = search_food(self.id, self.name.clone(), self.per_100g());
        food.portions =
            vec![Portion { amount: 1.0, description: "serving".into(), grams: self.serving_grams() }];
        food
    }
}

/// A recipe as search knows it: id, name and figures, without portions.
pub fn search_food(row: i64, name: String, per_100g: NutrientValues) -> Food {
    Food {
        id: format!("r{row}"),
        name,
        group: RECIPE_GROUP.to_string(),
        common_names: String::new(),
        manufacturer: String::new(),
        in_survey: false,
        per_100g,
        portions: Vec::new(),
    }
}

/// What an ingredient line says: None for a blank line or a comment (#).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The food's words ("black beans cooked").
    pub food: String,
    /// The amount ("200 g", "1 cup"); None when the line starts with no number.
    pub amount: Option<String>,
}

/// Reads "200 g black beans cooked", "1 1/2 cups brown rice", "2 tbsp olive oil",
/// "1 medium banana": a number, then a unit (a mass or volume unit, or else one word naming a
/// portion when more words follow), then the food's words. A line that starts with no number
/// is all food words.
pub fn read_line(text: &str) -> Option<Line> {
    let t = text.trim();
    if t.is_empty() || t.starts_with('#') {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let is_number = |w: &str| {
        let w = w.trim_end_matches(|c: char| c.is_alphabetic());
        !w.is_empty()
            && w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '/')
            && w.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '.')
    };
    if !is_number(words[0]) {
        return Some(Line { food: t.to_string(), amount: None });
    }
    let mut n = 1;
    // "1 1/2 cups": a fraction after a whole number belongs to it.
    if words.len() > n && words[n].contains('/') && is_number(words[n]) {
        n += 1;
    }
    // "200g": the unit is glued to the number.
    let glued = words[n - 1].ends_with(|c: char| c.is_alphabetic());
    if !glued && words.len() > n + 1 {
        let two = words.get(n..n + 2).map(|w| w.join(" "));
        if two.as_deref().is_some_and(|w| volume_unit(w).is_some()) && words.len() > n + 2 {
            n += 2; // "fl oz"
        } else {
            n += 1; // "g", "cup", "medium"
        }
    } else if !glued && words.len() == n + 1 {
        let w = words[n].to_lowercase();
        if mass_unit(&w).is_some() || volume_unit(&w).is_some() {
            n += 1;
        }
    }
    let amount = words[..n].join(" ");
    let food = words[n..].join(" ");
    Some(Line { food, amount: Some(amount) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(t: &str) -> (String, Option<String>) {
        let l = read_line(t).unwrap();
        (l.food, l.amount)
    }

    #[test]
    fn lines_split_into_amount_and_food() {
        assert_eq!(line("200 g black beans cooked"), ("black beans cooked".into(), Some("200 g".into())));
        assert_eq!(line("200g black beans"), ("black beans".into(), Some("200g".into())));
        assert_eq!(line("1 1/2 cups brown rice"), ("brown rice".into(), Some("1 1/2 cups".into())));
        assert_eq!(line("2 tbsp olive oil"), ("olive oil".into(), Some("2 tbsp".into())));
        assert_eq!(line("2 fl oz milk"), ("milk".into(), Some("2 fl oz".into())));
        assert_eq!(line("1 medium banana"), ("banana".into(), Some("1 medium".into())));
        assert_eq!(line("30 g 12061"), ("12061".into(), Some("30 g".into())), "a food by id");
        assert_eq!(line("black beans"), ("black beans".into(), None), "no leading amount: all words");
        assert_eq!(read_line("  # a comment"), None);
        assert_eq!(read_line("   "), None);
    }

    fn ing(grams: f64, mg: Option<f64>, d: Option<f64>) -> Ingredient {
        let mut v = NutrientValues::unknown();
        v.set(Nutrient::Magnesium, mg);
        v.set(Nutrient::VitaminD, d);
        Ingredient { food_id: "1".into(), food_name: "x".into(), quantity: "q".into(), grams, per_100g: v }
    }

    #[test]
    fn arithmetic_per_serving_and_per_cooked_gram() {
        let mut r = Recipe {
            id: 3,
            name: "chili".into(),
            servings: 4.0,
            weight: None,
            ingredients: vec![ing(200.0, Some(50.0), None), ing(100.0, Some(20.0), Some(1.0))],
        };
        // 100 + 20 = 120 mg in 300 g.
        assert!((r.per_serving().get(Nutrient::Magnesium).unwrap() - 30.0).abs() < 1e-9);
        assert!((r.per_100g().get(Nutrient::Magnesium).unwrap() - 40.0).abs() < 1e-9);
        assert_eq!(r.per_100g().get(Nutrient::VitaminD), None, "unknown for one is unknown");
        assert_eq!(r.unknown_for(Nutrient::VitaminD), 1);
        assert_eq!(r.known_sum().get(Nutrient::VitaminD), Some(1.0));
        r.weight = Some(240.0);
        assert!((r.per_100g().get(Nutrient::Magnesium).unwrap() - 50.0).abs() < 1e-9);
        assert!((r.per_serving().get(Nutrient::Magnesium).unwrap() - 30.0).abs() < 1e-9);
        assert_eq!(r.food().portions[0].grams, 60.0);
        assert_eq!(recipe_row("r3"), Some(3));
        assert_eq!(recipe_row("c3"), None);
    }
}
