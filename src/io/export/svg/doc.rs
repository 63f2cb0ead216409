//! Writing SVG: a growing document with numbers written the same way every time, texts in
//! the shipped fonts (one `<tspan>` per font where a line mixes scripts) and actor shapes.

use std::fmt::Write;

use super::super::fonts;
use super::super::text::{push_escaped, push_num};
use super::{FONT_FAMILY, Palette};
use crate::style::{self, Outline, Rgb};

/// A rough width of `chars` characters of text `px` high, for layout only (the real width
/// depends on the font; labels are centred, so an error only shifts the margins).
pub(crate) fn text_width(chars: usize, px: f64) -> f64 {
    chars as f64 * px * 0.56
}

/// Text lines that fit `width` px at `px` size.
pub(crate) fn wrap_to_width(text: &str, width: f64, px: f64) -> Vec<String> {
    let chars = ((width / (px * 0.56)).floor() as usize).max(10);
    text.lines()
        .flat_map(|l| style::wrap_label(l, chars))
        .collect()
}

/// Where a line of text stands relative to its position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// It starts there.
    Start,
    /// It is centred there.
    Middle,
    /// It ends there.
    End,
}

impl Anchor {
    /// The value of SVG's `text-anchor`.
    fn name(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Middle => "middle",
            Self::End => "end",
        }
    }

    /// The share of the text's width that lies before its position.
    pub(crate) fn share(self) -> f64 {
        match self {
            Self::Start => 0.0,
            Self::Middle => 0.5,
            Self::End => 1.0,
        }
    }
}

/// The size, weight and anchor of a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct TextStyle {
    /// The font size, in px.
    pub(crate) px: f64,
    /// Whether it is bold.
    pub(crate) bold: bool,
    /// Where it stands relative to its position.
    pub(crate) anchor: Anchor,
}

impl TextStyle {
    /// Regular text `px` high, starting at its position.
    pub(crate) const fn new(px: f64) -> Self {
        Self {
            px,
            bold: false,
            anchor: Anchor::Start,
        }
    }

    /// The same, bold.
    pub(crate) const fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    /// The same, anchored by `anchor`.
    pub(crate) const fn anchored(self, anchor: Anchor) -> Self {
        Self { anchor, ..self }
    }

    /// The width of `text` in this style, as drawn.
    pub(crate) fn width(self, text: &str) -> f64 {
        fonts::text_width(text, self.px, self.bold)
    }
}

/// A growing SVG document.
pub(crate) struct Doc {
    pub(crate) out: String,
    /// The colours it is drawn in.
    pub(crate) pal: &'static Palette,
    /// Where texts go instead of the markup, when they are kept aside to be drawn without
    /// laying them out again ([`Doc::recording`]).
    recorded: Option<Vec<PlainText>>,
}

/// One line of plain text kept aside from a drawing: where it stands, its style and its
/// colour. A report's table pages are drawn so, as hundreds of them would take seconds to
/// lay out again through usvg.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlainText {
    /// Its baseline's anchor point, in px.
    pub(crate) at: (f64, f64),
    /// Its size, weight and anchor.
    pub(crate) style: TextStyle,
    /// Its colour.
    pub(crate) fill: [u8; 3],
    /// What it says.
    pub(crate) text: String,
}

/// The colour of a `fill="#rrggbb"` among `attrs`, if any.
fn fill_of(attrs: &str) -> Option<[u8; 3]> {
    let at = attrs.find("fill=\"#")? + 6;
    rgb(attrs.get(at..at + 7)?)
}

