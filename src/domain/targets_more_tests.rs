//! Tests of the later nutrients' DRIs: the examples a person checks, and every figure against
//! the tables of the nutrition reference's section 7 when the reference is beside the project.

use super::*;
use crate::domain::targets::{Profile, Sex};

fn person(sex: Sex, age: u32) -> Profile {
    Profile { sex, age, default: false, ..Profile::default() }
}

#[test]
fn a_woman_of_54_has_the_references_targets_and_limits() {
    let w54 = person(Sex::Female, 54);
    let (t, ul) = (w54.targets(), w54.ul());
    assert_eq!(t.get(Nutrient::Iron), Some(8.0));
    assert_eq!(t.get(Nutrient::Folate), Some(400.0));
    assert_eq!(t.get(Nutrient::VitaminB12), Some(2.4));
    assert_eq!(t.get(Nutrient::Copper), Some(0.9), "900 µg, kept in mg");
    assert_eq!(ul.get(Nutrient::Copper), Some(10.0), "10,000 µg, kept in mg");
    assert_eq!(ul.get(Nutrient::FolicAcid), Some(1000.0));
    assert_eq!(ul.get(Nutrient::VitaminA), Some(3000.0));
    assert_eq!(ul.get(Nutrient::VitaminB12), None, "B12 has no UL");
    assert_eq!(t.get(Nutrient::FolicAcid), None, "folic acid has a limit, not a target");
    assert!(w54.ear().get(Nutrient::Iron).is_none(), "the reference gives no EAR for them");
    assert_eq!(person(Sex::Female, 30).targets().get(Nutrient::Iron), Some(18.0));
    let pregnant = Profile { pregnant: true, ..person(Sex::Female, 30) };
    assert_eq!(pregnant.targets().get(Nutrient::Iron), Some(27.0));
    assert_eq!(pregnant.targets().get(Nutrient::VitaminA), Some(770.0));
    assert_eq!(person(Sex::Male, 0).ul().get(Nutrient::FolicAcid), None, "not determinable");
}

#[test]
fn only_magnesium_vitamin_e_and_vitamin_a_limits_count_some_sources() {
    assert_eq!(ul_counts(Nutrient::Magnesium), UlCounts::Supplements);
    assert_eq!(ul_counts(Nutrient::VitaminE), UlCounts::Supplements);
    assert_eq!(ul_counts(Nutrient::VitaminA), UlCounts::RetinolSupplements);
    for n in [Nutrient::Iron, Nutrient::FolicAcid, Nutrient::Copper, Nutrient::Selenium, Nutrient::Calcium] {
        assert_eq!(ul_counts(n), UlCounts::Total, "{n:?}");
    }
}

/// The markdown tables of section 7: the RDA table, then the UL table, each a list of rows
/// of cells.
fn reference_tables() -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/docs/nutrition-reference.md");
    let text = std::fs::read_to_string(path).expect("the nutrition reference");
    let start = text.find("## 7.").expect("section 7");
    let section = &text[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut in_table = false;
    for line in section.lines() {
        if line.starts_with('|') {
            if !in_table {
                tables.push(Vec::new());
                in_table = true;
            }
            let cells: Vec<String> =
                line.trim_matches('|').split('|').map(|c| c.trim().to_string()).collect();
            if !cells[0].starts_with("---") && !cells[0].starts_with("Life stage") {
                tables.last_mut().unwrap().push(cells);
            }
        } else {
            in_table = false;
        }
    }
    assert_eq!(tables.len(), 2, "an RDA and a UL table");
    (tables[0].clone(), tables[1].clone())
}

/// A cell as the figure for alternative `alt` ("750 / 770": 0 or 1), without the AI mark;
/// NaN for "ND".
fn cell(text: &str, alt: usize) -> f64 {
    let parts: Vec<&str> = text.split(" / ").collect();
    let t = parts[alt.min(parts.len() - 1)].trim().trim_end_matches('*');
    if t == "ND" {
        f64::NAN
    } else {
        t.parse().unwrap_or_else(|_| panic!("not a figure: {text:?}"))
    }
}

