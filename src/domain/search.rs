//! Search ranking: turns a typed query into terms and orders candidate foods the way people
//! mean them (the everyday generic food first). Pure: the store finds candidates, this ranks.
//!
//! USDA names read general to specific: "Milk, whole, 3.25% milkfat, with added vitamin D".
//! The first segment (before the first comma outside parentheses) says what the food is, the
//! second which kind, later ones how it was prepared. A good match names the head and kind and
//! leaves little unasked; common names ("pepitas") count as names; typos are corrected against
//! the catalog's own vocabulary; plain and raw forms win over prepared, branded, baby, fast and
//! restaurant foods unless the query names them.

use std::collections::HashMap;

use super::food::Food;

/// The words of a query: lower-case alphanumeric runs, at most 16 of at most 40 characters.
/// Everything else (quotes, operators, control characters, emoji) is a separator.
pub fn terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().chars().take(40).collect::<String>())
        .take(16)
        .collect()
}

/// A word reduced to a rough singular, so "almonds" and "almond", "berries" and "berry" meet.
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    if w.chars().count() > 4 {
        if let Some(s) = w.strip_suffix("ies") {
            return format!("{s}y");
        }
        for suf in ["oes", "ches", "shes", "sses", "xes"] {
            if let Some(s) = w.strip_suffix(suf) {
                return format!("{s}{}", &suf[..suf.len() - 2]);
            }
        }
    }
    if w.chars().count() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// How many typos a word of this length may carry: none under 4 letters, one up to 7, two
/// beyond.
pub fn allowed_edits(word: &str) -> usize {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Whether `a` and `b` are within `max` edits (insert, delete, substitute, swap neighbours).
pub fn within_edits(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    // Optimal string alignment distance, abandoning rows that exceed `max`.
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        if cur.iter().min().copied().unwrap_or(0) > max {
            return false;
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()] <= max
}

/// A query term: the word as typed, the catalog words it may have meant (typo fixes) and the
/// catalog words it forms with a neighbouring term ("soy milk" -> "soymilk").
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Term {
    pub typed: String,
    pub corrections: Vec<String>,
    pub compounds: Vec<String>,
}

impl Term {
    /// A term with nothing but the word as typed.
    pub fn plain(typed: impl Into<String>) -> Term {
        Term { typed: typed.into(), ..Term::default() }
    }
}

/// The single words adjacent query words may spell together ("soy milk" -> "soymilk", "chick
/// peas" -> "chickpeas"), for the store to look up in the catalog's vocabulary.
pub fn joined_pairs(words: &[String]) -> Vec<(usize, String)> {
    words.windows(2).enumerate().map(|(i, pair)| (i, format!("{}{}", pair[0], pair[1]))).collect()
}

/// Words that mark a prepared or processed form, not the plain everyday one.
const PREPARED: &[&str] = &[
    "prepared",
    "cooked",
    "roasted",
    "fried",
    "baked",
    "boiled",
    "canned",
    "frozen",
    "dried",
    "dehydrated",
    "salted",
    "salt",
    "sweetened",
    "flavored",
    "glazed",
    "breaded",
    "stewed",
    "braised",
    "toasted",
    "blanched",
    "microwaved",
    "mix",
    "babyfood",
    "infant",
    "drained",
    "heated",
    "reconstituted",
    "powder",
    "concentrate",
    "smoked",
    "cured",
    "deli",
    "sliced",
    "prepackaged",
    "puree",
    "filling",
    "filled",
    "coated",
    "frosted",
    "seasoned",
    "marinated",
    "pickled",
    "sauce",
];

/// Words that mark a modified variant of a food (diet, fortified, imitation): further from
/// what people mean by the plain name than a cooking method.
const VARIANT: &[&str] = &[
    "reduced",
    "low",
    "lowfat",
    "nonfat",
    "free",
    "light",
    "lite",
    "skim",
    "fortified",
    "enriched",
    "imitation",
    "substitute",
    "diet",
    "unsweetened",
    "decaffeinated",
];

/// Words USDA uses to mark the generic, average or standard form of a food.
const GENERIC: &[&str] = &[
    "plain",
    "regular",
    "ripe",
    "average",
    "year",
    "round",
    "all",
    "type",
    "variety",
    "commercial",
    "mixed",
    "specy",
    "broiler",
    "fryer",
    "whole",
    "fresh",
    "raw",
];

/// Category heads USDA writes before the food that its group names do not spell
/// ("Mollusks, oyster" and "Crustaceans, crab" in Finfish and Shellfish Products).
const CATEGORY: &[&str] = &["mollusk", "crustacean", "shellfish"];

/// Small words that never make a name more specific.
const STOP: &[&str] =
    &["and", "or", "with", "without", "in", "of", "the", "a", "to", "from", "for", "as", "only"];

/// Food groups people rarely mean unless they say so.
const SPECIAL_GROUPS: &[&str] = &[
    "Baby Foods",
    "Fast Foods",
    "Restaurant Foods",
    "Meals, Entrees, and Side Dishes",
    "Sausages and Luncheon Meats",
    "American Indian/Alaska Native Foods",
];

/// Whether `word` is in one of the word lists above, through a hash set built once per list.
fn is(list: &'static [&'static str], word: &str) -> bool {
    use std::collections::HashSet;
    use std::sync::OnceLock;
    static SETS: OnceLock<Vec<(usize, HashSet<&'static str>)>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        [PREPARED, VARIANT, GENERIC, STOP]
            .iter()
            .map(|l| (l.as_ptr() as usize, l.iter().copied().collect()))
            .collect()
    });
    match sets.iter().find(|(ptr, _)| *ptr == list.as_ptr() as usize) {
        Some((_, set)) => set.contains(word),
        None => list.contains(&word),
    }
}

