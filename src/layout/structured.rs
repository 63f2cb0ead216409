//! Layouts by rule: bands by level, columns by sector, a circle.

use std::collections::{BTreeSet, HashMap};

use super::{Cancelled, Moves, label_height, label_width};
use crate::model::{ActorId, Choice, Level, Position, Project, Sector};
use crate::task::Progress;

/// Space between two labels side by side.
const GAP: f64 = 28.0;
/// Room given to a label beside its neighbours, as a share of its width at 100% zoom: labels
/// are drawn at a fixed size on screen, so a map fitted to the window (zoomed out) needs more.
const WIDE: f64 = 1.5;
/// Height of one row of actors with their labels.
const ROW: f64 = 95.0;
/// Extra space between two bands or two sectors.
const BAND_GAP: f64 = 55.0;

fn neighbours(project: &Project) -> HashMap<ActorId, Vec<ActorId>> {
    let mut n: HashMap<ActorId, Vec<ActorId>> = HashMap::new();
    for p in project.partnerships.values() {
        n.entry(p.a).or_default().push(p.b);
        n.entry(p.b).or_default().push(p.a);
    }
    n
}

/// How many actors go on one row of a band (long bands wrap).
fn per_row(n: usize) -> usize {
    ((n as f64).sqrt() * 1.6).ceil().max(12.0) as usize
}

/// Places `order` in rows of at most `per_row`, centred on x = 0, from `y`; returns the y
/// below the last row.
fn rows(
    project: &Project,
    order: &[ActorId],
    y: f64,
    per: usize,
    x: &mut HashMap<ActorId, f64>,
    out: &mut Moves,
) -> f64 {
    let mut y = y;
    for row in order.chunks(per.max(1)) {
        let widths: Vec<f64> = row
            .iter()
            .map(|id| project.actors.get(id).map_or(60.0, label_width) * WIDE + GAP)
            .collect();
        let total: f64 = widths.iter().sum();
        let mut left = -total / 2.0;
        let tallest = row
            .iter()
            .filter_map(|id| project.actors.get(id))
            .map(label_height)
            .fold(16.0, f64::max);
        for (id, w) in row.iter().zip(widths) {
            let cx = left + w / 2.0;
            x.insert(*id, cx);
            out.push((*id, Position::new(cx, y)));
            left += w;
        }
        y += ROW + tallest - 16.0;
    }
    y
}

