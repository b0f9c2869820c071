//! The user's own foods, kept in the diary (the catalog is rebuildable, these are not), with
//! their household portions. Custom food ids are "c" and a number ("c1").

use rusqlite::{params, TransactionBehavior};

use super::unreadable::{raw_children, read_rows, Rows, Table, Unreadable};
use super::{nutrient_columns, nutrient_placeholders, read_nutrients, Diary, StoreError};
use crate::domain::{Food, NutrientValues, Portion};

/// The food group shown for custom foods.
pub const CUSTOM_GROUP: &str = "Custom foods";

/// The row id of a custom food id ("c12" -> 12).
pub fn custom_row(id: &str) -> Option<i64> {
    id.trim().strip_prefix(['c', 'C'])?.parse().ok().filter(|n| *n > 0)
}

impl Diary {
    /// Creates a custom food and returns it with its id.
    pub fn add_custom_food(
        &mut self,
        name: &str,
        per_100g: &NutrientValues,
        portions: &[Portion],
        now: &str,
    ) -> Result<Food, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let row = insert_custom_food_in(&tx, name, per_100g, portions, now)?;
        tx.commit()?;
        self.custom_food(&format!("c{row}"))?.ok_or_else(|| StoreError::NoSuchFood(format!("c{row}")))
    }

    /// Changes a custom food for future entries; entries already logged keep their figures.
    /// Only what is given changes: a new name, the figures that are `Some` in `changes`
    /// (the others stay as they are), the portions when given. The change is merged into
    /// the food as it is at that moment, inside one immediate transaction, so that edits of
    /// different figures made at the same time all land.
    pub fn edit_custom_food(
        &mut self,
        id: &str,
        name: Option<&str>,
        changes: &NutrientValues,
        portions: Option<&[Portion]>,
        now: &str,
    ) -> Result<Food, StoreError> {
        let row = custom_row(id).ok_or_else(|| StoreError::NoSuchFood(id.to_string()))?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let sets: Vec<String> = crate::domain::Nutrient::all()
            .enumerate()
            .map(|(i, n)| format!("{0} = coalesce(?{1}, {0})", n.key(), i + 4))
            .collect();
        let sql = format!(
            "UPDATE custom_foods SET name = coalesce(?2, name), updated_at = ?3, {} WHERE id = ?1",
            sets.join(", ")
        );
        let mut values: Vec<rusqlite::types::Value> =
            vec![row.into(), name.map(str::to_string).into(), now.to_string().into()];
        values.extend(changes.0.iter().map(|v| (*v).into()));
        if tx.execute(&sql, rusqlite::params_from_iter(values))? == 0 {
            return Err(StoreError::NoSuchFood(id.to_string()));
        }
        if let Some(portions) = portions {
            tx.execute("DELETE FROM custom_portions WHERE food = ?1", [row])?;
            insert_portions_in(&tx, row, portions)?;
        }
        tx.commit()?;
        self.custom_food(id)?.ok_or_else(|| StoreError::NoSuchFood(id.to_string()))
    }

    /// A custom food by id ("c1"), with its portions (one that cannot be read is an error
    /// naming it).
    pub fn custom_food(&self, id: &str) -> Result<Option<Food>, StoreError> {
        let Some(row) = custom_row(id) else { return Ok(None) };
        Ok(self.read_foods("WHERE id = ?1", [row])?.all()?.pop())
    }

    /// Every custom food (without portions), for search; one that cannot be read is an
    /// error naming it.
    pub fn custom_foods(&self) -> Result<Vec<Food>, StoreError> {
        let sql = format!("SELECT id, name, {} FROM custom_foods ORDER BY id", nutrient_columns());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        read_rows(&mut stmt, [], Table::CustomFoods, |r| {
            Ok(custom(r.get(0)?, r.get(1)?, read_nutrients(r, 2)?, Vec::new()))
        })?
        .all()
    }

    /// Every custom food with its portions, and apart from them those that cannot be read
    /// (a food, or one of its portions), left as they are.
    pub fn read_custom_foods(&self) -> Result<Rows<Food>, StoreError> {
        self.read_foods("", [])
    }

    fn read_foods(&self, filter: &str, params: impl rusqlite::Params) -> Result<Rows<Food>, StoreError> {
        const PORTIONS: &str =
            "SELECT food, amount, description, grams FROM custom_portions WHERE food = ?1 ORDER BY seq";
        let sql = format!("SELECT id, name, {} FROM custom_foods {filter} ORDER BY id", nutrient_columns());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let foods = read_rows(&mut stmt, params, Table::CustomFoods, |r| {
            Ok(custom(r.get(0)?, r.get(1)?, read_nutrients(r, 2)?, Vec::new()))
        })?;
        let mut out = Rows { rows: Vec::new(), unreadable: Vec::new() };
        for mut odd in foods.unreadable {
            odd.columns.extend(raw_children(&self.conn, PORTIONS, odd.id, "portions")?);
            out.unreadable.push(odd);
        }
        for mut food in foods.rows {
            let row = custom_row(&food.id).unwrap_or_default();
            let mut stmt = self.conn.prepare_cached(PORTIONS)?;
            let portions = read_rows(&mut stmt, [row], Table::CustomFoods, |r| {
                Ok(Portion { amount: r.get(1)?, description: r.get(2)?, grams: r.get(3)? })
            })?;
            match portions.unreadable.into_iter().next() {
                None => {
                    food.portions = portions.rows;
                    out.rows.push(food);
                }
                Some(bad) => {
                    let sql =
                        format!("SELECT id, name, {} FROM custom_foods WHERE id = ?1", nutrient_columns());
                    let mut columns = raw_children(&self.conn, &sql, row, "food")?;
                    // The food's own columns unprefixed, its portions after them.
                    for (c, _) in &mut columns {
                        *c = c.trim_start_matches("food[0].").to_string();
                    }
                    columns.extend(raw_children(&self.conn, PORTIONS, row, "portions")?);
                    let why = format!("a portion's {}", bad.why);
                    out.unreadable.push(Unreadable { table: Table::CustomFoods, id: row, why, columns });
                }
            }
        }
        Ok(out)
    }
}

