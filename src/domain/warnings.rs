//! Warnings about doses and upper limits, from the nutrition reference's rules: supplemental
//! magnesium against its own UL, total calcium, vitamin D, zinc, vitamin C and phosphorus
//! against theirs; iron, copper, manganese and selenium totals, folic acid (fortified food and
//! supplements), retinol doses and supplemental vitamin E against theirs; large
//! single calcium doses, and vitamin D taken while magnesium runs low. Each warning is data
//! (a code, the nutrient, the amount, the limit and who set it); `present` makes the words.

use serde::Serialize;

use super::compare::above;
use super::day::DaySummary;
use super::nutrient::Nutrient;
use super::supplement::Supplement;

/// Above this a single calcium dose is absorbed less well.
pub const CALCIUM_DOSE_MG: f64 = 500.0;

/// What a warning is about; its `as_str` is the code scripts read in `--json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// Supplemental magnesium above the UL for supplements (food never counts).
    MgSupplementOverUl,
    /// The day's total calcium above its UL.
    CaOverUl,
    /// The day's total vitamin D above its UL.
    VitdOverUl,
    /// The day's total zinc above its UL.
    ZincOverUl,
    /// The day's total vitamin C above its UL.
    VitcOverUl,
    /// The day's total phosphorus above its UL.
    PhosphorusOverUl,
    /// The day's total iron above its UL.
    IronOverUl,
    /// Folic acid (fortified food and supplements) above its UL.
    FolicAcidOverUl,
    /// Preformed vitamin A (doses declared as retinol) above its UL; food never counts.
    RetinolOverUl,
    /// Supplemental vitamin E above its UL; food never counts.
    VitaminESupplementOverUl,
    /// The day's total copper above its UL.
    CopperOverUl,
    /// The day's total manganese above its UL.
    ManganeseOverUl,
    /// The day's total selenium above its UL.
    SeleniumOverUl,
    /// One calcium dose above `CALCIUM_DOSE_MG`.
    CaDoseLarge,
    /// Vitamin D supplements while the 7-day magnesium average is below its EAR.
    VitdWithoutMg,
}

impl Code {
    /// "mg_supplement_over_ul", as the JSON has always said.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::MgSupplementOverUl => "mg_supplement_over_ul",
            Code::CaOverUl => "ca_over_ul",
            Code::VitdOverUl => "vitd_over_ul",
            Code::ZincOverUl => "zinc_over_ul",
            Code::VitcOverUl => "vitc_over_ul",
            Code::PhosphorusOverUl => "phosphorus_over_ul",
            Code::IronOverUl => "iron_over_ul",
            Code::FolicAcidOverUl => "folic_acid_over_ul",
            Code::RetinolOverUl => "retinol_over_ul",
            Code::VitaminESupplementOverUl => "vite_supplement_over_ul",
            Code::CopperOverUl => "copper_over_ul",
            Code::ManganeseOverUl => "manganese_over_ul",
            Code::SeleniumOverUl => "selenium_over_ul",
            Code::CaDoseLarge => "ca_dose_large",
            Code::VitdWithoutMg => "vitd_without_mg",
        }
    }

    /// Over an upper limit, rather than a caution.
    pub fn over_limit(self) -> bool {
        !matches!(self, Code::CaDoseLarge | Code::VitdWithoutMg)
    }
}

/// Scripts and tests name a code by its string.
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Who set a limit, named wherever the limit is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Source {
    /// The Dietary Reference Intakes (National Academies): ULs and average requirements.
    Dri,
    /// The NIH Office of Dietary Supplements' fact sheets.
    NihOds,
}

/// One warning: `amount` of `nutrient` (in its own unit) against `limit`, set by `source`.
/// For `VitdWithoutMg` the amount is the 7-day magnesium average and the limit its EAR.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Warning {
    pub code: Code,
    pub nutrient: Nutrient,
    pub amount: f64,
    pub limit: f64,
    pub source: Source,
}

