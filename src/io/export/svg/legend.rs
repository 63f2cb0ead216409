//! The legend in the SVG: the rows of [`crate::style::legend`], drawn beside the map in a
//! box as wide as its longest text.

use super::change as change_marks;
use super::{Doc, LEGEND_PAD, MIN_LINE_PX, MIN_RADIUS_PX, TextStyle};
use crate::model::Project;
use crate::style::change::{self, Glyph};
use crate::style::legend::{self, LegendRow, LegendSection, Swatch};
use crate::style::{self, ViewEncoding};

/// Row height in the legend, in px.
const ROW: f64 = 20.0;
/// Header height in the legend, in px.
const HEADER: f64 = 24.0;
/// Where the legend's texts start, right of the swatches, in px.
const LEGEND_LABEL_X: f64 = 44.0;

/// The legend, drawn with its top left at the origin, and the size of its box.
pub(super) struct Legend {
    /// The drawing, to be placed with a translation.
    pub(super) body: String,
    /// The box's width from the origin, in px.
    pub(super) width: f64,
    /// The box's height, in px.
    pub(super) height: f64,
}

/// Draws a legend and keeps track of how far right its texts reach.
struct LegendDoc {
    doc: Doc,
    right: f64,
}

impl LegendDoc {
    /// A line of text `px` high with its baseline at (`x`, `y`).
    fn text(&mut self, (x, y): (f64, f64), style: TextStyle, text: &str) {
        let ink = self.doc.pal.ink;
        self.doc
            .text((x, y), style, &format!("fill=\"{ink}\""), text);
        self.right = self.right.max(x + style.width(text));
    }

    /// A row's text, beside its swatch in the row whose top is at `y`.
    fn label(&mut self, y: f64, text: &str) {
        self.text((LEGEND_LABEL_X, y + 14.0), TextStyle::new(12.0), text);
    }

    /// A sample line across the swatch column, `width` px wide, dashed when asked.
    fn line(&mut self, y: f64, width: f64, dash: Option<(f64, f64)>) {
        let ink = self.doc.pal.ink;
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
            .s(ink)
            .s("\" stroke-width=\"")
            .n(width)
            .s("\"");
        if let Some((on, off)) = dash {
            doc.s(" stroke-dasharray=\"").n(on).s(" ").n(off).s("\"");
        }
        doc.s("/>\n");
    }
}

/// The legend ([`style::legend::legend_sections`]; in a comparison, its `change` section
/// first and the rows that still hold, [`change::comparison_sections`]): its box is as wide
/// as its longest text, measured in the fonts it is drawn with; sizes and line widths are
/// drawn at the map's `scale`.
pub(super) fn legend(
    project: &Project,
    (encoding, change): (ViewEncoding, Option<&LegendSection>),
    scale: f64,
    pal: &'static super::Palette,
) -> Legend {
    let mut l = LegendDoc {
        doc: Doc::fragment(pal),
        right: 0.0,
    };
    let mut y = 0.0;
    let not_set = style::legend::NotSet::of(project);
    let mut sections =
        style::legend::legend_sections(project.settings.colour_by, encoding, not_set);
    if let Some(change) = change {
        sections = change::comparison_sections(change.clone(), sections);
    }
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
    let ink = l.doc.pal.ink;
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
                .s(ink)
                .s("\"/>\n");
        }
        Swatch::Change(glyph) => change_glyph(l, *glyph, y),
    }
    l.label(y, &row.text);
    ROW
}

/// The row of three actor sizes, drawn at the map's `scale`, with its text; returns its
/// height.
fn size_row(l: &mut LegendDoc, samples: [f64; 3], text: &str, y: f64, scale: f64) -> f64 {
    let outline = l.doc.pal.outline;
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
        l.doc.s("\" fill=\"none\" stroke=\"").s(outline).s("\"/>\n");
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
pub(super) fn draw_legend(doc: &mut Doc, legend: &Legend, at: (f64, f64)) {
    let panel = doc.pal.panel;
    let frame = doc.pal.frame;
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
        .s("\" rx=\"6\" fill=\"")
        .s(panel)
        .s("\" stroke=\"")
        .s(frame)
        .s("\"/>\n");
    doc.s(&legend.body).s("</g>\n");
}

/// Draws a comparison's legend glyph in a row whose top is at `y`.
fn change_glyph(l: &mut LegendDoc, glyph: Glyph, y: f64) {
    let (x, cy) = (18.0, y + 10.0);
    match glyph {
        Glyph::Trust(up) => {
            let rgb = if up {
                change::TRUST_ROSE
            } else {
                change::TRUST_FELL
            };
            let size = change::GLYPH_PRINT_SCALE;
            let points = change::trust_triangle(x, cy, up, size);
            change_marks::glyph(&mut l.doc, "trust", &points, &rgb.hex(), 1.0);
        }
        Glyph::Power => {
            l.line(y, legend::SAMPLE_LINE_WIDTH, None);
            let points = change::arrowhead(x + 6.0, cy, 1.0, 0.0, change::GLYPH_PRINT_SCALE);
            let fill = change_marks::power_fill(l.doc.pal);
            change_marks::glyph(&mut l.doc, "power", &points, &fill, 1.0);
        }
        Glyph::Ring(added) => {
            let ink = l.doc.pal.ink;
            l.doc
                .s("<circle cx=\"")
                .n(x)
                .s("\" cy=\"")
                .n(cy)
                .s("\" r=\"5\" fill=\"");
            l.doc.s(ink).s("\" fill-opacity=\"0.4\"/>");
            ring(&mut l.doc, (x, cy), 5.0 + change::RING_GAP, added);
        }
        Glyph::Absent => {
            let ink = l.doc.pal.ink;
            l.doc
                .s("<circle cx=\"")
                .n(x)
                .s("\" cy=\"")
                .n(cy)
                .s("\" r=\"6\" fill=\"");
            l.doc
                .s(ink)
                .s("\" opacity=\"")
                .n(f64::from(change::ABSENT_ALPHA))
                .s("\"/>\n");
        }
    }
}

/// The ring of an added (solid, green) or removed (dashed, red) actor, of radius `r`.
pub(super) fn ring(doc: &mut Doc, (x, y): (f64, f64), r: f64, added: bool) {
    let rgb = if added { change::ADDED } else { change::ENDED };
    doc.s("<circle cx=\"")
        .n(x)
        .s("\" cy=\"")
        .n(y)
        .s("\" r=\"")
        .n(r);
    doc.s("\" fill=\"none\" stroke=\"")
        .s(&rgb.hex())
        .s("\" stroke-width=\"");
    doc.n(change::RING_WIDTH).s("\"");
    if !added {
        let (on, off) = change::DASH;
        doc.s(" stroke-dasharray=\"").n(on).s(" ").n(off).s("\"");
    }
    doc.s("/>\n");
}
