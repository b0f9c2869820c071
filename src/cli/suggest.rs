//! `marrow suggest [NUTRIENT] [--date D] [--limit N] [--all] [--json]`: everyday foods, one
//! ordinary serving each, that would close the day's remaining gap, the user's own first.

use serde_json::json;

use super::{print_json, table, CliError, Context};
use crate::domain::absorption::round_mg;
use crate::domain::nutrient::round_for_output;
use crate::domain::Nutrient;
use crate::present;
use crate::present::absorption::{order_note, poor_source, source_note, whole_mg, COLUMN_HEAD};
use crate::service::suggest;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The nutrient to close [default: magnesium]
    pub nutrient: Option<String>,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long, short = 'n', default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=50))]
    pub limit: u32,
    /// Weigh every catalog food: by default spices and herbs, leavening agents, dried powders,
    /// fats and oils, babyfood, raw meat, fish and eggs, restaurant, fast food and commodity
    /// items, supplements and brand-name products are left out
    #[arg(long)]
    pub all: bool,
    /// Order calcium suggestions by absorbable calcium (calcium times the fraction absorbed
    /// measured for the kind of food); foods not measured are left out
    #[arg(long)]
    pub absorbable: bool,
    /// Print JSON: [{"id","name","group","portion","grams","kcal","adds":{key: number},"per_100kcal","yours"}],
    /// with "absorbable" (mg) for a measured food when the nutrient is calcium
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args, ctx: &Context) -> Result<(), CliError> {
    let n = match &a.nutrient {
        Some(t) => Nutrient::parse(t).ok_or_else(|| {
            CliError::Usage(format!(
                "unknown nutrient {:?}: e.g. magnesium, calcium, vitamin-d",
                super::context::short(t)
            ))
        })?,
        None => Nutrient::Magnesium,
    };
    if a.absorbable && n != Nutrient::Calcium {
        return Err(CliError::Usage(format!(
            "--absorbable orders by absorbable calcium: use it with calcium, not {}",
            n.info().name.to_lowercase()
        )));
    }
    let date = ctx.date(a.date.as_deref())?;
    let weighed = if a.absorbable { suggest::ABSORBABLE_POOL } else { a.limit as usize };
    let (_, found) = suggest::for_day(&ctx.diary_for_reading()?, &ctx.catalog()?, date, n, weighed, a.all)?;
    let (target, gap, mut list) = (found.target, found.gap, found.list);
    if a.absorbable {
        list = suggest::in_absorbable_order(list, a.limit as usize);
    }
    let calcium = n == Nutrient::Calcium;
    if a.json {
        let items: Vec<serde_json::Value> = list
            .iter()
            .map(|s| {
                let mut v = json!({
                    "id": s.food.id,
                    "name": s.food.name,
                    "group": s.food.group,
                    "portion": s.portion,
                    "grams": s.grams,
                    "kcal": s.kcal.map(|k| k.round()),
                    "adds": {n.key(): round_for_output(n, s.adds)},
                    "per_100kcal": s.per_100kcal.map(|v| round_for_output(n, v)),
                    "yours": s.yours,
                });
                if let Some(x) = suggest::absorbable(s).filter(|_| calcium) {
                    v["absorbable"] = json!(round_mg(x));
                }
                v
            })
            .collect();
        return print_json(&serde_json::Value::Array(items));
    }
    let d = ctx.config.units.vitamin_d;
    let headline = present::gap_headline(n, &date.to_string(), found.total, target, gap, d);
    // Reached, or no target: the list follows as foods rich in it anyway.
    let lead_in = if target.is_some() && gap > 0.0 { "" } else { ":" };
    outln!("{headline}{lead_in}");
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|s| {
            let mut row = vec![
                s.food.id.clone(),
                table::fit(&s.food.name, 48),
                table::fit(&format!("{} ({} g)", s.portion, present::grams(s.grams.round())), 28),
                format!("+{}", present::fixed(n, Some(s.adds), d)),
                s.per_100kcal.map(|v| present::figure_short(n, v, d)).unwrap_or_else(|| "-".into()),
                if s.yours { "yours".into() } else { String::new() },
            ];
            if calcium {
                let absorbed = suggest::absorbable(s).map(|x| format!("+{}", whole_mg(x)));
                row.insert(4, absorbed.unwrap_or_else(|| "-".into()));
            }
            row
        })
        .collect();
    let mut header = vec!["id", "food", "one serving", "adds", "per 100 kcal", ""];
    if calcium {
        header.insert(4, COLUMN_HEAD);
    }
    out!("{}", table::render(&header, &rows, 3));
    if calcium {
        for note in list.iter().filter_map(|s| poor_source(&s.food.id, &s.food.name)) {
            outln!("{note}");
        }
        outln!("{}", if a.absorbable { order_note() } else { source_note() });
    }
    outln!("One {}.", crate::domain::serving::SOURCE);
    if !a.all {
        outln!("Everyday foods only: --all also weighs spices, powders, fats, raw and restaurant foods.");
    }
    Ok(())
}
