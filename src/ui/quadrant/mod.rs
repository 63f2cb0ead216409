//! The quadrant chart (design.md §4): a framework picker A–D, named axes, the four quadrant
//! names, cut lines the user can drag (saved in the project), points coloured as on the
//! canvas, selection and hover shared with the canvas both ways, and the unplaced items
//! listed beside the chart with their reasons. A thin egui back-end of
//! [`crate::style::quadrant`], which the SVG export draws too: the plot is drawn in `plot`,
//! the cut lines are dragged in `cut`, points are picked in `pick`, the unplaced items are
//! listed in `unplaced`.

mod cut;
mod pick;
mod plot;
mod unplaced;

use std::sync::Arc;

use egui::Ui;

use super::intent::Intent;
use super::view::{Item, ViewState};
use crate::model::Project;
use crate::style::quadrant::Subject;
use crate::style::trajectory::Route;
use crate::typology::Framework;

pub use crate::style::quadrant::{Chart, Mark, chart};

/// The width of the list of unplaced items beside the plot, in px.
const LIST_WIDTH: f32 = 240.0;
/// Below this width the chart stacks: the picker becomes a list, the unplaced items go under
/// the plot.
const NARROW_BELOW: f32 = 520.0;

/// What the chart remembers between frames.
#[derive(Default)]
pub struct QuadrantState {
    /// The framework shown.
    pub framework: Option<Framework>,
    /// The cut line being dragged, where the pointer has it.
    dragging: Option<cut::DraggedCut>,
    /// The chart of the last document revision and framework shown.
    cache: Option<(u64, Framework, Arc<Chart>)>,
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
    pub fn chart(&mut self, project: &Project, revision: u64) -> Arc<Chart> {
        let framework = self.framework();
        match &self.cache {
            Some((r, f, chart)) if *r == revision && *f == framework => chart.clone(),
            _ => {
                let cut = framework.cut(&project.settings);
                let fresh = Arc::new(chart(project, framework, cut));
                self.cache = Some((revision, framework, fresh.clone()));
                fresh
            }
        }
    }
}

/// The selectable item a point of the chart stands for.
fn item(subject: Subject) -> Item {
    match subject {
        Subject::Actor(id) => Item::Actor(id),
        Subject::Partnership(id) => Item::Partnership(id),
    }
}

/// Draws the chart panel: the framework picker, the plot, and the unplaced items beside it.
pub fn quadrant_ui(
    ui: &mut Ui,
    (project, revision): (&Project, u64),
    paths: Option<&[Route]>,
    view: &mut ViewState,
    state: &mut QuadrantState,
    intents: &mut Vec<Intent>,
) {
    let narrow = ui.available_width() < NARROW_BELOW;
    framework_picker_ui(ui, state, narrow);
    if let Some(moves) = paths
        && moves.len() > plot::MAX_ROUTES
    {
        ui.weak(format!(
            "{} routes moved: arrows for the selection only",
            moves.len()
        ));
    }
    let framework = state.framework();
    let saved_cut = framework.cut(&project.settings);
    let cut = cut::live(state.dragging, saved_cut);
    let chart = state.chart(project, revision);
    if narrow {
        narrow_chart_ui(
            ui,
            (project, paths),
            &chart,
            (cut, saved_cut),
            view,
            state,
            intents,
        );
        return;
    }
    // The plot takes exactly the height left, so that a resizable panel around it keeps its
    // size; the unplaced items are listed beside it.
    let plot_height = ui.available_height().max(120.0);
    let list_width = if chart.unplaced.is_empty() {
        0.0
    } else {
        LIST_WIDTH
    };
    let plot_width = (ui.available_width() - list_width).max(200.0);
    ui.horizontal_top(|ui| {
        let shown = plot::plot_ui(
            ui,
            (project, paths),
            &chart,
            cut,
            view,
            state,
            egui::vec2(plot_width, plot_height),
        );
        let commit = cut::drag_ui(ui, &shown, &mut state.dragging, saved_cut);
        if let Some(new_cut) = commit {
            intents.push(cut::save(project, framework, new_cut));
        }
        pick::pick_ui(ui, &shown, &chart, view, intents);
        if !chart.unplaced.is_empty() {
            unplaced::unplaced_ui(
                ui,
                &chart,
                view,
                intents,
                egui::vec2(list_width, plot_height),
            );
        }
    });
}

/// The chart in a narrow column (the left panel of a laptop screen): the plot as large as the
/// width allows, the unplaced items listed under it.
fn narrow_chart_ui(
    ui: &mut Ui,
    (project, paths): (&Project, Option<&[Route]>),
    chart: &Chart,
    (cut, saved_cut): (crate::model::Cut, crate::model::Cut),
    view: &mut ViewState,
    state: &mut QuadrantState,
    intents: &mut Vec<Intent>,
) {
    let width = ui.available_width().max(120.0);
    let height = ui.available_height();
    let list_height = if chart.unplaced.is_empty() {
        0.0
    } else {
        (height * 0.3).clamp(60.0, 160.0)
    };
    let plot_height = (height - list_height).clamp(120.0, width * 1.1);
    let shown = plot::plot_ui(
        ui,
        (project, paths),
        chart,
        cut,
        view,
        state,
        egui::vec2(width, plot_height),
    );
    let commit = cut::drag_ui(ui, &shown, &mut state.dragging, saved_cut);
    if let Some(new_cut) = commit {
        intents.push(cut::save(project, state.framework(), new_cut));
    }
    pick::pick_ui(ui, &shown, chart, view, intents);
    if !chart.unplaced.is_empty() {
        unplaced::unplaced_ui(ui, chart, view, intents, egui::vec2(width, list_height));
    }
}

/// The framework picker A–D, each with its hint: buttons, or a list in a narrow column.
fn framework_picker_ui(ui: &mut Ui, state: &mut QuadrantState, narrow: bool) {
    if narrow {
        let current = state.framework();
        egui::ComboBox::from_id_salt("framework")
            .selected_text(current.title())
            .width(ui.available_width())
            .truncate()
            .show_ui(ui, |ui| {
                for f in Framework::ALL {
                    if ui
                        .selectable_label(current == f, f.title())
                        .on_hover_text(framework_hint(f))
                        .clicked()
                    {
                        state.framework = Some(f);
                    }
                }
            })
            .response
            .on_hover_text(framework_hint(current));
        return;
    }
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
    use crate::model::Cut;

    #[test]
    fn the_sample_places_every_partnership_in_a_and_says_why_some_are_not_in_b() {
        let p = crate::io::sample();
        let a = chart(&p, Framework::A, Cut::default());
        let placed: usize = a.marks.iter().map(|m| m.points.len()).sum();
        assert_eq!(placed, 29);
        assert!(a.unplaced.is_empty());
        let d = chart(&p, Framework::D, Cut::default());
        assert_eq!(d.marks.iter().map(|m| m.points.len()).sum::<usize>(), 24);
    }
}
