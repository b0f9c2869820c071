//! `marrow week [--end D] [--json]`: seven days of totals, averages and days at target.

use serde_json::{json, Map, Value};

use super::{print_json, table, CliError, Context};
use crate::domain::day::{ca_mg_ratio, trend_stats, BONE_NUTRIENTS};
use crate::domain::nutrient::round_for_output;
use crate::domain::Nutrient;
use crate::present;
use crate::service::day::trend;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The last day of the week, YYYY-MM-DD [default: today]
    #[arg(long)]
    pub end: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args, ctx: &Context) -> Result<(), CliError> {
    let end = ctx.date(a.end.as_deref())?;
    let (days, unreadable) = trend(&ctx.diary_for_reading()?, end, 7)?;
    super::transfer::warn_unreadable(&unreadable, "left as it is; its day's totals leave it out");
    let stats: Vec<_> = Nutrient::all().map(|n| (n, trend_stats(&days, n))).collect();
    if a.json {
        let map =
            |f: &dyn Fn(Nutrient, &crate::domain::day::TrendStats) -> Option<Value>| -> Map<String, Value> {
                stats.iter().filter_map(|(n, s)| f(*n, s).map(|v| (n.key().to_string(), v))).collect()
            };
        return print_json(&json!({
            "end": end.to_string(),
            "days": days.iter().map(|d| json!({"date": d.date.to_string(), "items": d.totals.items, "totals": d.totals.known_map()})).collect::<Vec<_>>(),
            "logged_days": stats.first().map_or(0, |(_, s)| s.logged_days),
            "average": map(&|n, s| Some(json!(round_for_output(n, s.average)))),
            "days_at_target": map(&|_, s| s.target.map(|_| json!(s.days_at_target))),
            "days_below_ear": map(&|_, s| s.ear.map(|_| json!(s.days_below_ear))),
            "targets": map(&|_, s| s.target.map(|t| json!(t))),
            "ca_mg_ratio": ca_mg_ratio(&days).map(|r| (r * 100.0).round() / 100.0),
        }));
    }
    let d = ctx.config.units.vitamin_d;
    let mut rows: Vec<Vec<String>> = days
        .iter()
        .map(|day| {
            let mut r = vec![day.date.format("%a %Y-%m-%d").to_string()];
            r.extend(BONE_NUTRIENTS.iter().map(|n| {
                if day.logged() {
                    present::figure(*n, Some(day.totals.get(*n)), d)
                } else {
                    "-".into()
                }
            }));
            r
        })
        .collect();
    let stat = |n: Nutrient| stats.iter().find(|(m, _)| *m == n).map(|(_, s)| s.clone());
    let mut avg = vec!["average".to_string()];
    let mut at = vec!["days at target".to_string()];
    let mut below = vec!["days below EAR".to_string()];
    for n in BONE_NUTRIENTS {
        let s = stat(n).expect("every nutrient has stats");
        avg.push(present::figure(n, Some(s.average), d));
        at.push(format!("{}/{}", s.days_at_target, s.days));
        below.push(format!("{}/{}", s.days_below_ear, s.logged_days));
    }
    rows.extend([avg, at, below]);
    let heads = BONE_NUTRIENTS.map(|n| present::column_head(n, d));
    let header: Vec<&str> = std::iter::once("day").chain(heads.iter().map(String::as_str)).collect();
    out!("{}", table::render(&header, &rows, 1));
    outln!("Averages are over days with something logged. One day is not usual intake: look at weeks.");
    Ok(())
}
