//! The application shell: owns the document, the undo history and the view state; runs file
//! work in the background; applies what the UI asks for after each frame.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{Id, Pos2, RichText, ViewportCommand};
use serde::{Deserialize, Serialize};

use crate::analysis::live::LiveIndicators;
use crate::edit::{Command, History};
use crate::io::export::{ExportRequest, Format, View};
use crate::io::import::csv::{Table, Tables};
use crate::io::import::{ImportError, ImportFormat, Imported};
use crate::io::recovery::{self, Found, Reason, Recovery};
use crate::io::{self, LoadError, SaveError};
use crate::model::{
    Actor, ActorId, Choice, ColourBy, Partnership, PartnershipId, Position, Project,
};
pub use crate::style::{SizeBy, ViewEncoding};
use crate::task::Progress;
use crate::typology::Framework;
use crate::ui::actions::{Action, ActionContext};
use crate::ui::canvas::{NewActorPrompt, actor_pos, canvas_ui};
use crate::ui::import_dialog::{CsvDecision, CsvImport, csv_mapping_ui};
use crate::ui::indicators::{DashboardState, dashboard_ui};
use crate::ui::inspector::{InspectorState, choice_combo, inspector_ui};
use crate::ui::intent::{Edit, Intent, count};
use crate::ui::legend::legend_ui;
use crate::ui::lists::lists_ui;
use crate::ui::quadrant::{QuadrantState, quadrant_ui};
use crate::ui::quick_entry::QuickEntry;
use crate::ui::view::{Filters, Item, ViewState};

/// When the process started, for measuring the time to the first frame.
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Notes the start of the process (the binary calls this first).
pub fn mark_start() {
    let _ = STARTED.set(std::time::Instant::now());
}

/// With `PARTNERMAP_FIRST_FRAME=exit` in the environment, the window prints the time from
/// the start of the process to its first finished frame and closes (BENCHMARKS.md).
const FIRST_FRAME_ENV: &str = "PARTNERMAP_FIRST_FRAME";

/// The storage key of the user's preferences.
const PREFS_KEY: &str = "partnermap.prefs";
/// How many recent files File → Open recent lists.
const MAX_RECENT: usize = 8;

/// Where the open map came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The sample map that ships inside the program.
    Sample,
    /// A file on disk.
    File(PathBuf),
    /// A new map that has never been saved.
    Untitled,
    /// A map made by importing this file; Save asks where to write it.
    Imported(PathBuf),
}

/// The open map and where it belongs.
#[derive(Clone, Debug)]
pub struct Document {
    /// The map itself.
    pub project: Project,
    /// Where it came from and where Save writes.
    pub origin: Origin,
    /// Counts changes; derived data is cached against it.
    pub revision: u64,
    /// The file's size and time when it was last opened or saved here, to notice another
    /// program changing it.
    pub disk: Option<DiskStamp>,
}

/// A file's size and modification time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    /// Size in bytes.
    pub len: u64,
    /// Last modification.
    pub modified: std::time::SystemTime,
}

impl DiskStamp {
    /// The stamp of the file at `path` now, if it exists.
    pub fn of(path: &Path) -> Option<Self> {
        let m = std::fs::metadata(path).ok()?;
        Some(Self {
            len: m.len(),
            modified: m.modified().ok()?,
        })
    }
}

impl Document {
    /// A document for `project` from `origin`.
    pub fn new(project: Project, origin: Origin) -> Self {
        let disk = match &origin {
            Origin::File(p) => DiskStamp::of(p),
            _ => None,
        };
        Self {
            project,
            origin,
            revision: 0,
            disk,
        }
    }

    /// The embedded sample map.
    pub fn sample() -> Self {
        Self::new(io::sample(), Origin::Sample)
    }

    /// The file the map belongs to, if any.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(p) => Some(p),
            _ => None,
        }
    }

    /// The name shown in the title bar and status bar.
    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::Sample => "DFGG Cambodia sample".to_string(),
            Origin::Untitled => "Untitled map".to_string(),
            Origin::File(p) => file_name(p),
            Origin::Imported(p) if is_backup(p) => format!("{} (backup)", file_name(p)),
            Origin::Imported(p) => format!("{} (imported)", file_name(p)),
        }
    }
}

/// Light, dark or as the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Dark text on light backgrounds.
    Light,
    /// Light text on dark backgrounds.
    Dark,
}

/// Preferences remembered between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The colour theme.
    pub theme: ThemeChoice,
    /// The size of everything, 1.0 = 100 %.
    pub ui_scale: f32,
    /// Recently opened or saved maps, newest first.
    pub recent: Vec<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            ui_scale: 1.0,
            recent: Vec::new(),
        }
    }
}

impl Prefs {
    /// The preferences kept in `storage`, or the defaults.
    pub fn from_storage(storage: Option<&dyn eframe::Storage>) -> Self {
        let mut prefs: Self = storage
            .and_then(|s| s.get_string(PREFS_KEY))
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default();
        // A relative path means nothing in another working folder (older versions kept some).
        prefs.recent.retain(|p| p.is_absolute());
        prefs
    }

    fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }
}

/// `path` made absolute against the working folder, so that the map's file, the recent list
/// and the recovery file's note of its origin name the same file wherever PartnerMap runs
/// next (`partnermap work.ron` from a terminal gives a relative path).
fn absolute(path: PathBuf) -> PathBuf {
    std::path::absolute(&path).unwrap_or(path)
}

/// What to do once the user has decided about unsaved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Then {
    /// Start a new map.
    New,
    /// Ask for a file and open it.
    OpenDialog,
    /// Open this file.
    OpenPath(PathBuf),
    /// Open the sample map.
    OpenSample,
    /// Ask for a file and import it.
    ImportDialog,
    /// Import this file (or folder of tables).
    ImportPath(PathBuf),
    /// Restore this recovery file as the open map.
    Restore(Box<Found>),
    /// Close the window.
    Close,
}

/// The Export dialog's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportChoice {
    /// The file format.
    pub format: Format,
    /// For pictures: the map (`None`) or a quadrant chart.
    pub chart: Option<Framework>,
    /// For the map picture: only the part visible on the canvas.
    pub visible_only: bool,
    /// For PNG: dots per inch.
    pub dpi: f32,
    /// The title on top; empty uses the map's title.
    pub title: String,
    /// A caption under the picture.
    pub caption: String,
    /// A date under the picture; the dialog starts with the map's last-modified date, as
    /// the command line does. Empty writes none.
    pub date: String,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self {
            format: Format::Svg,
            chart: None,
            visible_only: false,
            dpi: crate::io::export::DEFAULT_DPI,
            title: String::new(),
            caption: String::new(),
            date: String::new(),
        }
    }
}

/// Results of work done off the UI thread.
enum Event {
    PickedExport(Option<PathBuf>, Box<ExportRequest>),
    Exported(Result<Vec<PathBuf>, crate::io::export::ExportError>),
    PickedImport(Option<PathBuf>),
    LaidOut(
        String,
        Result<crate::layout::Moves, crate::layout::Cancelled>,
    ),
    PickedActorsTable(Option<PathBuf>),
    PickedPartnershipsTable(Option<PathBuf>),
    TablesRead(PathBuf, Result<Tables, ImportError>),
    TableRead(bool, Result<Table, ImportError>),
    Imported(PathBuf, Box<Result<Imported, ImportError>>),
    PickedOpen(Option<PathBuf>),
    PickedSaveAs(Option<PathBuf>),
    Opened(PathBuf, Box<Result<Project, LoadError>>),
    Saved(PathBuf, u64, Result<(), SaveError>),
    Autosaved(u64, Result<PathBuf, SaveError>),
    Restored(Box<Found>, Box<Result<Project, LoadError>>),
}

/// A message shown in a dialog until the user dismisses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The dialog's heading.
    pub title: String,
    /// What happened and what to do.
    pub body: String,
}

/// Copied actors and the partnerships among them.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Clip {
    partnermap_clipboard: u32,
    actors: Vec<Actor>,
    partnerships: Vec<Partnership>,
}

/// The tabs of the analysis dock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnalysisTab {
    /// The quadrant chart.
    Quadrants,
    /// The indicators dashboard.
    Indicators,
}

