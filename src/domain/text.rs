//! Text from outside marrow made safe to show in a message: clipped to one short line, with
//! control characters (newlines, terminal escapes) shown rather than sent to the terminal.

/// The most characters of user text one message echoes.
pub const CLIP: usize = 60;

/// A visible stand-in for a control character: its Unicode "control picture" (␊ for a
/// newline, ␛ for escape, ␡ for delete), or the replacement character for the C1 controls;
/// `None` for any other character.
fn picture(c: char) -> Option<char> {
    match u32::from(c) {
        n @ 0..=0x1f => char::from_u32(0x2400 + n),
        0x7f => Some('\u{2421}'),
        _ if c.is_control() || bidi_control(c) => Some('\u{fffd}'),
        _ => None,
    }
}

/// Characters that reorder or hide the text around them on a terminal: the bidirectional
/// overrides and isolates, zero-width marks and the byte-order mark.
pub fn bidi_control(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// Text shown whole, but with control characters as their pictures: a food name in a
/// table can neither break the line nor drive the terminal.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(|c| picture(c).is_none()) {
        return text.into();
    }
    text.chars().map(|c| picture(c).unwrap_or(c)).collect::<String>().into()
}

/// User text cut to fit an error message on one line: at most [`CLIP`] characters and an
/// ellipsis, control characters shown as their pictures ("5\n" becomes "5␊").
pub fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(CLIP).map(|c| picture(c).unwrap_or(c)).collect();
    if text.chars().nth(CLIP).is_some() {
        out.push('…');
    }
    out
}

/// A message that quotes user text somewhere inside (a parser's error): every run of
/// non-space characters longer than [`CLIP`] is cut to it with an ellipsis, and control
/// characters are shown as their pictures.
pub fn clip_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * CLIP));
    let mut run = 0;
    for c in text.chars() {
        if c == ' ' {
            run = 0;
        } else {
            run += 1;
            if run == CLIP + 1 {
                out.push('…');
            }
            if run > CLIP {
                continue;
            }
        }
        out.push(picture(c).unwrap_or(c));
    }
    out
}

/// The last guard before a message reaches the terminal: one line of at most `max`
/// characters, with every control character written as an escape (`\n`, `\u{1b}`). A long
/// message keeps its beginning and its end (where the cause usually is) around an ellipsis.
pub fn one_line(text: &str, max: usize) -> String {
    let mut clean = String::with_capacity(text.len().min(4 * max));
    for c in text.chars() {
        if c.is_control() || bidi_control(c) {
            clean.extend(c.escape_default());
        } else {
            clean.push(c);
        }
    }
    let count = clean.chars().count();
    if count <= max {
        return clean;
    }
    let head = max * 2 / 3;
    let tail = max.saturating_sub(head + 1);
    let mut out: String = clean.chars().take(head).collect();
    out.push('…');
    out.extend(clean.chars().skip(count - tail));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_shows_control_characters_and_stops_at_sixty() {
        assert_eq!(clip("5\n"), "5␊");
        assert_eq!(clip("\u{1b}[31mred\u{7}"), "␛[31mred␇");
        assert_eq!(clip("a\u{7f}\u{9b}\u{202e}b"), "a␡\u{fffd}\u{fffd}b");
        assert_eq!(clip(&"x".repeat(60)), "x".repeat(60));
        assert_eq!(clip(&"x".repeat(61)), format!("{}…", "x".repeat(60)));
        assert_eq!(clip("Entrée ½"), "Entrée ½");
    }

    #[test]
    fn printable_text_is_whole_but_inert() {
        assert_eq!(printable("Nuts, almonds"), "Nuts, almonds");
        assert_eq!(printable("\u{1b}]0;PWNED\u{7}Granola"), "␛]0;PWNED␇Granola");
    }

    #[test]
    fn clip_words_keeps_the_shape_of_a_message() {
        let long = "a".repeat(1_000_000);
        let msg = format!("unknown variant `{long}`, expected `default` or `mono`");
        let clipped = clip_words(&msg);
        assert_eq!(clipped, format!("unknown variant `{}… expected `default` or `mono`", "a".repeat(59)));
        assert_eq!(clip_words("line\nbreak"), "line␊break");
    }

    #[test]
    fn one_line_escapes_and_bounds_whatever_it_gets() {
        assert_eq!(one_line("a\nb\r\tc\u{1b}[2J", 100), "a\\nb\\r\\tc\\u{1b}[2J");
        assert_eq!(one_line("rtl\u{202e}x", 100), "rtl\\u{202e}x");
        let long = format!("can't create /{}: File name too long", "d".repeat(131_071));
        let line = one_line(&long, 480);
        assert_eq!(line.chars().count(), 480);
        assert!(line.starts_with("can't create /ddd"), "{line}");
        assert!(line.ends_with(": File name too long"), "{line}");
        assert!(line.contains('…'));
        assert!(!one_line(&"\n".repeat(10_000), 480).contains('\n'));
    }
}
