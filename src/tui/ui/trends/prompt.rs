//! The date prompt (`:`): a date to show, typed as YYYY-MM-DD, today or yesterday; a date it
//! cannot read is said on one line under the field, and the prompt stays open.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::keymap::Keymap;
use crate::tui::state::DatePrompt;
use crate::tui::ui::{field, frame, theme::Theme};

pub struct DateOverlay<'a> {
    pub prompt: &'a DatePrompt,
    pub keys: &'a Keymap,
    pub theme: &'a Theme,
}

impl Widget for DateOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (p, t) = (self.prompt, self.theme);
        let title = Span::styled(" Go to a date ", t.title);
        let inner = frame::overlay(area, buf, t, title, self.keys.date_hint());
        let mut input = vec![Span::styled("Date: ", t.heading)];
        input.extend(field::spans(&p.input, t));
        if p.input.is_empty() {
            input.push(Span::styled("  YYYY-MM-DD, today, yesterday", t.dim));
        }
        let second = match &p.error {
            Some(e) => Line::styled(e.clone(), t.bad),
            None => Line::styled("The log and the trends show that day.", t.dim),
        };
        Paragraph::new(vec![Line::from(input), second]).wrap(Wrap { trim: true }).render(inner, buf);
    }
}
