//! Betweenness centrality on the simple graph (design.md §5 and §10): Brandes' algorithm over
//! the compact adjacency array, its sources split over worker threads, cancellable, with
//! progress. The values are those of networkx's `betweenness_centrality(G, normalized=True)`
//! for an undirected, unweighted graph.
//!
//! Its cost grows as actors × links. On maps where that product passes [`EXACT_COST`], the
//! values are estimated from [`SAMPLED_SOURCES`] actors drawn at random (with a fixed seed,
//! so the same map always gives the same values) as the sources of the shortest paths, and
//! scaled up by actors / sources: the estimate of Brandes and Pich (2007) that networkx's
//! `betweenness_centrality(G, k=…, normalized=True)` makes, with each path counted for the
//! actors on it by how far along it they lie (the "linear scaling" of Geisberger, Sanders
//! and Schultes, 2008), which halves its error. [`BetweennessMethod`] says which was done,
//! and every place that shows the values says so.

use std::collections::BTreeMap;
use std::hint::select_unpredictable;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::graph::SimpleGraph;
use crate::model::{ActorId, Project};

/// Sources are handed to the workers in runs of this many, interleaved, so that both halves
/// of the map (and its dense and sparse parts) are shared between the threads.
const CHUNK: usize = 16;

/// Betweenness is exact on maps whose actors × links (pairs of partners) is at most this;
/// beyond it, it is estimated from [`SAMPLED_SOURCES`] sources.
///
/// Exact betweenness costs about actors × links steps: 3·10⁸ on the stress map of design.md
/// §10 (10,000 actors, 30,000 partnerships; 3 s on two cores), which stays exact, as do maps
/// up to about 25,000 actors with 80,000 links (20–40 s). The mega map (100,000 / 300,000:
/// 3·10¹⁰, about 8 minutes exact) is estimated.
pub const EXACT_COST: u64 = 2_000_000_000;

/// How many actors an estimate counts shortest paths from.
///
/// Each sampled source costs one search of the whole map, so the estimate takes
/// `SAMPLED_SOURCES / actors` of the exact time: about 10 s on two cores on the mega map.
/// Measured against igraph's exact values on a generated map of 30,000 actors (85,344
/// links; `benches/betweenness_estimate.py`), the 100 actors of highest betweenness come out
/// 6.9% off on average (20% at worst), 83 of them among the estimate's top 100, and the
/// sum over all actors within 0.1%; values near 0 are relatively less precise.
pub const SAMPLED_SOURCES: usize = 2_000;

/// The seed of the sample of sources: the same map always gives the same estimate.
pub const SAMPLE_SEED: u64 = 2007;

/// How the betweenness of a map is computed: exactly, or estimated from a sample of sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct BetweennessMethod {
    /// Whether the values are estimated from a sample of sources (`false`: exact).
    pub estimated: bool,
    /// How many actors the shortest paths were counted from: every actor when exact.
    pub sources: usize,
}

impl BetweennessMethod {
    /// The method for a simple graph of `actors` nodes and `links` links: exact while
    /// actors × links is at most [`EXACT_COST`] (or there are no more actors than
    /// [`SAMPLED_SOURCES`]), else estimated from [`SAMPLED_SOURCES`] sources.
    pub fn for_size(actors: usize, links: usize) -> Self {
        let cost = (actors as u64).saturating_mul(links as u64);
        if cost <= EXACT_COST || actors <= SAMPLED_SOURCES {
            Self {
                estimated: false,
                sources: actors,
            }
        } else {
            Self {
                estimated: true,
                sources: SAMPLED_SOURCES,
            }
        }
    }

    /// The method for `graph` (see [`Self::for_size`]).
    pub fn for_graph(graph: &SimpleGraph) -> Self {
        Self::for_size(graph.len(), graph.pairs())
    }

    /// What the values are computed from, for people: "from all 50 actors as sources" or
    /// "from 2000 of 100000 actors sampled as sources".
    pub fn describe(&self, actors: usize) -> String {
        if self.estimated {
            format!(
                "from {} of {actors} actors sampled as sources",
                self.sources
            )
        } else {
            format!("from all {actors} actors as sources")
        }
    }
}

/// Normalised betweenness of every actor of `project` on its simple graph, unweighted, as
/// networkx's `betweenness_centrality(G, normalized=True)` gives it: the share of the
/// shortest paths between other actors that pass through the actor, each pair counted once,
/// divided by (n − 1)(n − 2) / 2. With fewer than three actors every value is 0. On a map
/// past [`EXACT_COST`] the values are estimated (see [`BetweennessMethod::for_graph`]).
///
/// The work is split over `threads` workers (at least one). `cancel` is read between
/// sources: once it is true the function returns `None` (as it does, rather than panic, if
/// a worker thread ever fails). `progress` is increased as sources are finished, by the
/// number of actors in all (one per source when exact, about actors / sources per source
/// when estimated), so a window can show how far it has come.
pub fn betweenness(
    project: &Project,
    threads: usize,
    cancel: &AtomicBool,
    progress: &AtomicUsize,
) -> Option<BTreeMap<ActorId, f64>> {
    let graph = SimpleGraph::new(project);
    let values = betweenness_of_graph(&graph, threads, cancel, progress)?;
    Some(graph.ids().iter().copied().zip(values).collect())
}

