//! Whether the noon sun is high enough for skin to make vitamin D, from a latitude and a date
//! alone (nutrition reference, section 10): offline, no weather, no time of day.
//!
//! The rule: skin makes vitamin D when the sun stands more than 45 degrees above the horizon
//! (your shadow shorter than you are). Noon elevation = 90 - |latitude - declination|, with
//! the declination about 23.44 * sin(360/365 * (day of year + 284)) degrees.
//!
//! The rule is cautious next to the measurements it is usually cited with (Webb, Kline,
//! Holick, J Clin Endocrinol Metab 1988;67:373-8). Webb measured no synthesis in Boston (42 N)
//! from November through February and in Edmonton (52 N) from October through March; the rule
//! agrees on every one of those months and also rules out March and October in Boston and
//! September in Edmonton. Webb measured synthesis in Los Angeles (34 N) in January, where the
//! noon sun stands only about 35 degrees high; the rule says no. No single threshold on the
//! noon elevation fits all of Webb's months (Los Angeles in January is lower than Edmonton in
//! March), so marrow keeps the reference's 45-degree rule: it never claims sun that was not
//! measured, and may miss some weak synthesis.
//!
//! A month counts as one of vitamin D from the sun when the rule holds on its 15th; the day
//! itself is judged by its own noon sun, so near a season's edge the day and its month can
//! differ.

use chrono::{Datelike, NaiveDate};

/// The noon elevation, in degrees, above which skin makes vitamin D.
pub const VITAMIN_D_ELEVATION: f64 = 45.0;

/// The sun's declination on a day of the year (1 = 1 January), in degrees.
pub fn declination(day_of_year: u32) -> f64 {
    let angle = (360.0 / 365.0 * (f64::from(day_of_year) + 284.0)).to_radians();
    23.44 * angle.sin()
}

/// The sun's elevation at solar noon, in degrees, at `latitude` (north positive) on `date`.
pub fn noon_elevation(latitude: f64, date: NaiveDate) -> f64 {
    90.0 - (latitude - declination(date.ordinal())).abs()
}

/// Whether the noon sun on `date` at `latitude` is high enough for vitamin D.
pub fn makes_vitamin_d(latitude: f64, date: NaiveDate) -> bool {
    noon_elevation(latitude, date) > VITAMIN_D_ELEVATION
}

/// Whether month `month` (1-12) is one of vitamin D from the sun: the rule holds on its 15th
/// (of a common year, so the answer is the same every year).
pub fn month_makes_vitamin_d(latitude: f64, month: u32) -> bool {
    NaiveDate::from_ymd_opt(2025, month, 15).is_some_and(|d| makes_vitamin_d(latitude, d))
}

/// The sun at one place on one day, as marrow tells it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sun {
    pub latitude: f64,
    pub date: NaiveDate,
    /// Noon elevation on the day, in degrees.
    pub elevation: f64,
    /// Whether the day's noon sun is high enough for vitamin D.
    pub season: bool,
    /// Per month, January first: whether it is one of vitamin D from the sun.
    pub months: [bool; 12],
}

impl Sun {
    pub fn at(latitude: f64, date: NaiveDate) -> Sun {
        let mut months = [false; 12];
        for (i, m) in months.iter_mut().enumerate() {
            *m = month_makes_vitamin_d(latitude, i as u32 + 1);
        }
        let elevation = noon_elevation(latitude, date);
        Sun { latitude, date, elevation, season: elevation > VITAMIN_D_ELEVATION, months }
    }

