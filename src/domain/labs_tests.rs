//! Lab kinds, units, conversions both ways and the bands at their edges.

use super::*;

fn lab(kind: LabKind, value: f64, unit: LabUnit) -> NewLab {
    NewLab {
        date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        kind,
        value,
        unit,
        range: None,
        logged_at: String::new(),
    }
}

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn conversions_go_both_ways_by_the_reference_factors() {
    use LabKind::*;
    use LabUnit::*;
    assert!(near(convert(VitaminD, 20.0, NgPerMl, NmolPerL).unwrap(), 49.92));
    assert!(near(convert(VitaminD, 49.92, NmolPerL, NgPerMl).unwrap(), 20.0));
    assert!(near(convert(Magnesium, 1.0, MmolPerL, MgPerDl).unwrap(), 2.431));
    assert!(near(convert(Magnesium, 2.431, MgPerDl, MmolPerL).unwrap(), 1.0));
    assert!(near(convert(Calcium, 2.5, MmolPerL, MgPerDl).unwrap(), 10.02));
    assert!(near(convert(Calcium, 10.02, MgPerDl, MmolPerL).unwrap(), 2.5));
    assert!(near(convert(Pth, 9.43, PgPerMl, PmolPerL).unwrap(), 1.0));
    assert!(near(convert(Pth, 1.0, PmolPerL, PgPerMl).unwrap(), 9.43));
    for k in LabKind::ALL {
        let [a, b] = k.units();
        let there = convert(k, 3.7, a, b).unwrap();
        assert!(near(convert(k, there, b, a).unwrap(), 3.7), "{k:?}");
        assert_eq!(convert(k, 3.7, a, a), Some(3.7));
    }
    assert_eq!(convert(VitaminD, 1.0, MmolPerL, NmolPerL), None, "not a unit of 25(OH)D");
}

#[test]
fn kinds_and_units_are_read_as_people_type_them() {
    for t in ["25ohd", "25(OH)D", "25-OH-D", "vitamin-d", "Vitamin D", "serum-25ohd"] {
        assert_eq!(LabKind::parse(t), Some(LabKind::VitaminD), "{t}");
    }
    assert_eq!(LabKind::parse("serum magnesium"), Some(LabKind::Magnesium));
    assert_eq!(LabKind::parse("Ca"), Some(LabKind::Calcium));
    assert_eq!(LabKind::parse("PTH"), Some(LabKind::Pth));
    assert_eq!(LabKind::parse("ferritin"), None);
    assert_eq!(LabUnit::parse("NG/ML"), Some(LabUnit::NgPerMl));
    assert_eq!(LabUnit::parse("nmol/l"), Some(LabUnit::NmolPerL));
    assert_eq!(LabUnit::parse("mg"), None);
}

#[test]
fn bad_values_units_and_ranges_are_refused_with_a_reason() {
    assert!(matches!(parse("ferritin", "20", "ng/mL", None), Err(LabError::Kind(_))));
    assert!(matches!(parse("25ohd", "20", "mmol/L", None), Err(LabError::Unit { .. })));
    assert!(matches!(parse("25ohd", "abc", "ng/mL", None), Err(LabError::Value(_))));
    assert!(matches!(parse("25ohd", "NaN", "ng/mL", None), Err(LabError::Value(_))));
    assert!(matches!(parse("25ohd", "-5", "ng/mL", None), Err(LabError::NotPositive(_))));
    assert!(matches!(parse("25ohd", "0", "ng/mL", None), Err(LabError::NotPositive(_))));
    assert!(matches!(parse("25ohd", "700", "ng/mL", None), Err(LabError::Absurd { .. })));
    assert!(parse("25ohd", "700", "nmol/L", None).is_ok(), "the limit is in the value's own unit");
    assert!(matches!(parse("magnesium", "20", "mmol/L", None), Err(LabError::Absurd { .. })));
    for r in ["10-8", "8", "a-b", "0-5", "8-8", "-1-5", "1-100000"] {
        assert!(matches!(parse("calcium", "9", "mg/dL", Some(r)), Err(LabError::Range(_))), "{r}");
    }
    let (k, x, u, r) = parse("calcium", "9.6", "mg/dL", Some("8.6-10.3")).unwrap();
    assert_eq!((k, x, u), (LabKind::Calcium, 9.6, LabUnit::MgPerDl));
    assert_eq!(r, Some(LabRange { low: 8.6, high: 10.3 }));
    assert_eq!(
        parse("pth", "40", "pg/mL", Some("15 – 65")).unwrap().3,
        Some(LabRange { low: 15.0, high: 65.0 })
    );
}

#[test]
fn vitamin_d_bands_hold_at_their_edges_in_either_unit() {
    use DBand::*;
    let band = |x: f64, u: LabUnit| match reading(&lab(LabKind::VitaminD, x, u)) {
        Reading::VitaminD(b) => b,
        other => panic!("{other:?}"),
    };
    let ng = LabUnit::NgPerMl;
    let nmol = LabUnit::NmolPerL;
    assert_eq!(band(11.9, ng), Deficient);
    assert_eq!(band(12.0, ng), Inadequate);
    assert_eq!(band(18.0, ng), Inadequate, "the issue's example");
    assert_eq!(band(19.9, ng), Inadequate);
    assert_eq!(band(20.0, ng), Adequate);
    assert_eq!(band(50.0, ng), Adequate);
    assert_eq!(band(50.1, ng), High);
    assert_eq!(band(29.9, nmol), Deficient);
    assert_eq!(band(30.0, nmol), Inadequate);
    assert_eq!(band(45.0, nmol), Inadequate, "the issue's example");
    assert_eq!(band(50.0, nmol), Adequate);
    assert_eq!(band(125.0, nmol), Adequate);
    assert_eq!(band(125.1, nmol), High);
}

#[test]
fn magnesium_reads_against_the_ods_range_and_calcium_against_the_labs_own() {
    let mg = |x: f64, u: LabUnit| reading(&lab(LabKind::Magnesium, x, u));
    assert_eq!(mg(0.74, LabUnit::MmolPerL), Reading::Magnesium(Versus::Below));
    assert_eq!(mg(0.75, LabUnit::MmolPerL), Reading::Magnesium(Versus::Within));
    assert_eq!(mg(0.95, LabUnit::MmolPerL), Reading::Magnesium(Versus::Within));
    assert_eq!(mg(0.96, LabUnit::MmolPerL), Reading::Magnesium(Versus::Above));
    assert_eq!(mg(1.8, LabUnit::MgPerDl), Reading::Magnesium(Versus::Within));
    assert_eq!(mg(2.4, LabUnit::MgPerDl), Reading::Magnesium(Versus::Above));
    let mut ca = lab(LabKind::Calcium, 2.2, LabUnit::MmolPerL);
    assert_eq!(reading(&ca), Reading::NoRange);
    ca.range = Some(LabRange { low: 2.2, high: 2.6 });
    assert_eq!(reading(&ca), Reading::LabRange(Versus::Within));
    ca.value = 2.15;
    assert_eq!(reading(&ca), Reading::LabRange(Versus::Below));
    let pth = NewLab {
        range: Some(LabRange { low: 15.0, high: 65.0 }),
        ..lab(LabKind::Pth, 70.0, LabUnit::PgPerMl)
    };
    assert_eq!(reading(&pth), Reading::LabRange(Versus::Above));
    assert!(near(pth.base_value(), 70.0));
    assert!(near(lab(LabKind::VitaminD, 20.0, LabUnit::NgPerMl).base_value(), 49.92));
}
