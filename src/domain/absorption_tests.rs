//! Tests of the absorbable-calcium table: the measured figures, and which foods of the
//! embedded SR28 catalog each kind matches (every one of its kind, nothing else).

use super::*;
use crate::domain::{Food, Meal, NutrientValues};
use crate::sources::asset::{decode, EMBEDDED};

/// Every SR28 food each kind matches, by id: a rule that drifts changes this list.
const MATCHED: [(&str, &str); 18] = [
    (
        "milk, yogurt and cheese",
        concat!(
            "01004 01005 01006 01007 01008 01009 01010 01011 01012 01013 01014 01015 ",
            "01016 01017 01018 01019 01020 01021 01022 01023 01024 01025 01026 01027 ",
            "01028 01029 01030 01031 01032 01033 01034 01035 01036 01037 01038 01039 ",
            "01040 01041 01042 01043 01044 01045 01046 01047 01048 01059 01060 01061 ",
            "01077 01078 01079 01080 01081 01082 01083 01084 01085 01086 01087 01088 ",
            "01089 01090 01091 01092 01093 01094 01095 01096 01097 01106 01108 01109 ",
            "01116 01117 01118 01119 01120 01121 01122 01146 01151 01152 01153 01154 ",
            "01155 01156 01157 01159 01165 01166 01167 01168 01169 01174 01175 01184 ",
            "01186 01203 01204 01208 01209 01211 01212 01214 01215 01216 01217 01218 ",
            "01219 01220 01221 01227 01228 01229 01230 01231 01251 01252 01253 01254 ",
            "01256 01259 01260 01265 01266 01267 01270 01271 01275 01276 01278 01280 ",
            "01281 01284 01285 01286 01287 01291 01293 01294 01295 01297 42155 42189 ",
            "42205 42235 42258 42290 42303 42304 43261 43274 43275 43276 43340 43352 ",
            "43379 43398 43405 43589 43597"
        ),
    ),
    ("bok choy", "11116 11117 11754"),
    ("broccoli", "11090 11091 11092 11093 11094 11095 11739 11740 11741 11742 11743 11744"),
    ("kale", "11233 11234 11235 11236 11622 11623 11790 11791 11792"),
    ("Chinese cabbage flower leaves", ""),
    ("Chinese mustard greens", "11270 11271 11272 11273 11799 11800"),
    (
        "sweet potatoes",
        concat!("11507 11508 11510 11512 11514 11516 11517 11645 11647 11659 11875 11876 ", "11877"),
    ),
    ("wheat bran cereal", "08001 08005 08028 08029 08363 08504"),
    ("spinach", "11457 11458 11459 11461 11463 11464 11854 11855 11856"),
    ("Chinese spinach", "11003 11004 11700"),
    ("rhubarb", "09307 09309 09310"),
    ("pinto beans", "16042 16043 16044 16146 16343 16345 16347"),
    (
        "red beans",
        concat!(
            "16027 16028 16029 16030 16031 16032 16033 16034 16035 16036 16145 16328 ",
            "16331 16333 16335 16336 16337"
        ),
    ),
    ("white beans", "16045 16046 16049 16050 16051 16346 16350"),
    ("whole wheat bread", "18075 18076 18077 18078"),
    ("calcium-set tofu", "16126 16127 16426 16427 16428 16429 16432"),
    ("orange juice with calcium citrate malate", "09210 09211 09212 09213 09506"),
    ("soy milk with tricalcium phosphate", "16139 16222 16225 16228 16229 16230"),
];

fn catalog() -> Vec<Food> {
    decode(EMBEDDED).unwrap().1
}

fn find<'a>(foods: &'a [Food], id: &str) -> &'a Food {
    foods.iter().find(|f| f.id == id).unwrap()
}

fn entry(f: &Food, grams: f64) -> Entry {
    Entry {
        id: 1,
        date: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        meal: Meal::Lunch,
        food_id: f.id.clone(),
        food_name: f.name.clone(),
        grams,
        quantity: format!("{grams} g"),
        logged_at: String::new(),
        per_100g: f.per_100g,
    }
}

