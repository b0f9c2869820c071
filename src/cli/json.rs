//! The JSON shapes of the command line, built once and shared by every subcommand.

use serde_json::{json, Value};

use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::insights::contributors;
use crate::domain::nutrient::round_for_output;
use crate::domain::supplement::Supplement;
use crate::domain::targets::SOURCE;
use crate::domain::warnings::Warning;
use crate::domain::Nutrient;
use crate::domain::{Entry, Food, Profile};
use crate::present::{self, VitaminDUnit, CA_MG_NOTE};
use crate::service::DayReport;

/// `{"id","name","group","per_100g":{key: number|null}}` (plus common names).
pub fn food(f: &Food) -> Value {
    json!({
        "id": f.id,
        "name": f.name,
        "group": f.group,
        "common_names": f.common_names,
        // Eaten cooked (or drunk) but listed raw, dry or as a mix: the app and text mark it.
        "not_as_eaten": crate::domain::search::before_eating(f),
        "per_100g": f.per_100g,
        // ALA is SR28's 18:3 undifferentiated (619), not true ALA (851).
        "ala_undifferentiated": f.per_100g.ala_undifferentiated(),
    })
}

/// A food with its household portions, each with its `label`: the text that logs that row.
pub fn food_with_portions(f: &Food) -> Value {
    let mut v = food(f);
    v["manufacturer"] = json!(f.manufacturer);
    v["portions"] = json!(f
        .portions
        .iter()
        .zip(f.portion_labels())
        .map(|(p, label)| {
            json!({"amount": p.amount, "description": p.description, "grams": p.grams, "label": label})
        })
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
        "ala_undifferentiated": e.per_100g.ala_undifferentiated(),
    })
}

/// `{"sex","age","life_stage","pregnant","lactating","default","targets","ear","ul","source"}`.
pub fn profile(p: &Profile) -> Value {
    json!({
        "sex": p.sex,
        "age": p.age,
        "age_months": p.age_months,
        "life_stage": p.life_stage().label,
        "pregnant": p.pregnant,
        "lactating": p.lactating,
        "weight_kg": p.weight_kg,
        "default": p.default,
        "targets": p.targets(),
        "ear": p.ear(),
        "ul": p.ul(),
        "overrides": p.overrides.iter().map(|(n, v)| (n.key().to_string(), json!(v))).collect::<serde_json::Map<_, _>>(),
        "source": SOURCE,
    })
}

/// `{"date","profile","entries","totals","unknown","targets","supplemental","warnings",...}`.
pub fn day(r: &DayReport) -> Value {
    let summary = &r.summary;
    let percent: serde_json::Map<String, Value> = summary
        .targets
        .0
        .keys()
        .filter_map(|n| {
            summary.percent(*n).map(|pct| (n.key().to_string(), json!((pct * 10.0).round() / 10.0)))
        })
        .collect();
    let supplemental: serde_json::Map<String, Value> = Nutrient::all()
        .filter(|n| summary.supplemental[n.index()] > 0.0)
        .map(|n| (n.key().to_string(), json!(round_for_output(n, summary.supplemental[n.index()]))))
        .collect();
    let contributors: serde_json::Map<String, Value> = BONE_NUTRIENTS
        .iter()
        .map(|n| {
            let list: Vec<Value> = contributors(&r.entries, *n, 5)
                .iter()
                .map(|c| json!({"name": c.name, "amount": round_for_output(*n, c.amount), "percent": (c.percent * 10.0).round() / 10.0}))
                .collect();
            (n.key().to_string(), Value::Array(list))
        })
        .collect();
    let completeness: serde_json::Map<String, Value> = BONE_NUTRIENTS
        .iter()
        .map(|n| (n.key().to_string(), json!(present::completeness(summary, *n, VitaminDUnit::Micrograms))))
        .collect();
    json!({
        "date": summary.date.to_string(),
        "unreadable": r.unreadable_today(),
        "profile": profile(&r.profile),
        "entries": r.entries.iter().map(entry).collect::<Vec<_>>(),
        "supplements": r.supplements.iter().map(supplement).collect::<Vec<_>>(),
        "items": summary.totals.items,
        "totals": summary.totals.known_map(),
        "absorbable_calcium": super::absorbable::json(&summary.absorbable),
        "unknown": summary.totals.unknown_map(),
        // Items whose ALA is 18:3 undifferentiated rather than true ALA.
        "ala_undifferentiated_items": summary.totals.ala_undifferentiated,
        "supplemental": supplemental,
        "targets": summary.targets,
        "ear": summary.ear,
        "ul": summary.ul,
        "ul_note": present::SOURCE_LIMITED_ULS,
        "percent": percent,
        "completeness": completeness,
        "ca_mg_ratio": summary.totals.ca_mg_ratio().map(|r| (r * 100.0).round() / 100.0),
        "ca_mg_ratio_7d": r.ca_mg_ratio_week().map(|r| (r * 100.0).round() / 100.0),
        "ca_mg_ratio_note": CA_MG_NOTE,
        "top_contributors": contributors,
        "warnings": warnings(&r.warnings),
        "source": SOURCE,
    })
}

/// `[{"code","message"}]`, the messages in µg as the JSON's numbers are, "educational, not
/// medical advice" in the first.
pub fn warnings(ws: &[Warning]) -> Value {
    let said = present::messages(ws, VitaminDUnit::Micrograms);
    ws.iter().zip(said).map(|(w, message)| json!({"code": w.code.as_str(), "message": message})).collect()
}

/// `{"id","date","time","nutrient","amount","unit","form"}`.
pub fn supplement(s: &Supplement) -> Value {
    json!({
        "id": s.id,
        "date": s.date.to_string(),
        "time": s.time.map(|t| t.format("%H:%M").to_string()),
        "nutrient": s.nutrient.key(),
        "amount": round_for_output(s.nutrient, s.amount),
        "unit": s.nutrient.info().unit,
        "form": s.form,
        "logged_at": s.logged_at,
    })
}
