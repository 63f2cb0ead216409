//! The map as SVG (design.md §8): the picture of the canvas with a title, a legend, a caption
//! and a date, every actor and partnership its own element with an id and its name in a
//! `<title>`, labels as real text. Drawn from the model with the visual encoding of
//! [`crate::style`], so that print matches the screen; the PNG and PDF exports render this
//! same drawing.

use std::fmt::Write;

use super::fonts;
use super::text::{push_escaped, push_num};
use std::collections::HashMap;

use crate::analysis::Indicators;
use crate::model::{Actor, ActorId, Choice, ColourBy, Project};
use crate::style::legend::{self, LegendRow, Swatch};
use crate::style::{self, Outline, Rgb, ViewEncoding};
use crate::task::Progress;

/// What to put around the map and which part of it to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgOptions {
    /// The title on top; `None` uses the map's title (and no title line if that is empty).
    pub title: Option<String>,
    /// A caption under the drawing ("Source: workshop of 12 May, Pursat").
    pub caption: Option<String>,
    /// A date under the caption, written as given.
    pub date: Option<String>,
    /// The part of the map to draw, in map units, as (left, top, right, bottom) — what the
    /// canvas shows, for "export the view". `None`, or an empty or non-finite rectangle,
    /// draws the whole map fitted with margins.
    pub area: Option<(f64, f64, f64, f64)>,
    /// Whether to draw the legend beside the map.
    pub legend: bool,
    /// What sizes the actors and whether brokers get a ring: the window's view settings,
    /// so that the export matches the screen.
    pub encoding: ViewEncoding,
}

impl Default for SvgOptions {
    fn default() -> Self {
        Self {
            title: None,
            caption: None,
            date: None,
            area: None,
            legend: true,
            encoding: ViewEncoding::default(),
        }
    }
}

/// The size of every actor and the ring of every broker, as the view encoding gives them.
struct Sizes {
    /// Radii replacing the size by influence, in map units.
    radii: Option<HashMap<ActorId, f64>>,
    /// Brokers and the strength of their ring, when rings are drawn.
    rings: HashMap<ActorId, f64>,
}

impl Sizes {
    /// Sizes by influence, without rings.
    fn by_influence() -> Self {
        Self {
            radii: None,
            rings: HashMap::new(),
        }
    }

    /// The sizes and rings of `encoding`, from the indicators (computed here, betweenness
    /// included when it sizes the actors, if `indicators` is `None` and they are needed).
    fn new(project: &Project, encoding: ViewEncoding, indicators: Option<&Indicators>) -> Self {
        if !encoding.needs_indicators() {
            return Self::by_influence();
        }
        let computed;
        let ind = match indicators {
            Some(ind) => ind,
            None => {
                computed =
                    super::indicators(project, encoding.needs_betweenness(), &Progress::new());
                match &computed {
                    Ok(ind) => ind,
                    Err(_) => return Self::by_influence(),
                }
            }
        };
        Self {
            radii: style::indicator_radii(ind, encoding.size_by),
            rings: if encoding.broker_rings {
                style::broker_strengths(ind)
            } else {
                HashMap::new()
            },
        }
    }

    /// An actor's radius in map units.
    fn radius(&self, a: &Actor) -> f64 {
        self.radii
            .as_ref()
            .and_then(|r| r.get(&a.id))
            .copied()
            .unwrap_or_else(|| style::actor_radius(a))
    }
}

/// The fonts named in every exported drawing, in fallback order; all of them ship in
/// `assets/fonts` and are the only fonts the PNG and PDF renderers know.
pub const FONT_FAMILY: &str = "'Noto Sans', 'Noto Sans Khmer', 'Noto Sans Arabic', 'DejaVu Sans', \
     'Noto Emoji', 'Droid Sans Fallback', sans-serif";

