//! The gauges pane: magnesium, calcium and vitamin D (food and supplements) against the
//! profile's EAR, target and upper limit (each bar drawn by `bar`), with data completeness,
//! what supplements gave, the calcium:magnesium ratio today and over 7 days, and the day's
//! warnings in short.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use self::bar::Reading;
use super::log::cell;
use super::theme::Theme;
use crate::domain::day::{DaySummary, BONE_NUTRIENTS};
use crate::domain::warnings::Warning;
use crate::domain::Nutrient;
use crate::present::{self, absorption, gauge, VitaminDUnit, CA_MG_NOTE};
use crate::tui::state::{AppState, Focus};

/// At most this many warning lines under the gauges; the supplements overlay lists them all.
const WARNING_LINES: usize = 2;

mod bar;

pub struct Gauges<'a> {
    pub state: &'a AppState,
    pub theme: &'a Theme,
}

/// Rows the pane needs: borders, three gauges, the supplements line when any, the ratio
/// line and the warnings.
pub fn height(state: &AppState) -> u16 {
    let supp = u16::from(BONE_NUTRIENTS.iter().any(|n| state.summary.supplemental[n.index()] > 0.0));
    let absorbed = u16::from(state.summary.absorbable.estimated > 0);
    let sun = u16::from(state.latitude.is_some());
    2 + shown(state).len() as u16 + absorbed + supp + 1 + sun + state.warnings.len().min(WARNING_LINES) as u16
}

/// The nutrients the gauges show: magnesium, calcium and vitamin D always, then the config's
/// extra nutrients, then the one pinned in the app.
pub fn shown(state: &AppState) -> Vec<Nutrient> {
    let mut out: Vec<Nutrient> = BONE_NUTRIENTS.to_vec();
    for n in state.extra_nutrients.iter().chain(&state.pinned) {
        if !out.contains(n) {
            out.push(*n);
        }
    }
    out
}

/// Pins the next nutrient the gauges do not show already: the later nutrients first (iron,
/// folate, vitamin B12...), then the others from phosphorus on (energy and the macronutrients
/// have no gauge); after the last, none. Returns what is pinned now.
pub fn cycle_pinned(state: &mut AppState) -> Option<Nutrient> {
    let fixed: Vec<Nutrient> = BONE_NUTRIENTS.iter().chain(&state.extra_nutrients).copied().collect();
    let later = Nutrient::all().filter(|n| *n > Nutrient::Ala);
    let earlier = Nutrient::all().filter(|n| (Nutrient::Magnesium..=Nutrient::Ala).contains(n));
    let candidates: Vec<Nutrient> = later.chain(earlier).filter(|n| !fixed.contains(n)).collect();
    let next = match state.pinned.and_then(|p| candidates.iter().position(|c| *c == p)) {
        Some(i) => candidates.get(i + 1).copied(),
        None => candidates.first().copied(),
    };
    state.pinned = next;
    next
}

/// The widest a gauge's bar is drawn.
const BAR_MAX: usize = 60;
/// Below this many cells the marks crowd: the words beside the bars are shortened first.
const BAR_ROOMY: usize = 30;

