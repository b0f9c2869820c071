//! The bone co-factor overlay: present::cofactors' lines for the shown day (protein, vitamin
//! K1, sodium, each with its source), wrapped to the overlay's width, and its closing note.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::frame;
use super::theme::Theme;
use crate::domain::cofactors::Cofactors;
use crate::present::{self, VitaminDUnit};
use crate::tui::state::AppState;

pub struct CofactorsOverlay<'a> {
    pub state: &'a AppState,
    pub theme: &'a Theme,
    pub d: VitaminDUnit,
}

impl Widget for CofactorsOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t) = (self.state, self.theme);
        let title = Line::from(vec![
            Span::styled(format!(" {} ", present::cofactors::TITLE), t.title),
            Span::styled(format!(" {} ", s.date.format("%a %-d %b %Y")), t.accent),
        ]);
        let inner = frame::overlay(area, buf, t, title, s.keys.cofactors_hint());
        let panel = Cofactors::of(&s.summary, &s.profile);
        let mut lines: Vec<Line> = Vec::new();
        for l in present::cofactors::lines(&panel, self.d) {
            let style = if l.starts_with(' ') { t.dim } else { t.text };
            lines.push(Line::styled(l, style));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(present::cofactors::NOTE, t.dim));
        Paragraph::new(lines).wrap(Wrap { trim: false }).render(inner, buf);
    }
}
