//! The nutrients marrow tracks: their units, USDA numbers and JSON keys, and per-100 g value sets.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// One tracked nutrient. The order here is the order of every table, column and JSON object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Nutrient {
    Energy,
    Protein,
    Fat,
    Carbohydrate,
    Fiber,
    Magnesium,
    Calcium,
    Phosphorus,
    Potassium,
    Sodium,
    Zinc,
    VitaminD,
    VitaminC,
    VitaminK,
    Epa,
    Dha,
    Ala,
    Iron,
    Folate,
    VitaminB12,
    VitaminA,
    VitaminE,
    Copper,
    Manganese,
    Selenium,
    VitaminK2,
    Caffeine,
    FolicAcid,
}

/// How many nutrients marrow tracks.
pub const COUNT: usize = 28;

/// Static facts about a nutrient.
#[derive(Debug, Clone, Copy)]
pub struct NutrientInfo {
    pub nutrient: Nutrient,
    /// JSON key: snake_case name plus unit, e.g. `magnesium_mg`.
    pub key: &'static str,
    /// Human name, e.g. "Magnesium".
    pub name: &'static str,
    /// Short label for narrow columns, e.g. "Mg".
    pub short: &'static str,
    /// Display unit ("kcal", "g", "mg", "µg").
    pub unit: &'static str,
    /// USDA SR28 nutrient number (`Nutr_No`).
    pub usda: &'static str,
    /// Decimals a person reads an amount in (`present` rounds to them; IU are whole).
    pub decimals: usize,
}

const fn info(
    nutrient: Nutrient,
    key: &'static str,
    name: &'static str,
    short: &'static str,
    unit: &'static str,
    usda: &'static str,
    decimals: usize,
) -> NutrientInfo {
    NutrientInfo { nutrient, key, name, short, unit, usda, decimals }
}

/// Every tracked nutrient, in canonical order.
pub const NUTRIENTS: [NutrientInfo; COUNT] = [
    info(Nutrient::Energy, "energy_kcal", "Energy", "kcal", "kcal", "208", 0),
    info(Nutrient::Protein, "protein_g", "Protein", "Prot", "g", "203", 1),
    info(Nutrient::Fat, "fat_g", "Fat", "Fat", "g", "204", 1),
    info(Nutrient::Carbohydrate, "carbohydrate_g", "Carbohydrate", "Carb", "g", "205", 1),
    info(Nutrient::Fiber, "fiber_g", "Fiber", "Fib", "g", "291", 1),
    info(Nutrient::Magnesium, "magnesium_mg", "Magnesium", "Mg", "mg", "304", 1),
    info(Nutrient::Calcium, "calcium_mg", "Calcium", "Ca", "mg", "301", 1),
    info(Nutrient::Phosphorus, "phosphorus_mg", "Phosphorus", "P", "mg", "305", 1),
    info(Nutrient::Potassium, "potassium_mg", "Potassium", "K", "mg", "306", 1),
    info(Nutrient::Sodium, "sodium_mg", "Sodium", "Na", "mg", "307", 1),
    info(Nutrient::Zinc, "zinc_mg", "Zinc", "Zn", "mg", "309", 1),
    info(Nutrient::VitaminD, "vitamin_d_ug", "Vitamin D", "D", "µg", "328", 1),
    info(Nutrient::VitaminC, "vitamin_c_mg", "Vitamin C", "C", "mg", "401", 1),
    info(Nutrient::VitaminK, "vitamin_k_ug", "Vitamin K", "K1", "µg", "430", 1),
    info(Nutrient::Epa, "epa_g", "EPA", "EPA", "g", "629", 3),
    info(Nutrient::Dha, "dha_g", "DHA", "DHA", "g", "621", 3),
    // True ALA (18:3 n-3 c,c,c); SR28's 619 "18:3 undifferentiated" stands in where 851 is
    // absent, and the food's values say so (`Marks::ala_undifferentiated`).
    info(Nutrient::Ala, "ala_g", "ALA", "ALA", "g", "851", 3),
    info(Nutrient::Iron, "iron_mg", "Iron", "Fe", "mg", "303", 1),
    info(Nutrient::Folate, "folate_dfe_ug", "Folate", "Fol", "µg", "435", 0),
    info(Nutrient::VitaminB12, "vitamin_b12_ug", "Vitamin B12", "B12", "µg", "418", 1),
    info(Nutrient::VitaminA, "vitamin_a_rae_ug", "Vitamin A", "A", "µg", "320", 0),
    info(Nutrient::VitaminE, "vitamin_e_mg", "Vitamin E", "E", "mg", "323", 1),
    // Copper is kept, shown and targeted in mg, as SR28 gives it: the DRIs' µg are divided by
    // 1000 exactly in `targets` (900 µg is 0.9 mg).
    info(Nutrient::Copper, "copper_mg", "Copper", "Cu", "mg", "312", 2),
    info(Nutrient::Manganese, "manganese_mg", "Manganese", "Mn", "mg", "315", 2),
    info(Nutrient::Selenium, "selenium_ug", "Selenium", "Se", "µg", "317", 1),
    info(Nutrient::VitaminK2, "vitamin_k2_mk4_ug", "Vitamin K2", "K2", "µg", "428", 1),
    info(Nutrient::Caffeine, "caffeine_mg", "Caffeine", "Caf", "mg", "262", 0),
    // Folic acid from fortified food (and, as a supplement, from pills): the one form of folate
    // its UL counts.
    info(Nutrient::FolicAcid, "folic_acid_ug", "Folic acid", "FA", "µg", "431", 0),
];

