//! `marrow meal save|log|list|rename|rm` and `marrow copy`: meals eaten again and again.

use clap::Subcommand;

use super::saved::SavedCommand;
use super::{CliError, Context};
use crate::domain::saved::meal_name as clean_meal_name;
use crate::domain::Meal;
use crate::service::meals;
use crate::store::Saved;

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
    List {
        #[arg(long)]
        json: bool,
    },
    /// Rename a saved meal: OLD NEW
    Rename { name: String, new_name: String },
    /// Remove a saved meal (what was logged of it stays)
    Rm { name: String },
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
            let saved = meals::save_from_day(&mut ctx.diary()?, &name, date, meal, &ctx.now())?;
            if saved == 0 {
                return Err(CliError::Usage(format!("nothing logged for {meal} on {date} to save")));
            }
            outln!("saved {name:?}: {saved} items from {meal} on {date}");
            Ok(())
        }
        MealCommand::Log { name, date, meal } => {
            let date = ctx.date(date.as_deref())?;
            let meal = match meal {
                Some(m) => m.parse::<Meal>()?,
                None => ctx.current_meal(),
            };
            let mut diary = ctx.diary()?;
            let saved = meals::find(&diary, &name)?.ok_or_else(|| {
                CliError::Usage(format!(
                    "no saved meal {:?}: see `marrow meal list`",
                    super::context::short(&name)
                ))
            })?;
            let added = meals::log_saved(&mut diary, &ctx.catalog()?, &saved, date, meal, &ctx.now())?;
            outln!("logged {:?} to {meal} on {date}: {} entries", saved.name, added.len());
            Ok(())
        }
        MealCommand::List { json } => super::saved::run(Saved::Meal, SavedCommand::List { json }, ctx),
        MealCommand::Rename { name, new_name } => super::saved::rename(Saved::Meal, &name, &new_name, ctx),
        MealCommand::Rm { name } => super::saved::remove(Saved::Meal, &name, ctx),
    }
}

/// `marrow copy --from D --to D [--meal M]`: the entries as they were logged, to another day.
pub fn copy(a: CopyArgs, ctx: &Context) -> Result<(), CliError> {
    let from = ctx.date(Some(&a.from))?;
    let to = ctx.date(a.to.as_deref())?;
    let meal = a.meal.map(|m| m.parse::<Meal>()).transpose()?;
    let added = meals::copy(&mut ctx.diary()?, from, to, meal, &ctx.now())?;
    if added.is_empty() {
        return Err(CliError::Usage(format!("nothing to copy from {from}")));
    }
    outln!("copied {} entries from {from} to {to}", added.len());
    Ok(())
}

fn meal_name(name: &str) -> Result<String, CliError> {
    clean_meal_name(name).map_err(|e| CliError::Usage(format!("the meal name {e}")))
}
