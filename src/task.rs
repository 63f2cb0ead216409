//! Progress of long work off the UI thread, and the way to cancel it.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Progress of a long import or export, and the way to cancel it, shared between the worker
/// thread and the window.
#[derive(Debug, Default)]
pub struct Progress {
    cancel: AtomicBool,
    permille: AtomicUsize,
}

impl Progress {
    /// A fresh progress: nothing done, not cancelled.
    pub fn new() -> Self {
        Self::default()
    }
    /// Asks the work to stop as soon as it can.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
    /// Whether the work was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
    /// The cancel flag itself, for work that takes one (betweenness).
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }
    /// Records that `done` of `total` steps are done.
    pub fn set(&self, done: usize, total: usize) {
        let p = (done.min(total) * 1000).checked_div(total).unwrap_or(0);
        self.permille.store(p, Ordering::Relaxed);
    }
    /// How much is done, 0–1.
    pub fn fraction(&self) -> f32 {
        self.permille.load(Ordering::Relaxed) as f32 / 1000.0
    }
}