/// SR28's "18:3 undifferentiated" (619): ALA where true ALA (851) was not measured.
pub const ALA_UNDIFFERENTIATED_USDA: &str = "619";

/// USDA number of vitamin D in IU, used when the µg value (328) is missing.
pub const VITAMIN_D_IU_USDA: &str = "324";
/// International units per microgram of vitamin D (D2 and D3).
pub const IU_PER_UG_VITAMIN_D: f64 = 40.0;

impl Nutrient {
    /// All nutrients in canonical order.
    pub fn all() -> impl Iterator<Item = Nutrient> {
        NUTRIENTS.iter().map(|i| i.nutrient)
    }

    /// Position in canonical order (index into value arrays).
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn info(self) -> &'static NutrientInfo {
        &NUTRIENTS[self.index()]
    }

    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// Finds a nutrient by JSON key ("magnesium_mg"), name ("magnesium", "vitamin-d",
    /// "vitamin d") or short label ("mg", "d"), case-insensitively.
    pub fn parse(text: &str) -> Option<Nutrient> {
        let t = text.trim().to_lowercase().replace(['-', ' '], "_");
        NUTRIENTS.iter().map(|i| i.nutrient).find(|n| {
            let i = n.info();
            t == i.key
                || t == i.name.to_lowercase().replace(' ', "_")
                || t == i.short.to_lowercase()
                || (t == "vit_d" && *n == Nutrient::VitaminD)
        })
    }
}

/// Rounds a nutrient amount to the precision used in JSON output (4 decimals for grams of
/// fatty acids, 3 elsewhere): enough to keep USDA figures exact without float noise.
pub fn round_for_output(n: Nutrient, value: f64) -> f64 {
    let scale = if n.info().decimals >= 3 { 10_000.0 } else { 1000.0 };
    let r = (value * scale).round() / scale;
    if r == 0.0 {
        0.0 // never print -0
    } else {
        r
    }
}

/// What is known of where a set of values comes from, carried with them from the catalog to
/// the diary's entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    /// The ALA figure is SR28's "18:3 undifferentiated" (619), which counts other 18:3 fatty
    /// acids with ALA, because true ALA (851) was not measured for this food.
    pub ala_undifferentiated: bool,
}

/// A value per nutrient where each may be unknown. Unknown is never zero.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NutrientValues(pub [Option<f64>; COUNT], pub Marks);

impl NutrientValues {
    pub fn unknown() -> Self {
        Self([None; COUNT], Marks::default())
    }

