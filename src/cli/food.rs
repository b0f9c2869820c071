//! `marrow food show|add|edit`: a food's figures and portions, and the user's own foods.

use clap::Subcommand;
use serde_json::json;

use super::{json, print_json, table, CliError, Context};
use crate::domain::nutrient::NUTRIENTS;
use crate::domain::sane::{max_per_100g, user_text};
use crate::domain::{quantity, Nutrient, NutrientValues, Portion};
use crate::present::{self, safe};
use crate::store::StoreError;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum FoodCommand {
    /// Your own foods: list, rename, rm
    #[command(subcommand)]
    Custom(super::saved::SavedCommand),
    /// Show a food's nutrients per 100 g and its portions
    Show {
        /// Food id (USDA NDB number such as 12061, or a custom food such as c1)
        id: String,
        /// Print JSON: the search object plus "portions"
        #[arg(long)]
        json: bool,
    },
    /// Create your own food from per-100 g figures or a label's per-serving figures
    Add {
        /// The food's name
        name: String,
        #[command(flatten)]
        figures: Figures,
        #[arg(long)]
        json: bool,
    },
    /// Change a custom food for future entries (past entries keep their figures)
    Edit {
        /// Custom food id (c1, c2, ...)
        id: String,
        /// A new name
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        figures: Figures,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct Figures {
    /// Nutrient per 100 g, e.g. magnesium_mg=120 or magnesium=120 (repeatable)
    #[arg(long = "per-100g", value_name = "KEY=VALUE", num_args = 1.., conflicts_with = "per_serving")]
    pub per_100g: Vec<String>,
    /// Nutrient per serving as a label prints it, with --serving (repeatable)
    #[arg(long = "per-serving", value_name = "KEY=VALUE", num_args = 1.., requires = "serving")]
    pub per_serving: Vec<String>,
    /// The label's serving size, e.g. 40g
    #[arg(long)]
    pub serving: Option<String>,
    /// A household portion, e.g. "1 bar=40g" (repeatable)
    #[arg(long = "portion", value_name = "PORTION=GRAMS")]
    pub portions: Vec<String>,
}

pub fn run(c: FoodCommand, ctx: &Context) -> Result<(), CliError> {
    match c {
        FoodCommand::Custom(c) => super::saved::run(crate::store::Saved::CustomFood, c, ctx),
        FoodCommand::Show { id, json: as_json } => show(&id, as_json, ctx),
        FoodCommand::Add { name, figures, json: as_json } => {
            let name = clean_name(&name)?;
            let (values, portions) = read_figures(&figures)?;
            if values.0.iter().all(Option::is_none) {
                return Err(CliError::Usage(
                    "give at least one figure: --per-100g magnesium_mg=120 (or --per-serving with --serving)"
                        .into(),
                ));
            }
            let food = ctx.diary()?.add_custom_food(&name, &values, &portions, &ctx.now())?;
            if as_json {
                return print_json(&json!({"id": food.id, "name": food.name}));
            }
            outln!("created {} {}", food.id, food.name);
            Ok(())
        }
        FoodCommand::Edit { id, name, figures, json: as_json } => {
            let name = name.map(|n| clean_name(&n)).transpose()?;
            let (given, portions) = read_figures(&figures)?;
            let portions = (!figures.portions.is_empty()).then_some(portions);
            // Only the figures given change, merged into the food as it is when written.
            let food = ctx
                .diary()?
                .edit_custom_food(&id, name.as_deref(), &given, portions.as_deref(), &ctx.now())
                .map_err(|e| match e {
                    StoreError::NoSuchFood(_) => CliError::Usage(format!(
                        "no custom food with id {:?}: custom ids look like c1",
                        super::context::short(&id)
                    )),
                    other => other.into(),
                })?;
            if as_json {
                return print_json(&json::food_with_portions(&food));
            }
            outln!("changed {} {} (entries already logged keep their figures)", food.id, food.name);
            Ok(())
        }
    }
}

fn show(id: &str, as_json: bool, ctx: &Context) -> Result<(), CliError> {
    let catalog = ctx.catalog()?;
    let food = ctx.foods(&catalog).by_id(id)?.ok_or_else(|| {
        CliError::Usage(format!(
            "no food with id {:?}: try `marrow search WORDS` to find its id",
            super::context::short(id)
        ))
    })?;
    // An imported FDC food says where it came from: data type, FDC id, brand owner, barcode.
    let fdc = catalog.origin(&food.id)?.filter(|o| o.fdc_id.is_some());
    if as_json {
        let mut v = json::food_with_portions(&food);
        if let Some(o) = &fdc {
            v["source"] = json!(o.source);
            v["fdc_id"] = json!(o.fdc_id);
            v["gtin"] = json!(o.gtin);
        }
        return print_json(&v);
    }
    outln!("{}  {}", food.id, safe(&food.name));
    outln!("{}", safe(&food.group));
    if let Some(o) = &fdc {
        let mut line = format!("{} {}", o.source, o.fdc_id.unwrap_or_default());
        let barcode = o.gtin.as_ref().map(|g| format!("barcode {g}")).unwrap_or_default();
        for extra in [&food.manufacturer, &barcode].into_iter().filter(|e| !e.is_empty()) {
            line.push_str(&format!(", {}", safe(extra)));
        }
        outln!("{line}");
    }
    if !food.common_names.is_empty() {
        outln!("also: {}", safe(&food.common_names));
    }
    outln!();
    let d = ctx.config.units.vitamin_d;
    let rows: Vec<Vec<String>> = NUTRIENTS
        .iter()
        .map(|i| {
            vec![
                i.name.to_string(),
                present::figure(i.nutrient, food.per_100g.get(i.nutrient), d),
                present::unit(i.nutrient, d).to_string(),
            ]
        })
        .collect();
    out!("{}", table::render(&["per 100 g", "", ""], &rows, 1));
    if food.per_100g.ala_undifferentiated() {
        outln!("{}", present::ALA_FOOD_NOTE);
    }
    if !food.portions.is_empty() {
        outln!();
        // Each portion as the text that logs it ("1 cup", "1 jar (5 oz) (142 g)").
        let mut rows: Vec<Vec<String>> = food
            .portions
            .iter()
            .zip(food.portion_labels())
            .map(|(p, label)| vec![label, format!("{} g", present::grams(p.grams))])
            .collect();
        // Config `units.portions = "metric"`: grams first, then USDA's household measures.
        if ctx.config.units.portions == crate::config::PortionsFirst::Metric {
            rows.insert(0, vec!["100 g".into(), "100 g".into()]);
        }
        out!("{}", table::render(&["portions", "grams"], &rows, 1));
    }
    Ok(())
}

fn clean_name(name: &str) -> Result<String, CliError> {
    user_text(name, 200).map_err(|e| CliError::Usage(format!("the food name {e}")))
}

/// Per-100 g figures (from --per-100g, or --per-serving scaled by --serving) and portions.
fn read_figures(f: &Figures) -> Result<(NutrientValues, Vec<Portion>), CliError> {
    let mut values = NutrientValues::unknown();
    let (pairs, scale) = if f.per_serving.is_empty() {
        (&f.per_100g, 1.0)
    } else {
        let text = f.serving.as_deref().unwrap_or("");
        let grams = quantity::resolve(text, &[])?.grams;
        (&f.per_serving, 100.0 / grams)
    };
    for pair in pairs {
        let (key, value) = pair.split_once('=').ok_or_else(|| {
            CliError::Usage(format!(
                "{:?} is not KEY=VALUE, e.g. magnesium_mg=120",
                super::context::short(pair)
            ))
        })?;
        let n = Nutrient::parse(key).ok_or_else(|| {
            CliError::Usage(format!(
                "unknown nutrient {:?}: use keys such as magnesium_mg, calcium_mg, vitamin_d_ug",
                super::context::short(key)
            ))
        })?;
        let v: f64 =
            value.trim().parse().ok().filter(|v: &f64| v.is_finite() && *v >= 0.0).ok_or_else(|| {
                CliError::Usage(format!(
                    "{:?} is not an amount: use a number of {} (0 or more)",
                    super::context::short(value),
                    n.info().unit
                ))
            })?;
        let per_100g = v * scale;
        if per_100g > max_per_100g(n) {
            return Err(CliError::Usage(format!(
                "{} {} of {} per 100 g is more than any food holds (at most {})",
                super::context::short(value),
                n.info().unit,
                n.key(),
                max_per_100g(n)
            )));
        }
        values.set(n, Some(per_100g));
    }
    let mut portions = Vec::new();
    for p in &f.portions {
        let (what, grams) = p.rsplit_once('=').ok_or_else(|| {
            CliError::Usage(format!(
                "{:?} is not PORTION=GRAMS, e.g. \"1 bar=40g\"",
                super::context::short(p)
            ))
        })?;
        let grams = quantity::resolve(grams, &[])?.grams;
        let q = quantity::parse(what)?;
        if q.unit.is_empty() {
            return Err(CliError::Usage(format!(
                "the portion {:?} needs a name, e.g. \"1 bar\"",
                super::context::short(what)
            )));
        }
        portions.push(Portion { amount: q.number, description: q.unit, grams });
    }
    Ok((values, portions))
}
