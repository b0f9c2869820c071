//! Quantities as people type them ("30g", "1.5 oz", "1 cup", "2 sardines", "150 ml") resolved
//! to grams against a food's household portions.

use super::food::{trim_number, Portion};
use super::units::{begins_with, mass_unit, normalize, same_words, variants, volume_prefix, volume_unit};
use super::{clip, DomainError};

/// The most one entry may weigh.
pub const MAX_GRAMS: f64 = 10_000.0;

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

/// Resolves `text` to grams of a food with the given household portions. In order:
///
/// 1. a bare number is grams;
/// 2. a portion's label with its weight, "1 jar (5 oz) (142 g)", is the row of that description
///    and weight (see [`super::labels::labels`]);
/// 3. mass units (g, kg, mg, oz, lb) need no portion, so "1 oz" is 28.35 g for every food;
/// 4. unit words equal to a portion's description (case, punctuation, a plural and the
///    spellings of volume units aside: "2 Cups" is "cup", "tablespoon" is "tbsp") pick that
///    portion, scaled by its amount; among several, the one whose amount is the typed number;
/// 5. a volume unit (cup, tbsp, tsp, fl oz, ml, l, pint, quart, gallon) converts through one of
///    the food's volume portions, chosen by [`volume_portion`]; a food with none refuses it;
/// 6. otherwise the first portion (USDA order) whose description starts with the unit words
///    ("cup" matches "cup, whole").
pub fn resolve(text: &str, portions: &[Portion]) -> Result<Resolved, DomainError> {
    let q = parse(text)?;
    let (grams, portion) = grams_of(&q, portions).map_err(|miss| {
        let (unit, portions) = (clip(&q.unit), super::labels::choices(portions));
        match miss {
            Miss::Volume => DomainError::NoVolume { unit, portions },
            Miss::Unit => DomainError::UnknownUnit { unit, portions },
        }
    })?;
    finish(text, grams, portion)
}

/// The grams `text` logs for a food with these portions, if it logs any. It builds no error
/// message, so it may be used while building one (labels are part of every such message).
pub fn grams_quietly(text: &str, portions: &[Portion]) -> Option<f64> {
    let q = parse(text).ok()?;
    let (grams, portion) = grams_of(&q, portions).ok()?;
    finish(text, grams, portion).ok().map(|r| r.grams)
}

/// Resolves `text` as an amount of one row the user picked, labelled `label`: while the text
/// names that row, by its label's words or its description's ("2 jars" for "1 jar (142 g)"),
/// it is that row, scaled by the number. `None` when the text names something else (or does
/// not read as an amount); resolve it as typed then.
pub fn resolve_row(text: &str, portion: &Portion, label: &str) -> Option<Result<Resolved, DomainError>> {
    let q = parse(text).ok()?;
    let typed = variants(&normalize(&q.unit));
    let names = |words: &str| same_words(&variants(&normalize(words)), &typed);
    let named = parse(label).is_ok_and(|l| names(&l.unit)) || names(&portion.description);
    if !named || !usable(portion) {
        return None;
    }
    Some(finish(text, scale(q.number, portion), Some(portion.clone())))
}

/// Why unit words found no grams: a volume for a food without one, or words it does not know.
enum Miss {
    Volume,
    Unit,
}

fn grams_of(q: &Quantity, portions: &[Portion]) -> Result<(f64, Option<Portion>), Miss> {
    if q.unit.is_empty() {
        return Ok((q.number, None));
    }
    let found = by_weight_suffix(q, portions).or_else(|| {
        if let Some(per) = mass_unit(&q.unit) {
            return Some((q.number * per, None));
        }
        exact_portion(q.number, &q.unit, portions).map(|p| (scale(q.number, p), Some(p.clone())))
    });
    if let Some(found) = found {
        return Ok(found);
    }
    if let Some(ml) = volume_unit(&q.unit) {
        let (p, p_ml) = volume_portion(&q.unit, portions).ok_or(Miss::Volume)?;
        return Ok((q.number * ml / p_ml * p.grams, Some(p.clone())));
    }
    match_portion(&q.unit, portions)
        .or_else(|| sized_portion(&q.unit, portions))
        .map(|p| (scale(q.number, p), Some(p.clone())))
        .ok_or(Miss::Unit)
}

/// Sizes USDA writes before a household unit ("medium bagel (3-1/2\" to 4\" dia)").
const SIZES: &[&str] = &["mini", "small", "medium", "large", "extra large", "jumbo"];

