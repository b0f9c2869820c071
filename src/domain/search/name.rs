//! Reading a food's name for ranking: its words by comma segment, parenthesised synonyms and
//! lists, a category head the group already says, common names and brand.

use super::form::{Form, Habit, COOKING};
use super::lexicon::{
    Kind, CATEGORY, CATEGORY_PHRASES, LISTING, PARTS, PLAIN_IN_GROUP, SINGULAR_CATEGORY, SPECIAL_GROUPS,
    SPECIAL_WORDS, USUAL_COOKING,
};
use super::stem;
use crate::domain::food::Food;

/// A food's name read once for ranking, with everything about it that does not depend on
/// the query. A long-lived catalog keeps these between key presses.
#[derive(Debug)]
pub struct Parsed {
    pub(super) words: Vec<NameWord>,
    /// Common names, each as its words.
    pub(super) commons: Vec<Vec<String>>,
    /// The name's words exactly as written (lower case), plural and all.
    pub(super) written: Vec<String>,
    /// How many household measures the food has.
    pub(super) measures: usize,
    /// The group's words, when the group is one people rarely mean.
    pub(super) special_group: Option<Vec<String>>,
    /// The brand's words, when the food is branded.
    pub(super) brand: Option<Vec<String>>,
    pub(super) has_raw: bool,
    /// How the food is eaten and whether its name says it is in that form.
    pub(super) form: Form,
    /// One of the user's own foods.
    pub(super) own: bool,
    /// USDA lists the food among those the national dietary survey records as eaten.
    pub(super) in_survey: bool,
    /// How usual the food's form is among its like: cooked the usual way for its kind, the
    /// meat or lean only rather than with skin or fat, the whole food rather than part of it.
    pub(super) usual: f64,
    /// The food's name as written.
    pub(super) name: String,
    /// Whether the name carries a generic marker other than raw or whole ("plain", "regular").
    pub(super) generic: bool,
}

impl Parsed {
    pub fn new(food: &Food) -> Parsed {
        let mut words = name_words(&food.name);
        as_served(&mut words);
        with_and_without(&mut words);
        // "meat and skin", "flesh and skin", "with skin": the food with its skin, not skin alone.
        for i in 1..words.len() {
            if words[i].kind == Kind::Offal
                && ["and", "with", "without"].contains(&words[i - 1].stem.as_str())
            {
                words[i].kind = Kind::Generic;
            }
        }
        for w in &mut words {
            if PLAIN_IN_GROUP.iter().any(|(g, word)| *g == food.group && *word == w.stem) {
                w.kind = Kind::Generic;
            }
        }
        if category_head(&words, &food.name, &food.group) {
            // The category word costs nothing and the next segment is read as the head.
            for w in &mut words {
                if w.segment == 0 {
                    w.aside = true;
                } else {
                    w.segment -= 1;
                }
            }
        }
        let commons = food.common_names.split(',').map(words_of).filter(|w| !w.is_empty()).collect();
        let written = food
            .name
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let form = Form::read(&words, &food.group);
        if form.habit != Habit::AsIs {
            // For a food eaten cooked or drunk, how it was cooked or made up is what was meant.
            for i in 0..words.len() {
                let next_is_heat = words.get(i + 1).is_some_and(|n| n.stem == "heat");
                if COOKING.contains(&words[i].stem.as_str()) || next_is_heat {
                    words[i].kind = Kind::Generic;
                }
            }
        }
        let special_words: Vec<String> = words
            .iter()
            .filter(|w| SPECIAL_WORDS.contains(&w.stem.as_str()))
            .map(|w| w.stem.clone())
            .collect();
        let special_group = if SPECIAL_GROUPS.contains(&food.group.as_str()) {
            Some(words_of(&food.group))
        } else {
            (!special_words.is_empty()).then_some(special_words)
        };
        let branded = !food.manufacturer.is_empty() || has_brand(&food.name);
        Parsed {
            has_raw: words.iter().any(|w| w.stem == "raw"),
            form,
            own: false,
            in_survey: food.in_survey,
            usual: usual(&words, &food.group),
            name: food.name.clone(),
            generic: words
                .iter()
                .any(|w| w.kind == Kind::Generic && !["raw", "whole", "fluid"].contains(&w.stem.as_str())),
            words,
            commons,
            written,
            measures: food.portions.len(),
            special_group,
            brand: branded.then(|| brand_words(food)),
        }
    }

