//! The canvas camera: which part of the map is on screen and how large.
//!
//! The canvas paints in screen space through this camera rather than inside a scaled
//! `egui::Scene` layer, so that labels are laid out at their on-screen size and stay sharp at
//! any zoom, which matters on a projector.

use egui::{Pos2, Rect, Vec2};

/// The lowest and highest zoom (screen points per canvas unit).
pub const ZOOM_RANGE: (f32, f32) = (0.02, 8.0);

/// Where the view looks and how close.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// The map point at the centre of the canvas.
    pub center: Pos2,
    /// Screen points per canvas unit.
    pub zoom: f32,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            center: Pos2::ZERO,
            zoom: 1.0,
        }
    }
}

impl Camera {
    /// The screen position of map point `p` on a canvas occupying `screen`.
    pub fn to_screen(&self, screen: Rect, p: Pos2) -> Pos2 {
        screen.center() + (p - self.center) * self.zoom
    }

    /// The map point under screen position `p`.
    pub fn to_map(&self, screen: Rect, p: Pos2) -> Pos2 {
        self.center + (p - screen.center()) / self.zoom
    }

    /// The part of the map that is visible on `screen`.
    pub fn visible(&self, screen: Rect) -> Rect {
        Rect::from_center_size(self.center, screen.size() / self.zoom)
    }

    /// A camera showing all of `bounds` on `screen`, with a margin.
    pub fn fit(screen: Rect, bounds: Rect) -> Self {
        if !bounds.is_finite() || bounds.is_negative() {
            return Self::default();
        }
        let margin = 60.0;
        let avail = (screen.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(50.0));
        let size = bounds.size().max(Vec2::splat(1.0));
        let zoom = (avail.x / size.x)
            .min(avail.y / size.y)
            .clamp(ZOOM_RANGE.0, 1.5);
        Self {
            center: bounds.center(),
            zoom,
        }
    }

    /// The camera moved just enough, without zooming, for `bounds` (map units) to show on
    /// `screen` with `margin` screen points around it; unchanged when it already shows.
    /// When `bounds` is larger than the screen, its centre is shown.
    pub fn reveal(&self, screen: Rect, bounds: Rect, margin: f32) -> Self {
        let inner = screen.shrink(margin);
        let shown = |lo: f32, hi: f32, view_lo: f32, view_hi: f32| -> f32 {
            // How far the view must move along one axis (screen points).
            if hi - lo > view_hi - view_lo {
                (lo + hi) / 2.0 - (view_lo + view_hi) / 2.0
            } else if lo < view_lo {
                lo - view_lo
            } else if hi > view_hi {
                hi - view_hi
            } else {
                0.0
            }
        };
        let (a, b) = (
            self.to_screen(screen, bounds.min),
            self.to_screen(screen, bounds.max),
        );
        let dx = shown(a.x, b.x, inner.left(), inner.right());
        let dy = shown(a.y, b.y, inner.top(), inner.bottom());
        Self {
            center: self.center + Vec2::new(dx, dy) / self.zoom,
            zoom: self.zoom,
        }
    }

    /// Moves the view by `delta` screen points (the map follows the pointer).
    pub fn pan(&mut self, delta: Vec2) {
        self.center -= delta / self.zoom;
    }

    /// Zooms by `factor` keeping the map point under screen position `anchor` in place.
    pub fn zoom_around(&mut self, screen: Rect, anchor: Pos2, factor: f32) {
        let before = self.to_map(screen, anchor);
        self.zoom = (self.zoom * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        let after = self.to_map(screen, anchor);
        self.center += before - after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reveal_pans_just_enough_and_never_zooms() {
        let screen = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let cam = Camera {
            center: Pos2::ZERO,
            zoom: 2.0,
        };
        // Shown already (screen x 420..440 around the centre 400): no move.
        let near = Rect::from_min_max(Pos2::new(10.0, 0.0), Pos2::new(20.0, 10.0));
        assert_eq!(cam.reveal(screen, near, 40.0), cam);
        // Off to the right: at screen x 1000..1020, the inner edge at 760: move 260 points.
        let right = Rect::from_min_max(Pos2::new(300.0, 0.0), Pos2::new(310.0, 10.0));
        let moved = cam.reveal(screen, right, 40.0);
        assert_eq!(moved.zoom, 2.0);
        assert_eq!(moved.center, Pos2::new(130.0, 0.0));
        assert_eq!(moved.to_screen(screen, Pos2::new(310.0, 10.0)).x, 760.0);
        // Larger than the screen: its centre comes to the middle.
        let huge = Rect::from_min_max(Pos2::new(-1000.0, 0.0), Pos2::new(1200.0, 10.0));
        assert_eq!(cam.reveal(screen, huge, 40.0).center.x, 100.0);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let screen = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let mut cam = Camera {
            center: Pos2::new(100.0, 50.0),
            zoom: 1.0,
        };
        let anchor = Pos2::new(700.0, 100.0);
        let under = cam.to_map(screen, anchor);
        cam.zoom_around(screen, anchor, 2.0);
        assert!((cam.to_map(screen, anchor) - under).length() < 1e-3);
        assert_eq!(cam.zoom, 2.0);
    }

    #[test]
    fn fit_shows_the_whole_map() {
        let screen = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let bounds = Rect::from_min_max(Pos2::new(-1000.0, 0.0), Pos2::new(1000.0, 400.0));
        let cam = Camera::fit(screen, bounds);
        assert!(screen.contains_rect(Rect::from_two_pos(
            cam.to_screen(screen, bounds.min),
            cam.to_screen(screen, bounds.max)
        )));
    }
}
