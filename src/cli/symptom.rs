//! `marrow symptom add|list|rm|view`: a symptom's score (0-10) on a day, and the view that
//! lines its scores up with a nutrient and the runs of that supplement.

use clap::Subcommand;
use serde_json::{json, Value};

use super::note::Range;
use super::{print_json, CliError, Context};
use crate::domain::symptoms::{parse_score, symptom_name, Symptom};
use crate::domain::Nutrient;
use crate::present::{safe, symptoms as words};
use crate::service::symptoms::{view, SymptomView};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum SymptomCommand {
    /// Score a symptom: marrow symptom add cramps 6
    Add {
        /// cramps, joint pain, stiffness, fatigue, sleep, or any name of yours
        name: String,
        /// 0 (none) to 10 (worst), a whole number; several on one day are averaged per day
        #[arg(allow_hyphen_values = true)]
        score: String,
        /// YYYY-MM-DD, today or yesterday [default: today]
        #[arg(long)]
        date: Option<String>,
    },
    /// List scores: every one, or those of a day or a span
    List {
        #[command(flatten)]
        range: Range,
        #[arg(long)]
        json: bool,
    },
    /// Remove a score by its id
    Rm { id: String },
    /// A symptom's daily scores beside a nutrient's intake and the supplement's starts and stops
    View {
        /// The symptom, e.g. cramps
        name: String,
        /// The nutrient to line it up with
        #[arg(long, default_value = "magnesium")]
        nutrient: String,
        /// Compare before and after this day (14 days each side) [default: the latest start of
        /// the supplement among the days with a score]
        #[arg(long, value_name = "DATE")]
        around: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

fn usage(e: impl ToString) -> CliError {
    CliError::Usage(e.to_string())
}

pub fn run(c: SymptomCommand, ctx: &Context) -> Result<(), CliError> {
    match c {
        SymptomCommand::Add { name, score, date } => {
            let name = symptom_name(&name).map_err(usage)?;
            let score = parse_score(&score).map_err(usage)?;
            let date = ctx.date(date.as_deref())?;
            let s = ctx.diary()?.add_symptom(date, &name, score, &ctx.now())?;
            outln!("logged #{}: {} on {}", s.id, words::symptom(&s), s.date);
            Ok(())
        }
        SymptomCommand::List { range, json: as_json } => {
            let (from, to) = range.days(ctx)?;
            let scores = ctx.diary_for_reading()?.symptoms(from, to)?;
            if as_json {
                return print_json(&Value::Array(scores.iter().map(symptom_json).collect()));
            }
            if scores.is_empty() {
                outln!("no symptoms");
                return Ok(());
            }
            let rows: Vec<Vec<String>> = scores
                .iter()
                .map(|s| vec![format!("#{}", s.id), s.date.to_string(), s.name.clone(), s.score.to_string()])
                .collect();
            out!("{}", super::table::render(&["symptom", "date", "name", "score"], &rows, 3));
            Ok(())
        }
        SymptomCommand::Rm { id } => {
            let id = super::context::parse_id(&id, "a symptom id", "marrow symptom list")?;
            let s = ctx.diary()?.remove_symptom(id)?;
            outln!("removed #{}: {} on {}", s.id, words::symptom(&s), s.date);
            Ok(())
        }
        SymptomCommand::View { name, nutrient, around, json: as_json } => {
            let name = symptom_name(&name).map_err(usage)?;
            let nutrient = Nutrient::parse(&nutrient).ok_or_else(|| {
                CliError::Usage(format!(
                    "unknown nutrient {:?}: use magnesium, calcium, vitamin-d or another of `marrow top --help`",
                    super::context::short(&nutrient)
                ))
            })?;
            let around = around.as_deref().map(|d| ctx.date(Some(d))).transpose()?;
            let v = view(&ctx.diary_for_reading()?, &name, nutrient, around)?;
            if as_json {
                return print_json(&view_json(&v));
            }
            print_view(&v, ctx);
            Ok(())
        }
    }
}

fn print_view(v: &SymptomView, ctx: &Context) {
    if v.days.is_empty() {
        outln!("no scores of {} to show", safe(&v.name));
        return;
    }
    let d = ctx.config.units.vitamin_d;
    let heads = words::heads(v);
    let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
    out!("{}", super::table::render(&heads, &words::lines(v, d), 1));
    outln!();
    match &v.comparison {
        Some(c) if c.comparable() => {
            for line in words::comparison(v, c) {
                outln!("{line}");
            }
            outln!("{}", words::CAVEAT);
        }
        _ => outln!("{}", words::no_comparison(v)),
    }
}

/// `{"id","date","name","score","logged_at"}`.
pub fn symptom_json(s: &Symptom) -> Value {
    json!({"id": s.id, "date": s.date.to_string(), "name": s.name, "score": s.score, "logged_at": s.logged_at})
}

fn view_json(v: &SymptomView) -> Value {
    let side = |s: &crate::domain::symptoms::Side| json!({"days": s.days, "mean": s.mean});
    json!({
        "symptom": v.name,
        "nutrient": v.nutrient.key(),
        "days": v.days.iter().map(|d| json!({
            "date": d.date.to_string(),
            "score": d.score,
            "scores": d.scores,
            "intake": d.intake,
            "from_supplements": d.supplemental,
            "run_starts": d.starts,
            "run_stops": d.stops,
        })).collect::<Vec<_>>(),
        "runs": v.runs.iter().map(|r| json!({"start": r.start.to_string(), "stop": r.stop.to_string()})).collect::<Vec<_>>(),
        "comparison": v.comparison.map(|c| json!({
            "start": c.start.to_string(),
            "before": side(&c.before),
            "after": side(&c.after),
            "comparable": c.comparable(),
        })),
        "caveat": words::CAVEAT,
    })
}
