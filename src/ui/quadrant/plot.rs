//! The plot of the window's quadrant chart, drawn with egui_plot from the chart's
//! description: the quadrant names in the middle of their quadrants, the cut lines, the
//! points (a crowd as one large mark with its count), rings around the selected and hovered
//! items, and the name of the hovered one.

use egui::{Color32, Response, RichText, Ui, Vec2};
use egui_plot::{HLine, MarkerShape, Plot, PlotPoint, PlotPoints, PlotUi, Points, Text, VLine};

use super::cut::{self, DraggedCut};
use super::{QuadrantState, item, pick};
use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Cut, Project};
use crate::style::quadrant::{Chart, POINT_RADIUS_PX, quadrant_names};
use crate::style::trajectory::Route;
use crate::ui::canvas::color;
use crate::ui::view::ViewState;

/// How far the plot reaches beyond the unit square on each side, so that points on its
/// edges are whole.
const PLOT_MARGIN: f64 = 0.04;
/// The size of the quadrant names.
const NAME_SIZE: f32 = 15.0;
/// The radius of a crowd's mark, in px: large enough to hold its count.
const CROWD_RADIUS_PX: f32 = 11.0;
/// The radius of the ring around a selected or hovered mark, in px.
const RING_RADIUS_PX: f32 = 9.0;
/// How far above a hovered mark its name is written, in units of the plot's side.
const HOVER_LIFT: f64 = 0.045;

/// What the plot of one frame gives back: its response, the mark under the pointer, and the
/// cut line a drag starting now would grab.
pub(super) struct Shown {
    /// The plot's response.
    pub(super) response: Response,
    /// The index in [`Chart::marks`] of the mark under the pointer.
    pub(super) hovered: Option<usize>,
    /// The cut line near the pointer, when no mark is under it.
    pub(super) grab: Option<DraggedCut>,
}

/// The colours of the plot, from the theme.
#[derive(Clone, Copy)]
struct Colours {
    text: Color32,
    weak: Color32,
    selection: Color32,
}

/// Draws the plot of `chart`, `size` large, cut at `cut` (the cut being dragged, if any); records
/// in `state` where its marks and cut lines were drawn and which items are ringed.
pub(super) fn plot_ui(
    ui: &mut Ui,
    (project, paths): (&Project, Option<&[Route]>),
    chart: &Chart,
    cut: Cut,
    view: &ViewState,
    state: &mut QuadrantState,
    size: Vec2,
) -> Shown {
    let colours = Colours {
        text: ui.visuals().text_color(),
        weak: ui.visuals().weak_text_color(),
        selection: ui.visuals().selection.stroke.color,
    };
    let ringed = pick::ringed(project, chart, view);
    state.ringed = ringed
        .iter()
        .flat_map(|&k| chart.marks[k].points.iter())
        .map(|&i| item(chart.points[i].subject))
        .collect();
    let (x_name, y_name) = chart.framework.axes();
    // In a small plot the axes are named without their explanation in brackets.
    let short = |name: &'static str| -> &'static str {
        if size.x < 360.0 {
            name.split(" (").next().unwrap_or(name)
        } else {
            name
        }
    };
    let (x_name, y_name) = (short(x_name), short(y_name));
    let name_size = (size.x / 24.0).clamp(10.0, NAME_SIZE);
    let mut hovered = None;
    let mut grab = None;
    let response = Plot::new("quadrant chart")
        .height(size.y)
        .width(size.x)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .default_x_bounds(-PLOT_MARGIN, 1.0 + PLOT_MARGIN)
        .default_y_bounds(-PLOT_MARGIN, 1.0 + PLOT_MARGIN)
        .x_axis_label(x_name)
        .y_axis_label(y_name)
        .show(ui, |plot_ui| {
            backdrop(plot_ui, chart, cut, (colours, name_size));
            if let Some(moves) = paths {
                let selected: BTreeSet<u64> = view
                    .selection
                    .iter()
                    .map(|i| match i {
                        crate::ui::view::Item::Actor(a) => a.0,
                        crate::ui::view::Item::Partnership(p) => p.0,
                    })
                    .collect();
                let only = (moves.len() > MAX_ROUTES).then_some(&selected);
                trajectory_arrows(plot_ui, moves, only);
            }
            marks(plot_ui, chart);
            if !project.perspectives.is_empty() {
                voices(plot_ui, project, chart, cut, view);
            }
            rings(plot_ui, chart, &ringed, colours.selection);
            record(plot_ui, chart, cut, state);
            if let Some(pointer) = plot_ui.pointer_coordinate() {
                hovered = pick::nearest(plot_ui, chart, pointer);
                match hovered {
                    Some(k) => hover_label(plot_ui, chart, k, colours.text),
                    None => grab = cut::grab_near(plot_ui, pointer, cut),
                }
                cut::follow(&mut state.dragging, pointer);
            }
        })
        .response;
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Figure,
            true,
            format!("Quadrant chart {}", chart.framework.title()),
        )
    });
    Shown {
        response,
        hovered,
        grab,
    }
}

