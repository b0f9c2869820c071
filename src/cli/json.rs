//! The JSON shapes of the command line, built once and shared by every subcommand.

use serde_json::{json, Value};

use crate::domain::day::DaySummary;
use crate::domain::targets::SOURCE;
use crate::domain::{Entry, Food, Profile};

/// `{"id","name","group","per_100g":{key: number|null}}` (plus common names).
pub fn food(f: &Food) -> Value {
    json!({
        "id": f.id,
        "name": f.name,
        "group": f.group,
        "common_names": f.common_names,
        "per_100g": f.per_100g,
    })
}

/// A food with its household portions.
pub fn food_with_portions(f: &Food) -> Value {
    let mut v = food(f);
    v["manufacturer"] = json!(f.manufacturer);
    v["portions"] = json!(f
        .portions
        .iter()
        .map(|p| json!({"amount": p.amount, "description": p.description, "grams": p.grams}))
        .collect::<Vec<_>>());
    v
}

/// `{"entry_id","date","meal","food_id","name","grams","quantity","nutrients":{...}}`.
pub fn entry(e: &Entry) -> Value {
    json!({
        "entry_id": e.id,
        "date": e.date.to_string(),
        "meal": e.meal,
        "food_id": e.food_id,
        "name": e.food_name,
        "grams": e.grams,
        "quantity": e.quantity,
        "logged_at": e.logged_at,
        "nutrients": e.nutrients(),
        "per_100g": e.per_100g,
    })
}

/// `{"sex","age","life_stage","pregnant","lactating","default","targets","ear","ul","source"}`.
pub fn profile(p: &Profile) -> Value {
    json!({
        "sex": p.sex,
        "age": p.age,
        "life_stage": p.life_stage().label,
        "pregnant": p.pregnant,
        "lactating": p.lactating,
        "weight_kg": p.weight_kg,
        "default": p.default,
        "targets": p.targets(),
        "ear": p.ear(),
        "ul": p.ul(),
        "source": SOURCE,
    })
}

/// `{"date","profile","entries","totals","unknown","targets","percent","items","ca_mg_ratio"}`.
pub fn day(summary: &DaySummary, entries: &[Entry], p: &Profile) -> Value {
    let percent: serde_json::Map<String, Value> = summary
        .targets
        .0
        .keys()
        .filter_map(|n| {
            summary.percent(*n).map(|pct| (n.key().to_string(), json!((pct * 10.0).round() / 10.0)))
        })
        .collect();
    json!({
        "date": summary.date.to_string(),
        "profile": profile(p),
        "entries": entries.iter().map(entry).collect::<Vec<_>>(),
        "items": summary.totals.items,
        "totals": summary.totals.known_map(),
        "unknown": summary.totals.unknown_map(),
        "targets": summary.targets,
        "percent": percent,
        "ca_mg_ratio": summary.totals.ca_mg_ratio().map(|r| (r * 100.0).round() / 100.0),
    })
}