/// Space around the drawing, in px.
pub(crate) const MARGIN: f64 = 24.0;
/// The longest side of the map area, in px: larger maps are scaled down to fit, so that an
/// export has a printable size (and a bounded PNG) whatever the map's extent.
pub const MAX_MAP_PX: f64 = 1600.0;
/// The legend's box reaches this far beyond its contents on the left and right, in px.
const LEGEND_PAD: f64 = 10.0;
/// The space between the map and the legend, in px.
const GAP: f64 = 24.0;
/// The title's size and line height, in px.
const TITLE_PX: f64 = 22.0;
const TITLE_LINE: f64 = 30.0;
/// The caption's size and line height, in px.
const CAPTION_PX: f64 = 13.0;
const CAPTION_LINE: f64 = 18.0;
/// Label size and line height at scale 1, in map units (the canvas at zoom 1).
const LABEL_PX: f64 = 14.0;
const LABEL_LINE: f64 = 17.0;
/// The smallest label, line and actor on paper, in px, when a large map is scaled down.
const MIN_LABEL_PX: f64 = 6.0;
const MIN_LINE_PX: f64 = 0.75;
const MIN_RADIUS_PX: f64 = 2.0;
/// Below this scale labels show short names, as the canvas does when zoomed out.
const SHORT_LABELS_BELOW_SCALE: f64 = 0.5;
/// Space around the map's contents, in map units.
const FIT_MARGIN: f64 = 20.0;

/// The print colours: a white page, dark text, outlines as the light theme draws them.
pub(crate) const PAGE: &str = "#ffffff";
pub(crate) const INK: &str = "#1a1a1a";
pub(crate) const MUTED: &str = "#555555";
const OUTLINE: &str = "#4d4d4d";
const FRAME: &str = "#d0d0d0";

/// A rough width of `chars` characters of text `px` high, for layout only (the real width
/// depends on the font; labels are centred, so an error only shifts the margins).
pub(crate) fn text_width(chars: usize, px: f64) -> f64 {
    chars as f64 * px * 0.56
}

/// The map's contents as (left, top, right, bottom) in map units: actors (sized by
/// influence), their labels and the curves of parallel partnerships, with a margin. `None`
/// for a map without actors.
pub fn map_extent(project: &Project) -> Option<(f64, f64, f64, f64)> {
    extent(project, &Sizes::by_influence())
}

/// [`map_extent`] with the actors sized by `sizes`.
fn extent(project: &Project, sizes: &Sizes) -> Option<(f64, f64, f64, f64)> {
    let mut b = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    let grow = |b: &mut (f64, f64, f64, f64), x0: f64, y0: f64, x1: f64, y1: f64| {
        *b = (b.0.min(x0), b.1.min(y0), b.2.max(x1), b.3.max(y1));
    };
    for a in project.actors.values() {
        let (x, y) = (a.position.x, a.position.y);
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let r = sizes.radius(a) * 1.3;
        grow(&mut b, x - r, y - r, x + r, y + r);
        let lines = style::wrap_label(&a.name, style::LABEL_WRAP_CHARS);
        let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let half = text_width(widest, LABEL_PX) / 2.0;
        let top = y + sizes.radius(a) + 3.0;
        grow(
            &mut b,
            x - half,
            top,
            x + half,
            top + lines.len() as f64 * LABEL_LINE + 4.0,
        );
    }
    if !b.0.is_finite() {
        return None;
    }
    let bends = style::parallel_bends(project);
    for p in project.partnerships.values() {
        let (Some(a), Some(bb)) = (project.actor(p.a), project.actor(p.b)) else {
            continue;
        };
        let bend = bends.get(&p.id).copied().unwrap_or(0.0);
        if let Some(c) = style::curve_control(pos(a), pos(bb), bend, p.a < p.b) {
            // The curve stays within the triangle of its ends and control point; its apex is
            // halfway to the control point.
            let apex = (
                (pos(a).0 + pos(bb).0) / 4.0 + c.0 / 2.0,
                (pos(a).1 + pos(bb).1) / 4.0 + c.1 / 2.0,
            );
            grow(&mut b, apex.0, apex.1, apex.0, apex.1);
        }
    }
    Some((
        b.0 - FIT_MARGIN,
        b.1 - FIT_MARGIN,
        b.2 + FIT_MARGIN,
        b.3 + FIT_MARGIN,
    ))
}

fn pos(a: &Actor) -> (f64, f64) {
    (a.position.x, a.position.y)
}

