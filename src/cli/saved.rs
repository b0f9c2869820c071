//! `marrow food custom list|rename|rm`, `marrow supplement product list|rename|rm` and
//! `marrow meal rename|rm`: what the user saved, listed, renamed (a name taken by another of
//! the same kind is refused) and removed (entries and doses logged stay as they are).

use clap::Subcommand;
use serde_json::json;

use super::{print_json, CliError, Context};
use crate::present;
use crate::service::saved;
use crate::store::Saved;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum SavedCommand {
    /// List them
    List {
        #[arg(long)]
        json: bool,
    },
    /// Rename one: OLD (its name, or a custom food's id) NEW
    Rename { name: String, new_name: String },
    /// Remove one (what was logged of it stays)
    Rm { name: String },
}

pub fn run(kind: Saved, c: SavedCommand, ctx: &Context) -> Result<(), CliError> {
    match c {
        SavedCommand::List { json: as_json } => list(kind, as_json, ctx),
        SavedCommand::Rename { name, new_name } => rename(kind, &name, &new_name, ctx),
        SavedCommand::Rm { name } => remove(kind, &name, ctx),
    }
}

pub fn rename(kind: Saved, name: &str, new_name: &str, ctx: &Context) -> Result<(), CliError> {
    let outcome = saved::rename(&mut ctx.diary()?, kind, name, new_name, &ctx.now())?;
    told(kind, &outcome)
}

pub fn remove(kind: Saved, name: &str, ctx: &Context) -> Result<(), CliError> {
    let outcome = saved::remove(&mut ctx.diary()?, kind, name)?;
    told(kind, &outcome)
}

/// Says what was done, or refuses with the reason.
fn told(kind: Saved, outcome: &saved::Outcome) -> Result<(), CliError> {
    match present::saved::said(kind, outcome) {
        (text, true) => Err(CliError::Usage(text)),
        (text, false) => {
            outln!("{text}");
            Ok(())
        }
    }
}

fn list(kind: Saved, as_json: bool, ctx: &Context) -> Result<(), CliError> {
    let diary = ctx.diary_for_reading()?;
    let d = ctx.config.units.vitamin_d;
    let (rows, values): (Vec<String>, Vec<serde_json::Value>) = match kind {
        Saved::Meal => diary
            .saved_meals()?
            .into_iter()
            .map(|m| {
                let items: Vec<String> = m.items.iter().map(|(f, q)| format!("{q} of {f}")).collect();
                let v = json!({"name": m.name, "items": m.items.iter().map(|(f, q)| json!({"food_id": f, "quantity": q})).collect::<Vec<_>>()});
                (format!("{}: {}", m.name, items.join(", ")), v)
            })
            .unzip(),
        Saved::CustomFood => diary
            .custom_foods()?
            .into_iter()
            .map(|f| (format!("{:<5} {}", f.id, f.name), json!({"id": f.id, "name": f.name})))
            .unzip(),
        Saved::Product => diary
            .products()?
            .into_iter()
            .map(|p| {
                let dose = present::dose(p.nutrient, p.amount, p.form.as_deref(), d);
                let v = json!({"name": p.name, "nutrient": p.nutrient.key(), "amount": p.amount, "form": p.form});
                (format!("{}: {dose}", p.name), v)
            })
            .unzip(),
    };
    if as_json {
        return print_json(&serde_json::Value::Array(values));
    }
    if rows.is_empty() {
        outln!(
            "{}",
            match kind {
                Saved::Meal => "no saved meals: `marrow meal save NAME --meal breakfast`",
                Saved::CustomFood => "no custom foods: `marrow food add NAME --per-100g magnesium_mg=120`",
                Saved::Product => "no saved supplement products: `marrow supplement add ... --save NAME`",
            }
        );
    }
    for r in rows {
        outln!("{r}");
    }
    Ok(())
}
