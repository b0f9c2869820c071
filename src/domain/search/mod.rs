//! Search ranking: turns a typed query into terms and orders candidate foods the way people
//! mean them (the everyday food, in the form it is eaten, first). Pure: the store finds
//! candidates, this ranks.
//!
//! USDA names read general to specific: "Milk, whole, 3.25% milkfat, with added vitamin D".
//! The first segment (before the first comma outside parentheses) says what the food is, the
//! second which kind, later ones how it was prepared. A good match names the head and kind and
//! leaves little unasked; common names ("pepitas") and parenthesised synonyms ("Plums, dried
//! (prunes)") count as names; typos are corrected against the catalog's own vocabulary, and
//! neighbouring words may spell one of its words ("soy milk" -> "Soymilk"); everyday words map
//! to USDA's ("2%" -> reduced fat). Foods eaten cooked come cooked, drinks as served, fruit and
//! salad vegetables raw (`form`), unless the query names a state or a way of cooking; variants,
//! organ meats, branded, baby, fast and restaurant foods sink unless the query names them;
//! among equals, the usual form comes first: on USDA's survey list, measured in more household
//! portions, cooked the usual way for its kind.

use super::food::Food;
use lexicon::Kind;
use lexicon::SPECIAL_GROUPS;
pub use name::Parsed;
use name::{has_brand, name_words, words_of, NameWord};

mod form;
mod lexicon;
mod name;
mod rank;
mod words;

pub use form::{before_eating, names_preparation, Form, Habit, State};
pub use rank::{rank, rank_hits, rank_parsed, Hit};
pub use words::{allowed_edits, joined_pairs, stem, terms, within_edits};

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

/// The catalog words a typed word (or two joined) may mean besides itself ("courgette" ->
/// "zucchini", "blackeyed" -> "blackeyes").
pub fn synonyms(word: &str) -> impl Iterator<Item = &'static str> + '_ {
    let singular = stem(word);
    lexicon::SYNONYMS.iter().filter(move |(typed, _)| *typed == word || *typed == singular).map(|(_, m)| *m)
}

/// A term read once for ranking: every form singular, and whether it is long enough to
/// count as a prefix.
#[derive(Debug)]
struct Meaning<'t> {
    term: &'t Term,
    stem: String,
    compounds: Vec<String>,
    corrections: Vec<String>,
    prefix: bool,
    /// The word names how a food was prepared or its state ("baked", "raw").
    preparation: bool,
}

impl<'t> Meaning<'t> {
    fn new(term: &'t Term) -> Meaning<'t> {
        let stem_all = |v: &[String]| v.iter().map(|c| stem(c)).collect();
        let s = stem(&term.typed);
        Meaning {
            term,
            prefix: s.chars().count() >= 2,
            compounds: stem_all(&term.compounds),
            corrections: stem_all(&term.corrections),
            preparation: form::names_preparation(&s),
            stem: s,
        }
    }

    /// How well `word` answers the term: 1 exact (or the compound it forms with a neighbour),
    /// 0.85 a typo fix, 0.55 a prefix, 0 not at all.
    fn quality(&self, word: &str) -> f64 {
        if word == self.stem || self.compounds.iter().any(|c| c == word) {
            1.0
        } else if self.corrections.iter().any(|c| c == word) {
            0.85
        } else if self.prefix && word.starts_with(self.stem.as_str()) {
            0.55
        } else {
            0.0
        }
    }
}

/// A query read once for ranking: its terms and the words it may mean.
#[derive(Debug)]
pub struct Query<'t> {
    terms: Vec<Meaning<'t>>,
    /// Each term's singular.
    stems: Vec<String>,
    /// Every word the query may mean, singular: as typed, corrected, joined with a neighbour,
    /// or USDA's words for an everyday qualifier ("2%" -> "reduced fat").
    meant: Vec<String>,
    /// USDA's words for each everyday qualifier the query uses.
    qualifiers: Vec<&'static [&'static str]>,
    /// Whether the query names a state ("dry oats", "raw spinach"): then the form people
    /// usually eat gets no preference.
    names_state: bool,
    /// Whether the query names a way of cooking ("steamed cauliflower", "grilled sirloin"):
    /// then any cooked form answers it and the raw forms do not.
    names_cooking: bool,
}

