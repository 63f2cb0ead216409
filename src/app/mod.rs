//! The application shell: owns the document, the undo history, the state remembered between
//! runs, the view state, the one open dialog and the background jobs; applies what the UI
//! asks for after each frame.
//!
//! Split by concern: [`commands`] runs every action and intent, [`files`] the open / save /
//! import / export flows, [`pick`] asking for a file (the system's dialog, or PartnerMap's
//! own where [`file_dialog`] finds it cannot be shown), [`jobs`] the background work and its
//! [`Event`]s, [`autosave`] the recovery file, [`animation`] the layout glide, [`modal`] the
//! dialogs, [`frame`] the order of a frame, [`state`] what is remembered.

mod animation;
mod autosave;
mod commands;
mod document;
pub mod file_dialog;
mod files;
mod frame;
mod jobs;
mod merge;
mod modal;
mod panels;
mod pick;
mod state;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::analysis::live::LiveIndicators;
use crate::edit::{Clip, History};
use crate::io::file_name;
use crate::io::recovery::{self, Found, Recovery};
use crate::model::ActorId;
use crate::ui::indicators::DashboardState;
use crate::ui::inspector::InspectorState;
use crate::ui::intent::Edit;
use crate::ui::quadrant::QuadrantState;
use crate::ui::quick_entry::QuickEntry;
use crate::ui::view::{Item, ViewState};

pub use crate::style::{SizeBy, ViewEncoding};
pub use crate::ui::modals::{ExportChoice, ExportColours, Notice};
pub use animation::{LAYOUT_ANIMATION, LayoutAnimation};
pub use autosave::{AUTOSAVE_AFTER, Autosave};
pub use document::{DiskStamp, Document, Origin};
pub use file_dialog::{DialogMode, Picked};
pub use files::Then;
pub use jobs::{Event, Jobs};
pub use modal::Modal;
pub use panels::{CANVAS_SHARE, PanelRects};
pub use pick::Pick;
pub use state::{LeftTab, Prefs, ThemeChoice};

/// When the process started, for measuring the time to the first frame.
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Notes the start of the process (the binary calls this first).
pub fn mark_start() {
    let _ = STARTED.set(std::time::Instant::now());
}

/// The whole application.
pub struct PartnerMapApp {
    // The document.
    /// The open map.
    pub doc: Document,
    /// Undo and redo.
    pub history: History,
    /// The history state that was last saved (or opened).
    pub saved_state: u64,
    /// What to do once the save under way has finished (after "Save changes?").
    after_save: Option<Then>,
    /// Copied actors.
    clipboard: Option<Clip>,
    /// How many times the clipboard was pasted (each paste lands a little further).
    pastes: u32,

    // The state remembered between runs.
    /// Theme, UI scale, recent files, panels, chart, sizes, export choices.
    pub prefs: Prefs,

    // The view state.
    /// Selection, camera, filters, presentation mode.
    pub view: ViewState,
    /// The quick-entry bar.
    pub quick: QuickEntry,
    /// The inspector's text buffers and messages.
    pub inspector: InspectorState,
    /// The quadrant chart's cut dragging and what it drew.
    pub quadrant: QuadrantState,
    /// The sort of the actor table.
    pub dashboard: DashboardState,
    /// Whether the "What do these mean?" page is open.
    pub show_help: bool,
    /// The indicators, kept up to date as the map changes.
    pub live: LiveIndicators,
    /// A layout's result being animated into place.
    pub animation: Option<LayoutAnimation>,
    /// Another state of the map shown instead of the working map (design.md §12).
    pub time: crate::ui::time::TimeView,
    /// The Time tab's choices not yet asked for.
    pub time_choices: crate::ui::time::TimeChoices,
    /// The Perspectives tab and the rating sheet (design.md §13).
    pub perspectives: crate::ui::perspectives::PerspectivesState,
    frame: frame::FrameCache,

    // The dialogs.
    /// The dialog that is open; shortcuts and the canvas wait while there is one.
    pub modal: Option<Modal>,
    /// Dialogs waiting for the open one to close, oldest first.
    pub queued: std::collections::VecDeque<Modal>,
    /// Frames the open dialog has been drawn in: egui only measures a new dialog in its
    /// first frame, so the second is asked for at once rather than at the next input.
    modal_frames: u8,
    /// Recovery files of an earlier session, offered one at a time while nothing else is.
    pub offer: Vec<Found>,

