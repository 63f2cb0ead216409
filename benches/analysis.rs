//! Indicators on the reference maps (design.md §10): workshop 50 / 80, research
//! 1,000 / 3,000 and stress 10,000 / 30,000, made by `generate` with seed 1.
//!
//! Budgets: every indicator but betweenness ≤ 1 ms / 20 ms / 1 s; on the stress map the whole
//! `partnermap stats` path (open the file, betweenness on two threads, every other indicator,
//! the JSON text) ≤ half of igraph's betweenness alone (`benches/igraph_betweenness.py`).
//!
//! With `PARTNERMAP_BENCH_MEGA=1`, also the mega map (100,000 / 300,000): the whole `stats`
//! path ≤ 60 s, its betweenness estimated from sampled sources. Each run takes about 15 s,
//! so it is left out of a plain `cargo bench`.

// A test or benchmark that meets a broken fixture stops with its message: that is its report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicBool, AtomicUsize};

use std::path::Path;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use partnermap::analysis;
use partnermap::generate::generate;
use partnermap::io;

const MAPS: [(&str, usize, usize); 3] = [
    ("workshop", 50, 80),
    ("research", 1_000, 3_000),
    ("stress", 10_000, 30_000),
];

/// Betweenness on two threads, as `partnermap stats` runs it.
const THREADS: usize = 2;

fn indicators(c: &mut Criterion) {
    let mut group = c.benchmark_group("indicators");
    group.sample_size(20);
    for (name, actors, partnerships) in MAPS {
        let project = generate(actors, partnerships, 1).expect("the map generates");
        group.bench_with_input(
            BenchmarkId::new("without betweenness", name),
            &project,
            |b, project| b.iter(|| analysis::compute(project, None)),
        );
    }
    group.finish();
}

fn betweenness(c: &mut Criterion) {
    let mut group = c.benchmark_group("betweenness");
    group.sample_size(10);
    let cancel = AtomicBool::new(false);
    for (name, actors, partnerships) in &MAPS[1..] {
        let project = generate(*actors, *partnerships, 1).expect("the map generates");
        group.bench_with_input(
            BenchmarkId::new("two threads", name),
            &project,
            |b, project| {
                b.iter(|| {
                    let progress = AtomicUsize::new(0);
                    analysis::betweenness(project, THREADS, &cancel, &progress)
                })
            },
        );
    }
    group.finish();
}

fn stats(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (name, actors, partnerships) = MAPS[2];
    let project = generate(actors, partnerships, 1).expect("the map generates");
    let path = dir.path().join(format!("{name}.ron"));
    io::save_path(&project, &path).expect("the map saves");
    let mut group = c.benchmark_group("stats");
    group.sample_size(10);
    group.bench_with_input(BenchmarkId::new("whole", name), &path, |b, path| {
        b.iter(|| whole_stats(path))
    });
    group.finish();
}

/// What `partnermap stats FILE --json` does: open the map, betweenness on two threads,
/// every other indicator, the JSON text; gives the text's length.
fn whole_stats(path: &Path) -> usize {
    let project = io::load_path(path).expect("the map opens");
    let cancel = AtomicBool::new(false);
    let progress = AtomicUsize::new(0);
    let between = analysis::betweenness(&project, THREADS, &cancel, &progress);
    let ind = analysis::compute(&project, between.as_ref());
    let mut json = Vec::new();
    analysis::write_stats_json(&mut json, &project, &ind).expect("JSON text");
    json.len()
}

/// The mega map of design.md §10, when `PARTNERMAP_BENCH_MEGA=1`: `stats` end to end, and
/// betweenness alone (estimated from sampled sources).
fn mega(c: &mut Criterion) {
    if std::env::var_os("PARTNERMAP_BENCH_MEGA").is_none() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let project = generate(100_000, 300_000, 1).expect("the map generates");
    let path = dir.path().join("mega.ron");
    io::save_path(&project, &path).expect("the map saves");
    let mut group = c.benchmark_group("mega");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(60));
    group.bench_with_input(BenchmarkId::new("stats", "mega"), &path, |b, path| {
        b.iter(|| whole_stats(path))
    });
    let cancel = AtomicBool::new(false);
    group.bench_with_input(
        BenchmarkId::new("betweenness estimated", "mega"),
        &project,
        |b, project| {
            b.iter(|| {
                let progress = AtomicUsize::new(0);
                analysis::betweenness(project, THREADS, &cancel, &progress)
            })
        },
    );
    group.finish();
}

