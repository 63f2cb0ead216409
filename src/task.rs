//! Progress of long work off the UI thread, and the way to cancel it.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Progress of a long import or export, and the way to cancel it, shared between the worker
/// thread and the window (or the command line, which reports it on standard error).
#[derive(Debug, Default)]
pub struct Progress {
    cancel: AtomicBool,
    permille: AtomicUsize,
    /// Steps done, for work that counts its own steps (see [`Self::counter`]).
    steps: AtomicUsize,
    /// The steps to do when work counts them; 0 when it reports with [`Self::set`].
    total: AtomicUsize,
    /// What the work is doing now ("betweenness"), empty until it says.
    stage: Mutex<&'static str>,
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
        self.total.store(0, Ordering::Relaxed);
        self.permille.store(p, Ordering::Relaxed);
    }
    /// A counter of steps for work that counts them itself, out of `total` (betweenness
    /// counts its sources): from now until the next [`Self::set`] or `counter`, how much is
    /// done is the counter's value out of `total`.
    pub fn counter(&self, total: usize) -> &AtomicUsize {
        self.steps.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        &self.steps
    }
    /// How much is done, 0–1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total > 0 {
            return self.steps.load(Ordering::Relaxed).min(total) as f32 / total as f32;
        }
        self.permille.load(Ordering::Relaxed) as f32 / 1000.0
    }
    /// Says what the work is doing now ("reading", "betweenness"), for a message such as
    /// the command line's "partnermap stats: betweenness 40%"; how much is done starts again
    /// from 0.
    pub fn set_stage(&self, stage: &'static str) {
        self.set(0, 1);
        // A worker that panicked holding the lock left a name; the next one replaces it.
        *self.stage.lock().unwrap_or_else(|e| e.into_inner()) = stage;
    }
    /// What the work is doing now, as last said with [`Self::set_stage`] (empty before).
    pub fn stage(&self) -> &'static str {
        *self.stage.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_follows_set_or_the_counter_whichever_came_last() {
        let p = Progress::new();
        assert_eq!((p.stage(), p.fraction()), ("", 0.0));
        p.set(1, 4);
        assert_eq!(p.fraction(), 0.25);
        p.set_stage("betweenness");
        assert_eq!((p.stage(), p.fraction()), ("betweenness", 0.0));
        let counter = p.counter(200);
        counter.fetch_add(150, Ordering::Relaxed);
        assert_eq!(p.fraction(), 0.75);
        // Counting past the total shows as done, not more.
        p.counter(10).fetch_add(11, Ordering::Relaxed);
        assert_eq!(p.fraction(), 1.0);
        p.set(1, 2);
        assert_eq!(p.fraction(), 0.5);
    }
}
