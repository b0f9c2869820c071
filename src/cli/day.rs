//! `marrow day [--date D] [--json]`: a day's entries and totals against the profile's targets.

use super::{json, print_json, table, CliError, Context, DISCLAIMER};
use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::insights::contributors;
use crate::domain::nutrient::{display_amount, NUTRIENTS};
use crate::domain::targets::SOURCE;
use crate::service::day_report;

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
    let report = day_report(&diary, date)?;
    if a.json {
        return print_json(&json::day(&report));
    }
    let (entries, profile, summary) = (&report.entries, &report.profile, &report.summary);
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
        print!("{}", super::log::entries_table(entries));
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
            let iu = ctx.config.units.vitamin_d == crate::config::VitaminDUnit::Iu;
            let (amount, unit) = display_amount(n, t.get(n), iu);
            vec![
                i.name.to_string(),
                format!("{} {unit}", table::amount(n, Some(amount))),
                summary
                    .targets
                    .get(n)
                    .map(|x| {
                        format!("{} {unit}", crate::domain::food::trim_number(display_amount(n, x, iu).0))
                    })
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
    if !report.supplements.is_empty() {
        println!();
        print!("{}", super::supplement::table(&report.supplements));
    }
    if let Some(r) = t.ca_mg_ratio() {
        let week = report.ca_mg_ratio_week().map(|w| format!(", 7 days {w:.1}")).unwrap_or_default();
        println!("\ncalcium:magnesium today {r:.1}{week} (research proposal 1.7-2.6, not a guideline)");
    }
    for n in BONE_NUTRIENTS {
        let top = contributors(entries, n, 3);
        if !top.is_empty() {
            let list: Vec<String> =
                top.iter().map(|c| format!("{} {:.0}%", table::fit(&c.name, 30), c.percent)).collect();
            println!("{} from: {}", n.info().short, list.join(", "));
        }
    }
    for w in &report.warnings {
        println!("warning [{}]: {}", w.code, w.message);
    }
    println!("\nTargets: {SOURCE}.\n{DISCLAIMER}");
    Ok(())
}
