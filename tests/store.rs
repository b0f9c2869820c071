//! The SQLite stores on real files in temporary directories: the diary's entries, profile,
//! schema version and refusals (left byte-for-byte untouched), private permissions, and the
//! catalog built from the embedded asset and rebuilt when damaged.

mod common;

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use marrow::domain::browse::Basis;
use marrow::domain::nutrient::NutrientValues;
use marrow::domain::{Food, Meal, NewEntry, Nutrient, Portion, Profile, Sex};
use marrow::store::{Catalog, Diary, StoreError, DIARY_SCHEMA_VERSION};

use common::Env;

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, d).expect("date")
}

fn almonds_per_100g() -> NutrientValues {
    let mut v = NutrientValues::unknown();
    v.set(Nutrient::Magnesium, Some(270.0));
    v.set(Nutrient::Calcium, Some(269.0));
    v.set(Nutrient::Energy, Some(579.0));
    v
}

fn new_entry(day: u32, meal: Meal, grams: f64) -> NewEntry {
    NewEntry {
        date: date(day),
        meal,
        food_id: "12061".into(),
        food_name: "Nuts, almonds".into(),
        grams,
        quantity: format!("{grams}g"),
        logged_at: "2026-01-05T08:00:00+00:00".into(),
        per_100g: almonds_per_100g(),
    }
}

/// The names of the files in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn diary_adds_lists_updates_moves_and_removes_entries() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("diary.db");
    let mut diary = Diary::open(&path).expect("new diary");
    let dinner = diary.add_entry(&new_entry(5, Meal::Dinner, 30.0)).expect("add");
    let breakfast = diary.add_entry(&new_entry(5, Meal::Breakfast, 10.0)).expect("add");
    let other_day = diary.add_entry(&new_entry(6, Meal::Lunch, 20.0)).expect("add");
    assert!(dinner.id > 0 && breakfast.id > dinner.id && other_day.id > breakfast.id);
    assert_eq!(dinner.grams, 30.0);
    assert_eq!(dinner.quantity, "30g");
    assert_eq!(dinner.per_100g, almonds_per_100g(), "entries keep their per-100 g figures");
    assert_eq!(dinner.per_100g.get(Nutrient::VitaminD), None, "unknown stays unknown");
    assert_eq!(dinner.nutrients().get(Nutrient::Magnesium), Some(81.0));

    let day: Vec<i64> = diary.day_entries(date(5)).unwrap().iter().map(|e| e.id).collect();
    assert_eq!(day, vec![breakfast.id, dinner.id], "meal order, not logging order");
    assert_eq!(diary.range_entries(date(5), date(6)).unwrap().len(), 3);
    assert!(diary.day_entries(date(7)).unwrap().is_empty());

    let updated = diary.update_amount(dinner.id, 45.0, "45 g").expect("update");
    assert_eq!((updated.grams, updated.quantity.as_str()), (45.0, "45 g"));
    assert_eq!(updated.per_100g, dinner.per_100g);
    let moved = diary.move_entry(dinner.id, Meal::Breakfast).expect("move");
    assert_eq!(moved.meal, Meal::Breakfast);
    assert_eq!(diary.entry(dinner.id).unwrap().as_ref(), Some(&moved));

    let removed = diary.remove_entry(breakfast.id).expect("remove");
    assert_eq!(removed, breakfast);
    assert_eq!(diary.entry(breakfast.id).unwrap(), None);
    assert!(matches!(diary.remove_entry(breakfast.id), Err(StoreError::NoSuchEntry(_))));
    assert!(matches!(diary.update_amount(9999, 1.0, "1 g"), Err(StoreError::NoSuchEntry(9999))));
    assert!(matches!(diary.move_entry(9999, Meal::Lunch), Err(StoreError::NoSuchEntry(9999))));
    assert!(diary.update_amount(dinner.id, 0.0, "0 g").is_err(), "the schema refuses 0 g");
    assert_eq!(diary.entry(dinner.id).unwrap().unwrap().grams, 45.0);

    let restored = diary.restore_entry(&removed).expect("undo");
    assert_eq!(restored, removed, "undo brings back the same id and figures");
    drop(diary);

    // Everything is on disk: a new connection sees it.
    let diary = Diary::open(&path).expect("reopen");
    let ids: Vec<i64> = diary.day_entries(date(5)).unwrap().iter().map(|e| e.id).collect();
    assert_eq!(ids, vec![dinner.id, breakfast.id], "both breakfast now: logging order");
    assert_eq!(diary.entry(dinner.id).unwrap().unwrap().meal, Meal::Breakfast);
}

