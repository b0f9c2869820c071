//! Tests of life stages and their DRI figures against the nutrition reference.

use super::*;

fn person(sex: Sex, age: u32) -> Profile {
    Profile {
        sex,
        age,
        age_months: None,
        pregnant: false,
        lactating: false,
        weight_kg: None,
        default: false,
        overrides: Default::default(),
    }
}

#[test]
fn default_profile_is_adult_woman_31_50() {
    let p = Profile::default();
    assert!(p.default);
    assert_eq!(p.life_stage().label, "female 31-50");
    let t = p.targets();
    assert_eq!(t.get(Nutrient::Magnesium), Some(320.0));
    assert_eq!(t.get(Nutrient::Calcium), Some(1000.0));
    assert_eq!(t.get(Nutrient::VitaminD), Some(15.0));
}

#[test]
fn reference_examples() {
    let w54 = person(Sex::Female, 54).targets();
    assert_eq!(
        (w54.get(Nutrient::Magnesium), w54.get(Nutrient::Calcium), w54.get(Nutrient::VitaminD)),
        (Some(320.0), Some(1200.0), Some(15.0))
    );
    assert_eq!(person(Sex::Male, 25).targets().get(Nutrient::Magnesium), Some(400.0));
    let pregnant = Profile { pregnant: true, ..person(Sex::Female, 28) };
    assert_eq!(pregnant.life_stage().label, "pregnant 19-30");
    assert_eq!(pregnant.targets().get(Nutrient::Magnesium), Some(350.0));
    let m75 = person(Sex::Male, 75);
    assert_eq!(m75.targets().get(Nutrient::VitaminD), Some(20.0));
    assert_eq!(m75.targets().get(Nutrient::Calcium), Some(1200.0));
}

#[test]
fn stages_cover_every_age() {
    for age in 0..=120 {
        for sex in [Sex::Female, Sex::Male] {
            let t = person(sex, age).targets();
            assert!(t.get(Nutrient::Magnesium).is_some(), "{sex:?} {age}");
            assert!(person(sex, age).ul().get(Nutrient::Calcium).is_some(), "{sex:?} {age}");
        }
    }
    assert_eq!(person(Sex::Female, 2).life_stage().label, "child 1-3");
    assert_eq!(person(Sex::Male, 0).life_stage().label, "infant 0-6 months");
}

#[test]
fn ear_and_ul() {
    let w45 = person(Sex::Female, 45);
    assert_eq!(w45.ear().get(Nutrient::Magnesium), Some(265.0));
    assert_eq!(w45.ul().get(Nutrient::Magnesium), Some(350.0));
    assert_eq!(w45.ul().get(Nutrient::Calcium), Some(2500.0));
    assert_eq!(w45.ul().get(Nutrient::VitaminD), Some(100.0));
    assert_eq!(person(Sex::Female, 60).ul().get(Nutrient::Calcium), Some(2000.0));
    assert_eq!(person(Sex::Male, 2).ul().get(Nutrient::Magnesium), Some(65.0));
    assert_eq!(person(Sex::Male, 6).ul().get(Nutrient::Magnesium), Some(110.0));
    assert_eq!(person(Sex::Male, 0).ul().get(Nutrient::Magnesium), None, "not determinable");
    assert!(person(Sex::Male, 0).ear().0.is_empty(), "no EAR for infants");
    let lact17 = Profile { lactating: true, ..person(Sex::Female, 17) };
    assert_eq!(lact17.ul().get(Nutrient::Calcium), Some(3000.0));
    assert_eq!(lact17.targets().get(Nutrient::VitaminC), Some(115.0));
}

#[test]
fn pregnancy_ignored_for_men_and_weight_sets_protein() {
    let m = Profile { pregnant: true, ..person(Sex::Male, 30) };
    assert_eq!(m.life_stage().label, "male 19-30");
    let w = Profile { weight_kg: Some(70.0), ..person(Sex::Female, 40) };
    assert_eq!(w.targets().get(Nutrient::Protein), Some(56.0));
}

