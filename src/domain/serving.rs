//! What "one serving" of a food means, the one rule behind every per-serving figure: USDA's NLEA
//! serving (or a label's serving) when the food has one, else the household portion nearest an
//! ordinary serving for that kind of food, from FDA's reference amounts (21 CFR 101.12).

use super::food::{Food, Portion};

/// An ordinary serving for a kind of food: a food whose group holds one of `groups` (lower
/// case; none = any group) and whose name has every word of one of `names` (none = any name)
/// is eaten `grams` at a time. The first row that fits a food wins.
pub struct Ordinary {
    pub groups: &'static [&'static str],
    pub names: &'static [&'static str],
    pub grams: f64,
}

const fn row(groups: &'static [&'static str], names: &'static [&'static str], grams: f64) -> Ordinary {
    Ordinary { groups, names, grams }
}

const DAIRY: &[&str] = &["dairy and egg"];
const MEAT: &[&str] = &["beef products", "pork products", "lamb, veal", "poultry products"];
const FISH: &[&str] = &["finfish and shellfish"];
const LEGUMES: &[&str] = &["legumes"];
const GRAINS: &[&str] = &["cereal grains"];
const VEGETABLES: &[&str] = &["vegetables"];
const FRUIT: &[&str] = &["fruits"];
const SWEETS: &[&str] = &["sweets"];

