//! The legend: explains every visual cue of the canvas. Its rows and their wording come from
//! [`style::legend`], which the SVG export draws too; this file only paints them.

use egui::{Color32, Pos2, Sense, Stroke, Ui, Vec2};

use super::canvas::{color, paint_actor_shape};
use crate::model::ColourBy;
use crate::style::change::{self, Glyph};
use crate::style::legend::{self, NotSet, Swatch};
use crate::style::{self, ViewEncoding};

/// The scale at which the legend draws the sample sizes of actors: half their size at zoom 1,
/// so that the largest fits the panel.
const SIZES_SCALE: f32 = 0.5;

/// Draws the legend's sections ([`legend::legend_sections`]): sector colours and shapes,
/// sizes, rings, line widths by form, dashes, line colours under the current "colour by"
/// choice, the power dot, and the neutral style of what the map leaves not set (`not_set`).
pub fn legend_ui(ui: &mut Ui, colour_by: ColourBy, encoding: ViewEncoding, not_set: NotSet) {
    sections_ui(ui, &legend::legend_sections(colour_by, encoding, not_set));
}

/// Draws legend sections: those of [`legend::legend_sections`], or of a comparison
/// ([`change::comparison_legend`]).
pub fn sections_ui(ui: &mut Ui, sections: &[legend::LegendSection]) {
    for (k, section) in sections.iter().enumerate() {
        if k > 0 {
            ui.add_space(6.0);
        }
        let heading = ui.strong(&section.heading);
        if !section.hint.is_empty() {
            heading.on_hover_text(section.hint);
        }
        for row in &section.rows {
            ui.horizontal(|ui| {
                swatch_ui(ui, &row.swatch);
                // A long row ("Dashed: informal (below a letter of support)") wraps within a
                // narrow panel instead of running under its edge.
                ui.add(egui::Label::new(&row.text).wrap())
                    .on_hover_text(row.hint);
            });
        }
    }
}

/// Paints one row's swatch in a space of its own.
fn swatch_ui(ui: &mut Ui, swatch: &Swatch) {
    let ink = ui.visuals().text_color();
    let outline = Stroke::new(1.0, ui.visuals().strong_text_color().gamma_multiply(0.6));
    let space = |ui: &mut Ui, size: Vec2| ui.allocate_exact_size(size, Sense::hover()).0;
    match swatch {
        Swatch::Shape {
            shape,
            colour,
            radius,
        } => {
            let rect = space(ui, Vec2::splat(18.0));
            paint_actor_shape(
                ui.painter(),
                *shape,
                rect.center(),
                *radius as f32,
                color(*colour),
                outline,
            );
        }
        Swatch::Sizes(samples) => {
            let radii = samples.map(|r| r as f32 * SIZES_SCALE);
            let width = radii.iter().map(|r| 2.0 * r + 4.0).sum::<f32>();
            let rect = space(ui, Vec2::new(width, 2.0 * radii[2] + 4.0));
            let mut x = rect.left();
            for r in radii {
                x += r;
                ui.painter()
                    .circle_stroke(Pos2::new(x, rect.center().y), r, outline);
                x += r + 4.0;
            }
        }
        Swatch::Ring { radius, width } => {
            let rect = space(ui, Vec2::splat(18.0));
            let stroke = Stroke::new(*width as f32, color(style::BROKER_RING));
            ui.painter()
                .circle_stroke(rect.center(), *radius as f32, stroke);
        }
        Swatch::Line { width, dash, .. } => {
            let rect = space(ui, Vec2::new(36.0, 14.0));
            let y = rect.center().y;
            let points = [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)];
            let stroke = Stroke::new(*width as f32, ink);
            match dash {
                Some((on, off)) => ui.painter().extend(egui::Shape::dashed_line(
                    &points,
                    stroke,
                    *on as f32,
                    *off as f32,
                )),
                None => {
                    ui.painter().line_segment(points, stroke);
                }
            }
        }
        Swatch::Fill(rgb) => {
            let rect = space(ui, Vec2::new(36.0, legend::SWATCH_HEIGHT as f32));
            ui.painter().rect_filled(rect, 2.0, color(*rgb));
        }
        Swatch::Gradient(steps) => {
            let size = Vec2::new(legend::GRADIENT_WIDTH as f32, legend::SWATCH_HEIGHT as f32);
            let rect = space(ui, size);
            let n = steps.len() as f32;
            for (i, rgb) in steps.iter().enumerate() {
                let x0 = rect.left() + rect.width() * i as f32 / n;
                let x1 = rect.left() + rect.width() * (i + 1) as f32 / n;
                ui.painter().rect_filled(
                    egui::Rect::from_x_y_ranges(x0..=x1, rect.y_range()),
                    0.0,
                    color(*rgb),
                );
            }
        }
        Swatch::PowerDot => {
            let rect = space(ui, Vec2::new(36.0, 14.0));
            let y = rect.center().y;
            ui.painter().line_segment(
                [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
                Stroke::new(legend::SAMPLE_LINE_WIDTH as f32, ink),
            );
            ui.painter().circle_filled(
                Pos2::new(rect.right() - 6.0, y),
                legend::POWER_DOT_RADIUS as f32,
                ink,
            );
        }
        Swatch::Change(glyph) => {
            let rect = space(ui, Vec2::new(36.0, 18.0));
            change_glyph_ui(ui.painter(), *glyph, rect, (ink, outline));
        }
    }
}

