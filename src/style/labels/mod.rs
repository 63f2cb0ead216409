//! Where labels go (design.md §6, "labels a room can read"), egui-free, so that the canvas
//! and every export place them by one rule: no label overlaps another label or an actor; each
//! takes the first free place around its actor ([`PLACES`]: below, above, right, left, then
//! the diagonals; then [`SLIDES`], the sides again with the label slid along them), else its
//! short name at the same places, else none. The most influential actors are labelled
//! first, so the least influential lose their labels first; the hovered and selected actors
//! come before all of them and always show their full label. An actor left without a label
//! may then move the labels in its way to other free places of theirs, with the same text
//! (a short repair): nobody loses a label or a full name for it.
//!
//! The caller measures the texts (egui's galleys in the window, the shaper in the SVG
//! export), so this module takes sizes, not fonts, in whatever unit the caller draws in.
//! Free space is kept in a uniform grid ([`FreeSpace`]), so placing n labels costs about n
//! times a few cells. [`chart`] places the quadrant chart's labels on the same free space.

pub mod chart;
mod placing;
mod space;

use placing::Placing;

pub use space::{FreeSpace, Rect};

/// Which text of an actor a label shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LabelText {
    /// The full name.
    Full,
    /// The short name.
    Short,
}

/// Where a label stands relative to its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// Centred under it (the first choice).
    Below,
    /// Centred over it.
    Above,
    /// To its right, centred on it.
    Right,
    /// To its left, centred on it.
    Left,
    /// Off its lower right corner.
    BelowRight,
    /// Off its lower left corner.
    BelowLeft,
    /// Off its upper right corner.
    AboveRight,
    /// Off its upper left corner.
    AboveLeft,
}

/// The places a label is tried at, in order: below first, as labels have always stood, then
/// the other sides, then the corners.
pub const PLACES: [Place; 8] = [
    Place::Below,
    Place::Above,
    Place::Right,
    Place::Left,
    Place::BelowRight,
    Place::BelowLeft,
    Place::AboveRight,
    Place::AboveLeft,
];

/// Where a label is tried after [`PLACES`], for crowded spots: a side again, with the label
/// slid along it by a share of its width (above and below: to the right when positive) or
/// of its height (beside: downwards when positive), still against its actor.
pub const SLIDES: [(Place, f64); 8] = [
    (Place::Below, 1.0 / 3.0),
    (Place::Below, -1.0 / 3.0),
    (Place::Above, 1.0 / 3.0),
    (Place::Above, -1.0 / 3.0),
    (Place::Right, -0.5),
    (Place::Right, 0.5),
    (Place::Left, -0.5),
    (Place::Left, 0.5),
];

/// How many places, per label and in all, may be looked at to make room for the labels
/// that found none: a few more than placing them costs when all goes well (the sample map
/// fitted to a laptop screen uses 54).
const REPAIR_TRIES_PER_LABEL: usize = 4;
const REPAIR_TRIES_AT_LEAST: usize = 64;

/// How far along each axis, as a share of the radius, a corner label stands from the
/// actor's centre (plus the gap): clear of every sector's shape, whose corners reach further
/// than the circle ([`super::shape_outline`]).
const CORNER_REACH: f64 = 0.88;

/// One actor to label, as the caller draws and measures it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    /// Its centre.
    pub centre: (f64, f64),
    /// The radius of the disc that labels keep clear of: its mark (and a broker's ring).
    pub radius: f64,
    /// The width and height of its full label; `None` when the view does not offer it (an
    /// actor not labelled, or the short name only when zoomed out).
    pub full: Option<(f64, f64)>,
    /// The width and height of its short label, tried where the full one fits nowhere;
    /// `None` when there is none (or it is the full name).
    pub short: Option<(f64, f64)>,
    /// Who is labelled first: higher first (influence, in the window and the exports).
    pub priority: f64,
    /// Whether its full label must show (the hovered and selected actors): placed before
    /// every other, at the first free place, else at its first place all the same.
    pub must_show: bool,
}

