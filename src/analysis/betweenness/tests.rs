//! Betweenness: by hand on small graphs, as networkx counts, and the estimate of large maps.

use super::*;
use crate::analysis::test_project as project;

fn run(p: &Project, threads: usize) -> Vec<f64> {
    let cancel = AtomicBool::new(false);
    let progress = AtomicUsize::new(0);
    let map = betweenness(p, threads, &cancel, &progress).unwrap();
    assert_eq!(progress.load(Ordering::Relaxed), p.actors.len());
    map.into_values().collect()
}

fn close(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12)
}

#[test]
fn a_path_of_three_puts_everything_on_the_middle() {
    // 1 – 2 – 3: the only pair of others, {1, 3}, goes through 2; there is 1 pair of
    // others for each actor, so 2 gets 1/1 = 1.
    assert_eq!(run(&project(3, &[(1, 2), (2, 3)]), 1), vec![0.0, 1.0, 0.0]);
}

#[test]
fn a_star_and_a_square_by_hand() {
    // Star: centre 1 and leaves 2–5. The centre is on all C(4, 2) = 6 pairs of leaves,
    // out of (n − 1)(n − 2) / 2 = 6: betweenness 1; leaves 0.
    let star = project(5, &[(1, 2), (1, 3), (1, 4), (1, 5)]);
    assert_eq!(run(&star, 2), vec![1.0, 0.0, 0.0, 0.0, 0.0]);
    // Square 1–2–3–4–1: the pair {2, 4} has two shortest paths, through 1 and through 3,
    // so 1 gets 1/2; out of (3 · 2) / 2 = 3 pairs: 1/6 each.
    let square = project(4, &[(1, 2), (2, 3), (3, 4), (4, 1)]);
    assert!(close(&run(&square, 2), &[1.0 / 6.0; 4]));
}

#[test]
fn parallel_partnerships_and_isolated_actors_count_as_networkx_does() {
    // 1 – 2 – 3 with 1–2 twice, and 4 isolated: n = 4, so (n − 1)(n − 2) / 2 = 3 pairs
    // of others; 2 is on {1, 3} only: 1/3. The parallel partnership changes nothing.
    let p = project(4, &[(1, 2), (2, 1), (2, 3)]);
    assert!(close(&run(&p, 1), &[0.0, 1.0 / 3.0, 0.0, 0.0]));
}

#[test]
fn fewer_than_three_actors_give_zero_like_networkx() {
    assert!(run(&project(0, &[]), 2).is_empty());
    assert_eq!(run(&project(1, &[]), 2), vec![0.0]);
    assert_eq!(run(&project(2, &[(1, 2)]), 2), vec![0.0, 0.0]);
}

#[test]
fn threads_do_not_change_the_result() {
    let p = crate::generate::generate(200, 500, 5).unwrap();
    let one = run(&p, 1);
    assert!(close(&one, &run(&p, 2)));
    assert!(close(&one, &run(&p, 7)));
    // The sum of pair dependencies is bounded by the number of pairs of others.
    assert!(one.iter().all(|v| (0.0..=1.0).contains(v)));
}

/// Betweenness of `graph` from `sources` sources, on `threads` threads, checking that the
/// progress ends at the number of actors.
fn sampled(graph: &SimpleGraph, sources: usize, threads: usize) -> Vec<f64> {
    let cancel = AtomicBool::new(false);
    let progress = AtomicUsize::new(0);
    let scaled = sources < graph.len();
    let values = brandes(graph, sources, scaled, threads, &cancel, &progress).unwrap();
    assert_eq!(progress.load(Ordering::Relaxed), graph.len());
    values
}

#[test]
fn maps_up_to_the_stress_map_are_exact_and_the_mega_map_is_estimated() {
    let exact = |actors| BetweennessMethod {
        estimated: false,
        sources: actors,
    };
    // The stress map of design.md §10 (its 30,000 partnerships make fewer links).
    assert_eq!(BetweennessMethod::for_size(10_000, 30_000), exact(10_000));
    assert_eq!(BetweennessMethod::for_size(20_000, 100_000), exact(20_000));
    // The mega map, and a million actors.
    let estimated = BetweennessMethod {
        estimated: true,
        sources: SAMPLED_SOURCES,
    };
    assert_eq!(BetweennessMethod::for_size(100_000, 300_000), estimated);
    assert_eq!(BetweennessMethod::for_size(1_000_000, 1_000_000), estimated);
    // No more actors than sources: exact, however many links.
    assert_eq!(
        BetweennessMethod::for_size(SAMPLED_SOURCES, usize::MAX),
        exact(SAMPLED_SOURCES)
    );
    assert_eq!(BetweennessMethod::for_size(0, 0), exact(0));
}

