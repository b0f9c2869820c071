//! The period rules on a made-up week: days not logged, supplement-only days, unknown
//! values, food alone against food with supplements, and the buckets.

use chrono::NaiveDate;

use super::*;
use crate::domain::supplement::Supplement;
use crate::domain::{Entry, Meal, NutrientValues, Profile};

const MG: Nutrient = Nutrient::Magnesium;
const CA: Nutrient = Nutrient::Calcium;
const D: Nutrient = Nutrient::VitaminD;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
}

/// A food item with these amounts (None: unknown).
fn item(date: NaiveDate, mg: f64, ca: f64, d: Option<f64>) -> Entry {
    let mut v = NutrientValues::unknown();
    v.set(MG, Some(mg));
    v.set(CA, Some(ca));
    v.set(D, d);
    Entry {
        id: 1,
        date,
        meal: Meal::Lunch,
        food_id: "x".into(),
        food_name: "x".into(),
        grams: 100.0,
        quantity: "100 g".into(),
        logged_at: String::new(),
        per_100g: v,
    }
}

fn dose(date: NaiveDate, n: Nutrient, amount: f64) -> Supplement {
    Supplement { id: 1, date, time: None, nutrient: n, amount, form: None, logged_at: String::new() }
}

/// Jan 5-11 2026 (default profile: Mg 320 / EAR 265, Ca 1000 / 800, D 15 / 10 µg): five
/// logged food days, an empty day (8th), a supplement-only day (9th), vitamin D unknown for
/// two items on the 7th.
fn week() -> Vec<DaySummary> {
    let p = Profile::default();
    let s =
        |d: u32, e: Vec<Entry>, doses: Vec<Supplement>| DaySummary::with_supplements(day(d), &e, &doses, &p);
    vec![
        s(5, vec![item(day(5), 270.0, 269.0, Some(0.0))], vec![]),
        s(6, vec![item(day(6), 294.4, 544.72, Some(3.172))], vec![]),
        s(7, vec![item(day(7), 228.0, 73.0, None), item(day(7), 135.0, 134.5, None)], vec![]),
        s(8, vec![], vec![]),
        s(9, vec![], vec![dose(day(9), MG, 300.0), dose(day(9), D, 25.0)]),
        s(10, vec![item(day(10), 270.0, 269.0, Some(0.0))], vec![dose(day(10), MG, 100.0)]),
        s(11, vec![item(day(11), 48.8, 551.44, Some(6.344))], vec![dose(day(11), D, 10.0)]),
    ]
}

