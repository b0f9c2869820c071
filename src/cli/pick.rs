//! `marrow log add`'s choice of food and amount: an id logs directly; words log the first
//! search match only when it is clearly the food meant (domain::pick), else the candidates
//! are listed with what the amount of each adds, and `--pick N` takes one. With no amount,
//! the amount last logged of the food is used.

use serde_json::json;

use super::{context::short, print_json, CliError};
use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::pick::{choose, Candidate, Choice, LISTED};
use crate::domain::search::Hit;
use crate::domain::{Food, Nutrient, NutrientValues};
use crate::present::{self, VitaminDUnit};
use crate::service::{record, Foods, Lookup};
use crate::store::Diary;

/// How many search matches are weighed to find the close ones.
const WEIGHED: usize = 8;

/// What a diary line comes to: the food, the amount as it will be recorded, and how each
/// was chosen.
pub struct Line {
    pub food: Food,
    pub quantity: String,
    /// A search chose the food (the words were not an id).
    pub matched: bool,
    /// No amount was typed: this is the amount last logged of the food.
    pub remembered: bool,
}

/// The words and amount of `marrow log add`, and how to answer a close call.
pub struct Request<'a> {
    pub food: &'a str,
    pub quantity: Option<&'a str>,
    pub pick: Option<usize>,
    pub json: bool,
    /// The unit a listed candidate's vitamin D is shown in.
    pub vitamin_d: VitaminDUnit,
}

/// Resolves a diary line to a food and an amount, or lists the candidates (on stdout, as
/// text or JSON) and refuses with exit 2. `foods` reads the diary `diary` is.
pub fn resolve(foods: &Foods, diary: &Diary, req: &Request) -> Result<Line, CliError> {
    resolve_line(foods, diary, req)?.map_err(|listed| ask(req, &listed).unwrap_or_else(|e| e))
}

/// As `resolve`, with a close call returned (the candidates to list, best first) rather than
/// printed: a recipe lists the close calls of all its lines at once.
pub fn resolve_line(
    foods: &Foods,
    diary: &Diary,
    req: &Request,
) -> Result<Result<Line, Vec<Candidate>>, CliError> {
    let (food, matched) = match foods.lookup(req.food)? {
        Lookup::Id(food) => (*food, false),
        Lookup::Hits(hits) => match choose_food(foods, req, hits)? {
            Ok(food) => (food, true),
            Err(listed) => return Ok(Err(listed)),
        },
        Lookup::Empty => {
            return Err(CliError::Usage(
                "no food given: use a food id (e.g. 12061) or words (e.g. almonds)".into(),
            ))
        }
        Lookup::MissingId => {
            return Err(CliError::Usage(format!(
                "no food with id {:?}: try `marrow search WORDS` to find its id",
                short(req.food.trim())
            )))
        }
        Lookup::NoMatch => {
            return Err(CliError::Usage(format!(
                "no food matches {:?}: try other words with `marrow search`",
                short(req.food.trim())
            )))
        }
    };
    let (quantity, remembered) = match req.quantity {
        Some(q) => (q.trim().to_string(), false),
        None => match record::last_amount(diary, &food.id)? {
            Some(q) => (q, true),
            None => {
                return Err(CliError::Usage(format!(
                    "no amount given, and {} has never been logged: add one, such as \"30g\" or \"1 cup\"",
                    short(&food.name)
                )))
            }
        },
    };
    Ok(Ok(Line { food, quantity, matched, remembered }))
}

/// Picks among the search matches: `--pick N`, the clear first match, or the candidates to
/// list.
fn choose_food(
    foods: &Foods,
    req: &Request,
    hits: Vec<Hit>,
) -> Result<Result<Food, Vec<Candidate>>, CliError> {
    // With no amount typed, compare what 100 g of each adds.
    let mut candidates = foods.candidates(hits, req.quantity, WEIGHED)?;
    if let Some(n) = req.pick {
        let listed = candidates.len().min(LISTED);
        if n == 0 || n > listed {
            return Err(CliError::Usage(format!(
                "--pick {n} is not one of the {listed} candidates for {:?}: run without --pick to list them",
                short(req.food)
            )));
        }
        return Ok(Ok(candidates.swap_remove(n - 1).food));
    }
    Ok(match choose(&candidates) {
        Choice::Log(i) => Ok(candidates.swap_remove(i).food),
        Choice::Ask(listed) => Err(listed.iter().map(|i| candidates[*i].clone()).collect()),
    })
}

/// Lists a close call's candidates (as text or JSON) and refuses: nothing is logged.
fn ask(req: &Request, listed: &[Candidate]) -> Result<CliError, CliError> {
    if req.json {
        print_json(&json!({
            "error": "ambiguous",
            "query": req.food,
            "quantity": req.quantity,
            "candidates": listed.iter().map(candidate_json).collect::<Vec<_>>(),
        }))?;
    } else {
        for (i, c) in listed.iter().enumerate() {
            outln!("{}", candidate_line(i + 1, c, req.vitamin_d));
        }
    }
    Ok(CliError::Usage(format!(
        "{:?} could be any of {} foods, so nothing was logged: choose one with --pick N, or log it by id",
        short(req.food),
        listed.len()
    )))
}

/// `{"pick","id","name","group","grams","adds"}`; `adds` has the bone nutrients and energy
/// (null when unknown), and is null when the amount does not fit the food.
pub(super) fn candidate_json(c: &Candidate) -> serde_json::Value {
    let adds = c.adds().map(|v| {
        let mut m = serde_json::Map::new();
        for n in std::iter::once(Nutrient::Energy).chain(BONE_NUTRIENTS) {
            m.insert(
                n.key().to_string(),
                json!(v.get(n).map(|x| crate::domain::nutrient::round_for_output(n, x))),
            );
        }
        m
    });
    json!({ "id": c.food.id, "name": c.food.name, "group": c.food.group, "grams": c.grams, "adds": adds })
}

/// "  2  16038  Beans, navy, mature seeds, cooked, boiled, without salt: 91 g, 127 kcal, Mg 48 mg,
/// Ca 63 mg, D 0 µg": the full name, never cut, so that no two look alike.
pub(super) fn candidate_line(n: usize, c: &Candidate, d: VitaminDUnit) -> String {
    let what = match (c.grams, c.adds()) {
        (Some(g), Some(v)) => format!("{} g, {}", present::grams(g), adds_line(&v, d)),
        _ => "the amount does not fit this food".to_string(),
    };
    format!("{n:>3}  {:<7}{}{}: {what}", c.food.id, crate::present::mark(&c.food), c.food.name)
}

/// "127 kcal, Mg 48.2 mg, Ca 63.0 mg, D 0.0 µg" ("?" when unknown).
fn adds_line(v: &NutrientValues, d: VitaminDUnit) -> String {
    let kcal = present::fixed(Nutrient::Energy, v.get(Nutrient::Energy), d);
    format!("{kcal}, {}", super::log::bone_values(v, d))
}
