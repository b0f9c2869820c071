//! Foods, household portions, meals and diary entries: the nouns of marrow.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::Serialize;

use super::nutrient::NutrientValues;
use super::{clip, DomainError};

/// A food as the catalog knows it. Nutrient figures are per 100 g edible portion.
#[derive(Debug, Clone, PartialEq)]
pub struct Food {
    /// USDA NDB number ("12061") for catalog foods.
    pub id: String,
    /// Long description, e.g. "Nuts, almonds".
    pub name: String,
    /// Food group description, e.g. "Nut and Seed Products".
    pub group: String,
    /// Common names, comma separated, as USDA gives them ("" when none).
    pub common_names: String,
    /// Manufacturer for branded foods ("" when none).
    pub manufacturer: String,
    /// USDA's Survey flag: the food is on the list of foods as eaten that the national dietary
    /// survey (FNDDS) uses. Among equal matches, a sign of the everyday form.
    pub in_survey: bool,
    pub per_100g: NutrientValues,
    /// Household portions in USDA order.
    pub portions: Vec<Portion>,
}

impl Food {
    /// One serving: the portion a person eats at once, by the one rule every per-serving
    /// figure follows (`serving::serving`: the NLEA serving, else the household portion
    /// nearest an ordinary serving for this kind of food).
    pub fn serving(&self) -> Portion {
        super::serving::serving(self)
    }

    /// The text that logs each of this food's portions, in USDA order ("1 cup",
    /// "1 jar (5 oz) (142 g)"): see [`super::labels::labels`].
    pub fn portion_labels(&self) -> Vec<String> {
        super::labels::labels(&self.portions)
    }
}

#[cfg(test)]
impl Food {
    /// A food with only a name and a group, nothing known of it: the domain's tests read names.
    pub fn named(name: &str, group: &str) -> Food {
        Food {
            id: "1".into(),
            name: name.into(),
            group: group.into(),
            common_names: String::new(),
            manufacturer: String::new(),
            in_survey: false,
            per_100g: NutrientValues::unknown(),
            portions: vec![],
        }
    }
}

/// A household portion: `amount` x `description` weighs `grams` ("1 cup, whole = 143 g").
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Portion {
    pub amount: f64,
    pub description: String,
    pub grams: f64,
}

impl Portion {
    /// "1 oz", "2 sardines": the portion as USDA words it. Among a food's other portions this
    /// may log another row's weight; the text that always logs this row is its label from
    /// [`super::labels::labels`].
    pub fn label_short(&self) -> String {
        format!("{} {}", trim_number(self.amount), self.description)
    }

    /// "1 cup, whole (143 g)": the portion and its weight, for reading (not always the text that
    /// logs it; see [`super::labels::choices`]); a portion in grams is just "30 g".
    pub fn label(&self) -> String {
        if self.description == "g" {
            return self.label_short();
        }
        format!("{} {} ({} g)", trim_number(self.amount), self.description, trim_number(self.grams))
    }
}

/// Formats a number without trailing zeros: 1.0 -> "1", 1.5 -> "1.5", 28.35 -> "28.35".
pub fn trim_number(x: f64) -> String {
    let s = format!("{:.3}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// The meals of a day, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Meal {
    Breakfast,
    Lunch,
    Dinner,
    Snack,
}

impl Meal {
    pub const ALL: [Meal; 4] = [Meal::Breakfast, Meal::Lunch, Meal::Dinner, Meal::Snack];

    pub fn as_str(self) -> &'static str {
        match self {
            Meal::Breakfast => "breakfast",
            Meal::Lunch => "lunch",
            Meal::Dinner => "dinner",
            Meal::Snack => "snack",
        }
    }

    /// The meal people usually mean at this time of day: breakfast until 10:30, lunch until
    /// 14:30, a snack until 17:00, dinner until 21:30, then a snack.
    pub fn for_time(t: NaiveTime) -> Meal {
        let minutes = t.hour() * 60 + t.minute();
        match minutes {
            0..=269 => Meal::Snack,
            270..=629 => Meal::Breakfast,
            630..=869 => Meal::Lunch,
            870..=1019 => Meal::Snack,
            1020..=1289 => Meal::Dinner,
            _ => Meal::Snack,
        }
    }

    /// The next meal in display order, wrapping around.
    pub fn next(self) -> Meal {
        let i = Meal::ALL.iter().position(|m| *m == self).unwrap_or(0);
        Meal::ALL[(i + 1) % Meal::ALL.len()]
    }
}

impl fmt::Display for Meal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Meal {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Whole names, a plural, or any unambiguous prefix ("b", "din").
        let t = s.trim().to_lowercase();
        let t = t.strip_suffix('s').filter(|t| *t == "snack").unwrap_or(&t);
        Meal::ALL
            .into_iter()
            .find(|m| !t.is_empty() && m.as_str().starts_with(t))
            .ok_or_else(|| DomainError::BadMeal(clip(s)))
    }
}

/// One logged food. It carries the per-100 g figures it was logged with, so a re-imported
/// catalog or an edited food never changes history.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: i64,
    pub date: NaiveDate,
    pub meal: Meal,
    pub food_id: String,
    pub food_name: String,
    pub grams: f64,
    /// The quantity as the user typed it ("1 cup").
    pub quantity: String,
    /// When it was logged, RFC 3339 local time.
    pub logged_at: String,
    pub per_100g: NutrientValues,
}

impl Entry {
    /// What this entry contributes: its per-100 g figures scaled to its grams.
    pub fn nutrients(&self) -> NutrientValues {
        self.per_100g.scaled(self.grams)
    }
}

/// An entry before the store gives it an id.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntry {
    pub date: NaiveDate,
    pub meal: Meal,
    pub food_id: String,
    pub food_name: String,
    pub grams: f64,
    pub quantity: String,
    pub logged_at: String,
    pub per_100g: NutrientValues,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meals_parse_and_default_by_time() {
        assert_eq!("Lunch".parse::<Meal>().unwrap(), Meal::Lunch);
        assert_eq!("b".parse::<Meal>().unwrap(), Meal::Breakfast);
        assert_eq!("snacks".parse::<Meal>().unwrap(), Meal::Snack);
        assert!("brunch".parse::<Meal>().is_err());
        assert!("".parse::<Meal>().is_err());
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(Meal::for_time(at(7, 30)), Meal::Breakfast);
        assert_eq!(Meal::for_time(at(12, 0)), Meal::Lunch);
        assert_eq!(Meal::for_time(at(19, 0)), Meal::Dinner);
        assert_eq!(Meal::for_time(at(23, 0)), Meal::Snack);
    }

    #[test]
    fn numbers_trim() {
        assert_eq!(trim_number(1.0), "1");
        assert_eq!(trim_number(28.35), "28.35");
        assert_eq!(trim_number(0.5), "0.5");
    }
}