/// Ordinary servings by kind of food: RACC-based, after FDA's Reference Amounts Customarily
/// Consumed per eating occasion (21 CFR 101.12(b), table 2, as amended in 2016), millilitres
/// taken as grams. Where the rule gives a household measure ("1 cup", "1 tbsp") the grams are
/// that measure of a typical food of the kind.
pub static ORDINARY: &[Ordinary] = &[
    // Babyfood (infant RACCs): dry infant cereal and formula powder 15 g, other babyfood 110 g.
    row(&["baby foods"], &["dry", "powder"], 15.0),
    row(&["baby foods"], &[], 110.0),
    // Baking powder, baking soda (and other leavening) 0.6 g.
    row(&[], &["leavening", "baking powder", "baking soda", "cream tartar"], 0.6),
    // Powders, dry mixes and frozen concentrates: the amount that makes one serving as
    // prepared (a cup of milk, cocoa or juice), about 25 g of powder or 60 g of concentrate;
    // once prepared, the prepared serving.
    row(&[], &["powder prepared", "mix prepared", "concentrate diluted", "concentrate prepared"], 240.0),
    row(
        &[],
        &["powder", "powdered", "dry mix", "milk dry", "whey dried", "buttermilk dried", "egg dried"],
        25.0,
    ),
    row(&[], &["concentrate"], 60.0),
    // Dairy and eggs: grated hard cheese 5 g, cottage cheese 110 g, ricotta 55 g, other cheese
    // 30 g, frozen yogurt 2/3 cup, yogurt 170 g, evaporated and condensed milk 30 mL, sour
    // cream 30 g, cream 15 mL, butter 1 tbsp, eggs 50 g, milk 240 mL.
    row(DAIRY, &["cheese grated", "cheese parmesan shredded", "cheese romano shredded"], 5.0),
    row(DAIRY, &["cheese cottage"], 110.0),
    row(DAIRY, &["cheese ricotta"], 55.0),
    row(DAIRY, &["cheese"], 30.0),
    row(DAIRY, &["yogurt frozen"], 100.0),
    row(DAIRY, &["yogurt"], 170.0),
    row(DAIRY, &["milk evaporated", "milk condensed"], 30.0),
    row(DAIRY, &["cream sour"], 30.0),
    row(DAIRY, &["cream", "creamer"], 15.0),
    row(DAIRY, &["butter"], 14.0),
    row(DAIRY, &["egg"], 50.0),
    row(DAIRY, &[], 240.0),
    // Condiments in any group: soy sauce, vinegar, mustard, ketchup 1 tbsp; miso 1 tbsp.
    row(
        &[],
        &["soy sauce", "shoyu", "tamari", "vinegar", "mustard prepared", "catsup", "ketchup", "miso"],
        15.0,
    ),
    // Spices and herbs: 1/4 tsp, or 0.5 g when not measurable by teaspoon.
    row(&["spices and herbs"], &[], 0.5),
    // Fats and oils: 1 tbsp; salad dressings 30 g.
    row(&["fats and oils"], &["dressing"], 30.0),
    row(&["fats and oils"], &[], 15.0),
    // Fish: 85 g cooked, 110 g raw, canned 55 g; meat and poultry 85 g cooked, 110 g raw;
    // bacon 15 g; sausages and luncheon meats 55 g.
    row(FISH, &["raw"], 110.0),
    row(FISH, &["canned"], 55.0),
    row(FISH, &[], 85.0),
    row(MEAT, &["raw"], 110.0),
    row(MEAT, &[], 85.0),
    row(&["sausages and luncheon"], &["bacon"], 15.0),
    row(&["sausages and luncheon"], &[], 55.0),
    // Legumes: fermented tofu as a condiment, 1 tbsp (like miso); tofu and tempeh 85 g; soy milk 240 mL; peanut butter 2 tbsp; peanuts 30 g;
    // dips 2 tbsp; beans canned or in sauce 130 g, cooked from dry 90 g, dry 35 g.
    row(LEGUMES, &["fuyu", "tofu fermented"], 15.0),
    row(LEGUMES, &["tofu", "tempeh"], 85.0),
    row(LEGUMES, &["soymilk", "milk", "beverage"], 240.0),
    row(LEGUMES, &["peanut butter"], 32.0),
    row(LEGUMES, &["peanut"], 30.0),
    row(LEGUMES, &["hummus", "dip"], 30.0),
    row(LEGUMES, &["raw"], 35.0),
    row(LEGUMES, &["canned", "baked", "refried"], 130.0),
    row(LEGUMES, &[], 90.0),
    // Nuts and seeds 30 g; their butters 2 tbsp.
    row(&["nut and seed"], &["butter", "paste", "tahini"], 32.0),
    row(&["nut and seed"], &[], 30.0),
    // Grains: flour 30 g; cooked grains and pasta 140 g; dry pasta 55 g, dry grains 45 g;
    // hot cereal 1 cup prepared; ready-to-eat cereal 40 g (the middle of its three weights);
    // bread 50 g, bagels and muffins 110 g, cookies and crackers 30 g.
    row(GRAINS, &["flour"], 30.0),
    row(GRAINS, &["cooked"], 140.0),
    row(GRAINS, &["pasta dry", "noodles dry", "spaghetti dry", "macaroni dry"], 55.0),
    row(GRAINS, &["raw", "dry", "uncooked"], 45.0),
    row(GRAINS, &[], 140.0),
    row(&["breakfast cereals"], &["cooked", "prepared"], 240.0),
    row(&["breakfast cereals"], &[], 40.0),
    row(&["baked products"], &["bagel", "muffin"], 110.0),
    row(&["baked products"], &["cookie", "cracker"], 30.0),
    row(&["baked products"], &[], 50.0),
    // Fruit 140 g, dried 40 g, juice 240 mL; vegetables 85 g, canned 130 g, juice 240 mL.
    row(FRUIT, &["juice", "nectar"], 240.0),
    row(FRUIT, &["dried", "dehydrated"], 40.0),
    row(FRUIT, &[], 140.0),
    row(VEGETABLES, &["juice"], 240.0),
    row(VEGETABLES, &["canned"], 130.0),
    row(VEGETABLES, &[], 85.0),
    // Beverages 240 mL; soft drinks, coffee and tea 360 mL (the 2016 amendment).
    row(&["beverages"], &["carbonated", "coffee", "tea"], 360.0),
    row(&["beverages"], &[], 240.0),
    // Soups 245 g; sauces and gravies 1/4 cup.
    row(&["soups"], &["sauce", "gravy"], 60.0),
    row(&["soups"], &[], 245.0),
    // Sweets: sugar 8 g, honey, jams and syrups 1 tbsp, cocoa 1 tbsp, frozen desserts 2/3 cup,
    // candy 40 g. Snacks 30 g. Mixed dishes not measurable with a cup 140 g.
    row(SWEETS, &["sugar"], 8.0),
    row(SWEETS, &["honey", "jam", "jelly", "preserves", "syrup"], 20.0),
    row(SWEETS, &["cocoa"], 5.0),
    row(SWEETS, &["ice cream", "frozen yogurt", "pudding"], 100.0),
    row(SWEETS, &[], 40.0),
    row(&["snacks"], &[], 30.0),
    row(&["meals, entrees", "fast foods", "restaurant"], &[], 140.0),
    // Any group (the user's own foods, imported branded foods without a label serving): by name.
    row(&[], &["milk", "soymilk", "juice", "beverage", "drink"], 240.0),
    row(&[], &["yogurt"], 170.0),
    row(&[], &["cheese", "nuts", "seeds"], 30.0),
];