#[test]
fn protein_in_pregnancy_and_lactation_follows_weight_but_never_drops_below_the_table() {
    let pregnant = |kg| Profile { pregnant: true, weight_kg: Some(kg), ..person(Sex::Female, 30) };
    let lactating = |kg| Profile { lactating: true, weight_kg: Some(kg), ..person(Sex::Female, 30) };
    // 1.1 g/kg: 60 kg would be 66 g, below the table's 71 g.
    assert_eq!(pregnant(60.0).targets().get(Nutrient::Protein), Some(71.0));
    assert_eq!(pregnant(80.0).targets().get(Nutrient::Protein), Some(88.0));
    // 1.3 g/kg.
    assert_eq!(lactating(60.0).targets().get(Nutrient::Protein), Some(78.0));
    assert_eq!(lactating(50.0).targets().get(Nutrient::Protein), Some(71.0));
    let teen = Profile { pregnant: true, weight_kg: Some(70.0), ..person(Sex::Female, 17) };
    assert_eq!(teen.targets().get(Nutrient::Protein), Some(77.0));
}

#[test]
fn validate_refuses_what_no_person_is() {
    assert_eq!(person(Sex::Female, 130).validate(), Ok(()));
    assert_eq!(person(Sex::Male, 0).validate(), Ok(()));
    assert_eq!(person(Sex::Female, 131).validate(), Err(ProfileError::Age(131)));
    let pregnant_male = Profile { pregnant: true, ..person(Sex::Male, 30) };
    assert_eq!(pregnant_male.validate(), Err(ProfileError::NotFemale));
    let lactating_male = Profile { lactating: true, ..person(Sex::Male, 30) };
    assert_eq!(lactating_male.validate(), Err(ProfileError::NotFemale));
    assert_eq!(Profile { pregnant: true, ..person(Sex::Female, 30) }.validate(), Ok(()));
    for w in [0.0, -3.0, 500.5, f64::NAN, f64::INFINITY] {
        let p = Profile { weight_kg: Some(w), ..person(Sex::Female, 30) };
        assert!(matches!(p.validate(), Err(ProfileError::Weight(_))), "{w} kg accepted");
    }
    assert_eq!(Profile { weight_kg: Some(500.0), ..person(Sex::Female, 30) }.validate(), Ok(()));
}

#[test]
fn infants_from_seven_months_have_their_own_life_stage() {
    let infant = |m| Profile { age_months: Some(m), ..person(Sex::Female, 0) };
    assert_eq!(infant(6).life_stage().label, "infant 0-6 months");
    assert_eq!(infant(9).life_stage().label, "infant 7-12 months");
    assert_eq!(infant(9).targets().get(Nutrient::Magnesium), Some(75.0));
    assert_eq!(infant(9).targets().get(Nutrient::Calcium), Some(260.0));
    assert_eq!(infant(9).ul().get(Nutrient::Calcium), Some(1500.0));
    assert_eq!(infant(9).ul().get(Nutrient::VitaminD), Some(38.0));
    assert_eq!(person(Sex::Male, 0).life_stage().label, "infant 0-6 months", "months unknown");
    assert_eq!(infant(12).validate(), Err(ProfileError::Months(12)));
    let older = Profile { age_months: Some(3), ..person(Sex::Female, 2) };
    assert_eq!(older.validate(), Err(ProfileError::Months(3)));
}

#[test]
fn ages_are_read_in_years_or_an_infants_months() {
    use crate::domain::targets::{age_on, parse_age};
    assert_eq!(parse_age("54"), Some((54, None)));
    assert_eq!(parse_age(" 9m "), Some((0, Some(9))));
    assert_eq!(parse_age("9 months"), Some((0, Some(9))));
    assert_eq!(parse_age("24 months"), Some((2, None)));
    assert_eq!(parse_age("18m"), None, "a year and a half is not whole years");
    assert_eq!(parse_age("131"), None);
    assert_eq!(parse_age("nine"), None);
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    assert_eq!(age_on(d(2026, 2, 15), d(2026, 12, 1)), Some((0, Some(9))));
    assert_eq!(age_on(d(2026, 2, 1), d(2026, 12, 1)), Some((0, Some(10))));
    assert_eq!(age_on(d(1972, 3, 1), d(2026, 12, 1)), Some((54, None)));
    assert_eq!(age_on(d(1972, 12, 2), d(2026, 12, 1)), Some((53, None)));
    assert_eq!(age_on(d(2027, 1, 1), d(2026, 12, 1)), None, "not born yet");
}
