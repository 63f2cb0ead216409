//! A comparison of two states in the SVG (design.md §12): the map drawn from
//! [`crate::analysis::time::compose`], each partnership coloured by what happened to it
//! (dashed when it ended) with its trust triangle and power arrowhead, each actor added or
//! removed ringed, and the legend's Change section first. Every mark follows
//! [`crate::style::change`], as the window's comparison does.

use std::collections::BTreeMap;

use super::{DARK, Doc, Palette};
use crate::analysis::time::{Composed, Depth, EdgeChange, Presence};
use crate::model::{ActorId, PartnershipId};
use crate::style::change::{self, ActorLook, EdgeLook};
use crate::style::legend::LegendSection;

/// How a comparison draws its items beyond the ordinary marks.
pub(crate) struct ChangeLooks {
    /// Each partnership's look and what happened to it, by id.
    pub(super) edges: BTreeMap<PartnershipId, (EdgeLook, &'static str)>,
    /// Each actor's look, by id.
    pub(super) actors: BTreeMap<ActorId, ActorLook>,
    /// The legend's Change section.
    pub(super) section: LegendSection,
}

/// Whether a partnership's change is drawn in a colour of its own (not the grey of
/// "same form and formality"), over the grey lines and at least
/// [`change::MIN_CHANGED_WIDTH`] wide.
pub(super) fn stands_out(kind: &str) -> bool {
    kind != "same"
}

impl ChangeLooks {
    /// The looks of `composed`, a comparison from the state labelled `from` to `to`.
    pub(crate) fn of(composed: &Composed, from: &str, to: &str) -> Self {
        let shown = change::shown_marks(composed.partnerships.values(), composed.actors.values());
        Self {
            edges: composed
                .partnerships
                .iter()
                .map(|(id, e)| (*id, (change::edge_look(e), kind(e))))
                .collect(),
            actors: composed
                .actors
                .iter()
                .map(|(id, p)| (*id, change::actor_look(*p)))
                .collect(),
            section: change::legend_section(from, to, &shown),
        }
    }

    /// How far a ring reaches beyond its actor, in px on paper: labels keep clear of it.
    pub(super) fn ring_reach_px(&self, id: ActorId) -> f64 {
        match self.actors.get(&id).and_then(|l| l.ring) {
            Some(_) => change::RING_GAP + change::RING_WIDTH / 2.0,
            None => 0.0,
        }
    }
}

/// What happened to a partnership, in one word: its class in the SVG and its title's end.
fn kind(e: &EdgeChange) -> &'static str {
    match (e.presence, e.depth) {
        (Presence::Added, _) => "added",
        (Presence::Removed | Presence::Absent, _) => "ended",
        (_, Depth::Deepened) => "deepened",
        (_, Depth::Weakened) => "weakened",
        (_, Depth::Mixed) => "mixed",
        (_, Depth::Same) => "same",
    }
}

/// Draws a partnership's trust triangle and power arrowhead on its polyline `points` (from
/// end `a` to end `b`, in map units), each [`change::GLYPH_SIZE`] px on paper at `scale`,
/// enlarged by [`change::GLYPH_PRINT_SCALE`].
pub(super) fn edge_glyphs(doc: &mut Doc, look: &EdgeLook, points: &[(f64, f64)], scale: f64) {
    let units = 1.0 / scale.max(1e-9);
    let size = change::GLYPH_PRINT_SCALE * units;
    if let (Some(up), Some(((x, y), _))) = (look.trust, change::along(points, change::TRUST_AT)) {
        let rgb = if up {
            change::TRUST_ROSE
        } else {
            change::TRUST_FELL
        };
        glyph(
            doc,
            "trust",
            &change::trust_triangle(x, y, up, size),
            &rgb.hex(),
            units,
        );
    }
    if let (Some(toward_b), Some(((x, y), (dx, dy)))) =
        (look.power, change::along(points, change::POWER_AT))
    {
        let (dx, dy) = if toward_b { (dx, dy) } else { (-dx, -dy) };
        let fill = power_fill(doc.pal);
        glyph(
            doc,
            "power",
            &change::arrowhead(x, y, dx, dy, size),
            &fill,
            units,
        );
    }
}

/// The power arrowhead's colour on `pal`: [`change::POWER`], near black, on a light page;
/// the ink on a dark one, where near black would be lost.
pub(super) fn power_fill(pal: &Palette) -> String {
    if *pal == DARK {
        pal.ink.to_string()
    } else {
        change::POWER.hex()
    }
}

/// The outline of a glyph on `pal`: the page's colour on a light page (a halo that parts it
/// from the line under it), the ink on a dark one (where the dark reds and greens of trust
/// would sink into the page).
fn outline(pal: &Palette) -> &'static str {
    if *pal == DARK { DARK.ink } else { pal.page }
}

/// A filled glyph of `points` in `fill` with a thin outline ([`outline`]), `units` wide.
pub(super) fn glyph(doc: &mut Doc, class: &str, points: &[(f64, f64)], fill: &str, units: f64) {
    let page = outline(doc.pal);
    doc.s("<polygon class=\"").s(class).s("\" points=\"");
    for (k, (x, y)) in points.iter().enumerate() {
        if k > 0 {
            doc.s(" ");
        }
        doc.n(*x).s(",").n(*y);
    }
    doc.s("\" fill=\"")
        .s(fill)
        .s("\" stroke=\"")
        .s(page)
        .s("\" stroke-width=\"")
        .n(units)
        .s("\" stroke-linejoin=\"round\"/>");
}

/// The ring of an actor added (solid, green) or removed (dashed, red) at `c`, outside its
/// radius `r`, at `scale` (px on paper per map unit).
pub(super) fn actor_ring(doc: &mut Doc, (x, y): (f64, f64), r: f64, look: &ActorLook, scale: f64) {
    let Some((rgb, dashed)) = look.ring else {
        return;
    };
    let units = 1.0 / scale.max(1e-9);
    doc.s("<circle class=\"change-ring\" cx=\"")
        .n(x)
        .s("\" cy=\"")
        .n(y)
        .s("\" r=\"")
        .n(r + change::RING_GAP * units);
    doc.s("\" fill=\"none\" stroke=\"")
        .s(&rgb.hex())
        .s("\" stroke-width=\"")
        .n(change::RING_WIDTH * units)
        .s("\"");
    if dashed {
        let (on, off) = change::DASH;
        doc.s(" stroke-dasharray=\"")
            .n(on * units)
            .s(" ")
            .n(off * units)
            .s("\"");
    }
    doc.s("/>");
}
