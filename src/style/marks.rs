//! What the map draws of each actor and partnership, egui-free: one list of marks, built
//! from the document, that the canvas (in screen points, through its camera) and the SVG
//! export (in map units, scaled to the page) both draw, so that the window and print agree
//! on every shape, curve, width, dash, colour, power dot and label.

use std::collections::HashMap;

use crate::model::{ActorId, PartnershipId, Project};

use super::{LineStyle, Rgb, Shape};

/// The width of an actor's outline and of the halo around a power dot, in screen points
/// (px on paper).
pub const OUTLINE_WIDTH: f64 = 1.5;
/// The size of labels at zoom (scale) 1, in points (px).
pub const LABEL_SIZE: f64 = 14.0;
/// Below this zoom (on paper: this scale), labels offer short names only, at a readable
/// minimum size instead of full names: the same rule on the canvas and in every export.
pub const SHORT_NAMES_BELOW_ZOOM: f64 = 0.75;
/// The space between an actor's edge and the top of its label, in map units.
pub const LABEL_GAP: f64 = 3.0;
/// How many straight pieces draw a curved partnership.
pub const CURVE_SEGMENTS: usize = 12;

/// The dash pattern of an informal partnership at `zoom`, in screen points (px on paper):
/// on and off. Dashes grow with the zoom, within limits, so that they stay legible.
pub fn dash_pattern(zoom: f64) -> (f64, f64) {
    let on = (8.0 * zoom).clamp(5.0, 16.0);
    (on, on * DASH_OFF_SHARE)
}

/// The gaps of a dashed line as a share of its dashes.
pub const DASH_OFF_SHARE: f64 = 0.7;

/// The dot pattern of a partnership whose formality is not set, at `zoom`, in screen points
/// (px on paper): on and off, short dots with wider gaps, unlike the informal dashes.
pub fn dot_pattern(zoom: f64) -> (f64, f64) {
    let on = (2.0 * zoom).clamp(1.5, 4.0);
    (on, on * 2.0)
}

/// The on/off pattern of `line` at `zoom` in screen points (px on paper); `None` when solid.
pub fn line_pattern(line: LineStyle, zoom: f64) -> Option<(f64, f64)> {
    match line {
        LineStyle::Solid => None,
        LineStyle::Dashed => Some(dash_pattern(zoom)),
        LineStyle::Dotted => Some(dot_pattern(zoom)),
    }
}

/// The lines of an actor's label: `text` (its name, or its short name when zoomed out)
/// wrapped at spaces. Drawn centred under the actor, its top [`LABEL_GAP`] below the edge.
pub fn label_lines(text: &str) -> Vec<String> {
    super::wrap_label(text, super::LABEL_WRAP_CHARS)
}

/// One actor as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorMark {
    /// The actor.
    pub id: ActorId,
    /// Its centre, in map units.
    pub centre: (f64, f64),
    /// Its radius by influence, in map units; a view that sizes actors by an indicator
    /// replaces it.
    pub radius: f64,
    /// Its sector's shape.
    pub shape: Shape,
    /// Its sector's colour.
    pub fill: Rgb,
}

/// One partnership as drawn: a curve between two actor marks.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnershipMark {
    /// The partnership.
    pub id: PartnershipId,
    /// Its two ends: indices in [`MapMarks::actors`].
    pub a: usize,
    /// See `a`.
    pub b: usize,
    /// How far it bows from the straight line, in map units ([`super::parallel_bends`]).
    pub bend: f64,
    /// Whether `a` has the lower actor id (which way the bend goes).
    pub a_is_low: bool,
    /// The line's colour under the map's "colour by" choice.
    pub colour: Rgb,
    /// The line's width in map units, by form.
    pub width: f64,
    /// Solid, dashed (informal) or dotted (formality not set).
    pub line: LineStyle,
    /// Which end holds power (`true`: `a`) and how strongly (1 leads, 2 dominates).
    pub power: Option<(bool, u8)>,
}

