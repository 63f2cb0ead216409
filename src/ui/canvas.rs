//! The canvas: draws the map and turns pointer gestures into intents.
//!
//! Gestures (design.md §6): double-click empty space to add an actor; drag an actor to move it
//! (one undo step per drag); drag from an actor's rim, with Shift, or in Connect mode onto
//! another actor to connect them; click to select, Ctrl/Shift-click to add; Shift-drag on
//! empty space to box-select; drag empty space to pan; wheel to pan; Ctrl+wheel or pinch to
//! zoom around the pointer; Esc cancels.

use std::collections::{BTreeSet, HashMap, HashSet};

use egui::{
    Align2, Color32, FontId, Key, Pos2, Rect, Response, Sense, Shape as EShape, Stroke, Ui, Vec2,
};

use super::camera::Camera;
use super::intent::{Edit, Intent, count};
use super::view::{Item, SelectMode, ViewState};
use crate::edit::Command;
use crate::model::{Actor, ActorId, Level, Partnership, PartnershipId, Position, Project, Sector};
use crate::style::{self, Rgb, Shape};

/// A gesture in progress on the canvas.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Gesture {
    /// Nothing is being dragged.
    #[default]
    Idle,
    /// Actors are being dragged; `delta` is how far, in map units.
    Move {
        /// The actors that move.
        actors: Vec<ActorId>,
        /// How far they have moved so far.
        delta: Vec2,
    },
    /// A partnership is being drawn from `from` to the pointer.
    Connect {
        /// The actor the line starts at.
        from: ActorId,
        /// Where the pointer is, on screen.
        pointer: Pos2,
    },
    /// A selection box is being drawn.
    Box {
        /// Where it started, on screen.
        start: Pos2,
        /// Where the pointer is, on screen.
        current: Pos2,
        /// Whether the boxed actors are added to the selection.
        additive: bool,
    },
}

/// The text field that appears where an actor is being added.
#[derive(Clone, Debug, PartialEq)]
pub struct NewActorPrompt {
    /// Where the actor will stand, in map units.
    pub at: Pos2,
    /// The name typed so far.
    pub name: String,
    /// Whether the field still has to take the keyboard.
    pub focus: bool,
}

/// What the canvas draws of one actor, cached against the document revision.
struct ActorGeo {
    id: ActorId,
    pos: Pos2,
    radius: f32,
    fill: Color32,
    shape: Shape,
}

/// What the canvas draws of one partnership, cached against the document revision.
struct EdgeGeo {
    id: PartnershipId,
    /// Indices of the two ends in `Geometry::actors`.
    a: usize,
    b: usize,
    /// How far it bows away from the straight line (map units): parallel partnerships
    /// between the same two actors get distinct curves.
    bend: f32,
    a_is_low: bool,
    colour: Color32,
    width: f32,
    dashed: bool,
    /// Which end holds power (`true`: `a`) and how strongly.
    dominant: Option<(bool, u8)>,
}

/// Flat arrays of everything the canvas draws, rebuilt only when the document changes, so
/// that a frame reads no maps and allocates little.
#[derive(Default)]
struct Geometry {
    revision: Option<u64>,
    actors: Vec<ActorGeo>,
    index: HashMap<ActorId, usize>,
    edges: Vec<EdgeGeo>,
}

