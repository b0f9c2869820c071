//! Recipes in the diary: a name, servings, the cooked weight, and the ingredient lines with
//! the figures each food had when the recipe was written. Replacing a recipe's ingredients
//! changes only what is logged of it from then on.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{Diary, StoreError};
use crate::domain::nutrient::{Nutrient, NutrientValues};
use crate::domain::recipe::{recipe_row, search_food, Ingredient, Recipe};
use crate::domain::Food;

/// The migration that adds the recipe tables.
pub(super) const MIGRATION: &str = include_str!("migrations/007_recipes.sql");

/// What a recipe is written with, before it has an id.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRecipe {
    pub name: String,
    pub servings: f64,
    pub weight: Option<f64>,
    pub ingredients: Vec<Ingredient>,
}

impl Diary {
    /// Writes a new recipe; None when a recipe of that name (in any case) exists already.
    pub fn add_recipe(&mut self, new: &NewRecipe, now: &str) -> Result<Option<Recipe>, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let Some(row) = insert_recipe_in(&tx, new, now)? else { return Ok(None) };
        tx.commit()?;
        self.recipe(&format!("r{row}"))
    }

    /// A recipe by food id ("r3") or by name (any case).
    pub fn recipe(&self, id_or_name: &str) -> Result<Option<Recipe>, StoreError> {
        let row = match recipe_row(id_or_name) {
            Some(row) => Some(row),
            None => find_row(&self.conn, id_or_name.trim())?,
        };
        match row {
            Some(row) => read_recipe(&self.conn, row),
            None => Ok(None),
        }
    }

    /// Every recipe, by name.
    pub fn recipes(&self) -> Result<Vec<Recipe>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT id FROM recipes ORDER BY name COLLATE NOCASE, id")?;
        let rows: Vec<i64> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        rows.into_iter().filter_map(|row| read_recipe(&self.conn, row).transpose()).collect()
    }

    /// Every recipe as a food to search, without portions.
    pub fn recipe_foods(&self) -> Result<Vec<Food>, StoreError> {
        Ok(self.recipes()?.iter().map(|r| search_food(r.id, r.name.clone(), r.per_100g())).collect())
    }

    /// Replaces a recipe's ingredients (and servings and weight) for what is logged of it
    /// from now on; entries logged before keep their figures.
    pub fn replace_recipe(&mut self, id: i64, new: &NewRecipe, now: &str) -> Result<Recipe, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let changed = tx.execute(
            "UPDATE recipes SET servings = ?2, weight_g = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, new.servings, new.weight, now],
        )?;
        if changed == 0 {
            return Err(StoreError::NoSuchFood(format!("r{id}")));
        }
        tx.execute("DELETE FROM recipe_ingredients WHERE recipe = ?1", [id])?;
        insert_ingredients_in(&tx, id, &new.ingredients)?;
        tx.commit()?;
        read_recipe(&self.conn, id)?.ok_or_else(|| StoreError::NoSuchFood(format!("r{id}")))
    }

    /// Renames a recipe; false when another recipe has the new name.
    pub fn rename_recipe(&mut self, id: i64, name: &str, now: &str) -> Result<bool, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if find_row(&tx, name)?.is_some_and(|other| other != id) {
            return Ok(false);
        }
        tx.execute("UPDATE recipes SET name = ?2, updated_at = ?3 WHERE id = ?1", params![id, name, now])?;
        tx.commit()?;
        Ok(true)
    }

    /// Removes a recipe; entries logged of it stay as they are.
    pub fn remove_recipe(&mut self, id: i64) -> Result<bool, StoreError> {
        Ok(self.conn.execute("DELETE FROM recipes WHERE id = ?1", [id])? > 0)
    }
}

/// The row of the recipe named `name`, in any case.
fn find_row(conn: &Connection, name: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .query_row("SELECT id FROM recipes WHERE name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1", [name], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Inserts a recipe with its ingredients inside the caller's transaction; None when the name
/// is taken.
pub(super) fn insert_recipe_in(
    tx: &Connection,
    new: &NewRecipe,
    now: &str,
) -> Result<Option<i64>, StoreError> {
    if find_row(tx, &new.name)?.is_some() {
        return Ok(None);
    }
    tx.execute(
        "INSERT INTO recipes (name, servings, weight_g, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        params![new.name, new.servings, new.weight, now],
    )?;
    let row = tx.last_insert_rowid();
    insert_ingredients_in(tx, row, &new.ingredients)?;
    Ok(Some(row))
}

fn insert_ingredients_in(tx: &Connection, row: i64, ingredients: &[Ingredient]) -> Result<(), StoreError> {
    for (i, ing) in ingredients.iter().enumerate() {
        tx.execute(
            "INSERT INTO recipe_ingredients (recipe, seq, food_id, food_name, quantity, grams, per_100g) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                row,
                i as i64 + 1,
                ing.food_id,
                ing.food_name,
                ing.quantity,
                ing.grams,
                figures_json(&ing.per_100g)
            ],
        )?;
    }
    Ok(())
}

fn read_recipe(conn: &Connection, row: i64) -> Result<Option<Recipe>, StoreError> {
    let head = conn
        .query_row("SELECT name, servings, weight_g FROM recipes WHERE id = ?1", [row], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)?, r.get::<_, Option<f64>>(2)?))
        })
        .optional()?;
    let Some((name, servings, weight)) = head else { return Ok(None) };
    let mut stmt = conn.prepare_cached(
        "SELECT food_id, food_name, quantity, grams, per_100g FROM recipe_ingredients WHERE recipe = ?1 ORDER BY seq",
    )?;
    let ingredients = stmt
        .query_map([row], |r| {
            Ok(Ingredient {
                food_id: r.get(0)?,
                food_name: r.get(1)?,
                quantity: r.get(2)?,
                grams: r.get(3)?,
                per_100g: figures_from_json(&r.get::<_, String>(4)?),
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Some(Recipe { id: row, name, servings, weight, ingredients }))
}

/// `{"energy_kcal": 579.0, "vitamin_d_ug": null, ..., "ala_undifferentiated": false}`, each
/// figure exactly as held.
pub fn figures_json(v: &NutrientValues) -> String {
    let mut map = serde_json::Map::new();
    for n in Nutrient::all() {
        map.insert(n.key().to_string(), serde_json::json!(v.get(n)));
    }
    map.insert("ala_undifferentiated".into(), v.1.ala_undifferentiated.into());
    serde_json::Value::Object(map).to_string()
}

/// The figures `figures_json` wrote; a key missing (a nutrient newer than the recipe) or not
/// a finite, non-negative number is unknown.
pub fn figures_from_json(text: &str) -> NutrientValues {
    let json: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let mut v = NutrientValues::unknown();
    for n in Nutrient::all() {
        v.set(
            n,
            json.get(n.key()).and_then(serde_json::Value::as_f64).filter(|x| x.is_finite() && *x >= 0.0),
        );
    }
    v.ala_marked(json.get("ala_undifferentiated").and_then(serde_json::Value::as_bool).unwrap_or(false))
}
