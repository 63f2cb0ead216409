//! Painting the canvas: partnerships under actors, actors, labels over both, and the marks
//! of gestures in progress, in screen space through the camera.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use egui::{Color32, FontId, Galley, Pos2, Rect, Shape as EShape, Stroke, Vec2};

use super::camera::Camera;
use super::geometry::{Geometry, ShownActor, Visible};
use super::state::Gesture;
use super::{Overlay, actor_pos};
use crate::model::{Actor, ActorId, PartnershipId, Project};
use crate::style::change;
use crate::style::labels::{self, LabelRequest, LabelRules, LabelText};
use crate::style::marks::{self, ActorMark};
use crate::style::{self, Outline, Rgb, Shape};
use crate::ui::view::Item;

/// The smallest label size, in points.
const MIN_LABEL_PT: f32 = 10.0;
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
    /// The smallest label size, in points: larger in presentation mode, for the back of
    /// the room.
    pub(super) min_label_pt: f32,
}

/// The smallest label size in points: [`MIN_LABEL_PT`], or in presentation mode 2.5 times the
/// window's normal text (`body_pt`), the window being zoomed by `presentation_zoom`.
pub(super) fn min_label_pt(presenting: bool, body_pt: f32, presentation_zoom: f32) -> f32 {
    if presenting {
        (2.5 * body_pt / presentation_zoom).max(MIN_LABEL_PT)
    } else {
        MIN_LABEL_PT
    }
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
    let dash_clip = painter.clip_rect().expand(DASH_CLIP_MARGIN);
    for drawn in &visible.edges {
        let e = &geo.edges[drawn.geo];
        let alpha = dim.partnership(e.id);
        let selected = selection.contains(&Item::Partnership(e.id));
        // Comparing two states, the colour says what changed, and only an ended partnership
        // is dashed.
        let look = overlay
            .change
            .and_then(|c| c.partnerships.get(&e.id))
            .map(change::edge_look);
        let colour = color(look.map_or(e.colour, |l| l.colour)).gamma_multiply(alpha);
        if pen.simple && !selected {
            let width = (e.width as f32 * zoom).max(1.0);
            add_segment(mesh, drawn.points[0], drawn.points[1], width, colour);
            continue;
        }
        let width = e.width as f32 * zoom.clamp(0.5, 3.0);
        if selected {
            painter.add(EShape::line(
                drawn.points.clone(),
                Stroke::new(width + 6.0, pen.selection.gamma_multiply(0.6)),
            ));
        }
        let stroke = Stroke::new(width, colour);
        let pattern = match look {
            Some(l) => l.dashed.then_some(change::DASH),
            None => marks::line_pattern(e.line, f64::from(zoom)),
        };
        if let Some((on, off)) = pattern {
            // Only the part on screen is cut into dashes: a line to an actor far off screen
            // would otherwise make thousands of dashes nobody sees.
            let (on, off) = (on as f32, off as f32);
            if let Some((points, offset)) = clip_for_dashes(&drawn.points, dash_clip, on + off) {
                painter.extend(EShape::dashed_line_with_offset(
                    &points,
                    stroke,
                    &[on],
                    &[off],
                    offset,
                ));
            }
        } else if drawn.points.len() == 2 {
            painter.line_segment([drawn.points[0], drawn.points[1]], stroke);
        } else {
            painter.add(EShape::line(drawn.points.clone(), stroke));
        }
        if let Some(look) = look {
            paint_change_glyphs(pen, &drawn.points, look, alpha);
            continue;
        }
        // The side that holds power gets a dot at its end.
        if let Some((at_a, strength)) = e.power {
            let who = if at_a { e.a } else { e.b };
            let points: Vec<Pos2> = if at_a {
                drawn.points.clone()
            } else {
                drawn.points.iter().rev().copied().collect()
            };
            let r = (geo.radius(who, overlay) * zoom).max(2.5);
            let at = power_dot_at(&points, r, width);
            let dot = style::power_dot_radius(strength) as f32 * zoom.clamp(0.6, 2.0);
            let halo = Stroke::new(marks::OUTLINE_WIDTH as f32, pen.background);
            painter.circle(at, dot, colour, halo);
        }
    }
}

