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

/// One gauge line per nutrient: label, bar, amount / target, percent, unknown count.
pub fn gauge_lines<'a>(summary: &DaySummary, theme: &Theme, width: u16) -> Vec<Line<'a>> {
    let t = &summary.totals;
    BONE_NUTRIENTS
        .iter()
        .map(|n| {
            let info = n.info();
            let amount = t.get(*n);
            let target = summary.targets.get(*n);
            let pct = summary.percent(*n);
            let figures = match target {
                Some(tg) => format!(" {:.1} / {} {}", amount, trim_number(tg), info.unit),
                None => format!(" {:.1} {}", amount, info.unit),
            };
            let pct_text = pct.map(|p| format!(" {p:>3.0}%")).unwrap_or_default();
            let unknown = if t.unknown(*n) > 0 {
                format!("  {} of {} unknown", t.unknown(*n), t.items)
            } else {
                String::new()
            };
            let label = format!("{:<10}", info.name);
            let fixed = label.chars().count()
                + figures.chars().count()
                + pct_text.chars().count()
                + unknown.chars().count();
            let bar_width = (width as usize).saturating_sub(fixed + 1).min(40);
            let (full, empty) = bar(pct.unwrap_or(0.0) / 100.0, bar_width);
            let style = theme.progress(pct.unwrap_or(0.0) / 100.0);
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

/// "Ca:Mg 2.2 (research proposal 1.7-2.6, not a guideline) · D: 1 of 5 items unknown".
pub fn info_line<'a>(summary: &DaySummary, theme: &Theme) -> Line<'a> {
    let mut spans = Vec::new();
    match summary.totals.ca_mg_ratio() {
        Some(r) => spans.push(Span::styled(
            format!("Ca:Mg {r:.1} (research proposal 1.7-2.6, not a guideline)"),
            theme.dim,
        )),
        None => spans.push(Span::styled("Ca:Mg -", theme.dim)),
    }
    let missing: Vec<String> =
        BONE_NUTRIENTS.iter().filter_map(|n| summary.totals.completeness(*n)).collect();
    if !missing.is_empty() {
        spans.push(Span::styled(format!(" · {}", missing.join(" · ")), theme.unknown));
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
