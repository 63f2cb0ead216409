//! Every shortcut shown in the menus runs the action it names, in the whole app: the press
//! goes through egui's input like a real key press, with the shortcuts checked in the shell's
//! order (Ctrl+Shift+L lays the map out; it does not open quick entry).

use crate::harness;
use egui::Modifiers;
use partnermap::app::{Document, PartnerMapApp};
use partnermap::model::ActorId;
use partnermap::ui::actions::Action;
use partnermap::ui::view::Item;

/// Actions that leave the app (file dialogs, quitting): their shortcuts are checked by the
/// dispatch's unit tests, not pressed here.
fn leaves_the_app(a: Action) -> bool {
    matches!(
        a,
        Action::Open | Action::Save | Action::SaveAs | Action::Import | Action::Quit
    )
}

/// The sample map with something to undo and to redo, actor 1 selected and copied, so that
/// every action is enabled.
fn ready() -> harness::Harness<'static, PartnerMapApp> {
    let mut h = harness::on(Document::sample());
    h.run();
    let app = h.state_mut();
    app.view.selection = [Item::Actor(ActorId(1))].into_iter().collect();
    app.run_action(Action::Copy);
    app.run_action(Action::Paste);
    app.run_action(Action::Paste);
    app.run_action(Action::Undo);
    app.view.selection = [Item::Actor(ActorId(1))].into_iter().collect();
    app.last_action = None;
    h.run();
    h
}

#[test]
fn every_shortcut_in_the_menus_runs_its_action() {
    let mut wrong = Vec::new();
    for action in Action::all() {
        if leaves_the_app(action) {
            continue;
        }
        for shortcut in action.shortcuts() {
            let mut h = ready();
            let ctx = h.state().action_context();
            assert!(action.enabled(&ctx), "{action:?} is enabled for the test");
            // egui reports Ctrl as both ctrl and command on Linux and Windows.
            let mut modifiers = shortcut.modifiers;
            if modifiers.command {
                modifiers |= Modifiers::CTRL;
            }
            h.key_press_modifiers(modifiers, shortcut.logical_key);
            // A layout glides into place for a while: a few frames are enough here.
            h.run_steps(3);
            let ran = h.state().last_action;
            if ran != Some(action) {
                wrong.push(format!("{shortcut:?} of {action:?} ran {ran:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn ctrl_shift_l_starts_the_force_directed_layout() {
    let mut h = ready();
    h.key_press_modifiers(
        Modifiers::COMMAND | Modifiers::CTRL | Modifiers::SHIFT,
        egui::Key::L,
    );
    h.step();
    assert_eq!(h.state().last_action, Some(Action::LayoutForce));
    let running = h
        .state()
        .jobs
        .busy
        .as_deref()
        .is_some_and(|b| b.starts_with("Layout"));
    assert!(
        running || h.state().animation.is_some(),
        "the layout runs or glides into place"
    );
    assert!(!h.state().quick.focus, "quick entry is not opened");
}

#[test]
fn no_shortcut_runs_while_a_dialog_is_open() {
    let mut h = ready();
    h.state_mut().run_action(Action::Export);
    h.run();
    assert!(h.state().export_choice().is_some());
    let actors = h.state().doc.project.actors.len();
    h.key_press(egui::Key::Delete);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::CTRL, egui::Key::A);
    h.run();
    assert_eq!(h.state().doc.project.actors.len(), actors);
    assert_eq!(h.state().last_action, Some(Action::Export));
}

#[test]
fn the_canvas_neither_pans_nor_zooms_nor_takes_clicks_behind_a_dialog() {
    let mut h = ready();
    h.state_mut().run_action(Action::Export);
    h.run();
    let camera = h.state().view.canvas.camera.expect("the canvas was drawn");
    let screen = h.state().view.canvas.screen.expect("the canvas was drawn");
    let spot = screen.left_bottom() + egui::Vec2::new(30.0, -30.0);
    h.hover_at(spot);
    for modifiers in [Modifiers::NONE, Modifiers::COMMAND] {
        h.event_modifiers(
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Line,
                delta: egui::Vec2::new(0.0, 3.0),
                modifiers,
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
            },
            modifiers,
        );
        h.run();
    }
    h.drag_at(spot);
    h.run();
    h.drop_at(spot + egui::Vec2::new(-100.0, -50.0));
    h.run();
    assert_eq!(h.state().view.canvas.camera, Some(camera));
}
