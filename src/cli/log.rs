//! `marrow log add|list|rm`: the diary's entries from the command line.

use clap::Subcommand;

use super::{json, print_json, table, CliError, Context};
use crate::domain::day::{new_entry, BONE_NUTRIENTS};
use crate::domain::{Entry, Meal};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum LogCommand {
    /// Log a food: marrow log add 12061 30g, marrow log add banana "1 medium"
    Add {
        /// Food id (e.g. 12061) or words (the best search match is used and named)
        food: String,
        #[arg(allow_hyphen_values = true)]
        /// How much: 30g, 1.5 oz, 0.5 lb, 2 kg, a bare number of grams, or a portion ("1 cup")
        quantity: String,
        /// Day to log to, YYYY-MM-DD [default: today]
        #[arg(long)]
        date: Option<String>,
        /// breakfast, lunch, dinner or snack [default: by time of day]
        #[arg(long)]
        meal: Option<String>,
        /// Print the entry as JSON
        #[arg(long)]
        json: bool,
    },
    /// List a day's entries
    List {
        /// YYYY-MM-DD [default: today]
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Remove an entry by its id
    Rm {
        /// Entry id, as shown by `marrow log list`
        entry_id: String,
    },
}

pub fn run(c: LogCommand, ctx: &Context) -> Result<(), CliError> {
    match c {
        LogCommand::Add { food, quantity, date, meal, json: as_json } => {
            // Read every input before touching the diary, so bad input changes nothing.
            let date = ctx.date(date.as_deref())?;
            let meal = match meal {
                Some(m) => m.parse::<Meal>()?,
                None => ctx.current_meal(),
            };
            let catalog = ctx.catalog()?;
            let (food, matched) = ctx.find_food(&catalog, &food)?;
            let new = new_entry(&food, &quantity, date, meal, ctx.now())?;
            let entry = ctx.diary()?.add_entry(&new)?;
            if as_json {
                let mut v = json::entry(&entry);
                v["matched_by_search"] = serde_json::json!(matched);
                return print_json(&v);
            }
            if matched {
                println!("using {} {}", food.id, food.name);
            }
            println!(
                "logged #{}: {} {} ({} g) to {} on {}: {}",
                entry.id,
                entry.quantity,
                entry.food_name,
                crate::domain::food::trim_number(entry.grams),
                entry.meal,
                entry.date,
                bone_line(&entry)
            );
            Ok(())
        }
        LogCommand::List { date, json: as_json } => {
            let date = ctx.date(date.as_deref())?;
            let entries = ctx.diary()?.day_entries(date)?;
            if as_json {
                return print_json(&serde_json::Value::Array(entries.iter().map(json::entry).collect()));
            }
            if entries.is_empty() {
                println!("no entries on {date}");
                return Ok(());
            }
            print!("{}", entries_table(&entries));
            Ok(())
        }
        LogCommand::Rm { entry_id } => {
            let id = super::context::parse_id(&entry_id, "an entry id", "marrow log list")?;
            let e = ctx.diary()?.remove_entry(id)?;
            println!("removed #{}: {} {} from {} on {}", e.id, e.quantity, e.food_name, e.meal, e.date);
            Ok(())
        }
    }
}

/// "Mg 81.0 mg, Ca 80.7 mg, D 0.0 µg" for one entry ("?" when unknown).
fn bone_line(e: &Entry) -> String {
    let v = e.nutrients();
    BONE_NUTRIENTS
        .iter()
        .map(|n| format!("{} {} {}", n.info().short, table::amount(*n, v.get(*n)), n.info().unit))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Entries as an aligned table with a meal column.
pub fn entries_table(entries: &[Entry]) -> String {
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            let v = e.nutrients();
            let mut r = vec![
                format!("#{}", e.id),
                e.meal.to_string(),
                table::fit(&e.food_name, 50),
                table::fit(&e.quantity, 16),
                crate::domain::food::trim_number(e.grams),
            ];
            r.extend(BONE_NUTRIENTS.iter().map(|n| table::amount(*n, v.get(*n))));
            r
        })
        .collect();
    table::render(&["id", "meal", "food", "amount", "g", "Mg mg", "Ca mg", "D µg"], &rows, 4)
}
