//! `marrow log add|list|rm`: the diary's entries from the command line.

use clap::Subcommand;

use super::pick::{self, Request};
use super::{json, print_json, table, CliError, Context};
use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::{Entry, Meal, NutrientValues};
use crate::present::{self, VitaminDUnit};
use crate::service::{record, Foods};
use crate::store::StoreError;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum LogCommand {
    /// Log a food: marrow log add 12061 30g, marrow log add banana "1 medium"
    ///
    /// Words log the best search match only when it is clearly the food meant; otherwise the
    /// close candidates are listed (exit 2) with what the amount of each adds, and --pick N
    /// takes one. An id always logs directly.
    Add {
        /// Food id (e.g. 12061) or words (e.g. "brown rice"); the food logged is always named
        food: String,
        #[arg(allow_hyphen_values = true)]
        /// How much: 30g, 1.5 oz, 1 cup, 2 tbsp, 150 ml, a portion ("1 medium") or grams
        /// [default: the amount last logged of this food]
        quantity: Option<String>,
        /// Day to log to, YYYY-MM-DD [default: today]
        #[arg(long)]
        date: Option<String>,
        /// breakfast, lunch, dinner or snack [default: by time of day]
        #[arg(long)]
        meal: Option<String>,
        /// Take candidate N of the list a close call prints
        #[arg(long, value_name = "N")]
        pick: Option<usize>,
        /// Print the entry as JSON (a close call: {"error":"ambiguous","candidates":[...]})
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
        LogCommand::Add { food, quantity, date, meal, pick, json: as_json } => {
            let (food, quantity) = amount_first(food, quantity);
            // Read every input before touching the diary, so bad input changes nothing.
            let date = ctx.date(date.as_deref())?;
            let meal = match meal {
                Some(m) => m.parse::<Meal>()?,
                None => ctx.current_meal(),
            };
            let catalog = ctx.catalog()?;
            let mut diary = ctx.diary()?;
            let request = Request {
                food: &food,
                quantity: quantity.as_deref(),
                pick,
                json: as_json,
                vitamin_d: ctx.config.units.vitamin_d,
            };
            let line = pick::resolve(&Foods::new(&catalog, &diary), &diary, &request)?;
            let entry = record::log_food(&mut diary, &line.food, &line.quantity, date, meal, &ctx.now())?;
            if as_json {
                let mut v = json::entry(&entry);
                v["matched_by_search"] = serde_json::json!(line.matched);
                v["remembered_amount"] = serde_json::json!(line.remembered);
                return print_json(&v);
            }
            if line.matched {
                outln!("using {} {}", line.food.id, line.food.name);
            }
            if line.remembered {
                outln!("using the amount you last logged of it: {}", line.quantity);
            }
            outln!(
                "logged #{}: {} {} ({} g) to {} on {}: {}",
                entry.id,
                entry.quantity,
                entry.food_name,
                present::grams(entry.grams),
                entry.meal,
                entry.date,
                bone_values(&entry.nutrients(), ctx.config.units.vitamin_d)
            );
            Ok(())
        }
        LogCommand::List { date, json: as_json } => {
            let date = ctx.date(date.as_deref())?;
            // An entry that cannot be read is named on stderr; the rest of the day is listed.
            let read = ctx.diary_for_reading()?.read_entries(Some(date), Some(date))?;
            super::transfer::warn_unreadable(&read.unreadable, "left as it is");
            let (entries, odd) = (read.rows, read.unreadable.len());
            if as_json {
                return print_json(&serde_json::Value::Array(entries.iter().map(json::entry).collect()));
            }
            if entries.is_empty() {
                let readable = if odd > 0 { " that could be read" } else { "" };
                outln!("no entries{readable} on {date}");
                return Ok(());
            }
            out!("{}", entries_table(&entries, ctx.config.units.vitamin_d));
            Ok(())
        }
        LogCommand::Rm { entry_id } => {
            let id = super::context::parse_id(&entry_id, "an entry id", "marrow log list")?;
            let mut diary = ctx.diary()?;
            let e = match diary.remove_entry(id) {
                Err(StoreError::NoSuchEntry(_)) => return Err(StoreError::NoSuchEntry(id).into()),
                // A row marrow cannot read is removed as it is, since it was asked for by id.
                Err(e) => match diary.remove_unreadable_entry(id)? {
                    Some(odd) => {
                        outln!("removed #{id}, which could not be read ({})", odd.why);
                        return Ok(());
                    }
                    None => return Err(e.into()),
                },
                Ok(e) => e,
            };
            outln!("removed #{}: {} {} from {} on {}", e.id, e.quantity, e.food_name, e.meal, e.date);
            Ok(())
        }
    }
}

/// One line with the amount first, "1 serving chili" or "200 g black beans", read as the
/// food and its amount, when no amount was given apart and the amount has a unit.
fn amount_first(food: String, quantity: Option<String>) -> (String, Option<String>) {
    if quantity.is_none() {
        if let Some(line) = crate::domain::recipe::read_line(&food) {
            let unit = line.amount.as_deref().is_some_and(|a| a.chars().any(char::is_alphabetic));
            if unit && !line.food.is_empty() {
                return (line.food, line.amount);
            }
        }
    }
    (food, quantity)
}

/// "Mg 81.0 mg, Ca 80.7 mg, D 0.0 µg" for an amount of food ("?" when unknown).
pub(super) fn bone_values(v: &NutrientValues, d: VitaminDUnit) -> String {
    present::short_amounts(v, &BONE_NUTRIENTS, d, ", ")
}

/// Entries as an aligned table with a meal column.
pub fn entries_table(entries: &[Entry], d: VitaminDUnit) -> String {
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            let v = e.nutrients();
            let mut r = vec![
                format!("#{}", e.id),
                e.meal.to_string(),
                table::fit(&e.food_name, 50),
                table::fit(&e.quantity, 16),
                present::grams(e.grams),
            ];
            r.extend(BONE_NUTRIENTS.iter().map(|n| present::figure(*n, v.get(*n), d)));
            r
        })
        .collect();
    let heads = BONE_NUTRIENTS.map(|n| present::column_head(n, d));
    let header: Vec<&str> =
        ["id", "meal", "food", "amount", "g"].into_iter().chain(heads.iter().map(String::as_str)).collect();
    table::render(&header, &rows, 4)
}
