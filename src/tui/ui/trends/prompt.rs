//! The command line (`:`): a command typed (goto DATE, or a date alone, suggest, review,
//! export, quit); what Tab offers, or why a line cannot be run, on one line under the field.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::command::VERBS;
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
        let title = Span::styled(" Command ", t.title);
        let inner = frame::overlay(area, buf, t, title, self.keys.date_hint());
        let mut input = vec![Span::styled(":", t.heading)];
        input.extend(field::spans(&p.input, t));
        if p.input.is_empty() {
            input.push(Span::styled("  goto YYYY-MM-DD, today, yesterday (or the date alone)", t.dim));
        }
        let verbs: Vec<String> =
            VERBS.iter().map(|(v, args)| format!("{v} {args}").trim().to_string()).collect();
        let second = match (&p.error, p.candidates.is_empty()) {
            (Some(e), _) => Line::styled(e.clone(), t.bad),
            (None, false) => Line::styled(p.candidates.join("  "), t.accent),
            (None, true) => Line::styled(verbs.join(" · "), t.dim),
        };
        Paragraph::new(vec![Line::from(input), second]).wrap(Wrap { trim: true }).render(inner, buf);
    }
}
