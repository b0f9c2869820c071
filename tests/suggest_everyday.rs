//! `marrow suggest` for a 54-year-old woman on an empty day: everyday foods in ordinary
//! servings (the foods a dietitian names for calcium and magnesium), and `--all` for the rest.

mod common;

use common::Env;
use serde_json::Value;

/// Name words of the foods people know for calcium: dairy, fortified plant milks and juice,
/// canned fish with bones, calcium-set tofu, low-oxalate cooked greens.
const CALCIUM_FOODS: &[&str] = &[
    "milk",
    "soymilk",
    "yogurt",
    "cheese",
    "kefir",
    "juice",
    "sardine",
    "salmon",
    "tofu",
    "collards",
    "kale",
    "turnip greens",
    "bok choy",
    "pak-choi",
    "mustard greens",
];
/// Name words of the foods people know for magnesium: seeds, nuts, legumes, whole grains, greens.
const MAGNESIUM_FOODS: &[&str] = &[
    "seeds",
    "nuts",
    "almonds",
    "cashew",
    "peanut",
    "beans",
    "cowpeas",
    "lentils",
    "peas",
    "soybeans",
    "edamame",
    "chickpeas",
    "whole-wheat",
    "whole wheat",
    "whole grain",
    "brown",
    "quinoa",
    "oat",
    "bran",
    "buckwheat",
    "barley",
    "bulgur",
    "amaranth",
    "spinach",
    "chard",
    "kale",
    "collards",
    "beet greens",
    "dock",
];

fn rows(env: &Env, args: &[&str]) -> Vec<Value> {
    env.json(args).as_array().expect("a JSON array").clone()
}

fn text(row: &Value, key: &str) -> String {
    row[key].as_str().unwrap_or_default().to_lowercase()
}

/// Why a row is not an everyday suggestion, if it is not.
fn odd(row: &Value) -> Option<&'static str> {
    let (name, group) = (text(row, "name"), text(row, "group"));
    let has = |w: &str| name.contains(w);
    if group == "spices and herbs" {
        Some("a spice or herb")
    } else if has("leavening") || has("baking powder") || has("baking soda") || has("yeast") {
        Some("a leavening agent")
    } else if (has("powder")
        || has("dried") && (has("whey") || has("milk") || has("egg"))
        || has("dry, nonfat"))
        && !has("prepared")
    {
        Some("a dried powder")
    } else if group == "fats and oils"
        || has("fish oil")
        || name.split(", ").any(|w| w == "lard" || w == "fat")
    {
        Some("a fat or oil")
    } else {
        None
    }
}

fn known(row: &Value, words: &[&str]) -> bool {
    let name = text(row, "name");
    words.iter().any(|w| name.contains(w))
}

fn woman_of_54() -> Env {
    let env = Env::new();
    env.ok(&["profile", "set", "--sex", "female", "--age", "54"]);
    env
}

#[test]
fn calcium_suggestions_are_the_foods_people_know_for_it() {
    let env = woman_of_54();
    let list = rows(&env, &["suggest", "calcium", "--date", "2026-03-02", "-n", "10", "--json"]);
    assert_eq!(list.len(), 10, "{list:#?}");
    for r in &list {
        assert_eq!(odd(r), None, "{} in the first 10: {r}", r["name"]);
        assert!(r["portion"].as_str().is_some_and(|p| !p.is_empty()), "each row names its serving: {r}");
        assert!(r["grams"].as_f64().is_some_and(|g| g > 0.0 && g <= 300.0), "an ordinary serving: {r}");
    }
    let hits = list.iter().filter(|r| known(r, CALCIUM_FOODS)).count();
    assert!(
        hits >= 6,
        "only {hits} of 10 are dairy, fortified milks or juice, canned fish, tofu or greens: {list:#?}"
    );
}

#[test]
fn magnesium_suggestions_are_seeds_nuts_legumes_grains_and_greens() {
    let env = woman_of_54();
    let list = rows(&env, &["suggest", "magnesium", "--date", "2026-03-02", "-n", "10", "--json"]);
    assert_eq!(list.len(), 10, "{list:#?}");
    for r in &list {
        assert_eq!(odd(r), None, "{} in the first 10: {r}", r["name"]);
    }
    let hits = list.iter().filter(|r| known(r, MAGNESIUM_FOODS)).count();
    assert!(hits >= 7, "only {hits} of 10 are seeds, nuts, legumes, whole grains or greens: {list:#?}");
}

#[test]
fn all_weighs_the_foods_left_out_by_default() {
    let env = woman_of_54();
    let everyday = rows(&env, &["suggest", "vitamin-d", "-n", "50", "--json"]);
    let all = rows(&env, &["suggest", "vitamin-d", "--all", "-n", "50", "--json"]);
    let left_out = |r: &&Value| {
        let (name, group) = (text(r, "name"), text(r, "group"));
        ["baby foods", "fats and oils", "spices and herbs", "restaurant foods", "fast foods"]
            .contains(&group.as_str())
            || name.contains("raw")
                && ["finfish and shellfish products", "beef products", "pork products"]
                    .contains(&group.as_str())
    };
    assert_eq!(everyday.iter().find(left_out), None, "left out by default");
    assert!(all.iter().any(|r| left_out(&r)), "--all shows them: {all:#?}");
    // A spice is among everything --all weighs for a nutrient spices are rich in.
    let k = rows(&env, &["suggest", "vitamin-k", "--all", "-n", "50", "--json"]);
    let spices = |list: &[Value]| list.iter().filter(|r| text(r, "group") == "spices and herbs").count();
    let k_everyday = rows(&env, &["suggest", "vitamin-k", "-n", "50", "--json"]);
    assert_eq!(spices(&k_everyday), 0);
    assert!(spices(&k) > 0, "--all can show a spice: {k:#?}");
    let help = env.ok(&["suggest", "--help"]);
    assert!(help.contains("--all"), "{help}");
}
