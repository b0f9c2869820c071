//! Numbers as a person reads them: a nutrient's amount in its display unit (vitamin D in µg or
//! IU, as the config's `units.vitamin_d` says; callers pass it), rounded to the nutrient's
//! decimals, in columns or in sentences; doses, percents, ratios, grams of food, plurals and
//! the calcium:magnesium note. JSON keeps its own rounding (`nutrient::round_for_output`): data.

use crate::domain::food::trim_number;
use crate::domain::nutrient::IU_PER_UG_VITAMIN_D;
use crate::domain::{Nutrient, NutrientValues};

pub use crate::config::VitaminDUnit;

/// What the calcium:magnesium ratio is measured against, said wherever the ratio is shown.
pub const CA_MG_NOTE: &str = "research proposal 1.7-2.6, not a guideline";

/// The setting as a flag turns it back: the app's state keeps `vitamin_d_iu`.
pub fn vitamin_d_unit(iu: bool) -> VitaminDUnit {
    if iu {
        VitaminDUnit::Iu
    } else {
        VitaminDUnit::Micrograms
    }
}

/// The unit `n` is read in: "mg", "µg", "kcal", or "IU" for vitamin D when asked.
pub fn unit(n: Nutrient, d: VitaminDUnit) -> &'static str {
    if n == Nutrient::VitaminD && d == VitaminDUnit::Iu {
        "IU"
    } else {
        n.info().unit
    }
}

/// `value`, stored in the nutrient's own unit, in the unit read (1 µg vitamin D = 40 IU).
pub fn convert(n: Nutrient, value: f64, d: VitaminDUnit) -> f64 {
    if n == Nutrient::VitaminD && d == VitaminDUnit::Iu {
        value * IU_PER_UG_VITAMIN_D
    } else {
        value
    }
}

/// A figure for a column, at the nutrient's fixed decimals and without its unit: "81.0", "?"
/// when unknown.
pub fn figure(n: Nutrient, v: Option<f64>, d: VitaminDUnit) -> String {
    match v {
        Some(x) => fixed_decimals(convert(n, x, d), n.info().decimals),
        None => "?".to_string(),
    }
}

/// `figure` right-aligned in `width` columns, its decimals dropped when they would not fit, so
/// it never runs into its neighbour: "  81.0", "  1171".
pub fn figure_within(n: Nutrient, v: Option<f64>, d: VitaminDUnit, width: usize) -> String {
    let mut text = figure(n, v, d);
    if text.chars().count() > width {
        if let Some(x) = v {
            text = fixed_decimals(convert(n, x, d), 0);
        }
    }
    format!("{text:>width$}")
}

/// As few figures as still say it, for a dense column: whole numbers from 10 up ("87"), the
/// nutrient's decimals below ("0.4").
pub fn figure_short(n: Nutrient, v: f64, d: VitaminDUnit) -> String {
    let x = convert(n, v, d);
    fixed_decimals(x, if x.abs() >= 10.0 { 0 } else { n.info().decimals })
}

/// A column figure with its unit: "81.0 mg", "? µg".
pub fn fixed(n: Nutrient, v: Option<f64>, d: VitaminDUnit) -> String {
    format!("{} {}", figure(n, v, d), unit(n, d))
}

/// An amount for a sentence, rounded to the nutrient's decimals with trailing zeros dropped:
/// "169.3", "320", "1000" IU.
pub fn number(n: Nutrient, v: f64, d: VitaminDUnit) -> String {
    let places = n.info().decimals;
    let scale = 10f64.powi(places as i32);
    trim_number((convert(n, v, d) * scale).round() / scale)
}

/// `number` with its unit: "169.3 mg", "600 IU".
pub fn amount(n: Nutrient, v: f64, d: VitaminDUnit) -> String {
    format!("{} {}", number(n, v, d), unit(n, d))
}

