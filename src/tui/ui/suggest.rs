//! The suggestions overlay: the day's gap in magnesium, calcium or vitamin D and the foods
//! `report::gap_suggestions` found to close it, with the portion and what it adds.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::frame;
use super::log::cell;
use super::theme::Theme;
use crate::domain::day::BONE_NUTRIENTS;
use crate::present::{self, absorption, VitaminDUnit};
use crate::service::GapSuggestions;
use crate::tui::keymap::Keymap;
use crate::tui::state::{Focus, SuggestOverlay as State};

pub struct SuggestOverlay<'a> {
    pub overlay: &'a State,
    pub keys: &'a Keymap,
    pub theme: &'a Theme,
    pub d: VitaminDUnit,
}

/// "Magnesium on Wed 25 Nov: 169.3 of 320 mg so far, 150.7 mg to go", as `marrow suggest`.
pub fn headline(g: &GapSuggestions, d: VitaminDUnit) -> String {
    let day = g.date.format("%a %-d %b").to_string();
    present::gap_headline(g.nutrient, &day, g.total, g.target, g.gap, d)
}

impl Widget for SuggestOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (o, t, d) = (self.overlay, self.theme, self.d);
        let mut tabs = vec![Span::styled(" Close the gap: ", t.title)];
        for n in BONE_NUTRIENTS {
            let style = if n == o.nutrient { t.selected } else { t.dim };
            tabs.push(Span::styled(format!(" {} ", n.info().short), style));
        }
        let next = self.keys.key_in(Focus::Suggest, "next_nutrient");
        tabs.push(Span::styled(format!("{} ", frame::aside(next)), t.dim));
        let inner = frame::overlay(area, buf, t, Line::from(tabs), self.keys.suggest_hint());
        let Some(g) = &o.found else {
            Paragraph::new(Line::styled("Weighing foods…", t.dim)).render(inner, buf);
            return;
        };
        let w = inner.width as usize;
        let (portion_w, adds_w, kcal_w, yours_w) = (18, 12, 9, 6);
        let name_w = w.saturating_sub(2 + portion_w + adds_w + kcal_w + yours_w + 3);
        let mut lines = vec![
            Line::styled(headline(g, d), t.heading),
            Line::styled(
                format!(
                    "  {} {} {:>adds_w$} {:>kcal_w$}",
                    cell("Food", name_w),
                    cell("one serving", portion_w),
                    "adds",
                    "/100 kcal"
                ),
                t.dim,
            ),
        ];
        if g.list.is_empty() {
            lines.push(Line::styled("  No food in the catalog adds any.", t.dim));
        }
        for (k, s) in g.list.iter().enumerate() {
            let adds = format!("+{}", present::fixed(g.nutrient, Some(s.adds), d));
            let kcal =
                s.per_100kcal.map_or_else(|| "-".to_string(), |v| present::figure_short(g.nutrient, v, d));
            let text = format!(
                "{}{} {} {:>adds_w$} {:>kcal_w$} {}",
                if k == o.selected { "▶ " } else { "  " },
                cell(&s.food.name, name_w),
                cell(&s.portion, portion_w),
                adds,
                kcal,
                if s.yours { "yours" } else { "" }
            );
            lines.push(Line::styled(text, if k == o.selected { t.selected } else { t.text }));
            let calcium = g.nutrient == crate::domain::Nutrient::Calcium;
            if let Some(note) = absorption::poor_source(&s.food.id, &s.food.name).filter(|_| calcium) {
                lines.push(Line::styled(format!("    {note}"), t.warn));
            }
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "Your own frequent foods first, then everyday foods by what one ordinary serving adds \
             (USDA's NLEA serving, else the portion nearest FDA's reference amount, 21 CFR 101.12).",
            t.dim,
        ));
        Paragraph::new(lines).wrap(Wrap { trim: false }).render(inner, buf);
    }
}
