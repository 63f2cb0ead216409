//! The indicators of each actor (design.md §5): partners, bridging, trust, power and its
//! Mendelow quadrant.

use std::collections::BTreeMap;

use serde::Serialize;

use super::graph::SimpleGraph;
use super::quadrant::placement_json;
use crate::model::{ActorId, Choice, Level, Project, Sector};
use crate::typology::{Placement, place_actor};

/// Every indicator of one actor. Missing data gives `None` (JSON null); the `…_known` counts
/// say how many partnerships a mean is computed from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorIndicators {
    /// The actor.
    pub id: ActorId,
    /// Its name, so that reports can be read on their own.
    pub name: String,
    /// Its sector, if set.
    pub sector: Option<Sector>,
    /// Its level, if set.
    pub level: Option<Level>,
    /// Distinct partners.
    pub degree: usize,
    /// Partnerships, parallel ones counted each.
    pub partnerships: usize,
    /// Distinct partners of another sector (both sectors set).
    pub cross_sector_degree: usize,
    /// Normalised betweenness on the simple graph, when it was computed.
    pub betweenness: Option<f64>,
    /// Mean over its partnerships of the partner's trust in it, 0–1.
    pub trust_received: Option<f64>,
    /// How many of its partnerships say how much the partner trusts it.
    pub trust_received_known: usize,
    /// Mean over its partnerships of its trust in the partner, 0–1.
    pub trust_given: Option<f64>,
    /// How many of its partnerships say how much it trusts the partner.
    pub trust_given_known: usize,
    /// Mean signed dominance over its partnerships with known power, −1…+1 (+1: it
    /// dominates).
    pub power_score: Option<f64>,
    /// How many of its partnerships have a known power score.
    pub power_known: usize,
    /// Pairs of its partners that are not partners of each other and belong to different
    /// sectors: the gaps between sectors it bridges.
    pub brokerage: usize,
    /// Its place in framework D (Mendelow), with the project's cut; unplaced while its
    /// influence or interest is not set.
    #[serde(serialize_with = "placement_json")]
    pub mendelow: Placement,
}

/// Sums toward an actor's means, gathered in one pass over the partnerships.
#[derive(Clone, Copy, Default)]
struct Tally {
    partnerships: usize,
    received: Mean,
    given: Mean,
    power: Mean,
}

/// A running mean of the known values.
#[derive(Clone, Copy, Default)]
struct Mean {
    sum: f64,
    count: usize,
}

impl Mean {
    fn add(&mut self, value: Option<f64>) {
        if let Some(v) = value {
            self.sum += v;
            self.count += 1;
        }
    }

    fn value(self) -> Option<f64> {
        (self.count > 0).then(|| self.sum / self.count as f64)
    }
}

/// A 1–5 trust score on the 0–1 t scale.
fn t_scale(score: Option<u8>) -> Option<f64> {
    score.map(|v| (f64::from(v) - 1.0) / 4.0)
}

/// The indicators of every actor of `project`; `sectors` gives each actor's sector by graph
/// index, and betweenness values are read from `betweenness` when given.
pub(super) fn actor_indicators(
    project: &Project,
    graph: &SimpleGraph,
    sectors: &[Option<Sector>],
    betweenness: Option<&BTreeMap<ActorId, f64>>,
) -> BTreeMap<ActorId, ActorIndicators> {
    let mut tally = vec![Tally::default(); graph.len()];
    for (p, ends) in project.partnerships.values().zip(graph.ends()) {
        let Some((a, b)) = *ends else { continue };
        let (a, b) = (a as usize, b as usize);
        let power = p.power.map(|v| f64::from(v) / 2.0);
        let ta = &mut tally[a];
        ta.partnerships += 1;
        ta.received.add(t_scale(p.trust_ba));
        ta.given.add(t_scale(p.trust_ab));
        ta.power.add(power.map(|v| -v));
        let tb = &mut tally[b];
        tb.partnerships += 1;
        tb.received.add(t_scale(p.trust_ab));
        tb.given.add(t_scale(p.trust_ba));
        tb.power.add(power);
    }

    let brokerage = brokerage(graph, sectors);
    let cut = project.settings.cuts.d;
    project
        .actors
        .values()
        .zip(tally)
        .enumerate()
        .map(|(i, (actor, t))| {
            let sector = sectors[i];
            let partners = graph.neighbours(i);
            let indicators = ActorIndicators {
                id: actor.id,
                name: actor.name.clone(),
                sector,
                level: actor.level,
                degree: partners.len(),
                partnerships: t.partnerships,
                cross_sector_degree: partners
                    .iter()
                    .filter(|&&j| {
                        sector.is_some_and(|s| sectors[j as usize].is_some_and(|t| t != s))
                    })
                    .count(),
                betweenness: betweenness.and_then(|m| m.get(&actor.id).copied()),
                trust_received: t.received.value(),
                trust_received_known: t.received.count,
                trust_given: t.given.value(),
                trust_given_known: t.given.count,
                power_score: t.power.value(),
                power_known: t.power.count,
                brokerage: brokerage[i],
                mendelow: place_actor(actor, cut),
            };
            (actor.id, indicators)
        })
        .collect()
}