impl<'t> Query<'t> {
    pub fn new(terms: &'t [Term]) -> Query<'t> {
        let terms: Vec<Meaning> = terms.iter().map(Meaning::new).collect();
        let meant =
            terms.iter().flat_map(|m| std::iter::once(&m.stem).chain(&m.corrections).chain(&m.compounds));
        let mut meant: Vec<String> = meant.cloned().collect();
        let stems: Vec<String> = terms.iter().map(|m| m.stem.clone()).collect();
        let qualifiers: Vec<&'static [&'static str]> = lexicon::QUALIFIERS
            .iter()
            .filter(|(typed, _)| {
                stems.windows(typed.len()).any(|w| w.iter().zip(typed.iter()).all(|(a, b)| a == b))
            })
            .map(|(_, usda)| *usda)
            .collect();
        meant.extend(qualifiers.iter().flat_map(|q| q.iter().map(|w| w.to_string())));
        let names_state = stems.iter().any(|s| form::names_state(s));
        let names_cooking = stems.iter().any(|s| form::names_cooking(s));
        Query { meant, stems, terms, qualifiers, names_state, names_cooking }
    }

    /// Whether the query asks for `word` (or a word it begins), itself or through a qualifier.
    fn asks(&self, word: &str) -> bool {
        self.stems.iter().any(|s| word.starts_with(s.as_str()) || s.starts_with(word))
            || self.qualifiers.iter().any(|q| q.contains(&word))
    }

    /// Whether the query is exactly these words (a name typed whole, any case or punctuation).
    fn is_exactly(&self, name: &str) -> bool {
        let words = terms(name);
        words.len() == self.terms.len() && words.iter().zip(&self.terms).all(|(w, m)| *w == m.term.typed)
    }
}

/// A candidate's score for the query: higher is better. `uses` is how often the user logged it.
pub fn score(terms: &[Term], food: &Food, uses: u32) -> f64 {
    score_parsed(&Query::new(terms), &Parsed::new(food), uses)
}

