//! The characters a text of the map may hold (design.md §11): every character but the
//! control characters other than tab, line feed and carriage return, and the two
//! non-characters U+FFFE and U+FFFF — those that XML 1.0 forbids, that a CSV table would
//! carry raw and that a terminal would obey. A map file holding one is refused with its
//! place; an import, a paste or a typed text has them removed ([`clean`]) and says so.

use std::borrow::Cow;

/// Whether `c` may not stand in a text of the map.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// The first character of `text` that may not stand in a map's text, with its place
/// (counted in characters from 1).
pub fn first_forbidden(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|&(_, c)| is_forbidden(c))
        .map(|(i, c)| (i + 1, c))
}

/// `text` without the characters that may not stand in a map's text; borrowed when it has
/// none.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_forbidden) {
        Cow::Owned(text.chars().filter(|&c| !is_forbidden(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// How a character is named in a message: `U+0000`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_go_and_line_breaks_and_tabs_stay() {
        assert_eq!(clean("A\u{0}B\u{1b}[31mC"), "AB[31mC");
        assert_eq!(clean("one\ttwo\r\nthree"), "one\ttwo\r\nthree");
        assert_eq!(clean("x\u{FFFE}y\u{FFFF}\u{7f}\u{85}"), "xy");
        assert!(matches!(clean("Ministry of Interior"), Cow::Borrowed(_)));
        assert_eq!(first_forbidden("ab\u{7}c"), Some((3, '\u{7}')));
        assert_eq!(first_forbidden("ក្រសួង"), None);
        assert_eq!(code_point('\u{1b}'), "U+001B");
    }
}
