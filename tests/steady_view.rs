//! The view never moves by itself (design.md §6, issue 12): after the window has settled,
//! adding actors, selecting, and the inspector widening keep the map point at the canvas's
//! centre and the zoom, and an actor lands exactly under the double-click.

use crate::harness;
use egui::{Event, Key, Modifiers, Pos2, Vec2};
use partnermap::app::{Document, Origin};
use partnermap::model::Project;

type H = harness::Harness<'static, partnermap::app::PartnerMapApp>;

/// The app on `doc` at the window's size, a frame every 1/60 s (so that two clicks make a
/// double-click).
fn on(doc: Document) -> H {
    let app = partnermap::app::PartnerMapApp::with_document(doc);
    harness::Harness::builder()
        .with_size(harness::SIZE)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(64)
        .with_context_setup(partnermap::ui::fonts::install)
        .build_eframe(move |_cc| app)
}

fn double_click(h: &mut H, at: Pos2) {
    // Half a second after any earlier click, so that this one does not make a triple.
    h.run_steps(30);
    h.event(Event::PointerMoved(at));
    h.run();
    for _ in 0..2 {
        harness::press(h, at, true, Modifiers::NONE);
        h.step();
        harness::press(h, at, false, Modifiers::NONE);
        h.step();
    }
    h.run();
}

fn add_actor(h: &mut H, at: Pos2, name: &str) {
    double_click(h, at);
    assert!(
        h.state().view.canvas.new_actor.is_some(),
        "the name field opens for {name}"
    );
    h.event(Event::Text(name.to_string()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

/// Where the actor called `name` is drawn on screen now.
fn drawn_at(h: &H, name: &str) -> Pos2 {
    let app = h.state();
    let a = app
        .doc
        .project
        .actors
        .values()
        .find(|a| a.name == name)
        .expect("the actor was added");
    let cam = app.view.canvas.camera.expect("the canvas was drawn");
    let screen = app.view.canvas.screen.expect("the canvas was drawn");
    cam.to_screen(screen, Pos2::new(a.position.x as f32, a.position.y as f32))
}

#[test]
fn actors_double_clicked_onto_a_blank_map_stay_where_they_were_put() {
    let mut h = on(Document::new(Project::new(), Origin::Untitled));
    h.run();
    let camera = h.state().view.canvas.camera.expect("the canvas was drawn");
    let screen = h.state().view.canvas.screen.expect("the canvas was drawn");
    let first = screen.center() + Vec2::new(-150.0, 0.0);
    let second = first + Vec2::new(300.0, 0.0);
    add_actor(&mut h, first, "Local NGO");
    add_actor(&mut h, second, "World Bank");
    // Each was selected in turn, so the inspector opened and widened in between: nothing
    // moved on screen and the zoom stayed.
    let now = h.state().view.canvas.camera.expect("the canvas was drawn");
    assert_eq!(now.zoom, camera.zoom, "the view did not zoom");
    for (name, at) in [("Local NGO", first), ("World Bank", second)] {
        let drawn = drawn_at(&h, name);
        assert!(
            (drawn - at).length() < 1.0,
            "{name} drawn at {drawn:?}, put at {at:?}"
        );
    }
}

#[test]
fn selecting_an_actor_or_a_partnership_keeps_the_view() {
    let mut h = on(Document::sample());
    h.run();
    let camera = h.state().view.canvas.camera.expect("the canvas was drawn");
    let at = drawn_at(&h, "The Asia Foundation (TAF)");
    h.event(Event::PointerMoved(at));
    h.run();
    harness::press(&h, at, true, Modifiers::NONE);
    h.step();
    harness::press(&h, at, false, Modifiers::NONE);
    h.run();
    assert_eq!(h.state().view.selection.len(), 1, "the actor is selected");
    let now = h.state().view.canvas.camera.expect("the canvas was drawn");
    assert_eq!(now.zoom, camera.zoom, "the view did not zoom");
    let still = drawn_at(&h, "The Asia Foundation (TAF)");
    assert!(
        (still - at).length() < 1.0,
        "drawn at {still:?}, was at {at:?}"
    );
    // F still fits on request.
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::F);
    h.run();
    assert!(h.state().view.canvas.camera.is_some());
}

#[test]
fn quick_entry_puts_new_actors_in_free_space_inside_the_visible_canvas() {
    let mut h = on(Document::sample());
    h.run();
    // Zoomed in on the middle of the map, as on a projector.
    if let Some(cam) = &mut h.state_mut().view.canvas.camera {
        cam.zoom = 1.2;
    }
    h.run();
    let names = [
        "Women's savings group",
        "Parents' association",
        "Youth council",
        "Health centre",
        "Farmers' cooperative",
        "Fishing community",
    ];
    for name in names {
        h.state_mut()
            .run_action(partnermap::ui::actions::Action::QuickEntry);
        h.run();
        h.event(Event::Text(name.to_string()));
        h.run();
        h.key_press(Key::Enter);
        h.run();
    }
    let app = h.state();
    let visible = app
        .view
        .canvas
        .camera
        .expect("drawn")
        .visible(app.view.canvas.screen.expect("drawn"));
    let p = &app.doc.project;
    for name in names {
        let a = p.actors.values().find(|a| a.name == name).expect("added");
        let at = Pos2::new(a.position.x as f32, a.position.y as f32);
        assert!(
            visible.contains(at),
            "{name} at {at:?} is outside {visible:?}"
        );
        let r = partnermap::style::actor_radius(a);
        for b in p.actors.values().filter(|b| b.id != a.id) {
            let d = ((a.position.x - b.position.x).powi(2) + (a.position.y - b.position.y).powi(2))
                .sqrt();
            let clear = r + partnermap::style::actor_radius(b) + 10.0;
            assert!(d > clear, "{name} is on {} ({d:.0} apart)", b.name);
        }
    }
}
