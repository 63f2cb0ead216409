//! Open and save of the reference maps (design.md §10): workshop 50 / 80, research
//! 1,000 / 3,000 and stress 10,000 / 30,000, made by `generate` with a fixed seed.
//! Budgets: open ≤ 5 / 50 / 500 ms, save the same. Also the copy of the map that the UI
//! thread makes before handing a save, autosave, export or layout to a worker (≤ 16 ms: the
//! UI thread never waits longer than a frame).

// A test or benchmark that meets a broken fixture stops with its message: that is its report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use partnermap::generate::generate;
use partnermap::io;

const MAPS: [(&str, usize, usize); 3] = [
    ("workshop", 50, 80),
    ("research", 1_000, 3_000),
    ("stress", 10_000, 30_000),
];

fn files(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("files");
    group.sample_size(20);
    for (name, actors, partnerships) in MAPS {
        let project = generate(actors, partnerships, 1).expect("the map generates");
        let path = dir.path().join(format!("{name}.ron"));
        io::save_path(&project, &path).expect("the map saves");
        group.bench_with_input(BenchmarkId::new("open", name), &path, |b, path| {
            b.iter(|| io::load_path(path).expect("the map opens"))
        });
        group.bench_with_input(BenchmarkId::new("save", name), &project, |b, project| {
            b.iter(|| io::save_path(project, &path).expect("the map saves"))
        });
        // Save, autosave, export and layout copy the map on the UI thread and do the rest on
        // a worker: this copy is what the UI thread waits for.
        group.bench_with_input(BenchmarkId::new("copy", name), &project, |b, project| {
            b.iter(|| project.clone())
        });
    }
    group.finish();
}

/// A map holding five snapshots of the research map (issue 15: opens within 6× the time of
/// the map alone, which `files/open/research` times).
fn five_snapshots(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("files");
    group.sample_size(20);
    let mut project = generate(1_000, 3_000, 1).expect("the map generates");
    // Five whole copies, as `partnermap snapshot` takes them: the most a file of five
    // snapshots of this map holds.
    for k in 1..=5 {
        let snapshot = partnermap::model::Snapshot::of(&project, format!("State {k}"), None);
        project.snapshots.push(snapshot);
    }
    let path = dir.path().join("research-5-snapshots.ron");
    io::save_path(&project, &path).expect("the map saves");
    group.bench_with_input(
        BenchmarkId::new("open", "research with 5 snapshots"),
        &path,
        |b, path| b.iter(|| io::load_path(path).expect("the map opens")),
    );
    group.finish();
}

criterion_group!(benches, files, five_snapshots);
criterion_main!(benches);
