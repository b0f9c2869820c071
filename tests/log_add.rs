//! `marrow log add WORDS [AMOUNT]` through the real binary: the food clearly meant is logged and
//! named in full; a close call logs nothing, exits 2 and lists the candidates with what the
//! amount of each adds (`--pick N` takes one); an id always logs; no amount means the amount
//! last logged of the food; the user's own foods come first.

mod common;

use common::{assert_no_panic, assert_refused, Env};
use serde_json::Value;

const DAY: &str = "2026-03-02";

fn entries(env: &Env) -> Vec<Value> {
    env.json(&["log", "list", "--date", DAY, "--json"]).as_array().cloned().unwrap_or_default()
}

#[test]
fn a_clear_line_logs_the_cooked_food_and_names_it_in_full() {
    let env = Env::new();
    let out = env.ok(&["log", "add", "brown rice", "1 cup", "--date", DAY]);
    // One cup of cooked long-grain brown rice (SR28 20037): 202 g, 39 mg Mg per 100 g.
    assert!(out.contains("using 20037 Rice, brown, long-grain, cooked"), "{out}");
    assert!(out.contains("(202 g)") && out.contains("Mg 78.8 mg"), "{out}");
    let e = env.json(&["log", "add", "2% milk", "1 cup", "--date", DAY, "--json"]);
    assert_eq!(e["food_id"], "01079", "reduced fat 2% milk, not whole milk");
    assert_eq!(e["matched_by_search"], true);
}

#[test]
fn a_close_call_logs_nothing_and_lists_the_candidates() {
    let env = Env::new();
    // Wild and farmed rainbow trout rank alike; a fillet of each weighs 143 g and 71 g.
    let out = env.run(&["log", "add", "rainbow trout", "1 fillet", "--date", DAY]);
    assert_refused(&out, "a close call");
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("15116") && listed.contains("15241"), "{listed}");
    assert!(listed.contains("Fish, trout, rainbow, wild, cooked, dry heat: 143 g"), "{listed}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--pick"), "the refusal says how to choose");
    assert!(entries(&env).is_empty(), "nothing was logged");

    let json = env.run(&["log", "add", "rainbow trout", "1 fillet", "--date", DAY, "--json"]);
    assert_eq!(json.status.code(), Some(2));
    assert_no_panic(&json, "--json close call");
    let v: Value = serde_json::from_slice(&json.stdout).expect("JSON on stdout");
    assert_eq!(v["error"], "ambiguous");
    let candidates = v["candidates"].as_array().expect("candidates");
    assert!((2..=5).contains(&candidates.len()), "{v}");
    for c in candidates {
        for key in ["id", "name", "grams", "adds"] {
            assert!(c.get(key).is_some(), "{key} missing in {c}");
        }
        for key in ["energy_kcal", "magnesium_mg", "calcium_mg", "vitamin_d_ug"] {
            assert!(c["adds"].get(key).is_some(), "adds lacks {key}: {c}");
        }
    }
    let second = candidates[1]["id"].as_str().unwrap().to_string();

    // --pick takes candidate N of that list.
    let e = env.json(&["log", "add", "rainbow trout", "1 fillet", "--pick", "2", "--date", DAY, "--json"]);
    assert_eq!(e["food_id"].as_str(), Some(second.as_str()));
    assert_eq!(e["grams"].as_f64(), candidates[1]["grams"].as_f64(), "the grams it listed");
    assert_refused(
        &env.run(&["log", "add", "rainbow trout", "1 fillet", "--pick", "9", "--date", DAY]),
        "--pick 9",
    );
    assert_refused(
        &env.run(&["log", "add", "rainbow trout", "1 fillet", "--pick", "0", "--date", DAY]),
        "--pick 0",
    );
    assert_eq!(entries(&env).len(), 1, "only the picked entry");

    // The food a person picked rises: the same line now logs it without asking.
    let again = env.json(&["log", "add", "rainbow trout", "1 fillet", "--date", DAY, "--json"]);
    assert_eq!(again["food_id"].as_str(), Some(second.as_str()));
}

#[test]
fn an_id_always_logs_directly() {
    let env = Env::new();
    let e = env.json(&["log", "add", "15241", "1 fillet", "--date", DAY, "--json"]);
    assert_eq!((e["food_id"].as_str(), e["matched_by_search"].as_bool()), (Some("15241"), Some(false)));
    assert_eq!(e["grams"].as_f64(), Some(71.0));
}

#[test]
fn no_amount_logs_the_amount_last_logged_and_says_so() {
    let env = Env::new();
    assert_refused(&env.run(&["log", "add", "12061", "--date", DAY]), "never logged, no amount");
    assert!(entries(&env).is_empty());
    env.ok(&["log", "add", "12061", "1 oz", "--date", "2026-03-01"]);
    env.ok(&["log", "add", "12061", "1 cup", "--date", "2026-03-01"]);
    let out = env.ok(&["log", "add", "almonds", "--date", DAY]);
    assert!(out.contains("using the amount you last logged of it: 1 cup"), "{out}");
    let e = env.json(&["log", "add", "12061", "--date", DAY, "--json"]);
    assert_eq!((e["quantity"].as_str(), e["grams"].as_f64()), (Some("1 cup"), Some(143.0)));
    assert_eq!(e["remembered_amount"], true);
}

#[test]
fn the_users_own_food_comes_first() {
    let env = Env::new();
    let add = |name: &str| {
        env.json(&["food", "add", name, "--per-100g", "magnesium_mg=20", "calcium_mg=120", "--json"])["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // Named exactly as typed: first whatever the catalog holds.
    let mine = add("Almond milk");
    let hits = env.json(&["search", "almond", "milk", "--json"]);
    assert_eq!(hits[0]["id"], mine.as_str());
    let e = env.json(&["log", "add", "almond milk", "240g", "--date", DAY, "--json"]);
    assert_eq!(e["food_id"], mine.as_str());
    // Matching as the catalog's foods do: above them.
    let soup = add("Lentil soup, my recipe");
    let hits = env.json(&["search", "lentil", "soup", "--json"]);
    assert_eq!(hits[0]["id"], soup.as_str(), "{hits}");
}
