//! The nutrients added after the bone nutrients, as a user meets them: `day --json` with their
//! targets, the ALA mark from catalog to diary, a diary and a catalog from before them, the
//! source-limited upper limits, and export and import.

mod common;

use common::{assert_near, assert_refused, Env};
use serde_json::Value;

const DAY: &str = "2026-11-30";

/// A woman of 54 who drank a cup of 2% milk and ate a cup of boiled spinach.
fn milk_and_spinach() -> Env {
    let env = Env::new();
    env.ok(&["profile", "set", "--sex", "female", "--age", "54"]);
    env.ok(&["log", "add", "01079", "1 cup", "--date", DAY]);
    env.ok(&["log", "add", "11458", "1 cup", "--date", DAY]);
    env
}

#[test]
fn a_day_of_milk_and_spinach_has_iron_folate_and_b12_with_their_targets() {
    let env = milk_and_spinach();
    let day = env.json(&["day", "--date", DAY, "--json"]);
    assert_near(&day["totals"]["calcium_mg"], 537.6, "calcium as before");
    for (key, target) in [("iron_mg", 8.0), ("folate_dfe_ug", 400.0), ("vitamin_b12_ug", 2.4)] {
        assert!(day["totals"][key].as_f64().unwrap() > 0.0, "{key}: {}", day["totals"]);
        assert_eq!(day["targets"][key], target, "{key}");
        assert_eq!(day["unknown"][key], 0, "{key}");
        assert!(day["percent"][key].is_number(), "{key}");
    }
    assert_eq!(day["targets"]["copper_mg"], 0.9, "copper in mg, as its amounts");
    assert_eq!(day["ul"]["vitamin_a_rae_ug"], 3000.0);
    assert!(day["ul"]["vitamin_b12_ug"].is_null(), "B12 has no UL");
    assert!(day["ul_note"].as_str().unwrap().contains("retinol"));
    // Spinach's ALA is 18:3 undifferentiated; milk's is true ALA.
    assert_eq!(day["ala_undifferentiated_items"], 1);
    let entries = day["entries"].as_array().unwrap();
    assert_eq!(entries[0]["ala_undifferentiated"], false, "{}", entries[0]["name"]);
    assert_eq!(entries[1]["ala_undifferentiated"], true, "{}", entries[1]["name"]);

    let text = env.ok(&["day", "--date", DAY]);
    for row in ["Iron", "Folate", "Vitamin B12", "Copper", "Caffeine", "Folic acid"] {
        assert!(text.lines().any(|l| l.starts_with(row)), "{row} missing:\n{text}");
    }
    assert!(text.contains("ALA: 18:3 undifferentiated for 1 item "), "{text}");
    let spinach = env.ok(&["food", "show", "11458"]);
    assert!(spinach.contains("ALA is 18:3 undifferentiated"), "{spinach}");
    assert!(!env.ok(&["food", "show", "01079"]).contains("undifferentiated"));
    assert_eq!(env.json(&["food", "show", "11458", "--json"])["ala_undifferentiated"], true);
}

#[test]
fn entries_from_before_keep_their_figures_and_the_new_nutrients_are_unknown() {
    let env = Env::new();
    std::fs::create_dir_all(&env.data).unwrap();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diary-v1.db");
    std::fs::copy(&fixture, env.diary_path()).unwrap();
    let day = env.json(&["day", "--date", "2025-12-01", "--json"]);
    let entries = day["entries"].as_array().unwrap();
    assert_near(&entries[0]["nutrients"]["magnesium_mg"], 81.0, "almonds kept their figures");
    for e in entries {
        for key in ["iron_mg", "folate_dfe_ug", "vitamin_b12_ug", "caffeine_mg", "folic_acid_ug"] {
            assert!(e["per_100g"][key].is_null(), "{key} unknown, never zero: {}", e["per_100g"]);
        }
        // Every catalog food's ALA was 18:3 undifferentiated then.
        let has_ala = !e["per_100g"]["ala_g"].is_null();
        assert_eq!(e["ala_undifferentiated"], has_ala, "{}", e["name"]);
    }
    assert_eq!(day["unknown"]["iron_mg"], entries.len());
    assert_eq!(day["totals"]["iron_mg"], 0.0);
    let text = env.ok(&["day", "--date", "2025-12-01"]);
    let iron = text.lines().find(|l| l.starts_with("Iron")).unwrap();
    assert!(iron.contains(&format!("{} of {} items unknown", entries.len(), entries.len())), "{iron}");
    // A new entry the next day has them.
    env.ok(&["log", "add", "11458", "1 cup", "--date", "2025-12-01"]);
    let after = env.json(&["day", "--date", "2025-12-01", "--json"]);
    assert_eq!(after["unknown"]["iron_mg"], entries.len(), "only the old entries unknown");
}