/// Radii and broker rings derived from the indicators, for the indicators they came from.
struct OverlayCache {
    from: std::sync::Arc<crate::analysis::Indicators>,
    size_by: SizeBy,
    radius: Option<std::collections::HashMap<ActorId, f64>>,
    brokers: std::collections::HashMap<ActorId, f64>,
}

impl OverlayCache {
    fn build(ind: &std::sync::Arc<crate::analysis::Indicators>, size_by: SizeBy) -> Self {
        Self {
            from: ind.clone(),
            size_by,
            radius: crate::style::indicator_radii(ind, size_by),
            brokers: crate::style::broker_strengths(ind),
        }
    }
}

/// The items that pass the filters, for the document revision and filters they were found for.
type FilterCache = (u64, Filters, (BTreeSet<ActorId>, BTreeSet<PartnershipId>));

/// The whole application.
pub struct PartnerMapApp {
    /// The open map.
    pub doc: Document,
    /// Undo and redo.
    pub history: History,
    /// The history state that was last saved (or opened).
    pub saved_state: u64,
    /// Selection, camera, filters, presentation mode.
    pub view: ViewState,
    /// Theme, UI scale, recent files.
    pub prefs: Prefs,
    /// Messages waiting to be shown, oldest first.
    pub notices: Vec<Notice>,
    /// An action waiting for the user to decide about unsaved changes.
    pub pending: Option<Then>,
    /// What is running in the background, for the status bar.
    pub busy: Option<String>,
    /// The progress and cancel switch of a long import or export, and what Cancel says.
    pub job: Option<(std::sync::Arc<Progress>, &'static str)>,
    /// A CSV import waiting at its column-mapping step.
    pub csv_import: Option<CsvImport>,
    /// The quick-entry bar.
    pub quick: QuickEntry,
    /// The inspector's text buffers and messages.
    pub inspector: InspectorState,
    /// The quadrant chart's framework and cut dragging.
    pub quadrant: QuadrantState,
    /// Whether the analysis dock (quadrant chart, indicators) is shown.
    pub show_analysis: bool,
    /// Whether the "What do these mean?" page is open.
    pub show_help: bool,
    /// The Export dialog, while it is open.
    pub export: Option<ExportChoice>,
    /// The indicators, kept up to date as the map changes.
    pub live: LiveIndicators,
    /// The sort of the actor table.
    pub dashboard: DashboardState,
    /// Which tab of the analysis dock is shown.
    pub analysis_tab: AnalysisTab,
    /// What sizes actors and whether brokers get a ring, on the canvas and in exports.
    pub encoding: ViewEncoding,
    overlay_cache: Option<OverlayCache>,
    after_save: Option<Then>,
    clipboard: Option<Clip>,
    pastes: u32,
    filter_cache: Option<FilterCache>,
    allow_close: bool,
    tx: Sender<Event>,
    rx: Receiver<Event>,
    shown_title: String,
    applied_look: Option<(ThemeChoice, bool, u32)>,
    ctx: Option<egui::Context>,
    /// Autosave to the recovery folder (none in tests unless they set one).
    pub autosave: Autosave,
    /// Recovery files of an earlier session, offered at start.
    pub offer: Vec<Found>,
    /// A save over a file that another program changed, waiting for the user's word.
    pub overwrite_check: Option<PathBuf>,
    /// A layout's result being animated into place.
    pub animation: Option<LayoutAnimation>,
    first_frame_done: bool,
    first_frame_ms: Option<f64>,
}

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

impl PartnerMapApp {
    /// An app showing `doc`, with default preferences.
    pub fn with_document(doc: Document) -> Self {
        let (tx, rx) = channel();
        let history = History::new();
        let saved_state = history.state();
        Self {
            doc,
            history,
            saved_state,
            view: ViewState::default(),
            prefs: Prefs::default(),
            notices: Vec::new(),
            pending: None,
            busy: None,
            job: None,
            csv_import: None,
            quick: QuickEntry::default(),
            inspector: InspectorState::default(),
            quadrant: QuadrantState::default(),
            show_analysis: true,
            show_help: false,
            export: None,
            live: LiveIndicators::default(),
            dashboard: DashboardState::default(),
            analysis_tab: AnalysisTab::Quadrants,
            encoding: ViewEncoding::default(),
            overlay_cache: None,
            after_save: None,
            clipboard: None,
            pastes: 0,
            filter_cache: None,
            allow_close: false,
            tx,
            rx,
            shown_title: String::new(),
            applied_look: None,
            ctx: None,
            autosave: Autosave::default(),
            offer: Vec::new(),
            overwrite_check: None,
            animation: None,
            first_frame_done: false,
            first_frame_ms: None,
        }
    }

    /// The app as the window starts it: `file` if given, else the last map, else the sample.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        crate::ui::fonts::install(&cc.egui_ctx);
        let prefs = Prefs::from_storage(cc.storage);
        let mut app = Self::with_document(Document::sample());
        app.ctx = Some(cc.egui_ctx.clone());
        if let Some(dir) = Recovery::default_dir() {
            let recovery = Recovery::in_dir(dir);
            app.offer = recovery.found();
            app.autosave.recovery = Some(recovery);
        }
        recovery::install_panic_hook();
        let last = prefs.recent.first().cloned();
        app.prefs = prefs;
        match (file, last) {
            // A network or tables given on the command line are imported.
            (Some(f), _)
                if !f.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))
                    && ImportFormat::from_path(&f).is_some() =>
            {
                app.import_path(f);
            }
            (Some(f), _) => app.open_path(f),
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

    /// Shows a message in a dialog.
    pub fn notify(&mut self, title: impl Into<String>, body: impl Into<String>) {
        self.notices.push(Notice {
            title: title.into(),
            body: body.into(),
        });
    }

    /// Replaces the open map (after New, Open or Open sample).
    fn set_document(&mut self, doc: Document) {
        // The work that was open is saved or was discarded on purpose: its recovery goes.
        if let Some(r) = &self.autosave.recovery {
            r.remove();
        }
        self.autosave.on_disk = false;
        self.autosave.written = None;
        self.autosave.dirty_since = None;
        let revision = self.doc.revision + 1;
        self.doc = doc;
        self.doc.revision = revision;
        self.history.clear();
        self.saved_state = self.history.state();
        self.view.selection.clear();
        self.view.hovered = None;
        self.view.canvas.cancel();
        self.view.canvas.fit_on_next_frame();
        self.filter_cache = None;
    }

    /// Applies a labelled edit as one undo step; shows why if it is refused.
    pub fn apply_edit(&mut self, edit: Edit) {
        let result = self.history.apply_merging(
            &mut self.doc.project,
            edit.label.clone(),
            &edit.command,
            edit.merge_key.as_deref(),
        );
        match result {
            Ok(()) => {
                self.doc.revision += 1;
                if let Some(items) = edit.select {
                    if let [Item::Actor(id)] = items.as_slice()
                        && let Some(a) = self.doc.project.actor(*id)
                    {
                        self.view.canvas.new_actor_defaults = Some((a.sector, a.level));
                    }
                    self.view.selection = items.into_iter().collect();
                }
                self.view.forget_missing(&self.doc.project);
            }
            Err(e) => self.notify(
                format!("Could not {}", lowercase_first(&edit.label)),
                e.to_string(),
            ),
        }
    }

    /// Undoes the last edit.
    pub fn undo(&mut self) {
        self.finish_animation();
        if self.history.undo(&mut self.doc.project).is_some() {
            self.doc.revision += 1;
            self.view.forget_missing(&self.doc.project);
        }
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) {
        self.finish_animation();
        if self.history.redo(&mut self.doc.project).is_some() {
            self.doc.revision += 1;
            self.view.forget_missing(&self.doc.project);
        }
    }

    /// Opens the map at `path` in the background; the current map stays open until the new
    /// one has loaded, and stays open if it fails. (Callers ask about unsaved changes first.)
    pub fn open_path(&mut self, path: PathBuf) {
        let path = absolute(path);
        self.busy = Some(format!("Opening {}…", path.display()));
        let tx = self.tx.clone();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            let result = io::load_path(&path);
            let _ = tx.send(Event::Opened(path, Box::new(result)));
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
    }