/// The rectangle to draw: the requested area when it is usable, else the whole map.
fn drawn_area(project: &Project, opts: &SvgOptions, sizes: &Sizes) -> (f64, f64, f64, f64) {
    if let Some((l, t, r, b)) = opts.area
        && [l, t, r, b].iter().all(|v| v.is_finite())
        && r - l >= 1.0
        && b - t >= 1.0
    {
        return (l, t, r, b);
    }
    extent(project, sizes).unwrap_or((0.0, 0.0, 480.0, 320.0))
}

/// The title that will be drawn, if any.
fn title_of(project: &Project, opts: &SvgOptions) -> Option<String> {
    let t = opts
        .title
        .clone()
        .unwrap_or_else(|| project.meta.title.clone());
    let t = t.trim().to_string();
    (!t.is_empty()).then_some(t)
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
}

impl Doc {
    /// Opens the document: `width` × `height` px on a white page.
    pub(crate) fn new(width: f64, height: f64, title: Option<&str>) -> Self {
        let mut out = String::with_capacity(64 * 1024);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
        push_num(&mut out, width);
        out.push_str("\" height=\"");
        push_num(&mut out, height);
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
        out.push_str(PAGE);
        out.push_str("\"/>\n");
        Self { out }
    }

    /// A piece of a document, to be appended to one.
    fn fragment() -> Self {
        Self { out: String::new() }
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
        self.s("<text id=\"")
            .s(id)
            .s("\" font-size=\"")
            .n(style.px)
            .s("\"");
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
            .s(OUTLINE)
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
}

/// The map as an SVG document: title on top, the map (its `area`, or all of it), the legend
/// to the right, caption and date below. The same map and options always give the same
/// bytes. Indicators that `opts.encoding` needs are computed here; see [`map_svg_with`].
pub fn map_svg(project: &Project, opts: &SvgOptions) -> String {
    map_svg_with(project, opts, None)
}

/// [`map_svg`] with the indicators of `project` given, when the view encoding sizes or
/// rings actors by them (`None`: computed when needed).
pub fn map_svg_with(
    project: &Project,
    opts: &SvgOptions,
    indicators: Option<&Indicators>,
) -> String {
    let sizes = Sizes::new(project, opts.encoding, indicators);
    let area = drawn_area(project, opts, &sizes);
    let (cw, ch) = (area.2 - area.0, area.3 - area.1);
    let scale = (MAX_MAP_PX / cw.max(ch)).min(1.0);
    let (map_w, map_h) = (cw * scale, ch * scale);
    let legend = opts
        .legend
        .then(|| legend(project.settings.colour_by, opts.encoding, scale));
    let legend_h = legend.as_ref().map_or(0.0, |l| l.height);
    let legend_w = legend.as_ref().map_or(0.0, |l| GAP + l.width);
    let width = (MARGIN * 2.0 + map_w + legend_w).max(480.0).ceil();
    let inner_w = width - 2.0 * MARGIN;
    let title = title_of(project, opts);
    let title_lines = title
        .as_deref()
        .map(|t| wrap_to_width(t, inner_w, TITLE_PX))
        .unwrap_or_default();
    let header_h = if title_lines.is_empty() {
        0.0
    } else {
        title_lines.len() as f64 * TITLE_LINE + 10.0
    };
    let mut footer: Vec<String> = Vec::new();
    if let Some(c) = opts.caption.as_deref().filter(|c| !c.trim().is_empty()) {
        footer.extend(wrap_to_width(c.trim(), inner_w, CAPTION_PX));
    }
    let date = opts
        .date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty());
    let footer_h = (footer.len() + usize::from(date.is_some())) as f64 * CAPTION_LINE
        + if footer.is_empty() && date.is_none() {
            0.0
        } else {
            12.0
        };
    let body_h = map_h.max(legend_h);
    let height = (MARGIN * 2.0 + header_h + body_h + footer_h).ceil();

