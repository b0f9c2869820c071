//! What every overlay shares: a cleared, bordered frame with a title and a key hint, and the
//! scroll offset that keeps a list's selected row in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme::Theme;

/// Clears `area`, draws the overlay's border, title and bottom key hint, and returns the
/// inside to draw into.
pub fn overlay<'a>(
    area: Rect,
    buf: &mut Buffer,
    t: &Theme,
    title: impl Into<Line<'a>>,
    hint: impl Into<String>,
) -> Rect {
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent)
        .title(title)
        .title_bottom(Span::styled(hint.into(), t.dim));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// " (Tab)": a key named after a title or a label, or nothing when the action is unbound.
pub fn aside(key: Option<String>) -> String {
    key.map_or_else(String::new, |k| format!(" ({k})"))
}

/// The first row to show so that row `selected` fits in `room` rows.
pub fn scroll_offset(selected: usize, room: usize) -> usize {
    if selected >= room {
        selected + 1 - room
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selected_row_stays_in_view() {
        assert_eq!(scroll_offset(0, 5), 0);
        assert_eq!(scroll_offset(4, 5), 0);
        assert_eq!(scroll_offset(5, 5), 1);
        assert_eq!(scroll_offset(3, 0), 4);
    }
}
