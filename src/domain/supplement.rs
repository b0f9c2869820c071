//! Supplements as doses: the nutrients they carry, amounts with units (mg, µg, IU, g), and
//! the elemental share of common salts, from the nutrition reference.

use chrono::{NaiveDate, NaiveTime};

use super::nutrient::{Nutrient, IU_PER_UG_VITAMIN_D};
use super::{clip, DomainError};

/// Nutrients a supplement can be logged for. Folate is logged in µg DFE as labels give it;
/// folic acid in µg of folic acid (its UL counts it, with fortified food's). Vitamin A is
/// logged with its form, retinol or beta-carotene: only retinol counts against its UL.
pub const SUPPLEMENT_NUTRIENTS: [Nutrient; 18] = [
    Nutrient::Magnesium,
    Nutrient::Calcium,
    Nutrient::VitaminD,
    Nutrient::Zinc,
    Nutrient::VitaminC,
    Nutrient::VitaminK,
    Nutrient::Potassium,
    Nutrient::Iron,
    Nutrient::Folate,
    Nutrient::FolicAcid,
    Nutrient::VitaminB12,
    Nutrient::VitaminA,
    Nutrient::VitaminE,
    Nutrient::Copper,
    Nutrient::Manganese,
    Nutrient::Selenium,
    Nutrient::VitaminK2,
    Nutrient::Caffeine,
];

/// The forms a vitamin A dose is logged in: preformed (retinol, and its esters retinyl
/// palmitate and acetate) or beta-carotene. Only preformed vitamin A counts against the UL.
pub const VITAMIN_A_FORMS: [&str; 2] = ["retinol", "beta-carotene"];

/// Whether a vitamin A dose of this form is preformed vitamin A (retinol or a retinyl ester),
/// the only vitamin A its UL counts.
pub fn is_retinol(form: Option<&str>) -> bool {
    form.is_some_and(|f| {
        let f = f.to_lowercase();
        f.contains("retinol") || f.contains("retinyl")
    })
}

/// Refuses a vitamin A dose whose form is not retinol (or a retinyl ester) or beta-carotene:
/// whether it counts against the UL depends on it. Other nutrients take any form.
pub fn check_form(nutrient: Nutrient, form: Option<&str>) -> Result<(), DomainError> {
    if nutrient != Nutrient::VitaminA {
        return Ok(());
    }
    let carotene = form.is_some_and(|f| {
        let f = f.to_lowercase().replace([' ', '_'], "-");
        f.contains("beta-carotene") || f.contains("carotene")
    });
    if is_retinol(form) || carotene {
        return Ok(());
    }
    Err(DomainError::BadSupplement(
        "vitamin A needs its form: --form retinol (also retinyl palmitate or acetate) or --form \
         beta-carotene; only retinol counts against the upper limit"
            .to_string(),
    ))
}

/// A logged supplement dose; `amount` is elemental, in the nutrient's unit (mg or µg).
#[derive(Debug, Clone, PartialEq)]
pub struct Supplement {
    pub id: i64,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub nutrient: Nutrient,
    pub amount: f64,
    pub form: Option<String>,
    pub logged_at: String,
}

/// A supplement before the store gives it an id.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSupplement {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub nutrient: Nutrient,
    pub amount: f64,
    pub form: Option<String>,
    pub logged_at: String,
}

/// A salt and the share of its weight that is the element (nutrition reference, section 4).
pub struct Form {
    pub nutrient: Nutrient,
    /// Names it goes by, lower case ("oxide", "magnesium oxide").
    pub names: &'static [&'static str],
    pub elemental_percent: f64,
}

