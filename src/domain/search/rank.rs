//! Ordering candidates by score, and what log add needs to know of each: its score and
//! whether its name covers every word of the query.

use std::collections::HashMap;
use std::rc::Rc;

use super::lexicon::{self, Kind};
use super::{form, score_parsed, Parsed, Query, State, Term};
use crate::domain::food::Food;

/// Orders candidates best first (ties: shorter name, then id) and keeps `limit`.
pub fn rank(terms: &[Term], foods: Vec<Food>, uses: &HashMap<String, u32>, limit: usize) -> Vec<Food> {
    let read = foods.into_iter().map(|f| (Rc::new(Parsed::new(&f)), f)).collect();
    rank_parsed(terms, read, uses, limit)
}

/// `rank` with each food's name already read.
pub fn rank_parsed(
    terms: &[Term],
    foods: Vec<(Rc<Parsed>, Food)>,
    uses: &HashMap<String, u32>,
    limit: usize,
) -> Vec<Food> {
    rank_hits(terms, foods, uses, limit).into_iter().map(|h| h.food).collect()
}

/// A ranked food with its score and whether its name covers every word of the query.
#[derive(Debug, Clone)]
pub struct Hit {
    pub food: Food,
    pub score: f64,
    pub covers: bool,
    /// Whether the food is eaten cooked (or drunk) and named in a form not yet so.
    pub before_eating: bool,
}

/// `rank_parsed`, keeping each food's score.
pub fn rank_hits(
    terms: &[Term],
    foods: Vec<(Rc<Parsed>, Food)>,
    uses: &HashMap<String, u32>,
    limit: usize,
) -> Vec<Hit> {
    let query = Query::new(terms);
    let mut scored: Vec<(f64, usize)> = foods
        .iter()
        .enumerate()
        .map(|(i, (parsed, f))| {
            let n = if uses.is_empty() { 0 } else { uses.get(&f.id).copied().unwrap_or(0) };
            (score_parsed(&query, parsed, n), i)
        })
        .collect();
    let food = |i: usize| &foods[i].1;
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(food(a.1).name.len().cmp(&food(b.1).name.len()))
            .then_with(|| food(a.1).id.cmp(&food(b.1).id))
    });
    scored.truncate(limit);
    let mut slots: Vec<Option<(Rc<Parsed>, Food)>> = foods.into_iter().map(Some).collect();
    scored
        .into_iter()
        .filter_map(|(score, i)| {
            let (parsed, food) = slots[i].take()?;
            let covers = covers(&query, &parsed);
            Some(Hit { food, score, covers, before_eating: parsed.form.before_eating() })
        })
        .collect()
}

/// Whether every word of the query is in the food's name or common names, whole, as a typo
/// fix or as a prefix; small words and amounts ("2%") count as said.
fn covers(query: &Query<'_>, parsed: &Parsed) -> bool {
    query.terms.iter().all(|m| {
        let digits = m.term.typed.trim_end_matches('%');
        lexicon::Kind::of(&m.stem) == Kind::Stop
            || lexicon::FILLER.contains(&m.term.typed.as_str())
            || (form::names_cooking(&m.stem) && parsed.form.state == State::Prepared)
            || (form::names_state(&m.stem) && parsed.form.state == State::Unprepared)
            || parsed.words.iter().any(|w| m.quality(&w.stem) > 0.0)
            || parsed.commons.iter().flatten().any(|w| m.quality(w) > 0.0)
            || parsed.written.iter().any(|w| w == digits)
    })
}