/// Inserts a custom food and its portions inside the caller's transaction; returns its row.
pub(super) fn insert_custom_food_in(
    tx: &rusqlite::Connection,
    name: &str,
    per_100g: &NutrientValues,
    portions: &[Portion],
    now: &str,
) -> Result<i64, StoreError> {
    let sql = format!(
        "INSERT INTO custom_foods (name, created_at, updated_at, {}) VALUES (?1, ?2, ?2, {})",
        nutrient_columns(),
        nutrient_placeholders(3)
    );
    let mut values: Vec<rusqlite::types::Value> = vec![name.to_string().into(), now.to_string().into()];
    values.extend(super::nutrient_values(per_100g));
    tx.execute(&sql, rusqlite::params_from_iter(values))?;
    let row = tx.last_insert_rowid();
    insert_portions_in(tx, row, portions)?;
    Ok(row)
}

/// Writes a custom food's portions in order.
pub(super) fn insert_portions_in(
    tx: &rusqlite::Connection,
    row: i64,
    portions: &[Portion],
) -> Result<(), StoreError> {
    for (i, p) in portions.iter().enumerate() {
        tx.execute(
            "INSERT INTO custom_portions (food, seq, amount, description, grams) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![row, i as i64 + 1, p.amount, p.description, p.grams],
        )?;
    }
    Ok(())
}

pub(super) fn custom(row: i64, name: String, per_100g: NutrientValues, portions: Vec<Portion>) -> Food {
    Food {
        id: format!("c{row}"),
        name,
        group: CUSTOM_GROUP.to_string(),
        common_names: String::new(),
        manufacturer: String::new(),
        in_survey: false,
        per_100g,
        portions,
    }
}
