//! Portion labels: for each household portion of a food, the exact text that logs that row,
//! and the list of choices people read in errors and pickers.

use super::food::{trim_number, Portion};
use super::quantity;
use super::units::{normalize, same_words, variants};

/// The label of each portion, in the order given: the text that, typed for this food, logs
/// exactly that row's grams.
///
/// A label is the portion as USDA words it, "1 cup", "1 doughnut", "2 sardines", whenever that
/// text resolves to the row's own weight. Otherwise the row's weight follows in brackets, the
/// way marrow shows weights everywhere: "1 jar (5 oz) (142 g)". That happens in two cases:
/// - twins: rows with the same amount and description but different grams (food 01048 lists
///   "1 jar (5 oz)" at 128 g and at 142 g); every twin carries its weight, so they read apart;
/// - a description that is a mass unit whose row differs from the unit's own weight (USDA's
///   "3 oz" of cooked meat is 85 g, but "3 oz" typed is always 85.05 g): "3 oz (85 g)".
///
/// [`quantity::resolve`] reads the weight back ("2 jar (5 oz) (142 g)" is 284 g), so every
/// label, with its number changed or not, logs its own row.
pub fn labels(portions: &[Portion]) -> Vec<String> {
    let keys: Vec<Vec<String>> = portions.iter().map(|p| variants(&normalize(&p.description))).collect();
    portions
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let plain = format!("{} {}", trim_number(p.amount), p.description);
            let twin = portions.iter().enumerate().any(|(j, o)| {
                j != i
                    && trim_number(o.amount) == trim_number(p.amount)
                    && trim_number(o.grams) != trim_number(p.grams)
                    && same_words(&keys[i], &keys[j])
            });
            // A row of no weight logs nothing whatever its label; leave it as USDA words it.
            let logs_itself = p.grams <= 0.0
                || quantity::grams_quietly(&plain, portions)
                    .is_some_and(|g| (g - (p.grams * 100.0).round() / 100.0).abs() < 1e-9);
            if twin || !logs_itself {
                format!("{plain} ({} g)", trim_number(p.grams))
            } else {
                plain
            }
        })
        .collect()
}

/// Each portion as people choose it: its label and its weight, "1 cup, whole (143 g)", the
/// weight only once when the label already carries it.
pub fn choices(portions: &[Portion]) -> Vec<String> {
    labels(portions).iter().zip(portions).map(|(label, p)| choice(label, p)).collect()
}

/// One portion as people choose it, from its label: "1 cup, whole (143 g)".
pub fn choice(label: &str, p: &Portion) -> String {
    let weight = format!("({} g)", trim_number(p.grams));
    if label.ends_with(&weight) {
        label.to_string()
    } else {
        format!("{label} {weight}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(amount: f64, description: &str, grams: f64) -> Portion {
        Portion { amount, description: description.to_string(), grams }
    }

    fn grams(text: &str, portions: &[Portion]) -> f64 {
        quantity::resolve(text, portions).unwrap_or_else(|e| panic!("{text}: {e}")).grams
    }

    #[test]
    fn plain_labels_are_the_usda_words() {
        // Sunflower seed kernels (12036): the hulled cup is listed first.
        let seeds = vec![p(1.0, "cup, with hulls, edible yield", 46.0), p(1.0, "cup", 140.0)];
        assert_eq!(labels(&seeds), ["1 cup, with hulls, edible yield", "1 cup"]);
        assert_eq!(grams("1 cup", &seeds), 140.0);
        assert_eq!(grams("1 cup, with hulls, edible yield", &seeds), 46.0);
        let milk = vec![p(1.0, "cup", 240.0), p(0.5, "cup", 120.0), p(2.0, "sardines", 24.0)];
        assert_eq!(labels(&milk), ["1 cup", "0.5 cup", "2 sardines"]);
    }

    #[test]
    fn twins_carry_their_weight_and_read_back() {
        // Food 01048 lists the same jar twice at different weights.
        let jars = vec![p(1.0, "jar (5 oz)", 128.0), p(1.0, "Jar (5 OZ)", 142.0), p(1.0, "cup", 240.0)];
        let l = labels(&jars);
        assert_eq!(l, ["1 jar (5 oz) (128 g)", "1 Jar (5 OZ) (142 g)", "1 cup"]);
        assert_eq!(grams(&l[0], &jars), 128.0);
        assert_eq!(grams(&l[1], &jars), 142.0);
        assert_eq!(grams("2 jar (5 oz) (142 g)", &jars), 284.0);
        assert_eq!(grams("1 jar (5 oz) (142g)", &jars), 142.0);
        assert_eq!(grams("1 jar (5 oz)", &jars), 128.0, "without a weight, the first twin");
        assert!(quantity::resolve("1 jar (5 oz) (130 g)", &jars).is_err(), "no jar weighs 130 g");
        // Identical rows are not twins: either one logs the same grams.
        let same = vec![p(1.0, "jar", 170.0), p(1.0, "jar", 170.0)];
        assert_eq!(labels(&same), ["1 jar", "1 jar"]);
    }

    #[test]
    fn mass_descriptions_that_are_not_their_unit_carry_their_weight() {
        let beef = vec![p(3.0, "oz", 85.0), p(1.0, "lb", 453.6), p(1.0, "oz", 28.35)];
        let l = labels(&beef);
        assert_eq!(l, ["3 oz (85 g)", "1 lb (453.6 g)", "1 oz"]);
        assert_eq!(grams("3 oz", &beef), 85.05, "an ounce typed is always 28.35 g");
        assert_eq!(grams(&l[0], &beef), 85.0);
        assert_eq!(grams(&l[1], &beef), 453.6);
        assert_eq!(grams("6 oz (85 g)", &beef), 170.0);
    }

    #[test]
    fn choices_show_each_weight_once() {
        let jars = vec![p(1.0, "jar (5 oz)", 128.0), p(1.0, "jar (5 oz)", 142.0), p(1.0, "cup", 240.0)];
        assert_eq!(choices(&jars), ["1 jar (5 oz) (128 g)", "1 jar (5 oz) (142 g)", "1 cup (240 g)"]);
        assert!(choices(&[]).is_empty());
    }

    #[test]
    fn rows_of_no_weight_neither_panic_nor_loop() {
        let odd = vec![p(1.0, "jar", 0.0), p(0.0, "cup", 240.0), p(1.0, "", 5.0), p(1.0, "10 pieces", 30.0)];
        assert_eq!(labels(&odd).len(), 4);
        let err = quantity::resolve("1 jar", &odd).unwrap_err().to_string();
        assert!(err.contains("1 jar (0 g)"), "{err}");
        assert!(quantity::resolve("1 cup", &odd).is_err());
    }
}
