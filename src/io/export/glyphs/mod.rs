//! The texts of an exported drawing as the shipped fonts draw them: for every `<text>`
//! element, its lines in logical order (what a reader searches and copies) and the glyphs
//! that draw it, each an outline from a shipped font placed where usvg lays it out — the
//! same layout as the PNG's.
//!
//! The SVG export draws these outlines instead of naming fonts ([`outline_svg`]), so that it
//! looks the same on a machine without our fonts; the PDF draws them and puts the lines in
//! an invisible text layer ([`super::pdf`]), once each and in logical order.

mod markup;
pub(crate) mod pdf;
mod svg;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use rustybuzz::ttf_parser;
use tiny_skia::{Path, PathBuilder, Transform};
use usvg::fontdb;

use super::svg::PlainText;
use super::{ExportError, fonts};

pub use svg::outline_svg;

/// How a text's glyphs are painted: their fill and their stroke (a label's halo), and
/// which of the two comes first.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Paint {
    /// The fill colour and opacity.
    pub(crate) fill: Option<(Rgb8, f32)>,
    /// The stroke, if any.
    pub(crate) stroke: Option<Stroke>,
    /// Whether the stroke is painted under the fill (`paint-order="stroke"`).
    pub(crate) stroke_first: bool,
}

/// A colour as three bytes.
pub(crate) type Rgb8 = [u8; 3];

/// A stroke around glyphs.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Stroke {
    /// Its colour.
    pub(crate) colour: Rgb8,
    /// Its opacity.
    pub(crate) opacity: f32,
    /// Its width, in the text's units.
    pub(crate) width: f32,
    /// Its line join: `miter`, `round` or `bevel`.
    pub(crate) join: &'static str,
}

/// One glyph drawn: which glyph of which face, and where.
#[derive(Clone, Debug)]
pub(crate) struct GlyphUse {
    /// The glyph, as an index into [`Scan::glyphs`].
    pub(crate) glyph: usize,
    /// Its outline's transform in the text's user space (font units to the text's units).
    pub(crate) ts: Transform,
    /// Its paint, as an index into [`TextItem::paints`].
    pub(crate) paint: usize,
}

/// A line of a text: what it says, in logical order, and where its glyphs stand.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Line {
    /// Its text, in logical order.
    pub(crate) text: String,
    /// Its baseline, in the text's units.
    pub(crate) y: f64,
    /// Where its glyphs start and end horizontally, in the text's units.
    pub(crate) x: (f64, f64),
    /// Its font size, in the text's units.
    pub(crate) px: f64,
}

/// One `<text>` element of the drawing.
#[derive(Clone, Debug)]
pub(crate) struct TextItem {
    /// Its bytes in [`Scan::svg`].
    pub(crate) range: Range<usize>,
    /// Its own id, if it has one.
    pub(crate) id: Option<String>,
    /// Its start tag's attributes, as written.
    pub(crate) attrs: Vec<(String, String)>,
    /// Its lines.
    pub(crate) lines: Vec<Line>,
    /// Its glyphs, in the order they are painted.
    pub(crate) uses: Vec<GlyphUse>,
    /// The paints of its glyphs.
    pub(crate) paints: Vec<Paint>,
    /// Its user space on the page.
    pub(crate) abs: Transform,
}

/// A glyph of a shipped face.
#[derive(Clone, Debug)]
pub(crate) struct Glyph {
    /// Its outline in font units, y up; `None` for a glyph that draws nothing (a space).
    pub(crate) outline: Option<Arc<Path>>,
    /// Its advance, in font units.
    pub(crate) advance: f32,
}

/// The texts of a drawing.
pub(crate) struct Scan {
    /// The drawing, every `<text>` with an id (those it had, or one given here).
    pub(crate) svg: String,
    /// Its texts, in document order.
    pub(crate) texts: Vec<TextItem>,
    /// The glyphs they use.
    pub(crate) glyphs: Vec<Glyph>,
    /// The drawing's size, in px.
    pub(crate) size: (f32, f32),
}

/// The prefix of the ids given to texts that had none.
const GIVEN_ID: &str = "pm-text-";

