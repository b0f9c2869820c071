//! The before/after arithmetic and the runs derived from doses.

use super::*;

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
}

fn score(day: u32, name: &str, score: u8) -> Symptom {
    Symptom { id: 0, date: d(day), name: name.into(), score, logged_at: String::new() }
}

#[test]
fn three_days_of_six_before_and_three_of_two_after_compare_as_such() {
    let logged: Vec<Symptom> = [1, 2, 3]
        .map(|x| score(x, "cramps", 6))
        .into_iter()
        .chain([4, 5, 6].map(|x| score(x, "cramps", 2)))
        .collect();
    let c = before_after(&daily_scores(&logged, "cramps"), d(4));
    assert_eq!(c.before, Side { days: 3, mean: Some(6.0) });
    assert_eq!(c.after, Side { days: 3, mean: Some(2.0) });
    assert!(c.comparable());
}

#[test]
fn several_scores_on_one_day_are_averaged_and_that_day_counts_once() {
    let logged =
        vec![score(1, "cramps", 8), score(1, "cramps", 4), score(2, "cramps", 3), score(1, "sleep", 1)];
    let daily = daily_scores(&logged, "cramps");
    assert_eq!(daily.get(&d(1)), Some(&6.0));
    let c = before_after(&daily, d(3));
    assert_eq!(c.before, Side { days: 2, mean: Some(4.5) });
    assert_eq!(c.after, Side { days: 0, mean: None });
    assert!(!c.comparable());
}

#[test]
fn the_window_is_fourteen_days_each_side_and_the_start_day_counts_after() {
    let mut scores = BTreeMap::new();
    scores.insert(d(15) - chrono::Duration::days(15), 9.0); // outside, before
    scores.insert(d(1), 5.0); // 14 days before the 15th: inside
    scores.insert(d(15), 1.0);
    scores.insert(d(28), 3.0); // the 14th day from the start: inside
    scores.insert(d(29), 9.0); // outside, after
    let c = before_after(&scores, d(15));
    assert_eq!(c.before, Side { days: 1, mean: Some(5.0) });
    assert_eq!(c.after, Side { days: 2, mean: Some(2.0) });
}

#[test]
fn doses_up_to_three_days_apart_are_one_run() {
    let days = [d(1), d(2), d(2), d(5), d(9), d(10), d(20)];
    assert_eq!(
        runs(&days),
        vec![
            Run { start: d(1), stop: d(5) },
            Run { start: d(9), stop: d(10) },
            Run { start: d(20), stop: d(20) }
        ]
    );
    assert_eq!(runs(&[d(3), d(1)]), vec![Run { start: d(1), stop: d(3) }], "order does not matter");
    assert!(runs(&[]).is_empty());
}

#[test]
fn the_default_start_is_the_latest_within_the_span() {
    let r = runs(&[d(1), d(9), d(20)]);
    assert_eq!(latest_start(&r, d(1), d(15)), Some(d(9)));
    assert_eq!(latest_start(&r, d(21), d(30)), None);
}

#[test]
fn scores_are_whole_numbers_from_zero_to_ten() {
    assert_eq!(parse_score("0"), Ok(0));
    assert_eq!(parse_score(" 10 "), Ok(10));
    for bad in ["11", "-1", "6.5", "", "six", "007", "1e1", "99999999999999999999"] {
        assert!(parse_score(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn names_are_one_symptom_whatever_the_case_and_spacing() {
    assert_eq!(symptom_name("  Joint   Pain ").as_deref(), Ok("joint pain"));
    assert!(symptom_name("").is_err());
    assert!(symptom_name(&"x".repeat(NAME_MAX + 1)).is_err());
    assert!(symptom_name("cramps\u{1b}[2J").is_err());
    assert!(note_text("slept badly\nand woke at 4").is_err());
    assert_eq!(note_text(" long walk ").as_deref(), Ok("long walk"));
}
