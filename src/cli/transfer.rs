//! `marrow backup`, `marrow export` and `marrow import diary`: copies of the diary that
//! restore everything, and exports a spreadsheet opens.

use std::io::Write;
use std::path::PathBuf;

use super::{CliError, Context};
use crate::domain::nutrient::{round_for_output, NUTRIENTS};
use crate::service::day::{daily, Daily, MAX_LISTED_DAYS};
use crate::service::{transfer as service, ServiceError};
use crate::store::{Table, Unreadable};
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
            let (x, unreadable) = service::export(&diary, from, to)?;
            warn_unreadable(&unreadable, "left as it is, and exported as stored under \"unreadable\"");
            serde_json::to_string_pretty(&x).map_err(|e| CliError::Failure(e.to_string()))? + "\n"
        }
        (Format::Csv, false) => {
            let (x, unreadable) = service::export(&diary, from, to)?;
            let entries: Vec<Unreadable> =
                unreadable.into_iter().filter(|u| u.table == Table::Entries).collect();
            warn_unreadable(&entries, "left as it is, and out of the CSV (the JSON export keeps it)");
            entries_csv(&x)
        }
        (Format::Csv, true) => totals_csv(&daily(&diary, from, to)?),
    };
    write_out(&out)
}

/// One line on stderr for each row that could not be read, saying what became of it.
pub fn warn_unreadable(rows: &[Unreadable], what_became: &str) {
    let mut err = std::io::stderr().lock();
    for u in rows {
        let _ = writeln!(err, "marrow: {u}; {what_became}");
    }
}

/// One row per day: its date, how many items were logged, then each nutrient's total; a
/// day with nothing logged, or a nutrient no item of the day knows, is an empty cell.
fn totals_csv(daily: &Daily) -> String {
    warn_unreadable(&daily.unreadable, "left as it is; its day's totals leave it out (items counts it)");
    if let (false, Some((first, last))) = (daily.every_day, daily.span) {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(
            err,
            "marrow: {first} to {last} is more than {MAX_LISTED_DAYS} days; the CSV lists only the {} days with \
             something logged",
            daily.days.len()
        );
    }
    let mut h = vec![Cell::Text("date".into()), Cell::Text("items".into())];
    h.extend(NUTRIENTS.iter().map(|i| Cell::Text(i.key.into())));
    let mut text = csv_line(&h);
    for d in &daily.days {
        let mut row = vec![Cell::Text(d.date.to_string()), Cell::Number(d.totals.items.to_string())];
        row.extend(NUTRIENTS.iter().map(|i| {
            let n = i.nutrient;
            let known = d.totals.unknown(n) < d.totals.items || d.supplemental[n.index()] > 0.0;
            Cell::Number(if known { fmt(round_for_output(n, d.totals.get(n))) } else { String::new() })
        }));
        text.push_str(&csv_line(&row));
    }
    text
}

fn write_out(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes()).map_err(|e| CliError::Failure(format!("can't write: {e}")))
}

fn fmt(x: f64) -> String {
    format!("{x}")
}

/// One row per entry: date, time, meal, food, quantity, grams, then each nutrient (its unit in
/// the column name); an unknown value is an empty cell.
fn entries_csv(x: &Export) -> String {
    let mut h: Vec<Cell> = ["date", "time", "meal", "food_id", "food_name", "quantity", "grams"]
        .into_iter()
        .map(|c| Cell::Text(c.into()))
        .collect();
    h.extend(NUTRIENTS.iter().map(|i| Cell::Text(i.key.into())));
    let mut text = csv_line(&h);
    for e in &x.entries {
        let time = e.logged_at.get(11..16).unwrap_or("").to_string();
        let mut row = vec![
            Cell::Text(e.date.clone()),
            Cell::Text(time),
            Cell::Text(e.meal.clone()),
            Cell::Text(e.food_id.clone()),
            Cell::Text(e.name.clone()),
            Cell::Text(e.quantity.clone()),
            Cell::Number(fmt(e.grams)),
        ];
        for i in &NUTRIENTS {
            let v = e.per_100g.get(i.key).copied().flatten();
            row.push(Cell::Number(
                v.map(|v| fmt(round_for_output(i.nutrient, v * e.grams / 100.0))).unwrap_or_default(),
            ));
        }
        text.push_str(&csv_line(&row));
    }
    text
}

/// A CSV cell: text (names, ids, quantities as typed) or a number marrow wrote.
enum Cell {
    Text(String),
    Number(String),
}

/// RFC 4180: quote fields with commas, quotes or line breaks; lines end in CRLF. A text cell
/// starting with = + - @, a tab or a carriage return would be read as a formula by
/// spreadsheets: it gets a leading '. Control characters an old diary may hold in a name are
/// shown as their pictures, as on the terminal. Numbers stay numbers.
fn csv_line(cells: &[Cell]) -> String {
    use crate::present::safe;
    let cells: Vec<String> = cells
        .iter()
        .map(|c| {
            let f = match c {
                Cell::Text(t) if t.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{}", safe(t)),
                Cell::Text(t) => safe(t).into_owned(),
                Cell::Number(t) => t.clone(),
            };
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
    let text = crate::files_guard::read_to_string(path, &crate::files_guard::DIARY_EXPORT)
        .map_err(|e| CliError::Usage(format!("can't read {}: {e}", path.display())))?;
    let de = &mut serde_json::Deserializer::from_str(&text);
    let x: Export = serde_path_to_error::deserialize(&mut *de)
        .map_err(|e| CliError::Usage(format!("{}: {} at {}", path.display(), e.inner(), e.path())))?;
    // One export and nothing after it: not two exports, not a tail of something else.
    de.end().map_err(|e| {
        CliError::Usage(format!("{}: {e}: the file goes on after the export ends", path.display()))
    })?;
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
