//! Free space for labels: what is taken inside a frame (actors' discs, labels placed before),
//! kept in a uniform grid so that asking whether a place is free looks at a few cells and the
//! things in them, however many labels there are.

/// A rectangle: left, top, right, bottom, in the caller's units (screen points, px on paper,
/// map units), y growing downwards.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// The left edge.
    pub left: f64,
    /// The top edge.
    pub top: f64,
    /// The right edge.
    pub right: f64,
    /// The bottom edge.
    pub bottom: f64,
}

impl Rect {
    /// The rectangle `size` large with its top left at `at`.
    pub fn at((x, y): (f64, f64), (w, h): (f64, f64)) -> Self {
        Self {
            left: x,
            top: y,
            right: x + w,
            bottom: y + h,
        }
    }

    /// The square of half-side `r` around `c`.
    pub fn around(c: (f64, f64), r: f64) -> Self {
        Self::at((c.0 - r, c.1 - r), (2.0 * r, 2.0 * r))
    }

    /// The smallest rectangle holding both.
    pub fn union(self, other: Rect) -> Rect {
        Rect {
            left: self.left.min(other.left),
            top: self.top.min(other.top),
            right: self.right.max(other.right),
            bottom: self.bottom.max(other.bottom),
        }
    }

    /// Its width.
    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    /// Its height.
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }

    /// Its centre.
    pub fn centre(&self) -> (f64, f64) {
        (
            (self.left + self.right) / 2.0,
            (self.top + self.bottom) / 2.0,
        )
    }

    /// The same rectangle moved by `(dx, dy)`.
    pub fn moved(self, (dx, dy): (f64, f64)) -> Rect {
        Rect {
            left: self.left + dx,
            top: self.top + dy,
            right: self.right + dx,
            bottom: self.bottom + dy,
        }
    }

    /// Whether the two overlap, or come closer than `gap`. Rectangles that only touch (or
    /// stand exactly `gap` apart) do not.
    pub fn near(&self, other: &Rect, gap: f64) -> bool {
        self.left < other.right + gap
            && other.left < self.right + gap
            && self.top < other.bottom + gap
            && other.top < self.bottom + gap
    }

    /// Whether the rectangle overlaps the disc of radius `r` around `c`, or comes closer to
    /// it than `gap`.
    pub fn near_disc(&self, c: (f64, f64), r: f64, gap: f64) -> bool {
        let (x, y) = self.nearest(c);
        let (dx, dy, reach) = (x - c.0, y - c.1, r + gap);
        reach > 0.0 && dx * dx + dy * dy < reach * reach
    }

    /// Whether `self` lies inside `outer`.
    pub fn within(&self, outer: &Rect) -> bool {
        self.left >= outer.left
            && self.right <= outer.right
            && self.top >= outer.top
            && self.bottom <= outer.bottom
    }

    /// The point of the rectangle nearest to `p`.
    pub fn nearest(&self, p: (f64, f64)) -> (f64, f64) {
        (
            p.0.max(self.left).min(self.right),
            p.1.max(self.top).min(self.bottom),
        )
    }

    /// Whether every edge is a finite number and the rectangle is not inside out.
    pub fn is_valid(&self) -> bool {
        [self.left, self.top, self.right, self.bottom]
            .iter()
            .all(|v| v.is_finite())
            && self.left <= self.right
            && self.top <= self.bottom
    }
}

/// Something that takes space: a label's rectangle or an actor's disc; or nothing, once
/// given back.
#[derive(Clone, Copy, Debug)]
enum Taken {
    Rect(Rect),
    Disc((f64, f64), f64),
    Released,
}

impl Taken {
    fn bounds(&self) -> Option<Rect> {
        match *self {
            Taken::Rect(r) => Some(r),
            Taken::Disc(c, r) => Some(Rect::around(c, r)),
            Taken::Released => None,
        }
    }

    fn near(&self, r: &Rect, gap: f64) -> bool {
        match *self {
            Taken::Rect(t) => t.near(r, gap),
            Taken::Disc(c, radius) => r.near_disc(c, radius, gap),
            Taken::Released => false,
        }
    }
}

/// The most cells a grid has across and down: past this, cells grow instead.
const MAX_CELLS: usize = 256;

/// What is taken inside a frame, and where a label can still go: inside the frame and no
/// closer than `gap` to anything taken.
pub struct FreeSpace {
    frame: Rect,
    gap: f64,
    cols: usize,
    rows: usize,
    cell_w: f64,
    cell_h: f64,
    /// For each cell, row by row, the indices in `taken` of what reaches into it.
    cells: Vec<Vec<u32>>,
    taken: Vec<Taken>,
}

