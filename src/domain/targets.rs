//! Daily targets (RDA or AI), average requirements (EAR) and upper limits (UL) by life stage,
//! from the Dietary Reference Intakes of the National Academies.

use std::collections::BTreeMap;

use serde::Serialize;

use super::nutrient::Nutrient;
pub use super::targets_more::{ul_counts, UlCounts};
use super::targets_more::{RDA_MORE, RDA_MORE_COLS, UL_MORE, UL_MORE_COLS};

/// Where every target marrow shows comes from.
pub const SOURCE: &str = "Dietary Reference Intakes, National Academies (IOM 2011 calcium and \
vitamin D; NASEM 2019 elements; IOM 1998/2000/2001)";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Female,
    Male,
}

impl Sex {
    pub fn parse(s: &str) -> Option<Sex> {
        match s.trim().to_lowercase().as_str() {
            "female" | "f" | "woman" => Some(Sex::Female),
            "male" | "m" | "man" => Some(Sex::Male),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
        }
    }
}

/// Who the user is, as far as targets care. `default` marks the profile used when none is set.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub sex: Sex,
    /// Age in whole years.
    pub age: u32,
    /// For an infant (age 0), the age in whole months, 0-11: from 7 months the 7-12 months
    /// life stage applies. None when not known (an infant then counts as 0-6 months).
    pub age_months: Option<u32>,
    pub pregnant: bool,
    pub lactating: bool,
    /// Body weight in kg, when given (protein target 0.8 g/kg; 1.1 pregnant, 1.3 lactating).
    pub weight_kg: Option<f64>,
    pub default: bool,
    /// Targets the user set in the config file, replacing the reference's.
    pub overrides: BTreeMap<Nutrient, f64>,
}

impl Default for Profile {
    /// An adult woman aged 31-50, the profile used until the user sets one.
    fn default() -> Self {
        Profile {
            sex: Sex::Female,
            age: 40,
            age_months: None,
            pregnant: false,
            lactating: false,
            weight_kg: None,
            default: true,
            overrides: BTreeMap::new(),
        }
    }
}

/// The oldest age a profile may give, in whole years.
pub const MAX_AGE: u32 = 130;
/// The heaviest body weight a profile may give, in kg.
pub const MAX_WEIGHT_KG: f64 = 500.0;

/// Why a profile cannot be kept: the same rules wherever one comes from (`profile set`, an
/// imported diary, the app).
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum ProfileError {
    #[error("the age {0} is not from 0 to 130 years")]
    Age(u32),
    #[error("an age in months is for a child under one year: 0 to 11 months")]
    Months(u32),
    #[error("the weight {0} kg is not a body weight: use kilograms, more than 0 and at most 500")]
    Weight(f64),
    #[error("pregnant and lactating apply to a female profile")]
    NotFemale,
}

impl Profile {
    /// Whether these facts describe a person the targets can follow: an age of 0 to
    /// [`MAX_AGE`], a weight (when given) above 0 and at most [`MAX_WEIGHT_KG`], and
    /// pregnancy or lactation only for a female profile.
    pub fn validate(&self) -> Result<(), ProfileError> {
        if self.age > MAX_AGE {
            return Err(ProfileError::Age(self.age));
        }
        if let Some(m) = self.age_months.filter(|m| self.age > 0 || *m > 11) {
            return Err(ProfileError::Months(m));
        }
        if let Some(w) = self.weight_kg {
            if !(w.is_finite() && w > 0.0 && w <= MAX_WEIGHT_KG) {
                return Err(ProfileError::Weight(w));
            }
        }
        if (self.pregnant || self.lactating) && self.sex != Sex::Female {
            return Err(ProfileError::NotFemale);
        }
        Ok(())
    }
}

/// An age as typed: whole years ("54"), or months for a child under one year ("9m", "9
/// months", "9 mo"). Returns the years and, for an infant, the months.
pub fn parse_age(text: &str) -> Option<(u32, Option<u32>)> {
    let t = text.trim().to_lowercase();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, unit) = (t[..digits].parse::<u32>().ok()?, t[digits..].trim());
    match unit {
        "" | "y" | "yr" | "yrs" | "year" | "years" => (n <= MAX_AGE).then_some((n, None)),
        "m" | "mo" | "month" | "months" => match n {
            0..=11 => Some((0, Some(n))),
            _ if n % 12 == 0 && n / 12 <= MAX_AGE => Some((n / 12, None)),
            _ => None,
        },
        _ => None,
    }
}

