//! Which actor or partnership is under the pointer: actors by their drawn radius, then
//! partnerships by distance to their polyline, only for those whose bounds hold the pointer.

use std::collections::HashSet;

use egui::{Pos2, Rect};

use super::geometry::{DrawnEdge, ShownActor, Visible};
use crate::model::{ActorId, PartnershipId, Project};
use crate::style::marks::PartnershipMark;
use crate::ui::view::Item;

/// How close (screen points) the pointer must be to a line to pick it.
const PICK_LINE_PT: f32 = 6.0;

/// The item under the pointer at `p`: an actor wins over a line near it.
pub(super) fn hovered_item(visible: &Visible, edges: &[PartnershipMark], p: Pos2) -> Option<Item> {
    actor_at(&visible.actors, p, 6.0)
        .map(Item::Actor)
        .or_else(|| pick_edge(&visible.edges, edges, p).map(Item::Partnership))
}

/// The topmost actor on screen within its radius (at least `min_radius` points) of `p`,
/// other than `except`.
pub(super) fn actor_at(actors: &[ShownActor], p: Pos2, min_radius: f32) -> Option<ActorId> {
    actors
        .iter()
        .rev()
        .find(|a| a.center.distance(p) <= a.radius.max(min_radius))
        .map(|a| a.id)
}

/// The partnership closest to `p` within picking distance.
pub(super) fn pick_edge(
    edges: &[DrawnEdge],
    geo: &[PartnershipMark],
    p: Pos2,
) -> Option<PartnershipId> {
    edges
        .iter()
        .filter(|e| {
            let bounds = e
                .points
                .iter()
                .fold(Rect::NOTHING, |r, q| r.union(Rect::from_min_max(*q, *q)));
            bounds.expand(PICK_LINE_PT + 4.0).contains(p)
        })
        .map(|e| (distance_to_polyline(p, &e.points), geo[e.geo].id))
        .filter(|(d, _)| *d <= PICK_LINE_PT + 2.0)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id)
}

fn distance_to_polyline(p: Pos2, points: &[Pos2]) -> f32 {
    points
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let ab = b - a;
            let t = if ab.length_sq() == 0.0 {
                0.0
            } else {
                ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
            };
            (a + ab * t).distance(p)
        })
        .fold(f32::INFINITY, f32::min)
}

/// The actors and partnerships that stay bright while `hovered` is under the pointer: the
/// actor with its partners and partnerships, or the partnership with its two ends.
pub(super) fn neighbourhood(
    project: &Project,
    hovered: Item,
) -> (HashSet<ActorId>, HashSet<PartnershipId>) {
    let mut actors = HashSet::new();
    let mut partnerships = HashSet::new();
    match hovered {
        Item::Actor(id) => {
            actors.insert(id);
            for p in project.partnerships.values() {
                if let Some(other) = p.other(id) {
                    actors.insert(other);
                    partnerships.insert(p.id);
                }
            }
        }
        Item::Partnership(id) => {
            partnerships.insert(id);
            if let Some(p) = project.partnership(id) {
                actors.insert(p.a);
                actors.insert(p.b);
            }
        }
    }
    (actors, partnerships)
}
