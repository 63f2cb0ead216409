//! Presentation mode's own controls over the map: the audience legend in a corner, in large
//! type, and the buttons that hide it and leave presentation mode (design.md §6).

use egui::{Align2, Rect, Vec2};

use crate::style::legend::LegendSection;
use crate::ui::actions::Action;

/// How much larger the audience legend's text is than the window's (already enlarged) text.
const LEGEND_TEXT_SCALE: f32 = 1.3;

/// Draws the audience legend (unless `hidden`) at the bottom left of `canvas`, and the
/// buttons at its top right; returns the action chosen, if any.
pub fn presentation_overlay_ui(
    ctx: &egui::Context,
    canvas: Rect,
    sections: &[LegendSection],
    hidden: &mut bool,
) -> Option<Action> {
    let mut chosen = None;
    egui::Area::new(egui::Id::unique("partnermap.presenting.buttons"))
        .anchor(
            Align2::RIGHT_TOP,
            Vec2::new(
                -(ctx.content_rect().right() - canvas.right()) - 8.0,
                canvas.top() + 8.0,
            ),
        )
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let mut shown = !*hidden;
                if ui
                    .toggle_value(&mut shown, "Legend")
                    .on_hover_text("Show the legend to the room")
                    .changed()
                {
                    *hidden = !shown;
                }
                if ui.button("Leave (F11)").clicked() {
                    chosen = Some(Action::Presentation);
                }
            });
        });
    if *hidden {
        return chosen;
    }
    let max = Vec2::new(canvas.width() * 0.3, canvas.height() * 0.9);
    egui::Area::new(egui::Id::unique("partnermap.presenting.legend"))
        .fixed_pos(canvas.left_top() + Vec2::new(12.0, 12.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_size(max);
                for (_, font) in ui.style_mut().text_styles.iter_mut() {
                    font.size *= LEGEND_TEXT_SCALE;
                }
                egui::ScrollArea::vertical()
                    .max_height(max.y)
                    .show(ui, |ui| {
                        crate::ui::legend::sections_ui(ui, sections);
                    });
            });
        });
    chosen
}