    /// Saves the map to `path` in the background; on success the map belongs to `path`.
    /// Save: to the map's file (first warning if another program changed it since it was
    /// opened or saved here), else Save As.
    pub fn save(&mut self) {
        match self.doc.path() {
            Some(p) if self.doc.disk.is_some() && DiskStamp::of(p) != self.doc.disk => {
                self.overwrite_check = Some(p.to_owned());
            }
            Some(p) => self.save_to(p.to_owned()),
            None => self.save_as_dialog(),
        }
    }

    /// The warning before saving over a file that another program changed.
    fn overwrite_ui(&mut self, ctx: &egui::Context) {
        let Some(path) = self.overwrite_check.clone() else {
            return;
        };
        let mut choice = None;
        egui::Modal::new(Id::unique("partnermap.overwrite")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading(format!("“{}” was changed by another program", file_name(&path)));
            ui.label(
                "Since you opened or last saved it here, the file on disk has changed. Saving now replaces those changes with this map (the file as it is now is kept as .bak).",
            );
            ui.horizontal(|ui| {
                if ui.button("Save over it").clicked() {
                    choice = Some(0);
                }
                if ui.button("Save As…").clicked() {
                    choice = Some(1);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(2);
                }
            });
        });
        match choice {
            Some(0) => {
                self.overwrite_check = None;
                self.save_to(path);
            }
            Some(1) => {
                self.overwrite_check = None;
                self.save_as_dialog();
            }
            Some(_) => {
                self.overwrite_check = None;
                self.after_save = None;
            }
            None => {}
        }
    }

    /// Writes unsaved work to the recovery file when it has waited long enough or the window
    /// lost the focus, keeps the panic hook's copy fresh, and removes the recovery file once
    /// nothing is unsaved.
    fn autosave_tick(&mut self, ctx: &egui::Context) {
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
        self.spawn(move || {
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

    /// Offers the recovery files of an earlier session that ended without saving.
    fn offer_ui(&mut self, ctx: &egui::Context) {
        // One question at a time: not while "Save changes?" is asked or a restore is read.
        if self.pending.is_some() || self.busy.is_some() {
            return;
        }
        let Some(found) = self.offer.first().cloned() else {
            return;
        };
        let mut choice = None;
        egui::Modal::new(Id::unique("partnermap.restore")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading("Restore unsaved work?");
            let how = match found.info.reason {
                Reason::Crash => "PartnerMap stopped with an internal error",
                Reason::Autosave => {
                    "PartnerMap was closed without saving (a crash, a kill or a power cut)"
                }
            };
            ui.label(format!(
                "{how}. Unsaved changes to “{}” were kept, as they were at {}.",
                found.info.name,
                found.info.when()
            ));
            if let Some(origin) = &found.info.origin {
                ui.label(RichText::new(format!("Its file: {}", origin.display())).weak());
            }
            ui.label(
                RichText::new(format!("Kept in {}", found.map.display()))
                    .weak()
                    .small(),
            );
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    choice = Some(true);
                }
                if ui
                    .button("Discard")
                    .on_hover_text("Delete the kept changes for good")
                    .clicked()
                {
                    choice = Some(false);
                }
            });
        });
        match choice {
            // Restoring replaces the open map, which may itself be restored work: ask first.
            Some(true) => self.guard(Then::Restore(Box::new(found))),
            Some(false) => {
                self.offer.remove(0);
                Recovery::discard(&found);
            }
            None => {}
        }
    }

    /// Opens a recovery file as the current map, unsaved, belonging to its original file.
    /// Reads a recovery file in the background (a large map takes a while) and opens it.
    pub fn restore(&mut self, found: &Found) {
        self.busy = Some(format!("Restoring {}…", found.info.name));
        let found = found.clone();
        self.spawn(move || {
            let result = Recovery::load(&found);
            Event::Restored(Box::new(found), Box::new(result))
        });
    }

    /// Opens a read recovery file as the current map, unsaved, belonging to its own file.
    fn restored(&mut self, found: &Found, result: Result<Project, LoadError>) {
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

    pub fn save_to(&mut self, path: PathBuf) {
        let path = absolute(path);
        self.busy = Some(format!("Saving {}…", path.display()));
        let mut project = self.doc.project.clone();
        project.meta.modified = crate::io::today();
        if project.meta.created.is_empty() {
            project.meta.created = project.meta.modified.clone();
        }
        let state = self.history.state();
        let tx = self.tx.clone();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            let result = io::save_path(&project, &path);
            let _ = tx.send(Event::Saved(path, state, result));
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
    }

    /// Waits for background file work to finish (for tests).
    pub fn wait_for_background_work(&mut self) {
        while self.busy.is_some() {
            match self.rx.recv_timeout(std::time::Duration::from_secs(30)) {
                Ok(event) => self.handle(event),
                Err(_) => break,
            }
        }
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::PickedOpen(Some(path)) => self.open_path(path),
            Event::PickedSaveAs(Some(path)) => self.save_to(path),
            Event::PickedSaveAs(None) => self.after_save = None,
            Event::PickedOpen(None) | Event::PickedExport(None, _) => {}
            Event::PickedExport(Some(path), request) => self.export_to(path, *request),
            Event::Exported(result) => {
                self.busy = None;
                self.job = None;
                match result {
                    Ok(files) => {
                        let list: Vec<String> =
                            files.iter().map(|f| f.display().to_string()).collect();
                        self.notify("Exported", list.join("\n"));
                    }
                    Err(crate::io::export::ExportError::Cancelled) => {}
                    Err(e) => self.notify("Could not export", e.to_string()),
                }
            }
            Event::PickedImport(Some(path)) => self.import_path(path),
            Event::LaidOut(label, result) => {
                self.busy = None;
                // A result that arrives after Cancel was pressed is dropped all the same.
                let cancelled = self.job.take().is_some_and(|(j, _)| j.is_cancelled());
                if let (Ok(moves), false) = (result, cancelled) {
                    // Actors deleted while the layout ran are left out.
                    let to: Vec<(ActorId, Position)> = moves
                        .into_iter()
                        .filter(|(id, _)| self.doc.project.actors.contains_key(id))
                        .collect();
                    let from: Vec<(ActorId, Position)> = to
                        .iter()
                        .map(|(id, _)| (*id, self.doc.project.actors[id].position))
                        .collect();
                    if !to.is_empty() {
                        self.animation = Some(LayoutAnimation {
                            fit: label.starts_with("Layout"),
                            label,
                            from,
                            to,
                            started: std::time::Instant::now(),
                        });
                        // Thousands of actors jump at once: animating them costs more than it
                        // shows.
                        if self
                            .animation
                            .as_ref()
                            .is_some_and(|a| a.to.len() > ANIMATE_UP_TO)
                        {
                            self.finish_animation();
                        }
                    }
                }
            }
            Event::PickedImport(None)
            | Event::PickedActorsTable(None)
            | Event::PickedPartnershipsTable(None) => {}
            Event::PickedActorsTable(Some(path)) => self.read_table(path, true),
            Event::PickedPartnershipsTable(Some(path)) => self.read_table(path, false),
            Event::TablesRead(path, result) => {
                self.busy = None;
                match result {
                    Ok(tables) => self.csv_import = Some(CsvImport::new(path, tables)),
                    Err(e) => self.notify(
                        format!("Could not import {}", file_name(&path)),
                        format!("{e}\n\nThe map that was open stays open."),
                    ),
                }
            }
            Event::TableRead(actors, result) => {
                self.busy = None;
                match (result, &mut self.csv_import) {
                    (Ok(table), Some(step)) => {
                        if actors {
                            step.tables.actors = Some(table);
                        } else {
                            step.tables.partnerships = Some(table);
                        }
                        step.mapping = step.tables.guess_mapping();
                    }
                    (Ok(_), None) => {}
                    (Err(e), _) => self.notify("Could not read the table", e.to_string()),
                }
            }
            Event::Imported(path, result) => {
                self.busy = None;
                let cancelled = self.job.take().is_some_and(|(j, _)| j.is_cancelled());
                match *result {
                    Ok(_) if cancelled => {}
                    Ok(imported) => self.show_imported(path, imported),
                    Err(ImportError::Cancelled) => {}
                    Err(e) => self.notify(
                        format!("Could not import {}", file_name(&path)),
                        format!("{e}\n\nNothing was imported; the map that was open stays open."),
                    ),
                }
            }
            Event::Opened(path, result) => {
                self.busy = None;
                match *result {
                    // A backup opens as a copy: Save asks where to write it, so that going
                    // back one save never writes over the backup itself.
                    Ok(project) if is_backup(&path) => {
                        self.set_document(Document::new(project, Origin::Imported(path)));
                    }
                    Ok(project) => {
                        self.set_document(Document::new(project, Origin::File(path.clone())));
                        self.prefs.remember(&path);
                    }
                    Err(e) => self.notify(
                        format!("Could not open {}", file_name(&path)),
                        format!("{e}\n\nThe map that was open stays open."),
                    ),
                }
            }
            Event::Restored(found, result) => {
                self.busy = None;
                self.restored(&found, *result);
            }
            Event::Autosaved(state, result) => {
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
            Event::Saved(path, state, result) => {
                self.busy = None;
                match result {
                    Ok(()) => {
                        self.doc.origin = Origin::File(path.clone());
                        self.doc.disk = DiskStamp::of(&path);
                        self.saved_state = state;
                        self.prefs.remember(&path);
                        if let Some(then) = self.after_save.take() {
                            self.proceed(then);
                        }
                    }
                    Err(e) => {
                        self.after_save = None;
                        self.notify(
                            format!("Could not save {}", file_name(&path)),
                            format!(
                                "{e}\n\nThe map is still open and not saved; the file on disk is unchanged."
                            ),
                        );
                    }
                }
            }
        }
    }

    /// Runs `then` now, or first asks about unsaved changes.
    pub fn guard(&mut self, then: Then) {
        if self.is_modified() {
            self.pending = Some(then);
        } else {
            self.proceed(then);
        }
    }

    /// Runs `then`, discarding unsaved changes.
    fn proceed(&mut self, then: Then) {
        match then {
            Then::New => {
                self.set_document(Document::new(Project::new(), Origin::Untitled));
            }
            Then::OpenDialog => {
                let task = rfd::AsyncFileDialog::new()
                    .set_title("Open a map")
                    .add_filter("PartnerMap map", &["ron"])
                    .add_filter("Backup of a map (NAME.ron.bak)", &["bak"])
                    .pick_file();
                self.spawn_dialog(task, Event::PickedOpen);
            }
            Then::OpenPath(path) => self.open_path(path),
            Then::OpenSample => self.set_document(Document::sample()),
            Then::ImportDialog => {
                let task = rfd::AsyncFileDialog::new()
                    .set_title("Import a network or tables")
                    .add_filter(
                        "Network, tables or JSON",
                        &["graphml", "gexf", "csv", "xml", "json"],
                    )
                    .add_filter("GraphML", &["graphml", "xml"])
                    .add_filter("GEXF", &["gexf"])
                    .add_filter("CSV table", &["csv"])
                    .add_filter("PartnerMap JSON", &["json"])
                    .pick_file();
                self.spawn_dialog(task, Event::PickedImport);
            }
            Then::ImportPath(path) => self.import_path(path),
            Then::Restore(found) => {
                self.offer.retain(|f| *f != *found);
                self.restore(&found);
            }
            Then::Close => {
                self.allow_close = true;
                if let Some(ctx) = &self.ctx {
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
            }
        }
    }

    fn save_as_dialog(&mut self) {
        let name = match (&self.doc.origin, self.doc.path()) {
            (_, Some(p)) => file_name(p),
            (Origin::Imported(p), None) => p.file_stem().map_or_else(
                || "map.ron".to_string(),
                |s| {
                    let stem = s.to_string_lossy();
                    let stem = stem.strip_suffix(".ron").unwrap_or(&stem);
                    format!("{stem}.ron")
                },
            ),
            _ => "map.ron".to_string(),
        };
        let task = rfd::AsyncFileDialog::new()
            .set_title("Save the map as")
            .add_filter("PartnerMap map", &["ron"])
            .set_file_name(name)
            .save_file();
        self.spawn_dialog(task, Event::PickedSaveAs);
    }

    /// Runs a native file dialog without blocking the UI thread.
    fn spawn_dialog(
        &self,
        task: impl std::future::Future<Output = Option<rfd::FileHandle>> + Send + 'static,
        make: fn(Option<PathBuf>) -> Event,
    ) {
        let tx = self.tx.clone();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            let picked = pollster::block_on(task).map(|h| h.path().to_owned());
            let _ = tx.send(make(picked));
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
    }

    /// Imports `path` (a GraphML, GEXF or JSON file runs at once; CSV tables go to the
    /// column-mapping step first). The open map is replaced only when the import succeeds.
    pub fn import_path(&mut self, path: PathBuf) {
        let path = absolute(path);
        match ImportFormat::from_path(&path) {
            Some(ImportFormat::Csv) => {
                self.busy = Some(format!("Reading {}…", file_name(&path)));
                self.spawn(move || {
                    let result = Tables::find(&path);
                    Event::TablesRead(path, result)
                });
            }
            Some(format) => {
                let source = path.clone();
                self.run_import(source, move |progress| {
                    crate::io::import::import_path(&path, Some(format), progress)
                });
            }
            None => self.notify(
                format!("Cannot import {}", file_name(&path)),
                "PartnerMap imports GraphML (.graphml, .xml), GEXF (.gexf), CSV tables (.csv) and its own JSON export (.json).",
            ),
        }
    }

    /// Reads one more table for the column-mapping step.
    fn read_table(&mut self, path: PathBuf, actors: bool) {
        self.busy = Some(format!("Reading {}…", file_name(&path)));
        self.spawn(move || Event::TableRead(actors, Table::read(&path)));
    }

    /// Runs `work` off the UI thread and sends its event back.
    fn spawn(&self, work: impl FnOnce() -> Event + Send + 'static) {
        let tx = self.tx.clone();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(work());
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
    }

    /// Runs an import in the background with progress and Cancel in the status bar.
    fn run_import(
        &mut self,
        source: PathBuf,
        work: impl FnOnce(&Progress) -> Result<Imported, ImportError> + Send + 'static,
    ) {
        let progress = std::sync::Arc::new(Progress::new());
        self.job = Some((progress.clone(), "Cancel import"));
        self.busy = Some(format!("Importing {}…", file_name(&source)));
        self.spawn(move || {
            let result = work(&progress);
            Event::Imported(source, Box::new(result))
        });
    }

    /// Makes the imported map the open one (unsaved) and says what the import did.
    fn show_imported(&mut self, source: PathBuf, imported: Imported) {
        let (actors, partnerships) = (
            imported.project.actors.len(),
            imported.project.partnerships.len(),
        );
        self.set_document(Document::new(
            imported.project,
            Origin::Imported(source.clone()),
        ));
        // A map that exists only in memory: marked unsaved until it is saved.
        self.saved_state = u64::MAX;
        let mut body = format!(
            "{actors} actors and {partnerships} partnerships. The map is not saved yet: use Save to keep it as a PartnerMap file."
        );
        for note in &imported.notes {
            body.push_str("\n\n");
            body.push_str(note);
        }
        self.notify(format!("Imported {}", file_name(&source)), body);
    }

    /// The column-mapping step of a CSV import, while it is open.
    fn csv_import_ui(&mut self, ctx: &egui::Context) {
        let Some(step) = &mut self.csv_import else {
            return;
        };
        match csv_mapping_ui(ctx, step) {
            None => {}
            Some(CsvDecision::Cancel) => self.csv_import = None,
            Some(CsvDecision::Import) => {
                if let Some(step) = self.csv_import.take() {
                    self.run_import(step.source.clone(), move |progress| {
                        crate::io::import::csv::import(&step.tables, &step.mapping, progress)
                    });
                }
            }
            Some(decision) => {
                let actors = decision == CsvDecision::AddActors;
                let task = rfd::AsyncFileDialog::new()
                    .set_title(if actors {
                        "Add the actors table"
                    } else {
                        "Add the partnerships table"
                    })
                    .add_filter("CSV table", &["csv"])
                    .pick_file();
                self.spawn_dialog(
                    task,
                    if actors {
                        Event::PickedActorsTable
                    } else {
                        Event::PickedPartnershipsTable
                    },
                );
            }
        }
    }

    /// Writes the export in the background with Cancel in the status bar; the window stays
    /// responsive, and a cancelled export writes nothing.
    pub fn export_to(&mut self, path: PathBuf, request: ExportRequest) {
        self.busy = Some(format!("Exporting {}…", path.display()));
        let progress = std::sync::Arc::new(Progress::new());
        self.job = Some((progress.clone(), "Cancel export"));
        let project = self.doc.project.clone();
        let tx = self.tx.clone();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            let result =
                crate::io::export::export_to_path_with(&project, &request, &path, &progress);
            let _ = tx.send(Event::Exported(result));
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
    }

    /// The export request for the dialog's choices.
    pub fn export_request(&self, choice: &ExportChoice) -> ExportRequest {
        let mut request = ExportRequest::new(choice.format);
        if choice.format.is_picture() {
            request.view = choice.chart.map_or(View::Map, View::Quadrant);
            request.dpi = choice.dpi;
            request.svg.encoding = self.encoding;
            let given = |text: &str| {
                let text = text.trim();
                (!text.is_empty()).then(|| text.to_string())
            };
            request.svg.title = given(&choice.title);
            request.svg.caption = given(&choice.caption);
            request.svg.date = given(&choice.date);
            if choice.visible_only
                && choice.chart.is_none()
                && let (Some(cam), Some(screen)) =
                    (self.view.canvas.camera, self.view.canvas.screen)
            {
                let r = cam.visible(screen);
                request.svg.area = Some((
                    f64::from(r.left()),
                    f64::from(r.top()),
                    f64::from(r.right()),
                    f64::from(r.bottom()),
                ));
            }
        }
        request
    }

    fn export_ui(&mut self, ctx: &egui::Context) {
        let Some(mut choice) = self.export.clone() else {
            return;
        };
        let mut go = false;
        let mut close = false;
        let response = egui::Modal::new(Id::unique("partnermap.export")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading("Export");
            egui::ComboBox::new("export.format", "Format")
                .selected_text(choice.format.name().to_uppercase())
                .show_ui(ui, |ui| {
                    for f in Format::ALL {
                        ui.selectable_value(&mut choice.format, f, f.name().to_uppercase());
                    }
                });
            if choice.format.is_picture() {
                let current = match choice.chart {
                    None => "the map".to_string(),
                    Some(f) => f.title().to_string(),
                };
                egui::ComboBox::new("export.view", "Picture")
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut choice.chart, None, "the map");
                        for f in Framework::ALL {
                            ui.selectable_value(&mut choice.chart, Some(f), f.title());
                        }
                    });
                if choice.chart.is_none() {
                    ui.checkbox(&mut choice.visible_only, "Only the part visible on the canvas");
                }
                if choice.format == Format::Png {
                    let label = ui.label("Resolution");
                    ui.add(egui::Slider::new(&mut choice.dpi, 72.0..=600.0).suffix(" dpi"))
                        .labelled_by(label.id);
                }
                let label = ui.label("Title");
                let map_title = self.doc.project.meta.title.clone();
                ui.add(egui::TextEdit::singleline(&mut choice.title).hint_text(map_title))
                    .labelled_by(label.id);
                let label = ui.label("Caption");
                ui.add(egui::TextEdit::singleline(&mut choice.caption).hint_text("Source, place…"))
                    .labelled_by(label.id);
                let label = ui.label("Date");
                ui.add(egui::TextEdit::singleline(&mut choice.date).hint_text("none"))
                    .labelled_by(label.id);
            } else {
                ui.label(match choice.format {
                    Format::Csv => "Writes actors.csv, partnerships.csv, indicators.csv, partnership_indicators.csv and network.csv into a folder.",
                    Format::Graphml | Format::Gexf => "Every actor and partnership attribute, for Gephi, Cytoscape, yEd and networkx.",
                    _ => "The whole map as JSON.",
                });
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Export…").clicked() {
                    go = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if response.should_close() {
            close = true;
        }
        if go {
            let request = self.export_request(&choice);
            let stem = self
                .doc
                .path()
                .and_then(|p| p.file_stem())
                .map_or_else(|| "map".to_string(), |s| s.to_string_lossy().into_owned());
            let tx = self.tx.clone();
            let wake = self.ctx.clone();
            let boxed = Box::new(request);
            if choice.format == Format::Csv {
                let task = rfd::AsyncFileDialog::new()
                    .set_title("Export the tables into a folder")
                    .pick_folder();
                std::thread::spawn(move || {
                    let picked = pollster::block_on(task).map(|h| h.path().to_owned());
                    let _ = tx.send(Event::PickedExport(picked, boxed));
                    if let Some(ctx) = wake {
                        ctx.request_repaint();
                    }
                });
            } else {
                let ext = choice.format.name();
                let task = rfd::AsyncFileDialog::new()
                    .set_title("Export as")
                    .add_filter(ext.to_uppercase(), &[ext])
                    .set_file_name(format!("{stem}.{ext}"))
                    .save_file();
                std::thread::spawn(move || {
                    let picked = pollster::block_on(task).map(|h| h.path().to_owned());
                    let _ = tx.send(Event::PickedExport(picked, boxed));
                    if let Some(ctx) = wake {
                        ctx.request_repaint();
                    }
                });
            }
            self.export = None;
        } else if close {
            self.export = None;
        } else {
            self.export = Some(choice);
        }
    }

    fn action_context(&self) -> ActionContext {
        ActionContext {
            has_selection: !self.view.selection.is_empty(),
            has_selected_actors: !self.view.selected_actors().is_empty(),
            has_clipboard: self.clipboard.is_some(),
            can_undo: self.history.undo_label().is_some(),
            can_redo: self.history.redo_label().is_some(),
        }
    }

    /// Runs an action.
    pub fn run_action(&mut self, action: Action) {
        if !action.enabled(&self.action_context()) {
            return;
        }
        match action {
            Action::New => self.guard(Then::New),
            Action::Open => self.guard(Then::OpenDialog),
            Action::OpenSample => self.guard(Then::OpenSample),
            Action::Save => self.save(),
            Action::SaveAs => self.save_as_dialog(),
            Action::Quit => {
                if let Some(ctx) = &self.ctx {
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Delete => self.delete_selection(),
            Action::SelectAll => {
                self.view.selection = self
                    .doc
                    .project
                    .actors
                    .keys()
                    .map(|id| Item::Actor(*id))
                    .collect();
            }
            Action::Copy => self.copy(),
            Action::Paste => self.paste(None),
            Action::Find => {
                self.view.focus_search = true;
                if self.view.presenting {
                    self.toggle_presentation();
                }
            }
            Action::AddActor => {
                let at = self.view.canvas.camera.map_or(Pos2::ZERO, |c| c.center);
                self.view.canvas.new_actor = Some(NewActorPrompt {
                    at,
                    name: String::new(),
                    focus: true,
                });
            }
            Action::ConnectMode => self.view.canvas.connect_mode = !self.view.canvas.connect_mode,
            Action::FitView => self.view.canvas.fit_on_next_frame(),
            Action::Presentation => self.toggle_presentation(),
            Action::QuickEntry => self.quick.focus = true,
            Action::Export => {
                self.export = Some(ExportChoice {
                    date: self.doc.project.meta.modified.trim().to_string(),
                    ..ExportChoice::default()
                });
            }
            Action::Import => self.guard(Then::ImportDialog),
            Action::LayoutForce
            | Action::LayoutByLevel
            | Action::LayoutBySector
            | Action::LayoutCircular
            | Action::TidySelection => {
                if let Some(kind) = action.layout() {
                    let only = (action == Action::TidySelection)
                        .then(|| self.view.selected_actors().into_iter().collect());
                    self.start_layout(kind, only);
                }
            }
        }
    }

    /// Runs a layout on a worker thread with progress and Cancel in the status bar; the
    /// result is animated and applied as one undo step.
    pub fn start_layout(
        &mut self,
        kind: crate::layout::LayoutKind,
        only: Option<BTreeSet<ActorId>>,
    ) {
        if self.job.is_some() || self.animation.is_some() {
            return;
        }
        let progress = std::sync::Arc::new(Progress::new());
        self.job = Some((progress.clone(), "Cancel layout"));
        self.busy = Some(format!("Layout: {}…", kind.label().to_lowercase()));
        let project = self.doc.project.clone();
        let label = match &only {
            Some(s) => format!("Tidy {}", count(s.len(), "actor", "actors")),
            None => format!("Layout {}", kind.label().to_lowercase()),
        };
        self.spawn(move || {
            let result = crate::layout::run(&project, kind, only.as_ref(), &progress);
            Event::LaidOut(label, result)
        });
    }

    /// Draws actors a step closer to the layout's result each frame (the canvas's preview;
    /// the document is untouched), then applies the result as one undo step.
    fn animate(&mut self, ctx: &egui::Context) {
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

    fn toggle_presentation(&mut self) {
        self.view.presenting = !self.view.presenting;
        if let Some(ctx) = &self.ctx {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(self.view.presenting));
        }
        self.view.canvas.fit_on_next_frame();
        if self.view.presenting {
            self.quick.focus = true;
        }
    }

    /// Deletes the selection: actors with all their partnerships, and partnerships.
    pub fn delete_selection(&mut self) {
        let actors = self.view.selected_actors();
        let partnerships = self.view.selected_partnerships();
        if actors.is_empty() && partnerships.is_empty() {
            return;
        }
        let command = Command::delete(&self.doc.project, &actors, &partnerships);
        let removed_links = match &command {
            Command::Patch(p) => p.partnerships.len(),
            Command::MoveActors(_) => 0,
        };
        let label = match (actors.len(), removed_links) {
            (0, n) => format!("Delete {}", count(n, "partnership", "partnerships")),
            (a, 0) => format!("Delete {}", count(a, "actor", "actors")),
            (a, n) => format!(
                "Delete {} and {}",
                count(a, "actor", "actors"),
                count(n, "partnership", "partnerships")
            ),
        };
        self.apply_edit(Edit::new(label, command));
        self.view.selection.clear();
    }

    /// Copies the selected actors and the partnerships among them (also to the system
    /// clipboard, as RON).
    pub fn copy(&mut self) {
        let ids = self.view.selected_actors();
        if ids.is_empty() {
            return;
        }
        let p = &self.doc.project;
        let clip = Clip {
            partnermap_clipboard: 1,
            actors: ids.iter().filter_map(|id| p.actor(*id).cloned()).collect(),
            partnerships: p
                .partnerships
                .values()
                .filter(|e| ids.contains(&e.a) && ids.contains(&e.b))
                .cloned()
                .collect(),
        };
        if let (Some(ctx), Ok(text)) = (&self.ctx, ron::to_string(&clip)) {
            ctx.copy_text(text);
        }
        self.clipboard = Some(clip);
        self.pastes = 0;
    }

    /// Pastes copied actors with new ids, a little offset, with the partnerships among them.
    /// `text` is what the system clipboard holds, when it came from a paste event.
    pub fn paste(&mut self, text: Option<&str>) {
        let from_text = text.and_then(|t| ron::from_str::<Clip>(t).ok());
        let Some(clip) = from_text.or_else(|| self.clipboard.clone()) else {
            return;
        };
        if clip.actors.is_empty() {
            return;
        }
        self.pastes += 1;
        let offset = 40.0 * f64::from(self.pastes);
        let project = &self.doc.project;
        let mut next_link = project.next_partnership_id().0;
        let mut map = std::collections::HashMap::new();
        let mut actors = Vec::new();
        for (next_actor, a) in (project.next_actor_id().0..).zip(&clip.actors) {
            let mut n = a.clone();
            n.id = ActorId(next_actor);
            n.position = Position::new(a.position.x + offset, a.position.y + offset);
            map.insert(a.id, n.id);
            actors.push(n);
        }
        let mut links = Vec::new();
        for e in &clip.partnerships {
            if let (Some(a), Some(b)) = (map.get(&e.a), map.get(&e.b)) {
                let mut n = e.clone();
                n.id = PartnershipId(next_link);
                next_link += 1;
                n.a = *a;
                n.b = *b;
                links.push(n);
            }
        }
        let select = actors.iter().map(|a| Item::Actor(a.id)).collect();
        let label = format!("Paste {}", count(actors.len(), "actor", "actors"));
        let command = Command::add(project, actors, links);
        self.apply_edit(Edit::new(label, command).selecting(select));
    }

    fn apply_intents(&mut self, intents: Vec<Intent>) {
        if !intents.is_empty() {
            // Whatever the user does next builds on the layout's result.
            self.finish_animation();
        }
        for intent in intents {
            match intent {
                Intent::Edit(edit) => self.apply_edit(edit),
                Intent::Action(a) => self.run_action(a),
                Intent::Center(item) => {
                    let p = &self.doc.project;
                    let at = match item {
                        Item::Actor(id) => p.actor(id).map(actor_pos),
                        Item::Partnership(id) => p.partnership(id).and_then(|e| {
                            Some(actor_pos(p.actor(e.a)?).lerp(actor_pos(p.actor(e.b)?), 0.5))
                        }),
                    };
                    if let Some(at) = at {
                        self.view.canvas.center_on(at);
                    }
                }
                Intent::Notify { title, body } => self.notify(title, body),
            }
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        // Copy and paste arrive as events, not keys, from the system.
        let (copy, paste) = ctx.input(|i| {
            let copy = i.events.iter().any(|e| matches!(e, egui::Event::Copy));
            let paste = i.events.iter().find_map(|e| match e {
                egui::Event::Paste(t) => Some(t.clone()),
                _ => None,
            });
            (copy, paste)
        });
        if !typing {
            if copy {
                self.copy();
            }
            if let Some(text) = paste {
                self.paste(Some(&text));
            }
        }
        for action in Action::ALL {
            if typing && action.yields_to_text_fields() {
                continue;
            }
            for sc in action.shortcuts() {
                if ctx.input_mut(|i| i.consume_shortcut(&sc)) {
                    self.run_action(*action);
                    break;
                }
            }
        }
        if !typing && ctx.input(|i| i.key_pressed(egui::Key::Escape)) && !self.view.canvas.cancel()
        {
            if self.view.presenting {
                self.toggle_presentation();
            } else {
                self.view.selection.clear();
            }
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let cx = self.action_context();
        let mut chosen = Vec::new();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for a in [Action::New, Action::Open] {
                    if a.menu_button(ui, &cx) {
                        chosen.push(a);
                    }
                }
                ui.menu_button("Open recent", |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label(RichText::new("No recent maps").weak());
                    }
                    for path in self.prefs.recent.clone() {
                        if ui
                            .button(file_name(&path))
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            self.guard(Then::OpenPath(path));
                            ui.close();
                        }
                    }
                });
                for a in [Action::Import, Action::Save, Action::SaveAs, Action::Export, Action::Quit] {
                    if a.menu_button(ui, &cx) {
                        chosen.push(a);
                    }
                }
            });
            ui.menu_button("Edit", |ui| {
                let undo = self
                    .history
                    .undo_label()
                    .map_or_else(|| "Undo".to_string(), |l| format!("Undo {l}"));
                if Action::Undo.menu_button_labelled(ui, &cx, &undo) {
                    chosen.push(Action::Undo);
                }
                let redo = self
                    .history
                    .redo_label()
                    .map_or_else(|| "Redo".to_string(), |l| format!("Redo {l}"));
                if Action::Redo.menu_button_labelled(ui, &cx, &redo) {
                    chosen.push(Action::Redo);
                }
                ui.separator();
                for a in [
                    Action::Copy,
                    Action::Paste,
                    Action::Delete,
                    Action::SelectAll,
                    Action::Find,
                ] {
                    if a.menu_button(ui, &cx) {
                        chosen.push(a);
                    }
                }
            });
            ui.menu_button("View", |ui| {
                for a in [Action::FitView, Action::Presentation, Action::QuickEntry] {
                    if a.menu_button(ui, &cx) {
                        chosen.push(a);
                    }
                }
                ui.checkbox(&mut self.show_analysis, "Analysis panel")
                    .on_hover_text("The quadrant chart and the indicators, under the map");
                ui.separator();
                ui.label("Size actors by");
                for s in SizeBy::ALL {
                    ui.radio_value(&mut self.encoding.size_by, s, s.label());
                }
                ui.checkbox(&mut self.encoding.broker_rings, "Ring cross-sector brokers").on_hover_text(
                    "A ring around actors that join partners of different sectors who do not work together; thicker for more such pairs",
                );
                ui.separator();
                ui.label("Theme");
                for (t, label) in [
                    (ThemeChoice::System, "As the system"),
                    (ThemeChoice::Light, "Light"),
                    (ThemeChoice::Dark, "Dark"),
                ] {
                    ui.radio_value(&mut self.prefs.theme, t, label);
                }
                ui.separator();
                let label = ui.label("Size of everything");
                let mut percent = (self.prefs.ui_scale * 100.0).round();
                if ui
                    .add(
                        egui::Slider::new(&mut percent, 75.0..=200.0)
                            .suffix(" %")
                            .step_by(5.0),
                    )
                    .labelled_by(label.id)
                    .changed()
                {
                    self.prefs.ui_scale = percent / 100.0;
                }
            });
            ui.menu_button("Map", |ui| {
                for a in [Action::AddActor, Action::ConnectMode] {
                    if a.menu_button(ui, &cx) {
                        chosen.push(a);
                    }
                }
                ui.separator();
                ui.menu_button("Layout", |ui| {
                    for a in [
                        Action::LayoutForce,
                        Action::LayoutByLevel,
                        Action::LayoutBySector,
                        Action::LayoutCircular,
                    ] {
                        if a.menu_button(ui, &cx) {
                            chosen.push(a);
                        }
                    }
                });
                if Action::TidySelection.menu_button(ui, &cx) {
                    chosen.push(Action::TidySelection);
                }
            });
            ui.menu_button("Help", |ui| {
                if ui
                    .button("What do these mean?")
                    .on_hover_text(
                        "The quadrant charts and indicators in plain words, with their sources",
                    )
                    .clicked()
                {
                    self.show_help = true;
                    ui.close();
                }
                if Action::OpenSample.menu_button(ui, &cx) {
                    chosen.push(Action::OpenSample);
                }
            });
        });
        chosen
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
        let cx = self.action_context();
        let button = |ui: &mut egui::Ui, a: Action, text: &str| -> bool {
            ui.add_enabled(a.enabled(&cx), egui::Button::new(text))
                .on_hover_text(a.hint())
                .clicked()
        };
        let mut clicked: Vec<Action> = Vec::new();
        ui.horizontal(|ui| {
            for (a, text) in [
                (Action::New, "New"),
                (Action::Open, "Open"),
                (Action::Save, "Save"),
            ] {
                if button(ui, a, text) {
                    clicked.push(a);
                }
            }
            ui.separator();
            for (a, text) in [(Action::Undo, "⟲ Undo"), (Action::Redo, "⟳ Redo")] {
                if button(ui, a, text) {
                    clicked.push(a);
                }
            }
            ui.separator();
            if button(ui, Action::AddActor, "+ Actor") {
                clicked.push(Action::AddActor);
            }
            if ui
                .selectable_label(self.view.canvas.connect_mode, "Connect mode")
                .on_hover_text(Action::ConnectMode.hint())
                .clicked()
            {
                clicked.push(Action::ConnectMode);
            }
            for (a, text) in [(Action::Delete, "Delete"), (Action::FitView, "Fit")] {
                if button(ui, a, text) {
                    clicked.push(a);
                }
            }
            ui.separator();
            if let Some(by) = choice_combo::<ColourBy>(
                ui,
                "toolbar.colour_by",
                "Colour partnerships by",
                self.doc.project.settings.colour_by,
            ) {
                let mut settings = self.doc.project.settings;
                settings.colour_by = by;
                intents.push(Intent::Edit(Edit::new(
                    format!("Colour partnerships by {}", by.label().to_lowercase()),
                    Command::set_settings(settings),
                )));
            }
            ui.separator();
            if button(ui, Action::Presentation, "Present") {
                clicked.push(Action::Presentation);
            }
        });
        intents.extend(clicked.into_iter().map(Intent::Action));
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let p = &self.doc.project;
            ui.label(format!(
                "{} · {}",
                count(p.actors.len(), "actor", "actors"),
                count(p.partnerships.len(), "partnership", "partnerships")
            ));
            if !self.view.selection.is_empty() {
                ui.separator();
                ui.label(format!("{} selected", self.view.selection.len()));
            }
            ui.separator();
            if let Some(cam) = self.view.canvas.camera {
                ui.label(format!("zoom {:.0}%", cam.zoom * 100.0));
                ui.separator();
            }
            match self.doc.path() {
                Some(path) => ui.label(path.display().to_string()),
                None => ui.label(self.doc.display_name()),
            };
            ui.separator();
            ui.label(if self.is_modified() {
                "unsaved changes"
            } else {
                "saved"
            });
            if self.view.canvas.connect_mode {
                ui.separator();
                ui.label("Connect mode: drag from an actor to another");
            }
            if let Some(why) = &self.autosave.failed {
                ui.separator();
                ui.colored_label(ui.visuals().warn_fg_color, "autosave failed")
                    .on_hover_text(why);
            }
            if let Some(busy) = &self.busy {
                ui.separator();
                match &self.job {
                    Some((job, _)) if job.fraction() > 0.0 => {
                        ui.add(
                            egui::ProgressBar::new(job.fraction())
                                .desired_width(120.0)
                                .show_percentage(),
                        );
                    }
                    _ => {
                        ui.spinner();
                    }
                }
                ui.label(busy);
                if let Some((job, cancel)) = &self.job {
                    if job.is_cancelled() {
                        ui.label("cancelling…");
                    } else if ui.small_button(*cancel).clicked() {
                        job.cancel();
                    }
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(100));
                }
            }
            if let Some(p) = self.live.progress() {
                ui.separator();
                ui.spinner();
                ui.label(format!("Betweenness {:.0}%", p * 100.0))
                    .on_hover_text(
                        "Computed in the background; the other indicators are already shown",
                    );
                if ui.small_button("Cancel").clicked() {
                    self.live.cancel();
                }
            }
        });
    }

    fn notice_ui(&mut self, ctx: &egui::Context) {
        let Some(notice) = self.notices.first().cloned() else {
            return;
        };
        let response = egui::Modal::new(Id::unique("partnermap.notice")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(&notice.title);
            ui.add_space(6.0);
            ui.label(&notice.body);
            ui.add_space(10.0);
            ui.button("OK").clicked()
        });
        if response.inner || response.should_close() {
            self.notices.remove(0);
        }
    }

    fn discard_ui(&mut self, ctx: &egui::Context) {
        let Some(then) = self.pending.clone() else {
            return;
        };
        let mut choice = None;
        let response = egui::Modal::new(Id::unique("partnermap.discard")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading(format!("Save changes to “{}”?", self.doc.display_name()));
            ui.label("Your changes will be lost if you don't save them.");
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(0);
                }
                if ui.button("Don't save").clicked() {
                    choice = Some(1);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(2);
                }
            });
        });
        if response.should_close() && choice.is_none() {
            choice = Some(2);
        }
        match choice {
            Some(0) => {
                self.pending = None;
                self.after_save = Some(then);
                self.save();
            }
            Some(1) => {
                self.pending = None;
                self.proceed(then);
            }
            Some(_) => self.pending = None,
            None => {}
        }
    }

    /// Applies the theme, UI scale and presentation look when they change.
    fn apply_look(&mut self, ctx: &egui::Context) {
        let presenting = self.view.presenting;
        let scale = if presenting {
            self.prefs.ui_scale * 1.4
        } else {
            self.prefs.ui_scale
        };
        let key = (self.prefs.theme, presenting, (scale * 100.0).round() as u32);
        if self.applied_look == Some(key) {
            return;
        }
        self.applied_look = Some(key);
        // The View menu's size setting is the one way to scale, so that it is remembered.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.set_zoom_factor(scale.clamp(0.5, 3.0));
        if presenting {
            let mut v = egui::Visuals::light();
            v.extreme_bg_color = egui::Color32::WHITE;
            v.panel_fill = egui::Color32::WHITE;
            v.override_text_color = Some(egui::Color32::BLACK);
            v.widgets.noninteractive.fg_stroke.color = egui::Color32::BLACK;
            ctx.set_visuals_of(egui::Theme::Light, v);
            ctx.set_theme(egui::ThemePreference::Light);
        } else {
            ctx.set_visuals_of(egui::Theme::Light, egui::Visuals::light());
            ctx.set_theme(match self.prefs.theme {
                ThemeChoice::System => egui::ThemePreference::System,
                ThemeChoice::Light => egui::ThemePreference::Light,
                ThemeChoice::Dark => egui::ThemePreference::Dark,
            });
        }
    }

    fn filter_matches(&mut self) -> Option<(BTreeSet<ActorId>, BTreeSet<PartnershipId>)> {
        if !self.view.filters.is_active() {
            return None;
        }
        let stale = self
            .filter_cache
            .as_ref()
            .is_none_or(|(rev, f, _)| *rev != self.doc.revision || *f != self.view.filters);
        if stale {
            let m = self.view.filters.matches(&self.doc.project);
            self.filter_cache = Some((self.doc.revision, self.view.filters.clone(), m));
        }
        self.filter_cache.as_ref().map(|(_, _, m)| m.clone())
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
                || is_backup(&path)
            {
                self.guard(Then::OpenPath(path));
            } else if ImportFormat::from_path(&path).is_some() {
                self.guard(Then::ImportPath(path));
            } else {
                self.notify(
                    format!("Cannot open {}", file_name(&path)),
                    "PartnerMap opens maps saved as .ron files (and their .ron.bak backups), and imports GraphML, GEXF, CSV tables and its own JSON.",
                );
            }
        }
    }
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

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl eframe::App for PartnerMapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Ok(text) = ron::to_string(&self.prefs) {
            storage.set_string(PREFS_KEY, text);
        }
    }

    /// A clean exit: the user saved or chose not to, so the recovery file goes.
    fn on_exit(&mut self) {
        if let Some(r) = &self.autosave.recovery {
            r.remove_all();
        }
    }
}

