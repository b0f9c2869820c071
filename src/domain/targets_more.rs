//! The DRIs of the nutrients added after the bone nutrients (nutrition reference, section 7):
//! iron, folate, vitamin B12, vitamin A, vitamin E, copper, manganese and selenium, by the life
//! stages of the older tables. The reference gives no EAR table for them, so none is shown.
//!
//! Copper is kept in mg, as SR28 gives it; the DRIs' µg are divided by 1000 exactly here
//! (900 µg is 0.9 mg), so a target, a limit and an amount always read in the same unit.

use super::nutrient::Nutrient;

/// Nutrient columns of [`RDA_MORE`], in order.
pub(super) const RDA_MORE_COLS: [Nutrient; 8] = [
    Nutrient::Iron,
    Nutrient::Folate,
    Nutrient::VitaminB12,
    Nutrient::VitaminA,
    Nutrient::VitaminE,
    Nutrient::Copper,
    Nutrient::Manganese,
    Nutrient::Selenium,
];

/// RDA (AI for infants and for manganese): Fe mg, folate µg DFE, B12 µg, vitamin A µg RAE,
/// vitamin E mg, copper mg, manganese mg, selenium µg; by the labels of the RDA table.
pub(super) const RDA_MORE: &[(&str, [f64; 8])] = &[
    ("infant 0-6 months", [0.27, 65.0, 0.4, 400.0, 4.0, 0.2, 0.003, 15.0]),
    ("infant 7-12 months", [11.0, 80.0, 0.5, 500.0, 5.0, 0.22, 0.6, 20.0]),
    ("child 1-3", [7.0, 150.0, 0.9, 300.0, 6.0, 0.34, 1.2, 20.0]),
    ("child 4-8", [10.0, 200.0, 1.2, 400.0, 7.0, 0.44, 1.5, 30.0]),
    ("male 9-13", [8.0, 300.0, 1.8, 600.0, 11.0, 0.7, 1.9, 40.0]),
    ("male 14-18", [11.0, 400.0, 2.4, 900.0, 15.0, 0.89, 2.2, 55.0]),
    ("male 19-30", [8.0, 400.0, 2.4, 900.0, 15.0, 0.9, 2.3, 55.0]),
    ("male 31-50", [8.0, 400.0, 2.4, 900.0, 15.0, 0.9, 2.3, 55.0]),
    ("male 51-70", [8.0, 400.0, 2.4, 900.0, 15.0, 0.9, 2.3, 55.0]),
    ("male 71+", [8.0, 400.0, 2.4, 900.0, 15.0, 0.9, 2.3, 55.0]),
    ("female 9-13", [8.0, 300.0, 1.8, 600.0, 11.0, 0.7, 1.6, 40.0]),
    ("female 14-18", [15.0, 400.0, 2.4, 700.0, 15.0, 0.89, 1.6, 55.0]),
    ("female 19-30", [18.0, 400.0, 2.4, 700.0, 15.0, 0.9, 1.8, 55.0]),
    ("female 31-50", [18.0, 400.0, 2.4, 700.0, 15.0, 0.9, 1.8, 55.0]),
    ("female 51-70", [8.0, 400.0, 2.4, 700.0, 15.0, 0.9, 1.8, 55.0]),
    ("female 71+", [8.0, 400.0, 2.4, 700.0, 15.0, 0.9, 1.8, 55.0]),
    ("pregnant 14-18", [27.0, 600.0, 2.6, 750.0, 15.0, 1.0, 2.0, 60.0]),
    ("pregnant 19-30", [27.0, 600.0, 2.6, 770.0, 15.0, 1.0, 2.0, 60.0]),
    ("pregnant 31-50", [27.0, 600.0, 2.6, 770.0, 15.0, 1.0, 2.0, 60.0]),
    ("lactating 14-18", [10.0, 500.0, 2.8, 1200.0, 19.0, 1.3, 2.6, 70.0]),
    ("lactating 19-30", [9.0, 500.0, 2.8, 1300.0, 19.0, 1.3, 2.6, 70.0]),
    ("lactating 31-50", [9.0, 500.0, 2.8, 1300.0, 19.0, 1.3, 2.6, 70.0]),
];

/// UL columns. Three count only some sources, as magnesium's does: folic acid (fortified food
/// and supplements: the `FolicAcid` nutrient), vitamin A (preformed retinol from supplements
/// only; food vitamin A RAE includes carotenoids and never counts) and vitamin E (supplemental
/// alpha-tocopherol only). Iron, copper, manganese and selenium count every source. B12 has
/// no UL.
pub(super) const UL_MORE_COLS: [Nutrient; 7] = [
    Nutrient::Iron,
    Nutrient::FolicAcid,
    Nutrient::VitaminA,
    Nutrient::VitaminE,
    Nutrient::Copper,
    Nutrient::Manganese,
    Nutrient::Selenium,
];

const ND: f64 = f64::NAN;

/// ULs by the labels of the UL table: Fe mg, folic acid µg, retinol µg, vitamin E mg, copper
/// mg, manganese mg, selenium µg. The reference's 14-18 and 19+ rows include pregnancy and
/// lactation. NaN = not determinable.
pub(super) const UL_MORE: &[(&str, [f64; 7])] = &[
    ("0-6 months", [40.0, ND, 600.0, ND, ND, ND, 45.0]),
    ("7-12 months", [40.0, ND, 600.0, ND, ND, ND, 60.0]),
    ("1-3", [40.0, 300.0, 600.0, 200.0, 1.0, 2.0, 90.0]),
    ("4-8", [40.0, 400.0, 900.0, 300.0, 3.0, 3.0, 150.0]),
    ("9-13", [40.0, 600.0, 1700.0, 600.0, 5.0, 6.0, 280.0]),
    ("14-18", [45.0, 800.0, 2800.0, 800.0, 8.0, 9.0, 400.0]),
    ("19-50", [45.0, 1000.0, 3000.0, 1000.0, 10.0, 11.0, 400.0]),
    ("51-70", [45.0, 1000.0, 3000.0, 1000.0, 10.0, 11.0, 400.0]),
    ("71+", [45.0, 1000.0, 3000.0, 1000.0, 10.0, 11.0, 400.0]),
    ("pregnant <=18", [45.0, 800.0, 2800.0, 800.0, 8.0, 9.0, 400.0]),
    ("pregnant 19-50", [45.0, 1000.0, 3000.0, 1000.0, 10.0, 11.0, 400.0]),
    ("lactating <=18", [45.0, 800.0, 2800.0, 800.0, 8.0, 9.0, 400.0]),
    ("lactating 19-50", [45.0, 1000.0, 3000.0, 1000.0, 10.0, 11.0, 400.0]),
];

/// Whose intake a nutrient's UL counts, where it is not the day's total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UlCounts {
    /// Everything eaten and taken.
    Total,
    /// Supplement doses only (magnesium, vitamin E).
    Supplements,
    /// Supplement doses declared as retinol (preformed vitamin A) only.
    RetinolSupplements,
}

/// What `n`'s UL is held against (nutrition reference, sections 2 and 7). Folic acid's UL
/// counts the `FolicAcid` nutrient's total: fortified food and supplements, the only folic acid
/// there is.
pub fn ul_counts(n: Nutrient) -> UlCounts {
    match n {
        Nutrient::Magnesium | Nutrient::VitaminE => UlCounts::Supplements,
        Nutrient::VitaminA => UlCounts::RetinolSupplements,
        _ => UlCounts::Total,
    }
}

#[cfg(test)]
#[path = "targets_more_tests.rs"]
mod tests;
