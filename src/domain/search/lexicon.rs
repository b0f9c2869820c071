//! The word lists search ranking reads USDA names with: preparation and variant markers,
//! generic markers, categories, small words and the food groups people rarely mean.

/// Words that mark a prepared or processed form, not the plain everyday one.
pub(super) const PREPARED: &[&str] = &[
    "prepared",
    "cooked",
    "roasted",
    "fried",
    "baked",
    "boiled",
    "canned",
    "frozen",
    "dried",
    "dehydrated",
    "salted",
    "salt",
    "sweetened",
    "flavored",
    "glazed",
    "breaded",
    "stewed",
    "braised",
    "toasted",
    "blanched",
    "microwaved",
    "mix",
    "babyfood",
    "infant",
    "drained",
    "heated",
    "reconstituted",
    "powder",
    "concentrate",
    "smoked",
    "cured",
    "deli",
    "sliced",
    "prepackaged",
    "puree",
    "filling",
    "filled",
    "coated",
    "frosted",
    "seasoned",
    "marinated",
    "pickled",
    "sauce",
];

/// Words that mark a modified variant of a food (diet, fortified, imitation): further from
/// what people mean by the plain name than a cooking method.
pub(super) const VARIANT: &[&str] = &[
    "reduced",
    "low",
    "lowfat",
    "nonfat",
    "free",
    "light",
    "lite",
    "skim",
    "fortified",
    "enriched",
    "imitation",
    "substitute",
    "diet",
    "unsweetened",
    "decaffeinated",
];

/// Words USDA uses to mark the generic, average or standard form of a food.
pub(super) const GENERIC: &[&str] = &[
    "plain",
    "regular",
    "ripe",
    "average",
    "year",
    "round",
    "all",
    "type",
    "variety",
    "commercial",
    "mixed",
    "specy",
    "broiler",
    "fryer",
    "whole",
    "fresh",
    "raw",
];

/// Category heads USDA writes before the food that its group names do not spell
/// ("Mollusks, oyster" and "Crustaceans, crab" in Finfish and Shellfish Products).
pub(super) const CATEGORY: &[&str] = &["mollusk", "crustacean", "shellfish"];

/// Small words that never make a name more specific.
pub(super) const STOP: &[&str] =
    &["and", "or", "with", "without", "in", "of", "the", "a", "to", "from", "for", "as", "only"];

/// Food groups people rarely mean unless they say so.
pub(super) const SPECIAL_GROUPS: &[&str] = &[
    "Baby Foods",
    "Fast Foods",
    "Restaurant Foods",
    "Meals, Entrees, and Side Dishes",
    "Sausages and Luncheon Meats",
    "American Indian/Alaska Native Foods",
];

/// Whether `word` is in one of the word lists above, through a hash set built once per list.
pub(super) fn is(list: &'static [&'static str], word: &str) -> bool {
    use std::collections::HashSet;
    use std::sync::OnceLock;
    static SETS: OnceLock<Vec<(usize, HashSet<&'static str>)>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        [PREPARED, VARIANT, GENERIC, STOP, LISTING]
            .iter()
            .map(|l| (l.as_ptr() as usize, l.iter().copied().collect()))
            .collect()
    });
    match sets.iter().find(|(ptr, _)| *ptr == list.as_ptr() as usize) {
        Some((_, set)) => set.contains(word),
        None => list.contains(&word),
    }
}

/// First words of a parenthesised list of other foods or conditions rather than a synonym.
pub(super) const LISTING: &[&str] =
    &["includes", "including", "include", "such", "contains", "not", "may", "made", "with"];
