//! Whether the noon sun is high enough for skin to make vitamin D, from a latitude and a date
//! alone (nutrition reference, section 10): offline, no weather, no time of day.
//!
//! Noon elevation = 90 - |latitude - declination|, with the declination about 23.44 *
//! sin(360/365 * (day of year + 284)) degrees.
//!
//! The rule marrow applies is a month's: a month is one of vitamin D from the sun when its
//! lowest noon sun (on its first or last day) stands at least 31.5 degrees high, and every day
//! says what its month says. The threshold is the one that reproduces every month measured by
//! Webb, Kline and Holick (J Clin Endocrinol Metab 1988;67:373-8): no synthesis in Boston
//! (42 N) from November through February, in Edmonton (52 N) from October through March,
//! synthesis in Los Angeles (34 N) and Puerto Rico (18 N) in January. The lowest noon sun of
//! the months with synthesis is above 32.5 degrees, that of the months without below 30.2.
//!
//! The popular rule of thumb, a sun more than 45 degrees high (your shadow shorter than you
//! are), answers another question: the hours of a summer day when skin makes the most. Held
//! against the noon sun it would deny Los Angeles its January and Boston its March and October,
//! which Webb measured; no threshold on a single day's noon sun fits all of Webb's months (Los
//! Angeles on 15 January is lower than Edmonton on 15 March).

use chrono::{Datelike, NaiveDate};

/// The lowest noon elevation, in degrees, a month's days may have for the month to be one of
/// vitamin D from the sun (fitted to Webb, Kline, Holick 1988; see the module's notes).
pub const VITAMIN_D_ELEVATION: f64 = 31.5;

/// The sun's declination on a day of the year (1 = 1 January), in degrees.
pub fn declination(day_of_year: u32) -> f64 {
    let angle = (360.0 / 365.0 * (f64::from(day_of_year) + 284.0)).to_radians();
    23.44 * angle.sin()
}

/// The sun's elevation at solar noon, in degrees, at `latitude` (north positive) on `date`.
pub fn noon_elevation(latitude: f64, date: NaiveDate) -> f64 {
    90.0 - (latitude - declination(date.ordinal())).abs()
}

/// Whether `date` at `latitude` is in a month of vitamin D from the sun.
pub fn makes_vitamin_d(latitude: f64, date: NaiveDate) -> bool {
    month_makes_vitamin_d(latitude, date.month())
}

/// Whether month `month` (1-12) is one of vitamin D from the sun: its lowest noon sun, on its
/// lowest day reaches [`VITAMIN_D_ELEVATION`]. Worked on a common year, so the answer is the
/// same every year.
pub fn month_makes_vitamin_d(latitude: f64, month: u32) -> bool {
    lowest_noon_elevation(latitude, month).is_some_and(|e| e >= VITAMIN_D_ELEVATION)
}

/// The lowest noon elevation over the days of `month` (1-12) of a common year.
pub fn lowest_noon_elevation(latitude: f64, month: u32) -> Option<f64> {
    let first = NaiveDate::from_ymd_opt(2025, month, 1)?;
    let next = NaiveDate::from_ymd_opt(if month == 12 { 2026 } else { 2025 }, month % 12 + 1, 1)?;
    first.iter_days().take_while(|d| *d < next).map(|d| noon_elevation(latitude, d)).reduce(f64::min)
}

/// The sun at one place on one day, as marrow tells it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sun {
    pub latitude: f64,
    pub date: NaiveDate,
    /// Noon elevation on the day, in degrees.
    pub elevation: f64,
    /// Whether the day is in a month of vitamin D from the sun.
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
        let season = months[date.month0() as usize];
        Sun { latitude, date, elevation, season, months }
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
        // Webb measured none from November through February, and synthesis in March and October.
        for m in [11, 12, 1, 2] {
            assert!(!month_makes_vitamin_d(42.4, m), "month {m}");
        }
        for m in 3..=10 {
            assert!(month_makes_vitamin_d(42.4, m), "month {m}");
        }
        let sun = Sun::at(42.4, day(2026, 1, 15));
        assert!(!sun.season);
        assert_eq!(sun.runs(true), vec![(3, 10)]);
        assert_eq!(sun.runs(false), vec![(11, 2)]);
    }

    #[test]
    fn every_day_of_a_month_says_what_its_month_says() {
        // Boston on the first and last day of February and of March: the month decides.
        assert!(!makes_vitamin_d(42.4, day(2026, 2, 28)));
        assert!(makes_vitamin_d(42.4, day(2026, 3, 1)));
        assert!(makes_vitamin_d(34.05, day(2026, 1, 1)), "Los Angeles on New Year's Day");
    }

    #[test]
    fn edmonton_has_none_from_october_through_march() {
        for lat in [52.0, 53.5] {
            for m in [10, 11, 12, 1, 2, 3] {
                assert!(!month_makes_vitamin_d(lat, m), "{lat}: month {m}");
            }
            for m in 4..=9 {
                assert!(month_makes_vitamin_d(lat, m), "{lat}: month {m}");
            }
        }
    }

    #[test]
    fn puerto_rico_has_vitamin_d_from_the_sun_in_january() {
        assert!(makes_vitamin_d(18.0, day(2026, 1, 15)));
        assert_eq!(Sun::at(18.0, day(2026, 1, 15)).runs(true), vec![(1, 12)]);
    }

    #[test]
    fn los_angeles_has_vitamin_d_from_the_sun_in_january_as_webb_measured() {
        for lat in [34.0, 34.05] {
            for d in 1..=31 {
                assert!(makes_vitamin_d(lat, day(2026, 1, d)), "{lat}, 1 January + {d}");
            }
        }
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
        // Hobart (42.9 S) mirrors Boston: none from May through August.
        assert!(makes_vitamin_d(-42.88, day(2026, 1, 15)), "Hobart in January");
        assert!(!makes_vitamin_d(-42.88, day(2026, 7, 15)), "Hobart in July");
        let sun = Sun::at(-42.88, day(2026, 7, 15));
        assert_eq!(sun.runs(true), vec![(9, 4)]);
        assert_eq!(sun.runs(false), vec![(5, 8)]);
        // Sydney (33.9 S) mirrors Los Angeles: some all year.
        assert_eq!(Sun::at(-33.87, day(2026, 7, 15)).runs(true), vec![(1, 12)]);
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
