//! What the exports of other food diaries (Cronometer, MyFitnessPal) have in common once read:
//! a row of figures as the app exported them, turned into a diary entry that keeps those
//! figures exact, and the one-line refusals naming the row and the column at fault.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveTime};

use crate::domain::quantity::MAX_GRAMS;
use crate::domain::sane::{max_per_100g, user_text};
use crate::domain::{Meal, NewEntry, Nutrient, NutrientValues};

/// The longest food name an imported entry keeps.
const NAME_MAX: usize = 1000;
/// The longest amount text ("1.00 cup") an imported entry keeps.
const QUANTITY_MAX: usize = 200;
/// The most a row whose weight is not exported may hold: what this much food could hold at
/// most (`sane::max_per_100g`). More is a damaged file, not a meal.
pub const MAX_UNWEIGHED_GRAMS: f64 = 5_000.0;

/// Why an export was refused; nothing of it is imported.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AppImportError {
    /// The header lacks a column the format needs: not this app's export, or another of its
    /// exports.
    #[error("this is not {app}'s {export}: it has no column {missing:?} (expected columns {})", expected.join(", "))]
    Layout { app: &'static str, export: &'static str, missing: String, expected: Vec<&'static str> },
    /// A row that cannot be imported as it is.
    #[error("row {row} (line {line}), column {column:?}: {what}")]
    Row { row: usize, line: u64, column: String, what: String },
    /// A row the CSV reader could not read at all (a broken quote, a short row).
    #[error("row {row} (line {line}): {what}")]
    Unreadable { row: usize, line: u64, what: String },
    #[error("it holds no rows below its header")]
    Empty,
}

/// Something of the export that marrow reads differently from how the app shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Caveat {
    /// Vitamin A in IU: its RAE depends on whether it came from retinol or carotenoids.
    VitaminAInIu,
    /// Vitamin D in IU, converted at 40 IU per µg.
    VitaminDFromIu,
    /// Omega-3 as one figure, not split into ALA, EPA and DHA.
    Omega3NotSplit,
    /// These columns are percent of daily value, not amounts.
    PercentDailyValue,
    /// Some rows give an amount in a unit other than a weight.
    WeightUnknown,
}

/// One row of an export, read and checked: its day, meal, name, amount and figures.
#[derive(Debug, Clone, PartialEq)]
pub struct AppRow {
    /// Data row number, counting from 1 below the header.
    pub row: usize,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// The meal the row names; None when it names none of marrow's (a renamed group).
    pub meal: Option<Meal>,
    pub name: String,
    pub quantity: String,
    /// The weight, when the export gives one.
    pub grams: Option<f64>,
    /// The figures of the row as exported (not per 100 g); None is unknown.
    pub amounts: NutrientValues,
}

/// An export read whole: its rows and what was made of its columns.
#[derive(Debug, Clone, PartialEq)]
pub struct AppExport {
    /// "Cronometer" or "MyFitnessPal", for the entries' ids.
    pub app: &'static str,
    pub rows: Vec<AppRow>,
    /// marrow's nutrients found among the columns.
    pub found: BTreeSet<Nutrient>,
    /// Columns that were not read, as the header names them.
    pub ignored: Vec<String>,
    /// Columns read as unknown for what they hold, as the header names them, with why.
    pub unknown: Vec<(String, Caveat)>,
    pub caveats: BTreeSet<Caveat>,
}

impl AppExport {
    /// The first and last day, and how many days hold rows.
    pub fn days(&self) -> (Option<NaiveDate>, Option<NaiveDate>, usize) {
        let days: BTreeSet<NaiveDate> = self.rows.iter().map(|r| r.date).collect();
        (days.first().copied(), days.last().copied(), days.len())
    }

    /// The diary entries of these rows, all or none. `meal_at` gives the meal of a row that
    /// names none of marrow's by its time; a row without a time goes to snacks.
    pub fn entries(&self, meal_at: &dyn Fn(NaiveTime) -> Meal, logged_at: &str) -> Vec<NewEntry> {
        self.rows.iter().map(|r| entry(self.app, r, meal_at, logged_at)).collect()
    }
}

