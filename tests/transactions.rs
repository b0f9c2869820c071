//! Read-modify-write happens under the write lock: edits of different fields made at the same
//! moment by separate marrow processes all land, and an action of two writes lands whole or
//! not at all.

mod common;

use std::process::Stdio;

use common::Env;
use marrow::domain::supplement::NewSupplement;
use marrow::domain::Nutrient;
use marrow::store::Diary;

/// Starts every command at once and waits for all of them, requiring success.
fn all_at_once(env: &Env, commands: &[Vec<String>]) {
    let children: Vec<_> = commands
        .iter()
        .map(|args| {
            env.process()
                .args(args)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn marrow")
        })
        .collect();
    for (child, args) in children.into_iter().zip(commands) {
        let out = child.wait_with_output().expect("wait for marrow");
        assert!(out.status.success(), "marrow {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

fn args(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

#[test]
fn concurrent_food_edits_of_different_figures_all_land() {
    let env = Env::new();
    let figures = ["magnesium_mg", "calcium_mg", "zinc_mg", "potassium_mg"];
    let mut add = args(&["food", "add", "Shared", "--per-100g"]);
    add.extend(figures.iter().map(|f| format!("{f}=1")));
    env.ok(&add.iter().map(String::as_str).collect::<Vec<_>>());
    let conn = || rusqlite::Connection::open(env.diary_path()).unwrap();
    for round in 2..32 {
        let edits: Vec<Vec<String>> = figures
            .iter()
            .map(|f| args(&["food", "edit", "c1", "--per-100g", &format!("{f}={round}")]))
            .collect();
        all_at_once(&env, &edits);
        let stored: (f64, f64, f64, f64) = conn()
            .query_row(
                "SELECT magnesium_mg, calcium_mg, zinc_mg, potassium_mg FROM custom_foods WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        let r = f64::from(round);
        assert_eq!(stored, (r, r, r, r), "round {round}: every edit printed \"changed\"; all must be there");
    }
}

#[test]
fn concurrent_profile_sets_of_different_fields_all_land() {
    let env = Env::new();
    env.ok(&["profile", "set", "--sex", "female", "--age", "30", "--weight", "60"]);
    for round in 1..31u32 {
        let sex = if round % 2 == 0 { "female" } else { "male" };
        let (age, weight) = (30 + round, 60 + round);
        all_at_once(
            &env,
            &[
                args(&["profile", "set", "--sex", sex]),
                args(&["profile", "set", "--age", &age.to_string()]),
                args(&["profile", "set", "--weight", &weight.to_string()]),
            ],
        );
        let p = env.json(&["profile", "show", "--json"]);
        assert_eq!(
            (p["sex"].as_str(), p["age"].as_u64(), p["weight_kg"].as_f64()),
            (Some(sex), Some(u64::from(age)), Some(f64::from(weight))),
            "round {round}: {p}"
        );
    }
}

/// Makes every write of a saved supplement product fail, as a full disk or a crash between
/// the two writes would.
fn refuse_products(env: &Env) {
    let conn = rusqlite::Connection::open(env.diary_path()).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER no_products BEFORE INSERT ON supplement_products BEGIN SELECT RAISE(ABORT, 'refused'); END;",
    )
    .unwrap();
}

fn doses(env: &Env) -> i64 {
    let conn = rusqlite::Connection::open(env.diary_path()).unwrap();
    conn.query_row("SELECT COUNT(*) FROM supplements", [], |r| r.get(0)).unwrap()
}

#[test]
fn a_dose_saved_as_a_product_lands_whole_or_not_at_all() {
    let env = Env::new();
    env.ok(&["supplement", "add", "magnesium", "200 mg", "--save", "Mg", "--date", "2026-01-05"]);
    assert_eq!(doses(&env), 1);
    refuse_products(&env);
    let out = env.run(&["supplement", "add", "zinc", "10 mg", "--save", "Zn", "--date", "2026-01-05"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(doses(&env), 1, "the product failed, so the dose is not there either");

    // The store function itself: one transaction for both.
    let mut diary = Diary::open(&env.diary_path()).unwrap();
    let dose = NewSupplement {
        date: chrono::NaiveDate::from_ymd_opt(2026, 1, 6).unwrap(),
        time: None,
        nutrient: Nutrient::Calcium,
        amount: 500.0,
        form: None,
        logged_at: String::new(),
    };
    assert!(diary.add_supplement_saving(&dose, Some("Ca")).is_err());
    assert_eq!(doses(&env), 1);
    assert!(diary.add_supplement_saving(&dose, None).is_ok(), "without a product, the dose alone lands");
    assert_eq!(doses(&env), 2);
}
