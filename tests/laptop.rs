//! The window at the laptop screens facilitators work on (design.md §6, "Laptop screens
//! first"): 1280 × 720, 1366 × 768 and 1920 × 1080 at 150 % (1280 × 720 points). No panel
//! overlaps another, everything stays inside the window, the map keeps at least half of it,
//! whichever tab the left column shows and whatever is selected; collapsed panels stay
//! collapsed and give the map their room.

use egui::{Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnermap::app::{CANVAS_SHARE, Document, LeftTab, PartnerMapApp};
use partnermap::ui::view::Item;

type H = Harness<'static, PartnerMapApp>;

/// The screens, in points, with their scale.
const SCREENS: [(f32, f32, f32); 3] = [
    (1280.0, 720.0, 1.0),
    (1366.0, 768.0, 1.0),
    (1280.0, 720.0, 1.5),
];

fn at(size: (f32, f32, f32)) -> H {
    let app = PartnerMapApp::with_document(Document::sample());
    let mut h = Harness::builder()
        .with_size(Vec2::new(size.0, size.1))
        .with_pixels_per_point(size.2)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(64)
        .with_context_setup(partnermap::ui::fonts::install)
        .build_eframe(move |_cc| app);
    h.run();
    h
}

/// Checks the panels of the last frame: inside the window, no two overlapping, and the map's
/// share; returns that share.
fn check(h: &H, what: &str) -> f32 {
    let rects = h.state().panel_rects();
    let window = rects.window.expect("the window");
    let shown = rects.shown();
    for (name, r) in &shown {
        assert!(
            window.expand(0.5).contains_rect(*r),
            "{what}: {name} {r:?} runs out of the window {window:?}"
        );
    }
    for (i, (a, ra)) in shown.iter().enumerate() {
        for (b, rb) in &shown[i + 1..] {
            let overlap = ra.intersect(*rb);
            assert!(
                overlap.width() <= 1.0 || overlap.height() <= 1.0,
                "{what}: {a} {ra:?} overlaps {b} {rb:?}"
            );
        }
    }
    // Nothing runs out of its panel sideways (cut off, or drawn over the map). Screen
    // readers get rectangles in pixels; the panels are in points.
    let ppp = h.ctx.pixels_per_point();
    for node in h.query_all(egui_kittest::kittest::by()) {
        use egui_kittest::kittest::NodeT as _;
        let n = node.accesskit_node();
        let Some(b) = n.bounding_box() else { continue };
        let r = Rect::from_min_max(
            egui::pos2(b.x0 as f32, b.y0 as f32) / ppp,
            egui::pos2(b.x1 as f32, b.y1 as f32) / ppp,
        );
        // Resize handles straddle the edge they move, by design; the text of a field scrolls
        // inside the field (its own node is checked).
        // Actors on the map are clipped at its edge like the map itself.
        let skip = [
            egui::accesskit::Role::Splitter,
            egui::accesskit::Role::TextRun,
            egui::accesskit::Role::GraphicsObject,
        ];
        if r.width() <= 0.0 || r.height() <= 0.0 || skip.contains(&n.role()) {
            continue;
        }
        for (name, panel) in [("left", rects.left), ("right", rects.right)] {
            let Some(p) = panel else { continue };
            if r.left() >= p.left() && r.left() < p.right() - 1.0 && p.y_range().contains(r.top()) {
                assert!(
                    r.right() <= p.right() + 1.0,
                    "{what}: {:?} {:?} {r:?} runs out of the {name} panel {p:?}",
                    n.role(),
                    n.label()
                );
            }
        }
    }
    let canvas = rects.canvas.expect("the map");
    let share = canvas.area() / window.area();
    assert!(
        share >= CANVAS_SHARE,
        "{what}: the map has {:.0} % of the window ({canvas:?} in {window:?})",
        share * 100.0
    );
    share
}

#[test]
fn at_laptop_sizes_no_panel_overlaps_and_the_map_keeps_half_the_window() {
    for size in SCREENS {
        let mut h = at(size);
        for tab in [LeftTab::Chart, LeftTab::Lists, LeftTab::Indicators] {
            h.state_mut().prefs.left_tab = tab;
            h.run();
            check(&h, &format!("{size:?} {tab:?}"));
        }
        // The filters opened in the list tab take their room inside the column.
        h.state_mut().prefs.left_tab = LeftTab::Lists;
        h.run();
        h.get_by_label("Filters").click();
        h.run();
        assert!(
            h.query_by_label("Function").is_some(),
            "the filters are open"
        );
        check(&h, &format!("{size:?} filters open"));
        // The actor table shows its headers: the name and at least two measures.
        h.state_mut().prefs.left_tab = LeftTab::Indicators;
        h.state_mut().dashboard.actors = true;
        h.run();
        check(&h, &format!("{size:?} actor table"));
        // The name, the column it is sorted by (betweenness) and another key measure.
        for header in ["Actor", "Betweenness ▼", "Partners"] {
            let found = h.query_all_by_label_contains(header).count();
            assert!(found > 0, "{size:?}: the actor table's header {header}");
        }
        // A selection fills the inspector; the panels keep their places.
        let id = *h.state().doc.project.actors.keys().next().unwrap();
        h.state_mut().view.selection = [Item::Actor(id)].into_iter().collect();
        h.run();
        check(&h, &format!("{size:?} with an actor selected"));
    }
}

/// Drags the left panel's right edge (its "Resize panel" handle) by `dx` points.
fn drag_left_edge(h: &mut H, dx: f32) {
    let left = h.state().panel_rects().left.unwrap();
    let handle = h
        .query_all_by_label("Resize panel")
        .map(|n| n.rect())
        .filter(|r| r.height() > left.height() * 0.5)
        .min_by(|a, b| {
            (a.center().x - left.right())
                .abs()
                .total_cmp(&(b.center().x - left.right()).abs())
        })
        .expect("the left panel's resize handle");
    let from = handle.center() - Vec2::new(2.0, 0.0);
    let to = from + Vec2::new(dx, 0.0);
    h.event(egui::Event::PointerMoved(from));
    h.run();
    crate::harness::press(h, from, true, egui::Modifiers::NONE);
    h.run();
    for k in 1..=4 {
        h.event(egui::Event::PointerMoved(
            from + Vec2::new(dx * k as f32 / 4.0, 0.0),
        ));
        h.run();
    }
    crate::harness::press(h, to, false, egui::Modifiers::NONE);
    h.run();
}

#[test]
fn dragging_a_panel_wider_stops_where_the_map_would_lose_its_half() {
    // On a large screen the drag widens the panel (so the drag reaches it)…
    let mut h = at((1920.0, 1080.0, 1.0));
    let start = h.state().panel_rects().left.unwrap().width();
    drag_left_edge(&mut h, 600.0);
    let wide = h.state().panel_rects().left.unwrap().width();
    assert!(wide > start + 40.0, "{start} → {wide}");
    check(&h, "1920 × 1080 after widening the left panel");
    // …and on every laptop screen it stops before the map loses its half.
    for size in SCREENS {
        let mut h = at(size);
        drag_left_edge(&mut h, 600.0);
        check(&h, &format!("{size:?} after widening the left panel"));
    }
}

#[test]
fn collapsed_panels_give_the_map_their_room_and_are_remembered() {
    let mut h = at(SCREENS[0]);
    let before = check(&h, "open");
    h.get_by_label("Collapse the left panel").click();
    h.run();
    h.get_by_label("Collapse the inspector").click();
    h.run();
    let after = check(&h, "collapsed");
    assert!(after > before + 0.1, "{before} → {after}");
    let prefs = h.state().prefs.clone();
    assert!(
        !prefs.show_left && !prefs.show_right,
        "remembered in the preferences"
    );
    // The strips open them again.
    h.get_by_label("Show the left panel").click();
    h.run();
    h.get_by_label("Show the inspector").click();
    h.run();
    assert!(h.state().prefs.show_left && h.state().prefs.show_right);
    assert!(h.state().panel_rects().left.unwrap().width() > 100.0);
}

/// A rectangle for messages.
#[allow(dead_code)]
fn show(r: Rect) -> String {
    format!(
        "{:.0}×{:.0} at ({:.0}, {:.0})",
        r.width(),
        r.height(),
        r.left(),
        r.top()
    )
}

#[test]
fn the_snapshots_in_the_inspector_fit_a_laptop_screen() {
    for size in SCREENS {
        let mut h = at(size);
        // Two more than the map keeps already (the sample keeps its own).
        let kept = h.state().doc.project.snapshots.len();
        for name in ["Midline", "Endline"] {
            let snapshot = partnermap::model::Snapshot::of(
                &h.state().doc.project,
                name,
                Some(partnermap::model::PartialDate("2012-06".into())),
            );
            h.state_mut().doc.project.snapshots.push(snapshot);
        }
        h.state_mut().view.selection.clear();
        h.run();
        let shown = kept + 2;
        assert!(h.query_all_by_label("Delete snapshot").count() == shown);
        check(
            &h,
            &format!("{size:?} with {shown} snapshots in the inspector"),
        );
    }
}
