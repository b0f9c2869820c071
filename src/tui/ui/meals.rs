//! The meal overlays: naming the selected entry's meal to save it, and picking a saved meal
//! to log to the current meal of the shown day.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::frame;
use super::log::cell;
use super::theme::Theme;
use crate::present::plural;
use crate::tui::keymap::Keymap;
use crate::tui::state::{Focus, MealPicker, NamePrompt};

pub struct NameOverlay<'a> {
    pub prompt: &'a NamePrompt,
    pub keys: &'a Keymap,
    pub theme: &'a Theme,
}

impl Widget for NameOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (p, t) = (self.prompt, self.theme);
        let foods = plural(p.items.len(), "food", "foods");
        let what = if p.recipe { "a recipe, 1 serving" } else { "a meal" };
        let inner = frame::overlay(
            area,
            buf,
            t,
            Span::styled(
                format!(" Save {} of {} as {what} ({foods}) ", p.meal, p.date.format("%a %-d %b")),
                t.title,
            ),
            self.keys.name_hint(),
        );
        let mut field = vec![Span::styled("Name: ", t.heading)];
        field.extend(super::field::spans(&p.input, t));
        if p.input.is_empty() {
            field.push(Span::styled("  e.g. usual breakfast", t.dim));
        }
        let logs = self.keys.say(Focus::Log, "saved_meals", " logs saved meals.");
        let replaced = if p.recipe {
            "A name a recipe has is refused."
        } else {
            "A saved meal of that name is replaced."
        };
        let note = [replaced.to_string()].into_iter().chain(logs.filter(|_| !p.recipe));
        let lines = vec![Line::from(field), Line::styled(note.collect::<Vec<_>>().join(" "), t.dim)];
        Paragraph::new(lines).render(inner, buf);
    }
}

pub struct MealOverlay<'a> {
    pub picker: &'a MealPicker,
    /// "lunch on Wed 25 Nov".
    pub target: String,
    pub keys: &'a Keymap,
    pub theme: &'a Theme,
}

impl Widget for MealOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (p, t) = (self.picker, self.theme);
        let inner = frame::overlay(
            area,
            buf,
            t,
            Span::styled(
                format!(
                    " Log a saved meal to {}{} ",
                    self.target,
                    frame::aside(self.keys.key_in(Focus::Meals, "meal"))
                ),
                t.title,
            ),
            self.keys.meals_hint(),
        );
        let Some(choices) = &p.choices else {
            Paragraph::new(Line::styled("Loading…", t.dim)).render(inner, buf);
            return;
        };
        if choices.is_empty() {
            let mut lines = vec![Line::styled("No saved meals yet.", t.dim)];
            if let Some(s) =
                self.keys.say(Focus::Log, "save_meal", " saves the selected entry's meal under a name.")
            {
                lines.push(Line::styled(format!("In the log, {s}"), t.dim));
            }
            Paragraph::new(lines).render(inner, buf);
            return;
        }
        let w = inner.width as usize;
        let name_w = (w / 3).min(24);
        let room = inner.height as usize;
        let offset = frame::scroll_offset(p.selected, room);
        let lines: Vec<Line> = choices
            .iter()
            .enumerate()
            .skip(offset)
            .take(room)
            .map(|(i, c)| {
                let items: Vec<String> =
                    c.meal.items.iter().zip(&c.names).map(|((_, q), name)| format!("{q} {name}")).collect();
                let text = format!(
                    "{}{} {}",
                    if i == p.selected { "▶ " } else { "  " },
                    cell(&c.meal.name, name_w),
                    cell(&items.join("; "), w.saturating_sub(name_w + 3))
                );
                Line::styled(text, if i == p.selected { t.selected } else { t.text })
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}