/// `score` with the query and the food's name already read.
pub fn score_parsed(query: &Query<'_>, parsed: &Parsed, uses: u32) -> f64 {
    let (words, commons) = (&parsed.words, &parsed.commons);
    let (stems, meant) = (&query.stems, &query.meant);
    let mut score = 0.0;
    let mut head_hit = false;
    let mut used = vec![false; words.len()];
    let mut common_used = false;
    for m in &query.terms {
        let mut best: (f64, Option<usize>) = (0.0, None);
        for (i, w) in words.iter().enumerate() {
            let q = m.quality(&w.stem);
            if q == 0.0 {
                continue;
            }
            // A synonym in parentheses near the front names the food too ("Plums, dried (prunes)");
            // a list of other foods ranks after the segment it stands in.
            let segment = match (w.aside, w.listing) {
                (_, true) => w.segment + 1,
                (true, false) => w.segment.saturating_sub(1),
                (false, false) => w.segment,
            };
            // USDA writes how a food was cooked last: where it stands says nothing, and it is a
            // preference among the food's forms rather than the food.
            let weight = if m.preparation {
                PREPARATION_WEIGHT
            } else {
                [1.0, 0.85, 0.7].get(segment).copied().unwrap_or(0.6)
            };
            if q * weight > best.0 {
                best = (q * weight, Some(i));
            }
        }
        let common_best =
            commons.iter().flat_map(|c| c.iter()).map(|w| m.quality(w) * 0.95).fold(0.0, f64::max);
        if common_best > best.0 {
            best = (common_best, None);
            common_used = true;
        }
        if let Some(i) = best.1 {
            used[i] = true;
            let w = &words[i];
            head_hit |= !w.listing && (w.segment == 0 || (w.aside && w.segment <= 1));
        }
        if parsed.written.contains(&m.term.typed) {
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
                .all(|(x, u)| *u || x.kind == Kind::Stop)
        })
        .map(|(_, w)| w.segment)
        .max();
    let covered = |w: &NameWord| !w.aside && covered_to.is_some_and(|c| w.segment <= c);
    // The head says exactly what was asked, no more ("Yogurt", not "Tofu yogurt").
    let head: Vec<&NameWord> = words.iter().filter(|w| w.segment == 0 && !w.aside).collect();
    // A common name that is exactly the query names the food as well ("spaghetti" for
    // "Pasta, cooked, enriched").
    let common_exact = commons
        .iter()
        .any(|c| !c.is_empty() && c.len() == stems.len() && c.iter().zip(stems).all(|(a, b)| a == b));
    if common_exact
        || !head.is_empty()
            && head.iter().all(|w| w.kind == Kind::Stop || covered(w) || meant.contains(&w.stem))
    {
        score += 2.5;
    }
    // What the name says beyond the query makes it more specific than was asked.
    let mut extra = 0.0;
    for (w, u) in words.iter().zip(&used) {
        let plain_word = w.kind.plain();
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
        extra = f64::min(extra * 0.5, 1.0);
    }
    score -= extra;
    let asked = |w: &str| query.asks(w);
    // The form people eat first: raw fruit and vegetables, but cooked rice, beans, meat and
    // fish, and drinks as served, unless the query names a state itself.
    match parsed.form.habit {
        // "steamed cauliflower": cooked is what was said, even of a vegetable eaten raw.
        _ if query.names_cooking && parsed.form.state == State::Unprepared => score -= BEFORE_EATING_COST,
        _ if query.names_cooking => {}
        // "dry rice": USDA says "raw"; any form not yet cooked answers it.
        _ if query.names_state && parsed.form.state == State::Unprepared => score += STATE_LIFT,
        Habit::AsIs if parsed.has_raw && !asked("raw") => score += 2.0,
        Habit::Cooked | Habit::Drink if parsed.form.state == State::Unprepared && !query.names_state => {
            score -= BEFORE_EATING_COST;
        }
        _ => {}
    }
    for w in words.iter().filter(|w| !covered(w)) {
        let cost = match w.kind {
            Kind::Prepared => 0.8,
            Kind::Variant => 1.5,
            Kind::Offal => 3.0,
            _ => 0.0,
        };
        if cost > 0.0 && !asked(&w.stem) {
            score -= cost;
        }
    }
    // USDA's words for an everyday qualifier ("reduced fat" for "2%").
    for q in &query.qualifiers {
        if q.iter().all(|u| words.iter().any(|w| w.stem == *u)) {
            score += 2.0;
        }
    }
    // The user's own foods outrank catalog foods with the same match; one named exactly as
    // typed is what was meant.
    if parsed.own {
        score += if query.is_exactly(&parsed.name) { 1000.0 } else { 3.0 };
    }
    if parsed.generic {
        score += 0.5;
    }
    if parsed.special_group.as_ref().is_some_and(|g| !g.iter().any(|g| asked(g))) {
        score -= 6.0;
    }
    // Branded foods sink below the everyday generic one unless the query names the brand.
    // A word the query shares with a brand of two words ("cola" in COCA-COLA) is not the brand.
    let brand_named = |b: &Vec<String>| {
        let named = b.iter().filter(|w| w.len() >= 2 && stems.contains(w)).count();
        named > 0 && named >= b.iter().filter(|w| w.len() >= 2).count().min(2)
    };
    if parsed.brand.as_ref().is_some_and(|b| !brand_named(b)) {
        score -= 8.0;
    }
    // USDA measures everyday foods in more household portions (cup, slice, piece...) than
    // rare ones: a small lift among otherwise equal matches.
    score += MEASURES_WEIGHT * (parsed.measures.min(8) as f64).ln_1p();
    // USDA's Survey flag marks the foods the national dietary survey records as eaten: among
    // equal matches, the everyday form (long-grain over medium-grain rice, sockeye salmon).
    if parsed.in_survey {
        score += SURVEY_WEIGHT;
    }
    score += parsed.usual;
    score + 1.5 * f64::from(uses).ln_1p()
}

/// How much household measures count (see `score_parsed`).
const MEASURES_WEIGHT: f64 = 0.8;

/// How much USDA's Survey flag counts: enough to break a tie, less than any word of the name.
const SURVEY_WEIGHT: f64 = 0.75;

/// What a form not yet cooked gains when the query names a state ("dry", "raw", "flour").
const STATE_LIFT: f64 = 3.0;

/// How much a query's cooking or state word counts when a name has it, wherever it stands.
const PREPARATION_WEIGHT: f64 = 0.5;

/// What a food eaten cooked (or drunk) loses in a form not yet eaten: more than a head word
/// left unasked, so cooked buckwheat groats beat the grain "Buckwheat".
const BEFORE_EATING_COST: f64 = 6.0;

/// Whether every term matches a word of the food's name or common names (as typed, as a
/// prefix, or as one of its typo corrections): the rule full-text search applies, for foods
/// kept outside the catalog.
pub fn matches_all(terms: &[Term], food: &Food) -> bool {
    let mut words: Vec<String> = name_words(&food.name).into_iter().map(|w| w.stem).collect();
    words.extend(words_of(&food.common_names));
    let query = Query::new(terms);
    !terms.is_empty()
        && query
            .terms
            .iter()
            .all(|m| words.iter().any(|w| m.quality(w) > 0.0 || w.starts_with(m.term.typed.as_str())))
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

#[cfg(test)]
mod tests;
