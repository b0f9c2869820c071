//! `marrow day [--date D] [--json]`: a day's entries and totals against the profile's targets.

use super::{json, print_json, table, CliError, Context, DISCLAIMER};
use crate::domain::day::{DaySummary, BONE_NUTRIENTS};
use crate::domain::nutrient::NUTRIENTS;
use crate::domain::targets::SOURCE;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// YYYY-MM-DD [default: today]
    #[arg(long)]
    pub date: Option<String>,
    /// Print JSON: {"date","profile","entries","totals","unknown","targets",...}
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args, ctx: &Context) -> Result<(), CliError> {
    let date = ctx.date(a.date.as_deref())?;
    let diary = ctx.diary()?;
    let entries = diary.day_entries(date)?;
    let profile = diary.profile()?;
    let summary = DaySummary::new(date, &entries, &profile);
    if a.json {
        return print_json(&json::day(&summary, &entries, &profile));
    }
    let stage = profile.life_stage().label;
    if profile.default {
        println!("{date}   targets for {stage} (default profile: set yours with `marrow profile set`)");
    } else {
        println!("{date}   targets for {stage}");
    }
    println!();
    if entries.is_empty() {
        println!("no entries yet: `marrow log add FOOD QUANTITY`");
    } else {
        print!("{}", super::log::entries_table(&entries));
    }
    println!();
    let t = &summary.totals;
    let rows: Vec<Vec<String>> = NUTRIENTS
        .iter()
        .filter(|i| {
            BONE_NUTRIENTS.contains(&i.nutrient)
                || summary.targets.get(i.nutrient).is_some()
                || t.get(i.nutrient) > 0.0
        })
        .map(|i| {
            let n = i.nutrient;
            vec![
                i.name.to_string(),
                format!("{} {}", table::amount(n, Some(t.get(n))), i.unit),
                summary
                    .targets
                    .get(n)
                    .map(|x| format!("{} {}", crate::domain::food::trim_number(x), i.unit))
                    .unwrap_or_default(),
                summary.percent(n).map(|p| format!("{p:.0}%")).unwrap_or_default(),
                if t.unknown(n) > 0 {
                    format!("{} of {} items unknown", t.unknown(n), t.items)
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    print!("{}", table::render(&["total", "amount", "target", "", "unknown"], &rows, 1));
    if let Some(r) = t.ca_mg_ratio() {
        println!("\ncalcium:magnesium {r:.1} (research proposal 1.7-2.6, not a guideline)");
    }
    println!("\nTargets: {SOURCE}.\n{DISCLAIMER}");
    Ok(())
}
