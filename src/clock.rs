//! The wall clock, read without panicking: a clock set before 1970 (a dead RTC battery, a
//! test under faketime) or absurdly far ahead still gives a date, and marrow carries on.
//! Everything that needs "now" as a local date and time reads it here.

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Local, TimeDelta, Utc};

/// The local date and time now.
pub fn now() -> DateTime<Local> {
    local(SystemTime::now())
}

/// `time` as a local date and time.
pub fn local(time: SystemTime) -> DateTime<Local> {
    utc(time).with_timezone(&Local)
}

/// `time` in UTC, before the epoch as well as after it. A time outside what chrono can hold
/// is clamped to a day inside its range, so that adding any time zone's offset still fits.
pub fn utc(time: SystemTime) -> DateTime<Utc> {
    let (secs, nanos) = match time.duration_since(UNIX_EPOCH) {
        Ok(after) => (i64::try_from(after.as_secs()).unwrap_or(i64::MAX), after.subsec_nanos()),
        Err(before) => {
            let before = before.duration();
            let secs = i64::try_from(before.as_secs()).map_or(i64::MIN, |s| -s);
            match before.subsec_nanos() {
                0 => (secs, 0),
                // 0.25 s before the epoch is -1 s plus 0.75 s.
                n => (secs.saturating_sub(1), 1_000_000_000 - n),
            }
        }
    };
    let margin = TimeDelta::days(1);
    let (first, last) = (DateTime::<Utc>::MIN_UTC + margin, DateTime::<Utc>::MAX_UTC - margin);
    DateTime::from_timestamp(secs, nanos).unwrap_or(if secs < 0 { first } else { last }).clamp(first, last)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_time_before_the_epoch_is_the_date_and_time_it_names() {
        let t = UNIX_EPOCH - Duration::from_millis(250);
        assert_eq!(utc(t).to_rfc3339(), "1969-12-31T23:59:59.750+00:00");
        let t = UNIX_EPOCH - Duration::from_secs(86_400 * 365);
        assert_eq!(utc(t).to_rfc3339(), "1969-01-01T00:00:00+00:00");
        // The local form exists too (whatever the zone), with the same instant.
        assert_eq!(local(t).with_timezone(&Utc), utc(t));
    }

    #[test]
    fn a_time_after_the_epoch_matches_chrono() {
        let t = UNIX_EPOCH + Duration::new(1_767_225_600, 5);
        assert_eq!(utc(t), DateTime::from_timestamp(1_767_225_600, 5).unwrap());
        assert_eq!(utc(UNIX_EPOCH), DateTime::<Utc>::UNIX_EPOCH);
    }

    #[test]
    fn a_time_beyond_what_chrono_holds_is_clamped_not_a_panic() {
        let far = UNIX_EPOCH + Duration::from_secs(u64::MAX / 4);
        assert!(utc(far) > DateTime::from_timestamp(1 << 40, 0).unwrap());
        let _ = local(far).date_naive();
        if let Some(early) = UNIX_EPOCH.checked_sub(Duration::from_secs(1 << 62)) {
            assert!(utc(early) < DateTime::<Utc>::UNIX_EPOCH);
            let _ = local(early).date_naive();
        }
    }
}
