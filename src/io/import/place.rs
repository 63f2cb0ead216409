//! A start for imported actors without a position: the bands-by-level layout
//! ([`crate::layout::by_level`]), drawn below any actors that already have positions. The
//! import then relaxes it with the force-directed layout.

use std::collections::BTreeSet;

use crate::model::{ActorId, Position, Project};
use crate::task::Progress;

/// Space between the placed actors and the new ones.
const GAP: f64 = 200.0;

/// Places the actors `ids` of `project` (the others stay where they are).
pub fn place_missing(project: &mut Project, ids: &[ActorId]) {
    if ids.is_empty() {
        return;
    }
    let movable: BTreeSet<ActorId> = ids.iter().copied().collect();
    let Ok(moves) = crate::layout::by_level(project, &movable, &Progress::new()) else {
        return;
    };
    let placed: Vec<Position> = project
        .actors
        .values()
        .filter(|a| !movable.contains(&a.id))
        .map(|a| a.position)
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
            a.position = Position::new(to.x + dx, to.y + dy);
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
        place_missing(&mut p, &ids);
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
        place_missing(&mut p, &[ActorId(2)]);
        assert_eq!(p.actors[&ActorId(1)].position, Position::new(500.0, 900.0));
        let new = p.actors[&ActorId(2)].position;
        assert!(new.y > 900.0 && (new.x - 500.0).abs() <= 200.0, "{new:?}");
    }
}
