//! Reading the `<text>` elements of an exported drawing from its markup: where they are,
//! their attributes and their lines. Only the markup [`super::super::svg`] writes is
//! expected: no comments or CDATA, `<` always escaped inside texts, attribute values in
//! double quotes.

use std::ops::Range;

use super::Line;
use crate::io::export::text::push_escaped;

/// A `<text>` element found in a drawing.
pub(super) struct Element {
    /// Its bytes.
    pub(super) range: Range<usize>,
    /// The id it had, if any.
    pub(super) own_id: Option<String>,
    /// The id to find it by: its own, or one given to it.
    pub(super) lookup_id: String,
}

/// The shapes that draw no text: left out of the drawing whose texts are laid out.
const SHAPES: [&str; 7] = [
    "<path ",
    "<line ",
    "<circle ",
    "<polygon ",
    "<polyline ",
    "<rect ",
    "<ellipse ",
];

/// `svg` without its self-closed shapes outside `<clipPath>` and `<defs>`: the same texts
/// in the same places, for usvg to lay out without reading a large map's every line and
/// actor (most of the time of outlining a stress map's drawing).
pub(super) fn texts_only(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() / 4);
    let mut rest = 0;
    let mut kept = 0usize;
    let mut at = 0;
    while let Some(open) = svg[at..].find('<').map(|i| at + i) {
        let tail = &svg[open..];
        if tail.starts_with("<clipPath") || tail.starts_with("<defs") {
            kept += 1;
        } else if tail.starts_with("</clipPath") || tail.starts_with("</defs") {
            kept = kept.saturating_sub(1);
        } else if kept == 0
            && SHAPES.iter().any(|s| tail.starts_with(s))
            && let Some(close) = tail.find('>')
            && tail[..close].ends_with('/')
        {
            out.push_str(&svg[rest..open]);
            rest = open + close + 1;
            at = rest;
            continue;
        }
        at = open + 1;
    }
    out.push_str(&svg[rest..]);
    out
}

/// `svg` with an id given to every `<text>` element without one (`prefix` and a number),
/// and its text elements.
pub(super) fn with_ids(svg: &str, prefix: &str) -> (String, Vec<Element>) {
    let mut out = String::with_capacity(svg.len() + 1024);
    let mut elements = Vec::new();
    let mut rest = 0;
    let mut given = 0;
    while let Some(found) = find_text(svg, rest) {
        let Some(end) = svg[found..]
            .find("</text>")
            .map(|e| found + e + "</text>".len())
        else {
            break;
        };
        out.push_str(&svg[rest..found]);
        let start = out.len();
        let tag_end = svg[found..end].find('>').map_or(end, |e| found + e);
        let attrs = parse_attrs(&svg[found + "<text".len()..tag_end]);
        let own_id = attrs
            .iter()
            .find(|(k, _)| k == "id")
            .map(|(_, v)| v.clone());
        let lookup_id = match &own_id {
            Some(id) => {
                out.push_str(&svg[found..end]);
                id.clone()
            }
            None => {
                let id = format!("{prefix}{given}");
                given += 1;
                out.push_str("<text id=\"");
                out.push_str(&id);
                out.push('"');
                out.push_str(&svg[found + "<text".len()..end]);
                id
            }
        };
        elements.push(Element {
            range: start..out.len(),
            own_id,
            lookup_id,
        });
        rest = end;
    }
    out.push_str(&svg[rest..]);
    (out, elements)
}

/// Where the next `<text` start tag is, from `from`.
fn find_text(svg: &str, mut from: usize) -> Option<usize> {
    while let Some(i) = svg[from..].find("<text") {
        let at = from + i;
        match svg.as_bytes().get(at + "<text".len()) {
            Some(b' ' | b'>' | b'\n' | b'\t') => return Some(at),
            _ => from = at + 1,
        }
    }
    None
}

/// The attributes of the start tag that `element` begins with.
pub(super) fn start_tag_attrs(element: &str) -> Vec<(String, String)> {
    let Some(name_end) = element.find(|c: char| c.is_whitespace() || c == '>') else {
        return Vec::new();
    };
    let tag_end = element.find('>').unwrap_or(element.len());
    parse_attrs(&element[name_end..tag_end])
}

/// The `name="value"` pairs of a start tag's inside, values unescaped.
fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].trim().trim_end_matches('/').trim();
        let after = &rest[eq + 2..];
        let Some(close) = after.find('"') else {
            break;
        };
        out.push((name.to_string(), unescape(&after[..close])));
        rest = &after[close + 1..];
    }
    out
}

