//! Open and save of the reference maps (design.md §10): workshop 50 / 80, research
//! 1,000 / 3,000 and stress 10,000 / 30,000, made by `generate` with a fixed seed.
//! Budgets: open ≤ 5 / 50 / 500 ms, save the same. Also the copy of the map that the UI
//! thread makes before handing a save, autosave, export or layout to a worker (≤ 16 ms: the
//! UI thread never waits longer than a frame). And merging another research map as a
//! perspective (≤ 1 s).

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

/// Merging another research map as a perspective (issue 16: ≤ 1 s), read, matched and
/// applied as the command line does it: `merge/research` another map of the same size made
/// from another seed (no shared origin: every actor matched by name, many of them alike),
/// `merge/research copy` a copy of the map whose group renamed a tenth of the actors (a typo
/// each), changed its scores and added actors and partnerships of its own.
fn merge(c: &mut Criterion) {
    use partnermap::edit::merge::{self, Choices};
    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    let base = generate(1_000, 3_000, 1).expect("the map generates");
    let mut copy = base.clone();
    let ids: Vec<_> = copy.actors.keys().copied().collect();
    for (i, id) in ids.iter().enumerate() {
        let a = copy.actors.get_mut(id).expect("the actor");
        a.influence = Some((i % 5) as u8 + 1);
        if i % 10 == 0 {
            // A typo: the first two letters swapped.
            let mut chars: Vec<char> = a.name.chars().collect();
            chars.swap(0, 1);
            a.name = chars.into_iter().collect();
        }
    }
    for (i, p) in copy.partnerships.values_mut().enumerate() {
        p.trust_ab = Some((i % 5) as u8 + 1);
    }
    let extra = generate(100, 200, 3).expect("the map generates");
    let offset = copy.next_actor_id().0;
    for a in extra.actors.values() {
        let mut a = a.clone();
        a.id = partnermap::model::ActorId(a.id.0 + offset);
        copy.insert_actor(a);
    }
    let other = generate(1_000, 3_000, 2).expect("the map generates");
    for (name, other) in [("research", &other), ("research copy", &copy)] {
        group.bench_with_input(BenchmarkId::from_parameter(name), other, |b, other| {
            b.iter(|| {
                let plan = merge::plan(&base, other, "Group").expect("a free name");
                let mut merged = base.clone();
                plan.apply(&mut merged, &Choices::default())
                    .expect("the merge applies")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, files, five_snapshots, merge);
criterion_main!(benches);