#[test]
fn a_catalog_from_before_is_rebuilt_once() {
    let env = milk_and_spinach();
    let key = |env: &Env| -> String {
        let conn = rusqlite::Connection::open(env.catalog_path()).unwrap();
        conn.query_row("SELECT value FROM meta WHERE key = 'build'", [], |r| r.get(0)).unwrap()
    };
    let current = key(&env);
    // As an older marrow (asset format 2, seventeen nutrients) left it.
    let conn = rusqlite::Connection::open(env.catalog_path()).unwrap();
    conn.execute("UPDATE meta SET value = 'catalog-schema-9/v2-0123456789abcdef' WHERE key = 'build'", [])
        .unwrap();
    conn.execute_batch("ALTER TABLE foods DROP COLUMN ala_undifferentiated").unwrap();
    drop(conn);
    let spinach = env.json(&["food", "show", "11458", "--json"]);
    assert!(spinach["per_100g"]["iron_mg"].is_number(), "{}", spinach["per_100g"]);
    assert_eq!(spinach["ala_undifferentiated"], true);
    assert_eq!(key(&env), current, "rebuilt for this asset");
    let stamp = |env: &Env| {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(env.catalog_path()).unwrap();
        (m.ino(), m.mtime(), m.mtime_nsec())
    };
    let once = stamp(&env);
    env.ok(&["food", "show", "01079"]);
    env.ok(&["search", "spinach"]);
    assert_eq!(stamp(&env), once, "not rebuilt again");
}

