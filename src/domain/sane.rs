//! What marrow accepts to keep, one rule each for the command line, the app and imports: text
//! a person gives it (names, forms, amounts as typed) and the figures of a food or a dose.

use super::nutrient::Nutrient;

/// Why a piece of text is not kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("is empty")]
    Empty,
    #[error("is longer than {0} characters")]
    TooLong(usize),
    #[error("holds a control character (such as tab, newline, escape or a right-to-left override)")]
    Control,
}

/// Text as marrow keeps it: trimmed, 1 to `max` characters, with no control characters (a
/// terminal would run an escape sequence stored in a name each time it is shown) and no
/// bidirectional overrides (they reorder what is shown around them).
pub fn user_text(text: &str, max: usize) -> Result<String, TextError> {
    if text.chars().any(|c| c.is_control() || super::text::bidi_control(c)) {
        return Err(TextError::Control);
    }
    let t = text.trim();
    if t.is_empty() {
        return Err(TextError::Empty);
    }
    if t.chars().count() > max {
        return Err(TextError::TooLong(max));
    }
    Ok(t.to_string())
}

/// The most of a nutrient 100 g of any food can hold, in the nutrient's unit: 100 g of it
/// (100 g, 100,000 mg, 100,000,000 µg), and 1,000 kcal of energy (pure fat is 884 to 902
/// kcal per 100 g). A larger figure is a typing slip or a damaged file, never a food.
pub fn max_per_100g(n: Nutrient) -> f64 {
    match n.info().unit {
        "kcal" => 1_000.0,
        unit => max_mass(unit),
    }
}

/// The most one supplement dose may hold, in the nutrient's unit: 100 g of the element.
pub fn max_dose(n: Nutrient) -> f64 {
    max_mass(n.info().unit)
}

/// 100 g in `unit` (g, mg or µg).
fn max_mass(unit: &str) -> f64 {
    match unit {
        "g" => 100.0,
        "mg" => 100_000.0,
        _ => 100_000_000.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_bounded_and_free_of_control_characters() {
        assert_eq!(user_text("  glycinate ", 10).as_deref(), Ok("glycinate"));
        assert_eq!(user_text("   ", 10), Err(TextError::Empty));
        assert_eq!(user_text("abcdef", 5), Err(TextError::TooLong(5)));
        assert_eq!(user_text("é€🦴", 3).as_deref(), Ok("é€🦴"), "characters, not bytes");
        for bad in ["\u{1b}[5mBlink", "a\tb", "a\nb", "x\u{7}", "\u{9b}31m", "\u{7f}"] {
            assert_eq!(user_text(bad, 100), Err(TextError::Control), "{bad:?}");
        }
    }

    #[test]
    fn no_food_holds_more_than_its_own_weight_of_anything() {
        assert_eq!(max_per_100g(Nutrient::Protein), 100.0);
        assert_eq!(max_per_100g(Nutrient::Magnesium), 100_000.0);
        assert_eq!(max_per_100g(Nutrient::VitaminD), 100_000_000.0);
        assert_eq!(max_per_100g(Nutrient::Energy), 1_000.0);
        assert_eq!(max_dose(Nutrient::Calcium), 100_000.0);
        assert_eq!(max_dose(Nutrient::VitaminK), 100_000_000.0);
    }
}
