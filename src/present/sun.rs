//! The sun and vitamin D in words: whether the shown day is in the vitamin D season at the
//! config's latitude, with the months of each, as `marrow day`, the app and `marrow review` say
//! it. Nothing here is said without a latitude: the callers hold an `Option`.

use super::amount::{amount, VitaminDUnit};
use crate::domain::sun::Sun;
use crate::domain::Nutrient;
use crate::service::review::SunWeighing;

/// Where the rule and the months come from.
pub const SUN_SOURCE: &str =
    "months whose noon sun stays at 31.5° or higher, fitted to Webb, Kline, Holick 1988";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "42.4° N", "33.9° S", "0.0°".
pub fn latitude(lat: f64) -> String {
    let rounded = (lat * 10.0).round() / 10.0;
    match rounded {
        x if x > 0.0 => format!("{x:.1}° N"),
        x if x < 0.0 => format!("{:.1}° S", -x),
        _ => "0.0°".into(),
    }
}

/// A month's name, whole or in three letters.
fn month(m: u32, short: bool) -> &'static str {
    let name = MONTHS[(m as usize + 11) % 12];
    if short {
        &name[..3]
    } else {
        name
    }
}

/// The runs of months as read: "April to September", "all year", "no month"; several runs
/// joined by "and". Short: "Apr-Sep".
pub fn months(runs: &[(u32, u32)], short: bool) -> String {
    match runs {
        [] => "no month".into(),
        [(1, 12)] => "all year".into(),
        _ => {
            let join = if short { "-" } else { " to " };
            let each: Vec<String> = runs
                .iter()
                .map(|&(a, b)| {
                    if a == b {
                        month(a, short).to_string()
                    } else {
                        format!("{}{join}{}", month(a, short), month(b, short))
                    }
                })
                .collect();
            each.join(if short { ", " } else { " and " })
        }
    }
}

/// The headline: "vitamin D season" or "no vitamin D from the sun at this latitude now".
pub fn headline(sun: &Sun) -> &'static str {
    if sun.season {
        "vitamin D season"
    } else {
        "no vitamin D from the sun at this latitude now"
    }
}

/// The months of each, in long words ("vitamin D season April to September, none October to
/// March") or short for the app ("season Apr-Sep" when the day is out of it, "none Oct-Mar"
/// when in it).
fn year(sun: &Sun, short: bool) -> String {
    let (with, without) = (sun.runs(true), sun.runs(false));
    match (with.is_empty(), without.is_empty(), short) {
        (true, _, false) => "no month of vitamin D season".into(),
        (true, _, true) => "no month of it".into(),
        (_, true, false) => "vitamin D season all year".into(),
        (_, true, true) => "all year".into(),
        (_, _, false) => {
            format!("vitamin D season {}, none {}", months(&with, false), months(&without, false))
        }
        _ if sun.season => format!("none {}", months(&without, true)),
        _ => format!("season {}", months(&with, true)),
    }
}

/// What `marrow day` says, one line: "Sun at 42.4° N: no vitamin D from the sun at this latitude
/// now (noon sun 26° today); vitamin D season March to October, none November to February
/// (months whose noon sun stays at 31.5° or higher, fitted to Webb, Kline, Holick 1988)."
pub fn day_line(sun: &Sun) -> String {
    format!(
        "Sun at {}: {} (noon sun {:.0}° today); {} ({SUN_SOURCE}).",
        latitude(sun.latitude),
        headline(sun),
        sun.elevation,
        year(sun, false)
    )
}

/// The app's line under the gauges, short enough for 80 columns: "Sun 42.4° N: no vitamin D
/// from the sun at this latitude now (season Apr-Sep)".
pub fn app_line(sun: &Sun) -> String {
    format!("Sun {}: {} ({})", latitude(sun.latitude), headline(sun), year(sun, true))
}

/// What `marrow review` says of the period's vitamin D against the sun.
pub fn review_line(w: &SunWeighing, d: VitaminDUnit) -> String {
    let n = Nutrient::VitaminD;
    let place = latitude(w.sun.latitude);
    let season = months(&w.sun.runs(true), false);
    let at_least = if w.lower_bound { "at least " } else { "" };
    let intake = match w.average {
        Some(a) => format!("food and supplements gave {at_least}{} a logged day", amount(n, a, d)),
        None => "no day was logged to weigh".into(),
    };
    let target = w.target.map(|t| amount(n, t, d)).unwrap_or_default();
    if w.sunless_days == 0 {
        return format!(
            "Sun at {place}: vitamin D season on every day of the period ({season}); {intake}, and the sun can add to it ({SUN_SOURCE})."
        );
    }
    let days = if w.sunless_days == w.days {
        "every day".to_string()
    } else {
        format!("{} of {} days", w.sunless_days, w.days)
    };
    let verdict = match (w.average, w.target) {
        _ if w.short_without_sun() => {
            format!(", below the {target} target: in these months food and supplements are all there is")
        }
        (Some(_), Some(_)) => format!(", at or above the {target} target"),
        _ => String::new(),
    };
    format!(
        "Sun at {place}: no vitamin D from the sun on {days} of the period (its season: {season}); {intake}{verdict} ({SUN_SOURCE})."
    )
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn sun(lat: f64, m: u32) -> Sun {
        Sun::at(lat, NaiveDate::from_ymd_opt(2026, m, 15).unwrap())
    }

    #[test]
    fn latitudes_name_their_hemisphere() {
        assert_eq!(latitude(42.36), "42.4° N");
        assert_eq!(latitude(-33.87), "33.9° S");
        assert_eq!(latitude(0.01), "0.0°");
    }

    #[test]
    fn boston_in_january_and_june() {
        assert_eq!(
            day_line(&sun(42.4, 1)),
            "Sun at 42.4° N: no vitamin D from the sun at this latitude now (noon sun 26° today); \
             vitamin D season March to October, none November to February (months whose noon sun \
             stays at 31.5° or higher, fitted to Webb, Kline, Holick 1988)."
        );
        assert_eq!(
            app_line(&sun(42.4, 1)),
            "Sun 42.4° N: no vitamin D from the sun at this latitude now (season Mar-Oct)"
        );
        assert_eq!(app_line(&sun(42.4, 6)), "Sun 42.4° N: vitamin D season (none Nov-Feb)");
        assert!(app_line(&sun(42.4, 1)).chars().count() <= 78);
    }

    #[test]
    fn the_equator_and_the_pole() {
        assert_eq!(app_line(&sun(0.0, 1)), "Sun 0.0°: vitamin D season (all year)");
        assert!(day_line(&sun(0.0, 1)).contains("; vitamin D season all year ("));
        assert_eq!(
            app_line(&sun(90.0, 6)),
            "Sun 90.0° N: no vitamin D from the sun at this latitude now (no month of it)"
        );
        assert!(day_line(&sun(-90.0, 1)).contains("; no month of vitamin D season ("));
        assert_eq!(
            app_line(&sun(-42.88, 7)),
            "Sun 42.9° S: no vitamin D from the sun at this latitude now (season Sep-Apr)"
        );
        assert_eq!(months(&[(12, 2), (6, 6)], false), "December to February and June");
        assert_eq!(months(&[(12, 2)], true), "Dec-Feb");
    }
}
