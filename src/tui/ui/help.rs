//! The help overlay: every binding of the keymap (the config's changes included), by context,
//! and where the figures come from. Nothing here is typed by hand but the sources.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::frame;
use super::theme::Theme;
use crate::tui::keymap::{HelpLine, Keymap};

/// Rows the help needs: every line, two lines of sources and the border.
pub fn height(keys: &Keymap) -> u16 {
    (keys.help().len() + 4).min(usize::from(u16::MAX)) as u16
}

pub struct Help<'a> {
    /// The first line shown; clamped so the last line stays at the bottom.
    pub scroll: usize,
    pub keys: &'a Keymap,
    pub theme: &'a Theme,
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let hint = format!(" {} ", self.keys.help_hint());
        let inner = frame::overlay(area, buf, t, Span::styled(" Keys ", t.title), hint);
        let help = self.keys.help();
        let width = help
            .iter()
            .filter_map(|l| match l {
                HelpLine::Keys(k, _) => Some(k.chars().count()),
                HelpLine::Heading(_) => None,
            })
            .max()
            .unwrap_or(0)
            .min(12);
        let mut lines: Vec<Line> = help
            .into_iter()
            .map(|l| match l {
                HelpLine::Heading(h) => Line::styled(format!(" {h}"), t.title),
                HelpLine::Keys(k, what) => Line::from(vec![
                    Span::styled(format!("   {k:<width$}  "), t.heading),
                    Span::styled(what, t.text),
                ]),
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