/// The serving when no row fits a food.
pub const DEFAULT_GRAMS: f64 = 100.0;
/// A household portion further than this factor from the ordinary serving (a pound of cheese,
/// a teaspoon of beans) is not one; the ordinary serving in grams stands in for it.
const FARTHEST: f64 = 2.5;

/// Where a food's serving size comes from, said wherever per-serving figures are shown.
pub const SOURCE: &str = "serving: USDA's NLEA serving, else the household portion nearest \
FDA's reference amount for the kind of food (RACC, 21 CFR 101.12)";

/// A food's name as whole lower-case words, for matching the tables' name words.
pub(crate) struct Words(Vec<String>);

impl Words {
    pub(crate) fn of(name: &str) -> Words {
        Words(
            name.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect(),
        )
    }

    /// Whether every word of `words` is one of the name's (a plural "s" or "es" allowed).
    pub(crate) fn has_all(&self, words: &str) -> bool {
        words.split_whitespace().all(|w| {
            self.0.iter().any(|n| {
                n == w || n.strip_suffix('s').is_some_and(|s| s == w || s.strip_suffix('e') == Some(w))
            })
        })
    }

    /// Whether one of `phrases` fits (each all-words); no phrases fit any name.
    pub(crate) fn fits(&self, phrases: &[&str]) -> bool {
        phrases.is_empty() || phrases.iter().any(|p| self.has_all(p))
    }
}

/// Whether `group` holds one of `groups` (none = any group).
pub(crate) fn in_groups(group: &str, groups: &[&str]) -> bool {
    let g = group.to_lowercase();
    groups.is_empty() || groups.iter().any(|x| g.contains(x))
}

/// The ordinary serving in grams for this kind of food (see `ORDINARY`).
pub fn ordinary_grams(food: &Food) -> f64 {
    let words = Words::of(&food.name);
    ORDINARY
        .iter()
        .find(|o| in_groups(&food.group, o.groups) && words.fits(o.names))
        .map_or(DEFAULT_GRAMS, |o| o.grams)
}

/// The serving a label or USDA gives: "NLEA serving", or an imported label's "serving".
fn labelled(food: &Food) -> Option<&Portion> {
    food.portions.iter().find(|p| {
        let d = p.description.to_lowercase();
        p.grams > 0.0 && p.grams.is_finite() && (d.contains("nlea serving") || d.trim() == "serving")
    })
}