    let mut doc = Doc::new(width, height, title.as_deref());
    if !title_lines.is_empty() {
        doc.lines(
            "title",
            (MARGIN, MARGIN + TITLE_PX),
            (TextStyle::new(TITLE_PX).bold(), TITLE_LINE),
            &format!("fill=\"{INK}\""),
            &title_lines,
        );
    }
    let map_x = MARGIN;
    let map_y = MARGIN + header_h;
    draw_map(
        &mut doc,
        project,
        (opts, &sizes),
        area,
        scale,
        (map_x, map_y),
        (map_w, map_h),
    );
    if let Some(legend) = &legend {
        draw_legend(&mut doc, legend, (map_x + map_w + GAP, map_y));
    }
    let mut y = map_y + body_h + 12.0 + CAPTION_PX;
    if !footer.is_empty() {
        doc.lines(
            "caption",
            (MARGIN, y),
            (TextStyle::new(CAPTION_PX), CAPTION_LINE),
            &format!("fill=\"{INK}\""),
            &footer,
        );
        y += footer.len() as f64 * CAPTION_LINE;
    }
    if let Some(d) = date {
        doc.text(
            (MARGIN, y),
            TextStyle::new(CAPTION_PX),
            &format!("id=\"date\" fill=\"{MUTED}\""),
            d,
        );
    }
    doc.finish()
}

