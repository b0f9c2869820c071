//! The amount prompt overlay: the typed amount with a dim hint, the live preview of what the
//! entry adds, and the food's household portions to pick from.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::frame;
use super::theme::Theme;
use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::labels::choice;
use crate::present::{self, VitaminDUnit};
use crate::tui::keymap::Keymap;
use crate::tui::prompt::portion_text;
use crate::tui::state::AmountPrompt;

pub struct PromptOverlay<'a> {
    pub prompt: &'a AmountPrompt,
    /// "lunch on Wed 25 Nov".
    pub target: String,
    pub keys: &'a Keymap,
    pub theme: &'a Theme,
    pub d: VitaminDUnit,
}

impl Widget for PromptOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (p, t) = (self.prompt, self.theme);
        let verb = if p.editing.is_some() { "Change" } else { "Log" };
        let inner = frame::overlay(
            area,
            buf,
            t,
            Span::styled(format!(" {} ", p.food_name), t.title),
            self.keys.amount_hint(verb),
        );
        let hint = match portion_text(p, 0) {
            Some(first) => format!("e.g. 30g or {first}"),
            None => "e.g. 30g, 1.5 oz".to_string(),
        };
        let mut field = vec![Span::styled("Amount: ", t.heading)];
        field.extend(super::field::spans(&p.input, t));
        if p.input.is_empty() {
            field.push(Span::styled(format!("  {hint}"), t.dim));
        }
        let mut lines = vec![Line::from(field)];
        lines.push(match &p.preview {
            None => Line::styled(format!("{verb} to {}", self.target), t.dim),
            Some(Ok((grams, v))) => Line::from(vec![
                Span::styled(format!("adds {} g: ", present::grams(*grams)), t.text),
                Span::styled(present::short_amounts(v, &BONE_NUTRIENTS, self.d, " · "), t.good),
            ]),
            Some(Err(e)) => Line::styled(e.clone(), t.bad),
        });
        if !p.portions.is_empty() {
            lines.push(Line::styled("Portions:", t.heading));
        }
        let used = lines.len();
        let room = (inner.height as usize).saturating_sub(used);
        let sel = p.portion.unwrap_or(0);
        let offset = frame::scroll_offset(sel, room);
        // Each portion as the text that logs it, then its weight once.
        let rows = p.labels.iter().zip(&p.portions).enumerate().skip(offset).take(room);
        for (i, (label, portion)) in rows {
            let style = if Some(i) == p.portion { t.selected } else { t.text };
            lines.push(Line::styled(format!("  {}", choice(label, portion)), style));
        }
        Paragraph::new(lines).wrap(Wrap { trim: false }).render(inner, buf);
    }
}