/// `name` broken at the space nearest its middle (unchanged when it is one word).
fn two_lines(name: &str) -> String {
    let middle = name.len() / 2;
    match name
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle))
    {
        Some(i) => format!("{}\n{}", &name[..i], &name[i + 1..]),
        None => name.to_string(),
    }
}

/// The quadrant names in the middle of their quadrants, and the cut lines.
fn backdrop(
    plot_ui: &mut PlotUi<'_>,
    chart: &Chart,
    cut: Cut,
    (colours, name_size): (Colours, f32),
) {
    // In a small plot the names break onto two lines, so that they stay in their quadrant.
    let small = name_size < NAME_SIZE;
    for name in quadrant_names(chart.framework, cut) {
        let [x, y] = name.centre;
        let text = if small {
            two_lines(name.name)
        } else {
            name.name.to_string()
        };
        plot_ui.text(
            Text::new(
                "quadrant",
                PlotPoint::new(x, y),
                RichText::new(text).size(name_size).color(colours.weak),
            )
            .highlight(false),
        );
    }
    let cut_colour = colours.text.gamma_multiply(0.7);
    plot_ui.vline(VLine::new("cut", cut.x).color(cut_colour).width(2.0));
    plot_ui.hline(HLine::new("cut", cut.y).color(cut_colour).width(2.0));
}

/// The marks: points grouped by colour, then each crowd as one large mark with its count.
fn marks(plot_ui: &mut PlotUi<'_>, chart: &Chart) {
    let mut by_colour: Vec<(Color32, Vec<[f64; 2]>)> = Vec::new();
    for m in chart.marks.iter().filter(|m| !m.is_crowd()) {
        let colour = color(chart.points[m.points[0]].colour);
        match by_colour.iter_mut().find(|(c, _)| *c == colour) {
            Some((_, at)) => at.push(m.at),
            None => by_colour.push((colour, vec![m.at])),
        }
    }
    for (colour, at) in by_colour {
        plot_ui.points(
            Points::new("marks", PlotPoints::from(at))
                .color(colour)
                .radius(POINT_RADIUS_PX as f32)
                .shape(MarkerShape::Circle)
                .filled(true),
        );
    }
    for m in chart.marks.iter().filter(|m| m.is_crowd()) {
        plot_ui.points(
            Points::new("group", PlotPoints::from(vec![m.at]))
                .color(color(chart.points[m.points[0]].colour))
                .radius(CROWD_RADIUS_PX)
                .shape(MarkerShape::Circle)
                .filled(true),
        );
        plot_ui.text(Text::new(
            "count",
            PlotPoint::new(m.at[0], m.at[1]),
            RichText::new(m.points.len().to_string())
                .strong()
                .color(Color32::WHITE),
        ));
    }
}

/// The most selected items whose groups' points are drawn.
const MAX_VOICED: usize = 3;

/// For each selected item (the first few), each group's point, joined to the item's point
/// by a line in the group's colour and named (design.md §13).
fn voices(plot_ui: &mut PlotUi<'_>, project: &Project, chart: &Chart, cut: Cut, view: &ViewState) {
    use crate::style::quadrant::Subject;
    let subjects = view.selection.iter().take(MAX_VOICED).map(|i| match i {
        crate::ui::view::Item::Actor(a) => Subject::Actor(*a),
        crate::ui::view::Item::Partnership(p) => Subject::Partnership(*p),
    });
    for subject in subjects {
        let own = chart
            .points
            .iter()
            .find(|p| p.subject == subject)
            .map(|p| p.true_at);
        let points = crate::style::voices::voice_points(project, chart.framework, cut, subject);
        for v in points.iter().filter(|v| v.rated) {
            let Some(at) = v.at else {
                continue;
            };
            let colour = color(v.colour);
            if let Some(own) = own {
                plot_ui.line(
                    egui_plot::Line::new("voices", PlotPoints::from(vec![own, at]))
                        .color(colour)
                        .width(2.0),
                );
            }
            plot_ui.points(
                Points::new("voice", PlotPoints::from(vec![at]))
                    .color(colour)
                    .radius(POINT_RADIUS_PX as f32 + 1.0)
                    .shape(MarkerShape::Diamond)
                    .filled(true),
            );
            plot_ui.text(
                Text::new(
                    "voice name",
                    PlotPoint::new(at[0], at[1] + HOVER_LIFT * 0.8),
                    RichText::new(&v.name).strong().color(colour),
                )
                .highlight(true),
            );
        }
    }
}

