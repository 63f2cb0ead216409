//! The whole app in an egui_kittest harness, as the window tests drive it.
#![allow(dead_code)]

use egui::Vec2;
pub use egui_kittest::Harness;
use partnermap::app::{Document, PartnerMapApp};

/// The window's size in the tests.
pub const SIZE: Vec2 = Vec2::new(1400.0, 860.0);

/// `app` in a harness of the window's size with PartnerMap's fonts, not yet run.
pub fn harness(app: PartnerMapApp) -> Harness<'static, PartnerMapApp> {
    Harness::builder()
        .with_size(SIZE)
        .with_max_steps(64)
        .with_context_setup(partnermap::ui::fonts::install)
        .build_eframe(move |_cc| app)
}

/// The app on `doc`, in a harness, not yet run.
pub fn on(doc: Document) -> Harness<'static, PartnerMapApp> {
    harness(PartnerMapApp::with_document(doc))
}

/// The map of the app in `h`.
pub fn project<'h>(h: &'h Harness<'_, PartnerMapApp>) -> &'h partnermap::model::Project {
    &h.state().doc.project
}

/// The id of the actor called `name` in the app's map.
pub fn actor_id(h: &Harness<'_, PartnerMapApp>, name: &str) -> partnermap::model::ActorId {
    project(h)
        .actors
        .values()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("no actor {name}"))
        .id
}

/// Presses (or releases) the primary button at `at`, holding `modifiers`.
pub fn press<S>(h: &Harness<'_, S>, at: egui::Pos2, pressed: bool, modifiers: egui::Modifiers) {
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers,
    });
}

/// A file dropped on the window.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops the file at `path` on the window (seen at the next frame).
pub fn drop_file<S>(h: &mut Harness<'_, S>, path: &std::path::Path) {
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.to_owned())));
}
