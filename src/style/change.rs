//! How a comparison of two states is drawn (design.md §12), egui-free: the canvas and the
//! SVG export (and so PNG and PDF) draw every mark from these rules, and the legend explains
//! each one in the same words.
//!
//! Partnerships are coloured by what happened to them: added, ended (dashed), deepened,
//! weakened, deepened in one way and weakened in the other, or unchanged (grey). A triangle
//! at the middle of the line says trust rose (pointing up) or fell (down); an arrowhead on
//! the line points toward the side the balance of power moved to. Actors added get a green
//! ring, actors removed a red dashed ring, actors absent from both states are drawn faint.

use crate::analysis::time::{Depth, EdgeChange, Presence};

use super::Rgb;
use super::legend::{LegendRow, LegendSection, NotSet, Swatch};

/// Added: green.
pub const ADDED: Rgb = Rgb(0x1a, 0x96, 0x41);
/// Ended or removed: red.
pub const ENDED: Rgb = Rgb(0xd7, 0x19, 0x1c);
/// Deeper or more formal: blue.
pub const DEEPENED: Rgb = Rgb(0x2c, 0x7b, 0xb6);
/// Shallower or less formal: orange.
pub const WEAKENED: Rgb = Rgb(0xe6, 0x61, 0x01);
/// Deeper one way, shallower the other: purple.
pub const MIXED: Rgb = Rgb(0x7b, 0x32, 0x94);
/// Unchanged in form and formality: grey.
pub const SAME: Rgb = Rgb(0xa0, 0xa0, 0xa0);
/// Trust rose: dark green.
pub const TRUST_ROSE: Rgb = Rgb(0x00, 0x6d, 0x2c);
/// Trust fell: dark red.
pub const TRUST_FELL: Rgb = Rgb(0xa5, 0x00, 0x26);
/// The power arrowhead: near black.
pub const POWER: Rgb = Rgb(0x25, 0x25, 0x25);
/// How opaque an actor absent from both states is drawn.
pub const ABSENT_ALPHA: f32 = 0.22;
/// How opaque a removed actor's fill is drawn.
pub const REMOVED_ALPHA: f32 = 0.45;
/// The width of an added or removed actor's ring, in px.
pub const RING_WIDTH: f64 = 3.0;
/// How far outside the actor's shape the ring lies, in px.
pub const RING_GAP: f64 = 4.0;
/// The size of the trust triangle and the power arrowhead, in px (their height).
pub const GLYPH_SIZE: f64 = 11.0;
/// The dash of an ended partnership and a removed actor's ring: on, off, in px.
pub const DASH: (f64, f64) = (7.0, 5.0);
/// The narrowest line of a partnership added, ended, deepened or weakened, in px (screen
/// points on the canvas): a change stands out among the unchanged grey lines however thin
/// its form would draw it.
pub const MIN_CHANGED_WIDTH: f64 = 3.0;
/// How much larger than [`GLYPH_SIZE`] the exported pictures draw the glyphs, map and legend
/// alike: a printed or projected map is read from across a room and cannot be zoomed.
pub const GLYPH_PRINT_SCALE: f64 = 1.4;
/// Where along the line (from `a` to `b`) the trust triangle sits.
pub const TRUST_AT: f64 = 0.5;
/// Where along the line the power arrowhead sits.
pub const POWER_AT: f64 = 0.68;

/// How one partnership is drawn in a comparison.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EdgeLook {
    /// The line's colour.
    pub colour: Rgb,
    /// Whether the line is dashed ([`DASH`]).
    pub dashed: bool,
    /// The trust triangle: `Some(true)` pointing up (rose), `Some(false)` down (fell).
    pub trust: Option<bool>,
    /// The power arrowhead: `Some(true)` pointing toward `b`, `Some(false)` toward `a`.
    pub power: Option<bool>,
}

/// How `e` is drawn.
pub fn edge_look(e: &EdgeChange) -> EdgeLook {
    let colour = match (e.presence, e.depth) {
        (Presence::Added, _) => ADDED,
        (Presence::Removed, _) => ENDED,
        (_, Depth::Deepened) => DEEPENED,
        (_, Depth::Weakened) => WEAKENED,
        (_, Depth::Mixed) => MIXED,
        (_, Depth::Same) => SAME,
    };
    let m = e.movement;
    EdgeLook {
        colour,
        dashed: e.presence == Presence::Removed,
        trust: (m.trust != 0).then_some(m.trust > 0),
        power: (m.power != 0).then_some(m.power > 0),
    }
}

