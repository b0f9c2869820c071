//! `marrow recipe add|show|list|edit|rm|rename`: foods made of ingredients. Each ingredient
//! line is resolved as `marrow log add` resolves it; a recipe is saved only when every line
//! resolves, and its close calls and unknown foods are all listed at once.

use std::io::Read;
use std::path::PathBuf;

use clap::Subcommand;
use serde_json::{json, Value};

use super::pick::{self, Request};
use super::{context::short, print_json, CliError, Context};
use crate::domain::recipe::{read_line, recipe_row, Ingredient, Recipe};
use crate::domain::sane::user_text;
use crate::domain::{quantity, Nutrient};
use crate::present;
use crate::service::Foods;
use crate::store::{Diary, NewRecipe};

/// The longest recipe name.
const NAME_MAX: usize = 120;
/// The most ingredient lines a recipe reads.
const LINES_MAX: usize = 200;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum RecipeCommand {
    /// Write a recipe from ingredient lines ("200 g black beans cooked"), one per line, read
    /// from --file or standard input; blank lines and # comments are skipped
    Add {
        name: String,
        /// How many servings it makes
        #[arg(long, default_value = "1")]
        servings: String,
        /// The cooked dish's weight (900g, 2 lb) [default: the ingredients' weight]
        #[arg(long)]
        weight: Option<String>,
        /// Read the ingredient lines from this file [default: standard input]
        #[arg(long)]
        file: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Show a recipe's ingredients and figures, by name or id (r1)
    Show {
        recipe: String,
        #[arg(long)]
        json: bool,
    },
    /// List recipes
    List {
        #[arg(long)]
        json: bool,
    },
    /// Replace a recipe's ingredients for future entries (entries logged before keep theirs)
    Edit {
        recipe: String,
        #[arg(long)]
        file: Option<PathBuf>,
        /// [default: as before]
        #[arg(long)]
        servings: Option<String>,
        /// [default: as before]
        #[arg(long)]
        weight: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Remove a recipe (entries logged of it stay)
    Rm { recipe: String },
    /// Rename a recipe
    Rename { recipe: String, new_name: String },
}

pub fn run(c: RecipeCommand, ctx: &Context) -> Result<(), CliError> {
    let d = ctx.config.units.vitamin_d;
    match c {
        RecipeCommand::Add { name, servings, weight, file, json: as_json } => {
            let name = recipe_name(&name)?;
            let servings = parse_servings(&servings)?;
            let weight = weight.as_deref().map(parse_weight).transpose()?;
            let text = read_lines(file.as_ref())?;
            let catalog = ctx.catalog()?;
            let mut diary = ctx.diary()?;
            if diary.recipe(&name)?.is_some() {
                return Err(taken(&name));
            }
            let ingredients = resolve_all(&Foods::new(&catalog, &diary), &diary, &text, ctx)?;
            let new = NewRecipe { name: name.clone(), servings, weight, ingredients };
            let r = diary.add_recipe(&new, &ctx.now())?.ok_or_else(|| taken(&name))?;
            print_recipe(&r, as_json, d)
        }
        RecipeCommand::Show { recipe, json: as_json } => {
            let r = find(&ctx.diary_for_reading()?, &recipe)?;
            print_recipe(&r, as_json, d)
        }
        RecipeCommand::List { json: as_json } => {
            let all = ctx.diary_for_reading()?.recipes()?;
            if as_json {
                return print_json(&Value::Array(all.iter().map(recipe_json).collect()));
            }
            if all.is_empty() {
                outln!("no recipes yet: write one with `marrow recipe add NAME --file FILE`");
            }
            for r in &all {
                outln!("{}", present::recipe::summary(r, d));
            }
            Ok(())
        }
        RecipeCommand::Edit { recipe, file, servings, weight, json: as_json } => {
            let servings = servings.as_deref().map(parse_servings).transpose()?;
            let weight = weight.as_deref().map(parse_weight).transpose()?;
            let text = read_lines(file.as_ref())?;
            let catalog = ctx.catalog()?;
            let mut diary = ctx.diary()?;
            let old = find(&diary, &recipe)?;
            let ingredients = resolve_all(&Foods::new(&catalog, &diary), &diary, &text, ctx)?;
            let new = NewRecipe {
                name: old.name.clone(),
                servings: servings.unwrap_or(old.servings),
                weight: weight.or(old.weight),
                ingredients,
            };
            let r = diary.replace_recipe(old.id, &new, &ctx.now())?;
            if !as_json {
                outln!("changed {} for future entries; entries logged before keep their figures", r.name);
            }
            print_recipe(&r, as_json, d)
        }
        RecipeCommand::Rm { recipe } => {
            let mut diary = ctx.diary()?;
            let r = find(&diary, &recipe)?;
            diary.remove_recipe(r.id)?;
            outln!("removed recipe {} {}; entries logged of it stay as they are", r.food_id(), r.name);
            Ok(())
        }
        RecipeCommand::Rename { recipe, new_name } => {
            let new_name = recipe_name(&new_name)?;
            let mut diary = ctx.diary()?;
            let r = find(&diary, &recipe)?;
            if !diary.rename_recipe(r.id, &new_name, &ctx.now())? {
                return Err(taken(&new_name));
            }
            outln!("renamed recipe {} {:?} to {:?}", r.food_id(), r.name, new_name);
            Ok(())
        }
    }
}

/// The recipes that `entries` were logged of and that still exist, each once.
pub(super) fn of_entries(diary: &Diary, entries: &[crate::domain::Entry]) -> Vec<Recipe> {
    let mut ids: Vec<&str> =
        entries.iter().map(|e| e.food_id.as_str()).filter(|id| recipe_row(id).is_some()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter().filter_map(|id| diary.recipe(id).ok().flatten()).collect()
}

fn taken(name: &str) -> CliError {
    CliError::Usage(format!(
        "a recipe named {:?} exists already: choose another name, or change it with `marrow recipe edit`",
        short(name)
    ))
}

fn find(diary: &Diary, recipe: &str) -> Result<Recipe, CliError> {
    diary.recipe(recipe)?.ok_or_else(|| {
        CliError::Usage(format!("no recipe {:?}: see `marrow recipe list`", short(recipe.trim())))
    })
}

fn recipe_name(name: &str) -> Result<String, CliError> {
    user_text(name, NAME_MAX).map_err(|e| CliError::Usage(format!("the recipe name {e}")))
}

fn parse_servings(text: &str) -> Result<f64, CliError> {
    text.trim().parse::<f64>().ok().filter(|n| n.is_finite() && *n > 0.0 && *n <= 1000.0).ok_or_else(|| {
        CliError::Usage(format!("--servings {:?} must be a number from above 0 to 1000", short(text)))
    })
}

/// "900g", "2 lb", "900": the cooked weight in grams.
fn parse_weight(text: &str) -> Result<f64, CliError> {
    let q = quantity::parse(text)?;
    if !q.unit.is_empty() && crate::domain::units::mass_unit(&q.unit).is_none() {
        return Err(CliError::Usage(format!(
            "--weight {:?} must be a weight, such as 900g or 2 lb",
            short(text)
        )));
    }
    Ok(quantity::resolve(text, &[])?.grams)
}

/// The ingredient lines from the file, or standard input.
fn read_lines(file: Option<&PathBuf>) -> Result<String, CliError> {
    let mut text = String::new();
    match file {
        Some(path) => {
            text = std::fs::read_to_string(path).map_err(|e| {
                let why = format!("can't read {}: {e}", path.display());
                match e.kind() {
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::InvalidData => CliError::Usage(why),
                    _ => CliError::Failure(why),
                }
            })?;
        }
        None => {
            std::io::stdin().read_to_string(&mut text).map_err(|e| {
                CliError::Usage(format!("can't read the ingredient lines from standard input: {e}"))
            })?;
        }
    }
    Ok(text)
}

/// Every line resolved as `log add` resolves it; otherwise each line that does not resolve
/// is listed (with a close call's candidates) and nothing is saved.
fn resolve_all(foods: &Foods, diary: &Diary, text: &str, ctx: &Context) -> Result<Vec<Ingredient>, CliError> {
    let d = ctx.config.units.vitamin_d;
    let mut out = Vec::new();
    let mut problems = 0;
    let lines: Vec<(usize, &str)> =
        text.lines().enumerate().filter(|(_, l)| read_line(l).is_some()).collect();
    if lines.is_empty() {
        return Err(CliError::Usage(
            "no ingredient lines: give one per line, such as \"200 g black beans cooked\"".into(),
        ));
    }
    if lines.len() > LINES_MAX {
        return Err(CliError::Usage(format!(
            "{} ingredient lines are more than the {LINES_MAX} a recipe holds",
            lines.len()
        )));
    }
    for (n, raw) in lines {
        let Some(line) = read_line(raw) else { continue };
        let req = Request {
            food: &line.food,
            quantity: line.amount.as_deref(),
            pick: None,
            json: false,
            vitamin_d: d,
        };
        let said = format!("line {} {:?}", n + 1, short(raw.trim()));
        let found = match pick::resolve_line(foods, diary, &req) {
            Ok(Ok(found)) => found,
            Ok(Err(listed)) => {
                outln!("{said} could be any of {} foods:", listed.len());
                for (i, c) in listed.iter().enumerate() {
                    outln!("{}", pick::candidate_line(i + 1, c, d));
                }
                problems += 1;
                continue;
            }
            Err(e) => {
                outln!("{said}: {}", e.message());
                problems += 1;
                continue;
            }
        };
        match quantity::resolve(&found.quantity, &found.food.portions) {
            Ok(r) => out.push(Ingredient {
                food_id: found.food.id.clone(),
                food_name: found.food.name.clone(),
                quantity: found.quantity.clone(),
                grams: r.grams,
                per_100g: found.food.per_100g,
            }),
            Err(e) => {
                outln!("{said}: {e}");
                problems += 1;
            }
        }
    }
    if problems > 0 {
        return Err(CliError::Usage(format!(
            "{} of the ingredient lines did not resolve, so nothing was saved: write those lines with \
             other words, more of the name, or a food id (`marrow search WORDS` finds it)",
            problems
        )));
    }
    Ok(out)
}

fn print_recipe(r: &Recipe, as_json: bool, d: present::VitaminDUnit) -> Result<(), CliError> {
    if as_json {
        return print_json(&recipe_json(r));
    }
    for line in present::recipe::show(r, d) {
        outln!("{line}");
    }
    Ok(())
}

/// `{"id","name","servings","weight_g","grams","serving_grams","ingredients":[...],
/// "per_serving","per_100g","unknown":{"vitamin_d_ug":2},"ingredient_count"}`.
fn recipe_json(r: &Recipe) -> Value {
    let unknown: serde_json::Map<String, Value> = Nutrient::all()
        .filter(|n| r.unknown_for(*n) > 0)
        .map(|n| (n.key().to_string(), json!(r.unknown_for(n))))
        .collect();
    json!({
        "id": r.food_id(),
        "name": r.name,
        "servings": r.servings,
        "weight_g": r.weight,
        "grams": r.total_grams(),
        "serving_grams": r.serving_grams(),
        "ingredient_count": r.ingredients.len(),
        "ingredients": r.ingredients.iter().map(|i| json!({
            "food_id": i.food_id,
            "name": i.food_name,
            "quantity": i.quantity,
            "grams": i.grams,
            "nutrients": i.nutrients(),
        })).collect::<Vec<_>>(),
        "per_serving": r.per_serving(),
        "per_100g": r.per_100g(),
        "unknown": unknown,
    })
}