/// Elemental content of supplement salts. Hydration changes the figure; the usual
/// commercial form comes first. Magnesium citrate spans 11.3-16.2 % by salt: 16.2 % is used.
pub const FORMS: &[Form] = &[
    Form { nutrient: Nutrient::Magnesium, names: &["oxide"], elemental_percent: 60.3 },
    Form { nutrient: Nutrient::Magnesium, names: &["hydroxide"], elemental_percent: 41.7 },
    Form { nutrient: Nutrient::Magnesium, names: &["carbonate"], elemental_percent: 28.8 },
    Form {
        nutrient: Nutrient::Magnesium,
        names: &["chloride", "chloride hexahydrate"],
        elemental_percent: 12.0,
    },
    Form { nutrient: Nutrient::Magnesium, names: &["chloride anhydrous"], elemental_percent: 25.5 },
    Form { nutrient: Nutrient::Magnesium, names: &["citrate"], elemental_percent: 16.2 },
    Form { nutrient: Nutrient::Magnesium, names: &["glycinate", "bisglycinate"], elemental_percent: 14.1 },
    Form { nutrient: Nutrient::Magnesium, names: &["malate", "malate anhydrous"], elemental_percent: 15.5 },
    Form { nutrient: Nutrient::Magnesium, names: &["malate trihydrate"], elemental_percent: 11.6 },
    Form { nutrient: Nutrient::Magnesium, names: &["lactate", "lactate dihydrate"], elemental_percent: 10.2 },
    Form { nutrient: Nutrient::Magnesium, names: &["lactate anhydrous"], elemental_percent: 12.0 },
    Form {
        nutrient: Nutrient::Magnesium,
        names: &["sulfate", "sulfate heptahydrate", "sulphate", "epsom salt"],
        elemental_percent: 9.9,
    },
    Form { nutrient: Nutrient::Magnesium, names: &["sulfate anhydrous"], elemental_percent: 20.1 },
    Form { nutrient: Nutrient::Magnesium, names: &["taurate"], elemental_percent: 8.9 },
    Form {
        nutrient: Nutrient::Magnesium,
        names: &["aspartate", "aspartate dihydrate"],
        elemental_percent: 7.5,
    },
    Form { nutrient: Nutrient::Magnesium, names: &["threonate", "l-threonate"], elemental_percent: 8.3 },
    Form { nutrient: Nutrient::Magnesium, names: &["orotate", "orotate dihydrate"], elemental_percent: 6.6 },
    Form { nutrient: Nutrient::Calcium, names: &["carbonate"], elemental_percent: 40.0 },
    Form {
        nutrient: Nutrient::Calcium,
        names: &["phosphate", "tricalcium phosphate"],
        elemental_percent: 38.8,
    },
    Form {
        nutrient: Nutrient::Calcium,
        names: &["citrate", "citrate tetrahydrate"],
        elemental_percent: 21.0,
    },
    Form {
        nutrient: Nutrient::Calcium,
        names: &["lactate", "lactate pentahydrate"],
        elemental_percent: 13.0,
    },
    Form { nutrient: Nutrient::Calcium, names: &["gluconate"], elemental_percent: 9.0 },
];

/// Parses a supplement nutrient name ("magnesium", "vitamin-d", "zinc"...).
pub fn parse_nutrient(text: &str) -> Result<Nutrient, DomainError> {
    Nutrient::parse(text).filter(|n| SUPPLEMENT_NUTRIENTS.contains(n)).ok_or_else(|| {
        let names: Vec<String> =
            SUPPLEMENT_NUTRIENTS.iter().map(|n| n.info().name.to_lowercase().replace(' ', "-")).collect();
        DomainError::BadSupplement(format!(
            "unknown supplement nutrient {:?}: use {}",
            clip(text),
            names.join(", ")
        ))
    })
}

/// The form named by `text` for `nutrient`: "oxide", "magnesium oxide", "Mg glycinate".
pub fn find_form(nutrient: Nutrient, text: &str) -> Option<&'static Form> {
    let t = text.trim().to_lowercase().replace(['(', ')', ','], " ");
    let element = nutrient.info().name.to_lowercase();
    let words: Vec<&str> = t
        .split_whitespace()
        .filter(|w| *w != element && *w != nutrient.info().short.to_lowercase() && *w != "bis")
        .collect();
    let key = words.join(" ");
    FORMS.iter().filter(|f| f.nutrient == nutrient).find(|f| f.names.contains(&key.as_str()))
}

