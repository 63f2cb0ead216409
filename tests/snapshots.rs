//! Image snapshots of the window, rendered with wgpu (Mesa's lavapipe in CI). Run with
//! `cargo test --features snapshots --test snapshots`; `UPDATE_SNAPSHOTS=1` rewrites them.

// A test or benchmark that meets a broken fixture stops with its message: that is its report.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "snapshots")]

use egui::{Key, Modifiers, Role, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnermap::app::{Document, PartnerMapApp, ThemeChoice};

fn harness() -> Harness<'static, PartnerMapApp> {
    let mut app = PartnerMapApp::with_document(Document::sample());
    app.prefs.theme = ThemeChoice::Light;
    let mut h = Harness::builder()
        .with_size(Vec2::new(1400.0, 860.0))
        .with_step_dt(1.0 / 60.0)
        .with_theme(egui::Theme::Light)
        .with_context_setup(partnermap::ui::fonts::install)
        .wgpu()
        .build_eframe(move |_cc| app);
    h.run();
    h
}

#[test]
fn the_sample_map() {
    let mut h = harness();
    h.snapshot("sample_map");
}

#[test]
fn an_actor_selected_with_the_inspector_open() {
    let mut h = harness();
    h.get_by_role_and_label(Role::GraphicsObject, "The Asia Foundation (TAF)")
        .click();
    h.run();
    h.snapshot("inspector_actor");
}

#[test]
fn presentation_mode() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::NONE, Key::F11);
    h.run();
    h.snapshot("presentation");
}