/// Reads the texts of `svg`, an exported drawing, laid out by usvg in the shipped fonts.
pub(crate) fn scan(svg: &str) -> Result<Scan, ExportError> {
    let (svg, elements) = markup::with_ids(svg, GIVEN_ID);
    let tree = usvg::Tree::from_str(&markup::texts_only(&svg), &fonts::usvg_options())
        .map_err(|e| ExportError::Svg(e.to_string()))?;
    let mut nodes: HashMap<String, &usvg::Text> = HashMap::new();
    collect_texts(tree.root(), &mut nodes);
    let db = tree.fontdb().clone();
    let mut table = GlyphTable::default();
    let mut texts = Vec::with_capacity(elements.len());
    for element in elements {
        let markup = &svg[element.range.clone()];
        let Some(node) = nodes.get(&element.lookup_id) else {
            continue;
        };
        let mut item = TextItem {
            range: element.range,
            id: element.own_id,
            attrs: markup::start_tag_attrs(markup),
            lines: markup::lines(markup),
            uses: Vec::new(),
            paints: Vec::new(),
            abs: node.abs_transform(),
        };
        place_glyphs(&mut item, node, &db, &mut table);
        texts.push(item);
    }
    let size = (tree.size().width(), tree.size().height());
    Ok(Scan {
        svg,
        texts,
        glyphs: table.glyphs,
        size,
    })
}

/// The texts of a drawing kept aside as plain lines ([`PlainText`]) and shaped here with the
/// shipped fonts, rather than laid out again by usvg (which takes most of the time of a
/// report's hundred table pages): `svg` is the drawing without them, `size` its size in px.
pub(crate) fn scan_plain(svg: String, size: (f32, f32), texts: &[PlainText]) -> Scan {
    let mut table = GlyphTable::default();
    let items = texts
        .iter()
        .map(|t| {
            let (glyphs, width) = fonts::shape_glyphs(&t.text, t.style.px, t.style.bold);
            let x0 = t.at.0 - t.style.anchor.share() * width;
            let uses = glyphs
                .iter()
                .filter_map(|g| {
                    let glyph = table.shipped(g.face, g.id);
                    table.glyphs[glyph].outline.as_ref()?;
                    let s = g.scale as f32;
                    Some(GlyphUse {
                        glyph,
                        ts: Transform::from_row(
                            s,
                            0.0,
                            0.0,
                            -s,
                            (x0 + g.at.0) as f32,
                            (t.at.1 - g.at.1) as f32,
                        ),
                        paint: 0,
                    })
                })
                .collect();
            TextItem {
                range: 0..0,
                id: None,
                attrs: Vec::new(),
                lines: vec![Line {
                    text: t.text.clone(),
                    y: t.at.1,
                    x: (x0, x0 + width),
                    px: t.style.px,
                }],
                uses,
                paints: vec![Paint {
                    fill: Some((t.fill, 1.0)),
                    stroke: None,
                    stroke_first: false,
                }],
                abs: Transform::identity(),
            }
        })
        .collect();
    Scan {
        svg,
        texts: items,
        glyphs: table.glyphs,
        size,
    }
}

/// Every text node under `group`, by id.
fn collect_texts<'a>(group: &'a usvg::Group, out: &mut HashMap<String, &'a usvg::Text>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect_texts(g, out),
            usvg::Node::Text(t) if !t.id().is_empty() => {
                out.insert(t.id().to_string(), t.as_ref());
            }
            _ => {}
        }
    }
}

/// The glyphs met so far, each once.
#[derive(Default)]
struct GlyphTable {
    glyphs: Vec<Glyph>,
    index: HashMap<(fontdb::ID, u16), usize>,
    /// Glyphs of the faces of [`fonts::face`], by face number and glyph id.
    shipped: HashMap<(usize, u16), usize>,
}

impl GlyphTable {
    /// The index of glyph `id` of face `font`, read from the face the first time.
    fn get(&mut self, db: &fontdb::Database, font: fontdb::ID, id: u16) -> usize {
        if let Some(&i) = self.index.get(&(font, id)) {
            return i;
        }
        let glyph = db
            .with_face_data(font, |data, index| {
                let face = ttf_parser::Face::parse(data, index).ok()?;
                Some(outline_of(&face, id))
            })
            .flatten()
            .unwrap_or(Glyph {
                outline: None,
                advance: 0.0,
            });
        let i = self.glyphs.len();
        self.glyphs.push(glyph);
        self.index.insert((font, id), i);
        i
    }
}

