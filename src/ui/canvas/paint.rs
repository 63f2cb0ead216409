//! Painting the canvas: partnerships under actors, actors, labels over both, and the marks
//! of gestures in progress, in screen space through the camera.

use std::collections::{BTreeSet, HashSet};

use egui::{Align2, Color32, FontId, Pos2, Rect, Shape as EShape, Stroke, Vec2};

use super::camera::Camera;
use super::geometry::{ActorGeo, Geometry, ShownActor, Visible};
use super::state::Gesture;
use super::{Overlay, actor_pos};
use crate::model::{Actor, ActorId, PartnershipId, Project};
use crate::style::{self, Rgb, Shape};
use crate::ui::view::Item;

/// Label size at zoom 1, in points.
const LABEL_PT: f32 = 14.0;
/// Below this zoom, labels show short names at a readable minimum size instead of full names.
const SHORT_LABELS_BELOW_ZOOM: f32 = 0.75;
/// The smallest label size, in points.
const MIN_LABEL_PT: f32 = 10.0;
/// Below this zoom the map is too dense for labels and shows plain shapes.
pub(super) const NO_LABELS_BELOW_ZOOM: f32 = 0.28;
/// The colour of the ring around cross-sector brokers.
pub const BROKER_RING: Color32 = color(style::BROKER_RING);

/// Converts a style colour to egui's.
pub const fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// The painter of the canvas and the colours and scale it paints with this frame.
pub(super) struct Pen {
    pub(super) painter: egui::Painter,
    /// The canvas's background, also the halo of labels and power dots.
    pub(super) background: Color32,
    /// The colour of selections and gestures.
    pub(super) selection: Color32,
    /// The outline of actor shapes.
    pub(super) outline: Stroke,
    /// The colour of labels.
    pub(super) text: Color32,
    /// The camera's zoom.
    pub(super) zoom: f32,
    /// Whether the view draws plain marks (level of detail).
    pub(super) simple: bool,
}

/// How much the filter and the hovered item dim each actor and partnership.
pub(super) struct Dimming<'a> {
    /// What the filters let through, when they are on.
    pub(super) filtered: Option<&'a (BTreeSet<ActorId>, BTreeSet<PartnershipId>)>,
    /// What the hovered item keeps bright.
    pub(super) highlight: Option<(HashSet<ActorId>, HashSet<PartnershipId>)>,
}

impl Dimming<'_> {
    /// The opacity of an actor.
    pub(super) fn actor(&self, id: ActorId) -> f32 {
        let mut alpha = 1.0;
        if let Some((actors, _)) = self.filtered
            && !actors.contains(&id)
        {
            alpha *= 0.18;
        }
        if let Some((actors, _)) = &self.highlight
            && !actors.contains(&id)
        {
            alpha *= 0.35;
        }
        alpha
    }

    /// The opacity of a partnership.
    pub(super) fn partnership(&self, id: PartnershipId) -> f32 {
        let mut alpha = 1.0;
        if let Some((_, ps)) = self.filtered
            && !ps.contains(&id)
        {
            alpha *= 0.15;
        }
        if let Some((_, ps)) = &self.highlight
            && !ps.contains(&id)
        {
            alpha *= 0.3;
        }
        alpha
    }
}

