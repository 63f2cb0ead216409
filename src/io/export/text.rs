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

/// Whether `c` stays as it is in a name token written by [`name_token`]: letters and digits
/// that every edition of XML 1.0 allows in an `NMTOKEN` (libxml2, and so xmllint, keeps to
/// the fourth edition's table, which has no Khmer or Arabic): ASCII, `-`, `.` and the Latin
/// letters with accents of Latin-1 and Latin Extended-A. The rest is escaped.
fn is_token_char(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{131}'
        | '\u{134}'..='\u{13E}' | '\u{141}'..='\u{148}' | '\u{14A}'..='\u{17E}')
}

/// The token that stands for an empty name (a token has at least one character).
const EMPTY_TOKEN: &str = "_x_";

/// `name` as an XML name token, which GraphML's `attr.name` must be: every character a token
/// may not hold (spaces, `<&>`, quotes, …) and every `_` followed by `x` written as `_xHHHH_`
/// (its code point in hexadecimal, the escape of XML Schema's and .NET's `EncodeName`), so
/// that [`from_name_token`] gives `name` back exactly. Letters of any script stay as they are.
pub fn name_token(name: &str) -> String {
    if name.is_empty() {
        return EMPTY_TOKEN.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        let escape_mark = c == '_' && chars.peek() == Some(&'x');
        if is_token_char(c) || (c == '_' && !escape_mark) {
            out.push(c);
        } else {
            let _ = write!(out, "_x{:04X}_", u32::from(c));
        }
    }
    out
}

/// The name a token written by [`name_token`] stands for; `_x` not followed by 4 to 6
/// hexadecimal digits and `_` stays as it is.
pub fn from_name_token(token: &str) -> String {
    if token == EMPTY_TOKEN {
        return String::new();
    }
    let mut out = String::with_capacity(token.len());
    let mut rest = token;
    while let Some(i) = rest.find("_x") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let decoded = after
            .find('_')
            .filter(|n| (4..=6).contains(n))
            .filter(|&n| after[..n].bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|n| {
                let c = u32::from_str_radix(&after[..n], 16).ok()?;
                Some((char::from_u32(c)?, n))
            });
        match decoded {
            Some((c, n)) => {
                out.push(c);
                rest = &after[n + 1..];
            }
            None => {
                out.push_str("_x");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
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

/// A list of texts as one cell ("funds; staff"), each item's `\` written `\\` and its `;`
/// written `\;`, so that an item holding `;` stays one item when the import splits the cell
/// again ([`crate::io::import::fields::split_list`]).
pub fn join<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(LIST_SEPARATOR);
        }
        for c in item.chars() {
            if matches!(c, '\\' | ';') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
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
    fn name_tokens_give_back_any_name() {
        for name in [
            "",
            "plain",
            "two words",
            "Région d'accès",
            "1st <&> \"quoted\"",
            "_x0020_ already escaped",
            "under_score_x",
            "ក្រុម ប្រឹក្សា",
            "a:b\tc\u{0}🤝",
        ] {
            let token = name_token(name);
            assert!(
                !token.is_empty() && token.chars().all(|c| is_token_char(c) || c == '_'),
                "{token}"
            );
            assert_eq!(from_name_token(&token), name, "{token}");
        }
        assert_eq!(name_token("two words"), "two_x0020_words");
        assert_eq!(name_token("Région"), "Région");
        assert_eq!(from_name_token("a_xZZ_b_x"), "a_xZZ_b_x");
    }

    #[test]
    fn list_items_holding_separators_and_backslashes_are_escaped() {
        let items: Vec<String> = ["a; b", "x;y", "back\\slash", "end\\", "\\;", "plain"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            join(&items),
            r"a\; b; x\;y; back\\slash; end\\; \\\;; plain"
        );
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
