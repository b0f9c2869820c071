//! `marrow day [--date D] [--json]`: a day's entries and totals against the profile's targets.

use super::{json, print_json, table, CliError, Context, DISCLAIMER};
use serde_json::{json, Value};

use crate::domain::cofactors::{Cofactors, ProteinBasis};
use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::insights::contributors;
use crate::domain::nutrient::{round_for_output, Nutrient, NUTRIENTS};
use crate::domain::sun::Sun;
use crate::domain::targets::SOURCE;
use crate::present::{self, CA_MG_NOTE};
use crate::service::day_report;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// YYYY-MM-DD [default: today]
    #[arg(long)]
    pub date: Option<String>,
    /// Print JSON: {"date","profile","entries","totals","unknown","targets",...}
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args, ctx: &Context) -> Result<(), CliError> {
    let date = ctx.date(a.date.as_deref())?;
    let diary = ctx.diary_for_reading()?;
    let report = day_report(&diary, date)?;
    super::transfer::warn_unreadable(&report.unreadable, "left as it is; its day's totals leave it out");
    let cofactors = Cofactors::of(&report.summary, &report.profile);
    let sun = ctx.config.latitude().map(|lat| Sun::at(lat, date));
    if a.json {
        let mut v = json::day(&report);
        if let Some(o) = v.as_object_mut() {
            o.insert("cofactors".into(), cofactors_json(&cofactors));
            o.insert("sun".into(), sun.as_ref().map_or(Value::Null, sun_json));
        }
        return print_json(&v);
    }
    let (entries, profile, summary) = (&report.entries, &report.profile, &report.summary);
    let d = ctx.config.units.vitamin_d;
    let stage = profile.life_stage().label;
    if profile.default {
        outln!("{date}   targets for {stage} (default profile: set yours with `marrow profile set`)");
    } else {
        outln!("{date}   targets for {stage}");
    }
    outln!();
    if entries.is_empty() {
        outln!("no entries yet: `marrow log add FOOD QUANTITY`");
    } else {
        out!("{}", super::log::entries_table(entries, d));
    }
    outln!();
    let t = &summary.totals;
    let rows: Vec<Vec<String>> = NUTRIENTS
        .iter()
        .filter(|i| {
            BONE_NUTRIENTS.contains(&i.nutrient)
                // The nutrients added after ALA are always listed, unknown or not.
                || i.nutrient > Nutrient::Ala
                || summary.targets.get(i.nutrient).is_some()
                || t.get(i.nutrient) > 0.0
        })
        .map(|i| {
            let n = i.nutrient;
            // Unknown for every item: no amount at all, never a zero.
            let none_known = t.items > 0 && t.unknown(n) == t.items;
            vec![
                i.name.to_string(),
                present::fixed(n, (!none_known).then(|| t.get(n)), d),
                summary.targets.get(n).map(|x| present::amount(n, x, d)).unwrap_or_default(),
                summary.percent(n).filter(|_| !none_known).map(present::percent).unwrap_or_default(),
                if t.unknown(n) > 0 {
                    format!("{} of {} unknown", t.unknown(n), present::plural(t.items, "item", "items"))
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    out!("{}", table::render(&["total", "amount", "target", "", "unknown"], &rows, 1));
    for line in present::recipe::day_lines(entries, &super::recipe::of_entries(&diary, entries)) {
        outln!("{line}");
    }
    super::absorbable::lines(&summary.absorbable, entries);
    if let Some(note) = present::ala_note(t.ala_undifferentiated) {
        outln!("{note}");
    }
    if report.unreadable_today() > 0 {
        let rows = present::plural(report.unreadable_today(), "row", "rows");
        outln!("The totals leave out {rows} of this day that could not be read (their figures are unknown).");
    }
    if !report.supplements.is_empty() {
        outln!();
        out!("{}", super::supplement::table(&report.supplements, d));
    }
    if let Some(r) = t.ca_mg_ratio() {
        let week =
            report.ca_mg_ratio_week().map(|w| format!(", 7 days {}", present::ratio(w))).unwrap_or_default();
        outln!("\ncalcium:magnesium today {}{week} ({CA_MG_NOTE})", present::ratio(r));
    }
    if let Some(sun) = &sun {
        outln!("{}", present::sun::day_line(sun));
    }
    for n in BONE_NUTRIENTS {
        let top = contributors(entries, n, 3);
        if !top.is_empty() {
            let list: Vec<String> = top
                .iter()
                .map(|c| format!("{} {}", table::fit(&c.name, 30), present::percent(c.percent)))
                .collect();
            outln!("{} from: {}", n.info().short, list.join(", "));
        }
    }
    outln!("\n{}:", present::cofactors::TITLE);
    for line in present::cofactors::lines(&cofactors, d) {
        outln!("  {line}");
    }
    for (w, message) in report.warnings.iter().zip(present::messages(&report.warnings, d)) {
        outln!("warning [{}]: {message}", w.code.as_str());
    }
    outln!("\nTargets: {SOURCE}.\n{DISCLAIMER}");
    Ok(())
}

/// The co-factor panel as `day --json` gives it: amounts in each nutrient's unit.
fn cofactors_json(c: &Cofactors) -> Value {
    let p = &c.protein;
    let basis = match p.basis {
        ProteinBasis::PerKg { per_kg, weight_kg, floor } => {
            json!({"kind": "rda_per_kg", "g_per_kg": per_kg, "weight_kg": weight_kg, "table_floor_g": floor})
        }
        ProteinBasis::Table => json!({"kind": "rda_table"}),
        ProteinBasis::Config => json!({"kind": "config"}),
    };
    let older = p.older_advice.map(|a| {
        json!({"g_per_kg": [a.per_kg.0, a.per_kg.1], "g": a.grams.map(|(lo, hi)| [lo, hi]), "source": "PROT-AGE 2013, ESPEN 2014 (advice, not a DRI)"})
    });
    let k = &c.vitamin_k;
    json!({
        "protein_g": {
            "amount": round_for_output(Nutrient::Protein, p.amount),
            "unknown": p.unknown,
            "target": p.target,
            "basis": basis,
            "older_adult_advice": older,
        },
        "vitamin_k_ug": {
            "amount": round_for_output(k.nutrient, k.amount),
            "unknown": k.unknown,
            "ai": k.target,
            "source": "AI for phylloquinone (K1), IOM 2001",
        },
        "sodium_mg": {
            "amount": round_for_output(Nutrient::Sodium, c.sodium.amount),
            "unknown": c.sodium.unknown,
            "urinary_calcium_mg": (c.sodium.calcium_lost * 10.0).round() / 10.0,
            "source": "about 40 mg calcium per 2.3 g sodium, Weaver 1999 (estimate)",
        },
        "vitamin_k2_mk4_ug": {
            "amount_known": (c.mk4.known > 0).then(|| round_for_output(Nutrient::VitaminK2, c.mk4.amount)),
            "items_known": c.mk4.known,
            "source": "SR28 (MK-4 for 588 foods only: a sum over the items known, not a total; no DRI)",
        },
        "caffeine_mg": {
            "amount": (c.caffeine.known > 0).then(|| round_for_output(Nutrient::Caffeine, c.caffeine.amount)),
            "unknown": c.items.saturating_sub(c.caffeine.known),
            "source": "SR28; no DRI",
        },
    })
}

/// The sun at the config's latitude on the day, for `day --json`.
fn sun_json(s: &Sun) -> Value {
    let months =
        |season: bool| -> Vec<u32> { (1..=12).filter(|m| s.months[*m as usize - 1] == season).collect() };
    json!({
        "latitude": s.latitude,
        "noon_elevation_deg": (s.elevation * 10.0).round() / 10.0,
        "vitamin_d_season": s.season,
        "season_months": months(true),
        "sunless_months": months(false),
        "rule": present::sun::SUN_SOURCE,
    })
}