/// Normalised betweenness of every node of `graph`, by index; see [`betweenness`].
pub fn betweenness_of_graph(
    graph: &SimpleGraph,
    threads: usize,
    cancel: &AtomicBool,
    progress: &AtomicUsize,
) -> Option<Vec<f64>> {
    let method = BetweennessMethod::for_graph(graph);
    brandes(
        graph,
        method.sources,
        method.estimated,
        threads,
        cancel,
        progress,
    )
}

/// Brandes' accumulation from `sources` sources: every node when that is all of them, else
/// that many drawn with [`SAMPLE_SEED`], the sums scaled by nodes / sources. With `scaled`,
/// each path counts for the nodes on it by how far along they are (see
/// [`scaled_dependencies`]), which an estimate needs to be precise.
fn brandes(
    graph: &SimpleGraph,
    sources: usize,
    scaled: bool,
    threads: usize,
    cancel: &AtomicBool,
    progress: &AtomicUsize,
) -> Option<Vec<f64>> {
    let n = graph.len();
    let csr = Csr::cuthill_mckee(graph);
    let sources: Vec<u32> = if sources >= n {
        (0..n as u32).collect()
    } else {
        let mut renumbered = vec![0u32; n];
        for (new, &old) in csr.original.iter().enumerate() {
            renumbered[old as usize] = new as u32;
        }
        let mut rng = ChaCha8Rng::seed_from_u64(SAMPLE_SEED);
        let mut drawn: Vec<u32> = rand::seq::index::sample(&mut rng, n, sources)
            .into_iter()
            .map(|old| renumbered[old])
            .collect();
        drawn.sort_unstable();
        drawn
    };
    let run = Run {
        csr: &csr,
        sources: &sources,
        scaled,
        cancel,
        progress,
    };
    let chunks = sources.len().div_ceil(CHUNK);
    let workers = threads.clamp(1, chunks.max(1));
    let partial: Vec<Option<Vec<f64>>> = if workers == 1 {
        vec![run.worker(0, 1)]
    } else {
        let run = &run;
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|t| scope.spawn(move || run.worker(t, workers)))
                .collect();
            // A worker that panicked gives no result, like a cancelled one.
            handles
                .into_iter()
                .map(|h| h.join().ok().flatten())
                .collect()
        })
    };
    // Summing in worker order keeps the result the same from run to run.
    let mut total = vec![0.0; n];
    for part in partial {
        for (sum, v) in total.iter_mut().zip(part?) {
            *sum += v;
        }
    }
    // Each unordered pair was counted from both of its ends, hence (n − 1)(n − 2) rather
    // than the number of pairs; with fewer than three nodes no node lies between two others.
    // An estimate counted the paths from `sources` of the n nodes: scale it up to all.
    // Scaled by distance, every source's paths count half (their other end gives the rest).
    let halves = if scaled { 2.0 } else { 1.0 };
    let scale = if n > 2 {
        halves * n as f64 / sources.len() as f64 / ((n - 1) as f64 * (n - 2) as f64)
    } else {
        0.0
    };
    let mut values = vec![0.0; n];
    for (new, &old) in csr.original.iter().enumerate() {
        values[old as usize] = total[new] * scale;
    }
    Some(values)
}

/// The graph renumbered for the search: compact adjacency arrays in Cuthill–McKee order.
///
/// Numbering nodes in breadth-first order puts partners near each other in memory, so a
/// search touches fewer cache lines; on the reference maps this saves a tenth of the time.
struct Csr {
    /// Where each node's neighbours start in `neighbours`; one more entry than nodes.
    offsets: Vec<u32>,
    /// The neighbours of every node.
    neighbours: Vec<u32>,
    /// The index in the simple graph of each renumbered node.
    original: Vec<u32>,
}