/// Draws the map's actors, partnerships and labels into the frame at `origin` of `size` px.
fn draw_map(
    doc: &mut Doc,
    project: &Project,
    (opts, sizes): (&SvgOptions, &Sizes),
    area: (f64, f64, f64, f64),
    scale: f64,
    origin: (f64, f64),
    size: (f64, f64),
) {
    doc.s("<rect id=\"map-frame\" x=\"")
        .n(origin.0)
        .s("\" y=\"")
        .n(origin.1)
        .s("\" width=\"")
        .n(size.0);
    doc.s("\" height=\"")
        .n(size.1)
        .s("\" fill=\"none\" stroke=\"")
        .s(FRAME)
        .s("\"/>\n");
    let clipped = opts.area.is_some();
    if clipped {
        doc.s("<clipPath id=\"map-clip\"><rect x=\"")
            .n(area.0)
            .s("\" y=\"")
            .n(area.1);
        doc.s("\" width=\"")
            .n(area.2 - area.0)
            .s("\" height=\"")
            .n(area.3 - area.1)
            .s("\"/></clipPath>\n");
    }
    doc.s("<g id=\"map\" transform=\"translate(")
        .n(origin.0)
        .s(" ")
        .n(origin.1)
        .s(") scale(");
    // Scales are written with more precision than coordinates: an error here moves the
    // far side of a large map.
    let _ = write!(doc.out, "{}", (scale * 1e6).round() / 1e6);
    doc.s(") translate(").n(-area.0).s(" ").n(-area.1).s(")\"");
    if clipped {
        doc.s(" clip-path=\"url(#map-clip)\"");
    }
    doc.s(">\n");
    if project.actors.is_empty() {
        doc.text(
            (area.0 + 20.0, area.1 + 40.0),
            TextStyle::new(16.0),
            &format!("fill=\"{MUTED}\""),
            "This map has no actors yet.",
        );
    }
    // Sizes on paper never fall below what can be seen, however far a map is scaled down.
    let at_least = |map_units: f64, min_px: f64| map_units.max(min_px / scale);
    let visible = |x0: f64, y0: f64, x1: f64, y1: f64| {
        !clipped
            || (x1 >= area.0 - 60.0
                && x0 <= area.2 + 60.0
                && y1 >= area.1 - 60.0
                && y0 <= area.3 + 60.0)
    };
    let radius = |a: &Actor| at_least(sizes.radius(a), MIN_RADIUS_PX);

    // Partnerships, under the actors.
    let bends = style::parallel_bends(project);
    let colour_by = project.settings.colour_by;
    doc.s("<g id=\"partnerships\" fill=\"none\" stroke-linecap=\"round\">\n");
    for p in project.partnerships.values() {
        let (Some(a), Some(b)) = (project.actor(p.a), project.actor(p.b)) else {
            continue;
        };
        let (pa, pb) = (pos(a), pos(b));
        let bend = bends.get(&p.id).copied().unwrap_or(0.0);
        let control = style::curve_control(pa, pb, bend, p.a < p.b);
        let xs = [pa.0, pb.0, control.map_or(pa.0, |c| c.0)];
        let ys = [pa.1, pb.1, control.map_or(pa.1, |c| c.1)];
        let min = |v: [f64; 3]| v.iter().copied().fold(f64::INFINITY, f64::min);
        let max = |v: [f64; 3]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if !visible(min(xs), min(ys), max(xs), max(ys)) {
            continue;
        }
        let colour = style::partnership_colour_by(p, colour_by).hex();
        let width = at_least(style::form_width(p.form), MIN_LINE_PX);
        doc.s("<g id=\"partnership-")
            .s(&p.id.to_string())
            .s("\" class=\"partnership form-")
            .s(p.form.name())
            .s("\"><title>");
        doc.t(&a.name).s(" – ").t(&b.name);
        if let Some(label) = p.label.as_deref().filter(|l| !l.trim().is_empty()) {
            doc.s(": ").t(label);
        }
        doc.s("</title><path d=\"M").n(pa.0).s(" ").n(pa.1);
        match control {
            Some(c) => doc.s(" Q").n(c.0).s(" ").n(c.1).s(" "),
            None => doc.s(" L"),
        };
        doc.n(pb.0)
            .s(" ")
            .n(pb.1)
            .s("\" stroke=\"")
            .s(&colour)
            .s("\" stroke-width=\"")
            .n(width)
            .s("\"");
        if style::is_dashed(p.formality) {
            // The canvas's dashes: 8 px on, 70% of that off, at its zoom limits.
            let dash = (8.0 * scale).clamp(5.0, 16.0) / scale;
            doc.s(" stroke-dasharray=\"")
                .n(dash)
                .s(" ")
                .n(dash * 0.7)
                .s("\"");
        }
        doc.s("/>");
        if let Some((who, strength)) = style::dominant_end(p) {
            let points = if who == p.a {
                style::curve_points(pa, pb, bend, p.a < p.b, 12)
            } else {
                style::curve_points(pb, pa, bend, p.b < p.a, 12)
            };
            let holder = if who == p.a { a } else { b };
            let at = style::point_along(&points, style::power_dot_distance(radius(holder), width));
            let r = at_least(style::power_dot_radius(strength), 2.0);
            doc.s("<circle class=\"power\" cx=\"")
                .n(at.0)
                .s("\" cy=\"")
                .n(at.1)
                .s("\" r=\"")
                .n(r);
            doc.s("\" fill=\"")
                .s(&colour)
                .s("\" stroke=\"")
                .s(PAGE)
                .s("\" stroke-width=\"")
                .n(1.5 / scale.max(0.5))
                .s("\"/>");
        }
        doc.s("</g>\n");
    }
    doc.s("</g>\n");

    // Actors.
    doc.s("<g id=\"actors\">\n");
    let mut shown: Vec<&Actor> = Vec::new();
    for a in project.actors.values() {
        let (x, y) = pos(a);
        let r = radius(a);
        if !visible(x - r, y - r, x + r, y + r) {
            continue;
        }
        shown.push(a);
        doc.s("<g id=\"actor-")
            .s(&a.id.to_string())
            .s("\" class=\"actor sector-")
            .s(a.sector.name())
            .s("\"><title>");
        doc.t(&a.name).s("</title>");
        if let Some(strength) = sizes.rings.get(&a.id) {
            // The canvas's ring at zoom `scale`: its gap and line in screen points.
            let (gap, width) = style::broker_ring(*strength);
            doc.s("<circle class=\"broker-ring\" cx=\"")
                .n(x)
                .s("\" cy=\"")
                .n(y)
                .s("\" r=\"")
                .n(r + gap / scale);
            doc.s("\" fill=\"none\" stroke=\"")
                .s(&style::BROKER_RING.hex())
                .s("\" stroke-width=\"")
                .n(width / scale)
                .s("\"/>");
        }
        doc.shape(
            style::sector_shape(a.sector),
            (x, y),
            r,
            style::sector_colour(a.sector),
            1.5 / scale.max(0.5),
        );
        doc.s("</g>\n");
    }
    doc.s("</g>\n");

    // Labels, over everything, with a white halo as the canvas draws them on its background.
    let label_px = at_least(LABEL_PX, MIN_LABEL_PX);
    let label_style = TextStyle::new(label_px).anchored(Anchor::Middle);
    let line = LABEL_LINE * label_px / LABEL_PX;
    doc.s("<g id=\"labels\" text-anchor=\"middle\" fill=\"")
        .s(INK)
        .s("\" font-size=\"")
        .n(label_px);
    doc.s("\" stroke=\"")
        .s(PAGE)
        .s("\" stroke-opacity=\"0.85\" stroke-width=\"")
        .n(label_px * 0.25);
    doc.s("\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n");
    for a in shown {
        let text = if scale < SHORT_LABELS_BELOW_SCALE {
            a.short_or_name()
        } else {
            a.name.as_str()
        };
        let lines = style::wrap_label(text, style::LABEL_WRAP_CHARS);
        if lines.is_empty() {
            continue;
        }
        let (x, y) = pos(a);
        let top = y + radius(a) + 3.0;
        doc.s("<text id=\"label-").s(&a.id.to_string()).s("\">");
        for (i, l) in lines.iter().enumerate() {
            doc.line((x, top + label_px * 0.95 + i as f64 * line), label_style, l);
        }
        doc.s("</text>\n");
    }
    doc.s("</g>\n</g>\n");
}

