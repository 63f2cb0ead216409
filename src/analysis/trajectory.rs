//! Trajectories through the typologies (design.md §12): where each partnership (or, in
//! framework D, each actor) stands in two states of the map, and how many moved from each
//! quadrant to each other.

use std::collections::BTreeMap;

use crate::model::{Cut, Project};
use crate::typology::{Framework, Placement, place_actor, place_partnership};

/// The row and column of the transition table for items not placed in a state: absent
/// from it, or lacking the scores the framework needs.
pub const NOT_PLACED: &str = "not placed";

/// One item's point in the earlier and the later state (`None` where it is absent or not
/// placed), in the framework's 0–1 square.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trajectory {
    /// The partnership's or actor's id.
    pub id: u64,
    /// Its point in the earlier state.
    pub from: Option<[f64; 2]>,
    /// Its point in the later state.
    pub to: Option<[f64; 2]>,
    /// Its quadrant in the earlier state, or [`NOT_PLACED`].
    pub from_quadrant: &'static str,
    /// Its quadrant in the later state, or [`NOT_PLACED`].
    pub to_quadrant: &'static str,
}

impl Trajectory {
    /// Whether its point moved (both placed and not at the same point).
    pub fn moved(&self) -> bool {
        matches!((self.from, self.to), (Some(a), Some(b)) if a != b)
    }
}

fn point(p: Option<Placement>) -> (Option<[f64; 2]>, &'static str) {
    match p.as_ref().and_then(Placement::placed) {
        Some(p) => (Some([p.x, p.y]), p.quadrant),
        None => (None, NOT_PLACED),
    }
}

/// Every item of either state with its points in both, in `framework` cut at `cut`.
pub fn trajectories(
    before: &Project,
    after: &Project,
    framework: Framework,
    cut: Cut,
) -> Vec<Trajectory> {
    let mut places: BTreeMap<u64, (Option<Placement>, Option<Placement>)> = BTreeMap::new();
    if framework.places_actors() {
        for a in before.actors.values() {
            places.entry(a.id.0).or_default().0 = Some(place_actor(a, cut));
        }
        for a in after.actors.values() {
            places.entry(a.id.0).or_default().1 = Some(place_actor(a, cut));
        }
    } else {
        for p in before.partnerships.values() {
            places.entry(p.id.0).or_default().0 = Some(place_partnership(framework, p, cut));
        }
        for p in after.partnerships.values() {
            places.entry(p.id.0).or_default().1 = Some(place_partnership(framework, p, cut));
        }
    }
    places
        .into_iter()
        .map(|(id, (a, b))| {
            let ((from, from_quadrant), (to, to_quadrant)) = (point(a), point(b));
            Trajectory {
                id,
                from,
                to,
                from_quadrant,
                to_quadrant,
            }
        })
        .collect()
}

/// The moves between quadrants: for each (from, to) pair of quadrant names (or
/// [`NOT_PLACED`]), the ids that made it, staying put included.
#[derive(Clone, Debug, PartialEq)]
pub struct Transitions {
    /// The rows and columns in order: the framework's four quadrants, then [`NOT_PLACED`].
    pub names: [&'static str; 5],
    /// The ids in each cell, by (row, column) index into `names`.
    pub cells: BTreeMap<(usize, usize), Vec<u64>>,
}

impl Transitions {
    /// The count in the cell of row `from` and column `to`.
    pub fn count(&self, from: usize, to: usize) -> usize {
        self.cells.get(&(from, to)).map_or(0, Vec::len)
    }
}

/// The transition table of `trajectories` in `framework`.
pub fn transitions(framework: Framework, trajectories: &[Trajectory]) -> Transitions {
    let q = super::quadrant_names(framework);
    let names = [q[0], q[1], q[2], q[3], NOT_PLACED];
    let index = |name: &str| names.iter().position(|n| *n == name).unwrap_or(4);
    let mut cells: BTreeMap<(usize, usize), Vec<u64>> = BTreeMap::new();
    for t in trajectories {
        let key = (index(t.from_quadrant), index(t.to_quadrant));
        if key != (4, 4) {
            cells.entry(key).or_default().push(t.id);
        }
    }
    Transitions { names, cells }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Actor, ActorId, Form, Formality, Level, Partnership, PartnershipId, Sector,
    };

    fn map(form: Form, formality: Formality) -> Project {
        let mut p = Project::new();
        for id in [1, 2] {
            p.insert_actor(Actor::new(ActorId(id), "x", Sector::State, Level::District));
        }
        let mut l = Partnership::new(PartnershipId(7), ActorId(1), ActorId(2));
        l.form = Some(form);
        l.formality = Some(formality);
        p.insert_partnership(l);
        p
    }

    #[test]
    fn a_permission_that_became_an_mou_moves_from_personal_cooperation_to_institutionalised() {
        let cut = Cut { x: 0.5, y: 0.5 };
        let before = map(Form::Interaction, Formality::PermissionPerActivity);
        let mut after = map(Form::Collaboration, Formality::Mou);
        let mut added = Partnership::new(PartnershipId(8), ActorId(2), ActorId(1));
        added.form = Some(Form::Coalition);
        after.insert_partnership(added);
        let t = trajectories(&before, &after, Framework::A, cut);
        assert_eq!(t.len(), 2);
        // Permission per activity: rank 1 of 5 = 0.2; Interaction: depth 0.
        assert_eq!(t[0].from, Some([0.2, 0.0]));
        assert!(t[0].moved());
        // The added one has no formality: not placed in the later state either.
        assert_eq!((t[1].from, t[1].to), (None, None));
        let table = transitions(Framework::A, &t);
        let names = quadrant_names_a();
        let from = table.names.iter().position(|n| *n == names.0).unwrap();
        let to = table.names.iter().position(|n| *n == names.1).unwrap();
        assert_eq!(table.count(from, to), 1);
        assert_eq!(table.cells[&(from, to)], [7]);
        assert_eq!(table.cells.len(), 1, "not placed in both is no move");
    }

    /// Framework A's low-low and high-high quadrants, from the typology.
    fn quadrant_names_a() -> (&'static str, &'static str) {
        use crate::typology::Side;
        let low = Framework::A.quadrant(Side {
            high_x: false,
            high_y: false,
        });
        let high = Framework::A.quadrant(Side {
            high_x: true,
            high_y: true,
        });
        (low, high)
    }
}