/// Paints a comparison's legend glyph in `rect`.
fn change_glyph_ui(
    painter: &egui::Painter,
    glyph: Glyph,
    rect: egui::Rect,
    (ink, outline): (Color32, Stroke),
) {
    let c = rect.center();
    let poly = |points: [(f64, f64); 3], rgb| {
        let points = points
            .iter()
            .map(|(x, y)| Pos2::new(*x as f32, *y as f32))
            .collect();
        painter.add(egui::Shape::convex_polygon(
            points,
            color(rgb),
            Stroke::NONE,
        ));
    };
    let (x, y) = (f64::from(c.x), f64::from(c.y));
    match glyph {
        Glyph::Trust(up) => {
            let rgb = if up {
                change::TRUST_ROSE
            } else {
                change::TRUST_FELL
            };
            poly(change::trust_triangle(x, y, up, 1.0), rgb);
        }
        Glyph::Power => {
            painter.line_segment(
                [Pos2::new(rect.left(), c.y), Pos2::new(rect.right(), c.y)],
                Stroke::new(legend::SAMPLE_LINE_WIDTH as f32, ink),
            );
            poly(change::arrowhead(x + 6.0, y, 1.0, 0.0, 1.0), change::POWER);
        }
        Glyph::Ring(added) => {
            let (rgb, dashed) = if added {
                (change::ADDED, false)
            } else {
                (change::ENDED, true)
            };
            painter.circle_filled(c, 5.0, ink.gamma_multiply(0.4));
            let r = 5.0 + change::RING_GAP as f32;
            let stroke = Stroke::new(change::RING_WIDTH as f32, color(rgb));
            if dashed {
                painter.extend(dashed_circle(c, r, stroke));
            } else {
                painter.circle_stroke(c, r, stroke);
            }
        }
        Glyph::Absent => {
            painter.circle_filled(c, 6.0, ink.gamma_multiply(change::ABSENT_ALPHA));
            painter.circle_stroke(
                c,
                6.0,
                Stroke::new(
                    outline.width,
                    outline.color.gamma_multiply(change::ABSENT_ALPHA),
                ),
            );
        }
    }
}

/// A circle of dashes ([`change::DASH`]), for a removed actor's ring.
pub fn dashed_circle(c: Pos2, r: f32, stroke: Stroke) -> Vec<egui::Shape> {
    let n = 48;
    let points: Vec<Pos2> = (0..=n)
        .map(|i| {
            let t = i as f32 / n as f32 * std::f32::consts::TAU;
            c + Vec2::new(t.cos(), t.sin()) * r
        })
        .collect();
    let (on, off) = change::DASH;
    egui::Shape::dashed_line(&points, stroke, on as f32, off as f32)
}
