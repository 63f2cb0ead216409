//! Force-directed layout: Fruchterman–Reingold with a Barnes–Hut quadtree for the
//! repulsion beyond a few hundred actors, a weak pull to the centre so that separate groups
//! stay in view, cooling until the map is at rest, then a pass that pushes overlapping labels
//! apart. Deterministic: the same map always gives the same layout.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::{Cancelled, Moves, drawable, label_height, label_width};
use crate::model::{ActorId, Position, Project};
use crate::task::Progress;

/// The distance partners settle at, about a label's width.
const K: f64 = 115.0;
/// Barnes–Hut opening angle: a cell this small for its distance counts as one body.
const THETA: f64 = 0.9;
/// Beyond this many actors, repulsion uses the quadtree.
const EXACT_UP_TO: usize = 400;
/// How much wider than tall the result is drawn.
const STRETCH: f64 = 1.5;
/// The pull toward the centre, per unit of distance.
const GRAVITY: f64 = 0.4;

struct Body {
    x: f64,
    y: f64,
    movable: bool,
}

/// A quadtree node: centre of mass, mass, square cell, children (or a single body).
struct Cell {
    mx: f64,
    my: f64,
    mass: f64,
    x0: f64,
    y0: f64,
    size: f64,
    children: [u32; 4],
    body: Option<usize>,
}

const NONE: u32 = u32::MAX;

struct Tree {
    cells: Vec<Cell>,
}

impl Tree {
    fn build(bodies: &[Body]) -> Self {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for b in bodies {
            x0 = x0.min(b.x);
            y0 = y0.min(b.y);
            x1 = x1.max(b.x);
            y1 = y1.max(b.y);
        }
        let size = (x1 - x0).max(y1 - y0).max(1.0) * 1.001;
        let mut tree = Tree {
            cells: Vec::with_capacity(bodies.len() * 2),
        };
        tree.cells.push(Cell::new(x0, y0, size));
        for (i, b) in bodies.iter().enumerate() {
            tree.insert(0, i, b, bodies, 0);
        }
        tree
    }

    fn insert(&mut self, cell: usize, i: usize, b: &Body, bodies: &[Body], depth: usize) {
        let c = &mut self.cells[cell];
        let total = c.mass + 1.0;
        c.mx = (c.mx * c.mass + b.x) / total;
        c.my = (c.my * c.mass + b.y) / total;
        c.mass = total;
        if c.mass == 1.0 {
            c.body = Some(i);
            return;
        }
        // Bodies at (almost) the same spot share a leaf rather than splitting forever.
        if depth > 40 {
            return;
        }
        if let Some(old) = c.body.take() {
            let q = self.quadrant(cell, &bodies[old]);
            let child = self.child(cell, q);
            self.insert_into(child, old, &bodies[old], bodies, depth + 1);
        }
        let q = self.quadrant(cell, b);
        let child = self.child(cell, q);
        self.insert_into(child, i, b, bodies, depth + 1);
    }

    fn insert_into(&mut self, cell: usize, i: usize, b: &Body, bodies: &[Body], depth: usize) {
        self.insert(cell, i, b, bodies, depth);
    }

    fn quadrant(&self, cell: usize, b: &Body) -> usize {
        let c = &self.cells[cell];
        let half = c.size / 2.0;
        usize::from(b.x >= c.x0 + half) + 2 * usize::from(b.y >= c.y0 + half)
    }

    fn child(&mut self, cell: usize, q: usize) -> usize {
        if self.cells[cell].children[q] == NONE {
            let c = &self.cells[cell];
            let half = c.size / 2.0;
            let x0 = c.x0 + if q % 2 == 1 { half } else { 0.0 };
            let y0 = c.y0 + if q / 2 == 1 { half } else { 0.0 };
            self.cells.push(Cell::new(x0, y0, half));
            let id = (self.cells.len() - 1) as u32;
            self.cells[cell].children[q] = id;
        }
        self.cells[cell].children[q] as usize
    }

    /// The repulsion on body `i` at (x, y).
    fn force(&self, i: usize, x: f64, y: f64) -> (f64, f64) {
        let (mut fx, mut fy) = (0.0, 0.0);
        let mut stack = vec![0usize];
        while let Some(ci) = stack.pop() {
            let c = &self.cells[ci];
            if c.mass == 0.0 {
                continue;
            }
            let (dx, dy) = (x - c.mx, y - c.my);
            let d2 = dx * dx + dy * dy;
            let is_leaf = c.children.iter().all(|&k| k == NONE);
            if is_leaf || c.size * c.size < THETA * THETA * d2 {
                if c.body == Some(i) && c.mass == 1.0 {
                    continue;
                }
                let d2 = d2.max(1.0);
                let f = K * K * c.mass / d2;
                fx += dx * f;
                fy += dy * f;
            } else {
                stack.extend(
                    c.children
                        .iter()
                        .filter(|&&k| k != NONE)
                        .map(|&k| k as usize),
                );
            }
        }
        (fx, fy)
    }
}

