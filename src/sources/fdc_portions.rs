//! FDC portions and branded details: a branded food's label serving ("1 serving" and the
//! household text such as "1 bar", both of serving_size grams), its brand owner, barcode and
//! category from branded_food.csv; and the measured portions of Foundation and SR Legacy
//! foods from food_portion.csv with measure_unit.csv, in `seq_num` order.

use std::collections::HashMap;
use std::path::Path;

use csv::ByteRecord;

use super::fdc::FdcFood;
use super::fdc_csv::{field, int, read_names, text_opt, Table};
use super::SourceError;
use crate::domain::{quantity, Portion};

/// measure_unit.csv's name for "no unit": the description is in the modifier instead.
const UNDETERMINED: &str = "undetermined";

/// branded_food.csv: brand owner, barcode, category and the label serving of branded foods.
pub(super) fn read_branded(
    dir: &Path,
    foods: &mut [FdcFood],
    index: &HashMap<i64, usize>,
    progress: &mut dyn FnMut(u64),
) -> Result<(), SourceError> {
    let Some(mut t) = Table::open(dir, "branded_food.csv")? else { return Ok(()) };
    let id = t.column("fdc_id")?;
    let owner = t.optional("brand_owner");
    let gtin = t.optional("gtin_upc");
    let size = t.optional("serving_size");
    let unit = t.optional("serving_size_unit");
    let household = t.optional("household_serving_fulltext");
    let category = t.optional("branded_food_category");
    let mut rec = ByteRecord::new();
    while t.next(&mut rec, progress)? {
        let Some(&i) = index.get(&t.id(&rec, id, "fdc_id")?) else { continue };
        let grams = match size {
            Some(c) => t.number(&rec, c, "serving_size")?,
            None => None,
        };
        let f = &mut foods[i];
        f.food.manufacturer = text_opt(&rec, owner);
        f.gtin = text_opt(&rec, gtin);
        let category = text_opt(&rec, category);
        if !category.is_empty() {
            f.food.group = category;
        }
        // Grams, or millilitres read as grams (a drink's label serving).
        let unit = text_opt(&rec, unit).to_lowercase();
        let Some(grams) = grams.filter(|g| *g > 0.0 && matches!(unit.as_str(), "g" | "grm" | "ml" | "mlt"))
        else {
            continue;
        };
        if f.food.portions.iter().any(|p| p.description == "serving") {
            continue; // a food listed twice keeps its first label serving
        }
        f.food.portions.insert(0, Portion { amount: 1.0, description: "serving".into(), grams });
        if let Some(p) = household_portion(&text_opt(&rec, household), grams) {
            f.food.portions.insert(1, p);
        }
    }
    Ok(())
}

/// "1 bar" -> 1 x "bar"; "2/3 cup" -> 0.667 x "cup"; text without a leading amount is one of
/// itself ("ONE BAR" -> 1 x "one bar"). None when empty or only a mass ("28 g").
fn household_portion(text: &str, grams: f64) -> Option<Portion> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let (amount, description) = match quantity::parse(t) {
        Ok(q) if !q.unit.is_empty() => (q.number, q.unit),
        Ok(_) => return None,
        Err(_) => (1.0, t.to_lowercase()),
    };
    let d = description.trim_end_matches('.');
    let mass = ["g", "grm", "gram", "grams", "ml", "mlt", "oz", "onz", "serving", "servings"];
    if mass.contains(&d) || description.chars().any(char::is_control) {
        return None;
    }
    Some(Portion { amount, description, grams })
}

