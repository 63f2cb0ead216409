//! Text helpers shared by the exports: XML escaping, numbers written the same way on every
//! machine, and the lists and optional values of the model as single cells.

use std::fmt::Write;

/// Whether `c` may appear in an XML 1.0 document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `s` with every character that XML 1.0 forbids (control characters, U+FFFE, U+FFFF)
/// replaced by U+FFFD, so that no name can make an exported file ill-formed. Writers that
/// escape for themselves (quick-xml) still need this: escaping cannot express those
/// characters.
pub fn xml_clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(
            s.chars()
                .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}

/// Appends `s` to `out` escaped for XML text and attribute values (both quotes included),
/// with forbidden characters replaced (see [`xml_clean`]).
pub fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Line breaks and tabs in attribute values would be normalised to spaces by a
            // parser; keep them as they are written.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// `s` escaped for XML (see [`push_escaped`]).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_escaped(&mut out, s);
    out
}

/// Writes a coordinate or length with at most two decimals and no trailing zeros, so that
/// the same map gives the same bytes on every machine (and never `-0` or `NaN`).
pub fn push_num(out: &mut String, v: f64) {
    let r = (v * 100.0).round() / 100.0;
    if !r.is_finite() || r == 0.0 {
        out.push('0');
    } else {
        let _ = write!(out, "{r}");
    }
}

/// A number as [`push_num`] writes it.
pub fn num(v: f64) -> String {
    let mut s = String::new();
    push_num(&mut s, v);
    s
}

/// The separator between the items of a list in one cell or attribute.
pub const LIST_SEPARATOR: &str = "; ";

/// A list of texts as one cell ("funds; staff").
pub fn join<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    items
        .into_iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_quotes_and_forbidden_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(escape("bell\u{7}"), "bell\u{FFFD}");
        assert_eq!(escape("ក្រុមប្រឹក្សាឃុំ مجلس 🤝"), "ក្រុមប្រឹក្សាឃុំ مجلس 🤝");
        assert_eq!(xml_clean("ok"), "ok");
        assert_eq!(xml_clean("a\u{0}b"), "a\u{FFFD}b");
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.345_6), "12.35");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(-300.0), "-300");
    }
}
