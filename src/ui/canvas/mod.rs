//! The canvas: draws the map and turns pointer gestures into intents.
//!
//! Split by concern: [`state`] (what is remembered between frames), [`geometry`] (what is
//! drawn, cached per document revision, and culled to the screen each frame), [`camera`],
//! [`gestures`] (pointer input to view changes and intents), [`hit_test`] (what is under the
//! pointer) and [`paint`]. This file runs them in order for one frame.

pub mod camera;
mod flash;
mod geometry;
mod gestures;
mod hit_test;
mod paint;
mod state;

use std::collections::{BTreeSet, HashMap};

use egui::{Pos2, Rect, Response, Sense, Stroke, Ui, Vec2};

pub use gestures::{add_actor_edit, connect_edit};
pub use paint::{BROKER_RING, ShownLabel, color, paint_actor_shape};
pub use state::{CanvasState, Gesture, NewActorPrompt};

use crate::model::{Actor, ActorId, PartnershipId, Project};
use crate::style;
use crate::ui::intent::Intent;
use crate::ui::view::{Item, ViewState};
use geometry::{Geometry, Visible};
use paint::{Dimming, Label, Pen};

/// Up to this many actors on screen, every one has its own widget (named for screen readers).
const WIDGETS_UP_TO: usize = 800;

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

/// Overlays from the indicators: another size for actors, rings for brokers.
#[derive(Clone, Copy, Debug, Default)]
pub struct Overlay<'a> {
    /// Radius (map units) per actor, replacing the size by influence
    /// ([`style::indicator_radii`]).
    pub radius: Option<&'a HashMap<ActorId, f64>>,
    /// Cross-sector brokers and the strength of their ring, 0–1
    /// ([`style::broker_strengths`]).
    pub brokers: Option<&'a HashMap<ActorId, f64>>,
    /// Two states compared: what changed of each item ([`crate::style::change`]).
    pub change: Option<&'a crate::analysis::time::Composed>,
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
    if view.canvas.geometry.revision != Some(revision) {
        view.canvas.geometry = Geometry::build(project, revision);
    }
    let camera = gestures::camera_ui(ui, project, &mut view.canvas, screen, &background);

    // The geometry is taken out of the view state for the frame, so that gestures can change
    // the rest of it, and put back at the end.
    let geometry = std::mem::take(&mut view.canvas.geometry);
    let visible = geometry.visible(&view.canvas, overlay, camera, screen);
    let visuals = ui.visuals();
    let pen = Pen {
        painter: ui.painter_at(screen),
        background: visuals.extreme_bg_color,
        selection: visuals.selection.stroke.color,
        outline: Stroke::new(
            style::marks::OUTLINE_WIDTH as f32,
            visuals.strong_text_color().gamma_multiply(0.6),
        ),
        text: visuals.text_color(),
        zoom: camera.zoom,
        simple: visible.simple,
        min_label_pt: paint::min_label_pt(
            view.presenting,
            ui.style()
                .text_styles
                .get(&egui::TextStyle::Body)
                .map_or(12.5, |f| f.size),
            crate::ui::view::PRESENTATION_ZOOM,
        ),
    };
    pen.painter.rect_filled(screen, 0.0, pen.background);

    // Hover: an actor under the pointer wins over a line near it.
    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| ui.is_enabled() && screen.contains(*p));
    if let Some(p) = pointer {
        if matches!(view.canvas.gesture, Gesture::Idle) {
            view.hovered = hit_test::hovered_item(&visible, &geometry.edges, p);
        } else {
            view.hovered = None;
        }
    }
    let dim = Dimming {
        filtered: visible_items,
        highlight: view.hovered.map(|h| hit_test::neighbourhood(project, h)),
    };

    let mut mesh = egui::Mesh::default();
    let context = (&view.selection, &dim, overlay);
    paint::paint_partnerships(&pen, &geometry, &visible, context, &mut mesh);
    pen.painter.add(std::mem::take(&mut mesh));
    let labels = actors_ui(
        ui,
        project,
        (&geometry, &visible),
        view,
        (&pen, &dim, overlay),
        &mut mesh,
    );
    pen.painter.add(mesh);
    paint::paint_labels(
        &pen,
        (&geometry, &visible, overlay),
        &labels,
        screen,
        &mut view.canvas.labels,
    );
    flash::paint_flash(ui, &pen, project, view, (screen, &camera));

    gestures::finish_actor_gestures(
        ui,
        project,
        &mut view.canvas,
        &visible.actors,
        (screen, &camera),
        intents,
    );
    let edges = &geometry.edges;
    gestures::background_gestures(ui, &background, view, (&visible, edges), (screen, &camera));
    paint::paint_gesture(&pen, &view.canvas.gesture, project, &camera, screen);
    gestures::new_actor_prompt_ui(ui, project, &mut view.canvas, (screen, &camera), intents);
    view.canvas.geometry = geometry;
    background
}

/// Paints the actors on screen and registers their widgets. Each has a widget named for
/// screen readers and tests when the view holds a workable number of them; on dense views
/// only the ones that can be acted on do. Returns the labels to paint over everything.
fn actors_ui<'p>(
    ui: &Ui,
    project: &'p Project,
    (geo, visible): (&Geometry, &Visible),
    view: &mut ViewState,
    (pen, dim, overlay): (&Pen, &Dimming<'_>, Overlay<'_>),
    mesh: &mut egui::Mesh,
) -> Vec<Label<'p>> {
    let modifiers = ui.input(|i| i.modifiers);
    let all_widgets = visible.actors.len() <= WIDGETS_UP_TO;
    let drag_source = view.canvas.drag_source;
    let mut labels = Vec::new();
    for (k, shown) in visible.actors.iter().enumerate() {
        let g = &geo.actors[shown.geo];
        let look = overlay
            .change
            .and_then(|c| c.actors.get(&g.id))
            .map(|p| crate::style::change::actor_look(*p));
        let alpha = dim.actor(g.id) * look.map_or(1.0, |l| l.alpha);
        let selected = view.selection.contains(&Item::Actor(g.id));
        let ring = overlay.brokers.and_then(|b| b.get(&g.id)).copied();
        paint::paint_actor(pen, g, shown, (alpha, selected, ring), mesh);
        if let Some((rgb, dashed)) = look.and_then(|l| l.ring) {
            paint::paint_change_ring(pen, shown, rgb, dashed);
        }
        let hovered = view.hovered == Some(Item::Actor(g.id));
        let acted_on = selected || hovered || drag_source == Some(g.id);
        if (all_widgets || acted_on)
            && let Some(actor) = project.actor(g.id)
        {
            let at = (shown.center, shown.radius);
            gestures::actor_widget_ui(ui, actor, at, modifiers, view, pen.zoom);
            let must_show = selected || hovered;
            // Labels thin out by the label rule as the view gets denser; plain marks have none.
            if !pen.simple || must_show {
                labels.push(Label {
                    actor,
                    shown: k,
                    alpha,
                    must_show,
                });
            }
        }
    }
    labels
}
