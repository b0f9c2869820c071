//! Recipes in marrow's export: each with its ingredient lines and the figures each food had
//! when the recipe was written, checked on import by the rules `marrow recipe add` follows.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{amount, bad, once, text, values, values_map, ImportError};
use crate::domain::quantity::MAX_GRAMS;
use crate::domain::recipe::{recipe_row, Ingredient, Recipe};
use crate::store::NewRecipe;

/// The longest recipe name, food id, food name and quantity an import takes.
const NAME_MAX: usize = 120;
const FOOD_ID_MAX: usize = 100;
const FOOD_NAME_MAX: usize = 1000;
const QUANTITY_MAX: usize = 200;
/// The most servings a recipe makes.
const SERVINGS_MAX: f64 = 1000.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecipeRecord {
    /// "r1": entries and saved meals name the recipe by it.
    pub id: String,
    pub name: String,
    pub servings: f64,
    /// The cooked dish's weight; null when not given (the ingredients' weight is used).
    pub weight_g: Option<f64>,
    pub ingredients: Vec<IngredientRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IngredientRecord {
    pub food_id: String,
    pub name: String,
    pub quantity: String,
    pub grams: f64,
    pub per_100g: BTreeMap<String, Option<f64>>,
    #[serde(default)]
    pub ala_undifferentiated: bool,
}

impl From<&Recipe> for RecipeRecord {
    fn from(r: &Recipe) -> Self {
        RecipeRecord {
            id: r.food_id(),
            name: r.name.clone(),
            servings: r.servings,
            weight_g: r.weight,
            ingredients: r
                .ingredients
                .iter()
                .map(|i| IngredientRecord {
                    food_id: i.food_id.clone(),
                    name: i.food_name.clone(),
                    quantity: i.quantity.clone(),
                    grams: i.grams,
                    per_100g: values_map(&i.per_100g),
                    ala_undifferentiated: i.per_100g.1.ala_undifferentiated,
                })
                .collect(),
        }
    }
}

/// Checks an export's recipes whole: (id in the file, the recipe to write).
pub fn validate(records: &[RecipeRecord]) -> Result<Vec<(String, NewRecipe)>, ImportError> {
    let (mut out, mut ids, mut names) = (Vec::new(), HashSet::new(), HashSet::new());
    for (i, r) in records.iter().enumerate() {
        let at = format!("recipes[{i}]");
        if recipe_row(&r.id).is_none() {
            return Err(bad(
                format!("{at}.id"),
                format!("{:?} is not a recipe id: use r1, r2 ...", crate::domain::clip(&r.id)),
            ));
        }
        once(&mut ids, format!("{at}.id"), &r.id)?;
        let name = text(&format!("{at}.name"), &r.name, NAME_MAX)?;
        once(&mut names, format!("{at}.name"), &name.to_lowercase())?;
        let servings = amount(&format!("{at}.servings"), r.servings, SERVINGS_MAX)?;
        let weight =
            r.weight_g.map(|w| amount(&format!("{at}.weight_g"), w, MAX_GRAMS * 100.0)).transpose()?;
        if r.ingredients.is_empty() {
            return Err(bad(format!("{at}.ingredients"), "a recipe holds at least one ingredient"));
        }
        let mut ingredients = Vec::with_capacity(r.ingredients.len());
        for (j, g) in r.ingredients.iter().enumerate() {
            let at = format!("{at}.ingredients[{j}]");
            ingredients.push(Ingredient {
                food_id: text(&format!("{at}.food_id"), &g.food_id, FOOD_ID_MAX)?,
                food_name: text(&format!("{at}.name"), &g.name, FOOD_NAME_MAX)?,
                quantity: text(&format!("{at}.quantity"), &g.quantity, QUANTITY_MAX)?,
                grams: amount(&format!("{at}.grams"), g.grams, MAX_GRAMS)?,
                per_100g: values(&at, &g.per_100g)?.ala_marked(g.ala_undifferentiated),
            });
        }
        out.push((r.id.clone(), NewRecipe { name, servings, weight, ingredients }));
    }
    Ok(out)
}
