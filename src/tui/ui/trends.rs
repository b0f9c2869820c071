//! The trends pane: the last 7 days (or 4 weeks) of magnesium, calcium and vitamin D as bar
//! charts where a full bar is the target, with daily values, the average and days at target.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::theme::Theme;
use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::period::NutrientStats;
use crate::domain::Nutrient;
use crate::present;
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
        let d = super::vitamin_d(s);
        for n in BONE_NUTRIENTS {
            let stats = NutrientStats::of(&s.trend, n);
            let target = stats.target.unwrap_or(0.0);
            let mut spans = vec![Span::styled(format!("{:<3}", n.info().short), t.heading)];
            for d in &s.trend {
                let v = d.totals.get(n);
                let c = glyph(v, target, d.logged());
                let style =
                    if !d.logged() { t.dim } else { t.progress(if target > 0.0 { v / target } else { 0.0 }) };
                spans.push(Span::styled(c.to_string(), style));
            }
            let summary = format!(
                " avg {}{} {}",
                present::figure(n, Some(stats.average.unwrap_or(0.0)), d),
                stats.target.map(|x| format!("/{}", present::number(n, x, d))).unwrap_or_default(),
                present::unit(n, d)
            );
            spans.push(Span::styled(summary, t.text));
            lines.push(Line::from(spans));
            if wide {
                lines.push(Line::styled(
                    format!("   {} of {} days at target", stats.at_target.with_supplements, s.trend.len()),
                    t.dim,
                ));
            }
        }
        // Daily values, newest last, when there is room.
        let room = (inner.height as usize).saturating_sub(lines.len() + 1);
        if room >= 2 && s.trend_range == TrendRange::Week {
            let head = |n| present::column_head(n, d);
            let heads = [Nutrient::Magnesium, Nutrient::Calcium, Nutrient::VitaminD].map(head);
            lines.push(Line::styled(format!("day        {}   {}  {}", heads[0], heads[1], heads[2]), t.dim));
            for day in s.trend.iter().rev().take(room - 1).rev() {
                let g = |n, width| present::figure_within(n, Some(day.totals.get(n)), d, width);
                let text = if !day.logged() {
                    format!("{}      -       -     -", day.date.format("%a %d"))
                } else {
                    format!(
                        "{}  {}  {}  {}",
                        day.date.format("%a %d"),
                        g(Nutrient::Magnesium, 6),
                        g(Nutrient::Calcium, 6),
                        g(Nutrient::VitaminD, 4)
                    )
                };
                lines.push(Line::styled(text, if day.date == s.date { t.accent } else { t.text }));
            }
        }
        Paragraph::new(lines).render(inner, buf);
    }
}