/// Parses a dose ("200 mg", "25 µg", "1000 IU", "1 g") to the nutrient's unit. IU only for
/// vitamin D (1 µg = 40 IU). Refuses zero, negative, non-finite and absurd amounts.
pub fn parse_amount(nutrient: Nutrient, text: &str) -> Result<f64, DomainError> {
    let bad = |why: &str| DomainError::BadSupplement(format!("can't use the amount {:?}: {why}", clip(text)));
    let t = text.trim().to_lowercase();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let value: f64 = num
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| bad("give a number and a unit, such as \"200 mg\" or \"25 µg\""))?;
    if value <= 0.0 {
        return Err(bad("it must be more than zero"));
    }
    let unit = unit.trim();
    let in_mg = match unit {
        "mg" => value,
        "g" => value * 1000.0,
        "µg" | "ug" | "mcg" | "μg" => value / 1000.0,
        "iu" if nutrient == Nutrient::VitaminD => value / IU_PER_UG_VITAMIN_D / 1000.0,
        "iu" => return Err(bad("IU is for vitamin D only")),
        "" => return Err(bad("add a unit: mg, µg, IU (vitamin D) or g")),
        _ => return Err(bad("use mg, µg (or ug, mcg), IU (vitamin D) or g")),
    };
    let amount = if nutrient.info().unit == "µg" { in_mg * 1000.0 } else { in_mg };
    // More than 100 g of an element in one dose is a typing slip, not a supplement.
    if in_mg > 100_000.0 {
        return Err(bad("that is more than any supplement dose"));
    }
    Ok(amount)
}

/// The elemental share used for `form` and why, said whenever `--compound` converts a dose:
/// "magnesium citrate at 16.2 % elemental". Where the reference gives a range for the salt
/// (magnesium citrate, 11.3-16.2 % by salt and hydration), it says which end was taken and
/// why.
pub fn elemental_note(nutrient: Nutrient, form: &str) -> Option<String> {
    let f = find_form(nutrient, form)?;
    let name = format!("{} {}", nutrient.info().name.to_lowercase(), f.names[0]);
    let mut note = format!("{name} at {} % elemental (nutrition reference, section 4)", f.elemental_percent);
    if nutrient == Nutrient::Magnesium && f.names[0] == "citrate" {
        note.push_str(
            "; citrate salts hold 11.3-16.2 % by salt and hydration, and 16.2 % is the common \
             anhydrous trimagnesium citrate: if the label gives the elemental amount, log that instead",
        );
    }
    Some(note)
}

