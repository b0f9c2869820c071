//! The day log pane: the shown day's entries grouped by meal, with amount as typed and each
//! entry's magnesium, calcium and vitamin D, then the day's supplement doses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::frame;
use super::theme::Theme;
use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::Meal;
use crate::present;
use crate::tui::state::{AppState, Focus};

pub struct LogPane<'a> {
    pub state: &'a AppState,
    pub theme: &'a Theme,
    pub focused: bool,
}

/// Cuts text to `width` columns with an ellipsis, padding to exactly `width`.
pub fn cell(text: &str, width: usize) -> String {
    let mut out = String::new();
    if text.width() <= width {
        out.push_str(text);
    } else if width > 0 {
        for c in text.chars() {
            if out.width() + c.to_string().width() + 1 > width {
                break;
            }
            out.push(c);
        }
        out.push('…');
    }
    let pad = width.saturating_sub(out.width());
    out.push_str(&" ".repeat(pad));
    out
}

impl Widget for LogPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.theme;
        let day = s.date.format("%a %-d %b %Y").to_string();
        let when = if s.date == s.today { " · today".to_string() } else { String::new() };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(if self.focused { t.accent } else { t.border })
            .title(Span::styled(format!(" Day log · {day}{when} "), t.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let w = inner.width as usize;
        let d = super::vitamin_d(s);
        // A six-column figure that never runs into its neighbour: 81.0, 1171 (no decimal from 1000).
        let column = |n, v| format!(" {}", present::figure_within(n, v, d, 5));
        let nums = 3 * 6;
        let amount_w = 9.min(w / 4);
        let name_w = w.saturating_sub(nums + amount_w + 3);
        let mut lines: Vec<Line> = vec![Line::styled(
            format!(
                "  {} {}{:>6}{:>6}{:>6}",
                cell("", name_w),
                cell("amount", amount_w),
                "Mg",
                "Ca",
                present::column_head(crate::domain::Nutrient::VitaminD, d)
            ),
            t.dim,
        )];
        if s.entries.is_empty() {
            lines.push(Line::styled("  No entries on this day.", t.dim));
            if let Some(k) = s.keys.key_in(Focus::Log, "search") {
                lines.push(Line::styled(format!("  Press {k} to find a food and log it."), t.dim));
            }
        }
        for meal in Meal::ALL {
            let of_meal: Vec<(usize, _)> =
                s.entries.iter().enumerate().filter(|(_, e)| e.meal == meal).collect();
            if of_meal.is_empty() {
                continue;
            }
            lines.push(Line::styled(capital(meal.as_str()), t.heading));
            for (i, e) in of_meal {
                let v = e.nutrients();
                let mut text = format!("  {} {}", cell(&e.food_name, name_w), cell(&e.quantity, amount_w));
                for n in BONE_NUTRIENTS {
                    text.push_str(&column(n, v.get(n)));
                }
                let style = if i == s.selected && self.focused { t.selected } else { t.text };
                lines.push(Line::styled(text, style));
            }
        }
        if !s.supplements.is_empty() {
            let key = frame::aside(s.keys.key_in(Focus::Log, "supplements"));
            lines.push(Line::styled(format!("Supplements{key}"), t.heading));
        }
        for dose in &s.supplements {
            let i = dose.nutrient.info();
            let name = match &dose.form {
                Some(f) => format!("{} ({f})", i.name),
                None => i.name.to_string(),
            };
            let amount = present::amount(dose.nutrient, dose.amount, d);
            let mut text = format!("  {} {}", cell(&name, name_w), cell(&amount, amount_w));
            for n in BONE_NUTRIENTS {
                let v = if n == dose.nutrient { column(n, Some(dose.amount)) } else { " ".repeat(6) };
                text.push_str(&v);
            }
            lines.push(Line::styled(text, t.text));
        }
        lines.extend(super::journal::day_lines(s, t));
        // Keep the selected entry in view, where clicks find it (layout.rs).
        let offset = super::layout::log_offset(s, inner.height);
        Paragraph::new(lines).scroll((offset.min(u16::MAX as usize) as u16, 0)).render(inner, buf);
    }
}

pub fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
