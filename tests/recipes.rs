//! Recipes through the real binary: ingredient lines resolved as `log add` resolves them, a
//! recipe's figures against the sum of its ingredients logged one by one (per serving and per
//! gram of cooked weight), close calls listed with nothing saved, edits that leave history as
//! it was, the unknown counts `day` says, and the names refused when taken.

mod common;

use std::io::Write;
use std::process::{Output, Stdio};

use common::{assert_no_panic, assert_refused, Env};
use serde_json::Value;

const YESTERDAY: &str = "2026-03-01";
const DAY: &str = "2026-03-02";
const SUMS: &str = "2026-02-01";

/// Four ingredients, each a clear line (black beans, brown rice, olive oil, canned tomatoes).
const CHILI: &str = "# chili for six\n200 g black beans cooked\n1 cup brown rice cooked\n\n\
                     2 tbsp olive oil\n400 g tomatoes canned\n";

/// marrow with `args`, `input` on standard input.
fn with_stdin(env: &Env, args: &[&str], input: &str) -> Output {
    let mut child = env
        .process()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start marrow");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("run marrow")
}

fn add_chili(env: &Env, extra: &[&str]) -> Value {
    let mut args = vec!["recipe", "add", "chili", "--json"];
    args.extend_from_slice(extra);
    let out = with_stdin(env, &args, CHILI);
    assert!(out.status.success(), "recipe add: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn entries(env: &Env, date: &str) -> Vec<Value> {
    env.json(&["log", "list", "--date", date, "--json"]).as_array().cloned().unwrap_or_default()
}

/// The ingredients of `recipe` logged one by one on `SUMS`, their nutrients added up.
fn sum_of_entries(env: &Env, recipe: &Value) -> serde_json::Map<String, Value> {
    for ing in recipe["ingredients"].as_array().unwrap() {
        let (id, q) = (ing["food_id"].as_str().unwrap(), ing["quantity"].as_str().unwrap());
        env.ok(&["log", "add", id, q, "--date", SUMS]);
    }
    let mut sum = serde_json::Map::new();
    for e in entries(env, SUMS) {
        for (k, v) in e["nutrients"].as_object().unwrap() {
            let add = v.as_f64();
            let was = sum.get(k).cloned().unwrap_or(Value::from(0.0));
            let both = match (was.as_f64(), add) {
                (Some(a), Some(b)) => Value::from(a + b),
                _ => Value::Null,
            };
            sum.insert(k.clone(), both);
        }
    }
    sum
}

/// Every nutrient known in `sum` is `times` the one in `got`, within 0.1 (mg for most).
fn assert_share(got: &Value, sum: &serde_json::Map<String, Value>, share: f64, what: &str) {
    let mut checked = 0;
    for (k, v) in sum {
        let Some(s) = v.as_f64() else {
            assert!(got[k].is_null(), "{what}: {k} unknown in an ingredient, so unknown: {}", got[k]);
            continue;
        };
        let g = got[k].as_f64().unwrap_or_else(|| panic!("{what}: {k} missing"));
        assert!((g - s * share).abs() < 0.1, "{what}: {k} is {g}, not {}", s * share);
        checked += 1;
    }
    assert!(checked > 10, "{what}: only {checked} nutrients compared");
}

#[test]
fn a_chili_of_four_logs_one_sixth_of_its_ingredients_and_an_edit_keeps_yesterday() {
    let env = Env::new();
    let chili = add_chili(&env, &["--servings", "6"]);
    assert_eq!(chili["ingredient_count"], 4, "blank lines and comments skipped: {chili}");
    let sum = sum_of_entries(&env, &chili);
    assert!(sum["magnesium_mg"].as_f64().unwrap() > 200.0, "{sum:?}");

    let logged = env.json(&["log", "add", "1 serving chili", "--date", YESTERDAY, "--json"]);
    assert_eq!(logged["food_id"], "r1");
    assert_eq!(logged["quantity"], "1 serving");
    assert_share(&logged["nutrients"], &sum, 1.0 / 6.0, "1 serving");
    let also = env.json(&["log", "add", "chili", "1 serving", "--date", YESTERDAY, "--json"]);
    assert_eq!(also["nutrients"], logged["nutrients"], "words and amount apart log the same");
    assert_share(&chili["per_serving"], &sum, 1.0 / 6.0, "recipe show's serving");

    let before = entries(&env, YESTERDAY);
    let edited = with_stdin(&env, &["recipe", "edit", "chili"], "100 g black beans cooked\n");
    assert!(edited.status.success(), "{}", String::from_utf8_lossy(&edited.stderr));
    assert_eq!(entries(&env, YESTERDAY), before, "yesterday's entries keep their figures");
    let today = env.json(&["log", "add", "r1", "1 serving", "--date", DAY, "--json"]);
    // 100 g of black beans (70 mg Mg per 100 g) in six servings.
    assert!((today["nutrients"]["magnesium_mg"].as_f64().unwrap() - 70.0 / 6.0).abs() < 0.1, "{today}");
}

#[test]
fn a_cooked_weight_makes_grams_of_the_dish() {
    let env = Env::new();
    let chili = add_chili(&env, &["--servings", "4", "--weight", "600g"]);
    let sum = sum_of_entries(&env, &chili);
    let e = env.json(&["log", "add", "chili", "150 g", "--date", DAY, "--json"]);
    assert_share(&e["nutrients"], &sum, 150.0 / 600.0, "150 g of a 600 g dish");
    let s = env.json(&["log", "add", "chili", "1 serving", "--date", DAY, "--json"]);
    assert_eq!(s["grams"], 150.0, "a serving is a quarter of the cooked weight");
    assert_share(&s["nutrients"], &sum, 0.25, "1 serving of 4");
}

#[test]
fn close_calls_and_unknown_foods_are_all_listed_and_nothing_is_saved() {
    let env = Env::new();
    env.ok(&["log", "add", "almonds", "30 g", "--date", DAY]);
    let files = env.diary_files();
    let out =
        with_stdin(&env, &["recipe", "add", "stew"], "200 g beans\n100 g zzqqxx\n1 cup brown rice cooked\n");
    assert_refused(&out, "lines that do not resolve");
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("line 1 \"200 g beans\" could be any of"), "{listed}");
    assert!(listed.contains("line 2 \"100 g zzqqxx\": no food matches"), "{listed}");
    assert!(!listed.contains("line 3"), "the clear line is not listed: {listed}");
    assert_eq!(env.diary_files(), files, "the diary is as it was");
    assert_eq!(env.json(&["recipe", "list", "--json"]), Value::Array(vec![]));
    let empty = with_stdin(&env, &["recipe", "add", "stew"], "# nothing\n\n");
    assert_refused(&empty, "no ingredient lines");
}

