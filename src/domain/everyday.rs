//! Which foods are everyday foods to suggest: the kinds of food a suggestion leaves out by
//! default (spices, leavening, dried powders, fats, babyfood, raw meat and fish, restaurant and
//! commodity items, supplements), as tables over food groups and name words.

use super::food::Food;
use super::search;
use super::serving::{in_groups, Words};

/// A kind of food left out of suggestions: foods whose group holds one of `groups` (lower
/// case; none = any group) and whose name has every word of one of `names` (none = any
/// name), unless the name has one of the words in `unless`.
pub struct LeftOut {
    /// What the rule leaves out, as a person would say it.
    pub what: &'static str,
    pub groups: &'static [&'static str],
    pub names: &'static [&'static str],
    pub unless: &'static [&'static str],
}

const fn rule(
    what: &'static str,
    groups: &'static [&'static str],
    names: &'static [&'static str],
    unless: &'static [&'static str],
) -> LeftOut {
    LeftOut { what, groups, names, unless }
}

const MEAT: &[&str] =
    &["beef products", "pork products", "lamb, veal", "poultry products", "sausages and luncheon"];

/// Foods a gap suggestion leaves out unless asked for all (`suggest --all`): nobody closes a
/// calcium gap with a cup of dried whey, a spoon of baking powder or a tablespoon of cod liver
/// oil, and raw meat, babyfood or a restaurant's dish is not a food to add to a day.
pub static LEFT_OUT: &[LeftOut] = &[
    rule("spices and herbs", &["spices and herbs"], &[], &[]),
    rule(
        "leavening agents",
        &[],
        &["leavening agents", "baking powder", "baking soda", "cream tartar", "yeast baker"],
        &[],
    ),
    rule(
        "dried powders",
        &[],
        &[
            "powder",
            "powdered",
            "whey dried",
            "whey dry",
            "milk dry",
            "buttermilk dried",
            "egg dried",
            "isolate",
            "protein concentrate",
            "dehydrated",
            "freeze dried",
        ],
        &["prepared", "reconstituted"],
    ),
    rule("dried powders", &["cereal grains", "legumes", "nut and seed"], &["flour", "meal"], &[]),
    rule("dried powders", &["vegetables"], &["dried", "seaweed agar"], &[]),
    // A malted drink or a pudding from a packet is no way to close a gap, made up or not.
    rule("drink and dessert mixes", &["beverages", "sweets"], &["mix", "powder"], &[]),
    rule("fats and oils", &["fats and oils"], &[], &[]),
    rule("fats and oils", &[], &["fat duck", "lard", "tallow", "shortening"], &[]),
    rule("fats and oils", &["dairy and egg"], &["butter", "ghee"], &[]),
    rule("babyfood", &["baby foods"], &[], &[]),
    rule("babyfood", &[], &["babyfood", "infant formula"], &[]),
    rule("raw meat", MEAT, &["raw"], &[]),
    rule("raw meat", &[], &["raw meat", "raw liver"], &[]),
    rule("raw fish and shellfish", &["finfish and shellfish"], &["raw"], &[]),
    rule("raw fish and shellfish", &[], &["fish raw"], &[]),
    rule("raw eggs", &["dairy and egg"], &["egg raw", "egg fresh"], &[]),
    rule("uncooked grains and dry beans", &["cereal grains"], &["raw", "dry", "uncooked"], &[]),
    rule("uncooked grains and dry beans", &["legumes"], &["raw", "dry"], &["tofu", "peanut", "roasted"]),
    rule("restaurant and fast food", &["restaurant foods", "fast foods"], &[], &[]),
    rule("restaurant and fast food", &[], &["restaurant", "fast food"], &[]),
    rule("commodity and school foods", &[], &["usda commodity", "school lunch", "commodity food"], &[]),
    rule(
        "supplements and meal replacements",
        &[],
        &[
            "supplement",
            "meal replacement",
            "formulated bar",
            "shake mix",
            "protein shake",
            "nutritional shake",
            "slimfast",
            "ensure",
            "tablets",
        ],
        &[],
    ),
];

/// Why `food` is left out of default suggestions (`LeftOut::what`), or None for an everyday
/// food. Brand-name products and the groups search ranks last (mixed dishes, luncheon meats)
/// are left out too: a generic food says the same and is easier to find.
pub fn left_out(food: &Food) -> Option<&'static str> {
    let words = Words::of(&food.name);
    let rule = LEFT_OUT.iter().find(|r| {
        in_groups(&food.group, r.groups) && words.fits(r.names) && !r.unless.iter().any(|u| words.has_all(u))
    });
    match rule {
        Some(r) => Some(r.what),
        None if search::prior(food).0 => Some("brand-name products and mixed dishes"),
        // The same reading of a food's form as search's mark (raw beans, dry grains, mixes).
        None if search::before_eating(food) => Some("raw, dry or mix forms of foods eaten cooked"),
        None => None,
    }
}

/// Whether `food` is an everyday food a suggestion may name.
pub fn is_everyday(food: &Food) -> bool {
    left_out(food).is_none()
}

/// First name segments that name a category rather than a kind of food ("Fish, salmon"):
/// with these the kind is the first two segments.
static CATEGORIES: &[&str] = &[
    "fish",
    "beverages",
    "nuts",
    "seeds",
    "beans",
    "mollusks",
    "crustaceans",
    "cereals",
    "cereals ready-to-eat",
    "snacks",
    "candies",
    "soup",
    "sauce",
    "game meat",
    "vegetables",
    "peas",
    "lentils",
    "squash",
    "cabbage",
    "lettuce",
    "mushrooms",
    "rice",
    "wheat",
];

