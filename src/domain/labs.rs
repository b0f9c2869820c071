//! Laboratory values a person records (reference section 9): the kinds marrow knows (serum
//! 25(OH)D, magnesium, calcium and PTH), their units and the conversions between them, what a
//! value may be, and how it reads against the IOM bands, the ODS range or the lab's own range.
//! Values are kept as entered; conversions serve display and drawing only.

use chrono::NaiveDate;

use super::Nutrient;

/// What was measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LabKind {
    /// Serum 25-hydroxyvitamin D.
    VitaminD,
    /// Serum magnesium.
    Magnesium,
    /// Serum calcium (total).
    Calcium,
    /// Parathyroid hormone.
    Pth,
}

/// The unit a value was reported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LabUnit {
    NgPerMl,
    NmolPerL,
    MmolPerL,
    MgPerDl,
    PgPerMl,
    PmolPerL,
}

/// 1 ng/mL of 25(OH)D is 2.496 nmol/L (reference section 9).
pub const D_NMOL_PER_NG: f64 = 2.496;
/// 1 mmol/L of magnesium is 2.431 mg/dL.
pub const MG_MGDL_PER_MMOL: f64 = 2.431;
/// 1 mmol/L of calcium is 4.008 mg/dL.
pub const CA_MGDL_PER_MMOL: f64 = 4.008;
/// 1 pmol/L of intact PTH (1-84, about 9,425 g/mol) is 9.43 pg/mL.
pub const PTH_PG_PER_PMOL: f64 = 9.43;

impl LabKind {
    pub const ALL: [LabKind; 4] = [LabKind::VitaminD, LabKind::Magnesium, LabKind::Calcium, LabKind::Pth];

    /// Its key in the diary, the JSON and the export.
    pub fn key(self) -> &'static str {
        match self {
            LabKind::VitaminD => "25ohd",
            LabKind::Magnesium => "magnesium",
            LabKind::Calcium => "calcium",
            LabKind::Pth => "pth",
        }
    }

    /// The kind a person typed: "25ohd", "25(OH)D", "vitamin-d", "mg", "serum-calcium", "PTH".
    pub fn parse(text: &str) -> Option<LabKind> {
        let t: String = text
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_' | '(' | ')'))
            .collect();
        let t = t.strip_prefix("serum").unwrap_or(&t);
        match t {
            "25ohd" | "25hydroxyvitamind" | "vitamind" | "vitd" | "d" | "calcidiol" => {
                Some(LabKind::VitaminD)
            }
            "magnesium" | "mg" => Some(LabKind::Magnesium),
            "calcium" | "ca" => Some(LabKind::Calcium),
            "pth" | "parathyroidhormone" => Some(LabKind::Pth),
            _ => None,
        }
    }

    /// The units it may be reported in; the first is the one values are drawn in.
    pub fn units(self) -> [LabUnit; 2] {
        match self {
            LabKind::VitaminD => [LabUnit::NmolPerL, LabUnit::NgPerMl],
            LabKind::Magnesium | LabKind::Calcium => [LabUnit::MmolPerL, LabUnit::MgPerDl],
            LabKind::Pth => [LabUnit::PgPerMl, LabUnit::PmolPerL],
        }
    }

    /// The nutrient whose intake it is set beside (none for PTH).
    pub fn nutrient(self) -> Option<Nutrient> {
        match self {
            LabKind::VitaminD => Some(Nutrient::VitaminD),
            LabKind::Magnesium => Some(Nutrient::Magnesium),
            LabKind::Calcium => Some(Nutrient::Calcium),
            LabKind::Pth => None,
        }
    }

    /// The most a value may be, in the kind's first unit: above it, a typing slip.
    fn max(self) -> f64 {
        match self {
            LabKind::VitaminD => 1500.0,
            LabKind::Magnesium => 5.0,
            LabKind::Calcium => 6.0,
            LabKind::Pth => 5000.0,
        }
    }
}

