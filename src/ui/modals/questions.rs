//! The short dialogs: a message, "Save changes?", "changed by another program", and the
//! offer to restore unsaved work after a crash.

use std::path::Path;

use egui::{Id, RichText};

use crate::io::recovery::{Found, Reason};

/// A message shown in a dialog until the user dismisses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The dialog's heading.
    pub title: String,
    /// What happened and what to do.
    pub body: String,
}

/// Shows `notice`; returns `true` once the user dismissed it.
pub fn notice_ui(ctx: &egui::Context, notice: &Notice) -> bool {
    let response = egui::Modal::new(Id::unique("partnermap.notice")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(&notice.title);
        ui.add_space(6.0);
        ui.label(&notice.body);
        ui.add_space(10.0);
        ui.button("OK").clicked()
    });
    response.inner || response.should_close()
}

/// The answers to "Save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    DontSave,
    /// Stay.
    Cancel,
}

/// Asks whether to save the changes to the map called `name`.
pub fn unsaved_ui(ctx: &egui::Context, name: &str) -> Option<UnsavedChoice> {
    let mut choice = None;
    let response = egui::Modal::new(Id::unique("partnermap.discard")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(format!("Save changes to “{name}”?"));
        ui.label("Your changes will be lost if you don't save them.");
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            for (text, c) in [
                ("Save", UnsavedChoice::Save),
                ("Don't save", UnsavedChoice::DontSave),
                ("Cancel", UnsavedChoice::Cancel),
            ] {
                if ui.button(text).clicked() {
                    choice = Some(c);
                }
            }
        });
    });
    if response.should_close() && choice.is_none() {
        choice = Some(UnsavedChoice::Cancel);
    }
    choice
}

/// The answers to "changed by another program".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverwriteChoice {
    /// Replace the file all the same.
    SaveOver,
    /// Choose another file.
    SaveAs,
    /// Do not save.
    Cancel,
}

/// Warns before saving over `path`, which another program changed.
pub fn overwrite_ui(ctx: &egui::Context, path: &Path) -> Option<OverwriteChoice> {
    let mut choice = None;
    egui::Modal::new(Id::unique("partnermap.overwrite")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        let name = crate::io::file_name(path);
        ui.heading(format!("“{name}” was changed by another program"));
        ui.label(
            "Since you opened or last saved it here, the file on disk has changed. Saving now replaces those changes with this map (the file as it is now is kept as .bak).",
        );
        ui.horizontal(|ui| {
            for (text, c) in [
                ("Save over it", OverwriteChoice::SaveOver),
                ("Save As…", OverwriteChoice::SaveAs),
                ("Cancel", OverwriteChoice::Cancel),
            ] {
                if ui.button(text).clicked() {
                    choice = Some(c);
                }
            }
        });
    });
    choice
}

/// Offers the unsaved work of an earlier session; `Some(true)` restores, `Some(false)`
/// discards it.
pub fn restore_ui(ctx: &egui::Context, found: &Found) -> Option<bool> {
    let mut choice = None;
    egui::Modal::new(Id::unique("partnermap.restore")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading("Restore unsaved work?");
        let how = match found.info.reason {
            Reason::Crash => "PartnerMap stopped with an internal error",
            Reason::Autosave => {
                "PartnerMap was closed without saving (a crash, a kill or a power cut)"
            }
        };
        ui.label(format!(
            "{how}. Unsaved changes to “{}” were kept, as they were at {}.",
            found.info.name,
            found.info.when()
        ));
        if let Some(origin) = &found.info.origin {
            ui.label(RichText::new(format!("Its file: {}", origin.display())).weak());
        }
        ui.label(
            RichText::new(format!("Kept in {}", found.map.display()))
                .weak()
                .small(),
        );
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                choice = Some(true);
            }
            if ui
                .button("Discard")
                .on_hover_text("Delete the kept changes for good")
                .clicked()
            {
                choice = Some(false);
            }
        });
    });
    choice
}
