//! Honest weekly numbers, tried as a user would: after a week with an empty day, a day of
//! supplements only and vitamin D unknown on one day, `week` counts 5 logged food days,
//! averages over those 5 (food alone and with supplements), never takes an unknown as 0 and
//! says what each count counts; the CSV exports carry the doses and the unknowns.
//!
//! Figures (USDA, per 100 g): almonds 12061 Mg 270, Ca 269, D 0 mg; whole milk 01077 Mg 10,
//! Ca 113, D 1.3 µg (1 cup = 244 g); dark chocolate 19904 Mg 228, Ca 73, D unknown. The
//! default profile (woman 31-50): Mg 320 / EAR 265 mg, Ca 1000 / 800 mg, D 15 / 10 µg.

mod common;

use serde_json::Value;

use common::{assert_near, Env};

const END: &str = "2026-01-11";

/// Mon 5 to Sun 11 Jan 2026: five food days, nothing on the 8th, supplements only on the 9th.
fn logged_week() -> Env {
    let env = Env::new();
    let log = |food: &str, qty: &str, date: &str| env.ok(&["log", "add", food, qty, "--date", date]);
    let dose = |n: &str, amount: &str, date: &str| env.ok(&["supplement", "add", n, amount, "--date", date]);
    log("12061", "100g", "2026-01-05"); // Mg 270, Ca 269, D 0
    log("12061", "100g", "2026-01-06");
    log("01077", "1 cup", "2026-01-06"); // Mg 24.4, Ca 275.72, D 3.172
    log("19904", "100g", "2026-01-07"); // Mg 228, Ca 73, D unknown
    log("19904", "20g", "2026-01-07"); // Mg 45.6, Ca 14.6, D unknown
    log("12061", "50g", "2026-01-07"); // Mg 135, Ca 134.5, D 0
    dose("magnesium", "300 mg", "2026-01-09");
    dose("vitamin-d", "25 µg", "2026-01-09");
    log("12061", "100g", "2026-01-10");
    dose("magnesium", "100 mg", "2026-01-10");
    log("01077", "2 cups", "2026-01-11"); // Mg 48.8, Ca 551.44, D 6.344
    dose("vitamin-d", "10 µg", "2026-01-11");
    env
}

