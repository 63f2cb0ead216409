//! The map as SVG (design.md §8): the picture of the canvas with a title, a legend, a caption
//! and a date, every actor and partnership its own element with an id and its name in a
//! `<title>`, labels as real text. Drawn from the model with the visual encoding of
//! [`crate::style`], so that print matches the screen; the PNG and PDF exports render this
//! same drawing.
//!
//! Split in three: [`doc`] writes SVG (the document, its texts and shapes), [`map`] draws
//! the map and [`legend`] the legend; this file places them on the page.

mod change;
mod doc;
mod legend;
mod map;
mod on_page;

use super::page::PageSetup;
use crate::analysis::Indicators;
use crate::analysis::time::Composed;
use crate::model::Project;
use crate::style::ViewEncoding;

pub(crate) use doc::{Anchor, Doc, PlainText, TextStyle, text_width, wrap_to_width};
pub use map::map_extent;

use change::ChangeLooks;
use legend::{draw_legend, legend};
use map::{Looks, draw_map, drawn_area};

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
    /// The paper the picture is laid out on (design.md §8): fitted to the drawing by
    /// default.
    pub page: PageSetup,
    /// Light or dark: the window exports in its theme's colours unless told otherwise.
    pub colours: Colours,
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
            page: PageSetup::default(),
            colours: Colours::default(),
        }
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
/// Label line height at scale 1, in map units, for labels of [`crate::style::marks::LABEL_SIZE`].
const LABEL_LINE: f64 = 17.0;
/// The smallest label, line and actor on paper, in px, when a large map is scaled down:
/// labels are never under 7 pt (design.md §8); a crowded map drops or shortens labels
/// instead.
const MIN_LABEL_PX: f64 = super::page::MIN_TEXT_PX;
const MIN_LINE_PX: f64 = 0.75;
const MIN_RADIUS_PX: f64 = 2.0;
/// Space around the map's contents, in map units.
const FIT_MARGIN: f64 = 20.0;

/// The colours of a drawing's page and of everything that is not the map's own encoding
/// (sectors, trust, forms keep their colours on both).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// The page.
    pub page: &'static str,
    /// Text and sample lines.
    pub ink: &'static str,
    /// Secondary text: dates, ticks, cut lines.
    pub muted: &'static str,
    /// Actors' outlines.
    pub outline: &'static str,
    /// The map's frame and the legend's box.
    pub frame: &'static str,
    /// The legend's box.
    pub panel: &'static str,
    /// The quadrant plot's background.
    pub plot: &'static str,
    /// Quadrant names.
    pub faint: &'static str,
    /// Lines from a quadrant chart's labels to their points.
    pub leader: &'static str,
    /// Every other row of a report table.
    pub band: &'static str,
    /// The rule under a table's header.
    pub rule: &'static str,
}

/// The print colours: a white page, dark text, outlines as the light theme draws them.
pub const LIGHT: Palette = Palette {
    page: "#ffffff",
    ink: "#1a1a1a",
    muted: "#555555",
    outline: "#4d4d4d",
    frame: "#d0d0d0",
    panel: "#f7f7f7",
    plot: "#fbfbfb",
    faint: "#8a8a8a",
    leader: "#9a9a9a",
    band: "#f0f0f0",
    rule: "#999999",
};

/// The dark theme's colours, for slides and screens shown as the window shows the map.
pub const DARK: Palette = Palette {
    page: "#1b1b1b",
    ink: "#e6e6e6",
    muted: "#a6a6a6",
    outline: "#9c9c9c",
    frame: "#474747",
    panel: "#242424",
    plot: "#202020",
    faint: "#8c8c8c",
    leader: "#6a6a6a",
    band: "#262626",
    rule: "#6e6e6e",
};

/// The colours an exported picture is drawn in: light (for paper) or dark, as the window's
/// theme is when the window exports it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Colours {
    /// A white page.
    #[default]
    Light,
    /// A dark page, as the window's dark theme.
    Dark,
}

impl Colours {
    /// Its palette.
    pub fn palette(self) -> &'static Palette {
        match self {
            Self::Light => &LIGHT,
            Self::Dark => &DARK,
        }
    }

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }
}

/// The title that will be drawn, if any.
pub(crate) fn title_of(project: &Project, opts: &SvgOptions) -> Option<String> {
    let t = opts
        .title
        .clone()
        .unwrap_or_else(|| project.meta.title.clone());
    let t = t.trim().to_string();
    (!t.is_empty()).then_some(t)
}

