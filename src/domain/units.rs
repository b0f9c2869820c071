//! The words of amounts: mass and volume units with their spellings, and how typed unit words
//! and USDA portion descriptions are brought to one comparable form.

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

/// Millilitres in one US cup. Every other volume unit is defined from it, so that
/// 1 cup = 16 tbsp = 48 tsp = 8 fl oz = 236.6 ml holds exactly.
pub const CUP_ML: f64 = 236.6;

/// Volume units: the canonical name first, then its other spellings (already normalised: lower
/// case, punctuation as spaces), and millilitres per unit.
const VOLUME_UNITS: &[(&[&str], f64)] = &[
    (&["cup", "cups", "c"], CUP_ML),
    (&["tbsp", "tbsps", "tbs", "tablespoon", "tablespoons"], CUP_ML / 16.0),
    (&["tsp", "tsps", "teaspoon", "teaspoons"], CUP_ML / 48.0),
    (
        &["fl oz", "fl ozs", "floz", "fl ounce", "fl ounces", "fluid oz", "fluid ounce", "fluid ounces"],
        CUP_ML / 8.0,
    ),
    (&["ml", "mls", "milliliter", "milliliters", "millilitre", "millilitres"], 1.0),
    (&["l", "liter", "liters", "litre", "litres"], 1000.0),
    (&["pint", "pints", "pt"], CUP_ML * 2.0),
    (&["quart", "quarts", "qt"], CUP_ML * 4.0),
    (&["gallon", "gallons", "gal"], CUP_ML * 16.0),
];

/// Grams per unit if `unit` (lower case) is a unit of mass.
pub fn mass_unit(unit: &str) -> Option<f64> {
    let unit = unit.trim_end_matches('.');
    MASS_UNITS.iter().find(|(names, _)| names.contains(&unit)).map(|(_, g)| *g)
}

/// A volume unit at the start of some normalised words: its canonical name, millilitres per
/// unit, and the words after it ("cup chopped" is a cup, then "chopped").
#[derive(Debug, Clone, PartialEq)]
pub struct Volume<'a> {
    pub name: &'static str,
    pub ml: f64,
    pub rest: &'a str,
}

/// The volume unit that `words` (normalised) begin with, if any; the longest spelling wins
/// ("fl oz" over a bare "floz" prefix), and it must end at a word boundary ("l" is not "large").
pub fn volume_prefix(words: &str) -> Option<Volume<'_>> {
    let mut best: Option<(usize, Volume<'_>)> = None;
    for (names, ml) in VOLUME_UNITS {
        for name in *names {
            let Some(rest) = words.strip_prefix(name) else { continue };
            if !(rest.is_empty() || rest.starts_with(' ')) {
                continue;
            }
            if best.as_ref().is_none_or(|(len, _)| *len < name.len()) {
                best = Some((name.len(), Volume { name: names[0], ml: *ml, rest: rest.trim_start() }));
            }
        }
    }
    best.map(|(_, v)| v)
}

/// Millilitres per unit if `unit` is nothing but a volume unit ("tbsp", "fluid ounces").
pub fn volume_unit(unit: &str) -> Option<f64> {
    volume_prefix(&normalize(unit)).filter(|v| v.rest.is_empty()).map(|v| v.ml)
}

/// Lower case, punctuation as single spaces (keeping `"`, `/` and `-`, which carry sizes such
/// as 6-7/8"), and a leading volume unit in its canonical spelling: "Tablespoons, chopped" and
/// "tbsp chopped" both become "tbsp chopped".
pub fn normalize(s: &str) -> String {
    let words = s
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '"' || c == '/' || c == '-' { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match volume_prefix(&words) {
        Some(v) if v.rest.is_empty() => v.name.to_string(),
        Some(v) => format!("{} {}", v.name, v.rest),
        None => words,
    }
}

/// The words (normalised) as they are, and with the first word singular ("sardines" gives
/// "sardine"; "patties" gives "patty"). Two texts name the same thing when their variants meet.
pub fn variants(words: &str) -> Vec<String> {
    let (first, rest) = match words.split_once(' ') {
        Some((f, r)) => (f, format!(" {r}")),
        None => (words, String::new()),
    };
    let mut out = vec![words.to_string()];
    for sing in singulars(first) {
        let v = format!("{sing}{rest}");
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

/// True when some variant of `a` equals some variant of `b`.
pub fn same_words(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.contains(x))
}

/// True when some variant of `desc` begins with some variant of `prefix`, ending at a word
/// boundary ("cup" begins "cup chopped"; "cu" begins nothing).
pub fn begins_with(desc: &[String], prefix: &[String]) -> bool {
    prefix.iter().any(|p| {
        !p.is_empty()
            && desc.iter().any(|d| {
                d.starts_with(p.as_str()) && d[p.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volume_spellings_share_one_name() {
        for (typed, name) in [
            ("cups", "cup"),
            ("Tablespoons", "tbsp"),
            ("tbs", "tbsp"),
            ("teaspoon", "tsp"),
            ("fl. oz.", "fl oz"),
            ("fluid ounces", "fl oz"),
            ("Millilitres", "ml"),
            ("liter", "l"),
            ("litres", "l"),
        ] {
            assert_eq!(normalize(typed), name, "{typed}");
        }
        assert_eq!(normalize("Cup, chopped"), "cup chopped");
        assert_eq!(normalize("large (8\" long)"), "large 8\" long", "l is not large");
        assert_eq!(normalize("oz"), "oz", "an ounce is a weight");
    }

    #[test]
    fn volume_units_agree_with_the_cup() {
        let ml = |u| volume_unit(u).unwrap();
        assert!((ml("cup") - 236.6).abs() < 1e-9);
        assert!((16.0 * ml("tbsp") - ml("cup")).abs() < 1e-9);
        assert!((48.0 * ml("teaspoons") - ml("cup")).abs() < 1e-9);
        assert!((8.0 * ml("fl oz") - ml("cup")).abs() < 1e-9);
        assert!((ml("l") - 1000.0 * ml("ml")).abs() < 1e-9);
        assert_eq!(volume_unit("cup chopped"), None, "a cup of something is a portion");
        assert_eq!(volume_unit("oz"), None);
        assert_eq!(mass_unit("fl oz"), None);
        assert_eq!(mass_unit("oz."), Some(28.35));
    }
}