#[test]
fn day_says_how_many_ingredients_lacked_a_nutrient() {
    let env = Env::new();
    let c = env.json(&["food", "add", "house sauce", "--per-100g", "magnesium_mg=10", "--json"]);
    assert_eq!(c["id"], "c1");
    let lines = "200 g black beans cooked\n50 g c1\n";
    let r = with_stdin(&env, &["recipe", "add", "beans in sauce", "--servings", "2", "--json"], lines);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let r: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(r["unknown"]["vitamin_d_ug"], 1, "{r}");
    assert!(r["per_serving"]["vitamin_d_ug"].is_null(), "unknown is not zero: {r}");
    assert!(r["per_serving"]["magnesium_mg"].as_f64().unwrap() > 0.0);
    env.ok(&["log", "add", "beans in sauce", "1 serving", "--date", DAY]);
    let day = env.ok(&["day", "--date", DAY]);
    assert!(
        day.contains("beans in sauce: ") && day.contains("vitamin D unknown for 1 of 2 ingredients"),
        "{day}"
    );
    let shown = env.ok(&["recipe", "show", "beans in sauce"]);
    assert!(shown.contains("vitamin D unknown for 1 of 2 ingredients"), "{shown}");
}

#[test]
fn names_taken_are_refused_and_removing_keeps_history() {
    let env = Env::new();
    add_chili(&env, &[]);
    let again = with_stdin(&env, &["recipe", "add", "Chili"], CHILI);
    assert_refused(&again, "a duplicate name");
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
    with_stdin(&env, &["recipe", "add", "soup"], "300 g tomatoes canned\n");
    assert_refused(&env.run(&["recipe", "rename", "soup", "CHILI"]), "a rename onto a taken name");
    env.ok(&["recipe", "rename", "chili", "chili con carne"]);
    let search = env.json(&["search", "chili con carne", "--json", "--limit", "3"]);
    assert_eq!(search[0]["id"], "r1", "{search}");
    env.ok(&["log", "add", "r1", "1 serving", "--date", DAY]);
    let before = entries(&env, DAY);
    env.ok(&["recipe", "rm", "chili con carne"]);
    assert_eq!(entries(&env, DAY), before, "entries of a removed recipe stay");
    assert_refused(&env.run(&["recipe", "show", "r1"]), "a removed recipe");
    assert_refused(&env.run(&["log", "add", "r1", "1 serving"]), "a removed recipe's id");
    let list = env.ok(&["recipe", "list"]);
    assert!(list.contains("soup") && !list.contains("chili"), "{list}");
    assert_no_panic(&env.run(&["recipe", "show", "nothing"]), "an unknown recipe");
}

