//! The texts of a drawing in a PDF page: their glyphs drawn as outlines (one form per
//! glyph, painted with the text's fill and, under it, its halo) and their lines in an
//! invisible text layer, once each and in logical order, which is what readers search and
//! copy. svg2pdf's own text cannot give that: it writes every glyph, halo included, as
//! text, mapped to characters glyph by glyph in the order they stand on the page, so that
//! a label comes out twice, Arabic reversed and Khmer clusters in pieces.

use std::collections::HashMap;

use pdf_writer::types::{LineJoinStyle, TextRenderingMode, UnicodeCmap};
use pdf_writer::{Chunk, Content, Filter, Finish, Name, Rect, Ref, Str};
use tiny_skia::{PathSegment, Transform};
use unicode_bidi::ParagraphBidiInfo;

use super::{Line, Scan, TextItem};

/// What the text layer adds to a page: its content (drawn over the rest, in the page's
/// units) and the resources it names.
pub(crate) struct PageText {
    /// The content stream's operations.
    pub(crate) content: Vec<u8>,
    /// The forms drawing glyphs, by name.
    pub(crate) forms: Vec<(String, Ref)>,
    /// The graphics states setting opacities, by name.
    pub(crate) states: Vec<(String, Ref)>,
    /// The fonts of the invisible text, by name.
    pub(crate) fonts: Vec<(String, Ref)>,
}

/// Glyph forms, opacity states and text codes made so far.
struct Builder<'a> {
    scan: &'a Scan,
    chunk: &'a mut Chunk,
    alloc: &'a mut Ref,
    forms: HashMap<(usize, bool), String>,
    form_list: Vec<(String, Ref)>,
    states: HashMap<(bool, u32), String>,
    state_list: Vec<(String, Ref)>,
    codes: HashMap<&'a str, (usize, u8)>,
    font_chars: Vec<Vec<&'a str>>,
}

/// Writes the texts of `scan` for a page of `height` pt on which 1 px of the drawing is
/// 0.75 pt: their objects into `chunk` (numbered from `alloc`), and returns the content
/// that draws them and the resources it needs.
pub(crate) fn page_text<'a>(
    scan: &'a Scan,
    chunk: &'a mut Chunk,
    alloc: &'a mut Ref,
    height: f32,
) -> PageText {
    let mut b = Builder {
        scan,
        chunk,
        alloc,
        forms: HashMap::new(),
        form_list: Vec::new(),
        states: HashMap::new(),
        state_list: Vec::new(),
        codes: HashMap::new(),
        font_chars: Vec::new(),
    };
    let mut content = Content::new();
    content.save_state();
    content.transform([0.75, 0.0, 0.0, -0.75, 0.0, height]);
    for item in &scan.texts {
        b.draw(&mut content, item);
    }
    content.set_text_rendering_mode(TextRenderingMode::Invisible);
    for item in &scan.texts {
        for line in &item.lines {
            b.text_line(&mut content, item.abs, line);
        }
    }
    content.restore_state();
    let fonts = b.write_fonts();
    PageText {
        content: content.finish(),
        forms: b.form_list,
        states: b.state_list,
        fonts,
    }
}

/// A transform as PDF's six numbers.
fn matrix(t: Transform) -> [f32; 6] {
    [t.sx, t.ky, t.kx, t.sy, t.tx, t.ty]
}

impl<'a> Builder<'a> {
    /// Draws the glyphs of `item`: its halo under its fill, as the SVG paints them.
    fn draw(&mut self, content: &mut Content, item: &'a TextItem) {
        if item.uses.is_empty() {
            return;
        }
        content.save_state();
        content.transform(matrix(item.abs));
        let mut layers: Vec<(usize, bool)> = Vec::new();
        for (i, p) in item.paints.iter().enumerate() {
            if p.stroke.is_some() && p.stroke_first {
                layers.push((i, true));
            }
        }
        for (i, p) in item.paints.iter().enumerate() {
            if p.fill.is_some() {
                layers.push((i, false));
            }
        }
        for (i, p) in item.paints.iter().enumerate() {
            if p.stroke.is_some() && !p.stroke_first {
                layers.push((i, true));
            }
        }
        for (paint, stroke) in layers {
            let p = &item.paints[paint];
            content.save_state();
            let (colour, opacity, width) = match (&p.stroke, p.fill) {
                (Some(s), _) if stroke => (s.colour, s.opacity, s.width),
                (_, Some((c, o))) => (c, o, 0.0),
                _ => continue,
            };
            let [r, g, bl] = colour.map(|c| f32::from(c) / 255.0);
            if stroke {
                content.set_stroke_rgb(r, g, bl);
                content.set_line_join(match p.stroke.as_ref().map(|s| s.join) {
                    Some("round") => LineJoinStyle::RoundJoin,
                    Some("bevel") => LineJoinStyle::BevelJoin,
                    _ => LineJoinStyle::MiterJoin,
                });
            } else {
                content.set_fill_rgb(r, g, bl);
            }
            if opacity < 1.0 {
                let name = self.state(stroke, opacity);
                content.set_parameters(Name(name.as_bytes()));
            }
            for u in item.uses.iter().filter(|u| u.paint == paint) {
                let Some(name) = self.form(u.glyph, stroke) else {
                    continue;
                };
                content.save_state();
                content.transform(matrix(u.ts));
                if stroke {
                    // The stroke's width in font units: the glyph's transform scales it.
                    let scale = (u.ts.sx * u.ts.sy - u.ts.kx * u.ts.ky).abs().sqrt();
                    if scale > 0.0 {
                        content.set_line_width(width / scale);
                    }
                }
                content.x_object(Name(name.as_bytes()));
                content.restore_state();
            }
            content.restore_state();
        }
        content.restore_state();
    }

