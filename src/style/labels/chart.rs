//! The quadrant chart's label places (design.md §8): each label goes to the first of a set
//! of places around its point (or the points of a spot) that lies inside the plot and clear
//! of everything placed before it, nearest places first, right of the point first. The same
//! free space as the map's labels ([`super::FreeSpace`]); only the places differ.

use super::{FreeSpace, Rect};

/// How far apart placed things stay, in px.
const GAP: f64 = 1.5;

/// The side of a grid cell, in px: about a label line.
const CELL: f64 = 24.0;

/// Places labels one after the other inside a frame, each clear of all taken space.
pub struct Placer {
    space: FreeSpace,
}

impl Placer {
    /// A placer for labels inside `frame`.
    pub fn new(frame: Rect) -> Self {
        Self {
            space: FreeSpace::new(frame, GAP, CELL),
        }
    }

    /// Marks `r` as taken: a point, a name, a label placed otherwise.
    pub fn take(&mut self, r: Rect) {
        self.space.take(r);
    }

    /// Whether `r` lies inside the frame and clear of all taken space.
    fn fits(&self, r: &Rect) -> bool {
        self.space.is_free(r, None)
    }

    /// Places a label `size` large near the area `around` (a point, or the points of a
    /// group): the first place that fits, trying `reaches` px away from its edge in turn
    /// (right, left, above, below, then the corners and places slid along each side).
    /// Returns the label's rectangle, now taken, and the reach it was placed at.
    pub fn place(
        &mut self,
        around: Rect,
        size: (f64, f64),
        reaches: &[f64],
    ) -> Option<(Rect, f64)> {
        self.place_where(around, size, reaches, |_| true)
    }

    /// [`Placer::place`] to the right or left of `around` only (a block of labels with
    /// leaders, which would cross its lines from above or below).
    pub fn place_beside(
        &mut self,
        around: Rect,
        size: (f64, f64),
        reaches: &[f64],
    ) -> Option<(Rect, f64)> {
        self.place_where(around, size, reaches, |side| {
            matches!(side, Side::Right | Side::Left)
        })
    }

    fn place_where(
        &mut self,
        around: Rect,
        size: (f64, f64),
        reaches: &[f64],
        allowed: impl Fn(Side) -> bool,
    ) -> Option<(Rect, f64)> {
        let found = reaches.iter().find_map(|&d| {
            candidates(around, size, d)
                .into_iter()
                .find(|(side, r)| allowed(*side) && self.fits(r))
                .map(|(_, r)| (r, d))
        })?;
        self.take(found.0);
        Some(found)
    }
}

/// Where a place lies relative to what it labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Right,
    Left,
    Above,
    Below,
    Corner,
}

/// Places for a label `size` large `d` px from the edge of `around`, in order of
/// preference.
fn candidates(around: Rect, (w, h): (f64, f64), d: f64) -> Vec<(Side, Rect)> {
    let cy = (around.top + around.bottom) / 2.0;
    let cx = (around.left + around.right) / 2.0;
    let right = around.right + d;
    let left = around.left - d - w;
    let above = around.top - d - h;
    let below = around.bottom + d;
    let r = |x: f64, y: f64| Rect::at((x, y), (w, h));
    let mut out = vec![
        (Side::Right, r(right, cy - h / 2.0)),
        (Side::Left, r(left, cy - h / 2.0)),
        (Side::Above, r(cx - w / 2.0, above)),
        (Side::Below, r(cx - w / 2.0, below)),
        (Side::Corner, r(right, above + h / 2.0)),
        (Side::Corner, r(right, below - h / 2.0)),
        (Side::Corner, r(left, above + h / 2.0)),
        (Side::Corner, r(left, below - h / 2.0)),
    ];
    // Slid along each side, for a long label beside a crowded spot.
    for k in [1.0, 2.0, 3.0] {
        let (dy, dx) = (k * (h / 2.0 + 4.0), k * w / 4.0);
        out.extend([
            (Side::Right, r(right, cy - h / 2.0 - dy)),
            (Side::Right, r(right, cy - h / 2.0 + dy)),
            (Side::Left, r(left, cy - h / 2.0 - dy)),
            (Side::Left, r(left, cy - h / 2.0 + dy)),
            (Side::Above, r(cx - w / 2.0 + dx, above)),
            (Side::Above, r(cx - w / 2.0 - dx, above)),
            (Side::Below, r(cx - w / 2.0 + dx, below)),
            (Side::Below, r(cx - w / 2.0 - dx, below)),
        ]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_go_right_then_elsewhere_and_never_overlap_or_leave_the_frame() {
        let frame = Rect::at((0.0, 0.0), (200.0, 100.0));
        let mut placer = Placer::new(frame);
        let point = Rect::around((100.0, 50.0), 5.0);
        placer.take(point);
        let (first, d) = placer.place(point, (40.0, 10.0), &[6.0, 12.0]).unwrap();
        assert_eq!((first.left, d), (111.0, 6.0), "right of the point");
        let (second, _) = placer.place(point, (40.0, 10.0), &[6.0, 12.0]).unwrap();
        assert_eq!(second.right, 89.0, "then left of it");
        let mut placed = vec![first, second];
        while let Some((r, _)) = placer.place(point, (40.0, 10.0), &[6.0, 12.0, 24.0]) {
            placed.push(r);
        }
        assert!(placed.len() > 4);
        for (i, a) in placed.iter().enumerate() {
            assert!(a.within(&frame));
            assert!(!a.near(&point, 0.0));
            for b in &placed[i + 1..] {
                assert!(!a.near(b, 0.0), "{a:?} overlaps {b:?}");
            }
        }
        // Near the frame's right edge a label goes left.
        let edge = Rect::around((195.0, 50.0), 3.0);
        let (r, _) = placer.place(edge, (40.0, 10.0), &[6.0]).unwrap();
        assert!(r.right <= 200.0 && r.left < 195.0);
        // Nothing fits a label wider than the frame.
        assert!(placer.place(point, (300.0, 10.0), &[6.0]).is_none());
        // A block goes only beside what it labels.
        let mut placer = Placer::new(frame);
        let top = Rect::around((100.0, 5.0), 4.0);
        placer.take(Rect::at((110.0, 0.0), (90.0, 100.0)));
        placer.take(Rect::at((0.0, 0.0), (90.0, 100.0)));
        assert!(placer.place_beside(top, (10.0, 10.0), &[2.0]).is_none());
        assert!(
            placer.place(top, (10.0, 10.0), &[2.0]).is_some(),
            "below it"
        );
    }
}
