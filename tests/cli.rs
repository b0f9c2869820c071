//! The command line's "done when", run through the real binary on a temporary data directory:
//! search, food show, log add/list/rm, day totals and unknowns, portions, and profile targets.

mod common;

use common::{assert_near, assert_refused, Env};
use serde_json::Value;

const DAY: &str = "2026-01-05";

/// The 17 nutrient keys of every `per_100g` and `nutrients` object, in canonical order.
const NUTRIENT_KEYS: [&str; 28] = [
    "energy_kcal",
    "protein_g",
    "fat_g",
    "carbohydrate_g",
    "fiber_g",
    "magnesium_mg",
    "calcium_mg",
    "phosphorus_mg",
    "potassium_mg",
    "sodium_mg",
    "zinc_mg",
    "vitamin_d_ug",
    "vitamin_c_mg",
    "vitamin_k_ug",
    "epa_g",
    "dha_g",
    "ala_g",
    "iron_mg",
    "folate_dfe_ug",
    "vitamin_b12_ug",
    "vitamin_a_rae_ug",
    "vitamin_e_mg",
    "copper_mg",
    "manganese_mg",
    "selenium_ug",
    "vitamin_k2_mk4_ug",
    "caffeine_mg",
    "folic_acid_ug",
];

fn assert_nutrient_keys(v: &Value, what: &str) {
    let map = v.as_object().unwrap_or_else(|| panic!("{what}: not an object: {v}"));
    let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
    let mut want = NUTRIENT_KEYS.to_vec();
    keys.sort_unstable();
    want.sort_unstable();
    assert_eq!(keys, want, "{what}: nutrient keys");
    for (k, x) in map {
        assert!(x.is_null() || x.as_f64().is_some_and(|x| x >= 0.0), "{what}.{k} = {x}");
    }
}

/// Logs `quantity` of `food` on `date` and returns the entry's JSON.
fn log_json(env: &Env, food: &str, quantity: &str, date: &str) -> Value {
    env.json(&["log", "add", food, quantity, "--date", date, "--meal", "lunch", "--json"])
}

#[test]
fn search_almonds_json_has_the_food_first_with_every_nutrient() {
    let env = Env::new();
    let hits = env.json(&["search", "almonds", "--json"]);
    let hits = hits.as_array().expect("an array of foods");
    assert!(!hits.is_empty(), "no results for almonds");
    let first = &hits[0];
    assert_eq!(first["id"], "12061");
    assert_eq!(first["name"], "Nuts, almonds");
    assert_eq!(first["group"], "Nut and Seed Products");
    assert_near(&first["per_100g"]["magnesium_mg"], 270.0, "almond Mg");
    assert_near(&first["per_100g"]["calcium_mg"], 269.0, "almond Ca");
    for (i, hit) in hits.iter().enumerate() {
        for key in ["id", "name", "group", "per_100g"] {
            assert!(hit.get(key).is_some(), "result {i} lacks {key}: {hit}");
        }
        assert!(hit["id"].is_string() && hit["name"].is_string() && hit["group"].is_string());
        assert_nutrient_keys(&hit["per_100g"], &format!("result {i} per_100g"));
    }
}