/// How one actor is drawn in a comparison.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ActorLook {
    /// The ring around it, if any, and whether the ring is dashed.
    pub ring: Option<(Rgb, bool)>,
    /// How opaque the actor is drawn, 0–1.
    pub alpha: f32,
}

/// How an actor of `presence` is drawn.
pub fn actor_look(presence: Presence) -> ActorLook {
    match presence {
        Presence::Both => ActorLook {
            ring: None,
            alpha: 1.0,
        },
        Presence::Added => ActorLook {
            ring: Some((ADDED, false)),
            alpha: 1.0,
        },
        Presence::Removed => ActorLook {
            ring: Some((ENDED, true)),
            alpha: REMOVED_ALPHA,
        },
        Presence::Absent => ActorLook {
            ring: None,
            alpha: ABSENT_ALPHA,
        },
    }
}

/// The points of a triangle of height [`GLYPH_SIZE`] centred on `(x, y)`, pointing up
/// (`up`) or down, in a y-down frame (screen and SVG).
pub fn trust_triangle(x: f64, y: f64, up: bool, scale: f64) -> [(f64, f64); 3] {
    let h = GLYPH_SIZE * scale;
    let w = h * 0.6;
    let s = if up { 1.0 } else { -1.0 };
    [
        (x, y - s * h / 2.0),
        (x + w, y + s * h / 2.0),
        (x - w, y + s * h / 2.0),
    ]
}

/// The points of an arrowhead of length [`GLYPH_SIZE`] at `(x, y)` pointing along `(dx, dy)`
/// (any length, not zero).
pub fn arrowhead(x: f64, y: f64, dx: f64, dy: f64, scale: f64) -> [(f64, f64); 3] {
    let len = dx.hypot(dy).max(1e-9);
    let (ux, uy) = (dx / len, dy / len);
    let h = GLYPH_SIZE * scale;
    let w = h * 0.5;
    let tip = (x + ux * h / 2.0, y + uy * h / 2.0);
    let back = (x - ux * h / 2.0, y - uy * h / 2.0);
    [
        tip,
        (back.0 - uy * w, back.1 + ux * w),
        (back.0 + uy * w, back.1 - ux * w),
    ]
}

/// The point `t` (0–1) of the way along the polyline `points`, and the direction of the
/// line there; `None` for a line of no length.
pub fn along(points: &[(f64, f64)], t: f64) -> Option<((f64, f64), (f64, f64))> {
    type Segment = ((f64, f64), (f64, f64), f64);
    let segments: Vec<Segment> = points
        .windows(2)
        .map(|w| (w[0], w[1], (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1)))
        .collect();
    let total: f64 = segments.iter().map(|s| s.2).sum();
    if total.is_nan() || total <= 0.0 {
        return None;
    }
    let mut left = t.clamp(0.0, 1.0) * total;
    for (a, b, len) in &segments {
        if left <= *len && *len > 0.0 {
            let f = left / len;
            let at = (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f);
            return Some((at, (b.0 - a.0, b.1 - a.1)));
        }
        left -= len;
    }
    let (a, b, _) = segments.last()?;
    Some((*b, (b.0 - a.0, b.1 - a.1)))
}

/// A glyph of a comparison, as the legend shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Glyph {
    /// The trust triangle, pointing up (rose) or down (fell).
    Trust(bool),
    /// The power arrowhead on a line.
    Power,
    /// An actor's ring: added (solid) or removed (dashed).
    Ring(bool),
    /// A faint actor: absent from both states.
    Absent,
}

