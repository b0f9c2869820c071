//! Notes and symptoms as people read them: a score, a day's line of the symptom view, the
//! before/after comparison, and the caveat that goes next to every comparison.

use super::amount::{amount, lower_first, plural, VitaminDUnit};
use super::text::safe;
use crate::domain::symptoms::{Comparison, Side, Symptom, OFFERED};
use crate::service::symptoms::{SymptomView, ViewDay};

/// Said next to every comparison of before and after, whatever it shows.
pub const CAVEAT: &str = "Not a trial: one person's scores, without a placebo or blinding, and a \
symptom drifts back toward its usual level by itself (regression to the mean), so a change after \
a start is expected either way. In trials magnesium did no better than placebo for muscle cramps \
in older adults (Cochrane review, 2020). No cause is claimed. Educational, not medical advice.";

/// The names offered, for the help: "cramps, joint pain, stiffness, fatigue or sleep".
pub fn offered() -> String {
    let (last, rest) = OFFERED.split_last().unwrap_or((&"", &[]));
    format!("{} or {last}", rest.join(", "))
}

/// A daily score: "6", or "4.5" for the mean of several on one day.
pub fn score(v: f64) -> String {
    format!("{v:.1}")
}

/// "cramps 6/10".
pub fn symptom(s: &Symptom) -> String {
    format!("{} {}/10", safe(&s.name), s.score)
}

/// What marks a day of the view: a run of the supplement starting or ending on it.
pub fn marks(view: &SymptomView, day: &ViewDay) -> String {
    let name = lower_first(view.nutrient.info().name);
    match (day.starts, day.stops) {
        (true, true) => format!("{name} supplement: one-day run"),
        (true, false) => format!("{name} supplement starts"),
        (false, true) => format!("last {name} dose of a run"),
        (false, false) => String::new(),
    }
}

/// The columns of one day: date, score (with how many were logged), intake, supplemental.
pub fn day_cells(view: &SymptomView, day: &ViewDay, d: VitaminDUnit) -> [String; 5] {
    let n = view.nutrient;
    let score = match (day.score, day.scores) {
        (Some(s), k) if k > 1 => format!("{} ({k})", score(s)),
        (Some(s), _) => score(s),
        (None, _) => "-".into(),
    };
    let intake = day.intake.map_or_else(|| "not logged".into(), |v| amount(n, v, d));
    let supplemental = if day.supplemental > 0.0 { amount(n, day.supplemental, d) } else { String::new() };
    [day.date.to_string(), score, intake, supplemental, marks(view, day)]
}

/// The column heads of [`day_cells`].
pub fn heads(view: &SymptomView) -> [String; 5] {
    let name = lower_first(view.nutrient.info().name);
    ["date".into(), safe(&view.name).into_owned(), name.clone(), "from supplements".into(), String::new()]
}

fn side(s: &Side) -> String {
    match s.mean {
        Some(m) => format!("{} ({} with a score)", score(m), plural(s.days, "day", "days")),
        None => "no score".into(),
    }
}

/// The comparison in two lines: "cramps before magnesium started on 2026-03-04: 6.0 (3
/// days with a score)" and "from that day on (14 days each side): 2.0 (3 days with a score)".
pub fn comparison(view: &SymptomView, c: &Comparison) -> Vec<String> {
    let name = lower_first(view.nutrient.info().name);
    vec![
        format!("{} before {name} started on {}: {}", safe(&view.name), c.start, side(&c.before)),
        format!("from that day on (14 days each side): {}", side(&c.after)),
    ]
}

/// Why there is no comparison, when there is none.
pub fn no_comparison(view: &SymptomView) -> String {
    let name = lower_first(view.nutrient.info().name);
    match view.comparison {
        None => format!("no {name} supplement starts within these days: nothing to compare"),
        Some(_) => "scores on only one side of the start: nothing to compare".into(),
    }
}

/// The whole view as lines of text: the days, then the comparison with its caveat.
pub fn lines(view: &SymptomView, d: VitaminDUnit) -> Vec<Vec<String>> {
    view.days.iter().map(|day| day_cells(view, day, d).to_vec()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caveat_names_what_a_comparison_cannot_show() {
        for part in ["Not a trial", "regression to the mean", "placebo", "Cochrane review, 2020", "No cause"]
        {
            assert!(CAVEAT.contains(part), "{part}");
        }
        assert_eq!(offered(), "cramps, joint pain, stiffness, fatigue or sleep");
    }
}
