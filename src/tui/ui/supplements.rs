//! The supplements overlay: saved products (Enter logs one to the shown day), the day's doses
//! (`d` removes one), the add form, and the day's warnings in full.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::frame;
use super::gauges::warning_style;
use super::log::cell;
use super::theme::Theme;
use crate::domain::Nutrient;
use crate::present::{self, VitaminDUnit, NOT_ADVICE};
use crate::tui::keymap::Keymap;
use crate::tui::state::{AppState, DoseForm, Focus, SupplementOverlay};

pub struct SupplementsOverlay<'a> {
    pub overlay: &'a SupplementOverlay,
    pub state: &'a AppState,
    pub theme: &'a Theme,
}

/// " · Enter logs one": a heading's note about a key, or nothing when the action is unbound.
fn note(keys: &Keymap, focus: Focus, name: &str, rest: &str) -> String {
    keys.say(focus, name, rest).map_or_else(String::new, |s| format!(" · {s}"))
}

/// The add form's lines: the nutrient and amount fields, then what the amount reads as.
fn form_lines<'a>(f: &DoseForm, day: &str, keys: &Keymap, t: &Theme, d: VitaminDUnit) -> Vec<Line<'a>> {
    let i = f.nutrient.info();
    let mut field = vec![
        Span::styled("  Nutrient: ", t.heading),
        Span::styled(format!(" {} ", i.name), t.selected),
        Span::styled(
            format!("{}  Amount: ", frame::aside(keys.key_in(Focus::Dose, "next_nutrient"))),
            t.heading,
        ),
    ];
    field.extend(super::field::spans(&f.input, t));
    if f.input.is_empty() {
        field.push(Span::styled(format!("  e.g. {}", present::dose_example(f.nutrient, d)), t.dim));
    }
    vec![
        Line::styled(format!("Add a dose to {day}"), t.heading),
        Line::from(field),
        match &f.preview {
            None => Line::styled("  elemental amount, as the label gives it", t.dim),
            Some(Ok(v)) => Line::styled(
                format!("  = {} {}", present::amount(f.nutrient, *v, d), i.name.to_lowercase()),
                t.good,
            ),
            Some(Err(e)) => Line::styled(format!("  {e}"), t.bad),
        },
    ]
}

impl Widget for SupplementsOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (o, s, t) = (self.overlay, self.state, self.theme);
        let d = super::vitamin_d(s);
        let day = s.date.format("%a %-d %b").to_string();
        let keys = s.keys.supplements_hint(o.form.is_some());
        let inner =
            frame::overlay(area, buf, t, Span::styled(format!(" Supplements · {day} "), t.title), keys);
        let w = inner.width as usize;
        let name_w = (w / 3).min(28);
        let row = |i: usize, text: String| {
            let style = if i == o.selected && o.form.is_none() { t.selected } else { t.text };
            Line::styled(
                format!("{}{}", if i == o.selected { "▶ " } else { "  " }, cell(&text, w.saturating_sub(2))),
                style,
            )
        };
        let logs = note(&s.keys, Focus::Supplements, "confirm", &format!(" logs one to {day}"));
        let mut lines = vec![Line::styled(format!("Saved products{logs}"), t.heading)];
        let mut selected_line = 0;
        if o.products.is_empty() {
            // One row, never wrapped, so that rows fall where `layout::supplement_lines` says.
            let none = "  none yet: `marrow supplement add magnesium \"200 mg\" --save NAME` saves one";
            lines.push(Line::styled(cell(none, w), t.dim));
        }
        for (i, p) in o.products.iter().enumerate() {
            if i == o.selected {
                selected_line = lines.len();
            }
            lines.push(row(
                i,
                format!(
                    "{} {}",
                    cell(&p.name, name_w),
                    present::dose(p.nutrient, p.amount, p.form.as_deref(), d)
                ),
            ));
        }
        let removes = note(&s.keys, Focus::Supplements, "remove", " removes one");
        lines.push(Line::styled(format!("Doses on {day}{removes}"), t.heading));
        if s.supplements.is_empty() {
            let adds = s
                .keys
                .say(Focus::Supplements, "add", " adds one")
                .map_or_else(String::new, |a| format!(": {a}"));
            lines.push(Line::styled(format!("  none yet{adds}"), t.dim));
        }
        for (j, dose) in s.supplements.iter().enumerate() {
            let i = o.products.len() + j;
            if i == o.selected {
                selected_line = lines.len();
            }
            let time = dose.time.map_or_else(|| "     ".to_string(), |x| x.format("%H:%M").to_string());
            lines.push(row(
                i,
                format!("{time}  {}", present::dose(dose.nutrient, dose.amount, dose.form.as_deref(), d)),
            ));
        }
        let summary = &s.summary;
        let mg = summary.supplemental[Nutrient::Magnesium.index()];
        if let Some(ul) = summary.ul.get(Nutrient::Magnesium).filter(|_| mg > 0.0) {
            lines.push(Line::styled(
                format!(
                    "Supplemental magnesium {}; its own upper limit is {} (food does not count)",
                    present::amount(Nutrient::Magnesium, mg, d),
                    present::amount(Nutrient::Magnesium, ul, d)
                ),
                t.dim,
            ));
        }
        if let Some(f) = &o.form {
            lines.extend(form_lines(f, &day, &s.keys, t, d));
        }
        if !s.warnings.is_empty() {
            lines.push(Line::styled("Warnings", t.heading));
            for warning in &s.warnings {
                let text = present::message(warning, d);
                lines.push(Line::styled(format!("! {text}"), warning_style(warning, t)));
            }
            lines.push(Line::styled(NOT_ADVICE, t.dim));
        }
        let height = inner.height as usize;
        let offset = frame::scroll_offset(selected_line, height);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((offset.min(u16::MAX as usize) as u16, 0))
            .render(inner, buf);
    }
}