fn near(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn days_without_food_are_not_logged_whatever_supplements_say() {
    let days = week();
    assert!(days[4].supplements_only() && !days[4].logged());
    assert!(!days[3].supplements_only() && !days[3].logged());
    let s = PeriodStats::of(Period::days_ending(day(11), 7), &days);
    assert_eq!(s.coverage.days, 7);
    assert_eq!(s.coverage.logged, 5);
    assert_eq!(s.coverage.not_logged, vec![day(8), day(9)]);
    assert_eq!(s.coverage.supplements_only, vec![day(9)]);
    assert_eq!(s.get(MG).logged_days, 5);
}

#[test]
fn averages_are_over_logged_days_food_alone_and_with_supplements() {
    let s = PeriodStats::of(Period::days_ending(day(11), 7), &week());
    let mg = s.get(MG);
    // 270 + 294.4 + 363 + 270 + 48.8 = 1246.2 over 5; the 100 mg dose of the 10th adds 20.
    assert!(near(mg.food_average, 249.24), "{mg:?}");
    assert!(near(mg.average, 269.24), "the 300 mg of the supplement-only day is left out: {mg:?}");
    assert!(!mg.lower_bound());
    assert_eq!(mg.at_target, Tally { food: 1, with_supplements: 2 });
    assert_eq!(mg.below_ear, Tally { food: 1, with_supplements: 1 });
    let ca = s.get(CA);
    assert!(near(ca.average, 1841.66 / 5.0));
    assert_eq!(ca.below_ear, Tally { food: 5, with_supplements: 5 });
}

#[test]
fn unknown_values_are_counted_and_make_the_average_a_lower_bound() {
    let s = PeriodStats::of(Period::days_ending(day(11), 7), &week());
    let d = s.get(D);
    assert_eq!((d.unknown_items, d.unknown_days), (2, 1));
    assert!(d.lower_bound());
    assert!(near(d.food_average, 9.516 / 5.0));
    assert!(near(d.average, 19.516 / 5.0));
    assert_eq!(d.at_target, Tally { food: 0, with_supplements: 1 });
    // The 7th knows nothing of its vitamin D: it may be below the EAR, not surely below.
    assert_eq!(d.below_ear, Tally { food: 4, with_supplements: 3 });
    assert_eq!(d.maybe_below_ear, Tally { food: 1, with_supplements: 1 });
    assert_eq!(s.get(MG).unknown_items, 0);
}

#[test]
fn a_period_with_nothing_logged_has_no_average() {
    let days: Vec<DaySummary> = week().into_iter().filter(|d| !d.logged()).collect();
    let s = PeriodStats::of(Period::new(day(8), day(9)), &days);
    assert_eq!(s.get(MG).average, None);
    assert_eq!(s.get(MG).at_target, Tally::default());
    assert_eq!(s.ca_mg_ratio, None);
    // A date with no summary at all is not logged either.
    let s = PeriodStats::of(Period::new(day(1), day(5)), &week());
    assert_eq!(s.coverage.not_logged, vec![day(1), day(2), day(3), day(4)]);
    assert_eq!(s.coverage.logged, 1);
}

#[test]
fn the_ratio_leaves_out_days_not_logged() {
    let s = PeriodStats::of(Period::days_ending(day(11), 7), &week());
    let mg = 1246.2 + 100.0;
    assert!(near(s.ca_mg_ratio, 1841.66 / mg), "{:?}", s.ca_mg_ratio);
}

#[test]
fn weeks_end_on_the_end_date_and_months_are_calendar_months() {
    let w = Period::weeks_ending(day(11), 3);
    assert_eq!(w.len(), 3);
    assert_eq!(w[2], Period::new(day(5), day(11)));
    assert_eq!(w[1], Period::new(NaiveDate::from_ymd_opt(2025, 12, 29).unwrap(), day(4)));
    assert_eq!(w[0].first, NaiveDate::from_ymd_opt(2025, 12, 22).unwrap());
    let m = Period::months_ending(NaiveDate::from_ymd_opt(2024, 3, 10).unwrap(), 4);
    let d = |y, mo, d| NaiveDate::from_ymd_opt(y, mo, d).unwrap();
    assert_eq!(
        m,
        vec![
            Period::new(d(2023, 12, 1), d(2023, 12, 31)),
            Period::new(d(2024, 1, 1), d(2024, 1, 31)),
            Period::new(d(2024, 2, 1), d(2024, 2, 29)),
            Period::new(d(2024, 3, 1), d(2024, 3, 10)),
        ]
    );
    assert_eq!(m[2].len(), 29);
    assert_eq!(Period::covering(&m), Some(Period::new(d(2023, 12, 1), d(2024, 3, 10))));
    assert_eq!(Period::days_ending(day(11), 0), Period::new(day(11), day(11)));
    assert_eq!(Period::new(day(11), day(5)).len(), 7, "given backwards");
    let first = Period::months_ending(NaiveDate::MIN, 3);
    assert_eq!(first.len(), 1, "nothing before the first day");
}

#[test]
fn buckets_give_the_same_numbers_as_the_period_alone() {
    let days = week();
    let buckets = Period::weeks_ending(day(11), 2);
    let each = PeriodStats::each(&buckets, &days);
    assert_eq!(each[1], PeriodStats::of(Period::days_ending(day(11), 7), &days));
    assert_eq!(each[1], PeriodStats::of(buckets[1], &days[..]));
    assert_eq!(each[0].coverage.logged, 0);
    assert_eq!(each[0].coverage.days, 7);
    assert_eq!(NutrientStats::of(&days, D), *each[1].get(D));
}