impl Csr {
    /// Renumbers `graph` breadth first, starting each component from a node of least degree
    /// and visiting partners in order of degree (Cuthill–McKee).
    fn cuthill_mckee(graph: &SimpleGraph) -> Self {
        let n = graph.len();
        let mut starts: Vec<u32> = (0..n as u32).collect();
        starts.sort_by_key(|&v| (graph.degree(v as usize), v));
        let mut renumbered = vec![u32::MAX; n];
        let mut original: Vec<u32> = Vec::with_capacity(n);
        let mut partners: Vec<u32> = Vec::new();
        for start in starts {
            if renumbered[start as usize] != u32::MAX {
                continue;
            }
            let mut head = original.len();
            renumbered[start as usize] = head as u32;
            original.push(start);
            while let Some(&v) = original.get(head) {
                head += 1;
                partners.clear();
                partners.extend(
                    graph
                        .neighbours(v as usize)
                        .iter()
                        .filter(|&&w| renumbered[w as usize] == u32::MAX),
                );
                partners.sort_by_key(|&w| (graph.degree(w as usize), w));
                for &w in &partners {
                    renumbered[w as usize] = original.len() as u32;
                    original.push(w);
                }
            }
        }
        let mut offsets = Vec::with_capacity(n + 1);
        let mut neighbours = Vec::with_capacity(2 * graph.pairs());
        offsets.push(0);
        for &old in &original {
            let start = neighbours.len();
            neighbours.extend(
                graph
                    .neighbours(old as usize)
                    .iter()
                    .map(|&w| renumbered[w as usize]),
            );
            neighbours[start..].sort_unstable();
            offsets.push(neighbours.len() as u32);
        }
        Self {
            offsets,
            neighbours,
            original,
        }
    }

    /// How many nodes.
    fn len(&self) -> usize {
        self.original.len()
    }

    /// The neighbours of node `v`.
    fn neighbours(&self, v: usize) -> &[u32] {
        &self.neighbours[self.offsets[v] as usize..self.offsets[v + 1] as usize]
    }
}

/// The scratch space of one worker, reused from source to source.
struct Scratch {
    /// The distance from the source modulo 4, or `UNSEEN` outside the current search.
    ///
    /// Neighbours lie at most one step apart, so seen from a node at distance d a neighbour
    /// is at d − 1, d or d + 1, and the distance modulo 4 tells the three apart. One byte per
    /// node keeps the whole array in the first-level cache on maps of tens of thousands of
    /// actors, and it is read once per neighbour in both passes.
    level: Vec<u8>,
    /// During the search, the number of shortest paths from the source (σ); once a node's
    /// dependency is known, its coefficient (1 + δ) / σ, which its predecessors read. One
    /// more entry than nodes: the last is always 0 and stands for "does not count".
    value: Vec<f64>,
    /// The nodes in the order the search reached them (its first part), and one spare
    /// entry for the write that follows the last node found.
    order: Vec<u32>,
}

/// Marks a node the current search has not reached.
const UNSEEN: u8 = u8::MAX;

/// The level one step farther from the source than `level`.
fn next_level(level: u8) -> u8 {
    (level + 1) & 3
}

/// The level one step nearer the source than `level`.
fn previous_level(level: u8) -> u8 {
    (level + 3) & 3
}

/// What the workers share: the graph, the sources to count from, the cancel flag and the
/// progress counter.
struct Run<'a> {
    csr: &'a Csr,
    sources: &'a [u32],
    /// Whether paths count by how far along them a node is (see [`scaled_dependencies`]).
    scaled: bool,
    cancel: &'a AtomicBool,
    progress: &'a AtomicUsize,
}

impl Run<'_> {
    /// Runs Brandes' accumulation from the sources of chunks `first`, `first + step`, … and
    /// returns the unscaled dependencies, or `None` if cancelled.
    fn worker(&self, first: usize, step: usize) -> Option<Vec<f64>> {
        let n = self.csr.len();
        let k = self.sources.len();
        let mut bc = vec![0.0; n];
        let mut s = Scratch {
            level: vec![UNSEEN; n],
            value: vec![0.0; n + 1],
            order: vec![0; n + 1],
        };
        // Source j of k counts for the actors from j·n/k to (j + 1)·n/k, so that the
        // progress ends at n whatever the sample.
        let share = |j: usize| j * n / k;
        let mut chunk = first;
        while chunk * CHUNK < k {
            let end = ((chunk + 1) * CHUNK).min(k);
            for j in chunk * CHUNK..end {
                if self.cancel.load(Ordering::Relaxed) {
                    return None;
                }
                accumulate(
                    self.csr,
                    self.sources[j] as usize,
                    &mut s,
                    &mut bc,
                    self.scaled,
                );
                self.progress
                    .fetch_add(share(j + 1) - share(j), Ordering::Relaxed);
            }
            chunk += step;
        }
        Some(bc)
    }
}

/// Adds the dependencies of every node on `source` to `bc`: one breadth-first search that
/// counts shortest paths, then the dependencies in reverse order of distance; scaled by
/// distance (see [`scaled_dependencies`]) when `scaled`.
fn accumulate(csr: &Csr, source: usize, s: &mut Scratch, bc: &mut [f64], scaled: bool) {
    let reached = search(csr, source, s);
    if scaled {
        scaled_dependencies(csr, reached, s, bc);
    } else {
        dependencies(csr, reached, s, bc);
    }
    for &v in &s.order[..reached] {
        s.level[v as usize] = UNSEEN;
    }
}

