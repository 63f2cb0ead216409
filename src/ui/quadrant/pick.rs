//! Picking points of the chart, shared with the canvas both ways: the mark nearest the
//! pointer is hovered and a click selects it (Ctrl or Shift to add or remove); the selected
//! and hovered items, and the partnerships of selected or hovered actors, are ringed.

use std::collections::HashSet;

use egui::Ui;
use egui_plot::{PlotPoint, PlotUi};

use super::item;
use super::plot::Shown;
use crate::model::{ActorId, Project};
use crate::style::quadrant::Chart;
use crate::ui::intent::Intent;
use crate::ui::view::{Item, SelectMode, ViewState};

/// How near the pointer a mark must be to be hovered, in px.
const REACH_PX: f32 = 9.0;

/// The items a mark of the chart stands for.
pub(super) fn items(chart: &Chart, mark: usize) -> Vec<Item> {
    chart.marks[mark]
        .points
        .iter()
        .map(|&i| item(chart.points[i].subject))
        .collect()
}

/// The mark nearest `pointer`, if it is within reach.
pub(super) fn nearest(plot_ui: &PlotUi<'_>, chart: &Chart, pointer: PlotPoint) -> Option<usize> {
    let ptr = plot_ui.screen_from_plot(pointer);
    let mut best = (f32::INFINITY, None);
    for (k, m) in chart.marks.iter().enumerate() {
        let at = plot_ui.screen_from_plot(PlotPoint::new(m.at[0], m.at[1]));
        let d = at.distance(ptr);
        if d < best.0 {
            best = (d, Some(k));
        }
    }
    if best.0 <= REACH_PX { best.1 } else { None }
}

/// The marks to ring: those of selected or hovered items, and, where the chart places
/// partnerships, those of the partnerships of selected or hovered actors.
pub(super) fn ringed(project: &Project, chart: &Chart, view: &ViewState) -> Vec<usize> {
    let focus: Vec<ActorId> = view
        .selection
        .iter()
        .chain(view.hovered.iter())
        .filter_map(|i| match i {
            Item::Actor(id) => Some(*id),
            Item::Partnership(_) => None,
        })
        .collect();
    let mut of_actors = HashSet::new();
    if !focus.is_empty() && !chart.framework.places_actors() {
        for p in project.partnerships.values() {
            if focus.contains(&p.a) || focus.contains(&p.b) {
                of_actors.insert(Item::Partnership(p.id));
            }
        }
    }
    let rung = |point: usize| {
        let i = item(chart.points[point].subject);
        view.selection.contains(&i) || view.hovered == Some(i) || of_actors.contains(&i)
    };
    (0..chart.marks.len())
        .filter(|&k| chart.marks[k].points.iter().any(|&p| rung(p)))
        .collect()
}

/// Shares the hovered mark of the plot `shown` with the canvas, and selects it on a click
/// (centring the canvas on a single item); a click beside every mark clears the selection.
pub(super) fn pick_ui(
    ui: &Ui,
    shown: &Shown,
    chart: &Chart,
    view: &mut ViewState,
    intents: &mut Vec<Intent>,
) {
    let response = &shown.response;
    if response.hovered() {
        view.hovered = shown.hovered.and_then(|k| items(chart, k).first().copied());
    }
    if response.clicked() {
        match shown.hovered {
            Some(k) => {
                let items = items(chart, k);
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
}
