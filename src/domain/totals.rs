//! Sums of nutrients over entries, with the count of items whose value was unknown.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::nutrient::{round_for_output, Nutrient, NutrientValues, COUNT};

/// What a set of items adds up to: per nutrient, the sum of the known values and how many
/// items lacked a value. A nutrient no item knew is still 0 known, with `unknown == items`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Totals {
    pub known: [f64; COUNT],
    pub unknown: [usize; COUNT],
    pub items: usize,
    /// How many items' ALA figure is 18:3 undifferentiated rather than true ALA.
    pub ala_undifferentiated: usize,
}

impl Totals {
    /// Sums the given per-item nutrient values.
    pub fn sum<I: IntoIterator<Item = NutrientValues>>(items: I) -> Totals {
        let mut t = Totals::default();
        for v in items {
            t.add(&v);
        }
        t
    }

    pub fn add(&mut self, v: &NutrientValues) {
        self.items += 1;
        self.ala_undifferentiated += usize::from(v.ala_undifferentiated());
        for n in Nutrient::all() {
            match v.get(n) {
                Some(x) => self.known[n.index()] += x,
                None => self.unknown[n.index()] += 1,
            }
        }
    }

    pub fn get(&self, n: Nutrient) -> f64 {
        self.known[n.index()]
    }

    pub fn unknown(&self, n: Nutrient) -> usize {
        self.unknown[n.index()]
    }

    /// Percent of a target reached, when there is a positive target: 100 or more exactly when
    /// the amount reaches the target as the figures read (`compare::reached`).
    pub fn percent_of(&self, n: Nutrient, target: Option<f64>) -> Option<f64> {
        target.filter(|t| *t > 0.0).map(|t| {
            let (amount, p) = (self.get(n), self.get(n) / t * 100.0);
            if super::compare::reached(amount, t) {
                p.max(100.0)
            } else {
                p.min(100.0 - f64::EPSILON * 100.0)
            }
        })
    }

    /// Calcium to magnesium ratio by weight, when both are known and magnesium is above zero.
    pub fn ca_mg_ratio(&self) -> Option<f64> {
        let mg = self.get(Nutrient::Magnesium);
        (mg > 0.0).then(|| self.get(Nutrient::Calcium) / mg)
    }

    /// Serialisable view of the known sums: `{"magnesium_mg": 104.7, ...}`.
    pub fn known_map(&self) -> KnownMap<'_> {
        KnownMap(self)
    }

    /// Serialisable view of the unknown counts: `{"vitamin_d_ug": 1, ...}`.
    pub fn unknown_map(&self) -> UnknownMap<'_> {
        UnknownMap(self)
    }
}

pub struct KnownMap<'a>(&'a Totals);
pub struct UnknownMap<'a>(&'a Totals);

impl Serialize for KnownMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(COUNT))?;
        for n in Nutrient::all() {
            m.serialize_entry(n.key(), &round_for_output(n, self.0.get(n)))?;
        }
        m.end()
    }
}

impl Serialize for UnknownMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(COUNT))?;
        for n in Nutrient::all() {
            m.serialize_entry(n.key(), &self.0.unknown(n))?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(mg: Option<f64>, d: Option<f64>) -> NutrientValues {
        let mut v = NutrientValues::unknown();
        v.set(Nutrient::Magnesium, mg);
        v.set(Nutrient::VitaminD, d);
        v.set(Nutrient::Calcium, Some(100.0));
        v
    }

    #[test]
    fn sums_known_and_counts_unknown() {
        let t = Totals::sum([item(Some(81.0), None), item(Some(23.7), Some(0.0)), item(None, Some(1.5))]);
        assert_eq!(t.items, 3);
        assert!((t.get(Nutrient::Magnesium) - 104.7).abs() < 1e-9);
        assert_eq!(t.unknown(Nutrient::Magnesium), 1);
        assert_eq!(t.unknown(Nutrient::VitaminD), 1);
        assert_eq!(t.get(Nutrient::VitaminD), 1.5);
        assert_eq!(t.unknown(Nutrient::Calcium), 0);
    }

    #[test]
    fn empty_day_is_zero_with_no_unknowns() {
        let t = Totals::sum(std::iter::empty());
        assert_eq!(t.items, 0);
        assert_eq!(t.get(Nutrient::Magnesium), 0.0);
        assert_eq!(t.ca_mg_ratio(), None);
        assert_eq!(t.percent_of(Nutrient::Magnesium, Some(320.0)), Some(0.0));
        assert_eq!(t.percent_of(Nutrient::Magnesium, None), None);
    }

    #[test]
    fn ratio_and_percent() {
        let t = Totals::sum([item(Some(50.0), None)]);
        assert_eq!(t.ca_mg_ratio(), Some(2.0));
        assert_eq!(t.percent_of(Nutrient::Magnesium, Some(200.0)), Some(25.0));
    }
}