impl PartnerMapApp {
    /// Draws one frame of the whole window into `ui` and applies what it asked for. The
    /// window calls it; so do the headless frame benchmarks.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        while let Ok(event) = self.rx.try_recv() {
            self.handle(event);
        }
        self.apply_look(&ctx);
        let wake_ctx = ctx.clone();
        self.live
            .update(&self.doc.project, self.doc.revision, move || {
                wake_ctx.request_repaint();
            });
        if ctx.input(|i| i.viewport().close_requested()) && self.is_modified() && !self.allow_close
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.pending = Some(Then::Close);
        }
        self.dropped_files(&ctx);
        self.animate(&ctx);
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }

        let mut intents: Vec<Intent> = Vec::new();
        let presenting = self.view.presenting;
        if !presenting {
            egui::Panel::top("menu").show(ui, |ui| {
                for a in self.menu_ui(ui) {
                    intents.push(Intent::Action(a));
                }
            });
            egui::Panel::top("toolbar").show(ui, |ui| self.toolbar_ui(ui, &mut intents));
        }
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        let defaults = self
            .view
            .canvas
            .new_actor_defaults
            .unwrap_or((crate::model::Sector::State, crate::model::Level::Commune));
        let at = self.view.canvas.camera.map_or(Pos2::ZERO, |c| c.center);
        egui::Panel::bottom("quick entry").show(ui, |ui| {
            ui.add_space(2.0);
            let new = self.quick.ui(ui, &self.doc.project, at, defaults);
            intents.extend(new);
            ui.add_space(2.0);
        });
        let matches = self.filter_matches();
        if !presenting {
            egui::Panel::left("lists")
                .resizable(true)
                .default_size(260.0)
                .show(ui, |ui| {
                    if !self.doc.project.meta.title.is_empty() {
                        ui.label(RichText::new(&self.doc.project.meta.title).heading());
                        ui.separator();
                    }
                    egui::Panel::bottom("legend panel")
                        .resizable(true)
                        .show(ui, |ui| {
                            egui::CollapsingHeader::new("Legend")
                                .default_open(true)
                                .show(ui, |ui| {
                                    legend_ui(
                                        ui,
                                        self.doc.project.settings.colour_by,
                                        self.encoding.size_by.label(),
                                        self.encoding.broker_rings,
                                    );
                                });
                        });
                    lists_ui(
                        ui,
                        &self.doc.project,
                        &mut self.view,
                        matches.as_ref(),
                        &mut intents,
                    );
                });
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(320.0)
                .show(ui, |ui| {
                    let ind = self.live.indicators().cloned();
                    inspector_ui(
                        ui,
                        &self.doc.project,
                        &self.view,
                        ind.as_deref(),
                        &mut self.inspector,
                        &mut intents,
                    );
                });
        }
        if !presenting && self.show_analysis {
            egui::Panel::bottom("analysis")
                .resizable(true)
                .default_size(330.0)
                .min_size(220.0)
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    ui.horizontal(|ui| {
                        ui.selectable_value(
                            &mut self.analysis_tab,
                            AnalysisTab::Quadrants,
                            "Quadrant chart",
                        );
                        ui.selectable_value(
                            &mut self.analysis_tab,
                            AnalysisTab::Indicators,
                            "Indicators",
                        );
                        if ui.small_button("What do these mean?").clicked() {
                            self.show_help = true;
                        }
                    });
                    ui.separator();
                    match self.analysis_tab {
                        AnalysisTab::Quadrants => quadrant_ui(
                            ui,
                            &self.doc.project,
                            self.doc.revision,
                            &mut self.view,
                            &mut self.quadrant,
                            &mut intents,
                        ),
                        AnalysisTab::Indicators => {
                            let updating = (!self.live.is_current(self.doc.revision)).then(|| {
                                match self.live.progress() {
                                    Some(p) => format!("updating… betweenness {:.0}%", p * 100.0),
                                    None => "updating…".to_string(),
                                }
                            });
                            let ind = self.live.indicators().cloned();
                            dashboard_ui(
                                ui,
                                &self.doc.project,
                                ind.as_deref(),
                                updating,
                                &mut self.view,
                                &mut self.dashboard,
                                &mut intents,
                            );
                        }
                    }
                });
        }
        if let Some(ind) = self.live.indicators() {
            let stale = self.overlay_cache.as_ref().is_none_or(|c| {
                !std::sync::Arc::ptr_eq(&c.from, ind) || c.size_by != self.encoding.size_by
            });
            if stale {
                self.overlay_cache = Some(OverlayCache::build(ind, self.encoding.size_by));
            }
        }
        let overlay = match &self.overlay_cache {
            Some(c) => crate::ui::canvas::Overlay {
                radius: c.radius.as_ref(),
                brokers: self.encoding.broker_rings.then_some(&c.brokers),
            },
            None => crate::ui::canvas::Overlay::default(),
        };
        egui::CentralPanel::no_frame().show(ui, |ui| {
            canvas_ui(
                ui,
                &self.doc.project,
                self.doc.revision,
                &mut self.view,
                matches.as_ref(),
                overlay,
                &mut intents,
            );
        });
        egui::Window::new("What do these mean?")
            .open(&mut self.show_help)
            .default_size([560.0, 620.0])
            .show(&ctx, crate::ui::help::help_ui);
        self.export_ui(&ctx);
        self.csv_import_ui(&ctx);
        self.overwrite_ui(&ctx);
        self.offer_ui(&ctx);
        self.notice_ui(&ctx);
        self.discard_ui(&ctx);
        if self.notices.is_empty()
            && self.pending.is_none()
            && self.export.is_none()
            && self.csv_import.is_none()
            && self.overwrite_check.is_none()
            && self.offer.is_empty()
        {
            self.shortcuts(&ctx);
        }
        self.apply_intents(intents);
        self.autosave_tick(&ctx);
        if !self.first_frame_done
            && std::env::var(FIRST_FRAME_ENV).is_ok_and(|v| v == "exit")
            && let Some(start) = STARTED.get()
        {
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            let first = *self.first_frame_ms.get_or_insert(ms);
            // Done once the map asked for on the command line is open and drawn.
            if self.busy.is_none() {
                self.first_frame_done = true;
                println!(
                    "first frame after {first:.0} ms; map of {} actors and {} partnerships drawn after {ms:.0} ms",
                    self.doc.project.actors.len(),
                    self.doc.project.partnerships.len()
                );
                ctx.send_viewport_cmd(ViewportCommand::Close);
            } else {
                ctx.request_repaint();
            }
        }
    }
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
