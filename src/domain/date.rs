//! Calendar dates as users type them: strict ISO dates plus "today" and "yesterday".

use chrono::{Days, NaiveDate};

use super::{clip, DomainError};

/// The last date a diary keeps: dates are stored as four-digit years.
pub const LAST: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => panic!("9999-12-31 is a date"),
};

/// The day after `date`, or `date` itself on the last date a diary keeps.
pub fn next_day(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).filter(|d| *d <= LAST).unwrap_or(date)
}

/// The day before `date`, or `date` itself on the first calendar day (0001-01-01).
pub fn previous_day(date: NaiveDate) -> NaiveDate {
    date.checked_sub_days(Days::new(1)).filter(|d| d.year() >= 1).unwrap_or(date)
}

/// Parses "YYYY-MM-DD" (a real calendar date, four-digit year), "today", "yesterday" or
/// "tomorrow", relative to `today`.
pub fn parse_date(text: &str, today: NaiveDate) -> Result<NaiveDate, DomainError> {
    let bad = || DomainError::BadDate(clip(text));
    let t = text.trim();
    match t.to_lowercase().as_str() {
        "today" => return Ok(today),
        "yesterday" => return Some(previous_day(today)).filter(|d| *d != today).ok_or_else(bad),
        "tomorrow" => return Some(next_day(today)).filter(|d| *d != today).ok_or_else(bad),
        _ => {}
    }
    let b = t.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| t[r].parse::<u32>().map_err(|_| bad());
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let y = i32::try_from(y).map_err(|_| bad())?;
    // Year 0000 is no calendar year (1 BC is followed by AD 1).
    NaiveDate::from_ymd_opt(y, m, d).filter(|d| d.year() >= 1).ok_or_else(bad)
}

use chrono::Datelike;

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn accepts_real_dates_and_words() {
        assert_eq!(parse_date("2026-01-05", today()).unwrap(), NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
        assert_eq!(parse_date("2024-02-29", today()).unwrap(), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        assert_eq!(parse_date(" Today ", today()).unwrap(), today());
        assert_eq!(parse_date("yesterday", today()).unwrap(), NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    }

    #[test]
    fn days_step_within_the_dates_a_diary_keeps() {
        assert_eq!(next_day(LAST), LAST);
        let first = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
        assert_eq!(previous_day(first), first);
        assert!(parse_date("tomorrow", LAST).is_err());
        assert_eq!(next_day(today()), today().succ_opt().unwrap());
    }

    #[test]
    fn refuses_impossible_and_foreign_dates() {
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "99999-01-01",
            "0000-01-01",
            "11/25/2026",
            "",
            "2026-1-5",
            "2026-01-05x",
            "+026-01-05",
            "２０２６-01-05",
        ] {
            assert!(parse_date(bad, today()).is_err(), "{bad:?} should be refused");
        }
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_only_accepts_real_dates(s in "\\PC{0,16}") {
            let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
            if let Ok(d) = parse_date(&s, today) {
                let t = s.trim().to_lowercase();
                prop_assert!(["today", "yesterday", "tomorrow"].contains(&t.as_str()) || d.to_string() == s.trim());
            }
        }

        #[test]
        fn every_real_date_round_trips(days in 0i64..3_000_000) {
            let d = NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Days::new(days as u64);
            prop_assume!(d.year() <= 9999);
            prop_assert_eq!(parse_date(&d.to_string(), d).unwrap(), d);
        }
    }
}
