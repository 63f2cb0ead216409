//! What was just added flashes on the canvas in presentation mode, so that the back of the
//! room sees where it appeared: a ring that widens and fades around a new actor, a glow along
//! a new partnership.

use egui::{Rect, Stroke, Ui};

use super::camera::Camera;
use super::{actor_pos, paint::Pen};
use crate::model::Project;
use crate::style;
use crate::ui::view::{FLASH_SECS, Item, ViewState};

/// Paints the flash of what was just added, and asks for the next frame while it lasts;
/// clears it when it is over.
pub(super) fn paint_flash(
    ui: &Ui,
    pen: &Pen,
    project: &Project,
    view: &mut ViewState,
    (screen, camera): (Rect, &Camera),
) {
    let Some(flash) = &view.flash else {
        return;
    };
    let now = ui.input(|i| i.time);
    let t = ((now - flash.since) / FLASH_SECS).clamp(0.0, 1.0) as f32;
    if t >= 1.0 {
        view.flash = None;
        return;
    }
    let fade = 1.0 - t;
    let colour = pen.selection.gamma_multiply(fade);
    for item in &flash.items {
        match item {
            Item::Actor(id) => {
                let Some(a) = project.actor(*id) else {
                    continue;
                };
                let at = camera.to_screen(screen, actor_pos(a));
                let r = style::actor_radius(a) as f32 * camera.zoom;
                // Two pulses: the ring grows from the actor's edge outwards.
                let grow = (t * 2.0).fract();
                pen.painter
                    .circle_stroke(at, r + 6.0 + 30.0 * grow, Stroke::new(5.0, colour));
            }
            Item::Partnership(id) => {
                let Some(e) = project.partnership(*id) else {
                    continue;
                };
                let (Some(a), Some(b)) = (project.actor(e.a), project.actor(e.b)) else {
                    continue;
                };
                let ends = [a, b].map(|x| camera.to_screen(screen, actor_pos(x)));
                let width = 14.0 * fade + 4.0;
                pen.painter
                    .line_segment(ends, Stroke::new(width, colour.gamma_multiply(0.6)));
            }
        }
    }
    ui.ctx().request_repaint();
}
