//! Lab values in marrow's export: their record, and the check an import holds each to (the
//! rules of `marrow lab add`, a range with both its ends).

use serde::{Deserialize, Serialize};

use super::{bad, date, logged_at, ImportError};

/// A laboratory value as the lab reported it: `kind` is `25ohd`, `magnesium`, `calcium` or
/// `pth`; `unit` as labs print it ("ng/mL"); the lab's own range, when given, in that unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabRecord {
    pub date: String,
    pub kind: String,
    pub value: f64,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range_low: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range_high: Option<f64>,
    pub logged_at: String,
}

/// The labs of an import, held to the rules of `lab add` (a range needs both its ends).
pub(super) fn labs(records: &[LabRecord]) -> Result<Vec<crate::domain::labs::NewLab>, ImportError> {
    let mut out = Vec::with_capacity(records.len());
    for (i, l) in records.iter().enumerate() {
        let at = format!("labs[{i}]");
        let range = match (l.range_low, l.range_high) {
            (None, None) => None,
            (Some(low), Some(high)) => Some(format!("{low}-{high}")),
            _ => return Err(bad(format!("{at}.range_high"), "a range needs both range_low and range_high")),
        };
        let (kind, value, unit, range) =
            crate::domain::labs::parse(&l.kind, &l.value.to_string(), &l.unit, range.as_deref())
                .map_err(|e| bad(at.clone(), e.to_string()))?;
        out.push(crate::domain::labs::NewLab {
            date: date(&format!("{at}.date"), &l.date)?,
            kind,
            value,
            unit,
            range,
            logged_at: logged_at(&format!("{at}.logged_at"), &l.logged_at)?,
        });
    }
    Ok(out)
}
