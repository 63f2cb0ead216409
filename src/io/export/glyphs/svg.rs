//! The SVG with its texts drawn as outlines: each `<text>` becomes a group of glyphs
//! (`<use>` of one `<path>` per glyph and size, defined once) painted as the text was —
//! a label's halo, a stroke, under its letters — and the text itself kept in the group,
//! invisible and stretched over the glyphs, so that it can still be searched, selected
//! and read aloud.

use std::collections::HashMap;

use tiny_skia::{Path, PathSegment, Transform};

use super::markup::push_attrs;
use super::{Paint, Scan, TextItem, scan};
use crate::io::export::ExportError;
use crate::io::export::text::{push_escaped, push_num};

/// The prefix of the glyphs' ids.
const GLYPH_ID: &str = "pm-glyph-";

/// `svg`, an exported drawing, with every text drawn as outlines of the shipped fonts (see
/// the module's documentation). The same drawing gives the same bytes.
pub fn outline_svg(svg: &str) -> Result<String, ExportError> {
    let scan = scan(svg)?;
    let mut defs = Defs::default();
    let mut out = String::with_capacity(scan.svg.len() * 2);
    let mut rest = 0;
    for item in &scan.texts {
        out.push_str(&scan.svg[rest..item.range.start]);
        write_text(&mut out, item, &scan, &mut defs);
        rest = item.range.end;
    }
    let tail = &scan.svg[rest..];
    let close = tail.rfind("</svg>").unwrap_or(tail.len());
    out.push_str(&tail[..close]);
    if !defs.body.is_empty() {
        out.push_str("<defs>\n");
        out.push_str(&defs.body);
        out.push_str("</defs>\n");
    }
    out.push_str(&tail[close..]);
    // `xlink:href`, which every SVG reader knows, needs its namespace.
    const ROOT: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\"";
    Ok(out.replacen(
        ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
        1,
    ))
}

/// The glyph outlines defined so far: one `<path>` per glyph and size.
#[derive(Default)]
struct Defs {
    body: String,
    ids: HashMap<(usize, [i64; 4]), usize>,
}

impl Defs {
    /// The number of the path drawing glyph `glyph` with the linear part of `ts`, defined
    /// the first time.
    fn id(&mut self, glyph: usize, outline: &Path, ts: Transform) -> Option<usize> {
        let key = (
            glyph,
            [ts.sx, ts.kx, ts.ky, ts.sy].map(|v| (f64::from(v) * 1e9).round() as i64),
        );
        if let Some(&id) = self.ids.get(&key) {
            return Some(id);
        }
        let linear = Transform::from_row(ts.sx, ts.ky, ts.kx, ts.sy, 0.0, 0.0);
        let path = outline.clone().transform(linear)?;
        let id = self.ids.len();
        self.body.push_str("<path id=\"");
        self.body.push_str(GLYPH_ID);
        self.body.push_str(&id.to_string());
        self.body.push_str("\" d=\"");
        push_path(&mut self.body, &path);
        self.body.push_str("\"/>\n");
        self.ids.insert(key, id);
        Some(id)
    }
}

/// Appends `path` as SVG path data.
fn push_path(out: &mut String, path: &Path) {
    let point = |out: &mut String, p: tiny_skia::Point| {
        push_num(out, f64::from(p.x));
        out.push(' ');
        push_num(out, f64::from(p.y));
    };
    for segment in path.segments() {
        match segment {
            PathSegment::MoveTo(p) => {
                out.push('M');
                point(out, p);
            }
            PathSegment::LineTo(p) => {
                out.push('L');
                point(out, p);
            }
            PathSegment::QuadTo(a, p) => {
                out.push('Q');
                point(out, a);
                out.push(' ');
                point(out, p);
            }
            PathSegment::CubicTo(a, b, p) => {
                out.push('C');
                point(out, a);
                out.push(' ');
                point(out, b);
                out.push(' ');
                point(out, p);
            }
            PathSegment::Close => out.push('Z'),
        }
    }
}