#[test]
fn diary_profile_defaults_then_persists() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("diary.db");
    let mut diary = Diary::open(&path).unwrap();
    assert_eq!(diary.profile().unwrap(), Profile::default());
    let p = Profile {
        sex: Sex::Male,
        age: 67,
        age_months: None,
        pregnant: false,
        lactating: false,
        weight_kg: Some(80.5),
        default: false,
        overrides: Default::default(),
    };
    diary.set_profile(&p, "2026-01-05T08:00:00+00:00").unwrap();
    drop(diary);
    assert_eq!(Diary::open(&path).unwrap().profile().unwrap(), p);
}

#[test]
fn diary_records_its_schema_version_and_sees_other_writers() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("diary.db");
    let reader = Diary::open(&path).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, DIARY_SCHEMA_VERSION);
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    drop(conn);
    // Opening again does not migrate twice.
    let mut writer = Diary::open(&path).unwrap();
    let before = reader.data_version().unwrap();
    writer.add_entry(&new_entry(5, Meal::Lunch, 30.0)).unwrap();
    assert_ne!(reader.data_version().unwrap(), before, "another connection's commit shows");
    assert_eq!(reader.day_entries(date(5)).unwrap().len(), 1);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    for content in [&b"hello"[..], &[0u8; 4096], b"SQLite format 3\0 but then nothing of the sort"] {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("diary.db");
        fs::write(&path, content).unwrap();
        let files = listing(tmp.path());
        let err = Diary::open(&path).err().unwrap_or_else(|| panic!("{content:?} was accepted"));
        assert!(
            matches!(err, StoreError::NotADatabase { .. } | StoreError::Corrupt { .. }),
            "{content:?}: {err}"
        );
        assert!(err.to_string().contains("untouched"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), content, "the file was changed");
        assert_eq!(listing(tmp.path()), files, "no journal or other file appeared");
    }
}

#[test]
fn another_programs_sqlite_database_is_refused_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("diary.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('stew');").unwrap();
    }
    let bytes = fs::read(&path).unwrap();
    let err = Diary::open(&path).err().expect("a foreign database was opened");
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err}");
    assert_eq!(fs::read(&path).unwrap(), bytes, "the foreign database was changed");
}

#[test]
fn a_diary_from_a_newer_marrow_is_refused_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("diary.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        // A newer marrow marks its diaries as marrow's, as this one does.
        conn.execute_batch(&format!(
            "CREATE TABLE future (x); INSERT INTO future VALUES (1); PRAGMA user_version = 99;
             PRAGMA application_id = {};",
            marrow::store::APPLICATION_ID
        ))
        .unwrap();
    }
    let bytes = fs::read(&path).unwrap();
    let files = listing(tmp.path());
    match Diary::open(&path) {
        Err(StoreError::TooNew { found, known, .. }) => {
            assert_eq!((found, known), (99, DIARY_SCHEMA_VERSION));
        }
        Err(e) => panic!("wrong refusal: {e}"),
        Ok(_) => panic!("a schema-99 diary was opened"),
    }
    assert_eq!(fs::read(&path).unwrap(), bytes, "the newer diary was changed");
    assert_eq!(listing(tmp.path()), files);
}

#[cfg(unix)]
#[test]
fn data_dir_and_databases_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;

    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g", "--date", "2026-01-05"]);
    assert_eq!(mode(&env.data), 0o700, "data dir");
    for name in listing(&env.data) {
        assert_eq!(mode(&env.data.join(&name)), 0o600, "{name}");
    }
    assert_eq!(mode(&env.diary_path()), 0o600);
    assert_eq!(mode(&env.catalog_path()), 0o600);

    // The library's Context does the same for a directory it has to create.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nested/data");
    let ctx = marrow::cli::Context::new(Some(dir.clone())).unwrap();
    drop(ctx.diary().expect("diary"));
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("diary.db")), 0o600);
}