#[test]
fn small_maps_are_exact_whatever_the_sample_size() {
    let p = crate::generate::generate(300, 800, 3).unwrap();
    let graph = SimpleGraph::new(&p);
    assert!(!BetweennessMethod::for_graph(&graph).estimated);
    let exact = run(&p, 2);
    // Asking for as many sources as actors (or more) counts from every actor.
    assert!(close(&exact, &sampled(&graph, 300, 2)));
    assert!(close(&exact, &sampled(&graph, 5_000, 1)));
}

#[test]
fn paths_scaled_by_distance_from_every_source_give_the_exact_values() {
    // Each path's two weights, one from each end, add up to 1: over every source the
    // scaled sums are the exact ones (the scale doubles them back).
    for p in [
        project(5, &[(1, 2), (2, 3), (3, 4), (4, 5), (5, 1), (1, 3)]),
        crate::generate::generate(300, 800, 3).unwrap(),
    ] {
        let graph = SimpleGraph::new(&p);
        let cancel = AtomicBool::new(false);
        let progress = AtomicUsize::new(0);
        let n = graph.len();
        let scaled = brandes(&graph, n, true, 2, &cancel, &progress).unwrap();
        assert!(close(&run(&p, 2), &scaled));
    }
}

#[test]
fn an_estimate_is_the_same_from_run_to_run() {
    let p = crate::generate::generate(1_000, 3_000, 9).unwrap();
    let graph = SimpleGraph::new(&p);
    let first = sampled(&graph, 100, 2);
    // The same bits on the same number of threads, the same values on another.
    assert_eq!(first, sampled(&graph, 100, 2));
    assert!(close(&first, &sampled(&graph, 100, 1)));
    assert!(close(&first, &sampled(&graph, 100, 3)));
    // It is an estimate: not the exact values.
    assert!(!close(&first, &sampled(&graph, 1_000, 2)));
}

/// The top-20 actors' mean relative error from `sources` sources, plain or scaled by
/// distance, against `exact`.
fn top_error(graph: &SimpleGraph, exact: &[f64], sources: usize, scaled: bool) -> f64 {
    let cancel = AtomicBool::new(false);
    let progress = AtomicUsize::new(0);
    let estimate = brandes(graph, sources, scaled, 1, &cancel, &progress).unwrap();
    let mut order: Vec<usize> = (0..exact.len()).collect();
    order.sort_by(|&a, &b| exact[b].total_cmp(&exact[a]).then(a.cmp(&b)));
    order[..20]
        .iter()
        .map(|&i| (estimate[i] - exact[i]).abs() / exact[i])
        .sum::<f64>()
        / 20.0
}

/// The tolerance: on this map of 2,000 actors, an estimate from 500 sources (a quarter)
/// gives the 20 actors of highest betweenness within 10% of their exact values on
/// average (4.3% when written), every actor within 0.2 × the highest value (0.11), the
/// same actor first, and the sum over all actors within 3% (1.0%). Without the scaling
/// by distance the same sample is off by 7.6% on average (0.22 × the highest at worst).
/// The sample is fixed by [`SAMPLE_SEED`], so this does not vary from run to run.
#[test]
fn an_estimate_from_a_quarter_of_the_actors_is_close_to_exact() {
    let p = crate::generate::generate(2_000, 6_000, 7).unwrap();
    let graph = SimpleGraph::new(&p);
    let exact = sampled(&graph, 2_000, 2);
    let estimate = sampled(&graph, 500, 2);
    let highest = exact.iter().copied().fold(0.0, f64::max);
    for (e, s) in exact.iter().zip(&estimate) {
        assert!(
            (e - s).abs() <= 0.2 * highest,
            "{s} for {e} (highest {highest})"
        );
    }
    let ranked = |values: &[f64]| {
        let mut order: Vec<usize> = (0..values.len()).collect();
        order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
        order
    };
    assert_eq!(ranked(&estimate)[0], ranked(&exact)[0]);
    let scaled = top_error(&graph, &exact, 500, true);
    assert!(scaled <= 0.10, "top 20 off by {scaled:.3} on average");
    assert!(scaled < top_error(&graph, &exact, 500, false));
    let (sum_exact, sum_estimate): (f64, f64) = (exact.iter().sum(), estimate.iter().sum());
    assert!((sum_estimate / sum_exact - 1.0).abs() <= 0.03);
}

#[test]
fn a_cancelled_run_returns_nothing() {
    let p = project(40, &[(1, 2), (2, 3)]);
    let cancel = AtomicBool::new(true);
    let progress = AtomicUsize::new(0);
    assert_eq!(betweenness(&p, 2, &cancel, &progress), None);
    assert_eq!(progress.load(Ordering::Relaxed), 0);
}
