//! marrow's own export format (JSON, complete and exact) and restoring a diary from it.
//! Numbers are written at full precision so an export imported elsewhere reproduces every
//! day's totals exactly.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::domain::supplement::NewSupplement;
use crate::domain::{Meal, NewEntry, Nutrient, NutrientValues, Portion, Profile, Sex};
use crate::store::{Diary, StoreError};

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

fn values_map(v: &NutrientValues) -> BTreeMap<String, Option<f64>> {
    Nutrient::all().map(|n| (n.key().to_string(), v.get(n))).collect()
}

/// Everything in the diary (entries and supplements between `from` and `to`).
pub fn export(diary: &Diary, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Export, StoreError> {
    // Dates are stored as YYYY-MM-DD text: the widest range in that form.
    let lo = from.or(NaiveDate::from_ymd_opt(1, 1, 1)).unwrap_or(NaiveDate::MIN);
    let hi = to.or(NaiveDate::from_ymd_opt(9999, 12, 31)).unwrap_or(NaiveDate::MAX);
    let profile = diary.profile()?;
    Ok(Export {
        marrow_export: FORMAT,
        from: from.map(|d| d.to_string()),
        to: to.map(|d| d.to_string()),
        profile: (!profile.default).then(|| ProfileRecord {
            sex: profile.sex.as_str().to_string(),
            age: profile.age,
            pregnant: profile.pregnant,
            lactating: profile.lactating,
            weight_kg: profile.weight_kg,
        }),
        entries: diary
            .range_entries(lo, hi)?
            .into_iter()
            .map(|e| EntryRecord {
                date: e.date.to_string(),
                meal: e.meal.to_string(),
                food_id: e.food_id,
                name: e.food_name,
                grams: e.grams,
                quantity: e.quantity,
                logged_at: e.logged_at,
                per_100g: values_map(&e.per_100g),
            })
            .collect(),
        supplements: diary
            .supplements(lo, hi)?
            .into_iter()
            .map(|s| SupplementRecord {
                date: s.date.to_string(),
                time: s.time.map(|t| t.format("%H:%M").to_string()),
                nutrient: s.nutrient.key().to_string(),
                amount: s.amount,
                form: s.form,
                logged_at: s.logged_at,
            })
            .collect(),
        custom_foods: diary
            .custom_foods()?
            .into_iter()
            .map(|f| -> Result<CustomFoodRecord, StoreError> {
                let full = diary.custom_food(&f.id)?.unwrap_or(f);
                Ok(CustomFoodRecord {
                    id: full.id,
                    name: full.name,
                    per_100g: values_map(&full.per_100g),
                    portions: full.portions,
                })
            })
            .collect::<Result<_, _>>()?,
        saved_meals: diary
            .saved_meals()?
            .into_iter()
            .map(|m| MealRecord { name: m.name, items: m.items })
            .collect(),
        supplement_products: diary
            .products()?
            .into_iter()
            .map(|p| ProductRecord {
                name: p.name,
                nutrient: p.nutrient.key().to_string(),
                amount: p.amount,
                form: p.form,
            })
            .collect(),
    })
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
        Some(p) => Some(Profile {
            sex: Sex::parse(&p.sex).ok_or_else(|| bad("profile.sex".into(), "use female or male"))?,
            age: (p.age <= 130).then_some(p.age).ok_or_else(|| bad("profile.age".into(), "use 0 to 130"))?,
            pregnant: p.pregnant,
            lactating: p.lactating,
            weight_kg: p.weight_kg.filter(|w| w.is_finite() && *w > 0.0),
            default: false,
            overrides: Default::default(),
        }),
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
