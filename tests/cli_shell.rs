//! marrow at home in a terminal: the config file, CSV and JSON exports, completions, the man
//! page and the version.

mod common;

use common::{assert_near, assert_refused, Env};

#[test]
fn default_config_is_valid_commented_toml_and_bad_ones_are_refused_whole() {
    let env = Env::new();
    let text = env.ok(&["config", "default"]);
    assert!(text.lines().filter(|l| l.starts_with('#')).count() >= 5, "commented");
    let parsed: toml::Table = toml::from_str(&text).expect("valid TOML");
    assert!(parsed.contains_key("units") && parsed.contains_key("targets"));
    let file = env.tmp.path().join("config.toml");
    let path = env.cmd().env("MARROW_CONFIG", &file).args(["config", "path"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&path.stdout).trim(), file.to_str().unwrap());

    std::fs::write(&file, "[targets]\nmagnesium_mg = 400\n").unwrap();
    let p = env.cmd().env("MARROW_CONFIG", &file).args(["profile", "show", "--json"]).output().unwrap();
    let p: serde_json::Value = serde_json::from_slice(&p.stdout).unwrap();
    assert_near(&p["targets"]["magnesium_mg"], 400.0, "override");
    assert_near(&p["targets"]["calcium_mg"], 1000.0, "the rest follows the reference");

    std::fs::write(&file, "[units]\nvitamin_d = \"ug\"\n\n[targets]\nmagnesium_mg = \"lots\"\n").unwrap();
    let out = env.cmd().env("MARROW_CONFIG", &file).args(["log", "add", "12061", "30g"]).output().unwrap();
    assert_refused(&out, "bad config");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line 5"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Nothing ran on half a config: the entry was not logged.
    assert!(env.json(&["log", "list", "--json"]).as_array().unwrap().is_empty());
    // Printing the default still works, whatever the file says.
    let ok = env.cmd().env("MARROW_CONFIG", &file).args(["config", "default"]).output().unwrap();
    assert!(ok.status.success());
}

#[test]
fn csv_export_opens_with_a_magnesium_column_and_the_right_values() {
    let env = Env::new();
    env.ok(&["log", "add", "12061", "30g", "--date", "2026-01-05", "--meal", "breakfast"]);
    env.ok(&["log", "add", "19904", "1 oz", "--date", "2026-01-05", "--meal", "snack"]);
    let csv = env.ok(&["export", "--format", "csv"]);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let mg = header.iter().position(|h| *h == "magnesium_mg").expect("a magnesium_mg column");
    let d = header.iter().position(|h| *h == "vitamin_d_ug").unwrap();
    assert_eq!(&header[..7], &["date", "time", "meal", "food_id", "food_name", "quantity", "grams"]);
    let rows: Vec<Vec<String>> = lines.map(split_csv).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][4], "Nuts, almonds", "quoted names with commas survive");
    assert_eq!(rows[0][mg].parse::<f64>().unwrap(), 81.0);
    assert_eq!(rows[1][d], "", "unknown is an empty cell, not 0");
    let totals =
        env.ok(&["export", "--format", "csv", "--totals", "--from", "2026-01-04", "--to", "2026-01-05"]);
    let t: Vec<Vec<String>> = totals.lines().map(split_csv).collect();
    assert_eq!(t.len(), 3, "header and two days");
    assert_eq!(t[1][1], "0");
    assert!((t[2][header_index(&t[0], "magnesium_mg")].parse::<f64>().unwrap() - 145.638).abs() < 0.01);
    assert_refused(&env.run(&["export", "--from", "2026-01-06", "--to", "2026-01-05"]), "from after to");
}

fn header_index(h: &[String], name: &str) -> usize {
    h.iter().position(|x| x == name).unwrap()
}

/// A minimal RFC 4180 reader for the test.
fn split_csv(line: &str) -> Vec<String> {
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

#[test]
fn completions_man_page_and_version() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish"] {
        let text = env.ok(&["completions", shell]);
        assert!(text.contains("marrow") && text.contains("search"), "{shell}");
    }
    assert_refused(&env.run(&["completions", "powershell-9000"]), "unknown shell");
    let man = env.ok(&["man"]);
    assert!(man.contains(".TH marrow") && man.contains("SEARCH") || man.contains("search"));
    assert!(env.ok(&["--version"]).starts_with("marrow "));
}