/// One word of a food's name with where it stands.
#[derive(Debug)]
struct NameWord {
    stem: String,
    segment: usize,
    /// Inside parentheses: a synonym or aside, never held against the food.
    aside: bool,
    /// Inside parentheses that list what else the entry covers ("(includes honey buns)",
    /// "(such as Thompson seedless)"): other foods, not another name for this one.
    listing: bool,
    /// Which parenthesised phrase the word belongs to (phrases are split by commas); 0 outside.
    phrase: usize,
}

/// First words of a parenthesised list of other foods or conditions rather than a synonym.
const LISTING: &[&str] =
    &["includes", "including", "include", "such", "contains", "not", "may", "made", "with"];

fn name_words(name: &str) -> Vec<NameWord> {
    let mut out: Vec<NameWord> = Vec::new();
    let (mut segment, mut depth, mut word) = (0usize, 0usize, String::new());
    // Whether the innermost open parenthesis lists other foods, once its first word is read.
    let mut listing: Option<bool> = None;
    let mut phrase = 0usize;
    for c in name.chars().chain(std::iter::once(' ')) {
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
                out.push(NameWord { stem: stem(&word), segment, aside: depth > 0, listing, phrase });
            }
            word.clear();
        }
        match c {
            '(' => {
                depth += 1;
                listing = None;
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

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(stem)
        .collect()
}

/// How well `word` answers the term: 1 exact (or the compound it forms with a neighbour),
/// 0.85 a typo fix, 0.55 a prefix, 0 not at all.
fn match_quality(term: &Term, typed_stem: &str, word: &str) -> f64 {
    if word == typed_stem || term.compounds.iter().any(|c| stem(c) == word) {
        1.0
    } else if term.corrections.iter().any(|c| stem(c) == word) {
        0.85
    } else if typed_stem.chars().count() >= 2 && word.starts_with(typed_stem) {
        0.55
    } else {
        0.0
    }
}

/// Whether the name's first segment is only a category the food group already says
/// ("Nuts, almonds" in Nut and Seed Products, "Fish, salmon" in Finfish): then the second
/// segment names the food. A category is written in the plural ("Nuts", "Spices") or is a
/// wider word inside the group's ("fish" in "Finfish"); a singular head that is the group's
/// own word names what the food is made into ("Oil, almond", "Sauce, pasta", "Egg, turkey").
fn category_head(words: &[NameWord], name: &str, group: &str) -> bool {
    let mut head = words.iter().filter(|w| w.segment == 0 && !w.aside);
    let (Some(only), None) = (head.next(), head.next()) else { return false };
    let written = name.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    let plural = written != only.stem;
    words.iter().any(|w| w.segment > 0)
        && (plural && CATEGORY.contains(&only.stem.as_str())
            || words_of(group).iter().any(|g| {
                (plural && *g == only.stem) || (g.len() > only.stem.len() && g.ends_with(only.stem.as_str()))
            }))
}

/// A candidate's score for the query: higher is better. `uses` is how often the user logged it.
pub fn score(terms: &[Term], food: &Food, uses: u32) -> f64 {
    score_parsed(terms, &Parsed::new(food), food, uses)
}

/// A food's name read once for ranking: its words by segment, its common names, its
/// lower-case form and how many household measures it has. Independent of the query, so a
/// long-lived catalog can keep it between key presses.
#[derive(Debug)]
pub struct Parsed {
    words: Vec<NameWord>,
    commons: Vec<Vec<String>>,
    lower_name: String,
    measures: usize,
}

impl Parsed {
    pub fn new(food: &Food) -> Parsed {
        let mut words = name_words(&food.name);
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
        Parsed { words, commons, lower_name: food.name.to_lowercase(), measures: food.portions.len() }
    }

    /// As read from a catalog row, which gives the number of household measures rather than
    /// the measures themselves.
    pub fn with_measures(mut self, measures: usize) -> Parsed {
        self.measures = measures;
        self
    }
}

/// `score` with the food's name already read.
pub fn score_parsed(terms: &[Term], parsed: &Parsed, food: &Food, uses: u32) -> f64 {
    let (words, commons, lower_name) = (&parsed.words, &parsed.commons, &parsed.lower_name);
    let stems: Vec<String> = terms.iter().map(|t| stem(&t.typed)).collect();
    // Every word the query may mean: as typed, corrected, or joined with a neighbour.
    let meant: Vec<String> = terms
        .iter()
        .flat_map(|t| std::iter::once(&t.typed).chain(&t.corrections).chain(&t.compounds))
        .map(|w| stem(w))
        .collect();
    let mut score = 0.0;
    let mut head_hit = false;
    let mut used = vec![false; words.len()];
    let mut common_used = false;
    for (term, s) in terms.iter().zip(&stems) {
        let mut best: (f64, Option<usize>) = (0.0, None);
        for (i, w) in words.iter().enumerate() {
            let q = match_quality(term, s, &w.stem);
            // A synonym in parentheses near the front names the food too ("Plums, dried (prunes)");
            // a list of other foods ranks after the segment it stands in.
            let segment = match (w.aside, w.listing) {
                (_, true) => w.segment + 1,
                (true, false) => w.segment.saturating_sub(1),
                (false, false) => w.segment,
            };
            let weight = [1.0, 0.85, 0.7].get(segment).copied().unwrap_or(0.6);
            if q * weight > best.0 {
                best = (q * weight, Some(i));
            }
        }
        let common_best = commons
            .iter()
            .flat_map(|c| c.iter())
            .map(|w| match_quality(term, s, w) * 0.95)
            .fold(0.0, f64::max);
        if common_best > best.0 {
            best = (common_best, None);
            common_used = true;
        }
        if let Some(i) = best.1 {
            used[i] = true;
            let w = &words[i];
            head_hit |= !w.listing && (w.segment == 0 || (w.aside && w.segment <= 1));
        }
        if lower_name.split(|c: char| !c.is_alphanumeric()).any(|w| w == term.typed) {
            score += 0.5; // the word exactly as typed, plural and all
        }
        score += 10.0 * best.0;
    }
    // A common name the query spells out whole ("oatmeal") names the food as well as its head.
    let common_whole = commons.iter().any(|c| c.iter().all(|w| stems.iter().any(|s| s == w)));
    if head_hit || common_whole {
        score += 4.0;
    }
    // A parenthesised synonym the query spells out whole ("prunes" in "Plums, dried
    // (prunes)") renames everything before it: those words are what was asked.
    let covered_to = words
        .iter()
        .enumerate()
        .filter(|(i, w)| used[*i] && w.phrase != 0 && !w.listing)
        .filter(|(_, w)| {
            words
                .iter()
                .zip(&used)
                .filter(|(x, _)| x.phrase == w.phrase)
                .all(|(x, u)| *u || is(STOP, &x.stem))
        })
        .map(|(_, w)| w.segment)
        .max();
    let covered = |w: &NameWord| !w.aside && covered_to.is_some_and(|c| w.segment <= c);
    // The head says exactly what was asked, no more ("Yogurt", not "Tofu yogurt").
    let head: Vec<&NameWord> = words.iter().filter(|w| w.segment == 0 && !w.aside).collect();
    if !head.is_empty() && head.iter().all(|w| meant.contains(&w.stem) || is(STOP, &w.stem) || covered(w)) {
        score += 2.5;
    }
    // What the name says beyond the query makes it more specific than was asked.
    let mut extra = 0.0;
    for (w, u) in words.iter().zip(&used) {
        let plain_word = is(STOP, &w.stem) || is(GENERIC, &w.stem);
        if *u || w.aside || plain_word || meant.contains(&w.stem) || covered(w) {
            continue;
        }
        extra += match w.segment {
            0 => 1.5,
            1 => 1.0,
            _ => 0.35,
        };
    }
    if common_whole || (common_used && !head_hit) {
        extra = f64::min(extra, 1.0);
    }
    score -= extra;
    let asked = |w: &str| stems.iter().any(|s| w.starts_with(s.as_str()) || s.starts_with(w));
    if words.iter().any(|w| w.stem == "raw") && !asked("raw") {
        score += 2.0;
    }
    for w in words.iter().filter(|w| !covered(w)) {
        if is(PREPARED, &w.stem) && !asked(&w.stem) {
            score -= 0.8;
        }
        if is(VARIANT, &w.stem) && !asked(&w.stem) {
            score -= 1.5;
        }
    }
    if words.iter().any(|w| is(GENERIC, &w.stem) && w.stem != "raw" && w.stem != "whole") {
        score += 0.5;
    }
    if SPECIAL_GROUPS.contains(&food.group.as_str()) && !words_of(&food.group).iter().any(|g| asked(g)) {
        score -= 6.0;
    }
    // Branded foods sink below the everyday generic one unless the query names the brand.
    if !food.manufacturer.is_empty() || has_brand(&food.name) {
        let named = brand_words(food).iter().any(|b| stems.contains(b));
        if !named {
            score -= 8.0;
        }
    }
    // USDA measures everyday foods in more household portions (cup, slice, piece...) than
    // rare ones: a small lift among otherwise equal matches.
    score += MEASURES_WEIGHT * (parsed.measures.min(8) as f64).ln_1p();
    score + 1.5 * f64::from(uses).ln_1p()
}

/// How much household measures count (see `score_parsed`).
const MEASURES_WEIGHT: f64 = 0.4;

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
fn has_brand(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric() && c != '\'').any(|w| {
        w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase() || c == '\'') && w != "USDA" && w != "NFS"
    })
}