    /// The name of the form that fills (or strokes) glyph `glyph`, written the first time.
    fn form(&mut self, glyph: usize, stroke: bool) -> Option<String> {
        if let Some(name) = self.forms.get(&(glyph, stroke)) {
            return Some(name.clone());
        }
        let outline = self.scan.glyphs[glyph].outline.as_ref()?;
        let mut c = Content::new();
        let mut last = tiny_skia::Point::zero();
        let mut start = last;
        for segment in outline.segments() {
            match segment {
                PathSegment::MoveTo(p) => {
                    c.move_to(p.x, p.y);
                    (last, start) = (p, p);
                }
                PathSegment::LineTo(p) => {
                    c.line_to(p.x, p.y);
                    last = p;
                }
                PathSegment::QuadTo(a, p) => {
                    // The cubic curve that is this quadratic one.
                    let third = |from: f32, to: f32| from + (to - from) * 2.0 / 3.0;
                    c.cubic_to(
                        third(last.x, a.x),
                        third(last.y, a.y),
                        third(p.x, a.x),
                        third(p.y, a.y),
                        p.x,
                        p.y,
                    );
                    last = p;
                }
                PathSegment::CubicTo(a, b, p) => {
                    c.cubic_to(a.x, a.y, b.x, b.y, p.x, p.y);
                    last = p;
                }
                PathSegment::Close => {
                    c.close_path();
                    last = start;
                }
            }
        }
        if stroke {
            c.stroke();
        } else {
            c.fill_nonzero();
        }
        let bounds = outline.bounds();
        // Room for a halo: half of it reaches past the outline (a fifth of an em is plenty).
        let pad = (bounds.width().max(bounds.height()) * 0.5).max(500.0);
        let id = self.alloc.bump();
        let data = deflate(&c.finish());
        let mut form = self.chunk.form_xobject(id, &data);
        form.filter(Filter::FlateDecode);
        form.bbox(Rect::new(
            bounds.left() - pad,
            bounds.top() - pad,
            bounds.right() + pad,
            bounds.bottom() + pad,
        ));
        form.finish();
        let name = format!("G{}", self.form_list.len());
        self.form_list.push((name.clone(), id));
        self.forms.insert((glyph, stroke), name.clone());
        Some(name)
    }

    /// The name of the graphics state setting the stroke's (or fill's) opacity.
    fn state(&mut self, stroke: bool, opacity: f32) -> String {
        let key = (stroke, (opacity * 1000.0).round() as u32);
        if let Some(name) = self.states.get(&key) {
            return name.clone();
        }
        let id = self.alloc.bump();
        let mut gs = self.chunk.ext_graphics(id);
        if stroke {
            gs.stroking_alpha(opacity);
        } else {
            gs.non_stroking_alpha(opacity);
        }
        gs.finish();
        let name = format!("A{}", self.state_list.len());
        self.state_list.push((name.clone(), id));
        self.states.insert(key, name.clone());
        name
    }

    /// The font and code that stand for `piece` (a character, or a right-to-left run) in
    /// the invisible text.
    fn code(&mut self, piece: &'a str) -> (usize, u8) {
        if let Some(&code) = self.codes.get(piece) {
            return code;
        }
        if self.font_chars.last().is_none_or(|f| f.len() >= 256) {
            self.font_chars.push(Vec::new());
        }
        let font = self.font_chars.len() - 1;
        let pieces = &mut self.font_chars[font];
        let code = (font, pieces.len() as u8);
        pieces.push(piece);
        self.codes.insert(piece, code);
        code
    }