impl Cell {
    fn new(x0: f64, y0: f64, size: f64) -> Self {
        Self {
            mx: 0.0,
            my: 0.0,
            mass: 0.0,
            x0,
            y0,
            size,
            children: [NONE; 4],
            body: None,
        }
    }
}

/// A point on a golden-angle spiral, for spreading actors that start at the same spot.
fn spiral(i: usize) -> (f64, f64) {
    let r = K * 0.6 * (i as f64).sqrt();
    let a = i as f64 * 2.399_963_229_728_653;
    (r * a.cos(), r * a.sin())
}

/// Lays out `movable` by forces; the other actors stay and still push and pull.
pub fn force_directed(
    project: &Project,
    movable: &BTreeSet<ActorId>,
    progress: &Progress,
) -> Result<Moves, Cancelled> {
    let ids: Vec<ActorId> = project.actors.keys().copied().collect();
    let index: HashMap<ActorId, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    // Positions beyond what can be drawn are taken at the edge, so that no force overflows.
    let mut bodies: Vec<Body> = project
        .actors
        .values()
        .map(|a| {
            let at = drawable(a.position);
            Body {
                x: at.x,
                y: at.y,
                movable: movable.contains(&a.id),
            }
        })
        .collect();
    // Movable actors sharing a spot (a new import) start spread on a spiral around it.
    let mut seen: HashMap<(i64, i64), usize> = HashMap::new();
    for b in bodies.iter_mut().filter(|b| b.movable) {
        let key = ((b.x * 10.0).round() as i64, (b.y * 10.0).round() as i64);
        let n = seen.entry(key).or_insert(0);
        if *n > 0 {
            let (dx, dy) = spiral(*n);
            b.x += dx;
            b.y += dy;
        }
        *n += 1;
    }
    let mut edges: HashSet<(usize, usize)> = HashSet::new();
    for p in project.partnerships.values() {
        if let (Some(&a), Some(&b)) = (index.get(&p.a), index.get(&p.b)) {
            edges.insert((a.min(b), a.max(b)));
        }
    }
    let edges: Vec<(usize, usize)> = {
        let mut e: Vec<_> = edges.into_iter().collect();
        e.sort_unstable();
        e
    };
    let n = bodies.len();
    let (cx, cy) = {
        let m = bodies.iter().filter(|b| b.movable).count().max(1) as f64;
        let sx: f64 = bodies.iter().filter(|b| b.movable).map(|b| b.x).sum();
        let sy: f64 = bodies.iter().filter(|b| b.movable).map(|b| b.y).sum();
        (sx / m, sy / m)
    };
    let iterations = if n <= 200 {
        300
    } else if n <= 3000 {
        220
    } else {
        140
    };
    let start_temperature = K * 2.0 + K * (n as f64).sqrt() * 0.15;
    let mut disp = vec![(0.0f64, 0.0f64); n];
    let mut calm = 0;
    for it in 0..iterations {
        if progress.is_cancelled() {
            return Err(Cancelled);
        }
        // The force part is 90% of the work; the label pass the rest.
        progress.set(it * 9, iterations * 10);
        for d in disp.iter_mut() {
            *d = (0.0, 0.0);
        }
        // Repulsion.
        if n <= EXACT_UP_TO {
            for i in 0..n {
                if !bodies[i].movable {
                    continue;
                }
                for j in 0..n {
                    if i == j {
                        continue;
                    }
                    let (dx, dy) = (bodies[i].x - bodies[j].x, bodies[i].y - bodies[j].y);
                    let d2 = (dx * dx + dy * dy).max(1.0);
                    let f = K * K / d2;
                    disp[i].0 += dx * f;
                    disp[i].1 += dy * f;
                }
            }
        } else {
            let tree = Tree::build(&bodies);
            for (i, b) in bodies.iter().enumerate() {
                if b.movable {
                    disp[i] = tree.force(i, b.x, b.y);
                }
            }
        }
        // Attraction along partnerships.
        for &(a, b) in &edges {
            let (dx, dy) = (bodies[a].x - bodies[b].x, bodies[a].y - bodies[b].y);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f = d / K; // d² / K along the unit vector
            if bodies[a].movable {
                disp[a].0 -= dx * f;
                disp[a].1 -= dy * f;
            }
            if bodies[b].movable {
                disp[b].0 += dx * f;
                disp[b].1 += dy * f;
            }
        }
        // Gravity and the move, capped by the temperature.
        let t = start_temperature * (1.0 - it as f64 / iterations as f64) + 1.0;
        let mut largest: f64 = 0.0;
        for (i, b) in bodies.iter_mut().enumerate() {
            if !b.movable {
                continue;
            }
            let (mut dx, mut dy) = disp[i];
            dx -= GRAVITY * (b.x - cx);
            dy -= GRAVITY * (b.y - cy);
            let len = (dx * dx + dy * dy).sqrt();
            if len > 0.0 {
                let step = len.min(t);
                b.x += dx / len * step;
                b.y += dy / len * step;
                largest = largest.max(step);
            }
        }
        // At rest: nothing moves more than half a unit for a few rounds.
        calm = if largest < 0.5 { calm + 1 } else { 0 };
        if calm >= 5 {
            break;
        }
    }
    // Maps are read on wide screens and labels are wide: stretch the result sideways.
    for b in bodies.iter_mut().filter(|b| b.movable) {
        b.x = cx + (b.x - cx) * STRETCH;
    }
    separate_labels(project, &ids, &mut bodies, progress)?;
    Ok(ids
        .iter()
        .zip(&bodies)
        .filter(|(_, b)| b.movable)
        .map(|(id, b)| (*id, drawable(Position::new(b.x, b.y))))
        .collect())
}

