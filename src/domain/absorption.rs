//! How much of a food's calcium the body absorbs: the fractions measured in people per food
//! (Weaver, Proulx, Heaney 1999; nutrition reference section 8), the rule that says which
//! SR28 foods are of each measured kind, and a day's absorbable calcium from its entries.
//!
//! The fractions are used as measured, with no adjustment for the serving's calcium load. A
//! food of no measured kind has no estimate: it is counted as such, never given a default.
//!
//! Decisions the table makes (each tested over the whole embedded catalog):
//! - Dairy (32.1 %, measured for milk, yogurt, cheddar and cheese food) covers every milk,
//!   yogurt and cheese of the Dairy and Egg group, of cows and of goats, sheep and buffalo
//!   alike: their calcium is held the same way, in casein and calcium phosphate. Left out:
//!   human milk, anything chocolate (cocoa brings oxalate; not measured), frozen yogurt,
//!   milk shakes and desserts, imitations and substitutes, cheese sauce and cottage cheese
//!   with vegetables (mixed dishes).
//! - Each vegetable kind covers its raw, cooked, frozen and canned forms, with or without
//!   salt or sugar; mixed dishes (spinach souffle, soups, babyfood dinners), other plants
//!   that share a word (New Zealand or mustard spinach, broccoli raab, Chinese broccoli,
//!   sweet potato leaves, wild rhubarb leaves) and fried products (sweet potato fries and
//!   puffs) have no estimate.
//! - Chinese spinach is SR28's amaranth leaves; Chinese mustard greens are its mustard
//!   greens (Brassica juncea); bok choy is its pak-choi. SR28 has no Chinese flowering
//!   cabbage, so "Chinese cabbage flower leaves" matches no food.
//! - Beans are the mature seeds of the Legumes group: pinto, red (every kidney bean) and
//!   white (white and small white; navy and great northern were not measured). Sprouted and
//!   immature beans have no estimate.
//! - Whole wheat bread is SR28's "Bread, whole-wheat" (leavened loaves), not flat breads.
//! - Wheat bran cereal is the ready-to-eat wheat bran cereals (All-Bran, bran flakes, toasted
//!   wheat bran), not oat bran nor raisin bran.
//! - Calcium-set tofu is tofu SR28 says was made with calcium sulfate. Calcium-fortified
//!   orange juice stands for the measured calcium citrate malate juice, and soymilk with
//!   added calcium for the measured tricalcium phosphate soymilk (SR28 does not name the
//!   salt); chocolate soymilk is left out as chocolate milk is.

use super::nutrient::Nutrient;
use super::Entry;

/// The study the fractions come from.
pub const SOURCE: &str = "Weaver, Proulx, Heaney, Am J Clin Nutr 1999;70(3 Suppl):543S-548S";

/// The threshold for a good calcium source, in absorbable mg per serving.
pub const GOOD_SOURCE: &str = "Titchenal and Dobbs, J Food Compos Anal 2007;20:717-24";

/// An estimate as data (JSON) gives it: to 0.1 mg, no finer than the fractions allow.
pub fn round_mg(mg: f64) -> f64 {
    (mg * 10.0).round() / 10.0
}

/// A measured kind of food: its name as the study gives it and the fraction of its calcium
/// absorbed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kind {
    pub name: &'static str,
    /// Fraction absorbed, 0..1.
    pub fraction: f64,
    /// A high-oxalate green: most of its calcium is bound and not absorbed.
    pub high_oxalate: bool,
    /// The SR28 food group its foods belong to.
    group: &'static str,
    /// A food is of this kind when its lower-cased name starts with one of these (when
    /// any are given)...
    starts: &'static [&'static str],
    /// ...holds one of these (when any are given)...
    holds: &'static [&'static str],
    /// ...and holds none of these. A kind with neither starts nor holds matches no food.
    not: &'static [&'static str],
}

const VEG: &str = "Vegetables and Vegetable Products";
const LEGUMES: &str = "Legumes and Legume Products";

const fn kind(
    name: &'static str,
    percent: f64,
    group: &'static str,
    starts: &'static [&'static str],
    holds: &'static [&'static str],
    not: &'static [&'static str],
) -> Kind {
    Kind { name, fraction: percent / 100.0, high_oxalate: false, group, starts, holds, not }
}

const fn oxalate(k: Kind) -> Kind {
    Kind { high_oxalate: true, ..k }
}