/// For each actor, the pairs of its partners that are not partners of each other and belong
/// to different sectors (partners whose sector is not set are left out).
///
/// Pairs of partners in different sectors are counted from the sector tally of the partners
/// (all pairs of partners with a sector minus same-sector pairs); those that are themselves linked are then found by
/// marking the partners and walking their own partner lists, and taken off.
fn brokerage(graph: &SimpleGraph, sectors: &[Option<Sector>]) -> Vec<usize> {
    let n = graph.len();
    let mut mark = vec![usize::MAX; n];
    (0..n)
        .map(|i| {
            let partners = graph.neighbours(i);
            let mut per_sector = [0usize; Sector::ALL.len()];
            for &j in partners {
                mark[j as usize] = i;
                if let Some(s) = sectors[j as usize] {
                    per_sector[s as usize] += 1;
                }
            }
            let pairs = |k: usize| k * k.saturating_sub(1) / 2;
            let known: usize = per_sector.iter().sum();
            let cross = pairs(known) - per_sector.iter().map(|&k| pairs(k)).sum::<usize>();
            let mut linked_cross = 0;
            for &j in partners {
                let theirs = graph.neighbours(j as usize);
                // Each linked pair {j, k} is seen once, from its smaller end j.
                let above = theirs.partition_point(|&k| k <= j);
                linked_cross += theirs[above..]
                    .iter()
                    .filter(|&&k| {
                        mark[k as usize] == i
                            && matches!(
                                (sectors[k as usize], sectors[j as usize]),
                                (Some(x), Some(y)) if x != y
                            )
                    })
                    .count();
            }
            cross - linked_cross
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Cut, Partnership};

    fn actor(id: u64, sector: Sector) -> Actor {
        Actor::new(ActorId(id), format!("A{id}"), sector, Level::District)
    }

    fn link(p: &mut Project, a: u64, b: u64) -> &mut Partnership {
        let id = p.allocate_partnership_id();
        p.insert_partnership(Partnership::new(id, ActorId(a), ActorId(b)));
        p.partnerships.get_mut(&id).unwrap()
    }

    fn run(p: &Project) -> BTreeMap<ActorId, ActorIndicators> {
        let graph = SimpleGraph::new(p);
        let sectors: Vec<Option<Sector>> = p.actors.values().map(|a| a.sector).collect();
        actor_indicators(p, &graph, &sectors, None)
    }

    /// 1 State, 2 CivilSociety, 3 Private, 4 State, 5 Community (isolated).
    fn five() -> Project {
        let mut p = Project::new();
        for (id, s) in [
            (1, Sector::State),
            (2, Sector::CivilSociety),
            (3, Sector::Private),
            (4, Sector::State),
            (5, Sector::Community),
        ] {
            p.insert_actor(actor(id, s));
        }
        p
    }

    #[test]
    fn degree_counts_partners_and_partnerships_counts_parallels() {
        let mut p = five();
        link(&mut p, 1, 2);
        link(&mut p, 2, 1); // parallel, the other way round
        link(&mut p, 1, 4);
        let ind = run(&p);
        let one = &ind[&ActorId(1)];
        // Partners of 1: {2, 4}; partnerships: 3; other sector: only 2 (4 is State too).
        assert_eq!(
            (one.degree, one.partnerships, one.cross_sector_degree),
            (2, 3, 1)
        );
        let two = &ind[&ActorId(2)];
        assert_eq!(
            (two.degree, two.partnerships, two.cross_sector_degree),
            (1, 2, 1)
        );
        let five = &ind[&ActorId(5)];
        assert_eq!((five.degree, five.partnerships, five.brokerage), (0, 0, 0));
        assert_eq!(five.trust_received, None);
        assert_eq!(five.power_score, None);
    }

    #[test]
    fn trust_received_and_given_read_the_right_direction() {
        let mut p = five();
        // 1 → 2 trusts 5 (t = 1), 2 → 1 trusts 1 (t = 0).
        let e = link(&mut p, 1, 2);
        e.trust_ab = Some(5);
        e.trust_ba = Some(1);
        // 3 is `a` here: 3 → 1 trusts 3 (t = 0.5); 1 → 3 is unknown.
        let e = link(&mut p, 3, 1);
        e.trust_ab = Some(3);
        // 1 → 4 unknown both ways: skipped.
        link(&mut p, 1, 4);
        let ind = run(&p);
        let one = &ind[&ActorId(1)];
        // Received by 1: from 2 → t 0, from 3 → t 0.5: mean 0.25 from 2 partnerships.
        assert_eq!(
            (one.trust_received, one.trust_received_known),
            (Some(0.25), 2)
        );
        // Given by 1: to 2 → t 1; to 3 unknown: mean 1 from 1.
        assert_eq!((one.trust_given, one.trust_given_known), (Some(1.0), 1));
        let three = &ind[&ActorId(3)];
        assert_eq!((three.trust_received, three.trust_given), (None, Some(0.5)));
        assert_eq!(ind[&ActorId(4)].trust_received_known, 0);
    }

    #[test]
    fn power_score_is_signed_dominance() {
        let mut p = five();
        link(&mut p, 1, 2).power = Some(-2); // 1 (a) dominates: 1 gets +1, 2 gets −1
        link(&mut p, 3, 1).power = Some(1); // 1 (b) leads: 1 gets +0.5, 3 gets −0.5
        link(&mut p, 1, 4); // power unknown: skipped
        let ind = run(&p);
        // 1: mean(+1, +0.5) = 0.75 from 2.
        assert_eq!(
            (ind[&ActorId(1)].power_score, ind[&ActorId(1)].power_known),
            (Some(0.75), 2)
        );
        assert_eq!(ind[&ActorId(2)].power_score, Some(-1.0));
        assert_eq!(ind[&ActorId(3)].power_score, Some(-0.5));
        assert_eq!(ind[&ActorId(4)].power_score, None);
    }

    #[test]
    fn brokerage_counts_unlinked_pairs_of_partners_across_sectors() {
        let mut p = five();
        // 1 is linked to 2 (CivilSociety), 3 (Private), 4 (State), 5 (Community); 2–3 are
        // linked. Pairs of 1's partners: {2,3} linked → no; {2,4} CS/State → yes;
        // {2,5} CS/Community → yes; {3,4} Private/State → yes; {3,5} → yes; {4,5} → yes.
        // So 5. Adding 4–5 (State/Community, linked) takes one off: 4.
        for b in 2..=5 {
            link(&mut p, 1, b);
        }
        link(&mut p, 2, 3);
        assert_eq!(run(&p)[&ActorId(1)].brokerage, 5);
        link(&mut p, 5, 4);
        let ind = run(&p);
        assert_eq!(ind[&ActorId(1)].brokerage, 4);
        // 2's partners are 1 (State) and 3 (Private), linked to each other: 0.
        assert_eq!(ind[&ActorId(2)].brokerage, 0);
        // Same-sector partners are never brokered: give 6 two State partners, unlinked.
        let mut q = five();
        q.insert_actor(actor(6, Sector::Donor));
        link(&mut q, 6, 1);
        link(&mut q, 6, 4);
        assert_eq!(run(&q)[&ActorId(6)].brokerage, 0);
    }

    #[test]
    fn mendelow_follows_the_projects_cut() {
        let mut p = five();
        let a = p.actors.get_mut(&ActorId(1)).unwrap();
        a.interest = Some(4); // x = 0.75
        a.influence = Some(3); // y = 0.5
        let placed = |p: &Project| *run(p)[&ActorId(1)].mendelow.placed().unwrap();
        assert_eq!(placed(&p).quadrant, "Key players");
        p.settings.cuts.d = Cut { x: 0.5, y: 0.6 };
        let at = placed(&p);
        assert_eq!((at.x, at.y, at.quadrant), (0.75, 0.5, "Keep informed"));
        p.actors.get_mut(&ActorId(1)).unwrap().influence = None;
        assert_eq!(
            run(&p)[&ActorId(1)].mendelow,
            Placement::Unplaced("influence not set")
        );
    }
}
