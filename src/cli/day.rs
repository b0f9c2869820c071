//! `marrow day [--date D] [--json]`: a day's entries and totals against the profile's targets.

use super::{json, print_json, table, CliError, Context, DISCLAIMER};
use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::insights::contributors;
use crate::domain::nutrient::{Nutrient, NUTRIENTS};
use crate::domain::targets::SOURCE;
use crate::present::{self, CA_MG_NOTE};
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
    let diary = ctx.diary_for_reading()?;
    let report = day_report(&diary, date)?;
    super::transfer::warn_unreadable(&report.unreadable, "left as it is; its day's totals leave it out");
    if a.json {
        return print_json(&json::day(&report));
    }
    let (entries, profile, summary) = (&report.entries, &report.profile, &report.summary);
    let d = ctx.config.units.vitamin_d;
    let stage = profile.life_stage().label;
    if profile.default {
        outln!("{date}   targets for {stage} (default profile: set yours with `marrow profile set`)");
    } else {
        outln!("{date}   targets for {stage}");
    }
    outln!();
    if entries.is_empty() {
        outln!("no entries yet: `marrow log add FOOD QUANTITY`");
    } else {
        out!("{}", super::log::entries_table(entries, d));
    }
    outln!();
    let t = &summary.totals;
    let rows: Vec<Vec<String>> = NUTRIENTS
        .iter()
        .filter(|i| {
            BONE_NUTRIENTS.contains(&i.nutrient)
                // The nutrients added after ALA are always listed, unknown or not.
                || i.nutrient > Nutrient::Ala
                || summary.targets.get(i.nutrient).is_some()
                || t.get(i.nutrient) > 0.0
        })
        .map(|i| {
            let n = i.nutrient;
            vec![
                i.name.to_string(),
                present::fixed(n, Some(t.get(n)), d),
                summary.targets.get(n).map(|x| present::amount(n, x, d)).unwrap_or_default(),
                summary.percent(n).map(present::percent).unwrap_or_default(),
                if t.unknown(n) > 0 {
                    format!("{} of {} unknown", t.unknown(n), present::plural(t.items, "item", "items"))
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    out!("{}", table::render(&["total", "amount", "target", "", "unknown"], &rows, 1));
    if let Some(note) = present::ala_note(t.ala_undifferentiated) {
        outln!("{note}");
    }
    if report.unreadable_today() > 0 {
        let rows = present::plural(report.unreadable_today(), "row", "rows");
        outln!("The totals leave out {rows} of this day that could not be read (their figures are unknown).");
    }
    if !report.supplements.is_empty() {
        outln!();
        out!("{}", super::supplement::table(&report.supplements, d));
    }
    if let Some(r) = t.ca_mg_ratio() {
        let week =
            report.ca_mg_ratio_week().map(|w| format!(", 7 days {}", present::ratio(w))).unwrap_or_default();
        outln!("\ncalcium:magnesium today {}{week} ({CA_MG_NOTE})", present::ratio(r));
    }
    for n in BONE_NUTRIENTS {
        let top = contributors(entries, n, 3);
        if !top.is_empty() {
            let list: Vec<String> = top
                .iter()
                .map(|c| format!("{} {}", table::fit(&c.name, 30), present::percent(c.percent)))
                .collect();
            outln!("{} from: {}", n.info().short, list.join(", "));
        }
    }
    for (w, message) in report.warnings.iter().zip(present::messages(&report.warnings, d)) {
        outln!("warning [{}]: {message}", w.code.as_str());
    }
    outln!("\nTargets: {SOURCE}.\n{DISCLAIMER}");
    Ok(())
}