impl LabUnit {
    /// As labs print it: "ng/mL".
    pub fn key(self) -> &'static str {
        match self {
            LabUnit::NgPerMl => "ng/mL",
            LabUnit::NmolPerL => "nmol/L",
            LabUnit::MmolPerL => "mmol/L",
            LabUnit::MgPerDl => "mg/dL",
            LabUnit::PgPerMl => "pg/mL",
            LabUnit::PmolPerL => "pmol/L",
        }
    }

    /// A unit as typed, in any case ("NG/ML", "nmol/l").
    pub fn parse(text: &str) -> Option<LabUnit> {
        let t = text.trim().to_lowercase();
        [
            LabUnit::NgPerMl,
            LabUnit::NmolPerL,
            LabUnit::MmolPerL,
            LabUnit::MgPerDl,
            LabUnit::PgPerMl,
            LabUnit::PmolPerL,
        ]
        .into_iter()
        .find(|u| u.key().to_lowercase() == t)
    }
}

/// `value` of `kind` from unit `from` in unit `to` (None when `kind` is not reported in both).
pub fn convert(kind: LabKind, value: f64, from: LabUnit, to: LabUnit) -> Option<f64> {
    let [base, other] = kind.units();
    let factor = match kind {
        LabKind::VitaminD => 1.0 / D_NMOL_PER_NG,
        LabKind::Magnesium => MG_MGDL_PER_MMOL,
        LabKind::Calcium => CA_MGDL_PER_MMOL,
        LabKind::Pth => 1.0 / PTH_PG_PER_PMOL,
    };
    // `factor` turns the first unit into the second.
    match (from, to) {
        (f, t) if f == t && (f == base || f == other) => Some(value),
        (f, t) if f == base && t == other => Some(value * factor),
        (f, t) if f == other && t == base => Some(value / factor),
        _ => None,
    }
}

/// A lab's own reference range, in the unit of its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabRange {
    pub low: f64,
    pub high: f64,
}

/// A value as it is kept.
#[derive(Debug, Clone, PartialEq)]
pub struct NewLab {
    pub date: NaiveDate,
    pub kind: LabKind,
    pub value: f64,
    pub unit: LabUnit,
    pub range: Option<LabRange>,
    pub logged_at: String,
}

/// A kept value with its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Lab {
    pub id: i64,
    pub lab: NewLab,
}

impl NewLab {
    /// The value in the kind's first unit (nmol/L, mmol/L, pg/mL), for drawing.
    pub fn base_value(&self) -> f64 {
        convert(self.kind, self.value, self.unit, self.kind.units()[0]).unwrap_or(self.value)
    }
}

/// Why a value is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LabError {
    #[error("unknown lab {0:?}: use 25ohd (or vitamin-d), magnesium, calcium or pth")]
    Kind(String),
    #[error("{unit:?} is not a unit for {kind}: use {} or {}", .options[0], .options[1])]
    Unit { kind: &'static str, unit: String, options: [&'static str; 2] },
    #[error("can't read the value {0:?}: give a number such as 18 or 0.82")]
    Value(String),
    #[error("the value {0} must be more than zero")]
    NotPositive(String),
    #[error("{value} {unit} is not a value a lab reports for {kind} (at most {max} {unit})")]
    Absurd { kind: &'static str, value: String, unit: &'static str, max: String },
    #[error("can't read the range {0:?}: give LOW-HIGH in the value's unit, low below high, e.g. 8.6-10.3")]
    Range(String),
}

