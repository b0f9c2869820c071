//! marrow's own export format (JSON, complete and exact; docs/export-format.md) and checking
//! an import of it whole before anything is written (`service::transfer` reads and writes the
//! diary). Numbers are written at full precision so an export imported elsewhere reproduces
//! every day's totals exactly. Rows the diary holds but marrow cannot read travel in
//! `unreadable` exactly as stored; an import refuses a file that holds any.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::domain::sane::{max_dose, max_per_100g, user_text};
use crate::domain::saved::MEAL_NAME_MAX;
use crate::domain::supplement::NewSupplement;
use crate::domain::{Meal, NewEntry, Nutrient, NutrientValues, Portion, Profile, ProfileError, Sex};
use crate::store::{Raw, Unreadable};

mod labs;
use labs::labs;
pub use labs::LabRecord;
mod journal;
pub use journal::{NoteRecord, SymptomRecord};
mod recipes;
pub use recipes::{IngredientRecord, RecipeRecord};

/// Version of the export format.
pub const FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub marrow_export: u32,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub profile: Option<ProfileRecord>,
    #[serde(default)]
    pub entries: Vec<EntryRecord>,
    #[serde(default)]
    pub supplements: Vec<SupplementRecord>,
    #[serde(default)]
    pub custom_foods: Vec<CustomFoodRecord>,
    #[serde(default)]
    pub saved_meals: Vec<MealRecord>,
    #[serde(default)]
    pub supplement_products: Vec<ProductRecord>,
    /// Laboratory values as entered; absent when there are none (and in exports before them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labs: Vec<LabRecord>,
    /// Notes and symptom scores; absent when there are none (and in older exports).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub symptoms: Vec<SymptomRecord>,
    /// Recipes with their ingredients; absent when there are none (and in older exports).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipes: Vec<RecipeRecord>,
    /// Rows of the diary marrow could not read, as stored; absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<UnreadableRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileRecord {
    pub sex: String,
    pub age: u32,
    /// An infant's age in months (0-11), when known; absent in exports before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_months: Option<u32>,
    pub pregnant: bool,
    pub lactating: bool,
    pub weight_kg: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryRecord {
    pub date: String,
    pub meal: String,
    pub food_id: String,
    pub name: String,
    pub grams: f64,
    pub quantity: String,
    pub logged_at: String,
    /// Per 100 g, keyed like every marrow JSON ("magnesium_mg"); null = unknown.
    pub per_100g: BTreeMap<String, Option<f64>>,
    /// ALA is 18:3 undifferentiated; absent before marrow told (docs/export-format.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ala_undifferentiated: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupplementRecord {
    pub date: String,
    pub time: Option<String>,
    pub nutrient: String,
    pub amount: f64,
    pub form: Option<String>,
    pub logged_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomFoodRecord {
    pub id: String,
    pub name: String,
    pub per_100g: BTreeMap<String, Option<f64>>,
    pub portions: Vec<Portion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ala_undifferentiated: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MealRecord {
    pub name: String,
    pub items: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductRecord {
    pub name: String,
    pub nutrient: String,
    pub amount: f64,
    pub form: Option<String>,
}

/// A row the diary holds but marrow could not read, every column as stored: null, a number
/// (an integer, or a real), UTF-8 text as a string, and otherwise an object:
/// `{"text_hex": "4e7574ff"}` for text that is not UTF-8, `{"blob_hex": ...}` for bytes,
/// `{"real": "inf"}` for a real JSON cannot hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnreadableRecord {
    /// "entries", "supplements", "custom_foods", "supplement_products" or "saved_meals".
    pub table: String,
    pub id: i64,
    /// Why marrow could not read it.
    pub problem: String,
    pub columns: BTreeMap<String, Value>,
}

impl From<&Unreadable> for UnreadableRecord {
    fn from(u: &Unreadable) -> Self {
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        let value = |r: &Raw| match r {
            Raw::Null => Value::Null,
            Raw::Integer(i) => json!(i),
            Raw::Real(x) if x.is_finite() => json!(x),
            Raw::Real(x) => json!({ "real": x.to_string() }),
            Raw::Text(t) => json!(t),
            Raw::BadText(b) => json!({ "text_hex": hex(b) }),
            Raw::Blob(b) => json!({ "blob_hex": hex(b) }),
        };
        UnreadableRecord {
            table: u.table.name().to_string(),
            id: u.id,
            problem: u.why.clone(),
            columns: u.columns.iter().map(|(c, r)| (c.clone(), value(r))).collect(),
        }
    }
}

pub(crate) fn values_map(v: &NutrientValues) -> BTreeMap<String, Option<f64>> {
    Nutrient::all().map(|n| (n.key().to_string(), v.get(n))).collect()
}

/// What went wrong in an import file, and where ("entries[3].date").
#[derive(Debug, thiserror::Error)]
#[error("{at}: {what}")]
pub struct ImportError {
    pub at: String,
    pub what: String,
}

fn bad(at: String, what: impl Into<String>) -> ImportError {
    ImportError { at, what: what.into() }
}

/// The longest food name an entry may carry, the longest food id, quantity as typed, form,
/// supplement product name and `logged_at`, in characters.
const ENTRY_NAME_MAX: usize = 1000;
const FOOD_ID_MAX: usize = 100;
const QUANTITY_MAX: usize = 200;
const FORM_MAX: usize = 100;
const PRODUCT_NAME_MAX: usize = 100;
const CUSTOM_NAME_MAX: usize = 200;
const LOGGED_AT_MAX: usize = 64;

/// A date as the diary keeps it: YYYY-MM-DD, a real calendar day (no "today").
fn date(at: &str, text: &str) -> Result<NaiveDate, ImportError> {
    let shape = text.len() == 10
        && text
            .bytes()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    shape.then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()).flatten().ok_or_else(|| {
        bad(
            at.to_string(),
            format!("{:?} is not a date: use YYYY-MM-DD, a real calendar day", crate::domain::clip(text)),
        )
    })
}

/// Text checked by the one rule for what people give marrow to keep.
/// It is kept exactly as the file has it (an import reproduces the diary).
fn text(at: &str, value: &str, max: usize) -> Result<String, ImportError> {
    user_text(value, max).map_err(|e| bad(at.to_string(), e.to_string()))?;
    Ok(value.to_string())
}

/// When it was logged: empty (not known), or an RFC 3339 timestamp.
fn logged_at(at: &str, value: &str) -> Result<String, ImportError> {
    if value.is_empty() {
        return Ok(String::new());
    }
    if value.len() > LOGGED_AT_MAX || chrono::DateTime::parse_from_rfc3339(value).is_err() {
        return Err(bad(
            at.to_string(),
            "must be empty or an RFC 3339 time such as 2026-01-05T12:30:00+01:00",
        ));
    }
    Ok(value.to_string())
}

/// A positive amount no larger than `max`.
fn amount(at: &str, value: f64, max: f64) -> Result<f64, ImportError> {
    if !(value.is_finite() && value > 0.0 && value <= max) {
        return Err(bad(at.to_string(), format!("must be more than 0 and at most {max}")));
    }
    Ok(value)
}

fn values(at: &str, map: &BTreeMap<String, Option<f64>>) -> Result<NutrientValues, ImportError> {
    let mut v = NutrientValues::unknown();
    for (key, value) in map {
        let at = format!("{at}.per_100g.{key}");
        let n = Nutrient::all()
            .find(|n| n.key() == key)
            .ok_or_else(|| bad(at.clone(), "unknown nutrient key"))?;
        if let Some(x) = value {
            let max = max_per_100g(n);
            if !(x.is_finite() && *x >= 0.0 && *x <= max) {
                return Err(bad(
                    at,
                    format!(
                        "must be a number from 0 to {max} {} (no food holds more per 100 g)",
                        n.info().unit
                    ),
                ));
            }
        }
        v.set(n, *value);
    }
    Ok(v)
}

/// A name met twice in one list.
fn once(seen: &mut HashSet<String>, at: String, name: &str) -> Result<(), ImportError> {
    if seen.insert(name.to_string()) {
        Ok(())
    } else {
        Err(bad(at, format!("{:?} appears twice", crate::domain::clip(name))))
    }
}

/// Checks an export completely (nothing is written) and turns it into what the store adds.
pub fn validate(x: &Export) -> Result<crate::store::Restore, ImportError> {
    if x.marrow_export != FORMAT {
        return Err(bad("marrow_export".into(), format!("format {} is not {FORMAT}", x.marrow_export)));
    }
    if let Some(u) = x.unreadable.first() {
        return Err(bad(
            "unreadable[0]".into(),
            format!(
                "the file holds {} row(s) marrow could not read ({} #{}: {}); marrow imports only what it can \
                 read exactly: fix or remove them in the file to import the rest",
                x.unreadable.len(),
                crate::domain::clip(&u.table),
                u.id,
                crate::domain::clip(&u.problem)
            ),
        ));
    }
    let profile = match &x.profile {
        None => None,
        Some(p) => {
            let profile = Profile {
                sex: Sex::parse(&p.sex).ok_or_else(|| bad("profile.sex".into(), "use female or male"))?,
                age: p.age,
                age_months: p.age_months,
                pregnant: p.pregnant,
                lactating: p.lactating,
                weight_kg: p.weight_kg,
                default: false,
                overrides: Default::default(),
            };
            // The rules `profile set` follows: an import never brings in what it refuses.
            profile.validate().map_err(|e| {
                let at = match e {
                    ProfileError::Age(_) => "profile.age",
                    ProfileError::Months(_) => "profile.age_months",
                    ProfileError::Weight(_) => "profile.weight_kg",
                    ProfileError::NotFemale => "profile",
                };
                bad(at.into(), e.to_string())
            })?;
            Some(profile)
        }
    };
    let mut custom = Vec::new();
    let mut ids = HashMap::new();
    for (i, f) in x.custom_foods.iter().enumerate() {
        let at = format!("custom_foods[{i}]");
        let id = text(&format!("{at}.id"), &f.id, FOOD_ID_MAX)?;
        if crate::store::custom_row(&id).is_none() {
            // A catalog id here would make every entry of that catalog food point at it.
            return Err(bad(
                format!("{at}.id"),
                format!("{:?} is not a custom food id: use c1, c2 ...", crate::domain::clip(&id)),
            ));
        }
        let name = text(&format!("{at}.name"), &f.name, CUSTOM_NAME_MAX)?;
        let mut portions = Vec::with_capacity(f.portions.len());
        for (j, p) in f.portions.iter().enumerate() {
            let at = format!("{at}.portions[{j}]");
            portions.push(Portion {
                amount: amount(&format!("{at}.amount"), p.amount, crate::domain::quantity::MAX_GRAMS)?,
                description: text(&format!("{at}.description"), &p.description, QUANTITY_MAX)?,
                grams: amount(&format!("{at}.grams"), p.grams, crate::domain::quantity::MAX_GRAMS)?,
            });
        }
        if ids.insert(f.id.clone(), i).is_some() {
            return Err(bad(format!("{at}.id"), format!("{:?} appears twice", crate::domain::clip(&f.id))));
        }
        let per_100g = values(&at, &f.per_100g)?.ala_marked(f.ala_undifferentiated.unwrap_or(false));
        custom.push((id, name, per_100g, portions));
    }
    // A custom food or recipe named by an entry or a meal must come with the file: its id is
    // given afresh on import, and one the file does not hold would point at whatever the
    // diary creates next under that id (an export names a removed one "c0" or "r0").
    let recipes = recipes::validate(&x.recipes)?;
    let known = |at: &str, id: &str| -> Result<(), ImportError> {
        let recipe = crate::domain::recipe::recipe_row(id).is_some();
        if (crate::store::custom_row(id).is_some() && !ids.contains_key(id))
            || (recipe && !recipes.iter().any(|(old, _)| old == id))
        {
            let what = if recipe { "recipe" } else { "custom food" };
            return Err(bad(
                at.to_string(),
                format!("names {what} {:?}, which this file does not hold", crate::domain::clip(id)),
            ));
        }
        Ok(())
    };
    let mut entries = Vec::new();
    for (i, e) in x.entries.iter().enumerate() {
        let at = format!("entries[{i}]");
        known(&format!("{at}.food_id"), &e.food_id)?;
        entries.push(NewEntry {
            date: date(&format!("{at}.date"), &e.date)?,
            meal: e.meal.parse::<Meal>().map_err(|err| bad(format!("{at}.meal"), err.to_string()))?,
            food_id: text(&format!("{at}.food_id"), &e.food_id, FOOD_ID_MAX)?,
            food_name: text(&format!("{at}.name"), &e.name, ENTRY_NAME_MAX)?,
            grams: amount(&format!("{at}.grams"), e.grams, crate::domain::quantity::MAX_GRAMS)?,
            quantity: text(&format!("{at}.quantity"), &e.quantity, QUANTITY_MAX)?,
            logged_at: logged_at(&format!("{at}.logged_at"), &e.logged_at)?,
            // Before the mark, every food's ALA but a custom food's was 18:3 undifferentiated.
            per_100g: values(&at, &e.per_100g)?
                .ala_marked(e.ala_undifferentiated.unwrap_or(crate::store::custom_row(&e.food_id).is_none())),
        });
    }
    let mut supplements = Vec::new();
    for (i, s) in x.supplements.iter().enumerate() {
        let at = format!("supplements[{i}]");
        let nutrient = crate::domain::supplement::parse_nutrient(&s.nutrient)
            .map_err(|e| bad(format!("{at}.nutrient"), e.to_string()))?;
        let time = match &s.time {
            Some(t) => Some(
                NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| bad(format!("{at}.time"), "use HH:MM"))?,
            ),
            None => None,
        };
        supplements.push(NewSupplement {
            date: date(&format!("{at}.date"), &s.date)?,
            time,
            nutrient,
            amount: amount(&format!("{at}.amount"), s.amount, max_dose(nutrient))?,
            form: s.form.as_deref().map(|f| text(&format!("{at}.form"), f, FORM_MAX)).transpose()?,
            logged_at: logged_at(&format!("{at}.logged_at"), &s.logged_at)?,
        });
    }
    let mut products = Vec::new();
    let mut names = HashSet::new();
    for (i, p) in x.supplement_products.iter().enumerate() {
        let at = format!("supplement_products[{i}]");
        let name = text(&format!("{at}.name"), &p.name, PRODUCT_NAME_MAX)?;
        once(&mut names, format!("{at}.name"), &name)?;
        let nutrient = crate::domain::supplement::parse_nutrient(&p.nutrient)
            .map_err(|e| bad(format!("{at}.nutrient"), e.to_string()))?;
        let amount = amount(&format!("{at}.amount"), p.amount, max_dose(nutrient))?;
        let form = p.form.as_deref().map(|f| text(&format!("{at}.form"), f, FORM_MAX)).transpose()?;
        products.push((name, nutrient, amount, form));
    }
    let mut meals = Vec::new();
    let mut names = HashSet::new();
    for (i, m) in x.saved_meals.iter().enumerate() {
        let at = format!("saved_meals[{i}]");
        let name = text(&format!("{at}.name"), &m.name, MEAL_NAME_MAX)?;
        once(&mut names, format!("{at}.name"), &name)?;
        if m.items.is_empty() {
            return Err(bad(format!("{at}.items"), "a saved meal holds at least one food"));
        }
        let mut items = Vec::with_capacity(m.items.len());
        for (j, (food, quantity)) in m.items.iter().enumerate() {
            let at = format!("{at}.items[{j}]");
            known(&at, food)?;
            crate::domain::quantity::parse(quantity).map_err(|e| bad(at.clone(), e.to_string()))?;
            items.push((text(&at, food, FOOD_ID_MAX)?, text(&at, quantity, QUANTITY_MAX)?));
        }
        meals.push((name, items));
    }
    let labs = labs(&x.labs)?;
    let journal = journal::validate(&x.notes, &x.symptoms)?;
    Ok(crate::store::Restore {
        profile,
        custom,
        entries,
        supplements,
        products,
        meals,
        labs,
        journal,
        recipes,
    })
}
