//! A period's figures in words, as `week` says them (and the trends and the review after it):
//! which days were logged, counts that say what they count, averages marked when they are a
//! lower bound, and what is unknown.

use super::amount::{figure, plural, VitaminDUnit};
use crate::domain::day::DaySummary;
use crate::domain::period::{Coverage, NutrientStats};
use crate::domain::Nutrient;

/// The mark before a figure that leaves out unknown values: the true amount is at least it.
pub const LOWER_BOUND: &str = "≥";

/// A day's figure for `n` in a column: "-" when no food was logged, "?" when no item of the
/// day has a value for it (and no supplement gave any), "≥4.2" when some item has none,
/// else "81.0".
pub fn day_figure(day: &DaySummary, n: Nutrient, d: VitaminDUnit) -> String {
    let t = &day.totals;
    if !day.logged() {
        "-".into()
    } else if t.unknown(n) == t.items && day.supplement(n) == 0.0 {
        "?".into()
    } else if day.partly_unknown(n) {
        format!("{LOWER_BOUND}{}", figure(n, Some(t.get(n)), d))
    } else {
        figure(n, Some(t.get(n)), d)
    }
}

/// Why a day has no figures: "not logged", "supplements only", or "" for a logged day.
pub fn day_note(day: &DaySummary) -> &'static str {
    if day.supplements_only() {
        "supplements only"
    } else if !day.logged() {
        "not logged"
    } else {
        ""
    }
}

/// An average in a column: "-" with no logged day, "≥1.9" when it leaves out unknown values.
pub fn average_figure(s: &NutrientStats, food_alone: bool, d: VitaminDUnit) -> String {
    let avg = if food_alone { s.food_average } else { s.average };
    match avg {
        None => "-".into(),
        Some(a) if s.lower_bound() => format!("{LOWER_BOUND}{}", figure(s.nutrient, Some(a), d)),
        Some(a) => figure(s.nutrient, Some(a), d),
    }
}

/// A count of logged days: "3 of 5".
pub fn of_logged(count: usize, logged: usize) -> String {
    format!("{count} of {logged}")
}

/// The most days not logged that `coverage` names one by one.
const LISTED: usize = 7;

/// "Thu 8 Jan".
fn short_date(d: chrono::NaiveDate) -> String {
    d.format("%a %-d %b").to_string()
}

/// Which days the figures are over, in two lines: "5 of 7 days have food logged; not logged:
/// Thu 8 Jan, Fri 9 Jan (supplements only)." and "Averages and counts are over the 5 logged
/// days; ...".
pub fn coverage(c: &Coverage) -> String {
    let days = plural(c.days, "day", "days");
    let mut s = match c.logged {
        0 => format!("No food logged on the {days}"),
        n => format!("{n} of {days} have food logged"),
    };
    let only = c.supplements_only.len();
    if c.logged > 0 && c.not_logged.len() <= LISTED {
        let days: Vec<String> = c
            .not_logged
            .iter()
            .map(|d| {
                let only = if c.supplements_only.contains(d) { " (supplements only)" } else { "" };
                format!("{}{only}", short_date(*d))
            })
            .collect();
        if !days.is_empty() {
            s.push_str(&format!("; not logged: {}", days.join(", ")));
        }
    } else if c.logged > 0 {
        s.push_str(&format!("; {} not logged", c.not_logged.len()));
    }
    if only > 0 && (c.logged == 0 || c.not_logged.len() > LISTED) {
        s.push_str(&format!(" ({only} with supplements only)"));
    }
    match c.logged {
        0 => s.push_str(".\nNo averages: nothing to average."),
        n => s.push_str(&format!(
            ".\nAverages and counts are over the {}; days not logged are left out.",
            plural(n, "logged day", "logged days")
        )),
    }
    s
}

/// "Vitamin D unknown for 2 items on 1 day: its averages (≥) leave them out and are lower
/// bounds", or None when every item had a value.
pub fn unknown_note(s: &NutrientStats) -> Option<String> {
    s.lower_bound().then(|| {
        format!(
            "{} unknown for {} on {}: its averages ({LOWER_BOUND}) leave them out and are lower bounds.",
            s.nutrient.info().name,
            plural(s.unknown_items, "item", "items"),
            plural(s.unknown_days, "day", "days")
        )
    })
}

