//! Label placement for exported charts: each label goes to the first of a set of places
//! around its point that lies inside the frame and clear of everything placed before it,
//! nearest places first.

/// A rectangle in px: left, top, right, bottom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    pub(crate) left: f64,
    pub(crate) top: f64,
    pub(crate) right: f64,
    pub(crate) bottom: f64,
}

impl Rect {
    /// The rectangle `size` large with its top left at `at`.
    pub(crate) fn at((x, y): (f64, f64), (w, h): (f64, f64)) -> Self {
        Self {
            left: x,
            top: y,
            right: x + w,
            bottom: y + h,
        }
    }

    /// The square of half-side `r` around `c`.
    pub(crate) fn around(c: (f64, f64), r: f64) -> Self {
        Self::at((c.0 - r, c.1 - r), (2.0 * r, 2.0 * r))
    }

    /// The smallest rectangle holding both.
    pub(crate) fn union(self, other: Rect) -> Rect {
        Rect {
            left: self.left.min(other.left),
            top: self.top.min(other.top),
            right: self.right.max(other.right),
            bottom: self.bottom.max(other.bottom),
        }
    }

    /// Whether the two overlap, or come closer than `gap`.
    fn near(&self, other: &Rect, gap: f64) -> bool {
        self.left < other.right + gap
            && other.left < self.right + gap
            && self.top < other.bottom + gap
            && other.top < self.bottom + gap
    }

    /// Whether `self` lies inside `outer`.
    fn within(&self, outer: &Rect) -> bool {
        self.left >= outer.left
            && self.right <= outer.right
            && self.top >= outer.top
            && self.bottom <= outer.bottom
    }

    /// The point of the rectangle nearest to `p`.
    pub(crate) fn nearest(&self, p: (f64, f64)) -> (f64, f64) {
        (
            p.0.clamp(self.left, self.right),
            p.1.clamp(self.top, self.bottom),
        )
    }
}

/// How far apart placed things stay, in px.
const GAP: f64 = 1.5;

/// Places labels one after the other inside a frame, each clear of all taken space.
pub(crate) struct Placer {
    frame: Rect,
    taken: Vec<Rect>,
}

impl Placer {
    /// A placer for labels inside `frame`.
    pub(crate) fn new(frame: Rect) -> Self {
        Self {
            frame,
            taken: Vec::new(),
        }
    }

    /// Marks `r` as taken: a point, a name, a label placed otherwise.
    pub(crate) fn take(&mut self, r: Rect) {
        self.taken.push(r);
    }

    /// Whether `r` lies inside the frame and clear of all taken space.
    fn fits(&self, r: &Rect) -> bool {
        r.within(&self.frame) && !self.taken.iter().any(|t| t.near(r, GAP))
    }

    /// Places a label `size` large near the area `around` (a point, or the points of a
    /// group): the first place that fits, trying `reaches` px away from its edge in turn
    /// (right, left, above, below, then the corners and places slid along each side).
    /// Returns the label's rectangle, now taken, and the reach it was placed at.
    pub(crate) fn place(
        &mut self,
        around: Rect,
        size: (f64, f64),
        reaches: &[f64],
    ) -> Option<(Rect, f64)> {
        self.place_where(around, size, reaches, |_| true)
    }

    /// [`Placer::place`] to the right or left of `around` only (a block of labels with
    /// leaders, which would cross its lines from above or below).
    pub(crate) fn place_beside(
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
