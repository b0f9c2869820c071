//! `marrow lab add|list|rm`: laboratory values (25(OH)D, serum magnesium and calcium, PTH),
//! kept as entered, read against their bands and set beside the intake of their nutrient.

use clap::Subcommand;
use serde_json::{json, Value};

use super::{print_json, CliError, Context};
use crate::domain::labs::{self, NewLab};
use crate::present::labs as words;
use crate::present::VitaminDUnit;
use crate::service::labs::{self as service, LabLine};
use crate::store::StoreError;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum LabCommand {
    /// Record a value: marrow lab add 25ohd 18 ng/mL --date 2026-03-01
    Add {
        /// 25ohd (or vitamin-d), magnesium, calcium or pth
        kind: String,
        /// The value as the lab reported it
        #[arg(allow_hyphen_values = true)]
        value: String,
        /// ng/mL or nmol/L (25ohd); mmol/L or mg/dL (magnesium, calcium); pg/mL or pmol/L (pth)
        unit: String,
        /// YYYY-MM-DD, the day the blood was drawn [default: today]
        #[arg(long)]
        date: Option<String>,
        /// The lab's own reference range, in the value's unit: LOW-HIGH, e.g. 8.6-10.3
        #[arg(long, value_name = "LOW-HIGH", allow_hyphen_values = true)]
        range: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Every value recorded, oldest first, with how it reads and the intake before it
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove a value by its id
    Rm { id: String },
}

pub fn run(c: LabCommand, ctx: &Context) -> Result<(), CliError> {
    let d = ctx.config.units.vitamin_d;
    match c {
        LabCommand::Add { kind, value, unit, date, range, json: as_json } => {
            let (kind, value, unit, range) = labs::parse(&kind, &value, &unit, range.as_deref())
                .map_err(|e| CliError::Usage(e.to_string()))?;
            let date = ctx.date(date.as_deref())?;
            if date > ctx.today() {
                return Err(CliError::Usage(format!(
                    "{date} is in the future: give the day the blood was drawn"
                )));
            }
            let new = NewLab { date, kind, value, unit, range, logged_at: String::new() };
            let line = service::add(&mut ctx.diary()?, new, &ctx.now())?;
            if as_json {
                return print_json(&lab_json(&line, d));
            }
            outln!("added {}", words::summary(&line.lab, line.reading));
            for l in words::lines(&line, d).into_iter().skip(1) {
                outln!("{l}");
            }
            outln!("  {}", words::NOT_ADVICE);
            Ok(())
        }
        LabCommand::List { json: as_json } => {
            let lines = service::lines(&ctx.diary_for_reading()?, None)?;
            if as_json {
                return print_json(&Value::Array(lines.iter().map(|l| lab_json(l, d)).collect()));
            }
            if lines.is_empty() {
                outln!("no lab values recorded: marrow lab add 25ohd 18 ng/mL");
                return Ok(());
            }
            for line in &lines {
                for l in words::lines(line, d) {
                    outln!("{l}");
                }
            }
            outln!();
            for s in words::SOURCES {
                outln!("{s}");
            }
            outln!("{}", words::NOT_ADVICE);
            Ok(())
        }
        LabCommand::Rm { id } => {
            let id = super::context::parse_id(&id, "a lab id", "marrow lab list")?;
            let lab = match service::remove(&mut ctx.diary()?, id) {
                Err(StoreError::NoSuchEntry(_)) => {
                    return Err(CliError::Usage(format!("no lab value with id {id}: see marrow lab list")))
                }
                other => other?,
            };
            outln!(
                "removed #{}: {} {} on {}",
                lab.id,
                words::kind_name(lab.lab.kind),
                words::value(&lab.lab),
                lab.lab.date
            );
            Ok(())
        }
    }
}

/// `{"id","date","kind","value","unit","range":{low,high}|null,"converted":{value,unit},
/// "reading","reading_text","intake":{...}|null}`.
pub(super) fn lab_json(line: &LabLine, d: VitaminDUnit) -> Value {
    let l = &line.lab.lab;
    let [a, b] = l.kind.units();
    let other = if l.unit == a { b } else { a };
    let intake = line.intake.as_ref().map(|s| {
        json!({
            "nutrient": s.nutrient.key(),
            "from": line.window.first.to_string(),
            "to": line.window.last.to_string(),
            "logged_days": s.logged_days,
            "average": s.average,
            "food_average": s.food_average,
            "lower_bound": s.lower_bound(),
            "text": words::intake(line, d),
        })
    });
    json!({
        "id": line.lab.id,
        "date": l.date.to_string(),
        "kind": l.kind.key(),
        "value": l.value,
        "unit": l.unit.key(),
        "range": l.range.map(|r| json!({"low": r.low, "high": r.high})),
        "converted": {"value": labs::convert(l.kind, l.value, l.unit, other).map(|v| (v * 1000.0).round() / 1000.0), "unit": other.key()},
        "reading": words::reading_short(line.reading),
        "reading_text": words::reading(l, line.reading),
        "intake": intake,
    })
}