/// The elemental amount of `compound_amount` (in the nutrient's unit) of the named salt.
pub fn elemental(nutrient: Nutrient, form: &str, compound_amount: f64) -> Result<f64, DomainError> {
    let f = find_form(nutrient, form).ok_or_else(|| {
        let known: Vec<&str> = FORMS.iter().filter(|f| f.nutrient == nutrient).map(|f| f.names[0]).collect();
        DomainError::BadSupplement(if known.is_empty() {
            format!(
                "--compound needs a salt of magnesium or calcium, not {}",
                nutrient.info().name.to_lowercase()
            )
        } else {
            format!(
                "unknown {} form {:?}: use one of {}",
                nutrient.info().name.to_lowercase(),
                clip(form),
                known.join(", ")
            )
        })
    })?;
    Ok(compound_amount * f.elemental_percent / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_convert_to_the_nutrients_unit() {
        assert_eq!(parse_amount(Nutrient::Magnesium, "200 mg").unwrap(), 200.0);
        assert_eq!(parse_amount(Nutrient::Magnesium, "0.2g").unwrap(), 200.0);
        assert_eq!(parse_amount(Nutrient::VitaminD, "25 µg").unwrap(), 25.0);
        assert_eq!(parse_amount(Nutrient::VitaminD, "25ug").unwrap(), 25.0);
        assert_eq!(parse_amount(Nutrient::VitaminD, "1000 IU").unwrap(), 25.0);
        assert_eq!(parse_amount(Nutrient::VitaminD, "5000 iu").unwrap(), 125.0);
        assert!((parse_amount(Nutrient::Zinc, "15000 ug").unwrap() - 15.0).abs() < 1e-9);
        for bad in ["", "200", "-5 mg", "0 mg", "NaN mg", "1e400 mg", "200 parsecs", "1000 kg"] {
            assert!(parse_amount(Nutrient::Magnesium, bad).is_err(), "{bad:?}");
        }
        assert!(parse_amount(Nutrient::Magnesium, "400 IU").is_err(), "IU is vitamin D only");
    }

    #[test]
    fn the_citrate_range_is_said_with_the_figure_used() {
        let note = elemental_note(Nutrient::Magnesium, "magnesium citrate").unwrap();
        assert!(note.contains("16.2 %") && note.contains("11.3-16.2 %"), "{note}");
        let oxide = elemental_note(Nutrient::Magnesium, "oxide").unwrap();
        assert_eq!(oxide, "magnesium oxide at 60.3 % elemental (nutrition reference, section 4)");
        assert!(elemental_note(Nutrient::Magnesium, "unobtainium").is_none());
    }

    #[test]
    fn compound_weights_become_elemental() {
        assert!((elemental(Nutrient::Magnesium, "oxide", 1000.0).unwrap() - 603.0).abs() < 1e-9);
        assert!(
            (elemental(Nutrient::Magnesium, "magnesium glycinate", 1000.0).unwrap() - 141.0).abs() < 1e-9
        );
        assert!((elemental(Nutrient::Magnesium, "Mg bisglycinate", 1000.0).unwrap() - 141.0).abs() < 1e-9);
        assert!((elemental(Nutrient::Calcium, "calcium carbonate", 1250.0).unwrap() - 500.0).abs() < 1e-9);
        assert!(elemental(Nutrient::Magnesium, "unobtainium", 100.0).is_err());
        assert!(elemental(Nutrient::Calcium, "oxide", 100.0).is_err());
        assert!(elemental(Nutrient::Zinc, "gluconate", 100.0).is_err());
    }

    #[test]
    fn supplement_nutrients() {
        assert_eq!(parse_nutrient("vitamin-d").unwrap(), Nutrient::VitaminD);
        assert!(parse_nutrient("protein").is_err());
        for (name, n) in [
            ("iron", Nutrient::Iron),
            ("folate", Nutrient::Folate),
            ("folic-acid", Nutrient::FolicAcid),
            ("vitamin-b12", Nutrient::VitaminB12),
            ("vitamin-a", Nutrient::VitaminA),
            ("vitamin-e", Nutrient::VitaminE),
            ("copper", Nutrient::Copper),
            ("manganese", Nutrient::Manganese),
            ("selenium", Nutrient::Selenium),
            ("vitamin-k2", Nutrient::VitaminK2),
        ] {
            assert_eq!(parse_nutrient(name).unwrap(), n, "{name}");
        }
        let err = parse_nutrient("unobtainium").unwrap_err().to_string();
        assert!(err.contains("folic-acid") && err.contains("vitamin-b12"), "{err}");
    }

    #[test]
    fn vitamin_a_names_its_form_and_only_retinol_is_preformed() {
        assert!(check_form(Nutrient::VitaminA, Some("retinol")).is_ok());
        assert!(check_form(Nutrient::VitaminA, Some("retinyl palmitate")).is_ok());
        assert!(check_form(Nutrient::VitaminA, Some("beta-carotene")).is_ok());
        assert!(check_form(Nutrient::VitaminA, Some("Beta Carotene")).is_ok());
        assert!(check_form(Nutrient::VitaminA, None).is_err());
        assert!(check_form(Nutrient::VitaminA, Some("gummy")).is_err());
        assert!(check_form(Nutrient::Magnesium, None).is_ok());
        assert!(is_retinol(Some("Retinyl acetate")));
        assert!(!is_retinol(Some("beta-carotene")));
        assert!(!is_retinol(None));
        assert!(
            (parse_amount(Nutrient::Copper, "900 µg").unwrap() - 0.9).abs() < 1e-12,
            "copper is kept in mg"
        );
        assert_eq!(parse_amount(Nutrient::FolicAcid, "400 mcg").unwrap(), 400.0);
    }
}
