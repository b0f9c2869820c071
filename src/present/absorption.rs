//! Absorbable calcium in words: the day's and the week's estimate ("absorbable calcium about
//! 106 mg, estimate for 2 of 3 items"), where its fractions come from, and the mark on a
//! high-oxalate green ("spinach: about 5 % of its calcium is absorbed").

use super::amount::plural;
use crate::domain::absorption::{kind_of_food, Absorbable, Kind, GOOD_SOURCE, SOURCE};

/// Where the estimate comes from and what it leaves out, said once under it.
pub fn source_note() -> String {
    format!(
        "Absorbable calcium is an estimate: each food's calcium times the fraction absorbed \
         measured for its kind of food ({SOURCE}), with no load adjustment; foods not measured \
         have no estimate, and supplements are not counted."
    )
}

/// The short source for tight places: "Weaver, Proulx, Heaney 1999".
pub const SOURCE_SHORT: &str = "Weaver, Proulx, Heaney 1999";

/// "about 106 mg": an estimate is rounded to the milligram.
pub fn about(mg: f64) -> String {
    format!("about {}", whole_mg(mg))
}

/// "106 mg": an estimate in a column headed as one.
pub fn whole_mg(mg: f64) -> String {
    format!("{} mg", mg.round() as i64)
}

/// The head of a column of estimates.
pub const COLUMN_HEAD: &str = "absorbable, est.";

/// "estimate for 2 of 3 items", or "no estimate for 3 items" when no item had one.
pub fn items(a: &Absorbable) -> String {
    if a.estimated == 0 {
        format!("no estimate for {}", plural(a.items, "item", "items"))
    } else {
        format!("estimate for {} of {}", a.estimated, plural(a.items, "item", "items"))
    }
}

/// "absorbable calcium about 106 mg (estimate for 2 of 3 items)"; "absorbable calcium:
/// no estimate for 3 items"; None when nothing was logged.
pub fn line(a: &Absorbable) -> Option<String> {
    match (a.items, a.estimated) {
        (0, _) => None,
        (_, 0) => Some(format!("absorbable calcium: {}", items(a))),
        _ => Some(format!("absorbable calcium {} ({})", about(a.mg), items(a))),
    }
}

/// The week's: "absorbable calcium about 520 mg a day over 5 logged days (estimate for 9 of
/// 12 items)", the estimate's total shared over the logged days.
pub fn week_line(a: &Absorbable, logged_days: usize) -> Option<String> {
    if logged_days == 0 || a.items == 0 {
        return None;
    }
    if a.estimated == 0 {
        return Some(format!("absorbable calcium: {}", items(a)));
    }
    Some(format!(
        "absorbable calcium {} a day over {} ({})",
        about(a.mg / logged_days as f64),
        plural(logged_days, "logged day", "logged days"),
        items(a)
    ))
}

/// The gauges' line in `width` columns: "Ca absorbed about 106 mg, estimate for 2 of 3 items
/// (Weaver, Proulx, Heaney 1999)", without the source when it does not fit, "Ca absorbed
/// about 106 mg (2 of 3 items)" when that does not either; None when no item had an estimate.
pub fn gauge_line(a: &Absorbable, width: usize) -> Option<String> {
    if a.estimated == 0 {
        return None;
    }
    let full = format!("Ca absorbed {}, {}", about(a.mg), items(a));
    [format!("{full} ({SOURCE_SHORT})"), full]
        .into_iter()
        .find(|l| l.chars().count() <= width)
        .or_else(|| Some(format!("Ca absorbed {} ({} of {})", about(a.mg), a.estimated, a.items)))
}

/// "32 %": the fraction absorbed, to the percent.
pub fn percent(k: &Kind) -> String {
    format!("{} %", (k.fraction * 100.0).round() as i64)
}

/// "spinach: about 5 % of its calcium is absorbed", for a high-oxalate green (spinach,
/// Chinese spinach, rhubarb); None for any other food.
pub fn poor_source(id: &str, name: &str) -> Option<String> {
    let k = kind_of_food(id, name, None).filter(|k| k.high_oxalate)?;
    Some(format!("{}: about {} of its calcium is absorbed", k.name, percent(k)))
}

/// The absorbable-calcium order's note: what it ranks by and the good-source threshold.
pub fn order_note() -> String {
    format!(
        "Ordered by absorbable calcium, an estimate: calcium times the fraction absorbed \
         measured for the kind of food ({SOURCE}); foods not measured are left out. A good \
         source gives at least 30 mg absorbable calcium a serving ({GOOD_SOURCE})."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_is_worded_as_one() {
        let a = Absorbable { mg: 106.47, of_mg: 537.6, estimated: 2, items: 3 };
        assert_eq!(line(&a).unwrap(), "absorbable calcium about 106 mg (estimate for 2 of 3 items)");
        assert_eq!(
            gauge_line(&a, 100).unwrap(),
            "Ca absorbed about 106 mg, estimate for 2 of 3 items (Weaver, Proulx, Heaney 1999)"
        );
        assert_eq!(gauge_line(&a, 78).unwrap(), "Ca absorbed about 106 mg, estimate for 2 of 3 items");
        assert_eq!(gauge_line(&a, 38).unwrap(), "Ca absorbed about 106 mg (2 of 3)");
        assert_eq!(
            week_line(&a, 2).unwrap(),
            "absorbable calcium about 53 mg a day over 2 logged days (estimate for 2 of 3 items)"
        );
        let none = Absorbable { items: 1, ..Absorbable::default() };
        assert_eq!(line(&none).unwrap(), "absorbable calcium: no estimate for 1 item");
        assert_eq!(gauge_line(&none, 100), None, "the gauges say nothing without an estimate");
        assert_eq!(line(&Absorbable::default()), None);
        assert_eq!(week_line(&a, 0), None);
        assert!(source_note().contains("Weaver, Proulx, Heaney"));
        assert!(order_note().contains("Titchenal and Dobbs"));
    }

    #[test]
    fn high_oxalate_greens_are_named_poor_sources() {
        assert_eq!(
            poor_source("11458", "Spinach, cooked, boiled, drained, without salt").unwrap(),
            "spinach: about 5 % of its calcium is absorbed"
        );
        assert_eq!(
            poor_source("09307", "Rhubarb, raw").unwrap(),
            "rhubarb: about 9 % of its calcium is absorbed"
        );
        assert_eq!(poor_source("11233", "Kale, raw"), None, "kale absorbs well");
        assert_eq!(poor_source("c1", "Spinach, raw"), None, "a custom food");
    }
}