/// What labels are placed in and how far they keep from things.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRules {
    /// The visible part of the drawing: actors outside it are left out, and labels stay
    /// inside it.
    pub view: Rect,
    /// The space between an actor's disc and its own label.
    pub gap: f64,
    /// The least space between a label and any other label or actor (room for halos).
    pub spacing: f64,
}

/// A label that shows: which text, where it stands relative to its actor, and its
/// rectangle (the size that was measured, at its place).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedLabel {
    /// The full or the short name.
    pub text: LabelText,
    /// Where it stands.
    pub place: Place,
    /// Its rectangle.
    pub rect: Rect,
}

/// The rectangle of a label `size` large at `place` around a disc of radius `r` at `c`,
/// `gap` from it.
pub fn place_rect(place: Place, c: (f64, f64), r: f64, gap: f64, (w, h): (f64, f64)) -> Rect {
    let (cx, cy) = c;
    let side = r + gap;
    let corner = r * CORNER_REACH + gap;
    let (left, top) = match place {
        Place::Below => (cx - w / 2.0, cy + side),
        Place::Above => (cx - w / 2.0, cy - side - h),
        Place::Right => (cx + side, cy - h / 2.0),
        Place::Left => (cx - side - w, cy - h / 2.0),
        Place::BelowRight => (cx + corner, cy + corner),
        Place::BelowLeft => (cx - corner - w, cy + corner),
        Place::AboveRight => (cx + corner, cy - corner - h),
        Place::AboveLeft => (cx - corner - w, cy - corner - h),
    };
    Rect::at((left, top), (w, h))
}

/// [`place_rect`] slid along its side by `slide` ([`SLIDES`]); corners do not slide.
pub fn slid_rect(
    (place, slide): (Place, f64),
    c: (f64, f64),
    r: f64,
    gap: f64,
    (w, h): (f64, f64),
) -> Rect {
    let rect = place_rect(place, c, r, gap, (w, h));
    match place {
        Place::Below | Place::Above => rect.moved((slide * w, 0.0)),
        Place::Right | Place::Left => rect.moved((0.0, slide * h)),
        _ => rect,
    }
}

/// Every place a label is tried at, in order: [`PLACES`], then [`SLIDES`].
pub(crate) fn candidates() -> impl Iterator<Item = (Place, f64)> {
    PLACES.iter().map(|&p| (p, 0.0)).chain(SLIDES)
}

/// Whether a measured size can be placed.
pub(crate) fn usable(size: Option<(f64, f64)>) -> Option<(f64, f64)> {
    size.filter(|(w, h)| w.is_finite() && h.is_finite() && *w >= 0.0 && *h >= 0.0)
}

/// Places the labels of `actors` by the rule of this module; returns, for each actor in the
/// same order, its label or `None` (outside the view, nothing offered, or no room).
///
/// Labels never overlap each other or an actor's disc, and stay inside the view, except a
/// must-show label that finds no free place: it takes its first place (moved into the view)
/// all the same, and others keep clear of it.
pub fn place_labels(actors: &[LabelRequest], rules: &LabelRules) -> Vec<Option<PlacedLabel>> {
    let out = vec![None; actors.len()];
    let view = rules.view;
    if !view.is_valid() {
        return out;
    }
    let shown: Vec<usize> = (0..actors.len())
        .filter(|&i| {
            let a = &actors[i];
            a.centre.0.is_finite()
                && a.centre.1.is_finite()
                && a.radius.is_finite()
                && reaches_into(&view, a.centre, a.radius)
        })
        .collect();
    if shown.is_empty() || !shown.iter().any(|&i| offers(&actors[i])) {
        return out;
    }
    let mut space = FreeSpace::new(view, rules.spacing, cell_size(actors, &shown, &view));
    let mut discs = vec![usize::MAX; actors.len()];
    for &i in &shown {
        discs[i] = space.take_disc(actors[i].centre, actors[i].radius.max(0.0));
    }
    let mut order: Vec<usize> = shown.into_iter().filter(|&i| offers(&actors[i])).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&actors[i], &actors[j]);
        b.must_show
            .cmp(&a.must_show)
            .then(b.priority.total_cmp(&a.priority))
            .then(i.cmp(&j))
    });
    let mut placing = Placing::new(actors, rules.gap, space, discs);
    for &i in &order {
        let a = &actors[i];
        let found = first_free(&placing.space, a, rules.gap, placing.discs[i]);
        if let Some(label) = found.or_else(|| forced(a, rules)) {
            placing.put(i, label);
        }
    }
    // Then, most influential first, those left without a label may move labels in their way
    // to other free places, within a budget of tries that grows with the number of labels.
    let mut budget = REPAIR_TRIES_PER_LABEL * order.len() + REPAIR_TRIES_AT_LEAST;
    for &i in &order {
        if placing.label(i).is_none() {
            placing.make_room(i, &mut budget);
        }
    }
    placing.into_labels()
}