impl FreeSpace {
    /// Free space inside `frame`, where labels keep `gap` from everything taken; the grid's
    /// cells are about `cell` large (a label's height or more works well).
    pub fn new(frame: Rect, gap: f64, cell: f64) -> Self {
        let count = |extent: f64| -> usize {
            if frame.is_valid() && cell.is_finite() && cell > 0.0 {
                ((extent / cell).ceil() as usize).clamp(1, MAX_CELLS)
            } else {
                1
            }
        };
        let (cols, rows) = (count(frame.width()), count(frame.height()));
        Self {
            frame,
            gap: if gap.is_finite() { gap.max(0.0) } else { 0.0 },
            cols,
            rows,
            cell_w: (frame.width() / cols as f64).max(f64::MIN_POSITIVE),
            cell_h: (frame.height() / rows as f64).max(f64::MIN_POSITIVE),
            cells: vec![Vec::new(); cols * rows],
            taken: Vec::new(),
        }
    }

    /// The frame labels stay inside.
    pub fn frame(&self) -> Rect {
        self.frame
    }

    /// The columns and rows of cells that `r`, grown by the gap, reaches into; `None` when
    /// it lies wholly outside the frame (so it cannot touch anything inside it).
    fn cell_range(&self, r: &Rect) -> Option<(usize, usize, usize, usize)> {
        let g = self.gap;
        let f = &self.frame;
        let reach = Rect {
            left: r.left - g,
            top: r.top - g,
            right: r.right + g,
            bottom: r.bottom + g,
        };
        if !reach.is_valid() || !reach.near(f, 0.0) && !reach.within(f) {
            return None;
        }
        let col =
            |x: f64| (((x - f.left) / self.cell_w).floor().max(0.0) as usize).min(self.cols - 1);
        let row =
            |y: f64| (((y - f.top) / self.cell_h).floor().max(0.0) as usize).min(self.rows - 1);
        Some((
            col(reach.left),
            col(reach.right),
            row(reach.top),
            row(reach.bottom),
        ))
    }

    fn insert(&mut self, t: Taken) -> usize {
        let id = self.taken.len();
        if let Some((c0, c1, r0, r1)) = t.bounds().and_then(|b| self.cell_range(&b)) {
            for row in r0..=r1 {
                for col in c0..=c1 {
                    self.cells[row * self.cols + col].push(id as u32);
                }
            }
        }
        self.taken.push(t);
        id
    }

    /// Marks `r` as taken (a label, a point, a name); returns its number for
    /// [`FreeSpace::is_free`].
    pub fn take(&mut self, r: Rect) -> usize {
        self.insert(Taken::Rect(r))
    }

    /// Marks the disc of radius `r` around `c` as taken (an actor); returns its number for
    /// [`FreeSpace::is_free`].
    pub fn take_disc(&mut self, c: (f64, f64), r: f64) -> usize {
        self.insert(Taken::Disc(c, r))
    }

    /// Gives back what [`FreeSpace::take`] or [`FreeSpace::take_disc`] numbered `id`.
    pub fn release(&mut self, id: usize) {
        let Some(bounds) = self.taken.get(id).and_then(Taken::bounds) else {
            return;
        };
        if let Some((c0, c1, r0, r1)) = self.cell_range(&bounds) {
            for row in r0..=r1 {
                for col in c0..=c1 {
                    self.cells[row * self.cols + col].retain(|&t| t as usize != id);
                }
            }
        }
        self.taken[id] = Taken::Released;
    }

    /// Whether `r` lies inside the frame and clear of everything taken but `except` (the
    /// actor a label belongs to, whose places are clear of it by construction).
    pub fn is_free(&self, r: &Rect, except: Option<usize>) -> bool {
        r.is_valid() && r.within(&self.frame) && self.first_in_the_way(r, except).is_none()
    }

