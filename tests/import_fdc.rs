//! `marrow import fdc DIR` on fixtures in the real FoodData Central CSV layout (quoted, header
//! rows, the real column names in another order with extra columns): one branded bar, one
//! Foundation and one SR Legacy food beside the SR28 catalog; re-imports, a new asset version
//! carrying the imported foods over, and bad files refused with the catalog left intact.

mod common;

use std::fs;
use std::path::Path;

use serde_json::Value;

use common::{assert_near, assert_refused, Env};
use marrow::domain::Nutrient;
use marrow::sources::fdc::{self, DataType};

const BAR: &str = "fdc:2345678";
const KALE: &str = "fdc:323505";
const PARMESAN: &str = "fdc:171247";

/// CSV text as FDC writes it: every field quoted, quotes doubled, one record a line.
fn csv(rows: &[&[&str]]) -> String {
    let mut out = String::new();
    for row in rows {
        let fields: Vec<String> = row.iter().map(|f| format!("\"{}\"", f.replace('"', "\"\""))).collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

/// Writes the fixture download into `dir`; `bar_name` and `bar_mg` vary between imports.
fn write_fixture(dir: &Path, bar_name: &str, bar_mg: &str) {
    let w = |name: &str, rows: &[&[&str]]| fs::write(dir.join(name), csv(rows)).unwrap();
    w(
        "food.csv",
        &[
            &["publication_date", "description", "fdc_id", "market_country", "data_type", "food_category_id"],
            &["2021-10-28", bar_name, "2345678", "United States", "branded_food", ""],
            &["2019-04-01", "Kale, raw", "323505", "", "foundation_food", "11"],
            &["2019-04-01", "Cheese, parmesan, hard", "171247", "", "sr_legacy_food", "1"],
            &["2020-10-30", "Milk, whole", "1097512", "", "survey_fndds_food", ""],
        ],
    );
    w(
        "food_category.csv",
        &[
            &["code", "id", "description"],
            &["0100", "1", "Dairy and Egg Products"],
            &["1100", "11", "Vegetables and Vegetable Products"],
        ],
    );
    w(
        "branded_food.csv",
        &[
            &[
                "ingredients",
                "serving_size_unit",
                "fdc_id",
                "household_serving_fulltext",
                "gtin_upc",
                "brand_name",
                "serving_size",
                "brand_owner",
                "branded_food_category",
                "market_country",
            ],
            &[
                "ALMONDS, \"DARK\" CHOCOLATE,\nPEA PROTEIN",
                "GRM",
                "2345678",
                "1 bar",
                "00850000123456",
                "NUTRIBAR",
                "40",
                "Nutribar Foods, Inc.",
                "Snack, Energy & Granola Bars",
                "United States",
            ],
        ],
    );
    w(
        "nutrient.csv",
        &[
            &["rank", "nutrient_nbr", "id", "unit_name", "name"],
            &["300", "208", "1008", "KCAL", "Energy"],
            &["300", "268", "1062", "kJ", "Energy"],
            &["280", "957", "2047", "KCAL", "Energy (Atwater General Factors)"],
            &["290", "958", "2048", "KCAL", "Energy (Atwater Specific Factors)"],
            &["600", "203", "1003", "G", "Protein"],
            &["5400", "301", "1087", "MG", "Calcium, Ca"],
            &["5700", "304", "1090", "MG", "Magnesium, Mg"],
            &["8700", "328", "1114", "UG", "Vitamin D (D2 + D3)"],
            &["8650", "324", "1110", "IU", "Vitamin D (D2 + D3), International Units"],
            &["15700", "601", "1253", "MG", "Cholesterol"],
        ],
    );
    w(
        "food_nutrient.csv",
        &[
            &[
                "id",
                "nutrient_id",
                "amount",
                "fdc_id",
                "derivation_id",
                "data_points",
                "min",
                "max",
                "footnote",
            ],
            &["1", "1008", "400", "2345678", "70", "", "", "", ""],
            &["2", "1062", "1674", "2345678", "70", "", "", "", ""],
            &["3", "1003", "25", "2345678", "70", "", "", "", ""],
            &["4", "1090", bar_mg, "2345678", "70", "", "", "", ""],
            &["5", "1087", "200", "2345678", "70", "", "", "", ""],
            &["6", "1110", "100", "2345678", "70", "", "", "", ""],
            &["7", "1062", "205", "323505", "46", "1", "", "", ""],
            &["18", "2047", "50", "323505", "46", "1", "", "", ""],
            &["19", "2048", "49", "323505", "46", "1", "", "", ""],
            &["8", "1090", "32.7", "323505", "46", "3", "30", "35", ""],
            &["9", "1087", "254", "323505", "46", "3", "", "", ""],
            &["10", "1114", "", "323505", "46", "", "", "", "no value"],
            &["11", "1008", "392", "171247", "1", "", "", "", ""],
            &["12", "1090", "44", "171247", "1", "", "", "", ""],
            &["13", "1087", "1184", "171247", "1", "", "", "", ""],
            &["14", "1114", "0.5", "171247", "1", "", "", "", ""],
            &["15", "1110", "21", "171247", "1", "", "", "", ""],
            &["16", "1253", "68", "171247", "1", "", "", "", ""],
            &["17", "1090", "10", "1097512", "1", "", "", "", ""],
        ],
    );
    w("measure_unit.csv", &[&["name", "id"], &["cup", "1000"], &["leaf", "1059"], &["undetermined", "9999"]]);
    w(
        "food_portion.csv",
        &[
            &[
                "id",
                "fdc_id",
                "gram_weight",
                "seq_num",
                "modifier",
                "portion_description",
                "amount",
                "measure_unit_id",
            ],
            &["1", "323505", "4.2", "2", "", "", "1", "1059"],
            &["2", "323505", "20.6", "1", "chopped", "", "1", "1000"],
            &["3", "171247", "28.35", "2", "oz", "", "1", "9999"],
            &["4", "171247", "100", "1", "cup", "", "1", "9999"],
        ],
    );
}

fn fixture(bar_name: &str, bar_mg: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write_fixture(tmp.path(), bar_name, bar_mg);
    tmp
}

fn path(dir: &tempfile::TempDir) -> &str {
    dir.path().to_str().expect("UTF-8 temp path")
}

fn ids(hits: &Value) -> Vec<String> {
    hits.as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect()
}

fn descriptions(food: &Value) -> Vec<(f64, String, f64)> {
    let portions = food["portions"].as_array().unwrap();
    portions
        .iter()
        .map(|p| {
            (
                p["amount"].as_f64().unwrap(),
                p["description"].as_str().unwrap().into(),
                p["grams"].as_f64().unwrap(),
            )
        })
        .collect()
}

/// How many foods the catalog holds, from the import's summary line.
fn catalog_size(summary: &str) -> usize {
    let tail = summary.split("the catalog holds ").nth(1).unwrap_or_else(|| panic!("no size in {summary}"));
    tail.split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn reader_matches_nutrients_by_number_and_unit() {
    let dir = fixture("CHOCOLATE ALMOND PROTEIN BAR", "120");
    let import = fdc::read_dir(dir.path(), &mut |_| {}).expect("fixture reads");
    assert_eq!(import.data_types, [DataType::Foundation, DataType::SrLegacy, DataType::Branded]);
    assert_eq!(import.skipped, 1, "the survey food");
    let by = |id: &str| import.foods.iter().find(|f| f.food.id == id).unwrap_or_else(|| panic!("{id}"));

    let bar = by(BAR);
    assert_eq!(
        (bar.fdc_id, bar.data_type, bar.gtin.as_str()),
        (2_345_678, DataType::Branded, "00850000123456")
    );
    assert_eq!(bar.food.manufacturer, "Nutribar Foods, Inc.");
    assert_eq!(bar.food.group, "Snack, Energy & Granola Bars");
    let v = bar.food.per_100g;
    assert_eq!(v.get(Nutrient::Energy), Some(400.0), "kcal (208), never kJ (268)");
    assert_eq!(v.get(Nutrient::VitaminD), Some(2.5), "100 IU / 40");
    assert_eq!(v.get(Nutrient::Zinc), None, "not given: unknown");

    let kale = by(KALE);
    assert_eq!(kale.food.group, "Vegetables and Vegetable Products");
    assert_eq!(
        kale.food.per_100g.get(Nutrient::Energy),
        Some(49.0),
        "no 208: the Atwater-specific kcal (958) over the general (957), never the kJ"
    );
    assert_eq!(kale.food.per_100g.get(Nutrient::VitaminD), None, "empty amount: unknown, not zero");
    let parmesan = by(PARMESAN);
    assert_eq!(parmesan.food.per_100g.get(Nutrient::VitaminD), Some(0.5), "µg wins over IU");
    assert_eq!(parmesan.food.group, "Dairy and Egg Products");
}

#[test]
fn imported_foods_sit_beside_sr28_and_leave_the_diary_alone() {
    let env = Env::new();
    let dir = fixture("CHOCOLATE ALMOND PROTEIN BAR", "120");
    env.ok(&["log", "add", "12061", "30g", "--date", "2026-01-05"]);
    env.ok(&["food", "add", "Grandma's rye bread", "--per-100g", "magnesium_mg=40"]);

    let out = env.ok(&["import", "fdc", path(&dir)]);
    assert!(out.contains("imported 3 FDC foods (1 Foundation, 1 SR Legacy, 1 Branded)"), "{out}");

    let hits = env.json(&["search", "protein", "bar", "--json"]);
    assert_eq!(ids(&hits)[0], BAR, "{hits}");
    assert_eq!(hits[0]["per_100g"]["magnesium_mg"], 120.0);
    assert_eq!(hits[0]["per_100g"]["calcium_mg"], 200.0);
    assert_eq!(hits[0]["per_100g"]["energy_kcal"], 400.0);
    let bar = env.json(&["food", "show", BAR, "--json"]);
    assert_eq!(bar["manufacturer"], "Nutribar Foods, Inc.");
    assert_eq!(
        (&bar["source"], &bar["fdc_id"], &bar["gtin"]),
        (&"FDC Branded".into(), &2_345_678.into(), &"00850000123456".into())
    );
    assert_eq!(descriptions(&bar), [(1.0, "serving".into(), 40.0), (1.0, "bar".into(), 40.0)]);
    let shown = env.ok(&["food", "show", "FDC:2345678"]);
    assert!(shown.contains("CHOCOLATE ALMOND PROTEIN BAR"), "{shown}");
    assert!(shown.contains("FDC Branded 2345678, Nutribar Foods, Inc., barcode 00850000123456"), "{shown}");

    let e = env.json(&["log", "add", BAR, "1 serving", "--date", "2026-01-05", "--json"]);
    assert_eq!((e["food_id"].as_str(), e["grams"].as_f64()), (Some(BAR), Some(40.0)));
    assert_near(&e["nutrients"]["magnesium_mg"], 48.0, "Mg of one 40 g serving");
    assert_eq!(env.json(&["log", "add", BAR, "2 bars", "--date", "2026-01-05", "--json"])["grams"], 80.0);

    assert!(ids(&env.json(&["search", "kale", "--json"])).contains(&KALE.to_string()));
    let kale = env.json(&["food", "show", KALE, "--json"]);
    assert_eq!(
        descriptions(&kale),
        [(1.0, "cup, chopped".into(), 20.6), (1.0, "leaf".into(), 4.2)],
        "seq_num order"
    );
    let parmesan = env.json(&["food", "show", PARMESAN, "--json"]);
    assert_eq!(descriptions(&parmesan), [(1.0, "cup".into(), 100.0), (1.0, "oz".into(), 28.35)]);
    assert_eq!(env.json(&["log", "add", PARMESAN, "1 oz", "--date", "2026-01-05", "--json"])["grams"], 28.35);

    assert_eq!(env.json(&["food", "show", "12061", "--json"])["name"], "Nuts, almonds", "SR28 stays");
    assert_eq!(ids(&env.json(&["search", "almonds", "--json"]))[0], "12061");
    assert_refused(&env.run(&["food", "show", "fdc:1097512"]), "survey foods are not imported");
    assert_refused(&env.run(&["log", "add", "fdc:999", "1 serving"]), "an unknown fdc id");

    let entries = env.json(&["log", "list", "--date", "2026-01-05", "--json"]);
    let logged: Vec<&str> =
        entries.as_array().unwrap().iter().map(|e| e["food_id"].as_str().unwrap()).collect();
    assert_eq!(logged, ["12061", BAR, BAR, PARMESAN]);
    assert_eq!(entries[0]["grams"], 30.0);
    let custom = env.json(&["food", "show", "c1", "--json"]);
    assert_eq!(custom["per_100g"]["magnesium_mg"], 40.0, "custom food untouched");
}

#[test]
fn reimport_replaces_its_data_types_without_duplicates() {
    let env = Env::new();
    let first = env.ok(&["import", "fdc", path(&fixture("CHOCOLATE ALMOND PROTEIN BAR", "120"))]);
    let again = env.ok(&["import", "fdc", path(&fixture("CHOCOLATE ALMOND PROTEIN BAR", "120"))]);
    assert_eq!(catalog_size(&first), catalog_size(&again), "{first}\n{again}");
    assert!(again.contains("replaced 3 earlier FDC foods"), "{again}");
    let hits = ids(&env.json(&["search", "protein", "bar", "--json"]));
    assert_eq!(hits.iter().filter(|id| *id == BAR).count(), 1, "no duplicates: {hits:?}");

    // A branded-only download replaces the branded foods and keeps the others.
    let branded = fixture("PEANUT CRUNCH PROTEIN BAR", "99");
    let food_csv = fs::read_to_string(branded.path().join("food.csv")).unwrap();
    let only: Vec<&str> =
        food_csv.lines().filter(|l| !l.contains("_food\"") || l.contains("branded")).collect();
    fs::write(branded.path().join("food.csv"), only.join("\n")).unwrap();
    let third = env.ok(&["import", "fdc", path(&branded)]);
    assert!(third.contains("imported 1 FDC foods (1 Branded)") && third.contains("replaced 1 "), "{third}");
    assert_eq!(catalog_size(&third), catalog_size(&first));
    let bar = env.json(&["food", "show", BAR, "--json"]);
    assert_eq!(
        (bar["name"].as_str(), bar["per_100g"]["magnesium_mg"].as_f64()),
        (Some("PEANUT CRUNCH PROTEIN BAR"), Some(99.0))
    );
    let hits = env.json(&["search", "protein", "bar", "--json"]);
    let bars: Vec<&Value> = hits.as_array().unwrap().iter().filter(|h| h["id"] == BAR).collect();
    assert_eq!(bars.len(), 1, "{hits}");
    assert_eq!(bars[0]["name"], "PEANUT CRUNCH PROTEIN BAR");
    assert_eq!(env.json(&["food", "show", KALE, "--json"])["name"], "Kale, raw", "Foundation kept");
}

#[test]
fn a_new_asset_version_carries_imported_foods_over() {
    let env = Env::new();
    env.ok(&["import", "fdc", path(&fixture("CHOCOLATE ALMOND PROTEIN BAR", "120"))]);
    let key = |env: &Env| -> String {
        let conn = rusqlite::Connection::open(env.catalog_path()).unwrap();
        conn.query_row("SELECT value FROM meta WHERE key = 'build'", [], |r| r.get(0)).unwrap()
    };
    let current = key(&env);
    // As if an older marrow with another asset had built this catalog.db.
    let conn = rusqlite::Connection::open(env.catalog_path()).unwrap();
    conn.execute("UPDATE meta SET value = 'catalog-schema-3/v1-0000000000000000' WHERE key = 'build'", [])
        .unwrap();
    drop(conn);

    assert_eq!(ids(&env.json(&["search", "protein", "bar", "--json"]))[0], BAR, "carried over");
    assert_eq!(key(&env), current, "rebuilt for this asset");
    let bar = env.json(&["food", "show", BAR, "--json"]);
    assert_eq!(descriptions(&bar).len(), 2, "with its portions");
    assert_eq!(bar["per_100g"]["vitamin_d_ug"], 2.5);
    assert_eq!(env.json(&["food", "show", "12061", "--json"])["name"], "Nuts, almonds");

    // An unreadable catalog is rebuilt from the asset: nothing is left to carry.
    fs::write(env.catalog_path(), b"not a database").unwrap();
    assert_eq!(ids(&env.json(&["search", "almonds", "--json"]))[0], "12061");
    assert_refused(&env.run(&["food", "show", BAR]), "gone with the damaged file");
}

#[test]
fn bad_files_are_refused_and_the_catalog_stays() {
    let env = Env::new();
    env.ok(&["import", "fdc", path(&fixture("CHOCOLATE ALMOND PROTEIN BAR", "120"))]);
    let before = fs::read(env.catalog_path()).unwrap();

    let no_food = fixture("X", "1");
    fs::remove_file(no_food.path().join("food.csv")).unwrap();
    let out = env.run(&["import", "fdc", path(&no_food)]);
    assert_refused(&out, "missing food.csv");
    assert!(String::from_utf8_lossy(&out.stderr).contains("food.csv"));

    let bad_amount = fixture("X", "lots");
    let out = env.run(&["import", "fdc", path(&bad_amount)]);
    assert_refused(&out, "non-numeric amount");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("food_nutrient.csv:5:") && err.contains("\"lots\""), "{err}");

    let bad_serving = fixture("X", "1");
    let text = fs::read_to_string(bad_serving.path().join("branded_food.csv")).unwrap();
    fs::write(bad_serving.path().join("branded_food.csv"), text.replace("\"40\"", "\"forty\"")).unwrap();
    let out = env.run(&["import", "fdc", path(&bad_serving)]);
    assert_refused(&out, "non-numeric serving size");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("branded_food.csv:2:"),
        "line of the record's start"
    );

    let no_column = fixture("X", "1");
    let text = fs::read_to_string(no_column.path().join("food.csv")).unwrap();
    fs::write(no_column.path().join("food.csv"), text.replacen("\"fdc_id\"", "\"id\"", 1)).unwrap();
    let out = env.run(&["import", "fdc", path(&no_column)]);
    assert_refused(&out, "no fdc_id column");
    assert!(String::from_utf8_lossy(&out.stderr).contains("food.csv:1: no column \"fdc_id\""));

    assert_refused(&env.run(&["import", "fdc", "/nonexistent/fdc"]), "missing dir");
    assert_eq!(fs::read(env.catalog_path()).unwrap(), before, "catalog.db untouched");
    assert_eq!(env.json(&["food", "show", BAR, "--json"])["per_100g"]["magnesium_mg"], 120.0);
}

#[test]
#[cfg_attr(not(marrow_sr28), ignore = "needs the USDA SR28 release at ../shared/data/usda-sr28")]
fn an_sr28_import_keeps_the_fdc_foods() {
    let sr28 = common::sr28_dir();
    let env = Env::new();
    env.ok(&["import", "fdc", path(&fixture("CHOCOLATE ALMOND PROTEIN BAR", "120"))]);
    env.ok(&["import", "usda-sr28", sr28.to_str().unwrap()]);
    assert_eq!(env.json(&["food", "show", BAR, "--json"])["per_100g"]["magnesium_mg"], 120.0);
    assert_eq!(env.json(&["food", "show", "12061", "--json"])["name"], "Nuts, almonds");
}

/// A branded food's barcode finds it, typed or scanned (a scanner types the digits and Enter):
/// as GTIN-14, as the 12-digit UPC-A on the pack, in `search`, `log add` and `food show`.
#[test]
fn a_barcode_finds_its_product_in_search_and_log_add() {
    let env = Env::new();
    let dir = fixture("CHOCOLATE ALMOND PROTEIN BAR", "120");
    env.ok(&["import", "fdc", path(&dir)]);
    for code in ["00850000123456", "850000123456", "0850000123456"] {
        let hits = env.json(&["search", code, "--json"]);
        assert_eq!(ids(&hits), [BAR.to_string()], "{code}: {hits}");
        assert_eq!(env.json(&["food", "show", code, "--json"])["id"], BAR, "{code}");
    }
    let e = env.json(&["log", "add", "850000123456", "1 serving", "--date", "2026-01-05", "--json"]);
    assert_eq!((e["food_id"].as_str(), e["grams"].as_f64()), (Some(BAR), Some(40.0)));
    // A code no food carries is not found, and nothing is logged.
    let out = env.run(&["log", "add", "850000999999", "1 serving", "--date", "2026-01-05"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(env.json(&["search", "850000999999", "--json"]).as_array().unwrap().is_empty());
    assert_eq!(env.json(&["log", "list", "--date", "2026-01-05", "--json"]).as_array().unwrap().len(), 1);
}
