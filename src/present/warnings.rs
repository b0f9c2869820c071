//! Warnings in words: the one-line headline the gauges show and the full message the
//! supplements overlay, `marrow day` and its JSON give, each limit with its source named and
//! "educational, not medical advice" said once with them. Built from `domain::warnings`' data.

use super::amount::{amount, lower_first, VitaminDUnit};
use crate::domain::warnings::{Code, Source, Warning};

/// Said once with the warnings.
pub const NOT_ADVICE: &str = "Educational, not medical advice.";

/// Who set a limit, as a sentence names it: "Dietary Reference Intakes", "NIH ODS".
pub fn source(s: Source) -> &'static str {
    match s {
        Source::Dri => "Dietary Reference Intakes",
        Source::NihOds => "NIH ODS",
    }
}

/// The warning's first statement, figures kept and source left for the full message, for one
/// line of the app: "Total calcium 2600 mg is above the 2500 mg upper limit".
pub fn headline(w: &Warning, d: VitaminDUnit) -> String {
    let n = w.nutrient;
    let (value, limit) = (amount(n, w.amount, d), amount(n, w.limit, d));
    match w.code {
        Code::MgSupplementOverUl => {
            format!("Supplemental magnesium {value} is above the {limit} upper limit for supplements")
        }
        Code::CaOverUl
        | Code::VitdOverUl
        | Code::ZincOverUl
        | Code::VitcOverUl
        | Code::PhosphorusOverUl
        | Code::IronOverUl
        | Code::CopperOverUl
        | Code::ManganeseOverUl
        | Code::SeleniumOverUl => {
            format!("Total {} {value} is above the {limit} upper limit", lower_first(n.info().name))
        }
        Code::FolicAcidOverUl => {
            format!("Folic acid from fortified food and supplements {value} is above the {limit} upper limit")
        }
        Code::RetinolOverUl => {
            format!("Preformed vitamin A (retinol) from supplements {value} is above the {limit} upper limit")
        }
        Code::VitaminESupplementOverUl => {
            format!("Supplemental vitamin E {value} is above the {limit} upper limit for supplements")
        }
        Code::CaDoseLarge => format!("A single calcium dose of {value} is above {limit}"),
        Code::VitdWithoutMg => format!(
            "Vitamin D supplements while the 7-day magnesium average ({}) is below its average requirement ({limit})",
            whole(w)
        ),
    }
}

/// The full message: the headline, the source of its limit, and why it matters.
pub fn message(w: &Warning, d: VitaminDUnit) -> String {
    let src = source(w.source);
    match w.code {
        Code::MgSupplementOverUl => {
            format!("{} ({src}); food magnesium does not count toward it.", headline(w, d))
        }
        Code::CaOverUl
        | Code::VitdOverUl
        | Code::ZincOverUl
        | Code::VitcOverUl
        | Code::PhosphorusOverUl
        | Code::IronOverUl
        | Code::CopperOverUl
        | Code::ManganeseOverUl
        | Code::SeleniumOverUl => format!("{} ({src}).", headline(w, d)),
        Code::FolicAcidOverUl => {
            format!("{} ({src}); folate that occurs in food does not count toward it.", headline(w, d))
        }
        Code::RetinolOverUl => format!(
            "{} ({src}); vitamin A from food and beta-carotene do not count toward it.",
            headline(w, d)
        ),
        Code::VitaminESupplementOverUl => {
            format!("{} ({src}); vitamin E from food does not count toward it.", headline(w, d))
        }
        Code::CaDoseLarge => format!(
            "{}; absorption falls with larger doses ({src}), so splitting it helps.",
            headline(w, d)
        ),
        Code::VitdWithoutMg => format!(
            "Vitamin D supplements while the 7-day magnesium average ({}) is below its average requirement ({}, {src}): the enzymes that activate vitamin D need magnesium.",
            whole(w),
            amount(w.nutrient, w.limit, d)
        ),
    }
}

/// Every warning's full message, "educational, not medical advice" added to the first: what
/// `marrow day` prints and its JSON carries.
pub fn messages(ws: &[Warning], d: VitaminDUnit) -> Vec<String> {
    let mut out: Vec<String> = ws.iter().map(|w| message(w, d)).collect();
    if let Some(first) = out.first_mut() {
        first.push(' ');
        first.push_str(NOT_ADVICE);
    }
    out
}

