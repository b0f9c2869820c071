//! The bone co-factor panel in words (nutrition reference, section 10), as `marrow day` prints
//! it and the app's overlay shows it: one short line per co-factor, each naming its source.

use super::amount::{amount, number, percent, plural, VitaminDUnit};
use crate::domain::cofactors::{
    Against, Cofactors, Known, Protein, ProteinBasis, Sodium, CALCIUM_PER_SODIUM,
};
use crate::domain::Nutrient;

/// The panel's title.
pub const TITLE: &str = "Bone co-factors";

/// The panel's closing note: what its estimates are.
pub const NOTE: &str = "Figures are the day's food and supplements; the calcium lost to sodium is an \
estimate. Educational, not medical advice.";

/// " (1 of 3 items unknown)" when some item lacked a value, so the amount is a lower bound.
fn unknown(count: usize, items: usize) -> String {
    if count == 0 {
        String::new()
    } else {
        format!(" ({count} of {} unknown)", plural(items, "item", "items"))
    }
}

/// "52.3 g of 56 g, 93%", or "52.3 g" with no target.
fn against(n: Nutrient, v: f64, target: Option<f64>, d: VitaminDUnit) -> String {
    match target {
        Some(t) if t > 0.0 => {
            format!("{} of {}, {}", amount(n, v, d), amount(n, t, d), percent(v / t * 100.0))
        }
        _ => amount(n, v, d),
    }
}

/// Protein against its target and where the target comes from; past 65, the expert advice.
fn protein(p: &Protein, items: usize, d: VitaminDUnit) -> Vec<String> {
    let n = Nutrient::Protein;
    let basis = match p.basis {
        ProteinBasis::PerKg { per_kg, weight_kg, floor: None } => {
            format!("RDA {per_kg} g/kg x {} kg; DRI, National Academies", number(n, weight_kg, d))
        }
        ProteinBasis::PerKg { per_kg, weight_kg, floor: Some(f) } => format!(
            "RDA {per_kg} g/kg x {} kg, never below the table's {}; DRI, National Academies",
            number(n, weight_kg, d),
            amount(n, f, d)
        ),
        ProteinBasis::Table if p.target.is_none() => "no target for this profile".into(),
        ProteinBasis::Table => "RDA at the table's reference weight; DRI, National Academies".into(),
        ProteinBasis::Config => "your config's target".into(),
    };
    let mut lines =
        vec![format!("Protein {}{} ({basis})", against(n, p.amount, p.target, d), unknown(p.unknown, items))];
    if let Some(advice) = p.older_advice {
        let (lo, hi) = advice.per_kg;
        let grams = match advice.grams {
            Some((a, b)) => format!(", {}-{}", number(n, a, d), amount(n, b, d)),
            None => " (set a weight for grams)".into(),
        };
        lines.push(format!(
            "  over 65: {lo:.1}-{hi:.1} g/kg{grams} advised by PROT-AGE 2013 and ESPEN 2014: their advice, not a DRI"
        ));
    }
    lines
}

fn vitamin_k(k: &Against, items: usize, d: VitaminDUnit) -> String {
    let target = if k.target.is_some() { "AI for K1; DRI, IOM 2001" } else { "no AI for this profile" };
    format!(
        "Vitamin K1 {}{} ({target})",
        against(k.nutrient, k.amount, k.target, d),
        unknown(k.unknown, items)
    )
}

/// MK-4 is known for few foods: the sum over those items, never called the day's total.
fn mk4(k: &Known, items: usize, d: VitaminDUnit) -> String {
    let n = Nutrient::VitaminK2;
    match k.known {
        0 => format!(
            "Vitamin K2 (MK-4): unknown for all {} (SR28 has it for 588 foods; no DRI)",
            plural(items, "item", "items")
        ),
        _ => format!(
            "Vitamin K2 (MK-4) {} from the {} of {} whose MK-4 is known (SR28 has it for 588 foods; no DRI)",
            amount(n, k.amount, d),
            k.known,
            plural(items, "item", "items")
        ),
    }
}

/// Caffeine: the day's amount, with how many items lacked a value.
fn caffeine(c: &Known, items: usize, d: VitaminDUnit) -> String {
    if c.known == 0 {
        return format!("Caffeine: unknown for all {} (SR28; no DRI)", plural(items, "item", "items"));
    }
    format!(
        "Caffeine {}{} (SR28; no DRI)",
        amount(Nutrient::Caffeine, c.amount, d),
        unknown(items.saturating_sub(c.known), items)
    )
}