    /// Writes `line` of a text whose user space is `abs` into the invisible text layer: its
    /// characters in logical order, each in its share of the line's width at the place it
    /// stands (from the right in a right-to-left run). Readers that follow the content and
    /// the direction the characters advance in (poppler, MuPDF) then read the line as it
    /// is read.
    fn text_line(&mut self, content: &mut Content, abs: Transform, line: &'a Line) {
        let pieces: Vec<&str> = line
            .text
            .char_indices()
            .map(|(i, c)| &line.text[i..i + c.len_utf8()])
            .collect();
        if pieces.is_empty() || line.px <= 0.0 {
            return;
        }
        let slots = visual_slots(&line.text);
        let w = (line.x.1 - line.x.0) / pieces.len() as f64;
        content.begin_text();
        let mut current_font = None;
        let mut i = 0;
        while i < pieces.len() {
            // A run of characters of one font standing one after the other from the left.
            let (font, first) = self.code(pieces[i]);
            let mut codes = vec![first];
            let mut j = i + 1;
            while j < pieces.len() && slots[j] == slots[j - 1] + 1 {
                let (f, code) = self.code(pieces[j]);
                if f != font {
                    break;
                }
                codes.push(code);
                j += 1;
            }
            if current_font != Some(font) {
                content.set_font(Name(format!("T{font}").as_bytes()), 1.0);
                current_font = Some(font);
            }
            let x = line.x.0 + slots[i] as f64 * w;
            // A code is half an em wide: an em of 2w makes it w wide, px high, upright.
            let local = Transform::from_row(
                (2.0 * w) as f32,
                0.0,
                0.0,
                -(line.px as f32),
                x as f32,
                line.y as f32,
            );
            content.set_text_matrix(matrix(abs.pre_concat(local)));
            content.show(Str(&codes));
            i = j;
        }
        content.end_text();
    }

    /// Writes the fonts of the invisible text: Type 3 fonts of empty glyphs half an em
    /// wide, 256 codes each, whose codes stand for the characters they were given.
    fn write_fonts(&mut self) -> Vec<(String, Ref)> {
        let mut out = Vec::new();
        if self.font_chars.is_empty() {
            return out;
        }
        let proc_id = self.alloc.bump();
        self.chunk.stream(proc_id, b"500 0 d0");
        for (k, chars) in self.font_chars.iter().enumerate() {
            let id = self.alloc.bump();
            let cmap_id = self.alloc.bump();
            let names: Vec<String> = (0..chars.len()).map(|i| format!("c{i}")).collect();
            let mut font = self.chunk.type3_font(id);
            font.bbox(Rect::new(0.0, 0.0, 0.0, 0.0));
            font.matrix([0.001, 0.0, 0.0, 0.001, 0.0, 0.0]);
            font.first_char(0);
            font.last_char((chars.len() - 1) as u8);
            font.widths(chars.iter().map(|_| 500.0));
            font.to_unicode(cmap_id);
            {
                let mut procs = font.char_procs();
                for name in &names {
                    procs.pair(Name(name.as_bytes()), proc_id);
                }
            }
            font.encoding_custom()
                .differences()
                .consecutive(0, names.iter().map(|n| Name(n.as_bytes())));
            font.finish();
            let mut cmap = UnicodeCmap::<u8>::new(
                Name(b"PartnerMap-Text"),
                pdf_writer::types::SystemInfo {
                    registry: Str(b"Adobe"),
                    ordering: Str(b"UCS"),
                    supplement: 0,
                },
            );
            for (code, piece) in chars.iter().enumerate() {
                cmap.pair_with_multiple(code as u8, piece.chars());
            }
            self.chunk.cmap(cmap_id, &cmap.finish());
            out.push((format!("T{k}"), id));
        }
        out
    }
}

/// For each character of `text`, in logical order, the place it is drawn at counted from
/// the left (the Unicode bidirectional algorithm on a left-to-right line, as the drawing
/// lays lines out).
fn visual_slots(text: &str) -> Vec<usize> {
    let info = ParagraphBidiInfo::new(text, Some(unicode_bidi::Level::ltr()));
    let n = text.chars().count();
    if !info.has_rtl() {
        return (0..n).collect();
    }
    let levels = info.reordered_levels_per_char(0..text.len());
    let order = ParagraphBidiInfo::reorder_visual(&levels);
    let mut slots = vec![0; n];
    for (visual, &logical) in order.iter().enumerate() {
        if let Some(s) = slots.get_mut(logical) {
            *s = visual;
        }
    }
    slots
}

/// `data` compressed for a stream with `FlateDecode`.
pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_characters_stand_from_the_right() {
        assert_eq!(visual_slots("abc"), [0, 1, 2]);
        assert_eq!(visual_slots("مجلس"), [3, 2, 1, 0]);
        // "مجلس Co": the Arabic word on the left, read from its right.
        assert_eq!(visual_slots("مجلس Co"), [3, 2, 1, 0, 4, 5, 6]);
    }
}
