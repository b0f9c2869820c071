//! What a person saves to log again with one step: meals (foods with their amounts as typed)
//! and supplement products (a dose of one nutrient). The store keeps them; the rules for
//! their names and contents live here.

use super::food::{Entry, Meal};
use super::nutrient::Nutrient;
use super::sane::{user_text, TextError};

/// The longest name a saved meal may have, in characters.
pub const MEAL_NAME_MAX: usize = 100;

/// A saved meal: a name and the foods with their amounts as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedMeal {
    pub name: String,
    /// (food id, quantity as typed), in the order they are logged.
    pub items: Vec<(String, String)>,
}

impl SavedMeal {
    /// The items of one meal of a day's entries, in logging order: what `meal save` keeps.
    pub fn items_of(entries: &[Entry], meal: Meal) -> Vec<(String, String)> {
        entries.iter().filter(|e| e.meal == meal).map(|e| (e.food_id.clone(), e.quantity.clone())).collect()
    }
}

/// A meal's name as it is kept (`sane::user_text`): trimmed, 1 to [`MEAL_NAME_MAX`]
/// characters, no control characters.
pub fn meal_name(name: &str) -> Result<String, TextError> {
    user_text(name, MEAL_NAME_MAX)
}

/// A supplement the user takes again and again.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    pub id: i64,
    pub name: String,
    pub nutrient: Nutrient,
    /// Elemental amount of one dose, in the nutrient's unit.
    pub amount: f64,
    pub form: Option<String>,
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::NutrientValues;

    fn entry(id: i64, meal: Meal, food: &str, quantity: &str) -> Entry {
        Entry {
            id,
            date: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            meal,
            food_id: food.into(),
            food_name: food.into(),
            grams: 30.0,
            quantity: quantity.into(),
            logged_at: String::new(),
            per_100g: NutrientValues::unknown(),
        }
    }

    #[test]
    fn a_saved_meal_keeps_one_meals_foods_in_logging_order() {
        let day = [
            entry(1, Meal::Breakfast, "12061", "30g"),
            entry(2, Meal::Lunch, "11457", "1 cup"),
            entry(3, Meal::Breakfast, "01079", "1 cup"),
        ];
        assert_eq!(
            SavedMeal::items_of(&day, Meal::Breakfast),
            vec![("12061".to_string(), "30g".to_string()), ("01079".to_string(), "1 cup".to_string())]
        );
        assert!(SavedMeal::items_of(&day, Meal::Dinner).is_empty());
    }

    #[test]
    fn meal_names_are_cleaned_and_bounded() {
        assert_eq!(meal_name("  usual breakfast ").as_deref(), Ok("usual breakfast"));
        assert_eq!(meal_name("usual\tbreakfast"), Err(TextError::Control), "refused, not silently changed");
        assert_eq!(meal_name(" \u{7} "), Err(TextError::Control));
        assert_eq!(meal_name("   "), Err(TextError::Empty));
        assert_eq!(meal_name(&"a".repeat(MEAL_NAME_MAX)).map(|n| n.len()), Ok(MEAL_NAME_MAX));
        assert_eq!(meal_name(&"a".repeat(MEAL_NAME_MAX + 1)), Err(TextError::TooLong(MEAL_NAME_MAX)));
    }
}
