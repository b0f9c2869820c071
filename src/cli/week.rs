//! `marrow week [--end D] [--json]`: seven days of totals, then the week's averages and days
//! at target over the days with food logged, for food alone and with supplements, and what
//! was unknown. The figures are `PeriodStats`, the same as the trends' and the review's.

use serde_json::{json, Map, Value};

use super::{print_json, table, CliError, Context};
use crate::domain::day::{DaySummary, BONE_NUTRIENTS};
use crate::domain::nutrient::round_for_output;
use crate::domain::period::{NutrientStats, Period, PeriodStats};
use crate::domain::Nutrient;
use crate::present::period::{
    average_figure, coverage, day_figure, day_note, maybe_below_note, of_logged, unknown_note,
};
use crate::present::{self, VitaminDUnit, CA_MG_NOTE};
use crate::service::day::span;

/// How many days `week` covers, ending on `--end`.
const DAYS: u32 = 7;

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
    let period = Period::days_ending(end, DAYS);
    let (days, unreadable) = span(&ctx.diary_for_reading()?, period)?;
    super::transfer::warn_unreadable(&unreadable, "left as it is; its day's totals leave it out");
    let stats = PeriodStats::of(period, &days);
    if a.json {
        let mut v = period_json(&stats);
        v["end"] = json!(end.to_string());
        v["days"] = json!(days.iter().map(day_json).collect::<Vec<_>>());
        v["absorbable_calcium"] =
            super::absorbable::week_json(&super::absorbable::total(&days), stats.coverage.logged);
        return print_json(&v);
    }
    let d = ctx.config.units.vitamin_d;
    out!("{}", days_table(&days, d));
    outln!();
    outln!("{}", coverage(&stats.coverage));
    if stats.coverage.logged == 0 {
        return Ok(());
    }
    outln!();
    out!("{}", stats_table(&stats, d));
    outln!();
    for s in BONE_NUTRIENTS.map(|n| stats.get(n)) {
        for note in [unknown_note(s), maybe_below_note(s)].into_iter().flatten() {
            outln!("{note}");
        }
    }
    super::absorbable::week_lines(&super::absorbable::total(&days), stats.coverage.logged);
    if let Some(r) = stats.ca_mg_ratio {
        outln!("Ca:Mg {} over the logged days ({CA_MG_NOTE}).", present::ratio(r));
    }
    outln!("One day is not usual intake: look at weeks.");
    Ok(())
}

/// One row a day: its date, each bone nutrient's total (food and supplements), and why a day
/// has none.
fn days_table(days: &[DaySummary], d: VitaminDUnit) -> String {
    let rows: Vec<Vec<String>> = days
        .iter()
        .map(|day| {
            let mut r = vec![day.date.format("%a %Y-%m-%d").to_string()];
            r.extend(BONE_NUTRIENTS.iter().map(|n| day_figure(day, *n, d)));
            r.push(day_note(day).to_string());
            r
        })
        .collect();
    let heads = BONE_NUTRIENTS.map(|n| present::column_head(n, d));
    let header: Vec<&str> =
        std::iter::once("day").chain(heads.iter().map(String::as_str)).chain([""]).collect();
    table::render(&header, &rows, 1)
}

/// The week's averages and counts, each given with supplements and for food alone.
fn stats_table(stats: &PeriodStats, d: VitaminDUnit) -> String {
    let logged = stats.coverage.logged;
    let row = |label: &str, cell: &dyn Fn(&NutrientStats) -> String| {
        let mut r = vec![label.to_string()];
        r.extend(BONE_NUTRIENTS.iter().map(|n| cell(stats.get(*n))));
        r
    };
    let limit = |x: Option<f64>, n: Nutrient| x.map_or("-".into(), |x| present::number(n, x, d));
    let rows = vec![
        row("average, food + supplements", &|s| average_figure(s, false, d)),
        row("average, food alone", &|s| average_figure(s, true, d)),
        row("days at target, food + supplements", &|s| of_logged(s.at_target.with_supplements, logged)),
        row("days at target, food alone", &|s| of_logged(s.at_target.food, logged)),
        row("days below EAR, food + supplements", &|s| of_logged(s.below_ear.with_supplements, logged)),
        row("days below EAR, food alone", &|s| of_logged(s.below_ear.food, logged)),
        row("target", &|s| limit(s.target, s.nutrient)),
        row("EAR", &|s| limit(s.ear, s.nutrient)),
    ];
    let heads = BONE_NUTRIENTS.map(|n| present::column_head(n, d));
    let days_head = format!("over {}", present::plural(logged, "logged day", "logged days"));
    let header: Vec<&str> =
        std::iter::once(days_head.as_str()).chain(heads.iter().map(String::as_str)).collect();
    table::render(&header, &rows, 1)
}

