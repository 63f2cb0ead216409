//! What the canvas draws, in flat arrays: built once per document revision, then culled to
//! the screen every frame.

use std::collections::HashMap;

use egui::{Pos2, Rect};

use super::Overlay;
use super::camera::Camera;
use super::state::CanvasState;
use crate::model::{ActorId, Project};
use crate::style::marks::{ActorMark, MapMarks, PartnershipMark};

/// Below this zoom, or above this many actors on screen, the canvas draws plain marks.
const SIMPLE_BELOW_ZOOM: f32 = 0.12;
const SIMPLE_ABOVE_ACTORS: usize = 1500;

/// Everything the canvas draws ([`MapMarks`], shared with the exports), rebuilt only when
/// the document changes, so that a frame reads no maps and allocates little.
#[derive(Default)]
pub(super) struct Geometry {
    pub(super) revision: Option<u64>,
    /// The actors, in id order.
    pub(super) actors: Vec<ActorMark>,
    /// Where each actor is in `actors`.
    pub(super) index: HashMap<ActorId, usize>,
    /// The partnerships, in id order.
    pub(super) edges: Vec<PartnershipMark>,
}

impl Geometry {
    /// The geometry of `project` at `revision`.
    pub(super) fn build(project: &Project, revision: u64) -> Self {
        let marks = MapMarks::build(project);
        Self {
            revision: Some(revision),
            actors: marks.actors,
            index: marks.index,
            edges: marks.partnerships,
        }
    }

    /// Where actor `i` stands on the map.
    pub(super) fn pos(&self, i: usize) -> Pos2 {
        let (x, y) = self.actors[i].centre;
        Pos2::new(x as f32, y as f32)
    }

    /// Actor `i`'s radius in map units: by influence, or as the overlay sizes it.
    pub(super) fn radius(&self, i: usize, overlay: Overlay<'_>) -> f32 {
        overlay
            .radius
            .and_then(|m| m.get(&self.actors[i].id))
            .map_or(self.actors[i].radius as f32, |r| *r as f32)
    }

    /// What of the map is on screen this frame, through `camera`.
    pub(super) fn visible(
        &self,
        canvas: &CanvasState,
        overlay: Overlay<'_>,
        camera: Camera,
        screen: Rect,
    ) -> Visible {
        let zoom = camera.zoom;
        let moving = canvas.moving(self);
        let visible = camera.visible(screen).expand(80.0);
        let mut actors: Vec<ShownActor> = Vec::new();
        for i in 0..self.actors.len() {
            let pos = canvas.drawn_at(self, i, &moving);
            if visible.contains(pos) {
                let r = (self.radius(i, overlay) * zoom).max(2.5);
                actors.push(ShownActor {
                    geo: i,
                    id: self.actors[i].id,
                    center: camera.to_screen(screen, pos),
                    radius: r,
                });
            }
        }
        // Level of detail: a dense or far-away view draws plain marks in one mesh.
        let simple = zoom < SIMPLE_BELOW_ZOOM || actors.len() > SIMPLE_ABOVE_ACTORS;
        let mut edges: Vec<DrawnEdge> = Vec::new();
        for (k, e) in self.edges.iter().enumerate() {
            let (pa, pb) = (
                canvas.drawn_at(self, e.a, &moving),
                canvas.drawn_at(self, e.b, &moving),
            );
            let bend = e.bend as f32;
            let bounds = Rect::from_two_pos(pa, pb).expand(bend.abs() * 2.0);
            if !visible.intersects(bounds) {
                continue;
            }
            let (sa, sb) = (camera.to_screen(screen, pa), camera.to_screen(screen, pb));
            let points = if simple {
                vec![sa, sb]
            } else {
                edge_points(e, sa, sb, bend * zoom)
            };
            edges.push(DrawnEdge { geo: k, points });
        }
        Visible {
            simple,
            actors,
            edges,
        }
    }
}

/// An actor on screen this frame.
#[derive(Clone, Copy)]
pub(super) struct ShownActor {
    /// Its place in `Geometry::actors`.
    pub(super) geo: usize,
    pub(super) id: ActorId,
    /// Its centre on screen.
    pub(super) center: Pos2,
    /// Its radius on screen, in points.
    pub(super) radius: f32,
}

/// A partnership on screen this frame: its place in `Geometry::edges` and its polyline.
pub(super) struct DrawnEdge {
    pub(super) geo: usize,
    pub(super) points: Vec<Pos2>,
}

/// What of the map is on screen this frame.
pub(super) struct Visible {
    /// Whether the view is too dense or far away for more than plain marks.
    pub(super) simple: bool,
    /// The actors on screen, in drawing order.
    pub(super) actors: Vec<ShownActor>,
    /// The partnerships on screen.
    pub(super) edges: Vec<DrawnEdge>,
}

/// The on-screen polyline of a partnership from `sa` to `sb` bowing by `bend_pt` points: the
/// same curve as exports draw ([`PartnershipMark::points`]).
fn edge_points(e: &PartnershipMark, sa: Pos2, sb: Pos2, bend_pt: f32) -> Vec<Pos2> {
    let p = |q: Pos2| (f64::from(q.x), f64::from(q.y));
    e.points(p(sa), p(sb), f64::from(bend_pt))
        .into_iter()
        .map(|(x, y)| Pos2::new(x as f32, y as f32))
        .collect()
}