/// A portion that names the unit after a size ("1 bagel" for "medium bagel"), when no
/// portion starts with it: the medium one, else the first in USDA order.
fn sized_portion<'a>(unit: &str, portions: &'a [Portion]) -> Option<&'a Portion> {
    let typed = variants(&normalize(unit));
    let sized = |p: &&'a Portion| {
        let desc = normalize(&p.description);
        SIZES.iter().find_map(|size| {
            let rest = desc.strip_prefix(size)?.strip_prefix(' ')?;
            begins_with(&variants(rest), &typed).then_some(*size)
        })
    };
    let fits: Vec<(&Portion, &str)> =
        portions.iter().filter(|p| usable(p)).filter_map(|p| sized(&p).map(|s| (p, s))).collect();
    fits.iter().find(|(_, size)| *size == "medium").or(fits.first()).map(|(p, _)| *p)
}

fn finish(text: &str, grams: f64, portion: Option<Portion>) -> Result<Resolved, DomainError> {
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

fn usable(p: &Portion) -> bool {
    p.amount > 0.0 && p.grams > 0.0 && p.amount.is_finite() && p.grams.is_finite()
}

/// True when `number` reads as `amount` does in a label (three decimals at most).
fn same_amount(number: f64, amount: f64) -> bool {
    trim_number(number) == trim_number(amount)
}

/// Grams of `number` of the portion; exactly its grams when the number is its amount.
fn scale(number: f64, p: &Portion) -> f64 {
    if same_amount(number, p.amount) {
        p.grams
    } else {
        number / p.amount * p.grams
    }
}

/// Of the portions that fit, the one whose amount is `number`, else the first (USDA order).
fn prefer_amount<'a>(number: f64, fits: impl Iterator<Item = &'a Portion> + Clone) -> Option<&'a Portion> {
    fits.clone().find(|p| same_amount(number, p.amount)).or_else(|| fits.clone().next())
}

/// The portion whose description equals the unit words (after [`normalize`] and a plural).
pub fn exact_portion<'a>(number: f64, unit: &str, portions: &'a [Portion]) -> Option<&'a Portion> {
    let typed = variants(&normalize(unit));
    let fits = portions
        .iter()
        .filter(move |p| usable(p) && same_words(&variants(&normalize(&p.description)), &typed));
    prefer_amount(number, fits)
}

/// "jar (5 oz) (142 g)": the row of that description weighing 142 g, if there is one.
fn by_weight_suffix(q: &Quantity, portions: &[Portion]) -> Option<(f64, Option<Portion>)> {
    let inner = q.unit.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (desc, weight) = (inner[..open].trim_end(), &inner[open + 1..]);
    let grams = parse_decimal(weight.trim().strip_suffix('g')?.trim())?;
    if desc.is_empty() {
        return None;
    }
    let typed = variants(&normalize(desc));
    let fits = portions.iter().filter(|p| {
        usable(p)
            && trim_number(p.grams) == trim_number(grams)
            && same_words(&variants(&normalize(&p.description)), &typed)
    });
    prefer_amount(q.number, fits).map(|p| (scale(q.number, p), Some(p.clone())))
}

/// The volume portion a volume unit converts through, with its millilitres. A portion of the
/// typed unit comes first ("1 cup" of celery is USDA's "cup, chopped", measured by the cup,
/// rather than sixteen of its tablespoons; a plain "cup" never gets here, rule 4 of [`resolve`]
/// takes it), then another unit's, where one that is nothing but a volume ("cup", "fl oz")
/// comes before one that says more ("cup, chopped"): "1 tbsp" of lemon juice is a sixteenth of
/// its cup. Ties go to USDA order.
pub fn volume_portion<'a>(unit: &str, portions: &'a [Portion]) -> Option<(&'a Portion, f64)> {
    let typed = normalize(unit);
    let typed = volume_prefix(&typed)?.name;
    portions
        .iter()
        .filter(|p| usable(p))
        .filter_map(|p| {
            let desc = normalize(&p.description);
            let v = volume_prefix(&desc)?;
            let rank = u8::from(v.name != typed) * 2 + u8::from(!v.rest.is_empty());
            Some((rank, p, p.amount * v.ml))
        })
        .min_by_key(|(rank, _, _)| *rank)
        .map(|(_, p, ml)| (p, ml))
}

/// The first portion (USDA order) whose description starts with the unit words, trying the
/// words as typed and singular, volume units in any spelling.
pub fn match_portion<'a>(unit: &str, portions: &'a [Portion]) -> Option<&'a Portion> {
    let typed = variants(&normalize(unit));
    portions.iter().filter(|p| usable(p)).find(|p| begins_with(&variants(&normalize(&p.description)), &typed))
}

#[cfg(test)]
#[path = "quantity_tests.rs"]
mod tests;
