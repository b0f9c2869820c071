//! Cronometer's "servings" CSV export (one row per logged food: Day, Time, Group, Food Name,
//! Amount, then nutrient columns named "Name (unit)") read into rows of figures as exported.

use std::collections::BTreeSet;

use super::app_csv::{self, AppExport, AppImportError, AppRow, Caveat};
use crate::domain::{Nutrient, NutrientValues};

/// The columns every servings export has, by name.
pub const REQUIRED: [&str; 4] = ["Day", "Group", "Food Name", "Amount"];
/// The columns read besides the nutrients.
const OTHER: [&str; 3] = ["Time", "Category", "Weight (g)"];

/// How a nutrient column is read: into which nutrient, divided by what.
fn nutrient_column(name: &str) -> Option<(Nutrient, f64)> {
    let n = match name.trim().replace("mcg", "µg").replace("ug)", "µg)").as_str() {
        "Energy (kcal)" => Nutrient::Energy,
        "Protein (g)" => Nutrient::Protein,
        "Carbs (g)" => Nutrient::Carbohydrate,
        "Fat (g)" => Nutrient::Fat,
        "Fiber (g)" => Nutrient::Fiber,
        "Magnesium (mg)" => Nutrient::Magnesium,
        "Calcium (mg)" => Nutrient::Calcium,
        "Phosphorus (mg)" => Nutrient::Phosphorus,
        "Potassium (mg)" => Nutrient::Potassium,
        "Sodium (mg)" => Nutrient::Sodium,
        "Zinc (mg)" => Nutrient::Zinc,
        "Vitamin D (IU)" => return Some((Nutrient::VitaminD, crate::domain::nutrient::IU_PER_UG_VITAMIN_D)),
        "Vitamin D (µg)" => Nutrient::VitaminD,
        "Vitamin C (mg)" => Nutrient::VitaminC,
        "Vitamin K (µg)" => Nutrient::VitaminK,
        "Iron (mg)" => Nutrient::Iron,
        "Folate (µg)" => Nutrient::Folate,
        "B12 (Cobalamin) (µg)" => Nutrient::VitaminB12,
        "Vitamin A (µg)" => Nutrient::VitaminA,
        "Vitamin E (mg)" => Nutrient::VitaminE,
        "Copper (mg)" => Nutrient::Copper,
        "Manganese (mg)" => Nutrient::Manganese,
        "Selenium (µg)" => Nutrient::Selenium,
        "Caffeine (mg)" => Nutrient::Caffeine,
        _ => return None,
    };
    Some((n, 1.0))
}

/// What a column that holds a marrow nutrient in a form marrow cannot use says instead.
fn unusable(name: &str) -> Option<Caveat> {
    match name.trim() {
        "Vitamin A (IU)" => Some(Caveat::VitaminAInIu),
        "Omega-3 (g)" => Some(Caveat::Omega3NotSplit),
        _ => None,
    }
}

