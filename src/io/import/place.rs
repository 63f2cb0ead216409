//! A start for imported actors without a position: the bands-by-level layout
//! ([`crate::layout::by_level`]), drawn below any actors that already have positions. The
//! import then relaxes it with the force-directed layout.

use std::collections::BTreeSet;

use crate::model::{ActorId, Position, Project};
use crate::task::Progress;

/// Space between the placed actors and the new ones.
const GAP: f64 = 200.0;

/// Places the actors `ids` of `project` (the others stay where they are), saying how far it
/// is through `progress`.
pub fn place_missing(project: &mut Project, ids: &[ActorId], progress: &Progress) {
    if ids.is_empty() {
        return;
    }
    let movable: BTreeSet<ActorId> = ids.iter().copied().collect();
    let Ok(moves) = crate::layout::by_level(project, &movable, progress) else {
        return;
    };
    // Positions that cannot be drawn (beyond ±10⁹, or not numbers) say nothing about where
    // the map is: they are left out, so that the offset stays a number.
    let farthest = crate::layout::FARTHEST;
    let placed: Vec<Position> = project
        .actors
        .values()
        .filter(|a| !movable.contains(&a.id))
        .map(|a| a.position)
        .filter(|p| p.x.abs() <= farthest && p.y.abs() <= farthest)
        .collect();
    // The bands are centred on x = 0 and start at y = 0.
    let (dx, dy) = if placed.is_empty() {
        (0.0, 0.0)
    } else {
        let min_x = placed.iter().map(|p| p.x).fold(f64::INFINITY, f64::min);
        let max_x = placed.iter().map(|p| p.x).fold(f64::NEG_INFINITY, f64::max);
        let max_y = placed.iter().map(|p| p.y).fold(f64::NEG_INFINITY, f64::max);
        ((min_x + max_x) / 2.0, max_y + GAP)
    };
    for (id, to) in moves {
        if let Some(a) = project.actors.get_mut(&id) {
            a.position = crate::layout::drawable(Position::new(to.x + dx, to.y + dy));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Level, Sector};

    #[test]
    fn bands_run_from_international_down_and_no_two_actors_share_a_spot() {
        let mut p = Project::new();
        let levels = [Level::Village, Level::International, Level::Commune];
        for i in 1..=30u64 {
            let level = levels[i as usize % 3];
            p.insert_actor(Actor::new(
                ActorId(i),
                format!("A{i}"),
                Sector::State,
                level,
            ));
        }
        let ids: Vec<ActorId> = p.actors.keys().copied().collect();
        place_missing(&mut p, &ids, &Progress::new());
        let y_of = |l: Level| {
            p.actors
                .values()
                .filter(|a| a.level == Some(l))
                .map(|a| a.position.y)
                .fold(f64::NEG_INFINITY, f64::max)
        };
        let top = |l: Level| {
            p.actors
                .values()
                .filter(|a| a.level == Some(l))
                .map(|a| a.position.y)
                .fold(f64::INFINITY, f64::min)
        };
        assert!(y_of(Level::International) < top(Level::Commune));
        assert!(y_of(Level::Commune) < top(Level::Village));
        let all: Vec<Position> = p.actors.values().map(|a| a.position).collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
                assert!(d >= 90.0, "{a:?} and {b:?} are {d} apart");
            }
        }
    }

    #[test]
    fn new_actors_go_below_the_placed_ones() {
        let mut p = Project::new();
        let mut a = Actor::new(ActorId(1), "Placed", Sector::State, Level::Village);
        a.position = Position::new(500.0, 900.0);
        p.insert_actor(a);
        p.insert_actor(Actor::new(
            ActorId(2),
            "New",
            Sector::Donor,
            Level::International,
        ));
        place_missing(&mut p, &[ActorId(2)], &Progress::new());
        assert_eq!(p.actors[&ActorId(1)].position, Position::new(500.0, 900.0));
        let new = p.actors[&ActorId(2)].position;
        assert!(new.y > 900.0 && (new.x - 500.0).abs() <= 200.0, "{new:?}");
    }
}

#[cfg(test)]
mod extreme_tests {
    use super::*;
    use crate::model::{Actor, Level, Partnership, PartnershipId, Sector};

    /// Actors placed beyond what can be drawn (a file's geometry at 1e300, infinite, not a
    /// number) leave the layout of the others drawable: finite and within ±10⁹. (They made
    /// the offset and the forces NaN: "actor 2: position is NaN".)
    #[test]
    fn extreme_placed_positions_never_make_the_layout_nan_or_far() {
        let far = [
            (1e300, -1e300),
            (f64::INFINITY, 5.0),
            (f64::NAN, f64::NEG_INFINITY),
            (-1e9, 1e9),
        ];
        let mut p = Project::new();
        for (i, &(x, y)) in far.iter().enumerate() {
            let mut a = Actor::new(ActorId(i as u64 + 1), "Far", Sector::State, Level::Village);
            a.position = Position::new(x, y);
            p.insert_actor(a);
        }
        let new: Vec<ActorId> = (10..40).map(ActorId).collect();
        for &id in &new {
            p.insert_actor(Actor::new(id, "New", Sector::Donor, Level::Commune));
        }
        // The new actors are partners of the far ones, so the forces pull toward them.
        for (k, &id) in new.iter().enumerate() {
            p.insert_partnership(Partnership::new(
                PartnershipId(k as u64 + 1),
                ActorId(k as u64 % 4 + 1),
                id,
            ));
        }
        place_missing(&mut p, &new, &Progress::new());
        let movable: BTreeSet<ActorId> = new.iter().copied().collect();
        let moves = crate::layout::force_directed(&p, &movable, &Progress::new()).unwrap();
        assert_eq!(moves.len(), new.len());
        let farthest = crate::layout::FARTHEST;
        let placed = new.iter().map(|id| p.actors[id].position);
        for at in placed.chain(moves.iter().map(|(_, at)| *at)) {
            assert!(
                at.x.abs() <= farthest && at.y.abs() <= farthest,
                "{at:?} cannot be drawn"
            );
        }
        assert_eq!(
            crate::layout::drawable(Position::new(f64::NAN, -1e300)),
            Position::new(0.0, -farthest)
        );
    }
}