#[test]
fn week_json_counts_logged_food_days_and_averages_over_them() {
    let env = logged_week();
    let w = env.json(&["week", "--end", END, "--json"]);
    assert_eq!(w["day_count"], 7);
    assert_eq!(w["logged_days"], 5, "the empty day and the supplement-only day are not logged: {w}");
    assert_eq!(w["not_logged"], serde_json::json!(["2026-01-08", "2026-01-09"]));
    assert_eq!(w["supplements_only"], serde_json::json!(["2026-01-09"]));

    // Food: 270 + 294.4 + 408.6 + 270 + 48.8 = 1291.8 mg over 5 days; the 100 mg dose of the
    // 10th adds 20 a day; the 300 mg of the supplement-only day is left out.
    assert_near(&w["average_food"]["magnesium_mg"], 258.36, "Mg food alone");
    assert_near(&w["average"]["magnesium_mg"], 278.36, "Mg with supplements");
    // 269 + 544.72 + 222.1 + 269 + 551.44 = 1856.26 mg over 5 days.
    assert_near(&w["average"]["calcium_mg"], 371.252, "Ca");
    // 3.172 + 6.344 = 9.516 µg known from food; the 10 µg dose of the 11th, not the 9th's 25.
    assert_near(&w["average_food"]["vitamin_d_ug"], 1.903, "D food alone");
    assert_near(&w["average"]["vitamin_d_ug"], 3.903, "D with supplements");
    assert_eq!(w["average_is_lower_bound"]["vitamin_d_ug"], true);
    assert_eq!(w["average_is_lower_bound"]["magnesium_mg"], false);
    assert_near(&w["ca_mg_ratio"], 1.33, "1856.26 / 1391.8 over the logged days");

    // Unknown: the two pieces of chocolate on the 7th, never counted as 0.
    assert_eq!(w["unknown_items"]["vitamin_d_ug"], 2);
    assert_eq!(w["unknown_days"]["vitamin_d_ug"], 1);
    assert_eq!(w["unknown_items"]["magnesium_mg"], 0);

    // At target: Mg 408.6 on the 7th from food; with the dose, 370 on the 10th too.
    assert_eq!(both(&w, "days_at_target", "magnesium_mg"), (1, 2));
    assert_eq!(both(&w, "days_below_ear", "magnesium_mg"), (1, 1), "48.8 mg on the 11th");
    assert_eq!(both(&w, "days_at_target", "vitamin_d_ug"), (0, 1), "6.344 + 10 µg on the 11th");
    assert_eq!(both(&w, "days_at_target", "calcium_mg"), (0, 0));
    assert_eq!(both(&w, "days_below_ear", "calcium_mg"), (5, 5), "of 5 logged days, not 7");
    // Below the EAR for sure: the days with complete figures; the 7th may be, or may not.
    assert_eq!(both(&w, "days_below_ear", "vitamin_d_ug"), (4, 3));
    assert_eq!(both(&w, "days_maybe_below_ear", "vitamin_d_ug"), (1, 1));

    // Day by day: a day not logged has no totals (not zeros); its doses are still said.
    let days = w["days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    assert_eq!(days[2]["unknown"]["vitamin_d_ug"], 2);
    assert_near(&days[2]["totals"]["magnesium_mg"], 408.6, "the 7th");
    assert_eq!((days[3]["logged"].as_bool(), days[3]["totals"].is_null()), (Some(false), true));
    assert_eq!(days[4]["supplements_only"], true);
    assert!(days[4]["totals"].is_null() && days[4]["unknown"].is_null(), "{}", days[4]);
    assert_near(&days[4]["supplements"]["magnesium_mg"], 300.0, "the 9th's dose");
    assert_near(&days[5]["food"]["magnesium_mg"], 270.0, "the 10th, food alone");
    assert_near(&days[5]["totals"]["magnesium_mg"], 370.0, "the 10th, with the dose");
}

/// A count for food alone and with supplements: `KEY_food` and `KEY`.
fn both(w: &Value, key: &str, nutrient: &str) -> (i64, i64) {
    let get = |k: &str| w[k][nutrient].as_i64().unwrap_or_else(|| panic!("{k}.{nutrient}: {w}"));
    (get(&format!("{key}_food")), get(key))
}

#[test]
fn week_text_says_what_it_counts_in_the_configured_unit() {
    let env = logged_week();
    std::fs::write(env.tmp.path().join("home/config.toml"), "[units]\nvitamin_d = \"IU\"\n").unwrap();
    let text = env.ok(&["week", "--end", END]);
    for said in [
        "5 of 7 days have food logged; not logged: Thu 8 Jan, Fri 9 Jan (supplements only).",
        "Averages and counts are over the 5 logged days",
        "D IU",
        "≥156.1", // 3.903 µg with supplements, a lower bound
        "≥76.1",  // 1.903 µg from food
        "2 of 5", // Mg at target with supplements
        "Vitamin D unknown for 2 items on 1 day",
        "Vitamin D: 1 more day may also be below the EAR",
    ] {
        assert!(text.contains(said), "{said:?} in:\n{text}");
    }
    assert!(!text.contains("µg"), "the config asks for IU:\n{text}");
    let line = |start: &str| {
        text.lines().find(|l| l.starts_with(start)).unwrap_or_else(|| panic!("{start}: {text}"))
    };
    assert!(line("Thu 2026-01-08").ends_with("not logged"));
    assert!(line("Fri 2026-01-09").ends_with("supplements only"));
    assert!(line("Wed 2026-01-07").contains("≥0.0"), "unknown D is not a plain 0: {}", line("Wed"));
    assert!(line("days at target, food alone").contains("1 of 5  0 of 5  0 of 5"), "{text}");
    assert!(line("days at target, food + supplements").contains("2 of 5  0 of 5  1 of 5"), "{text}");
    assert!(line("days below EAR, food alone").contains("1 of 5  5 of 5  4 of 5"), "{text}");
    assert!(line("average, food alone").contains("258.4"), "{text}");
}

#[test]
fn a_week_of_supplements_alone_has_no_averages_and_no_made_up_zero() {
    let env = Env::new();
    env.ok(&["supplement", "add", "vitamin-d", "25 µg", "--date", END]);
    let w = env.json(&["week", "--end", END, "--json"]);
    assert_eq!(w["logged_days"], 0);
    assert!(w["average"]["magnesium_mg"].is_null(), "no food, no average: {}", w["average"]);
    assert_eq!(w["days_below_ear"]["magnesium_mg"], 0);
    let text = env.ok(&["week", "--end", END]);
    assert!(text.contains("No food logged on the 7 days (1 with supplements only)."), "{text}");
    assert!(text.contains("No averages"), "{text}");
    // Nor does `day` warn of a 0 mg magnesium average the diary does not hold.
    let day = env.json(&["day", "--date", END, "--json"]);
    let codes: Vec<&str> =
        day["warnings"].as_array().unwrap().iter().filter_map(|w| w["code"].as_str()).collect();
    assert!(!codes.contains(&"vitd_without_mg"), "{codes:?}");
}

/// A minimal RFC 4180 reader: the cells of one line.
fn cells(line: &str) -> Vec<String> {
    let (mut out, mut cur, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// The CSV as rows of cells by column name.
fn table(csv: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = csv.lines().map(cells);
    (lines.next().unwrap(), lines.collect())
}

fn col(head: &[String], name: &str) -> usize {
    head.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}: {head:?}"))
}

#[test]
fn the_entries_csv_has_the_doses_as_rows_of_their_kind() {
    let env = logged_week();
    env.ok(&[
        "supplement",
        "add",
        "calcium",
        "500 mg",
        "--date",
        "2026-01-05",
        "--time",
        "08:00",
        "--form",
        "citrate",
    ]);
    let (head, rows) =
        table(&env.ok(&["export", "--format", "csv", "--from", "2026-01-05", "--to", "2026-01-06"]));
    assert_eq!(&head[..8], ["date", "time", "meal", "food_id", "food_name", "quantity", "grams", "kind"]);
    let kinds: Vec<(&str, &str)> =
        rows.iter().map(|r| (r[0].as_str(), r[col(&head, "kind")].as_str())).collect();
    assert_eq!(
        kinds,
        [
            ("2026-01-05", "food"),
            ("2026-01-05", "supplement"),
            ("2026-01-06", "food"),
            ("2026-01-06", "food")
        ]
    );
    let dose = &rows[1];
    assert_eq!(dose[col(&head, "time")], "08:00", "a dose's own time");
    assert_eq!(dose[col(&head, "food_name")], "Calcium supplement (citrate)");
    assert_eq!(dose[col(&head, "quantity")], "500 mg");
    assert_eq!(dose[col(&head, "grams")], "");
    assert_eq!(dose[col(&head, "calcium_mg")], "500");
    assert_eq!(dose[col(&head, "magnesium_mg")], "0", "a calcium dose adds no magnesium");
    assert_eq!(rows[0][col(&head, "time")], "", "logged today for another day: no time of that day");

    // Every dose of the week is there: each day's rows add up to `week`'s totals.
    let (head, rows) =
        table(&env.ok(&["export", "--format", "csv", "--from", "2026-01-09", "--to", "2026-01-10"]));
    let mg: f64 = rows
        .iter()
        .filter(|r| r[0] == "2026-01-10")
        .map(|r| r[col(&head, "magnesium_mg")].parse::<f64>().unwrap())
        .sum();
    assert_eq!(mg, 370.0);
    assert_eq!(rows.iter().filter(|r| r[col(&head, "kind")] == "supplement").count(), 3);
    let d = rows.iter().find(|r| r[col(&head, "vitamin_d_ug")] == "25").expect("the 25 µg dose");
    assert_eq!(d[col(&head, "quantity")], "25 µg", "the CSV keeps µg, as the JSON does");

    // A food row keeps an unknown value as an empty cell.
    let (head, rows) =
        table(&env.ok(&["export", "--format", "csv", "--from", "2026-01-07", "--to", "2026-01-07"]));
    assert_eq!(rows[0][col(&head, "food_id")], "19904");
    assert_eq!(rows[0][col(&head, "vitamin_d_ug")], "");

    let help = env.ok(&["export", "--help"]);
    assert!(help.contains("`time` is the time of day of the row on its date"), "{help}");

    // A row logged on its own day has the time it was logged.
    let today = Env::new();
    today.ok(&["log", "add", "12061", "30g"]);
    let (head, rows) = table(&today.ok(&["export", "--format", "csv"]));
    let t = &rows[0][col(&head, "time")];
    assert!(t.len() == 5 && t.as_bytes()[2] == b':', "HH:MM: {t:?}");
}

#[test]
fn the_totals_csv_has_unknowns_and_supplements_and_leaves_days_not_logged_empty() {
    let env = logged_week();
    let (head, rows) =
        table(&env.ok(&["export", "--format", "csv", "--totals", "--from", "2026-01-05", "--to", END]));
    assert_eq!(&head[..3], ["date", "items", "energy_kcal"]);
    let at = |date: &str, name: &str| {
        let r = rows.iter().find(|r| r[0] == date).unwrap();
        r[col(&head, name)].clone()
    };
    assert_eq!(rows.len(), 7);
    // The 7th: D partly known, 2 items unknown.
    assert_eq!(at("2026-01-07", "vitamin_d_ug"), "0");
    assert_eq!(at("2026-01-07", "vitamin_d_ug_unknown_items"), "2");
    assert_eq!(at("2026-01-07", "magnesium_mg_unknown_items"), "0");
    // The 10th: the dose's share.
    assert_eq!(at("2026-01-10", "magnesium_mg"), "370");
    assert_eq!(at("2026-01-10", "magnesium_mg_from_supplements"), "100");
    assert_eq!(at("2026-01-05", "magnesium_mg_from_supplements"), "0");
    // The 8th: nothing logged, every cell but the count empty.
    let empty = rows.iter().find(|r| r[0] == "2026-01-08").unwrap();
    assert_eq!(empty[1], "0");
    assert!(empty[2..].iter().all(String::is_empty), "{empty:?}");
    // The 9th: no food, so no totals and no unknown counts; the doses are there.
    assert_eq!(at("2026-01-09", "items"), "0");
    assert_eq!(at("2026-01-09", "magnesium_mg"), "");
    assert_eq!(at("2026-01-09", "magnesium_mg_unknown_items"), "");
    assert_eq!(at("2026-01-09", "magnesium_mg_from_supplements"), "300");
    assert_eq!(at("2026-01-09", "vitamin_d_ug_from_supplements"), "25");
}