/// The day's warnings. `mg_week_average` is the 7-day magnesium average ending that day
/// (food and supplements), for `vitd_without_mg`.
pub fn warnings(day: &DaySummary, doses: &[Supplement], mg_week_average: Option<f64>) -> Vec<Warning> {
    let mut out = Vec::new();
    let supp_mg = day.supplemental[Nutrient::Magnesium.index()];
    if let Some(ul) = day.ul.get(Nutrient::Magnesium) {
        if above(supp_mg, ul) {
            out.push(Warning {
                code: Code::MgSupplementOverUl,
                nutrient: Nutrient::Magnesium,
                amount: supp_mg,
                limit: ul,
                source: Source::Dri,
            });
        }
    }
    for (code, n) in [
        (Code::CaOverUl, Nutrient::Calcium),
        (Code::VitdOverUl, Nutrient::VitaminD),
        (Code::ZincOverUl, Nutrient::Zinc),
        (Code::VitcOverUl, Nutrient::VitaminC),
        (Code::PhosphorusOverUl, Nutrient::Phosphorus),
        (Code::IronOverUl, Nutrient::Iron),
        (Code::FolicAcidOverUl, Nutrient::FolicAcid),
        (Code::RetinolOverUl, Nutrient::VitaminA),
        (Code::VitaminESupplementOverUl, Nutrient::VitaminE),
        (Code::CopperOverUl, Nutrient::Copper),
        (Code::ManganeseOverUl, Nutrient::Manganese),
        (Code::SeleniumOverUl, Nutrient::Selenium),
    ] {
        // The total, or only the doses this UL counts (retinol, supplemental vitamin E).
        let total = day.against_ul(n);
        if let Some(ul) = day.ul.get(n).filter(|ul| above(total, *ul)) {
            out.push(Warning { code, nutrient: n, amount: total, limit: ul, source: Source::Dri });
        }
    }
    if let Some(big) = doses
        .iter()
        .filter(|d| d.nutrient == Nutrient::Calcium && d.amount > CALCIUM_DOSE_MG)
        .map(|d| d.amount)
        .reduce(f64::max)
    {
        out.push(Warning {
            code: Code::CaDoseLarge,
            nutrient: Nutrient::Calcium,
            amount: big,
            limit: CALCIUM_DOSE_MG,
            source: Source::NihOds,
        });
    }
    let takes_d = doses.iter().any(|d| d.nutrient == Nutrient::VitaminD);
    if let (true, Some(avg), Some(ear)) = (takes_d, mg_week_average, day.ear.get(Nutrient::Magnesium)) {
        if avg < ear {
            out.push(Warning {
                code: Code::VitdWithoutMg,
                nutrient: Nutrient::Magnesium,
                amount: avg,
                limit: ear,
                source: Source::Dri,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::targets::{Profile, Sex};

    fn dose(n: Nutrient, amount: f64) -> Supplement {
        Supplement {
            id: 1,
            date: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            time: None,
            nutrient: n,
            amount,
            form: None,
            logged_at: String::new(),
        }
    }

    fn day(doses: &[Supplement], food_mg: f64) -> DaySummary {
        let mut d = DaySummary::with_supplements(
            NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            &[],
            doses,
            &Profile {
                sex: Sex::Female,
                age: 54,
                age_months: None,
                pregnant: false,
                lactating: false,
                weight_kg: None,
                default: false,
                overrides: Default::default(),
            },
        );
        d.totals.known[Nutrient::Magnesium.index()] += food_mg;
        d
    }

    fn codes(w: &[Warning]) -> Vec<&str> {
        w.iter().map(|w| w.code.as_str()).collect()
    }

    #[test]
    fn food_magnesium_never_counts_against_the_supplement_ul() {
        assert!(warnings(&day(&[], 2960.0), &[], Some(400.0)).is_empty());
        let two = [dose(Nutrient::Magnesium, 200.0), dose(Nutrient::Magnesium, 200.0)];
        let w = warnings(&day(&two, 0.0), &two, Some(400.0));
        assert_eq!(codes(&w), vec!["mg_supplement_over_ul"]);
        assert_eq!((w[0].amount, w[0].limit, w[0].source), (400.0, 350.0, Source::Dri));
    }

    #[test]
    fn vitamin_d_and_calcium_limits() {
        let d = [dose(Nutrient::VitaminD, 125.0), dose(Nutrient::Calcium, 600.0)];
        let w = warnings(&day(&d, 0.0), &d, Some(300.0));
        assert_eq!(codes(&w), vec!["vitd_over_ul", "ca_dose_large"]);
        assert_eq!((w[0].nutrient, w[0].amount, w[0].limit), (Nutrient::VitaminD, 125.0, 100.0));
        assert_eq!((w[1].amount, w[1].limit, w[1].source), (600.0, 500.0, Source::NihOds));
        let low = warnings(&day(&d, 0.0), &d, Some(200.0));
        assert!(codes(&low).contains(&"vitd_without_mg"));
        let ca = [
            dose(Nutrient::Calcium, 500.0),
            dose(Nutrient::Calcium, 500.0),
            dose(Nutrient::Calcium, 500.0),
            dose(Nutrient::Calcium, 500.0),
            dose(Nutrient::Calcium, 500.0),
        ];
        assert_eq!(codes(&warnings(&day(&ca, 0.0), &ca, None)), vec!["ca_over_ul"]);
    }

    #[test]
    fn a_sum_that_reaches_the_limit_is_not_above_it() {
        let three = [
            dose(Nutrient::Magnesium, 137.4),
            dose(Nutrient::Magnesium, 191.3),
            dose(Nutrient::Magnesium, 21.3),
        ];
        assert!(warnings(&day(&three, 0.0), &three, Some(400.0)).is_empty());
        let more = [dose(Nutrient::Magnesium, 350.1)];
        assert_eq!(codes(&warnings(&day(&more, 0.0), &more, Some(400.0))), vec!["mg_supplement_over_ul"]);
    }

    #[test]
    fn vitamin_c_and_phosphorus_limits_warn_like_the_others() {
        let d = [dose(Nutrient::VitaminC, 2500.0)];
        let w = warnings(&day(&d, 0.0), &d, None);
        assert_eq!(codes(&w), vec!["vitc_over_ul"]);
        assert_eq!((w[0].amount, w[0].limit), (2500.0, 2000.0));
        let mut food = day(&[], 0.0);
        food.totals.known[Nutrient::Phosphorus.index()] = 4200.0;
        let w = warnings(&food, &[], None);
        assert_eq!(codes(&w), vec!["phosphorus_over_ul"]);
        assert_eq!((w[0].amount, w[0].limit), (4200.0, 4000.0));
    }

    #[test]
    fn source_limited_uls_count_only_their_sources() {
        // Food vitamin A (carotenoids included) and food vitamin E never count.
        let mut food = day(&[], 0.0);
        food.totals.known[Nutrient::VitaminA.index()] = 5000.0;
        food.totals.known[Nutrient::VitaminE.index()] = 1500.0;
        assert!(warnings(&food, &[], None).is_empty());
        let retinol = Supplement { form: Some("retinol".into()), ..dose(Nutrient::VitaminA, 3100.0) };
        let carotene = Supplement { form: Some("beta-carotene".into()), ..dose(Nutrient::VitaminA, 9000.0) };
        assert!(warnings(&day(std::slice::from_ref(&carotene), 0.0), &[], None).is_empty());
        let both = [retinol, carotene];
        let w = warnings(&day(&both, 0.0), &both, None);
        assert_eq!(codes(&w), vec!["retinol_over_ul"]);
        assert_eq!((w[0].amount, w[0].limit), (3100.0, 3000.0));
        let e = [dose(Nutrient::VitaminE, 1100.0)];
        assert_eq!(codes(&warnings(&day(&e, 0.0), &e, None)), vec!["vite_supplement_over_ul"]);
        // Folic acid: fortified food and supplements together.
        let fa = [dose(Nutrient::FolicAcid, 800.0)];
        let mut fortified = day(&fa, 0.0);
        fortified.totals.known[Nutrient::FolicAcid.index()] += 300.0;
        let w = warnings(&fortified, &fa, None);
        assert_eq!(codes(&w), vec!["folic_acid_over_ul"]);
        assert_eq!((w[0].amount, w[0].limit), (1100.0, 1000.0));
        // Iron, copper, manganese and selenium: every source.
        let mut all = day(&[], 0.0);
        all.totals.known[Nutrient::Iron.index()] = 46.0;
        all.totals.known[Nutrient::Copper.index()] = 10.5;
        all.totals.known[Nutrient::Manganese.index()] = 11.5;
        all.totals.known[Nutrient::Selenium.index()] = 401.0;
        all.totals.known[Nutrient::VitaminB12.index()] = 5000.0;
        assert_eq!(
            codes(&warnings(&all, &[], None)),
            vec!["iron_over_ul", "copper_over_ul", "manganese_over_ul", "selenium_over_ul"],
            "B12 has no UL"
        );
    }
}
