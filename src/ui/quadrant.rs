//! The quadrant chart (design.md §4): a framework picker A–D, named axes, the four quadrant
//! names, cut lines the user can drag (saved in the project), points coloured as on the
//! canvas, selection and hover shared with the canvas both ways, and the unplaced items
//! listed under the chart with their reasons.

use std::collections::HashMap;

use egui::{Color32, RichText, Ui};
use egui_plot::{HLine, MarkerShape, Plot, PlotPoint, PlotPoints, Points, Text, VLine};

use super::canvas::color;
use super::intent::{Edit, Intent};
use super::view::{Item, SelectMode, ViewState};
use crate::edit::Command;
use crate::model::{Cut, Project};
use crate::style;
use crate::typology::{self, Framework, Placement};

/// One mark of the chart: an item, or several at the same point.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The items the mark stands for (one, or many at the same point).
    pub items: Vec<Item>,
    /// Where it is drawn (spread a little when several items share a point).
    pub at: [f64; 2],
    /// Where the items really are.
    pub true_at: [f64; 2],
    /// Its colour.
    pub colour: Color32,
    /// The quadrant's name.
    pub quadrant: &'static str,
}

/// The marks and unplaced items of one framework, computed for a document revision.
#[derive(Clone, Debug, Default)]
pub struct Chart {
    /// Drawn marks.
    pub marks: Vec<Mark>,
    /// Items that cannot be placed, with the reason.
    pub unplaced: Vec<(Item, &'static str)>,
}

/// More items than this at one point are drawn as one mark with a count.
const SPREAD_UP_TO: usize = 12;

/// Computes the chart of `framework` for `project` with the cut `cut`.
pub fn chart(project: &Project, framework: Framework, cut: Cut) -> Chart {
    let mut points: Vec<(Item, f64, f64, Color32, &'static str)> = Vec::new();
    let mut unplaced = Vec::new();
    if framework.places_actors() {
        for a in project.actors.values() {
            let p = typology::place_actor(a, cut);
            let c = color(style::sector_colour(a.sector));
            points.push((Item::Actor(a.id), p.x, p.y, c, p.quadrant));
        }
    } else {
        let by = project.settings.colour_by;
        for e in project.partnerships.values() {
            match typology::place_partnership(framework, e, cut) {
                Placement::Placed(p) => {
                    let c = color(style::partnership_colour_by(e, by));
                    points.push((Item::Partnership(e.id), p.x, p.y, c, p.quadrant));
                }
                Placement::Unplaced(reason) => unplaced.push((Item::Partnership(e.id), reason)),
            }
        }
    }
    // Group items at exactly the same point.
    let mut groups: HashMap<(u64, u64), Vec<usize>> = HashMap::new();
    for (i, (_, x, y, _, _)) in points.iter().enumerate() {
        groups
            .entry((x.to_bits(), y.to_bits()))
            .or_default()
            .push(i);
    }
    let mut keys: Vec<_> = groups.keys().copied().collect();
    keys.sort_unstable();
    let mut marks = Vec::new();
    for key in keys {
        let members = &groups[&key];
        let (x, y) = (f64::from_bits(key.0), f64::from_bits(key.1));
        let quadrant = points[members[0]].4;
        if members.len() > SPREAD_UP_TO {
            marks.push(Mark {
                items: members.iter().map(|i| points[*i].0).collect(),
                at: [x, y],
                true_at: [x, y],
                colour: points[members[0]].3,
                quadrant,
            });
            continue;
        }
        // A small sunflower around the point, kept on the point's side of both cuts.
        for (k, i) in members.iter().enumerate() {
            let (dx, dy) = if members.len() == 1 {
                (0.0, 0.0)
            } else {
                let r = 0.014 * ((k as f64) + 0.6).sqrt();
                let angle = k as f64 * 2.399_963;
                (r * angle.cos(), r * angle.sin())
            };
            let keep = |v: f64, d: f64, cut: f64| {
                let moved = v + d;
                if v >= cut {
                    moved.max(cut + 0.003)
                } else {
                    moved.min(cut - 0.003)
                }
            };
            marks.push(Mark {
                items: vec![points[*i].0],
                at: [keep(x, dx, cut.x), keep(y, dy, cut.y)],
                true_at: [x, y],
                colour: points[*i].3,
                quadrant,
            });
        }
    }
    Chart { marks, unplaced }
}

/// Which cut line is being dragged.
#[derive(Clone, Copy, Debug, PartialEq)]
enum DraggedCut {
    X(f64),
    Y(f64),
}

/// What the chart remembers between frames.
#[derive(Default)]
pub struct QuadrantState {
    /// The framework shown.
    pub framework: Option<Framework>,
    dragging: Option<DraggedCut>,
    cache: Option<(u64, Framework, std::sync::Arc<Chart>)>,
    /// Where each single-item mark was drawn on screen in the last frame.
    pub drawn: Vec<(Item, egui::Pos2)>,
    /// The items ringed in the last frame (selected or hovered, here or on the canvas).
    pub ringed: Vec<Item>,
    /// The screen x of the vertical cut and y of the horizontal cut in the last frame.
    pub cut_lines: Option<(f32, f32)>,
}

impl QuadrantState {
    /// The framework shown (A unless the user picked another).
    pub fn framework(&self) -> Framework {
        self.framework.unwrap_or(Framework::A)
    }

    /// The chart for the document revision, computed once per revision and framework.
    pub fn chart(&mut self, project: &Project, revision: u64) -> std::sync::Arc<Chart> {
        let framework = self.framework();
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|(r, f, _)| *r == revision && *f == framework);
        if !fresh {
            let cut = framework.cut(&project.settings);
            let fresh = std::sync::Arc::new(chart(project, framework, cut));
            self.cache = Some((revision, framework, fresh));
        }
        match &self.cache {
            Some((_, _, c)) => c.clone(),
            None => std::sync::Arc::default(),
        }
    }
}

fn item_label(project: &Project, item: Item) -> String {
    match item {
        Item::Actor(id) => project
            .actor(id)
            .map_or_else(String::new, |a| a.name.clone()),
        Item::Partnership(id) => project.partnership(id).map_or_else(String::new, |p| {
            let name = |id| project.actor(id).map_or("?", |a| a.short_or_name());
            format!("{} – {}", name(p.a), name(p.b))
        }),
    }
}

/// Draws the chart panel.
pub fn quadrant_ui(
    ui: &mut Ui,
    project: &Project,
    revision: u64,
    view: &mut ViewState,
    state: &mut QuadrantState,
    intents: &mut Vec<Intent>,
) {
    ui.horizontal_wrapped(|ui| {
        for f in Framework::ALL {
            let selected = state.framework() == f;
            if ui
                .selectable_label(selected, f.title())
                .on_hover_text(framework_hint(f))
                .clicked()
            {
                state.framework = Some(f);
            }
        }
    });
    let framework = state.framework();
    let saved_cut = framework.cut(&project.settings);
    let cut = match state.dragging {
        Some(DraggedCut::X(x)) => Cut { x, ..saved_cut },
        Some(DraggedCut::Y(y)) => Cut { y, ..saved_cut },
        None => saved_cut,
    };
    let chart = state.chart(project, revision);
    let (x_name, y_name) = framework.axes();
    let text_colour = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let selection_colour = ui.visuals().selection.stroke.color;
    // The plot takes exactly the height left, so that a resizable panel around it keeps its
    // size; the unplaced items are listed beside it.
    let plot_height = ui.available_height().max(120.0);
    let list_width = if chart.unplaced.is_empty() {
        0.0
    } else {
        240.0
    };
    let plot_width = (ui.available_width() - list_width).max(200.0);
    ui.horizontal_top(|ui| {
        let hovered_before = view.hovered;
        let mut hovered_mark: Option<usize> = None;
        let mut grab: Option<DraggedCut> = None;
        let response = Plot::new("quadrant chart")
            .height(plot_height)
            .width(plot_width)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .show_x(false)
            .show_y(false)
            .default_x_bounds(-0.04, 1.04)
            .default_y_bounds(-0.04, 1.04)
            .x_axis_label(x_name)
            .y_axis_label(y_name)
            .show(ui, |plot_ui| {
                // Quadrant names in the middle of each quadrant.
                for (high_x, high_y) in [(false, false), (true, false), (true, true), (false, true)]
                {
                    let side = typology::Side { high_x, high_y };
                    let cx = if high_x {
                        (cut.x + 1.0) / 2.0
                    } else {
                        cut.x / 2.0
                    };
                    let cy = if high_y {
                        (cut.y + 1.0) / 2.0
                    } else {
                        cut.y / 2.0
                    };
                    plot_ui.text(
                        Text::new(
                            "quadrant",
                            PlotPoint::new(cx, cy),
                            RichText::new(framework.quadrant(side))
                                .size(15.0)
                                .color(weak),
                        )
                        .highlight(false),
                    );
                }
                let cut_colour = text_colour.gamma_multiply(0.7);
                plot_ui.vline(VLine::new("cut", cut.x).color(cut_colour).width(2.0));
                plot_ui.hline(HLine::new("cut", cut.y).color(cut_colour).width(2.0));

                // Marks, grouped by colour.
                let mut by_colour: HashMap<Color32, Vec<[f64; 2]>> = HashMap::new();
                for m in chart.marks.iter().filter(|m| m.items.len() == 1) {
                    by_colour.entry(m.colour).or_default().push(m.at);
                }
                for (colour, pts) in by_colour {
                    plot_ui.points(
                        Points::new("marks", PlotPoints::from(pts))
                            .color(colour)
                            .radius(5.0)
                            .shape(MarkerShape::Circle)
                            .filled(true),
                    );
                }
                for m in chart.marks.iter().filter(|m| m.items.len() > 1) {
                    plot_ui.points(
                        Points::new("group", PlotPoints::from(vec![m.at]))
                            .color(m.colour)
                            .radius(11.0)
                            .shape(MarkerShape::Circle)
                            .filled(true),
                    );
                    plot_ui.text(Text::new(
                        "count",
                        PlotPoint::new(m.at[0], m.at[1]),
                        RichText::new(m.items.len().to_string())
                            .strong()
                            .color(Color32::WHITE),
                    ));
                }
                // Selected and hovered items are ringed, and so are the partnerships of
                // selected or hovered actors.
                let focus: Vec<crate::model::ActorId> = view
                    .selection
                    .iter()
                    .chain(hovered_before.iter())
                    .filter_map(|i| match i {
                        Item::Actor(id) => Some(*id),
                        Item::Partnership(_) => None,
                    })
                    .collect();
                let mut of_actors = std::collections::HashSet::new();
                if !focus.is_empty() && !framework.places_actors() {
                    for p in project.partnerships.values() {
                        if focus.contains(&p.a) || focus.contains(&p.b) {
                            of_actors.insert(Item::Partnership(p.id));
                        }
                    }
                }
                let ringed_marks: Vec<&Mark> = chart
                    .marks
                    .iter()
                    .filter(|m| {
                        m.items.iter().any(|i| {
                            view.selection.contains(i)
                                || hovered_before == Some(*i)
                                || of_actors.contains(i)
                        })
                    })
                    .collect();
                state.ringed = ringed_marks
                    .iter()
                    .flat_map(|m| m.items.iter().copied())
                    .collect();
                let highlighted: Vec<[f64; 2]> = ringed_marks.iter().map(|m| m.at).collect();
                state.drawn = chart
                    .marks
                    .iter()
                    .filter(|m| m.items.len() == 1)
                    .map(|m| {
                        let at = plot_ui.screen_from_plot(PlotPoint::new(m.at[0], m.at[1]));
                        (m.items[0], at)
                    })
                    .collect();
                let corner = plot_ui.screen_from_plot(PlotPoint::new(cut.x, cut.y));
                state.cut_lines = Some((corner.x, corner.y));
                if !highlighted.is_empty() {
                    plot_ui.points(
                        Points::new("selected", PlotPoints::from(highlighted))
                            .color(selection_colour)
                            .radius(9.0)
                            .shape(MarkerShape::Circle)
                            .filled(false),
                    );
                }

                // Hover: the nearest mark within reach of the pointer; a drag near a cut moves it.
                if let Some(pointer) = plot_ui.pointer_coordinate() {
                    let ptr = plot_ui.screen_from_plot(pointer);
                    let mut best = (f32::INFINITY, None);
                    for (k, m) in chart.marks.iter().enumerate() {
                        let at = plot_ui.screen_from_plot(PlotPoint::new(m.at[0], m.at[1]));
                        let d = at.distance(ptr);
                        if d < best.0 {
                            best = (d, Some(k));
                        }
                    }
                    if best.0 <= 9.0 {
                        hovered_mark = best.1;
                    }
                    let on_x = plot_ui.screen_from_plot(PlotPoint::new(cut.x, pointer.y));
                    let on_y = plot_ui.screen_from_plot(PlotPoint::new(pointer.x, cut.y));
                    if hovered_mark.is_none() {
                        if (on_x.x - ptr.x).abs() < 6.0 {
                            grab = Some(DraggedCut::X(pointer.x));
                        } else if (on_y.y - ptr.y).abs() < 6.0 {
                            grab = Some(DraggedCut::Y(pointer.y));
                        }
                    }
                    if let Some(k) = hovered_mark {
                        let m = &chart.marks[k];
                        let label = if m.items.len() == 1 {
                            item_label(project, m.items[0])
                        } else {
                            format!("{} items", m.items.len())
                        };
                        plot_ui.text(
                            Text::new(
                                "hover",
                                PlotPoint::new(m.at[0], m.at[1] + 0.045),
                                RichText::new(format!("{label}\n{}", m.quadrant))
                                    .color(text_colour),
                            )
                            .highlight(true),
                        );
                    }
                    if let Some(d) = &mut state.dragging {
                        match d {
                            DraggedCut::X(x) => *x = pointer.x.clamp(0.0, 1.0),
                            DraggedCut::Y(y) => *y = pointer.y.clamp(0.0, 1.0),
                        }
                    }
                }
            });
        let response = response.response;
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Figure,
                true,
                format!("Quadrant chart {}", framework.title()),
            )
        });