/// Rings around the `ringed` marks.
fn rings(plot_ui: &mut PlotUi<'_>, chart: &Chart, ringed: &[usize], colour: Color32) {
    if ringed.is_empty() {
        return;
    }
    let at: Vec<[f64; 2]> = ringed.iter().map(|&k| chart.marks[k].at).collect();
    plot_ui.points(
        Points::new("selected", PlotPoints::from(at))
            .color(colour)
            .radius(RING_RADIUS_PX)
            .shape(MarkerShape::Circle)
            .filled(false),
    );
}

/// Records in `state` where each single-item mark and the cut lines were drawn on screen, for
/// the tests and the canvas's hover.
fn record(plot_ui: &PlotUi<'_>, chart: &Chart, cut: Cut, state: &mut QuadrantState) {
    state.drawn = chart
        .marks
        .iter()
        .filter(|m| !m.is_crowd())
        .map(|m| {
            let at = plot_ui.screen_from_plot(PlotPoint::new(m.at[0], m.at[1]));
            (item(chart.points[m.points[0]].subject), at)
        })
        .collect();
    let corner = plot_ui.screen_from_plot(PlotPoint::new(cut.x, cut.y));
    state.cut_lines = Some((corner.x, corner.y));
}

/// The name and quadrant of the hovered mark `k` (or how many items a crowd holds), above it.
fn hover_label(plot_ui: &mut PlotUi<'_>, chart: &Chart, k: usize, colour: Color32) {
    let m = &chart.marks[k];
    let first = &chart.points[m.points[0]];
    let label = if m.is_crowd() {
        format!("{} items", m.points.len())
    } else {
        crate::ui::bidi::visual(&first.name).into_owned()
    };
    plot_ui.text(
        Text::new(
            "hover",
            PlotPoint::new(m.at[0], m.at[1] + HOVER_LIFT),
            RichText::new(format!("{label}\n{}", first.quadrant)).color(colour),
        )
        .highlight(true),
    );
}

/// Beyond this many routes the chart draws the arrows of the selection only: thousands of
/// arrows are a tangle to the eye and slow to draw.
pub const MAX_ROUTES: usize = 400;

/// Joins each item's point in the earlier state to its point in the later one with an
/// arrow (design.md §12, trajectories), coloured as the comparison map colours what happened
/// to it; items that took the same route share one arrow. The points drawn are the later
/// state's. Past [`MAX_ROUTES`] routes, only those of the selected items are drawn.
fn trajectory_arrows(plot_ui: &mut PlotUi<'_>, moves: &[Route], only: Option<&BTreeSet<u64>>) {
    /// The tails and tips of the arrows of one colour.
    type Lane = (Vec<[f64; 2]>, Vec<[f64; 2]>);
    let mut by_colour: BTreeMap<(u8, u8, u8), Lane> = BTreeMap::new();
    for r in moves {
        if only.is_some_and(|ids| !r.ids.iter().any(|id| ids.contains(id))) {
            continue;
        }
        let (Some(from), Some(to)) = (r.from, r.to) else {
            continue;
        };
        let lane = by_colour
            .entry((r.colour.0, r.colour.1, r.colour.2))
            .or_default();
        lane.0.push(from);
        lane.1.push(to);
    }
    for ((red, green, blue), (origins, tips)) in by_colour {
        plot_ui.arrows(
            egui_plot::Arrows::new(
                "moved since",
                PlotPoints::from(origins),
                PlotPoints::from(tips),
            )
            .color(Color32::from_rgb(red, green, blue))
            .tip_length(12.0),
        );
    }
}
