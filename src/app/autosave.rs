//! Autosave and recovery: unsaved work goes to a recovery file a few seconds after a change
//! (at once when the window loses the focus), the panic hook keeps a fresh copy, and the
//! recovery files of an earlier session are restored on request.

use std::path::Path;

use super::{Document, Event, Origin, PartnerMapApp};
use crate::io::LoadError;
use crate::io::SaveError;
use crate::io::recovery::{self, Found, Reason, Recovery};
use crate::model::Project;

/// How long unsaved work may wait before it is written to the recovery file (design:
/// within 30 seconds of an edit).
pub const AUTOSAVE_AFTER: std::time::Duration = std::time::Duration::from_secs(10);

/// Maps up to this many actors and partnerships hand the panic hook a fresh copy at every
/// change; larger ones at every autosave (a copy of the stress map takes milliseconds).
const SNAPSHOT_EVERY_CHANGE: usize = 20_000;

/// The autosave's state.
#[derive(Debug)]
pub struct Autosave {
    /// Where recovery files go; `None` turns autosave off.
    pub recovery: Option<Recovery>,
    /// How long unsaved work waits before it is written ([`AUTOSAVE_AFTER`]).
    pub delay: std::time::Duration,
    /// When the first change not yet in the recovery file was seen.
    dirty_since: Option<std::time::Instant>,
    /// The history state the recovery file holds.
    written: Option<u64>,
    /// A write is running.
    writing: bool,
    /// Whether the recovery file exists.
    on_disk: bool,
    /// The window had the focus last frame.
    was_focused: bool,
    /// The revision handed to the panic hook.
    snapshot_revision: Option<u64>,
    /// Why the last autosave failed, for the status bar.
    pub failed: Option<String>,
}

impl Default for Autosave {
    fn default() -> Self {
        Self {
            recovery: None,
            delay: AUTOSAVE_AFTER,
            dirty_since: None,
            written: None,
            writing: false,
            on_disk: false,
            was_focused: false,
            snapshot_revision: None,
            failed: None,
        }
    }
}

impl Autosave {
    /// Forgets the recovery file of the map that was open (saved, or discarded on purpose).
    pub(super) fn forget(&mut self) {
        if let Some(r) = &self.recovery {
            r.remove();
        }
        self.on_disk = false;
        self.written = None;
        self.dirty_since = None;
    }
}

impl PartnerMapApp {
    /// Writes unsaved work to the recovery file when it has waited long enough or the window
    /// lost the focus, keeps the panic hook's copy fresh, and removes the recovery file once
    /// nothing is unsaved.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        let Some(recovery) = self.autosave.recovery.clone() else {
            return;
        };
        let focused = ctx.input(|i| i.focused);
        let lost_focus = self.autosave.was_focused && !focused;
        self.autosave.was_focused = focused;
        if !self.is_modified() {
            if self.autosave.on_disk && !self.autosave.writing {
                recovery.remove();
                self.autosave.on_disk = false;
            }
            self.autosave.dirty_since = None;
            self.autosave.written = None;
            if self.autosave.snapshot_revision.take().is_some() {
                self.hand_snapshot(&recovery, None);
            }
            return;
        }
        let state = self.history.state();
        if self.autosave.written == Some(state) && self.autosave.on_disk {
            return;
        }
        let now = std::time::Instant::now();
        let since = *self.autosave.dirty_since.get_or_insert(now);
        let small = self.doc.project.actors.len() + self.doc.project.partnerships.len()
            <= SNAPSHOT_EVERY_CHANGE;
        if small && self.autosave.snapshot_revision != Some(self.doc.revision) {
            self.autosave.snapshot_revision = Some(self.doc.revision);
            let copy = std::sync::Arc::new(self.doc.project.clone());
            self.hand_snapshot(&recovery, Some(copy));
        }
        if self.autosave.writing {
            return;
        }
        let wait = self.autosave.delay.saturating_sub(now - since);
        if !wait.is_zero() && !lost_focus {
            ctx.request_repaint_after(wait);
            return;
        }
        self.autosave.writing = true;
        let copy = std::sync::Arc::new(self.doc.project.clone());
        self.autosave.snapshot_revision = Some(self.doc.revision);
        self.hand_snapshot(&recovery, Some(copy.clone()));
        let origin = self.doc.path().map(Path::to_owned);
        let name = self.doc.display_name();
        self.jobs.spawn(move || {
            let result = recovery.write(&copy, origin.as_deref(), &name, Reason::Autosave);
            Event::Autosaved(state, result)
        });
    }

    fn hand_snapshot(&self, recovery: &Recovery, project: Option<std::sync::Arc<Project>>) {
        recovery::set_snapshot(recovery::Snapshot {
            recovery: recovery.clone(),
            project,
            origin: self.doc.path().map(Path::to_owned),
            name: self.doc.display_name(),
        });
    }

    /// Opens a recovery file as the current map, unsaved, belonging to its original file.
    /// Reads a recovery file in the background (a large map takes a while) and opens it.
    pub fn restore(&mut self, found: &Found) {
        self.jobs
            .start(format!("Restoring {}…", found.info.name), None);
        let found = found.clone();
        self.jobs.spawn(move || {
            let result = Recovery::load(&found);
            Event::Restored(Box::new(found), Box::new(result))
        });
    }

    /// Opens a read recovery file as the current map, unsaved, belonging to its own file.
    pub(super) fn restored(&mut self, found: &Found, result: Result<Project, LoadError>) {
        let Some(recovery) = self.autosave.recovery.clone() else {
            return;
        };
        match result {
            Ok(project) => {
                let origin = match &found.info.origin {
                    Some(p) => Origin::File(p.clone()),
                    None => Origin::Untitled,
                };
                self.set_document(Document::new(project, origin));
                // The restored map is unsaved; its recovery file stays until it is saved.
                self.saved_state = u64::MAX;
                recovery.adopt(found);
                self.autosave.on_disk = true;
            }
            Err(e) => self.notify(
                "Could not restore the unsaved work",
                format!("{e}\n\nThe file is kept in {}.", found.map.display()),
            ),
        }
    }

    /// Notes that the recovery file was written, or why it was not.
    pub(super) fn autosaved(&mut self, state: u64, result: Result<std::path::PathBuf, SaveError>) {
        self.autosave.writing = false;
        match result {
            Ok(_) => {
                self.autosave.written = Some(state);
                self.autosave.on_disk = true;
                self.autosave.failed = None;
                self.autosave.dirty_since =
                    (self.history.state() != state).then(std::time::Instant::now);
            }
            Err(e) => {
                self.autosave.failed = Some(e.to_string());
                self.autosave.dirty_since = Some(std::time::Instant::now());
            }
        }
    }
}