/// The age on `today` of someone born on `born`: whole years, and whole months under one
/// year. None when `born` is after `today` or more than [`MAX_AGE`] years before it.
pub fn age_on(born: chrono::NaiveDate, today: chrono::NaiveDate) -> Option<(u32, Option<u32>)> {
    use chrono::Datelike;
    let mut months = (today.year() - born.year()) * 12 + today.month() as i32 - born.month() as i32;
    if today.day() < born.day() {
        months -= 1;
    }
    let months = u32::try_from(months).ok()?;
    match months {
        0..=11 => Some((0, Some(months))),
        _ => Some((months / 12, None)).filter(|(y, _)| *y <= MAX_AGE),
    }
}

/// Nutrient columns of the RDA table, in order.
const RDA_COLS: [Nutrient; 9] = [
    Nutrient::Magnesium,
    Nutrient::Calcium,
    Nutrient::VitaminD,
    Nutrient::VitaminC,
    Nutrient::Zinc,
    Nutrient::VitaminK,
    Nutrient::Potassium,
    Nutrient::Phosphorus,
    Nutrient::Protein,
];

/// RDA (AI where the reference marks it) per life stage: Mg, Ca, D µg, C, Zn, K1 µg, K, P, protein g.
const RDA: &[(&str, [f64; 9])] = &[
    ("infant 0-6 months", [30.0, 200.0, 10.0, 40.0, 2.0, 2.0, 400.0, 100.0, 9.1]),
    ("infant 7-12 months", [75.0, 260.0, 10.0, 50.0, 3.0, 2.5, 860.0, 275.0, 11.0]),
    ("child 1-3", [80.0, 700.0, 15.0, 15.0, 3.0, 30.0, 2000.0, 460.0, 13.0]),
    ("child 4-8", [130.0, 1000.0, 15.0, 25.0, 5.0, 55.0, 2300.0, 500.0, 19.0]),
    ("male 9-13", [240.0, 1300.0, 15.0, 45.0, 8.0, 60.0, 2500.0, 1250.0, 34.0]),
    ("male 14-18", [410.0, 1300.0, 15.0, 75.0, 11.0, 75.0, 3000.0, 1250.0, 52.0]),
    ("male 19-30", [400.0, 1000.0, 15.0, 90.0, 11.0, 120.0, 3400.0, 700.0, 56.0]),
    ("male 31-50", [420.0, 1000.0, 15.0, 90.0, 11.0, 120.0, 3400.0, 700.0, 56.0]),
    ("male 51-70", [420.0, 1000.0, 15.0, 90.0, 11.0, 120.0, 3400.0, 700.0, 56.0]),
    ("male 71+", [420.0, 1200.0, 20.0, 90.0, 11.0, 120.0, 3400.0, 700.0, 56.0]),
    ("female 9-13", [240.0, 1300.0, 15.0, 45.0, 8.0, 60.0, 2300.0, 1250.0, 34.0]),
    ("female 14-18", [360.0, 1300.0, 15.0, 65.0, 9.0, 75.0, 2300.0, 1250.0, 46.0]),
    ("female 19-30", [310.0, 1000.0, 15.0, 75.0, 8.0, 90.0, 2600.0, 700.0, 46.0]),
    ("female 31-50", [320.0, 1000.0, 15.0, 75.0, 8.0, 90.0, 2600.0, 700.0, 46.0]),
    ("female 51-70", [320.0, 1200.0, 15.0, 75.0, 8.0, 90.0, 2600.0, 700.0, 46.0]),
    ("female 71+", [320.0, 1200.0, 20.0, 75.0, 8.0, 90.0, 2600.0, 700.0, 46.0]),
    ("pregnant 14-18", [400.0, 1300.0, 15.0, 80.0, 12.0, 75.0, 2600.0, 1250.0, 71.0]),
    ("pregnant 19-30", [350.0, 1000.0, 15.0, 85.0, 11.0, 90.0, 2900.0, 700.0, 71.0]),
    ("pregnant 31-50", [360.0, 1000.0, 15.0, 85.0, 11.0, 90.0, 2900.0, 700.0, 71.0]),
    ("lactating 14-18", [360.0, 1300.0, 15.0, 115.0, 13.0, 75.0, 2500.0, 1250.0, 71.0]),
    ("lactating 19-30", [310.0, 1000.0, 15.0, 120.0, 12.0, 90.0, 2800.0, 700.0, 71.0]),
    ("lactating 31-50", [320.0, 1000.0, 15.0, 120.0, 12.0, 90.0, 2800.0, 700.0, 71.0]),
];

