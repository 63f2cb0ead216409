//! The labels of the printed quadrant chart: placed inside the plot, clear of the points,
//! the quadrant names, the cut lines and each other; a spread spot's labels stacked in one
//! block beside it with a leader to each point, else each label by its point, else a number
//! by the point, listed under the chart.

use super::PlotArea;
use super::plot::{CROWD, PageName, crowd_count};
use crate::io::export::svg::{Doc, TextStyle};
use crate::style::labels::Rect;
use crate::style::labels::chart::Placer;
use crate::style::quadrant::{Chart, SHAPE_RADIUS_PX, Spot};

/// The point labels' style, and the height of one of their lines in px.
const LABEL: TextStyle = TextStyle::new(10.0);
const LABEL_LINE: f64 = 12.0;
/// A label line's box reaches this far above its baseline and below it, in px: the
/// ascenders and descenders of the label font.
const LABEL_ASCENT: f64 = 8.5;
const LABEL_DESCENT: f64 = 2.5;
/// How far from a point's centre its label keeps, in px: just clear of the point's shape.
const POINT_CLEAR: f64 = SHAPE_RADIUS_PX + 0.5;
/// How far from a point (or a spot's points) a label is tried, in px, nearest first;
/// beyond the first, a thin leader joins label and point.
const LABEL_REACHES: [f64; 5] = [2.0, 8.0, 16.0, 28.0, 44.0];
/// The same for a number standing in for a label that fits nowhere.
const NUMBER_REACHES: [f64; 7] = [1.0, 4.0, 8.0, 14.0, 22.0, 34.0, 50.0];
/// Points nearer a spot than this, in units of the plot's side, crowd it: the spots with
/// most points near them are labelled first.
const NEAR: f64 = 0.1;

/// One label on the chart: a point's label, or the number that stands in for it.
pub(super) struct PlacedLabel {
    /// What it says.
    text: String,
    /// Where its first line's baseline starts.
    baseline: (f64, f64),
    /// Thin lines from points to the label, when it stands away from them.
    leaders: Vec<((f64, f64), (f64, f64))>,
    /// Whether it is a number, listed under the chart.
    numbered: bool,
}

/// The chart's labels and the points numbered instead of labelled.
pub(super) struct Labels {
    /// Every label, in the order they were placed.
    placed: Vec<PlacedLabel>,
    /// (number, index of the point in [`Chart::points`]), in number order.
    pub(super) numbered: Vec<(usize, usize)>,
}

/// The size of a block of `lines` label lines `width` px wide.
fn line_box(lines: usize, width: f64) -> (f64, f64) {
    let tall = (lines - 1) as f64 * LABEL_LINE + LABEL_ASCENT + LABEL_DESCENT;
    (width, tall)
}

/// Places the labels of the chart's spread spots (crowds have one mark and no labels) inside
/// the plot at `area`, clear of the points, the quadrant `names`, the cut lines and each
/// other. Crowded spots are placed first.
pub(super) fn place_labels(chart: &Chart, names: &[PageName], area: PlotArea) -> Labels {
    let mut placer = obstacles(chart, names, area);
    let mut labels = Labels {
        placed: Vec::new(),
        numbered: Vec::new(),
    };
    for spot in labelling_order(chart) {
        let members: Vec<(f64, f64)> = spot
            .members
            .iter()
            .map(|&i| area.at(chart.points[i].at))
            .collect();
        if spot.members.len() > 1
            && let Some(block) = place_block(&mut placer, chart, spot, &members)
        {
            labels.placed.extend(block);
            continue;
        }
        for (&i, &c) in spot.members.iter().zip(&members) {
            let leader = spot.members.len() > 1;
            place_one(&mut placer, &mut labels, chart, i, c, leader);
        }
    }
    labels
}

/// A placer for the plot at `area` with what a label must not hide already taken: the
/// points, the cut lines, the quadrant `names` and the crowds' counts.
fn obstacles(chart: &Chart, names: &[PageName], area: PlotArea) -> Placer {
    let mut placer = Placer::new(Rect::at((area.left, area.top), (area.side, area.side)));
    for p in &chart.points {
        placer.take(Rect::around(area.at(p.at), POINT_CLEAR));
    }
    let (cut_x, cut_y) = (area.x(chart.cut.x), area.y(chart.cut.y));
    placer.take(Rect::at((cut_x - 1.0, area.top), (2.0, area.side)));
    placer.take(Rect::at((area.left, cut_y - 1.0), (area.side, 2.0)));
    for (name, (x, y), style) in names {
        let w = style.width(name);
        let left = x - style.anchor.share() * w;
        placer.take(Rect::at((left, y - style.px), (w, style.px * 1.3)));
    }
    for mark in chart.marks.iter().filter(|m| m.is_crowd()) {
        let (text, (x, y)) = crowd_count(mark, area);
        placer.take(Rect::at((x, y - 11.0), (CROWD.width(&text), 14.0)));
    }
    placer
}