/// "Vitamin D: 1 more day may be below the EAR (food alone: 1), its figures partly unknown",
/// or None.
pub fn maybe_below_note(s: &NutrientStats) -> Option<String> {
    let m = s.maybe_below_ear;
    (m.food + m.with_supplements > 0).then(|| {
        format!(
            "{}: {} may also be below the EAR (food alone: {}); partly unknown, not counted above.",
            s.nutrient.info().name,
            plural(m.with_supplements, "more day", "more days"),
            m.food
        )
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::period::{Period, PeriodStats};
    use crate::domain::supplement::Supplement;
    use crate::domain::{Entry, Meal, NutrientValues, Profile};

    const UG: VitaminDUnit = VitaminDUnit::Micrograms;
    const IU: VitaminDUnit = VitaminDUnit::Iu;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
    }

    fn summary(d: u32, vit_d: &[Option<f64>], dose: Option<f64>) -> DaySummary {
        let entries: Vec<Entry> = vit_d
            .iter()
            .map(|v| {
                let mut per = NutrientValues::unknown();
                per.set(Nutrient::VitaminD, *v);
                Entry {
                    id: 1,
                    date: day(d),
                    meal: Meal::Lunch,
                    food_id: "x".into(),
                    food_name: "x".into(),
                    grams: 100.0,
                    quantity: "100 g".into(),
                    logged_at: String::new(),
                    per_100g: per,
                }
            })
            .collect();
        let doses: Vec<Supplement> = dose
            .map(|a| Supplement {
                id: 1,
                date: day(d),
                time: None,
                nutrient: Nutrient::VitaminD,
                amount: a,
                form: None,
                logged_at: String::new(),
            })
            .into_iter()
            .collect();
        DaySummary::with_supplements(day(d), &entries, &doses, &Profile::default())
    }

    #[test]
    fn day_figures_never_show_unknown_as_zero() {
        let n = Nutrient::VitaminD;
        assert_eq!(day_figure(&summary(5, &[Some(2.5)], None), n, UG), "2.5");
        assert_eq!(day_figure(&summary(5, &[Some(2.5), None], None), n, UG), "≥2.5");
        assert_eq!(day_figure(&summary(5, &[Some(2.5), None], None), n, IU), "≥100.0");
        assert_eq!(day_figure(&summary(5, &[None], None), n, UG), "?");
        assert_eq!(day_figure(&summary(5, &[None], Some(10.0)), n, UG), "≥10.0");
        assert_eq!(day_figure(&summary(5, &[], Some(10.0)), n, UG), "-");
        assert_eq!(day_note(&summary(5, &[], Some(10.0))), "supplements only");
        assert_eq!(day_note(&summary(5, &[], None)), "not logged");
        assert_eq!(day_note(&summary(5, &[None], None)), "");
    }

    #[test]
    fn the_period_says_what_it_counts_and_what_it_does_not_know() {
        let days = vec![
            summary(5, &[Some(2.0)], None),
            summary(6, &[None, None], None),
            summary(7, &[], Some(25.0)),
        ];
        let s = PeriodStats::of(Period::new(day(5), day(8)), &days);
        assert_eq!(
            coverage(&s.coverage),
            "2 of 4 days have food logged; not logged: Wed 7 Jan (supplements only), Thu 8 Jan.\n\
             Averages and counts are over the 2 logged days; days not logged are left out."
        );
        let d = s.get(Nutrient::VitaminD);
        assert_eq!(average_figure(d, false, UG), "≥1.0");
        assert_eq!(average_figure(d, true, IU), "≥40.0");
        assert_eq!(
            unknown_note(d).unwrap(),
            "Vitamin D unknown for 2 items on 1 day: its averages (≥) leave them out and are lower bounds."
        );
        assert_eq!(
            maybe_below_note(d).unwrap(),
            "Vitamin D: 1 more day may also be below the EAR (food alone: 1); partly unknown, not counted above."
        );
        assert_eq!(of_logged(d.below_ear.food, d.logged_days), "1 of 2");
        let none = PeriodStats::of(Period::new(day(9), day(9)), &days);
        assert_eq!(average_figure(none.get(Nutrient::Magnesium), false, UG), "-");
        assert_eq!(
            coverage(&none.coverage),
            "No food logged on the 1 day.\nNo averages: nothing to average."
        );
        let month = PeriodStats::of(Period::new(day(1), day(31)), &days);
        assert!(
            coverage(&month.coverage)
                .starts_with("2 of 31 days have food logged; 29 not logged (1 with supplements only).\n"),
            "29 days not logged are too many to name: {}",
            coverage(&month.coverage)
        );
        let d7 = PeriodStats::of(Period::new(day(7), day(8)), &days);
        assert!(
            coverage(&d7.coverage).starts_with("No food logged on the 2 days (1 with supplements only).\n")
        );
    }
}
