//! Labels a room can read (design.md §6, issue 12): on the canvas and in the SVG export, no
//! label overlaps another or an actor, and the sample map at its fitted zoom on a laptop
//! screen shows a label for every actor.

use egui::{Pos2, Vec2};
use partnermap::app::{Document, PartnerMapApp};
use partnermap::io::export::{SvgOptions, map_svg, usvg_options};
use partnermap::io::sample;
use partnermap::style::labels::LabelText;

/// The app on the sample map in a window `size` points large at `scale` (the screen's
/// scaling), run until it settles.
fn sample_window(size: Vec2, scale: f32) -> egui_kittest::Harness<'static, PartnerMapApp> {
    let mut h = egui_kittest::Harness::builder()
        .with_size(size)
        .with_pixels_per_point(scale)
        .with_max_steps(64)
        .with_context_setup(partnermap::ui::fonts::install)
        .build_eframe(|_cc| PartnerMapApp::with_document(Document::sample()));
    h.run();
    h
}

#[test]
fn the_sample_map_fitted_to_a_laptop_screen_labels_every_actor_with_no_overlap() {
    // 1280 × 720, 1366 × 768, and 1920 × 1080 at 150% (1280 × 720 points).
    for (size, scale) in [
        (Vec2::new(1280.0, 720.0), 1.0),
        (Vec2::new(1366.0, 768.0), 1.0),
        (Vec2::new(1280.0, 720.0), 1.5),
    ] {
        let h = sample_window(size, scale);
        let app = h.state();
        let canvas = &app.view.canvas;
        let (camera, screen) = (canvas.camera.unwrap(), canvas.screen.unwrap());
        let labels = &canvas.labels;
        let project = &app.doc.project;
        let missing: Vec<&str> = project
            .actors
            .values()
            .filter(|a| !labels.iter().any(|l| l.id == a.id))
            .map(|a| a.name.as_str())
            .collect();
        assert!(
            missing.is_empty(),
            "{size:?}@{scale}: no label at zoom {} on {screen:?} for {missing:?}",
            camera.zoom
        );
        assert_eq!(labels.len(), project.actors.len(), "one label each");
        for (i, l) in labels.iter().enumerate() {
            assert!(screen.contains_rect(l.rect), "{l:?} leaves {screen:?}");
            for m in &labels[i + 1..] {
                assert!(!l.rect.intersects(m.rect), "{l:?} overlaps {m:?}");
            }
            for a in project.actors.values() {
                let p = Pos2::new(a.position.x as f32, a.position.y as f32);
                let c = camera.to_screen(screen, p);
                let r = (partnermap::style::actor_radius(a) as f32 * camera.zoom).max(2.5);
                let d = l.rect.distance_to_pos(c);
                assert!(
                    d >= r,
                    "{l:?} covers {} ({d} from its centre, r {r})",
                    a.name
                );
            }
        }
        let short = labels.iter().filter(|l| l.text == LabelText::Short).count();
        eprintln!(
            "{size:?}@{scale}: zoom {:.2}, {} labels, {short} short",
            camera.zoom,
            labels.len()
        );
    }
}

#[test]
fn the_selected_actor_shows_its_full_name_when_zoomed_out() {
    let mut h = sample_window(Vec2::new(1280.0, 720.0), 1.0);
    let id = h
        .state()
        .doc
        .project
        .actors
        .values()
        .find(|a| a.short.is_some())
        .map(|a| a.id)
        .unwrap();
    let zoom = h.state().view.canvas.camera.unwrap().zoom;
    assert!(
        zoom < 0.75,
        "fitted, the sample shows short names (zoom {zoom})"
    );
    let before = h
        .state()
        .view
        .canvas
        .labels
        .iter()
        .find(|l| l.id == id)
        .cloned();
    assert_eq!(before.map(|l| l.text), Some(LabelText::Short));
    h.state_mut()
        .view
        .selection
        .insert(partnermap::ui::view::Item::Actor(id));
    h.run();
    let after = h
        .state()
        .view
        .canvas
        .labels
        .iter()
        .find(|l| l.id == id)
        .cloned();
    assert_eq!(after.map(|l| l.text), Some(LabelText::Full));
}

