//! The form a food is eaten in: whether its kind is normally eaten cooked, drunk as served or
//! eaten as it is, and whether its name says it is in that form. Ranking puts the eaten form
//! first ("brown rice" is a cup of cooked rice, not of dry grain); lists mark the others.
//!
//! The rules read USDA's names and food groups through the word tables below, so they hold for
//! every SR28 food and for imported FDC foods named the same way.

use super::lexicon::Kind;
use super::name::{name_words, NameWord};
use crate::domain::food::Food;

/// How people normally eat a kind of food.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Habit {
    /// Grains, pasta, legumes, meat, poultry, fish, shellfish, eggs and the vegetables people
    /// cook: the raw, dry, flour and mix forms are ingredients.
    Cooked,
    /// Beverages and juices: as served, not the powder, mix or concentrate.
    Drink,
    /// Fruit, nuts, seeds, salad vegetables, dairy and everything else.
    AsIs,
}

/// What a food's name says of its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Raw, dry, uncooked, unprepared, flour, mix, powder, concentrate.
    Unprepared,
    /// Cooked, boiled, roasted, canned, prepared, brewed...
    Prepared,
    /// Neither.
    Unstated,
}

/// Food groups whose foods are eaten cooked.
static COOKED_GROUPS: &[&str] = &[
    "Cereal Grains and Pasta",
    "Legumes and Legume Products",
    "Beef Products",
    "Pork Products",
    "Lamb, Veal, and Game Products",
    "Poultry Products",
    "Finfish and Shellfish Products",
    "Breakfast Cereals",
    // Baked goods, desserts and soups as served, not the mix, dough or condensed can.
    "Baked Products",
    "Sweets",
    "Soups, Sauces, and Gravies",
];

/// Groups whose unstated foods are the dry product ("Buckwheat", "Semolina, enriched").
static DRY_WHEN_UNSTATED: &[&str] = &["Cereal Grains and Pasta"];

/// Foods of other groups eaten cooked, each as the words its first two name segments carry
/// ("Potatoes, baked", "Squash, winter, butternut", "Beans, snap, green").
static COOKED_FOODS: &[&[&str]] = &[
    &["egg"],
    &["potato"],
    &["yam"],
    &["cassava"],
    &["taro"],
    &["plantain"],
    &["collard"],
    &["turnip", "green"],
    &["mustard", "green"],
    &["beet", "green"],
    &["dandelion", "green"],
    &["okra"],
    &["squash", "winter"],
    &["eggplant"],
    &["artichoke"],
    &["brussel", "sprout"],
    &["parsnip"],
    &["rutabaga"],
    &["lima"],
    &["edamame"],
    &["soybean", "green"],
    &["corn", "sweet"],
    &["asparagus"],
    &["bean", "snap"],
    &["pea"],
    &["beet"],
];

/// Foods of a cooked group that people eat as they are.
static AS_IS_FOODS: &[&[&str]] = &[
    &["tofu"],
    &["soymilk"],
    &["soy", "milk"],
    &["peanut"],
    &["hummus"],
    &["miso"],
    &["natto"],
    &["carob"],
    &["granola"],
    &["ready", "eat"],
    &["bean", "sprout"],
];

/// Groups drunk as served.
static DRINK_GROUPS: &[&str] = &["Beverages"];

/// Words that make a food of another group a drink ("Orange juice, raw").
static DRINK_WORDS: &[&str] =
    &["juice", "nectar", "drink", "beverage", "smoothie", "milk", "buttermilk", "kefir"];

/// Words that say a food is not yet as eaten. "Dry" before "heat" is a way of cooking.
static UNPREPARED: &[&str] = &[
    "raw",
    "dry",
    "uncooked",
    "unprepared",
    "unheated",
    "flour",
    "mix",
    "powder",
    "dehydrated",
    "concentrate",
    "undiluted",
    "dried",
    "frozen",
    "dough",
    "condensed",
    "evaporated",
];

/// Of those, the words that do not apply to drinks ("Orange juice, raw" is the juice).
static NOT_FOR_DRINKS: &[&str] = &["raw", "flour", "frozen"];

/// Words that say a food was cooked or made up as served.
pub(super) static COOKING: &[&str] = &[
    "cooked",
    "boiled",
    "baked",
    "roasted",
    "broiled",
    "braised",
    "stewed",
    "simmered",
    "steamed",
    "poached",
    "grilled",
    "heat",
    "canned",
    "drained",
    "prepared",
    "microwaved",
    "brewed",
    "heated",
    "diluted",
    "reconstituted",
];

/// Words that say a food is ready to eat without being a plain cooked form ("Fish, salmon,
/// chinook, smoked"): the state is prepared, but the word still makes the name specific.
static READY: &[&str] =
    &["smoked", "fried", "cured", "pickled", "kippered", "jerky", "sauteed", "seared", "toasted", "grilled"];

/// The habit and state of a food, read from its group and name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    pub habit: Habit,
    pub state: State,
}

impl Form {
    pub fn of(food: &Food) -> Form {
        Form::read(&name_words(&food.name), &food.group)
    }