/// One gauge line per nutrient: label, bar (marks at the EAR, target and limit; food and
/// supplements apart), amount / target, percent, unknown count. Bars share one width so
/// that they line up.
pub fn gauge_lines<'a>(
    summary: &DaySummary,
    theme: &Theme,
    width: u16,
    shown: &[Nutrient],
    d: VitaminDUnit,
) -> Vec<Line<'a>> {
    let t = &summary.totals;
    let parts_with = |short: bool| -> Vec<(String, String, String, String)> {
        shown
            .iter()
            .map(|n| {
                let info = n.info();
                let amount = present::figure(*n, Some(t.get(*n)), d);
                let figures = match summary.targets.get(*n) {
                    Some(tg) => format!(" {amount} / {}", present::amount(*n, tg, d)),
                    None => format!(" {amount} {}", present::unit(*n, d)),
                };
                let pct =
                    summary.percent(*n).map(|p| format!(" {:>4}", present::percent(p))).unwrap_or_default();
                let unknown =
                    gauge::unknown_items(t, *n, short).map(|c| format!("  {c}")).unwrap_or_default();
                (format!("{:<10}", info.name), figures, pct, unknown)
            })
            .collect()
    };
    let bar_for = |parts: &[(String, String, String, String)]| {
        let widest =
            parts.iter().map(|(a, b, c, d)| [a, b, c, d].iter().map(|s| s.chars().count()).sum::<usize>());
        (width as usize).saturating_sub(widest.max().unwrap_or(0) + 1).min(BAR_MAX)
    };
    // The unknown counts say less when saying it all would leave the bars short.
    let mut parts = parts_with(false);
    let mut bar_width = bar_for(&parts);
    if bar_width < BAR_ROOMY {
        parts = parts_with(true);
        bar_width = bar_for(&parts);
    }
    shown
        .iter()
        .zip(parts)
        .map(|(n, (label, figures, pct_text, unknown))| {
            let reading = Reading::of(summary, *n);
            let mut spans = vec![Span::styled(label, theme.heading)];
            spans.extend(bar::spans(&reading, bar_width, theme, d));
            spans.extend([
                Span::styled(figures, theme.text),
                Span::styled(pct_text, reading.zone().style(theme)),
                Span::styled(unknown, theme.unknown),
            ]);
            Line::from(spans)
        })
        .collect()
}

/// Short gauge lines for small terminals: "Mg 169.3/320 mg 53%", "Ca 2631.0/1200 mg 219%
/// over UL 2000 mg".
pub fn compact_lines<'a>(summary: &DaySummary, theme: &Theme, d: VitaminDUnit) -> Vec<Line<'a>> {
    BONE_NUTRIENTS
        .iter()
        .map(|n| {
            let target = summary
                .targets
                .get(*n)
                .map(|t| format!("/{}", present::number(*n, t, d)))
                .unwrap_or_default();
            let unit = present::unit(*n, d);
            let pct = summary.percent(*n).map(|p| format!(" {}", present::percent(p))).unwrap_or_default();
            let unknown = if summary.totals.unknown(*n) > 0 { " ?" } else { "" };
            let reading = Reading::of(summary, *n);
            let over = if reading.over_limit() {
                let words = reading.over_words(d);
                words.iter().find(|w| w.chars().count() <= COMPACT_WORDS).map(|w| format!(" {w}"))
            } else {
                None
            };
            Line::from(vec![
                Span::styled(format!("{:<3}", n.info().short), theme.heading),
                Span::styled(
                    format!(
                        "{}{target} {unit}{pct}{unknown}",
                        present::figure(*n, Some(summary.totals.get(*n)), d)
                    ),
                    reading.zone().style(theme),
                ),
                Span::styled(over.unwrap_or_default(), theme.over),
            ])
        })
        .collect()
}

/// The most columns the compact lines give to saying a limit is passed.
const COMPACT_WORDS: usize = 16;

/// "of which supplements: Mg 200 mg · D 25 µg", when supplements gave any of them.
pub fn supplements_line<'a>(summary: &DaySummary, theme: &Theme, d: VitaminDUnit) -> Option<Line<'a>> {
    let parts: Vec<String> = BONE_NUTRIENTS
        .iter()
        .filter_map(|n| {
            let v = summary.supplemental[n.index()];
            (v > 0.0).then(|| format!("{} {}", n.info().short, present::amount(*n, v, d)))
        })
        .collect();
    (!parts.is_empty())
        .then(|| Line::styled(format!("of which supplements: {}", parts.join(" · ")), theme.text))
}

/// "Ca:Mg today 2.2 · 7 days 2.0 (research proposal 1.7-2.6, not a guideline)".
pub fn info_line<'a>(summary: &DaySummary, week: Option<f64>, theme: &Theme) -> Line<'a> {
    let today = summary.totals.ca_mg_ratio().map_or_else(|| "-".to_string(), present::ratio);
    let week = week.map(|w| format!(" · 7 days {}", present::ratio(w))).unwrap_or_default();
    Line::styled(format!("Ca:Mg today {today}{week} ({CA_MG_NOTE})"), theme.dim)
}

