//! The bone co-factors beyond magnesium, calcium and vitamin D, for one day (nutrition
//! reference, section 10): protein against the RDA (and, past 65, the PROT-AGE/ESPEN advice),
//! vitamin K1 against its AI, and the urinary calcium the day's sodium costs. Data only:
//! present/cofactors.rs words it, with each figure's source.

use super::day::DaySummary;
use super::{Nutrient, Profile, Sex};

/// Grams of protein per kg of body weight in the RDA: adults, pregnancy, lactation.
pub const PROTEIN_RDA_PER_KG: f64 = 0.8;
pub const PROTEIN_PREGNANT_PER_KG: f64 = 1.1;
pub const PROTEIN_LACTATING_PER_KG: f64 = 1.3;
/// The PROT-AGE (2013) and ESPEN (2014) advice for adults over 65, g/kg: their advice, not a DRI.
pub const OLDER_ADVICE_PER_KG: (f64, f64) = (1.0, 1.2);
/// From this age the older-adult advice is shown.
pub const OLDER_FROM_AGE: u32 = 66;
/// Urinary calcium, mg, lost per 2300 mg (100 mmol) of sodium (Weaver 1999).
pub const CALCIUM_PER_SODIUM: (f64, f64) = (40.0, 2300.0);

/// How the protein target was set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ProteinBasis {
    /// g/kg times the profile's weight; `floor` when the table's grams were higher and kept.
    PerKg { per_kg: f64, weight_kg: f64, floor: Option<f64> },
    /// The DRI table's grams for the life stage (no weight set, or a child).
    Table,
    /// The config's `[targets] protein_g`.
    Config,
}

/// Protein of the day against its target.
#[derive(Debug, Clone, PartialEq)]
pub struct Protein {
    pub amount: f64,
    pub unknown: usize,
    pub target: Option<f64>,
    pub basis: ProteinBasis,
    /// For adults over 65: the PROT-AGE/ESPEN advice.
    pub older_advice: Option<OlderAdvice>,
}

/// The protein advice of PROT-AGE (2013) and ESPEN (2014) for adults over 65: not a DRI.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OlderAdvice {
    /// Grams per kg of body weight, low and high.
    pub per_kg: (f64, f64),
    /// The same in grams, when a weight is set.
    pub grams: Option<(f64, f64)>,
}

/// A nutrient of the day against its target, with how many items lacked a value.
#[derive(Debug, Clone, PartialEq)]
pub struct Against {
    pub nutrient: Nutrient,
    pub amount: f64,
    pub unknown: usize,
    pub target: Option<f64>,
}

/// The day's sodium and the urinary calcium it costs, an estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct Sodium {
    pub amount: f64,
    pub unknown: usize,
    pub calcium_lost: f64,
}

/// The co-factor panel of one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Cofactors {
    pub items: usize,
    pub protein: Protein,
    /// Vitamin K1 (phylloquinone) against its AI.
    pub vitamin_k: Against,
    /// Vitamin K2 as MK-4: SR28 has it for 588 foods only, so it is the sum over the items
    /// whose MK-4 is known, never a day's total; no DRI.
    pub mk4: Known,
    pub sodium: Sodium,
    /// Caffeine: no DRI; told as the day's amount with its unknown count.
    pub caffeine: Known,
}

/// A nutrient known for some of the day's items: their sum and how many items they are.
#[derive(Debug, Clone, PartialEq)]
pub struct Known {
    pub amount: f64,
    pub known: usize,
}

/// Urinary calcium lost for `sodium_mg` of sodium, mg (about 40 mg per 2300 mg).
pub fn calcium_lost(sodium_mg: f64) -> f64 {
    sodium_mg.max(0.0) * CALCIUM_PER_SODIUM.0 / CALCIUM_PER_SODIUM.1
}

fn protein_basis(profile: &Profile, target: Option<f64>) -> ProteinBasis {
    if profile.overrides.contains_key(&Nutrient::Protein) {
        return ProteinBasis::Config;
    }
    let carrying = profile.sex == Sex::Female && (profile.pregnant || profile.lactating);
    let per_kg = match () {
        _ if carrying && profile.lactating => PROTEIN_LACTATING_PER_KG,
        _ if carrying => PROTEIN_PREGNANT_PER_KG,
        _ if profile.age >= 19 => PROTEIN_RDA_PER_KG,
        _ => return ProteinBasis::Table,
    };
    let Some(weight_kg) = profile.weight_kg else { return ProteinBasis::Table };
    let floor = target.filter(|t| carrying && *t > per_kg * weight_kg + 0.05);
    ProteinBasis::PerKg { per_kg, weight_kg, floor }
}

fn known(summary: &DaySummary, n: Nutrient) -> Known {
    let t = &summary.totals;
    Known { amount: t.get(n), known: t.items.saturating_sub(t.unknown(n)) }
}

