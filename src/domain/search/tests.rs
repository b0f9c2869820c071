//! Unit tests of query terms, stemming, edit distance and the ranking rules.

use super::*;
use std::collections::HashMap;
use std::rc::Rc;

fn food(id: &str, name: &str, group: &str, common: &str) -> Food {
    Food {
        id: id.into(),
        name: name.into(),
        group: group.into(),
        common_names: common.into(),
        manufacturer: String::new(),
        in_survey: false,
        per_100g: crate::domain::NutrientValues::unknown(),
        portions: vec![],
    }
}

fn plain(words: &[&str]) -> Vec<Term> {
    words.iter().map(|w| Term::plain(*w)).collect()
}

fn top(terms: &[Term], foods: Vec<Food>) -> String {
    rank(terms, foods, &HashMap::new(), 1)[0].id.clone()
}

#[test]
fn terms_split_on_anything_not_a_word() {
    assert_eq!(terms("  \"almonds\" AND (raw)*"), vec!["almonds", "and", "raw"]);
    assert_eq!(terms("👍'; DROP TABLE foods;--"), vec!["drop", "table", "foods"]);
    assert!(terms("\u{0}\u{7}*^:").is_empty());
    assert_eq!(terms(&"a".repeat(10_000)).len(), 1);
    assert_eq!(terms("goat's milk"), vec!["goat", "milk"], "a possessive is no word");
    assert_eq!(terms("’s"), vec!["s"]);
}

#[test]
fn stems_plurals() {
    assert_eq!(stem("almonds"), "almond");
    assert_eq!(stem("berries"), "berry");
    assert_eq!(stem("tomatoes"), "tomato");
    assert_eq!(stem("peaches"), "peach");
    assert_eq!(stem("hummus"), "hummus");
    assert_eq!(stem("grass"), "grass");
}

#[test]
fn edit_distance_bounds() {
    assert!(within_edits("brocoli", "broccoli", 1));
    assert!(within_edits("spinich", "spinach", 1));
    assert!(within_edits("yoghurt", "yogurt", 1));
    assert!(within_edits("slamon", "salmon", 1), "a swap is one edit");
    assert!(!within_edits("spinich", "spanish", 1));
    assert!(within_edits("chickpeaz", "chickpeas", 2));
    assert!(!within_edits("milk", "silk", 0));
    assert_eq!(allowed_edits("egg"), 0);
    assert_eq!(allowed_edits("salmon"), 1);
    assert_eq!(allowed_edits("broccoli"), 2);
}

#[test]
fn generic_forms_come_first() {
    let milk = vec![
        food("01230", "Milk, buttermilk, fluid, whole", "Dairy and Egg Products", ""),
        food("01077", "Milk, whole, 3.25% milkfat, with added vitamin D", "Dairy and Egg Products", ""),
        food("01090", "Milk, dry, whole, with added vitamin D", "Dairy and Egg Products", ""),
    ];
    assert_eq!(top(&plain(&["whole", "milk"]), milk), "01077");
    let almonds = vec![
        food("04529", "Oil, almond", "Fats and Oils", ""),
        food("12061", "Nuts, almonds", "Nut and Seed Products", ""),
        food("12063", "Nuts, almonds, dry roasted, without salt added", "Nut and Seed Products", ""),
    ];
    assert_eq!(top(&plain(&["almonds"]), almonds.clone()), "12061");
    assert_eq!(top(&plain(&["roasted", "almonds"]), almonds), "12063");
}

#[test]
fn common_names_and_parenthesised_synonyms_count() {
    let oats = vec![
        food("18039", "Bread, oatmeal", "Baked Products", ""),
        food(
            "08120",
            "Cereals, oats, regular and quick, not fortified, dry",
            "Breakfast Cereals",
            "oatmeal, old-fashioned oats, rolled oats",
        ),
        food(
            "08121",
            "Cereals, oats, regular and quick, unenriched, cooked with water (includes boiling and microwaving), without salt",
            "Breakfast Cereals",
            "oatmeal, old-fashioned oats, rolled oats",
        ),
    ];
    // Oats are eaten cooked: the porridge, not the dry flakes, unless "dry" is typed.
    assert_eq!(top(&plain(&["oatmeal"]), oats.clone()), "08121");
    assert_eq!(top(&plain(&["oatmeal", "dry"]), oats), "08120");
    let chickpeas = vec![
        food(
            "16056",
            "Chickpeas (garbanzo beans, bengal gram), mature seeds, raw",
            "Legumes and Legume Products",
            "",
        ),
        food(
            "16358",
            "Chickpeas (garbanzo beans, bengal gram), mature seeds, canned, drained, rinsed in tap water",
            "Legumes and Legume Products",
            "",
        ),
    ];
    // Chickpeas are eaten cooked: the canned ones before the raw, dry seeds.
    assert_eq!(top(&plain(&["garbanzo"]), chickpeas), "16358");
}

