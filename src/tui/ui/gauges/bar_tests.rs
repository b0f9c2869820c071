//! Tests of a gauge's bar: zones and their styles, where the marks stand, the words over a
//! limit, food and supplements apart, and magnesium's limit on supplements alone.

use super::*;
use crate::present::gauge::EMPTY_FILL;

const UG: VitaminDUnit = VitaminDUnit::Micrograms;

fn theme() -> Theme {
    Theme::new(false)
}

/// A woman of 51-70: calcium target 1200 mg, EAR 1000, UL 2000.
fn calcium(total: f64, supplements: f64) -> Reading {
    Reading {
        nutrient: Nutrient::Calcium,
        total,
        supplements,
        target: Some(1200.0),
        ear: Some(1000.0),
        ul: Some(2000.0),
        held: total,
    }
}

/// Magnesium: target 320 mg, EAR 265, UL 350 for supplements only.
fn magnesium(food: f64, supplements: f64) -> Reading {
    Reading {
        nutrient: Nutrient::Magnesium,
        total: food + supplements,
        supplements,
        target: Some(320.0),
        ear: Some(265.0),
        ul: Some(350.0),
        held: supplements,
    }
}

fn text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.content.as_ref()).collect()
}

/// The style of the cell showing `glyph` first.
fn style_of(spans: &[Span], glyph: char) -> Option<Style> {
    spans.iter().find(|s| s.content.contains(glyph)).map(|s| s.style)
}

#[test]
fn each_zone_has_its_style() {
    let t = theme();
    for (total, zone, style) in [
        (800.0, Zone::BelowEar, t.bad),
        (1100.0, Zone::BelowTarget, t.warn),
        (1500.0, Zone::Met, t.good),
        (2631.0, Zone::OverLimit, t.bad),
    ] {
        let r = calcium(total, 0.0);
        assert_eq!(r.zone(), zone, "{total} mg");
        assert_eq!(style_of(&spans(&r, 30, &t, UG), FOOD_FILL), Some(style), "{total} mg");
    }
    let no_target = Reading { target: None, ear: None, ul: None, ..calcium(500.0, 0.0) };
    assert_eq!(no_target.zone(), Zone::NoTarget);
    assert_eq!(text(&spans(&no_target, 10, &t, UG)), EMPTY_FILL.to_string().repeat(10));
}

#[test]
fn the_marks_stand_in_order_and_the_target_at_the_same_column() {
    let t = theme();
    for r in [calcium(0.0, 0.0), magnesium(0.0, 0.0), {
        let mut d = calcium(0.0, 0.0);
        (d.nutrient, d.target, d.ear, d.ul) = (Nutrient::VitaminD, Some(15.0), Some(10.0), Some(100.0));
        d
    }] {
        for width in [20, 27, 40] {
            let bar: Vec<char> = text(&spans(&r, width, &t, UG)).chars().collect();
            assert_eq!(bar.len(), width);
            let at = |m: char| bar.iter().position(|c| *c == m).unwrap_or_else(|| panic!("{m} in {bar:?}"));
            assert!(at(EAR_MARK) < at(TARGET_MARK) && at(TARGET_MARK) < at(LIMIT_MARK), "{bar:?}");
            assert_eq!(at(TARGET_MARK), mark_cell(TARGET_AT, width), "{:?} {bar:?}", r.nutrient);
        }
    }
}

#[test]
fn an_amount_at_the_target_fills_the_targets_cell() {
    let t = theme();
    let bar = spans(&calcium(1200.0, 0.0), 30, &t, UG);
    assert_eq!(style_of(&bar, TARGET_MARK), Some(t.mark_on(t.good)), "{}", text(&bar));
    let short = spans(&calcium(1150.0, 0.0), 30, &t, UG);
    assert_eq!(style_of(&short, TARGET_MARK), Some(t.text), "{}", text(&short));
}