/// The legend of a comparison from `from` to `to`, with only the rows whose marks the
/// drawing has (`shown`, from [`shown_marks`]).
pub fn legend_section(from: &str, to: &str, shown: &ShownMarks) -> LegendSection {
    let fill = |rgb, text: &str, hint| LegendRow::new(Swatch::Fill(rgb), text, hint);
    let glyph = |g, text: &str, hint| LegendRow::new(Swatch::Change(g), text, hint);
    let rows = [
        (
            shown.added,
            fill(ADDED, "added", "Partnership only in the later state"),
        ),
        (
            shown.ended,
            fill(
                ENDED,
                "ended (dashed)",
                "Partnership only in the earlier state",
            ),
        ),
        (
            shown.deepened,
            fill(
                DEEPENED,
                "deeper or more formal",
                "Its form went deeper or its formality rose, and neither went back",
            ),
        ),
        (
            shown.weakened,
            fill(
                WEAKENED,
                "shallower or less formal",
                "Its form went shallower or its formality fell, and neither went forward",
            ),
        ),
        (
            shown.mixed,
            fill(
                MIXED,
                "deeper one way, less the other",
                "Form and formality moved in opposite directions",
            ),
        ),
        (
            shown.same,
            fill(
                SAME,
                "same form and formality",
                "Form and formality did not move (other fields may have)",
            ),
        ),
        (
            shown.trust_rose,
            glyph(Glyph::Trust(true), "trust rose", "Mean trust rose"),
        ),
        (
            shown.trust_fell,
            glyph(Glyph::Trust(false), "trust fell", "Mean trust fell"),
        ),
        (
            shown.power,
            glyph(
                Glyph::Power,
                "power moved toward ▸",
                "The balance of power moved toward the side the arrowhead points to",
            ),
        ),
        (
            shown.actor_added,
            glyph(
                Glyph::Ring(true),
                "actor added",
                "Actor only in the later state",
            ),
        ),
        (
            shown.actor_removed,
            glyph(
                Glyph::Ring(false),
                "actor removed",
                "Actor only in the earlier state",
            ),
        ),
        (
            shown.absent,
            glyph(
                Glyph::Absent,
                "actor in neither",
                "In another state of the map; drawn faint where it stands",
            ),
        ),
    ];
    LegendSection {
        heading: format!("Change: {from} → {to}"),
        hint: "What changed from the earlier state to the later one",
        rows: rows
            .into_iter()
            .filter_map(|(on, row)| on.then_some(row))
            .collect(),
    }
}

/// The whole legend of a comparison as the window shows it: its Change section first, then
/// the sectors and sizes of actors and the line widths by form ([`comparison_sections`] of
/// the ordinary legend with the default view encoding).
pub fn comparison_legend(change: LegendSection, not_set: NotSet) -> Vec<LegendSection> {
    let ordinary = super::legend::legend_sections(
        crate::model::ColourBy::Trust,
        super::ViewEncoding::default(),
        not_set,
    );
    comparison_sections(change, ordinary)
}

/// The whole legend of a comparison: its Change section (from [`legend_section`]) first,
/// then the rows of the ordinary legend (`ordinary`, from
/// [`super::legend::legend_sections`], with the view encoding that sizes and rings the
/// actors) that still hold in a comparison: sectors, sizes, rings and line widths by form.
/// The rows whose cue the comparison draws otherwise are left out: line colours (a
/// comparison colours lines by what changed), the dashes and dots of formality (only an
/// ended partnership is dashed) and the power dot (the arrowhead shows where power moved).
pub fn comparison_sections(
    change: LegendSection,
    ordinary: Vec<LegendSection>,
) -> Vec<LegendSection> {
    let holds = |row: &LegendRow| match row.swatch {
        Swatch::Shape { .. } | Swatch::Sizes(_) | Swatch::Ring { .. } | Swatch::Change(_) => true,
        Swatch::Line { dash, .. } => dash.is_none(),
        Swatch::Fill(_) | Swatch::Gradient(_) | Swatch::PowerDot => false,
    };
    let kept = ordinary.into_iter().filter_map(|mut section| {
        section.rows.retain(holds);
        (!section.rows.is_empty()).then_some(section)
    });
    std::iter::once(change).chain(kept).collect()
}

/// Which marks a comparison draws, so that the legend explains only those.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShownMarks {
    /// Some partnership was added.
    pub added: bool,
    /// Some partnership ended.
    pub ended: bool,
    /// Some partnership deepened.
    pub deepened: bool,
    /// Some partnership weakened.
    pub weakened: bool,
    /// Some partnership moved both ways.
    pub mixed: bool,
    /// Some partnership kept its form and formality.
    pub same: bool,
    /// Some partnership's trust rose.
    pub trust_rose: bool,
    /// Some partnership's trust fell.
    pub trust_fell: bool,
    /// Some partnership's power moved.
    pub power: bool,
    /// Some actor was added.
    pub actor_added: bool,
    /// Some actor was removed.
    pub actor_removed: bool,
    /// Some actor is absent from both states.
    pub absent: bool,
}

