//! One gauge's bar: the day's amount on a scale with marks at the EAR, the target (RDA/AI) and
//! the upper limit (UL), food and supplements told apart, coloured by where the amount stands
//! (below the EAR, short of the target, at it, over the limit), and over the limit the limit
//! said on the bar itself.
//!
//! The scale is linear with the target at the same column in every gauge (`TARGET_AT`), so the
//! three targets line up. A limit far above the target (vitamin D's 100 µg against 15) would
//! push the target to the bar's start: the span from target to limit is then drawn shorter,
//! with the limit at `LIMIT_AT` and the last tenth for amounts over it. Magnesium's limit counts
//! supplements only: its mark sits that far past the food part, where supplements start.

use ratatui::style::Style;
use ratatui::text::Span;

use super::super::theme::Theme;
use crate::domain::compare::{above, reached};
use crate::domain::day::DaySummary;
use crate::domain::Nutrient;
use crate::present::gauge::{
    self, EAR_MARK, EMPTY_FILL, FOOD_FILL, LIMIT_MARK, SUPPLEMENT_FILL, TARGET_MARK,
};
use crate::present::VitaminDUnit;

/// The share of the bar where the target is, in every gauge.
const TARGET_AT: f64 = 0.6;
/// The share of the bar where the upper limit is when it lies far beyond the target.
const LIMIT_AT: f64 = 0.9;

/// Where the day's amount stands against the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// Nothing to measure against.
    NoTarget,
    /// Below the estimated average requirement.
    BelowEar,
    /// At or above the EAR (or no EAR), below the target.
    BelowTarget,
    /// At or above the target, within the limit.
    Met,
    /// Above the upper limit (for magnesium: supplements above theirs).
    OverLimit,
}

impl Zone {
    pub fn style(self, t: &Theme) -> Style {
        match self {
            Zone::NoTarget => t.dim,
            Zone::BelowEar | Zone::OverLimit => t.bad,
            Zone::BelowTarget => t.warn,
            Zone::Met => t.good,
        }
    }
}

/// Magnesium's and vitamin E's upper limits count supplements only, vitamin A's retinol
/// doses only, never food (Dietary Reference Intakes); every other limit counts the day's
/// total.
pub fn limit_counts_supplements_only(n: Nutrient) -> bool {
    crate::domain::targets::ul_counts(n) != crate::domain::targets::UlCounts::Total
}

/// The figures one gauge draws, in the nutrient's own unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub nutrient: Nutrient,
    /// Food and supplements.
    pub total: f64,
    pub supplements: f64,
    pub target: Option<f64>,
    pub ear: Option<f64>,
    pub ul: Option<f64>,
    /// What the limit is held against: the total, or the doses it counts (`DaySummary::against_ul`).
    pub held: f64,
}

impl Reading {
    pub fn of(s: &DaySummary, n: Nutrient) -> Reading {
        Reading {
            nutrient: n,
            total: s.totals.get(n),
            supplements: s.supplemental[n.index()],
            target: s.targets.get(n),
            ear: s.ear.get(n),
            ul: s.ul.get(n),
            held: s.against_ul(n),
        }
    }

    pub fn food(&self) -> f64 {
        (self.total - self.supplements).max(0.0)
    }

    fn supplements_only(&self) -> bool {
        limit_counts_supplements_only(self.nutrient)
    }

    /// What the limit counts: the supplements for magnesium and vitamin E, retinol doses for
    /// vitamin A, else the total.
    pub fn limited(&self) -> f64 {
        self.held
    }

    pub fn over_limit(&self) -> bool {
        self.ul.is_some_and(|ul| above(self.limited(), ul))
    }

    pub fn zone(&self) -> Zone {
        if self.over_limit() {
            return Zone::OverLimit;
        }
        match (self.target, self.ear) {
            (None, _) => Zone::NoTarget,
            (Some(t), _) if reached(self.total, t) => Zone::Met,
            (_, Some(e)) if !reached(self.total, e) => Zone::BelowEar,
            _ => Zone::BelowTarget,
        }
    }

    /// The limit on the total's scale: for magnesium the food plus the supplements' limit (and
    /// so for the others whose limit counts only some doses: what it does not count, plus it).
    fn limit_on_total(&self) -> Option<f64> {
        self.ul.map(|ul| if self.supplements_only() { (self.total - self.held).max(0.0) + ul } else { ul })
    }

    /// What the bar says over the limit, longest first.
    pub fn over_words(&self, d: VitaminDUnit) -> Vec<String> {
        let ul = self.ul.unwrap_or_default();
        gauge::over_limit(self.nutrient, self.limited(), ul, self.supplements_only(), d)
    }

    /// Points (amount, share of the bar) the scale runs through; None without a target.
    fn knots(&self) -> Option<Vec<(f64, f64)>> {
        let t = self.target.filter(|t| *t > 0.0)?;
        let linear_end = t / TARGET_AT;
        Some(match self.limit_on_total() {
            Some(l) if l > linear_end * LIMIT_AT => {
                vec![(0.0, 0.0), (t, TARGET_AT), (l, LIMIT_AT), (l + (l - t) / 3.0, 1.0)]
            }
            _ => vec![(0.0, 0.0), (linear_end, 1.0)],
        })
    }
}

