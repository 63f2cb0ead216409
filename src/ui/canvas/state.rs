//! What the canvas remembers between frames: the camera, the gesture in progress, the field
//! of an actor being added, and the geometry cached against the document revision.

use std::collections::HashMap;

use egui::{Pos2, Rect, Vec2};

use super::camera::Camera;
use super::geometry::Geometry;
use super::paint::ShownLabel;
use crate::model::{ActorId, Sector};

/// The room kept between a revealed item and the canvas's edge, in screen points.
const REVEAL_MARGIN: f32 = 40.0;

/// A gesture in progress on the canvas.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Gesture {
    /// Nothing is being dragged.
    #[default]
    Idle,
    /// Actors are being dragged; `delta` is how far, in map units.
    Move {
        /// The actors that move.
        actors: Vec<ActorId>,
        /// How far they have moved so far.
        delta: Vec2,
    },
    /// A partnership is being drawn from `from` to the pointer.
    Connect {
        /// The actor the line starts at.
        from: ActorId,
        /// Where the pointer is, on screen.
        pointer: Pos2,
    },
    /// A selection box is being drawn.
    Box {
        /// Where it started, on screen.
        start: Pos2,
        /// Where the pointer is, on screen.
        current: Pos2,
        /// Whether the boxed actors are added to the selection.
        additive: bool,
    },
}

/// The text field that appears where an actor is being added.
#[derive(Clone, Debug, PartialEq)]
pub struct NewActorPrompt {
    /// Where the actor will stand, in map units.
    pub at: Pos2,
    /// The name typed so far.
    pub name: String,
    /// Whether the field still has to take the keyboard.
    pub focus: bool,
    /// The sector picked for it: the suggestion from the name's words until someone picks
    /// one (then `picked`); Enter accepts it.
    pub sector: Option<Sector>,
    /// Whether someone picked the sector (or "not set"): the name's suggestion no longer
    /// replaces it.
    pub picked: bool,
}

impl NewActorPrompt {
    /// An empty prompt at `at` (map units), taking the keyboard.
    pub fn at(at: Pos2) -> Self {
        Self {
            at,
            name: String::new(),
            focus: true,
            sector: None,
            picked: false,
        }
    }
}

/// What the canvas remembers between frames.
#[derive(Default)]
pub struct CanvasState {
    /// The camera; `None` fits the whole map on the next frame.
    pub camera: Option<Camera>,
    /// The drag in progress.
    pub gesture: Gesture,
    /// The name field of an actor being added.
    pub new_actor: Option<NewActorPrompt>,
    /// Whether every drag from an actor draws a partnership.
    pub connect_mode: bool,
    /// The screen rectangle of the canvas in the last frame.
    pub screen: Option<Rect>,
    /// The window's content rectangle in the last frame.
    pub(super) window: Option<Rect>,
    /// A map point the program centred the view on, kept at the centre while the panels
    /// around the canvas change, until the user pans or zooms.
    pub(super) centred: Option<Pos2>,
    /// Set when an actor drag ended this frame, to commit it once all actors are drawn.
    pub(super) drag_stopped: bool,
    /// Whether the camera was fitted by the program and the user has not moved it since.
    pub auto_fit: bool,
    /// When the program last fitted the camera and how many frames have been drawn since:
    /// while the window's panels settle, the fit follows the canvas's size.
    pub(super) fitted: Option<(std::time::Instant, u32)>,
    /// The actor a drag started on, whose widget must live until the drag ends.
    pub(super) drag_source: Option<ActorId>,
    /// Where to draw actors instead of their positions while a layout glides into place;
    /// the document does not change until the layout lands (as one command).
    pub preview: HashMap<ActorId, Pos2>,
    /// The labels painted in the last frame, in drawing order: where the label rule put
    /// them, for tests and for what comes to read the screen.
    pub labels: Vec<ShownLabel>,
    /// What is drawn, rebuilt only when the document's revision changes.
    pub(super) geometry: Geometry,
}

impl CanvasState {
    /// Fits the whole map in view on the next frame.
    pub fn fit_on_next_frame(&mut self) {
        self.camera = None;
    }

    /// Cancels the gesture or the new-actor field; returns whether there was one.
    pub fn cancel(&mut self) -> bool {
        let busy = self.gesture != Gesture::Idle || self.new_actor.is_some();
        self.gesture = Gesture::Idle;
        self.new_actor = None;
        busy
    }

    /// Pans just enough for `bounds` (map units) to show with a margin, keeping the zoom.
    pub fn reveal(&mut self, bounds: Rect) {
        if let (Some(cam), Some(screen)) = (&mut self.camera, self.screen) {
            (self.auto_fit, self.centred) = (false, None);
            *cam = cam.reveal(screen, bounds, REVEAL_MARGIN);
        }
    }

    /// Puts the map point `at` in the middle of the canvas, keeping the zoom.
    pub fn center_on(&mut self, at: Pos2) {
        self.auto_fit = false;
        self.centred = Some(at);
        if let Some(cam) = &mut self.camera {
            cam.center = at;
        } else {
            self.camera = Some(Camera {
                center: at,
                zoom: 1.0,
            });
        }
    }

    /// Where actor `i` of the geometry is drawn this frame: its position, or where a layout
    /// gliding into place puts it, moved by the drag in progress.
    pub(super) fn drawn_at(&self, geo: &Geometry, i: usize, moving: &[bool]) -> Pos2 {
        let pos = geo.pos(i);
        let p = if self.preview.is_empty() {
            pos
        } else {
            self.preview.get(&geo.actors[i].id).copied().unwrap_or(pos)
        };
        match &self.gesture {
            Gesture::Move { delta, .. } if moving.get(i).copied().unwrap_or(false) => p + *delta,
            _ => p,
        }
    }

    /// Which actors of the geometry the drag in progress moves (empty when none).
    pub(super) fn moving(&self, geo: &Geometry) -> Vec<bool> {
        match &self.gesture {
            Gesture::Move { actors, .. } => {
                let mut flags = vec![false; geo.actors.len()];
                for id in actors {
                    if let Some(i) = geo.index.get(id) {
                        flags[*i] = true;
                    }
                }
                flags
            }
            _ => Vec::new(),
        }
    }
}