    /// The labels (what [`FreeSpace::take`] took) too near `r`, but `except`, in number
    /// order; `None` when `r` is not a rectangle inside the frame, when a disc is in the way
    /// or when more than `at_most` labels are.
    pub fn labels_in_the_way(
        &self,
        r: &Rect,
        except: Option<usize>,
        at_most: usize,
    ) -> Option<Vec<usize>> {
        if !r.is_valid() || !r.within(&self.frame) {
            return None;
        }
        let (c0, c1, r0, r1) = self.cell_range(r)?;
        let mut found = Vec::new();
        for row in r0..=r1 {
            for col in c0..=c1 {
                for &id in &self.cells[row * self.cols + col] {
                    let id = id as usize;
                    if Some(id) == except || found.contains(&id) {
                        continue;
                    }
                    match self.taken[id] {
                        Taken::Rect(t) if t.near(r, self.gap) => found.push(id),
                        Taken::Disc(c, radius) if r.near_disc(c, radius, self.gap) => {
                            return None;
                        }
                        _ => {}
                    }
                    if found.len() > at_most {
                        return None;
                    }
                }
            }
        }
        found.sort_unstable();
        Some(found)
    }

    /// The first thing found taken too near `r`, but `except`, if any.
    fn first_in_the_way(&self, r: &Rect, except: Option<usize>) -> Option<usize> {
        let (c0, c1, r0, r1) = self.cell_range(r)?;
        for row in r0..=r1 {
            for col in c0..=c1 {
                for &id in &self.cells[row * self.cols + col] {
                    let id = id as usize;
                    if Some(id) != except && self.taken[id].near(r, self.gap) {
                        return Some(id);
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_space_sees_rects_and_discs_across_cells() {
        let frame = Rect::at((0.0, 0.0), (100.0, 100.0));
        let mut space = FreeSpace::new(frame, 2.0, 10.0);
        let wide = space.take(Rect::at((5.0, 5.0), (60.0, 8.0)));
        assert!(
            !space.is_free(&Rect::at((50.0, 14.0), (10.0, 5.0)), None),
            "within the gap"
        );
        assert!(
            space.is_free(&Rect::at((50.0, 15.0), (10.0, 5.0)), None),
            "just clear"
        );
        assert!(space.is_free(&Rect::at((50.0, 10.0), (10.0, 5.0)), Some(wide)));
        let disc = space.take_disc((50.0, 50.0), 10.0);
        // The corner of this square is 10.6 from the centre: clear of the disc, not of its gap.
        let corner = Rect::at((57.5, 57.5), (10.0, 10.0));
        assert!(!space.is_free(&corner, None));
        assert!(space.is_free(&corner.moved((2.0, 2.0)), None));
        assert!(space.is_free(&corner, Some(disc)));
        // Outside the frame, or inside out, nothing is free.
        assert!(!space.is_free(&Rect::at((95.0, 50.0), (10.0, 5.0)), None));
        assert!(!space.is_free(&Rect::at((f64::NAN, 0.0), (1.0, 1.0)), None));
        // Something taken outside the frame still keeps labels inside it at a distance.
        space.take_disc((-5.0, 90.0), 6.0);
        assert!(!space.is_free(&Rect::at((0.0, 88.0), (2.0, 2.0)), None));
    }

    #[test]
    fn labels_in_the_way_are_listed_unless_an_actor_or_too_many_are() {
        let mut space = FreeSpace::new(Rect::at((0.0, 0.0), (100.0, 100.0)), 1.0, 10.0);
        let a = space.take(Rect::at((10.0, 10.0), (20.0, 10.0)));
        let b = space.take(Rect::at((40.0, 10.0), (20.0, 10.0)));
        let disc = space.take_disc((80.0, 15.0), 5.0);
        let across = Rect::at((15.0, 12.0), (40.0, 5.0));
        assert_eq!(space.labels_in_the_way(&across, None, 2), Some(vec![a, b]));
        assert_eq!(space.labels_in_the_way(&across, None, 1), None, "too many");
        let to_disc = Rect::at((50.0, 12.0), (30.0, 5.0));
        assert_eq!(space.labels_in_the_way(&to_disc, None, 2), None, "an actor");
        assert_eq!(
            space.labels_in_the_way(&to_disc, Some(disc), 2),
            Some(vec![b])
        );
        space.release(b);
        assert_eq!(space.labels_in_the_way(&across, None, 2), Some(vec![a]));
        assert!(space.is_free(&Rect::at((45.0, 30.0), (5.0, 5.0)), None));
        assert_eq!(
            space.labels_in_the_way(&Rect::at((95.0, 0.0), (10.0, 5.0)), None, 2),
            None
        );
    }

    #[test]
    fn a_degenerate_frame_gives_one_cell_and_no_room() {
        let space = FreeSpace::new(Rect::at((0.0, 0.0), (f64::NAN, 1.0)), 1.0, 10.0);
        assert_eq!((space.cols, space.rows), (1, 1));
        assert!(!space.is_free(&Rect::at((0.0, 0.0), (1.0, 1.0)), None));
    }
}
