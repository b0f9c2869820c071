//! Quantities as people type them ("30g", "1.5 oz", "1 cup", "2 sardines") resolved to grams.

use super::food::Portion;
use super::{clip, DomainError};

/// The most one entry may weigh.
pub const MAX_GRAMS: f64 = 10_000.0;

/// Grams per unit of mass that marrow understands without a food's portions. The ounce is
/// rounded to 28.35 g as USDA's household portions round it, so "1 oz" is the same whether or
/// not the food lists an oz portion.
const MASS_UNITS: &[(&[&str], f64)] = &[
    (&["g", "gr", "gram", "grams", "gramme", "grammes"], 1.0),
    (&["kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"], 1000.0),
    (&["mg", "milligram", "milligrams"], 0.001),
    (&["oz", "ounce", "ounces"], 28.35),
    (&["lb", "lbs", "pound", "pounds"], 453.592_37),
];

/// Household words that USDA spells both ways.
const SYNONYMS: &[(&str, &str)] =
    &[("tbsp", "tablespoon"), ("tsp", "teaspoon"), ("tbs", "tbsp"), ("c", "cup")];

/// A parsed quantity, before it is resolved against a food.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub number: f64,
    /// Lower-cased unit words ("" for a bare number).
    pub unit: String,
}

/// Parses "30g", "30 g", "1.5 oz", "1/2 cup", "1 1/2 cups", "2 tbsp", "250".
pub fn parse(text: &str) -> Result<Quantity, DomainError> {
    let bad = || DomainError::BadQuantity(clip(text));
    let t = text.trim();
    if t.is_empty() {
        return Err(DomainError::EmptyQuantity);
    }
    if t.starts_with('-') {
        return Err(DomainError::QuantityNotPositive(clip(text)));
    }
    let num_end =
        t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/' || c == ' ')).unwrap_or(t.len());
    // The number is the leading run of digits, dots, slashes and spaces ("1 1/2 cups").
    let (num_text, unit_text) = t.split_at(num_end);
    let number = parse_number(num_text.trim()).ok_or_else(bad)?;
    if !number.is_finite() {
        return Err(bad());
    }
    if number <= 0.0 {
        return Err(DomainError::QuantityNotPositive(clip(text)));
    }
    // "1e400 g": exponents are not a way people write amounts.
    if unit_text.starts_with(['e', 'E'])
        && unit_text[1..].starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-')
    {
        return Err(bad());
    }
    let unit = unit_text.trim().to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    if unit.chars().any(|c| c.is_control()) {
        return Err(bad());
    }
    Ok(Quantity { number, unit })
}

/// "1.5", ".5", "1/2", "1 1/2"; no signs, exponents, NaN or infinity.
fn parse_number(s: &str) -> Option<f64> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    match parts.as_slice() {
        [one] => parse_simple(one),
        [whole, frac] if frac.contains('/') && !whole.contains('/') => {
            Some(parse_decimal(whole)? + parse_simple(frac)?)
        }
        _ => None,
    }
}

fn parse_simple(s: &str) -> Option<f64> {
    match s.split_once('/') {
        Some((a, b)) => {
            let (a, b) = (parse_decimal(a)?, parse_decimal(b)?);
            (b != 0.0).then(|| a / b)
        }
        None => parse_decimal(s),
    }
}

fn parse_decimal(s: &str) -> Option<f64> {
    let ok = !s.is_empty()
        && s.chars().all(|c| c.is_ascii_digit() || c == '.')
        && s.chars().filter(|c| *c == '.').count() <= 1
        && s.chars().any(|c| c.is_ascii_digit())
        && s.len() <= 32;
    ok.then(|| s.parse().ok()).flatten()
}

/// How a quantity was resolved: grams, and the portion used if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub grams: f64,
    pub portion: Option<Portion>,
}

/// Resolves `text` to grams of a food with the given household portions.
///
/// Mass units (g, kg, oz, lb) need no portion. Any other unit word is matched
/// case-insensitively against the start of each portion's description, first in USDA order
/// wins ("cup" matches "cup, whole"; "cups" too), and scaled by the portion's amount
/// ("2 sardines" on "2 sardines = 24 g" is 24 g).
pub fn resolve(text: &str, portions: &[Portion]) -> Result<Resolved, DomainError> {
    let q = parse(text)?;
    let (grams, portion) = if q.unit.is_empty() {
        (q.number, None)
    } else if let Some(per) = mass_unit(&q.unit) {
        (q.number * per, None)
    } else {
        let p = match_portion(&q.unit, portions).ok_or_else(|| DomainError::UnknownUnit {
            unit: clip(&q.unit),
            portions: portions.iter().map(Portion::label).collect(),
        })?;
        (q.number / p.amount * p.grams, Some(p.clone()))
    };
    // Centigram precision: finer is noise, and it keeps "1 oz" identical either way.
    let grams = (grams * 100.0).round() / 100.0;
    if !grams.is_finite() || grams > MAX_GRAMS {
        return Err(DomainError::QuantityTooLarge(clip(text)));
    }
    if grams <= 0.0 {
        return Err(DomainError::QuantityNotPositive(clip(text)));
    }
    Ok(Resolved { grams, portion })
}

fn mass_unit(unit: &str) -> Option<f64> {
    let unit = unit.trim_end_matches('.');
    MASS_UNITS.iter().find(|(names, _)| names.contains(&unit)).map(|(_, g)| *g)
}

/// The first portion (USDA order) whose description starts with the unit words, trying the
/// words as typed, singular, and their common synonyms.
pub fn match_portion<'a>(unit: &str, portions: &'a [Portion]) -> Option<&'a Portion> {
    let typed = normalize(unit);
    let candidates = variants(&typed);
    portions.iter().filter(|p| p.amount > 0.0 && p.grams > 0.0).find(|p| {
        let descs = variants(&normalize(&p.description));
        candidates.iter().any(|c| descs.iter().any(|d| starts_with_words(d, c)))
    })
}

fn normalize(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '"' || c == '/' || c == '-' { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn starts_with_words(desc: &str, prefix: &str) -> bool {
    !prefix.is_empty()
        && desc.starts_with(prefix)
        && desc[prefix.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// The unit as typed, with its first word singular and/or swapped for a synonym.
fn variants(unit: &str) -> Vec<String> {
    let mut out = vec![unit.to_string()];
    let (first, rest) = match unit.split_once(' ') {
        Some((f, r)) => (f, format!(" {r}")),
        None => (unit, String::new()),
    };
    let mut firsts = vec![first.to_string()];
    for sing in singulars(first) {
        firsts.push(sing);
    }
    for f in firsts.clone() {
        for (a, b) in SYNONYMS {
            if f == *a {
                firsts.push(b.to_string());
            } else if f == *b {
                firsts.push(a.to_string());
            }
        }
    }
    for f in firsts {
        let v = format!("{f}{rest}");
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn singulars(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(s) = word.strip_suffix("ies") {
        out.push(format!("{s}y"));
    }
    if let Some(s) = word.strip_suffix("es") {
        out.push(s.to_string());
    }
    if let Some(s) = word.strip_suffix('s') {
        out.push(s.to_string());
    }
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
#[path = "quantity_tests.rs"]
mod tests;
