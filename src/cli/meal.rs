//! `marrow meal save|log|list` and `marrow copy`: meals eaten again and again.

use clap::Subcommand;

use super::{CliError, Context};
use crate::domain::day::{copies, new_entry};
use crate::domain::{Meal, NewEntry};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum MealCommand {
    /// Save a day's meal under a name: marrow meal save breakfast-usual --meal breakfast
    Save {
        name: String,
        #[arg(long)]
        date: Option<String>,
        /// breakfast, lunch, dinner or snack
        #[arg(long)]
        meal: String,
    },
    /// Log a saved meal (with each food's current figures)
    Log {
        name: String,
        #[arg(long)]
        date: Option<String>,
        /// [default: the meal it was saved from, by time of day otherwise]
        #[arg(long)]
        meal: Option<String>,
    },
    /// List saved meals
    List,
}

#[derive(Debug, clap::Args)]
pub struct CopyArgs {
    /// The day to copy from, YYYY-MM-DD
    #[arg(long)]
    pub from: String,
    /// The day to copy to [default: today]
    #[arg(long)]
    pub to: Option<String>,
    /// Only this meal
    #[arg(long)]
    pub meal: Option<String>,
}

pub fn run(c: MealCommand, ctx: &Context) -> Result<(), CliError> {
    match c {
        MealCommand::Save { name, date, meal } => {
            let name = meal_name(&name)?;
            let date = ctx.date(date.as_deref())?;
            let meal: Meal = meal.parse()?;
            let mut diary = ctx.diary()?;
            let items: Vec<(String, String)> = diary
                .day_entries(date)?
                .into_iter()
                .filter(|e| e.meal == meal)
                .map(|e| (e.food_id, e.quantity))
                .collect();
            if items.is_empty() {
                return Err(CliError::Usage(format!("nothing logged for {meal} on {date} to save")));
            }
            diary.save_meal(&name, &items, &ctx.now())?;
            println!("saved {name:?}: {} items from {meal} on {date}", items.len());
            Ok(())
        }
        MealCommand::Log { name, date, meal } => {
            let date = ctx.date(date.as_deref())?;
            let meal = match meal {
                Some(m) => m.parse::<Meal>()?,
                None => ctx.current_meal(),
            };
            let mut diary = ctx.diary()?;
            let saved =
                diary.saved_meals()?.into_iter().find(|m| m.name == name.trim()).ok_or_else(|| {
                    CliError::Usage(format!(
                        "no saved meal {:?}: see `marrow meal list`",
                        super::context::short(&name)
                    ))
                })?;
            let catalog = ctx.catalog()?;
            let mut new: Vec<NewEntry> = Vec::new();
            for (food_id, quantity) in &saved.items {
                let food = ctx.food_by_id(&catalog, food_id)?.ok_or_else(|| {
                    CliError::Usage(format!("the saved meal names food {food_id}, which no longer exists"))
                })?;
                new.push(new_entry(&food, quantity, date, meal, ctx.now())?);
            }
            let added = diary.add_entries(&new)?;
            println!("logged {:?} to {meal} on {date}: {} entries", saved.name, added.len());
            Ok(())
        }
        MealCommand::List => {
            let meals = ctx.diary()?.saved_meals()?;
            if meals.is_empty() {
                println!("no saved meals: `marrow meal save NAME --meal breakfast`");
            }
            for m in meals {
                let items: Vec<String> = m.items.iter().map(|(f, q)| format!("{q} of {f}")).collect();
                println!("{}: {}", m.name, items.join(", "));
            }
            Ok(())
        }
    }
}

/// `marrow copy --from D --to D [--meal M]`: the entries as they were logged, to another day.
pub fn copy(a: CopyArgs, ctx: &Context) -> Result<(), CliError> {
    let from = ctx.date(Some(&a.from))?;
    let to = ctx.date(a.to.as_deref())?;
    let meal = a.meal.map(|m| m.parse::<Meal>()).transpose()?;
    let mut diary = ctx.diary()?;
    let new = copies(&diary.day_entries(from)?, to, meal, &ctx.now());
    if new.is_empty() {
        return Err(CliError::Usage(format!("nothing to copy from {from}")));
    }
    let added = diary.add_entries(&new)?;
    println!("copied {} entries from {from} to {to}", added.len());
    Ok(())
}

fn meal_name(name: &str) -> Result<String, CliError> {
    let n: String = name.chars().filter(|c| !c.is_control()).collect::<String>().trim().to_string();
    if n.is_empty() || n.chars().count() > 100 {
        return Err(CliError::Usage("a meal name needs 1 to 100 characters".into()));
    }
    Ok(n)
}