/// EAR columns: Mg, Ca, D µg, P, C. No EAR for infants.
const EAR_COLS: [Nutrient; 5] =
    [Nutrient::Magnesium, Nutrient::Calcium, Nutrient::VitaminD, Nutrient::Phosphorus, Nutrient::VitaminC];

const EAR: &[(&str, [f64; 5])] = &[
    ("child 1-3", [65.0, 500.0, 10.0, 380.0, 13.0]),
    ("child 4-8", [110.0, 800.0, 10.0, 405.0, 22.0]),
    ("male 9-13", [200.0, 1100.0, 10.0, 1055.0, 39.0]),
    ("male 14-18", [340.0, 1100.0, 10.0, 1055.0, 63.0]),
    ("male 19-30", [330.0, 800.0, 10.0, 580.0, 75.0]),
    ("male 31-50", [350.0, 800.0, 10.0, 580.0, 75.0]),
    ("male 51-70", [350.0, 800.0, 10.0, 580.0, 75.0]),
    ("male 71+", [350.0, 1000.0, 10.0, 580.0, 75.0]),
    ("female 9-13", [200.0, 1100.0, 10.0, 1055.0, 39.0]),
    ("female 14-18", [300.0, 1100.0, 10.0, 1055.0, 56.0]),
    ("female 19-30", [255.0, 800.0, 10.0, 580.0, 60.0]),
    ("female 31-50", [265.0, 800.0, 10.0, 580.0, 60.0]),
    ("female 51-70", [265.0, 1000.0, 10.0, 580.0, 60.0]),
    ("female 71+", [265.0, 1000.0, 10.0, 580.0, 60.0]),
    ("pregnant 14-18", [335.0, 1100.0, 10.0, 1055.0, 66.0]),
    ("pregnant 19-30", [290.0, 800.0, 10.0, 580.0, 70.0]),
    ("pregnant 31-50", [300.0, 800.0, 10.0, 580.0, 70.0]),
    ("lactating 14-18", [300.0, 1100.0, 10.0, 1055.0, 96.0]),
    ("lactating 19-30", [255.0, 800.0, 10.0, 580.0, 100.0]),
    ("lactating 31-50", [265.0, 800.0, 10.0, 580.0, 100.0]),
];

/// UL columns: Mg (supplements and drugs only), Ca, D µg, C, Zn, P mg. NaN = not determinable.
const UL_COLS: [Nutrient; 6] = [
    Nutrient::Magnesium,
    Nutrient::Calcium,
    Nutrient::VitaminD,
    Nutrient::VitaminC,
    Nutrient::Zinc,
    Nutrient::Phosphorus,
];
const ND: f64 = f64::NAN;

const UL: &[(&str, [f64; 6])] = &[
    ("0-6 months", [ND, 1000.0, 25.0, ND, 4.0, ND]),
    ("7-12 months", [ND, 1500.0, 38.0, ND, 5.0, ND]),
    ("1-3", [65.0, 2500.0, 63.0, 400.0, 7.0, 3000.0]),
    ("4-8", [110.0, 2500.0, 75.0, 650.0, 12.0, 3000.0]),
    ("9-13", [350.0, 3000.0, 100.0, 1200.0, 23.0, 4000.0]),
    ("14-18", [350.0, 3000.0, 100.0, 1800.0, 34.0, 4000.0]),
    ("19-50", [350.0, 2500.0, 100.0, 2000.0, 40.0, 4000.0]),
    ("51-70", [350.0, 2000.0, 100.0, 2000.0, 40.0, 4000.0]),
    ("71+", [350.0, 2000.0, 100.0, 2000.0, 40.0, 3000.0]),
    ("pregnant <=18", [350.0, 3000.0, 100.0, 1800.0, 34.0, 3500.0]),
    ("pregnant 19-50", [350.0, 2500.0, 100.0, 2000.0, 40.0, 3500.0]),
    ("lactating <=18", [350.0, 3000.0, 100.0, 1800.0, 34.0, 4000.0]),
    ("lactating 19-50", [350.0, 2500.0, 100.0, 2000.0, 40.0, 4000.0]),
];

/// A DRI life stage, e.g. "female 51-70" or "pregnant 19-30".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LifeStage {
    /// The label used in the RDA and EAR tables and shown to the user.
    pub label: String,
    ul_label: String,
}

