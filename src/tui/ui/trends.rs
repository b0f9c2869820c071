//! The trends pane: the last 7 days (or 4 weeks) of magnesium, calcium and vitamin D as bar
//! charts where a full bar is the target, with daily values, the average and days at target.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::theme::Theme;
use crate::domain::day::{trend_stats, BONE_NUTRIENTS};
use crate::domain::food::trim_number;
use crate::tui::state::{AppState, TrendRange};

const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

pub struct TrendsPane<'a> {
    pub state: &'a AppState,
    pub theme: &'a Theme,
}

/// One glyph per day: its height is the share of the target, full at or above it; "·" for a
/// day with nothing logged.
pub fn glyph(value: f64, target: f64, logged: bool) -> char {
    if !logged {
        return '·';
    }
    let f = if target > 0.0 { (value / target).clamp(0.0, 1.0) } else { 0.0 };
    LEVELS[((f * 7.0).round() as usize).min(7)]
}

impl Widget for TrendsPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.theme;
        let (title, other) = match s.trend_range {
            TrendRange::Week => ("Last 7 days", "w: 4 weeks"),
            TrendRange::FourWeeks => ("Last 4 weeks", "w: 7 days"),
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border)
            .title(Span::styled(format!(" {title} "), t.title))
            .title_bottom(Span::styled(format!(" full bar = target · {other} "), t.dim));
        let inner = block.inner(area);
        block.render(area, buf);
        let mut lines = Vec::new();
        let wide = inner.height as usize > 3 * 3;
        for n in BONE_NUTRIENTS {
            let stats = trend_stats(&s.trend, n);
            let target = stats.target.unwrap_or(0.0);
            let mut spans = vec![Span::styled(format!("{:<3}", n.info().short), t.heading)];
            for d in &s.trend {
                let v = d.totals.get(n);
                let c = glyph(v, target, d.logged());
                let style =
                    if !d.logged() { t.dim } else { t.progress(if target > 0.0 { v / target } else { 0.0 }) };
                spans.push(Span::styled(c.to_string(), style));
            }
            let unit = n.info().unit;
            let summary = format!(
                " avg {:.1}{} {}",
                stats.average,
                stats.target.map(|x| format!("/{}", trim_number(x))).unwrap_or_default(),
                unit
            );
            spans.push(Span::styled(summary, t.text));
            lines.push(Line::from(spans));
            if wide {
                lines.push(Line::styled(
                    format!("   {} of {} days at target", stats.days_at_target, stats.days),
                    t.dim,
                ));
            }
        }
        // Daily values, newest last, when there is room.
        let room = (inner.height as usize).saturating_sub(lines.len() + 1);
        if room >= 2 && s.trend_range == TrendRange::Week {
            lines.push(Line::styled("day        Mg mg   Ca mg  D µg", t.dim));
            for d in s.trend.iter().rev().take(room - 1).rev() {
                let g = |n| d.totals.get(n);
                let [mg, ca, dd] = BONE_NUTRIENTS.map(g);
                let text = if !d.logged() {
                    format!("{}      -       -     -", d.date.format("%a %d"))
                } else {
                    format!("{}  {:>6.1}  {:>6.1}  {:>4.1}", d.date.format("%a %d"), mg, ca, dd)
                };
                lines.push(Line::styled(text, if d.date == s.date { t.accent } else { t.text }));
            }
        }
        Paragraph::new(lines).render(inner, buf);
    }
}
