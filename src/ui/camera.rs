//! The canvas camera, kept at its old path: it lives in [`super::canvas::camera`].

pub use super::canvas::camera::{Camera, ZOOM_RANGE};
