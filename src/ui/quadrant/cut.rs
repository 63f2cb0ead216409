//! Dragging the chart's cut lines: a drag that starts near a line (and not on a point) moves
//! it, the plot following the pointer; on release the cut is rounded to hundredths and saved
//! as one undo step.

use egui::Ui;
use egui_plot::{PlotPoint, PlotUi};

use super::plot::Shown;
use crate::edit::Command;
use crate::model::{Cut, Project};
use crate::typology::Framework;
use crate::ui::intent::{Edit, Intent};

/// How near a cut line a drag must start to move it, in px.
const GRAB_PX: f32 = 6.0;

/// Which cut line is being dragged, and where the pointer has it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum DraggedCut {
    /// The vertical line, at this x.
    X(f64),
    /// The horizontal line, at this y.
    Y(f64),
}

/// The cut to draw: the `saved` one, with the line being dragged where the pointer has it.
pub(super) fn live(dragging: Option<DraggedCut>, saved: Cut) -> Cut {
    match dragging {
        Some(DraggedCut::X(x)) => Cut { x, ..saved },
        Some(DraggedCut::Y(y)) => Cut { y, ..saved },
        None => saved,
    }
}

/// The cut line a drag starting at `pointer` would grab, if it is near one.
pub(super) fn grab_near(plot_ui: &PlotUi<'_>, pointer: PlotPoint, cut: Cut) -> Option<DraggedCut> {
    let ptr = plot_ui.screen_from_plot(pointer);
    let on_x = plot_ui.screen_from_plot(PlotPoint::new(cut.x, pointer.y));
    let on_y = plot_ui.screen_from_plot(PlotPoint::new(pointer.x, cut.y));
    if (on_x.x - ptr.x).abs() < GRAB_PX {
        Some(DraggedCut::X(pointer.x))
    } else if (on_y.y - ptr.y).abs() < GRAB_PX {
        Some(DraggedCut::Y(pointer.y))
    } else {
        None
    }
}

/// Moves the line being dragged to `pointer`, inside the plot.
pub(super) fn follow(dragging: &mut Option<DraggedCut>, pointer: PlotPoint) {
    match dragging {
        Some(DraggedCut::X(x)) => *x = pointer.x.clamp(0.0, 1.0),
        Some(DraggedCut::Y(y)) => *y = pointer.y.clamp(0.0, 1.0),
        None => {}
    }
}

/// Starts and ends the drag of a cut line on the plot `shown`: returns the new cut when a
/// drag ends somewhere else than the `saved` cut.
pub(super) fn drag_ui(
    ui: &Ui,
    shown: &Shown,
    dragging: &mut Option<DraggedCut>,
    saved: Cut,
) -> Option<Cut> {
    let response = &shown.response;
    if response.drag_started() && dragging.is_none() {
        *dragging = shown.grab;
    }
    let mut moved = None;
    if response.drag_stopped()
        && let Some(d) = dragging.take()
    {
        let mut new_cut = saved;
        match d {
            DraggedCut::X(x) => new_cut.x = (x * 100.0).round() / 100.0,
            DraggedCut::Y(y) => new_cut.y = (y * 100.0).round() / 100.0,
        }
        moved = (new_cut != saved).then_some(new_cut);
    }
    if shown.grab.is_some() || dragging.is_some() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
    }
    moved
}

/// The edit that saves `cut` as the cut of `framework`.
pub(super) fn save(project: &Project, framework: Framework, cut: Cut) -> Intent {
    let mut settings = project.settings;
    let c = &mut settings.cuts;
    match framework {
        Framework::A => c.a = cut,
        Framework::B => c.b = cut,
        Framework::C => c.c = cut,
        Framework::D => c.d = cut,
    }
    Intent::Edit(Edit::new(
        format!(
            "Move the cut of framework {}",
            framework.letter().to_uppercase()
        ),
        Command::set_settings(settings),
    ))
}