    /// The runs of months with (`season` true) or without vitamin D from the sun, as
    /// (first, last) month numbers 1-12; a run may wrap past December ((10, 3) is October to
    /// March). Empty when no month is of that kind; [(1, 12)] when every month is.
    pub fn runs(&self, season: bool) -> Vec<(u32, u32)> {
        let of = |i: usize| self.months[i % 12] == season;
        if (0..12).all(of) {
            return vec![(1, 12)];
        }
        // Start just after a month of the other kind, so that no run is cut at December.
        let start = (0..12).find(|i| !of(*i)).unwrap_or(0) + 1;
        let mut runs = Vec::new();
        let mut first = None;
        for i in start..start + 12 {
            match (of(i), first) {
                (true, None) => first = Some(i),
                (false, Some(f)) => {
                    runs.push((f as u32 % 12 + 1, (i - 1) as u32 % 12 + 1));
                    first = None;
                }
                _ => {}
            }
        }
        if let Some(f) = first {
            runs.push((f as u32 % 12 + 1, (start + 11) as u32 % 12 + 1));
        }
        runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn declination_follows_the_seasons() {
        // Near the solstices and the equinoxes.
        assert!((declination(172) - 23.44).abs() < 0.1, "21 June: {}", declination(172));
        assert!((declination(355) + 23.44).abs() < 0.1, "21 December: {}", declination(355));
        assert!(declination(81).abs() < 1.0, "22 March: {}", declination(81));
        assert!(declination(266).abs() < 1.5, "23 September: {}", declination(266));
    }

    #[test]
    fn noon_elevation_at_known_places_and_dates() {
        // Boston, 15 January: declination about -21.3, so 90 - 63.7.
        let e = noon_elevation(42.4, day(2026, 1, 15));
        assert!((e - 26.3).abs() < 0.2, "{e}");
        // The equator at the March equinox: the sun is overhead.
        assert!(noon_elevation(0.0, day(2026, 3, 21)) > 89.0);
        // Sydney at midsummer (December) against midwinter (June).
        assert!(noon_elevation(-33.87, day(2026, 12, 21)) > 79.0);
        assert!(noon_elevation(-33.87, day(2026, 6, 21)) < 33.0);
    }

    #[test]
    fn boston_has_no_vitamin_d_from_the_sun_in_january_and_has_it_in_june() {
        assert!(!makes_vitamin_d(42.4, day(2026, 1, 15)));
        assert!(makes_vitamin_d(42.4, day(2026, 6, 15)));
        // Webb measured none from November through February: the rule agrees.
        for m in [11, 12, 1, 2] {
            assert!(!month_makes_vitamin_d(42.4, m), "month {m}");
        }
        let sun = Sun::at(42.4, day(2026, 1, 15));
        assert!(!sun.season);
        assert_eq!(sun.runs(true), vec![(4, 9)]);
        assert_eq!(sun.runs(false), vec![(10, 3)]);
    }

    #[test]
    fn edmonton_has_none_from_october_through_march() {
        for m in [10, 11, 12, 1, 2, 3] {
            assert!(!month_makes_vitamin_d(52.0, m), "month {m}");
        }
        assert!(month_makes_vitamin_d(52.0, 6));
    }

    #[test]
    fn puerto_rico_has_vitamin_d_from_the_sun_in_january() {
        assert!(makes_vitamin_d(18.0, day(2026, 1, 15)));
        assert_eq!(Sun::at(18.0, day(2026, 1, 15)).runs(true), vec![(1, 12)]);
    }

    #[test]
    fn los_angeles_in_january_is_below_the_rule_though_webb_measured_synthesis() {
        // The reference's 45-degree rule and Webb's measurement disagree here (see the module
        // header): the noon sun is about 35 degrees high, and marrow keeps the rule.
        let e = noon_elevation(34.0, day(2026, 1, 15));
        assert!((e - 34.7).abs() < 0.3, "{e}");
        assert!(!makes_vitamin_d(34.0, day(2026, 1, 15)));
        assert!(month_makes_vitamin_d(34.0, 3) && month_makes_vitamin_d(34.0, 10));
    }

    #[test]
    fn the_equator_has_it_all_year() {
        let sun = Sun::at(0.0, day(2026, 12, 21));
        assert!(sun.season);
        assert_eq!(sun.runs(true), vec![(1, 12)]);
        assert!(sun.runs(false).is_empty());
    }

    #[test]
    fn southern_latitudes_have_their_season_around_january() {
        assert!(makes_vitamin_d(-33.87, day(2026, 1, 15)), "Sydney in January");
        assert!(!makes_vitamin_d(-33.87, day(2026, 7, 15)), "Sydney in July");
        let sun = Sun::at(-33.87, day(2026, 7, 15));
        assert_eq!(sun.runs(true), vec![(9, 4)]);
        assert_eq!(sun.runs(false), vec![(5, 8)]);
    }

    #[test]
    fn the_poles_never_have_it() {
        assert!((1..=12).all(|m| !month_makes_vitamin_d(90.0, m)));
        assert!((1..=12).all(|m| !month_makes_vitamin_d(-90.0, m)));
        let sun = Sun::at(90.0, day(2026, 6, 21));
        assert!(sun.runs(true).is_empty());
        assert_eq!(sun.runs(false), vec![(1, 12)]);
    }
}
