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
