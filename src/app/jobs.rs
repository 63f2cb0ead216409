//! Work off the UI thread: one helper starts every background job and file dialog, and one
//! [`Event`] type brings their results back to the shell, which handles them at the start of
//! the next frame.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::file_dialog::{self, DialogMode, Picked};
use super::pick::{NativeTask, Pick};
use crate::io::export::ExportError;
use crate::io::import::csv::{Table, Tables};
use crate::io::import::{ImportError, Imported};
use crate::io::recovery::Found;
use crate::io::{LoadError, SaveError};
use crate::model::Project;
use crate::task::Progress;

/// The result of a job or a file dialog.
pub enum Event {
    /// A file dialog was answered, or could not be shown.
    Picked(Pick, Picked),
    /// An export to this file (or folder) finished.
    Exported(PathBuf, Result<Vec<PathBuf>, ExportError>),
    /// A layout finished (its undo label and the moves).
    LaidOut(
        String,
        Result<crate::layout::Moves, crate::layout::Cancelled>,
    ),
    /// The tables beside a CSV file were read.
    TablesRead(PathBuf, Result<Tables, ImportError>),
    /// One more table was read (`true` for actors).
    TableRead(bool, Result<Table, ImportError>),
    /// An import finished.
    Imported(PathBuf, Box<Result<Imported, ImportError>>),
    /// A map was read.
    Opened(PathBuf, Box<Result<Project, LoadError>>),
    /// A map to merge was read and matched with the open one (at this revision of it).
    MergeRead(
        PathBuf,
        u64,
        Box<Result<crate::edit::merge::MergePlan, crate::edit::merge::MergeError>>,
    ),
    /// A save finished (for the history state it saved).
    Saved(PathBuf, u64, Result<(), SaveError>),
    /// The recovery file was written (for the history state it holds).
    Autosaved(u64, Result<PathBuf, SaveError>),
    /// A recovery file was read.
    Restored(Box<Found>, Box<Result<Project, LoadError>>),
}

/// What runs in the background and the channel its results come back on.
pub struct Jobs {
    tx: Sender<Event>,
    rx: Receiver<Event>,
    /// Wakes the window when a result arrives (none in headless tests until the first frame).
    pub(crate) ctx: Option<egui::Context>,
    /// What is running in the background, for the status bar.
    pub busy: Option<String>,
    /// The progress and cancel switch of a long job, and what its Cancel button says.
    pub progress: Option<(Arc<Progress>, &'static str)>,
    /// Which file dialog to use (`PARTNERMAP_FILE_DIALOG` in the window).
    pub file_dialogs: DialogMode,
    /// Why the system's file dialog could not be shown, once it could not: the rest of the
    /// session uses PartnerMap's own path dialog.
    pub native_failed: Option<String>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            ctx: None,
            busy: None,
            progress: None,
            file_dialogs: DialogMode::default(),
            native_failed: None,
        }
    }
}

impl Jobs {
    /// Runs `work` on a thread of its own and sends its event back, waking the window.
    pub fn spawn(&self, work: impl FnOnce() -> Event + Send + 'static) {
        let tx = self.tx.clone();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(work());
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
    }

    /// Runs a native file dialog without blocking the UI thread; its answer comes back as
    /// [`Event::Picked`] for `pick`, or says that it could not be shown.
    pub fn spawn_dialog(&self, task: NativeTask, pick: Pick) {
        let mode = self.file_dialogs;
        self.spawn(move || Event::Picked(pick, file_dialog::run_native(mode, task)));
    }

    /// Notes a job for the status bar; with `cancel`, it gets a progress bar and a Cancel
    /// button saying that, and the returned progress is the job's to report to.
    pub fn start(&mut self, busy: String, cancel: Option<&'static str>) -> Arc<Progress> {
        let progress = Arc::new(Progress::new());
        self.busy = Some(busy);
        self.progress = cancel.map(|c| (progress.clone(), c));
        progress
    }

    /// Notes that the job finished; returns whether Cancel was pressed while it ran.
    pub fn finish(&mut self) -> bool {
        self.busy = None;
        self.progress.take().is_some_and(|(p, _)| p.is_cancelled())
    }

    /// Whether a job is running that has a progress bar (an import, export or layout).
    pub fn has_progress(&self) -> bool {
        self.progress.is_some()
    }

    /// The results that have arrived.
    pub(crate) fn arrived(&self) -> Vec<Event> {
        self.rx.try_iter().collect()
    }

    /// The next result, waiting up to `timeout` for it.
    pub(crate) fn wait(&self, timeout: std::time::Duration) -> Option<Event> {
        self.rx.recv_timeout(timeout).ok()
    }
}
