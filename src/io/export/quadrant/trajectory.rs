//! The trajectory chart of a comparison as SVG (design.md §12): the quadrant chart of one
//! framework with each partnership's point in the earlier state joined to its point in the
//! later state by an arrow ([`crate::analysis::trajectory`], drawn as
//! [`crate::style::trajectory`] says), partnerships (or, for D, actors) of one state only as
//! lone green or red points, a short legend and the moves between quadrants counted under
//! the chart.

use std::collections::BTreeMap;

use super::{
    BELOW_PLOT, LEFT, MIN_SIDE, NOTE_LINE, PlotArea, RIGHT_ON_PAGE, caption_and_date, plot,
    without_caption_and_date,
};
use crate::analysis::time::Composed;
use crate::analysis::trajectory::trajectories;
use crate::io::export::page::{Frame, Sheet};
use crate::io::export::svg::{Anchor, Doc, MARGIN, SvgOptions, TextStyle, wrap_to_width};
use crate::model::Project;
use crate::style::Rgb;
use crate::style::change::{self, ADDED, DEEPENED, ENDED, MIXED, SAME, WEAKENED};
use crate::style::quadrant::{Chart, chart};
use crate::style::trajectory::{Route, Way, moves_between_quadrants, routes};
use crate::typology::Framework;

/// The side of the square plot when fitted to the drawing, in px.
const PLOT: f64 = 560.0;
/// Room right of the plot when fitted to the drawing, in px.
const RIGHT: f64 = 48.0;
/// A legend row's height, in px.
const ROW: f64 = 20.0;
/// The legend's text, and where it starts right of the swatches.
const LEGEND_TEXT: TextStyle = TextStyle::new(12.0);
const LEGEND_TEXT_X: f64 = 44.0;
/// The radius of a lone point, and of the hollow circle where an arrow starts, in px.
const POINT_R: f64 = 5.5;
const START_R: f64 = 3.5;
/// How far apart lone points of one spot stand, in px.
const LONE_SPACING: f64 = 3.0 * POINT_R;
/// How much larger than on the map the arrowheads are drawn.
const HEAD_SCALE: f64 = 1.25;

/// A trajectory chart to draw: the later state's chart (its quadrants and cuts), the paths
/// from the earlier state, and the states' labels.
pub struct TrajectoryChart {
    /// The later state's chart: the plot's names and cuts.
    chart: Chart,
    /// The routes, in drawing order.
    paths: Vec<Route>,
    /// The moves between two quadrants, largest first.
    moves: Vec<(&'static str, &'static str, usize)>,
    /// How many items neither chart places.
    placed_in_neither: usize,
    /// The earlier state's label ("Baseline, 2012-06").
    from: String,
    /// The later state's label ("now").
    to: String,
}

impl TrajectoryChart {
    /// The paths of `framework`'s chart (cut where `project`, the working map, cuts it) from
    /// `before` to `after`, two states of `project` whose comparison is `composed`, labelled
    /// `from` and `to`.
    pub fn new(
        project: &Project,
        (before, after): (&Project, &Project),
        composed: &Composed,
        framework: Framework,
        (from, to): (&str, &str),
    ) -> Self {
        let cut = framework.cut(&project.settings);
        let items = trajectories(before, after, framework, cut);
        Self {
            chart: chart(after, framework, cut),
            paths: routes(&items, composed, framework.places_actors()),
            moves: moves_between_quadrants(&items),
            placed_in_neither: items
                .iter()
                .filter(|t| t.from.is_none() && t.to.is_none())
                .count(),
            from: from.to_string(),
            to: to.to_string(),
        }
    }

    /// Whether the items are actors (framework D) rather than partnerships.
    fn of_actors(&self) -> bool {
        self.chart.framework.places_actors()
    }
}

/// What a legend row shows beside its text.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mark {
    Arrow(Rgb),
    Dot(Rgb),
    Hollow(Rgb),
}