/// Paints the partnerships on screen, under the actors; plain ones go into `mesh`.
pub(super) fn paint_partnerships(
    pen: &Pen,
    geo: &Geometry,
    visible: &Visible,
    (selection, dim, overlay): (&BTreeSet<Item>, &Dimming<'_>, Overlay<'_>),
    mesh: &mut egui::Mesh,
) {
    let (painter, zoom) = (&pen.painter, pen.zoom);
    for drawn in &visible.edges {
        let e = &geo.edges[drawn.geo];
        let alpha = dim.partnership(e.id);
        let selected = selection.contains(&Item::Partnership(e.id));
        let colour = e.colour.gamma_multiply(alpha);
        if pen.simple && !selected {
            let width = (e.width * zoom).max(1.0);
            add_segment(mesh, drawn.points[0], drawn.points[1], width, colour);
            continue;
        }
        let width = e.width * zoom.clamp(0.5, 3.0);
        if selected {
            painter.add(EShape::line(
                drawn.points.clone(),
                Stroke::new(width + 6.0, pen.selection.gamma_multiply(0.6)),
            ));
        }
        let stroke = Stroke::new(width, colour);
        if e.dashed {
            let dash = (8.0 * zoom).clamp(5.0, 16.0);
            painter.extend(EShape::dashed_line(&drawn.points, stroke, dash, dash * 0.7));
        } else if drawn.points.len() == 2 {
            painter.line_segment([drawn.points[0], drawn.points[1]], stroke);
        } else {
            painter.add(EShape::line(drawn.points.clone(), stroke));
        }
        // The side that holds power gets a dot at its end.
        if let Some((at_a, strength)) = e.dominant {
            let who = if at_a { e.a } else { e.b };
            let points: Vec<Pos2> = if at_a {
                drawn.points.clone()
            } else {
                drawn.points.iter().rev().copied().collect()
            };
            let r = (geo.radius(who, overlay) * zoom).max(2.5);
            let at = point_along(
                &points,
                style::power_dot_distance(f64::from(r), f64::from(width)) as f32,
            );
            let dot = style::power_dot_radius(strength) as f32 * zoom.clamp(0.6, 2.0);
            painter.circle(at, dot, colour, Stroke::new(1.5, pen.background));
        }
    }
}

/// Paints one actor on screen: its broker ring, its selection ring and its shape, or a plain
/// square into `mesh` on a dense view.
pub(super) fn paint_actor(
    pen: &Pen,
    g: &ActorGeo,
    shown: &ShownActor,
    (alpha, selected, ring): (f32, bool, Option<f64>),
    mesh: &mut egui::Mesh,
) {
    let (center, r) = (shown.center, shown.radius);
    let fill = g.fill.gamma_multiply(alpha);
    if let Some(strength) = ring {
        let (gap, width) = style::broker_ring(strength);
        let ring = Stroke::new(width as f32, BROKER_RING.gamma_multiply(alpha));
        pen.painter.circle_stroke(center, r + gap as f32, ring);
    }
    if pen.simple && !selected {
        add_square(mesh, center, r.max(1.5), fill);
    } else {
        if selected {
            pen.painter
                .circle_stroke(center, r + 5.0, Stroke::new(3.0, pen.selection));
        }
        paint_actor_shape(
            &pen.painter,
            g.shape,
            center,
            r,
            fill,
            Stroke::new(pen.outline.width, pen.outline.color.gamma_multiply(alpha)),
        );
    }
}

/// An actor's label to paint: the actor, its centre and radius on screen, its opacity and
/// whether it is selected.
pub(super) type Label<'a> = (&'a Actor, Pos2, f32, f32, bool);

/// Paints the labels under their actors, over everything else, each on a halo of the
/// background; short names when zoomed out, except for the selected and hovered actor.
pub(super) fn paint_labels(pen: &Pen, labels: Vec<Label<'_>>, hovered: Option<Item>) {
    let label_pt = (LABEL_PT * pen.zoom).max(MIN_LABEL_PT).round();
    let font = FontId::proportional(label_pt);
    let halo = pen.background.gamma_multiply(0.8);
    for (actor, center, r, alpha, selected) in labels {
        let hovered_here = hovered == Some(Item::Actor(actor.id));
        let text = if pen.zoom < SHORT_LABELS_BELOW_ZOOM && !selected && !hovered_here {
            actor.short_or_name().to_string()
        } else {
            style::wrap_label(&actor.name, style::LABEL_WRAP_CHARS).join("\n")
        };
        let text_colour = pen.text.gamma_multiply(alpha.max(0.35));
        let galley = pen
            .painter
            .layout(text, font.clone(), text_colour, f32::INFINITY);
        let galley_rect =
            Align2::CENTER_TOP.anchor_size(center + Vec2::new(0.0, r + 3.0), galley.size());
        pen.painter.rect_filled(
            galley_rect.expand(2.0),
            3.0,
            halo.gamma_multiply(alpha.max(0.35)),
        );
        pen.painter.galley(galley_rect.min, galley, text_colour);
    }
}

