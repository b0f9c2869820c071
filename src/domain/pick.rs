//! Choosing the food a diary line means: the best match is logged only when it is clearly the
//! food meant; otherwise the close candidates are listed with what the amount of each adds.
//!
//! "Clearly meant": the first match's name covers every word typed, and every candidate that
//! ranks close to it would add about the same (within 10 % in energy, magnesium and calcium)
//! for the amount typed. "Brown rice, long-grain, cooked" and "medium-grain, cooked" add the
//! same to a day; cooked and dry rice do not, and neither do whole and skim milk.

use super::food::Food;
use super::nutrient::{Nutrient, NutrientValues};

/// How far below the first match's score a candidate still counts as close: less than any
/// word the name says beyond the query (0.35 to 1.5) or USDA's Survey flag (0.75), so that
/// close means "as good a match, with nothing to tell them apart". A form nobody eats costs 6.
pub const CLOSE: f64 = 0.3;

/// How far apart two candidates' figures may be and still add "about the same".
pub const SAME_WITHIN: f64 = 0.10;

/// Below these amounts a difference is noise, not another food (a cup of tea's calcium).
const NOISE: [(Nutrient, f64); 3] =
    [(Nutrient::Energy, 5.0), (Nutrient::Magnesium, 2.0), (Nutrient::Calcium, 5.0)];

/// How far below the best match the first food the amount fits may rank and still be logged
/// without asking: about one word the name says beyond the query.
pub const STEP_ASIDE: f64 = 1.0;

/// How many candidates a close call lists.
pub const LISTED: usize = 5;

/// A food a diary line may mean, as the search ranked it, with the grams the typed amount
/// comes to for it (None when the amount does not fit this food, e.g. "1 fillet" of rice).
#[derive(Debug, Clone)]
pub struct Candidate {
    pub food: Food,
    pub score: f64,
    /// The food's name covers every word typed.
    pub covers: bool,
    pub grams: Option<f64>,
}

impl Candidate {
    /// What this candidate adds for the amount: its per-100 g figures scaled to its grams.
    pub fn adds(&self) -> Option<NutrientValues> {
        self.grams.map(|g| self.food.per_100g.scaled(g))
    }
}

/// What to do with a diary line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Log the candidate at this index.
    Log(usize),
    /// Ask: list these candidates (indexes, best first).
    Ask(Vec<usize>),
}

/// Decides whether the first candidate is clearly the food meant (see the module's summary).
///
/// The amount typed says something of the food too: "2 slices" is of a food that comes in
/// slices, so foods it does not fit step aside when any food fits it.
pub fn choose(candidates: &[Candidate]) -> Choice {
    let fitting: Vec<usize> = (0..candidates.len()).filter(|i| candidates[*i].grams.is_some()).collect();
    let order: Vec<usize> = if fitting.is_empty() { (0..candidates.len()).collect() } else { fitting };
    let Some(&top) = order.first() else { return Choice::Ask(Vec::new()) };
    let listed = || Choice::Ask(order.iter().copied().take(LISTED).collect());
    let first = &candidates[top];
    // The best match does not fit the amount and the first that fits is a weaker match
    // ("2 slices" of "bacon": the meatless bacon has no slices, Canadian bacon has).
    if !first.covers || first.score < candidates[0].score - STEP_ASIDE {
        return listed();
    }
    // With no food the amount fits, the amount's own error says what does.
    let Some(mine) = first.adds() else { return Choice::Log(top) };
    // A candidate that misses a word typed is not another reading of the line.
    let close =
        order[1..].iter().map(|i| &candidates[*i]).filter(|c| c.covers && c.score >= first.score - CLOSE);
    let differs = close.filter_map(Candidate::adds).any(|theirs| !about_the_same(&mine, &theirs));
    if differs {
        listed()
    } else {
        Choice::Log(top)
    }
}

/// Whether two amounts of food add about the same energy, magnesium and calcium. An unknown
/// figure is the same only as another unknown one.
pub fn about_the_same(a: &NutrientValues, b: &NutrientValues) -> bool {
    NOISE.iter().all(|(n, noise)| match (a.get(*n), b.get(*n)) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= noise.max(SAME_WITHIN * x.abs().max(y.abs())),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: &str, score: f64, grams: Option<f64>, kcal: f64, mg: f64, ca: f64) -> Candidate {
        let mut per_100g = NutrientValues::unknown();
        per_100g.set(Nutrient::Energy, Some(kcal));
        per_100g.set(Nutrient::Magnesium, Some(mg));
        per_100g.set(Nutrient::Calcium, Some(ca));
        let food = Food {
            id: id.into(),
            name: id.into(),
            group: String::new(),
            common_names: String::new(),
            manufacturer: String::new(),
            in_survey: false,
            per_100g,
            portions: vec![],
        };
        Candidate { food, score, covers: true, grams }
    }

    #[test]
    fn a_close_candidate_that_adds_the_same_does_not_stop_the_log() {
        // Navy beans boiled without and with salt (SR28 16038, 16338): the same figures.
        let list = [
            candidate("16038", 20.0, Some(91.0), 140.0, 53.0, 69.0),
            candidate("16338", 19.8, Some(91.0), 140.0, 53.0, 69.0),
        ];
        assert_eq!(choose(&list), Choice::Log(0));
    }

    #[test]
    fn a_close_candidate_that_adds_another_amount_asks() {
        // Whole and skim milk ranked close: a cup differs by 60 kcal.
        let list = [
            candidate("01077", 20.0, Some(244.0), 61.0, 10.0, 113.0),
            candidate("01085", 20.0, Some(245.0), 34.0, 11.0, 122.0),
        ];
        assert_eq!(choose(&list), Choice::Ask(vec![0, 1]));
    }

    #[test]
    fn far_candidates_never_ask() {
        let list = [
            candidate("20037", 20.0, Some(195.0), 123.0, 39.0, 3.0),
            candidate("20036", 14.0, Some(185.0), 367.0, 143.0, 9.0),
        ];
        assert_eq!(choose(&list), Choice::Log(0));
    }

    #[test]
    fn a_name_that_misses_a_word_asks() {
        let mut first = candidate("a", 20.0, Some(100.0), 1.0, 1.0, 1.0);
        first.covers = false;
        assert_eq!(choose(&[first]), Choice::Ask(vec![0]));
    }

    #[test]
    fn foods_the_amount_does_not_fit_step_aside() {
        // "1 chop": a pork steak has no chop portion, the chop does.
        let list = [
            candidate("steak", 20.0, None, 1.0, 1.0, 1.0),
            candidate("chop", 19.0, Some(70.0), 1.0, 1.0, 1.0),
        ];
        assert_eq!(choose(&list), Choice::Log(1));
        let none_fits =
            [candidate("a", 20.0, None, 1.0, 1.0, 1.0), candidate("b", 19.9, None, 1.0, 1.0, 1.0)];
        assert_eq!(choose(&none_fits), Choice::Log(0), "the amount's own error then says what fits");
    }

    #[test]
    fn unknown_is_the_same_only_as_unknown() {
        let mut a = NutrientValues::unknown();
        let b = NutrientValues::unknown();
        assert!(about_the_same(&a, &b));
        a.set(Nutrient::Energy, Some(0.0));
        assert!(!about_the_same(&a, &b));
    }
}
