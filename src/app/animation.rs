//! Layouts: run off the UI thread with progress and Cancel, then glide into place and land
//! as one undo step.

use std::collections::BTreeSet;

use egui::Pos2;

use super::PartnerMapApp;
use super::jobs::Event;
use crate::edit::Command;
use crate::model::{ActorId, Position};
use crate::ui::intent::{Edit, count};

/// How long a layout takes to glide into place.
pub const LAYOUT_ANIMATION: std::time::Duration = std::time::Duration::from_millis(450);
/// Layouts moving more actors than this are applied without animation.
const ANIMATE_UP_TO: usize = 3000;

/// A layout's result gliding into place.
#[derive(Clone, Debug)]
pub struct LayoutAnimation {
    /// The undo step's label.
    pub label: String,
    /// Where the actors were.
    pub from: Vec<(ActorId, Position)>,
    /// Where they go.
    pub to: Vec<(ActorId, Position)>,
    /// Whether to fit the view to the map at the end (a whole-map layout).
    pub fit: bool,
    /// When the animation began.
    pub started: std::time::Instant,
}

impl PartnerMapApp {
    /// Runs a layout on a worker thread with progress and Cancel in the status bar; the
    /// result is animated and applied as one undo step.
    pub fn start_layout(
        &mut self,
        kind: crate::layout::LayoutKind,
        only: Option<BTreeSet<ActorId>>,
    ) {
        if self.jobs.has_progress() || self.animation.is_some() {
            return;
        }
        let busy = format!("Layout: {}…", kind.label().to_lowercase());
        let progress = self.jobs.start(busy, Some("Cancel layout"));
        let project = self.doc.project.clone();
        let label = match &only {
            Some(s) => format!("Tidy {}", count(s.len(), "actor", "actors")),
            None => format!("Layout {}", kind.label().to_lowercase()),
        };
        self.jobs.spawn(move || {
            let result = crate::layout::run(&project, kind, only.as_ref(), &progress);
            Event::LaidOut(label, result)
        });
    }

    /// Draws actors a step closer to the layout's result each frame (the canvas's preview;
    /// the document is untouched), then applies the result as one undo step.
    pub(super) fn animate(&mut self, ctx: &egui::Context) {
        let Some(anim) = &self.animation else {
            return;
        };
        let t = (anim.started.elapsed().as_secs_f64() / LAYOUT_ANIMATION.as_secs_f64()).min(1.0);
        let ease = 1.0 - (1.0 - t).powi(3);
        self.view.canvas.preview = anim
            .from
            .iter()
            .zip(&anim.to)
            .map(|((id, from), (_, to))| {
                let x = from.x + (to.x - from.x) * ease;
                let y = from.y + (to.y - from.y) * ease;
                (*id, Pos2::new(x as f32, y as f32))
            })
            .collect();
        if t < 1.0 {
            ctx.request_repaint();
        } else {
            self.finish_animation();
        }
    }

    /// Ends a layout's animation: applies the move as one undo step and stops the preview.
    pub fn finish_animation(&mut self) {
        let Some(anim) = self.animation.take() else {
            return;
        };
        self.view.canvas.preview.clear();
        self.apply_edit(Edit::new(anim.label, Command::MoveActors(anim.to)));
        if anim.fit {
            self.view.canvas.fit_on_next_frame();
        }
    }

    /// Starts the glide to a layout's result (unless Cancel was pressed meanwhile).
    pub(super) fn laid_out(
        &mut self,
        label: String,
        result: Result<crate::layout::Moves, crate::layout::Cancelled>,
    ) {
        // A result that arrives after Cancel was pressed is dropped all the same.
        let cancelled = self.jobs.finish();
        let (Ok(moves), false) = (result, cancelled) else {
            return;
        };
        // Actors deleted while the layout ran are left out.
        let to: Vec<(ActorId, Position)> = moves
            .into_iter()
            .filter(|(id, _)| self.doc.project.actors.contains_key(id))
            .collect();
        let from: Vec<(ActorId, Position)> = to
            .iter()
            .map(|(id, _)| (*id, self.doc.project.actors[id].position))
            .collect();
        if to.is_empty() {
            return;
        }
        // Thousands of actors jump at once: animating them costs more than it shows.
        let jump = to.len() > ANIMATE_UP_TO;
        self.animation = Some(LayoutAnimation {
            fit: label.starts_with("Layout"),
            label,
            from,
            to,
            started: std::time::Instant::now(),
        });
        if jump {
            self.finish_animation();
        }
    }
}