#[test]
fn concurrent_first_runs_all_succeed_and_lose_nothing() {
    let env = Env::new();
    let children: Vec<_> = (1..=6)
        .map(|i| {
            let grams = format!("{}g", i * 10);
            let mut cmd = env.process();
            cmd.args(["log", "add", "12061", &grams, "--date", "2026-01-05"]);
            cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::piped());
            cmd.spawn().expect("spawn marrow")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let list = env.json(&["log", "list", "--date", "2026-01-05", "--json"]);
    let mut grams: Vec<f64> = list.as_array().unwrap().iter().map(|e| e["grams"].as_f64().unwrap()).collect();
    grams.sort_by(f64::total_cmp);
    assert_eq!(grams, [10.0, 20.0, 30.0, 40.0, 50.0, 60.0]);
    assert!(listing(&env.data).iter().all(|n| !n.ends_with(".tmp")), "{:?}", listing(&env.data));
}

#[test]
fn catalog_builds_from_the_embedded_asset_once() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("catalog.db");
    let mut built = false;
    let catalog = Catalog::open(&path, || built = true).expect("build");
    assert!(built, "an empty directory needs a build");
    assert_eq!(catalog.len().unwrap(), 8789);
    assert_eq!(catalog.groups().unwrap().len(), 25);
    let almonds = catalog.food("12061").unwrap().expect("almonds");
    assert_eq!(almonds.name, "Nuts, almonds");
    assert_eq!(almonds.per_100g.get(Nutrient::Magnesium), Some(270.0));
    assert_eq!(almonds.portions[0], Portion { amount: 1.0, description: "cup, whole".into(), grams: 143.0 });
    assert_eq!(catalog.search("almonds", 5).unwrap()[0].id, "12061");
    assert_eq!(catalog.search("pumpkin seeds", 20).unwrap().iter().filter(|f| f.id == "12014").count(), 1);
    assert!(catalog.search("\"*(:^", 5).unwrap().is_empty());
    assert_eq!(catalog.food("99999").unwrap(), None);
    let top = catalog.top_by(Nutrient::Magnesium, Basis::Per100g, None, 10).unwrap();
    let mg: Vec<f64> = top.iter().map(|r| r.food.per_100g.get(Nutrient::Magnesium).unwrap()).collect();
    assert!(mg.windows(2).all(|w| w[0] >= w[1]), "descending: {mg:?}");
    drop(catalog);

    let mut rebuilt = false;
    let again = Catalog::open(&path, || rebuilt = true).unwrap();
    assert!(!rebuilt, "an up-to-date catalog is reused");
    assert_eq!(again.len().unwrap(), 8789);
    assert!(listing(tmp.path()).iter().all(|n| !n.ends_with(".tmp")), "no temporary file left");
}

#[test]
fn a_garbage_catalog_is_rebuilt_silently() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("catalog.db");
    fs::write(&path, b"this is not a catalog").unwrap();
    let mut built = false;
    let catalog = Catalog::open(&path, || built = true).expect("rebuilt");
    assert!(built);
    assert_eq!(catalog.len().unwrap(), 8789);

    // Through the command line: no message, no failure.
    let env = Env::new();
    fs::create_dir_all(&env.data).unwrap();
    fs::write(env.catalog_path(), vec![0xAB; 10_000]).unwrap();
    let out = env.run(&["search", "almonds", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits[0]["id"], "12061");
}

#[test]
fn a_replaced_catalog_stays_until_the_asset_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("catalog.db");
    let mut per_100g = NutrientValues::unknown();
    per_100g.set(Nutrient::Magnesium, Some(12.5));
    let food = Food {
        id: "90001".into(),
        name: "Entrée, test casserole".into(),
        group: "Test Foods".into(),
        common_names: String::new(),
        manufacturer: String::new(),
        in_survey: false,
        per_100g,
        portions: vec![Portion { amount: 1.0, description: "cup".into(), grams: 200.0 }],
    };
    let catalog = Catalog::replace(&path, std::slice::from_ref(&food)).unwrap();
    assert_eq!(catalog.len().unwrap(), 1);
    drop(catalog);
    let catalog = Catalog::open(&path, || panic!("an imported catalog must not be rebuilt")).unwrap();
    assert_eq!(catalog.food("90001").unwrap(), Some(food));
    assert_eq!(catalog.search("entree", 5).unwrap()[0].id, "90001", "diacritics fold");
    assert_eq!(catalog.search("Entrée", 5).unwrap()[0].id, "90001");
}

/// Pages damaged inside catalog.db (its header whole) surface only when a search reads them:
/// marrow then checks the catalog, rebuilds it (it is derived data) and says to run the
/// command again, which works; it never kept failing with SQLite's "malformed".
#[test]
fn a_catalog_damaged_inside_is_rebuilt_when_a_command_meets_the_damage() {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g"]);
    let mut bytes = std::fs::read(env.catalog_path()).unwrap();
    bytes[4096 * 50..4096 * 70].fill(0x55);
    std::fs::write(env.catalog_path(), &bytes).unwrap();
    let out = env.run(&["search", "almonds"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("catalog.db) was damaged; marrow rebuilt it"), "{stderr}");
    assert!(env.ok(&["search", "almonds"]).contains("Nuts, almonds"));
    assert!(env.ok(&["log", "list"]).contains("almonds"), "the diary as it was");
}
