//! marrow's own export format (JSON, complete and exact) and checking an import of it whole
//! before anything is written (`service::transfer` reads and writes the diary). Numbers are
//! written at full precision so an export imported elsewhere reproduces every day's totals
//! exactly.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::domain::supplement::NewSupplement;
use crate::domain::{Meal, NewEntry, Nutrient, NutrientValues, Portion, Profile, ProfileError, Sex};

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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileRecord {
    pub sex: String,
    pub age: u32,
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

fn date(at: &str, text: &str) -> Result<NaiveDate, ImportError> {
    crate::domain::date::parse_date(text, NaiveDate::MIN).map_err(|e| bad(at.to_string(), e.to_string()))
}

fn values(at: &str, map: &BTreeMap<String, Option<f64>>) -> Result<NutrientValues, ImportError> {
    let mut v = NutrientValues::unknown();
    for (key, value) in map {
        let n = Nutrient::all()
            .find(|n| n.key() == key)
            .ok_or_else(|| bad(format!("{at}.per_100g.{key}"), "unknown nutrient key"))?;
        if let Some(x) = value {
            if !(x.is_finite() && *x >= 0.0) {
                return Err(bad(format!("{at}.per_100g.{key}"), "must be a number of 0 or more"));
            }
        }
        v.set(n, *value);
    }
    Ok(v)
}

/// Checks an export completely (nothing is written) and turns it into what the store adds.
pub fn validate(x: &Export) -> Result<crate::store::Restore, ImportError> {
    if x.marrow_export != FORMAT {
        return Err(bad("marrow_export".into(), format!("format {} is not {FORMAT}", x.marrow_export)));
    }
    let profile = match &x.profile {
        None => None,
        Some(p) => {
            let profile = Profile {
                sex: Sex::parse(&p.sex).ok_or_else(|| bad("profile.sex".into(), "use female or male"))?,
                age: p.age,
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
        if f.name.trim().is_empty() {
            return Err(bad(format!("{at}.name"), "empty name"));
        }
        if f.portions
            .iter()
            .any(|p| !(p.amount > 0.0 && p.grams > 0.0 && p.amount.is_finite() && p.grams.is_finite()))
        {
            return Err(bad(format!("{at}.portions"), "amounts and grams must be more than zero"));
        }
        if ids.insert(f.id.clone(), i).is_some() {
            return Err(bad(format!("{at}.id"), format!("{:?} appears twice", f.id)));
        }
        custom.push((f.id.clone(), f.name.clone(), values(&at, &f.per_100g)?, f.portions.clone()));
    }
    let mut entries = Vec::new();
    for (i, e) in x.entries.iter().enumerate() {
        let at = format!("entries[{i}]");
        if !(e.grams.is_finite() && e.grams > 0.0 && e.grams <= crate::domain::quantity::MAX_GRAMS) {
            return Err(bad(format!("{at}.grams"), "must be more than 0 and at most 10 kg"));
        }
        entries.push(NewEntry {
            date: date(&format!("{at}.date"), &e.date)?,
            meal: e.meal.parse::<Meal>().map_err(|err| bad(format!("{at}.meal"), err.to_string()))?,
            food_id: e.food_id.clone(),
            food_name: e.name.clone(),
            grams: e.grams,
            quantity: e.quantity.clone(),
            logged_at: e.logged_at.clone(),
            per_100g: values(&at, &e.per_100g)?,
        });
    }
    let mut supplements = Vec::new();
    for (i, s) in x.supplements.iter().enumerate() {
        let at = format!("supplements[{i}]");
        let nutrient = crate::domain::supplement::parse_nutrient(&s.nutrient)
            .map_err(|e| bad(format!("{at}.nutrient"), e.to_string()))?;
        if !(s.amount.is_finite() && s.amount > 0.0) {
            return Err(bad(format!("{at}.amount"), "must be more than zero"));
        }
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
            amount: s.amount,
            form: s.form.clone(),
            logged_at: s.logged_at.clone(),
        });
    }
    let mut products = Vec::new();
    for (i, p) in x.supplement_products.iter().enumerate() {
        let at = format!("supplement_products[{i}]");
        let nutrient = crate::domain::supplement::parse_nutrient(&p.nutrient)
            .map_err(|e| bad(format!("{at}.nutrient"), e.to_string()))?;
        if !(p.amount.is_finite() && p.amount > 0.0) {
            return Err(bad(format!("{at}.amount"), "must be more than zero"));
        }
        products.push((p.name.clone(), nutrient, p.amount, p.form.clone()));
    }
    let meals = x.saved_meals.iter().map(|m| (m.name.clone(), m.items.clone())).collect();
    Ok(crate::store::Restore { profile, custom, entries, supplements, products, meals })
}
