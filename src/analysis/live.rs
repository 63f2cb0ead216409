//! Indicators kept up to date while the map is edited, without ever stalling the UI thread:
//! small maps are recomputed at once on the new revision; larger ones on a worker thread,
//! first without betweenness (shown as soon as it is ready), then with it, cancelled and
//! restarted when the map changes again.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use super::{Indicators, betweenness, compute};
use crate::model::{ActorId, Project};

/// Maps whose actors × pairs stay under this are recomputed at once, in the same frame.
const SYNC_COST: usize = 4_000_000;
/// A larger map is recomputed only once edits have paused for this long.
const SETTLE: Duration = Duration::from_millis(250);

/// A result from the worker: the revision it was computed for, and whether betweenness is in.
struct Result {
    revision: u64,
    complete: bool,
    indicators: Indicators,
}

struct Job {
    revision: u64,
    cancel: Arc<AtomicBool>,
    progress: Arc<AtomicUsize>,
    sources: usize,
    results: Receiver<Result>,
}

/// The latest indicators and the background work that refreshes them.
#[derive(Default)]
pub struct LiveIndicators {
    latest: Option<(u64, bool, Arc<Indicators>)>,
    job: Option<Job>,
    pending_since: Option<(u64, Instant)>,
    cancelled: Option<u64>,
}

impl LiveIndicators {
    /// Brings the indicators up to `revision`: at once for small maps, else in the
    /// background (`wake` is called when a result is ready, to repaint).
    pub fn update(
        &mut self,
        project: &Project,
        revision: u64,
        wake: impl Fn() + Send + Sync + 'static,
    ) {
        self.collect();
        if self
            .latest
            .as_ref()
            .is_some_and(|(r, complete, _)| *r == revision && *complete)
        {
            return;
        }
        let pairs_bound = project.partnerships.len().max(1);
        if project.actors.len().saturating_mul(pairs_bound) <= SYNC_COST {
            if let Some(job) = self.job.take() {
                job.cancel.store(true, Ordering::Relaxed);
            }
            let never = AtomicBool::new(false);
            let progress = AtomicUsize::new(0);
            let bw = betweenness(project, 1, &never, &progress);
            let ind = compute(project, bw.as_ref());
            self.latest = Some((revision, true, Arc::new(ind)));
            return;
        }
        if self.job.as_ref().is_some_and(|j| j.revision == revision)
            || self.cancelled == Some(revision)
        {
            return;
        }
        // Wait until edits pause, so that a drag or typing does not copy the map every frame.
        match self.pending_since {
            Some((r, since)) if r == revision => {
                if since.elapsed() < SETTLE {
                    return;
                }
            }
            _ => {
                self.pending_since = Some((revision, Instant::now()));
                return;
            }
        }
        self.start(project.clone(), revision, wake);
    }

    fn start(&mut self, project: Project, revision: u64, wake: impl Fn() + Send + Sync + 'static) {
        if let Some(job) = self.job.take() {
            job.cancel.store(true, Ordering::Relaxed);
        }
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = Arc::new(AtomicUsize::new(0));
        let (tx, rx) = channel();
        let sources = project.actors.len();
        let (c, p) = (cancel.clone(), progress.clone());
        std::thread::spawn(move || {
            let quick = compute(&project, None);
            if tx
                .send(Result {
                    revision,
                    complete: false,
                    indicators: quick,
                })
                .is_err()
            {
                return;
            }
            wake();
            let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
            let bw: Option<BTreeMap<ActorId, f64>> = betweenness(&project, threads, &c, &p);
            if let Some(bw) = bw {
                let full = compute(&project, Some(&bw));
                let _ = tx.send(Result {
                    revision,
                    complete: true,
                    indicators: full,
                });
                wake();
            }
        });
        self.job = Some(Job {
            revision,
            cancel,
            progress,
            sources,
            results: rx,
        });
    }

    fn collect(&mut self) {
        let Some(job) = &self.job else { return };
        let mut done = false;
        while let Ok(r) = job.results.try_recv() {
            done |= r.complete;
            self.latest = Some((r.revision, r.complete, Arc::new(r.indicators)));
        }
        if done {
            self.job = None;
        }
    }

    /// The latest indicators (perhaps of an older revision; see [`Self::is_current`]).
    pub fn indicators(&self) -> Option<&Arc<Indicators>> {
        self.latest.as_ref().map(|(_, _, i)| i)
    }

    /// Whether the indicators shown are those of `revision`, betweenness included.
    pub fn is_current(&self, revision: u64) -> bool {
        self.latest
            .as_ref()
            .is_some_and(|(r, complete, _)| *r == revision && *complete)
    }

    /// How far the background betweenness has come, 0–1, while it runs.
    pub fn progress(&self) -> Option<f32> {
        self.job
            .as_ref()
            .map(|j| j.progress.load(Ordering::Relaxed) as f32 / j.sources.max(1) as f32)
    }

    /// Stops the background work (the last results stay) until the map changes again.
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.cancel.store(true, Ordering::Relaxed);
            self.cancelled = Some(job.revision);
        }
    }
}

impl Drop for LiveIndicators {
    fn drop(&mut self) {
        self.cancel();
    }
}