/// Reads a servings export; any row that cannot be imported refuses the whole file.
pub fn read(bytes: &[u8]) -> Result<AppExport, AppImportError> {
    let (header, records) = app_csv::records(bytes)?;
    let at = |name: &str| app_csv::find_column(&header, name);
    let expected = REQUIRED.iter().copied().chain(["Time", "Energy (kcal)", "..."]).collect();
    let fixed = app_csv::required_columns(&header, &REQUIRED, ("Cronometer", "servings export"), expected)?;
    let (day_at, group_at, name_at, amount_at) = (fixed[0], fixed[1], fixed[2], fixed[3]);
    let (time_at, weight_at) = (at("Time"), at("Weight (g)"));
    let mut columns = Vec::new();
    let mut found = BTreeSet::new();
    let mut ignored = Vec::new();
    let mut unknown = Vec::new();
    let mut caveats = BTreeSet::new();
    for (i, h) in header.iter().enumerate() {
        if fixed.contains(&i) || OTHER.iter().any(|o| h.eq_ignore_ascii_case(o)) {
            continue;
        }
        match nutrient_column(h) {
            // A nutrient given twice (in IU and in µg) is read from its first column.
            Some((n, _)) if found.contains(&n) => ignored.push(h.clone()),
            Some((n, per)) => {
                if per != 1.0 {
                    caveats.insert(Caveat::VitaminDFromIu);
                }
                found.insert(n);
                columns.push((i, n, per));
            }
            None => match unusable(h) {
                Some(c) => {
                    caveats.insert(c);
                    unknown.push((h.clone(), c));
                }
                None => ignored.push(h.clone()),
            },
        }
    }
    // Vitamin A in IU says nothing more when the export also gives it in µg.
    if found.contains(&Nutrient::VitaminA) && caveats.remove(&Caveat::VitaminAInIu) {
        unknown.retain(|(h, c)| {
            *c != Caveat::VitaminAInIu || {
                ignored.push(h.clone());
                false
            }
        });
    }
    let mut rows = Vec::new();
    for (row, line, r) in records {
        let cell = |i: usize| r.get(i).unwrap_or("");
        let bad = |i: usize, what: String| AppImportError::Row { row, line, column: header[i].clone(), what };
        let date = app_csv::day(cell(day_at)).map_err(|w| bad(day_at, w))?;
        let time = match time_at {
            Some(t) => app_csv::time(cell(t)).map_err(|w| bad(t, w))?,
            None => None,
        };
        let name = app_csv::text(cell(name_at), true).map_err(|w| bad(name_at, format!("the name {w}")))?;
        let quantity =
            app_csv::text(cell(amount_at), false).map_err(|w| bad(amount_at, format!("the amount {w}")))?;
        let mut grams = app_csv::weight(&quantity).map_err(|w| bad(amount_at, w))?;
        if let Some(w) = weight_at.filter(|_| grams.is_none()) {
            grams = app_csv::weight(&format!("{} g", cell(w).trim())).map_err(|e| bad(w, e))?;
        }
        if grams.is_none() {
            caveats.insert(Caveat::WeightUnknown);
        }
        let mut amounts = NutrientValues::unknown();
        for &(i, n, per) in &columns {
            amounts.set(n, app_csv::figure(cell(i)).map_err(|w| bad(i, w))?.map(|x| x / per));
        }
        app_csv::check_bounds(&amounts, grams).map_err(|(n, w)| {
            let i = columns.iter().find(|c| c.1 == n).map_or(amount_at, |c| c.0);
            bad(i, w)
        })?;
        let meal = app_csv::meal_named(cell(group_at));
        rows.push(AppRow { row, date, time, meal, name, quantity, grams, amounts });
    }
    if rows.is_empty() {
        return Err(AppImportError::Empty);
    }
    Ok(AppExport { app: "Cronometer", rows, found, ignored, unknown, caveats })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Meal;

    const HEAD: &str = "Day,Time,Group,Food Name,Amount,Energy (kcal),Protein (g),Vitamin D (IU),\
                        Vitamin A (IU),Omega-3 (g),Net Carbs (g),Magnesium (mg),Category\n";

    #[test]
    fn rows_keep_their_figures_meals_and_names() {
        let csv = format!(
            "{HEAD}2026-01-05,8:05 AM,Breakfast,\"Oats, rolled\",80.00 g,303.2,10.5,400,,0.1,40,110.4,Grains\n\
             2026-01-05,,Pre-workout,Banana,1.00 medium,105,1.3,,,,,32,Fruits\n"
        );
        let x = read(csv.as_bytes()).unwrap();
        assert_eq!(x.rows.len(), 2);
        let oats = &x.rows[0];
        assert_eq!(
            (oats.name.as_str(), oats.meal, oats.grams),
            ("Oats, rolled", Some(Meal::Breakfast), Some(80.0))
        );
        assert_eq!(oats.amounts.get(Nutrient::VitaminD), Some(10.0), "400 IU is 10 µg");
        assert_eq!(oats.amounts.get(Nutrient::Magnesium), Some(110.4));
        assert_eq!(oats.amounts.get(Nutrient::VitaminA), None);
        let banana = &x.rows[1];
        assert_eq!((banana.meal, banana.grams, banana.time), (None, None, None));
        assert_eq!(banana.amounts.get(Nutrient::VitaminD), None, "an empty cell is unknown");
        assert!(x.caveats.contains(&Caveat::VitaminAInIu) && x.caveats.contains(&Caveat::Omega3NotSplit));
        assert_eq!(x.ignored, vec!["Net Carbs (g)".to_string()]);
        assert!(x.found.contains(&Nutrient::VitaminD) && !x.found.contains(&Nutrient::Ala));
    }

    #[test]
    fn a_damaged_row_is_named_with_its_column() {
        let csv = format!("{HEAD}2026-01-05,,Lunch,Rice,100 g,130,2.7,,,,,-12,Grains\n");
        let e = read(csv.as_bytes()).unwrap_err().to_string();
        assert!(e.contains("row 1") && e.contains("Magnesium (mg)") && e.contains("negative"), "{e}");
        let csv = format!("{HEAD}2026-01-05,,Lunch,Salt,1 g,0,0,,,,,5000,Spices\n");
        let e = read(csv.as_bytes()).unwrap_err().to_string();
        assert!(e.contains("Magnesium (mg)") && e.contains("more than 1 g"), "{e}");
    }

    #[test]
    fn another_layout_names_the_columns_expected() {
        let e = read(b"Date,Food,Calories\n2026-01-05,Rice,130\n").unwrap_err().to_string();
        assert!(e.contains("\"Day\"") && e.contains("Food Name") && e.contains("Amount"), "{e}");
    }
}