/// The entry of one row. Entries keep per-100 g figures and grams; the per-100 g figures are
/// the row's amounts divided by its grams, so the entry adds up to the row's amounts. A row
/// without a weight gets a nominal 100 g, or more when a figure would be more than 100 g of
/// food can hold (a whole meal of 1,400 kcal is kept as 140 g).
fn entry(app: &str, r: &AppRow, meal_at: &dyn Fn(NaiveTime) -> Meal, logged_at: &str) -> NewEntry {
    let grams = r.grams.unwrap_or_else(|| nominal_grams(&r.amounts));
    let mut per_100g = NutrientValues::unknown();
    for n in Nutrient::all() {
        per_100g.set(n, r.amounts.get(n).map(|a| a * 100.0 / grams));
    }
    let id: String = format!("{}:{}", app.to_lowercase(), r.name).chars().take(100).collect();
    NewEntry {
        date: r.date,
        meal: r.meal.unwrap_or_else(|| r.time.map_or(Meal::Snack, meal_at)),
        food_id: id,
        food_name: r.name.clone(),
        grams,
        quantity: r.quantity.clone(),
        logged_at: logged_at.to_string(),
        per_100g,
    }
}

/// 100 g, or the whole grams that keep every figure within what 100 g of food can hold.
pub fn nominal_grams(amounts: &NutrientValues) -> f64 {
    Nutrient::all()
        .filter_map(|n| amounts.get(n).map(|a| (a * 100.0 / max_per_100g(n)).ceil()))
        .fold(100.0, f64::max)
}

/// Reads a figure: empty is unknown; anything else must be a number of 0 or more.
pub fn figure(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim().replace(',', "");
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(Some(x)),
        Ok(x) if x < 0.0 => Err(format!("{t} is negative")),
        _ => Err(format!("{:?} is not a number", crate::domain::clip(text))),
    }
}

/// A day as "YYYY-MM-DD".
pub fn day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{:?} is not a date (YYYY-MM-DD)", crate::domain::clip(text)))
}

/// A time of day as "8:05 AM", "08:14 PM" or "14:05"; empty is none.
pub fn time(text: &str) -> Result<Option<NaiveTime>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let upper = t.to_uppercase();
    ["%I:%M %p", "%I:%M:%S %p", "%H:%M", "%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(&upper, f).ok())
        .map(Some)
        .ok_or_else(|| format!("{:?} is not a time of day", crate::domain::clip(text)))
}

/// The meal a diary app's group or meal names, if it is one of marrow's.
pub fn meal_named(text: &str) -> Option<Meal> {
    match text.trim().to_lowercase().as_str() {
        "breakfast" => Some(Meal::Breakfast),
        "lunch" => Some(Meal::Lunch),
        "dinner" | "supper" => Some(Meal::Dinner),
        "snack" | "snacks" => Some(Meal::Snack),
        _ => None,
    }
}

/// A name or amount text as marrow keeps it.
pub fn text(value: &str, long: bool) -> Result<String, String> {
    user_text(value, if long { NAME_MAX } else { QUANTITY_MAX }).map_err(|e| e.to_string())
}

/// Checks the row's figures against what its weight (or, unweighed, what
/// [`MAX_UNWEIGHED_GRAMS`] of food) can hold; the column at fault on refusal.
pub fn check_bounds(amounts: &NutrientValues, grams: Option<f64>) -> Result<(), (Nutrient, String)> {
    let weight = grams.unwrap_or(MAX_UNWEIGHED_GRAMS);
    for n in Nutrient::all() {
        if let Some(a) = amounts.get(n) {
            let most = max_per_100g(n) * weight / 100.0;
            if a > most {
                let unit = n.info().unit;
                return Err((n, format!("{a} {unit} is more than {weight} g of any food can hold")));
            }
        }
    }
    Ok(())
}

/// A weight as exported ("80.00 g", "1.5 oz", "0.25 lb", "1 kg"), in grams; None for any
/// other unit ("1.00 cup", "1.00 serving").
pub fn weight(amount: &str) -> Result<Option<f64>, String> {
    let t = amount.trim();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let grams_per = match unit.trim().to_lowercase().as_str() {
        "g" | "gram" | "grams" => 1.0,
        "kg" => 1000.0,
        "oz" => 28.349_523_125,
        "lb" | "lbs" => 453.592_37,
        _ => return Ok(None),
    };
    match figure(number)? {
        Some(x) if x > 0.0 && x * grams_per <= MAX_GRAMS => Ok(Some(x * grams_per)),
        Some(x) if x > 0.0 => Err(format!("{t} is more than {MAX_GRAMS} g")),
        // A weight of 0 says nothing of the food: its figures are kept without one.
        _ => Ok(None),
    }
}