#[test]
fn source_limited_upper_limits_count_only_their_sources() {
    let env = milk_and_spinach();
    let add = |args: &[&str]| {
        let mut all = vec!["supplement", "add"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--date", DAY]);
        env.ok(&all);
    };
    let codes = |env: &Env| -> Vec<String> {
        let day = env.json(&["day", "--date", DAY, "--json"]);
        day["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap().to_string()).collect()
    };
    // Beta-carotene never counts; food vitamin A (over 1000 µg here) never counts.
    add(&["vitamin-a", "9000 µg", "--form", "beta-carotene"]);
    add(&["vitamin-e", "900 mg"]);
    assert!(codes(&env).is_empty(), "{:?}", codes(&env));
    add(&["vitamin-a", "3100 µg", "--form", "retinol"]);
    add(&["vitamin-e", "200 mg"]);
    add(&["folic-acid", "1001 mcg"]);
    add(&["iron", "45 mg"]);
    assert_eq!(
        codes(&env),
        ["iron_over_ul", "folic_acid_over_ul", "retinol_over_ul", "vite_supplement_over_ul"],
        "iron counts food too: 45 mg plus the day's"
    );
    let day = env.json(&["day", "--date", DAY, "--json"]);
    let retinol =
        day["warnings"].as_array().unwrap().iter().find(|w| w["code"] == "retinol_over_ul").unwrap();
    let message = retinol["message"].as_str().unwrap();
    assert!(message.contains("3100 µg") && message.contains("3000 µg"), "{message}");
}

#[test]
fn vitamin_a_without_its_form_is_refused_and_the_diary_unchanged() {
    let env = milk_and_spinach();
    let before = env.diary_files();
    let out = env.run(&["supplement", "add", "vitamin-a", "900 µg", "--date", DAY]);
    assert_refused(&out, "vitamin A without a form");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--form retinol"));
    assert_eq!(env.diary_files(), before);
    assert_refused(&env.run(&["supplement", "add", "caffeine", "100 IU"]), "IU is vitamin D's");
}

#[test]
fn export_and_import_carry_the_new_nutrients_and_the_ala_mark() {
    let env = milk_and_spinach();
    env.ok(&["supplement", "add", "selenium", "100 µg", "--date", DAY]);
    let file = env.tmp.path().join("export.json");
    std::fs::write(&file, env.ok(&["export"])).unwrap();
    let exported: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(exported["entries"][1]["ala_undifferentiated"], true);
    assert!(exported["entries"][1]["per_100g"]["iron_mg"].is_number());

    let other = Env::new();
    other.ok(&["import", "diary", file.to_str().unwrap()]);
    let (a, b) = (env.json(&["day", "--date", DAY, "--json"]), other.json(&["day", "--date", DAY, "--json"]));
    assert_eq!(a["totals"], b["totals"]);
    assert_eq!(a["unknown"], b["unknown"]);
    assert_eq!(b["ala_undifferentiated_items"], 1);

    // A file from before: no new keys, no mark. The new nutrients import unknown and the
    // catalog entries' ALA as 18:3 undifferentiated.
    let mut old = exported.clone();
    for e in old["entries"].as_array_mut().unwrap() {
        let e = e.as_object_mut().unwrap();
        e.remove("ala_undifferentiated");
        let per = e.get_mut("per_100g").unwrap().as_object_mut().unwrap();
        per.retain(|k, _| {
            !["iron_mg", "folate_dfe_ug", "vitamin_b12_ug", "caffeine_mg"].contains(&k.as_str())
        });
    }
    let old_file = env.tmp.path().join("old.json");
    std::fs::write(&old_file, serde_json::to_vec(&old).unwrap()).unwrap();
    let third = Env::new();
    third.ok(&["import", "diary", old_file.to_str().unwrap()]);
    let c = third.json(&["day", "--date", DAY, "--json"]);
    assert_eq!(c["unknown"]["iron_mg"], 2, "unknown, never zero");
    assert_eq!(c["ala_undifferentiated_items"], 2, "both had ALA from catalog foods");
    assert_eq!(c["totals"]["calcium_mg"], a["totals"]["calcium_mg"]);
}

/// A FoodData Central download of two foundation foods: one with true ALA (851), one with
/// only 18:3 undifferentiated (619); iron, folate and B12 by their SR numbers.
fn write_fdc(dir: &std::path::Path) {
    let w = |name: &str, rows: &[&[&str]]| {
        let quoted = |r: &[&str]| r.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(",");
        let text: String = rows.iter().map(|r| format!("{}\n", quoted(r))).collect();
        std::fs::write(dir.join(name), text).unwrap();
    };
    w(
        "food.csv",
        &[
            &["fdc_id", "data_type", "description", "food_category_id", "publication_date"],
            &["900001", "foundation_food", "Seeds, chia, dried", "", "2020-01-01"],
            &["900002", "foundation_food", "Seeds, flax, whole", "", "2020-01-01"],
        ],
    );
    w(
        "nutrient.csv",
        &[
            &["id", "name", "unit_name", "nutrient_nbr", "rank"],
            &["1089", "Iron, Fe", "MG", "303", "1"],
            &["1190", "Folate, DFE", "UG", "435", "2"],
            &["1178", "Vitamin B-12", "UG", "418", "3"],
            &["1404", "PUFA 18:3 n-3 c,c,c (ALA)", "G", "851", "4"],
            &["1270", "PUFA 18:3", "G", "619", "5"],
        ],
    );
    w(
        "food_nutrient.csv",
        &[
            &["id", "fdc_id", "nutrient_id", "amount"],
            &["1", "900001", "1089", "7.72"],
            &["2", "900001", "1404", "17.8"],
            &["3", "900001", "1270", "17.9"],
            &["4", "900002", "1089", "5.73"],
            &["5", "900002", "1270", "22.8"],
            &["6", "900002", "1190", "87"],
        ],
    );
}

#[test]
fn food_data_central_maps_the_same_nutrients_and_marks_undifferentiated_ala() {
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    write_fdc(dir.path());
    env.ok(&["import", "fdc", dir.path().to_str().unwrap()]);
    let chia = env.json(&["food", "show", "fdc:900001", "--json"]);
    assert_eq!(chia["per_100g"]["iron_mg"], 7.72);
    assert_eq!(chia["per_100g"]["ala_g"], 17.8, "true ALA where given");
    assert_eq!(chia["ala_undifferentiated"], false);
    let flax = env.json(&["food", "show", "fdc:900002", "--json"]);
    assert_eq!(flax["per_100g"]["ala_g"], 22.8, "18:3 undifferentiated where ALA is not");
    assert_eq!(flax["ala_undifferentiated"], true);
    assert_eq!(flax["per_100g"]["folate_dfe_ug"], 87.0);
    assert!(flax["per_100g"]["vitamin_b12_ug"].is_null(), "not given: unknown");
    // The mark survives a rebuild that carries the imported foods over.
    let conn = rusqlite::Connection::open(env.catalog_path()).unwrap();
    conn.execute("UPDATE meta SET value = 'catalog-schema-9/v2-0123456789abcdef' WHERE key = 'build'", [])
        .unwrap();
    drop(conn);
    assert_eq!(env.json(&["food", "show", "fdc:900002", "--json"])["ala_undifferentiated"], true);
}

#[test]
fn a_diary_with_the_new_columns_whose_header_names_an_older_schema_is_refused_untouched() {
    let env = milk_and_spinach();
    let conn = rusqlite::Connection::open(env.diary_path()).unwrap();
    conn.pragma_update(None, "user_version", 3).unwrap();
    drop(conn);
    let before = env.diary_files();
    let out = env.run(&["log", "list", "--date", DAY]);
    common::assert_no_panic(&out, "schema 3 with the columns of 4");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("schema version 3") && stderr.contains("untouched"), "{stderr}");
    assert_eq!(env.diary_files(), before);
}
