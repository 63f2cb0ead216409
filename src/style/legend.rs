//! The legend's rows and their wording, egui-free: the window's legend panel and the SVG
//! export (and so the PNG and PDF) draw these same rows, so that what the legend says on
//! screen is what it says in print.

use crate::model::{Choice, ColourBy, Form, Formality, Function, Project, Sector};

use super::{Rgb, Shape, SizeBy, ViewEncoding};

/// The radius of the sector shapes in the legend, in px.
pub const SHAPE_RADIUS: f64 = 7.0;
/// The width of the sample lines that are not drawn to the map's scale (the dashed line and
/// the line under the power dot), in px.
pub const SAMPLE_LINE_WIDTH: f64 = 2.0;
/// The dash pattern of the dashed sample line: on, off, in px.
pub const SAMPLE_DASH: (f64, f64) = (6.0, 4.0);
/// The dot pattern of the dotted sample line (formality not set): on, off, in px.
pub const SAMPLE_DOTS: (f64, f64) = (2.0, 4.0);
/// The radius of the power dot in the legend, in px.
pub const POWER_DOT_RADIUS: f64 = 4.5;
/// How many steps the trust gradient is drawn in.
pub const GRADIENT_STEPS: u32 = 24;
/// The width of the trust gradient, in px.
pub const GRADIENT_WIDTH: f64 = 120.0;
/// The height of the colour swatches and the trust gradient, in px.
pub const SWATCH_HEIGHT: f64 = 12.0;

/// Which values some item of the map has not set: the legend explains the neutral style of
/// each, and only of those that occur (design.md §3, "Unknown is not a value").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NotSet {
    /// Some actor's sector is not set.
    pub sector: bool,
    /// Some actor's influence is not set.
    pub influence: bool,
    /// Some partnership's form is not set.
    pub form: bool,
    /// Some partnership's formality is not set.
    pub formality: bool,
}

impl NotSet {
    /// What `project` leaves not set.
    pub fn of(project: &Project) -> Self {
        let actors = project.actors.values();
        let partnerships = project.partnerships.values();
        Self {
            sector: actors.clone().any(|a| a.sector.is_none()),
            influence: actors.clone().any(|a| a.influence.is_none()),
            form: partnerships.clone().any(|p| p.form.is_none()),
            formality: partnerships.clone().any(|p| p.formality.is_none()),
        }
    }
}

/// What a legend row shows beside its text.
#[derive(Clone, Debug, PartialEq)]
pub enum Swatch {
    /// An actor's shape of `radius` px, filled with `colour`, outlined.
    Shape {
        /// The sector's shape.
        shape: Shape,
        /// The sector's colour.
        colour: Rgb,
        /// Its radius, in px.
        radius: f64,
    },
    /// Three outlined circles, small to large, of these radii in map units: drawn to the
    /// map's scale where there is one.
    Sizes([f64; 3]),
    /// A broker's ring: a circle of `radius` px, `width` px wide, in the ring colour.
    Ring {
        /// The ring's radius, in px.
        radius: f64,
        /// Its line width, in px.
        width: f64,
    },
    /// A line in the text colour, `width` wide; in map units (drawn to the map's scale) when
    /// `to_scale`, else in px; dashed `(on, off)` px when `dash` is given.
    Line {
        /// The line width.
        width: f64,
        /// Whether `width` is in map units, to be drawn at the map's scale.
        to_scale: bool,
        /// The dash pattern, on and off, in px.
        dash: Option<(f64, f64)>,
    },
    /// A rectangle filled with a colour.
    Fill(Rgb),
    /// The trust scale as steps of colour, from none to full.
    Gradient(Vec<Rgb>),
    /// A line with the power dot at its right end.
    PowerDot,
    /// A mark of a comparison of two states.
    Change(super::change::Glyph),
}

/// One row of the legend: a swatch and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendRow {
    /// What is drawn beside the text.
    pub swatch: Swatch,
    /// The text.
    pub text: String,
    /// A longer explanation, shown on hover in the window.
    pub hint: &'static str,
}

impl LegendRow {
    pub(crate) fn new(swatch: Swatch, text: impl Into<String>, hint: &'static str) -> Self {
        Self {
            swatch,
            text: text.into(),
            hint,
        }
    }
}

/// A part of the legend under its heading.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendSection {
    /// The heading.
    pub heading: String,
    /// A longer explanation of the heading, shown on hover in the window (may be empty).
    pub hint: &'static str,
    /// The rows, top to bottom.
    pub rows: Vec<LegendRow>,
}

