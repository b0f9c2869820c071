//! The USDA SR28 importer on fixtures in the real layout (Latin-1, CRLF, `~`-quoted,
//! `^`-separated), `marrow import usda-sr28` through the CLI, the real SR28 release when
//! present, and the shipped catalog asset checked against it so it can never drift.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

use marrow::domain::{Food, Nutrient, Portion};
use marrow::sources::{asset, sr28, SourceError};

use common::{assert_near, assert_refused, sr28_dir, Env};

/// One SR28 line: fields joined by `^`, ended by CRLF.
fn line(fields: &[&str]) -> Vec<u8> {
    let mut out = sr28_bytes(&fields.join("^"));
    out.extend_from_slice(b"\r\n");
    out
}

/// Test text as Latin-1 bytes (every char here is below U+0100).
fn sr28_bytes(text: &str) -> Vec<u8> {
    text.chars().map(|c| u8::try_from(u32::from(c)).expect("Latin-1 text")).collect()
}

/// A FOOD_DES record with its 14 fields.
fn food_des(id: &str, group: &str, name: &str, common: &str) -> Vec<u8> {
    let (id, group, name, common) =
        (format!("~{id}~"), format!("~{group}~"), format!("~{name}~"), format!("~{common}~"));
    line(&[&id, &group, &name, "~SHORT~", &common, "", "~Y~", "", "0", "", "6.25", "4.00", "9.00", "4.00"])
}

/// A NUT_DATA record with its 18 fields.
fn nut(id: &str, nutr: &str, value: &str) -> Vec<u8> {
    let (id, nutr) = (format!("~{id}~"), format!("~{nutr}~"));
    let mut f = vec![id.as_str(), nutr.as_str(), value, "1", "", "~1~"];
    f.extend(["", "", "", "", "", "", "", "", "", "", "~01/2016~", ""]);
    assert_eq!(f.len(), 18);
    line(&f)
}

/// A WEIGHT record with its 7 fields.
fn weight(id: &str, seq: &str, amount: &str, desc: &str, grams: &str) -> Vec<u8> {
    let (id, desc) = (format!("~{id}~"), format!("~{desc}~"));
    line(&[&id, seq, amount, &desc, grams, "", ""])
}

/// Writes a three-food SR28 release into `dir`. "Entrée" is the Latin-1 byte 0xE9; records
/// are out of order; the last line of each file lacks its CRLF, as SR28 allows.
fn write_fixture(dir: &Path) {
    let write = |name: &str, records: Vec<Vec<u8>>| {
        let mut bytes: Vec<u8> = records.concat();
        bytes.truncate(bytes.len() - 2);
        fs::write(dir.join(name), bytes).unwrap();
    };
    write("FD_GROUP.txt", vec![line(&["~9900~", "~Test Foods~"]), line(&["~9901~", "~Other Test Foods~"])]);
    write(
        "FOOD_DES.txt",
        vec![
            food_des("90003", "9901", "Testfood, both vitamin D forms", ""),
            food_des("90001", "9900", "Entrée, test casserole", "hotdish"),
            food_des("90002", "9901", "Testfood, no vitamin D", ""),
        ],
    );
    write(
        "NUT_DATA.txt",
        vec![
            nut("90001", "208", "150"),
            nut("90001", "304", "50"),
            nut("90001", "301", "120.5"),
            nut("90001", "324", "400"),
            nut("90001", "255", "70.1"), // water: not tracked
            nut("90002", "304", ""),     // empty: unknown, never zero
            nut("90002", "301", "0"),
            nut("90003", "304", "7"),
            nut("90003", "324", "400"),
            nut("90003", "328", "2.5"),
        ],
    );
    write(
        "WEIGHT.txt",
        vec![
            weight("90001", "2", "1", "slice", "30"),
            weight("90003", "1", "0.5", "cup", "61"),
            weight("90001", "3", "1", "oz", "28.35"),
            weight("90001", "1", "1", "cup", "200"),
        ],
    );
}

fn fixture() -> (tempfile::TempDir, Vec<Food>) {
    let tmp = tempfile::tempdir().unwrap();
    write_fixture(tmp.path());
    let foods = sr28::read_dir(tmp.path()).expect("fixture imports");
    (tmp, foods)
}

fn portion(amount: f64, description: &str, grams: f64) -> Portion {
    Portion { amount, description: description.into(), grams }
}

