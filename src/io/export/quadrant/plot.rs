//! The plot of the printed quadrant chart: its frame, the quadrant names in their outer
//! corners, the dashed cut lines, the ticks and axis names, then the points and the counts of
//! crowds.

use super::PlotArea;
use crate::io::export::svg::{Anchor, Doc, MARGIN, TextStyle};
use crate::io::export::text::num;
use crate::style::quadrant::{Chart, Mark, POINT_RADIUS_PX, SHAPE_RADIUS_PX, Subject};

/// The style of a crowd's count.
pub(super) const CROWD: TextStyle = TextStyle::new(11.0).bold();
/// How far right of and above a crowd's spot its count starts, in px.
const CROWD_OFFSET: f64 = 8.0;

/// A quadrant's name on the page: its text, where its baseline is anchored, its style.
pub(super) type PageName = (&'static str, (f64, f64), TextStyle);

/// The four quadrant names, each in its quadrant's outer corner of the plot at `area`.
pub(super) fn names(chart: &Chart, area: PlotArea) -> Vec<PageName> {
    chart
        .names
        .iter()
        .map(|n| {
            let (x, y) = area.at(n.outer_corner());
            let (x, anchor) = if n.side.high_x {
                (x - 10.0, Anchor::End)
            } else {
                (x + 10.0, Anchor::Start)
            };
            let y = if n.side.high_y { y + 22.0 } else { y - 12.0 };
            (n.name, (x, y), TextStyle::new(14.0).bold().anchored(anchor))
        })
        .collect()
}

/// What a crowd's count says, and where it starts.
pub(super) fn crowd_count(mark: &Mark, area: PlotArea) -> (String, (f64, f64)) {
    let (x, y) = area.at(mark.at);
    (
        format!("×{}", mark.points.len()),
        (x + CROWD_OFFSET, y - CROWD_OFFSET),
    )
}

/// The plot: frame, quadrant `names`, cut lines, ticks, axis names.
pub(super) fn plot(doc: &mut Doc, chart: &Chart, names: &[PageName], area: PlotArea) {
    let muted = doc.pal.muted;
    doc.s("<g id=\"plot\">\n<rect id=\"plot-frame\" x=\"")
        .n(area.left)
        .s("\" y=\"")
        .n(area.top)
        .s("\" width=\"")
        .n(area.side)
        .s("\" height=\"")
        .n(area.side);
    let plot = doc.pal.plot;
    doc.s("\" fill=\"")
        .s(plot)
        .s("\" stroke=\"")
        .s(muted)
        .s("\"/>\n");
    for (name, at, style) in names {
        doc.text(
            *at,
            *style,
            &format!("class=\"quadrant-name\" fill=\"{}\"", doc.pal.faint),
            name,
        );
    }
    cut_lines(doc, chart, area);
    axes(doc, chart, area);
    doc.s("</g>\n");
}

/// The dashed lines where the plot is cut.
fn cut_lines(doc: &mut Doc, chart: &Chart, area: PlotArea) {
    let muted = doc.pal.muted;
    let (x, y) = (area.x(chart.cut.x), area.y(chart.cut.y));
    doc.s("<line id=\"cut-x\" x1=\"")
        .n(x)
        .s("\" y1=\"")
        .n(area.top)
        .s("\" x2=\"")
        .n(x)
        .s("\" y2=\"")
        .n(area.top + area.side);
    doc.s("\" stroke=\"")
        .s(muted)
        .s("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n");
    doc.s("<line id=\"cut-y\" x1=\"")
        .n(area.left)
        .s("\" y1=\"")
        .n(y)
        .s("\" x2=\"")
        .n(area.left + area.side)
        .s("\" y2=\"")
        .n(y);
    doc.s("\" stroke=\"")
        .s(muted)
        .s("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n");
}

/// The ticks of both axes and their names.
fn axes(doc: &mut Doc, chart: &Chart, area: PlotArea) {
    let muted = doc.pal.muted;
    let ink = doc.pal.ink;
    for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let tick = num(t);
        doc.text(
            (area.x(t), area.top + area.side + 16.0),
            TextStyle::new(11.0).anchored(Anchor::Middle),
            &format!("fill=\"{muted}\""),
            &tick,
        );
        doc.text(
            (area.left - 6.0, area.y(t) + 4.0),
            TextStyle::new(11.0).anchored(Anchor::End),
            &format!("fill=\"{muted}\""),
            &tick,
        );
    }
    let (x_name, y_name) = chart.framework.axes();
    let axis = TextStyle::new(13.0).anchored(Anchor::Middle);
    doc.text(
        (area.left + area.side / 2.0, area.top + area.side + 38.0),
        axis,
        &format!("id=\"axis-x\" fill=\"{ink}\""),
        x_name,
    );
    doc.text(
        (0.0, 0.0),
        axis,
        &format!(
            "id=\"axis-y\" transform=\"translate({} {}) rotate(-90)\" fill=\"{ink}\"",
            num(MARGIN + 14.0),
            num(area.top + area.side / 2.0)
        ),
        y_name,
    );
}

/// Every point, with its full name as its tooltip, then the count of each crowd.
pub(super) fn points(doc: &mut Doc, chart: &Chart, area: PlotArea) {
    let ink = doc.pal.ink;
    doc.s("<g id=\"points\">\n");
    for p in &chart.points {
        let c = area.at(p.at);
        doc.s("<g id=\"")
            .s(&point_id(p.subject))
            .s("\" class=\"point\"><title>")
            .t(&p.name)
            .s("</title>");
        match p.shape {
            Some(shape) => doc.shape(shape, c, SHAPE_RADIUS_PX, p.colour, 1.0),
            None => {
                doc.s("<circle cx=\"")
                    .n(c.0)
                    .s("\" cy=\"")
                    .n(c.1)
                    .s("\" r=\"")
                    .n(POINT_RADIUS_PX)
                    .s("\" fill=\"")
                    .s(&p.colour.hex());
                doc.s("\" stroke=\"")
                    .s(ink)
                    .s("\" stroke-opacity=\"0.6\"/>");
            }
        }
        doc.s("</g>\n");
    }
    for mark in chart.marks.iter().filter(|m| m.is_crowd()) {
        let (label, at) = crowd_count(mark, area);
        doc.text(
            at,
            CROWD,
            &format!("class=\"crowd\" fill=\"{ink}\""),
            &label,
        );
    }
    doc.s("</g>\n");
}

/// The SVG id of a point's group.
fn point_id(subject: Subject) -> String {
    match subject {
        Subject::Actor(id) => format!("actor-{id}"),
        Subject::Partnership(id) => format!("partnership-{id}"),
    }
}