/// A supplement dose: "magnesium 200 mg (glycinate)", "vitamin D 25 µg".
pub fn dose(n: Nutrient, v: f64, form: Option<&str>, d: VitaminDUnit) -> String {
    let form = form.map(|f| format!(" ({f})")).unwrap_or_default();
    format!("{} {}{form}", lower_first(n.info().name), amount(n, v, d))
}

/// How a dose of `n` is typed, for a form's hint: "200 mg", "25 µg or 1000 IU", and in IU
/// only "1000 IU", so that a form for a reader of IU shows no µg.
pub fn dose_example(n: Nutrient, d: VitaminDUnit) -> String {
    let typical = match n {
        Nutrient::VitaminD if d == VitaminDUnit::Iu => return "1000 IU".to_string(),
        Nutrient::VitaminD => return "25 µg or 1000 IU".to_string(),
        Nutrient::Magnesium => 200.0,
        Nutrient::Calcium | Nutrient::VitaminC => 500.0,
        Nutrient::Zinc => 15.0,
        Nutrient::Potassium => 99.0,
        _ => 100.0,
    };
    amount(n, typical, d)
}

/// Each of `shown` by its short name, "?" when unknown: "Mg 81.0 mg, Ca 80.7 mg, D ? µg".
pub fn short_amounts(v: &NutrientValues, shown: &[Nutrient], d: VitaminDUnit, sep: &str) -> String {
    shown
        .iter()
        .map(|n| format!("{} {}", n.info().short, fixed(*n, v.get(*n), d)))
        .collect::<Vec<_>>()
        .join(sep)
}

/// A column's head, its short name and unit: "Mg mg", "D µg", "D IU".
pub fn column_head(n: Nutrient, d: VitaminDUnit) -> String {
    format!("{} {}", n.info().short, unit(n, d))
}

/// A percent, whole: "53%". Below 100 it never reads "100%": 99.7 % of a target is not the
/// target reached, so it shows as 99%.
pub fn percent(p: f64) -> String {
    let whole = if p < 100.0 { p.round().min(99.0) } else { p.round() };
    format!("{whole:.0}%")
}

/// A ratio to one decimal: "2.2".
pub fn ratio(r: f64) -> String {
    format!("{r:.1}")
}

/// Grams of food, without trailing zeros: "30", "28.35".
pub fn grams(g: f64) -> String {
    trim_number(g)
}