/// The colour `#rrggbb`.
fn rgb(hex: &str) -> Option<[u8; 3]> {
    let hex = hex.strip_prefix('#')?;
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

impl Doc {
    /// Opens the document: `width` × `height` px on a white page.
    pub(crate) fn new(width: f64, height: f64, title: Option<&str>, pal: &'static Palette) -> Self {
        let (w, h) = (
            super::super::text::num(width),
            super::super::text::num(height),
        );
        Self::sized([&w, &h], (width, height), title, pal)
    }

    /// Opens a document `width` × `height` px on a white page whose own size is written
    /// as `attrs` (`["210mm", "297mm"]`).
    pub(crate) fn sized(
        attrs: [&str; 2],
        (width, height): (f64, f64),
        title: Option<&str>,
        pal: &'static Palette,
    ) -> Self {
        let mut out = String::with_capacity(64 * 1024);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
        out.push_str(attrs[0]);
        out.push_str("\" height=\"");
        out.push_str(attrs[1]);
        out.push_str("\" viewBox=\"0 0 ");
        push_num(&mut out, width);
        out.push(' ');
        push_num(&mut out, height);
        let _ = writeln!(out, "\" font-family=\"{FONT_FAMILY}\">");
        if let Some(t) = title {
            out.push_str("<title>");
            push_escaped(&mut out, t);
            out.push_str("</title>\n");
        }
        out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"");
        out.push_str(pal.page);
        out.push_str("\"/>\n");
        Self {
            out,
            pal,
            recorded: None,
        }
    }

    /// The same document keeping its texts aside as [`PlainText`]s instead of writing them:
    /// see [`Doc::finish_recorded`].
    pub(crate) fn recording(mut self) -> Self {
        self.recorded = Some(Vec::new());
        self
    }

    /// Keeps `text` aside when recording; `false` when it is to be written.
    fn record(&mut self, at: (f64, f64), style: TextStyle, attrs: &str, text: &str) -> bool {
        let ink = rgb(self.pal.ink).unwrap_or([0, 0, 0]);
        let Some(recorded) = self.recorded.as_mut() else {
            return false;
        };
        if !text.trim().is_empty() {
            recorded.push(PlainText {
                at,
                style,
                fill: fill_of(attrs).unwrap_or(ink),
                text: text.to_string(),
            });
        }
        true
    }

    /// A piece of a document, to be appended to one.
    pub(super) fn fragment(pal: &'static Palette) -> Self {
        Self {
            out: String::new(),
            pal,
            recorded: None,
        }
    }

    /// Appends a number.
    pub(crate) fn n(&mut self, v: f64) -> &mut Self {
        push_num(&mut self.out, v);
        self
    }

    /// Appends raw markup.
    pub(crate) fn s(&mut self, s: &str) -> &mut Self {
        self.out.push_str(s);
        self
    }

    /// Appends escaped text.
    pub(crate) fn t(&mut self, s: &str) -> &mut Self {
        push_escaped(&mut self.out, s);
        self
    }

    /// A one-line text element with its baseline at `at`, `attrs` written as given.
    pub(crate) fn text(&mut self, at: (f64, f64), style: TextStyle, attrs: &str, text: &str) {
        if self.record(at, style, attrs, text) {
            return;
        }
        self.s("<text font-size=\"").n(style.px).s("\"");
        if style.bold {
            self.s(" font-weight=\"bold\"");
        }
        if !attrs.is_empty() {
            self.s(" ").s(attrs);
        }
        self.placed(at, style, true, text);
        self.s("</text>\n");
    }

    /// Several lines of text from the baseline at (`x`, `y`), `line` px apart, in one
    /// element.
    pub(crate) fn lines(
        &mut self,
        id: &str,
        (x, y): (f64, f64),
        (style, line): (TextStyle, f64),
        attrs: &str,
        lines: &[String],
    ) {
        if self.recorded.is_some() {
            for (i, l) in lines.iter().enumerate() {
                self.record((x, y + i as f64 * line), style, attrs, l);
            }
            return;
        }
        self.s("<text");
        if !id.is_empty() {
            self.s(" id=\"").s(id).s("\"");
        }
        self.s(" font-size=\"").n(style.px).s("\"");
        if style.bold {
            self.s(" font-weight=\"bold\"");
        }
        if style.anchor != Anchor::Start {
            self.s(" text-anchor=\"").s(style.anchor.name()).s("\"");
        }
        if !attrs.is_empty() {
            self.s(" ").s(attrs);
        }
        self.s(">");
        for (i, l) in lines.iter().enumerate() {
            self.line((x, y + i as f64 * line), style, l);
        }
        self.s("</text>\n");
    }

    /// One line inside a text element, with its baseline at `at`; `style` is the one the
    /// element gives it (this line writes no size, weight or anchor of its own).
    pub(crate) fn line(&mut self, at: (f64, f64), style: TextStyle, text: &str) {
        self.s("<tspan");
        self.placed(at, style, false, text);
        self.s("</tspan>");
    }

    /// Ends the start tag of a text element or line with its position and writes its
    /// content: the text itself when one font draws all of it, else one `<tspan>` for each
    /// piece of one font ([`fonts::layout`]) naming that font, so that every renderer
    /// shapes each piece with a font that has it (usvg, and so the PNG and PDF, would
    /// otherwise shape the whole line with the first font and break the other scripts).
    /// Each piece after the first starts a text chunk of its own (its `y`), which renderers
    /// lay out one after the other, or is given its `x` where usvg would misplace it. As a
    /// chunk is anchored by itself, such a line is placed from its start, its measured
    /// width before the anchor. `own_anchor`: the element is the one that sets the anchor.
    fn placed(&mut self, (x, y): (f64, f64), style: TextStyle, own_anchor: bool, text: &str) {
        let runs = fonts::runs(text);
        let layout = match runs.as_slice() {
            [run] if run.family == fonts::DEFAULT_FAMILY => None,
            _ => Some(fonts::layout(text, style.px, style.bold)),
        };
        let layout = match layout {
            Some(l) if !l.flows || l.pieces.len() > 1 => l,
            one => {
                self.s(" x=\"").n(x).s("\" y=\"").n(y).s("\"");
                if own_anchor && style.anchor != Anchor::Start {
                    self.s(" text-anchor=\"").s(style.anchor.name()).s("\"");
                }
                if let Some(piece) = one.as_ref().and_then(|l| l.pieces.first())
                    && piece.family != fonts::DEFAULT_FAMILY
                {
                    self.family(piece.family);
                }
                self.s(">").t(text);
                return;
            }
        };
        let start = x - style.anchor.share() * layout.width;
        self.s(" x=\"").n(start).s("\" y=\"").n(y).s("\"");
        if style.anchor != Anchor::Start {
            self.s(" text-anchor=\"start\"");
        }
        // The pieces stand in the order they are drawn, which is not the order they are
        // read in where a right-to-left run is split: the line's text is named whole.
        self.s(" aria-label=\"").t(text).s("\"");
        // Spaces at the ends of pieces are kept: a renderer may otherwise trim them at
        // each chunk (librsvg does).
        self.s(" xml:space=\"preserve\">");
        for (i, piece) in layout.pieces.iter().enumerate() {
            self.s("<tspan");
            if piece.placed {
                self.s(" x=\"").n(start + piece.x).s("\"");
            }
            if i > 0 {
                self.s(" y=\"").n(y).s("\"");
            }
            if piece.family != fonts::DEFAULT_FAMILY {
                self.family(piece.family);
            }
            self.s(">").t(&text[piece.range.clone()]).s("</tspan>");
        }
    }

    /// A `font-family` attribute naming one shipped family.
    fn family(&mut self, family: &str) {
        self.s(" font-family=\"'").s(family).s("', sans-serif\"");
    }

    /// An actor's shape at `c` with radius `r`.
    pub(crate) fn shape(
        &mut self,
        shape: style::Shape,
        c: (f64, f64),
        r: f64,
        fill: Rgb,
        stroke_w: f64,
    ) {
        let fill = fill.hex();
        let outline_colour = self.pal.outline;
        let outline = style::shape_outline(shape, c, r);
        match &outline {
            Outline::Circle(radius) | Outline::Ringed { outer: radius, .. } => {
                self.s("<circle cx=\"")
                    .n(c.0)
                    .s("\" cy=\"")
                    .n(c.1)
                    .s("\" r=\"")
                    .n(*radius);
            }
            Outline::Polygon(points) => {
                self.s("<polygon points=\"");
                for (i, (x, y)) in points.iter().enumerate() {
                    if i > 0 {
                        self.s(" ");
                    }
                    self.n(*x).s(",").n(*y);
                }
            }
        }
        self.s("\" fill=\"")
            .s(&fill)
            .s("\" stroke=\"")
            .s(outline_colour)
            .s("\" stroke-width=\"")
            .n(stroke_w)
            .s("\"/>");
        // A joint body's inner white ring, over the filled circle.
        if let Outline::Ringed {
            inner, ring_width, ..
        } = outline
        {
            self.s("<circle cx=\"")
                .n(c.0)
                .s("\" cy=\"")
                .n(c.1)
                .s("\" r=\"")
                .n(inner)
                .s("\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"")
                .n(ring_width)
                .s("\"/>");
        }
    }

    /// Closes the document and returns its text.
    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    /// Closes a [`Doc::recording`] document: the drawing without its texts, and the texts.
    pub(crate) fn finish_recorded(mut self) -> (String, Vec<PlainText>) {
        let texts = self.recorded.take().unwrap_or_default();
        (self.finish(), texts)
    }
}