/// Reads what a person typed into a value to keep (the date is checked by the caller).
pub fn parse(
    kind: &str,
    value: &str,
    unit: &str,
    range: Option<&str>,
) -> Result<(LabKind, f64, LabUnit, Option<LabRange>), LabError> {
    let k = LabKind::parse(kind).ok_or_else(|| LabError::Kind(super::clip(kind)))?;
    let name = k.key();
    let options = k.units();
    let u = LabUnit::parse(unit).filter(|u| options.contains(u)).ok_or_else(|| LabError::Unit {
        kind: name,
        unit: super::clip(unit),
        options: options.map(LabUnit::key),
    })?;
    let x: f64 = value.trim().parse().map_err(|_| LabError::Value(super::clip(value)))?;
    if !x.is_finite() {
        return Err(LabError::Value(super::clip(value)));
    }
    if x <= 0.0 {
        return Err(LabError::NotPositive(super::clip(value)));
    }
    let max = convert(k, k.max(), options[0], u).unwrap_or(k.max());
    if x > max {
        return Err(LabError::Absurd {
            kind: name,
            value: super::clip(value),
            unit: u.key(),
            max: format!("{max:.0}"),
        });
    }
    let range = range.map(|r| parse_range(r, max)).transpose()?;
    Ok((k, x, u, range))
}

/// "8.6-10.3" (an en dash too): two positive numbers, low below high, neither above `max`.
fn parse_range(text: &str, max: f64) -> Result<LabRange, LabError> {
    let bad = || LabError::Range(super::clip(text));
    let (low, high) = text.trim().split_once(['-', '–']).ok_or_else(bad)?;
    let low: f64 = low.trim().parse().map_err(|_| bad())?;
    let high: f64 = high.trim().parse().map_err(|_| bad())?;
    let fine = |x: f64| x.is_finite() && x > 0.0 && x <= max;
    if !(fine(low) && fine(high) && low < high) {
        return Err(bad());
    }
    Ok(LabRange { low, high })
}

/// The IOM bands of serum 25(OH)D.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DBand {
    /// Below 30 nmol/L (12 ng/mL).
    Deficient,
    /// 30 to under 50 nmol/L (12-20 ng/mL).
    Inadequate,
    /// 50 to 125 nmol/L (20-50 ng/mL).
    Adequate,
    /// Above 125 nmol/L (50 ng/mL).
    High,
}

/// Where a value falls against a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Versus {
    Below,
    Within,
    Above,
}

/// `x` against `low`..=`high`.
pub fn versus(x: f64, low: f64, high: f64) -> Versus {
    if x < low {
        Versus::Below
    } else if x > high {
        Versus::Above
    } else {
        Versus::Within
    }
}

/// The ODS range of serum magnesium, in mmol/L and in mg/dL as the reference gives both.
pub const MG_RANGE_MMOL: (f64, f64) = (0.75, 0.95);
pub const MG_RANGE_MGDL: (f64, f64) = (1.8, 2.3);

/// How a value reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// 25(OH)D against the IOM bands.
    VitaminD(DBand),
    /// Serum magnesium against the ODS range.
    Magnesium(Versus),
    /// Against the lab's own range (calcium, PTH).
    LabRange(Versus),
    /// Calcium or PTH with no range given: marrow does not guess one.
    NoRange,
}

/// How `lab` reads. Each band's edges are taken in the unit the value was reported in, as
/// the reference gives them in both, so that 12 ng/mL is where deficiency ends.
pub fn reading(lab: &NewLab) -> Reading {
    let x = lab.value;
    match lab.kind {
        LabKind::VitaminD => {
            let (deficient, inadequate, high) =
                if lab.unit == LabUnit::NgPerMl { (12.0, 20.0, 50.0) } else { (30.0, 50.0, 125.0) };
            Reading::VitaminD(if x < deficient {
                DBand::Deficient
            } else if x < inadequate {
                DBand::Inadequate
            } else if x <= high {
                DBand::Adequate
            } else {
                DBand::High
            })
        }
        LabKind::Magnesium => {
            let (low, high) = if lab.unit == LabUnit::MgPerDl { MG_RANGE_MGDL } else { MG_RANGE_MMOL };
            Reading::Magnesium(versus(x, low, high))
        }
        LabKind::Calcium | LabKind::Pth => match lab.range {
            Some(r) => Reading::LabRange(versus(x, r.low, r.high)),
            None => Reading::NoRange,
        },
    }
}

#[cfg(test)]
#[path = "labs_tests.rs"]
mod tests;
