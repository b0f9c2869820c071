//! `marrow report`: the HTML page parses as XML (the page and each SVG chart), fetches
//! nothing, escapes what the diary holds, and carries the same averages as `review --json`;
//! the Markdown holds the same tables.

mod common;

use serde_json::Value;

use common::{assert_no_panic, Env};

const WEEK: [&str; 4] = ["--from", "2026-01-05", "--to", "2026-01-11"];
const HOSTILE: &str = "<script>alert(1)</script> & \"tea\" 'x'";

/// A week with an empty day, a supplement-only day and unknown vitamin D (see tests/review.rs),
/// a custom food and a supplement form whose names are markup.
fn logged_week() -> Env {
    let env = Env::new();
    let log = |food: &str, qty: &str, date: &str| env.ok(&["log", "add", food, qty, "--date", date]);
    let dose = |args: &[&str]| env.ok(&[&["supplement", "add"], args].concat());
    log("12061", "50g", "2026-01-02");
    log("12061", "100g", "2026-01-05");
    log("01077", "1 cup", "2026-01-06");
    log("19904", "100g", "2026-01-07");
    dose(&["magnesium", "300 mg", "--date", "2026-01-09"]);
    log("12061", "100g", "2026-01-10");
    dose(&["magnesium", "100 mg", "--form", HOSTILE, "--date", "2026-01-10"]);
    log("01077", "2 cups", "2026-01-11");
    dose(&["calcium", "600 mg", "--date", "2026-01-11"]);
    dose(&["calcium", "600 mg", "--date", "2026-01-11"]);
    let food: Value = env.json(&["food", "add", HOSTILE, "--per-100g", "magnesium=100", "--json"]);
    let id = food["id"].as_str().unwrap().to_string();
    log(&id, "100g", "2026-01-11");
    env
}

fn report(env: &Env, format: &str) -> String {
    env.ok(&[&["report"], &WEEK[..], &["--format", format]].concat())
}

#[test]
fn the_html_report_parses_and_holds_review_jsons_averages() {
    let env = logged_week();
    let html = report(&env, "html");
    let review = env.json(&[&["review"], &WEEK[..], &["--json"]].concat());

    // Well-formed: the whole page parses as XML (its void elements are self-closed), so every
    // tag is balanced, and so does each SVG chart on its own.
    let opts = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(&html, opts)
        .unwrap_or_else(|e| panic!("the page is not well-formed: {e}\n{html}"));
    let svgs: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("svg")).collect();
    assert_eq!(svgs.len(), 3, "a chart each for magnesium, calcium and vitamin D");
    for svg in &svgs {
        let text = &html[svg.range()];
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("a chart is not well-formed: {e}"));
        assert!(svg.descendants().any(|n| n.has_tag_name("rect")), "bars");
        let dashed = svg.descendants().filter(|n| n.attribute("stroke-dasharray").is_some()).count();
        assert_eq!(dashed, 2, "the target and EAR lines");
    }
    let charts: String = svgs.iter().map(|s| &html[s.range()]).collect();
    assert!(charts.contains("not logged") && charts.contains("supplements only"), "gaps, not zeros");

    // The same averages as review --json, cell by cell.
    let cells: Vec<_> = doc.descendants().filter(|n| n.attribute("data-average").is_some()).collect();
    assert_eq!(cells.len(), 3);
    for cell in cells {
        let key = cell.attribute("data-nutrient").unwrap();
        let shown: f64 = cell.attribute("data-average").unwrap().parse().unwrap();
        let json = review["nutrients"][key]["average"].as_f64().unwrap();
        assert_eq!(shown, json, "{key}");
    }
    let mg = review["nutrients"]["magnesium_mg"]["average"].as_f64().unwrap();
    assert!(html.contains(&format!(">{mg:.1}<")), "Mg average {mg:.1} shown");

    // Self-contained: nothing to fetch.
    for fetch in ["http://", "https://", "src=", "href=", "<link", "url(", "@import", "<script"] {
        assert!(!html.contains(fetch), "{fetch:?} in the page");
    }
    // The diary's text is escaped, never markup.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;tea&quot; &#39;x&#39;"));
    let names: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(names.iter().any(|t| t.contains(HOSTILE)), "the name reads as typed");

    for said in [
        "Data completeness",
        "5 of 7 days have food logged",
        "Supplements",
        "Warnings",
        "calcium dose of 600 mg is above 500 mg",
        "USDA National Nutrient Database for Standard Reference, Release 28",
        "Dietary Reference Intakes, National Academies",
        "NIH Office of Dietary Supplements",
        "Educational, not medical advice",
    ] {
        assert!(html.contains(said), "{said:?} in the page");
    }
}

#[test]
fn the_markdown_report_has_the_tables() {
    let env = logged_week();
    let md = report(&env, "md");
    for said in [
        "# marrow review: 2026-01-05 to 2026-01-11 (7 days)",
        "| figure | Mg mg | Ca mg | D µg |",
        "| --- | --- | --- | --- |",
        "| days below EAR, food + supplements | ",
        "| day | Mg mg | Ca mg | D µg | supplements |  |",
        "| Thu 2026-01-08 | - | - | - |  | not logged |",
        "| food | over the period | share of food |",
        "| nutrient | form | doses | one dose | total |",
        "## Sources",
        "*Educational, not medical advice",
    ] {
        assert!(md.contains(said), "{said:?} in:\n{md}");
    }
    let review = env.json(&[&["review"], &WEEK[..], &["--json"]].concat());
    let ca = review["nutrients"]["calcium_mg"]["average"].as_f64().unwrap();
    let row = md.lines().find(|l| l.starts_with("| average, food + supplements |")).unwrap();
    assert!(row.contains(&format!("{ca:.1} |")), "Ca average {ca:.1} in {row}");
    // The diary's text is text: no markup, no extra column.
    let food = md.lines().find(|l| l.contains("alert(1)")).expect("the custom food's row");
    assert!(food.starts_with("| \\<script\\>alert(1)\\</script\\> & \"tea\" 'x' | "), "{food}");
    assert_eq!(food.matches(" | ").count(), 2, "three cells: {food}");
}

#[test]
fn an_empty_diary_still_gives_a_report() {
    let env = Env::new();
    for format in ["html", "md"] {
        let out = env.run(&[&["report"], &WEEK[..], &["--format", format]].concat());
        assert_no_panic(&out, format);
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("No food logged on the 7 days"), "{text}");
    }
    let html = report(&env, "html");
    let opts = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    roxmltree::Document::parse_with_options(&html, opts).expect("well-formed with nothing logged");
}