#[test]
fn typo_corrections_match() {
    let t = vec![Term { corrections: vec!["broccoli".into()], ..Term::plain("brocoli") }];
    let foods = vec![
        food(
            "11091",
            "Broccoli, cooked, boiled, drained, without salt",
            "Vegetables and Vegetable Products",
            "",
        ),
        food("11090", "Broccoli, raw", "Vegetables and Vegetable Products", ""),
    ];
    assert_eq!(top(&t, foods), "11090");
}

#[test]
fn frequent_foods_rise_and_special_groups_sink() {
    let foods = vec![
        food("21001", "Fast foods, almonds snack", "Fast Foods", ""),
        food("12061", "Nuts, almonds", "Nut and Seed Products", ""),
        food("12062", "Nuts, almonds, blanched", "Nut and Seed Products", ""),
    ];
    assert_eq!(top(&plain(&["almonds"]), foods.clone()), "12061");
    let uses = HashMap::from([("12062".to_string(), 30)]);
    assert_eq!(rank(&plain(&["almonds"]), foods, &uses, 1)[0].id, "12062");
}

#[test]
fn a_singular_head_names_what_the_food_was_made_into() {
    // "Nuts" is a category; "Oil" and "Sauce" are the foods themselves.
    let almonds = vec![
        food("04529", "Oil, almond", "Fats and Oils", ""),
        food("12061", "Nuts, almonds", "Nut and Seed Products", ""),
    ];
    assert_eq!(top(&plain(&["almond"]), almonds), "12061");
    let pasta = vec![
        food("06931", "Sauce, pasta, spaghetti/marinara, ready-to-serve", "Soups, Sauces, and Gravies", ""),
        food("20120", "Pasta, dry, enriched", "Cereal Grains and Pasta", ""),
    ];
    assert_eq!(top(&plain(&["pasta"]), pasta), "20120");
    let oysters = vec![
        food("18228", "Crackers, saltines (includes oyster, soda, soup)", "Baked Products", ""),
        food("15167", "Mollusks, oyster, eastern, wild, raw", "Finfish and Shellfish Products", ""),
    ];
    assert_eq!(top(&plain(&["oysters"]), oysters), "15167", "an (includes ...) list is not a name");
}

#[test]
fn a_synonym_spelled_out_whole_renames_what_comes_before_it() {
    let prunes = vec![
        food("09288", "Prunes, canned, heavy syrup pack, solids and liquids", "Fruits and Fruit Juices", ""),
        food("09291", "Plums, dried (prunes), uncooked", "Fruits and Fruit Juices", ""),
    ];
    assert_eq!(top(&plain(&["prunes"]), prunes), "09291");
}

#[test]
fn two_words_may_spell_one() {
    let soy = vec![
        food("43543", "Milk, imitation, non-soy", "Dairy and Egg Products", ""),
        food("16120", "Soymilk, original and vanilla, unfortified", "Legumes and Legume Products", ""),
    ];
    let mut terms = plain(&["soy", "milk"]);
    for (i, joined) in joined_pairs(&["soy".to_string(), "milk".to_string()]) {
        terms[i].compounds.push(joined.clone());
        terms[i + 1].compounds.push(joined);
    }
    assert_eq!(top(&terms, soy.clone()), "16120");
    assert!(matches_all(&terms, &soy[1]));
    assert!(!matches_all(&plain(&["soy", "milk"]), &soy[1]), "without the join, soymilk is no match");
}

#[test]
fn more_household_measures_lift_an_otherwise_equal_match() {
    let mut cheddar = food("01009", "Cheese, cheddar", "Dairy and Egg Products", "");
    cheddar.portions = (1..=6)
        .map(|i| crate::domain::Portion { amount: 1.0, description: format!("measure {i}"), grams: 10.0 })
        .collect();
    let gouda = food("01022", "Cheese, gouda", "Dairy and Egg Products", "");
    assert_eq!(top(&plain(&["cheese"]), vec![gouda.clone(), cheddar.clone()]), "01009");
    let parsed = Parsed::new(&gouda).with_measures(6);
    let terms = plain(&["cheese"]);
    assert!(score_parsed(&Query::new(&terms), &parsed, 0) > score(&terms, &gouda, 0));
}

#[test]
fn drinks_and_soups_made_up_with_water_are_the_form_people_mean() {
    let bev = "Beverages";
    let coffee = || {
        vec![
            food("14203", "Beverages, coffee, instant, regular, half the caffeine", bev, ""),
            food("14209", "Beverages, coffee, brewed, prepared with tap water", bev, ""),
            food("14214", "Beverages, coffee, instant, regular, powder", bev, ""),
        ]
    };
    assert_eq!(top(&plain(&["coffee"]), coffee()), "14209");
    assert_eq!(top(&plain(&["instant", "coffee"]), coffee()), "14203");
    let soup = "Soups, Sauces, and Gravies";
    let soups = vec![
        food("06159", "Soup, tomato, canned, condensed", soup, ""),
        food("06559", "Soup, tomato, canned, prepared with equal volume water, commercial", soup, ""),
    ];
    assert_eq!(top(&plain(&["tomato", "soup"]), soups), "06559");
    // Made up with milk is a recipe of its own, still a preparation.
    let cocoa = vec![
        food("14194", "Beverages, Cocoa mix, powder, prepared with water", bev, ""),
        food("14195", "Beverages, Cocoa mix, powder, prepared with whole milk", bev, ""),
    ];
    assert_eq!(top(&plain(&["cocoa", "mix"]), cocoa), "14194");
}

