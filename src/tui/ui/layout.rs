//! Where things are on the screen, worked out from the state and the screen's size alone:
//! the panes, the overlays' frames and the rows of the lists in them. Drawing places things
//! by these, and a click is found by them (src/tui/mouse.rs), so the two never disagree.

use ratatui::layout::{Constraint, Layout, Rect};

pub use super::frame::scroll_offset;
use super::{frame, gauges, help};
use crate::domain::{Food, Meal};
use crate::present::VitaminDUnit;
use crate::service::GapSuggestions;
use crate::tui::state::{AppState, Focus, SearchState};

/// Below this the full layout does not fit and a compact summary is drawn.
pub const FULL_MIN: (u16, u16) = (60, 16);
/// Below this only a "terminal too small" note is drawn.
pub const TINY: (u16, u16) = (20, 5);

/// The full layout's panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub header: Rect,
    pub gauges: Rect,
    pub log: Rect,
    pub trends: Rect,
    pub status: Rect,
}

/// The panes of the full layout, or None when the screen is too small for it.
pub fn panes(area: Rect, state: &AppState) -> Option<Panes> {
    if area.width < FULL_MIN.0 || area.height < FULL_MIN.1 {
        return None;
    }
    let [header, gauges, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gauges::height(state)),
        Constraint::Min(4),
        Constraint::Length(1),
    ])
    .areas(area);
    let [log, trends] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(body);
    Some(Panes { header, gauges, log, trends, status })
}

/// The frame of an overlay (the one `focus` stands for) when it is open.
pub fn overlay(area: Rect, state: &AppState, focus: Focus) -> Option<Rect> {
    Some(match focus {
        Focus::Log => return None,
        Focus::Supplements | Focus::Dose => inset(area, 4, 1),
        Focus::Cofactors => centered(area, 76, 16),
        Focus::Review | Focus::Labs | Focus::Symptoms | Focus::Suggest | Focus::Search => inset(area, 2, 1),
        Focus::Groups => centered(area, 44, 20),
        Focus::Move => centered(area, 44, 6),
        Focus::Meals => centered(area, 70, 14),
        Focus::Name => centered(area, 60, 6),
        Focus::Journal => centered(area, 70, 5),
        Focus::Amount => centered(area, 70, 16),
        Focus::Date => centered(area, 90, 5),
        Focus::Help => centered(area, 76, help::height(&state.keys)),
    })
}

/// Inside a bordered frame.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// The day log's lines above and among its entries: for each, the entry it shows (None for
/// the column heads, the notes when the day is empty and the meals' headings).
pub fn log_lines(state: &AppState) -> Vec<Option<usize>> {
    let mut lines = vec![None];
    if state.entries.is_empty() {
        lines.push(None);
        if state.keys.key_in(Focus::Log, "search").is_some() {
            lines.push(None);
        }
    }
    for meal in Meal::ALL {
        let mut of_meal = state.entries.iter().enumerate().filter(|(_, e)| e.meal == meal).peekable();
        if of_meal.peek().is_none() {
            continue;
        }
        lines.push(None);
        lines.extend(of_meal.map(|(i, _)| Some(i)));
    }
    lines
}

/// The log's line of the selected entry (0 when there is none).
pub fn selected_log_line(state: &AppState) -> usize {
    log_lines(state).iter().position(|l| *l == Some(state.selected)).unwrap_or(0)
}

/// The first log line shown in `room` rows: the one shown before (`log_top`) while the
/// selected entry is in view, else the fewest lines scrolled that bring it in (the top of the
/// log when it fits there). A click thus selects a row without the rows moving under it.
pub fn log_offset(state: &AppState, room: u16) -> usize {
    let (line, room, top) = (selected_log_line(state), usize::from(room), state.log_top);
    if line >= top + room {
        frame::scroll_offset(line, room)
    } else if line < top {
        if line < room {
            0
        } else {
            line
        }
    } else {
        top
    }
}

/// Keeps `log_top` in step with the selection, after every change of the state.
pub fn settle_log(state: &mut AppState) {
    if let Some(p) = panes(state.screen, state) {
        state.log_top = log_offset(state, inner(p.log).height);
    }
}

/// The entry shown at screen row `row`, if a row of the log is there.
pub fn log_entry_at(area: Rect, state: &AppState, col: u16, row: u16) -> Option<usize> {
    let log = inner(panes(area, state)?.log);
    if !log.contains((col, row).into()) {
        return None;
    }
    let line = log_offset(state, log.height) + usize::from(row - log.y);
    log_lines(state).get(line).copied().flatten()
}

/// The search list's rows: the screen row of its first, the first food shown, and how many
/// fit (the list sits under the field, a line of what is listed and the column heads, and
/// leaves room at the foot for the highlighted food's detail).
pub fn search_rows(inner: Rect, s: &SearchState, detail: usize) -> (u16, usize, usize) {
    const ABOVE: u16 = 3;
    let room = usize::from(inner.height).saturating_sub(usize::from(ABOVE) + detail);
    (inner.y + ABOVE, frame::scroll_offset(s.selected, room), room)
}

/// The lines the highlighted food's detail takes at the search's foot, inside a frame
/// `width` wide.
pub fn search_detail(f: &Food, width: u16) -> Vec<String> {
    super::search::detail_lines(f, usize::from(width))
}

/// The suggestions overlay's lines inside a frame `width` wide: for each, the suggestion it
/// shows (the headline, wrapped, and the column heads come first; a note follows a poor
/// calcium source).
pub fn suggest_lines(g: &GapSuggestions, width: u16, d: VitaminDUnit) -> Vec<Option<usize>> {
    let headline = super::suggest::headline(g, d).chars().count();
    let wide = usize::from(width.max(1));
    let mut lines = vec![None; headline.div_ceil(wide).max(1) + 1];
    for (k, s) in g.list.iter().enumerate() {
        lines.push(Some(k));
        let calcium = g.nutrient == crate::domain::Nutrient::Calcium;
        if calcium && crate::present::absorption::poor_source(&s.food.id, &s.food.name).is_some() {
            lines.push(None);
        }
    }
    lines
}

/// The row of a list starting at screen row `top` with `offset` rows scrolled off and `room`
/// shown, that screen row `row` is on.
/// The supplements overlay's lines, each with the product or dose it shows (index over the
/// products, then the doses): a heading, the products (or a line saying there are none), a
/// heading, the doses (or a line), one row each, as `ui::supplements` draws them (the mouse
/// tests hold the two together).
pub fn supplement_lines(products: usize, doses: usize) -> Vec<Option<usize>> {
    let mut out = vec![None];
    out.extend((0..products).map(Some));
    if products == 0 {
        out.push(None);
    }
    out.push(None);
    out.extend((products..products + doses).map(Some));
    out
}

pub fn list_row(top: u16, offset: usize, room: usize, row: u16) -> Option<usize> {
    let k = usize::from(row.checked_sub(top)?);
    (k < room).then_some(offset + k)
}

/// `area` shrunk by a margin on each side.
pub fn inset(area: Rect, dx: u16, dy: u16) -> Rect {
    Rect {
        x: area.x + dx.min(area.width / 4),
        y: area.y + dy.min(area.height / 4),
        width: area.width.saturating_sub(2 * dx.min(area.width / 4)),
        height: area.height.saturating_sub(2 * dy.min(area.height / 4)),
    }
}

/// A `w` x `h` rectangle centred in `area`, shrunk to fit.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}
