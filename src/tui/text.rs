//! A one-line text field that edits as readline does: a cursor, word moves and kills. The
//! search box, the amount prompt, the meal name and the dose amount are all one of these.

use std::ops::Deref;

use super::action::{Action, TextEdit};

/// Text and a cursor (a byte offset, always on a character boundary), at most `max` chars.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextField {
    text: String,
    cursor: usize,
    max: usize,
}

impl TextField {
    /// An empty field that takes up to `max` characters.
    pub fn new(max: usize) -> TextField {
        TextField { text: String::new(), cursor: 0, max }
    }

    /// A field holding `text` (cut to `max` characters), the cursor at its end.
    pub fn with(text: &str, max: usize) -> TextField {
        let mut f = TextField::new(max);
        f.set(text);
        f
    }

    /// Replaces the text; the cursor goes to the end, as after typing it.
    pub fn set(&mut self, text: &str) {
        self.text = text.chars().filter(|c| !c.is_control()).take(self.max).collect();
        self.cursor = self.text.len();
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The text before and after the cursor, for drawing.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor)
    }

    /// Applies a text action; returns whether the text changed (the cursor may move either way).
    /// Actions that are not about text are left alone.
    pub fn apply(&mut self, action: &Action) -> bool {
        match action {
            Action::Type(c) => self.insert(*c),
            Action::Backspace => {
                let start = self.prev_char();
                self.cut(start, self.cursor)
            }
            Action::Edit(op) => self.edit(*op),
            _ => false,
        }
    }

    fn insert(&mut self, c: char) -> bool {
        if c.is_control() || self.text.chars().count() >= self.max {
            return false;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        true
    }

    fn edit(&mut self, op: TextEdit) -> bool {
        match op {
            TextEdit::Left => self.cursor = self.prev_char(),
            TextEdit::Right => self.cursor = self.next_char(),
            TextEdit::Home => self.cursor = 0,
            TextEdit::End => self.cursor = self.text.len(),
            TextEdit::WordLeft => self.cursor = self.word_start(),
            TextEdit::WordRight => self.cursor = self.word_end(),
            TextEdit::Delete => return self.cut(self.cursor, self.next_char()),
            TextEdit::KillStart => return self.cut(0, self.cursor),
            TextEdit::KillEnd => return self.cut(self.cursor, self.text.len()),
            TextEdit::KillWord => return self.cut(self.space_word_start(), self.cursor),
        }
        false
    }

    /// Removes `start..end` (byte offsets on boundaries); the cursor lands at `start`.
    fn cut(&mut self, start: usize, end: usize) -> bool {
        if start >= end {
            return false;
        }
        self.text.replace_range(start..end, "");
        self.cursor = start;
        true
    }

    fn prev_char(&self) -> usize {
        self.text[..self.cursor].char_indices().next_back().map_or(0, |(i, _)| i)
    }

    fn next_char(&self) -> usize {
        self.text[self.cursor..].chars().next().map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }

    /// Alt-B: back over non-word characters, then to the start of the word.
    fn word_start(&self) -> usize {
        let before: Vec<(usize, char)> = self.text[..self.cursor].char_indices().collect();
        let mut i = before.len();
        while i > 0 && !before[i - 1].1.is_alphanumeric() {
            i -= 1;
        }
        while i > 0 && before[i - 1].1.is_alphanumeric() {
            i -= 1;
        }
        before.get(i).map_or(self.cursor, |(b, _)| *b)
    }

    /// Alt-F: forward over non-word characters, then to the end of the word.
    fn word_end(&self) -> usize {
        let mut chars = self.text[self.cursor..].char_indices().peekable();
        while chars.next_if(|(_, c)| !c.is_alphanumeric()).is_some() {}
        while chars.next_if(|(_, c)| c.is_alphanumeric()).is_some() {}
        chars.peek().map_or(self.text.len(), |(i, _)| self.cursor + i)
    }

    /// Ctrl-W: back over spaces, then to the previous space (readline's unix-word-rubout).
    fn space_word_start(&self) -> usize {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end_matches(char::is_whitespace);
        trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1)
    }
}

impl Deref for TextField {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl PartialEq<&str> for TextField {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialEq<str> for TextField {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextField {
        let mut f = TextField::new(100);
        for c in text.chars() {
            f.apply(&Action::Type(c));
        }
        f
    }

    fn edit(f: &mut TextField, op: TextEdit) -> bool {
        f.apply(&Action::Edit(op))
    }

    #[test]
    fn typing_inserts_at_the_cursor() {
        let mut f = typed("1cup");
        edit(&mut f, TextEdit::Left);
        edit(&mut f, TextEdit::Left);
        edit(&mut f, TextEdit::Left);
        f.apply(&Action::Type(" ".chars().next().unwrap()));
        assert_eq!(f, "1 cup");
        assert_eq!(f.split(), ("1 ", "cup"));
        edit(&mut f, TextEdit::Home);
        f.apply(&Action::Type(char::from(b'2')));
        assert_eq!(f, "21 cup");
        edit(&mut f, TextEdit::End);
        assert_eq!(f.split().1, "");
    }

    #[test]
    fn backspace_and_delete_take_one_character_either_side() {
        let mut f = typed("µg30");
        edit(&mut f, TextEdit::Home);
        assert!(!f.apply(&Action::Backspace), "nothing before the cursor");
        assert!(edit(&mut f, TextEdit::Delete));
        assert_eq!(f, "g30");
        edit(&mut f, TextEdit::End);
        assert!(f.apply(&Action::Backspace));
        assert!(!edit(&mut f, TextEdit::Delete), "nothing after the cursor");
        assert_eq!(f, "g3");
    }

    #[test]
    fn kills_as_readline() {
        let mut f = typed("greek yogurt plain");
        assert!(edit(&mut f, TextEdit::KillWord));
        assert_eq!(f, "greek yogurt ");
        edit(&mut f, TextEdit::KillWord);
        assert_eq!(f, "greek ");
        edit(&mut f, TextEdit::Home);
        edit(&mut f, TextEdit::WordRight);
        assert_eq!(f.split(), ("greek", " "));
        assert!(edit(&mut f, TextEdit::KillEnd));
        assert_eq!(f, "greek");
        edit(&mut f, TextEdit::Left);
        assert!(edit(&mut f, TextEdit::KillStart));
        assert_eq!((f.as_str(), f.split().0), ("k", ""));
    }

    #[test]
    fn word_moves_skip_punctuation() {
        let mut f = typed("1 oz (23 kernels)");
        edit(&mut f, TextEdit::WordLeft);
        assert_eq!(f.split().1, "kernels)");
        edit(&mut f, TextEdit::WordLeft);
        assert_eq!(f.split().1, "23 kernels)");
        edit(&mut f, TextEdit::WordRight);
        assert_eq!(f.split().1, " kernels)");
        edit(&mut f, TextEdit::Home);
        edit(&mut f, TextEdit::WordLeft);
        assert_eq!(f.split().0, "");
    }

    #[test]
    fn the_limit_and_control_characters_are_kept_out() {
        let mut f = TextField::new(3);
        for c in "abcd\u{7}".chars() {
            f.apply(&Action::Type(c));
        }
        assert_eq!(f, "abc");
        f.set("x\ny");
        assert_eq!(f, "xy");
    }
}
