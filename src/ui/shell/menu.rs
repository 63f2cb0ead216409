//! The menu bar: File, Edit, View, Map, Help. Every entry is an [`Action`].

use std::path::PathBuf;

use egui::RichText;

use crate::style::SizeBy;
use crate::ui::actions::{Action, ActionContext, ThemeChoice};

/// What the menus show besides the actions' own state.
pub struct MenuInfo<'a> {
    /// Recently opened or saved maps, newest first.
    pub recent: &'a [PathBuf],
    /// What Undo would undo ("Move 3 actors").
    pub undo: Option<&'a str>,
    /// What Redo would redo.
    pub redo: Option<&'a str>,
    /// The size of everything, 1.0 = 100 %.
    pub ui_scale: f32,
}

/// Draws the menu bar; returns the actions chosen.
pub fn menu_bar_ui(ui: &mut egui::Ui, cx: &ActionContext, info: &MenuInfo<'_>) -> Vec<Action> {
    let mut chosen = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, cx, info, &mut chosen));
        ui.menu_button("Edit", |ui| edit_menu_ui(ui, cx, info, &mut chosen));
        ui.menu_button("View", |ui| view_menu_ui(ui, cx, info, &mut chosen));
        ui.menu_button("Map", |ui| {
            entries_ui(
                ui,
                cx,
                &[Action::AddActor, Action::ConnectMode],
                &mut chosen,
            );
            ui.separator();
            ui.menu_button("Layout", |ui| {
                let layouts = [
                    Action::LayoutForce,
                    Action::LayoutByLevel,
                    Action::LayoutBySector,
                    Action::LayoutCircular,
                ];
                entries_ui(ui, cx, &layouts, &mut chosen);
            });
            entries_ui(ui, cx, &[Action::TidySelection], &mut chosen);
            ui.separator();
            entries_ui(ui, cx, &[Action::TakeSnapshot], &mut chosen);
        });
        ui.menu_button("Help", |ui| {
            entries_ui(ui, cx, &[Action::Help, Action::OpenSample], &mut chosen);
        });
    });
    chosen
}

/// Menu entries for `actions`, in order.
fn entries_ui(ui: &mut egui::Ui, cx: &ActionContext, actions: &[Action], out: &mut Vec<Action>) {
    for a in actions {
        if a.menu_button(ui, cx) {
            out.push(*a);
        }
    }
}

fn file_menu_ui(ui: &mut egui::Ui, cx: &ActionContext, info: &MenuInfo<'_>, out: &mut Vec<Action>) {
    entries_ui(ui, cx, &[Action::New, Action::Open], out);
    ui.menu_button("Open recent", |ui| {
        if info.recent.is_empty() {
            ui.label(RichText::new("No recent maps").weak());
        }
        for (i, path) in info.recent.iter().enumerate() {
            let name = crate::io::file_name(path);
            let action = Action::OpenRecent(i);
            if Action::OpenRecent(i).menu_button_labelled(ui, cx, &name) {
                out.push(action);
                ui.close();
            }
        }
    });
    let rest = [
        Action::Import,
        Action::MergeMap,
        Action::Save,
        Action::SaveAs,
        Action::Export,
        Action::ExportReport,
        Action::Quit,
    ];
    entries_ui(ui, cx, &rest, out);
}

fn edit_menu_ui(ui: &mut egui::Ui, cx: &ActionContext, info: &MenuInfo<'_>, out: &mut Vec<Action>) {
    let undo = info
        .undo
        .map_or_else(|| "Undo".to_string(), |l| format!("Undo {l}"));
    if Action::Undo.menu_button_labelled(ui, cx, &undo) {
        out.push(Action::Undo);
    }
    let redo = info
        .redo
        .map_or_else(|| "Redo".to_string(), |l| format!("Redo {l}"));
    if Action::Redo.menu_button_labelled(ui, cx, &redo) {
        out.push(Action::Redo);
    }
    ui.separator();
    let edits = [
        Action::Copy,
        Action::Paste,
        Action::Delete,
        Action::SelectAll,
        Action::Find,
    ];
    entries_ui(ui, cx, &edits, out);
}

fn view_menu_ui(ui: &mut egui::Ui, cx: &ActionContext, info: &MenuInfo<'_>, out: &mut Vec<Action>) {
    let views = [
        Action::FitView,
        Action::Presentation,
        Action::QuickEntry,
        Action::AnalysisPanel,
        Action::LeftPanel,
        Action::InspectorPanel,
    ];
    entries_ui(ui, cx, &views, out);
    ui.separator();
    ui.label("Size actors by");
    entries_ui(ui, cx, &SizeBy::ALL.map(Action::SizeBy), out);
    entries_ui(ui, cx, &[Action::BrokerRings], out);
    ui.separator();
    ui.label("Theme");
    entries_ui(ui, cx, &ThemeChoice::ALL.map(Action::Theme), out);
    ui.separator();
    let label = ui.label("Size of everything");
    let mut percent = (info.ui_scale * 100.0).round();
    let slider = egui::Slider::new(&mut percent, 75.0..=200.0)
        .suffix(" %")
        .step_by(5.0);
    if ui
        .add(slider)
        .labelled_by(label.id)
        .on_hover_text(Action::UiScale(100).hint())
        .changed()
    {
        out.push(Action::UiScale(percent as u16));
    }
}