    pub(super) fn read(words: &[NameWord], group: &str) -> Form {
        let front: Vec<&str> =
            words.iter().filter(|w| w.segment <= 1 && !w.aside).map(|w| w.stem.as_str()).collect();
        let has = |set: &[&str]| set.iter().all(|s| front.contains(s));
        let habit = if AS_IS_FOODS.iter().any(|s| has(s)) {
            Habit::AsIs
        } else if COOKED_GROUPS.contains(&group) || COOKED_FOODS.iter().any(|s| has(s)) {
            Habit::Cooked
        } else if DRINK_GROUPS.contains(&group) || front.iter().any(|w| DRINK_WORDS.contains(w)) {
            Habit::Drink
        } else {
            Habit::AsIs
        };
        let mut state = state_of(words, habit);
        if state == State::Unstated && habit == Habit::Cooked && DRY_WHEN_UNSTATED.contains(&group) {
            state = State::Unprepared;
        }
        Form { habit, state }
    }

    /// Whether the food is a kind eaten cooked (or drunk) in a form that is not yet so: the
    /// raw chicken, the dry rice, the cocoa powder. Lists mark these.
    pub fn before_eating(self) -> bool {
        self.habit != Habit::AsIs && self.state == State::Unprepared
    }
}

/// Whether the food is in a form people do not eat it in (see `Form::before_eating`).
pub fn before_eating(food: &Food) -> bool {
    Form::of(food).before_eating()
}

/// The state a name's words say: cooking wins over an ingredient word ("Pasta, dry,
/// cooked" never occurs, but "Beans, frozen, cooked" does).
fn state_of(words: &[NameWord], habit: Habit) -> State {
    let (mut unprepared, mut canned) = (false, false);
    for (i, w) in words.iter().enumerate() {
        if w.aside || w.kind == Kind::Stop {
            continue;
        }
        let word = w.stem.as_str();
        let next = words.get(i + 1).map(|n| n.stem.as_str());
        if word == "canned" {
            // A can holds the food as eaten, unless it is condensed or evaporated.
            canned = true;
            continue;
        }
        let cooking = COOKING.contains(&word) || READY.contains(&word);
        if cooking || (word == "dry" && next == Some("heat")) {
            // "prepared from dry mix" and "cooked from frozen" are still as served.
            return State::Prepared;
        }
        unprepared |=
            UNPREPARED.contains(&word) && !(habit == Habit::Drink && NOT_FOR_DRINKS.contains(&word));
    }
    match (unprepared, canned) {
        (true, _) => State::Unprepared,
        (false, true) => State::Prepared,
        (false, false) => State::Unstated,
    }
}

/// Whether a query word names how a food was prepared ("baked", "grilled", "raw"): a
/// preference among the food's forms, which a search may drop when no food has it.
pub fn names_preparation(word: &str) -> bool {
    let w = super::stem(word);
    COOKING.contains(&w.as_str())
        || READY.contains(&w.as_str())
        || names_state(&w)
        || Kind::of(&w) == Kind::Prepared
}

/// Whether a query word names a way of cooking ("steamed", "grilled", "sauteed").
pub(super) fn names_cooking(word: &str) -> bool {
    (COOKING.contains(&word) || READY.contains(&word)) && word != "prepared"
}

/// The words that name a state, for the query's side: asking for any of them turns the
/// eaten-form rule off ("dry oats", "raw spinach", "almond flour").
pub(super) fn names_state(word: &str) -> bool {
    UNPREPARED.contains(&word) || word == "uncook"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, group: &str) -> Form {
        Form::read(&name_words(name), group)
    }

    #[test]
    fn grains_legumes_meat_and_fish_are_eaten_cooked() {
        let grain = "Cereal Grains and Pasta";
        assert_eq!(
            form("Rice, brown, long-grain, raw", grain),
            Form { habit: Habit::Cooked, state: State::Unprepared }
        );
        assert_eq!(form("Rice, brown, long-grain, cooked", grain).state, State::Prepared);
        assert_eq!(form("Buckwheat", grain).state, State::Unprepared, "an unstated grain is the dry grain");
        assert_eq!(
            form("Fish, halibut, greenland, cooked, dry heat", "Finfish and Shellfish Products").state,
            State::Prepared
        );
        assert!(form("Beans, navy, mature seeds, raw", "Legumes and Legume Products").before_eating());
        assert!(!form("Beans, navy, mature seeds, canned", "Legumes and Legume Products").before_eating());
        assert!(form("Egg, whole, raw, fresh", "Dairy and Egg Products").before_eating());
        assert!(form("Collards, raw", "Vegetables and Vegetable Products").before_eating());
        assert!(form("Squash, winter, butternut, raw", "Vegetables and Vegetable Products").before_eating());
    }

    #[test]
    fn foods_eaten_as_they_are_keep_their_raw_forms() {
        assert!(!form("Spinach, raw", "Vegetables and Vegetable Products").before_eating());
        assert!(!form("Bananas, raw", "Fruits and Fruit Juices").before_eating());
        assert!(!form("Tofu, raw, firm, prepared with calcium sulfate", "Legumes and Legume Products")
            .before_eating());
        assert!(!form("Peanuts, all types, raw", "Legumes and Legume Products").before_eating());
        assert!(!form("Squash, summer, zucchini, includes skin, raw", "Vegetables and Vegetable Products")
            .before_eating());
    }

    #[test]
    fn drinks_are_read_as_served() {
        let bev = "Beverages";
        assert!(form("Beverages, coffee, instant, regular, powder", bev).before_eating());
        assert!(!form("Beverages, coffee, brewed, prepared with tap water", bev).before_eating());
        assert!(form("Orange juice, frozen concentrate, unsweetened, undiluted", "Fruits and Fruit Juices")
            .before_eating());
        assert!(!form("Orange juice, raw", "Fruits and Fruit Juices").before_eating());
    }
}
