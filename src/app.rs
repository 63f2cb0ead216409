//! The application shell: owns the document and the view state, runs file work in the
//! background, and applies what the UI asks for after each frame.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{Id, ViewportCommand};

use crate::io::{self, LoadError, SaveError};
use crate::model::Project;
use crate::ui::actions::Action;
use crate::ui::canvas::{CanvasView, canvas_ui};
use crate::ui::legend::legend_ui;

/// The storage key of the last map that was opened or saved.
const LAST_MAP_KEY: &str = "partnermap.last_map";

/// Where the open map came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The sample map that ships inside the program.
    Sample,
    /// A file on disk.
    File(PathBuf),
    /// A new map that has never been saved.
    Untitled,
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
    /// The revision that was last saved (or opened).
    pub saved_revision: u64,
}

impl Document {
    /// A document for `project` from `origin`, with nothing unsaved.
    pub fn new(project: Project, origin: Origin) -> Self {
        Self {
            project,
            origin,
            revision: 0,
            saved_revision: 0,
        }
    }

    /// The embedded sample map.
    pub fn sample() -> Self {
        Self::new(io::sample(), Origin::Sample)
    }

    /// Whether there are changes that have not been saved.
    pub fn is_modified(&self) -> bool {
        self.revision != self.saved_revision
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
            Origin::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }

    /// The window title: the file name, an unsaved mark, the program.
    pub fn window_title(&self) -> String {
        let mark = if self.is_modified() { "● " } else { "" };
        format!("{mark}{} — PartnerMap", self.display_name())
    }
}

/// Results of work done off the UI thread.
enum Event {
    PickedOpen(Option<PathBuf>),
    PickedSaveAs(Option<PathBuf>),
    Opened(PathBuf, Box<Result<Project, LoadError>>),
    Saved(PathBuf, u64, Result<(), SaveError>),
}

/// A message shown in a dialog until the user dismisses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The dialog's heading.
    pub title: String,
    /// What happened and what to do.
    pub body: String,
}

/// The whole application.
pub struct PartnerMapApp {
    /// The open map.
    pub doc: Document,
    /// The canvas camera and hover.
    pub canvas: CanvasView,
    /// Messages waiting to be shown, oldest first.
    pub notices: Vec<Notice>,
    /// What is running in the background, for the status bar.
    pub busy: Option<String>,
    /// The last map opened or saved, remembered between runs.
    pub last_map: Option<PathBuf>,
    tx: Sender<Event>,
    rx: Receiver<Event>,
    shown_title: String,
    ctx: Option<egui::Context>,
}

impl PartnerMapApp {
    /// An app showing `doc`.
    pub fn with_document(doc: Document) -> Self {
        let (tx, rx) = channel();
        Self {
            doc,
            canvas: CanvasView::default(),
            notices: Vec::new(),
            busy: None,
            last_map: None,
            tx,
            rx,
            shown_title: String::new(),
            ctx: None,
        }
    }

