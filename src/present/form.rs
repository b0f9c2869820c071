//! The mark on foods eaten cooked or drunk that are listed in a form not yet so (raw, dry, a
//! mix), and the words that explain it. One place, so the screen and scripts say the same.

use crate::domain::search::before_eating;
use crate::domain::Food;

/// The mark on a food listed in a form people do not eat it in.
pub const NOT_AS_EATEN: &str = "*";

/// The legend for the mark, for the foot of a list.
pub const NOT_AS_EATEN_LEGEND: &str =
    "* = raw, dry or a mix of a food usually eaten cooked (or drunk made up)";

/// The short legend, for a narrow header.
pub const NOT_AS_EATEN_SHORT: &str = "* = raw or dry";

/// The mark for this food, or a space of the same width.
pub fn mark(food: &Food) -> &'static str {
    if before_eating(food) {
        NOT_AS_EATEN
    } else {
        " "
    }
}

/// "* not as usually eaten (raw, dry or a mix)" for a food that needs it, else None.
pub fn form_note(food: &Food) -> Option<String> {
    before_eating(food).then(|| format!("{NOT_AS_EATEN} not as usually eaten (raw, dry or a mix)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn food(name: &str, group: &str) -> Food {
        Food::named(name, group)
    }

    #[test]
    fn only_forms_not_as_eaten_are_marked() {
        assert_eq!(mark(&food("Rice, brown, long-grain, raw", "Cereal Grains and Pasta")), "*");
        assert_eq!(mark(&food("Rice, brown, long-grain, cooked", "Cereal Grains and Pasta")), " ");
        assert_eq!(mark(&food("Spinach, raw", "Vegetables and Vegetable Products")), " ");
        assert!(form_note(&food("Beverages, coffee, instant, regular, powder", "Beverages")).is_some());
    }
}
