//! A text field drawn with its cursor where it is: a block after the text at its end, the
//! character under it reversed anywhere else.

use ratatui::style::Modifier;
use ratatui::text::Span;

use super::theme::Theme;
use crate::tui::text::TextField;

/// The field's spans: the text with the cursor drawn in it.
pub fn spans<'a>(field: &TextField, t: &Theme) -> Vec<Span<'a>> {
    let (before, after) = field.split();
    let mut rest = after.chars();
    match rest.next() {
        None => vec![Span::styled(before.to_string(), t.text), Span::styled("█", t.accent)],
        Some(under) => vec![
            Span::styled(before.to_string(), t.text),
            Span::styled(under.to_string(), t.accent.add_modifier(Modifier::REVERSED)),
            Span::styled(rest.as_str().to_string(), t.text),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::{Action, TextEdit};

    #[test]
    fn the_cursor_is_drawn_where_it_is() {
        let t = Theme::new(true);
        let mut f = TextField::with("30g", 10);
        let text = |spans: Vec<Span>| spans.iter().map(|s| s.content.to_string()).collect::<Vec<_>>();
        assert_eq!(text(spans(&f, &t)), ["30g", "█"]);
        f.apply(&Action::Edit(TextEdit::Left));
        let drawn = spans(&f, &t);
        assert_eq!(text(drawn.clone()), ["30", "g", ""]);
        assert!(drawn[1].style.add_modifier.contains(Modifier::REVERSED));
    }
}