#[test]
fn importer_decodes_latin1_and_keeps_unknown_unknown() {
    let (_tmp, foods) = fixture();
    let ids: Vec<&str> = foods.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["90001", "90002", "90003"], "NDB order");

    let entree = &foods[0];
    assert_eq!(entree.name, "Entrée, test casserole", "0xE9 is é");
    assert_eq!(entree.group, "Test Foods");
    assert_eq!(entree.common_names, "hotdish");
    assert_eq!(entree.manufacturer, "");
    let v = &entree.per_100g;
    assert_eq!(v.get(Nutrient::Energy), Some(150.0));
    assert_eq!(v.get(Nutrient::Magnesium), Some(50.0));
    assert_eq!(v.get(Nutrient::Calcium), Some(120.5));
    assert_eq!(v.get(Nutrient::VitaminD), Some(10.0), "400 IU = 10 µg");
    assert_eq!(v.get(Nutrient::Zinc), None, "no record: unknown");
    let want = vec![portion(1.0, "cup", 200.0), portion(1.0, "slice", 30.0), portion(1.0, "oz", 28.35)];
    assert_eq!(entree.portions, want, "Seq order");

    let none = &foods[1];
    assert_eq!(none.group, "Other Test Foods");
    assert_eq!(none.per_100g.get(Nutrient::Magnesium), None, "^^ is unknown, not zero");
    assert_eq!(none.per_100g.get(Nutrient::Calcium), Some(0.0), "a measured zero stays zero");
    assert_eq!(none.per_100g.get(Nutrient::VitaminD), None, "no vitamin D at all is unknown");
    assert!(none.portions.is_empty());

    let both = &foods[2];
    assert_eq!(both.per_100g.get(Nutrient::VitaminD), Some(2.5), "µg wins over IU");
    assert_eq!(both.portions, vec![portion(0.5, "cup", 61.0)]);
}

#[test]
fn asset_round_trips_the_fixture_and_refuses_garbage() {
    let (_tmp, foods) = fixture();
    let bytes = asset::encode(&foods, "test source");
    let (source, decoded) = asset::decode(&bytes).expect("decode");
    assert_eq!(source, "test source");
    assert_eq!(decoded, foods);
    assert_ne!(asset::fingerprint(&bytes), asset::fingerprint(asset::EMBEDDED));

    let gz = |text: &str| {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(text.as_bytes()).unwrap();
        enc.finish().unwrap()
    };
    for bad in [b"hello".to_vec(), gz(""), gz("marrow-catalog\t999\tx\n"), gz("something-else\t1\tx\n")] {
        assert!(matches!(asset::decode(&bad), Err(SourceError::Asset { .. })));
    }
    let mut truncated = bytes.clone();
    truncated.truncate(bytes.len() / 2);
    assert!(asset::decode(&truncated).is_err());
}

#[test]
fn importer_refuses_malformed_releases_with_one_line() {
    type Spoil = fn(&Path);
    let cases: [(&str, Spoil); 5] = [
        ("missing WEIGHT.txt", |d| fs::remove_file(d.join("WEIGHT.txt")).unwrap()),
        ("value for an unknown food", |d| append(d, "NUT_DATA.txt", nut("99999", "304", "1"))),
        ("negative value", |d| append(d, "NUT_DATA.txt", nut("90002", "301", "-4"))),
        ("text value", |d| append(d, "NUT_DATA.txt", nut("90002", "301", "lots"))),
        ("too few fields", |d| append(d, "FOOD_DES.txt", line(&["~90009~", "~9900~"]))),
    ];
    for (what, spoil) in cases {
        let tmp = tempfile::tempdir().unwrap();
        write_fixture(tmp.path());
        spoil(tmp.path());
        let err = sr28::read_dir(tmp.path()).err().unwrap_or_else(|| panic!("{what}: accepted"));
        assert_eq!(err.to_string().lines().count(), 1, "{what}: {err}");
    }
}

fn append(dir: &Path, file: &str, record: Vec<u8>) {
    let mut bytes = fs::read(dir.join(file)).unwrap();
    bytes.extend_from_slice(b"\r\n");
    bytes.extend(record);
    fs::write(dir.join(file), bytes).unwrap();
}

