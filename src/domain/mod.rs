//! The pure heart of marrow: nutrients, quantities, targets, totals. No IO, no SQL.

pub mod absorption;
pub mod barcode;
pub mod compare;
pub mod date;
pub mod food;
pub mod labels;
pub mod labs;
pub mod nutrient;
pub mod quantity;
pub mod recipe;
pub mod sane;
pub mod saved;
pub mod targets;
mod targets_more;
pub mod text;
pub mod totals;
pub mod units;

pub use food::{Entry, Food, Meal, NewEntry, Portion};
pub use nutrient::{Nutrient, NutrientValues};
pub use saved::{Product, SavedMeal};
pub use targets::{Profile, ProfileError, Sex, Targets};
pub use text::clip;
pub use totals::Totals;

/// Bad input the domain refuses. Every message is one line a user can act on.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DomainError {
    #[error("no quantity given: type an amount such as \"30g\", \"1.5 oz\" or \"1 cup\"")]
    EmptyQuantity,
    #[error(
        "can't read the quantity {0:?}: type a number and a unit, such as \"30g\", \"1.5 oz\" or \"1 cup\""
    )]
    BadQuantity(String),
    #[error("the quantity {0:?} must be more than zero")]
    QuantityNotPositive(String),
    #[error("the quantity {0:?} is over 10 kg, the most one entry may weigh")]
    QuantityTooLarge(String),
    #[error("unknown unit {unit:?} for this food: use g, kg, oz, lb{}", portion_hint(portions))]
    UnknownUnit { unit: String, portions: Vec<String> },
    #[error(
        "{unit:?} is a volume and this food lists no cup, spoon or fl oz to convert it by: use g, kg, oz, lb{}",
        portion_hint(portions)
    )]
    NoVolume { unit: String, portions: Vec<String> },
    #[error("unknown meal {0:?}: use breakfast, lunch, dinner or snack")]
    BadMeal(String),
    #[error("{0}")]
    BadSupplement(String),
    #[error("can't read the date {0:?}: use YYYY-MM-DD (a real calendar date), today or yesterday")]
    BadDate(String),
}

fn portion_hint(portions: &[String]) -> String {
    if portions.is_empty() {
        " (this food has no household portions)".to_string()
    } else {
        format!(" or one of its portions: {}", portions.join("; "))
    }
}
pub mod day;
pub mod everyday;
pub mod insights;
pub mod period;
pub mod pick;
pub mod search;
pub mod serving;
pub mod supplement;
pub mod symptoms;
pub mod warnings;

pub mod browse;

pub mod cofactors;
pub mod places;
pub mod sun;
