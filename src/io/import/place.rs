//! A simple legible placement for imported actors without a position: one band per level,
//! International at the top to Village at the bottom, actors in rows grouped by sector, far
//! enough apart that wrapped labels do not touch. Below any actors that already have
//! positions.

use crate::model::{ActorId, Choice, Level, Position, Project};

/// Horizontal distance between neighbours in a row (a wrapped label is about 160 wide).
pub const COLUMN_GAP: f64 = 200.0;
/// Vertical distance between rows inside a band.
pub const ROW_GAP: f64 = 130.0;
/// Extra space between two bands.
pub const BAND_GAP: f64 = 90.0;

/// Places the actors `ids` of `project` (the others stay where they are).
pub fn place_missing(project: &mut Project, ids: &[ActorId]) {
    if ids.is_empty() {
        return;
    }
    let missing: std::collections::HashSet<ActorId> = ids.iter().copied().collect();
    let placed: Vec<Position> = project
        .actors
        .values()
        .filter(|a| !missing.contains(&a.id))
        .map(|a| a.position)
        .collect();
    let (centre_x, mut y) = if placed.is_empty() {
        (0.0, 0.0)
    } else {
        let min_x = placed.iter().map(|p| p.x).fold(f64::INFINITY, f64::min);
        let max_x = placed.iter().map(|p| p.x).fold(f64::NEG_INFINITY, f64::max);
        let max_y = placed.iter().map(|p| p.y).fold(f64::NEG_INFINITY, f64::max);
        ((min_x + max_x) / 2.0, max_y + ROW_GAP + BAND_GAP)
    };
    let columns = ((ids.len() as f64).sqrt() * 1.6).ceil().clamp(6.0, 40.0) as usize;
    let mut rows = 0usize;
    for level in Level::ALL {
        let mut band: Vec<(u8, ActorId)> = ids
            .iter()
            .filter_map(|id| project.actors.get(id))
            .filter(|a| a.level == *level)
            .map(|a| (a.sector as u8, a.id))
            .collect();
        if band.is_empty() {
            continue;
        }
        band.sort_unstable();
        for row in band.chunks(columns) {
            // Every other row is shifted by half a gap, so that a line between two rows
            // does not run straight through an actor of the row between them.
            let shift = if rows % 2 == 1 { COLUMN_GAP / 2.0 } else { 0.0 };
            rows += 1;
            let width = (row.len() - 1) as f64 * COLUMN_GAP;
            for (i, (_, id)) in row.iter().enumerate() {
                if let Some(a) = project.actors.get_mut(id) {
                    let x = centre_x - width / 2.0 + shift + i as f64 * COLUMN_GAP;
                    a.position = Position::new(x, y);
                }
            }
            y += ROW_GAP;
        }
        y += BAND_GAP;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Sector};

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
                .filter(|a| a.level == l)
                .map(|a| a.position.y)
                .fold(f64::NEG_INFINITY, f64::max)
        };
        let top = |l: Level| {
            p.actors
                .values()
                .filter(|a| a.level == l)
                .map(|a| a.position.y)
                .fold(f64::INFINITY, f64::min)
        };
        assert!(y_of(Level::International) < top(Level::Commune));
        assert!(y_of(Level::Commune) < top(Level::Village));
        let all: Vec<Position> = p.actors.values().map(|a| a.position).collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
                assert!(d >= ROW_GAP - 1e-9, "{a:?} and {b:?} are {d} apart");
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
        assert!(
            new.y > 900.0 && (new.x - 500.0).abs() <= COLUMN_GAP,
            "{new:?}"
        );
    }
}
