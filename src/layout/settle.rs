//! Settling tidied actors into free space: after "Tidy selection", each moved actor takes the
//! free place nearest to where the layout put it, so that it never lands on another actor or
//! its label.

use std::collections::{BTreeSet, HashMap};

use super::{Moves, label_height, label_width};
use crate::model::{Actor, ActorId, Position, Project};

/// Room kept around each actor's box, in map units.
const MARGIN: f64 = 8.0;
/// The side of a cell of the grid that finds nearby boxes, in map units.
const CELL: f64 = 200.0;
/// How far apart the places tried on the spiral are, in map units.
const STEP: f64 = 14.0;
/// How many places are tried before the layout's own place is kept.
const TRIES: usize = 4000;

/// The space an actor and its label take at `at`: the shape, and the label under it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Box2 {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Box2 {
    fn of(actor: &Actor, at: Position) -> Self {
        let r = crate::style::actor_radius(actor);
        let half = r.max(label_width(actor) / 2.0) + MARGIN;
        Self {
            left: at.x - half,
            right: at.x + half,
            top: at.y - r - MARGIN,
            bottom: at.y + r + 3.0 + label_height(actor) + MARGIN,
        }
    }

    fn overlaps(&self, other: &Self) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    fn cells(&self) -> impl Iterator<Item = (i64, i64)> {
        let (x0, x1) = (cell(self.left), cell(self.right));
        let (y0, y1) = (cell(self.top), cell(self.bottom));
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }
}

fn cell(v: f64) -> i64 {
    (v / CELL).floor() as i64
}

/// The boxes placed so far, found by grid cell.
#[derive(Default)]
struct Taken {
    boxes: Vec<Box2>,
    grid: HashMap<(i64, i64), Vec<usize>>,
}

impl Taken {
    fn add(&mut self, b: Box2) {
        let i = self.boxes.len();
        self.boxes.push(b);
        for c in b.cells() {
            self.grid.entry(c).or_default().push(i);
        }
    }

    fn is_free(&self, b: &Box2) -> bool {
        b.cells().all(|c| {
            self.grid
                .get(&c)
                .is_none_or(|ids| ids.iter().all(|i| !self.boxes[*i].overlaps(b)))
        })
    }
}

/// `moves` with each moved actor put at the free place nearest to its new position: not
/// over any actor that stays (or its label), nor over another moved actor already placed.
/// Actors are placed in the order of `moves`; one with no free place within reach keeps the
/// layout's position.
pub fn settle(project: &Project, moves: Moves) -> Moves {
    let moving: BTreeSet<ActorId> = moves.iter().map(|(id, _)| *id).collect();
    let mut taken = Taken::default();
    for a in project.actors.values().filter(|a| !moving.contains(&a.id)) {
        if a.position.x.is_finite() && a.position.y.is_finite() {
            taken.add(Box2::of(a, a.position));
        }
    }
    moves
        .into_iter()
        .map(|(id, to)| {
            let Some(actor) = project.actor(id) else {
                return (id, to);
            };
            let at = (0..TRIES)
                .map(|k| spiral(to, k))
                .find(|p| taken.is_free(&Box2::of(actor, *p)))
                .unwrap_or(to);
            taken.add(Box2::of(actor, at));
            (id, at)
        })
        .collect()
}

/// A free place for `actor` near `near`: the first place of a spiral around it where the
/// actor and its label are not over any other actor of `project` or its label, and lie
/// inside `within` (left, top, right, bottom, in map units) when that is given and has room
/// (else the nearest free place outside it). `near` itself when nothing is free within reach.
pub fn free_spot(
    project: &Project,
    actor: &Actor,
    near: Position,
    within: Option<(f64, f64, f64, f64)>,
) -> Position {
    let mut taken = Taken::default();
    for a in project.actors.values().filter(|a| a.id != actor.id) {
        if a.position.x.is_finite() && a.position.y.is_finite() {
            taken.add(Box2::of(a, a.position));
        }
    }
    let inside = |b: &Box2| {
        within.is_none_or(|(l, t, r, bottom)| {
            b.left >= l && b.right <= r && b.top >= t && b.bottom <= bottom
        })
    };
    let free = |p: &Position| taken.is_free(&Box2::of(actor, *p));
    let places = || (0..TRIES).map(|k| spiral(near, k));
    // Inside the view if there is room there; else free of others, outside it.
    places()
        .find(|p| inside(&Box2::of(actor, *p)) && free(p))
        .or_else(|| places().find(free))
        .unwrap_or(near)
}