/// Paints a comparison's trust triangle and power arrowhead on a line of `points` (a to b).
fn paint_change_glyphs(pen: &Pen, points: &[Pos2], look: change::EdgeLook, alpha: f32) {
    let pts: Vec<(f64, f64)> = points
        .iter()
        .map(|q| (f64::from(q.x), f64::from(q.y)))
        .collect();
    let scale = f64::from(pen.zoom.clamp(1.0, 2.0));
    // Outlined in the text colour, so that the dark glyphs stand out on a dark map too.
    let halo = Stroke::new(1.0, pen.text.gamma_multiply(alpha));
    let polygon = |corners: [(f64, f64); 3], rgb| {
        let corners = corners
            .iter()
            .map(|(x, y)| Pos2::new(*x as f32, *y as f32))
            .collect();
        pen.painter.add(EShape::convex_polygon(
            corners,
            color(rgb).gamma_multiply(alpha),
            halo,
        ));
    };
    if let Some(up) = look.trust
        && let Some(((x, y), _)) = change::along(&pts, change::TRUST_AT)
    {
        let rgb = if up {
            change::TRUST_ROSE
        } else {
            change::TRUST_FELL
        };
        polygon(change::trust_triangle(x, y, up, scale), rgb);
    }
    if let Some(toward_b) = look.power
        && let Some(((x, y), (dx, dy))) = change::along(&pts, change::POWER_AT)
    {
        let s = if toward_b { 1.0 } else { -1.0 };
        polygon(
            change::arrowhead(x, y, s * dx, s * dy, scale),
            change::POWER,
        );
    }
}

/// Paints the ring of an actor added (solid) or removed (dashed) between two states.
pub(super) fn paint_change_ring(pen: &Pen, shown: &ShownActor, rgb: style::Rgb, dashed: bool) {
    let r = shown.radius + change::RING_GAP as f32;
    let stroke = Stroke::new(change::RING_WIDTH as f32, color(rgb));
    if dashed {
        pen.painter
            .extend(crate::ui::legend::dashed_circle(shown.center, r, stroke));
    } else {
        pen.painter.circle_stroke(shown.center, r, stroke);
    }
}

/// Paints one actor on screen: its broker ring, its selection ring and its shape, or a plain
/// square into `mesh` on a dense view.
pub(super) fn paint_actor(
    pen: &Pen,
    g: &ActorMark,
    shown: &ShownActor,
    (alpha, selected, ring): (f32, bool, Option<f64>),
    mesh: &mut egui::Mesh,
) {
    let (center, r) = (shown.center, shown.radius);
    let fill = color(g.fill).gamma_multiply(alpha);
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

/// An actor to label: the actor, its place in [`Visible::actors`], its opacity and whether
/// its full label must show (selected or hovered).
pub(super) struct Label<'a> {
    pub(super) actor: &'a Actor,
    pub(super) shown: usize,
    pub(super) alpha: f32,
    pub(super) must_show: bool,
}

/// A label painted on the canvas: whose, which text, and where on screen (the text, without
/// its halo).
#[derive(Clone, Debug, PartialEq)]
pub struct ShownLabel {
    /// The actor it names.
    pub id: ActorId,
    /// Its full or short name.
    pub text: LabelText,
    /// Where it is painted.
    pub rect: Rect,
    /// Its size, in points.
    pub pt: f32,
}

/// How far a label's halo reaches past its text, in points.
const HALO: f32 = 2.0;

