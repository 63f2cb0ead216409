//! The trajectory chart of a comparison (design.md §12), egui-free: each item's point in
//! the quadrant chart of the earlier state joined to its point in the later one, items
//! present in only one state as lone points, items that took the same path drawn once with
//! their count, and the moves between quadrants counted. The printed chart draws this, and
//! the window's quadrant panel can draw the same paths.

use std::collections::BTreeMap;

use super::Rgb;
use super::change::{self, ADDED, ENDED, SAME};
use super::quadrant::{Chart, Point, Subject};
use crate::analysis::time::{Composed, Presence};

/// How an item went from the earlier chart to the later one, in the order they are drawn
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

/// One path of the chart: the items that went the same way between the same two spots.
#[derive(Clone, Debug, PartialEq)]
pub struct Trajectory {
    /// How they went.
    pub way: Way,
    /// Their spot in the earlier chart, in the unit square, when placed there.
    pub from: Option<[f64; 2]>,
    /// Their spot in the later chart, when placed there.
    pub to: Option<[f64; 2]>,
    /// The quadrant of `from`, and of `to`.
    pub quadrants: (Option<&'static str>, Option<&'static str>),
    /// The colour of the path: for a partnership that moved, what happened to its form and
    /// formality as the comparison map colours it ([`change::edge_look`]); for an actor that
    /// moved, its sector's; green for added, red for ended, grey otherwise.
    pub colour: Rgb,
    /// The items, in id order.
    pub subjects: Vec<Subject>,
}

impl Trajectory {
    /// Where a lone point stands: the later spot, else the earlier.
    pub fn at(&self) -> Option<[f64; 2]> {
        self.to.or(self.from)
    }
}

/// The paths from `before` to `after`, two charts of one framework cut at one place, for
/// the comparison `composed` of the same two states; in drawing order ([`Way`]), then by
/// spot.
pub fn trajectories(before: &Chart, after: &Chart, composed: &Composed) -> Vec<Trajectory> {
    let index = |chart: &Chart| -> BTreeMap<Subject, Point> {
        chart
            .points
            .iter()
            .map(|p| (p.subject, p.clone()))
            .collect()
    };
    let (b, a) = (index(before), index(after));
    let mut subjects: Vec<Subject> = b.keys().chain(a.keys()).copied().collect();
    subjects.sort_unstable();
    subjects.dedup();
    type Key = (Way, [u64; 4], (u8, u8, u8));
    let mut grouped: BTreeMap<Key, Trajectory> = BTreeMap::new();
    for s in subjects {
        let (from, to) = (b.get(&s), a.get(&s));
        let presence = match s {
            Subject::Actor(id) => composed.actors.get(&id).copied(),
            Subject::Partnership(id) => composed.partnerships.get(&id).map(|e| e.presence),
        };
        let way = match (from, to, presence) {
            (Some(f), Some(t), _) if f.true_at == t.true_at => Way::Stayed,
            (Some(_), Some(_), _) => Way::Moved,
            (None, Some(_), Some(Presence::Added)) => Way::Added,
            (Some(_), None, Some(Presence::Removed)) => Way::Ended,
            _ => Way::PlacedOnce,
        };
        let colour = match (way, s) {
            (Way::Added, _) => ADDED,
            (Way::Ended, _) => ENDED,
            (Way::Moved, Subject::Partnership(id)) => composed
                .partnerships
                .get(&id)
                .map_or(SAME, |e| change::edge_look(e).colour),
            (Way::Moved, Subject::Actor(_)) => to.map_or(SAME, |p| p.colour),
            _ => SAME,
        };
        let (f, t) = (from.map(|p| p.true_at), to.map(|p| p.true_at));
        let bits = |v: Option<[f64; 2]>| v.map_or([u64::MAX; 2], |v| v.map(f64::to_bits));
        let (fb, tb) = (bits(f), bits(t));
        let key = (
            way,
            [fb[0], fb[1], tb[0], tb[1]],
            (colour.0, colour.1, colour.2),
        );
        grouped
            .entry(key)
            .or_insert_with(|| Trajectory {
                way,
                from: f,
                to: t,
                quadrants: (from.map(|p| p.quadrant), to.map(|p| p.quadrant)),
                colour,
                subjects: Vec::new(),
            })
            .subjects
            .push(s);
    }
    grouped.into_values().collect()
}

/// How many items went from one quadrant to another (the transition table of design.md
/// §12), the largest moves first, then by the quadrants' names; items that stayed in their
/// quadrant are not counted.
pub fn transitions(paths: &[Trajectory]) -> Vec<(&'static str, &'static str, usize)> {
    let mut counts: BTreeMap<(&'static str, &'static str), usize> = BTreeMap::new();
    for p in paths {
        if let (Some(f), Some(t)) = p.quadrants
            && f != t
        {
            *counts.entry((f, t)).or_default() += p.subjects.len();
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
    use crate::model::{
        Actor, ActorId, Form, Formality, Level, Partnership, PartnershipId, Project, Sector,
        Snapshot,
    };
    use crate::style::quadrant::chart;
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
    fn each_partnership_has_its_path_and_moves_are_counted_by_quadrant() {
        let p = map();
        let before = State::Snapshot("Baseline".into()).resolve(&p).unwrap();
        let after = State::Now.resolve(&p).unwrap();
        let composed = time::compose(&p, &before, &after, false);
        let cut = Framework::A.cut(&p.settings);
        let (cb, ca) = (
            chart(&before, Framework::A, cut),
            chart(&after, Framework::A, cut),
        );
        let paths = trajectories(&cb, &ca, &composed);
        let ways: Vec<(Way, Vec<Subject>)> =
            paths.iter().map(|t| (t.way, t.subjects.clone())).collect();
        let s = |id| Subject::Partnership(PartnershipId(id));
        assert_eq!(
            ways,
            [
                (Way::Stayed, vec![s(2)]),
                (Way::Ended, vec![s(3)]),
                (Way::Added, vec![s(4)]),
                (Way::Moved, vec![s(1)]),
            ],
            "5 has no scores: placed in neither chart"
        );
        let moved = &paths[3];
        assert_eq!(moved.colour, change::DEEPENED);
        assert_ne!(moved.quadrants.0, moved.quadrants.1);
        assert_eq!(paths[1].at(), paths[1].from);
        let table = transitions(&paths);
        assert_eq!(table.len(), 1);
        assert_eq!(
            (table[0].0, table[0].1, table[0].2),
            (moved.quadrants.0.unwrap(), moved.quadrants.1.unwrap(), 1)
        );
    }
}