/// The marks of `edges` and `actors`.
pub fn shown_marks<'a>(
    edges: impl IntoIterator<Item = &'a EdgeChange>,
    actors: impl IntoIterator<Item = &'a Presence>,
) -> ShownMarks {
    let mut s = ShownMarks::default();
    for e in edges {
        let look = edge_look(e);
        match (e.presence, e.depth) {
            (Presence::Added, _) => s.added = true,
            (Presence::Removed, _) => s.ended = true,
            (_, Depth::Deepened) => s.deepened = true,
            (_, Depth::Weakened) => s.weakened = true,
            (_, Depth::Mixed) => s.mixed = true,
            (_, Depth::Same) => s.same = true,
        }
        s.trust_rose |= look.trust == Some(true);
        s.trust_fell |= look.trust == Some(false);
        s.power |= look.power.is_some();
    }
    for p in actors {
        match p {
            Presence::Added => s.actor_added = true,
            Presence::Removed => s.actor_removed = true,
            Presence::Absent => s.absent = true,
            Presence::Both => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::change::Movement;

    fn e(presence: Presence, form: i8, formality: i8, trust: i8, power: i8) -> EdgeChange {
        let movement = Movement {
            form,
            formality,
            trust,
            power,
        };
        EdgeChange {
            presence,
            depth: Depth::of(movement),
            movement,
        }
    }

    #[test]
    fn each_change_has_its_own_look_and_its_legend_row() {
        let edges = [
            e(Presence::Added, 0, 0, 0, 0),
            e(Presence::Removed, 0, 0, 0, 0),
            e(Presence::Both, 1, 0, 1, 0),
            e(Presence::Both, 0, -1, 0, -1),
        ];
        let looks: Vec<EdgeLook> = edges.iter().map(edge_look).collect();
        assert_eq!(looks[0].colour, ADDED);
        assert!(looks[1].dashed && looks[1].colour == ENDED);
        assert_eq!((looks[2].colour, looks[2].trust), (DEEPENED, Some(true)));
        assert_eq!((looks[3].colour, looks[3].power), (WEAKENED, Some(false)));
        let shown = shown_marks(&edges, &[Presence::Both, Presence::Added]);
        let legend = legend_section("Baseline", "now", &shown);
        let texts: Vec<&str> = legend.rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "added",
                "ended (dashed)",
                "deeper or more formal",
                "shallower or less formal",
                "trust rose",
                "power moved toward ▸",
                "actor added"
            ]
        );
        assert_eq!(legend.heading, "Change: Baseline → now");
        let whole = comparison_legend(legend, NotSet::default());
        let headings: Vec<&str> = whole.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Change: Baseline → now",
                "Actors (sector)",
                "Partnerships (form)"
            ]
        );
        assert!(
            !whole[2].rows.iter().any(|r| r.text.starts_with("Dashed")),
            "dashes mean ended here"
        );
    }

    #[test]
    fn a_point_along_a_bent_line_is_measured_by_length() {
        let line = [(0.0, 0.0), (10.0, 0.0), (10.0, 30.0)];
        let (at, dir) = along(&line, 0.5).unwrap();
        assert_eq!(at, (10.0, 10.0));
        assert_eq!(dir, (0.0, 30.0));
        assert_eq!(along(&line, 0.0).unwrap().0, (0.0, 0.0));
        assert!(along(&[(1.0, 1.0), (1.0, 1.0)], 0.5).is_none());
    }

    #[test]
    fn a_comparison_legend_keeps_the_ordinary_rows_that_still_hold() {
        use crate::model::{Choice, ColourBy};
        use crate::style::legend::{NotSet, legend_sections};
        let shown = shown_marks(&[e(Presence::Added, 0, 0, 0, 0)], &[]);
        let ordinary = legend_sections(
            ColourBy::Trust,
            crate::style::ViewEncoding::default(),
            NotSet::default(),
        );
        let sections = comparison_sections(legend_section("Baseline", "now", &shown), ordinary);
        let headings: Vec<&str> = sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Change: Baseline → now",
                "Actors (sector)",
                "Partnerships (form)"
            ]
        );
        let texts: Vec<&str> = sections[2].rows.iter().map(|r| r.text.as_str()).collect();
        assert!(!texts.iter().any(|t| t.starts_with("Dashed")), "{texts:?}");
        assert_eq!(texts.len(), crate::model::Form::ALL.len());
    }

    #[test]
    fn glyphs_point_where_they_say() {
        let up = trust_triangle(0.0, 0.0, true, 1.0);
        assert!(
            up[0].1 < up[1].1,
            "the apex is above the base on a y-down screen"
        );
        let right = arrowhead(0.0, 0.0, 10.0, 0.0, 1.0);
        assert!(right[0].0 > right[1].0 && right[0].0 > right[2].0);
        assert!(
            (right[1].1 + right[2].1).abs() < 1e-9,
            "symmetric about the line"
        );
    }
}