    /// As one of the user's own foods.
    pub fn own(mut self) -> Parsed {
        self.own = true;
        self
    }

    /// As read from a catalog row, which gives the number of household measures rather than
    /// the measures themselves.
    pub fn with_measures(mut self, measures: usize) -> Parsed {
        self.measures = measures;
        self
    }
}

/// One word of a food's name with where it stands.
#[derive(Debug)]
pub(super) struct NameWord {
    pub(super) stem: String,
    pub(super) segment: usize,
    /// Inside parentheses: a synonym or aside, never held against the food.
    pub(super) aside: bool,
    /// Inside parentheses that list what else the entry covers ("(includes honey buns)",
    /// "(such as Thompson seedless)"): other foods, not another name for this one.
    pub(super) listing: bool,
    /// Which parenthesised phrase the word belongs to (phrases are split by commas); 0 outside.
    pub(super) phrase: usize,
    /// What the lexicon says of the word, looked up once.
    pub(super) kind: Kind,
}

pub(super) fn name_words(name: &str) -> Vec<NameWord> {
    let mut out: Vec<NameWord> = Vec::new();
    let (mut segment, mut depth, mut word) = (0usize, 0usize, String::new());
    // Whether the innermost open parenthesis lists other foods, once its first word is read.
    let mut listing: Option<bool> = None;
    let mut phrase = 0usize;
    for (i, c) in name.char_indices().chain(std::iter::once((name.len(), ' '))) {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            if depth > 0 && listing.is_none() {
                listing = Some(LISTING.contains(&word.as_str()));
            }
            if !word.chars().all(|c| c.is_ascii_digit()) {
                let listing = depth > 0 && listing == Some(true);
                let phrase = if depth > 0 { phrase } else { 0 };
                let stem = stem(&word);
                let kind = Kind::of(&stem);
                out.push(NameWord { stem, segment, aside: depth > 0, listing, phrase, kind });
            }
            word.clear();
        }
        match c {
            '(' => {
                depth += 1;
                // "(leg, loin, shoulder, and spareribs)", "(drumsticks and thighs)": an "and"
                // inside says the entry covers several foods; "(fat free or skim)" renames it.
                listing = lists_several(name, i).then_some(true);
                phrase += 1;
            }
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => segment += 1,
            ',' => phrase += 1,
            _ => {}
        }
    }
    out
}

/// Whether the parenthesis opening at byte `open` holds the word "and".
fn lists_several(name: &str, open: usize) -> bool {
    let inside = &name[open + 1..];
    let inside = &inside[..inside.find(')').unwrap_or(inside.len())];
    inside.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case("and"))
}

/// A segment "prepared with ... water" ("Beverages, coffee, brewed, prepared with tap water",
/// "Soup, tomato, canned, prepared with equal volume water") says a drink or soup is made up as
/// it is served: the form people mean, not a preparation of it. Its words count as generic.
fn as_served(words: &mut [NameWord]) {
    let mut i = 0;
    while i < words.len() {
        let (segment, aside) = (words[i].segment, words[i].aside);
        let end = i + words[i..].iter().take_while(|w| w.segment == segment && w.aside == aside).count();
        let phrase: Vec<&str> = words[i..end].iter().map(|w| w.stem.as_str()).collect();
        if !aside
            && phrase.len() >= 3
            && phrase[..2] == ["prepared", "with"]
            && phrase.last() == Some(&"water")
        {
            words[i..end].iter_mut().for_each(|w| w.kind = Kind::Generic);
        }
        i = end;
    }
}