    // Background work.
    /// Jobs running off the UI thread.
    pub jobs: Jobs,
    /// Autosave to the recovery folder (none in tests unless they set one).
    pub autosave: Autosave,
    /// The window may close although the map is unsaved (the user said so).
    allow_close: bool,
    /// The last action that ran, from a menu, the toolbar or a shortcut.
    pub last_action: Option<crate::ui::actions::Action>,
    /// What the last merge did, in the status bar until the map next changes.
    pub status: Option<String>,
}

impl PartnerMapApp {
    /// An app showing `doc`, with default preferences.
    pub fn with_document(doc: Document) -> Self {
        let history = History::new();
        let saved_state = history.state();
        Self {
            doc,
            history,
            saved_state,
            after_save: None,
            clipboard: None,
            pastes: 0,
            prefs: Prefs::default(),
            view: ViewState::default(),
            quick: QuickEntry::default(),
            inspector: InspectorState::default(),
            quadrant: QuadrantState::default(),
            dashboard: DashboardState::default(),
            show_help: false,
            live: LiveIndicators::default(),
            time: crate::ui::time::TimeView::default(),
            time_choices: crate::ui::time::TimeChoices::default(),
            perspectives: Default::default(),
            animation: None,
            frame: frame::FrameCache::default(),
            modal: None,
            queued: std::collections::VecDeque::new(),
            modal_frames: 0,
            offer: Vec::new(),
            jobs: Jobs::default(),
            autosave: Autosave::default(),
            allow_close: false,
            last_action: None,
            status: None,
        }
    }