#[test]
fn search_almonds_plain_lists_the_food_on_the_first_result_line() {
    let env = Env::new();
    let out = env.ok(&["search", "almonds"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 2, "expected a header and results: {out}");
    assert!(lines[0].contains("food"), "header first: {out}");
    assert!(lines[1].starts_with("12061"), "first result: {out}");
    assert!(lines[1].contains("Nuts, almonds"), "first result: {out}");
}

#[test]
fn thirty_grams_of_almonds_add_up_against_the_default_profile() {
    let env = Env::new();
    let out = env.ok(&["log", "add", "12061", "30g", "--date", DAY]);
    assert!(out.contains("Nuts, almonds") && out.contains("30 g"), "{out}");
    let day = env.json(&["day", "--date", DAY, "--json"]);
    assert_eq!(day["date"], DAY);
    assert_near(&day["totals"]["magnesium_mg"], 81.0, "Mg total");
    assert_near(&day["totals"]["calcium_mg"], 80.7, "Ca total");
    assert_nutrient_keys(&day["totals"], "totals");
    assert_nutrient_keys(&day["unknown"], "unknown");
    assert_eq!(day["items"], 1);
    assert_eq!(day["profile"]["default"], true);
    assert_eq!(day["profile"]["life_stage"], "female 31-50");
    assert_eq!(day["targets"]["magnesium_mg"], 320.0);
    assert_eq!(day["targets"]["calcium_mg"], 1000.0);
    assert_eq!(day["targets"]["vitamin_d_ug"], 15.0);
    let entries = day["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["food_id"], "12061");
    assert_eq!(entries[0]["grams"], 30.0);
    assert_nutrient_keys(&entries[0]["nutrients"], "entry nutrients");
    // The plain day view shows the same day without failing.
    let text = env.ok(&["day", "--date", DAY]);
    assert!(text.contains("Nuts, almonds") && text.contains("female 31-50"), "{text}");
    // Another day is empty.
    let other = env.json(&["day", "--date", "2026-01-06", "--json"]);
    assert_eq!(other["items"], 0);
    assert_eq!(other["totals"]["magnesium_mg"], 0.0);
}

#[test]
fn household_portions_resolve_to_usda_grams() {
    let env = Env::new();
    let cases = [
        ("09040", "1 medium", 118.0),
        ("01077", "1 cup", 244.0),
        ("15088", "2 sardines", 24.0),
        ("12061", "1 oz", 28.35),
        // Spinach lists no oz portion: an ounce is still 28.35 g.
        ("11457", "1 oz", 28.35),
    ];
    for (food, quantity, grams) in cases {
        let e = log_json(&env, food, quantity, DAY);
        assert_eq!(e["food_id"], food);
        assert_eq!(e["quantity"], quantity);
        let got = e["grams"].as_f64().expect("grams");
        assert!((got - grams).abs() < 1e-9, "{quantity} of {food}: {got} g, not {grams} g");
    }
    let spinach = env.json(&["food", "show", "11457", "--json"]);
    let portions = spinach["portions"].as_array().expect("portions");
    assert!(!portions.is_empty());
    assert!(
        portions.iter().all(|p| !p["description"].as_str().unwrap_or("").starts_with("oz")),
        "spinach was chosen for having no oz portion: {portions:?}"
    );
    let list = env.json(&["log", "list", "--date", DAY, "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(cases.len()));
}

#[test]
fn dark_chocolate_adds_magnesium_and_counts_vitamin_d_as_unknown() {
    let env = Env::new();
    let e = log_json(&env, "19904", "1 oz", DAY);
    assert_eq!(e["grams"], 28.35);
    assert!(e["nutrients"]["vitamin_d_ug"].is_null(), "D must be unknown, not zero: {e}");
    assert!(e["per_100g"]["vitamin_d_ug"].is_null());
    let day = env.json(&["day", "--date", DAY, "--json"]);
    let mg = day["totals"]["magnesium_mg"].as_f64().expect("Mg");
    assert!(mg > 0.0, "dark chocolate adds magnesium");
    assert_eq!(day["unknown"]["vitamin_d_ug"], 1);
    assert_eq!(day["unknown"]["magnesium_mg"], 0);
    assert!(day["entries"][0]["nutrients"]["vitamin_d_ug"].is_null());
    // With almonds (D known to be 0) beside it, one of two items is still unknown.
    log_json(&env, "12061", "30g", DAY);
    let day = env.json(&["day", "--date", DAY, "--json"]);
    assert_eq!(day["items"], 2);
    assert_eq!(day["unknown"]["vitamin_d_ug"], 1);
    assert_near(&day["totals"]["magnesium_mg"], mg + 81.0, "Mg with almonds");
}

#[test]
fn bad_input_is_refused_in_one_line_and_changes_nothing() {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g", "--date", DAY]);
    let snapshot = |env: &Env| {
        let day = env.ok(&["log", "list", "--date", DAY, "--json"]);
        let today = env.ok(&["log", "list", "--json"]);
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
        let conn = rusqlite::Connection::open_with_flags(env.diary_path(), flags).expect("diary");
        let rows: i64 = conn.query_row("SELECT COUNT(*) FROM entries", [], |r| r.get(0)).expect("count");
        (day, today, rows)
    };
    let before = snapshot(&env);
    assert_eq!(before.2, 1);
    let mut cases: Vec<Vec<&str>> = Vec::new();
    for q in ["abc", "-5 g", "1e400 g", "3 parsecs", "0 g", "NaN g", ""] {
        cases.push(vec!["log", "add", "12061", q, "--date", DAY]);
    }
    cases.push(vec!["log", "add", "99999", "30g", "--date", DAY]);
    for d in ["2026-02-30", "2026-13-01", "99999-01-01", "11/25/2026", "", "0000-01-01"] {
        cases.push(vec!["log", "add", "12061", "30g", "--date", d]);
        cases.push(vec!["log", "list", "--date", d, "--json"]);
        cases.push(vec!["day", "--date", d]);
    }
    cases.push(vec!["log", "add", "12061", "30g", "--date", DAY, "--meal", "brunch"]);
    for args in &cases {
        let out = env.run(args);
        assert_refused(&out, &format!("{args:?}"));
        assert!(out.stdout.is_empty(), "{args:?} printed {:?}", String::from_utf8_lossy(&out.stdout));
        assert_eq!(snapshot(&env), before, "{args:?} changed the diary");
    }
}

#[test]
fn log_add_by_words_picks_the_banana_and_says_so() {
    let env = Env::new();
    let out = env.ok(&["log", "add", "banana", "1 medium", "--date", DAY]);
    assert!(out.contains("09040"), "names the food it chose: {out}");
    assert!(out.contains("Bananas, raw"), "{out}");
    assert!(out.contains("118 g"), "{out}");
    let e = env.json(&["log", "add", "banana", "1 medium", "--date", DAY, "--json"]);
    assert_eq!(e["food_id"], "09040");
    assert_eq!(e["matched_by_search"], true);
    let by_id = env.json(&["log", "add", "09040", "1 medium", "--date", DAY, "--json"]);
    assert_eq!(by_id["matched_by_search"], false);
}

#[test]
fn log_list_and_rm_round_trip() {
    let env = Env::new();
    let a = log_json(&env, "12061", "30g", DAY);
    let b = env.json(&["log", "add", "09040", "1 medium", "--date", DAY, "--meal", "breakfast", "--json"]);
    let list = env.json(&["log", "list", "--date", DAY, "--json"]);
    let ids: Vec<&Value> = list.as_array().expect("list").iter().map(|e| &e["entry_id"]).collect();
    // Breakfast comes before lunch whatever the logging order.
    assert_eq!(ids, vec![&b["entry_id"], &a["entry_id"]]);
    let mut logged = a.clone();
    // log add also says how the food and amount were chosen; the entry itself is the rest.
    for how in ["matched_by_search", "remembered_amount"] {
        logged.as_object_mut().expect("entry").remove(how);
    }
    assert_eq!(list[1], logged, "the listed entry is the logged one");
    let plain = env.ok(&["log", "list", "--date", DAY]);
    assert!(plain.contains("Nuts, almonds") && plain.contains("Bananas, raw"), "{plain}");

    let a_id = a["entry_id"].as_i64().expect("id").to_string();
    let out = env.ok(&["log", "rm", &a_id]);
    assert!(out.contains("Nuts, almonds"), "{out}");
    let list = env.json(&["log", "list", "--date", DAY, "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["food_id"], "09040");

    let after = env.ok(&["log", "list", "--date", DAY, "--json"]);
    assert_refused(&env.run(&["log", "rm", &a_id]), "rm of a removed id");
    assert_refused(&env.run(&["log", "rm", "424242"]), "rm of a missing id");
    assert_refused(&env.run(&["log", "rm", "abc"]), "rm abc");
    assert_refused(&env.run(&["log", "rm", "0"]), "rm 0");
    assert_refused(&env.run(&["log", "rm", ""]), "rm empty");
    assert_eq!(env.ok(&["log", "list", "--date", DAY, "--json"]), after);
    let empty = env.ok(&["log", "list", "--date", "2026-01-06"]);
    assert!(empty.contains("no entries"), "{empty}");
}

#[test]
fn food_show_lists_portions_in_usda_order() {
    let env = Env::new();
    let food = env.json(&["food", "show", "12061", "--json"]);
    assert_eq!(food["id"], "12061");
    assert_eq!(food["name"], "Nuts, almonds");
    assert_nutrient_keys(&food["per_100g"], "food per_100g");
    let portions = food["portions"].as_array().expect("portions");
    assert_eq!(portions.len(), 6);
    for p in portions {
        assert!(p["amount"].is_number() && p["description"].is_string() && p["grams"].is_number(), "{p}");
    }
    assert_eq!(portions[0]["description"], "cup, whole");
    assert_eq!(portions[0]["amount"], 1.0);
    assert_eq!(portions[0]["grams"], 143.0);
    assert_eq!(portions[4]["grams"], 28.35);
    let text = env.ok(&["food", "show", "12061"]);
    assert!(text.contains("Nuts, almonds") && text.contains("cup, whole") && text.contains("143 g"));
    assert_refused(&env.run(&["food", "show", "99999"]), "food show of an unknown id");
}

fn profile(env: &Env) -> Value {
    env.json(&["profile", "show", "--json"])
}

#[test]
fn profile_sets_life_stage_and_targets() {
    let env = Env::new();
    assert_eq!(profile(&env)["default"], true);
    assert_refused(&env.run(&["profile", "set", "--sex", "male", "--pregnant"]), "pregnant male");
    assert_eq!(profile(&env)["default"], true, "a refused set saves nothing");

    env.ok(&["profile", "set", "--sex", "female", "--age", "54"]);
    let p = profile(&env);
    assert_eq!(p["default"], false);
    assert_eq!(p["life_stage"], "female 51-70");
    assert_eq!(p["targets"]["magnesium_mg"], 320.0);
    assert_eq!(p["targets"]["calcium_mg"], 1200.0);
    assert_eq!(p["targets"]["vitamin_d_ug"], 15.0);
    let day = env.json(&["day", "--date", DAY, "--json"]);
    assert_eq!(day["profile"]["default"], false);
    assert_eq!(day["targets"]["calcium_mg"], 1200.0);

    env.ok(&["profile", "set", "--sex", "male", "--age", "25"]);
    let p = profile(&env);
    assert_eq!(p["life_stage"], "male 19-30");
    assert_eq!(p["targets"]["magnesium_mg"], 400.0);

    env.ok(&["profile", "set", "--sex", "female", "--age", "28", "--pregnant"]);
    let p = profile(&env);
    assert_eq!(p["life_stage"], "pregnant 19-30");
    assert_eq!(p["pregnant"], true);
    assert_eq!(p["targets"]["magnesium_mg"], 350.0);

    assert_refused(&env.run(&["profile", "set", "--sex", "male", "--pregnant"]), "pregnant male");
    assert_eq!(profile(&env), p, "a refused set changes nothing");
    for bad in [["--age", "-3"], ["--age", "abc"], ["--age", "131"], ["--sex", "x"], ["--weight", "NaN"]] {
        let out = env.run(&["profile", "set", bad[0], bad[1]]);
        assert_refused(&out, &format!("profile set {bad:?}"));
    }
    assert_eq!(profile(&env), p);
}
