//! Text from the diary or the catalog made safe to print on a terminal: a control character
//! (an escape sequence stored by an older marrow or brought in by hand) is shown as its
//! visible picture (␛, ␊), never sent to the terminal to run. One rule for every message and
//! every table: the domain's, which error messages use too.

pub use crate::domain::text::printable as safe;

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    #[test]
    fn control_characters_are_shown_not_run() {
        assert!(matches!(safe("Nuts, almonds ½ 🥜"), Cow::Borrowed(_)));
        assert_eq!(safe("\u{1b}]0;PWNED\u{7}\u{1b}[2Jx"), "␛]0;PWNED␇␛[2Jx");
        assert_eq!(safe("a\tb\nc\rd\u{7f}"), "a␉b␊c␍d␡");
        assert_eq!(safe("\u{9b}31m"), "\u{fffd}31m", "C1 controls too");
    }
}
