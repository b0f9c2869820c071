//! Text from the diary or the catalog made safe to print on a terminal: a control character
//! (an escape sequence stored by an older marrow or brought in by hand) is shown as a
//! visible escape, never sent to the terminal to run.

use std::borrow::Cow;

/// `text` with each control character shown as `\x1b`, `\x07`, `\u{9b}` ...; unchanged
/// (and not copied) when it holds none.
pub fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match u32::from(c) {
            _ if !c.is_control() => out.push(c),
            n if n < 0x80 => out.push_str(&format!("\\x{n:02x}")),
            n => out.push_str(&format!("\\u{{{n:x}}}")),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_run() {
        assert!(matches!(safe("Nuts, almonds ½ 🥜"), Cow::Borrowed(_)));
        assert_eq!(safe("\u{1b}]0;PWNED\u{7}\u{1b}[2Jx"), "\\x1b]0;PWNED\\x07\\x1b[2Jx");
        assert_eq!(safe("a\tb\nc\rd\u{7f}"), "a\\x09b\\x0ac\\x0dd\\x7f");
        assert_eq!(safe("\u{9b}31m"), "\\u{9b}31m", "C1 controls too");
    }
}
