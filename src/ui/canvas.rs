//! The canvas: draws the map and handles pan and zoom.

use egui::{
    Align2, Color32, FontId, Pos2, Rect, Response, Sense, Shape as EShape, Stroke, Ui, Vec2,
};

use super::camera::Camera;
use crate::model::{Actor, ActorId, Project};
use crate::style::{self, Rgb, Shape};

/// What the canvas remembers between frames.
#[derive(Clone, Debug, Default)]
pub struct CanvasView {
    /// The camera; `None` fits the whole map on the next frame.
    pub camera: Option<Camera>,
    /// The actor under the pointer.
    pub hovered: Option<ActorId>,
    /// The screen rectangle of the canvas in the last frame.
    pub screen: Option<Rect>,
}

impl CanvasView {
    /// Fits the whole map in view on the next frame.
    pub fn fit_on_next_frame(&mut self) {
        self.camera = None;
    }
}

/// Converts a style colour to egui's.
pub fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
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

fn actor_pos(a: &Actor) -> Pos2 {
    Pos2::new(a.position.x as f32, a.position.y as f32)
}

/// Label size at zoom 1, in points.
const LABEL_PT: f32 = 14.0;
/// Below this zoom, labels show short names at a readable minimum size instead of full names.
const SHORT_LABELS_BELOW_ZOOM: f32 = 0.75;
/// The smallest label size, in points.
const MIN_LABEL_PT: f32 = 10.0;
/// Below this zoom the map is too dense for labels and shows plain shapes.
const NO_LABELS_BELOW_ZOOM: f32 = 0.28;

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
            painter.circle_stroke(
                center,
                r * 0.6,
                Stroke::new((r * 0.12).max(1.0), Color32::WHITE),
            );
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

/// Draws the map and handles pan and zoom; returns the background response.
pub fn canvas_ui(ui: &mut Ui, project: &Project, view: &mut CanvasView) -> Response {
    let screen = ui.available_rect_before_wrap();
    let background = ui.allocate_rect(screen, Sense::click_and_drag());
    background.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Map canvas"));
    view.screen = Some(screen);
    let camera = view.camera.get_or_insert_with(|| {
        map_bounds(project).map_or_else(Camera::default, |b| Camera::fit(screen, b))
    });

    // Pan by dragging the background, by wheel or two-finger scroll; zoom with Ctrl+wheel or
    // a pinch, around the pointer.
    if background.dragged() {
        camera.pan(background.drag_delta());
    }
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
    let camera = *camera;

    let painter = ui.painter_at(screen);
    let visuals = ui.visuals().clone();
    painter.rect_filled(screen, 0.0, visuals.extreme_bg_color);
    let visible = camera.visible(screen).expand(60.0);
    let zoom = camera.zoom;

    // Partnerships under actors.
    for p in project.partnerships.values() {
        let (Some(a), Some(b)) = (project.actor(p.a), project.actor(p.b)) else {
            continue;
        };
        let (pa, pb) = (actor_pos(a), actor_pos(b));
        if !visible.intersects(Rect::from_two_pos(pa, pb)) {
            continue;
        }
        let (sa, sb) = (camera.to_screen(screen, pa), camera.to_screen(screen, pb));
        let width = style::form_width(p.form) as f32 * zoom.clamp(0.5, 3.0);
        let stroke = Stroke::new(width, color(style::partnership_colour(p)));
        if style::is_dashed(p.formality) {
            let dash = (8.0 * zoom).clamp(3.0, 16.0);
            painter.extend(EShape::dashed_line(&[sa, sb], stroke, dash, dash * 0.7));
        } else {
            painter.line_segment([sa, sb], stroke);
        }
    }

    // Actors, then their labels on top.
    let label_pt = (LABEL_PT * zoom).max(MIN_LABEL_PT).round();
    let short_labels = zoom < SHORT_LABELS_BELOW_ZOOM;
    let outline = Stroke::new(1.5, visuals.strong_text_color().gamma_multiply(0.6));
    let mut hovered = None;
    let mut labels = Vec::new();
    for actor in project.actors.values() {
        let pos = actor_pos(actor);
        if !visible.contains(pos) {
            continue;
        }
        let center = camera.to_screen(screen, pos);
        let r = (style::actor_radius(actor) as f32 * zoom).max(2.5);
        let fill = color(style::sector_colour(actor.sector));
        paint_actor_shape(
            &painter,
            style::sector_shape(actor.sector),
            center,
            r,
            fill,
            outline,
        );
        let hit = Rect::from_center_size(center, Vec2::splat(2.0 * r.max(6.0)));
        let response = ui.interact(
            hit,
            ui.scope_id().with(("actor", actor.id.0)),
            Sense::hover(),
        );
        let name = actor.name.clone();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        if response.hovered() {
            hovered = Some(actor.id);
            response.on_hover_ui(|ui| {
                ui.strong(&actor.name);
                ui.label(format!(
                    "{} · {}",
                    actor.sector.label(),
                    actor.level.label()
                ));
                if !actor.kind.is_empty() {
                    ui.label(&actor.kind);
                }
            });
        }
        if zoom >= NO_LABELS_BELOW_ZOOM {
            labels.push((actor, center, r));
        }
    }
    view.hovered = hovered;
    let font = FontId::proportional(label_pt);
    let halo = visuals.extreme_bg_color.gamma_multiply(0.8);
    for (actor, center, r) in labels {
        let text = if short_labels {
            actor.short_or_name().to_string()
        } else {
            style::wrap_label(&actor.name, 22).join("\n")
        };
        let galley = painter.layout(text, font.clone(), visuals.text_color(), f32::INFINITY);
        let galley_rect =
            Align2::CENTER_TOP.anchor_size(center + Vec2::new(0.0, r + 3.0), galley.size());
        painter.rect_filled(galley_rect.expand(2.0), 3.0, halo);
        painter.galley(galley_rect.min, galley, visuals.text_color());
    }
    background
}

use crate::model::Choice as _;
