//! The review overlay: `present::review`'s rows and sentences for the week or the 30 days, as
//! `marrow review` prints them. Narrow, one block per nutrient; wide (120 columns), the
//! summary as a table with a column per nutrient. Long sentences wrap; the whole scrolls.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::frame;
use super::log::cell;
use super::theme::Theme;
use crate::present::review as words;
use crate::present::{unit, VitaminDUnit};
use crate::service::review::Review;
use crate::tui::keymap::Keymap;
use crate::tui::review::month;
use crate::tui::state::{Focus, ReviewOverlay as State};

/// The label column of the wide table, and the narrowest a nutrient column may be there.
const LABEL_W: usize = 36;
const COLUMN_W: usize = 24;
/// The inside width the lines are counted at for scrolling: an 80-column terminal's.
pub const NARROW: usize = 74;

pub struct ReviewOverlay<'a> {
    pub overlay: &'a State,
    pub keys: &'a Keymap,
    pub theme: &'a Theme,
    pub d: VitaminDUnit,
}

/// `text` broken at spaces into lines of at most `width` columns, later lines indented by
/// `indent`.
pub(super) fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let width = width.max(indent + 8);
    let body = text.trim_start_matches(' ');
    let mut out: Vec<String> = Vec::new();
    let mut line = " ".repeat(text.len() - body.len());
    for word in body.split(' ') {
        let room = if out.is_empty() { width } else { width - indent };
        if !line.trim_start().is_empty() && line.width() + 1 + word.width() > room {
            out.push(std::mem::take(&mut line));
        }
        if !line.trim_start().is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push(line);
    let pad = " ".repeat(indent);
    out.into_iter().enumerate().map(|(i, l)| if i == 0 { l } else { format!("{pad}{l}") }).collect()
}

/// Every line of the review at `width` columns, each with what it is (for its style).
pub fn lines(r: &Review, d: VitaminDUnit, width: usize) -> Vec<(Kind, String)> {
    let mut out = Vec::new();
    let mut say = |kind: Kind, text: &str, indent: usize| {
        out.extend(wrap(text, width, indent).into_iter().map(|l| (kind, l)));
    };
    say(Kind::Heading, &format!("Review of {}.", words::period_name(r)), 0);
    let prev = r.previous.period;
    say(
        Kind::Dim,
        &format!("Compared with the {} days before: {} to {}.", prev.len(), prev.first, prev.last),
        0,
    );
    for l in words::completeness_lines(r) {
        say(Kind::Dim, &l, 2);
    }
    if r.stats.coverage.logged > 0 {
        let rows = words::summary_rows(r, d);
        let wide = width >= LABEL_W + 3 * COLUMN_W;
        if wide {
            let col = (width - LABEL_W) / 3;
            let row = |cells: &[String]| {
                let mut s = cell(&cells[0], LABEL_W);
                for c in &cells[1..] {
                    s.push_str(&format!("{:>col$}", cell(c, col - 1)));
                }
                s
            };
            say(Kind::Heading, &row(&words::summary_header(d)), 0);
            for cells in &rows {
                say(Kind::Text, &row(cells), 0);
            }
        }
        for (i, nr) in r.nutrients.iter().enumerate() {
            let n = nr.nutrient;
            if !wide {
                say(Kind::Heading, &format!("{} ({})", n.info().name, unit(n, d)), 0);
                for cells in &rows {
                    say(Kind::Text, &format!("  {}: {}", cells[0], cells[i + 1]), 4);
                }
            }
            let foods: Vec<String> = words::food_rows(nr, d)
                .into_iter()
                .map(|[name, a, share]| format!("{name} {a} ({share})"))
                .collect();
            if !foods.is_empty() {
                let head =
                    if wide { format!("{} foods", n.info().short) } else { "  foods that gave most".into() };
                say(Kind::Text, &format!("{head}: {}", foods.join("; ")), 4);
            }
        }
        if let Some(l) = words::ratio_line(r) {
            say(Kind::Text, &l, 2);
        }
        if let Some((head, foods)) = words::shortfall_lines(r, d) {
            say(Kind::Accent, &head, 2);
            for f in foods {
                say(Kind::Text, &format!("  {f}"), 4);
            }
        }
    }
    let doses = words::dose_rows(r, d);
    if !doses.is_empty() {
        say(Kind::Heading, "Supplements", 0);
        for [name, form, count, each, total] in doses {
            let form = if form == "-" { String::new() } else { format!(" ({form})") };
            say(Kind::Text, &format!("  {name}{form}: {count}, {each} each, {total} in all"), 4);
        }
    }
    let warnings = words::warning_lines(r, d);
    if !warnings.is_empty() {
        say(Kind::Heading, "Warnings", 0);
        for w in warnings {
            say(Kind::Warn, &format!("  {w}"), 4);
        }
    }
    say(Kind::Dim, words::NOT_ADVICE, 0);
    out
}

/// What a line of the review is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Heading,
    Text,
    Dim,
    Accent,
    Warn,
}

impl Kind {
    pub(super) fn style(self, t: &Theme) -> Style {
        match self {
            Kind::Heading => t.heading,
            Kind::Text => t.text,
            Kind::Dim => t.dim,
            Kind::Accent => t.accent,
            Kind::Warn => t.warn,
        }
    }
}

impl Widget for ReviewOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (o, t, d) = (self.overlay, self.theme, self.d);
        let mut tabs = vec![Span::styled(" Review: ", t.title)];
        for (label, on) in [("week", !month(o)), ("30 days", month(o))] {
            tabs.push(Span::styled(format!(" {label} "), if on { t.selected } else { t.dim }));
        }
        let key = self.keys.key_in(Focus::Review, "period");
        tabs.push(Span::styled(format!("{} ", frame::aside(key)), t.dim));
        let inner = frame::overlay(area, buf, t, Line::from(tabs), self.keys.review_hint());
        let Some(r) = &o.found else {
            Paragraph::new(Line::styled("Reading the diary…", t.dim)).render(inner, buf);
            return;
        };
        scrolled(&lines(r, d, inner.width as usize), o.scroll, inner, buf, t);
    }
}

/// Draws `all` from line `scroll` on (held so the last page stays full), the last row saying
/// how many lines are below when some are.
pub(super) fn scrolled(all: &[(Kind, String)], scroll: usize, inner: Rect, buf: &mut Buffer, t: &Theme) {
    let room = inner.height as usize;
    if room == 0 {
        return;
    }
    let top = scroll.min(all.len().saturating_sub(room));
    let below = all.len().saturating_sub(top + room);
    let mut shown: Vec<Line> =
        all.iter().skip(top).take(room).map(|(k, s)| Line::styled(s.clone(), k.style(t))).collect();
    if below > 0 {
        if let Some(last) = shown.last_mut() {
            *last = Line::styled(format!("↓ {below} more lines"), t.dim);
        }
    }
    Paragraph::new(shown).render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn long_lines_wrap_at_spaces_with_an_indent() {
        let w = wrap("one two three four five six", 10, 2);
        assert_eq!(w, vec!["one two", "  three", "  four", "  five six"]);
        assert!(w.iter().all(|l| l.chars().count() <= 10));
        assert_eq!(wrap("  kept indent", 40, 4), vec!["  kept indent"]);
    }
}
