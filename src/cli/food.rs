//! `marrow food show ID [--json]`: a food's figures per 100 g and its household portions.

use clap::Subcommand;

use super::{json, print_json, table, CliError, Context};
use crate::domain::food::trim_number;
use crate::domain::nutrient::NUTRIENTS;

#[derive(Debug, Subcommand)]
pub enum FoodCommand {
    /// Show a food's nutrients per 100 g and its portions
    Show {
        /// Food id (USDA NDB number, e.g. 12061)
        id: String,
        /// Print JSON: the search object plus "portions"
        #[arg(long)]
        json: bool,
    },
}

pub fn run(c: FoodCommand, ctx: &Context) -> Result<(), CliError> {
    let FoodCommand::Show { id, json: as_json } = c;
    let catalog = ctx.catalog()?;
    let food = catalog.food(&id)?.ok_or_else(|| {
        CliError::Usage(format!(
            "no food with id {:?}: try `marrow search WORDS` to find its id",
            super::context::short(&id)
        ))
    })?;
    if as_json {
        return print_json(&json::food_with_portions(&food));
    }
    println!("{}  {}", food.id, food.name);
    println!("{}", food.group);
    if !food.common_names.is_empty() {
        println!("also: {}", food.common_names);
    }
    println!();
    let rows: Vec<Vec<String>> = NUTRIENTS
        .iter()
        .map(|i| {
            vec![
                i.name.to_string(),
                table::amount(i.nutrient, food.per_100g.get(i.nutrient)),
                i.unit.to_string(),
            ]
        })
        .collect();
    print!("{}", table::render(&["per 100 g", "", ""], &rows, 1));
    if !food.portions.is_empty() {
        println!();
        let rows: Vec<Vec<String>> = food
            .portions
            .iter()
            .map(|p| {
                vec![
                    format!("{} {}", trim_number(p.amount), p.description),
                    format!("{} g", trim_number(p.grams)),
                ]
            })
            .collect();
        print!("{}", table::render(&["portions", "grams"], &rows, 1));
    }
    Ok(())
}