/// food_portion.csv (with measure_unit.csv's names): portions in `seq_num` order.
pub(super) fn read_portions(
    dir: &Path,
    foods: &mut [FdcFood],
    index: &HashMap<i64, usize>,
    progress: &mut dyn FnMut(u64),
) -> Result<(), SourceError> {
    let Some(mut t) = Table::open(dir, "food_portion.csv")? else { return Ok(()) };
    let units = read_names(dir, "measure_unit.csv", "name", "measure unit id", progress)?;
    let id = t.column("fdc_id")?;
    let grams_col = t.column("gram_weight")?;
    let seq = t.optional("seq_num");
    let amount = t.optional("amount");
    let unit = t.optional("measure_unit_id");
    let description = t.optional("portion_description");
    let modifier = t.optional("modifier");
    let mut found: Vec<(usize, i64, usize, Portion)> = Vec::new();
    let mut rec = ByteRecord::new();
    while t.next(&mut rec, progress)? {
        let Some(&i) = index.get(&t.id(&rec, id, "fdc_id")?) else { continue };
        let Some(grams) = t.number(&rec, grams_col, "gram_weight")?.filter(|g| *g > 0.0) else { continue };
        let amount = match amount {
            Some(c) => t.number(&rec, c, "amount")?,
            None => None,
        };
        let seq = match seq {
            Some(c) if !field(&rec, c).is_empty() => t.id(&rec, c, "seq_num")?,
            _ => i64::MAX,
        };
        let unit_name = unit.and_then(|c| int(field(&rec, c))).and_then(|u| units.get(&u)).cloned();
        let (amount, desc) =
            describe(amount, unit_name, &text_opt(&rec, modifier), &text_opt(&rec, description));
        if desc.is_empty() {
            continue;
        }
        found.push((i, seq, found.len(), Portion { amount, description: desc, grams }));
    }
    found.sort_by_key(|(i, seq, n, _)| (*i, *seq, *n));
    for (i, _, _, p) in found {
        foods[i].food.portions.push(p);
    }
    Ok(())
}

/// A portion's amount and description: unit name and modifier ("cup" + "chopped" ->
/// "cup, chopped"; SR Legacy keeps its whole description in the modifier), else the portion
/// description ("1 cup" -> 1 x "cup").
fn describe(amount: Option<f64>, unit: Option<String>, modifier: &str, portion: &str) -> (f64, String) {
    let unit = unit.filter(|u| !u.is_empty() && !u.eq_ignore_ascii_case(UNDETERMINED));
    let parts: Vec<&str> =
        [unit.as_deref().unwrap_or(""), modifier].into_iter().filter(|s| !s.is_empty()).collect();
    let amount = amount.filter(|a| *a > 0.0);
    if !parts.is_empty() {
        return (amount.unwrap_or(1.0), parts.join(", "));
    }
    // "1 cup" or "2 slices": the amount is in the text.
    match quantity::parse(portion) {
        Ok(q) if !q.unit.is_empty() && amount.is_none() => (q.number, portion_words(portion)),
        _ => (amount.unwrap_or(1.0), portion.to_string()),
    }
}

/// The words of a portion description after its leading amount, as written.
fn portion_words(text: &str) -> String {
    let t = text.trim();
    let start =
        t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/' || c == ' ')).unwrap_or(t.len());
    t[start..].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn household_text_becomes_a_portion() {
        let p = household_portion("1 bar", 40.0).unwrap();
        assert_eq!((p.amount, p.description.as_str(), p.grams), (1.0, "bar", 40.0));
        let p = household_portion("2/3 cup", 55.0).unwrap();
        assert!((p.amount - 2.0 / 3.0).abs() < 1e-9 && p.description == "cup");
        assert_eq!(household_portion("ONE BAR", 40.0).unwrap().description, "one bar");
        assert_eq!(household_portion("28 g", 28.0), None);
        assert_eq!(household_portion("", 28.0), None);
    }

    #[test]
    fn portions_read_unit_modifier_or_description() {
        let cup = Some("cup".to_string());
        assert_eq!(describe(Some(1.0), cup.clone(), "", ""), (1.0, "cup".into()));
        assert_eq!(describe(Some(0.5), cup, "chopped", ""), (0.5, "cup, chopped".into()));
        let sr = describe(Some(1.0), Some("undetermined".into()), "cup, whole", "");
        assert_eq!(sr, (1.0, "cup, whole".into()));
        assert_eq!(describe(None, None, "", "2 slices"), (2.0, "slices".into()));
        assert_eq!(
            describe(Some(1.0), None, "", "Quantity not specified"),
            (1.0, "Quantity not specified".into())
        );
    }
}