        // Cut lines: drag to move, saved as one undo step on release.
        if response.drag_started() && state.dragging.is_none() {
            state.dragging = grab;
        }
        if response.drag_stopped()
            && let Some(d) = state.dragging.take()
        {
            let mut settings = project.settings;
            let mut new_cut = saved_cut;
            match d {
                DraggedCut::X(x) => new_cut.x = (x * 100.0).round() / 100.0,
                DraggedCut::Y(y) => new_cut.y = (y * 100.0).round() / 100.0,
            }
            if new_cut != saved_cut {
                let c = &mut settings.cuts;
                match framework {
                    Framework::A => c.a = new_cut,
                    Framework::B => c.b = new_cut,
                    Framework::C => c.c = new_cut,
                    Framework::D => c.d = new_cut,
                }
                intents.push(Intent::Edit(Edit::new(
                    format!(
                        "Move the cut of framework {}",
                        framework.letter().to_uppercase()
                    ),
                    Command::set_settings(settings),
                )));
            }
        }
        if grab.is_some() || state.dragging.is_some() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
        }

        // Hover and click are shared with the canvas.
        if response.hovered() {
            view.hovered = hovered_mark.and_then(|k| chart.marks[k].items.first().copied());
        }
        if response.clicked() {
            match hovered_mark {
                Some(k) => {
                    let items = chart.marks[k].items.clone();
                    let additive = ui.input(|i| i.modifiers.command || i.modifiers.shift);
                    let mode = if additive {
                        SelectMode::Toggle
                    } else {
                        SelectMode::Replace
                    };
                    if items.len() == 1 {
                        intents.push(Intent::Center(items[0]));
                    }
                    view.select(items, mode);
                }
                None => view.selection.clear(),
            }
        }

        if !chart.unplaced.is_empty() {
            ui.vertical(|ui| {
                ui.set_width(list_width - 8.0);
                ui.strong(format!("Not placed ({})", chart.unplaced.len()))
                    .on_hover_text(
                        "Partnerships whose inputs are missing are listed here, never drawn at 0.",
                    );
                egui::ScrollArea::vertical()
                    .id_salt("unplaced")
                    .max_height(plot_height - 24.0)
                    .show(ui, |ui| {
                        for (item, reason) in &chart.unplaced {
                            let text = format!("{}: {reason}", item_label(project, *item));
                            if ui
                                .selectable_label(view.selection.contains(item), text)
                                .clicked()
                            {
                                view.select([*item], SelectMode::Replace);
                                intents.push(Intent::Center(*item));
                            }
                        }
                    });
            });
        }
    });
}