/// The breadth-first search from `source`: fills the levels, the order and σ of every node
/// reached, and gives how many were reached.
///
/// Both passes (this and the dependencies) pull rather than push. When the search takes `v`
/// from its queue, every node one step nearer the source has already been taken, so σ(v) is
/// the sum of σ over those neighbours.
///
/// Which neighbours count cannot be predicted on a graph, and mispredicted branches cost
/// more than the work itself, so the inner loops do not branch: they choose an index
/// (the neighbour's, or the spare entry that holds 0) and always load, always write the
/// level, and always write the queue entry but move its end only for a new node. This
/// halves the time of the straightforward loops on the reference maps.
fn search(csr: &Csr, source: usize, s: &mut Scratch) -> usize {
    let Scratch {
        level,
        value,
        order,
    } = s;
    let none = csr.len();
    level[source] = 0;
    order[0] = source as u32;
    let mut tail = 1;
    let mut head = 0;
    while head < tail {
        let v = order[head] as usize;
        let here = level[v];
        let (next, previous) = (next_level(here), previous_level(here));
        let mut sigma = 0.0;
        for &u in csr.neighbours(v) {
            let u = u as usize;
            let level_u = level[u];
            let found = level_u == UNSEEN;
            level[u] = select_unpredictable(found, next, level_u);
            order[tail] = u as u32;
            tail += usize::from(found);
            sigma += value[select_unpredictable(level_u == previous, u, none)];
        }
        value[v] = if head == 0 { 1.0 } else { sigma };
        head += 1;
    }
    tail
}

/// The sum of `value` over the successors of `v` (its neighbours one level farther from the
/// source), without a branch per neighbour: a non-successor reads the slot `none`, which
/// holds 0.
#[inline]
fn successors_sum(csr: &Csr, level: &[u8], value: &[f64], v: usize, none: usize) -> f64 {
    let next = next_level(level[v]);
    let mut sum = 0.0;
    for &w in csr.neighbours(v) {
        let w = w as usize;
        sum += value[select_unpredictable(level[w] == next, w, none)];
    }
    sum
}

/// Brandes' dependencies of the `reached` nodes of the search: the dependency of `v` is
/// δ(v) = σ(v) · Σ (1 + δ(w)) / σ(w) over its successors `w` (the neighbours one step
/// farther), whose coefficients (1 + δ(w)) / σ(w) are already known.
fn dependencies(csr: &Csr, reached: usize, s: &mut Scratch, bc: &mut [f64]) {
    let none = csr.len();
    let Scratch {
        level,
        value,
        order,
    } = s;
    // The source itself, first in the order, gets no dependency.
    for &v in order[1..reached].iter().rev() {
        let v = v as usize;
        let pulled = successors_sum(csr, level, value, v, none);
        let delta = value[v] * pulled;
        bc[v] += delta;
        value[v] = (1.0 + delta) / value[v];
    }
}

/// The dependencies of the `reached` nodes with each path to a target t weighed by how far
/// along it the node lies, d(s, v) / d(s, t): the "linear scaling" of Geisberger, Sanders
/// and Schultes (2008, *Better approximation of betweenness centrality*).
///
/// Counted from both ends, a path's two weights add up to 1, so over every source these
/// give half the exact sums; from a sample of sources they no longer overcount the nodes
/// near a sampled source, which is what makes a plain sample's values spread. With g(v) =
/// Σ over targets of the share of paths through v divided by d(s, t), g(v) = σ(v) · Σ
/// (1 / d(s, w) + g(w)) / σ(w) over the successors w, and the node gets d(s, v) · g(v).
fn scaled_dependencies(csr: &Csr, reached: usize, s: &mut Scratch, bc: &mut [f64]) {
    let none = csr.len();
    let Scratch {
        level,
        value,
        order,
    } = s;
    let order = &order[..reached];
    // The distance of the farthest node: one step per change of level along the order.
    let mut distance = order
        .windows(2)
        .filter(|pair| level[pair[0] as usize] != level[pair[1] as usize])
        .count();
    let mut at = order.last().map_or(0, |&v| level[v as usize]);
    for &v in order[1..].iter().rev() {
        let v = v as usize;
        if level[v] != at {
            at = level[v];
            distance -= 1;
        }
        let pulled = successors_sum(csr, level, value, v, none);
        let g = value[v] * pulled;
        let d = distance as f64;
        bc[v] += d * g;
        value[v] = (1.0 / d + g) / value[v];
    }
}

#[cfg(test)]
mod tests;
