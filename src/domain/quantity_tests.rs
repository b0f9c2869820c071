//! Tests of quantity parsing and resolution against real USDA portions.

use super::*;

fn p(amount: f64, description: &str, grams: f64) -> Portion {
    Portion { amount, description: description.to_string(), grams }
}

/// Banana, raw (09040), as in SR28 WEIGHT.txt.
fn banana() -> Vec<Portion> {
    vec![
        p(1.0, "cup, mashed", 225.0),
        p(1.0, "cup, sliced", 150.0),
        p(1.0, "extra small (less than 6\" long)", 81.0),
        p(1.0, "small (6\" to 6-7/8\" long)", 101.0),
        p(1.0, "medium (7\" to 7-7/8\" long)", 118.0),
        p(1.0, "large (8\" to 8-7/8\" long)", 136.0),
    ]
}

/// Sardines, canned in oil (15088).
fn sardines() -> Vec<Portion> {
    vec![
        p(1.0, "cup, drained", 149.0),
        p(1.0, "oz", 28.35),
        p(1.0, "can (3.75 oz)", 92.0),
        p(2.0, "sardines", 24.0),
    ]
}

fn grams(text: &str, portions: &[Portion]) -> f64 {
    resolve(text, portions).unwrap_or_else(|e| panic!("{text}: {e}")).grams
}

#[test]
fn mass_units_and_bare_numbers() {
    assert_eq!(grams("30g", &[]), 30.0);
    assert_eq!(grams("30 g", &[]), 30.0);
    assert_eq!(grams(" 30 G ", &[]), 30.0);
    assert_eq!(grams("250", &[]), 250.0);
    assert_eq!(grams("1.5 oz", &[]), 42.53);
    assert_eq!(grams("0.5 lb", &[]), 226.8);
    assert_eq!(grams("2 kg", &[]), 2000.0);
    assert_eq!(grams("1/2 kg", &[]), 500.0);
    assert_eq!(grams(".5 kg", &[]), 500.0);
    assert_eq!(grams("10 kg", &[]), 10_000.0);
}

#[test]
fn ounce_is_the_same_with_or_without_a_portion() {
    assert_eq!(grams("1 oz", &[]), 28.35);
    assert_eq!(grams("1 oz", &sardines()), 28.35);
}

#[test]
fn household_portions_match_description_starts() {
    assert_eq!(grams("1 medium", &banana()), 118.0);
    assert_eq!(grams("1 cup", &banana()), 225.0, "first portion wins");
    assert_eq!(grams("2 cups", &banana()), 450.0);
    assert_eq!(grams("1 cup sliced", &banana()), 150.0);
    assert_eq!(grams("1 Cup, Sliced", &banana()), 150.0);
    assert_eq!(grams("1 1/2 medium", &banana()), 177.0);
    assert_eq!(grams("2 sardines", &sardines()), 24.0);
    assert_eq!(grams("1 sardine", &sardines()), 12.0);
    assert_eq!(grams("1 can", &sardines()), 92.0);
}

#[test]
fn synonyms_for_spoons() {
    let milk = vec![p(1.0, "cup", 244.0), p(1.0, "tablespoon", 15.0)];
    assert_eq!(grams("2 tbsp", &milk), 30.0);
    let oil = vec![p(1.0, "tbsp", 13.6)];
    assert_eq!(grams("1 tablespoon", &oil), 13.6);
}

/// Glazed doughnuts (18255): the plain "doughnut" is the last of 16 rows.
fn doughnuts() -> Vec<Portion> {
    vec![
        p(1.0, "oz", 28.35),
        p(1.0, "doughnut hole", 13.0),
        p(1.0, "doughnut stick", 56.0),
        p(1.0, "doughnut, large (approx 4-1/4\" dia)", 75.0),
        p(1.0, "doughnut medium (approx 3-3/4\" dia)", 64.0),
        p(1.0, "doughnut (approx 1-1/2 oz)", 42.0),
        p(1.0, "doughnut", 63.0),
    ]
}

#[test]
fn an_exact_description_beats_an_earlier_prefix() {
    let seeds = vec![p(1.0, "cup, with hulls, edible yield", 46.0), p(1.0, "cup", 140.0)];
    assert_eq!(grams("1 cup", &seeds), 140.0);
    assert_eq!(grams("2 cups", &seeds), 280.0);
    assert_eq!(grams("1 cup with hulls", &seeds), 46.0, "a prefix when nothing is exact");
    assert_eq!(grams("1 doughnut", &doughnuts()), 63.0);
    assert_eq!(grams("2 doughnuts", &doughnuts()), 126.0);
    assert_eq!(grams("1 doughnut hole", &doughnuts()), 13.0);
    assert_eq!(grams("1 doughnut medium", &doughnuts()), 64.0);
}