/// What a framework shows, for the picker's hover text.
pub fn framework_hint(f: Framework) -> &'static str {
    match f {
        Framework::A => {
            "How deep (form) and how formal each partnership is (DFGG Learning Notes 15 and 17)."
        }
        Framework::B => {
            "Mutuality against how far each side keeps its own identity (Brinkerhoff 2002)."
        }
        Framework::C => "Who holds power against how much the sides trust each other.",
        Framework::D => {
            "Each actor's interest against its influence (Mendelow's stakeholder grid)."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_places_every_partnership_in_a_and_says_why_some_are_not_in_b() {
        let p = crate::io::sample();
        let a = chart(&p, Framework::A, Cut::default());
        let placed: usize = a.marks.iter().map(|m| m.items.len()).sum();
        assert_eq!(placed, 29);
        assert!(a.unplaced.is_empty());
        let d = chart(&p, Framework::D, Cut::default());
        assert_eq!(d.marks.iter().map(|m| m.items.len()).sum::<usize>(), 24);
    }

    #[test]
    fn points_sharing_a_spot_are_spread_but_stay_in_their_quadrant() {
        let p = crate::generate::generate(40, 120, 5).expect("generates");
        let cut = Cut { x: 0.6, y: 0.5 };
        let c = chart(&p, Framework::A, cut);
        for m in &c.marks {
            let (tx, ty) = (m.true_at[0], m.true_at[1]);
            assert_eq!(m.at[0] >= cut.x, tx >= cut.x, "{m:?}");
            assert_eq!(m.at[1] >= cut.y, ty >= cut.y, "{m:?}");
        }
        // Spread marks at one true point are all distinct.
        let mut seen = std::collections::HashSet::new();
        for m in c.marks.iter().filter(|m| m.items.len() == 1) {
            assert!(
                seen.insert((m.at[0].to_bits(), m.at[1].to_bits())),
                "two marks drawn at the same spot"
            );
        }
    }
}