/// The spots to label, largest first, then those with most points near them.
fn labelling_order(chart: &Chart) -> Vec<&Spot> {
    let crowding = |s: &Spot| {
        chart
            .points
            .iter()
            .filter(|p| (p.at[0] - s.at[0]).hypot(p.at[1] - s.at[1]) < NEAR)
            .count()
    };
    let mut order: Vec<&Spot> = chart.spots.iter().filter(|s| !s.is_crowd()).collect();
    order.sort_by_key(|s| std::cmp::Reverse((s.members.len(), crowding(s))));
    order
}

/// The labels of a spread spot whose points are drawn at `members`, stacked in one block
/// beside them with a leader to each point, if the block fits.
fn place_block(
    placer: &mut Placer,
    chart: &Chart,
    spot: &Spot,
    members: &[(f64, f64)],
) -> Option<Vec<PlacedLabel>> {
    let area = members
        .iter()
        .map(|&c| Rect::around(c, POINT_CLEAR))
        .reduce(Rect::union)?;
    // Lines in the order of their points from top to bottom, so that leaders do not cross.
    let mut stack: Vec<(usize, (f64, f64))> = spot
        .members
        .iter()
        .copied()
        .zip(members.iter().copied())
        .collect();
    stack.sort_by(|a, b| a.1.1.total_cmp(&b.1.1));
    let widest = stack
        .iter()
        .map(|(i, _)| LABEL.width(&chart.points[*i].label))
        .fold(0.0, f64::max);
    let size = line_box(stack.len(), widest);
    let (block, _) = placer.place_beside(area, size, &LABEL_REACHES[1..])?;
    let right_of_points = block.left >= area.right;
    let to_x = if right_of_points {
        block.left - 1.0
    } else {
        block.right + 1.0
    };
    let lines = stack.into_iter().enumerate().map(|(k, (i, from))| {
        let top = block.top + k as f64 * LABEL_LINE;
        PlacedLabel {
            text: chart.points[i].label.clone(),
            baseline: (block.left, top + LABEL_ASCENT),
            leaders: vec![(from, (to_x, top + LABEL_ASCENT - 3.0))],
            numbered: false,
        }
    });
    Some(lines.collect())
}

/// The label of point `i`, drawn at `c`: beside it, else a number beside it (listed under the
/// chart), else the number beside it all the same. A leader joins it to the point when it
/// stands away from it, or always if `leader`.
fn place_one(
    placer: &mut Placer,
    labels: &mut Labels,
    chart: &Chart,
    i: usize,
    c: (f64, f64),
    leader: bool,
) {
    let own = Rect::around(c, POINT_CLEAR);
    let text = &chart.points[i].label;
    let (text, (r, reach), numbered) =
        match placer.place(own, line_box(1, LABEL.width(text)), &LABEL_REACHES) {
            Some(found) => (text.clone(), found, false),
            None => {
                let number = labels.numbered.len() + 1;
                labels.numbered.push((number, i));
                let text = number.to_string();
                let size = line_box(1, LABEL.width(&text));
                let found = placer.place(own, size, &NUMBER_REACHES).unwrap_or_else(|| {
                    // Nowhere free: beside the point all the same.
                    let r = Rect::at((own.right + 1.0, c.1 - size.1 / 2.0), size);
                    placer.take(r);
                    (r, 1.0)
                });
                (text, found, true)
            }
        };
    let near = if numbered {
        NUMBER_REACHES[1]
    } else {
        LABEL_REACHES[0]
    };
    let leaders = if reach > near || leader {
        // From the edge of the point's shape to the nearest point of the label.
        let to = r.nearest(c);
        let d = (to.0 - c.0).hypot(to.1 - c.1).max(1e-9);
        let from = (
            c.0 + (to.0 - c.0) * SHAPE_RADIUS_PX / d,
            c.1 + (to.1 - c.1) * SHAPE_RADIUS_PX / d,
        );
        vec![(from, to)]
    } else {
        Vec::new()
    };
    labels.placed.push(PlacedLabel {
        text,
        baseline: (r.left, r.top + LABEL_ASCENT),
        leaders,
        numbered,
    });
}

/// Draws the leaders first, then the labels over them, each with a halo.
pub(super) fn draw(doc: &mut Doc, labels: &Labels) {
    let page = doc.pal.page;
    let ink = doc.pal.ink;
    doc.s("<g id=\"point-labels\" fill=\"").s(ink).s("\">\n");
    for (from, to) in labels.placed.iter().flat_map(|l| &l.leaders) {
        doc.s("<line x1=\"")
            .n(from.0)
            .s("\" y1=\"")
            .n(from.1)
            .s("\" x2=\"")
            .n(to.0)
            .s("\" y2=\"")
            .n(to.1);
        let leader = doc.pal.leader;
        doc.s("\" stroke=\"")
            .s(leader)
            .s("\" stroke-width=\"0.5\"/>\n");
    }
    for label in &labels.placed {
        doc.text(
            label.baseline,
            LABEL,
            &format!(
                "class=\"{}\" stroke=\"{page}\" stroke-width=\"2.5\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
                if label.numbered { "label-number" } else { "label" }
            ),
            &label.text,
        );
    }
    doc.s("</g>\n");
}