    /// These values with their ALA figure marked as 18:3 undifferentiated, or not.
    pub fn ala_marked(mut self, undifferentiated: bool) -> Self {
        self.1.ala_undifferentiated = undifferentiated;
        self
    }

    /// Whether the ALA figure is known and is 18:3 undifferentiated rather than true ALA.
    pub fn ala_undifferentiated(&self) -> bool {
        self.1.ala_undifferentiated && self.get(Nutrient::Ala).is_some()
    }

    pub fn get(&self, n: Nutrient) -> Option<f64> {
        self.0[n.index()]
    }

    pub fn set(&mut self, n: Nutrient, v: Option<f64>) {
        self.0[n.index()] = v;
    }

    /// These per-100 g figures scaled to `grams` of food.
    pub fn scaled(&self, grams: f64) -> NutrientValues {
        let mut out = [None; COUNT];
        for (o, v) in out.iter_mut().zip(self.0.iter()) {
            *o = v.map(|v| v * grams / 100.0);
        }
        NutrientValues(out, self.1)
    }
}

/// Serialises as `{"energy_kcal": 579.0, "vitamin_d_ug": null, ...}`.
impl Serialize for NutrientValues {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(COUNT))?;
        for n in Nutrient::all() {
            map.serialize_entry(n.key(), &self.get(n).map(|v| round_for_output(n, v)))?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_matches_index() {
        for (i, info) in NUTRIENTS.iter().enumerate() {
            assert_eq!(info.nutrient.index(), i, "{}", info.key);
        }
    }

    #[test]
    fn parses_names_keys_and_labels() {
        assert_eq!(Nutrient::parse("magnesium"), Some(Nutrient::Magnesium));
        assert_eq!(Nutrient::parse("Vitamin-D"), Some(Nutrient::VitaminD));
        assert_eq!(Nutrient::parse("vitamin d"), Some(Nutrient::VitaminD));
        assert_eq!(Nutrient::parse("calcium_mg"), Some(Nutrient::Calcium));
        assert_eq!(Nutrient::parse("Zn"), Some(Nutrient::Zinc));
        assert_eq!(Nutrient::parse("unobtainium"), None);
        assert_eq!(Nutrient::parse("iron"), Some(Nutrient::Iron));
        assert_eq!(Nutrient::parse("vitamin-b12"), Some(Nutrient::VitaminB12));
        assert_eq!(Nutrient::parse("folic-acid"), Some(Nutrient::FolicAcid));
        assert_eq!(Nutrient::parse("vitamin_k2_mk4_ug"), Some(Nutrient::VitaminK2));
        assert_eq!(Nutrient::parse("Se"), Some(Nutrient::Selenium));
    }

    #[test]
    fn scaling_keeps_unknown_unknown() {
        let mut v = NutrientValues::unknown();
        v.set(Nutrient::Magnesium, Some(270.0));
        let s = v.scaled(30.0);
        assert_eq!(s.get(Nutrient::Magnesium), Some(81.0));
        assert_eq!(s.get(Nutrient::VitaminD), None);
        v.1.ala_undifferentiated = true;
        assert!(!v.ala_undifferentiated(), "no ALA figure, nothing to mark");
        v.set(Nutrient::Ala, Some(1.0));
        assert!(v.scaled(50.0).ala_undifferentiated(), "the mark goes with the figures");
    }

    #[test]
    fn short_labels_and_keys_are_unique() {
        for (i, a) in NUTRIENTS.iter().enumerate() {
            for b in &NUTRIENTS[i + 1..] {
                assert_ne!(a.key, b.key);
                assert_ne!(a.short.to_lowercase(), b.short.to_lowercase());
                assert_ne!(a.usda, b.usda);
            }
        }
    }

    #[test]
    fn json_uses_snake_case_keys_and_null_for_unknown() {
        let mut v = NutrientValues::unknown();
        v.set(Nutrient::Calcium, Some(80.7));
        let j = serde_json::to_value(v).unwrap();
        assert_eq!(j["calcium_mg"], 80.7);
        assert!(j["vitamin_d_ug"].is_null());
        assert_eq!(j.as_object().unwrap().len(), COUNT);
    }
}
