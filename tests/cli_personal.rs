//! The personal side from the command line: life-stage targets, supplements and their
//! warnings, the week, gap suggestions, custom foods, saved meals and copying.

mod common;

use common::{assert_near, assert_refused, Env};
use serde_json::Value;

const D: &str = "2026-01-05";

fn codes(day: &Value) -> Vec<String> {
    day["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap().to_string()).collect()
}

#[test]
fn life_stage_targets_follow_the_reference() {
    let env = Env::new();
    let cases: &[(&[&str], f64, f64, f64)] = &[
        (&["--sex", "female", "--age", "54"], 320.0, 1200.0, 15.0),
        (&["--sex", "male", "--age", "25"], 400.0, 1000.0, 15.0),
        (&["--sex", "female", "--age", "28", "--pregnant"], 350.0, 1000.0, 15.0),
        (&["--sex", "female", "--age", "17", "--lactating"], 360.0, 1300.0, 15.0),
        (&["--sex", "male", "--age", "75", "--neither"], 420.0, 1200.0, 20.0),
        (&["--sex", "female", "--age", "9m"], 75.0, 260.0, 10.0),
        (&["--sex", "male", "--age", "5 months"], 30.0, 200.0, 10.0),
        (&["--sex", "female", "--age", "0"], 30.0, 200.0, 10.0),
    ];
    for (args, mg, ca, d) in cases {
        let mut a = vec!["profile", "set"];
        a.extend_from_slice(args);
        env.ok(&a);
        let p = env.json(&["profile", "show", "--json"]);
        assert_near(&p["targets"]["magnesium_mg"], *mg, &format!("{args:?} Mg"));
        assert_near(&p["targets"]["calcium_mg"], *ca, &format!("{args:?} Ca"));
        assert_near(&p["targets"]["vitamin_d_ug"], *d, &format!("{args:?} D"));
    }
    // An infant of 8 months by birth date, then an age in years clears the months.
    let born = (chrono::Local::now().date_naive() - chrono::Months::new(8)).to_string();
    assert!(env.ok(&["profile", "set", "--born", &born]).contains("8 months: life stage infant 7-12 months"));
    assert_eq!(env.json(&["profile", "show", "--json"])["age_months"], 8);
    assert_refused(&env.run(&["profile", "set", "--age", "14m"]), "14 months is not whole years");
    env.ok(&["profile", "set", "--sex", "female", "--born", "1972-03-01", "--weight", "60", "--neither"]);
    let p = env.json(&["profile", "show", "--json"]);
    assert!(p["age"].as_u64().unwrap() >= 54);
    assert!(p["age_months"].is_null(), "{p}");
    assert_near(&p["targets"]["protein_g"], 48.0, "0.8 g/kg");
    assert_refused(&env.run(&["profile", "set", "--weight", "-3"]), "negative weight");
}

#[test]
fn food_magnesium_never_raises_the_supplement_warning() {
    let env = Env::new();
    env.ok(&["log", "add", "12014", "500g", "--date", D]);
    let day = env.json(&["day", "--date", D, "--json"]);
    // 500 g of pumpkin seeds is over phosphorus's UL (6165 of 4000 mg) and manganese's (22.7 of
    // 11 mg), never magnesium's.
    assert_eq!(codes(&day), vec!["phosphorus_over_ul", "manganese_over_ul"], "{:?}", day["warnings"]);
    assert_near(&day["totals"]["magnesium_mg"], 2960.0, "500 g pumpkin seeds");
    for _ in 0..2 {
        env.ok(&["supplement", "add", "magnesium", "200 mg", "--form", "glycinate", "--date", D]);
    }
    let day = env.json(&["day", "--date", D, "--json"]);
    assert_eq!(codes(&day), vec!["mg_supplement_over_ul", "phosphorus_over_ul", "manganese_over_ul"]);
    assert_near(&day["supplemental"]["magnesium_mg"], 400.0, "supplemental Mg");
    assert_near(&day["totals"]["magnesium_mg"], 3360.0, "food and supplements");
    let msg = day["warnings"][0]["message"].as_str().unwrap();
    assert!(msg.contains("350") && msg.contains("not medical advice"), "{msg}");
}

#[test]
fn vitamin_d_and_large_calcium_doses_are_flagged() {
    let env = Env::new();
    env.ok(&["supplement", "add", "vitamin-d", "125 µg", "--date", D]);
    env.ok(&["supplement", "add", "calcium", "600 mg", "--date", D, "--time", "08:00"]);
    env.ok(&["log", "add", "01077", "1 cup", "--date", D]); // 24 mg of magnesium: the week's food
    let day = env.json(&["day", "--date", D, "--json"]);
    let c = codes(&day);
    assert!(c.contains(&"vitd_over_ul".to_string()) && c.contains(&"ca_dose_large".to_string()), "{c:?}");
    assert!(c.contains(&"vitd_without_mg".to_string()), "no magnesium logged this week: {c:?}");
    let said = day["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["message"].as_str().unwrap().contains("not medical advice"))
        .count();
    assert_eq!(said, 1, "said once");
    // 5000 IU is the same 125 µg.
    let other = Env::new();
    other.ok(&["supplement", "add", "vitamin-d", "5000 IU", "--date", D]);
    assert_near(&other.json(&["day", "--date", D, "--json"])["supplemental"]["vitamin_d_ug"], 125.0, "IU");
}

#[test]
fn compound_weights_and_bad_supplements() {
    let env = Env::new();
    let s = env.json(&[
        "supplement",
        "add",
        "magnesium",
        "1000 mg",
        "--form",
        "oxide",
        "--compound",
        "--date",
        D,
        "--json",
    ]);
    assert_near(&s["amount"], 603.0, "1000 mg magnesium oxide");
    for bad in [
        vec!["supplement", "add", "magnesium", "1000 mg", "--form", "unobtainium", "--compound"],
        vec!["supplement", "add", "magnesium", "400 IU"],
        vec!["supplement", "add", "magnesium", "-5 mg"],
        vec!["supplement", "add", "protein", "5 g"],
        vec!["supplement", "add", "magnesium", "200 mg", "--time", "25:99"],
        vec!["supplement", "rm", "999"],
    ] {
        assert_refused(&env.run(&bad), &format!("{bad:?}"));
    }
    let list = env.json(&["supplement", "list", "--date", D, "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1, "bad input changed nothing");
    let id = list[0]["id"].as_i64().unwrap().to_string();
    env.ok(&["supplement", "rm", &id]);
    assert!(env.json(&["supplement", "list", "--date", D, "--json"]).as_array().unwrap().is_empty());
}

#[test]
fn week_lists_seven_days_with_averages() {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "100g", "--date", "2026-01-03"]);
    env.ok(&["log", "add", "12061", "50g", "--date", D]);
    let w = env.json(&["week", "--end", D, "--json"]);
    let days = w["days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    assert_eq!(days[0]["date"], "2025-12-30");
    assert_eq!(days[6]["date"], D);
    assert_near(&days[4]["totals"]["magnesium_mg"], 270.0, "Jan 3");
    assert_near(&w["average"]["magnesium_mg"], 202.5, "average of logged days");
    assert_eq!(w["days_at_target"]["magnesium_mg"], 0);
    assert_eq!(w["days_below_ear"]["magnesium_mg"], 1, "135 mg is below the 265 mg EAR");
}

#[test]
fn suggest_names_foods_that_close_the_gap() {
    let env = Env::new();
    env.ok(&["log", "add", "11457", "1 cup", "--date", D]);
    let s = env.json(&["suggest", "magnesium", "--date", D, "--json"]);
    let list = s.as_array().unwrap();
    assert!(list.len() >= 3, "{s}");
    assert_eq!(list[0]["id"], "11457", "the user's own food first");
    for item in list {
        assert!(item["adds"]["magnesium_mg"].as_f64().unwrap() > 0.0);
        assert!(item["grams"].as_f64().unwrap() > 0.0 && item["portion"].is_string());
        assert!(item["per_100kcal"].is_null() || item["per_100kcal"].as_f64().unwrap().is_finite());
    }
}

#[test]
fn custom_foods_are_searchable_and_edits_leave_history_alone() {
    let env = Env::new();
    let made = env.json(&[
        "food",
        "add",
        "Marrow test bar",
        "--per-serving",
        "magnesium_mg=80",
        "calcium_mg=200",
        "--serving",
        "40g",
        "--portion",
        "1 bar=40g",
        "--json",
    ]);
    let id = made["id"].as_str().unwrap().to_string();
    let show = env.json(&["food", "show", &id, "--json"]);
    assert_near(&show["per_100g"]["magnesium_mg"], 200.0, "80 mg per 40 g");
    assert!(show["per_100g"]["vitamin_d_ug"].is_null(), "unknown, not zero");
    let hits = env.json(&["search", "marrow", "bar", "--json"]);
    assert_eq!(hits[0]["id"], id.as_str());
    let e = env.json(&["log", "add", &id, "1 bar", "--date", "2026-01-04", "--json"]);
    assert_near(&e["nutrients"]["magnesium_mg"], 80.0, "one bar");
    env.ok(&["food", "edit", &id, "--per-100g", "magnesium_mg=50"]);
    let before = env.json(&["log", "list", "--date", "2026-01-04", "--json"]);
    assert_near(&before[0]["nutrients"]["magnesium_mg"], 80.0, "yesterday's entry kept its figures");
    let today = env.json(&["log", "add", &id, "1 bar", "--date", D, "--json"]);
    assert_near(&today["nutrients"]["magnesium_mg"], 20.0, "new entries use the edit");
    assert_refused(
        &env.run(&["food", "edit", "c999", "--per-100g", "magnesium_mg=1"]),
        "missing custom food",
    );
    assert_refused(&env.run(&["food", "add", "x", "--per-100g", "magnesium_mg=abc"]), "bad value");
}

#[test]
fn saved_meals_and_copies() {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g", "--date", D, "--meal", "breakfast"]);
    env.ok(&["log", "add", "09040", "1 medium", "--date", D, "--meal", "breakfast"]);
    env.ok(&["log", "add", "11457", "1 cup", "--date", D, "--meal", "lunch"]);
    env.ok(&["meal", "save", "usual breakfast", "--date", D, "--meal", "breakfast"]);
    assert!(env.ok(&["meal", "list"]).contains("usual breakfast"));
    env.ok(&["meal", "log", "usual breakfast", "--date", "2026-01-06", "--meal", "breakfast"]);
    let day6 = env.json(&["log", "list", "--date", "2026-01-06", "--json"]);
    assert_eq!(day6.as_array().unwrap().len(), 2);
    env.ok(&["copy", "--from", D, "--to", "2026-01-07", "--meal", "lunch"]);
    let day7 = env.json(&["log", "list", "--date", "2026-01-07", "--json"]);
    assert_eq!(day7.as_array().unwrap().len(), 1);
    assert_eq!(day7[0]["food_id"], "11457");
    assert_refused(&env.run(&["meal", "log", "no such meal"]), "unknown meal");
    assert_refused(&env.run(&["copy", "--from", "2026-02-30"]), "bad date");
}

#[test]
fn day_json_reports_insights() {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g", "--date", D]);
    env.ok(&["log", "add", "19904", "1 oz", "--date", D]);
    let day = env.json(&["day", "--date", D, "--json"]);
    let top = &day["top_contributors"]["magnesium_mg"];
    assert!(
        top[0]["name"].as_str().unwrap().contains("almonds")
            || top[0]["name"].as_str().unwrap().contains("Chocolate")
    );
    assert_eq!(day["completeness"]["vitamin_d_ug"], "D: 0.0 µg known, 1 of 2 items unknown");
    assert!(day["ca_mg_ratio_7d"].as_f64().is_some());
    assert!(day["ca_mg_ratio_note"].as_str().unwrap().contains("not a guideline"));
}

/// Where `id` comes in `marrow search QUERY`'s results.
fn place(env: &Env, query: &str, id: &str) -> usize {
    let hits = env.json(&["search", query, "--limit", "20", "--json"]);
    let ids: Vec<&str> = hits.as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    ids.iter().position(|h| *h == id).unwrap_or_else(|| panic!("{id} not in {query:?}: {ids:?}"))
}

#[test]
fn foods_logged_often_rank_higher_at_once_even_with_the_search_cache() {
    let env = Env::new();
    // Dry roasted and oil roasted almonds, both below the plain raw ones at first.
    let (dry, oil) = ("12563", "12665");
    let (dry_before, oil_before) = (place(&env, "almonds", dry), place(&env, "almonds", oil));
    for _ in 0..3 {
        env.ok(&["log", "add", dry, "30g", "--date", D]);
    }
    let dry_after = place(&env, "almonds", dry);
    assert!(dry_after < dry_before, "logged three times: {dry_before} -> {dry_after}");

    // Once the diary has been still a moment (a clock tick of its file system: up to three
    // seconds where timestamps are whole seconds), a search caches what it read from it ...
    let cache = env.data.join("search-hints.json");
    for _ in 0..20 {
        std::thread::sleep(std::time::Duration::from_millis(250));
        assert_eq!(place(&env, "almonds", dry), dry_after);
        if cache.exists() {
            break;
        }
    }
    assert!(cache.exists(), "no search cache after a settled read");
    // ... and a later entry still counts in the very next search.
    for _ in 0..3 {
        env.ok(&["log", "add", oil, "30g", "--date", D]);
    }
    let oil_after = place(&env, "almonds", oil);
    assert!(oil_after < oil_before, "logged three times: {oil_before} -> {oil_after}");
    // A damaged cache is no error: search reads the diary instead.
    std::fs::write(&cache, "{ damaged").unwrap();
    assert_eq!(place(&env, "almonds", oil), oil_after);
}
