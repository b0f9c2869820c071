//! `marrow review [--week | --month | --from D --to D] [--json]`: how a period went for
//! magnesium, calcium and vitamin D against the one before it, and foods for the nutrient most
//! often short. The period's choice is shared with `marrow report`; the JSON here is the data
//! the report's figures are checked against.

use serde_json::{json, Map, Value};

use super::week::{day_json, period_json};
use super::{print_json, CliError, Context};
use crate::domain::nutrient::round_for_output;
use crate::domain::period::Period;
use crate::domain::Nutrient;
use crate::service::review::{review, weigh_sun, Review};

/// Days in `--week` (the default) and in `--month`.
pub const WEEK_DAYS: u32 = 7;
pub const MONTH_DAYS: u32 = 30;
/// The longest `--from`/`--to` span: ten years and a few leap days.
pub const MAX_DAYS: usize = 3660;

#[derive(Debug, clap::Args)]
pub struct PeriodArgs {
    /// The 7 days ending on --end (the default)
    #[arg(long, conflicts_with_all = ["month", "from", "to"])]
    pub week: bool,
    /// The 30 days ending on --end
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub month: bool,
    /// The last day of the week or the 30 days, YYYY-MM-DD [default: today]
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub end: Option<String>,
    /// The first day of the period, YYYY-MM-DD (with --to)
    #[arg(long, requires = "to")]
    pub from: Option<String>,
    /// The last day of the period, YYYY-MM-DD (with --from)
    #[arg(long, requires = "from")]
    pub to: Option<String>,
}

impl PeriodArgs {
    /// The period asked for: refused when `--from` is after `--to` or the span is longer than
    /// [`MAX_DAYS`].
    pub fn period(&self, ctx: &Context) -> Result<Period, CliError> {
        if let (Some(f), Some(t)) = (&self.from, &self.to) {
            let (first, last) = (ctx.date(Some(f))?, ctx.date(Some(t))?);
            if first > last {
                return Err(CliError::Usage(format!("--from {first} is after --to {last}")));
            }
            let p = Period::new(first, last);
            if p.len() > MAX_DAYS {
                return Err(CliError::Usage(format!(
                    "{} days from {first} to {last}: a review covers at most {MAX_DAYS} days",
                    p.len()
                )));
            }
            return Ok(p);
        }
        let end = ctx.date(self.end.as_deref())?;
        Ok(Period::days_ending(end, if self.month { MONTH_DAYS } else { WEEK_DAYS }))
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Print JSON (amounts in each nutrient's own unit, vitamin D in µg)
    #[arg(long)]
    pub json: bool,
}

/// The review of the period the arguments ask for, unreadable rows warned about once.
pub fn read(period: &PeriodArgs, ctx: &Context) -> Result<Review, CliError> {
    let p = period.period(ctx)?;
    let r = review(&ctx.diary_for_reading()?, &ctx.catalog()?, p)?;
    super::transfer::warn_unreadable(&r.unreadable, "left as it is; its day's totals leave it out");
    Ok(r)
}

pub fn run(a: Args, ctx: &Context) -> Result<(), CliError> {
    let r = read(&a.period, ctx)?;
    let sun = ctx.config.latitude().map(|lat| weigh_sun(&r, lat));
    if a.json {
        let mut v = review_json(&r);
        let labs = r.labs.iter().map(|l| super::lab::lab_json(l, ctx.config.units.vitamin_d)).collect();
        if let Some(o) = v.as_object_mut() {
            o.insert("labs".into(), Value::Array(labs));
        }
        if let (Some(o), Some(w)) = (v.as_object_mut(), &sun) {
            o.insert("sun".into(), json!({"latitude": w.sun.latitude, "sunless_days": w.sunless_days, "short_without_sun": w.short_without_sun()}));
        }
        return print_json(&v);
    }
    out!("{}", crate::present::review::text_with_sun(&r, sun.as_ref(), ctx.config.units.vitamin_d));
    Ok(())
}

/// `n`'s amount as the JSON gives it.
fn amount(n: Nutrient, v: f64) -> Value {
    json!(round_for_output(n, v))
}

/// The review as data: the period's figures in `week --json`'s shape, the previous period's,
/// and per bone nutrient its foods, supplements and change.
pub fn review_json(r: &Review) -> Value {
    let p = r.stats.period;
    let nutrients: Map<String, Value> = r
        .nutrients
        .iter()
        .map(|nr| {
            let n = nr.nutrient;
            let (now, then) = (r.stats.get(n), r.previous.get(n));
            let change = match (now.average, then.average) {
                (Some(a), Some(b)) => json!(round_for_output(n, a - b)),
                _ => Value::Null,
            };
            let foods: Vec<Value> = nr
                .foods
                .iter()
                .map(|c| json!({"name": c.name, "amount": amount(n, c.amount), "share": (c.percent * 10.0).round() / 10.0}))
                .collect();
            let v = json!({
                "logged_days": now.logged_days,
                "average": now.average.map(|a| amount(n, a)),
                "average_food": now.food_average.map(|a| amount(n, a)),
                "average_is_lower_bound": now.lower_bound(),
                "target": now.target,
                "ear": now.ear,
                "days_at_target": now.at_target.with_supplements,
                "days_at_target_food": now.at_target.food,
                "days_below_ear": now.below_ear.with_supplements,
                "days_below_ear_food": now.below_ear.food,
                "days_maybe_below_ear": now.maybe_below_ear.with_supplements,
                "unknown_items": now.unknown_items,
                "unknown_days": now.unknown_days,
                "foods": foods,
                "supplements_total": amount(n, nr.supplement_total),
                "supplements_per_day": amount(n, nr.supplement_per_day(p)),
                "previous_logged_days": then.logged_days,
                "previous_average": then.average.map(|a| amount(n, a)),
                "change": change,
            });
            (n.key().to_string(), v)
        })
        .collect();
    let doses: Vec<Value> = r
        .doses
        .iter()
        .map(|l| {
            let n = l.nutrient;
            json!({
                "nutrient": n.key(),
                "form": l.form,
                "doses": l.doses,
                "days": l.days,
                "total": amount(n, l.total),
                "amounts": l.amounts.iter().map(|a| amount(n, *a)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let warnings: Vec<Value> = r
        .warnings
        .iter()
        .map(|(d, w)| {
            json!({"date": d.to_string(), "code": w.code.as_str(), "nutrient": w.nutrient.key(),
                   "amount": amount(w.nutrient, w.amount), "limit": w.limit})
        })
        .collect();
    let shortfall = r.shortfall.as_ref().map(|s| {
        let n = s.nutrient;
        json!({
            "nutrient": n.key(),
            "days_below_ear": s.days_below_ear,
            "gap": amount(n, s.gap),
            "suggestions": s.suggestions.iter().map(|x| json!({
                "id": x.food.id, "name": x.food.name, "portion": x.portion,
                "grams": x.grams, "adds": amount(n, x.adds), "yours": x.yours,
            })).collect::<Vec<_>>(),
        })
    });
    json!({
        "from": p.first.to_string(),
        "to": p.last.to_string(),
        "period": period_json(&r.stats),
        "previous": period_json(&r.previous),
        "nutrients": nutrients,
        "ca_mg_ratio": r.stats.ca_mg_ratio.map(|x| (x * 100.0).round() / 100.0),
        "supplements": doses,
        "warnings": warnings,
        "most_short": shortfall,
        "unreadable_rows": r.unreadable.len(),
        "days": r.days.iter().map(day_json).collect::<Vec<_>>(),
    })
}