/// "1 item", "2 items".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Vitamin D" -> "vitamin D": a name inside a sentence.
pub(super) fn lower_first(name: &str) -> String {
    let mut c = name.chars();
    c.next().map(|f| f.to_lowercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

fn fixed_decimals(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    // Never "-0.0": a rounding of a tiny negative is nothing.
    if s.starts_with('-') && s.trim_start_matches(['-', '0', '.']).is_empty() {
        s[1..].to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UG: VitaminDUnit = VitaminDUnit::Micrograms;
    const IU: VitaminDUnit = VitaminDUnit::Iu;

    #[test]
    fn vitamin_d_reads_in_micrograms_or_international_units() {
        assert_eq!(unit(Nutrient::VitaminD, UG), "µg");
        assert_eq!(unit(Nutrient::VitaminD, IU), "IU");
        assert_eq!(convert(Nutrient::VitaminD, 1.0, IU), 40.0, "1 µg = 40 IU");
        assert_eq!(amount(Nutrient::VitaminD, 25.0, UG), "25 µg");
        assert_eq!(amount(Nutrient::VitaminD, 25.0, IU), "1000 IU");
        assert_eq!(amount(Nutrient::VitaminD, 15.0, IU), "600 IU");
        assert_eq!(fixed(Nutrient::VitaminD, Some(2.5), UG), "2.5 µg");
        // Columns keep the nutrient's decimals in either unit, so they line up.
        assert_eq!(fixed(Nutrient::VitaminD, Some(2.5), IU), "100.0 IU");
        assert_eq!(column_head(Nutrient::VitaminD, IU), "D IU");
        let mut v = NutrientValues::unknown();
        v.set(Nutrient::Magnesium, Some(81.0));
        v.set(Nutrient::VitaminD, Some(2.5));
        let shown = [Nutrient::Magnesium, Nutrient::Calcium, Nutrient::VitaminD];
        assert_eq!(short_amounts(&v, &shown, IU, ", "), "Mg 81.0 mg, Ca ? mg, D 100.0 IU");
        // The setting is for vitamin D only.
        assert_eq!(amount(Nutrient::Magnesium, 320.0, IU), "320 mg");
        assert_eq!(unit(Nutrient::VitaminK, IU), "µg");
    }

    #[test]
    fn each_nutrient_rounds_to_its_own_decimals() {
        assert_eq!(figure(Nutrient::Magnesium, Some(81.0), UG), "81.0");
        assert_eq!(figure(Nutrient::Calcium, Some(80.66), UG), "80.7");
        assert_eq!(figure(Nutrient::Energy, Some(126.6), UG), "127");
        assert_eq!(figure(Nutrient::Epa, Some(0.08612), UG), "0.086");
        assert_eq!(figure(Nutrient::Zinc, None, UG), "?");
        assert_eq!(figure(Nutrient::Magnesium, Some(-0.01), UG), "0.0", "never -0.0");
        assert_eq!(number(Nutrient::Magnesium, 169.34, UG), "169.3");
        assert_eq!(number(Nutrient::Calcium, 2600.04, UG), "2600");
        assert_eq!(number(Nutrient::Energy, 1999.6, UG), "2000");
        assert_eq!(amount(Nutrient::Magnesium, 350.0, UG), "350 mg");
        assert_eq!(figure_within(Nutrient::Magnesium, Some(81.0), UG, 6), "  81.0");
        assert_eq!(figure_within(Nutrient::Calcium, Some(1171.04), UG, 5), " 1171");
        assert_eq!(figure_within(Nutrient::Calcium, None, UG, 5), "    ?");
        assert_eq!(figure_short(Nutrient::Magnesium, 86.9, UG), "87");
        assert_eq!(figure_short(Nutrient::VitaminD, 0.42, UG), "0.4");
    }

    #[test]
    fn doses_percents_ratios_and_grams() {
        assert_eq!(dose(Nutrient::Magnesium, 200.0, Some("glycinate"), UG), "magnesium 200 mg (glycinate)");
        assert_eq!(dose(Nutrient::VitaminD, 25.0, None, UG), "vitamin D 25 µg");
        assert_eq!(dose(Nutrient::VitaminD, 25.0, None, IU), "vitamin D 1000 IU");
        assert_eq!(dose_example(Nutrient::Magnesium, IU), "200 mg");
        assert_eq!(dose_example(Nutrient::VitaminD, UG), "25 µg or 1000 IU");
        assert_eq!(dose_example(Nutrient::VitaminD, IU), "1000 IU");
        assert_eq!(dose_example(Nutrient::VitaminK, IU), "100 µg");
        assert_eq!(percent(52.9), "53%");
        assert_eq!(percent(99.7), "99%");
        assert_eq!(percent(100.0), "100%");
        assert_eq!(percent(100.4), "100%");
        assert_eq!(ratio(2.24), "2.2");
        assert_eq!(grams(28.35), "28.35");
        assert_eq!(grams(30.0), "30");
    }

    #[test]
    fn plurals_and_counts() {
        assert_eq!(plural(1, "item", "items"), "1 item");
        assert_eq!(plural(2, "item", "items"), "2 items");
        assert_eq!(plural(0, "food", "foods"), "0 foods");
    }

    #[test]
    fn the_calcium_magnesium_note_says_it_is_no_guideline() {
        assert!(CA_MG_NOTE.contains("1.7-2.6") && CA_MG_NOTE.contains("not a guideline"));
    }
}
