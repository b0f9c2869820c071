//! Laboratory values in words: the value as entered with its other unit, the lab's range, how
//! it reads against the IOM bands (25(OH)D), the ODS range (magnesium) or the lab's own range
//! (calcium, PTH), each with its source, and the intake of its nutrient over the days before.
//! The command line, the app's lab view, the review and the reports all say them this way.

use super::amount::{amount, plural, VitaminDUnit};
use super::period::LOWER_BOUND;
use crate::domain::labs::LabUnit;
use crate::domain::labs::{
    convert, DBand, Lab, LabKind, NewLab, Reading, Versus, MG_RANGE_MGDL, MG_RANGE_MMOL,
};
use crate::service::labs::{LabLine, INTAKE_DAYS};

/// Where the readings come from, one line each.
pub const SOURCES: [&str; 3] = [
    "25(OH)D bands: IOM 2011, as in the NIH ODS vitamin D fact sheet (table 1).",
    "Serum magnesium range 0.75-0.95 mmol/L (1.8-2.3 mg/dL): NIH ODS magnesium fact sheet.",
    "Calcium and PTH ranges differ by laboratory: marrow reads them against the lab's own range.",
];

/// What the lab view's bars show.
pub const BARS_NOTE: &str = "Bars: each kind's values on one scale, in the unit of its heading; the intake \
average against the target.";

/// Said with every reading.
pub const NOT_ADVICE: &str =
    "Educational, not medical advice: a clinician reads lab values with the rest of you.";

/// The kind as people say it: "25(OH)D", "serum magnesium".
pub fn kind_name(k: LabKind) -> &'static str {
    match k {
        LabKind::VitaminD => "25(OH)D",
        LabKind::Magnesium => "serum magnesium",
        LabKind::Calcium => "serum calcium",
        LabKind::Pth => "PTH",
    }
}

/// A lab number: at most two decimals for mmol/L, one otherwise, trailing zeros dropped.
pub fn number(x: f64, unit: LabUnit) -> String {
    let places = if unit == LabUnit::MmolPerL { 2 } else { 1 };
    let text = format!("{x:.places$}");
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    text.to_string()
}

/// "18 ng/mL (44.9 nmol/L)": as entered, then in the kind's other unit.
pub fn value(l: &NewLab) -> String {
    let [a, b] = l.kind.units();
    let other = if l.unit == a { b } else { a };
    let entered = format!("{} {}", number(l.value, l.unit), l.unit.key());
    match convert(l.kind, l.value, l.unit, other) {
        Some(x) => format!("{entered} ({} {})", number(x, other), other.key()),
        None => entered,
    }
}

/// "lab range 8.6-10.3 mg/dL", or None when none was given.
pub fn range(l: &NewLab) -> Option<String> {
    l.range
        .map(|r| format!("lab range {}-{} {}", number(r.low, l.unit), number(r.high, l.unit), l.unit.key()))
}

fn versus_word(v: Versus) -> &'static str {
    match v {
        Versus::Below => "below",
        Versus::Within => "within",
        Versus::Above => "above",
    }
}

/// How the value reads, in a few words: "inadequate for bone health".
pub fn reading_short(r: Reading) -> &'static str {
    match r {
        Reading::VitaminD(DBand::Deficient) => "deficient",
        Reading::VitaminD(DBand::Inadequate) => "inadequate for bone health",
        Reading::VitaminD(DBand::Adequate) => "adequate for most people",
        Reading::VitaminD(DBand::High) => "potential adverse effects above 125 nmol/L",
        Reading::Magnesium(v) | Reading::LabRange(v) => match v {
            Versus::Below => "below the range",
            Versus::Within => "within the range",
            Versus::Above => "above the range",
        },
        Reading::NoRange => "no range given",
    }
}