/// The attributes of the layers that paint a text: strokes under the fill, the fill, then
/// strokes over it; each paired with the paint it comes from.
fn layers(paints: &[Paint]) -> Vec<(usize, String)> {
    let mut under = Vec::new();
    let mut fills = Vec::new();
    let mut over = Vec::new();
    for (i, p) in paints.iter().enumerate() {
        if let Some(s) = &p.stroke {
            let mut a = String::from("fill=\"none\" stroke=\"");
            a.push_str(&hex(s.colour));
            a.push('"');
            if s.opacity < 1.0 {
                a.push_str(" stroke-opacity=\"");
                push_num(&mut a, f64::from(s.opacity));
                a.push('"');
            }
            a.push_str(" stroke-width=\"");
            push_num(&mut a, f64::from(s.width));
            a.push_str("\" stroke-linejoin=\"");
            a.push_str(s.join);
            a.push('"');
            if p.stroke_first {
                under.push((i, a));
            } else {
                over.push((i, a));
            }
        }
        if let Some((colour, opacity)) = p.fill {
            let mut a = String::from("fill=\"");
            a.push_str(&hex(colour));
            a.push('"');
            if opacity < 1.0 {
                a.push_str(" fill-opacity=\"");
                push_num(&mut a, f64::from(opacity));
                a.push('"');
            }
            a.push_str(" stroke=\"none\"");
            fills.push((i, a));
        }
    }
    under.into_iter().chain(fills).chain(over).collect()
}

/// `#rrggbb`.
fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Writes `item` as a group of glyph outlines with its text kept, invisible.
fn write_text(out: &mut String, item: &TextItem, scan: &Scan, defs: &mut Defs) {
    out.push_str("<g");
    if let Some(id) = &item.id {
        out.push_str(" id=\"");
        push_escaped(out, id);
        out.push('"');
    }
    out.push('>');
    for (paint, attrs) in layers(&item.paints) {
        out.push_str("<g ");
        out.push_str(&attrs);
        out.push('>');
        for u in item.uses.iter().filter(|u| u.paint == paint) {
            let Some(outline) = &scan.glyphs[u.glyph].outline else {
                continue;
            };
            let Some(id) = defs.id(u.glyph, outline, u.ts) else {
                continue;
            };
            out.push_str("<use xlink:href=\"#");
            out.push_str(GLYPH_ID);
            out.push_str(&id.to_string());
            out.push_str("\" x=\"");
            push_num(out, f64::from(u.ts.tx));
            out.push_str("\" y=\"");
            push_num(out, f64::from(u.ts.ty));
            out.push_str("\"/>");
        }
        out.push_str("</g>");
    }
    write_hidden_text(out, item);
    out.push_str("</g>\n");
}

/// The text of `item`, invisible: each line from where its glyphs start, stretched to where
/// they end, so that a selection covers the glyphs whatever font the reader has.
fn write_hidden_text(out: &mut String, item: &TextItem) {
    if item.lines.is_empty() {
        return;
    }
    out.push_str("<text");
    push_attrs(
        out,
        &item.attrs,
        &[
            "id",
            "x",
            "y",
            "text-anchor",
            "xml:space",
            "fill-opacity",
            "stroke",
            "aria-label",
        ],
    );
    out.push_str(" fill-opacity=\"0\" stroke=\"none\" text-anchor=\"start\">");
    for line in &item.lines {
        out.push_str("<tspan x=\"");
        push_num(out, line.x.0);
        out.push_str("\" y=\"");
        push_num(out, line.y);
        let width = line.x.1 - line.x.0;
        if width > 0.0 {
            out.push_str("\" textLength=\"");
            push_num(out, width);
            out.push_str("\" lengthAdjust=\"spacingAndGlyphs");
        }
        out.push_str("\">");
        push_escaped(out, &line.text);
        out.push_str("</tspan>");
    }
    out.push_str("</text>");
}