/// Whether every term matches a word of the food's name or common names (as typed, as a
/// prefix, or as one of its typo corrections): the rule full-text search applies, for foods
/// kept outside the catalog.
pub fn matches_all(terms: &[Term], food: &Food) -> bool {
    let mut words: Vec<String> = name_words(&food.name).into_iter().map(|w| w.stem).collect();
    words.extend(words_of(&food.common_names));
    !terms.is_empty()
        && terms.iter().all(|t| {
            let s = stem(&t.typed);
            words.iter().any(|w| match_quality(t, &s, w) > 0.0 || w.starts_with(t.typed.as_str()))
        })
}

/// A food's place in the catalog before any query: everyday foods first (not branded or from
/// a special group), then fewer name segments, then shorter names. The store keeps foods in
/// this order so that, on a huge catalog, the first matches it reads are the likeliest.
pub fn prior(food: &Food) -> (bool, usize, usize) {
    let special = SPECIAL_GROUPS.contains(&food.group.as_str())
        || !food.manufacturer.is_empty()
        || has_brand(&food.name);
    let segments = name_words(&food.name).last().map_or(0, |w| w.segment);
    (special, segments, food.name.len())
}

/// The vocabulary words of a food (name and common names), for typo correction.
pub fn vocabulary(food: &Food) -> Vec<String> {
    terms(&format!("{} {}", food.name, food.common_names))
        .into_iter()
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

/// Orders candidates best first (ties: shorter name, then id) and keeps `limit`.
pub fn rank(terms: &[Term], foods: Vec<Food>, uses: &HashMap<String, u32>, limit: usize) -> Vec<Food> {
    rank_with(terms, foods, uses, limit, &mut |f| std::rc::Rc::new(Parsed::new(f)))
}

/// `rank`, reading names through `parsed` (which may remember them).
pub fn rank_with(
    terms: &[Term],
    foods: Vec<Food>,
    uses: &HashMap<String, u32>,
    limit: usize,
    parsed: &mut dyn FnMut(&Food) -> std::rc::Rc<Parsed>,
) -> Vec<Food> {
    let mut scored: Vec<(f64, Food)> = foods
        .into_iter()
        .map(|f| (score_parsed(terms, &parsed(&f), &f, uses.get(&f.id).copied().unwrap_or(0)), f))
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0).then(a.1.name.len().cmp(&b.1.name.len())).then_with(|| a.1.id.cmp(&b.1.id))
    });
    scored.into_iter().take(limit).map(|(_, f)| f).collect()
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