/// A week's average, whole: "250 mg" (a tenth of a milligram over 7 days says nothing).
fn whole(w: &Warning) -> String {
    format!("{} {}", w.amount.round(), w.nutrient.info().unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Nutrient;

    const UG: VitaminDUnit = VitaminDUnit::Micrograms;

    fn w(code: Code, nutrient: Nutrient, amount: f64, limit: f64, source: Source) -> Warning {
        Warning { code, nutrient, amount, limit, source }
    }

    fn mg_supplement() -> Warning {
        w(Code::MgSupplementOverUl, Nutrient::Magnesium, 400.0, 350.0, Source::Dri)
    }

    #[test]
    fn headlines_keep_the_figures_and_drop_the_source() {
        assert_eq!(
            headline(&mg_supplement(), UG),
            "Supplemental magnesium 400 mg is above the 350 mg upper limit for supplements"
        );
        assert_eq!(
            headline(&w(Code::CaOverUl, Nutrient::Calcium, 2600.0, 2500.0, Source::Dri), UG),
            "Total calcium 2600 mg is above the 2500 mg upper limit"
        );
        assert_eq!(
            headline(&w(Code::CaDoseLarge, Nutrient::Calcium, 600.0, 500.0, Source::NihOds), UG),
            "A single calcium dose of 600 mg is above 500 mg"
        );
        assert_eq!(
            headline(&w(Code::VitdWithoutMg, Nutrient::Magnesium, 250.3, 265.0, Source::Dri), UG),
            "Vitamin D supplements while the 7-day magnesium average (250 mg) is below its average requirement (265 mg)"
        );
    }

    #[test]
    fn every_kind_has_a_full_message_naming_its_source() {
        assert_eq!(
            message(&mg_supplement(), UG),
            "Supplemental magnesium 400 mg is above the 350 mg upper limit for supplements (Dietary Reference Intakes); food magnesium does not count toward it."
        );
        assert_eq!(
            message(&w(Code::CaOverUl, Nutrient::Calcium, 2600.04, 2500.0, Source::Dri), UG),
            "Total calcium 2600 mg is above the 2500 mg upper limit (Dietary Reference Intakes)."
        );
        assert_eq!(
            message(&w(Code::ZincOverUl, Nutrient::Zinc, 41.25, 40.0, Source::Dri), UG),
            "Total zinc 41.3 mg is above the 40 mg upper limit (Dietary Reference Intakes)."
        );
        assert_eq!(
            message(&w(Code::CaDoseLarge, Nutrient::Calcium, 600.0, 500.0, Source::NihOds), UG),
            "A single calcium dose of 600 mg is above 500 mg; absorption falls with larger doses (NIH ODS), so splitting it helps."
        );
        assert_eq!(
            message(&w(Code::VitdWithoutMg, Nutrient::Magnesium, 250.0, 265.0, Source::Dri), UG),
            "Vitamin D supplements while the 7-day magnesium average (250 mg) is below its average requirement (265 mg, Dietary Reference Intakes): the enzymes that activate vitamin D need magnesium."
        );
    }

    #[test]
    fn the_source_limited_limits_say_what_they_count() {
        assert_eq!(
            message(&w(Code::RetinolOverUl, Nutrient::VitaminA, 3100.0, 3000.0, Source::Dri), UG),
            "Preformed vitamin A (retinol) from supplements 3100 µg is above the 3000 µg upper limit (Dietary Reference Intakes); vitamin A from food and beta-carotene do not count toward it."
        );
        assert_eq!(
            message(&w(Code::FolicAcidOverUl, Nutrient::FolicAcid, 1100.0, 1000.0, Source::Dri), UG),
            "Folic acid from fortified food and supplements 1100 µg is above the 1000 µg upper limit (Dietary Reference Intakes); folate that occurs in food does not count toward it."
        );
        assert_eq!(
            headline(&w(Code::VitaminESupplementOverUl, Nutrient::VitaminE, 1100.0, 1000.0, Source::Dri), UG),
            "Supplemental vitamin E 1100 mg is above the 1000 mg upper limit for supplements"
        );
        assert_eq!(
            headline(&w(Code::CopperOverUl, Nutrient::Copper, 10.5, 10.0, Source::Dri), UG),
            "Total copper 10.5 mg is above the 10 mg upper limit"
        );
    }

    #[test]
    fn vitamin_d_warnings_follow_the_unit_setting() {
        let d = w(Code::VitdOverUl, Nutrient::VitaminD, 125.0, 100.0, Source::Dri);
        assert_eq!(headline(&d, UG), "Total vitamin D 125 µg is above the 100 µg upper limit");
        assert_eq!(
            message(&d, VitaminDUnit::Iu),
            "Total vitamin D 5000 IU is above the 4000 IU upper limit (Dietary Reference Intakes)."
        );
    }

    #[test]
    fn not_medical_advice_is_said_once() {
        let ws = [mg_supplement(), w(Code::CaDoseLarge, Nutrient::Calcium, 600.0, 500.0, Source::NihOds)];
        let said = messages(&ws, UG);
        assert!(said[0].ends_with(NOT_ADVICE));
        assert_eq!(said.iter().filter(|m| m.contains(NOT_ADVICE)).count(), 1, "said once");
        assert!(messages(&[], UG).is_empty());
    }
}