/// What a name says is not in the food ("without salt", "without added salt", "not
/// fortified") never makes it more specific than a name that does not say it; what it says was
/// added ("with vegetables", "with fruit") does, like a variant, and what it says was left out
/// ("without peanuts") a little, like a preparation. USDA's "with added vitamin A and vitamin D" is how milk is sold, "with salt" costs
/// as salt does, and "without skin" as a part taken away (see `usual`).
fn with_and_without(words: &mut [NameWord]) {
    for i in 1..words.len() {
        let (before, segment) = (words[i - 1].stem.as_str(), words[i - 1].segment);
        let after = |k: usize| words.get(i + k).filter(|w| w.segment == segment).map(|w| w.stem.as_str());
        match (before, after(0), after(1)) {
            ("without", Some("salt"), _) | ("not", Some(_), _) => words[i].kind = Kind::Generic,
            ("without", Some("added"), Some("salt")) => {
                words[i].kind = Kind::Generic;
                words[i + 1].kind = Kind::Generic;
            }
            ("with", Some(w), _)
                if segment > 0 && w != "added" && w != "salt" && words[i].kind == Kind::Other =>
            {
                words[i].kind = Kind::Variant;
            }
            // "without peanuts", "without added vitamin A": more specific, a little.
            ("without", Some(w), _) if segment > 0 && !PARTS.contains(&w) && words[i].kind == Kind::Other => {
                words[i].kind = Kind::Prepared;
            }
            _ => {}
        }
    }
}

/// How much a usual form counts: more than the closeness log add allows (0.3), less than a
/// word of the name (0.35 and up, times ten for a word matched).
const USUAL_LIFT: f64 = 0.5;

/// See `Parsed::usual`: a lift for the usual cooking, for "meat only" or "lean only", and a
/// cost for "without skin" and other parts taken away (salt aside).
fn usual(words: &[NameWord], group: &str) -> f64 {
    let has = |w: &str| words.iter().any(|n| n.stem == w);
    let mut lift = 0.0;
    if USUAL_COOKING.iter().any(|(g, ways)| *g == group && ways.iter().any(|w| has(w))) {
        lift += USUAL_LIFT;
    }
    if words.windows(2).any(|p| (p[0].stem == "meat" || p[0].stem == "lean") && p[1].stem == "only") {
        lift += USUAL_LIFT;
    }
    let taken_away = words.windows(2).any(|p| p[0].stem == "without" && PARTS.contains(&p[1].stem.as_str()));
    if taken_away {
        lift -= USUAL_LIFT;
    }
    lift
}

pub(super) fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(stem)
        .collect()
}

/// Whether the name's first segment is only a category the food group already says
/// ("Nuts, almonds" in Nut and Seed Products, "Fish, salmon" in Finfish): then the second
/// segment names the food. A category is written in the plural ("Nuts", "Spices") or is a
/// wider word inside the group's ("fish" in "Finfish"); a singular head that is the group's
/// own word names what the food is made into ("Oil, almond", "Sauce, pasta", "Egg, turkey").
fn category_head(words: &[NameWord], name: &str, group: &str) -> bool {
    let head: Vec<&NameWord> = words.iter().filter(|w| w.segment == 0 && !w.aside).collect();
    let phrase = |p: &[&str; 2]| head.len() == 2 && head[0].stem == p[0] && head[1].stem == p[1];
    if words.iter().any(|w| w.segment > 1) && CATEGORY_PHRASES.iter().any(phrase) {
        return true;
    }
    let [only] = head.as_slice() else { return false };
    let written = name.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    let plural = written != only.stem;
    words.iter().any(|w| w.segment > 0)
        && (plural && CATEGORY.contains(&only.stem.as_str())
            || SINGULAR_CATEGORY.contains(&only.stem.as_str())
            || words_of(group).iter().any(|g| {
                (plural && *g == only.stem) || (g.len() > only.stem.len() && g.ends_with(only.stem.as_str()))
            }))
}

/// The words naming a food's brand: its manufacturer, else the capitalised words of a
/// mixed-case name ("KELLOGG'S" in "Cereals ready-to-eat, KELLOGG'S ...").
fn brand_words(food: &Food) -> Vec<String> {
    if !food.manufacturer.is_empty() {
        return words_of(&food.manufacturer);
    }
    let mixed = food.name.chars().any(|c| c.is_lowercase());
    if !mixed {
        return Vec::new();
    }
    food.name
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase() || c == '\''))
        .flat_map(words_of)
        .collect()
}

/// USDA writes brand names in capitals ("CAMPBELL'S", "KELLOGG'S").
pub(super) fn has_brand(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric() && c != '\'').any(|w| {
        w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase() || c == '\'') && w != "USDA" && w != "NFS"
    })
}
