//! The quadrant chart of one typology framework as SVG (design.md §4, §8): named axes, the
//! cut lines where the project cuts, the four quadrant names, every placed partnership (or,
//! for D, actor) as a labelled point coloured as on the map, and the unplaced ones listed
//! under the chart with their reasons. A thin SVG back-end of [`crate::style::quadrant`],
//! which the window's chart draws too: this module decides only the page, the pixels and
//! the labels.

mod labels;
mod plot;

use crate::io::export::svg::{Doc, INK, MARGIN, SvgOptions, TextStyle, wrap_to_width};
use crate::model::{Choice, Project};
use crate::style::quadrant::{Chart, chart, unplaced_heading};
use crate::typology::Framework;

use labels::Labels;

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
}

impl PlotArea {
    /// The page x of `x` in the unit square.
    fn x(self, x: f64) -> f64 {
        self.left + x * PLOT
    }

    /// The page y of `y` in the unit square (which grows upwards).
    fn y(self, y: f64) -> f64 {
        self.top + (1.0 - y) * PLOT
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
    let chart = chart(project, framework, framework.cut(&project.settings));
    let width = MARGIN * 2.0 + LEFT + PLOT + 200.0;
    let inner_w = width - 2.0 * MARGIN;
    let title = title(project, framework, opts);
    let title_lines = wrap_to_width(&title, inner_w, 20.0);
    let header_h = title_lines.len() as f64 * 28.0 + 14.0;
    let area = PlotArea {
        left: MARGIN + LEFT,
        top: MARGIN + header_h,
    };
    let names = plot::names(&chart, area);
    let labels =
        (chart.points.len() <= LABELS_UP_TO).then(|| labels::place_labels(&chart, &names, area));
    let notes = notes(project, &chart, labels.as_ref(), opts, inner_w);
    let height = (area.top + PLOT + 56.0 + notes.len() as f64 * 17.0 + MARGIN).ceil();

    let mut doc = Doc::new(width, height, Some(&title));
    doc.lines(
        "title",
        (MARGIN, MARGIN + 20.0),
        (TextStyle::new(20.0).bold(), 28.0),
        &format!("fill=\"{INK}\""),
        &title_lines,
    );
    plot::plot(&mut doc, &chart, &names, area);
    plot::points(&mut doc, &chart, area);
    if let Some(labels) = &labels {
        labels::draw(&mut doc, labels);
    }
    doc.lines(
        "notes",
        (MARGIN, area.top + PLOT + 66.0),
        (TextStyle::new(12.0), 17.0),
        &format!("fill=\"{INK}\""),
        &notes,
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
    if let Some(c) = opts.caption.as_deref().filter(|c| !c.trim().is_empty()) {
        notes.extend(wrap_to_width(c.trim(), width, 12.0));
    }
    if let Some(d) = opts.date.as_deref().filter(|d| !d.trim().is_empty()) {
        notes.push(d.trim().to_string());
    }
    notes
}