/// Whether the disc of radius `r` around `c` reaches into `view`.
fn reaches_into(view: &Rect, c: (f64, f64), r: f64) -> bool {
    let (x, y) = view.nearest(c);
    (x - c.0).hypot(y - c.1) <= r.max(0.0)
}

/// Whether an actor has any label to place.
fn offers(a: &LabelRequest) -> bool {
    usable(a.full).is_some() || usable(a.short).is_some()
}

/// The first free place for `a`'s full label, else (unless it must show in full) for its
/// short one.
fn first_free(space: &FreeSpace, a: &LabelRequest, gap: f64, disc: usize) -> Option<PlacedLabel> {
    let full = first_free_as(space, a, gap, disc, LabelText::Full);
    if full.is_some() || (a.must_show && usable(a.full).is_some()) {
        return full;
    }
    first_free_as(space, a, gap, disc, LabelText::Short)
}

/// The first free place for `a`'s label in `text`.
pub(crate) fn first_free_as(
    space: &FreeSpace,
    a: &LabelRequest,
    gap: f64,
    disc: usize,
    text: LabelText,
) -> Option<PlacedLabel> {
    let size = match text {
        LabelText::Full => usable(a.full),
        LabelText::Short => usable(a.short),
    }?;
    candidates().find_map(|(place, slide)| {
        let rect = slid_rect((place, slide), a.centre, a.radius.max(0.0), gap, size);
        space
            .is_free(&rect, Some(disc))
            .then_some(PlacedLabel { text, place, rect })
    })
}

/// A must-show label that found no free place: its first text at its first place, moved
/// into the view where it fits there.
fn forced(a: &LabelRequest, rules: &LabelRules) -> Option<PlacedLabel> {
    if !a.must_show {
        return None;
    }
    let (text, size) = match (usable(a.full), usable(a.short)) {
        (Some(size), _) => (LabelText::Full, size),
        (None, Some(size)) => (LabelText::Short, size),
        (None, None) => return None,
    };
    let place = PLACES[0];
    let rect = place_rect(place, a.centre, a.radius.max(0.0), rules.gap, size);
    let v = rules.view;
    let shift = |lo: f64, hi: f64, min: f64, max: f64| {
        if hi - lo > max - min {
            0.0
        } else if lo < min {
            min - lo
        } else if hi > max {
            max - hi
        } else {
            0.0
        }
    };
    let dx = shift(rect.left, rect.right, v.left, v.right);
    let dy = shift(rect.top, rect.bottom, v.top, v.bottom);
    Some(PlacedLabel {
        text,
        place,
        rect: rect.moved((dx, dy)),
    })
}

/// A grid cell size for these labels in `view`: about one actor per cell, and no smaller
/// than the labels are tall, so that a label spans few cells.
fn cell_size(actors: &[LabelRequest], shown: &[usize], view: &Rect) -> f64 {
    let (mut tall, mut n) = (0.0, 0usize);
    for &i in shown {
        if let Some((_, h)) = usable(actors[i].full).or(usable(actors[i].short)) {
            tall += h;
            n += 1;
        }
    }
    let mean_height = if n > 0 { tall / n as f64 } else { 0.0 };
    let per_actor = (view.width() * view.height() / shown.len().max(1) as f64).sqrt();
    per_actor.max(mean_height)
}

#[cfg(test)]
mod tests;