#[test]
fn the_typed_amount_picks_among_equal_descriptions() {
    let yogurt = vec![p(0.5, "cup", 124.0), p(1.0, "cup", 246.0)];
    assert_eq!(grams("0.5 cup", &yogurt), 124.0);
    assert_eq!(grams("1/2 cup", &yogurt), 124.0);
    assert_eq!(grams("1 cup", &yogurt), 246.0);
    assert_eq!(grams("2 cups", &yogurt), 496.0, "no row of 2: the first, scaled");
    let thirds = vec![p(1.0, "cup", 300.0), p(0.333, "cup", 80.0)];
    assert_eq!(grams("0.333 cup", &thirds), 80.0, "exactly the row, not 0.333 of the cup");
}

/// Lemon juice (09152) and red table wine (14096), as SR28 lists them.
fn lemon_juice() -> Vec<Portion> {
    vec![
        p(1.0, "cup", 244.0),
        p(1.0, "fl oz", 30.5),
        p(1.0, "lemon yields", 48.0),
        p(1.0, "wedge yields", 5.9),
    ]
}

fn red_wine() -> Vec<Portion> {
    vec![p(1.0, "fl oz", 29.4), p(1.0, "serving (5 fl oz)", 147.0)]
}

#[test]
fn every_volume_unit_converts_through_the_cup() {
    // 1 cup = 16 tbsp = 48 tsp = 8 fl oz = 236.6 ml of a juice at 244 g a cup.
    for (text, g) in [
        ("1 cup", 244.0),
        ("1 tbsp", 15.25),
        ("2 tablespoons", 30.5),
        ("1 Tbs", 15.25),
        ("3 tsp", 15.25),
        ("1 teaspoon", 5.08),
        ("1 fl oz", 30.5),
        ("2 fl. oz.", 61.0),
        ("1 fluid ounce", 30.5),
        ("236.6 ml", 244.0),
        ("100 milliliters", 103.13),
        ("100 millilitres", 103.13),
        ("0.25 l", 257.82),
        ("1 liter", 1031.28),
        ("1 litre", 1031.28),
        ("1 pint", 488.0),
    ] {
        assert_eq!(grams(text, &lemon_juice()), g, "{text}");
    }
    // Wine lists only fl oz: 150 ml is 150 / 29.575 fl oz of 29.4 g.
    assert_eq!(grams("150 ml", &red_wine()), 149.11);
    assert_eq!(grams("1 cup", &red_wine()), 235.2);
    assert_eq!(grams("1 serving", &red_wine()), 147.0);
}

#[test]
fn ounces_stay_a_weight_and_fluid_ounces_a_volume() {
    assert_eq!(grams("1 oz", &red_wine()), 28.35);
    assert_eq!(grams("1 fl oz", &red_wine()), 29.4);
    assert_eq!(grams("8 oz", &lemon_juice()), 226.8);
    assert_eq!(grams("8 fl oz", &lemon_juice()), 244.0);
}

#[test]
fn volume_converts_through_the_typed_unit_then_a_plain_measure() {
    // Celery (11143): USDA measured a chopped cup; sixteen bare tablespoons are not that.
    let celery = vec![p(1.0, "cup chopped", 101.0), p(1.0, "tbsp", 7.5)];
    assert_eq!(grams("1 cup", &celery), 101.0);
    assert_eq!(grams("2 tbsp", &celery), 15.0);
    assert_eq!(grams("1 tsp", &celery), 2.5, "another unit: the bare tbsp before the chopped cup");
    assert_eq!(grams("1 fl oz", &celery), 15.0);
    let cheese = vec![p(1.0, "cup, diced", 140.0), p(1.0, "fl oz", 30.5)];
    assert_eq!(grams("2 tbsp", &cheese), 30.5, "the bare fl oz, not the diced cup");
    // Only qualified measures: the typed unit's own before another's, then USDA order.
    let nuts = vec![p(1.0, "tbsp, ground", 7.0), p(1.0, "cup, whole", 143.0), p(1.0, "cup, sliced", 92.0)];
    assert_eq!(grams("1 cup", &nuts), 143.0);
    assert_eq!(grams("1 tsp", &nuts), 2.33);
    assert_eq!(grams("16 tbsp", &nuts), 112.0);
    // A volume portion with its amount: "2 tbsp" of 30 g.
    let butter = vec![p(2.0, "tbsp", 28.0)];
    assert_eq!(grams("1 tsp", &butter), 4.67);
    assert_eq!(grams("1 cup", &butter), 224.0);
}

#[test]
fn a_food_without_volume_portions_refuses_volumes() {
    for unit in ["1 cup", "1 tbsp", "2 tsp", "1 fl oz", "150 ml", "1 l"] {
        let err = resolve(unit, &sardines()[1..]).unwrap_err();
        assert!(matches!(err, DomainError::NoVolume { .. }), "{unit}: {err:?}");
        let msg = err.to_string();
        assert!(msg.contains("is a volume") && msg.contains("1 can (3.75 oz) (92 g)"), "{msg}");
        assert!(!msg.contains('\n'));
    }
    assert!(resolve("1 cup", &sardines()).is_ok(), "the full list has a cup");
    assert_eq!(grams("1 cup", &sardines()), 149.0);
}