/// The three sample sizes of actors under `size_by`, small to large, in map units, and the
/// text that says what they show.
pub fn size_samples(size_by: SizeBy) -> ([f64; 3], &'static str) {
    match size_by {
        SizeBy::Influence => (
            [1, 3, 5].map(super::influence_radius),
            "Size: influence 1, 3, 5",
        ),
        SizeBy::Betweenness => (
            [0.0, 0.25, 1.0].map(super::betweenness_radius),
            "Size: betweenness, none to highest",
        ),
        SizeBy::TrustReceived => (
            [0.0, 0.5, 1.0].map(|t| super::trust_received_radius(Some(t))),
            "Size: trust received, none to full",
        ),
    }
}

/// The rows that explain the line colours under `colour_by`, the trust gradient first.
fn colour_rows(colour_by: ColourBy, not_set: NotSet) -> Vec<LegendRow> {
    let fill =
        |rgb: Rgb, text: &str, hint: &'static str| LegendRow::new(Swatch::Fill(rgb), text, hint);
    match colour_by {
        ColourBy::Trust => {
            let steps = (0..GRADIENT_STEPS)
                .map(|i| super::trust_colour(Some(f64::from(i) / f64::from(GRADIENT_STEPS - 1))))
                .collect();
            vec![
                LegendRow::new(
                    Swatch::Gradient(steps),
                    "none → full",
                    "Trust from none (orange) to full (purple)",
                ),
                fill(super::UNKNOWN, "unknown", "No trust score is known"),
            ]
        }
        ColourBy::Form => Form::ALL
            .iter()
            .map(|f| fill(super::form_colour(*f), f.label(), f.meaning()))
            .chain(not_set.form.then(|| {
                fill(
                    super::UNKNOWN,
                    "not set",
                    "Nobody has said how deep it goes yet",
                )
            }))
            .collect(),
        ColourBy::Formality => Formality::ALL
            .iter()
            .map(|f| fill(super::formality_colour(*f), f.label(), f.meaning()))
            .chain(not_set.formality.then(|| {
                fill(
                    super::UNKNOWN,
                    "not set",
                    "Nobody has said how formal it is yet",
                )
            }))
            .collect(),
        ColourBy::Disagreement => {
            let steps = (0..GRADIENT_STEPS)
                .map(|i| {
                    super::disagreement_colour(Some(f64::from(i) / f64::from(GRADIENT_STEPS - 1)))
                })
                .collect();
            vec![
                LegendRow::new(
                    Swatch::Gradient(steps),
                    "agree → far apart",
                    "How far the perspectives' values differ: the mean, over the scores two or \
                     more voices gave, of (highest − lowest) / the scale's range",
                ),
                fill(
                    super::UNKNOWN,
                    "fewer than two voices",
                    "Fewer than two voices (the map's own values and each perspective's) rated it",
                ),
            ]
        }
        ColourBy::Function => Function::ALL
            .iter()
            .map(|f| fill(super::function_colour(*f), f.label(), f.meaning()))
            .chain([fill(
                super::UNKNOWN,
                "none given",
                "No function is recorded",
            )])
            .collect(),
    }
}