/// Paints the `labels` over everything, each on a halo of the background, where
/// [`labels::place_labels`] puts them among the actors on screen (the rule the exports
/// follow): the full name, or the short one where it does not fit, or none; short names only
/// when zoomed out, except for the selected and hovered actors. Returns what it painted in
/// `painted`.
pub(super) fn paint_labels(
    pen: &Pen,
    (geo, visible, overlay): (&Geometry, &Visible, Overlay<'_>),
    labels: &[Label<'_>],
    screen: Rect,
    painted: &mut Vec<ShownLabel>,
) {
    painted.clear();
    if labels.is_empty() {
        return;
    }
    let label_pt = (marks::LABEL_SIZE as f32 * pen.zoom)
        .max(pen.min_label_pt)
        .ceil();
    let font = FontId::proportional(label_pt);
    // Lines centred on each other, as the exports draw them.
    let layout = |text: String| {
        let mut job =
            egui::text::LayoutJob::simple(text, font.clone(), Color32::PLACEHOLDER, f32::INFINITY);
        job.halign = egui::Align::Center;
        pen.painter.layout_job(job)
    };
    // Every actor on screen keeps labels off it; those with a label offer its texts.
    let mut requests: Vec<LabelRequest> = visible
        .actors
        .iter()
        .map(|shown| {
            let ring = overlay
                .brokers
                .and_then(|b| b.get(&shown.id))
                .map_or(0.0, |s| {
                    let (gap, width) = style::broker_ring(*s);
                    gap + width / 2.0
                });
            LabelRequest {
                centre: (f64::from(shown.center.x), f64::from(shown.center.y)),
                radius: f64::from(shown.radius) + ring,
                full: None,
                short: None,
                // The radius by influence: the most influential are labelled first.
                priority: geo.actors[shown.geo].radius,
                must_show: false,
            }
        })
        .collect();
    let size = |g: &Arc<Galley>| (f64::from(g.size().x), f64::from(g.size().y));
    let mut galleys = Vec::with_capacity(labels.len());
    for label in labels {
        let actor = label.actor;
        // Right-to-left names in reading order (egui lays runs out left to right).
        let full =
            (f64::from(pen.zoom) >= marks::SHORT_NAMES_BELOW_ZOOM || label.must_show).then(|| {
                let lines = marks::label_lines(&actor.name).join("\n");
                layout(crate::ui::bidi::visual(&lines).into_owned())
            });
        let short = actor.short_or_name();
        let short = (!label.must_show && (full.is_none() || short != actor.name))
            .then(|| layout(crate::ui::bidi::visual(short).into_owned()));
        let request = &mut requests[label.shown];
        request.full = full.as_ref().map(size);
        request.short = short.as_ref().map(size);
        request.must_show = label.must_show;
        galleys.push((full, short));
    }
    let rules = LabelRules {
        view: to_rect(screen),
        gap: marks::LABEL_GAP,
        // Halos may touch, never reach the letters of another label.
        spacing: f64::from(HALO),
    };
    let placed = labels::place_labels(&requests, &rules);
    let halo = pen.background.gamma_multiply(0.8);
    for (label, (full, short)) in labels.iter().zip(galleys) {
        let Some(place) = placed[label.shown] else {
            continue;
        };
        let galley = match place.text {
            LabelText::Full => full,
            LabelText::Short => short,
        };
        let Some(galley) = galley else {
            continue;
        };
        let rect = Rect::from_min_size(
            Pos2::new(place.rect.left as f32, place.rect.top as f32),
            galley.size(),
        );
        let alpha = label.alpha.max(0.35);
        pen.painter
            .rect_filled(rect.expand(HALO), 3.0, halo.gamma_multiply(alpha));
        // A centred galley is laid out around its anchor's x.
        pen.painter.galley(
            Pos2::new(rect.center().x, rect.min.y),
            galley,
            pen.text.gamma_multiply(alpha),
        );
        painted.push(ShownLabel {
            id: label.actor.id,
            text: place.text,
            rect,
            pt: label_pt,
        });
    }
}

/// A screen rectangle as the label rule's.
fn to_rect(r: Rect) -> labels::Rect {
    labels::Rect {
        left: f64::from(r.min.x),
        top: f64::from(r.min.y),
        right: f64::from(r.max.x),
        bottom: f64::from(r.max.y),
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

/// Paints one actor shape at `center` with radius `r` (screen points): the outline of
/// [`style::shape_outline`], which the exports draw too.
pub fn paint_actor_shape(
    painter: &egui::Painter,
    shape: Shape,
    center: Pos2,
    r: f32,
    fill: Color32,
    outline: Stroke,
) {
    let c = (f64::from(center.x), f64::from(center.y));
    match style::shape_outline(shape, c, f64::from(r)) {
        Outline::Circle(radius) => {
            painter.circle(center, radius as f32, fill, outline);
        }
        Outline::Ringed {
            outer,
            inner,
            ring_width,
        } => {
            painter.circle(center, outer as f32, fill, outline);
            let white = Color32::from_white_alpha(fill.a());
            painter.circle_stroke(center, inner as f32, Stroke::new(ring_width as f32, white));
        }
        Outline::Polygon(points) => {
            let points = points
                .into_iter()
                .map(|(x, y)| Pos2::new(x as f32, y as f32))
                .collect();
            painter.add(EShape::convex_polygon(points, fill, outline));
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

/// How far past the canvas dashes are still cut, in points (wider than any line).
const DASH_CLIP_MARGIN: f32 = 24.0;

/// The part of the polyline `points` inside `clip`, and where along it the first dash
/// starts so that the dashes (of `period` = dash + gap) stay where they were on the whole
/// line; `None` when no part is inside.
fn clip_for_dashes(points: &[Pos2], clip: Rect, period: f32) -> Option<(Vec<Pos2>, f32)> {
    if points.iter().all(|p| clip.contains(*p)) {
        return Some((points.to_vec(), 0.0));
    }
    let mut out: Vec<Pos2> = Vec::new();
    let mut start_at: Option<f32> = None;
    let mut along = 0.0;
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let length = (b - a).length();
        if let Some((t0, t1)) = clip_segment(a, b, clip) {
            let (p0, p1) = (a + (b - a) * t0, a + (b - a) * t1);
            if start_at.is_none() {
                start_at = Some(along + length * t0);
                out.push(p0);
            } else if out.last() != Some(&p0) {
                // The line left the view and came back: dash the rest from here as well.
                out.push(p0);
            }
            out.push(p1);
        }
        along += length;
    }
    let start = start_at?;
    if out.len() < 2 || period <= 0.0 {
        return None;
    }
    // The next dash of the whole line starts at the next multiple of the period.
    let offset = (period - start.rem_euclid(period)) % period;
    Some((out, offset))
}

/// The part `t0..t1` (0–1) of the segment `a`–`b` inside `clip` (Liang–Barsky), if any.
fn clip_segment(a: Pos2, b: Pos2, clip: Rect) -> Option<(f32, f32)> {
    let d = b - a;
    let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
    for (p, q) in [
        (-d.x, a.x - clip.left()),
        (d.x, clip.right() - a.x),
        (-d.y, a.y - clip.top()),
        (d.y, clip.bottom() - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 < t1).then_some((t0, t1))
}

/// Adds a filled square around `center` to a mesh.
fn add_square(mesh: &mut egui::Mesh, center: Pos2, half: f32, colour: Color32) {
    mesh.add_colored_rect(
        Rect::from_center_size(center, Vec2::splat(2.0 * half)),
        colour,
    );
}

/// Where the power dot stands on a polyline from the actor holding power, of radius `r`, on
/// a line `width` wide ([`marks::power_dot_at`]).
fn power_dot_at(points: &[Pos2], r: f32, width: f32) -> Pos2 {
    let pts: Vec<(f64, f64)> = points
        .iter()
        .map(|q| (f64::from(q.x), f64::from(q.y)))
        .collect();
    let (x, y) = marks::power_dot_at(&pts, f64::from(r), f64::from(width));
    Pos2::new(x as f32, y as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_are_cut_only_on_screen_and_keep_their_places() {
        let clip = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(100.0, 100.0));
        // Inside: unchanged.
        let inside = [Pos2::new(10.0, 10.0), Pos2::new(90.0, 50.0)];
        assert_eq!(
            clip_for_dashes(&inside, clip, 10.0),
            Some((inside.to_vec(), 0.0))
        );
        // From far off screen: only the part on screen, and the first dash where the whole
        // line's would be (the line is 1,003 long before x = 0; dashes every 10 from its start:
        // the next one at 1,010, 7 into the screen).
        let long = [Pos2::new(-1003.0, 50.0), Pos2::new(50.0, 50.0)];
        let (points, offset) = clip_for_dashes(&long, clip, 10.0).unwrap();
        assert_eq!(points, vec![Pos2::new(0.0, 50.0), Pos2::new(50.0, 50.0)]);
        assert!((offset - 7.0).abs() < 1e-3, "{offset}");
        // Passing by outside: nothing to dash.
        let away = [Pos2::new(-50.0, -10.0), Pos2::new(150.0, -10.0)];
        assert_eq!(clip_for_dashes(&away, clip, 10.0), None);
        // Crossing the whole screen: both ends cut.
        let across = [Pos2::new(-500.0, 20.0), Pos2::new(600.0, 20.0)];
        let (points, _) = clip_for_dashes(&across, clip, 10.0).unwrap();
        assert_eq!(points, vec![Pos2::new(0.0, 20.0), Pos2::new(100.0, 20.0)]);
    }
}
