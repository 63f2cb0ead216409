//! Automatic layouts to rest on the reference maps (design.md §10): workshop 50 / 80,
//! research 1,000 / 3,000 and stress 10,000 / 30,000, made by `generate` with seed 1.
//! Budget: ≤ 100 ms / ≤ 1 s / ≤ 10 s.

// A test or benchmark that meets a broken fixture stops with its message: that is its report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use partnermap::generate::generate;
use partnermap::layout::{self, LayoutKind};
use partnermap::task::Progress;

const MAPS: [(&str, usize, usize); 3] = [
    ("workshop", 50, 80),
    ("research", 1_000, 3_000),
    ("stress", 10_000, 30_000),
];

fn layouts(c: &mut Criterion) {
    for kind in LayoutKind::ALL {
        let mut group = c.benchmark_group(format!("layout {}", kind.label().to_lowercase()));
        group.sample_size(10);
        for (name, actors, partnerships) in MAPS {
            let project = generate(actors, partnerships, 1).expect("the map generates");
            group.bench_with_input(BenchmarkId::from_parameter(name), &project, |b, p| {
                b.iter(|| layout::run(p, kind, None, &Progress::new()).expect("not cancelled"))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, layouts);
criterion_main!(benches);