/// The share of the bar `v` reaches on the scale through `knots`, from 0 to 1.
fn share(knots: &[(f64, f64)], v: f64) -> f64 {
    for w in knots.windows(2) {
        let ((a, fa), (b, fb)) = (w[0], w[1]);
        if v <= b {
            return fa + (fb - fa) * ((v - a) / (b - a)).max(0.0);
        }
    }
    1.0
}

/// Cells filled up to `share` of `width`.
fn filled(share: f64, width: usize) -> usize {
    ((share * width as f64) + 1e-9).floor().min(width as f64) as usize
}

/// The cell a mark at `share` sits in: the one whose right edge is there, so that an amount
/// at the mark fills its cell.
fn mark_cell(share: f64, width: usize) -> usize {
    ((share * width as f64 - 1e-9).ceil() as usize).saturating_sub(1).min(width.saturating_sub(1))
}

#[derive(Clone, Copy, PartialEq)]
enum Fill {
    Food,
    Supplements,
    Empty,
}

/// The bar of `width` cells for `r`, as styled spans.
pub fn spans<'a>(r: &Reading, width: usize, theme: &Theme, d: VitaminDUnit) -> Vec<Span<'a>> {
    let Some(knots) = r.knots().filter(|_| width > 0) else {
        return vec![Span::styled(EMPTY_FILL.to_string().repeat(width), theme.dim)];
    };
    let food_end = filled(share(&knots, r.food()), width);
    let mut end = filled(share(&knots, r.total), width).max(food_end);
    // Supplements taken always show, if only as one cell.
    if r.supplements > 0.0 && end == food_end && end < width {
        end += 1;
    }
    let mut cells: Vec<(char, Style)> = Vec::with_capacity(width);
    let zone = r.zone().style(theme);
    let kind = |i: usize| match i {
        _ if i < food_end => Fill::Food,
        _ if i < end => Fill::Supplements,
        _ => Fill::Empty,
    };
    for i in 0..width {
        cells.push(match kind(i) {
            Fill::Food => (FOOD_FILL, zone),
            Fill::Supplements => (SUPPLEMENT_FILL, zone),
            Fill::Empty => (EMPTY_FILL, theme.dim),
        });
    }
    // Marks, the limit first: where two would share a cell, the lesser steps left.
    let mut taken: Vec<usize> = Vec::new();
    let mut target_cell = None;
    let limit = r.limit_on_total().map(|l| mark_cell(share(&knots, l), width));
    let marks = [
        (limit, LIMIT_MARK),
        (r.target.map(|t| mark_cell(share(&knots, t), width)), TARGET_MARK),
        (r.ear.map(|e| mark_cell(share(&knots, e), width)), EAR_MARK),
    ];
    for (cell, glyph) in marks {
        let Some(mut c) = cell else { continue };
        while taken.contains(&c) && c > 0 {
            c -= 1;
        }
        if taken.contains(&c) {
            continue;
        }
        taken.push(c);
        if glyph == TARGET_MARK {
            target_cell = Some(c);
        }
        cells[c] = match kind(c) {
            Fill::Empty => (glyph, theme.text),
            _ => (glyph, theme.mark_on(zone)),
        };
    }
    if r.over_limit() {
        // Said on the bar before the limit's mark: where there is room, between the target's
        // mark and the limit's (for a limit on supplements, on the supplements' part), so that
        // the other marks and the food part stay in sight; else from the bar's start, the
        // words covering what they must.
        let room = limit.unwrap_or(width);
        let words = r.over_words(d);
        let start = if r.supplements_only() { food_end } else { target_cell.map_or(0, |c| c + 1) };
        let placed = fit(&words[..words.len().saturating_sub(1)], start.min(room), room)
            .or_else(|| fit(&words, 0, room));
        if let Some((at, text)) = placed {
            for (i, c) in text.chars().enumerate() {
                cells[at + i] = (c, theme.over);
            }
        }
    }
    runs(cells)
}

/// The first of `words` (longest first) that fits in the cells from `start` to `end` with a
/// space either side, else the first that fits bare, and the cell it starts at.
fn fit(words: &[String], start: usize, end: usize) -> Option<(usize, String)> {
    let room = end.saturating_sub(start);
    let padded = words.iter().find_map(|w| match w.chars().count() {
        // One cell of the bar before the words where there is room: the bar still starts there.
        n if n + 3 <= room => Some((start + 1, format!(" {w} "))),
        n if n + 2 <= room => Some((start, format!(" {w} "))),
        _ => None,
    });
    padded.or_else(|| words.iter().find(|w| w.chars().count() <= room).map(|w| (start, w.clone())))
}

/// Adjacent cells of one style as one span.
fn runs<'a>(cells: Vec<(char, Style)>) -> Vec<Span<'a>> {
    let mut out: Vec<(String, Style)> = Vec::new();
    for (c, s) in cells {
        match out.last_mut() {
            Some((text, style)) if *style == s => text.push(c),
            _ => out.push((c.to_string(), s)),
        }
    }
    out.into_iter().map(|(t, s)| Span::styled(t, s)).collect()
}

#[cfg(test)]
#[path = "bar_tests.rs"]
mod tests;
