//! `marrow backup`, `marrow export` and `marrow import diary`: copies of the diary that
//! restore everything, and exports a spreadsheet opens.

use std::io::Write;
use std::path::PathBuf;

use super::{CliError, Context};
use crate::domain::nutrient::{round_for_output, NUTRIENTS};
use crate::domain::Nutrient;
use crate::present::{self, VitaminDUnit};
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
#[command(
    after_help = "CSV: `time` is the time of day of the row on its date: a dose's own time (--time) when \
given, else when the row was recorded, if that was on the same day (empty otherwise). \
See docs/export-format.md."
)]
pub struct ExportArgs {
    /// json (complete: `marrow import diary` reads it) or csv (one row per entry and supplement dose)
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
            let entries: Vec<Unreadable> = unreadable
                .into_iter()
                .filter(|u| matches!(u.table, Table::Entries | Table::Supplements))
                .collect();
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

/// One row per day: its date, how many food items were logged, each nutrient's total (food
/// and supplements), then each nutrient's count of items of unknown value, then what
/// supplements gave of it. A day with no food logged has empty totals and unknown counts (a
/// supplement-only day keeps its supplement amounts); a day with nothing logged is empty
/// throughout; a nutrient no item of a logged day knows (and no dose gave) is an empty total.
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
    h.extend(NUTRIENTS.iter().map(|i| Cell::Text(format!("{}_unknown_items", i.key))));
    h.extend(NUTRIENTS.iter().map(|i| Cell::Text(format!("{}_from_supplements", i.key))));
    let mut text = csv_line(&h);
    for d in &daily.days {
        let (food, doses) = (d.logged(), d.logged() || d.supplements_only());
        let mut row = vec![Cell::Text(d.date.to_string()), Cell::Number(d.totals.items.to_string())];
        row.extend(NUTRIENTS.iter().map(|i| {
            let n = i.nutrient;
            let known = d.totals.unknown(n) < d.totals.items || d.supplement(n) > 0.0;
            number((food && known).then(|| round_for_output(n, d.totals.get(n))))
        }));
        row.extend(NUTRIENTS.iter().map(|i| {
            Cell::Number(if food { d.totals.unknown(i.nutrient).to_string() } else { String::new() })
        }));
        row.extend(
            NUTRIENTS
                .iter()
                .map(|i| number(doses.then(|| round_for_output(i.nutrient, d.supplement(i.nutrient))))),
        );
        text.push_str(&csv_line(&row));
    }
    text
}

/// A number cell, empty when there is no figure.
fn number(v: Option<f64>) -> Cell {
    Cell::Number(v.map(fmt).unwrap_or_default())
}

fn write_out(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes()).map_err(|e| CliError::Failure(format!("can't write: {e}")))
}

fn fmt(x: f64) -> String {
    format!("{x}")
}

/// One row per entry and per supplement dose, in date order (a day's food first): date, time,
/// meal, food, quantity, grams, kind (`food` or `supplement`), then each nutrient (its unit in
/// the column name). In a food row an unknown value is an empty cell; a dose's row has its
/// amount under its nutrient and 0 under the others (it adds nothing else, as in the totals).
pub(crate) fn entries_csv(x: &Export) -> String {
    let mut h: Vec<Cell> = ["date", "time", "meal", "food_id", "food_name", "quantity", "grams", "kind"]
        .into_iter()
        .map(|c| Cell::Text(c.into()))
        .collect();
    h.extend(NUTRIENTS.iter().map(|i| Cell::Text(i.key.into())));
    let mut rows: Vec<(&str, Vec<Cell>)> = Vec::new();
    for e in &x.entries {
        let mut row = vec![
            Cell::Text(e.date.clone()),
            Cell::Text(time_of_day(&e.date, None, &e.logged_at)),
            Cell::Text(e.meal.clone()),
            Cell::Text(e.food_id.clone()),
            Cell::Text(e.name.clone()),
            Cell::Text(e.quantity.clone()),
            Cell::Number(fmt(e.grams)),
            Cell::Text("food".into()),
        ];
        for i in &NUTRIENTS {
            let v = e.per_100g.get(i.key).copied().flatten();
            row.push(number(v.map(|v| round_for_output(i.nutrient, v * e.grams / 100.0))));
        }
        rows.push((&e.date, row));
    }
    for s in &x.supplements {
        let Some(n) = Nutrient::all().find(|n| n.key() == s.nutrient) else { continue };
        let mut row = vec![
            Cell::Text(s.date.clone()),
            Cell::Text(time_of_day(&s.date, s.time.as_deref(), &s.logged_at)),
            Cell::Text(String::new()),
            Cell::Text(String::new()),
            Cell::Text(present::supplement_name(n, s.form.as_deref())),
            Cell::Text(present::amount(n, s.amount, VitaminDUnit::Micrograms)),
            Cell::Number(String::new()),
            Cell::Text("supplement".into()),
        ];
        row.extend(
            NUTRIENTS
                .iter()
                .map(|i| number(Some(if i.nutrient == n { round_for_output(n, s.amount) } else { 0.0 }))),
        );
        rows.push((&s.date, row));
    }
    // Stable: each day's food rows in their order, then its doses.
    rows.sort_by(|a, b| a.0.cmp(b.0));
    let mut text = csv_line(&h);
    for (_, row) in &rows {
        text.push_str(&csv_line(row));
    }
    text
}

/// The `time` cell, HH:MM: a dose's own time when given, else the time of `logged_at` when the
/// row was recorded on its own date (marrow does not ask when food was eaten; most people log
/// as they eat), else empty: a time recorded on another day says nothing of this one.
fn time_of_day(date: &str, own: Option<&str>, logged_at: &str) -> String {
    if let Some(t) = own {
        return t.to_string();
    }
    match (logged_at.get(..10), logged_at.get(11..16)) {
        (Some(day), Some(t)) if day == date => t.to_string(),
        _ => String::new(),
    }
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
            "the diary already holds {present} dated records (entries, doses, labs, notes or scores); import into an empty data directory (--data-dir) or pass --merge"
        )),
        other => other.into(),
    })?;
    outln!("imported {} from {}", present::imported(&done), path.display());
    Ok(())
}