/// `s` with the escapes [`push_escaped`] writes turned back into characters.
pub(super) fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let Some(semi) = after.find(';') else {
            out.push_str(after);
            return out;
        };
        let entity = &after[1..semi];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e => e
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => out.push(c),
            None => out.push_str(&after[..=semi]),
        }
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// A piece of a text element's content.
enum Token<'a> {
    /// A `<tspan …>` start tag, its attributes.
    Open(Vec<(String, String)>),
    /// A `</tspan>`.
    Close,
    /// Text, unescaped.
    Text(&'a str),
}

/// The content of `element` (a whole `<text>` element) as tokens.
fn tokens(element: &str) -> Vec<Token<'_>> {
    let start = element.find('>').map_or(element.len(), |e| e + 1);
    let end = element.rfind("</text>").unwrap_or(element.len()).max(start);
    let mut out = Vec::new();
    let mut rest = &element[start..end];
    while !rest.is_empty() {
        if let Some(tag) = rest.strip_prefix('<') {
            let close = tag.find('>').unwrap_or(tag.len());
            let inside = &tag[..close];
            if inside.starts_with('/') {
                out.push(Token::Close);
            } else {
                let name_end = inside.find(char::is_whitespace).unwrap_or(inside.len());
                out.push(Token::Open(parse_attrs(&inside[name_end..])));
            }
            rest = tag.get(close + 1..).unwrap_or("");
        } else {
            let next = rest.find('<').unwrap_or(rest.len());
            out.push(Token::Text(&rest[..next]));
            rest = &rest[next..];
        }
    }
    out
}

/// The value of attribute `name` in `attrs`.
pub(crate) fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The lines of `element`, a `<text>` element: the element itself when it has a `y`
/// (its `<tspan>`s are then pieces of one line), else each of its `<tspan>` children. A
/// line's text is its `aria-label` when it has one (a line split into pieces drawn in
/// visual order names its logical text there), else its text content. Extents and sizes
/// are left for the layout to fill in.
pub(super) fn lines(element: &str) -> Vec<Line> {
    let own = start_tag_attrs(element);
    let y_of = |attrs: &[(String, String)]| attr(attrs, "y").and_then(|y| y.parse::<f64>().ok());
    let new_line = |attrs: &[(String, String)]| Line {
        text: attr(attrs, "aria-label").unwrap_or_default().to_string(),
        y: y_of(attrs).unwrap_or(0.0),
        x: (0.0, 0.0),
        px: 0.0,
    };
    let whole = y_of(&own).is_some();
    let mut out: Vec<(Line, bool)> = Vec::new();
    if whole {
        out.push((new_line(&own), attr(&own, "aria-label").is_some()));
    }
    let mut depth = 0;
    for token in tokens(element) {
        match token {
            Token::Open(attrs) => {
                depth += 1;
                if !whole && depth == 1 {
                    out.push((new_line(&attrs), attr(&attrs, "aria-label").is_some()));
                }
            }
            Token::Close => depth -= 1,
            Token::Text(t) => {
                if (whole || depth >= 1)
                    && let Some((line, labelled)) = out.last_mut()
                    && !*labelled
                {
                    line.text.push_str(&unescape(t));
                }
            }
        }
    }
    out.into_iter().map(|(l, _)| l).collect()
}

/// Appends `attrs` as ` name="value"` pairs, leaving out those named in `skip`.
pub(super) fn push_attrs(out: &mut String, attrs: &[(String, String)], skip: &[&str]) {
    for (k, v) in attrs {
        if skip.contains(&k.as_str()) {
            continue;
        }
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        push_escaped(out, v);
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_get_ids_and_lines() {
        let svg = "<svg><text x=\"1\" y=\"2\">a &amp; b</text><g><text id=\"label-3\">\
                   <tspan x=\"0\" y=\"10\">one</tspan><tspan x=\"0\" y=\"27\" \
                   aria-label=\"مجلس Council\"><tspan>Council</tspan><tspan y=\"27\">مجلس</tspan>\
                   </tspan></text></g><textPath/></svg>";
        let (tagged, elements) = with_ids(svg, "t-");
        assert_eq!(elements.len(), 2);
        assert_eq!(elements[0].lookup_id, "t-0");
        assert_eq!(elements[0].own_id, None);
        assert_eq!(elements[1].lookup_id, "label-3");
        let first = &tagged[elements[0].range.clone()];
        assert!(first.starts_with("<text id=\"t-0\" x=\"1\""));
        let l = lines(first);
        assert_eq!((l.len(), l[0].text.as_str(), l[0].y), (1, "a & b", 2.0));
        let l = lines(&tagged[elements[1].range.clone()]);
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["one", "مجلس Council"]);
        assert_eq!(l[1].y, 27.0);
    }

    #[test]
    fn unescaping_undoes_escaping() {
        let mut s = String::new();
        push_escaped(&mut s, "a<b & \"c\" 'd'>\n");
        assert_eq!(unescape(&s), "a<b & \"c\" 'd'>\n");
    }
}