#[test]
fn a_picked_row_stays_that_row_when_its_number_changes() {
    let seeds = [p(1.0, "cup, with hulls, edible yield", 46.0), p(1.0, "cup", 140.0)];
    let row = &seeds[0];
    let label = "1 cup, with hulls, edible yield";
    let r = resolve_row("2 cup, with hulls, edible yield", row, label).unwrap().unwrap();
    assert_eq!((r.grams, r.portion.as_ref()), (92.0, Some(row)));
    assert_eq!(resolve_row(" 1/2  Cups, with hulls, edible yield", row, label).unwrap().unwrap().grams, 23.0);
    assert!(resolve_row("1 cup", row, label).is_none(), "another unit: resolve it as typed");
    let jar = p(1.0, "jar", 142.0);
    assert_eq!(resolve_row("2 jars", &jar, "1 jar (142 g)").unwrap().unwrap().grams, 284.0);
    assert_eq!(resolve_row("1/2 jar (142 g)", &jar, "1 jar (142 g)").unwrap().unwrap().grams, 71.0);
    assert!(resolve_row("nonsense", row, label).is_none());
    let huge = resolve_row("300 cups, with hulls, edible yield", row, label).unwrap();
    assert!(matches!(huge, Err(DomainError::QuantityTooLarge(_))), "{huge:?}");
}

#[test]
fn unit_must_match_whole_words() {
    // "me" is not "medium"; "cu" is not "cup".
    assert!(resolve("1 me", &banana()).is_err());
    assert!(resolve("1 cu", &banana()).is_err());
}

#[test]
fn unknown_unit_lists_portions() {
    let err = resolve("3 parsecs", &banana()).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("parsecs"), "{msg}");
    assert!(msg.contains("medium (7\" to 7-7/8\" long) (118 g)"), "{msg}");
    assert!(!msg.contains('\n'));
    let none = resolve("1 cup", &[]).unwrap_err().to_string();
    assert!(none.contains("no household portions"), "{none}");
}

#[test]
fn refuses_bad_quantities() {
    for bad in [
        "abc", "-5 g", "1e400 g", "0 g", "0", "NaN g", "", "   ", "inf g", "1/0 cup", "10001 g", "11 kg",
        "1..5 g", "1 2 3 g", "0.001 mg", "\u{7}5 g", "5 g\u{0}",
    ] {
        assert!(resolve(bad, &banana()).is_err(), "{bad:?} should be refused");
    }
}

#[test]
fn error_kinds_are_specific() {
    assert_eq!(resolve("", &[]).unwrap_err(), DomainError::EmptyQuantity);
    assert!(matches!(resolve("-5 g", &[]).unwrap_err(), DomainError::QuantityNotPositive(_)));
    assert!(matches!(resolve("0 g", &[]).unwrap_err(), DomainError::QuantityNotPositive(_)));
    assert!(matches!(resolve("20 kg", &[]).unwrap_err(), DomainError::QuantityTooLarge(_)));
    assert!(matches!(resolve("NaN g", &[]).unwrap_err(), DomainError::BadQuantity(_)));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_never_yields_bad_grams(s in "\\PC{0,40}") {
            if let Ok(r) = resolve(&s, &banana()) {
                prop_assert!(r.grams > 0.0 && r.grams <= MAX_GRAMS && r.grams.is_finite());
            }
        }

        #[test]
        fn grams_round_trip(g in 0.01f64..10_000.0) {
            let text = format!("{g:.2} g");
            let r = resolve(&text, &[]).unwrap();
            prop_assert!((r.grams - (g * 100.0).round() / 100.0).abs() < 1e-9);
        }
    }
}

#[test]
fn a_unit_named_after_a_size_takes_the_medium_one() {
    // Plain bagels (SR28 18408) come in mini, small, medium and large, none plain "bagel".
    let bagels = vec![
        Portion { amount: 1.0, description: "oz".into(), grams: 28.35 },
        Portion { amount: 1.0, description: "mini bagel (2-1/2\" dia)".into(), grams: 26.0 },
        Portion { amount: 1.0, description: "small bagel (3\" dia)".into(), grams: 69.0 },
        Portion { amount: 1.0, description: "medium bagel (3-1/2\" to 4\" dia)".into(), grams: 105.0 },
        Portion { amount: 1.0, description: "large bagel (4-1/2\" dia)".into(), grams: 131.0 },
    ];
    assert_eq!(resolve("1 bagel", &bagels).unwrap().grams, 105.0);
    assert_eq!(resolve("2 bagels", &bagels).unwrap().grams, 210.0);
    assert_eq!(resolve("1 small bagel", &bagels).unwrap().grams, 69.0, "a size typed is that size");
    assert!(resolve("1 muffin", &bagels).is_err());
}