/// The kind of food a name is: "Cheese, swiss" -> "cheese", "Fish, salmon, pink, canned" ->
/// "fish, salmon". A suggestion list names one food of each kind.
pub fn kind(name: &str) -> String {
    let mut parts = name.split(',').map(|p| p.trim().to_lowercase());
    let first = parts.next().unwrap_or_default();
    match parts.next() {
        Some(second) if CATEGORIES.contains(&first.as_str()) => format!("{first}, {second}"),
        _ => first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn food(name: &str, group: &str) -> Food {
        Food::named(name, group)
    }

    #[test]
    fn odd_sources_are_left_out_with_a_reason() {
        let out = |name, group| left_out(&food(name, group));
        assert_eq!(out("Spices, thyme, dried", "Spices and Herbs"), Some("spices and herbs"));
        assert_eq!(
            out("Leavening agents, baking powder, low-sodium", "Baked Products"),
            Some("leavening agents")
        );
        assert_eq!(out("Leavening agents, cream of tartar", "Baked Products"), Some("leavening agents"));
        assert_eq!(out("Whey, acid, dried", "Dairy and Egg Products"), Some("dried powders"));
        assert_eq!(out("Milk, buttermilk, dried", "Dairy and Egg Products"), Some("dried powders"));
        assert_eq!(out("Cocoa, dry powder, unsweetened", "Sweets"), Some("dried powders"));
        assert_eq!(out("Soy protein isolate", "Legumes and Legume Products"), Some("dried powders"));
        assert_eq!(out("Fat, duck", "Fats and Oils"), Some("fats and oils"));
        assert_eq!(out("Fish oil, cod liver", "Fats and Oils"), Some("fats and oils"));
        assert_eq!(out("Babyfood, cereal, oatmeal", "Baby Foods"), Some("babyfood"));
        assert_eq!(out("Beef, ground, 80% lean meat / 20% fat, raw", "Beef Products"), Some("raw meat"));
        assert_eq!(out("Fish, carp, raw", "Finfish and Shellfish Products"), Some("raw fish and shellfish"));
        assert_eq!(out("Egg, whole, raw, fresh", "Dairy and Egg Products"), Some("raw eggs"));
        assert_eq!(
            out("Egg Mix, USDA Commodity", "Dairy and Egg Products"),
            Some("commodity and school foods")
        );
        assert_eq!(
            out("Restaurant, Chinese, fried rice", "Restaurant Foods"),
            Some("restaurant and fast food")
        );
        assert_eq!(
            out("Beverages, ABBOTT, ENSURE, Nutritional Shake, Ready-to-Drink", "Beverages"),
            Some("supplements and meal replacements")
        );
        assert_eq!(
            out("Desserts, rennin, tablets, unsweetened", "Sweets"),
            Some("supplements and meal replacements")
        );
        assert_eq!(out("Seaweed, agar, dried", "Vegetables and Vegetable Products"), Some("dried powders"));
        assert_eq!(out("Quinoa, uncooked", "Cereal Grains and Pasta"), Some("uncooked grains and dry beans"));
        // A drink or dessert from a packet is left out even made up: milk says it better.
        assert_eq!(
            out("Cocoa mix, powder, prepared with water", "Beverages"),
            Some("drink and dessert mixes")
        );
        assert_eq!(
            out("Rennin, chocolate, dry mix, prepared with 2% milk", "Sweets"),
            Some("drink and dessert mixes")
        );
        // Search's reading of the form: dry cornmeal is an ingredient.
        assert_eq!(
            out("Cornmeal, yellow, self-rising, bolted, plain, enriched", "Cereal Grains and Pasta"),
            Some("raw, dry or mix forms of foods eaten cooked")
        );
    }

    #[test]
    fn everyday_foods_stay() {
        for (name, group) in [
            (
                "Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D",
                "Dairy and Egg Products",
            ),
            ("Milk, buttermilk, fluid, cultured, lowfat", "Dairy and Egg Products"),
            ("Yogurt, plain, low fat, 12 grams protein per 8 ounce", "Dairy and Egg Products"),
            ("Cheese, cheddar", "Dairy and Egg Products"),
            ("Tofu, raw, firm, prepared with calcium sulfate", "Legumes and Legume Products"),
            ("Peanuts, all types, raw", "Legumes and Legume Products"),
            ("Beans, black, mature seeds, cooked, boiled, without salt", "Legumes and Legume Products"),
            (
                "Fish, sardine, Atlantic, canned in oil, drained solids with bone",
                "Finfish and Shellfish Products",
            ),
            ("Collards, cooked, boiled, drained, without salt", "Vegetables and Vegetable Products"),
            ("Spinach, raw", "Vegetables and Vegetable Products"),
            ("Seeds, pumpkin and squash seed kernels, dried", "Nut and Seed Products"),
            ("Egg, whole, cooked, hard-boiled", "Dairy and Egg Products"),
        ] {
            assert_eq!(left_out(&food(name, group)), None, "{name}");
        }
    }

    #[test]
    fn kinds_group_variants() {
        assert_eq!(kind("Cheese, swiss"), kind("Cheese, cheddar"));
        assert_eq!(kind("Fish, salmon, pink, canned"), "fish, salmon");
        assert_ne!(kind("Fish, salmon, pink, canned"), kind("Fish, sardine, Atlantic, canned"));
        assert_eq!(kind(""), "");
    }
}