fn sodium(s: &Sodium, items: usize, d: VitaminDUnit) -> String {
    let per = CALCIUM_PER_SODIUM.1 / 1000.0;
    format!(
        "Sodium {}{}: about {} of calcium lost in urine (estimate, {:.0} mg per {per:.1} g; Weaver 1999)",
        amount(Nutrient::Sodium, s.amount, d),
        unknown(s.unknown, items),
        amount(Nutrient::Calcium, s.calcium_lost.round(), d),
        CALCIUM_PER_SODIUM.0
    )
}

/// The panel's lines, in order: protein (and the older-adult advice), vitamin K1, vitamin K2
/// (MK-4), sodium, caffeine.
pub fn lines(c: &Cofactors, d: VitaminDUnit) -> Vec<String> {
    let mut out = protein(&c.protein, c.items, d);
    out.push(vitamin_k(&c.vitamin_k, c.items, d));
    out.push(mk4(&c.mk4, c.items, d));
    out.push(sodium(&c.sodium, c.items, d));
    out.push(caffeine(&c.caffeine, c.items, d));
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::day::DaySummary;
    use crate::domain::{NutrientValues, Profile, Sex};

    fn panel(profile: &Profile) -> Vec<String> {
        let date = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let mut s = DaySummary::new(date, &[], profile);
        let mut v = NutrientValues::default();
        v.set(Nutrient::Protein, Some(52.34));
        v.set(Nutrient::Sodium, Some(2300.0));
        v.set(Nutrient::VitaminK, None);
        s.totals.add(&v);
        lines(&Cofactors::of(&s, profile), VitaminDUnit::Micrograms)
    }

    #[test]
    fn mk4_is_a_sum_over_the_items_known_and_caffeine_an_amount() {
        let profile = Profile::default();
        let date = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let mut s = DaySummary::new(date, &[], &profile);
        let mut egg = NutrientValues::default();
        egg.set(Nutrient::VitaminK2, Some(5.6));
        let mut coffee = NutrientValues::default();
        coffee.set(Nutrient::Caffeine, Some(94.8));
        s.totals.add(&egg);
        s.totals.add(&coffee);
        let text = lines(&Cofactors::of(&s, &profile), VitaminDUnit::Micrograms).join("\n");
        assert!(
            text.contains("Vitamin K2 (MK-4) 5.6 µg from the 1 of 2 items whose MK-4 is known"),
            "{text}"
        );
        assert!(text.contains("Caffeine 95 mg (1 of 2 items unknown) (SR28; no DRI)"), "{text}");
    }

    #[test]
    fn each_line_names_its_source() {
        let p = Profile { weight_kg: Some(70.0), ..Profile::default() };
        assert_eq!(
            panel(&p),
            [
                "Protein 52.3 g of 56 g, 93% (RDA 0.8 g/kg x 70 kg; DRI, National Academies)",
                "Vitamin K1 0 µg of 90 µg, 0% (1 of 1 item unknown) (AI for K1; DRI, IOM 2001)",
                "Vitamin K2 (MK-4): unknown for all 1 item (SR28 has it for 588 foods; no DRI)",
            "Sodium 2300 mg: about 40 mg of calcium lost in urine (estimate, 40 mg per 2.3 g; Weaver 1999)",
            "Caffeine: unknown for all 1 item (SR28; no DRI)",
            ]
        );
    }

    #[test]
    fn older_adults_read_the_expert_advice_as_advice() {
        let p = Profile { age: 70, sex: Sex::Male, weight_kg: Some(80.0), ..Profile::default() };
        let l = panel(&p);
        assert_eq!(
            l[1],
            "  over 65: 1.0-1.2 g/kg, 80-96 g advised by PROT-AGE 2013 and ESPEN 2014: their advice, not a DRI"
        );
        let l = panel(&Profile { age: 70, ..Profile::default() });
        assert!(l[0].contains("RDA at the table's reference weight"), "{}", l[0]);
        assert!(l[1].contains("1.0-1.2 g/kg (set a weight for grams)"), "{}", l[1]);
    }

    #[test]
    fn pregnancy_keeps_the_tables_grams() {
        let p = Profile { age: 30, pregnant: true, weight_kg: Some(50.0), ..Profile::default() };
        assert!(panel(&p)[0].contains("of 71 g") && panel(&p)[0].contains("never below the table's 71 g"));
    }
}
