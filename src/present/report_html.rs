//! `marrow report --format html`: the review as one self-contained HTML page to print or send
//! to a clinician: inline CSS, an inline SVG chart per bone nutrient (daily food and
//! supplement parts, target and EAR lines, gaps for days not logged), and the same tables as
//! the Markdown report. Nothing is fetched: no link to any other file or site. Every text from
//! the diary (food names, forms) is escaped.

use super::amount::{convert, figure, number, unit, VitaminDUnit};
use super::period::day_note;
use super::review::{
    completeness_lines, dose_rows, food_rows, period_name, ratio_line, shortfall_lines, summary_header,
    summary_rows, warning_lines, NOT_ADVICE, SOURCES,
};
use crate::domain::day::{DaySummary, BONE_NUTRIENTS};
use crate::domain::nutrient::round_for_output;
use crate::domain::Nutrient;
use crate::service::review::Review;

/// `s` with the characters HTML gives a meaning escaped, for text and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:960px;margin:1.5em auto;\
padding:0 1em;color:#222;line-height:1.4}h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;\
border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.4em}h3{font-size:1em;margin:.8em 0 .3em}\
table{border-collapse:collapse;margin:.4em 0;font-size:.92em}th,td{border:1px solid #ccc;padding:.2em .5em;\
text-align:right}th:first-child,td:first-child{text-align:left}thead th{background:#f2f2f2}\
.muted{color:#666;font-size:.9em}.warn{color:#a40000}.charts svg{display:block;margin:.3em 0 .8em}\
footer{margin-top:2em;font-size:.9em;color:#444}@media print{body{margin:0;max-width:none}h2{break-after:avoid}\
.charts svg{break-inside:avoid}}";

/// A table with a header row.
fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let mut s = String::from("<table><thead><tr>");
    for h in header {
        s.push_str(&format!("<th>{}</th>", esc(h)));
    }
    s.push_str("</tr></thead><tbody>");
    for r in rows {
        s.push_str("<tr>");
        for c in r {
            s.push_str(&format!("<td>{}</td>", esc(c)));
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>\n");
    s
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|x| x.to_string()).collect()
}

/// The summary table, its averages (food and supplements) also carried as data in each cell:
/// `data-nutrient` and `data-average`, in the nutrient's own unit as `review --json` has them.
fn summary(r: &Review, d: VitaminDUnit) -> String {
    let rows = summary_rows(r, d);
    let mut s = String::from("<table class=\"summary\"><thead><tr>");
    for h in summary_header(d) {
        s.push_str(&format!("<th>{}</th>", esc(&h)));
    }
    s.push_str("</tr></thead><tbody>");
    for (i, row) in rows.iter().enumerate() {
        s.push_str(&format!("<tr><td>{}</td>", esc(&row[0])));
        for (j, n) in BONE_NUTRIENTS.iter().enumerate() {
            let data = match r.stats.get(*n).average {
                Some(a) if i == 0 => {
                    format!(" data-nutrient=\"{}\" data-average=\"{}\"", n.key(), round_for_output(*n, a))
                }
                _ => String::new(),
            };
            s.push_str(&format!("<td{data}>{}</td>", esc(&row[j + 1])));
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>\n");
    s
}

const W: f64 = 900.0;
const H: f64 = 190.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 96.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 26.0;
const FOOD: &str = "#2f6db5";
const SUPPLEMENT: &str = "#f0a830";

/// One nutrient's daily values as an SVG bar chart: the food part and the supplement part of
/// each logged day, nothing for a day not logged, "≥" over a day partly unknown, and the
/// target and EAR as dashed lines.
fn chart(days: &[DaySummary], n: Nutrient, target: Option<f64>, ear: Option<f64>, d: VitaminDUnit) -> String {
    let v = |x: f64| convert(n, x, d);
    let highest = days.iter().filter(|s| s.logged()).map(|s| v(s.totals.get(n))).fold(0.0, f64::max);
    let top = [highest, target.map_or(0.0, v), ear.map_or(0.0, v)].into_iter().fold(0.0, f64::max) * 1.12;
    let top = if top > 0.0 { top } else { 1.0 };
    let plot_h = H - TOP - BOTTOM;
    let plot_w = W - LEFT - RIGHT;
    let y = |x: f64| TOP + plot_h * (1.0 - x / top);
    let slot = plot_w / days.len().max(1) as f64;
    let bar = (slot * 0.7).max(1.0);
    let name = n.info().name;
    let u = unit(n, d);
    let mut s = format!(
        "<svg width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" \
         role=\"img\" aria-label=\"{} per day, {}\">",
        esc(name),
        esc(u)
    );
    for frac in [0.0, 0.5, 1.0] {
        let val = top / 1.12 * frac;
        s.push_str(&format!(
            "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#e4e4e4\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#666\" text-anchor=\"end\">{}</text>",
            W - RIGHT,
            y(val),
            y(val),
            LEFT - 4.0,
            y(val) + 3.0,
            esc(&format!("{val:.0}"))
        ));
    }
    let label_every = (days.len() / 10).max(1);
    for (i, day) in days.iter().enumerate() {
        let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
        let cx = x + bar / 2.0;
        if i % label_every == 0 {
            s.push_str(&format!(
                "<text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#444\" text-anchor=\"middle\">{}</text>",
                H - BOTTOM + 13.0,
                esc(&day.date.format("%a %-d").to_string())
            ));
        }
        if !day.logged() {
            let note = day_note(day);
            let shown = if slot >= 70.0 { note } else { "–" };
            s.push_str(&format!(
                "<text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#888\" text-anchor=\"middle\">{}<title>{}</title></text>",
                y(0.0) - 5.0,
                esc(shown),
                esc(&format!("{}: {note}", day.date))
            ));
            continue;
        }
        let (food, supp) = (v(day.food(n)), v(day.supplement(n)));
        let title = format!(
            "{}: {} {u} (food {}, supplements {}){}",
            day.date,
            figure(n, Some(day.totals.get(n)), d),
            figure(n, Some(day.food(n)), d),
            figure(n, Some(day.supplement(n)), d),
            if day.partly_unknown(n) { ", partly unknown" } else { "" }
        );
        s.push_str(&format!(
            "<g><title>{}</title><rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{FOOD}\"/>\
             <rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{SUPPLEMENT}\"/></g>",
            esc(&title),
            y(food),
            y(0.0) - y(food),
            y(food + supp),
            y(food) - y(food + supp),
        ));
        if day.partly_unknown(n) {
            s.push_str(&format!(
                "<text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#a40000\" text-anchor=\"middle\">≥</text>",
                y(food + supp) - 3.0
            ));
        }
    }
    for (what, value, color) in [("target", target, "#1a7f37"), ("EAR", ear, "#b35900")] {
        if let Some(t) = value {
            s.push_str(&format!(
                "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"{color}\" stroke-width=\"1.5\" \
                 stroke-dasharray=\"6 4\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"{color}\">{}</text>",
                W - RIGHT,
                y(v(t)),
                y(v(t)),
                W - RIGHT + 4.0,
                y(v(t)) + 4.0,
                esc(&format!("{what} {}", number(n, t, d)))
            ));
        }
    }
    s.push_str(&format!(
        "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#888\"/></svg>\n",
        W - RIGHT,
        y(0.0),
        y(0.0)
    ));
    s
}

/// The whole page.
pub fn render(r: &Review, d: VitaminDUnit) -> String {
    let title = format!("marrow review: {}", period_name(r));
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>{}</title><style>{STYLE}</style></head><body>\n",
        esc(&title)
    );
    let prev = r.previous.period;
    s.push_str(&format!(
        "<h1>{}</h1><p class=\"muted\">Magnesium, calcium and vitamin D. Compared with the {} days before ({} to {}).</p>\n",
        esc(&title),
        prev.len(),
        prev.first,
        prev.last
    ));
    s.push_str("<h2>Data completeness</h2><ul>");
    for l in completeness_lines(r) {
        s.push_str(&format!("<li>{}</li>", esc(&l)));
    }
    s.push_str("</ul>\n<h2>Averages and days</h2>\n");
    s.push_str(&summary(r, d));
    if let Some(l) = ratio_line(r) {
        s.push_str(&format!("<p>{}</p>\n", esc(&l)));
    }
    s.push_str("<h2>Daily values</h2><div class=\"charts\">\n");
    for n in BONE_NUTRIENTS {
        let st = r.stats.get(n);
        s.push_str(&format!("<h3>{} ({})</h3>", esc(n.info().name), esc(unit(n, d))));
        s.push_str(&chart(&r.days, n, st.target, st.ear, d));
    }
    s.push_str(&format!(
        "</div><p class=\"muted\"><span style=\"color:{FOOD}\">■</span> food &#160; \
         <span style=\"color:{SUPPLEMENT}\">■</span> supplements &#160; dashed lines: target and EAR &#160; \
         – no food logged (left out, not zero) &#160; ≥ some value unknown (a lower bound)</p>\n"
    ));
    s.push_str("<h2>Foods that gave most</h2>\n");
    for nr in &r.nutrients {
        let rows: Vec<Vec<String>> = food_rows(nr, d).into_iter().map(Vec::from).collect();
        s.push_str(&format!("<h3>{}</h3>", esc(nr.nutrient.info().name)));
        if rows.is_empty() {
            s.push_str("<p>No food with a known amount of it was logged.</p>\n");
        } else {
            s.push_str(&table(&strings(&["food", "over the period", "share of food"]), &rows));
        }
    }
    if let Some((head, foods)) = shortfall_lines(r, d) {
        s.push_str(&format!("<h2>Most often short</h2><p>{}</p><ul>", esc(&head)));
        for f in foods {
            s.push_str(&format!("<li>{}</li>", esc(&f)));
        }
        s.push_str("</ul>\n");
    }
    s.push_str("<h2>Supplements</h2>\n");
    let doses: Vec<Vec<String>> = dose_rows(r, d).into_iter().map(Vec::from).collect();
    if doses.is_empty() {
        s.push_str("<p>No supplement logged in the period.</p>\n");
    } else {
        s.push_str(&table(&strings(&["nutrient", "form", "doses", "one dose", "total"]), &doses));
        s.push_str("<p class=\"muted\">Amounts are elemental.</p>\n");
    }
    if !r.labs.is_empty() {
        s.push_str("<h2>Labs</h2>\n");
        s.push_str(&table(&strings(&super::labs::HEADER), &super::labs::rows(&r.labs, d)));
        s.push_str("<ul class=\"muted\">");
        for n in super::labs::notes(&r.labs) {
            s.push_str(&format!("<li>{}</li>", esc(&n)));
        }
        s.push_str("</ul>\n");
    }
    s.push_str("<h2>Warnings</h2>\n");
    let warnings = warning_lines(r, d);
    if warnings.is_empty() {
        s.push_str("<p>None.</p>\n");
    } else {
        s.push_str("<ul class=\"warn\">");
        for w in warnings {
            s.push_str(&format!("<li>{}</li>", esc(&w)));
        }
        s.push_str("</ul>\n");
    }
    s.push_str("<h2>Sources</h2><ul>");
    for src in SOURCES {
        s.push_str(&format!("<li>{}</li>", esc(src)));
    }
    s.push_str(&format!("</ul>\n<footer><strong>{}</strong></footer>\n</body></html>\n", esc(NOT_ADVICE)));
    s
}
