//! How the printed trajectory chart of a comparison draws the trajectories of
//! [`crate::analysis::trajectory`] (design.md §12), egui-free: the items that took the same
//! route between the same two spots are drawn once with their count, each route coloured by
//! what happened (as the comparison map colours partnerships), and items of one state only
//! drawn as lone points, green or red.

use std::collections::BTreeMap;

use super::change::{self, ADDED, ENDED, SAME};
use super::{Rgb, actor_colour};
use crate::analysis::time::{Composed, Presence};
use crate::analysis::trajectory::{NOT_PLACED, Trajectory};
use crate::model::{ActorId, PartnershipId};

/// How items went from the earlier chart to the later one, in the order they are drawn
/// (the ones that moved on top).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Way {
    /// Placed in both, at the same spot.
    Stayed,
    /// In both states but placed in one only: the other lacks the scores the chart needs.
    PlacedOnce,
    /// Only in the earlier state: ended (a partnership) or removed (an actor).
    Ended,
    /// Only in the later state.
    Added,
    /// Placed in both, at different spots.
    Moved,
}

/// The items that went the same way between the same two spots.
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    /// How they went.
    pub way: Way,
    /// Their spot in the earlier chart, in the unit square, when placed there.
    pub from: Option<[f64; 2]>,
    /// Their spot in the later chart, when placed there.
    pub to: Option<[f64; 2]>,
    /// The colour of the route: for partnerships that moved, what happened to their form
    /// and formality as the comparison map colours them ([`change::edge_look`]); for actors
    /// that moved, their sector's; green for added, red for ended, grey otherwise.
    pub colour: Rgb,
    /// The items' ids (partnerships', or actors' in framework D), in id order.
    pub ids: Vec<u64>,
}

impl Route {
    /// Where a lone point stands: the later spot, else the earlier.
    pub fn at(&self) -> Option<[f64; 2]> {
        self.to.or(self.from)
    }
}

/// The routes of `trajectories` (of actors when `of_actors`, framework D), two states of a
/// map whose comparison is `composed`; in drawing order ([`Way`]), then by spot. Items placed
/// in neither state have no route.
pub fn routes(trajectories: &[Trajectory], composed: &Composed, of_actors: bool) -> Vec<Route> {
    type Key = (Way, [u64; 4], (u8, u8, u8));
    let mut grouped: BTreeMap<Key, Route> = BTreeMap::new();
    for t in trajectories {
        let presence = if of_actors {
            composed.actors.get(&ActorId(t.id)).copied()
        } else {
            composed
                .partnerships
                .get(&PartnershipId(t.id))
                .map(|e| e.presence)
        };
        let way = match (t.from, t.to, presence) {
            (None, None, _) => continue,
            (Some(f), Some(to), _) if f == to => Way::Stayed,
            (Some(_), Some(_), _) => Way::Moved,
            (None, Some(_), Some(Presence::Added)) => Way::Added,
            (Some(_), None, Some(Presence::Removed)) => Way::Ended,
            _ => Way::PlacedOnce,
        };
        let colour = match way {
            Way::Added => ADDED,
            Way::Ended => ENDED,
            Way::Moved if of_actors => composed
                .project
                .actor(ActorId(t.id))
                .map_or(SAME, |a| actor_colour(a.sector)),
            Way::Moved => composed
                .partnerships
                .get(&PartnershipId(t.id))
                .map_or(SAME, |e| change::edge_look(e).colour),
            Way::Stayed | Way::PlacedOnce => SAME,
        };
        let bits = |v: Option<[f64; 2]>| v.map_or([u64::MAX; 2], |v| v.map(f64::to_bits));
        let (fb, tb) = (bits(t.from), bits(t.to));
        let key = (
            way,
            [fb[0], fb[1], tb[0], tb[1]],
            (colour.0, colour.1, colour.2),
        );
        grouped
            .entry(key)
            .or_insert_with(|| Route {
                way,
                from: t.from,
                to: t.to,
                colour,
                ids: Vec::new(),
            })
            .ids
            .push(t.id);
    }
    grouped.into_values().collect()
}

/// The moves between two quadrants in the transition table of `trajectories` (items that
/// stayed in their quadrant, and those placed in one state only, left out), the largest
/// first, then by the quadrants' names.
pub fn moves_between_quadrants(
    trajectories: &[Trajectory],
) -> Vec<(&'static str, &'static str, usize)> {
    let mut counts: BTreeMap<(&'static str, &'static str), usize> = BTreeMap::new();
    for t in trajectories {
        let placed = t.from_quadrant != NOT_PLACED && t.to_quadrant != NOT_PLACED;
        if placed && t.from_quadrant != t.to_quadrant {
            *counts.entry((t.from_quadrant, t.to_quadrant)).or_default() += 1;
        }
    }
    let mut out: Vec<_> = counts.into_iter().map(|((f, t), n)| (f, t, n)).collect();
    out.sort_by(|x, y| y.2.cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::time::{self, State};
    use crate::analysis::trajectory::trajectories;
    use crate::model::{Actor, Form, Formality, Level, Partnership, Project, Sector, Snapshot};
    use crate::typology::Framework;

    /// Baseline: 1 and 2 informal interactions, 3 a coalition. Now: 1 integrated by MoU,
    /// 2 unchanged, 3 ended, 4 added, 5 added without scores.
    fn map() -> Project {
        let mut p = Project::new();
        for id in 1..=3 {
            p.insert_actor(Actor::new(ActorId(id), "A", Sector::State, Level::Commune));
        }
        let link = |id, form, formality| {
            let mut l = Partnership::new(PartnershipId(id), ActorId(1), ActorId(2));
            l.form = Some(form);
            l.formality = Some(formality);
            l
        };
        p.insert_partnership(link(1, Form::Interaction, Formality::Personal));
        p.insert_partnership(link(2, Form::Interaction, Formality::Personal));
        p.insert_partnership(link(3, Form::Coalition, Formality::Personal));
        p.snapshots.push(Snapshot::of(&p, "Baseline", None));
        p.partnerships.remove(&PartnershipId(3));
        p.insert_partnership(link(1, Form::Integrated, Formality::Mou));
        p.insert_partnership(link(4, Form::Coalition, Formality::Personal));
        p.insert_partnership(Partnership::new(PartnershipId(5), ActorId(2), ActorId(3)));
        p
    }

    #[test]
    fn each_way_has_its_route_and_moves_are_counted_by_quadrant() {
        let p = map();
        let before = State::Snapshot("Baseline".into()).resolve(&p).unwrap();
        let after = State::Now.resolve(&p).unwrap();
        let composed = time::compose(&p, &before, &after, false);
        let cut = Framework::A.cut(&p.settings);
        let items = trajectories(&before, &after, Framework::A, cut);
        let all = routes(&items, &composed, false);
        let ways: Vec<(Way, Vec<u64>)> = all.iter().map(|r| (r.way, r.ids.clone())).collect();
        assert_eq!(
            ways,
            [
                (Way::Stayed, vec![2]),
                (Way::Ended, vec![3]),
                (Way::Added, vec![4]),
                (Way::Moved, vec![1]),
            ],
            "5 has no scores: placed in neither chart"
        );
        assert_eq!(all[3].colour, change::DEEPENED);
        assert_eq!(all[1].at(), all[1].from);
        let moves = moves_between_quadrants(&items);
        assert_eq!(moves.len(), 1);
        let one = items.iter().find(|t| t.id == 1).unwrap();
        assert_eq!(moves[0], (one.from_quadrant, one.to_quadrant, 1));
        assert_ne!(one.from_quadrant, one.to_quadrant);
    }
}
