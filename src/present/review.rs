//! A period's review in words and rows: what `marrow review` prints and what the Markdown and
//! HTML reports lay out as tables. Every figure is made here from one `service::review::Review`,
//! so the three say the same numbers (vitamin D in the unit the config asks for).

use super::amount::{amount, figure, lower_first, number, percent, plural, ratio, unit, VitaminDUnit};
use super::period::{average_figure, coverage, maybe_below_note, of_logged, unknown_note};
use super::text::safe;
use super::warnings::message;
use super::CA_MG_NOTE;
use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::period::NutrientStats;
use crate::domain::Nutrient;
use crate::service::review::{NutrientReview, Review, SunWeighing};

/// Said once in every review and report.
pub const NOT_ADVICE: &str = "Educational, not medical advice: ask a clinician about pregnancy, \
kidney disease and medicines.";

/// Where the figures come from, one line each.
pub const SOURCES: [&str; 3] = [
    "Food composition: USDA National Nutrient Database for Standard Reference, Release 28 (SR28), public domain.",
    "Targets (RDA/AI), average requirements (EAR) and upper limits: Dietary Reference Intakes, National Academies.",
    "Supplement dose notes: NIH Office of Dietary Supplements (ODS) fact sheets.",
];

/// "2026-01-05 to 2026-01-11 (7 days)".
pub fn period_name(r: &Review) -> String {
    let p = r.stats.period;
    format!("{} to {} ({})", p.first, p.last, plural(p.len(), "day", "days"))
}

/// The change of the average against the previous period: "250.0 → 278.4 (+28.4)", "not
/// logged" when the previous period has no logged day.
pub fn change(now: &NutrientStats, then: &NutrientStats, d: VitaminDUnit) -> String {
    let n = now.nutrient;
    match (then.average, now.average) {
        (None, _) => "not logged".into(),
        (Some(b), None) => format!("{} → not logged", figure(n, Some(b), d)),
        (Some(b), Some(a)) => {
            let delta = figure(n, Some(a - b), d);
            let sign = if delta.starts_with('-') { "" } else { "+" };
            format!("{} → {} ({sign}{delta})", figure(n, Some(b), d), figure(n, Some(a), d))
        }
    }
}

/// What supplements added: "400 mg, 57.1 mg a day" or "none".
pub fn supplements(nr: &NutrientReview, r: &Review, d: VitaminDUnit) -> String {
    let n = nr.nutrient;
    if nr.supplement_total <= 0.0 {
        return "none".into();
    }
    format!(
        "{}, {} a day",
        amount(n, nr.supplement_total, d),
        amount(n, nr.supplement_per_day(r.stats.period), d)
    )
}

/// One row per figure and a column per bone nutrient, for the summary table: the label, then
/// magnesium, calcium and vitamin D.
pub fn summary_rows(r: &Review, d: VitaminDUnit) -> Vec<Vec<String>> {
    let logged = r.stats.coverage.logged;
    let row = |label: &str, cell: &dyn Fn(Nutrient, &NutrientStats) -> String| {
        let mut out = vec![label.to_string()];
        out.extend(BONE_NUTRIENTS.iter().map(|n| cell(*n, r.stats.get(*n))));
        out
    };
    let limit = |x: Option<f64>, n: Nutrient| x.map_or("-".into(), |x| number(n, x, d));
    let nr = |n: Nutrient| r.nutrient(n);
    vec![
        row("average, food + supplements", &|_, s| average_figure(s, false, d)),
        row("average, food alone", &|_, s| average_figure(s, true, d)),
        row("target (RDA/AI)", &|n, s| limit(s.target, n)),
        row("EAR", &|n, s| limit(s.ear, n)),
        row("average of target", &|_, s| match (s.average, s.target) {
            (Some(a), Some(t)) if t > 0.0 => percent(a / t * 100.0),
            _ => "-".into(),
        }),
        row("days below EAR, food + supplements", &|_, s| of_logged(s.below_ear.with_supplements, logged)),
        row("days below EAR, food alone", &|_, s| of_logged(s.below_ear.food, logged)),
        row("days at target, food + supplements", &|_, s| of_logged(s.at_target.with_supplements, logged)),
        row("days at target, food alone", &|_, s| of_logged(s.at_target.food, logged)),
        row("supplements added", &|n, _| nr(n).map_or("-".into(), |x| supplements(x, r, d))),
        row("previous period → now", &|n, s| change(s, r.previous.get(n), d)),
        row("unknown items (days)", &|_, s| format!("{} ({})", s.unknown_items, s.unknown_days)),
    ]
}

/// The summary table's header: "", "Mg mg", "Ca mg", "D µg".
pub fn summary_header(d: VitaminDUnit) -> Vec<String> {
    let mut h = vec!["figure".to_string()];
    h.extend(BONE_NUTRIENTS.iter().map(|n| super::column_head(*n, d)));
    h
}

/// The foods that gave `nr`'s nutrient: name (safe to print), amount with unit, share.
pub fn food_rows(nr: &NutrientReview, d: VitaminDUnit) -> Vec<[String; 3]> {
    let n = nr.nutrient;
    nr.foods
        .iter()
        .map(|c| [safe(&c.name).into_owned(), amount(n, c.amount, d), format!("{:.0}%", c.percent)])
        .collect()
}

/// The doses by form: nutrient, form, doses ("3 on 3 days"), one dose, total.
pub fn dose_rows(r: &Review, d: VitaminDUnit) -> Vec<[String; 5]> {
    r.doses
        .iter()
        .map(|l| {
            let n = l.nutrient;
            let each: Vec<String> = l.amounts.iter().map(|a| amount(n, *a, d)).collect();
            [
                n.info().name.to_string(),
                l.form.as_deref().map_or("-".into(), |f| safe(f).into_owned()),
                format!("{} on {}", l.doses, plural(l.days, "day", "days")),
                each.join(", "),
                amount(n, l.total, d),
            ]
        })
        .collect()
}

