//! A day's figures in words: how complete its totals are (items without a value for a
//! nutrient), the gap left to a target, as `marrow day`, `marrow suggest` and the app say
//! them, and a dose's name as a row of an export.

use super::amount::{amount, fixed, number, plural, VitaminDUnit};
use crate::domain::day::DaySummary;
use crate::domain::totals::Totals;
use crate::domain::Nutrient;

/// "D: 1 of 3 items unknown", or None when every item had a value for `n`.
pub fn unknown(t: &Totals, n: Nutrient) -> Option<String> {
    let u = t.unknown(n);
    (u > 0).then(|| format!("{}: {u} of {} unknown", n.info().short, plural(t.items, "item", "items")))
}

/// "D: 4.3 µg known, 1 of 5 items unknown", or just "D: 4.3 µg" when nothing was unknown.
pub fn completeness(s: &DaySummary, n: Nutrient, d: VitaminDUnit) -> String {
    let known = format!("{}: {}", n.info().short, fixed(n, Some(s.totals.get(n)), d));
    match s.totals.unknown(n) {
        0 => known,
        u => format!("{known} known, {u} of {} unknown", plural(s.totals.items, "item", "items")),
    }
}

/// "ALA: 18:3 undifferentiated for 2 items (true ALA not measured)", or None when every ALA
/// figure is true ALA. `items` counts the items whose ALA is SR28's 619 rather than its 851.
pub fn ala_note(items: usize) -> Option<String> {
    (items > 0).then(|| {
        format!(
            "ALA: 18:3 undifferentiated for {} (true ALA not measured; other 18:3 fats count with it)",
            plural(items, "item", "items")
        )
    })
}

/// The same note for one food: "ALA is 18:3 undifferentiated (true ALA not measured)".
pub const ALA_FOOD_NOTE: &str =
    "ALA is 18:3 undifferentiated (true ALA not measured; other 18:3 fats count with it)";

/// Whose intake an upper limit counts, where it is not the day's total: said beside the
/// limits of `marrow profile` and `marrow day`.
pub const SOURCE_LIMITED_ULS: &str = "Magnesium's and vitamin E's upper limits count supplements only, \
vitamin A's counts retinol supplements only (not food or beta-carotene), and folic acid's counts \
fortified food and supplements; the others count everything.";

/// Said beside the iron target, as text only: the target itself does not change.
pub const VEGETARIAN_IRON_NOTE: &str = "Vegetarians may need 1.8 times the iron target: non-heme \
iron, the only kind in plants, is absorbed less well (Dietary Reference Intakes, IOM 2001).";

/// The day's gap in one nutrient, as `marrow suggest` and the app's suggestions open: "Magnesium
/// on Wed 25 Nov: 169.3 of 320 mg so far, 150.7 mg to go".
pub fn gap_headline(
    n: Nutrient,
    day: &str,
    total: f64,
    target: Option<f64>,
    gap: f64,
    d: VitaminDUnit,
) -> String {
    let name = n.info().name;
    match target {
        Some(t) if gap > 0.0 => format!(
            "{name} on {day}: {} of {} so far, {} to go",
            number(n, total, d),
            amount(n, t, d),
            amount(n, gap, d)
        ),
        Some(_) => format!("{name} on {day}: target reached; foods rich in it anyway"),
        None => format!("{name} has no target for this profile; foods rich in it"),
    }
}

/// A supplement dose as a row of the diary names it: "Magnesium supplement (glycinate)".
pub fn supplement_name(n: Nutrient, form: Option<&str>) -> String {
    let form = form.map(|f| format!(" ({f})")).unwrap_or_default();
    format!("{} supplement{form}", n.info().name)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{NutrientValues, Profile};

    const UG: VitaminDUnit = VitaminDUnit::Micrograms;
    const IU: VitaminDUnit = VitaminDUnit::Iu;

    fn item(mg: Option<f64>, d: Option<f64>) -> NutrientValues {
        let mut v = NutrientValues::unknown();
        v.set(Nutrient::Magnesium, mg);
        v.set(Nutrient::VitaminD, d);
        v.set(Nutrient::Calcium, Some(100.0));
        v
    }

    #[test]
    fn the_ala_note_counts_items() {
        assert_eq!(ala_note(0), None);
        assert_eq!(
            ala_note(2).unwrap(),
            "ALA: 18:3 undifferentiated for 2 items (true ALA not measured; other 18:3 fats count with it)"
        );
        assert!(ala_note(1).unwrap().contains("for 1 item "));
    }

    #[test]
    fn unknown_items_are_counted_in_words() {
        let t = Totals::sum([item(Some(81.0), None), item(Some(23.7), Some(0.0)), item(None, Some(1.5))]);
        assert_eq!(unknown(&t, Nutrient::VitaminD).as_deref(), Some("D: 1 of 3 items unknown"));
        assert_eq!(unknown(&t, Nutrient::Calcium), None);
        let one = Totals::sum([item(None, None)]);
        assert_eq!(unknown(&one, Nutrient::VitaminD).as_deref(), Some("D: 1 of 1 item unknown"));
    }

    #[test]
    fn completeness_names_the_known_amount() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let mut s = DaySummary::with_supplements(date, &[], &[], &Profile::default());
        s.totals = Totals::sum([item(Some(81.0), None), item(Some(23.7), Some(2.5))]);
        assert_eq!(completeness(&s, Nutrient::VitaminD, UG), "D: 2.5 µg known, 1 of 2 items unknown");
        assert_eq!(completeness(&s, Nutrient::VitaminD, IU), "D: 100.0 IU known, 1 of 2 items unknown");
        assert_eq!(completeness(&s, Nutrient::Calcium, UG), "Ca: 200.0 mg");
    }

    #[test]
    fn a_dose_is_named_by_its_nutrient_and_form() {
        assert_eq!(
            supplement_name(Nutrient::Magnesium, Some("glycinate")),
            "Magnesium supplement (glycinate)"
        );
        assert_eq!(supplement_name(Nutrient::VitaminD, None), "Vitamin D supplement");
    }

    #[test]
    fn the_gap_headline_reads_the_same_in_both_faces() {
        let n = Nutrient::Magnesium;
        assert_eq!(
            gap_headline(n, "Wed 25 Nov", 169.34, Some(320.0), 150.66, UG),
            "Magnesium on Wed 25 Nov: 169.3 of 320 mg so far, 150.7 mg to go"
        );
        assert_eq!(
            gap_headline(Nutrient::VitaminD, "2026-01-05", 5.0, Some(15.0), 10.0, IU),
            "Vitamin D on 2026-01-05: 200 of 600 IU so far, 400 IU to go"
        );
        assert!(gap_headline(n, "x", 400.0, Some(320.0), 0.0, UG).contains("target reached"));
        assert!(gap_headline(n, "x", 0.0, None, 0.0, UG).contains("no target"));
    }
}