/// The ink of the map's labels in an SVG (their letters, not their halos), by text, in
/// map units: the map group's own coordinates.
fn svg_label_boxes(tree: &usvg::Tree) -> Vec<(String, usvg::Rect)> {
    let Some(usvg::Node::Group(group)) = tree.node_by_id("labels") else {
        panic!("the map has a labels group");
    };
    group
        .children()
        .iter()
        .filter_map(|node| match node {
            usvg::Node::Text(t) => Some((
                t.chunks().iter().map(|c| c.text()).collect::<String>(),
                t.flattened().bounding_box(),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn exported_labels_overlap_neither_each_other_nor_actors() {
    // The sample, and a crowded generated map where labels must move, shorten or go.
    let crowded = partnermap::generate::generate(120, 200, 3).unwrap();
    for (name, project) in [("sample", sample()), ("crowded", crowded)] {
        let svg = map_svg(&project, &SvgOptions::default());
        let tree = usvg::Tree::from_str(&svg, &usvg_options()).unwrap();
        let boxes = svg_label_boxes(&tree);
        assert!(
            boxes.len() > project.actors.len() / 2,
            "{name}: {}",
            boxes.len()
        );
        // Each actor's disc as the export sizes it (by influence), in map units.
        let discs: Vec<(String, (f32, f32), f32)> = project
            .actors
            .values()
            .map(|a| {
                let c = (a.position.x as f32, a.position.y as f32);
                (a.name.clone(), c, partnermap::style::actor_radius(a) as f32)
            })
            .collect();
        for (i, (a, ra)) in boxes.iter().enumerate() {
            for (b, rb) in &boxes[i + 1..] {
                let apart = ra.right() <= rb.left()
                    || rb.right() <= ra.left()
                    || ra.bottom() <= rb.top()
                    || rb.bottom() <= ra.top();
                assert!(apart, "{name}: {a:?} {ra:?} overlaps {b:?} {rb:?}");
            }
            for (actor, c, r) in &discs {
                let x = c.0.clamp(ra.left(), ra.right());
                let y = c.1.clamp(ra.top(), ra.bottom());
                let d = (x - c.0).hypot(y - c.1);
                assert!(d >= *r, "{name}: {a:?} {ra:?} covers {actor} ({d} < {r})");
            }
        }
        if name == "sample" {
            assert_eq!(
                boxes.len(),
                project.actors.len(),
                "every sample actor is labelled"
            );
        }
    }
}

#[test]
fn presentation_mode_labels_are_two_and_a_half_times_the_normal_text_and_still_apart() {
    let mut h = sample_window(Vec2::new(1366.0, 768.0), 1.0);
    let body = h
        .ctx
        .global_style()
        .text_styles
        .get(&egui::TextStyle::Body)
        .map(|f| f.size)
        .unwrap();
    h.key_press(egui::Key::F11);
    h.run();
    let app = h.state();
    assert!(app.view.presenting);
    let labels = &app.view.canvas.labels;
    assert!(!labels.is_empty(), "labels are shown to the room");
    let zoom = partnermap::ui::view::PRESENTATION_ZOOM;
    for l in labels {
        // On screen, in pixels: the label's size times the presentation zoom, against the
        // normal text's size at the normal zoom.
        assert!(
            l.pt * zoom >= 2.5 * body - 0.01,
            "{} pt × {zoom} against {body}",
            l.pt
        );
    }
    for (i, l) in labels.iter().enumerate() {
        for m in &labels[i + 1..] {
            assert!(!l.rect.intersects(m.rect), "{l:?} overlaps {m:?}");
        }
    }
}