/// `{key: f(stats)}` for every nutrient where `f` gives a value.
fn per_nutrient(stats: &PeriodStats, f: impl Fn(&NutrientStats) -> Option<Value>) -> Map<String, Value> {
    stats.nutrients.iter().filter_map(|s| f(s).map(|v| (s.nutrient.key().to_string(), v))).collect()
}

/// A period's figures as `week --json` gives them (amounts in each nutrient's own unit,
/// vitamin D in µg): the shape a review of any period can share.
pub fn period_json(stats: &PeriodStats) -> Value {
    let c = &stats.coverage;
    let dates = |ds: &[chrono::NaiveDate]| ds.iter().map(|d| d.to_string()).collect::<Vec<_>>();
    let avg = |a: Option<f64>, n: Nutrient| json!(a.map(|a| round_for_output(n, a)));
    let with_target = |s: &NutrientStats, v: usize| s.target.map(|_| json!(v));
    let with_ear = |s: &NutrientStats, v: usize| s.ear.map(|_| json!(v));
    json!({
        "from": stats.period.first.to_string(),
        "to": stats.period.last.to_string(),
        "day_count": c.days,
        "logged_days": c.logged,
        "not_logged": dates(&c.not_logged),
        "supplements_only": dates(&c.supplements_only),
        "average": per_nutrient(stats, |s| Some(avg(s.average, s.nutrient))),
        "average_food": per_nutrient(stats, |s| Some(avg(s.food_average, s.nutrient))),
        "average_is_lower_bound": per_nutrient(stats, |s| Some(json!(s.lower_bound()))),
        "days_at_target": per_nutrient(stats, |s| with_target(s, s.at_target.with_supplements)),
        "days_at_target_food": per_nutrient(stats, |s| with_target(s, s.at_target.food)),
        "days_below_ear": per_nutrient(stats, |s| with_ear(s, s.below_ear.with_supplements)),
        "days_below_ear_food": per_nutrient(stats, |s| with_ear(s, s.below_ear.food)),
        "days_maybe_below_ear": per_nutrient(stats, |s| with_ear(s, s.maybe_below_ear.with_supplements)),
        "days_maybe_below_ear_food": per_nutrient(stats, |s| with_ear(s, s.maybe_below_ear.food)),
        "unknown_items": per_nutrient(stats, |s| Some(json!(s.unknown_items))),
        "unknown_days": per_nutrient(stats, |s| Some(json!(s.unknown_days))),
        "targets": per_nutrient(stats, |s| s.target.map(|t| json!(t))),
        "ear": per_nutrient(stats, |s| s.ear.map(|t| json!(t))),
        "ca_mg_ratio": stats.ca_mg_ratio.map(|r| (r * 100.0).round() / 100.0),
    })
}

/// One day: whether food was logged; for a logged day its totals (food and supplements), the
/// food part and the unknown counts (null when not logged); what supplements gave, always.
pub fn day_json(day: &DaySummary) -> Value {
    let amounts = |f: &dyn Fn(Nutrient) -> f64| -> Map<String, Value> {
        Nutrient::all().map(|n| (n.key().to_string(), json!(round_for_output(n, f(n))))).collect()
    };
    let logged = day.logged();
    json!({
        "date": day.date.to_string(),
        "logged": logged,
        "supplements_only": day.supplements_only(),
        "items": day.totals.items,
        "totals": logged.then(|| json!(day.totals.known_map())),
        "food": logged.then(|| amounts(&|n| day.food(n))),
        "supplements": amounts(&|n| day.supplement(n)),
        "unknown": logged.then(|| json!(day.totals.unknown_map())),
    })
}