fn same(ours: f64, theirs: f64) -> bool {
    (ours.is_nan() && theirs.is_nan()) || (ours - theirs).abs() < 1e-9
}

#[test]
#[cfg_attr(
    not(marrow_reference),
    ignore = "needs the nutrition reference at ../shared/docs/nutrition-reference.md"
)]
fn every_rda_matches_the_reference() {
    let (rda, _) = reference_tables();
    let stages: &[(&str, &[(&str, usize)])] = &[
        ("0-6 mo", &[("infant 0-6 months", 0)]),
        ("7-12 mo", &[("infant 7-12 months", 0)]),
        ("1-3 y", &[("child 1-3", 0)]),
        ("4-8 y", &[("child 4-8", 0)]),
        ("M 9-13", &[("male 9-13", 0)]),
        ("M 14-18", &[("male 14-18", 0)]),
        ("M 19+", &[("male 19-30", 0), ("male 31-50", 0), ("male 51-70", 0), ("male 71+", 0)]),
        ("F 9-13", &[("female 9-13", 0)]),
        ("F 14-18", &[("female 14-18", 0)]),
        ("F 19-50", &[("female 19-30", 0), ("female 31-50", 0)]),
        ("F 51+", &[("female 51-70", 0), ("female 71+", 0)]),
        ("Pregnant 14-18 / 19-50", &[("pregnant 14-18", 0), ("pregnant 19-30", 1), ("pregnant 31-50", 1)]),
        (
            "Lactating 14-18 / 19-50",
            &[("lactating 14-18", 0), ("lactating 19-30", 1), ("lactating 31-50", 1)],
        ),
    ];
    assert_eq!(rda.len(), stages.len(), "a row per life stage");
    let mut checked = 0;
    for row in &rda {
        let (_, ours) = stages.iter().find(|(l, _)| *l == row[0]).unwrap_or_else(|| panic!("{:?}", row[0]));
        for (label, alt) in *ours {
            let (_, values) = RDA_MORE.iter().find(|(l, _)| l == label).unwrap();
            for (col, n) in RDA_MORE_COLS.iter().enumerate() {
                // Copper: the reference's µg, kept in mg.
                let scale = if *n == Nutrient::Copper { 1000.0 } else { 1.0 };
                let theirs = cell(&row[col + 1], *alt) / scale;
                assert!(same(values[col], theirs), "{label} {n:?}: {} vs {theirs}", values[col]);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, RDA_MORE.len() * RDA_MORE_COLS.len(), "every figure checked");
}

#[test]
#[cfg_attr(
    not(marrow_reference),
    ignore = "needs the nutrition reference at ../shared/docs/nutrition-reference.md"
)]
fn every_ul_matches_the_reference() {
    let (_, ul) = reference_tables();
    let stages: &[(&str, &[&str])] = &[
        ("0-6 mo", &["0-6 months"]),
        ("7-12 mo", &["7-12 months"]),
        ("1-3 y", &["1-3"]),
        ("4-8 y", &["4-8"]),
        ("9-13 y", &["9-13"]),
        ("14-18 y (incl. pregnant, lactating)", &["14-18", "pregnant <=18", "lactating <=18"]),
        (
            "19+ y (incl. pregnant, lactating)",
            &["19-50", "51-70", "71+", "pregnant 19-50", "lactating 19-50"],
        ),
    ];
    assert_eq!(ul.len(), stages.len(), "a row per life stage");
    let mut checked = 0;
    for row in &ul {
        let (_, ours) = stages.iter().find(|(l, _)| *l == row[0]).unwrap_or_else(|| panic!("{:?}", row[0]));
        for label in *ours {
            let (_, values) = UL_MORE.iter().find(|(l, _)| l == label).unwrap();
            for (col, n) in UL_MORE_COLS.iter().enumerate() {
                let scale = if *n == Nutrient::Copper { 1000.0 } else { 1.0 };
                let theirs = cell(&row[col + 1], 0) / scale;
                assert!(same(values[col], theirs), "{label} {n:?}: {} vs {theirs}", values[col]);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, UL_MORE.len() * UL_MORE_COLS.len(), "every figure checked");
}