#[test]
fn saved_meals_custom_foods_and_products_are_listed_renamed_and_removed() {
    let env = Env::new();
    env.ok(&["log", "add", "almonds", "30 g", "--date", DAY, "--meal", "breakfast"]);
    env.ok(&["meal", "save", "usual", "--date", DAY, "--meal", "breakfast"]);
    env.ok(&["meal", "save", "other", "--date", DAY, "--meal", "breakfast"]);
    assert_refused(&env.run(&["meal", "rename", "usual", "Other"]), "a meal name taken");
    env.ok(&["meal", "rename", "usual", "weekday"]);
    env.ok(&["meal", "rm", "other"]);
    let meals = env.json(&["meal", "list", "--json"]);
    assert_eq!(meals.as_array().unwrap().len(), 1, "{meals}");
    assert_eq!(meals[0]["name"], "weekday");
    assert_refused(&env.run(&["meal", "rm", "other"]), "a meal removed already");

    env.ok(&["food", "add", "house sauce", "--per-100g", "magnesium_mg=10"]);
    env.ok(&["food", "add", "granola", "--per-100g", "magnesium_mg=90"]);
    env.ok(&["log", "add", "c1", "50 g", "--date", DAY]);
    assert_refused(&env.run(&["food", "custom", "rename", "c1", "GRANOLA"]), "a food name taken");
    env.ok(&["food", "custom", "rename", "c1", "hot sauce"]);
    env.ok(&["food", "custom", "rm", "granola"]);
    let foods = env.json(&["food", "custom", "list", "--json"]);
    assert_eq!(foods, serde_json::json!([{"id": "c1", "name": "hot sauce"}]));
    let before = entries(&env, DAY);
    env.ok(&["food", "custom", "rm", "c1"]);
    assert_eq!(entries(&env, DAY), before, "entries of a removed food stay");

    env.ok(&[
        "supplement",
        "add",
        "magnesium",
        "200 mg",
        "--form",
        "glycinate",
        "--save",
        "Mg gly",
        "--date",
        DAY,
    ]);
    env.ok(&["supplement", "add", "calcium", "500 mg", "--save", "Ca", "--date", DAY]);
    assert!(env.ok(&["supplement", "product", "list"]).contains("Mg gly: magnesium 200 mg"));
    assert_refused(&env.run(&["supplement", "product", "rename", "mg gly", "ca"]), "a product name taken");
    env.ok(&["supplement", "product", "rename", "mg gly", "Magnesium glycinate"]);
    env.ok(&["supplement", "product", "rm", "ca"]);
    let products = env.json(&["supplement", "product", "list", "--json"]);
    assert_eq!(products.as_array().unwrap().len(), 1, "{products}");
    assert_eq!(products[0]["name"], "Magnesium glycinate");
    let doses = env.json(&["supplement", "list", "--date", DAY, "--json"]);
    assert_eq!(doses.as_array().map(Vec::len), Some(2), "doses stay: {doses}");
}

#[test]
fn recipes_travel_in_an_export_and_older_exports_still_import() {
    let env = Env::new();
    env.ok(&["food", "add", "house sauce", "--per-100g", "magnesium_mg=10"]);
    env.ok(&["food", "add", "spare", "--per-100g", "magnesium_mg=1"]);
    let made = with_stdin(
        &env,
        &["recipe", "add", "beans in sauce", "--servings", "2", "--weight", "300g"],
        "200 g black beans cooked\n50 g c1\n",
    );
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    env.ok(&["log", "add", "r1", "1 serving", "--date", DAY]);
    env.ok(&["log", "add", "c2", "10 g", "--date", DAY]);
    env.ok(&["food", "custom", "rm", "c2"]);
    let export = env.tmp.path().join("export.json");
    std::fs::write(&export, env.ok(&["export"])).unwrap();
    let x: Value = serde_json::from_slice(&std::fs::read(&export).unwrap()).unwrap();
    assert_eq!(x["recipes"][0]["id"], "r1", "{}", x["recipes"]);
    assert_eq!(x["recipes"][0]["ingredients"][1]["food_id"], "c1");

    let other = Env::new();
    other.ok(&["food", "add", "first", "--per-100g", "magnesium_mg=5"]);
    other.ok(&["import", "diary", export.to_str().unwrap(), "--merge"]);
    let r = other.json(&["recipe", "show", "beans in sauce", "--json"]);
    assert_eq!(r["id"], "r1");
    assert_eq!(r["weight_g"], 300.0);
    assert_eq!(r["ingredients"][1]["food_id"], "c2", "the sauce's new id: {r}");
    assert_eq!(r["per_serving"], env.json(&["recipe", "show", "r1", "--json"])["per_serving"]);
    let moved = entries(&other, DAY);
    assert_eq!(moved.len(), 2);
    assert_eq!(moved[0]["food_id"], "r1");
    assert_eq!(moved[0]["nutrients"], entries(&env, DAY)[0]["nutrients"]);
    assert_eq!(moved[1]["food_id"], "c0", "a removed food's entry names no food the diary has");

    // An export from before recipes: no "recipes" key.
    let mut old = x.clone();
    old.as_object_mut().unwrap().remove("recipes");
    old["entries"] = serde_json::json!([]);
    let older = env.tmp.path().join("older.json");
    std::fs::write(&older, old.to_string()).unwrap();
    let fresh = Env::new();
    fresh.ok(&["import", "diary", older.to_str().unwrap()]);
    assert_eq!(fresh.json(&["recipe", "list", "--json"]), Value::Array(vec![]));
    let mut dup = x.clone();
    dup["recipes"][0]["name"] = "Beans In Sauce".into();
    let twice = env.tmp.path().join("twice.json");
    std::fs::write(&twice, dup.to_string()).unwrap();
    let files = other.diary_files();
    assert_refused(
        &other.run(&["import", "diary", twice.to_str().unwrap(), "--merge"]),
        "a recipe name taken",
    );
    assert_eq!(other.diary_files(), files, "nothing of a refused import is written");
}

