//! The note and symptom prompt, the day's notes and scores under the log, and the symptom
//! view: each symptom day beside the nutrient, then the comparison with its caveat.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::frame;
use super::log::cell;
use super::theme::Theme;
use crate::present::{safe, symptoms as words, VitaminDUnit};
use crate::tui::journal::{JournalPrompt, Kind, SymptomOverlay};
use crate::tui::keymap::Keymap;
use crate::tui::state::AppState;

/// The day's notes and symptom scores, as lines for the log pane.
pub fn day_lines<'a>(s: &AppState, t: &Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    if !s.symptoms.is_empty() {
        let scores: Vec<String> = s.symptoms.iter().map(words::symptom).collect();
        lines.push(Line::styled("Symptoms", t.heading));
        lines.push(Line::styled(format!("  {}", scores.join(" · ")), t.text));
    }
    if !s.notes.is_empty() {
        lines.push(Line::styled("Notes", t.heading));
        lines.extend(s.notes.iter().map(|n| Line::styled(format!("  {}", safe(&n.text)), t.text)));
    }
    lines
}

pub struct JournalOverlay<'a> {
    pub prompt: &'a JournalPrompt,
    pub keys: &'a Keymap,
    pub theme: &'a Theme,
}

impl Widget for JournalOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (p, t) = (self.prompt, self.theme);
        let symptom = p.kind == Kind::Symptom;
        let what = if symptom { "Score a symptom" } else { "Add a note" };
        let title = format!(" {what} on {} ", p.date.format("%a %-d %b"));
        let inner =
            frame::overlay(area, buf, t, Span::styled(title, t.title), self.keys.journal_hint(symptom));
        let mut field = vec![Span::styled(if symptom { "Symptom and score: " } else { "Note: " }, t.heading)];
        field.extend(super::field::spans(&p.input, t));
        let help = if symptom {
            format!("e.g. cramps 6 (0 none, 10 worst): {}, or any name", words::offered())
        } else {
            "One line; it shows under the day's log.".to_string()
        };
        Paragraph::new(vec![Line::from(field), Line::styled(help, t.dim)])
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}

pub struct SymptomsOverlay<'a> {
    pub overlay: &'a SymptomOverlay,
    pub keys: &'a Keymap,
    pub theme: &'a Theme,
    pub d: VitaminDUnit,
}

impl Widget for SymptomsOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (o, t) = (self.overlay, self.theme);
        let title = match &o.view {
            Some(v) => format!(" {} beside {} ", safe(&v.name), v.nutrient.info().name),
            None => " Symptoms ".to_string(),
        };
        let inner = frame::overlay(area, buf, t, Span::styled(title, t.title), self.keys.symptoms_hint());
        let Some(v) = &o.view else {
            let text = if o.names.is_empty() { "No symptom scored yet." } else { "Loading…" };
            Paragraph::new(Line::styled(text, t.dim)).render(inner, buf);
            return;
        };
        let w = inner.width as usize;
        let widths = [10, 8, 10, 10, w.saturating_sub(42)];
        let row = |cells: &[String]| {
            cells.iter().zip(widths).map(|(c, w)| cell(c, w)).collect::<Vec<_>>().join(" ")
        };
        let mut lines = vec![Line::styled(row(&words::heads(v)), t.dim)];
        // The comparison and its caveat take the bottom; the days scroll above them.
        let mut tail: Vec<Line> = vec![Line::raw("")];
        match &v.comparison {
            Some(c) if c.comparable() => {
                tail.extend(words::comparison(v, c).into_iter().map(|l| Line::styled(l, t.heading)));
                tail.push(Line::styled(words::CAVEAT, t.dim));
            }
            _ => tail.push(Line::styled(words::no_comparison(v), t.dim)),
        }
        let tail_height: usize = tail.iter().map(|l| l.width().div_ceil(w.max(1)).max(1)).sum();
        let room = (inner.height as usize).saturating_sub(1 + tail_height);
        lines.extend(
            v.days
                .iter()
                .skip(o.scroll.min(v.days.len().saturating_sub(room)))
                .take(room)
                .map(|day| Line::styled(row(&words::day_cells(v, day, self.d)), t.text)),
        );
        lines.extend(tail);
        Paragraph::new(lines).wrap(Wrap { trim: false }).render(inner, buf);
    }
}
