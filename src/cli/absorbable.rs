//! Absorbable calcium on the command line: the lines `day` and `week` print under their
//! totals, and the object `day --json` and `week --json` carry.

use serde_json::{json, Value};

use crate::domain::absorption::{round_mg, Absorbable, SOURCE};
use crate::domain::day::DaySummary;
use crate::domain::Entry;
use crate::present::absorption::{line, poor_source, source_note, week_line};

/// The day's estimate, a note for each high-oxalate green logged, and where the estimate
/// comes from; nothing when nothing was logged.
pub fn lines(a: &Absorbable, entries: &[Entry]) {
    let Some(l) = line(a) else { return };
    outln!("{l}");
    let mut notes: Vec<String> = Vec::new();
    for n in entries.iter().filter_map(|e| poor_source(&e.food_id, &e.food_name)) {
        if !notes.contains(&n) {
            notes.push(n);
        }
    }
    for n in notes {
        outln!("{n}");
    }
    outln!("{}", source_note());
}

/// The week's estimate, a day's average over the logged days, and its source.
pub fn week_lines(a: &Absorbable, logged_days: usize) {
    if let Some(l) = week_line(a, logged_days) {
        outln!("{l}");
        outln!("{}", source_note());
    }
}

/// The estimate over `days` together.
pub fn total(days: &[DaySummary]) -> Absorbable {
    let mut a = Absorbable::default();
    for d in days {
        a.add(&d.absorbable);
    }
    a
}

/// The week's object: the day's fields over the week, plus `mg_per_logged_day`.
pub fn week_json(a: &Absorbable, logged_days: usize) -> Value {
    let mut v = json(a);
    let per_day = (a.estimated > 0 && logged_days > 0).then(|| round_mg(a.mg / logged_days as f64));
    v["mg_per_logged_day"] = json!(per_day);
    v
}

/// `{"mg", "estimated_items", "items", "calcium_mg_estimated", "estimate": true, "source"}`:
/// `mg` (absorbable, 0.1 mg) is null when no item had an estimate.
pub fn json(a: &Absorbable) -> Value {
    json!({
        "mg": (a.estimated > 0).then(|| round_mg(a.mg)),
        "estimated_items": a.estimated,
        "items": a.items,
        "calcium_mg_estimated": round_mg(a.of_mg),
        "estimate": true,
        "source": SOURCE,
    })
}