#[test]
fn the_app_makes_a_recipe_of_the_selected_meal_and_search_finds_it() {
    use chrono::NaiveDate;
    use marrow::domain::Meal;
    use marrow::store::{Catalog, Diary};
    use marrow::tui::action::Action;
    use marrow::tui::runtime::Runtime;
    use marrow::tui::state::AppState;
    use marrow::tui::{dispatch, keymap};

    let env = Env::new();
    env.ok(&["log", "add", "16015", "200 g", "--date", DAY, "--meal", "dinner"]);
    env.ok(&["log", "add", "20037", "1 cup", "--date", DAY, "--meal", "dinner"]);
    env.ok(&["log", "add", "12061", "30 g", "--date", DAY, "--meal", "snack"]);
    let day = NaiveDate::parse_from_str(DAY, "%Y-%m-%d").unwrap();
    let diary = Diary::open(&env.diary_path()).unwrap();
    let catalog = Catalog::open(&env.catalog_path(), || {}).unwrap();
    let mut rt = Runtime::new(diary, catalog).unwrap();
    let mut s = AppState::new(day, Meal::Dinner, Default::default());
    for loaded in rt.run(marrow::tui::effect::Effect::LoadDay(day), "2026-03-02T20:00:00+00:00") {
        dispatch(&mut s, &mut rt, loaded);
    }
    let key = |s: &AppState, k: &str| s.keys.resolve(s, keymap::event(k).unwrap()).unwrap();
    let make = key(&s, "c");
    dispatch(&mut s, &mut rt, make);
    assert!(s.naming.as_ref().is_some_and(|p| p.recipe), "the name prompt opens for a recipe");
    for c in "rice and beans".chars() {
        dispatch(&mut s, &mut rt, Action::Type(c));
    }
    dispatch(&mut s, &mut rt, Action::Confirm);
    let r = env.json(&["recipe", "show", "rice and beans", "--json"]);
    assert_eq!(r["servings"], 1.0);
    assert_eq!(r["ingredient_count"], 2, "the dinner's two entries, not the snack: {r}");
    let dinner: Vec<Value> = entries(&env, DAY).into_iter().filter(|e| e["meal"] == "dinner").collect();
    let mg: f64 = dinner.iter().map(|e| e["nutrients"]["magnesium_mg"].as_f64().unwrap()).sum();
    assert!((r["per_serving"]["magnesium_mg"].as_f64().unwrap() - mg).abs() < 0.1, "{r}");

    // The same name again is refused, and nothing is written.
    let again = key(&s, "c");
    dispatch(&mut s, &mut rt, again);
    for c in "Rice and Beans".chars() {
        dispatch(&mut s, &mut rt, Action::Type(c));
    }
    dispatch(&mut s, &mut rt, Action::Confirm);
    assert!(s.status.as_ref().is_some_and(|st| st.text.contains("exists already")), "{:?}", s.status);
    assert_eq!(env.json(&["recipe", "list", "--json"]).as_array().unwrap().len(), 1);
    let found = env.json(&["search", "rice and beans", "--json", "--limit", "3"]);
    assert_eq!(found[0]["id"], "r1", "{found}");
}