/// The map on a page of `opts.page` (A4 when that is fitted to the drawing) numbered
/// `page` in a report, with the indicators of `project` when the view encoding needs them.
pub(crate) fn map_page_svg(
    project: &Project,
    opts: &SvgOptions,
    indicators: Option<&Indicators>,
    page: Option<(usize, usize)>,
) -> String {
    let looks = Looks::new(project, opts.encoding, indicators);
    page_svg(project, opts, &looks, page)
}

/// The comparison `composed` of the states labelled `from` and `to` on a page, as
/// [`map_page_svg`] puts the map on one; `indicators` are those of `composed.project`.
pub(crate) fn comparison_page_svg(
    composed: &Composed,
    (from, to): (&str, &str),
    opts: &SvgOptions,
    indicators: Option<&Indicators>,
    page: Option<(usize, usize)>,
) -> String {
    let looks = Looks::new(&composed.project, opts.encoding, indicators)
        .with_change(ChangeLooks::of(composed, from, to));
    page_svg(&composed.project, opts, &looks, page)
}

/// `project` drawn with `looks` on a page of `opts.page` (A4 when that is fitted to the
/// drawing), numbered `page` in a report.
fn page_svg(
    project: &Project,
    opts: &SvgOptions,
    looks: &Looks,
    page: Option<(usize, usize)>,
) -> String {
    let area = drawn_area(project, opts, looks);
    let wide = area.2 - area.0 > area.3 - area.1;
    let setup = match opts.page.paper {
        super::page::PaperSize::Fit => PageSetup {
            paper: super::page::PaperSize::A4,
            ..opts.page
        },
        _ => opts.page,
    };
    match setup.sheet(wide) {
        Some(sheet) => on_page::map_page(project, opts, (looks, area), &sheet, page),
        None => svg_of(project, opts, looks),
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
    svg_of(
        project,
        opts,
        &Looks::new(project, opts.encoding, indicators),
    )
}

/// A comparison of two states as an SVG document, laid out as [`map_svg`] lays out the map:
/// `composed` ([`crate::analysis::time::compose`]) drawn with every mark of
/// [`crate::style::change`], the legend's Change section (from the state labelled `from` to
/// `to`) first. `indicators` are those of `composed.project`, when the view encoding needs
/// them (`None`: computed when needed).
pub fn comparison_svg(
    composed: &Composed,
    (from, to): (&str, &str),
    opts: &SvgOptions,
    indicators: Option<&Indicators>,
) -> String {
    let looks = Looks::new(&composed.project, opts.encoding, indicators)
        .with_change(ChangeLooks::of(composed, from, to));
    svg_of(&composed.project, opts, &looks)
}

/// `project` drawn with `looks`, on its page or fitted to the drawing.
fn svg_of(project: &Project, opts: &SvgOptions, looks: &Looks) -> String {
    let muted = opts.colours.palette().muted;
    let ink = opts.colours.palette().ink;
    let area = drawn_area(project, opts, looks);
    let (cw, ch) = (area.2 - area.0, area.3 - area.1);
    if let Some(sheet) = opts.page.sheet(cw > ch) {
        return on_page::map_page(project, opts, (looks, area), &sheet, None);
    }
    let scale = (MAX_MAP_PX / cw.max(ch)).min(1.0);
    let (map_w, map_h) = (cw * scale, ch * scale);
    let legend = opts.legend.then(|| {
        legend(
            project,
            (opts.encoding, on_page::change_section(looks)),
            scale,
            opts.colours.palette(),
        )
    });
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

    let mut doc = Doc::new(width, height, title.as_deref(), opts.colours.palette());
    if !title_lines.is_empty() {
        doc.lines(
            "title",
            (MARGIN, MARGIN + TITLE_PX),
            (TextStyle::new(TITLE_PX).bold(), TITLE_LINE),
            &format!("fill=\"{ink}\""),
            &title_lines,
        );
    }
    let map_x = MARGIN;
    let map_y = MARGIN + header_h;
    draw_map(
        &mut doc,
        project,
        (opts, looks),
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
            &format!("fill=\"{ink}\""),
            &footer,
        );
        y += footer.len() as f64 * CAPTION_LINE;
    }
    if let Some(d) = date {
        doc.text(
            (MARGIN, y),
            TextStyle::new(CAPTION_PX),
            &format!("id=\"date\" fill=\"{muted}\""),
            d,
        );
    }
    doc.finish()
}
