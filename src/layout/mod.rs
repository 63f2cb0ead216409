//! Automatic layouts (design.md §10): force-directed, bands by governance level, columns by
//! sector, and a circle. Pure functions of the map: they return the new positions of the
//! actors that may move (not pinned; only the chosen ones for "tidy selection") and never
//! touch the map, so the window can run them on a worker thread, show progress, cancel them,
//! animate to the result and apply it as one undo step.
//!
//! All layouts keep labels apart at normal zoom: they space actors by the width of their
//! wrapped label (about 7 canvas units per character, 22 characters a line), and the
//! force-directed layout ends with a pass that pushes overlapping labels apart.

mod force;
mod settle;
mod structured;

use std::collections::BTreeSet;

use crate::model::{Actor, ActorId, Position, Project};
use crate::task::Progress;

pub use force::force_directed;
pub use settle::{free_spot, settle};
pub use structured::{by_level, by_sector, circular};

/// The layouts people can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LayoutKind {
    /// Partners close, everyone else apart (Fruchterman–Reingold, Barnes–Hut beyond 500
    /// actors).
    Force,
    /// One band per level, International at the top to Village at the bottom, each band
    /// ordered to reduce crossings.
    ByLevel,
    /// One column per sector, levels top to bottom inside each.
    BySector,
    /// A circle, grouped by sector.
    Circular,
}

impl LayoutKind {
    /// Every layout, in menu order.
    pub const ALL: [Self; 4] = [Self::Force, Self::ByLevel, Self::BySector, Self::Circular];

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Force => "Force-directed",
            Self::ByLevel => "By level",
            Self::BySector => "By sector",
            Self::Circular => "Circle",
        }
    }

    /// What the layout does, for hover text.
    pub fn hint(self) -> &'static str {
        match self {
            Self::Force => "Partners pulled together, everyone else pushed apart",
            Self::ByLevel => {
                "Bands from International at the top to Village at the bottom, ordered to reduce crossings"
            }
            Self::BySector => "A column per sector, levels from top to bottom",
            Self::Circular => "A circle grouped by sector",
        }
    }
}

/// The farthest from the origin a layout puts an actor, on either axis: positions beyond
/// ±10⁹ cannot be drawn and are refused when a map is read (design.md §11).
pub const FARTHEST: f64 = crate::model::MAX_COORD;

/// `p` as a layout may give it: within ±[`FARTHEST`] on both axes, a coordinate that is not a
/// number at all taken as 0. Layouts start from the positions in a map, which may be
/// extreme; what they give back is always drawable.
pub fn drawable(p: Position) -> Position {
    let clamp = |v: f64| {
        if v.is_nan() {
            0.0
        } else {
            v.clamp(-FARTHEST, FARTHEST)
        }
    };
    Position::new(clamp(p.x), clamp(p.y))
}

/// The layout was cancelled; nothing changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the layout was cancelled")]
pub struct Cancelled;

/// New positions, one per moved actor, in id order.
pub type Moves = Vec<(ActorId, Position)>;

/// Runs `kind` on `project`. Pinned actors never move; with `only`, just those actors move
/// (the others stay where they are and, in the force-directed layout, still pull and push).
pub fn run(
    project: &Project,
    kind: LayoutKind,
    only: Option<&BTreeSet<ActorId>>,
    progress: &Progress,
) -> Result<Moves, Cancelled> {
    let movable: BTreeSet<ActorId> = project
        .actors
        .values()
        .filter(|a| !a.pinned && only.is_none_or(|o| o.contains(&a.id)))
        .map(|a| a.id)
        .collect();
    if movable.is_empty() {
        return Ok(Vec::new());
    }
    let moves = match kind {
        LayoutKind::Force => force_directed(project, &movable, progress)?,
        LayoutKind::ByLevel => by_level(project, &movable, progress)?,
        LayoutKind::BySector => by_sector(project, &movable, progress)?,
        LayoutKind::Circular => circular(project, &movable, progress)?,
    };
    // A structured layout of a few chosen actors is drawn where they were; tidied actors
    // then take the free place nearest to theirs, never over another actor or its label.
    let moves = match (only.is_some(), kind) {
        (false, _) => moves,
        (true, LayoutKind::Force) => settle(project, moves),
        (true, _) => settle(project, recentre(project, moves)),
    };
    progress.set(1, 1);
    Ok(moves
        .into_iter()
        .map(|(id, to)| (id, drawable(to)))
        .collect())
}

/// Shifts `moves` so that their centre is where the moved actors' centre was.
fn recentre(project: &Project, moves: Moves) -> Moves {
    let n = moves.len().max(1) as f64;
    let (mut ox, mut oy, mut nx, mut ny) = (0.0, 0.0, 0.0, 0.0);
    for (id, to) in &moves {
        if let Some(a) = project.actors.get(id) {
            ox += a.position.x;
            oy += a.position.y;
        }
        nx += to.x;
        ny += to.y;
    }
    let (dx, dy) = ((ox - nx) / n, (oy - ny) / n);
    moves
        .into_iter()
        .map(|(id, p)| (id, Position::new(p.x + dx, p.y + dy)))
        .collect()
}

/// Roughly how wide an actor's label is on the canvas at 100% zoom (wrapped at 22
/// characters), in canvas units.
pub fn label_width(a: &Actor) -> f64 {
    let chars = a.name.chars().count().min(crate::style::LABEL_WRAP_CHARS);
    (chars as f64 * 7.0).max(40.0) + 16.0
}

/// Roughly how tall an actor's label is, lines of about 16 units.
pub fn label_height(a: &Actor) -> f64 {
    let chars = a.name.chars().count();
    let lines = chars.div_ceil(crate::style::LABEL_WRAP_CHARS).clamp(1, 3);
    lines as f64 * 16.0
}
