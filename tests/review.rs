//! `marrow review`, tried as a user would after a logged week with an empty day, a day of
//! supplements only and vitamin D unknown on one day: the same figures as `week`, the foods
//! that gave them, what supplements added, the change against the week before, and foods for
//! the nutrient most often short.
//!
//! Figures (USDA SR28, per 100 g): almonds 12061 Mg 270, Ca 269, D 0; whole milk 01077 Mg 10,
//! Ca 113, D 1.3 µg (1 cup = 244 g); dark chocolate 19904 Mg 228, Ca 73, D unknown. The default
//! profile (woman 31-50): Mg 320 / EAR 265 mg, Ca 1000 / 800 mg, D 15 / 10 µg.

mod common;

use serde_json::{json, Value};

use common::{assert_near, assert_refused, Env};

const WEEK: [&str; 4] = ["--from", "2026-01-05", "--to", "2026-01-11"];

/// Mon 5 to Sun 11 Jan 2026 as `week_numbers` logs it, and two days of the week before.
pub fn logged_week() -> Env {
    let env = Env::new();
    let log = |food: &str, qty: &str, date: &str| env.ok(&["log", "add", food, qty, "--date", date]);
    let dose = |args: &[&str]| env.ok(&[&["supplement", "add"], args].concat());
    log("12061", "30g", "2026-01-01"); // Mg 81, Ca 80.7
    log("12061", "50g", "2026-01-02"); // Mg 135, Ca 134.5
    log("12061", "100g", "2026-01-05"); // Mg 270, Ca 269, D 0
    log("12061", "100g", "2026-01-06");
    log("01077", "1 cup", "2026-01-06"); // Mg 24.4, Ca 275.72, D 3.172
    log("19904", "100g", "2026-01-07"); // Mg 228, Ca 73, D unknown
    log("19904", "20g", "2026-01-07"); // Mg 45.6, Ca 14.6, D unknown
    log("12061", "50g", "2026-01-07"); // Mg 135, Ca 134.5, D 0
    dose(&["magnesium", "300 mg", "--date", "2026-01-09"]);
    dose(&["vitamin-d", "25 µg", "--date", "2026-01-09"]);
    log("12061", "100g", "2026-01-10");
    dose(&["magnesium", "100 mg", "--form", "glycinate", "--date", "2026-01-10"]);
    log("01077", "2 cups", "2026-01-11"); // Mg 48.8, Ca 551.44, D 6.344
    dose(&["vitamin-d", "10 µg", "--date", "2026-01-11"]);
    env
}

fn review_json(env: &Env) -> Value {
    env.json(&[&["review"], &WEEK[..], &["--json"]].concat())
}

