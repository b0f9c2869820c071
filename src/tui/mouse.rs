//! The mouse: a press of the left button, the wheel and the terminal's size become Actions
//! (`action`), and `click` and `wheel` apply them. A click is found in the layout drawing
//! uses (ui/layout.rs), measured on the size last drawn: it selects the row under it (a log
//! entry, a food in the search, a suggestion, a row of a picker), and outside the top overlay
//! it closes that overlay. The wheel moves the selection of the log or of the open list.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::app;
use super::effect::Effect;
use super::state::{AppState, Focus};
use super::ui::layout;
use crate::domain::Meal;

/// The Action a mouse event stands for: a left press, or the wheel (other buttons, releases,
/// drags and moves do nothing).
pub fn action(event: MouseEvent) -> Option<Action> {
    let (col, row) = (event.column, event.row);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { col, row }),
        MouseEventKind::ScrollDown => Some(Action::Wheel { down: true }),
        MouseEventKind::ScrollUp => Some(Action::Wheel { down: false }),
        _ => None,
    }
}

/// The wheel: the next or previous row of the log or of the open overlay's list.
pub fn wheel(state: &mut AppState, down: bool) -> Vec<Effect> {
    let action = match (state.focus(), down) {
        (Focus::Log, true) => Action::SelectNext,
        (Focus::Log, false) => Action::SelectPrev,
        (_, true) => Action::ListDown,
        (_, false) => Action::ListUp,
    };
    app::update(state, action)
}

/// A left click at (`col`, `row`).
pub fn click(state: &mut AppState, col: u16, row: u16) -> Vec<Effect> {
    let area = state.screen;
    let focus = state.focus();
    let Some(frame) = layout::overlay(area, state, focus) else {
        if let Some(i) = layout::log_entry_at(area, state, col, row) {
            state.selected = i;
        }
        return vec![];
    };
    if !frame.contains((col, row).into()) {
        return app::update(state, Action::Close);
    }
    let inner = layout::inner(frame);
    match focus {
        Focus::Search => search_row(state, inner, row),
        Focus::Suggest => suggest_row(state, inner, row),
        Focus::Groups => {
            if let Some(g) = state.groups.as_mut() {
                let room = usize::from(inner.height);
                let offset = layout::scroll_offset(g.selected, room);
                if let Some(k) = layout::list_row(inner.y, offset, room, row).filter(|k| *k <= g.groups.len())
                {
                    g.selected = k;
                }
            }
        }
        Focus::Supplements => {
            let doses = state.supplements.len();
            if let Some(o) = state.pills.as_mut() {
                let lines = layout::supplement_lines(o.products.len(), doses);
                let at_selected = lines.iter().position(|l| *l == Some(o.selected)).unwrap_or(0);
                let offset = layout::scroll_offset(at_selected, usize::from(inner.height));
                let line = row.checked_sub(inner.y).map(|r| usize::from(r) + offset);
                if let Some(Some(k)) = line.and_then(|l| lines.get(l)) {
                    o.selected = *k;
                }
            }
        }
        Focus::Meals => {
            if let Some(m) = state.meals.as_mut() {
                let count = m.choices.as_ref().map_or(0, Vec::len);
                let room = usize::from(inner.height);
                let offset = layout::scroll_offset(m.selected, room);
                if let Some(k) = layout::list_row(inner.y, offset, room, row).filter(|k| *k < count) {
                    m.selected = k;
                }
            }
        }
        Focus::Move => {
            if let Some(m) = state.moving.as_mut() {
                let k = layout::list_row(inner.y, 0, Meal::ALL.len(), row);
                if let Some(meal) = k.and_then(|k| Meal::ALL.get(k)) {
                    m.selected = *meal;
                }
            }
        }
        _ => {}
    }
    vec![]
}

fn search_row(state: &mut AppState, inner: Rect, row: u16) {
    let Some(s) = state.search.as_mut() else { return };
    let detail = s.selected_food().map_or(0, |f| layout::search_detail(f, inner.width).len());
    let (top, offset, room) = layout::search_rows(inner, s, detail);
    if let Some(k) = layout::list_row(top, offset, room, row).filter(|k| *k < s.len()) {
        s.selected = k;
        s.pending = None;
    }
}

/// The suggestion on a row: under the headline and the column heads, one row each, with a
/// note under a poor calcium source.
fn suggest_row(state: &mut AppState, inner: Rect, row: u16) {
    let d = crate::present::vitamin_d_unit(state.vitamin_d_iu);
    let Some(o) = state.suggest.as_mut() else { return };
    let Some(g) = &o.found else { return };
    let Some(at) = row.checked_sub(inner.y) else { return };
    let lines = layout::suggest_lines(g, inner.width, d);
    if let Some(Some(k)) = lines.get(usize::from(at)) {
        o.selected = *k;
    }
}
