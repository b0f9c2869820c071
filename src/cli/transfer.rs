//! `marrow backup`, `marrow export` and `marrow import diary`: copies of the diary that
//! restore everything, and exports a spreadsheet opens.

use std::io::Write;
use std::path::PathBuf;

use super::{CliError, Context};
use crate::domain::nutrient::{round_for_output, NUTRIENTS};
use crate::service::{summaries, transfer as service, ServiceError};
use crate::transfer::{self, Export};

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write the copy (must not exist)
    pub path: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// json (complete: `marrow import diary` reads it) or csv (one row per entry)
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// First day, YYYY-MM-DD
    #[arg(long)]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD
    #[arg(long)]
    pub to: Option<String>,
    /// CSV: one row per day with the day's totals instead
    #[arg(long)]
    pub totals: bool,
}

/// `marrow backup PATH`.
pub fn backup(a: BackupArgs, ctx: &Context) -> Result<(), CliError> {
    if std::fs::symlink_metadata(&a.path).is_ok() {
        return Err(CliError::Usage(format!(
            "{} already exists; marrow never overwrites a file",
            a.path.display()
        )));
    }
    ctx.diary_for_reading()?.backup_to(&a.path)?;
    outln!("backed up the diary to {}", a.path.display());
    Ok(())
}

/// `marrow export`.
pub fn export(a: ExportArgs, ctx: &Context) -> Result<(), CliError> {
    let from = a.from.as_deref().map(|d| ctx.date(Some(d))).transpose()?;
    let to = a.to.as_deref().map(|d| ctx.date(Some(d))).transpose()?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(CliError::Usage(format!("--from {f} is after --to {t}")));
        }
    }
    let diary = ctx.diary_for_reading()?;
    let out = match (a.format, a.totals) {
        (Format::Json, true) => return Err(CliError::Usage("--totals is for --format csv".into())),
        (Format::Json, false) => {
            let x = service::export(&diary, from, to)?;
            serde_json::to_string_pretty(&x).map_err(|e| CliError::Failure(e.to_string()))? + "\n"
        }
        (Format::Csv, false) => entries_csv(&service::export(&diary, from, to)?),
        (Format::Csv, true) => {
            let x = service::export(&diary, from, to)?;
            let first = x
                .entries
                .first()
                .map(|e| e.date.clone())
                .into_iter()
                .chain(x.supplements.iter().map(|s| s.date.clone()))
                .min();
            let last = x
                .entries
                .last()
                .map(|e| e.date.clone())
                .into_iter()
                .chain(x.supplements.iter().map(|s| s.date.clone()))
                .max();
            let (Some(first), Some(last)) =
                (from.or(first.and_then(|d| d.parse().ok())), to.or(last.and_then(|d| d.parse().ok())))
            else {
                return write_out(&totals_header());
            };
            let days = (last - first).num_days().clamp(0, 36_600) as u32 + 1;
            let profile = diary.profile()?;
            let mut text = totals_header();
            for d in summaries(&diary, last, days, &profile)? {
                let mut row = vec![d.date.to_string(), d.totals.items.to_string()];
                row.extend(
                    NUTRIENTS.iter().map(|i| fmt(round_for_output(i.nutrient, d.totals.get(i.nutrient)))),
                );
                text.push_str(&csv_line(&row));
            }
            text
        }
    };
    write_out(&out)
}

fn write_out(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes()).map_err(|e| CliError::Failure(format!("can't write: {e}")))
}

fn fmt(x: f64) -> String {
    format!("{x}")
}

fn totals_header() -> String {
    let mut h = vec!["date".to_string(), "items".to_string()];
    h.extend(NUTRIENTS.iter().map(|i| i.key.to_string()));
    csv_line(&h)
}

/// One row per entry: date, time, meal, food, quantity, grams, then each nutrient (its unit in
/// the column name); an unknown value is an empty cell.
fn entries_csv(x: &Export) -> String {
    let mut h: Vec<String> =
        ["date", "time", "meal", "food_id", "food_name", "quantity", "grams"].map(String::from).to_vec();
    h.extend(NUTRIENTS.iter().map(|i| i.key.to_string()));
    let mut text = csv_line(&h);
    for e in &x.entries {
        let time = e.logged_at.get(11..16).unwrap_or("").to_string();
        let mut row = vec![
            e.date.clone(),
            time,
            e.meal.clone(),
            e.food_id.clone(),
            e.name.clone(),
            e.quantity.clone(),
            fmt(e.grams),
        ];
        for i in &NUTRIENTS {
            let v = e.per_100g.get(i.key).copied().flatten();
            row.push(v.map(|v| fmt(round_for_output(i.nutrient, v * e.grams / 100.0))).unwrap_or_default());
        }
        text.push_str(&csv_line(&row));
    }
    text
}

/// RFC 4180: quote fields with commas, quotes or line breaks; lines end in CRLF.
fn csv_line(fields: &[String]) -> String {
    let cells: Vec<String> = fields
        .iter()
        .map(|f| {
            // A leading = + - @ would be read as a formula by spreadsheets.
            let f = if f.starts_with(['=', '+', '@']) { format!("'{f}") } else { f.clone() };
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f
            }
        })
        .collect();
    cells.join(",") + "\r\n"
}

/// `marrow import diary FILE.json`.
pub fn import_diary(path: &std::path::Path, merge: bool, ctx: &Context) -> Result<(), CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::Usage(format!("can't read {}: {e}", path.display())))?;
    let de = &mut serde_json::Deserializer::from_str(&text);
    let x: Export = serde_path_to_error::deserialize(de)
        .map_err(|e| CliError::Usage(format!("{}: {} at {}", path.display(), e.inner(), e.path())))?;
    let restore = transfer::validate(&x).map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?;
    let done = service::import(&mut ctx.diary()?, &restore, merge, &ctx.now()).map_err(|e| match e {
        ServiceError::NotEmpty(present) => CliError::Usage(format!(
            "the diary already holds {present} entries and doses; import into an empty data directory (--data-dir) or pass --merge"
        )),
        other => other.into(),
    })?;
    outln!(
        "imported {} entries, {} supplement doses, {} custom foods and {} saved meals from {}",
        done.entries,
        done.supplements,
        done.custom_foods,
        done.meals,
        path.display()
    );
    Ok(())
}
