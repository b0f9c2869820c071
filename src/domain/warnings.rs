//! Warnings about doses and upper limits, from the nutrition reference's rules: supplemental
//! magnesium against its own UL, total calcium, vitamin D and zinc against theirs, large
//! single calcium doses, and vitamin D taken while magnesium runs low.

use serde::Serialize;

use super::day::DaySummary;
use super::food::trim_number;
use super::nutrient::Nutrient;
use super::supplement::Supplement;

/// Above this a single calcium dose is absorbed less well.
pub const CALCIUM_DOSE_MG: f64 = 500.0;

/// Said once with the warnings.
pub const NOT_ADVICE: &str = "Educational, not medical advice.";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
}

/// The day's warnings. `mg_week_average` is the 7-day magnesium average ending that day
/// (food and supplements), for `vitd_without_mg`.
pub fn warnings(day: &DaySummary, doses: &[Supplement], mg_week_average: Option<f64>) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut warn = |code: &'static str, message: String| out.push(Warning { code, message });
    let source = "(Dietary Reference Intakes)";
    let supp_mg = day.supplemental[Nutrient::Magnesium.index()];
    if let Some(ul) = day.ul.get(Nutrient::Magnesium) {
        if supp_mg > ul {
            warn(
                "mg_supplement_over_ul",
                format!(
                    "Supplemental magnesium {} mg is above the {} mg upper limit for supplements {source}; food magnesium does not count toward it.",
                    trim_number(supp_mg),
                    trim_number(ul)
                ),
            );
        }
    }
    for (code, n) in [
        ("ca_over_ul", Nutrient::Calcium),
        ("vitd_over_ul", Nutrient::VitaminD),
        ("zinc_over_ul", Nutrient::Zinc),
    ] {
        let total = day.totals.get(n);
        if let Some(ul) = day.ul.get(n) {
            if total > ul {
                let i = n.info();
                warn(
                    code,
                    format!(
                        "Total {} {} {} is above the {} {} upper limit {source}.",
                        lower_first(i.name),
                        trim_number((total * 10.0).round() / 10.0),
                        i.unit,
                        trim_number(ul),
                        i.unit
                    ),
                );
            }
        }
    }
    if let Some(big) = doses
        .iter()
        .filter(|d| d.nutrient == Nutrient::Calcium && d.amount > CALCIUM_DOSE_MG)
        .map(|d| d.amount)
        .reduce(f64::max)
    {
        warn(
            "ca_dose_large",
            format!(
                "A single calcium dose of {} mg is above {} mg; absorption falls with larger doses (NIH ODS), so splitting it helps.",
                trim_number(big),
                trim_number(CALCIUM_DOSE_MG)
            ),
        );
    }
    let takes_d = doses.iter().any(|d| d.nutrient == Nutrient::VitaminD);
    if let (true, Some(avg), Some(ear)) = (takes_d, mg_week_average, day.ear.get(Nutrient::Magnesium)) {
        if avg < ear {
            warn(
                "vitd_without_mg",
                format!(
                    "Vitamin D supplements while the 7-day magnesium average ({} mg) is below its average requirement ({} mg): the enzymes that activate vitamin D need magnesium.",
                    trim_number(avg.round()),
                    trim_number(ear)
                ),
            );
        }
    }
    if let Some(first) = out.first_mut() {
        first.message.push(' ');
        first.message.push_str(NOT_ADVICE);
    }
    out
}

/// "Vitamin D" -> "vitamin D": a name inside a sentence.
fn lower_first(name: &str) -> String {
    let mut c = name.chars();
    c.next().map(|f| f.to_lowercase().collect::<String>() + c.as_str()).unwrap_or_default()
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
        w.iter().map(|w| w.code).collect()
    }

    #[test]
    fn food_magnesium_never_counts_against_the_supplement_ul() {
        assert!(warnings(&day(&[], 2960.0), &[], Some(400.0)).is_empty());
        let two = [dose(Nutrient::Magnesium, 200.0), dose(Nutrient::Magnesium, 200.0)];
        let w = warnings(&day(&two, 0.0), &two, Some(400.0));
        assert_eq!(codes(&w), vec!["mg_supplement_over_ul"]);
        assert!(w[0].message.contains("350 mg") && w[0].message.contains(NOT_ADVICE));
    }

    #[test]
    fn vitamin_d_and_calcium_limits() {
        let d = [dose(Nutrient::VitaminD, 125.0), dose(Nutrient::Calcium, 600.0)];
        let w = warnings(&day(&d, 0.0), &d, Some(300.0));
        assert_eq!(codes(&w), vec!["vitd_over_ul", "ca_dose_large"]);
        assert_eq!(w.iter().filter(|w| w.message.contains(NOT_ADVICE)).count(), 1, "said once");
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
}