/// The legend's rows: a mark for each way some item went, and what it means.
fn legend_rows(t: &TrajectoryChart) -> Vec<(Mark, String)> {
    let has = |way: Way| t.paths.iter().any(|p| p.way == way);
    let moved = |rgb: Rgb| {
        t.paths
            .iter()
            .any(|p| p.way == Way::Moved && p.colour == rgb)
    };
    let mut rows = Vec::new();
    if t.of_actors() {
        if has(Way::Moved) {
            rows.push((
                Mark::Arrow(change::POWER),
                "moved (coloured by sector, as on the map)".to_string(),
            ));
        }
    } else {
        for (rgb, text) in [
            (DEEPENED, "moved; deeper or more formal"),
            (WEAKENED, "moved; shallower or less formal"),
            (MIXED, "moved; deeper one way, less the other"),
            (SAME, "moved; same form and formality"),
        ] {
            if moved(rgb) {
                rows.push((Mark::Arrow(rgb), text.to_string()));
            }
        }
    }
    let ended = if t.of_actors() { "removed" } else { "ended" };
    for (way, mark, text) in [
        (Way::Stayed, Mark::Dot(SAME), "did not move".to_string()),
        (
            Way::Added,
            Mark::Dot(ADDED),
            format!("added: only in {}", t.to),
        ),
        (
            Way::Ended,
            Mark::Dot(ENDED),
            format!("{ended}: only in {}", t.from),
        ),
        (
            Way::PlacedOnce,
            Mark::Hollow(SAME),
            "placed in one state only (scores missing in the other)".to_string(),
        ),
    ] {
        if has(way) {
            rows.push((mark, text));
        }
    }
    rows
}

/// The lines under the legend, wrapped to `width`: how many items went each way, the moves
/// between quadrants, the caption and the date.
fn notes(t: &TrajectoryChart, opts: &SvgOptions, width: f64) -> Vec<String> {
    let count = |way: Way| -> usize {
        t.paths
            .iter()
            .filter(|p| p.way == way)
            .map(|p| p.ids.len())
            .sum()
    };
    let what = if t.of_actors() {
        "actor"
    } else {
        "partnership"
    };
    let moved = count(Way::Moved);
    let plural = if moved == 1 { "" } else { "s" };
    let ended = if t.of_actors() { "removed" } else { "ended" };
    let mut summary = format!(
        "From {} to {}: {moved} {what}{plural} moved, {} did not, {} added, {} {ended}",
        t.from,
        t.to,
        count(Way::Stayed),
        count(Way::Added),
        count(Way::Ended),
    );
    let once = count(Way::PlacedOnce);
    if once > 0 {
        summary.push_str(&format!(", {once} placed in one state only"));
    }
    if t.placed_in_neither > 0 {
        summary.push_str(&format!(
            "; {} placed in neither (scores missing)",
            t.placed_in_neither
        ));
    }
    summary.push('.');
    let mut notes = wrap_to_width(&summary, width, 12.0);
    let moves = &t.moves;
    let moves = if moves.is_empty() {
        format!("No {what} changed quadrant.")
    } else {
        let listed: Vec<String> = moves
            .iter()
            .map(|(from, to, n)| format!("{from} → {to}: {n}"))
            .collect();
        format!("Between quadrants: {}.", listed.join("; "))
    };
    notes.extend(wrap_to_width(&moves, width, 12.0));
    notes.extend(caption_and_date(opts, width));
    notes
}

/// The chart's title: the one asked for, else the framework's.
fn title(t: &TrajectoryChart, opts: &SvgOptions) -> String {
    opts.title
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| t.chart.framework.title().to_string())
}

/// The trajectory chart as an SVG document fitted to the drawing, or on the page of
/// `opts.page`.
pub fn trajectory_svg(t: &TrajectoryChart, project: &Project, opts: &SvgOptions) -> String {
    if let Some(sheet) = opts.page.sheet(false) {
        return trajectory_page(t, project, opts, &sheet, None);
    }
    let ink = opts.colours.palette().ink;
    let width = MARGIN * 2.0 + LEFT + PLOT + RIGHT;
    let inner_w = width - 2.0 * MARGIN;
    let title = title(t, opts);
    let title_lines = wrap_to_width(&title, inner_w, 20.0);
    let header_h = title_lines.len() as f64 * 28.0 + 14.0;
    let area = PlotArea {
        left: MARGIN + LEFT,
        top: MARGIN + header_h,
        side: PLOT,
    };
    let rows = legend_rows(t);
    let notes = notes(t, opts, inner_w);
    let below = BELOW_PLOT + rows.len() as f64 * ROW + 8.0 + notes.len() as f64 * NOTE_LINE;
    let height = (area.top + PLOT + below + MARGIN).ceil();
    let mut doc = Doc::new(width, height, Some(&title), opts.colours.palette());
    doc.lines(
        "title",
        (MARGIN, MARGIN + 20.0),
        (TextStyle::new(20.0).bold(), 28.0),
        &format!("fill=\"{ink}\""),
        &title_lines,
    );
    draw(&mut doc, t, area, (MARGIN, &rows, &notes));
    doc.finish()
}

