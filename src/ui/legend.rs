//! The legend: explains every visual cue of the canvas.

use egui::{Pos2, Sense, Stroke, Ui, Vec2};

use super::canvas::{color, paint_actor_shape};
use crate::model::{Choice, Form, Sector};
use crate::style;

/// Draws the legend: sector colours and shapes, line widths by form, dashes, trust colours.
pub fn legend_ui(ui: &mut Ui) {
    ui.strong("Actors (sector)");
    for sector in Sector::ALL {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(18.0), Sense::hover());
            paint_actor_shape(
                ui.painter(),
                style::sector_shape(*sector),
                rect.center(),
                7.0,
                color(style::sector_colour(*sector)),
                Stroke::new(1.0, ui.visuals().strong_text_color().gamma_multiply(0.6)),
            );
            ui.label(sector.label()).on_hover_text(sector.meaning());
        });
    }
    ui.label("Size: influence");
    ui.add_space(6.0);
    ui.strong("Partnerships");
    for form in Form::ALL {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(36.0, 14.0), Sense::hover());
            let y = rect.center().y;
            ui.painter().line_segment(
                [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
                Stroke::new(style::form_width(*form) as f32, ui.visuals().text_color()),
            );
            ui.label(form.label()).on_hover_text(form.meaning());
        });
    }
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::new(36.0, 14.0), Sense::hover());
        let y = rect.center().y;
        ui.painter().extend(egui::Shape::dashed_line(
            &[Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
            Stroke::new(2.0, ui.visuals().text_color()),
            6.0,
            4.0,
        ));
        ui.label("Dashed: informal").on_hover_text(
            "Less formal than a letter of support: personal ties, or permission asked per activity",
        );
    });
    ui.add_space(4.0);
    ui.label("Colour: trust");
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::new(120.0, 12.0), Sense::hover());
        let steps = 24;
        for i in 0..steps {
            let t = i as f64 / (steps - 1) as f64;
            let x0 = rect.left() + rect.width() * i as f32 / steps as f32;
            let x1 = rect.left() + rect.width() * (i + 1) as f32 / steps as f32;
            ui.painter().rect_filled(
                egui::Rect::from_x_y_ranges(x0..=x1, rect.y_range()),
                0.0,
                color(style::trust_colour(Some(t))),
            );
        }
        ui.label("none → full");
    });
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::new(36.0, 12.0), Sense::hover());
        ui.painter().rect_filled(rect, 0.0, color(style::UNKNOWN));
        ui.label("unknown");
    });
}