/// Row height in the legend, in px.
const ROW: f64 = 20.0;
/// Header height in the legend, in px.
const HEADER: f64 = 24.0;
/// Where the legend's texts start, right of the swatches, in px.
const LEGEND_LABEL_X: f64 = 44.0;

/// The legend, drawn with its top left at the origin, and the size of its box.
struct Legend {
    /// The drawing, to be placed with a translation.
    body: String,
    /// The box's width from the origin, in px.
    width: f64,
    /// The box's height, in px.
    height: f64,
}

/// Draws a legend and keeps track of how far right its texts reach.
struct LegendDoc {
    doc: Doc,
    right: f64,
}

impl LegendDoc {
    /// A line of text `px` high with its baseline at (`x`, `y`).
    fn text(&mut self, (x, y): (f64, f64), style: TextStyle, text: &str) {
        self.doc
            .text((x, y), style, &format!("fill=\"{INK}\""), text);
        self.right = self.right.max(x + style.width(text));
    }

    /// A row's text, beside its swatch in the row whose top is at `y`.
    fn label(&mut self, y: f64, text: &str) {
        self.text((LEGEND_LABEL_X, y + 14.0), TextStyle::new(12.0), text);
    }

    /// A sample line across the swatch column, `width` px wide, dashed when asked.
    fn line(&mut self, y: f64, width: f64, dash: Option<(f64, f64)>) {
        let doc = &mut self.doc;
        doc.s("<line x1=\"")
            .n(2.0)
            .s("\" y1=\"")
            .n(y + 10.0)
            .s("\" x2=\"")
            .n(36.0)
            .s("\" y2=\"")
            .n(y + 10.0);
        doc.s("\" stroke=\"")
            .s(INK)
            .s("\" stroke-width=\"")
            .n(width)
            .s("\"");
        if let Some((on, off)) = dash {
            doc.s(" stroke-dasharray=\"").n(on).s(" ").n(off).s("\"");
        }
        doc.s("/>\n");
    }
}

/// The legend ([`style::legend::legend_sections`]): its box is as wide as its longest
/// text, measured in the fonts it is drawn with; sizes and line widths are drawn at the
/// map's `scale`.
fn legend(colour_by: ColourBy, encoding: ViewEncoding, scale: f64) -> Legend {
    let mut l = LegendDoc {
        doc: Doc::fragment(),
        right: 0.0,
    };
    let mut y = 0.0;
    let sections = style::legend::legend_sections(colour_by, encoding);
    for (k, section) in sections.iter().enumerate() {
        if k > 0 {
            y += 8.0;
        }
        l.text(
            (0.0, y + 16.0),
            TextStyle::new(13.0).bold(),
            &section.heading,
        );
        y += HEADER;
        for row in &section.rows {
            y += legend_row(&mut l, row, y, scale);
        }
    }
    Legend {
        body: l.doc.out,
        width: (l.right + LEGEND_PAD).ceil(),
        height: y + 8.0,
    }
}