/// The trajectory chart on `sheet`, numbered `page` in a report: the page's frame with the
/// title, date and caption, the plot as large as the legend and notes leave room for.
pub(crate) fn trajectory_page(
    t: &TrajectoryChart,
    project: &Project,
    opts: &SvgOptions,
    sheet: &Sheet,
    page: Option<(usize, usize)>,
) -> String {
    let title = title(t, opts);
    let frame = Frame::for_picture(Some(&title), opts, project, page);
    let laid = frame.lay_out(sheet);
    let c = laid.content;
    let bare = without_caption_and_date(opts);
    let rows = legend_rows(t);
    let notes = notes(t, &bare, c.w);
    let under = BELOW_PLOT + rows.len() as f64 * ROW + 8.0 + notes.len() as f64 * NOTE_LINE;
    let widest = (c.w - LEFT - RIGHT_ON_PAGE).max(MIN_SIDE);
    let side = (c.h - 8.0 - under).clamp(MIN_SIDE, widest);
    let area = PlotArea {
        left: c.x + LEFT + (widest - side).max(0.0) / 2.0,
        top: c.y + 8.0,
        side,
    };
    let mut doc = sheet.doc(Some(&title), opts.colours.palette());
    frame.draw(&mut doc, sheet, &laid);
    draw(&mut doc, t, area, (c.x, &rows, &notes));
    doc.finish()
}

/// The plot, the paths, the legend and the notes under it.
fn draw(
    doc: &mut Doc,
    t: &TrajectoryChart,
    area: PlotArea,
    (x, rows, notes): (f64, &[(Mark, String)], &[String]),
) {
    let ink = doc.pal.ink;
    let names = plot::names(&t.chart, area);
    plot::plot(doc, &t.chart, &names, area);
    doc.s("<g id=\"trajectories\">\n");
    // Arrows first: the points that stayed or stand alone are drawn over them, each arrow's
    // head ending at the edge of the point it reaches.
    let (moved, lone): (Vec<&Route>, Vec<&Route>) =
        t.paths.iter().partition(|p| p.way == Way::Moved);
    for p in moved {
        path(doc, p, area, 0.0);
    }
    // Lone points of different ways at one spot (one stayed, one added there) stand side by
    // side, so that none hides another.
    let mut at_spot: BTreeMap<[u64; 2], usize> = BTreeMap::new();
    for p in &lone {
        if let Some(at) = p.at() {
            *at_spot.entry(at.map(f64::to_bits)).or_default() += 1;
        }
    }
    let mut placed: BTreeMap<[u64; 2], usize> = BTreeMap::new();
    for p in lone {
        let shift = p.at().map_or(0.0, |at| {
            let key = at.map(f64::to_bits);
            let n = at_spot.get(&key).copied().unwrap_or(1);
            let k = placed.entry(key).or_default();
            let shift = (*k as f64 - (n as f64 - 1.0) / 2.0) * LONE_SPACING;
            *k += 1;
            shift
        });
        path(doc, p, area, shift);
    }
    doc.s("</g>\n");
    let mut y = area.top + area.side + BELOW_PLOT;
    doc.s("<g id=\"trajectory-legend\">\n");
    for (mark, text) in rows {
        legend_mark(doc, *mark, (x, y));
        doc.text(
            (x + LEGEND_TEXT_X, y + 14.0),
            LEGEND_TEXT,
            &format!("fill=\"{ink}\""),
            text,
        );
        y += ROW;
    }
    doc.s("</g>\n");
    doc.lines(
        "notes",
        (x, y + 8.0 + 12.0),
        (TextStyle::new(12.0), NOTE_LINE),
        &format!("fill=\"{ink}\""),
        notes,
    );
}

