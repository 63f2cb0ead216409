//! Layouts by rule: bands by level, columns by sector, a circle.

use std::collections::BTreeSet;

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

/// The partners of each actor, by index in id order: one entry per partnership (parallel
/// ones count again in a barycentre), partners missing from the map left out.
fn partners(project: &Project, ids: &[ActorId]) -> (Vec<u32>, Vec<u32>) {
    let index = |id: ActorId| ids.binary_search(&id).ok().map(|i| i as u32);
    let ends: Vec<(Option<u32>, Option<u32>)> = project
        .partnerships
        .values()
        .map(|p| (index(p.a), index(p.b)))
        .collect();
    let mut offsets = vec![0u32; ids.len() + 1];
    for &(a, b) in &ends {
        if let (Some(a), Some(_)) = (a, b) {
            offsets[a as usize + 1] += 1;
        }
        if let (Some(_), Some(b)) = (a, b) {
            offsets[b as usize + 1] += 1;
        }
    }
    for i in 0..ids.len() {
        offsets[i + 1] += offsets[i];
    }
    let mut fill = offsets.clone();
    let mut list = vec![0u32; offsets[ids.len()] as usize];
    for &(a, b) in &ends {
        if let (Some(a), Some(b)) = (a, b) {
            list[fill[a as usize] as usize] = b;
            fill[a as usize] += 1;
            list[fill[b as usize] as usize] = a;
            fill[b as usize] += 1;
        }
    }
    (offsets, list)
}

/// How many actors go on one row of a band (long bands wrap).
fn per_row(n: usize) -> usize {
    ((n as f64).sqrt() * 1.6).ceil().max(12.0) as usize
}

/// The room each actor takes in a band: its width with the space beside it, and the
/// height of its label; by index.
struct Room {
    width: Vec<f64>,
    height: Vec<f64>,
}

/// Places `order` in rows of at most `per`, centred on x = 0, from `y`, recording each
/// actor's centre in `x` and, when given, its position in `out`; returns the y below the
/// last row.
fn rows(
    room: &Room,
    order: &[u32],
    y: f64,
    per: usize,
    x: &mut [f64],
    mut out: Option<&mut Vec<(u32, Position)>>,
) -> f64 {
    let mut y = y;
    for row in order.chunks(per.max(1)) {
        let total: f64 = row.iter().map(|&i| room.width[i as usize]).sum();
        let mut left = -total / 2.0;
        let tallest = row
            .iter()
            .map(|&i| room.height[i as usize])
            .fold(16.0, f64::max);
        for &i in row {
            let w = room.width[i as usize];
            let cx = left + w / 2.0;
            x[i as usize] = cx;
            if let Some(out) = out.as_deref_mut() {
                out.push((i, Position::new(cx, y)));
            }
            left += w;
        }
        y += ROW + tallest - 16.0;
    }
    y
}

/// Bands by level, International at the top; inside each band, actors sit near the mean
/// position of their partners (a few barycentre sweeps down and up reduce crossings).
///
/// Works on actor indices and flat arrays, so that a million actors take seconds.
pub fn by_level(
    project: &Project,
    movable: &BTreeSet<ActorId>,
    progress: &Progress,
) -> Result<Moves, Cancelled> {
    let ids: Vec<ActorId> = project.actors.keys().copied().collect();
    // One band per level, and a last one for actors whose level is not set.
    let mut bands: Vec<Vec<u32>> = vec![Vec::new(); Level::ALL.len() + 1];
    let mut room = Room {
        width: vec![0.0; ids.len()],
        height: vec![0.0; ids.len()],
    };
    for (i, a) in project.actors.values().enumerate() {
        if movable.contains(&a.id) {
            bands[a.level.map_or(Level::ALL.len(), |l| l as usize)].push(i as u32);
            room.width[i] = label_width(a) * WIDE + GAP;
            room.height[i] = label_height(a);
        }
    }
    let per = per_row(movable.len());
    let (offsets, list) = partners(project, &ids);
    // Where each actor is along the horizontal: start from where it is.
    let mut x: Vec<f64> = project.actors.values().map(|a| a.position.x).collect();
    for band in &mut bands {
        band.sort_by(|&a, &b| x[a as usize].total_cmp(&x[b as usize]).then(a.cmp(&b)));
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
                let mut keyed: Vec<(f64, u32)> = bands[b]
                    .iter()
                    .map(|&i| {
                        let ns =
                            &list[offsets[i as usize] as usize..offsets[i as usize + 1] as usize];
                        let key = if ns.is_empty() {
                            x[i as usize]
                        } else {
                            ns.iter().map(|&j| x[j as usize]).sum::<f64>() / ns.len() as f64
                        };
                        (key, i)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                bands[b] = keyed.into_iter().map(|(_, i)| i).collect();
                // Give the band its new horizontal places at once, so the next band sees them.
                rows(&room, &bands[b], 0.0, per, &mut x, None);
            }
        }
        if sweep == SWEEPS {
            let mut y = 0.0;
            for band in &bands {
                if band.is_empty() {
                    continue;
                }
                y = rows(&room, band, y, per, &mut x, Some(&mut out)) + BAND_GAP;
            }
        }
    }
    out.sort_by_key(|(i, _)| *i);
    Ok(out
        .into_iter()
        .map(|(i, at)| (ids[i as usize], at))
        .collect())
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