    /// The app as the window starts it: `file` if given, else the last map, else the sample.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        crate::ui::fonts::install(&cc.egui_ctx);
        let prefs = Prefs::from_storage(cc.storage);
        let mut app = Self::with_document(Document::sample());
        app.jobs.ctx = Some(cc.egui_ctx.clone());
        app.jobs.file_dialogs = file_dialog::DialogMode::from_env();
        if let Some(dir) = Recovery::default_dir() {
            let recovery = Recovery::in_dir(dir);
            app.offer = recovery.found();
            app.autosave.recovery = Some(recovery);
        }
        recovery::install_panic_hook();
        let last = prefs.recent.first().cloned();
        app.quadrant.framework = Some(prefs.framework);
        app.prefs = prefs;
        match (file, last) {
            (Some(f), _) => app.open_or_import(f),
            (None, Some(last)) if last.is_file() => app.open_path(last),
            _ => {}
        }
        app
    }

    /// Whether there are changes that have not been saved.
    pub fn is_modified(&self) -> bool {
        self.history.state() != self.saved_state
    }

    /// The window title: an unsaved mark, the file name, the program.
    pub fn window_title(&self) -> String {
        let mark = if self.is_modified() { "● " } else { "" };
        format!("{mark}{} — PartnerMap", self.doc.display_name())
    }

    /// How actors are sized and ringed, on the canvas and in exports.
    pub fn encoding(&self) -> ViewEncoding {
        self.prefs.encoding()
    }

    /// Shows a message in a dialog (after any dialog that is open).
    pub fn notify(&mut self, title: impl Into<String>, body: impl Into<String>) {
        self.open_modal(Modal::Notice(Notice {
            title: title.into(),
            body: body.into(),
        }));
    }

    /// The messages shown or waiting to be shown, oldest first.
    pub fn notices(&self) -> Vec<&Notice> {
        self.modal
            .iter()
            .chain(&self.queued)
            .filter_map(|m| match m {
                Modal::Notice(n) => Some(n),
                _ => None,
            })
            .collect()
    }

    /// Replaces the open map (after New, Open or Open sample).
    fn set_document(&mut self, doc: Document) {
        // The work that was open is saved or was discarded on purpose: its recovery goes.
        self.autosave.forget();
        let revision = self.doc.revision + 1;
        self.doc = doc;
        self.doc.revision = revision;
        self.history.clear();
        self.status = None;
        self.saved_state = self.history.state();
        self.view.selection.clear();
        self.view.hovered = None;
        self.view.canvas.cancel();
        self.view.canvas.fit_on_next_frame();
        self.frame.filters = None;
    }

    /// Applies a labelled edit as one undo step; shows why if it is refused.
    pub fn apply_edit(&mut self, edit: Edit) {
        let label = edit.label.clone();
        if let Err(e) = self.try_edit(edit) {
            self.notify(
                format!("Could not {}", lowercase_first(&label)),
                e.to_string(),
            );
        }
    }

    /// Applies a labelled edit as one undo step, or says why not (nothing changed).
    pub fn try_edit(&mut self, edit: Edit) -> Result<(), crate::edit::EditError> {
        let before = self.doc.project.next_ids;
        self.history.apply_merging(
            &mut self.doc.project,
            edit.label.clone(),
            &edit.command,
            edit.merge_key.as_deref(),
        )?;
        self.doc.revision += 1;
        self.status = None;
        if let Some(items) = edit.select {
            self.view.selection = items.into_iter().collect();
        }
        self.view.forget_missing(&self.doc.project);
        if self.view.presenting {
            self.flash_added(before);
        }
        Ok(())
    }

    /// Flashes the actors and partnerships added since the ids were `before`.
    fn flash_added(&mut self, before: crate::model::NextIds) {
        let p = &self.doc.project;
        let items: Vec<Item> = p
            .actors
            .range(ActorId(before.actor)..)
            .map(|(id, _)| Item::Actor(*id))
            .chain(
                p.partnerships
                    .range(crate::model::PartnershipId(before.partnership)..)
                    .map(|(id, _)| Item::Partnership(*id)),
            )
            .collect();
        if !items.is_empty() {
            let since = self.jobs.ctx.as_ref().map_or(0.0, |c| c.input(|i| i.time));
            self.view.flash = Some(crate::ui::view::Flash { items, since });
        }
    }

    /// Undoes the last edit.
    pub fn undo(&mut self) {
        self.finish_animation();
        if self.history.undo(&mut self.doc.project).is_some() {
            self.doc.revision += 1;
            self.status = None;
            self.view.forget_missing(&self.doc.project);
        }
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) {
        self.finish_animation();
        if self.history.redo(&mut self.doc.project).is_some() {
            self.doc.revision += 1;
            self.status = None;
            self.view.forget_missing(&self.doc.project);
        }
    }

    /// Waits for background work to finish (for tests).
    pub fn wait_for_background_work(&mut self) {
        while self.jobs.busy.is_some() {
            match self.jobs.wait(std::time::Duration::from_secs(30)) {
                Some(event) => self.handle(event),
                None => break,
            }
        }
    }

    /// Handles the result of a background job.
    fn handle(&mut self, event: Event) {
        match event {
            Event::LaidOut(label, result) => self.laid_out(label, result),
            Event::Autosaved(state, result) => self.autosaved(state, result),
            Event::Restored(found, result) => {
                self.jobs.finish();
                self.restored(&found, *result);
            }
            other => self.handle_file_event(other),
        }
    }
}

impl eframe::App for PartnerMapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.prefs.framework = self.quadrant.framework();
        self.prefs.store(storage);
    }

    /// A clean exit: the user saved or chose not to, so the recovery file goes.
    fn on_exit(&mut self) {
        if let Some(r) = &self.autosave.recovery {
            r.remove_all();
        }
    }
}

/// `path` made absolute against the working folder, so that the map's file, the recent list
/// and the recovery file's note of its origin name the same file wherever PartnerMap runs
/// next (`partnermap work.ron` from a terminal gives a relative path).
fn absolute(path: PathBuf) -> PathBuf {
    std::path::absolute(&path).unwrap_or(path)
}

/// Whether `path` is the backup a save keeps (`NAME.ron.bak`).
fn is_backup(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_ascii_lowercase().ends_with(".ron.bak"))
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_lowercase().chain(c).collect())
}

/// Opens the window on `file` (or the last map, or the sample) and runs until it closes.
pub fn run_window(file: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("PartnerMap")
            .with_app_id("partnermap")
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "PartnerMap",
        options,
        Box::new(move |cc| Ok(Box::new(PartnerMapApp::new(cc, file)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("partnermap: could not open the window: {e}");
            ExitCode::from(1)
        }
    }
}