/// How the value reads, as a sentence with its source.
pub fn reading(l: &NewLab, r: Reading) -> String {
    match r {
        Reading::VitaminD(band) => {
            let why = match band {
                DBand::Deficient => "below 30 nmol/L (12 ng/mL) is associated with deficiency",
                DBand::Inadequate => {
                    "30 to under 50 nmol/L (12-20 ng/mL) is generally inadequate for bone health"
                }
                DBand::Adequate => "50 nmol/L (20 ng/mL) and above is adequate for most people",
                DBand::High => "above 125 nmol/L (50 ng/mL) is linked to potential adverse effects",
            };
            format!("{}: {why} (IOM 2011; NIH ODS vitamin D fact sheet).", upper_first(reading_short(r)))
        }
        Reading::Magnesium(v) => {
            let (low, high) = if l.unit == LabUnit::MgPerDl { MG_RANGE_MGDL } else { MG_RANGE_MMOL };
            format!(
                "{} the usual {}-{} {} (NIH ODS). Serum magnesium reflects body stores poorly: less than 1 % \
                 of the body's magnesium is in blood.",
                upper_first(versus_word(v)),
                number(low, l.unit),
                number(high, l.unit),
                l.unit.key()
            )
        }
        Reading::LabRange(v) => {
            format!("{} the lab's own range ({}).", upper_first(versus_word(v)), range(l).unwrap_or_default())
        }
        Reading::NoRange => format!(
            "No range was given: {} ranges differ by laboratory; add the lab's own with --range LOW-HIGH.",
            kind_name(l.kind)
        ),
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A nutrient's name inside a sentence: "vitamin D", "magnesium".
pub fn nutrient_name(n: crate::domain::Nutrient) -> String {
    super::amount::lower_first(n.info().name)
}

/// The intake before the lab: "vitamin D over the 90 days before: 12.5 µg a day, food and
/// supplements (food alone 8 µg), on 40 logged days"; None for a kind with no nutrient.
pub fn intake(line: &LabLine, d: VitaminDUnit) -> Option<String> {
    let s = line.intake.as_ref()?;
    let n = s.nutrient;
    let name = nutrient_name(n);
    let head = format!("{name} over the {INTAKE_DAYS} days before");
    Some(match (s.average, s.food_average) {
        (Some(avg), Some(food)) => {
            let mark = if s.lower_bound() { LOWER_BOUND } else { "" };
            let unknown = if s.lower_bound() {
                format!("; {} of unknown value left out", plural(s.unknown_items, "item", "items"))
            } else {
                String::new()
            };
            format!(
                "{head}: {mark}{} a day, food and supplements (food alone {mark}{}), on {}{unknown}",
                amount(n, avg, d),
                amount(n, food, d),
                plural(s.logged_days, "logged day", "logged days")
            )
        }
        _ => format!("{head}: no day with food logged, so no average"),
    })
}

/// The intake average alone, for a column: "≥12.5 µg", "-" when nothing was logged.
pub fn intake_short(line: &LabLine, d: VitaminDUnit) -> String {
    match line.intake.as_ref() {
        Some(s) if s.average.is_some() => {
            format!("{} {}", super::period::average_figure(s, false, d), super::amount::unit(s.nutrient, d))
        }
        _ => "-".into(),
    }
}

/// "#3 2026-03-01 25(OH)D 18 ng/mL (44.9 nmol/L): inadequate for bone health".
pub fn summary(lab: &Lab, r: Reading) -> String {
    format!(
        "#{} {} {} {}: {}",
        lab.id,
        lab.lab.date,
        kind_name(lab.lab.kind),
        value(&lab.lab),
        reading_short(r)
    )
}

/// Every line said of one lab: the summary, its range, the reading and the intake.
pub fn lines(line: &LabLine, d: VitaminDUnit) -> Vec<String> {
    let l = &line.lab.lab;
    let mut out = vec![summary(&line.lab, line.reading)];
    if let Some(r) = range(l).filter(|_| !matches!(line.reading, Reading::LabRange(_))) {
        out.push(format!("  {r}"));
    }
    out.push(format!("  {}", reading(l, line.reading)));
    out.extend(intake(line, d).map(|t| format!("  {t}")));
    out
}

/// The columns of the reports' lab table.
pub const HEADER: [&str; 5] = ["date", "lab", "value", "reading", "intake, 90 days before"];

/// One row per lab for the reports: date, kind, value (and the lab's range), how it reads,
/// the intake average of its nutrient before it ("-" when none).
pub fn rows(lines: &[LabLine], d: VitaminDUnit) -> Vec<Vec<String>> {
    lines
        .iter()
        .map(|line| {
            let l = &line.lab.lab;
            let value = match range(l) {
                Some(r) => format!("{} ({r})", value(l)),
                None => value(l),
            };
            let intake = match &line.intake {
                Some(s) if s.average.is_some() => format!(
                    "{} a day on {}",
                    intake_short(line, d),
                    plural(s.logged_days, "logged day", "logged days")
                ),
                _ => "-".into(),
            };
            vec![
                l.date.to_string(),
                kind_name(l.kind).into(),
                value,
                reading_short(line.reading).into(),
                intake,
            ]
        })
        .collect()
}

/// The notes under a lab table: what each kind's reading rests on, for the kinds shown.
pub fn notes(lines: &[LabLine]) -> Vec<String> {
    let has = |k: LabKind| lines.iter().any(|l| l.lab.lab.kind == k);
    let mut out = Vec::new();
    if has(LabKind::VitaminD) {
        out.push(format!("{} It trails the sun by about two months.", SOURCES[0]));
    }
    if has(LabKind::Magnesium) {
        out.push(format!("{} Serum magnesium reflects body stores poorly.", SOURCES[1]));
    }
    if has(LabKind::Calcium) || has(LabKind::Pth) {
        out.push(SOURCES[2].into());
    }
    out.push(format!(
        "Intake: food and supplements averaged over the logged days of the {INTAKE_DAYS} days before each lab; \
         \"≥\" where some item's value is unknown."
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_what_labs_print() {
        assert_eq!(number(18.0, LabUnit::NgPerMl), "18");
        assert_eq!(number(44.928, LabUnit::NmolPerL), "44.9");
        assert_eq!(number(0.8, LabUnit::MmolPerL), "0.8");
        assert_eq!(number(0.825, LabUnit::MmolPerL), "0.82");
    }
}