/// Pushes apart actors whose label boxes (the actor and its label below it) overlap, using a
/// grid so that only near neighbours are compared.
fn separate_labels(
    project: &Project,
    ids: &[ActorId],
    bodies: &mut [Body],
    progress: &Progress,
) -> Result<(), Cancelled> {
    let boxes: Vec<(f64, f64)> = ids
        .iter()
        .map(|id| {
            let a = &project.actors[id];
            (
                label_width(a),
                2.0 * crate::style::actor_radius(a) + label_height(a) + 8.0,
            )
        })
        .collect();
    let cell = boxes.iter().map(|b| b.0.max(b.1)).fold(60.0, f64::max);
    const PASSES: usize = 30;
    for pass in 0..PASSES {
        if progress.is_cancelled() {
            return Err(Cancelled);
        }
        progress.set(9 * PASSES + pass, 10 * PASSES);
        let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (i, b) in bodies.iter().enumerate() {
            grid.entry(((b.x / cell).floor() as i64, (b.y / cell).floor() as i64))
                .or_default()
                .push(i);
        }
        let mut moved = false;
        for i in 0..bodies.len() {
            let (gx, gy) = (
                (bodies[i].x / cell).floor() as i64,
                (bodies[i].y / cell).floor() as i64,
            );
            for ox in -1..=1 {
                for oy in -1..=1 {
                    let Some(others) = grid.get(&(gx + ox, gy + oy)) else {
                        continue;
                    };
                    for &j in others {
                        if j <= i || !(bodies[i].movable || bodies[j].movable) {
                            continue;
                        }
                        let (dx, dy) = (bodies[j].x - bodies[i].x, bodies[j].y - bodies[i].y);
                        let over_x = (boxes[i].0 + boxes[j].0) / 2.0 - dx.abs();
                        let over_y = (boxes[i].1 + boxes[j].1) / 2.0 - dy.abs();
                        if over_x <= 0.0 || over_y <= 0.0 {
                            continue;
                        }
                        moved = true;
                        // Move along the axis that needs less; the same spot splits by index.
                        let (mx, my) = if over_x < over_y {
                            (if dx >= 0.0 { over_x } else { -over_x }, 0.0)
                        } else {
                            (0.0, if dy >= 0.0 { over_y } else { -over_y })
                        };
                        let share = match (bodies[i].movable, bodies[j].movable) {
                            (true, true) => 0.5,
                            (false, true) => 0.0,
                            _ => 1.0,
                        };
                        bodies[i].x -= mx * share;
                        bodies[i].y -= my * share;
                        bodies[j].x += mx * (1.0 - share);
                        bodies[j].y += my * (1.0 - share);
                    }
                }
            }
        }
        if !moved {
            break;
        }
    }
    Ok(())
}
