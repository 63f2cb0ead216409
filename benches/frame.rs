//! One whole frame of the app, headless (UI code + tessellation, no GPU), while panning, on
//! the workshop (50 / 80), research (1,000 / 3,000) and stress (10,000 / 30,000) maps of
//! design.md §10. Budgets: median ≤ 1 ms, ≤ 4 ms, ≤ 16 ms.

// A test or benchmark that meets a broken fixture stops with its message: that is its report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, Vec2};
use partnermap::app::{Document, Origin, PartnerMapApp};
use partnermap::generate::generate;

const MAPS: [(&str, usize, usize); 3] = [
    ("workshop", 50, 80),
    ("research", 1_000, 3_000),
    ("stress", 10_000, 30_000),
];

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(30);
    for (name, actors, partnerships) in MAPS {
        let project = generate(actors, partnerships, 1).expect("the map generates");
        let ctx = egui::Context::default();
        partnermap::ui::fonts::install(&ctx);
        let mut app = PartnerMapApp::with_document(Document::new(project, Origin::Untitled));
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1400.0, 860.0))),
            ..RawInput::default()
        };
        // Warm up: fonts, layout caches, the fitted camera.
        for _ in 0..3 {
            let out = ctx.run_ui(input.clone(), |ui| app.frame_ui(ui));
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
        }
        let mut step = 0.0f32;
        group.bench_function(BenchmarkId::new("panning", name), |b| {
            b.iter(|| {
                // Pan a little every frame, back and forth, as a hand on a trackpad would.
                step += 1.0;
                if let Some(cam) = &mut app.view.canvas.camera {
                    cam.center.x += (step * 0.1).sin() * 20.0 / cam.zoom;
                }
                let out = ctx.run_ui(input.clone(), |ui| app.frame_ui(ui));
                black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
