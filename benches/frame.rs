//! One whole frame of the app, headless (UI code + tessellation, no GPU), while panning, on
//! the workshop (50 / 80), research (1,000 / 3,000) and stress (10,000 / 30,000) maps of
//! design.md §10. Budgets: median ≤ 1 ms, ≤ 4 ms, ≤ 16 ms.
//!
//! `frame/panning` pans the map as fitted to the window (too far out for labels on the larger
//! maps); `frame-labelled/panning` pans at zoom 1, where every actor on screen is labelled;
//! `labels/place` places a label for every actor of the map at once (the label rule alone,
//! with no culling: its worst case).

// A test or benchmark that meets a broken fixture stops with its message: that is its report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, Vec2};
use partnermap::app::{Document, Origin, PartnerMapApp};
use partnermap::generate::generate;
use partnermap::model::Project;
use partnermap::style::labels::{LabelRequest, LabelRules, Rect as LabelRect, place_labels};
use partnermap::ui::canvas::camera::Camera;

const MAPS: [(&str, usize, usize); 3] = [
    ("workshop", 50, 80),
    ("research", 1_000, 3_000),
    ("stress", 10_000, 30_000),
];

/// The app on `project` in a window of the bench's size, warmed up: fonts, layout caches,
/// the fitted camera.
fn warm_app(project: Project, ctx: &egui::Context, input: &RawInput) -> PartnerMapApp {
    let mut app = PartnerMapApp::with_document(Document::new(project, Origin::Untitled));
    for _ in 0..3 {
        let out = ctx.run_ui(input.clone(), |ui| app.frame_ui(ui));
        black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    }
    app
}

/// Pans the frame of `app` on `group` as `name`: a little every frame, back and forth, as a
/// hand on a trackpad would.
fn bench_panning(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    (ctx, input): (&egui::Context, &RawInput),
    app: &mut PartnerMapApp,
) {
    let mut step = 0.0f32;
    group.bench_function(BenchmarkId::new("panning", name), |b| {
        b.iter(|| {
            step += 1.0;
            if let Some(cam) = &mut app.view.canvas.camera {
                cam.center.x += (step * 0.1).sin() * 20.0 / cam.zoom;
            }
            let out = ctx.run_ui(input.clone(), |ui| app.frame_ui(ui));
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
        })
    });
}

fn window_input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1400.0, 860.0))),
        ..RawInput::default()
    }
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(30);
    for (name, actors, partnerships) in MAPS {
        let project = generate(actors, partnerships, 1).expect("the map generates");
        let ctx = egui::Context::default();
        partnermap::ui::fonts::install(&ctx);
        let input = window_input();
        let mut app = warm_app(project, &ctx, &input);
        bench_panning(&mut group, name, (&ctx, &input), &mut app);
    }
    group.finish();
}

/// The frame at zoom 1 in the middle of the map, where every actor on screen has a label.
fn labelled_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame-labelled");
    group.sample_size(30);
    for (name, actors, partnerships) in MAPS {
        let project = generate(actors, partnerships, 1).expect("the map generates");
        let ctx = egui::Context::default();
        partnermap::ui::fonts::install(&ctx);
        let input = window_input();
        let center = partnermap::ui::canvas::map_bounds(&project)
            .expect("the map has actors")
            .center();
        let mut app = warm_app(project, &ctx, &input);
        app.view.canvas.camera = Some(Camera { center, zoom: 1.0 });
        for _ in 0..3 {
            let out = ctx.run_ui(input.clone(), |ui| app.frame_ui(ui));
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
        }
        bench_panning(&mut group, name, (&ctx, &input), &mut app);
    }
    group.finish();
}

/// A label request for every actor of `project` at zoom 1, its texts sized roughly (14 px
/// type), and the view that holds them all.
fn every_label(project: &Project) -> (Vec<LabelRequest>, LabelRules) {
    let size = |text: &str| {
        let lines = partnermap::style::marks::label_lines(text);
        let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        (widest as f64 * 14.0 * 0.56, lines.len() as f64 * 17.0)
    };
    let mut view = LabelRect::at((0.0, 0.0), (0.0, 0.0));
    let requests = project
        .actors
        .values()
        .map(|a| {
            let c = (a.position.x, a.position.y);
            view = view.union(LabelRect::around(c, 200.0));
            LabelRequest {
                centre: c,
                radius: partnermap::style::actor_radius(a),
                full: Some(size(&a.name)),
                short: Some(size(a.short_or_name())),
                priority: partnermap::style::actor_radius(a),
                must_show: false,
            }
        })
        .collect();
    let rules = LabelRules {
        view,
        gap: 3.0,
        spacing: 4.0,
    };
    (requests, rules)
}

/// The label rule alone, every actor of the map labelled at once.
fn labels(c: &mut Criterion) {
    let mut group = c.benchmark_group("labels");
    group.sample_size(30);
    for (name, actors, partnerships) in MAPS {
        let project = generate(actors, partnerships, 1).expect("the map generates");
        let (requests, rules) = every_label(&project);
        let placed = place_labels(&requests, &rules);
        let shown = placed.iter().filter(|p| p.is_some()).count();
        eprintln!(
            "labels/place/{name}: {shown} of {} labelled",
            requests.len()
        );
        group.bench_function(BenchmarkId::new("place", name), |b| {
            b.iter(|| black_box(place_labels(black_box(&requests), &rules)))
        });
    }
    group.finish();
}

/// The frame while a comparison is shown (issue 15: the budgets of §10 hold): the oldest of
/// five earlier states against now, every change marked, panning as `frame/panning` does.
fn comparison_frame(c: &mut Criterion) {
    use partnermap::analysis::time::State;
    use partnermap::ui::time::TimeRequest;
    let mut group = c.benchmark_group("frame-comparison");
    group.sample_size(30);
    for (name, actors, partnerships) in MAPS {
        let mut project = generate(actors, partnerships, 1).expect("the map generates");
        partnermap::generate::add_earlier_states(&mut project, 5);
        let ctx = egui::Context::default();
        partnermap::ui::fonts::install(&ctx);
        let input = window_input();
        let mut app = warm_app(project, &ctx, &input);
        app.time.ask(Some(TimeRequest::compare(
            State::Snapshot("State 1".into()),
            State::Now,
        )));
        let revision = app.doc.revision;
        app.time.settle(&app.doc.project.clone(), revision);
        for _ in 0..3 {
            let out = ctx.run_ui(input.clone(), |ui| app.frame_ui(ui));
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
        }
        assert!(app.time.current().is_some(), "the comparison is shown");
        bench_panning(&mut group, name, (&ctx, &input), &mut app);
    }
    group.finish();
}

/// The frame with partnerships coloured by disagreement between four perspectives (issue
/// 16: the budgets of §10 hold), panning as `frame/panning` does.
fn disagreement_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame-disagreement");
    group.sample_size(30);
    for (name, actors, partnerships) in MAPS {
        let mut project = generate(actors, partnerships, 1).expect("the map generates");
        partnermap::generate::add_perspectives(&mut project, 4, 1);
        project.settings.colour_by = partnermap::model::ColourBy::Disagreement;
        let ctx = egui::Context::default();
        partnermap::ui::fonts::install(&ctx);
        let input = window_input();
        let mut app = warm_app(project, &ctx, &input);
        bench_panning(&mut group, name, (&ctx, &input), &mut app);
    }
    group.finish();
}

criterion_group!(
    benches,
    frame,
    labelled_frame,
    labels,
    comparison_frame,
    disagreement_frame
);
criterion_main!(benches);