/// Draws one path: an arrow from the earlier spot to the later, or a lone point (moved
/// `shift` px right of its spot), with the count of its items when more than one.
fn path(doc: &mut Doc, p: &Route, area: PlotArea, shift: f64) {
    let n = p.ids.len();
    let ink = doc.pal.ink;
    doc.s("<g class=\"trajectory ")
        .s(way_name(p.way))
        .s("\" data-count=\"")
        .s(&n.to_string())
        .s("\">");
    let count_at = match (p.way, p.from, p.to) {
        (Way::Moved, Some(from), Some(to)) => {
            let (a, b) = (area.at(from), area.at(to));
            arrow(doc, a, b, p.colour, n);
            ((a.0 + b.0) / 2.0 + 6.0, (a.1 + b.1) / 2.0 - 6.0)
        }
        _ => {
            let Some(at) = p.at() else {
                doc.s("</g>\n");
                return;
            };
            let c = area.at(at);
            let c = (c.0 + shift, c.1);
            dot(doc, c, p.colour, p.way == Way::PlacedOnce);
            (c.0, c.1 - POINT_R - 3.0)
        }
    };
    if n > 1 {
        let anchor = if p.way == Way::Moved {
            Anchor::Start
        } else {
            Anchor::Middle
        };
        doc.text(
            count_at,
            TextStyle::new(11.0).bold().anchored(anchor),
            &format!("fill=\"{ink}\""),
            &format!("×{n}"),
        );
    }
    doc.s("</g>\n");
}

/// The class of a path in the SVG.
fn way_name(way: Way) -> &'static str {
    match way {
        Way::Stayed => "stayed",
        Way::PlacedOnce => "placed-once",
        Way::Ended => "ended",
        Way::Added => "added",
        Way::Moved => "moved",
    }
}

/// An arrow from `a` to `b` (px) in `rgb`, wider for more items: a small hollow circle
/// where it starts, its head's tip at the edge of a point drawn at `b`.
fn arrow(doc: &mut Doc, a: (f64, f64), b: (f64, f64), rgb: Rgb, n: usize) {
    let page = doc.pal.page;
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = dx.hypot(dy).max(1e-9);
    let (ux, uy) = (dx / len, dy / len);
    let b = (b.0 - ux * (POINT_R + 1.0), b.1 - uy * (POINT_R + 1.0));
    let head = change::GLYPH_SIZE * HEAD_SCALE;
    let width = 2.0 + 0.8 * (n.min(6) as f64 - 1.0);
    let end = (b.0 - ux * head * 0.8, b.1 - uy * head * 0.8);
    let colour = rgb.hex();
    doc.s("<circle cx=\"")
        .n(a.0)
        .s("\" cy=\"")
        .n(a.1)
        .s("\" r=\"")
        .n(START_R)
        .s("\" fill=\"")
        .s(page)
        .s("\" stroke=\"")
        .s(&colour)
        .s("\" stroke-width=\"1.5\"/>");
    doc.s("<line x1=\"")
        .n(a.0 + ux * START_R)
        .s("\" y1=\"")
        .n(a.1 + uy * START_R)
        .s("\" x2=\"")
        .n(end.0)
        .s("\" y2=\"")
        .n(end.1);
    doc.s("\" stroke=\"")
        .s(&colour)
        .s("\" stroke-width=\"")
        .n(width)
        .s("\" stroke-linecap=\"round\"/>");
    let centre = (b.0 - ux * head / 2.0, b.1 - uy * head / 2.0);
    let tip = change::arrowhead(centre.0, centre.1, ux, uy, HEAD_SCALE);
    doc.s("<polygon class=\"head\" points=\"");
    for (k, (x, y)) in tip.iter().enumerate() {
        if k > 0 {
            doc.s(" ");
        }
        doc.n(*x).s(",").n(*y);
    }
    doc.s("\" fill=\"").s(&colour).s("\"/>");
}

/// A lone point at `c` in `rgb`, hollow when asked.
fn dot(doc: &mut Doc, c: (f64, f64), rgb: Rgb, hollow: bool) {
    let page = doc.pal.page;
    let colour = rgb.hex();
    doc.s("<circle cx=\"")
        .n(c.0)
        .s("\" cy=\"")
        .n(c.1)
        .s("\" r=\"")
        .n(POINT_R);
    if hollow {
        doc.s("\" fill=\"")
            .s(page)
            .s("\" stroke=\"")
            .s(&colour)
            .s("\" stroke-width=\"2\"/>");
    } else {
        doc.s("\" fill=\"")
            .s(&colour)
            .s("\" stroke=\"")
            .s(page)
            .s("\" stroke-width=\"1\"/>");
    }
}

/// A legend row's mark in a row whose top left is at (`x`, `y`).
fn legend_mark(doc: &mut Doc, mark: Mark, (x, y): (f64, f64)) {
    let cy = y + 10.0;
    match mark {
        Mark::Arrow(rgb) => arrow(doc, (x + 4.0, cy), (x + 36.0, cy), rgb, 1),
        Mark::Dot(rgb) => dot(doc, (x + 18.0, cy), rgb, false),
        Mark::Hollow(rgb) => dot(doc, (x + 18.0, cy), rgb, true),
    }
}