/// Draws one legend row with its top at `y`; returns its height.
fn legend_row(l: &mut LegendDoc, row: &LegendRow, y: f64, scale: f64) -> f64 {
    match &row.swatch {
        Swatch::Shape {
            shape,
            colour,
            radius,
        } => {
            l.doc.s("<g class=\"legend-sector\">");
            l.doc.shape(*shape, (18.0, y + 10.0), *radius, *colour, 1.0);
            l.doc.s("</g>\n");
        }
        Swatch::Sizes(samples) => return size_row(l, *samples, &row.text, y, scale),
        Swatch::Ring { radius, width } => {
            l.doc
                .s("<circle cx=\"")
                .n(18.0)
                .s("\" cy=\"")
                .n(y + 10.0)
                .s("\" r=\"")
                .n(*radius);
            l.doc
                .s("\" fill=\"none\" stroke=\"")
                .s(&style::BROKER_RING.hex())
                .s("\" stroke-width=\"")
                .n(*width)
                .s("\"/>\n");
        }
        Swatch::Line {
            width,
            to_scale,
            dash,
        } => {
            let width = if *to_scale {
                (width * scale).max(MIN_LINE_PX)
            } else {
                *width
            };
            l.line(y, width, *dash);
        }
        Swatch::Fill(rgb) => {
            l.doc
                .s("<rect x=\"")
                .n(2.0)
                .s("\" y=\"")
                .n(y + 4.0)
                .s("\" width=\"34\" height=\"")
                .n(legend::SWATCH_HEIGHT)
                .s("\" rx=\"2\" fill=\"");
            l.doc.s(&rgb.hex()).s("\"/>\n");
        }
        Swatch::Gradient(steps) => {
            let w = legend::GRADIENT_WIDTH / steps.len() as f64;
            for (i, rgb) in steps.iter().enumerate() {
                l.doc
                    .s("<rect x=\"")
                    .n(2.0 + i as f64 * w)
                    .s("\" y=\"")
                    .n(y + 4.0)
                    .s("\" width=\"")
                    .n(w + 0.3);
                l.doc
                    .s("\" height=\"")
                    .n(legend::SWATCH_HEIGHT)
                    .s("\" fill=\"")
                    .s(&rgb.hex())
                    .s("\"/>");
            }
            l.doc.s("\n");
            let x = legend::GRADIENT_WIDTH + 8.0;
            l.text((x, y + 14.0), TextStyle::new(12.0), &row.text);
            return ROW;
        }
        Swatch::PowerDot => {
            l.line(y, legend::SAMPLE_LINE_WIDTH, None);
            l.doc
                .s("<circle cx=\"")
                .n(30.0)
                .s("\" cy=\"")
                .n(y + 10.0)
                .s("\" r=\"")
                .n(legend::POWER_DOT_RADIUS)
                .s("\" fill=\"")
                .s(INK)
                .s("\"/>\n");
        }
    }
    l.label(y, &row.text);
    ROW
}

/// The row of three actor sizes, drawn at the map's `scale`, with its text; returns its
/// height.
fn size_row(l: &mut LegendDoc, samples: [f64; 3], text: &str, y: f64, scale: f64) -> f64 {
    let paper = |r: f64| (r * scale).max(MIN_RADIUS_PX);
    let row = paper(samples[2]) * 2.0 + 8.0;
    let mut cx = 4.0;
    for r in samples {
        let r = paper(r);
        cx += r;
        l.doc
            .s("<circle cx=\"")
            .n(cx)
            .s("\" cy=\"")
            .n(y + row / 2.0)
            .s("\" r=\"")
            .n(r);
        l.doc.s("\" fill=\"none\" stroke=\"").s(OUTLINE).s("\"/>\n");
        cx += r + 4.0;
    }
    l.text(
        (cx.max(LEGEND_LABEL_X) + 4.0, y + row / 2.0 + 4.0),
        TextStyle::new(12.0),
        text,
    );
    row
}

/// Draws `legend` with its top left at `at`, in a box around it.
fn draw_legend(doc: &mut Doc, legend: &Legend, at: (f64, f64)) {
    doc.s("<g id=\"legend\" transform=\"translate(")
        .n(at.0)
        .s(" ")
        .n(at.1)
        .s(")\">\n");
    doc.s("<rect id=\"legend-box\" x=\"")
        .n(-LEGEND_PAD)
        .s("\" y=\"-4\" width=\"")
        .n(legend.width + LEGEND_PAD);
    doc.s("\" height=\"")
        .n(legend.height)
        .s("\" rx=\"6\" fill=\"#f7f7f7\" stroke=\"")
        .s(FRAME)
        .s("\"/>\n");
    doc.s(&legend.body).s("</g>\n");
}