/// The `k`-th place of a spiral around `from`, about [`STEP`] apart (the 0th is `from`).
fn spiral(from: Position, k: usize) -> Position {
    if k == 0 {
        return from;
    }
    let k = k as f64;
    let r = STEP * (k / std::f64::consts::PI).sqrt() * 1.8;
    let angle = k * 2.399_963;
    Position::new(from.x + r * angle.cos(), from.y + r * angle.sin())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Sector};

    fn actor(id: u64, name: &str, x: f64, y: f64) -> Actor {
        let mut a = Actor::new(ActorId(id), name, Sector::State, Level::Commune);
        a.position = Position::new(x, y);
        a
    }

    #[test]
    fn a_moved_actor_never_lands_on_one_that_stays_and_stays_near() {
        let mut p = Project::new();
        for (i, x) in [0.0, 120.0, 240.0].into_iter().enumerate() {
            let a = actor(i as u64 + 1, "Commune council of Pursat", x, 0.0);
            p.actors.insert(a.id, a);
        }
        let tidy = actor(9, "Parents' group", 500.0, 500.0);
        p.actors.insert(tidy.id, tidy.clone());
        // The layout put it right on top of actor 2.
        let settled = settle(&p, vec![(ActorId(9), Position::new(120.0, 0.0))]);
        let at = settled[0].1;
        let mine = Box2::of(&tidy, at);
        for a in p.actors.values().filter(|a| a.id != ActorId(9)) {
            assert!(!mine.overlaps(&Box2::of(a, a.position)), "over {}", a.name);
        }
        let moved = ((at.x - 120.0).powi(2) + at.y.powi(2)).sqrt();
        assert!(moved < 200.0, "kept near where the layout put it: {moved}");
    }

    #[test]
    fn moved_actors_keep_apart_from_each_other() {
        let mut p = Project::new();
        let mut moves = Vec::new();
        for i in 1..=6 {
            let a = actor(i, "Village savings group", 0.0, 0.0);
            p.actors.insert(a.id, a);
            moves.push((ActorId(i), Position::new(10.0, 10.0)));
        }
        let settled = settle(&p, moves);
        for (i, (a, pa)) in settled.iter().enumerate() {
            for (b, pb) in &settled[i + 1..] {
                let (ba, bb) = (Box2::of(&p.actors[a], *pa), Box2::of(&p.actors[b], *pb));
                assert!(!ba.overlaps(&bb), "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn a_free_spot_is_inside_the_view_and_clear_of_every_actor() {
        let mut p = Project::new();
        for i in 0..9 {
            let (x, y) = (f64::from(i % 3) * 60.0, f64::from(i / 3) * 40.0);
            let a = actor(i as u64 + 1, "School", x, y);
            p.actors.insert(a.id, a);
        }
        let new = actor(20, "Women's savings group", 0.0, 0.0);
        let view = (-400.0, -300.0, 400.0, 300.0);
        let at = free_spot(&p, &new, Position::new(60.0, 40.0), Some(view));
        let mine = Box2::of(&new, at);
        assert!(mine.left >= view.0 && mine.right <= view.2);
        assert!(mine.top >= view.1 && mine.bottom <= view.3);
        for a in p.actors.values() {
            assert!(!mine.overlaps(&Box2::of(a, a.position)), "over {:?}", a.id);
        }
    }

    #[test]
    fn a_free_place_is_kept_as_it_is() {
        let mut p = Project::new();
        let a = actor(1, "NGO", 0.0, 0.0);
        p.actors.insert(a.id, a);
        let b = actor(2, "School", 900.0, 900.0);
        p.actors.insert(b.id, b);
        let to = Position::new(600.0, 0.0);
        assert_eq!(settle(&p, vec![(ActorId(2), to)]), vec![(ActorId(2), to)]);
    }
}