impl Profile {
    /// The life stage these facts fall in. Pregnancy and lactation apply to ages 14-50 (younger
    /// counts as 14-18, older as 31-50); the DRI tables have no other stages for them.
    pub fn life_stage(&self) -> LifeStage {
        let a = self.age;
        let band = match a {
            0 if self.age_months.is_some_and(|m| m >= 7) => "7-12 months",
            0 => "0-6 months",
            1..=3 => "1-3",
            4..=8 => "4-8",
            9..=13 => "9-13",
            14..=18 => "14-18",
            19..=30 => "19-30",
            31..=50 => "31-50",
            51..=70 => "51-70",
            _ => "71+",
        };
        let ul_age = match band {
            "19-30" | "31-50" => "19-50",
            b => b,
        };
        let carrying = if self.sex == Sex::Female && self.lactating {
            Some("lactating")
        } else if self.sex == Sex::Female && self.pregnant {
            Some("pregnant")
        } else {
            None
        };
        if let Some(kind) = carrying {
            let band = match a {
                0..=18 => "14-18",
                19..=30 => "19-30",
                _ => "31-50",
            };
            let ul = if a <= 18 { "<=18" } else { "19-50" };
            return LifeStage { label: format!("{kind} {band}"), ul_label: format!("{kind} {ul}") };
        }
        let label = match band {
            "0-6 months" | "7-12 months" => format!("infant {band}"),
            "1-3" | "4-8" => format!("child {band}"),
            b => format!("{} {b}", self.sex.as_str()),
        };
        LifeStage { label, ul_label: ul_age.to_string() }
    }

    /// Daily targets (RDA or AI) for this profile. Protein follows body weight when known.
    pub fn targets(&self) -> Targets {
        let stage = self.life_stage();
        let mut t = table(RDA, &RDA_COLS, &stage.label);
        t.extend(table(RDA_MORE, &RDA_MORE_COLS, &stage.label));
        if let Some(grams) = self.protein_by_weight(t.get(&Nutrient::Protein).copied()) {
            t.insert(Nutrient::Protein, grams);
        }
        t.extend(self.overrides.iter().map(|(n, v)| (*n, *v)));
        Targets(t)
    }

    /// The protein RDA from body weight (nutrition reference, section 10): 0.8 g/kg for
    /// adults; in pregnancy and lactation 1.1 and 1.3 g/kg, never below the table's grams
    /// (71 g), which assume a reference weight. None without a weight, and for children.
    fn protein_by_weight(&self, table: Option<f64>) -> Option<f64> {
        let w = self.weight_kg?;
        let carrying = self.sex == Sex::Female && (self.pregnant || self.lactating);
        let per_kg = match () {
            _ if carrying && self.lactating => 1.3,
            _ if carrying => 1.1,
            _ if self.age >= 19 => 0.8,
            _ => return None,
        };
        let grams = (per_kg * w * 10.0).round() / 10.0;
        Some(if carrying { grams.max(table.unwrap_or(0.0)) } else { grams })
    }

    /// Estimated average requirements for this profile (none for infants).
    pub fn ear(&self) -> Targets {
        Targets(table(EAR, &EAR_COLS, &self.life_stage().label))
    }

    /// Tolerable upper intake levels. Magnesium's counts supplements and drugs only, and so do
    /// vitamin A's (retinol) and vitamin E's: see [`ul_counts`].
    pub fn ul(&self) -> Targets {
        let label = self.life_stage().ul_label;
        let mut t = table(UL, &UL_COLS, &label);
        t.extend(table(UL_MORE, &UL_MORE_COLS, &label));
        Targets(t)
    }
}

fn table<const N: usize>(
    rows: &[(&str, [f64; N])],
    cols: &[Nutrient; N],
    label: &str,
) -> BTreeMap<Nutrient, f64> {
    rows.iter()
        .find(|(l, _)| *l == label)
        .map(|(_, v)| cols.iter().zip(v).filter(|(_, v)| !v.is_nan()).map(|(n, v)| (*n, *v)).collect())
        .unwrap_or_default()
}

/// An amount per nutrient, for the nutrients that have one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Targets(pub BTreeMap<Nutrient, f64>);

impl Targets {
    pub fn get(&self, n: Nutrient) -> Option<f64> {
        self.0.get(&n).copied()
    }
}

impl Serialize for Targets {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(n, v)| (n.key(), v)))
    }
}

#[cfg(test)]
#[path = "targets_tests.rs"]
mod tests;
