//! `marrow top NUTRIENT [--per 100g|serving|100kcal] [--group TEXT] [--limit N] [--json]`:
//! the foods richest in a nutrient.

use serde_json::json;

use crate::domain::search::before_eating;
use crate::present::{self, mark, NOT_AS_EATEN_LEGEND};

use super::{json, print_json, table, CliError, Context};
use crate::domain::absorption::{kind_of_food, round_mg};
use crate::domain::browse::Basis;
use crate::domain::browse::Ranked;
use crate::domain::Nutrient;
use crate::present::absorption::{order_note, percent, whole_mg, COLUMN_HEAD};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// magnesium, calcium, vitamin-d, zinc, potassium, protein, fiber, ...
    pub nutrient: String,
    /// What to measure per: 100g, serving (USDA's NLEA serving, else the household portion
    /// nearest FDA's reference amount for the kind of food) or 100kcal (nutrient density)
    #[arg(long, default_value = "100g")]
    pub per: String,
    /// Only food groups whose name holds these words ("Nut and Seed", "vegetables")
    #[arg(long)]
    pub group: Option<String>,
    /// How many foods to list
    #[arg(long, short = 'n', default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub limit: u32,
    /// Order by absorbable calcium (calcium only): calcium times the fraction absorbed
    /// measured for the kind of food; foods not measured are left out
    #[arg(long)]
    pub absorbable: bool,
    /// Print JSON: search's objects plus "value", "basis", per serving "portion", and with
    /// --absorbable "absorbable" and "fraction_absorbed"
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args, ctx: &Context) -> Result<(), CliError> {
    let nutrient = Nutrient::parse(&a.nutrient).ok_or_else(|| {
        let names: Vec<String> =
            Nutrient::all().map(|n| n.info().name.to_lowercase().replace(' ', "-")).collect();
        CliError::Usage(format!(
            "unknown nutrient {:?}: use one of {}",
            super::context::short(&a.nutrient),
            names.join(", ")
        ))
    })?;
    let basis = Basis::parse(&a.per).ok_or_else(|| {
        CliError::Usage(format!(
            "unknown basis {:?}: use 100g, serving or 100kcal",
            super::context::short(&a.per)
        ))
    })?;
    if a.absorbable && nutrient != Nutrient::Calcium {
        return Err(CliError::Usage(format!(
            "--absorbable orders by absorbable calcium: use it with calcium, not {}",
            nutrient.info().name.to_lowercase()
        )));
    }
    let catalog = ctx.catalog()?;
    let ranked = if a.absorbable {
        // Every food with a calcium value, then the measured ones by what is absorbed.
        let all = catalog.top_by(nutrient, basis, a.group.as_deref(), usize::MAX)?;
        by_absorbable(all, a.limit as usize)
    } else {
        catalog.top_by(nutrient, basis, a.group.as_deref(), a.limit as usize)?
    };
    let absorbed = |r: &Ranked| kind_of_food(&r.food.id, &r.food.name, Some(&r.food.group));
    let info = nutrient.info();
    if a.json {
        let items: Vec<serde_json::Value> = ranked
            .iter()
            .map(|r| {
                let mut v = json::food(&r.food);
                v["value"] = json!(crate::domain::nutrient::round_for_output(nutrient, r.value));
                v["unit"] = json!(info.unit);
                v["basis"] = json!(basis.as_str());
                if let Some(k) = absorbed(r).filter(|_| a.absorbable) {
                    v["absorbable"] = json!(round_mg(r.value * k.fraction));
                    v["fraction_absorbed"] = json!(k.fraction);
                }
                if let Some(p) = &r.serving {
                    v["portion"] =
                        json!({"amount": p.amount, "description": p.description, "grams": p.grams});
                }
                v
            })
            .collect();
        return print_json(&serde_json::Value::Array(items));
    }
    if ranked.is_empty() {
        eprintln!("no food with a known {} value matches", info.name.to_lowercase());
        return Ok(());
    }
    let d = ctx.config.units.vitamin_d;
    let rows: Vec<Vec<String>> = ranked
        .iter()
        .map(|r| {
            let mut row = vec![
                r.food.id.clone(),
                format!("{}{}", mark(&r.food), r.food.name),
                table::fit(&r.food.group, 26),
            ];
            if basis == Basis::Serving {
                row.push(r.serving.as_ref().map(|p| table::fit(&p.label(), 30)).unwrap_or_default());
            }
            row.push(present::figure(nutrient, Some(r.value), d));
            if let Some(k) = absorbed(r).filter(|_| a.absorbable) {
                row.push(format!("{} ({})", whole_mg(r.value * k.fraction), percent(k)));
            }
            row
        })
        .collect();
    let value_head = present::column_head(nutrient, d);
    let mut header = vec!["id", "food", "group"];
    if basis == Basis::Serving {
        header.push("serving");
    }
    let left = header.len();
    header.push(&value_head);
    if a.absorbable {
        header.push(COLUMN_HEAD);
    }
    out!("{}", table::render(&header, &rows, left));
    outln!("{} {}; foods with an unknown value are left out", info.name, basis.label());
    if a.absorbable {
        outln!("{}", order_note());
    }
    if ranked.iter().any(|r| before_eating(&r.food)) {
        outln!("{NOT_AS_EATEN_LEGEND}");
    }
    if basis == Basis::Serving {
        outln!("One {}.", crate::domain::serving::SOURCE);
    }
    Ok(())
}

/// The foods of a measured kind among `ranked`, richest in absorbable calcium first (then
/// by id), at most `limit`.
fn by_absorbable(ranked: Vec<Ranked>, limit: usize) -> Vec<Ranked> {
    let absorbed = |r: &Ranked| {
        kind_of_food(&r.food.id, &r.food.name, Some(&r.food.group)).map(|k| r.value * k.fraction)
    };
    let mut out: Vec<(f64, Ranked)> = ranked.into_iter().filter_map(|r| Some((absorbed(&r)?, r))).collect();
    out.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.food.id.cmp(&y.1.food.id)));
    out.into_iter().take(limit).map(|(_, r)| r).collect()
}
