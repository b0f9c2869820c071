//! The words and signs of a nutrient gauge, for the app: the glyphs that mark the EAR, the
//! target and the upper limit and tell food from supplements, their legend, what a gauge over
//! its upper limit says on the bar (in as few columns as there are), and a short count of the
//! items whose value is unknown.

use super::amount::{amount, figure_short, plural, VitaminDUnit};
use crate::domain::totals::Totals;
use crate::domain::Nutrient;

/// The bar's part that food gave.
pub const FOOD_FILL: char = '█';
/// The bar's part that supplements gave.
pub const SUPPLEMENT_FILL: char = '▓';
/// The bar's part not reached.
pub const EMPTY_FILL: char = '░';
/// Where the estimated average requirement (EAR) is.
pub const EAR_MARK: char = '╎';
/// Where the target (RDA or AI) is.
pub const TARGET_MARK: char = '┃';
/// Where the tolerable upper intake level (UL) is.
pub const LIMIT_MARK: char = '║';

/// The marks' legend in at most `width` columns, the longest that fits (empty when none does).
pub fn legend(width: usize) -> String {
    let (e, t, u, s) = (EAR_MARK, TARGET_MARK, LIMIT_MARK, SUPPLEMENT_FILL);
    [
        format!(
            " {e} EAR  {t} target (RDA/AI)  {u} upper limit (Mg: supplements only)  {s} supplements · \
             Dietary Reference Intakes "
        ),
        format!(
            " {e} EAR {t} target {u} UL (Mg: supplements only) {s} supplements · Dietary Reference Intakes "
        ),
        format!(" {e} EAR {t} target {u} UL (Mg: supplements only) {s} supplements · DRI "),
        format!(" {e}EAR {t}target {u}UL {s}supplements "),
        format!(" {e}EAR {t}target {u}UL "),
    ]
    .into_iter()
    .find(|l| l.chars().count() <= width)
    .unwrap_or_default()
}

/// What a gauge over its upper limit says on the bar, longest first: the caller takes the first
/// that fits. `amount` is what the limit counts: the day's total, or for a limit that counts
/// supplements only (magnesium's) the supplements, which the words then name.
pub fn over_limit(
    n: Nutrient,
    amount_read: f64,
    limit: f64,
    supplements_only: bool,
    d: VitaminDUnit,
) -> Vec<String> {
    let (of, ul) = (figure_short(n, amount_read, d), amount(n, limit, d));
    if supplements_only {
        vec![
            format!("supplements {of} of {ul} UL"),
            format!("suppl. {of} of {ul} UL"),
            format!("suppl. over UL {ul}"),
            "suppl. over UL".to_string(),
            "over UL".to_string(),
        ]
    } else {
        vec![format!("over UL: {of} of {ul}"), format!("over UL {ul}"), "over UL".to_string()]
    }
}

/// "1 of 3 items unknown" beside a gauge that names its nutrient, or when `short` "1 of 3
/// unknown"; None when every item had a value.
pub fn unknown_items(t: &Totals, n: Nutrient, short: bool) -> Option<String> {
    let u = t.unknown(n);
    let of = if short { t.items.to_string() } else { plural(t.items, "item", "items") };
    (u > 0).then(|| format!("{u} of {of} unknown"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::NutrientValues;

    #[test]
    fn over_the_limit_says_which_limit_and_shortens_to_fit() {
        let ca = over_limit(Nutrient::Calcium, 2631.4, 2000.0, false, VitaminDUnit::Micrograms);
        assert_eq!(ca, ["over UL: 2631 of 2000 mg", "over UL 2000 mg", "over UL"]);
        let mg = over_limit(Nutrient::Magnesium, 400.0, 350.0, true, VitaminDUnit::Micrograms);
        assert_eq!(mg[0], "supplements 400 of 350 mg UL");
        assert!(mg.iter().all(|l| l.contains("UL")), "{mg:?}");
        let d = over_limit(Nutrient::VitaminD, 125.0, 100.0, false, VitaminDUnit::Iu);
        assert_eq!(d[1], "over UL 4000 IU");
    }

    #[test]
    fn the_legend_names_every_mark_when_there_is_room() {
        let wide = legend(120);
        for word in ["EAR", "target", "upper limit", "supplements only", "supplements", "Dietary"] {
            assert!(wide.contains(word), "{wide}");
        }
        assert!(legend(78).chars().count() <= 78 && legend(78).contains("Mg: supplements"), "{}", legend(78));
        assert!(legend(30).contains("UL"));
        assert_eq!(legend(5), "");
    }

    #[test]
    fn unknown_items_are_counted() {
        let mut known = NutrientValues::unknown();
        known.set(Nutrient::VitaminD, Some(1.0));
        let t = Totals::sum([known, NutrientValues::unknown(), known]);
        assert_eq!(unknown_items(&t, Nutrient::VitaminD, false).as_deref(), Some("1 of 3 items unknown"));
        assert_eq!(unknown_items(&t, Nutrient::VitaminD, true).as_deref(), Some("1 of 3 unknown"));
        assert_eq!(unknown_items(&Totals::sum([known]), Nutrient::VitaminD, false), None);
    }
}
