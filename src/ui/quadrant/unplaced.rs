//! The items the chart cannot place, listed beside it with their reasons (never drawn at 0);
//! clicking one selects it and centres the canvas on it.

use egui::{Ui, Vec2};

use super::item;
use crate::style::quadrant::{Chart, unplaced_heading};
use crate::ui::intent::Intent;
use crate::ui::view::{SelectMode, ViewState};

/// Lists the chart's unplaced items in a column of `size`.
pub(super) fn unplaced_ui(
    ui: &mut Ui,
    chart: &Chart,
    view: &mut ViewState,
    intents: &mut Vec<Intent>,
    size: Vec2,
) {
    ui.vertical(|ui| {
        ui.set_width(size.x - 8.0);
        ui.strong(unplaced_heading(chart.unplaced.len()))
            .on_hover_text(
                "Partnerships whose inputs are missing are listed here, never drawn at 0.",
            );
        egui::ScrollArea::vertical()
            .id_salt("unplaced")
            .max_height(size.y - 24.0)
            .show(ui, |ui| {
                for u in &chart.unplaced {
                    let item = item(u.subject);
                    if ui
                        .selectable_label(
                            view.selection.contains(&item),
                            crate::ui::bidi::visual(&u.line()),
                        )
                        .clicked()
                    {
                        view.select([item], SelectMode::Replace);
                        intents.push(Intent::Center(item));
                    }
                }
            });
    });
}