/// Comparing two states (issue 15: ≤ 20 ms on the research map, ≤ 500 ms on the stress map):
/// the map against a later state in which a tenth of the partnerships deepened, a tenth of
/// the actors moved and a hundredth of each were removed. Field by field, without the
/// network indicators (which the indicator benches time).
fn compare(c: &mut Criterion) {
    use partnermap::model::Form;
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    for (name, actors, partnerships) in MAPS {
        let before = generate(actors, partnerships, 1).expect("the map generates");
        let mut after = before.clone();
        for (i, p) in after.partnerships.values_mut().enumerate() {
            if i % 10 == 0 {
                p.form = Some(Form::Integrated);
            }
        }
        for (i, a) in after.actors.values_mut().enumerate() {
            if i % 10 == 0 {
                a.position.x += 40.0;
            }
        }
        let gone: Vec<_> = after.partnerships.keys().step_by(100).copied().collect();
        for id in gone {
            after.partnerships.remove(&id);
        }
        group.bench_with_input(
            BenchmarkId::new("two states", name),
            &(before, after),
            |b, (before, after)| b.iter(|| analysis::change::compare(before, after, None)),
        );
    }
    group.finish();
}

/// What the window computes off the UI thread when a comparison is asked for: both states,
/// the drawing with its marks, the change list, the trajectories in the four frameworks and
/// both states' network indicators (issue 15: research ≤ 20 ms, stress ≤ 500 ms), between
/// the oldest of five earlier states and now.
fn compose(c: &mut Criterion) {
    use partnermap::analysis::time::State;
    use partnermap::ui::time::{TimeRequest, make};
    let mut group = c.benchmark_group("compose");
    group.sample_size(10);
    for (name, actors, partnerships) in MAPS {
        let mut project = generate(actors, partnerships, 1).expect("the map generates");
        partnermap::generate::add_earlier_states(&mut project, 5);
        let request = TimeRequest::compare(State::Snapshot("State 1".into()), State::Now);
        group.bench_with_input(
            BenchmarkId::new("baseline and now", name),
            &project,
            |b, project| b.iter(|| make(project, request.clone(), 1).expect("composed")),
        );
    }
    group.finish();
}

/// Everything the window recomputes after an edit of a map with four perspectives (issue 16:
/// research ≤ 20 ms): every indicator with each partnership's disagreement (the dashboard),
/// then the Perspectives tab's figures (the indicators as each group sees the map, the most
/// contested); and the two apart.
fn perspectives(c: &mut Criterion) {
    let mut group = c.benchmark_group("perspectives");
    group.sample_size(20);
    for (name, actors, partnerships) in MAPS {
        let mut project = generate(actors, partnerships, 1).expect("the map generates");
        partnermap::generate::add_perspectives(&mut project, 4, 1);
        group.bench_with_input(
            BenchmarkId::new("indicators and tab, four groups", name),
            &project,
            |b, project| {
                b.iter(|| {
                    (
                        analysis::compute(project, None),
                        partnermap::ui::perspectives::summarise(project),
                    )
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("indicators with disagreement", name),
            &project,
            |b, project| b.iter(|| analysis::compute(project, None)),
        );
        group.bench_with_input(
            BenchmarkId::new("disagreement alone", name),
            &project,
            |b, project| {
                b.iter(|| {
                    project
                        .partnerships
                        .values()
                        .filter_map(|p| analysis::perspective::partnership_disagreement(project, p))
                        .sum::<f64>()
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("the map as one group sees it", name),
            &project,
            |b, project| b.iter(|| project.as_seen_by(0)),
        );
    }
    group.finish();
}

criterion_group!(
    benches,
    indicators,
    perspectives,
    betweenness,
    stats,
    mega,
    compare,
    compose
);
criterion_main!(benches);
