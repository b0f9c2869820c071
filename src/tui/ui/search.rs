//! The search overlay (live results as you type, or browsing by nutrient and group when the
//! query is empty) and the pickers that sit on it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::log::cell;
use super::theme::Theme;
use super::{field, frame};
use crate::domain::browse::Basis;
use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::{Meal, Nutrient};
use crate::present::{self, form_note, mark, VitaminDUnit, NOT_AS_EATEN_SHORT};
use crate::tui::keymap::Keymap;
use crate::tui::state::{Focus, GroupPicker, MovePicker, SearchState};

pub struct SearchOverlay<'a> {
    pub search: &'a SearchState,
    pub meal: Meal,
    pub keys: &'a Keymap,
    pub theme: &'a Theme,
    pub d: VitaminDUnit,
}

impl Widget for SearchOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t) = (self.search, self.theme);
        let inner = frame::overlay(
            area,
            buf,
            t,
            Span::styled(
                format!(
                    " Add food · to {}{} ",
                    self.meal,
                    frame::aside(self.keys.key_in(Focus::Search, "meal"))
                ),
                t.title,
            ),
            self.keys.search_hint(),
        );
        let w = inner.width as usize;
        let mut search = vec![Span::styled("Search: ", t.heading)];
        search.extend(field::spans(&s.query, t));
        let mut lines = vec![Line::from(search)];
        // Browse values follow the chosen basis; search results are always per 100 g.
        let basis = if s.browsing() { s.basis } else { Basis::Per100g };
        if s.browsing() {
            let recent = if s.showing_recent() { "Your recent foods, then" } else { "Browsing:" };
            lines.push(Line::styled(
                format!(
                    "{recent} richest in {} {}{} · group: {}",
                    s.sort.info().short,
                    basis.label(),
                    frame::aside(self.keys.all_keys(Focus::Search, "basis")),
                    s.group.as_deref().unwrap_or("all")
                ),
                t.dim,
            ));
        } else {
            lines.push(Line::styled(
                format!("{} results · per 100 g, ? = unknown, {NOT_AS_EATEN_SHORT}", s.results.len()),
                t.dim,
            ));
        }
        let group_w = (w / 4).min(24);
        let name_w = w.saturating_sub(group_w + 3 * 7 + 3);
        lines.push(Line::styled(
            format!(
                "  {} {}{:>7}{:>7}{:>7}",
                cell("Food", name_w),
                // Per serving, the serving each row is measured on stands where the group was.
                cell(if basis == Basis::Serving { "One serving" } else { "Group" }, group_w),
                present::column_head(Nutrient::Magnesium, self.d),
                present::column_head(Nutrient::Calcium, self.d),
                present::column_head(Nutrient::VitaminD, self.d)
            ),
            t.dim,
        ));
        if s.results.is_empty() && !s.browsing() {
            lines.push(Line::styled("  No food matches: try fewer or other words", t.dim));
        }
        // The highlighted food's full name and group, never cut, so that two foods whose
        // names begin alike are told apart before Enter.
        let detail = s.items().nth(s.selected).map(|(f, _)| detail_lines(f, w)).unwrap_or_default();
        // Where clicks find the rows (layout.rs): the lines above are always three.
        let (_, offset, room) = super::layout::search_rows(inner, s, detail.len());
        for (i, (f, recent)) in s.items().enumerate().skip(offset).take(room) {
            let group = match (recent, basis) {
                (true, _) => "recent".to_string(),
                (false, Basis::Serving) => f.serving().label(),
                (false, _) => f.group.clone(),
            };
            let marked = mark(f);
            let not_yet = marked != " ";
            let mut text = format!(
                "{}{}{} {}",
                if i == s.selected { "▶" } else { " " },
                marked,
                cell(&f.name, name_w),
                cell(&group, group_w)
            );
            for n in BONE_NUTRIENTS {
                text.push_str(&present::figure_within(n, basis.value(f, n), self.d, 7));
            }
            let style = match (i == s.selected, recent, not_yet) {
                (true, _, _) => t.selected,
                (false, true, _) => t.accent,
                (false, false, true) => t.dim,
                (false, false, false) => t.text,
            };
            lines.push(Line::styled(text, style));
        }
        // The list leaves room for the detail at the foot of the overlay.
        let used = lines.len();
        lines.extend((used..(inner.height as usize).saturating_sub(detail.len())).map(|_| Line::raw("")));
        lines.extend(detail.into_iter().map(|d| Line::styled(d, t.heading)));
        Paragraph::new(lines).render(inner, buf);
    }
}

/// "Rice, brown, long-grain, raw · Cereal Grains and Pasta · * raw or dry: usually eaten
/// cooked", wrapped to the width (two lines at most; the name is never cut before the second).
pub fn detail_lines(f: &crate::domain::Food, width: usize) -> Vec<String> {
    let mut text = format!("{} · {}", f.name, f.group);
    if let Some(note) = form_note(f) {
        text.push_str(&format!(" · {note}"));
    }
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push(line);
    if out.len() > 2 {
        let rest = out.split_off(1).join(" ");
        out.push(cell(&rest, width));
    }
    out
}

pub struct GroupOverlay<'a> {
    pub picker: &'a GroupPicker,
    pub keys: &'a Keymap,
    pub theme: &'a Theme,
}

impl Widget for GroupOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let inner =
            frame::overlay(area, buf, t, Span::styled(" Food group ", t.title), self.keys.groups_hint());
        let names: Vec<&str> =
            std::iter::once("All groups").chain(self.picker.groups.iter().map(String::as_str)).collect();
        let room = inner.height as usize;
        let sel = self.picker.selected;
        let offset = frame::scroll_offset(sel, room);
        let lines: Vec<Line> = names
            .iter()
            .enumerate()
            .skip(offset)
            .take(room)
            .map(|(i, n)| Line::styled(format!(" {n}"), if i == sel { t.selected } else { t.text }))
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}

pub struct MoveOverlay<'a> {
    pub picker: &'a MovePicker,
    pub keys: &'a Keymap,
    pub theme: &'a Theme,
}

impl Widget for MoveOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let inner = frame::overlay(
            area,
            buf,
            t,
            Span::styled(format!(" Move {} to ", self.picker.entry.food_name), t.title),
            self.keys.move_hint(),
        );
        let lines: Vec<Line> = Meal::ALL
            .iter()
            .map(|m| {
                let now = if *m == self.picker.entry.meal { " (now)" } else { "" };
                let style = if *m == self.picker.selected { t.selected } else { t.text };
                Line::styled(format!(" {}{now}", super::log::capital(m.as_str())), style)
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}
