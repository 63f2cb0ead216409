//! The toolbar: the most used actions as buttons, and what colours the partnerships.

use crate::model::ColourBy;
use crate::ui::actions::{Action, ActionContext};
use crate::ui::inspector::choice_combo;

/// Draws the toolbar; returns the actions chosen.
pub fn toolbar_ui(ui: &mut egui::Ui, cx: &ActionContext) -> Vec<Action> {
    let mut clicked = Vec::new();
    let buttons = |ui: &mut egui::Ui, clicked: &mut Vec<Action>, buttons: &[(Action, &str)]| {
        for (a, text) in buttons {
            if a.toolbar_button(ui, cx, text) {
                clicked.push(*a);
            }
        }
    };
    ui.horizontal(|ui| {
        buttons(
            ui,
            &mut clicked,
            &[
                (Action::New, "New"),
                (Action::Open, "Open"),
                (Action::Save, "Save"),
            ],
        );
        ui.separator();
        buttons(
            ui,
            &mut clicked,
            &[(Action::Undo, "⟲ Undo"), (Action::Redo, "⟳ Redo")],
        );
        ui.separator();
        buttons(
            ui,
            &mut clicked,
            &[
                (Action::AddActor, "+ Actor"),
                (Action::ConnectMode, "Connect mode"),
                (Action::Delete, "Delete"),
                (Action::FitView, "Fit"),
            ],
        );
        ui.separator();
        if let Some(by) = choice_combo::<ColourBy>(
            ui,
            "toolbar.colour_by",
            "Colour partnerships by",
            cx.colour_by,
        ) {
            clicked.push(Action::ColourBy(by));
        }
        ui.separator();
        buttons(ui, &mut clicked, &[(Action::Presentation, "Present")]);
    });
    clicked
}