impl Geometry {
    fn build(project: &Project, revision: u64) -> Self {
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

/// What the canvas remembers between frames.
#[derive(Default)]
pub struct CanvasState {
    /// The camera; `None` fits the whole map on the next frame.
    pub camera: Option<Camera>,
    /// The drag in progress.
    pub gesture: Gesture,
    /// The name field of an actor being added.
    pub new_actor: Option<NewActorPrompt>,
    /// Whether every drag from an actor draws a partnership.
    pub connect_mode: bool,
    /// The sector and level given to new actors: those of the last actor added.
    pub new_actor_defaults: Option<(Sector, Level)>,
    /// The screen rectangle of the canvas in the last frame.
    pub screen: Option<Rect>,
    /// Set when an actor drag ended this frame, to commit it once all actors are drawn.
    drag_stopped: bool,
    /// Whether the camera was fitted by the program and the user has not moved it since.
    pub auto_fit: bool,
    /// The actor a drag started on, whose widget must live until the drag ends.
    drag_source: Option<ActorId>,
    /// Where to draw actors instead of their positions while a layout glides into place;
    /// the document does not change until the layout lands (as one command).
    pub preview: HashMap<ActorId, Pos2>,
    geometry: Geometry,
}

impl CanvasState {
    /// Fits the whole map in view on the next frame.
    pub fn fit_on_next_frame(&mut self) {
        self.camera = None;
    }

    /// Cancels the gesture or the new-actor field; returns whether there was one.
    pub fn cancel(&mut self) -> bool {
        let busy = self.gesture != Gesture::Idle || self.new_actor.is_some();
        self.gesture = Gesture::Idle;
        self.new_actor = None;
        busy
    }

    /// Centres the view on a map point, keeping the zoom.
    pub fn center_on(&mut self, at: Pos2) {
        self.auto_fit = false;
        if let Some(cam) = &mut self.camera {
            cam.center = at;
        } else {
            self.camera = Some(Camera {
                center: at,
                zoom: 1.0,
            });
        }
    }
}

/// Converts a style colour to egui's.
pub const fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// The map position of an actor.
pub fn actor_pos(a: &Actor) -> Pos2 {
    Pos2::new(a.position.x as f32, a.position.y as f32)
}

/// The bounding box of all actors, grown by their radius, or `None` for an empty map.
pub fn map_bounds(project: &Project) -> Option<Rect> {
    let mut bounds = Rect::NOTHING;
    for a in project.actors.values() {
        let r = style::actor_radius(a) as f32;
        let p = actor_pos(a);
        if p.is_finite() {
            bounds = bounds.union(Rect::from_center_size(p, Vec2::splat(2.0 * r)));
        }
    }
    (bounds.is_finite() && !bounds.is_negative()).then_some(bounds.expand(40.0))
}

/// Label size at zoom 1, in points.
const LABEL_PT: f32 = 14.0;
/// Below this zoom, labels show short names at a readable minimum size instead of full names.
const SHORT_LABELS_BELOW_ZOOM: f32 = 0.75;
/// The smallest label size, in points.
const MIN_LABEL_PT: f32 = 10.0;
/// Below this zoom the map is too dense for labels and shows plain shapes.
const NO_LABELS_BELOW_ZOOM: f32 = 0.28;
/// How close (screen points) the pointer must be to a line to pick it.
const PICK_LINE_PT: f32 = 6.0;
/// The share of an actor's radius, from the centre, where dragging moves it; beyond is its
/// rim, where dragging connects.
const RIM_FROM: f32 = 0.65;
/// The colour of the ring around cross-sector brokers.
pub const BROKER_RING: Color32 = color(style::BROKER_RING);
/// Below this zoom, or above this many actors on screen, the canvas draws plain marks.
const SIMPLE_BELOW_ZOOM: f32 = 0.12;
const SIMPLE_ABOVE_ACTORS: usize = 1500;
/// Up to this many actors on screen, every one has its own widget (named for screen readers).
const WIDGETS_UP_TO: usize = 800;

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

/// The on-screen polyline of a partnership from `a` to `b` bowing by `bend_pt` points: the
/// same curve as exports draw ([`style::curve_points`]).
fn edge_points(sa: Pos2, sb: Pos2, bend_pt: f32, a_is_low: bool) -> Vec<Pos2> {
    let p = |q: Pos2| (f64::from(q.x), f64::from(q.y));
    style::curve_points(p(sa), p(sb), f64::from(bend_pt), a_is_low, 12)
        .into_iter()
        .map(|(x, y)| Pos2::new(x as f32, y as f32))
        .collect()
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

/// The point `dist` along the polyline from its start ([`style::point_along`]).
fn point_along(points: &[Pos2], dist: f32) -> Pos2 {
    let pts: Vec<(f64, f64)> = points
        .iter()
        .map(|q| (f64::from(q.x), f64::from(q.y)))
        .collect();
    let (x, y) = style::point_along(&pts, f64::from(dist));
    Pos2::new(x as f32, y as f32)
}

/// A partnership on screen this frame: its place in `Geometry::edges` and its polyline.
struct DrawnEdge {
    geo: usize,
    points: Vec<Pos2>,
}

/// Overlays from the indicators: another size for actors, rings for brokers.
#[derive(Clone, Copy, Debug, Default)]
pub struct Overlay<'a> {
    /// Radius (map units) per actor, replacing the size by influence
    /// ([`style::indicator_radii`]).
    pub radius: Option<&'a HashMap<ActorId, f64>>,
    /// Cross-sector brokers and the strength of their ring, 0–1
    /// ([`style::broker_strengths`]).
    pub brokers: Option<&'a HashMap<ActorId, f64>>,
}

/// Draws the map, handles gestures, and returns the background response. Document changes
/// are pushed to `intents`; view changes go straight to `view`.
pub fn canvas_ui(
    ui: &mut Ui,
    project: &Project,
    revision: u64,
    view: &mut ViewState,
    visible_items: Option<&(BTreeSet<ActorId>, BTreeSet<PartnershipId>)>,
    overlay: Overlay<'_>,
    intents: &mut Vec<Intent>,
) -> Response {
    let screen = ui.available_rect_before_wrap();
    let background = ui.allocate_rect(screen, Sense::click_and_drag());
    background.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Map canvas"));
    let canvas = &mut view.canvas;
    // A view fitted by the program stays fitted when the canvas changes size (a resized
    // window, presentation mode), until the user pans or zooms.
    if canvas.auto_fit && canvas.screen.is_some_and(|s| s != screen) {
        canvas.camera = None;
    }
    canvas.screen = Some(screen);
    if canvas.geometry.revision != Some(revision) {
        canvas.geometry = Geometry::build(project, revision);
    }
    if canvas.camera.is_none() {
        canvas.auto_fit = true;
    }
    let camera = canvas.camera.get_or_insert_with(|| {
        map_bounds(project).map_or_else(Camera::default, |b| Camera::fit(screen, b))
    });
    let camera_before = *camera;

    // Wheel or two-finger scroll pans; Ctrl+wheel or a pinch zooms around the pointer.
    if ui.rect_contains_pointer(screen) {
        let (scroll, zoom, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        if scroll != Vec2::ZERO {
            camera.pan(scroll);
        }
        if zoom != 1.0
            && let Some(p) = pointer
        {
            camera.zoom_around(screen, p, zoom);
        }
    }
    // A drag on empty space pans, unless Shift makes it a selection box.
    let shift_held = ui.input(|i| i.modifiers.shift);
    if background.dragged() && matches!(canvas.gesture, Gesture::Idle) && !shift_held {
        camera.pan(background.drag_delta());
    }
    let camera = *camera;
    if camera != camera_before {
        canvas.auto_fit = false;
    }
    let zoom = camera.zoom;

    // The geometry is taken out of the view state for the frame, so that gestures can change
    // the rest of it, and put back after drawing.
    let geometry = std::mem::take(&mut canvas.geometry);
    let geo = &geometry;
    let moving: Vec<bool> = match &canvas.gesture {
        Gesture::Move { actors, .. } => {
            let mut flags = vec![false; geo.actors.len()];
            for id in actors {
                if let Some(i) = geo.index.get(id) {
                    flags[*i] = true;
                }
            }
            flags
        }
        _ => Vec::new(),
    };
    let move_delta = match &canvas.gesture {
        Gesture::Move { delta, .. } => *delta,
        _ => Vec2::ZERO,
    };
    let preview = &canvas.preview;
    let pos_at = |i: usize| -> Pos2 {
        let p = if preview.is_empty() {
            geo.actors[i].pos
        } else {
            preview
                .get(&geo.actors[i].id)
                .copied()
                .unwrap_or(geo.actors[i].pos)
        };
        if moving.get(i).copied().unwrap_or(false) {
            p + move_delta
        } else {
            p
        }
    };

    let painter = ui.painter_at(screen);
    let visuals = ui.visuals().clone();
    let background_colour = visuals.extreme_bg_color;
    painter.rect_filled(screen, 0.0, background_colour);
    let visible = camera.visible(screen).expand(80.0);
    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| screen.contains(*p));

    // An actor's radius in map units: by influence, or as the overlay sizes it.
    let base_radius = |i: usize| {
        overlay
            .radius
            .and_then(|m| m.get(&geo.actors[i].id))
            .map_or(geo.actors[i].radius, |r| *r as f32)
    };
    // Which actors are on screen: index, screen place and radius.
    let mut shown: Vec<(usize, Pos2, f32)> = Vec::new();
    for i in 0..geo.actors.len() {
        let pos = pos_at(i);
        if visible.contains(pos) {
            let r = (base_radius(i) * zoom).max(2.5);
            shown.push((i, camera.to_screen(screen, pos), r));
        }
    }
    // Level of detail: a dense or far-away view draws plain marks in one mesh.
    let simple = zoom < SIMPLE_BELOW_ZOOM || shown.len() > SIMPLE_ABOVE_ACTORS;
    let on_screen: Vec<(ActorId, Pos2, f32)> = shown
        .iter()
        .map(|(i, c, r)| (geo.actors[*i].id, *c, *r))
        .collect();

    // Partnership geometry for those on screen.
    let mut edges: Vec<DrawnEdge> = Vec::new();
    for (k, e) in geo.edges.iter().enumerate() {
        let (pa, pb) = (pos_at(e.a), pos_at(e.b));
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

    // Hover: an actor under the pointer wins over a line near it.
    let mut hovered: Option<Item> = None;
    if let Some(ptr) = pointer
        && matches!(canvas.gesture, Gesture::Idle)
    {
        hovered = on_screen
            .iter()
            .rev()
            .find(|(_, c, r)| c.distance(ptr) <= r.max(6.0))
            .map(|(id, _, _)| Item::Actor(*id));
        if hovered.is_none() {
            hovered = pick_edge(&edges, &geo.edges, ptr).map(Item::Partnership);
        }
    }
    if hovered.is_some() || pointer.is_some() {
        view.hovered = hovered;
    }
    let highlight: Option<(HashSet<ActorId>, HashSet<PartnershipId>)> = view.hovered.map(|h| {
        let mut actors = HashSet::new();
        let mut partnerships = HashSet::new();
        match h {
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
    });
    let actor_alpha = |id: ActorId| -> f32 {
        let mut alpha = 1.0;
        if let Some((actors, _)) = visible_items
            && !actors.contains(&id)
        {
            alpha *= 0.18;
        }
        if let Some((actors, _)) = &highlight
            && !actors.contains(&id)
        {
            alpha *= 0.35;
        }
        alpha
    };
    let edge_alpha = |id: PartnershipId| -> f32 {
        let mut alpha = 1.0;
        if let Some((_, ps)) = visible_items
            && !ps.contains(&id)
        {
            alpha *= 0.15;
        }
        if let Some((_, ps)) = &highlight
            && !ps.contains(&id)
        {
            alpha *= 0.3;
        }
        alpha
    };

    // Partnerships, under the actors.
    let selection_colour = visuals.selection.stroke.color;
    let mut mesh = egui::Mesh::default();
    for drawn in &edges {
        let e = &geo.edges[drawn.geo];
        let alpha = edge_alpha(e.id);
        let selected = view.selection.contains(&Item::Partnership(e.id));
        let colour = e.colour.gamma_multiply(alpha);
        if simple && !selected {
            let width = (e.width * zoom).max(1.0);
            add_segment(&mut mesh, drawn.points[0], drawn.points[1], width, colour);
            continue;
        }
        let width = e.width * zoom.clamp(0.5, 3.0);
        if selected {
            painter.add(EShape::line(
                drawn.points.clone(),
                Stroke::new(width + 6.0, selection_colour.gamma_multiply(0.6)),
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
            let r = (base_radius(who) * zoom).max(2.5);
            let at = point_along(
                &points,
                style::power_dot_distance(f64::from(r), f64::from(width)) as f32,
            );
            let dot = style::power_dot_radius(strength) as f32 * zoom.clamp(0.6, 2.0);
            painter.circle(at, dot, colour, Stroke::new(1.5, background_colour));
        }
    }
    painter.add(std::mem::take(&mut mesh));

    // Actors. Each has a widget named for screen readers and tests when the view holds a
    // workable number of them; on dense views only the ones that can be acted on do.
    let outline = Stroke::new(1.5, visuals.strong_text_color().gamma_multiply(0.6));
    let label_pt = (LABEL_PT * zoom).max(MIN_LABEL_PT).round();
    let font = FontId::proportional(label_pt);
    let halo = background_colour.gamma_multiply(0.8);
    let modifiers = ui.input(|i| i.modifiers);
    let all_widgets = on_screen.len() <= WIDGETS_UP_TO;
    let drag_source = canvas.drag_source;
    let mut labels = Vec::new();
    for (i, center, r) in &shown {
        let (g, center, r) = (&geo.actors[*i], *center, *r);
        let alpha = actor_alpha(g.id);
        let selected = view.selection.contains(&Item::Actor(g.id));
        let fill = g.fill.gamma_multiply(alpha);
        if let Some(strength) = overlay.brokers.and_then(|b| b.get(&g.id)) {
            let (gap, width) = style::broker_ring(*strength);
            let ring = Stroke::new(width as f32, BROKER_RING.gamma_multiply(alpha));
            painter.circle_stroke(center, r + gap as f32, ring);
        }
        if simple && !selected {
            add_square(&mut mesh, center, r.max(1.5), fill);
        } else {
            if selected {
                painter.circle_stroke(center, r + 5.0, Stroke::new(3.0, selection_colour));
            }
            paint_actor_shape(
                &painter,
                g.shape,
                center,
                r,
                fill,
                Stroke::new(outline.width, outline.color.gamma_multiply(alpha)),
            );
        }
        let acted_on =
            selected || view.hovered == Some(Item::Actor(g.id)) || drag_source == Some(g.id);
        if (all_widgets || acted_on)
            && let Some(actor) = project.actor(g.id)
        {
            let hit = Rect::from_center_size(center, Vec2::splat(2.0 * r.max(6.0)));
            let response = ui.interact(
                hit,
                ui.scope_id().with(("actor", actor.id.0)),
                Sense::click_and_drag(),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::GraphicsObject, true, &actor.name)
            });
            actor_gestures(
                &response,
                actor,
                (center, r),
                modifiers,
                &mut view.selection,
                &mut view.canvas,
                zoom,
            );
            if (!simple && zoom >= NO_LABELS_BELOW_ZOOM) || selected {
                labels.push((actor, center, r, alpha, selected));
            }
        }
    }
    painter.add(mesh);
    let canvas = &mut view.canvas;
    for (actor, center, r, alpha, selected) in labels {
        let hovered_here = view.hovered == Some(Item::Actor(actor.id));
        let text = if zoom < SHORT_LABELS_BELOW_ZOOM && !selected && !hovered_here {
            actor.short_or_name().to_string()
        } else {
            style::wrap_label(&actor.name, style::LABEL_WRAP_CHARS).join("\n")
        };
        let text_colour = visuals.text_color().gamma_multiply(alpha.max(0.35));
        let galley = painter.layout(text, font.clone(), text_colour, f32::INFINITY);
        let galley_rect =
            Align2::CENTER_TOP.anchor_size(center + Vec2::new(0.0, r + 3.0), galley.size());
        painter.rect_filled(
            galley_rect.expand(2.0),
            3.0,
            halo.gamma_multiply(alpha.max(0.35)),
        );
        painter.galley(galley_rect.min, galley, text_colour);
    }
    canvas.geometry = geometry;

    // Finish gestures started on actors.
    finish_actor_gestures(ui, project, canvas, &on_screen, screen, &camera, intents);

    // The background: click picks a line or clears; double-click adds an actor; Shift-drag
    // draws a selection box; a plain drag pans (handled above).
    if background.drag_started()
        && modifiers.shift
        && let Some(start) = ui.input(|i| i.pointer.press_origin())
    {
        canvas.gesture = Gesture::Box {
            start,
            current: start,
            additive: modifiers.command,
        };
    }
    if let Gesture::Box { current, .. } = &mut canvas.gesture
        && let Some(p) = ui.input(|i| i.pointer.latest_pos())
    {
        *current = p;
    }
    if background.drag_stopped()
        && let Gesture::Box {
            start,
            current,
            additive,
        } = canvas.gesture.clone()
    {
        let rect = Rect::from_two_pos(start, current);
        let inside: Vec<Item> = on_screen
            .iter()
            .filter(|(_, c, _)| rect.contains(*c))
            .map(|(id, _, _)| Item::Actor(*id))
            .collect();
        let mode = if additive {
            SelectMode::Add
        } else {
            SelectMode::Replace
        };
        view.select(inside, mode);
        view.canvas.gesture = Gesture::Idle;
    }
    let canvas = &mut view.canvas;
    if background.double_clicked()
        && let Some(p) = background.interact_pointer_pos()
    {
        canvas.new_actor = Some(NewActorPrompt {
            at: camera.to_map(screen, p),
            name: String::new(),
            focus: true,
        });
    } else if background.clicked()
        && let Some(p) = background.interact_pointer_pos()
    {
        let additive = modifiers.command || modifiers.shift;
        match pick_edge(&edges, &view.canvas.geometry.edges, p) {
            Some(id) => {
                let mode = if additive {
                    SelectMode::Toggle
                } else {
                    SelectMode::Replace
                };
                view.select([Item::Partnership(id)], mode);
            }
            None if !additive => view.selection.clear(),
            None => {}
        }
    }

    // Overlays of gestures in progress.
    let canvas = &mut view.canvas;
    match &canvas.gesture {
        Gesture::Connect { from, pointer } => {
            if let Some(a) = project.actor(*from) {
                let start = camera.to_screen(screen, actor_pos(a));
                painter.add(EShape::dashed_line(
                    &[start, *pointer],
                    Stroke::new(2.5, selection_colour),
                    8.0,
                    5.0,
                ));
                painter.circle_filled(*pointer, 4.0, selection_colour);
            }
        }
        Gesture::Box { start, current, .. } => {
            let rect = Rect::from_two_pos(*start, *current);
            painter.rect_filled(rect, 0.0, selection_colour.gamma_multiply(0.12));
            painter.rect_stroke(
                rect,
                0.0,
                Stroke::new(1.5, selection_colour),
                egui::StrokeKind::Inside,
            );
        }
        _ => {}
    }

    new_actor_prompt_ui(ui, project, canvas, screen, &camera, intents);
    background
}

/// The partnership closest to `p` within picking distance.
fn pick_edge(edges: &[DrawnEdge], geo: &[EdgeGeo], p: Pos2) -> Option<PartnershipId> {
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

/// Starts and updates gestures on one actor: click to select, drag to move, drag from the
/// rim (or with Shift, or in Connect mode) to connect.
fn actor_gestures(
    response: &Response,
    actor: &Actor,
    (center, r): (Pos2, f32),
    modifiers: egui::Modifiers,
    selection: &mut BTreeSet<Item>,
    canvas: &mut CanvasState,
    zoom: f32,
) {
    let item = Item::Actor(actor.id);
    if response.clicked() {
        if modifiers.command || modifiers.shift {
            if !selection.remove(&item) {
                selection.insert(item);
            }
        } else {
            selection.clear();
            selection.insert(item);
        }
    }
    if response.drag_started() {
        canvas.drag_source = Some(actor.id);
        let origin = response
            .ctx
            .input(|i| i.pointer.press_origin())
            .unwrap_or(center);
        let on_rim = origin.distance(center) > r * RIM_FROM && r >= 8.0;
        if canvas.connect_mode || modifiers.shift || on_rim {
            canvas.gesture = Gesture::Connect {
                from: actor.id,
                pointer: origin,
            };
        } else {
            if !selection.contains(&item) {
                selection.clear();
                selection.insert(item);
            }
            let actors = selection
                .iter()
                .filter_map(|i| match i {
                    Item::Actor(id) => Some(*id),
                    Item::Partnership(_) => None,
                })
                .collect();
            canvas.gesture = Gesture::Move {
                actors,
                delta: Vec2::ZERO,
            };
        }
    }
    if response.dragged() {
        match &mut canvas.gesture {
            Gesture::Move { delta, .. } => *delta += response.drag_delta() / zoom,
            Gesture::Connect { pointer, from } if *from == actor.id => {
                if let Some(p) = response.ctx.input(|i| i.pointer.latest_pos()) {
                    *pointer = p;
                }
            }
            _ => {}
        }
    }
    if response.drag_stopped() {
        // Finished after all actors were drawn, in `finish_actor_gestures`.
        canvas.drag_stopped = true;
    }
}

/// Commits a move or a connection when its drag ends, and cancels gestures on Esc.
fn finish_actor_gestures(
    ui: &Ui,
    project: &Project,
    canvas: &mut CanvasState,
    on_screen: &[(ActorId, Pos2, f32)],
    screen: Rect,
    camera: &Camera,
    intents: &mut Vec<Intent>,
) {
    let stopped = std::mem::take(&mut canvas.drag_stopped);
    if stopped {
        canvas.drag_source = None;
    }
    if ui.input(|i| i.key_pressed(Key::Escape)) && canvas.gesture != Gesture::Idle {
        canvas.gesture = Gesture::Idle;
        return;
    }
    if !stopped {
        return;
    }
    match std::mem::take(&mut canvas.gesture) {
        Gesture::Move { actors, delta } if delta.length() > 0.0 => {
            let moves: Vec<(ActorId, Position)> = actors
                .iter()
                .filter_map(|id| project.actor(*id))
                .map(|a| {
                    let to = actor_pos(a) + delta;
                    (
                        a.id,
                        Position::new(f64::from(to.x).round(), f64::from(to.y).round()),
                    )
                })
                .collect();
            let label = format!("Move {}", count(moves.len(), "actor", "actors"));
            intents.push(Intent::Edit(Edit::new(label, Command::MoveActors(moves))));
        }
        Gesture::Connect { from, pointer } => {
            let target = on_screen
                .iter()
                .rev()
                .find(|(id, c, r)| *id != from && c.distance(pointer) <= r.max(10.0))
                .map(|(id, _, _)| *id)
                .or_else(|| {
                    // The pointer may be just outside a small actor.
                    let at = camera.to_map(screen, pointer);
                    project
                        .actors
                        .values()
                        .filter(|a| a.id != from)
                        .map(|a| (actor_pos(a).distance(at), a.id))
                        .filter(|(d, _)| *d < 30.0)
                        .min_by(|x, y| x.0.total_cmp(&y.0))
                        .map(|(_, id)| id)
                });
            if let Some(to) = target {
                intents.push(connect_edit(project, from, to));
            }
        }
        _ => {}
    }
}

/// The edit that connects two actors with a new partnership and selects it.
pub fn connect_edit(project: &Project, from: ActorId, to: ActorId) -> Intent {
    let id = project.next_partnership_id();
    let name = |id: ActorId| {
        project
            .actor(id)
            .map_or_else(|| id.to_string(), |a| a.short_or_name().to_string())
    };
    let label = format!("Connect {} and {}", name(from), name(to));
    let p = Partnership::new(id, from, to);
    Intent::Edit(
        Edit::new(label, Command::add(project, vec![], vec![p]))
            .selecting(vec![Item::Partnership(id)]),
    )
}

/// The edit that adds an actor named `name` at `at`, and selects it.
pub fn add_actor_edit(
    project: &Project,
    name: &str,
    at: Pos2,
    defaults: (Sector, Level),
) -> Intent {
    let id = project.next_actor_id();
    let mut actor = Actor::new(id, name.trim(), defaults.0, defaults.1);
    actor.position = Position::new(f64::from(at.x).round(), f64::from(at.y).round());
    Intent::Edit(
        Edit::new(
            format!("Add actor {}", name.trim()),
            Command::add(project, vec![actor], vec![]),
        )
        .selecting(vec![Item::Actor(id)]),
    )
}

/// The name field shown where a double-click adds an actor: Enter adds it, Esc cancels.
fn new_actor_prompt_ui(
    ui: &Ui,
    project: &Project,
    canvas: &mut CanvasState,
    screen: Rect,
    camera: &Camera,
    intents: &mut Vec<Intent>,
) {
    let Some(prompt) = &mut canvas.new_actor else {
        return;
    };
    let at = camera.to_screen(screen, prompt.at);
    let mut done: Option<bool> = None;
    egui::Area::new(egui::Id::unique("partnermap.new_actor"))
        .fixed_pos(at - Vec2::new(110.0, 18.0))
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                let label = ui.label("New actor");
                let edit = egui::TextEdit::singleline(&mut prompt.name)
                    .hint_text("Type a name, then Enter")
                    .desired_width(220.0);
                let response = ui.add(edit).labelled_by(label.id);
                if prompt.focus {
                    response.request_focus();
                    prompt.focus = false;
                }
                let (enter, escape) =
                    ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
                if escape {
                    done = Some(false);
                } else if response.lost_focus() {
                    done = Some(enter || !prompt.name.trim().is_empty());
                }
            });
        });
    match done {
        Some(true) if !prompt.name.trim().is_empty() => {
            let defaults = canvas
                .new_actor_defaults
                .unwrap_or((Sector::State, Level::Commune));
            intents.push(add_actor_edit(project, &prompt.name, prompt.at, defaults));
            canvas.new_actor = None;
        }
        Some(_) => canvas.new_actor = None,
        None => {}
    }
}
