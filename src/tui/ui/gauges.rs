//! The gauges pane: magnesium, calcium and vitamin D against the profile's targets, with data
//! completeness and the day's calcium:magnesium ratio.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::theme::Theme;
use crate::domain::day::{DaySummary, BONE_NUTRIENTS};
use crate::domain::food::trim_number;

pub struct Gauges<'a> {
    pub summary: &'a DaySummary,
    pub theme: &'a Theme,
}

/// A bar of `width` cells filled to `fraction` (capped at full).
pub fn bar(fraction: f64, width: usize) -> (String, String) {
    let filled = ((fraction.clamp(0.0, 1.0)) * width as f64).round() as usize;
    ("█".repeat(filled), "░".repeat(width.saturating_sub(filled)))
}

/// One gauge line per nutrient: label, bar, amount / target, percent, unknown count. Bars
/// share one width so they line up.
pub fn gauge_lines<'a>(summary: &DaySummary, theme: &Theme, width: u16) -> Vec<Line<'a>> {
    let t = &summary.totals;
    let parts: Vec<(String, String, String, String)> = BONE_NUTRIENTS
        .iter()
        .map(|n| {
            let info = n.info();
            let figures = match summary.targets.get(*n) {
                Some(tg) => format!(" {:.1} / {} {}", t.get(*n), trim_number(tg), info.unit),
                None => format!(" {:.1} {}", t.get(*n), info.unit),
            };
            let pct = summary.percent(*n).map(|p| format!(" {p:>3.0}%")).unwrap_or_default();
            let unknown = t.completeness(*n).map(|c| format!("  {c}")).unwrap_or_default();
            (format!("{:<10}", info.name), figures, pct, unknown)
        })
        .collect();
    let widest =
        parts.iter().map(|(a, b, c, d)| [a, b, c, d].iter().map(|s| s.chars().count()).sum::<usize>()).max();
    let bar_width = (width as usize).saturating_sub(widest.unwrap_or(0) + 1).min(40);
    BONE_NUTRIENTS
        .iter()
        .zip(parts)
        .map(|(n, (label, figures, pct_text, unknown))| {
            let fraction = summary.percent(*n).unwrap_or(0.0) / 100.0;
            let (full, empty) = bar(fraction, bar_width);
            let style = theme.progress(fraction);
            Line::from(vec![
                Span::styled(label, theme.heading),
                Span::styled(full, style),
                Span::styled(empty, theme.dim),
                Span::styled(figures, theme.text),
                Span::styled(pct_text, style),
                Span::styled(unknown, theme.unknown),
            ])
        })
        .collect()
}

/// Short gauge lines for small terminals: "Mg 169.3/320 53%".
pub fn compact_lines<'a>(summary: &DaySummary, theme: &Theme) -> Vec<Line<'a>> {
    BONE_NUTRIENTS
        .iter()
        .map(|n| {
            let target = summary.targets.get(*n).map(|t| format!("/{}", trim_number(t))).unwrap_or_default();
            let pct = summary.percent(*n).map(|p| format!(" {p:.0}%")).unwrap_or_default();
            let unknown = if summary.totals.unknown(*n) > 0 { " ?" } else { "" };
            let fraction = summary.percent(*n).unwrap_or(0.0) / 100.0;
            Line::from(vec![
                Span::styled(format!("{:<3}", n.info().short), theme.heading),
                Span::styled(
                    format!("{:.1}{target}{pct}{unknown}", summary.totals.get(*n)),
                    theme.progress(fraction),
                ),
            ])
        })
        .collect()
}

/// "Ca:Mg 2.2 (research proposal 1.7-2.6, not a guideline)".
pub fn info_line<'a>(summary: &DaySummary, theme: &Theme) -> Line<'a> {
    let mut spans = Vec::new();
    match summary.totals.ca_mg_ratio() {
        Some(r) => spans.push(Span::styled(
            format!("Ca:Mg {r:.1} (research proposal 1.7-2.6, not a guideline)"),
            theme.dim,
        )),
        None => spans.push(Span::styled("Ca:Mg -", theme.dim)),
    }
    Line::from(spans)
}

impl Widget for Gauges<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(self.theme.border)
            .title(Span::styled(" Bone nutrients ", self.theme.title))
            .title_bottom(Span::styled(
                " targets: Dietary Reference Intakes, National Academies ",
                self.theme.dim,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let mut lines = gauge_lines(self.summary, self.theme, inner.width);
        lines.push(info_line(self.summary, self.theme));
        Paragraph::new(lines).render(inner, buf);
    }
}
