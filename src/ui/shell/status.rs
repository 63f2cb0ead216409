//! The status bar: the map's size, the selection, zoom, the file and whether it is saved,
//! and what runs in the background with its progress and Cancel.

use crate::task::Progress;
use crate::ui::intent::count;

/// What the status bar shows.
pub struct StatusInfo<'a> {
    /// How many actors and partnerships the map has.
    pub actors: usize,
    /// How many partnerships.
    pub partnerships: usize,
    /// How many items are selected.
    pub selected: usize,
    /// The canvas's zoom, when it has been drawn.
    pub zoom: Option<f32>,
    /// The map's file, or its name.
    pub file: String,
    /// Whether there are unsaved changes.
    pub modified: bool,
    /// Connect mode is on.
    pub connect_mode: bool,
    /// Why the last autosave failed.
    pub autosave_failed: Option<&'a str>,
    /// What runs in the background.
    pub busy: Option<&'a str>,
    /// The running job's progress and what its Cancel button says.
    pub job: Option<(&'a Progress, &'static str)>,
    /// Betweenness's progress while it is computed in the background.
    pub betweenness: Option<f32>,
    /// What the last merge did, until the map next changes.
    pub message: Option<&'a str>,
}

/// The Cancel buttons the user pressed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusClicks {
    /// Cancel the running job (its progress is already marked cancelled).
    pub job: bool,
    /// Cancel the betweenness computation.
    pub betweenness: bool,
}

/// Draws the status bar.
pub fn status_ui(ui: &mut egui::Ui, info: &StatusInfo<'_>) -> StatusClicks {
    let mut clicks = StatusClicks::default();
    ui.horizontal(|ui| {
        ui.label(format!(
            "{} · {}",
            count(info.actors, "actor", "actors"),
            count(info.partnerships, "partnership", "partnerships")
        ));
        if info.selected > 0 {
            ui.separator();
            ui.label(format!("{} selected", info.selected));
        }
        ui.separator();
        if let Some(zoom) = info.zoom {
            ui.label(format!("zoom {:.0}%", zoom * 100.0));
            ui.separator();
        }
        ui.label(&info.file);
        ui.separator();
        ui.label(if info.modified {
            "unsaved changes"
        } else {
            "saved"
        });
        if info.connect_mode {
            ui.separator();
            ui.label("Connect mode: drag from an actor to another");
        }
        if let Some(why) = info.autosave_failed {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, "autosave failed")
                .on_hover_text(why);
        }
        if let Some(busy) = info.busy {
            clicks.job = busy_ui(ui, busy, info.job);
        }
        if let Some(p) = info.betweenness {
            ui.separator();
            ui.spinner();
            ui.label(format!("Betweenness {:.0}%", p * 100.0))
                .on_hover_text(
                    "Computed in the background; the other indicators are already shown",
                );
            clicks.betweenness = ui.small_button("Cancel").clicked();
        }
        // Last: it takes the room that is left, cut short with an ellipsis.
        if let Some(message) = info.message {
            ui.separator();
            ui.add(egui::Label::new(message).truncate())
                .on_hover_text(message);
        }
    });
    clicks
}

/// What runs in the background: a progress bar or a spinner, and Cancel.
fn busy_ui(ui: &mut egui::Ui, busy: &str, job: Option<(&Progress, &'static str)>) -> bool {
    ui.separator();
    match job {
        Some((job, _)) if job.fraction() > 0.0 => {
            ui.add(
                egui::ProgressBar::new(job.fraction())
                    .desired_width(120.0)
                    .show_percentage(),
            );
        }
        _ => {
            ui.spinner();
        }
    }
    ui.label(busy);
    let mut cancelled = false;
    if let Some((job, cancel)) = job {
        if job.is_cancelled() {
            ui.label("cancelling…");
        } else if ui.small_button(cancel).clicked() {
            job.cancel();
            cancelled = true;
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
    }
    cancelled
}