fn kind_named(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

#[test]
fn each_kind_matches_exactly_its_foods() {
    let foods = catalog();
    for (kind, ids) in MATCHED {
        let k = kind_named(kind).unwrap();
        let found: Vec<&str> = foods
            .iter()
            .filter(|f| kind_of_food(&f.id, &f.name, Some(&f.group)) == Some(k))
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(found.join(" "), ids, "{kind}");
    }
    assert_eq!(MATCHED.len(), KINDS.len());
}

#[test]
fn the_stored_name_alone_gives_the_catalog_answer() {
    // An entry keeps its food's name, not its group: over the whole catalog the name alone
    // must give the kind that name and group give together.
    for f in catalog() {
        assert_eq!(
            kind_of_food(&f.id, &f.name, None),
            kind_of_food(&f.id, &f.name, Some(&f.group)),
            "{}",
            f.name
        );
    }
}

#[test]
fn every_spinach_is_spinach_and_nothing_spinach_is_dairy() {
    let dairy = kind_named("milk, yogurt and cheese");
    let spinach = kind_named("spinach");
    let mut n = 0;
    for f in catalog() {
        let k = kind_of(&f.name, Some(&f.group));
        if f.name.starts_with("Spinach, ") {
            assert_eq!(k, spinach, "{}", f.name);
            assert!((k.unwrap().fraction - 0.051).abs() < 1e-12);
            n += 1;
        }
        if f.name.to_lowercase().contains("spinach") {
            assert_ne!(k, dairy, "{}", f.name);
        }
        if f.name.starts_with("Kale, ") || f.name.starts_with("Mustard greens, ") {
            assert!(k.is_some(), "{}", f.name);
        }
    }
    assert_eq!(n, 9);
}

#[test]
fn near_misses_and_mixed_dishes_have_no_estimate() {
    let foods = catalog();
    for id in [
        "11658", // Spinach souffle: eggs, milk and cheese with spinach
        "03127", // Babyfood, creamed spinach
        "11276", // New Zealand spinach
        "11274", // Mustard spinach (tendergreen)
        "20126", // Spaghetti, spinach
        "01102", // chocolate milk
        "01105", // hot cocoa
        "01107", // human milk
        "01110", // milk shake
        "01244", // milk dessert bar
        "01235", // frozen yogurt
        "01164", // cheese sauce
        "43278", // imitation cheddar
        "01076", // milk substitute
        "06584", // broccoli cheese soup
        "11096", // broccoli raab
        "11994", // Chinese broccoli
        "11505", // sweet potato leaves
        "31023", // sweet potato fries
        "35063", // wild rhubarb leaves
        "11029", // sprouted kidney beans
        "11048", // immature pinto beans
        "16037", // navy beans: not measured
        "28285", // chapati: a flat bread
        "08060", // raisin bran
        "08231", // oat bran
        "16128", // tofu with no coagulant named
        "09206", // orange juice without added calcium
        "16120", // unfortified soymilk
        "16168", // chocolate soymilk
        "20001", // amaranth grain
        "11119", // napa cabbage (pe-tsai), not a flowering cabbage
    ] {
        let f = find(&foods, id);
        assert_eq!(kind_of_food(&f.id, &f.name, Some(&f.group)), None, "{}", f.name);
    }
}

#[test]
fn only_sr28_foods_get_an_estimate() {
    let milk = "Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D";
    assert!(kind_of_food("01079", milk, None).is_some());
    assert_eq!(kind_of_food("c1", milk, None), None, "a custom food");
    assert_eq!(kind_of_food("fdc:170567", milk, None), None, "a FoodData Central food");
    assert_eq!(kind_of(milk, Some("Beverages")), None, "another group");
}

#[test]
fn milk_and_spinach_give_the_measured_figures() {
    let foods = catalog();
    let milk = entry(find(&foods, "01079"), 244.0);
    let spinach = entry(find(&foods, "11458"), 180.0);
    let ca = |e: &Entry| e.nutrients().get(Nutrient::Calcium).unwrap();
    assert!((ca(&milk) - 292.8).abs() < 1e-9);
    assert!((ca(&spinach) - 244.8).abs() < 1e-9);
    let a = Absorbable::of(std::slice::from_ref(&milk));
    assert_eq!(format!("{:.1}", a.mg), "94.0");
    assert_eq!(format!("{:.1}", Absorbable::of(std::slice::from_ref(&spinach)).mg), "12.5");
    let mut other = entry(find(&foods, "11658"), 100.0);
    let day = Absorbable::of(&[milk, spinach, other.clone()]);
    assert_eq!((day.estimated, day.items), (2, 3));
    assert_eq!(format!("{:.0}", day.mg), "106");
    assert!((day.of_mg - 537.6).abs() < 1e-9);
    // A food of a measured kind whose calcium is unknown has no estimate.
    other.food_name = "Kale, raw".into();
    other.food_id = "11233".into();
    other.per_100g = NutrientValues::unknown();
    let mut week = Absorbable::of(&[other]);
    assert_eq!((week.estimated, week.items, week.mg), (0, 1, 0.0));
    week.add(&day);
    assert_eq!((week.estimated, week.items), (2, 4));
}

#[test]
fn high_oxalate_greens_are_marked() {
    let marked: Vec<&str> = KINDS.iter().filter(|k| k.high_oxalate).map(|k| k.name).collect();
    assert_eq!(marked, ["spinach", "Chinese spinach", "rhubarb"]);
}
