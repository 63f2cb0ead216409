//! The legend: explains every visual cue of the canvas.

use egui::{Pos2, Sense, Stroke, Ui, Vec2};

use super::canvas::{color, paint_actor_shape};
use crate::model::{Choice, ColourBy, Form, Formality, Function, Sector};
use crate::style;

/// Draws the legend: sector colours and shapes, line widths by form, dashes, line colours
/// under the current "colour by" choice, and the power marker.
pub fn legend_ui(ui: &mut Ui, colour_by: ColourBy, size_by: &str, brokers: bool) {
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
    ui.label(format!("Size: {size_by}"));
    if brokers {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(18.0), Sense::hover());
            ui.painter().circle_stroke(
                rect.center(),
                7.0,
                Stroke::new(3.0, super::canvas::BROKER_RING),
            );
            ui.label("Ring: cross-sector broker")
                .on_hover_text("Joins partners of different sectors who do not work together");
        });
    }
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
    ui.label(format!("Colour: {}", colour_by.label().to_lowercase()))
        .on_hover_text(colour_by.meaning());
    match colour_by {
        ColourBy::Trust => {
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
            swatch(ui, style::UNKNOWN, "unknown", "No trust score is known");
        }
        ColourBy::Form => {
            for f in Form::ALL {
                swatch(ui, style::form_colour(*f), f.label(), f.meaning());
            }
        }
        ColourBy::Formality => {
            for f in Formality::ALL {
                swatch(ui, style::formality_colour(*f), f.label(), f.meaning());
            }
        }
        ColourBy::Function => {
            for f in Function::ALL {
                swatch(ui, style::function_colour(*f), f.label(), f.meaning());
            }
            swatch(ui, style::UNKNOWN, "none given", "No function is recorded");
        }
    }
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::new(36.0, 14.0), Sense::hover());
        let y = rect.center().y;
        let c = ui.visuals().text_color();
        ui.painter().line_segment(
            [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
            Stroke::new(2.0, c),
        );
        ui.painter()
            .circle_filled(Pos2::new(rect.right() - 6.0, y), 4.5, c);
        ui.label("Dot: the side that holds power")
            .on_hover_text("A small dot: that side leads; a large dot: it dominates.");
    });
}

fn swatch(ui: &mut Ui, rgb: style::Rgb, label: &str, hint: &str) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::new(36.0, 12.0), Sense::hover());
        ui.painter().rect_filled(rect, 2.0, color(rgb));
        ui.label(label).on_hover_text(hint);
    });
}