/// The measured foods of the nutrition reference's section 8 and the rule for each.
pub const KINDS: [Kind; 18] = [
    kind(
        "milk, yogurt and cheese",
        32.1,
        "Dairy and Egg Products",
        &["milk, ", "yogurt, ", "cheese, ", "cheese food, ", "cheese spread, ", "cheese product, "],
        &[],
        &["human", "chocolate", "frozen", "imitation", "substitute", "sauce", "with vegetables"],
    ),
    kind("bok choy", 53.8, VEG, &["cabbage, chinese (pak-choi)"], &[], &[]),
    kind("broccoli", 61.3, VEG, &["broccoli, "], &[], &["chinese"]),
    kind("kale", 49.3, VEG, &["kale, "], &[], &[]),
    kind("Chinese cabbage flower leaves", 39.6, VEG, &[], &[], &[]),
    kind("Chinese mustard greens", 40.2, VEG, &["mustard greens, "], &[], &[]),
    kind("sweet potatoes", 22.2, VEG, &["sweet potato, "], &[], &[]),
    kind(
        "wheat bran cereal",
        38.0,
        "Breakfast Cereals",
        &["cereals ready-to-eat, "],
        &["all-bran", "wheat bran", "bran flakes"],
        &["oat", "raisin"],
    ),
    oxalate(kind("spinach", 5.1, VEG, &["spinach, "], &[], &[])),
    oxalate(kind("Chinese spinach", 8.36, VEG, &["amaranth leaves, "], &[], &[])),
    oxalate(kind("rhubarb", 8.54, "Fruits and Fruit Juices", &["rhubarb, "], &[], &["leaves"])),
    kind("pinto beans", 26.7, LEGUMES, &["beans, pinto, "], &[], &["sprouted", "immature"]),
    kind("red beans", 24.4, LEGUMES, &["beans, kidney, "], &[], &["sprouted", "immature"]),
    kind("white beans", 21.8, LEGUMES, &["beans, white, ", "beans, small white, "], &[], &["sprouted"]),
    kind("whole wheat bread", 82.0, "Baked Products", &["bread, whole-wheat, "], &[], &[]),
    kind("calcium-set tofu", 31.0, LEGUMES, &["tofu, "], &["calcium sulfate"], &[]),
    kind(
        "orange juice with calcium citrate malate",
        36.3,
        "Fruits and Fruit Juices",
        &["orange juice, "],
        &["added calcium"],
        &[],
    ),
    kind(
        "soy milk with tricalcium phosphate",
        24.0,
        LEGUMES,
        &["soymilk"],
        &["added calcium"],
        &["chocolate"],
    ),
];

impl Kind {
    fn matches(&self, name: &str, group: Option<&str>) -> bool {
        if group.is_some_and(|g| g != self.group) || (self.starts.is_empty() && self.holds.is_empty()) {
            return false;
        }
        let n = name.to_lowercase();
        (self.starts.is_empty() || self.starts.iter().any(|s| n.starts_with(s)))
            && (self.holds.is_empty() || self.holds.iter().any(|h| n.contains(h)))
            && !self.not.iter().any(|w| n.contains(w))
    }
}

/// The measured kind an SR28 food is of, from its name and, when known, its food group.
pub fn kind_of(name: &str, group: Option<&str>) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.matches(name, group))
}

/// An SR28 food's id: its five-digit NDB number. Custom ("c1") and FoodData Central
/// ("fdc:170567") foods have no estimate.
pub fn is_sr28(id: &str) -> bool {
    id.len() == 5 && id.bytes().all(|b| b.is_ascii_digit())
}

/// The kind of a logged or catalog food, by its id and name. The name alone decides for an
/// entry (the diary keeps the name, not the group); over the SR28 catalog it gives the same
/// kind as name and group together (tested), so entries logged before get their estimate.
pub fn kind_of_food(id: &str, name: &str, group: Option<&str>) -> Option<&'static Kind> {
    is_sr28(id).then(|| kind_of(name, group)).flatten()
}

/// A day's (or any set of entries') absorbable calcium: the estimate from the entries of a
/// measured kind with a known calcium value, and how many entries there were.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Absorbable {
    /// Estimated absorbable calcium, mg, from the estimated entries only.
    pub mg: f64,
    /// The calcium those estimated entries hold, mg.
    pub of_mg: f64,
    /// Entries with an estimate.
    pub estimated: usize,
    /// All food entries.
    pub items: usize,
}

impl Absorbable {
    /// The estimate over `entries`.
    pub fn of(entries: &[Entry]) -> Absorbable {
        let mut a = Absorbable { items: entries.len(), ..Absorbable::default() };
        for e in entries {
            let calcium = e.nutrients().get(Nutrient::Calcium);
            if let (Some(k), Some(ca)) = (kind_of_food(&e.food_id, &e.food_name, None), calcium) {
                a.mg += ca * k.fraction;
                a.of_mg += ca;
                a.estimated += 1;
            }
        }
        a
    }

    /// Two estimates together (days of a week).
    pub fn add(&mut self, other: &Absorbable) {
        self.mg += other.mg;
        self.of_mg += other.of_mg;
        self.estimated += other.estimated;
        self.items += other.items;
    }
}

#[cfg(test)]
#[path = "absorption_tests.rs"]
mod tests;
