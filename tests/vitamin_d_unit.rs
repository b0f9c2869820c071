//! The config's vitamin D unit reaches every vitamin D figure the command line prints: with
//! `[units] vitamin_d = "IU"`, no command's text says µg for vitamin D (vitamin K stays in µg,
//! its only unit), while `--json` keeps µg, as documented.

mod common;

use common::{assert_near, Env};

const D: &str = "2026-01-05";

/// A diary read in IU: sockeye salmon (668 IU per 100 g) and milk logged, a vitamin D dose and
/// a saved vitamin D product, and a second dose that takes the day over vitamin D's upper limit.
fn diary_in_iu() -> Env {
    let env = Env::new();
    let config = env.tmp.path().join("home/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "[units]\nvitamin_d = \"IU\"\n").unwrap();
    env.ok(&["profile", "set", "--sex", "female", "--age", "54"]);
    env
}

/// Every line that says µg is about another nutrient kept in µg (vitamin K, folate...), never
/// vitamin D.
fn assert_no_micrograms_of_vitamin_d(what: &str, text: &str) {
    let others: Vec<&str> = marrow::domain::nutrient::NUTRIENTS
        .iter()
        .filter(|i| i.unit == "µg" && i.nutrient != marrow::domain::Nutrient::VitaminD)
        .flat_map(|i| [i.name, i.short])
        .filter(|label| label.len() >= 2)
        .collect();
    for line in text.lines().filter(|l| l.contains("µg")) {
        assert!(
            others.iter().any(|o| line.contains(o)) && !line.contains("Vitamin D"),
            "`marrow {what}` says µg for vitamin D in IU mode: {line:?}\n{text}"
        );
    }
}

#[test]
fn every_text_output_reads_vitamin_d_in_the_configured_unit() {
    let env = diary_in_iu();
    let mut said: Vec<(String, String)> = Vec::new();
    let mut run = |args: &[&str]| {
        let out = env.run(args);
        assert!(out.status.success(), "marrow {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let text =
            format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        said.push((args.join(" "), text.clone()));
        text
    };
    let logged = run(&["log", "add", "15086", "100g", "--date", D]);
    assert!(logged.contains("D 668.0 IU"), "{logged}");
    run(&["log", "add", "milk", "1 cup", "--date", D]);
    let dose =
        run(&["supplement", "add", "vitamin-d", "25 µg", "--save", "D3", "--date", D, "--time", "08:00"]);
    assert!(dose.contains("vitamin D 1000 IU"), "{dose}");
    run(&["supplement", "add", "vitamin-d", "100 µg", "--date", D]);
    let day = run(&["day", "--date", D]);
    assert!(day.contains("600 IU"), "the target in IU: {day}");
    assert!(day.contains("vitd_over_ul"), "the day is over vitamin D's upper limit: {day}");
    run(&["log", "list", "--date", D]);
    run(&["supplement", "list", "--date", D]);
    run(&["search", "salmon", "sockeye"]);
    run(&["top", "vitamin-d"]);
    run(&["top", "vitamin-d", "--per", "serving"]);
    run(&["top", "vitamin-d", "--per", "kcal"]);
    run(&["food", "show", "15086"]);
    run(&["profile", "show"]);
    run(&["suggest", "vitamin-d", "--date", D]);
    run(&["suggest", "magnesium", "--date", D]);
    run(&["week", "--end", D]);
    let removed = run(&["supplement", "rm", "2"]);
    assert!(removed.contains("4000 IU"), "{removed}");
    for (what, text) in &said {
        assert_no_micrograms_of_vitamin_d(what, text);
    }
    // JSON is data: it keeps µg whatever the display unit.
    let json = env.json(&["day", "--date", D, "--json"]);
    assert_near(&json["supplemental"]["vitamin_d_ug"], 25.0, "the dose in µg");
    assert_near(&json["targets"]["vitamin_d_ug"], 15.0, "the target in µg");
}