/// Bands by level, International at the top; inside each band, actors sit near the mean
/// position of their partners (a few barycentre sweeps down and up reduce crossings).
pub fn by_level(
    project: &Project,
    movable: &BTreeSet<ActorId>,
    progress: &Progress,
) -> Result<Moves, Cancelled> {
    // One band per level, and a last one for actors whose level is not set.
    let mut bands: Vec<Vec<ActorId>> = vec![Vec::new(); Level::ALL.len() + 1];
    for id in movable {
        if let Some(a) = project.actors.get(id) {
            bands[a.level.map_or(Level::ALL.len(), |l| l as usize)].push(*id);
        }
    }
    let per = per_row(movable.len());
    let neighbours = neighbours(project);
    // Where each actor is along the horizontal: start from where it is.
    let mut x: HashMap<ActorId, f64> = project
        .actors
        .values()
        .map(|a| (a.id, a.position.x))
        .collect();
    for band in &mut bands {
        band.sort_by(|a, b| x[a].total_cmp(&x[b]).then(a.cmp(b)));
    }
    const SWEEPS: usize = 6;
    let mut out = Vec::new();
    for sweep in 0..=SWEEPS {
        if progress.is_cancelled() {
            return Err(Cancelled);
        }
        progress.set(sweep, SWEEPS + 1);
        if sweep > 0 {
            let order: Vec<usize> = if sweep % 2 == 1 {
                (0..bands.len()).collect()
            } else {
                (0..bands.len()).rev().collect()
            };
            for b in order {
                let mut keyed: Vec<(f64, ActorId)> = bands[b]
                    .iter()
                    .map(|id| {
                        let ns = neighbours.get(id).map(Vec::as_slice).unwrap_or(&[]);
                        let known: Vec<f64> = ns.iter().filter_map(|n| x.get(n)).copied().collect();
                        let key = if known.is_empty() {
                            x[id]
                        } else {
                            known.iter().sum::<f64>() / known.len() as f64
                        };
                        (key, *id)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                bands[b] = keyed.into_iter().map(|(_, id)| id).collect();
                // Give the band its new horizontal places at once, so the next band sees them.
                let mut scratch = Vec::new();
                rows(project, &bands[b], 0.0, per, &mut x, &mut scratch);
            }
        }
        if sweep == SWEEPS {
            let mut y = 0.0;
            for band in &bands {
                if band.is_empty() {
                    continue;
                }
                y = rows(project, band, y, per, &mut x, &mut out) + BAND_GAP;
            }
        }
    }
    out.sort_by_key(|(id, _)| *id);
    Ok(out)
}

/// A column per sector (in the legend's order), levels from top to bottom inside each; tall
/// columns wrap into several.
pub fn by_sector(
    project: &Project,
    movable: &BTreeSet<ActorId>,
    progress: &Progress,
) -> Result<Moves, Cancelled> {
    let per_column = ((movable.len() as f64).sqrt() * 1.2).ceil().max(8.0) as usize;
    let mut out = Vec::new();
    let mut left = 0.0;
    // One column per sector, and a last one for actors whose sector is not set.
    let sectors: Vec<Option<Sector>> = Sector::ALL
        .iter()
        .copied()
        .map(Some)
        .chain([None])
        .collect();
    for (i, sector) in sectors.iter().enumerate() {
        if progress.is_cancelled() {
            return Err(Cancelled);
        }
        progress.set(i, sectors.len());
        let mut column: Vec<(u8, &str, ActorId)> = movable
            .iter()
            .filter_map(|id| project.actors.get(id))
            .filter(|a| a.sector == *sector)
            .map(|a| (level_rank(a.level), a.name.as_str(), a.id))
            .collect();
        if column.is_empty() {
            continue;
        }
        column.sort();
        for chunk in column.chunks(per_column) {
            let width = chunk
                .iter()
                .filter_map(|(_, _, id)| project.actors.get(id))
                .map(label_width)
                .fold(60.0, f64::max)
                + GAP;
            let mut y = 0.0;
            for (_, _, id) in chunk {
                out.push((*id, Position::new(left + width / 2.0, y)));
                let h = project.actors.get(id).map_or(16.0, label_height);
                y += ROW + h - 16.0;
            }
            left += width;
        }
        left += BAND_GAP;
    }
    let shift = left / 2.0;
    for (_, p) in &mut out {
        p.x -= shift;
    }
    out.sort_by_key(|(id, _)| *id);
    Ok(out)
}

/// The order of a level, International first; not set last.
fn level_rank(level: Option<Level>) -> u8 {
    level.map_or(u8::MAX, |l| l as u8)
}

/// A circle, grouped by sector then level; each actor gets an arc as wide as its label.
pub fn circular(
    project: &Project,
    movable: &BTreeSet<ActorId>,
    progress: &Progress,
) -> Result<Moves, Cancelled> {
    let mut order: Vec<(u8, u8, &str, ActorId, f64, f64)> = movable
        .iter()
        .filter_map(|id| project.actors.get(id))
        .map(|a| {
            let tall = 2.0 * crate::style::actor_radius(a) + label_height(a) + 8.0;
            (
                a.sector.map_or(u8::MAX, |s| s as u8),
                level_rank(a.level),
                a.name.as_str(),
                a.id,
                label_width(a),
                tall,
            )
        })
        .collect();
    order.sort_by(|a, b| (a.0, a.1, a.2, a.3).cmp(&(b.0, b.1, b.2, b.3)));
    if progress.is_cancelled() {
        return Err(Cancelled);
    }
    // On a circle, neighbours' labels sit side by side near the top and bottom and stack at
    // the sides: an arc as long as the diagonal of the actor with its label keeps them apart
    // at every angle (with a margin, since the chord is a little shorter than the arc).
    let arcs: Vec<f64> = order.iter().map(|o| 1.12 * o.4.hypot(o.5) + 8.0).collect();
    let circumference: f64 = arcs.iter().sum();
    let radius = (circumference / std::f64::consts::TAU).max(160.0);
    let mut out = Vec::with_capacity(order.len());
    let mut along = 0.0;
    for (o, arc) in order.iter().zip(&arcs) {
        let angle = (along + arc / 2.0) / radius - std::f64::consts::FRAC_PI_2;
        out.push((
            o.3,
            Position::new(radius * angle.cos(), radius * angle.sin()),
        ));
        along += arc;
    }
    out.sort_by_key(|(id, _)| *id);
    Ok(out)
}
