//! The quadrant chart of one typology framework as SVG (design.md §4, §8): named axes, the
//! cut lines where the project cuts, the four quadrant names, every placed partnership (or,
//! for D, actor) as a labelled point coloured as on the map, and the unplaced ones listed
//! under the chart with their reasons. A thin SVG back-end of [`crate::style::quadrant`],
//! which the window's chart draws too: this module decides only the page, the pixels and
//! the labels.

mod labels;
mod plot;
mod trajectory;

use crate::io::export::page::{Frame, Sheet};
use crate::io::export::svg::{Doc, MARGIN, SvgOptions, TextStyle, wrap_to_width};
use crate::model::{Choice, Project};
use crate::style::quadrant::{Chart, chart, unplaced_heading};
use crate::typology::Framework;

use labels::Labels;
pub(crate) use trajectory::trajectory_page;
pub use trajectory::{TrajectoryChart, trajectory_svg};

/// The side of the square plot, in px.
const PLOT: f64 = 560.0;
/// Room for the vertical axis's name and ticks, in px.
const LEFT: f64 = 64.0;
/// Labels are drawn beside points up to this many points; beyond, the chart would be a blur
/// of text and only the points are drawn.
const LABELS_UP_TO: usize = 200;
/// The unplaced list names at most this many items, then says how many more.
const UNPLACED_LISTED: usize = 60;

/// Where the plot stands on the page: its top left corner, in px (its side is [`PLOT`]).
#[derive(Clone, Copy, Debug)]
struct PlotArea {
    left: f64,
    top: f64,
    /// The side of the square plot, in px.
    side: f64,
}

impl PlotArea {
    /// The page x of `x` in the unit square.
    fn x(self, x: f64) -> f64 {
        self.left + x * self.side
    }

    /// The page y of `y` in the unit square (which grows upwards).
    fn y(self, y: f64) -> f64 {
        self.top + (1.0 - y) * self.side
    }

    /// The page position of a point of the unit square.
    fn at(self, [x, y]: [f64; 2]) -> (f64, f64) {
        (self.x(x), self.y(y))
    }
}

/// The quadrant chart of `framework` for `project` as an SVG document, cut where the
/// project's settings say. `opts.title` replaces the default title (the map's title and the
/// framework's); `caption` and `date` go under the chart; `area` and `legend` do not apply.
pub fn quadrant_svg(project: &Project, framework: Framework, opts: &SvgOptions) -> String {
    let ink = opts.colours.palette().ink;
    if let Some(sheet) = opts.page.sheet(false) {
        return quadrant_page(project, framework, opts, &sheet, None);
    }
    let chart = chart(project, framework, framework.cut(&project.settings));
    let width = MARGIN * 2.0 + LEFT + PLOT + RIGHT;
    let inner_w = width - 2.0 * MARGIN;
    let title = title(project, framework, opts);
    let title_lines = wrap_to_width(&title, inner_w, 20.0);
    let header_h = title_lines.len() as f64 * 28.0 + 14.0;
    let area = PlotArea {
        left: MARGIN + LEFT,
        top: MARGIN + header_h,
        side: PLOT,
    };
    let names = plot::names(&chart, area);
    let labels =
        (chart.points.len() <= LABELS_UP_TO).then(|| labels::place_labels(&chart, &names, area));
    let notes = notes(project, &chart, labels.as_ref(), opts, inner_w);
    let height = (area.top + PLOT + BELOW_PLOT + notes.len() as f64 * NOTE_LINE + MARGIN).ceil();

    let mut doc = Doc::new(width, height, Some(&title), opts.colours.palette());
    doc.lines(
        "title",
        (MARGIN, MARGIN + 20.0),
        (TextStyle::new(20.0).bold(), 28.0),
        &format!("fill=\"{ink}\""),
        &title_lines,
    );
    draw_chart(
        &mut doc,
        &chart,
        (&names, labels.as_ref()),
        area,
        (MARGIN, &notes),
    );
    doc.finish()
}

/// Room right of the plot for the labels of points near its right edge, in px.
const RIGHT: f64 = 200.0;
/// Room right of the plot on a page, where the width is what limits the plot, in px.
const RIGHT_ON_PAGE: f64 = 110.0;
/// Room under the plot for its ticks and the horizontal axis's name, in px.
const BELOW_PLOT: f64 = 56.0;
/// The notes' line height, in px.
const NOTE_LINE: f64 = 17.0;
/// The smallest plot on a page, in px.
const MIN_SIDE: f64 = 220.0;

/// The plot, its points and labels, and the notes under it.
fn draw_chart(
    doc: &mut Doc,
    chart: &Chart,
    (names, labels): (&[plot::PageName], Option<&Labels>),
    area: PlotArea,
    (notes_x, notes): (f64, &[String]),
) {
    let ink = doc.pal.ink;
    plot::plot(doc, chart, names, area);
    plot::points(doc, chart, area);
    if let Some(labels) = labels {
        labels::draw(doc, labels);
    }
    doc.lines(
        "notes",
        (notes_x, area.top + area.side + BELOW_PLOT + 10.0),
        (TextStyle::new(12.0), NOTE_LINE),
        &format!("fill=\"{ink}\""),
        notes,
    );
}