/// Style for a warning: over an upper limit is bad, the rest a caution.
pub fn warning_style(w: &Warning, theme: &Theme) -> Style {
    if w.code.over_limit() {
        theme.bad
    } else {
        theme.warn
    }
}

/// The warnings in short, one line each of `width` columns, at most `WARNING_LINES`.
/// `lists`: the key that opens the supplements overlay, where every warning is in full.
pub fn warning_lines<'a>(
    warnings: &[Warning],
    lists: Option<String>,
    theme: &Theme,
    width: usize,
    d: VitaminDUnit,
) -> Vec<Line<'a>> {
    let mut lines: Vec<Line> = warnings
        .iter()
        .take(WARNING_LINES)
        .map(|w| {
            Line::styled(cell(&format!("! {}", present::headline(w, d)), width), warning_style(w, theme))
        })
        .collect();
    if warnings.len() > WARNING_LINES {
        if let Some(last) = lines.last_mut() {
            let more = warnings.len() - WARNING_LINES + 1;
            let lists = lists.map_or_else(String::new, |k| format!(": {k} lists them"));
            *last = Line::styled(format!("! and {more} more warnings{lists}"), theme.warn);
        }
    }
    lines
}

impl Widget for Gauges<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let summary = &self.state.summary;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(self.theme.border)
            .title(Span::styled(" Bone nutrients ", self.theme.title))
            .title_bottom(Span::styled(gauge::legend(area.width.saturating_sub(2) as usize), self.theme.dim));
        let inner = block.inner(area);
        block.render(area, buf);
        let shown = shown(self.state);
        let d = super::vitamin_d(self.state);
        let mut lines = gauge_lines(summary, self.theme, inner.width, &shown, d);
        let absorbed = absorption::gauge_line(&summary.absorbable, inner.width as usize);
        lines.extend(absorbed.map(|l| Line::styled(l, self.theme.dim)));
        lines.extend(supplements_line(summary, self.theme, d));
        lines.push(info_line(summary, self.state.ca_mg_week, self.theme));
        if let Some(lat) = self.state.latitude {
            let sun = crate::domain::sun::Sun::at(lat, self.state.date);
            lines.push(Line::styled(present::sun::app_line(&sun), self.theme.dim));
        }
        let lists = self.state.keys.key_in(Focus::Log, "supplements");
        lines.extend(warning_lines(&self.state.warnings, lists, self.theme, inner.width as usize, d));
        Paragraph::new(lines).render(inner, buf);
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{Meal, Profile};

    fn state(extra: &[Nutrient]) -> AppState {
        let mut s =
            AppState::new(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(), Meal::Lunch, Profile::default());
        s.extra_nutrients = extra.to_vec();
        s
    }

    #[test]
    fn the_pin_goes_through_the_nutrients_not_shown_then_none() {
        let mut s = state(&[Nutrient::Folate]);
        assert_eq!(shown(&s), [Nutrient::Magnesium, Nutrient::Calcium, Nutrient::VitaminD, Nutrient::Folate]);
        assert_eq!(cycle_pinned(&mut s), Some(Nutrient::Iron), "the later nutrients first");
        assert_eq!(cycle_pinned(&mut s), Some(Nutrient::VitaminB12), "folate is pinned by the config");
        assert_eq!(shown(&s).last(), Some(&Nutrient::VitaminB12));
        let mut seen = vec![Nutrient::Iron, Nutrient::VitaminB12];
        while let Some(n) = cycle_pinned(&mut s) {
            assert!(!seen.contains(&n), "{n:?} twice");
            seen.push(n);
        }
        assert_eq!(s.pinned, None, "after the last, none");
        assert!(seen.contains(&Nutrient::Zinc) && !seen.contains(&Nutrient::Energy), "{seen:?}");
        assert!(!seen.contains(&Nutrient::Magnesium) && !seen.contains(&Nutrient::Folate));
        assert_eq!(height(&s) + 1, {
            cycle_pinned(&mut s);
            height(&s)
        });
        assert_eq!(cycle_pinned(&mut s), Some(Nutrient::VitaminB12), "and round again");
    }
}