    /// The app as the window starts it: `file` if given, else the last map, else the sample.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let last_map = cc
            .storage
            .and_then(|s| s.get_string(LAST_MAP_KEY))
            .map(PathBuf::from);
        crate::ui::fonts::install(&cc.egui_ctx);
        let mut app = Self::with_document(Document::sample());
        app.ctx = Some(cc.egui_ctx.clone());
        app.last_map = last_map.clone();
        match (file, last_map) {
            (Some(f), _) => app.open_path(f),
            (None, Some(last)) if last.is_file() => app.open_path(last),
            _ => {}
        }
        app
    }

    /// Shows a message in a dialog.
    pub fn notify(&mut self, title: impl Into<String>, body: impl Into<String>) {
        self.notices.push(Notice {
            title: title.into(),
            body: body.into(),
        });
    }

    /// Opens the map at `path` in the background; the current map stays open until the new
    /// one has loaded, and stays open if it fails.
    pub fn open_path(&mut self, path: PathBuf) {
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
    pub fn save_to(&mut self, path: PathBuf) {
        self.busy = Some(format!("Saving {}…", path.display()));
        let project = self.doc.project.clone();
        let revision = self.doc.revision;
        let tx = self.tx.clone();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            let result = io::save_path(&project, &path);
            let _ = tx.send(Event::Saved(path, revision, result));
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
    }

    /// Waits for background file work to finish (for tests and the command line).
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
            Event::PickedOpen(None) | Event::PickedSaveAs(None) => {}
            Event::Opened(path, result) => {
                self.busy = None;
                match *result {
                    Ok(project) => {
                        self.doc = Document::new(project, Origin::File(path.clone()));
                        self.canvas.fit_on_next_frame();
                        self.last_map = Some(path);
                    }
                    Err(e) => self.notify(
                        format!("Could not open {}", file_name(&path)),
                        format!("{e}\n\nThe map that was open stays open."),
                    ),
                }
            }
            Event::Saved(path, revision, result) => {
                self.busy = None;
                match result {
                    Ok(()) => {
                        self.doc.origin = Origin::File(path.clone());
                        self.doc.saved_revision = revision;
                        self.last_map = Some(path);
                    }
                    Err(e) => self.notify(
                        format!("Could not save {}", file_name(&path)),
                        format!("{e}\n\nThe map is still open and not saved; the file on disk is unchanged."),
                    ),
                }
            }
        }
    }

    /// Runs an action.
    pub fn run_action(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::Open => {
                let task = rfd::AsyncFileDialog::new()
                    .set_title("Open a map")
                    .add_filter("PartnerMap map", &["ron"])
                    .pick_file();
                self.spawn_dialog(task, Event::PickedOpen);
            }
            Action::Save => match self.doc.path() {
                Some(p) => self.save_to(p.to_owned()),
                None => self.run_action(Action::SaveAs, ctx),
            },
            Action::SaveAs => {
                let name = match self.doc.path() {
                    Some(p) => file_name(p),
                    None => "map.ron".to_string(),
                };
                let task = rfd::AsyncFileDialog::new()
                    .set_title("Save the map as")
                    .add_filter("PartnerMap map", &["ron"])
                    .set_file_name(name)
                    .save_file();
                self.spawn_dialog(task, Event::PickedSaveAs);
            }
            Action::OpenSample => {
                self.doc = Document::sample();
                self.canvas.fit_on_next_frame();
            }
            Action::FitView => self.canvas.fit_on_next_frame(),
            Action::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
        }
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

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        for action in Action::ALL {
            let Some(sc) = action.shortcut() else {
                continue;
            };
            if typing && action.is_plain_key() {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&sc)) {
                self.run_action(*action, ctx);
            }
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut chosen = None;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for a in [Action::Open, Action::Save, Action::SaveAs, Action::Quit] {
                    if a.menu_button(ui) {
                        chosen = Some(a);
                    }
                }
            });
            ui.menu_button("View", |ui| {
                if Action::FitView.menu_button(ui) {
                    chosen = Some(Action::FitView);
                }
            });
            ui.menu_button("Help", |ui| {
                if Action::OpenSample.menu_button(ui) {
                    chosen = Some(Action::OpenSample);
                }
            });
        });
        chosen
    }

    fn status_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let p = &self.doc.project;
            ui.label(format!(
                "{} actors · {} partnerships",
                p.actors.len(),
                p.partnerships.len()
            ));
            ui.separator();
            if let Some(cam) = self.canvas.camera {
                ui.label(format!("zoom {:.0}%", cam.zoom * 100.0));
                ui.separator();
            }
            match self.doc.path() {
                Some(path) => ui.label(path.display().to_string()),
                None => ui.label(self.doc.display_name()),
            };
            ui.separator();
            ui.label(if self.doc.is_modified() {
                "unsaved changes"
            } else {
                "saved"
            });
            if let Some(busy) = &self.busy {
                ui.separator();
                ui.spinner();
                ui.label(busy);
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
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl eframe::App for PartnerMapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        while let Ok(event) = self.rx.try_recv() {
            self.handle(event);
        }
        let title = self.doc.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }

        let mut action = None;
        egui::Panel::top("menu").show(ui, |ui| {
            action = self.menu_ui(ui);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::Panel::left("legend")
            .resizable(true)
            .default_size(220.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    if !self.doc.project.meta.title.is_empty() {
                        ui.heading(&self.doc.project.meta.title);
                        ui.separator();
                    }
                    legend_ui(ui);
                });
            });
        egui::CentralPanel::no_frame().show(ui, |ui| {
            canvas_ui(ui, &self.doc.project, &mut self.canvas);
        });
        self.notice_ui(&ctx);
        self.shortcuts(&ctx);
        if let Some(a) = action {
            self.run_action(a, &ctx);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Some(p) = &self.last_map {
            storage.set_string(LAST_MAP_KEY, p.display().to_string());
        }
    }
}

/// Opens the window on `file` (or the last map, or the sample) and runs until it closes.
pub fn run_window(file: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("PartnerMap")
            .with_app_id("partnermap")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0]),
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