/// Paints the gesture in progress: the dashed line of a connection being drawn, or the
/// selection box.
pub(super) fn paint_gesture(
    pen: &Pen,
    gesture: &Gesture,
    project: &Project,
    camera: &Camera,
    screen: Rect,
) {
    let (painter, colour) = (&pen.painter, pen.selection);
    match gesture {
        Gesture::Connect { from, pointer } => {
            if let Some(a) = project.actor(*from) {
                let start = camera.to_screen(screen, actor_pos(a));
                painter.add(EShape::dashed_line(
                    &[start, *pointer],
                    Stroke::new(2.5, colour),
                    8.0,
                    5.0,
                ));
                painter.circle_filled(*pointer, 4.0, colour);
            }
        }
        Gesture::Box { start, current, .. } => {
            let rect = Rect::from_two_pos(*start, *current);
            painter.rect_filled(rect, 0.0, colour.gamma_multiply(0.12));
            painter.rect_stroke(
                rect,
                0.0,
                Stroke::new(1.5, colour),
                egui::StrokeKind::Inside,
            );
        }
        _ => {}
    }
}

/// Paints one actor shape at `center` with radius `r` (screen points).
pub fn paint_actor_shape(
    painter: &egui::Painter,
    shape: Shape,
    center: Pos2,
    r: f32,
    fill: Color32,
    outline: Stroke,
) {
    let poly = |points: Vec<Pos2>| EShape::convex_polygon(points, fill, outline);
    let ring = |n: usize, start: f32, radius: f32| -> Vec<Pos2> {
        (0..n)
            .map(|i| {
                let a = start + i as f32 * std::f32::consts::TAU / n as f32;
                center + radius * Vec2::angled(a)
            })
            .collect()
    };
    use std::f32::consts::FRAC_PI_2;
    match shape {
        Shape::Circle => {
            painter.circle(center, r, fill, outline);
        }
        Shape::DoubleCircle => {
            painter.circle(center, r, fill, outline);
            let white = Color32::from_white_alpha(fill.a());
            painter.circle_stroke(center, r * 0.6, Stroke::new((r * 0.12).max(1.0), white));
        }
        Shape::Square => {
            let s = r * 0.88;
            painter.add(poly(vec![
                center + Vec2::new(-s, -s),
                center + Vec2::new(s, -s),
                center + Vec2::new(s, s),
                center + Vec2::new(-s, s),
            ]));
        }
        Shape::Diamond => {
            painter.add(poly(ring(4, -FRAC_PI_2, r * 1.15)));
        }
        Shape::Triangle => {
            let mut pts = ring(3, -FRAC_PI_2, r * 1.25);
            for p in &mut pts {
                p.y += r * 0.2;
            }
            painter.add(poly(pts));
        }
        Shape::Hexagon => {
            painter.add(poly(ring(6, 0.0, r * 1.05)));
        }
    }
}

/// Adds a straight band from `a` to `b` to a mesh (no anti-aliasing: for dense views).
fn add_segment(mesh: &mut egui::Mesh, a: Pos2, b: Pos2, width: f32, colour: Color32) {
    let d = b - a;
    let len = d.length();
    if len < 0.1 {
        return;
    }
    let n = Vec2::new(-d.y, d.x) / len * (width / 2.0);
    let base = mesh.vertices.len() as u32;
    for p in [a + n, a - n, b - n, b + n] {
        mesh.colored_vertex(p, colour);
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base, base + 2, base + 3);
}

/// Adds a filled square around `center` to a mesh.
fn add_square(mesh: &mut egui::Mesh, center: Pos2, half: f32, colour: Color32) {
    mesh.add_colored_rect(
        Rect::from_center_size(center, Vec2::splat(2.0 * half)),
        colour,
    );
}

/// The point `dist` along the polyline from its start ([`style::point_along`]).
fn point_along(points: &[Pos2], dist: f32) -> Pos2 {
    let pts: Vec<(f64, f64)> = points
        .iter()
        .map(|q| (f64::from(q.x), f64::from(q.y)))
        .collect();
    let (x, y) = style::point_along(&pts, f64::from(dist));
    Pos2::new(x as f32, y as f32)
}
