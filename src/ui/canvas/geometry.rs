//! What the canvas draws, in flat arrays: built once per document revision, then culled to
//! the screen every frame.

use std::collections::HashMap;

use egui::{Color32, Pos2, Rect};

use super::camera::Camera;
use super::state::CanvasState;
use super::{Overlay, actor_pos, color};
use crate::model::{ActorId, PartnershipId, Project};
use crate::style::{self, Shape};

/// Below this zoom, or above this many actors on screen, the canvas draws plain marks.
const SIMPLE_BELOW_ZOOM: f32 = 0.12;
const SIMPLE_ABOVE_ACTORS: usize = 1500;

/// What the canvas draws of one actor, cached against the document revision.
pub(super) struct ActorGeo {
    pub(super) id: ActorId,
    pub(super) pos: Pos2,
    pub(super) radius: f32,
    pub(super) fill: Color32,
    pub(super) shape: Shape,
}

/// What the canvas draws of one partnership, cached against the document revision.
pub(super) struct EdgeGeo {
    pub(super) id: PartnershipId,
    /// Indices of the two ends in `Geometry::actors`.
    pub(super) a: usize,
    pub(super) b: usize,
    /// How far it bows away from the straight line (map units): parallel partnerships
    /// between the same two actors get distinct curves.
    pub(super) bend: f32,
    pub(super) a_is_low: bool,
    pub(super) colour: Color32,
    pub(super) width: f32,
    pub(super) dashed: bool,
    /// Which end holds power (`true`: `a`) and how strongly.
    pub(super) dominant: Option<(bool, u8)>,
}

/// Flat arrays of everything the canvas draws, rebuilt only when the document changes, so
/// that a frame reads no maps and allocates little.
#[derive(Default)]
pub(super) struct Geometry {
    pub(super) revision: Option<u64>,
    pub(super) actors: Vec<ActorGeo>,
    pub(super) index: HashMap<ActorId, usize>,
    pub(super) edges: Vec<EdgeGeo>,
}

impl Geometry {
    /// The geometry of `project` at `revision`.
    pub(super) fn build(project: &Project, revision: u64) -> Self {
        let actors: Vec<ActorGeo> = project
            .actors
            .values()
            .map(|a| ActorGeo {
                id: a.id,
                pos: actor_pos(a),
                radius: style::actor_radius(a) as f32,
                fill: color(style::sector_colour(a.sector)),
                shape: style::sector_shape(a.sector),
            })
            .collect();
        let index: HashMap<ActorId, usize> =
            actors.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
        let bends = style::parallel_bends(project);
        let colour_by = project.settings.colour_by;
        let edges = project
            .partnerships
            .values()
            .filter_map(|p| {
                Some(EdgeGeo {
                    id: p.id,
                    a: *index.get(&p.a)?,
                    b: *index.get(&p.b)?,
                    bend: bends.get(&p.id).copied().unwrap_or(0.0) as f32,
                    a_is_low: p.a < p.b,
                    colour: color(style::partnership_colour_by(p, colour_by)),
                    width: style::form_width(p.form) as f32,
                    dashed: style::is_dashed(p.formality),
                    dominant: style::dominant_end(p).map(|(who, s)| (who == p.a, s)),
                })
            })
            .collect();
        Self {
            revision: Some(revision),
            actors,
            index,
            edges,
        }
    }

    /// Actor `i`'s radius in map units: by influence, or as the overlay sizes it.
    pub(super) fn radius(&self, i: usize, overlay: Overlay<'_>) -> f32 {
        overlay
            .radius
            .and_then(|m| m.get(&self.actors[i].id))
            .map_or(self.actors[i].radius, |r| *r as f32)
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
            let bounds = Rect::from_two_pos(pa, pb).expand(e.bend.abs() * 2.0);
            if !visible.intersects(bounds) {
                continue;
            }
            let (sa, sb) = (camera.to_screen(screen, pa), camera.to_screen(screen, pb));
            let points = if simple {
                vec![sa, sb]
            } else {
                edge_points(sa, sb, e.bend * zoom, e.a_is_low)
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

/// The on-screen polyline of a partnership from `a` to `b` bowing by `bend_pt` points: the
/// same curve as exports draw ([`style::curve_points`]).
fn edge_points(sa: Pos2, sb: Pos2, bend_pt: f32, a_is_low: bool) -> Vec<Pos2> {
    let p = |q: Pos2| (f64::from(q.x), f64::from(q.y));
    style::curve_points(p(sa), p(sb), f64::from(bend_pt), a_is_low, 12)
        .into_iter()
        .map(|(x, y)| Pos2::new(x as f32, y as f32))
        .collect()
}