impl GlyphTable {
    /// The index of glyph `id` of shipped face number `face` ([`fonts::face`]), read from
    /// the face the first time.
    fn shipped(&mut self, face: usize, id: u16) -> usize {
        if let Some(&i) = self.shipped.get(&(face, id)) {
            return i;
        }
        let glyph = fonts::face(face).map_or(
            Glyph {
                outline: None,
                advance: 0.0,
            },
            |f| outline_of(f, id),
        );
        let i = self.glyphs.len();
        self.glyphs.push(glyph);
        self.shipped.insert((face, id), i);
        i
    }
}

/// Glyph `id` of `face`: its outline and advance.
fn outline_of(face: &ttf_parser::Face, id: u16) -> Glyph {
    let gid = ttf_parser::GlyphId(id);
    let mut builder = OutlineBuilder(PathBuilder::new());
    let outline = face
        .outline_glyph(gid, &mut builder)
        .and_then(|_| builder.0.finish())
        .map(Arc::new);
    let advance = f32::from(face.glyph_hor_advance(gid).unwrap_or(0));
    Glyph { outline, advance }
}

/// Builds a path from a glyph's outline.
struct OutlineBuilder(PathBuilder);

impl ttf_parser::OutlineBuilder for OutlineBuilder {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

/// Fills in the glyphs and paints of `item` from its laid-out `node`, and the horizontal
/// extent of each of its lines (the line whose baseline is nearest to each glyph's).
fn place_glyphs(
    item: &mut TextItem,
    node: &usvg::Text,
    db: &fontdb::Database,
    table: &mut GlyphTable,
) {
    let mut extents: Vec<Option<(f64, f64)>> = vec![None; item.lines.len()];
    for span in node.layouted() {
        if !span.visible {
            continue;
        }
        let paint = paint_of(span);
        let paint = match item.paints.iter().position(|p| *p == paint) {
            Some(i) => i,
            None => {
                item.paints.push(paint);
                item.paints.len() - 1
            }
        };
        for g in &span.positioned_glyphs {
            let glyph = table.get(db, g.font, g.id.0);
            let ts = g.outline_transform();
            let (x, y) = (f64::from(ts.tx), f64::from(ts.ty));
            let width = f64::from(table.glyphs[glyph].advance) * f64::from(ts.sx);
            if let Some(k) = nearest_line(&item.lines, y) {
                let e = extents[k].get_or_insert((x, x + width));
                *e = (e.0.min(x).min(x + width), e.1.max(x + width).max(x));
                if item.lines[k].px <= 0.0 {
                    item.lines[k].px = f64::from(span.font_size.get());
                }
            }
            if table.glyphs[glyph].outline.is_some() {
                item.uses.push(GlyphUse { glyph, ts, paint });
            }
        }
    }
    let mut lines = std::mem::take(&mut item.lines);
    for (line, extent) in lines.iter_mut().zip(&extents) {
        if let Some(e) = extent {
            line.x = *e;
        }
    }
    item.lines = lines
        .into_iter()
        .zip(extents)
        .filter(|(l, e)| e.is_some() && !l.text.trim().is_empty())
        .map(|(l, _)| l)
        .collect();
}

/// The line whose baseline is nearest to `y`.
fn nearest_line(lines: &[Line], y: f64) -> Option<usize> {
    lines
        .iter()
        .enumerate()
        .min_by(|a, b| (a.1.y - y).abs().total_cmp(&(b.1.y - y).abs()))
        .map(|(i, _)| i)
}

/// The paint of a laid-out span (colours only: exported texts use no gradients).
fn paint_of(span: &usvg::layout::Span) -> Paint {
    let colour = |p: &usvg::Paint| match p {
        usvg::Paint::Color(c) => Some([c.red, c.green, c.blue]),
        _ => None,
    };
    let fill = span
        .fill
        .as_ref()
        .and_then(|f| Some((colour(f.paint())?, f.opacity().get())));
    let stroke = span.stroke.as_ref().and_then(|s| {
        Some(Stroke {
            colour: colour(s.paint())?,
            opacity: s.opacity().get(),
            width: s.width().get(),
            join: match s.linejoin() {
                usvg::LineJoin::Round => "round",
                usvg::LineJoin::Bevel => "bevel",
                _ => "miter",
            },
        })
    });
    Paint {
        fill,
        stroke,
        stroke_first: span.paint_order == usvg::PaintOrder::StrokeAndFill,
    }
}