#[test]
fn cli_import_replaces_the_catalog_but_not_history() {
    let env = Env::new();
    let tmp = tempfile::tempdir().unwrap();
    write_fixture(tmp.path());
    let fixture = tmp.path().to_str().expect("UTF-8 temp path");
    env.ok(&["log", "add", "12061", "30g", "--date", "2026-01-05"]);

    let out = env.ok(&["import", "usda-sr28", fixture]);
    assert!(out.contains("imported 3 foods and 4 portions"), "{out}");
    let hits = env.json(&["search", "entree", "--json"]);
    assert_eq!(hits[0]["id"], "90001");
    assert_eq!(hits[0]["name"], "Entrée, test casserole");
    assert_eq!(env.json(&["search", "casserole", "--json"])[0]["id"], "90001");
    let food = env.json(&["food", "show", "90001", "--json"]);
    assert_eq!(food["per_100g"]["vitamin_d_ug"], 10.0);
    assert!(food["per_100g"]["zinc_mg"].is_null());
    let descs: Vec<&str> =
        food["portions"].as_array().unwrap().iter().map(|p| p["description"].as_str().unwrap()).collect();
    assert_eq!(descs, ["cup", "slice", "oz"]);
    assert_eq!(
        env.json(&["food", "show", "90002", "--json"])["per_100g"]["vitamin_d_ug"],
        serde_json::Value::Null
    );
    assert_eq!(env.json(&["search", "almonds", "--json"]), serde_json::json!([]), "catalog replaced");
    assert_refused(&env.run(&["food", "show", "12061"]), "a food the import dropped");

    let e = env.json(&["log", "add", "90001", "1 slice", "--date", "2026-01-05", "--json"]);
    assert_eq!(e["grams"], 30.0);
    assert_near(&e["nutrients"]["magnesium_mg"], 15.0, "Mg of a slice");
    let day = env.json(&["day", "--date", "2026-01-05", "--json"]);
    assert_near(&day["totals"]["magnesium_mg"], 96.0, "the almonds logged before keep their 81 mg");

    // A failed import leaves the imported catalog in place.
    let broken = tempfile::tempdir().unwrap();
    write_fixture(broken.path());
    append(broken.path(), "NUT_DATA.txt", nut("99999", "304", "1"));
    assert_refused(&env.run(&["import", "usda-sr28", broken.path().to_str().unwrap()]), "bad release");
    assert_refused(&env.run(&["import", "usda-sr28", "/nonexistent/sr28"]), "missing dir");
    assert_eq!(env.json(&["search", "entree", "--json"])[0]["id"], "90001");
}

/// The real SR28 release, imported once per test run.
fn real_sr28() -> &'static Vec<Food> {
    static REAL: OnceLock<Vec<Food>> = OnceLock::new();
    REAL.get_or_init(|| sr28::read_dir(&sr28_dir()).expect("real SR28 imports"))
}

#[test]
#[cfg_attr(not(marrow_sr28), ignore = "needs the USDA SR28 release at ../shared/data/usda-sr28")]
fn real_sr28_imports_every_food_with_usda_figures() {
    let foods = real_sr28();
    assert_eq!(foods.len(), 8789);
    assert_eq!(foods.iter().map(|f| f.portions.len()).sum::<usize>(), 15438);
    assert!(foods.windows(2).all(|w| w[0].id < w[1].id), "NDB order");
    let by_id = |id: &str| foods.iter().find(|f| f.id == id).unwrap_or_else(|| panic!("{id} missing"));
    let mg_ca = |id: &str| {
        let v = by_id(id).per_100g;
        (v.get(Nutrient::Magnesium), v.get(Nutrient::Calcium))
    };
    assert_eq!(by_id("12061").name, "Nuts, almonds");
    assert_eq!(mg_ca("12061"), (Some(270.0), Some(269.0)));
    assert_eq!(mg_ca("11457"), (Some(79.0), Some(99.0)));
    assert_eq!(mg_ca("12014"), (Some(592.0), Some(46.0)));
    assert_eq!(by_id("12061").portions[0], portion(1.0, "cup, whole", 143.0));
    assert_eq!(by_id("19904").per_100g.get(Nutrient::VitaminD), None, "dark chocolate: D unknown");
    assert_eq!(by_id("22996").portions[0].description, "Entrée", "Latin-1 in WEIGHT.txt");
    let groups: std::collections::BTreeSet<&str> = foods.iter().map(|f| f.group.as_str()).collect();
    assert_eq!(groups.len(), 25);
    let unknown_d = foods.iter().filter(|f| f.per_100g.get(Nutrient::VitaminD).is_none()).count();
    assert!(unknown_d > 0 && unknown_d < foods.len(), "{unknown_d} foods without vitamin D");
}

#[test]
#[cfg_attr(not(marrow_sr28), ignore = "needs the USDA SR28 release at ../shared/data/usda-sr28")]
fn embedded_asset_is_exactly_the_real_sr28_import() {
    let foods = real_sr28();
    let (source, shipped) = asset::decode(asset::EMBEDDED).expect("embedded asset decodes");
    assert_eq!(source, asset::SR28_SOURCE);
    assert_eq!(shipped.len(), foods.len(), "food count");
    for (s, f) in shipped.iter().zip(foods) {
        assert_eq!(s, f, "food {} differs: regenerate assets/catalog.tsv.gz with marrow-catalog", f.id);
    }
}
