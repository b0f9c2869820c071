//! Recipes made in the app: the entries of one meal on one day, as they were logged, become
//! the ingredients of a recipe of one serving.

use chrono::NaiveDate;

use crate::domain::recipe::{Ingredient, Recipe};
use crate::domain::Meal;
use crate::store::{Diary, NewRecipe, StoreError};

/// Writes a recipe named `name` of `meal` on `date`, one serving, each entry an ingredient
/// with the figures it was logged with. None when a recipe has that name already or the
/// meal is empty (nothing written).
pub fn from_meal(
    diary: &mut Diary,
    name: &str,
    date: NaiveDate,
    meal: Meal,
    now: &str,
) -> Result<Option<Recipe>, StoreError> {
    let ingredients: Vec<Ingredient> = diary
        .read_entries(Some(date), Some(date))?
        .rows
        .into_iter()
        .filter(|e| e.meal == meal)
        .map(|e| Ingredient {
            food_id: e.food_id,
            food_name: e.food_name,
            quantity: e.quantity,
            grams: e.grams,
            per_100g: e.per_100g,
        })
        .collect();
    if ingredients.is_empty() {
        return Ok(None);
    }
    let new = NewRecipe { name: name.to_string(), servings: 1.0, weight: None, ingredients };
    diary.add_recipe(&new, now)
}
