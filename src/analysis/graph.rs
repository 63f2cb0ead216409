//! The simple graph of design.md §5: one undirected link per pair of actors that share at
//! least one partnership, kept as a compact adjacency array (CSR) of actor indices so that
//! the network measures and betweenness walk plain `u32` slices.

use crate::model::{ActorId, Project};

/// The simple graph of a project, with actors numbered 0…n−1 in id order.
///
/// Partnerships whose ends are missing or equal (which a valid map never has) are left out,
/// so that every measure stays defined on any input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SimpleGraph {
    /// The actor of each index, in id order.
    ids: Vec<ActorId>,
    /// Where each actor's neighbours start in `neighbours`; one more entry than actors.
    offsets: Vec<u32>,
    /// The neighbours of every actor, each list sorted and without repeats.
    neighbours: Vec<u32>,
    /// For each partnership in id order, the indices of its two ends, if both exist and differ.
    ends: Vec<Option<(u32, u32)>>,
}

impl SimpleGraph {
    /// Builds the simple graph of `project`.
    pub fn new(project: &Project) -> Self {
        let ids: Vec<ActorId> = project.actors.keys().copied().collect();
        let index = |id: ActorId| ids.binary_search(&id).ok().map(|i| i as u32);
        let ends: Vec<Option<(u32, u32)>> = project
            .partnerships
            .values()
            .map(|p| match (index(p.a), index(p.b)) {
                (Some(a), Some(b)) if a != b => Some((a, b)),
                _ => None,
            })
            .collect();
        let mut pairs: Vec<(u32, u32)> = ends
            .iter()
            .flatten()
            .map(|&(a, b)| (a.min(b), a.max(b)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();

        let n = ids.len();
        let mut degree = vec![0u32; n];
        for &(u, v) in &pairs {
            degree[u as usize] += 1;
            degree[v as usize] += 1;
        }
        let mut offsets = Vec::with_capacity(n + 1);
        let mut total = 0u32;
        offsets.push(0);
        for d in &degree {
            total += d;
            offsets.push(total);
        }
        // Filling in sorted pair order leaves every list sorted: an actor first receives its
        // smaller neighbours (from pairs where it is second), in order, then its larger ones.
        let mut fill: Vec<u32> = offsets[..n].to_vec();
        let mut neighbours = vec![0u32; total as usize];
        for &(u, v) in &pairs {
            neighbours[fill[u as usize] as usize] = v;
            fill[u as usize] += 1;
            neighbours[fill[v as usize] as usize] = u;
            fill[v as usize] += 1;
        }
        Self {
            ids,
            offsets,
            neighbours,
            ends,
        }
    }

    /// How many actors (nodes), isolated ones included.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the map has no actors.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// How many links (pairs of actors sharing at least one partnership).
    pub fn pairs(&self) -> usize {
        self.neighbours.len() / 2
    }

    /// The actor ids, index by index.
    pub fn ids(&self) -> &[ActorId] {
        &self.ids
    }

    /// The index of an actor, if it is in the map.
    pub fn index_of(&self, id: ActorId) -> Option<usize> {
        self.ids.binary_search(&id).ok()
    }

    /// The distinct partners of actor `i`, sorted.
    pub fn neighbours(&self, i: usize) -> &[u32] {
        let (start, end) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
        &self.neighbours[start..end]
    }

    /// The number of distinct partners of actor `i`.
    pub fn degree(&self, i: usize) -> usize {
        (self.offsets[i + 1] - self.offsets[i]) as usize
    }

    /// For each partnership in id order, the indices of its ends (`None` when an end is
    /// missing or both ends are the same actor).
    pub fn ends(&self) -> &[Option<(u32, u32)>] {
        &self.ends
    }

    /// The number of connected components, isolated actors counting as one each.
    pub fn components(&self) -> usize {
        let n = self.len();
        let mut seen = vec![false; n];
        let mut stack: Vec<u32> = Vec::new();
        let mut count = 0;
        for start in 0..n {
            if seen[start] {
                continue;
            }
            count += 1;
            seen[start] = true;
            stack.push(start as u32);
            while let Some(v) = stack.pop() {
                for &w in self.neighbours(v as usize) {
                    if !seen[w as usize] {
                        seen[w as usize] = true;
                        stack.push(w);
                    }
                }
            }
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_project as project;

    #[test]
    fn parallel_partnerships_make_one_link_and_lists_are_sorted() {
        // 1–2 twice (once each way), 3–1, 2–3, 4 isolated: pairs {1,2}, {1,3}, {2,3}.
        let g = SimpleGraph::new(&project(4, &[(1, 2), (2, 1), (3, 1), (2, 3)]));
        assert_eq!(g.len(), 4);
        assert_eq!(g.pairs(), 3);
        assert_eq!(g.neighbours(0), &[1, 2]);
        assert_eq!(g.neighbours(1), &[0, 2]);
        assert_eq!(g.neighbours(2), &[0, 1]);
        assert_eq!(g.degree(3), 0);
        // The triangle and the isolated actor.
        assert_eq!(g.components(), 2);
        assert_eq!(g.ends()[1], Some((1, 0)));
    }

    #[test]
    fn dangling_and_self_partnerships_are_left_out() {
        let g = SimpleGraph::new(&project(2, &[(1, 9), (2, 2), (1, 2)]));
        assert_eq!(g.pairs(), 1);
        assert_eq!(g.ends(), &[None, None, Some((0, 1))]);
        assert_eq!(g.index_of(ActorId(9)), None);
    }

    #[test]
    fn the_empty_map_has_no_components() {
        let g = SimpleGraph::new(&Project::new());
        assert!(g.is_empty());
        assert_eq!((g.pairs(), g.components()), (0, 0));
    }
}