impl Cofactors {
    /// The panel for a day summarised with `profile`.
    pub fn of(summary: &DaySummary, profile: &Profile) -> Cofactors {
        let t = &summary.totals;
        let target = summary.targets.get(Nutrient::Protein);
        let older_advice = (profile.age >= OLDER_FROM_AGE).then(|| {
            let (lo, hi) = OLDER_ADVICE_PER_KG;
            OlderAdvice { per_kg: OLDER_ADVICE_PER_KG, grams: profile.weight_kg.map(|w| (lo * w, hi * w)) }
        });
        let k = Nutrient::VitaminK;
        Cofactors {
            items: t.items,
            protein: Protein {
                amount: t.get(Nutrient::Protein),
                unknown: t.unknown(Nutrient::Protein),
                target,
                basis: protein_basis(profile, target),
                older_advice,
            },
            vitamin_k: Against {
                nutrient: k,
                amount: t.get(k),
                unknown: t.unknown(k),
                target: summary.targets.get(k),
            },
            mk4: known(summary, Nutrient::VitaminK2),
            caffeine: known(summary, Nutrient::Caffeine),
            sodium: Sodium {
                amount: t.get(Nutrient::Sodium),
                unknown: t.unknown(Nutrient::Sodium),
                calcium_lost: calcium_lost(t.get(Nutrient::Sodium)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::NutrientValues;

    fn summary(profile: &Profile, protein: f64, sodium: f64) -> DaySummary {
        let date = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let mut s = DaySummary::new(date, &[], profile);
        let mut v = NutrientValues::default();
        v.set(Nutrient::Protein, Some(protein));
        v.set(Nutrient::Sodium, Some(sodium));
        s.totals.add(&v);
        s
    }

    #[test]
    fn sodium_costs_about_40_mg_of_calcium_per_2300_mg() {
        assert!((calcium_lost(2300.0) - 40.0).abs() < 1e-9);
        assert!((calcium_lost(3450.0) - 60.0).abs() < 1e-9);
        assert_eq!(calcium_lost(0.0), 0.0);
    }

    #[test]
    fn protein_follows_the_weight_when_one_is_set() {
        let p = Profile { weight_kg: Some(70.0), ..Profile::default() };
        let c = Cofactors::of(&summary(&p, 50.0, 2300.0), &p);
        assert_eq!(c.protein.target, Some(56.0));
        assert_eq!(c.protein.basis, ProteinBasis::PerKg { per_kg: 0.8, weight_kg: 70.0, floor: None });
        assert_eq!(c.protein.older_advice, None);
        assert!((c.sodium.calcium_lost - 40.0).abs() < 1e-9);
        let p = Profile::default();
        let c = Cofactors::of(&summary(&p, 50.0, 0.0), &p);
        assert_eq!((c.protein.target, c.protein.basis), (Some(46.0), ProteinBasis::Table));
        assert_eq!(c.vitamin_k.target, Some(90.0));
    }

    #[test]
    fn pregnancy_and_lactation_never_fall_below_the_tables_grams() {
        let p = Profile { weight_kg: Some(50.0), pregnant: true, age: 30, ..Profile::default() };
        let c = Cofactors::of(&summary(&p, 50.0, 0.0), &p);
        assert_eq!(c.protein.target, Some(71.0), "1.1 x 50 = 55 g is below the table's 71 g");
        assert_eq!(c.protein.basis, ProteinBasis::PerKg { per_kg: 1.1, weight_kg: 50.0, floor: Some(71.0) });
        let p = Profile { weight_kg: Some(70.0), lactating: true, age: 30, ..Profile::default() };
        let c = Cofactors::of(&summary(&p, 50.0, 0.0), &p);
        assert_eq!(c.protein.target, Some(91.0));
        assert_eq!(c.protein.basis, ProteinBasis::PerKg { per_kg: 1.3, weight_kg: 70.0, floor: None });
    }

    #[test]
    fn over_65s_get_the_expert_advice_beside_the_rda() {
        let p = Profile { age: 70, sex: Sex::Male, weight_kg: Some(80.0), ..Profile::default() };
        let c = Cofactors::of(&summary(&p, 60.0, 0.0), &p);
        assert_eq!(c.protein.target, Some(64.0), "the RDA stays 0.8 g/kg");
        assert_eq!(
            c.protein.older_advice,
            Some(OlderAdvice { per_kg: (1.0, 1.2), grams: Some((80.0, 96.0)) })
        );
        let p = Profile { age: 70, ..Profile::default() };
        let c = Cofactors::of(&summary(&p, 60.0, 0.0), &p);
        assert_eq!(c.protein.older_advice, Some(OlderAdvice { per_kg: (1.0, 1.2), grams: None }));
        let p = Profile { age: 65, ..Profile::default() };
        assert_eq!(Cofactors::of(&summary(&p, 60.0, 0.0), &p).protein.older_advice, None);
    }

    #[test]
    fn a_config_target_is_named_as_such() {
        let mut p = Profile::default();
        p.overrides.insert(Nutrient::Protein, 100.0);
        let c = Cofactors::of(&summary(&p, 60.0, 0.0), &p);
        assert_eq!((c.protein.target, c.protein.basis), (Some(100.0), ProteinBasis::Config));
    }
}