#[test]
fn over_the_limit_the_bar_turns_to_the_warning_style_and_says_so() {
    let t = theme();
    let r = calcium(2631.0, 1200.0);
    let bar = spans(&r, 30, &t, UG);
    let shown = text(&bar);
    assert!(shown.contains(" over UL: 2631 of 2000 mg "), "{shown}");
    assert!(shown.contains(LIMIT_MARK), "the limit stays marked: {shown}");
    assert_eq!(style_of(&bar, SUPPLEMENT_FILL), Some(t.bad), "{shown}");
    assert_eq!(bar.iter().find(|s| s.content.contains("over UL")).map(|s| s.style), Some(t.over));
    // Narrower, the words shorten; they never cover the limit's mark.
    for width in [12, 16, 20, 24] {
        let shown = text(&spans(&r, width, &t, UG));
        assert!(shown.contains("over UL"), "{width}: {shown}");
        let ul = shown.chars().position(|c| c == LIMIT_MARK).expect("limit mark");
        let before: String = shown.chars().take(ul).collect();
        assert!(before.contains("over UL"), "{width}: {shown}");
    }
}

#[test]
fn food_and_supplements_are_two_parts_of_the_bar() {
    let t = theme();
    let shown = text(&spans(&calcium(900.0, 300.0), 30, &t, UG));
    let food = shown.chars().filter(|c| *c == FOOD_FILL).count();
    let supp = shown.chars().filter(|c| *c == SUPPLEMENT_FILL).count();
    assert!(food > supp && supp > 0, "{shown}");
    assert!(shown.find(FOOD_FILL) < shown.find(SUPPLEMENT_FILL), "food first: {shown}");
    // A small dose still shows.
    let tiny = text(&spans(&calcium(900.0, 1.0), 30, &t, UG));
    assert!(tiny.contains(SUPPLEMENT_FILL), "{tiny}");
}

#[test]
fn magnesiums_limit_is_measured_against_supplements_alone() {
    let t = theme();
    // Plenty of magnesium from food is never over the limit.
    let food = magnesium(900.0, 0.0);
    assert_eq!(food.zone(), Zone::Met);
    assert!(!text(&spans(&food, 30, &t, UG)).contains("UL"));
    // 169 mg from food and 400 from supplements: the supplements are over their 350 mg.
    let r = magnesium(169.3, 400.0);
    assert_eq!(r.zone(), Zone::OverLimit);
    let wide = text(&spans(&r, 60, &t, UG));
    assert!(wide.contains(" supplements 400 of 350 mg UL "), "{wide}");
    let shown: Vec<char> = text(&spans(&r, 40, &t, UG)).chars().collect();
    let line: String = shown.iter().collect();
    assert!(line.contains("suppl") && line.contains("350 mg"), "{line}");
    let food_end = shown.iter().position(|c| *c != FOOD_FILL).unwrap();
    assert!(food_end > 5, "the words leave the food part in sight: {line}");
    let limit = shown.iter().position(|c| *c == LIMIT_MARK).unwrap();
    assert!(shown[limit + 1..].contains(&SUPPLEMENT_FILL), "supplements run past the mark: {line}");
    // The mark sits 350 mg past the food part, where the supplements start.
    let within = magnesium(169.3, 300.0);
    let shown: Vec<char> = text(&spans(&within, 40, &t, UG)).chars().collect();
    let limit = shown.iter().position(|c| *c == LIMIT_MARK).unwrap();
    assert!(!shown[limit + 1..].contains(&SUPPLEMENT_FILL), "{shown:?}");
    assert_eq!(within.zone(), Zone::Met);
}

#[test]
fn tiny_bars_keep_their_width() {
    let t = theme();
    for width in 0..8 {
        for r in [calcium(2631.0, 0.0), magnesium(100.0, 400.0), calcium(0.0, 0.0)] {
            assert_eq!(text(&spans(&r, width, &t, UG)).chars().count(), width);
        }
    }
}
