//! Finding foods in the catalog: full-text search with typo correction, ranked by the
//! domain's rules, and "richest in" lists by nutrient.

use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::params_from_iter;

use super::catalog::{prefixed_columns, row_to_food, row_to_food_head, Catalog};
use super::{read_nutrients, StoreError};
use crate::domain::browse::{Basis, Ranked};
use crate::domain::nutrient::Nutrient;
use crate::domain::search::{self, Hit, Parsed, Term};
use crate::domain::{Food, Portion};

/// How many full-text matches the ranker reads, in prior order (likeliest first).
const CANDIDATES: usize = 1000;
/// How many typo corrections a term may bring.
const CORRECTIONS: usize = 4;

impl Catalog {
    /// Foods matching every word of `query` (any order, prefixes, common names, typos), best
    /// first. When no food has every word, foods with any of them. Results carry no portions.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Food>, StoreError> {
        self.search_with(query, limit, &HashMap::new(), &[])
    }

    /// As `search`, with foods the user logs often (`uses`: food id -> times) ranked higher,
    /// also searching `custom` foods (the user's own, with their figures) under the same
    /// rules.
    pub fn search_with(
        &self,
        query: &str,
        limit: usize,
        uses: &HashMap<String, u32>,
        custom: &[Food],
    ) -> Result<Vec<Food>, StoreError> {
        Ok(self.search_hits(query, limit, uses, custom)?.into_iter().map(|h| h.food).collect())
    }

    /// As `search_with`, keeping each food's score and whether it covers the query (to tell
    /// a clear first match from a close call).
    pub fn search_hits(
        &self,
        query: &str,
        limit: usize,
        uses: &HashMap<String, u32>,
        custom: &[Food],
    ) -> Result<Vec<Hit>, StoreError> {
        let words = search::terms(query);
        if words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        // One read transaction: the file is locked once for the dozens of statements below.
        let _read = self.conn.unchecked_transaction()?;
        let mut terms = Vec::with_capacity(words.len());
        for w in &words {
            let corrections = self.corrections(w)?;
            terms.push(Term { corrections, ..Term::plain(w.as_str()) });
        }
        for (term, w) in terms.iter_mut().zip(&words) {
            term.compounds.extend(search::synonyms(w).map(str::to_string));
        }
        for (i, joined) in search::joined_pairs(&words) {
            let meant = search::synonyms(&joined).map(str::to_string).collect::<Vec<_>>();
            for known in self.spelled(&joined)?.into_iter().chain(meant) {
                terms[i].compounds.push(known.clone());
                terms[i + 1].compounds.push(known);
            }
        }
        // Each term becomes quoted FTS5 strings: no user text is ever FTS5 syntax.
        let groups: Vec<String> = terms
            .iter()
            .map(|t| {
                let mut alts = vec![format!("\"{}\"*", t.typed)];
                alts.extend(t.corrections.iter().chain(&t.compounds).map(|c| format!("\"{c}\"")));
                format!("({})", alts.join(" OR "))
            })
            .collect();
        // One or two letters match most of the catalog and say little: the likeliest few
        // hundred (prior order) are enough while the query is that short.
        let longest = terms.iter().map(|t| t.typed.chars().count()).max().unwrap_or(0);
        let breadth = match longest {
            0 | 1 => CANDIDATES / 10,
            2 => CANDIDATES / 5,
            _ => CANDIDATES,
        };
        // Names and common names say what a food is; the group column is for browsing.
        let mut candidates =
            self.candidates(&format!("{{name common}} : ({})", groups.join(" AND ")), breadth)?;
        // "baked salmon": how it was cooked is a preference among the food's forms, so the
        // foods that have the other words compete too (USDA's salmon is "cooked, dry heat").
        let essential: Vec<&String> = groups
            .iter()
            .zip(&words)
            .filter(|(_, w)| !search::names_preparation(w))
            .map(|(g, _)| g)
            .collect();
        if !essential.is_empty() && essential.len() < groups.len() {
            let and = essential.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(" AND ");
            for more in self.candidates(&format!("{{name common}} : ({and})"), breadth)? {
                if !candidates.iter().any(|c| c.0 == more.0) {
                    candidates.push(more);
                }
            }
        }
        if candidates.is_empty() && groups.len() > 1 {
            candidates = self.candidates(&format!("{{name common}} : ({})", groups.join(" OR ")), breadth)?;
        }
        let mut read: Vec<(Rc<Parsed>, Food)> = Vec::with_capacity(candidates.len() + custom.len());
        {
            let mut cache = self.parsed.borrow_mut();
            for (rowid, food, measures) in candidates {
                let parsed = cache.get_or_read(rowid, || Parsed::new(&food).with_measures(measures));
                read.push((parsed, food));
            }
        }
        let own: Vec<&Food> = custom.iter().filter(|f| search::matches_all(&terms, f)).collect();
        read.extend(own.iter().map(|f| (Rc::new(Parsed::new(f).own()), (*f).clone())));
        let mut ranked = search::rank_hits(&terms, read, uses, limit);
        // Custom foods come with their figures; catalog foods get theirs now.
        let from_catalog =
            ranked.iter_mut().map(|h| &mut h.food).filter(|f| !own.iter().any(|o| o.id == f.id));
        self.fill_nutrients(from_catalog)?;
        Ok(ranked)
    }

    /// The catalog's words that are `word` itself or its plural.
    fn spelled(&self, word: &str) -> Result<Vec<String>, StoreError> {
        if word.chars().count() > 40 {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached("SELECT word FROM words WHERE word IN (?1, ?2, ?3)")?;
        let forms = [word.to_string(), format!("{word}s"), format!("{word}es")];
        let rows = stmt.query_map(rusqlite::params_from_iter(forms.iter()), |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Catalog words the term may be a typo of, when no catalog word starts with it.
    fn corrections(&self, term: &str) -> Result<Vec<String>, StoreError> {
        let edits = search::allowed_edits(term);
        if edits == 0 {
            return Ok(Vec::new());
        }
        // A word the catalog knows (as typed or singular, whole or as a prefix) is no typo.
        for known in [term.to_string(), search::stem(term)] {
            let mut upper = known.clone();
            upper.push(char::MAX);
            let found: bool = self
                .conn
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM words WHERE word >= ?1 AND word < ?2)")?
                .query_row([known.as_str(), upper.as_str()], |r| r.get(0))?;
            if found {
                return Ok(Vec::new());
            }
        }
        let len = term.chars().count();
        // Words only, which the length index covers; how common a word is only for the few close.
        let mut stmt =
            self.conn.prepare_cached("SELECT word FROM words WHERE length(word) BETWEEN ?1 AND ?2")?;
        let mut uses = self.conn.prepare_cached("SELECT uses FROM words WHERE word = ?1")?;
        let mut found: Vec<(String, usize, i64)> = Vec::new();
        // The word as typed and its singular: "scalops" is one edit from "scallop", not "scallops".
        let singular = search::stem(term);
        let forms: Vec<(&str, Letters)> = std::iter::once(term)
            .chain((singular != term).then_some(singular.as_str()))
            .map(|f| (f, Letters::of(f)))
            .collect();
        let mut rows = stmt.query([len.saturating_sub(edits + 1) as i64, (len + edits) as i64])?;
        while let Some(r) = rows.next()? {
            let Ok(word) = r.get_ref(0)?.as_str() else { continue };
            // Each edit changes at most two letter counts: most words are ruled out unread.
            let close = forms.iter().filter(|(_, letters)| letters.difference(word) <= 2 * edits);
            // Closest first: one edit before two, then the commoner word.
            let distance = close
                .filter_map(|(form, _)| (0..=edits).find(|d| search::within_edits(form, word, *d)))
                .min();
            if let Some(d) = distance {
                found.push((word.to_string(), d, uses.query_row([word], |u| u.get(0))?));
            }
        }
        found.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)).then_with(|| a.0.cmp(&b.0)));
        Ok(found.into_iter().take(CORRECTIONS).map(|(w, _, _)| w).collect())
    }

    /// The first full-text matches in prior order, without nutrients, each with its rowid and
    /// number of household measures.
    fn candidates(&self, expr: &str, limit: usize) -> Result<Vec<(i64, Food, usize)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.id, f.name, f.grp, f.common, f.manufacturer, f.survey, f.measures, f.rowid FROM \
             (SELECT rowid AS hit FROM foods_fts WHERE foods_fts MATCH ?1 ORDER BY rowid LIMIT ?2) \
             CROSS JOIN foods f ON f.rowid = hit",
        )?;
        let rows = stmt.query_map(rusqlite::params![expr, limit as i64], |r| {
            Ok((r.get(7)?, row_to_food_head(r)?, r.get::<_, i64>(6)?.max(0) as usize))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn fill_nutrients<'f>(&self, foods: impl Iterator<Item = &'f mut Food>) -> Result<(), StoreError> {
        let sql = format!("SELECT {} FROM foods f WHERE f.id = ?1", prefixed_columns("f"));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        for f in foods {
            f.per_100g = stmt.query_row([&f.id], |r| read_nutrients(r, 0))?;
        }
        Ok(())
    }

    /// Foods richest in `nutrient` on `basis`, optionally within food groups whose name holds
    /// every word of `group`. Foods with an unknown value (or no energy / serving for those
    /// bases) are left out.
    pub fn top_by(
        &self,
        nutrient: Nutrient,
        basis: Basis,
        group: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Ranked>, StoreError> {
        let col = format!("f.{}", nutrient.key());
        let (filter, order) = match basis {
            Basis::Per100g => (String::new(), col.clone()),
            Basis::Serving => ("AND f.serving_grams > 0".to_string(), format!("{col} * f.serving_grams")),
            Basis::Per100kcal => ("AND f.energy_kcal > 0".to_string(), format!("{col} / f.energy_kcal")),
        };
        let words: Vec<String> = group.map(search::terms).unwrap_or_default();
        let group_filter: String =
            (0..words.len()).map(|i| format!(" AND instr(lower(f.grp), ?{}) > 0", i + 1)).collect();
        let sql = format!(
            "SELECT f.id, f.name, f.grp, f.common, f.manufacturer, f.survey, {}, \
             f.serving_amount, f.serving_desc, f.serving_grams FROM foods f \
             WHERE {col} IS NOT NULL {filter}{group_filter} ORDER BY {order} DESC, f.id LIMIT {}",
            prefixed_columns("f"),
            limit.min(100_000)
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let n = super::VALUE_COLUMNS;
        let rows = stmt.query_map(params_from_iter(words.iter()), |r| {
            let food = row_to_food(r)?;
            let serving = match (
                r.get::<_, Option<f64>>(6 + n)?,
                r.get::<_, Option<String>>(7 + n)?,
                r.get::<_, Option<f64>>(8 + n)?,
            ) {
                (Some(amount), Some(description), Some(grams)) => {
                    Some(Portion { amount, description, grams })
                }
                _ => None,
            };
            Ok((food, serving))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut food, serving) = row?;
            // The serving basis needs the portion the value was computed with.
            food.portions = serving.iter().cloned().collect();
            let value = basis.value(&food, nutrient);
            food.portions.clear();
            if let Some(value) = value {
                out.push(Ranked {
                    food,
                    value,
                    serving: if basis == Basis::Serving { serving } else { None },
                });
            }
        }
        Ok(out)
    }
}

/// Food names already read for ranking, by catalog rowid: typing re-ranks the same foods at
/// every key. Bounded: past `LIMIT` names a huge catalog is re-read rather than held whole.
#[derive(Default)]
pub(super) struct ParsedNames {
    slots: Vec<Option<Rc<Parsed>>>,
    held: usize,
}

impl ParsedNames {
    const LIMIT: usize = 200_000;

    fn get_or_read(&mut self, rowid: i64, read: impl FnOnce() -> Parsed) -> Rc<Parsed> {
        let Ok(i) = usize::try_from(rowid) else { return Rc::new(read()) };
        if i >= self.slots.len() {
            self.slots.resize(i + 1, None);
        }
        if let Some(p) = &self.slots[i] {
            return p.clone();
        }
        if self.held >= Self::LIMIT {
            self.slots.iter_mut().for_each(|s| *s = None);
            self.held = 0;
        }
        let p = Rc::new(read());
        self.slots[i] = Some(p.clone());
        self.held += 1;
        p
    }
}

/// How many of each letter a word has (letters folded into 64 buckets), for a cheap lower
/// bound on the edits between two words.
struct Letters([u8; 64]);

impl Letters {
    fn of(word: &str) -> Letters {
        let mut counts = [0u8; 64];
        for c in word.chars() {
            let slot = &mut counts[(u32::from(c) % 64) as usize];
            *slot = slot.saturating_add(1);
        }
        Letters(counts)
    }

    /// The letters one word has that the other lacks, both ways: never more than twice the
    /// edits between them (a substitution changes two counts, an insertion or deletion one).
    fn difference(&self, other: &str) -> usize {
        let theirs = Letters::of(other);
        self.0.iter().zip(theirs.0.iter()).map(|(a, b)| usize::from(a.abs_diff(*b))).sum()
    }
}
