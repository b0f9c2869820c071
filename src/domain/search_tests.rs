//! Unit tests of query terms, stemming, edit distance and the ranking rules.

use super::*;

fn food(id: &str, name: &str, group: &str, common: &str) -> Food {
    Food {
        id: id.into(),
        name: name.into(),
        group: group.into(),
        common_names: common.into(),
        manufacturer: String::new(),
        per_100g: crate::domain::NutrientValues::unknown(),
        portions: vec![],
    }
}

fn plain(words: &[&str]) -> Vec<Term> {
    words.iter().map(|w| Term { typed: w.to_string(), corrections: vec![] }).collect()
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
    ];
    assert_eq!(top(&plain(&["oatmeal"]), oats), "08120");
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
    assert_eq!(top(&plain(&["garbanzo"]), chickpeas), "16056");
}

#[test]
fn typo_corrections_match() {
    let t = vec![Term { typed: "brocoli".into(), corrections: vec!["broccoli".into()] }];
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
