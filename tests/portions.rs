//! Every household portion marrow ships logs its own weight when typed as marrow labels it, and
//! the amounts people type (a cup of seeds, a doughnut, a tablespoon of lemon juice, a glass of
//! wine in ml) log what USDA says they weigh, through the real binary.

mod common;

use common::{assert_no_panic, Env};
use marrow::domain::food::trim_number;
use marrow::domain::quantity;
use marrow::sources::asset;
use serde_json::Value;

const DAY: &str = "2026-01-05";

/// The number of household portions in SR28's WEIGHT.txt, all of them in the embedded asset.
const SR28_PORTIONS: usize = 15_438;

#[test]
fn every_portion_label_logs_its_own_row() {
    let (_, foods) = asset::decode(asset::EMBEDDED).expect("the embedded catalog decodes");
    let total: usize = foods.iter().map(|f| f.portions.len()).sum();
    assert_eq!(total, SR28_PORTIONS, "every SR28 portion is in the asset");
    let (mut checked, mut weighed) = (0, 0);
    let mut failures = Vec::new();
    for food in &foods {
        let labels = food.portion_labels();
        assert_eq!(labels.len(), food.portions.len(), "{}", food.id);
        for (p, label) in food.portions.iter().zip(&labels) {
            let want = (p.grams * 100.0).round() / 100.0;
            match quantity::resolve(label, &food.portions) {
                Ok(r) if (r.grams - want).abs() < 1e-9 => checked += 1,
                other => failures.push(format!("{} {label:?}: {other:?}, not {want} g", food.id)),
            }
            if label.ends_with(&format!("({} g)", trim_number(p.grams))) {
                weighed += 1;
            }
            // USDA's own words for the row, as marrow used to list them: where they log another
            // row, the label is not those words.
            let words = p.label_short();
            if !matches!(quantity::resolve(&words, &food.portions), Ok(r) if (r.grams - want).abs() < 1e-9) {
                assert_ne!(
                    &words, label,
                    "{}: the label must differ from words that log another row",
                    food.id
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} labels log another weight:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(checked, SR28_PORTIONS);
    // Only USDA's twins and mass descriptions such as "3 oz" = 85 g carry a weight: most labels
    // are USDA's words as they are.
    assert!(weighed > 0 && weighed < SR28_PORTIONS / 5, "{weighed} labels carry a weight");
}

#[test]
fn labels_tell_rows_of_different_weight_apart() {
    let (_, foods) = asset::decode(asset::EMBEDDED).expect("the embedded catalog decodes");
    for food in &foods {
        let labels = food.portion_labels();
        for (i, a) in labels.iter().enumerate() {
            for (j, b) in labels.iter().enumerate().skip(i + 1) {
                if a.eq_ignore_ascii_case(b) {
                    let (gi, gj) = (food.portions[i].grams, food.portions[j].grams);
                    assert_eq!(gi, gj, "{}: {a:?} names rows of {gi} g and {gj} g", food.id);
                }
            }
        }
    }
}

/// Logs `quantity` of `food` and returns the entry's grams.
fn logged_grams(env: &Env, food: &str, quantity: &str) -> f64 {
    let e = env.json(&["log", "add", food, quantity, "--date", DAY, "--meal", "lunch", "--json"]);
    assert_eq!(e["quantity"], quantity, "{e}");
    e["grams"].as_f64().unwrap_or_else(|| panic!("{food} {quantity}: no grams in {e}"))
}

#[test]
fn the_cli_logs_the_portion_people_mean() {
    let env = Env::new();
    // Sunflower seed kernels: "cup, with hulls, edible yield" (46 g) comes before "cup" (140 g).
    assert_eq!(logged_grams(&env, "12036", "1 cup"), 140.0);
    assert_eq!(logged_grams(&env, "12036", "1 cup, with hulls, edible yield"), 46.0);
    // Glazed doughnuts: "doughnut" (63 g) is the last of 16 rows, after "doughnut hole" (13 g).
    assert_eq!(logged_grams(&env, "18255", "1 doughnut"), 63.0);
    // Lemon juice lists a cup of 244 g: a tbsp is a 16th of it, 15.25 g.
    assert_eq!(logged_grams(&env, "09152", "1 tbsp"), 15.25);
    // Red wine lists a fl oz of 29.4 g; 150 ml is 150 / 29.575 fl oz, 149.112... g.
    assert_eq!(logged_grams(&env, "14096", "150 ml"), 149.11);
    // Cheese spread lists "1 jar (5 oz)" twice, at 128 g and 142 g: the labels carry the weight.
    assert_eq!(logged_grams(&env, "01048", "1 jar (5 oz) (142 g)"), 142.0);
    assert_eq!(logged_grams(&env, "01048", "1 jar (5 oz) (128 g)"), 128.0);
}

#[test]
fn food_show_gives_each_portion_the_label_that_logs_it() {
    let env = Env::new();
    let food = env.json(&["food", "show", "01048", "--json"]);
    let portions = food["portions"].as_array().expect("portions");
    let label =
        |i: usize| portions[i]["label"].as_str().unwrap_or_else(|| panic!("{}", portions[i])).to_string();
    assert_eq!(label(0), "1 cup, diced");
    assert_eq!(label(1), "1 cup");
    assert_eq!(label(2), "1 jar (5 oz) (128 g)");
    assert_eq!(label(4), "1 jar (5 oz) (142 g)");
    for (i, p) in portions.iter().enumerate() {
        let grams = logged_grams(&env, "01048", &label(i));
        assert_eq!(Value::from(grams), p["grams"], "{}", label(i));
    }
    let text = env.ok(&["food", "show", "01048"]);
    assert!(text.contains("1 jar (5 oz) (142 g)") && text.contains("1 cup, diced"), "{text}");
}

#[test]
fn a_volume_for_a_food_without_one_is_refused_in_one_line() {
    let env = Env::new();
    let out = env.run(&["log", "add", "18255", "1 cup", "--date", DAY]);
    assert_no_panic(&out, "a cup of doughnuts");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("\"cup\" is a volume") && stderr.contains("1 doughnut (63 g)"), "{stderr}");
    assert_eq!(env.json(&["log", "list", "--date", DAY, "--json"]), serde_json::json!([]));
}
