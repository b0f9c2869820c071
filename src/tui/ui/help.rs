//! The help overlay: every key, the quit key included, and where the figures come from.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::frame;
use super::theme::Theme;
use crate::tui::keymap::HELP;

/// Rows the help needs: every key, two lines of sources and the border.
pub fn height() -> u16 {
    (HELP.len() + 4).min(usize::from(u16::MAX)) as u16
}

pub struct Help<'a> {
    /// The first line shown; clamped so the last line stays at the bottom.
    pub scroll: usize,
    pub theme: &'a Theme,
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let inner = frame::overlay(
            area,
            buf,
            t,
            Span::styled(" Keys ", t.title),
            " j k scroll · Esc or ? closes · q quits from the log ",
        );
        let mut lines: Vec<Line> = HELP
            .iter()
            .map(|(k, what)| {
                Line::from(vec![Span::styled(format!(" {k:<11}"), t.heading), Span::styled(*what, t.text)])
            })
            .collect();
        lines.push(Line::styled(
            " Food: USDA SR28 (public domain). Targets: Dietary Reference Intakes,",
            t.dim,
        ));
        lines.push(Line::styled(" National Academies. Educational, not medical advice.", t.dim));
        let offset = self.scroll.min(lines.len().saturating_sub(inner.height as usize));
        Paragraph::new(lines).scroll((offset.min(u16::MAX as usize) as u16, 0)).render(inner, buf);
    }
}
