//! MyFitnessPal's nutrition export (Premium "File Export", the Nutrition Summary CSV): one row
//! per meal per day, read into rows of figures as exported. Its Vitamin A, Vitamin C, Calcium
//! and Iron columns are percent of daily value, not amounts: they are left unknown.

use std::collections::BTreeSet;

use super::app_csv::{self, AppExport, AppImportError, AppRow, Caveat};
use crate::domain::{Nutrient, NutrientValues};

/// The columns every nutrition export has, by name.
pub const REQUIRED: [&str; 3] = ["Date", "Meal", "Calories"];
/// The columns read besides the nutrients.
const OTHER: [&str; 2] = ["Time", "Note"];
/// Columns that are percent of daily value in this export.
const PERCENT: [&str; 4] = ["Vitamin A", "Vitamin C", "Calcium", "Iron"];

/// Which nutrient a column holds, in marrow's unit.
fn nutrient_column(name: &str) -> Option<Nutrient> {
    Some(match name.trim() {
        "Calories" => Nutrient::Energy,
        "Fat (g)" | "Fat" => Nutrient::Fat,
        "Sodium (mg)" | "Sodium" => Nutrient::Sodium,
        "Potassium" | "Potassium (mg)" => Nutrient::Potassium,
        "Carbohydrates (g)" | "Carbohydrates" => Nutrient::Carbohydrate,
        "Fiber" | "Fiber (g)" => Nutrient::Fiber,
        "Protein (g)" | "Protein" => Nutrient::Protein,
        _ => return None,
    })
}

/// Reads a nutrition export; any row that cannot be imported refuses the whole file.
pub fn read(bytes: &[u8]) -> Result<AppExport, AppImportError> {
    let (header, records) = app_csv::records(bytes)?;
    let at = |name: &str| app_csv::find_column(&header, name);
    let expected = vec!["Date", "Meal", "Time (optional)", "Calories", "Fat (g)", "...", "Protein (g)"];
    let fixed =
        app_csv::required_columns(&header, &REQUIRED, ("MyFitnessPal", "nutrition export"), expected)?;
    let (date_at, meal_at) = (fixed[0], fixed[1]);
    let time_at = at("Time");
    let mut columns = Vec::new();
    let mut found = BTreeSet::new();
    let mut ignored = Vec::new();
    let mut unknown = Vec::new();
    let mut caveats = BTreeSet::new();
    for (i, h) in header.iter().enumerate() {
        if i == date_at || i == meal_at || OTHER.iter().any(|o| h.eq_ignore_ascii_case(o)) {
            continue;
        }
        if PERCENT.iter().any(|p| h.eq_ignore_ascii_case(p)) {
            caveats.insert(Caveat::PercentDailyValue);
            unknown.push((h.clone(), Caveat::PercentDailyValue));
            continue;
        }
        match nutrient_column(h) {
            Some(n) if !found.contains(&n) => {
                found.insert(n);
                columns.push((i, n));
            }
            _ => ignored.push(h.clone()),
        }
    }
    let mut rows = Vec::new();
    for (row, line, r) in records {
        let cell = |i: usize| r.get(i).unwrap_or("");
        let bad = |i: usize, what: String| AppImportError::Row { row, line, column: header[i].clone(), what };
        let date = app_csv::day(cell(date_at)).map_err(|w| bad(date_at, w))?;
        let time = match time_at {
            Some(t) => app_csv::time(cell(t)).map_err(|w| bad(t, w))?,
            None => None,
        };
        let meal_text =
            app_csv::text(cell(meal_at), false).map_err(|w| bad(meal_at, format!("the meal {w}")))?;
        let mut amounts = NutrientValues::unknown();
        for &(i, n) in &columns {
            amounts.set(n, app_csv::figure(cell(i)).map_err(|w| bad(i, w))?);
        }
        app_csv::check_bounds(&amounts, None).map_err(|(n, w)| {
            let i = columns.iter().find(|c| c.1 == n).map_or(meal_at, |c| c.0);
            bad(i, w)
        })?;
        rows.push(AppRow {
            row,
            date,
            time,
            meal: app_csv::meal_named(&meal_text),
            name: format!("MyFitnessPal {}", meal_text.to_lowercase()),
            quantity: "1 meal".to_string(),
            grams: None,
            amounts,
        });
    }
    if rows.is_empty() {
        return Err(AppImportError::Empty);
    }
    caveats.insert(Caveat::WeightUnknown);
    Ok(AppExport { app: "MyFitnessPal", rows, found, ignored, unknown, caveats })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Meal;

    const HEAD: &str = "Date,Meal,Time,Calories,Fat (g),Saturated Fat,Polyunsaturated Fat,Monounsaturated Fat,\
                        Trans Fat,Cholesterol,Sodium (mg),Potassium,Carbohydrates (g),Fiber,Sugar,Protein (g),\
                        Vitamin A,Vitamin C,Calcium,Iron,Note\n";

    #[test]
    fn percent_columns_are_unknown_and_meals_named() {
        let csv = format!(
            "{HEAD}2026-01-05,Breakfast,7:40 AM,420,12.5,3,2,5,0,30,380,510,60.2,8,12,18.4,10,25,30,15,\"oats, milk\"\n"
        );
        let x = read(csv.as_bytes()).unwrap();
        let r = &x.rows[0];
        assert_eq!((r.name.as_str(), r.meal), ("MyFitnessPal breakfast", Some(Meal::Breakfast)));
        assert_eq!(r.amounts.get(Nutrient::Energy), Some(420.0));
        assert_eq!(r.amounts.get(Nutrient::Potassium), Some(510.0));
        for n in [Nutrient::Calcium, Nutrient::Iron, Nutrient::VitaminC, Nutrient::VitaminA] {
            assert_eq!(r.amounts.get(n), None, "{n:?} is a percent of daily value");
        }
        assert!(x.caveats.contains(&Caveat::PercentDailyValue));
        assert_eq!(x.unknown.len(), 4);
    }

    #[test]
    fn a_bad_date_is_named() {
        let csv = format!("{HEAD}05/01/2026,Lunch,,300,,,,,,,,,,,,,,,,,\n");
        let e = read(csv.as_bytes()).unwrap_err().to_string();
        assert!(e.contains("row 1") && e.contains("\"Date\""), "{e}");
    }
}