#[test]
fn review_json_gives_the_weeks_figures_foods_supplements_and_change() {
    let env = logged_week();
    let r = review_json(&env);
    let week = env.json(&["week", "--end", "2026-01-11", "--json"]);
    // The same figures as `week`, from the same domain functions.
    for key in ["average", "average_food", "days_below_ear", "days_at_target", "unknown_items", "ca_mg_ratio"]
    {
        assert_eq!(r["period"][key], week[key], "{key}");
    }
    assert_eq!(r["period"]["logged_days"], 5);
    assert_eq!(r["period"]["not_logged"], json!(["2026-01-08", "2026-01-09"]));

    let mg = &r["nutrients"]["magnesium_mg"];
    assert_eq!(mg["logged_days"], 5);
    assert_near(&mg["average"], 278.36, "Mg: 1291.8 mg of food + the 10th's 100 mg dose, over 5 days");
    assert_near(&mg["average_food"], 258.36, "Mg food alone");
    assert_eq!((&mg["days_below_ear_food"], &mg["days_below_ear"]), (&json!(1), &json!(1)));
    assert_eq!((&mg["days_at_target_food"], &mg["days_at_target"]), (&json!(1), &json!(2)));
    // Almonds 350 g = 945 mg of the 1291.8 mg from food; chocolate 120 g = 273.6; milk 73.2.
    assert_eq!(mg["foods"][0]["name"], "Nuts, almonds");
    assert_near(&mg["foods"][0]["amount"], 945.0, "almonds");
    assert_near(&mg["foods"][0]["share"], 73.2, "945 / 1291.8");
    assert_near(&mg["foods"][1]["amount"], 273.6, "chocolate");
    assert_near(&mg["foods"][2]["amount"], 73.2, "3 cups of milk");
    // Supplements: 300 + 100 mg over the 7 days, the supplement-only day's dose included.
    assert_near(&mg["supplements_total"], 400.0, "Mg doses");
    assert_near(&mg["supplements_per_day"], 57.143, "400 / 7");
    // The week before: 81 and 135 mg on 2 logged days.
    assert_eq!(mg["previous_logged_days"], 2);
    assert_near(&mg["previous_average"], 108.0, "Mg the week before");
    assert_near(&mg["change"], 170.36, "278.36 - 108");

    let ca = &r["nutrients"]["calcium_mg"];
    assert_near(&ca["average"], 371.252, "Ca: 1856.26 mg over 5 days");
    assert_eq!(ca["days_below_ear"], 5, "of 5 logged days, not 7");
    assert_eq!(ca["foods"][0]["name"], "Nuts, almonds");
    assert_near(&ca["foods"][0]["amount"], 941.5, "almonds");
    assert_near(&ca["foods"][1]["amount"], 827.16, "732 g of milk at 113 mg per 100 g");
    assert_near(&ca["supplements_total"], 0.0, "no calcium dose");
    assert_near(&ca["change"], 371.252 - 107.6, "Ca against (80.7 + 134.5) / 2");

    let d = &r["nutrients"]["vitamin_d_ug"];
    assert_near(&d["average"], 3.903, "D: 9.516 µg of food + the 11th's 10 µg, over 5 days");
    assert_eq!(d["average_is_lower_bound"], true);
    assert_eq!((&d["unknown_items"], &d["unknown_days"]), (&json!(2), &json!(1)), "the chocolate");
    assert_eq!(d["days_maybe_below_ear"], 1);
    assert_near(&d["supplements_total"], 35.0, "25 + 10 µg");
    assert_near(&d["supplements_per_day"], 5.0, "35 / 7");
    assert_eq!(d["foods"].as_array().map(Vec::len), Some(1), "only milk has vitamin D known above 0");

    assert_near(&r["ca_mg_ratio"], 1.33, "1856.26 / 1391.8");
    let doses = r["supplements"].as_array().unwrap();
    assert_eq!(doses.len(), 3, "magnesium without form, magnesium glycinate, vitamin D: {doses:?}");
    assert!(doses.iter().any(|x| x["form"] == "glycinate" && x["total"] == 100.0));

    // Calcium: below the EAR on all 5 logged days, the most often short.
    let short = &r["most_short"];
    assert_eq!(short["nutrient"], "calcium_mg");
    assert_eq!(short["days_below_ear"], 5);
    assert_near(&short["gap"], 628.748, "1000 - 371.252");
    let foods = short["suggestions"].as_array().unwrap();
    assert_eq!(foods.len(), 3, "{short}");
    assert!(foods.iter().all(|f| f["adds"].as_f64().unwrap() > 0.0 && f["grams"].as_f64().unwrap() > 0.0));

    let days = r["days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    assert!(days[3]["totals"].is_null() && days[4]["supplements_only"] == true);
}

#[test]
fn a_previous_period_with_nothing_logged_is_said_not_logged() {
    let env = logged_week();
    let r = env.json(&["review", "--week", "--end", "2026-01-04", "--json"]);
    assert_eq!(r["from"], "2025-12-29");
    let mg = &r["nutrients"]["magnesium_mg"];
    assert_eq!(mg["previous_logged_days"], 0);
    assert!(mg["previous_average"].is_null() && mg["change"].is_null(), "{mg}");
    let text = env.ok(&["review", "--end", "2026-01-04"]);
    assert!(text.contains("previous period → now: not logged"), "{text}");
    // --month: the 30 days ending on --end, against the 30 before.
    let m = env.json(&["review", "--month", "--end", "2026-01-11", "--json"]);
    assert_eq!((&m["from"], &m["period"]["day_count"]), (&json!("2025-12-13"), &json!(30)));
    assert_eq!(m["previous"]["day_count"], 30);
    assert_eq!(m["period"]["logged_days"], 7);
}

#[test]
fn review_text_counts_what_it_counts_in_the_configured_unit() {
    let env = logged_week();
    std::fs::write(env.tmp.path().join("home/config.toml"), "[units]\nvitamin_d = \"IU\"\n").unwrap();
    let text = env.ok(&[&["review"], &WEEK[..]].concat());
    for said in [
        "Review of 2026-01-05 to 2026-01-11 (7 days).",
        "5 of 7 days have food logged; not logged: Thu 8 Jan, Fri 9 Jan (supplements only).",
        "Vitamin D (IU)",
        "days below EAR, food + supplements: 5 of 5",
        "average, food + supplements: ≥156.1", // 3.903 µg
        "supplements added: 1400 IU, 200 IU a day",
        "previous period → now: 108.0 → 278.4 (+170.4)",
        "Nuts, almonds 945 mg (73%)",
        "Most often short: calcium, below the EAR on 5 of 5 logged days",
        "Magnesium (glycinate): 1 on 1 day, 100 mg each",
        "Educational, not medical advice",
    ] {
        assert!(text.contains(said), "{said:?} in:\n{text}");
    }
    assert!(!text.contains("µg"), "the config asks for IU:\n{text}");
}

#[test]
fn a_bad_period_is_refused_in_one_line() {
    let env = logged_week();
    for args in [
        &["review", "--from", "2026-01-11", "--to", "2026-01-05"][..],
        &["review", "--from", "2000-01-01", "--to", "2026-01-05"],
        &["review", "--week", "--month"],
        &["review", "--from", "2026-01-01"],
        &["review", "--from", "yesterday-ish", "--to", "2026-01-05"],
        &["report", "--week"],
        &["report", "--format", "pdf"],
    ] {
        assert_refused(&env.run(args), &format!("{args:?}"));
    }
}
