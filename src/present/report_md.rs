//! `marrow report --format md`: the review as a Markdown document of tables, to print or send
//! to a clinician. The same rows as the HTML report (`present::review`), as text.

use super::amount::{figure, VitaminDUnit};
use super::period::{day_figure, day_note};
use super::review::{
    completeness_lines, dose_rows, food_rows, period_name, ratio_line, shortfall_lines, summary_header,
    summary_rows, warning_lines, NOT_ADVICE, SOURCES,
};
use crate::domain::day::BONE_NUTRIENTS;
use crate::service::review::Review;

/// A cell's text on one line, with the characters Markdown gives a meaning escaped.
fn cell(s: &str) -> String {
    para(&s.replace(['\n', '\r'], " "))
}

/// A Markdown table.
fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let line =
        |cells: &[String]| format!("| {} |\n", cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "));
    let mut s = line(header);
    s.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
    for r in rows {
        s.push_str(&line(r));
    }
    s
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|x| x.to_string()).collect()
}

/// Text in a paragraph, Markdown's own marks escaped.
fn para(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The whole report.
pub fn render(r: &Review, d: VitaminDUnit) -> String {
    let mut s = format!("# marrow review: {}\n\n", period_name(r));
    let prev = r.previous.period;
    s.push_str(&format!(
        "Compared with the {} days before ({} to {}).\n\n",
        prev.len(),
        prev.first,
        prev.last
    ));
    s.push_str("## Data completeness\n\n");
    for l in completeness_lines(r) {
        s.push_str(&format!("- {}\n", para(&l)));
    }
    s.push_str("\n## Averages and days\n\n");
    s.push_str(&table(&summary_header(d), &summary_rows(r, d)));
    if let Some(l) = ratio_line(r) {
        s.push_str(&format!("\n{}\n", para(&l)));
    }
    s.push_str("\n## Daily values\n\n");
    let mut header = vec!["day".to_string()];
    header.extend(summary_header(d).into_iter().skip(1));
    header.push("supplements".into());
    header.push(String::new());
    let rows: Vec<Vec<String>> = r
        .days
        .iter()
        .map(|day| {
            let mut row = vec![day.date.format("%a %Y-%m-%d").to_string()];
            row.extend(BONE_NUTRIENTS.iter().map(|n| day_figure(day, *n, d)));
            let supp: Vec<String> = BONE_NUTRIENTS
                .iter()
                .filter(|n| day.supplement(**n) > 0.0)
                .map(|n| format!("{} {}", n.info().short, figure(*n, Some(day.supplement(*n)), d)))
                .collect();
            row.push(supp.join(", "));
            row.push(day_note(day).to_string());
            row
        })
        .collect();
    s.push_str(&table(&header, &rows));
    s.push_str("\n\"-\": no food logged; \"≥\": some item's value is unknown, so the day's figure is a lower bound; totals include supplements.\n");
    s.push_str("\n## Foods that gave most\n");
    for nr in &r.nutrients {
        let rows: Vec<Vec<String>> = food_rows(nr, d).into_iter().map(Vec::from).collect();
        s.push_str(&format!("\n### {}\n\n", nr.nutrient.info().name));
        if rows.is_empty() {
            s.push_str("No food with a known amount of it was logged.\n");
        } else {
            s.push_str(&table(&strings(&["food", "over the period", "share of food"]), &rows));
        }
    }
    if let Some((head, foods)) = shortfall_lines(r, d) {
        s.push_str(&format!("\n## Most often short\n\n{}\n\n", para(&head)));
        for f in foods {
            s.push_str(&format!("- {}\n", para(&f)));
        }
    }
    s.push_str("\n## Supplements\n\n");
    let doses: Vec<Vec<String>> = dose_rows(r, d).into_iter().map(Vec::from).collect();
    if doses.is_empty() {
        s.push_str("No supplement logged in the period.\n");
    } else {
        s.push_str(&table(&strings(&["nutrient", "form", "doses", "one dose", "total"]), &doses));
        s.push_str("\nAmounts are elemental.\n");
    }
    if !r.labs.is_empty() {
        s.push_str("\n## Labs\n\n");
        let header: Vec<String> = super::labs::HEADER.iter().map(|h| h.to_string()).collect();
        s.push_str(&table(&header, &super::labs::rows(&r.labs, d)));
        s.push('\n');
        for n in super::labs::notes(&r.labs) {
            s.push_str(&format!("- {}\n", para(&n)));
        }
    }
    s.push_str("\n## Warnings\n\n");
    let warnings = warning_lines(r, d);
    if warnings.is_empty() {
        s.push_str("None.\n");
    }
    for w in warnings {
        s.push_str(&format!("- {}\n", para(&w)));
    }
    s.push_str("\n## Sources\n\n");
    for src in SOURCES {
        s.push_str(&format!("- {src}\n"));
    }
    s.push_str(&format!("\n*{NOT_ADVICE}*\n"));
    s
}
