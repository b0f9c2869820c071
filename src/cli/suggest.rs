//! `marrow suggest [NUTRIENT] [--date D] [--limit N] [--json]`: foods that would close the
//! day's remaining gap, the user's own frequent foods first.

use serde_json::json;

use super::{print_json, table, CliError, Context};
use crate::domain::food::trim_number;
use crate::domain::nutrient::round_for_output;
use crate::domain::Nutrient;
use crate::report::{day_report, gap_suggestions};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The nutrient to close [default: magnesium]
    pub nutrient: Option<String>,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long, short = 'n', default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=50))]
    pub limit: u32,
    /// Print JSON: [{"id","name","portion","grams","adds":{key: number},"per_100kcal"}]
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
    let date = ctx.date(a.date.as_deref())?;
    let diary = ctx.diary()?;
    let catalog = ctx.catalog()?;
    let report = day_report(&diary, date)?;
    let found = gap_suggestions(&diary, &catalog, &report.summary, n, a.limit as usize)?;
    let (target, gap, list) = (found.target, found.gap, found.list);
    if a.json {
        let items: Vec<serde_json::Value> = list
            .iter()
            .map(|s| {
                json!({
                    "id": s.food.id,
                    "name": s.food.name,
                    "portion": s.portion,
                    "grams": s.grams,
                    "adds": {n.key(): round_for_output(n, s.adds)},
                    "per_100kcal": s.per_100kcal.map(|v| round_for_output(n, v)),
                    "yours": s.yours,
                })
            })
            .collect();
        return print_json(&serde_json::Value::Array(items));
    }
    let i = n.info();
    match target {
        Some(t) if gap > 0.0 => println!(
            "{} on {date}: {} of {} {} so far, {} {} to go",
            i.name,
            trim_number((report.summary.totals.get(n) * 10.0).round() / 10.0),
            trim_number(t),
            i.unit,
            trim_number((gap * 10.0).round() / 10.0),
            i.unit
        ),
        Some(_) => println!("{} on {date}: target reached; foods rich in it anyway:", i.name),
        None => println!("{} has no target for this profile; foods rich in it:", i.name),
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|s| {
            vec![
                s.food.id.clone(),
                table::fit(&s.food.name, 48),
                table::fit(&s.portion, 24),
                format!("+{:.*} {}", i.decimals, s.adds, i.unit),
                s.per_100kcal.map(|v| format!("{v:.0}")).unwrap_or_else(|| "-".into()),
                if s.yours { "yours".into() } else { String::new() },
            ]
        })
        .collect();
    print!("{}", table::render(&["id", "food", "portion", "adds", "per 100 kcal", ""], &rows, 3));
    Ok(())
}