impl PartnershipMark {
    /// The control point of its curve between `pa` and `pb` (where its ends are drawn), or
    /// `None` when it is straight.
    pub fn control(&self, pa: (f64, f64), pb: (f64, f64)) -> Option<(f64, f64)> {
        super::curve_control(pa, pb, self.bend, self.a_is_low)
    }

    /// Its polyline from `pa` to `pb`, bending by `bend` (its own bend at the drawing's
    /// scale).
    pub fn points(&self, pa: (f64, f64), pb: (f64, f64), bend: f64) -> Vec<(f64, f64)> {
        super::curve_points(pa, pb, bend, self.a_is_low, CURVE_SEGMENTS)
    }

    /// Its polyline starting at the end that holds power (`at_a`: end `a`).
    pub fn points_from(&self, at_a: bool, pa: (f64, f64), pb: (f64, f64)) -> Vec<(f64, f64)> {
        if at_a {
            super::curve_points(pa, pb, self.bend, self.a_is_low, CURVE_SEGMENTS)
        } else {
            super::curve_points(pb, pa, self.bend, !self.a_is_low, CURVE_SEGMENTS)
        }
    }
}

/// Where the power dot stands on a polyline that starts at the actor holding power, whose
/// radius is `holder_radius`, on a line `width` wide (all in the same units).
pub fn power_dot_at(
    points_from_holder: &[(f64, f64)],
    holder_radius: f64,
    width: f64,
) -> (f64, f64) {
    super::point_along(
        points_from_holder,
        super::power_dot_distance(holder_radius, width),
    )
}

/// Every actor and partnership of a map as drawn, in id order; partnerships whose ends are
/// missing are left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapMarks {
    /// The actors, in id order.
    pub actors: Vec<ActorMark>,
    /// Where each actor is in `actors`.
    pub index: HashMap<ActorId, usize>,
    /// The partnerships, in id order.
    pub partnerships: Vec<PartnershipMark>,
}

impl MapMarks {
    /// The marks of `project`, coloured by its "colour by" choice.
    pub fn build(project: &Project) -> Self {
        let actors: Vec<ActorMark> = project
            .actors
            .values()
            .map(|a| ActorMark {
                id: a.id,
                centre: (a.position.x, a.position.y),
                radius: super::actor_radius(a),
                shape: super::actor_shape(a.sector),
                fill: super::actor_colour(a.sector),
            })
            .collect();
        let index: HashMap<ActorId, usize> =
            actors.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
        let bends = super::parallel_bends(project);
        let partnerships = project
            .partnerships
            .values()
            .filter_map(|p| {
                Some(PartnershipMark {
                    id: p.id,
                    a: *index.get(&p.a)?,
                    b: *index.get(&p.b)?,
                    bend: bends.get(&p.id).copied().unwrap_or(0.0),
                    a_is_low: p.a < p.b,
                    colour: super::partnership_colour_in(project, p),
                    width: super::form_width(p.form),
                    line: super::line_style(p.formality),
                    power: super::dominant_end(p).map(|(who, s)| (who == p.a, s)),
                })
            })
            .collect();
        Self {
            actors,
            index,
            partnerships,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Level, Partnership, Sector};

    #[test]
    fn marks_follow_the_map_and_skip_partnerships_without_ends() {
        let mut project = Project::new();
        for i in 1..=2 {
            project.insert_actor(Actor::new(ActorId(i), "x", Sector::State, Level::National));
        }
        let mut p = Partnership::new(PartnershipId(1), ActorId(2), ActorId(1));
        p.power = Some(-1);
        project.insert_partnership(p);
        project.insert_partnership(Partnership::new(PartnershipId(2), ActorId(1), ActorId(9)));
        let marks = MapMarks::build(&project);
        assert_eq!(marks.actors.len(), 2);
        assert_eq!(marks.partnerships.len(), 1);
        let m = &marks.partnerships[0];
        assert_eq!((m.a, m.b, m.a_is_low), (1, 0, false));
        assert_eq!(m.power, Some((true, 1)));
        assert_eq!(dash_pattern(1.0), (8.0, 8.0 * 0.7));
        assert_eq!(dash_pattern(100.0).0, 16.0);
    }
}