/// One serving of `food`, the portion a person eats at once: the NLEA (or label) serving when
/// given, else the household portion nearest the ordinary serving for its kind (by ratio, the
/// first of equals), else that ordinary serving in grams ("30 g"). Choosing again from the
/// chosen portion alone gives the same portion.
pub fn serving(food: &Food) -> Portion {
    if let Some(p) = labelled(food) {
        return p.clone();
    }
    let want = ordinary_grams(food);
    let off = |p: &Portion| (p.grams / want).ln().abs();
    let nearest = food
        .portions
        .iter()
        .filter(|p| p.grams > 0.0 && p.grams.is_finite() && p.amount > 0.0)
        .fold(None::<&Portion>, |best, p| match best {
            Some(b) if off(b) <= off(p) => Some(b),
            _ => Some(p),
        });
    match nearest {
        Some(p) if off(p) <= FARTHEST.ln() => p.clone(),
        _ => Portion { amount: want, description: "g".into(), grams: want },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn food(name: &str, group: &str, portions: &[(&str, f64)]) -> Food {
        let portions = portions
            .iter()
            .map(|(d, g)| Portion { amount: 1.0, description: (*d).into(), grams: *g })
            .collect();
        Food { portions, ..Food::named(name, group) }
    }

    #[test]
    fn ordinary_servings_follow_the_kind_of_food() {
        let g = |name, group| ordinary_grams(&food(name, group, &[]));
        assert_eq!(g("Seeds, pumpkin and squash seed kernels, dried", "Nut and Seed Products"), 30.0);
        assert_eq!(g("Cheese, parmesan, grated", "Dairy and Egg Products"), 5.0);
        assert_eq!(g("Cheese, cheddar", "Dairy and Egg Products"), 30.0);
        assert_eq!(g("Yogurt, plain, low fat", "Dairy and Egg Products"), 170.0);
        assert_eq!(g("Milk, reduced fat, fluid, 2% milkfat", "Dairy and Egg Products"), 240.0);
        assert_eq!(g("Beans, black, mature seeds, cooked, boiled", "Legumes and Legume Products"), 90.0);
        assert_eq!(g("Tofu, raw, firm, prepared with calcium sulfate", "Legumes and Legume Products"), 85.0);
        assert_eq!(g("Rice, brown, long-grain, cooked", "Cereal Grains and Pasta"), 140.0);
        assert_eq!(g("Thyme, dried", "Spices and Herbs"), 0.5);
        assert_eq!(g("Whey, acid, dried", "Dairy and Egg Products"), 25.0);
        assert_eq!(g("Beverages, Cocoa mix, low calorie, powder", "Beverages"), 25.0);
        assert_eq!(g("Cocoa mix, powder, prepared with water", "Beverages"), 240.0);
        assert_eq!(g("Leavening agents, baking powder, low-sodium", "Baked Products"), 0.6);
        assert_eq!(
            g("Orange juice, frozen concentrate, unsweetened, undiluted", "Fruits and Fruit Juices"),
            60.0
        );
        assert_eq!(g("Infant formula, powder, not reconstituted", "Baby Foods"), 15.0);
        assert_eq!(g("Fat, duck", "Fats and Oils"), 15.0);
        assert_eq!(g("Fish, salmon, sockeye, cooked, dry heat", "Finfish and Shellfish Products"), 85.0);
        assert_eq!(g("Oat milk", "Custom"), 240.0);
        assert_eq!(g("Soy sauce made from soy and wheat (shoyu)", "Legumes and Legume Products"), 15.0);
        assert_eq!(g("Mystery", "Custom"), DEFAULT_GRAMS);
    }

    #[test]
    fn the_nlea_serving_wins_then_the_nearest_portion() {
        let spinach = food(
            "Spinach, raw",
            "Vegetables and Vegetable Products",
            &[("cup", 30.0), ("NLEA serving", 85.0)],
        );
        assert_eq!(serving(&spinach).description, "NLEA serving");
        let cheese = food(
            "Cheese, cheddar",
            "Dairy and Egg Products",
            &[("cup, shredded", 113.0), ("oz", 28.35), ("cubic inch", 17.0), ("lb", 453.6)],
        );
        assert_eq!(serving(&cheese).description, "oz");
        let milk = food(
            "Milk, whole",
            "Dairy and Egg Products",
            &[("quart", 976.0), ("cup", 244.0), ("tbsp", 15.0)],
        );
        assert_eq!(serving(&milk).grams, 244.0);
        let label = food("Oat bar", "Snacks", &[("bar", 80.0), ("serving", 40.0)]);
        assert_eq!(serving(&label).grams, 40.0);
    }

    #[test]
    fn no_portion_near_an_ordinary_serving_gives_grams() {
        let cocoa = food("Thyme, dried", "Spices and Herbs", &[("tbsp", 2.7)]);
        let s = serving(&cocoa);
        assert_eq!((s.amount, s.description.as_str(), s.grams), (0.5, "g", 0.5));
        let bare = food("Nuts, almonds", "Nut and Seed Products", &[]);
        assert_eq!(serving(&bare).grams, 30.0);
        let zero = food("Nuts, almonds", "Nut and Seed Products", &[("oz", 0.0), ("oz", f64::NAN)]);
        assert_eq!(serving(&zero).grams, 30.0);
    }

    #[test]
    fn choosing_from_the_chosen_portion_alone_is_stable() {
        for f in [
            food("Beans, black, cooked", "Legumes and Legume Products", &[("cup", 172.0), ("lb", 453.6)]),
            food("Thyme, dried", "Spices and Herbs", &[("tbsp", 2.7)]),
            food("Milk, whole", "Dairy and Egg Products", &[("quart", 976.0)]),
        ] {
            let once = serving(&f);
            let again = serving(&Food { portions: vec![once.clone()], ..f });
            assert_eq!(once, again);
        }
    }

    #[test]
    fn names_match_whole_words_and_plurals() {
        let w = Words::of("Peanuts, all types, dry-roasted");
        assert!(w.has_all("peanut dry"));
        assert!(!w.has_all("pea"));
        assert!(Words::of("Tomatoes, red").has_all("tomato"));
        assert!(!Words::of("Milk, buttermilk").has_all("butter"));
    }
}
