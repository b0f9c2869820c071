//! Finding a food: by id (a catalog food, "fdc:170567", the user's own "c1" or a recipe "r1") or by words
//! (the catalog and the user's custom foods searched together, the foods they log often
//! first). The one resolver behind `log add`, `food show`, `search`, saved meals,
//! suggestions and the app.

use std::cell::OnceCell;
use std::path::PathBuf;

use crate::domain::barcode::barcode;
use crate::domain::pick::Candidate;
use crate::domain::recipe::recipe_row;
use crate::domain::search::Hit;
use crate::domain::{quantity, Food};
use crate::store::{custom_row, Catalog, Diary, Hints, StoreError};

/// The catalog, and where the user's own foods and usage come from.
pub struct Foods<'a> {
    catalog: &'a Catalog,
    personal: Personal<'a>,
}

enum Personal<'a> {
    /// The diary the caller holds open (the app, a command that writes).
    Open(&'a Diary),
    /// The diary's file, looked at read-only only when needed (a command that only reads):
    /// search hints come from their cache when it is fresh, and the file is opened at most
    /// once.
    File { path: PathBuf, peeked: OnceCell<Option<Diary>> },
}

/// What a food line's text names.
pub enum Lookup {
    /// Nothing but spaces.
    Empty,
    /// The food with this id, with its portions.
    Id(Box<Food>),
    /// An id ("12061", "c1", "fdc:170567") of no food: never searched for its digits.
    MissingId,
    /// Words no food matches.
    NoMatch,
    /// The search matches for the words, best first (at least one).
    Hits(Vec<Hit>),
}

/// How many search matches a food line's words bring back.
pub const SEARCHED: usize = 8;

impl<'a> Foods<'a> {
    /// The resolver over an open diary.
    pub fn new(catalog: &'a Catalog, diary: &'a Diary) -> Foods<'a> {
        Foods { catalog, personal: Personal::Open(diary) }
    }

    /// The resolver for a command that only reads: the diary at `diary_path` is never
    /// created, and opened read-only at most once, only when a custom food or a stale search
    /// hint needs it.
    pub fn read_only(catalog: &'a Catalog, diary_path: PathBuf) -> Foods<'a> {
        Foods { catalog, personal: Personal::File { path: diary_path, peeked: OnceCell::new() } }
    }

    pub fn catalog(&self) -> &Catalog {
        self.catalog
    }

    /// The diary, when there is one to read.
    fn diary(&self) -> Option<&Diary> {
        match &self.personal {
            Personal::Open(d) => Some(d),
            Personal::File { path, peeked } => peeked.get_or_init(|| Diary::peek(path)).as_ref(),
        }
    }

    /// A food by id, with its portions: a custom one ("c1") from the diary, else the
    /// catalog's; a barcode names the imported product that carries it.
    pub fn by_id(&self, id: &str) -> Result<Option<Food>, StoreError> {
        if let Some(code) = barcode(id) {
            return match self.catalog.id_of_barcode(code)? {
                Some(found) => self.catalog.food(&found),
                None => Ok(None),
            };
        }
        if custom_row(id).is_some() {
            return match self.diary() {
                Some(d) => d.custom_food(id),
                None => Ok(None),
            };
        }
        if recipe_row(id).is_some() {
            return Ok(match self.diary() {
                Some(d) => d.recipe(id)?.map(|r| r.food()),
                None => None,
            });
        }
        self.catalog.food(id)
    }

    /// How often each food was logged and the user's custom foods, for search.
    pub fn hints(&self) -> Hints {
        match &self.personal {
            Personal::Open(d) => d.read_hints().unwrap_or_default(),
            Personal::File { path, .. } => Diary::cached_hints(path, || self.diary()?.read_hints()),
        }
    }

    /// Foods matching the words, best first, the user's frequent and own foods among them.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Food>, StoreError> {
        self.search_with(query, limit, &self.hints())
    }

    /// As `search`, with hints the caller already holds (the app keeps them between keys).
    pub fn search_with(
        &self,
        query: &str,
        limit: usize,
        (uses, custom): &Hints,
    ) -> Result<Vec<Food>, StoreError> {
        // A typed or scanned barcode finds its product, and only it.
        if barcode(query).is_some() {
            return Ok(self.by_id(query)?.into_iter().take(limit).collect());
        }
        self.catalog.search_with(query, limit, uses, custom)
    }

    /// What `text` names: a food by id, or else the search matches for the words.
    pub fn lookup(&self, text: &str) -> Result<Lookup, StoreError> {
        let t = text.trim();
        if t.is_empty() {
            return Ok(Lookup::Empty);
        }
        if let Some(food) = self.by_id(t)? {
            return Ok(Lookup::Id(Box::new(food)));
        }
        let fdc = t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("fdc:"));
        if t.chars().all(|c| c.is_ascii_digit()) || custom_row(t).is_some() || recipe_row(t).is_some() || fdc
        {
            return Ok(Lookup::MissingId);
        }
        let (uses, custom) = self.hints();
        let hits = self.catalog.search_hits(t, SEARCHED, &uses, &custom)?;
        Ok(if hits.is_empty() { Lookup::NoMatch } else { Lookup::Hits(hits) })
    }

    /// The first `weighed` search matches as candidates, each food whole (with its portions)
    /// and the grams `amount` comes to in it (100 g when no amount was typed), to tell a
    /// clear first match from a close call.
    pub fn candidates(
        &self,
        hits: Vec<Hit>,
        amount: Option<&str>,
        weighed: usize,
    ) -> Result<Vec<Candidate>, StoreError> {
        let amount = amount.unwrap_or("100 g");
        let mut out = Vec::with_capacity(hits.len().min(weighed));
        for hit in hits.into_iter().take(weighed) {
            let Some(food) = self.by_id(&hit.food.id)? else { continue };
            let grams = quantity::resolve(amount, &food.portions).ok().map(|r| r.grams);
            out.push(Candidate { food, score: hit.score, covers: hit.covers, grams });
        }
        Ok(out)
    }

    /// A food by id with the amount last logged of it (None when never logged).
    pub fn with_last_amount(&self, id: &str) -> Result<Option<(Food, Option<String>)>, StoreError> {
        let Some(food) = self.by_id(id)? else { return Ok(None) };
        let last = match self.diary() {
            Some(d) => d.last_entry_of(&food.id)?.map(|e| e.quantity),
            None => None,
        };
        Ok(Some((food, last)))
    }

    /// The foods logged most recently, newest first, each as it is now, or as it was logged
    /// when it is gone from the catalog.
    pub fn recent(&self, limit: usize) -> Result<Vec<Food>, StoreError> {
        let Some(diary) = self.diary() else { return Ok(Vec::new()) };
        let mut foods = Vec::new();
        for e in diary.recent_foods(limit)? {
            foods.push(self.by_id(&e.food_id)?.unwrap_or(Food {
                id: e.food_id,
                name: e.food_name,
                group: String::new(),
                common_names: String::new(),
                manufacturer: String::new(),
                in_survey: false,
                per_100g: e.per_100g,
                portions: Vec::new(),
            }));
        }
        Ok(foods)
    }

    /// Each id's food name, or the id itself when the food is gone.
    pub fn names(&self, ids: &[&str]) -> Result<Vec<String>, StoreError> {
        ids.iter().map(|id| Ok(self.by_id(id)?.map_or_else(|| id.to_string(), |f| f.name))).collect()
    }
}