/// A data row of a CSV export: its number (from 1 below the header), its line, its cells.
pub type Record = (usize, u64, csv::StringRecord);

/// The header and the rows of a CSV export (UTF-8, a byte order mark allowed), each row with
/// its number and line; a row the reader cannot read refuses the file.
pub fn records(bytes: &[u8]) -> Result<(Vec<String>, Vec<Record>), AppImportError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(bytes);
    let mut header = None;
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() + 1);
            AppImportError::Unreadable { row: i, line, what: e.to_string() }
        })?;
        // The reader counts lines from 0.
        let line = record.position().map_or(0, |p| p.line() + 1);
        if header.is_none() {
            header =
                Some(record.iter().map(|h| h.trim_start_matches('\u{feff}').trim().to_string()).collect());
        } else if record.iter().any(|f| !f.trim().is_empty()) {
            rows.push((i, line, record));
        }
    }
    Ok((header.unwrap_or_default(), rows))
}

/// Where a column is in a header, matched by name.
pub fn find_column(header: &[String], name: &str) -> Option<usize> {
    header.iter().position(|h| h.trim().eq_ignore_ascii_case(name))
}

/// Where each required column is, in the order given; the first one missing refuses the
/// layout, naming the columns `app`'s `export` should have.
pub fn required_columns(
    header: &[String],
    required: &[&str],
    (app, export): (&'static str, &'static str),
    expected: Vec<&'static str>,
) -> Result<Vec<usize>, AppImportError> {
    required
        .iter()
        .map(|name| {
            find_column(header, name).ok_or_else(|| AppImportError::Layout {
                app,
                export,
                missing: name.to_string(),
                expected: expected.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_convert_and_other_units_are_unknown() {
        assert_eq!(weight("80.00 g"), Ok(Some(80.0)));
        assert_eq!(weight("2.00 oz"), Ok(Some(56.69904625)));
        assert_eq!(weight("1 lb"), Ok(Some(453.59237)));
        assert_eq!(weight("1.00 cup"), Ok(None));
        assert_eq!(weight("1.00 serving"), Ok(None));
        assert_eq!(weight("0.00 g"), Ok(None));
        assert!(weight("20000 g").is_err());
    }

    #[test]
    fn figures_times_and_days_read_or_say_why_not() {
        assert_eq!(figure(""), Ok(None));
        assert_eq!(figure(" 1,234.5 "), Ok(Some(1234.5)));
        assert!(figure("-3").unwrap_err().contains("negative"));
        assert!(figure("abc").unwrap_err().contains("not a number"));
        assert!(figure("NaN").is_err());
        assert_eq!(time("8:05 AM"), Ok(NaiveTime::from_hms_opt(8, 5, 0)));
        assert_eq!(time("08:14 pm"), Ok(NaiveTime::from_hms_opt(20, 14, 0)));
        assert_eq!(time(""), Ok(None));
        assert!(time("noon").is_err());
        assert!(day("2026-02-30").is_err());
    }

    #[test]
    fn an_unweighed_row_keeps_its_amounts_exactly() {
        let mut a = NutrientValues::unknown();
        a.set(Nutrient::Energy, Some(1400.0));
        a.set(Nutrient::Calcium, Some(312.5));
        assert_eq!(nominal_grams(&a), 140.0);
        let row = AppRow {
            row: 1,
            date: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            time: None,
            meal: None,
            name: "Chili".into(),
            quantity: "1.00 serving".into(),
            grams: None,
            amounts: a,
        };
        let e = entry("Cronometer", &row, &|_| Meal::Lunch, "now");
        assert_eq!(e.meal, Meal::Snack, "no group and no time");
        let back = e.per_100g.scaled(e.grams);
        assert!((back.get(Nutrient::Energy).unwrap() - 1400.0).abs() < 1e-9);
        assert!((back.get(Nutrient::Calcium).unwrap() - 312.5).abs() < 1e-9);
        assert_eq!(back.get(Nutrient::Iron), None, "unknown stays unknown");
    }
}