/// The legend for partnerships coloured by `colour_by` and actors drawn as `encoding` says:
/// the sectors with their shapes and colours, the sizes, the broker ring (when drawn); the
/// line widths by form and the dashes; the colour scale and the power dot; and the neutral
/// style of what `not_set` says the map leaves not set.
pub fn legend_sections(
    colour_by: ColourBy,
    encoding: ViewEncoding,
    not_set: NotSet,
) -> Vec<LegendSection> {
    let mut actors: Vec<LegendRow> = Sector::ALL
        .iter()
        .map(|s| {
            LegendRow::new(
                Swatch::Shape {
                    shape: super::sector_shape(*s),
                    colour: super::sector_colour(*s),
                    radius: SHAPE_RADIUS,
                },
                s.label(),
                s.meaning(),
            )
        })
        .collect();
    if not_set.sector {
        actors.push(LegendRow::new(
            Swatch::Shape {
                shape: super::actor_shape(None),
                colour: super::NOT_SET_FILL,
                radius: SHAPE_RADIUS,
            },
            "Sector not set",
            "Nobody has said which sector it belongs to yet",
        ));
    }
    let (samples, size_text) = size_samples(encoding.size_by);
    actors.push(LegendRow::new(
        Swatch::Sizes(samples),
        size_text,
        "Actors small to large, sized as the map sizes them",
    ));
    if not_set.influence && encoding.size_by == SizeBy::Influence {
        actors.push(LegendRow::new(
            Swatch::Sizes([super::influence_radius(1); 3]),
            "Influence not set: smallest",
            "An actor whose influence nobody has given is drawn at the smallest size",
        ));
    }
    if encoding.broker_rings {
        // The strongest ring, at half its size on the map.
        let (gap, width) = super::broker_ring(1.0);
        actors.push(LegendRow::new(
            Swatch::Ring {
                radius: 5.0 + gap / 2.0,
                width: width / 2.0,
            },
            "Ring: cross-sector broker",
            "Joins partners of different sectors who do not work together",
        ));
    }

    let mut partnerships: Vec<LegendRow> = Form::ALL
        .iter()
        .map(|f| {
            LegendRow::new(
                Swatch::Line {
                    width: super::form_width(Some(*f)),
                    to_scale: true,
                    dash: None,
                },
                f.label(),
                f.meaning(),
            )
        })
        .collect();
    partnerships.push(LegendRow::new(
        Swatch::Line {
            width: SAMPLE_LINE_WIDTH,
            to_scale: false,
            dash: Some(SAMPLE_DASH),
        },
        "Dashed: informal (below a letter of support)",
        "Less formal than a letter of support: personal ties, or permission asked per activity",
    ));
    if not_set.form || not_set.formality {
        partnerships.push(LegendRow::new(
            Swatch::Line {
                width: SAMPLE_LINE_WIDTH,
                to_scale: false,
                dash: Some(SAMPLE_DOTS),
            },
            "Dotted: formality not set (thin: form not set)",
            "Nobody has said how formal it is yet; a partnership whose form is not set is drawn thin",
        ));
    }

    let mut colours = colour_rows(colour_by, not_set);
    colours.push(LegendRow::new(
        Swatch::PowerDot,
        "Dot: the side that holds power",
        "A small dot: that side leads; a large dot: it dominates.",
    ));

    vec![
        LegendSection {
            heading: "Actors (sector)".into(),
            hint: "",
            rows: actors,
        },
        LegendSection {
            heading: "Partnerships (form)".into(),
            hint: "",
            rows: partnerships,
        },
        LegendSection {
            heading: format!("Colour: {}", colour_by.label().to_lowercase()),
            hint: colour_by.meaning(),
            rows: colours,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_explains_every_cue_of_the_view() {
        let plain = legend_sections(ColourBy::Trust, ViewEncoding::default(), NotSet::default());
        let headings: Vec<&str> = plain.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            ["Actors (sector)", "Partnerships (form)", "Colour: trust"]
        );
        assert_eq!(plain[0].rows.len(), Sector::ALL.len() + 1);
        assert!(plain[1].rows.iter().any(|r| r.text.starts_with("Dashed")));
        assert!(matches!(plain[2].rows[0].swatch, Swatch::Gradient(ref s) if s.len() == 24));
        let ringed = legend_sections(
            ColourBy::Function,
            ViewEncoding {
                size_by: SizeBy::TrustReceived,
                broker_rings: true,
            },
            NotSet::default(),
        );
        let texts: Vec<&str> = ringed
            .iter()
            .flat_map(|s| s.rows.iter().map(|r| r.text.as_str()))
            .collect();
        assert!(texts.contains(&"Ring: cross-sector broker"));
        assert!(texts.contains(&"Size: trust received, none to full"));
        assert!(texts.contains(&"none given"));
        assert_eq!(texts.last(), Some(&"Dot: the side that holds power"));
        assert!(!texts.iter().any(|t| t.contains("not set")));
    }

    #[test]
    fn the_legend_explains_the_neutral_style_only_of_what_the_map_leaves_not_set() {
        let mut project = Project::new();
        let id = project.allocate_actor_id();
        project.insert_actor(crate::model::Actor::named(id, "Local NGO"));
        let not_set = NotSet::of(&project);
        assert_eq!(
            not_set,
            NotSet {
                sector: true,
                influence: true,
                form: false,
                formality: false
            }
        );
        let texts = |colour_by, not_set| {
            legend_sections(colour_by, ViewEncoding::default(), not_set)
                .iter()
                .flat_map(|s| s.rows.iter().map(|r| r.text.clone()))
                .collect::<Vec<_>>()
        };
        let rows = texts(ColourBy::Form, not_set);
        assert!(rows.contains(&"Sector not set".to_string()));
        assert!(rows.contains(&"Influence not set: smallest".to_string()));
        assert!(!rows.iter().any(|t| t.starts_with("Dotted")));
        let all = NotSet {
            form: true,
            formality: true,
            ..not_set
        };
        let rows = texts(ColourBy::Form, all);
        assert!(
            rows.iter()
                .any(|t| t.starts_with("Dotted: formality not set"))
        );
        assert!(rows.contains(&"not set".to_string()));
    }
}