/// Each warning with its day: "2026-01-11: Total calcium 2600 mg is above ...".
pub fn warning_lines(r: &Review, d: VitaminDUnit) -> Vec<String> {
    r.warnings.iter().map(|(date, w)| format!("{date}: {}", message(w, d))).collect()
}

/// Which days were logged and what was unknown, one line each.
pub fn completeness_lines(r: &Review) -> Vec<String> {
    let mut out: Vec<String> = coverage(&r.stats.coverage).lines().map(str::to_string).collect();
    for s in BONE_NUTRIENTS.map(|n| r.stats.get(n)) {
        out.extend([unknown_note(s), maybe_below_note(s)].into_iter().flatten());
    }
    if !r.unreadable.is_empty() {
        out.push(format!(
            "{} could not be read and {} left out, as unknown.",
            plural(r.unreadable.len(), "diary row", "diary rows"),
            if r.unreadable.len() == 1 { "is" } else { "are" }
        ));
    }
    out
}

/// "Ca:Mg 1.3 over the logged days (research proposal 1.7-2.6, not a guideline)."
pub fn ratio_line(r: &Review) -> Option<String> {
    r.stats.ca_mg_ratio.map(|x| format!("Ca:Mg {} over the logged days ({CA_MG_NOTE}).", ratio(x)))
}

/// The nutrient most often short and its foods: a headline, then one line per food.
pub fn shortfall_lines(r: &Review, d: VitaminDUnit) -> Option<(String, Vec<String>)> {
    let s = r.shortfall.as_ref()?;
    let n = s.nutrient;
    let logged = r.stats.coverage.logged;
    let head = format!(
        "Most often short: {}, below the EAR on {} logged days; the average is {} under the target. \
         Everyday foods that would close most of it, one ordinary serving each:",
        lower_first(n.info().name),
        of_logged(s.days_below_ear, logged),
        amount(n, s.gap, d)
    );
    let foods = s
        .suggestions
        .iter()
        .map(|x| {
            format!(
                "{}, {} ({} g): +{}",
                safe(&x.food.name),
                safe(&x.portion),
                super::grams(x.grams.round()),
                amount(n, x.adds, d)
            )
        })
        .collect();
    Some((head, foods))
}

/// The labs in or before the period, a line each with its intake (empty: none).
pub fn lab_lines(r: &Review, d: VitaminDUnit) -> Vec<String> {
    r.labs
        .iter()
        .map(|line| {
            let head = super::labs::summary(&line.lab, line.reading);
            match super::labs::intake(line, d) {
                Some(i) => format!("{head}; {i}"),
                None => head,
            }
        })
        .collect()
}

/// What `marrow review` prints.
pub fn text(r: &Review, d: VitaminDUnit) -> String {
    text_with_sun(r, None, d)
}

/// What `marrow review` prints, with vitamin D weighed against the sun when the config gives
/// a latitude (none: nothing is said of the sun).
pub fn text_with_sun(r: &Review, sun: Option<&SunWeighing>, d: VitaminDUnit) -> String {
    let mut s = format!("Review of {}.\n", period_name(r));
    let prev = r.previous.period;
    s.push_str(&format!("Compared with the {} days before: {} to {}.\n", prev.len(), prev.first, prev.last));
    for line in completeness_lines(r) {
        s.push_str(&format!("{line}\n"));
    }
    if r.stats.coverage.logged > 0 {
        let rows = summary_rows(r, d);
        for (i, nr) in r.nutrients.iter().enumerate() {
            let n = nr.nutrient;
            s.push_str(&format!("\n{} ({})\n", n.info().name, unit(n, d)));
            for row in &rows {
                let i = i + 1;
                s.push_str(&format!("  {}: {}\n", row[0], row[i]));
            }
            let foods: Vec<String> = food_rows(nr, d)
                .into_iter()
                .map(|[name, a, share]| format!("{name} {a} ({share})"))
                .collect();
            if !foods.is_empty() {
                s.push_str(&format!("  foods that gave most: {}\n", foods.join("; ")));
            }
        }
        s.push('\n');
        if let Some(l) = ratio_line(r) {
            s.push_str(&format!("{l}\n"));
        }
        if let Some((head, foods)) = shortfall_lines(r, d) {
            s.push_str(&format!("{head}\n"));
            for f in foods {
                s.push_str(&format!("  {f}\n"));
            }
        }
    }
    let doses = dose_rows(r, d);
    if !doses.is_empty() {
        s.push_str("\nSupplements:\n");
        for [name, form, count, each, total] in doses {
            let form = if form == "-" { String::new() } else { format!(" ({form})") };
            s.push_str(&format!("  {name}{form}: {count}, {each} each, {total} in all\n"));
        }
    }
    let labs = lab_lines(r, d);
    if !labs.is_empty() {
        s.push_str("\nLabs:\n");
        for l in labs {
            s.push_str(&format!("  {l}\n"));
        }
    }
    let warnings = warning_lines(r, d);
    if !warnings.is_empty() {
        s.push_str("\nWarnings:\n");
        for w in warnings {
            s.push_str(&format!("  {w}\n"));
        }
    }
    if let Some(w) = sun {
        s.push_str(&format!("\n{}\n", super::sun::review_line(w, d)));
    }
    s.push_str(&format!("\n{NOT_ADVICE}\n"));
    s
}