fn ids(terms: &[Term], foods: Vec<Food>) -> Vec<String> {
    rank(terms, foods, &HashMap::new(), 10).into_iter().map(|f| f.id).collect()
}

#[test]
fn foods_eaten_cooked_come_cooked_unless_the_query_names_the_state() {
    let grain = "Cereal Grains and Pasta";
    let rice = || {
        vec![
            food("20036", "Rice, brown, long-grain, raw", grain, ""),
            food("20037", "Rice, brown, long-grain, cooked", grain, ""),
            food("20040", "Rice, brown, medium-grain, raw", grain, ""),
        ]
    };
    assert_eq!(top(&plain(&["brown", "rice"]), rice()), "20037");
    assert_eq!(top(&plain(&["brown", "rice", "dry"]), rice()), "20036");
    assert_eq!(top(&plain(&["raw", "brown", "rice"]), rice()), "20036");
    let fish = "Finfish and Shellfish Products";
    let mussels = vec![
        food("15164", "Mollusks, mussel, blue, raw", fish, ""),
        food("15165", "Mollusks, mussel, blue, cooked, moist heat", fish, ""),
    ];
    assert_eq!(top(&plain(&["mussels"]), mussels), "15165");
    // Fruit and salad vegetables keep their raw form.
    let veg = "Vegetables and Vegetable Products";
    let spinach = vec![
        food("11457", "Spinach, raw", veg, ""),
        food("11458", "Spinach, cooked, boiled, drained, without salt", veg, ""),
    ];
    assert_eq!(top(&plain(&["spinach"]), spinach.clone()), "11457");
    // ...unless the query says how it was cooked.
    assert_eq!(top(&plain(&["steamed", "spinach"]), spinach), "11458");
}

#[test]
fn everyday_qualifiers_read_as_usda_writes_them() {
    let dairy = "Dairy and Egg Products";
    let milk = || {
        vec![
            food("01077", "Milk, whole, 3.25% milkfat, with added vitamin D", dairy, ""),
            food(
                "01079",
                "Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D",
                dairy,
                "",
            ),
            food("01082", "Milk, lowfat, fluid, 1% milkfat, with added vitamin A and vitamin D", dairy, ""),
            food("01175", "Milk, fluid, 1% fat, without added vitamin A and vitamin D", dairy, ""),
            food(
                "01085",
                "Milk, nonfat, fluid, with added vitamin A and vitamin D (fat free or skim)",
                dairy,
                "",
            ),
        ]
    };
    let typed = |q: &str| terms(q).into_iter().map(Term::plain).collect::<Vec<_>>();
    assert_eq!(terms("2% milk"), vec!["2%", "milk"], "a percentage keeps its sign");
    assert_eq!(ids(&typed("2% milk"), milk())[0], "01079");
    assert_eq!(ids(&typed("1% milk"), milk())[0], "01082");
    assert_eq!(ids(&typed("skim milk"), milk())[0], "01085");
    assert_eq!(ids(&typed("whole milk"), milk())[0], "01077");
    let wine = vec![
        food("02068", "Vinegar, red wine", "Spices and Herbs", ""),
        food("14096", "Alcoholic beverage, wine, table, red", "Beverages", ""),
    ];
    assert_eq!(top(&typed("red wine"), wine), "14096");
}

#[test]
fn a_plain_word_means_the_plain_food() {
    let poultry = "Poultry Products";
    let turkey = vec![
        food("05171", "Turkey, whole, giblets, raw", poultry, ""),
        food("05172", "Turkey, whole, giblets, cooked, simmered", poultry, ""),
        food("05178", "Turkey, liver, all classes, cooked, simmered", poultry, ""),
        food("05168", "Turkey, whole, meat only, cooked, roasted", poultry, ""),
        food("03015", "Babyfood, meat, turkey, strained", "Baby Foods", ""),
    ];
    assert_eq!(top(&plain(&["turkey"]), turkey.clone()), "05168");
    assert_eq!(top(&plain(&["turkey", "liver"]), turkey), "05178", "asked for, an organ is found");
}

#[test]
fn the_users_own_food_outranks_the_catalog_and_an_exact_name_is_first() {
    let catalog = food("14091", "Beverages, almond milk, unsweetened, shelf stable", "Beverages", "");
    let mine = food("c1", "Almond milk", "Custom", "");
    let similar = food("c2", "Almond milk, homemade", "Custom", "");
    let read = |f: &Food, own: bool| {
        let p = Parsed::new(f);
        (Rc::new(if own { p.own() } else { p }), f.clone())
    };
    let foods = vec![read(&catalog, false), read(&similar, true), read(&mine, true)];
    let ranked = rank_parsed(&plain(&["almond", "milk"]), foods, &HashMap::new(), 3);
    assert_eq!(ranked.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), vec!["c1", "c2", "14091"]);
}