/// The quadrant chart of `framework` on `sheet` (design.md §8): the page's frame with the
/// title, date and caption, the plot as large as the page leaves room for beside its notes,
/// and the notes (what is placed, the unplaced list) under it; notes that would run off the
/// page end with how many lines are left out. `page` numbers the page in a report.
pub(crate) fn quadrant_page(
    project: &Project,
    framework: Framework,
    opts: &SvgOptions,
    sheet: &Sheet,
    page: Option<(usize, usize)>,
) -> String {
    let chart = chart(project, framework, framework.cut(&project.settings));
    let title = title(project, framework, opts);
    let frame = Frame::for_picture(Some(&title), opts, project, page);
    let laid = frame.lay_out(sheet);
    let c = laid.content;
    let bare = without_caption_and_date(opts);
    let widest = (c.w - LEFT - RIGHT_ON_PAGE).max(MIN_SIDE);
    let lay = |side: f64| {
        let area = PlotArea {
            left: c.x + LEFT,
            top: c.y + 8.0,
            side,
        };
        let names = plot::names(&chart, area);
        let labels = (chart.points.len() <= LABELS_UP_TO)
            .then(|| labels::place_labels(&chart, &names, area));
        let notes = notes(project, &chart, labels.as_ref(), &bare, c.w);
        (area, names, labels, notes)
    };
    let room = |notes: usize| c.h - 8.0 - BELOW_PLOT - 10.0 - notes as f64 * NOTE_LINE;
    let (_, _, _, first) = lay(widest.min(c.h * 0.7));
    let side = room(first.len()).clamp(MIN_SIDE, widest);
    let (area, names, labels, mut notes) = lay(side);
    let fits = ((room(0) - side) / NOTE_LINE).floor().max(1.0) as usize;
    if notes.len() > fits {
        let left_out = notes.len() + 1 - fits;
        notes.truncate(fits - 1);
        notes.push(format!(
            "… and {left_out} more lines (the tables list every item)."
        ));
    }
    let mut doc = sheet.doc(Some(&title), opts.colours.palette());
    frame.draw(&mut doc, sheet, &laid);
    draw_chart(
        &mut doc,
        &chart,
        (&names, labels.as_ref()),
        area,
        (c.x, &notes),
    );
    doc.finish()
}

/// The chart's title: the one asked for, else the map's title and the framework's.
fn title(project: &Project, framework: Framework, opts: &SvgOptions) -> String {
    opts.title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            if project.meta.title.trim().is_empty() {
                framework.title().to_string()
            } else {
                format!("{} — {}", project.meta.title.trim(), framework.title())
            }
        })
}

/// The lines under the chart, wrapped to `width`: what is placed and how it is coloured, the
/// unplaced items with their reasons, the points numbered instead of labelled, the caption
/// and the date.
fn notes(
    project: &Project,
    chart: &Chart,
    labels: Option<&Labels>,
    opts: &SvgOptions,
    width: f64,
) -> Vec<String> {
    let placed = chart.points.len();
    let key = if chart.framework.places_actors() {
        format!("{placed} actors placed; shape and colour by sector, as on the map.")
    } else {
        format!(
            "{placed} of {} partnerships placed; colour by {}, as on the map.",
            project.partnerships.len(),
            project.settings.colour_by.label().to_lowercase()
        )
    };
    let mut notes: Vec<String> = wrap_to_width(&key, width, 12.0);
    let unplaced = &chart.unplaced;
    if !unplaced.is_empty() {
        let mut listed: Vec<String> = unplaced
            .iter()
            .take(UNPLACED_LISTED)
            .map(|u| u.line())
            .collect();
        if unplaced.len() > UNPLACED_LISTED {
            listed.push(format!("and {} more", unplaced.len() - UNPLACED_LISTED));
        }
        let text = format!(
            "{}: {}.",
            unplaced_heading(unplaced.len()),
            listed.join("; ")
        );
        notes.extend(wrap_to_width(&text, width, 12.0));
    }
    if let Some(numbered) = labels.map(|l| &l.numbered).filter(|n| !n.is_empty()) {
        let listed: Vec<String> = numbered
            .iter()
            .map(|(n, i)| format!("{n} {}", chart.points[*i].label))
            .collect();
        let text = format!("Numbered on the chart: {}.", listed.join("; "));
        notes.extend(wrap_to_width(&text, width, 12.0));
    }
    notes.extend(caption_and_date(opts, width));
    notes
}

/// The caption, wrapped to `width`, and the date under a chart, where they are given.
pub(super) fn caption_and_date(opts: &SvgOptions, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(c) = opts.caption.as_deref().filter(|c| !c.trim().is_empty()) {
        lines.extend(wrap_to_width(c.trim(), width, 12.0));
    }
    if let Some(d) = opts.date.as_deref().filter(|d| !d.trim().is_empty()) {
        lines.push(d.trim().to_string());
    }
    lines
}

/// `opts` without caption and date: on a page they are in the frame, not in the notes.
pub(super) fn without_caption_and_date(opts: &SvgOptions) -> SvgOptions {
    SvgOptions {
        caption: None,
        date: None,
        ..opts.clone()
    }
}
