//! The file flows: New, Open, Open recent, Save, Save As, Import, Export and dropped files,
//! each asking about unsaved changes first where it replaces the map, running the file work
//! in the background, and saying what failed without touching the open map.

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use super::{Document, Event, Modal, Origin, PartnerMapApp, Pick, absolute, file_name, is_backup};
use crate::io::export::{ExportError, ExportRequest, ExportTexts, View};
use crate::io::import::csv::{Table, Tables};
use crate::io::import::{ImportError, ImportFormat, Imported};
use crate::io::recovery::Found;
use crate::io::{self, LoadError, SaveError};
use crate::model::Project;
use crate::task::Progress;
use crate::ui::modals::{CsvImport, ExportChoice};

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

impl PartnerMapApp {
    /// Runs `then` now, or first asks about unsaved changes.
    pub fn guard(&mut self, then: Then) {
        if self.is_modified() {
            self.open_modal(Modal::Unsaved(then));
        } else {
            self.proceed(then);
        }
    }

    /// Runs `then`, discarding unsaved changes.
    pub(super) fn proceed(&mut self, then: Then) {
        match then {
            Then::New => {
                let mut project = Project::new();
                project.settings.colour_by = self.prefs.colour_by;
                // A map created here begins here: it gets its origin now (design.md §13).
                project.meta.ensure_origin();
                self.set_document(Document::new(project, Origin::Untitled));
            }
            Then::OpenDialog => self.ask(Pick::Open),
            Then::OpenPath(path) => self.open_path(path),
            Then::OpenSample => self.set_document(Document::sample()),
            Then::ImportDialog => self.ask(Pick::Import),
            Then::ImportPath(path) => self.import_path(path),
            Then::Restore(found) => {
                self.offer.retain(|f| *f != *found);
                self.restore(&found);
            }
            Then::Close => {
                self.allow_close = true;
                if let Some(ctx) = &self.jobs.ctx {
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
            }
        }
    }

    /// Opens a map file, or imports a network or tables (the command line's FILE).
    pub(super) fn open_or_import(&mut self, path: PathBuf) {
        let ron = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
        if !ron && ImportFormat::from_path(&path).is_some() {
            self.import_path(path);
        } else {
            self.open_path(path);
        }
    }

    /// Opens the map at `path` in the background; the current map stays open until the new
    /// one has loaded, and stays open if it fails. (Callers ask about unsaved changes first.)
    pub fn open_path(&mut self, path: PathBuf) {
        let path = absolute(path);
        self.jobs
            .start(format!("Opening {}…", path.display()), None);
        self.jobs.spawn(move || {
            let result = io::load_path(&path);
            Event::Opened(path, Box::new(result))
        });
    }

    /// Save: to the map's file (first warning if another program changed it since it was
    /// opened or saved here), else Save As.
    pub fn save(&mut self) {
        match self.doc.path() {
            Some(p) if self.doc.disk.is_some() && super::DiskStamp::of(p) != self.doc.disk => {
                let p = p.to_owned();
                self.open_modal(Modal::Overwrite(p));
            }
            Some(p) => self.save_to(p.to_owned()),
            None => self.save_as_dialog(),
        }
    }

    /// Saves the map to `path` in the background; on success the map belongs to `path`.
    pub fn save_to(&mut self, path: PathBuf) {
        let path = absolute(path);
        self.jobs.start(format!("Saving {}…", path.display()), None);
        // A map saved for the first time gets its origin, which copies of the file keep (the
        // open map takes it once the file is written).
        let origin = self.doc.origin_to_save();
        let mut project = self.doc.project.clone();
        project.meta.origin = origin;
        project.meta.modified = crate::io::today();
        if project.meta.created.is_empty() {
            project.meta.created = project.meta.modified.clone();
        }
        let state = self.history.state();
        self.jobs.spawn(move || {
            let result = io::save_path(&project, &path);
            Event::Saved(path, state, result)
        });
    }

    /// Asks where to save the map.
    pub(super) fn save_as_dialog(&mut self) {
        self.ask(Pick::SaveAs);
    }

    /// Imports `path` (a GraphML, GEXF or JSON file runs at once; CSV tables go to the
    /// column-mapping step first). The open map is replaced only when the import succeeds.
    pub fn import_path(&mut self, path: PathBuf) {
        let path = absolute(path);
        match ImportFormat::from_path(&path) {
            Some(ImportFormat::Csv) => {
                self.jobs
                    .start(format!("Reading {}…", file_name(&path)), None);
                self.jobs.spawn(move || {
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
                ImportFormat::supported_sentence(),
            ),
        }
    }

    /// Reads one more table for the column-mapping step.
    pub(super) fn read_table(&mut self, path: PathBuf, actors: bool) {
        self.jobs
            .start(format!("Reading {}…", file_name(&path)), None);
        self.jobs
            .spawn(move || Event::TableRead(actors, Table::read(&path)));
    }

    /// Runs an import in the background with progress and Cancel in the status bar.
    pub(super) fn run_import(
        &mut self,
        source: PathBuf,
        work: impl FnOnce(&Progress) -> Result<Imported, ImportError> + Send + 'static,
    ) {
        let busy = format!("Importing {}…", file_name(&source));
        let progress = self.jobs.start(busy, Some("Cancel import"));
        self.jobs.spawn(move || {
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

    /// Opens the Export dialog with the last choices and the map's date.
    pub(super) fn open_export_dialog(&mut self) {
        self.open_modal(Modal::Export(ExportChoice {
            title: String::new(),
            date: crate::io::export::map_date(&self.doc.project).unwrap_or_default(),
            ..self.prefs.export.clone()
        }));
    }

    /// Keeps the dialog's choices for the next export.
    pub(super) fn remember_export(&mut self, choice: &ExportChoice) {
        self.prefs.export = choice.clone();
    }

    /// Asks where to write the export (a folder for the CSV tables), then writes it.
    pub(super) fn pick_export_file(&mut self, choice: &ExportChoice) {
        let request = Box::new(self.export_request(choice));
        self.ask(Pick::Export(request));
    }

    /// The export request for the dialog's choices, with the view's sizes and rings.
    pub fn export_request(&self, choice: &ExportChoice) -> ExportRequest {
        let view = match (choice.format.is_picture(), choice.chart) {
            (true, Some(f)) => View::Quadrant(f),
            _ => View::Map,
        };
        let texts = ExportTexts {
            title: Some(choice.title.clone()),
            caption: Some(choice.caption.clone()),
            date: Some(choice.date.clone()),
        };
        let mut request = ExportRequest::for_map(&self.doc.project, choice.format, view, &texts);
        if choice.format.is_picture() {
            request.dpi = choice.dpi;
            request.svg.page = choice.page;
            request.svg.colours = choice.colours.resolve(self.view.dark);
            request.svg.encoding = self.encoding();
            // While two states are compared, the picture is the comparison (or, for the
            // chart, the trajectories), as on screen.
            if let Some(t) = self.time.current()
                && let Some(from) = &t.request.from
            {
                request.compare = Some((from.clone(), t.request.to.clone()));
            }
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

    /// Asks where to write the workshop report (a PDF of the paper last chosen for an export
    /// when that is A4 or Letter, else A4), then writes it in the background.
    pub(super) fn pick_report_file(&mut self) {
        let texts = ExportTexts::default();
        let mut request = ExportRequest::for_map(
            &self.doc.project,
            crate::io::export::Format::Report,
            View::Map,
            &texts,
        );
        request.svg.encoding = self.encoding();
        request.svg.colours = self.prefs.export.colours.resolve(self.view.dark);
        request.svg.page = crate::io::export::PageSetup::new(match self.prefs.export.page.paper {
            crate::io::export::PaperSize::Letter => crate::io::export::PaperSize::Letter,
            _ => crate::io::export::PaperSize::A4,
        });
        self.ask(Pick::Export(Box::new(request)));
    }

    /// Writes the export in the background with Cancel in the status bar; the window stays
    /// responsive, and a cancelled export writes nothing.
    pub fn export_to(&mut self, path: PathBuf, request: ExportRequest) {
        let busy = format!("Exporting {}…", path.display());
        let progress = self.jobs.start(busy, Some("Cancel export"));
        let project = self.doc.project.clone();
        self.jobs.spawn(move || {
            let result =
                crate::io::export::export_to_path_with(&project, &request, &path, &progress);
            Event::Exported(path, result)
        });
    }

    /// Opens or imports files dropped on the window (the first of them).
    pub(super) fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        let Some(path) = dropped.into_iter().next() else {
            return;
        };
        if is_map_file(&path) {
            self.guard(Then::OpenPath(path));
        } else if ImportFormat::from_path(&path).is_some() {
            self.guard(Then::ImportPath(path));
        } else {
            self.notify(
                format!("Cannot open {}", file_name(&path)),
                format!(
                    "PartnerMap opens maps saved as .ron files (and their .ron.bak backups). {}",
                    ImportFormat::supported_sentence()
                ),
            );
        }
    }

    /// Handles the result of a file dialog or file job.
    pub(super) fn handle_file_event(&mut self, event: Event) {
        match event {
            Event::Picked(pick, picked) => self.picked(pick, picked),
            Event::Exported(path, result) => self.exported(&path, result),
            Event::TablesRead(path, result) => self.tables_read(path, result),
            Event::TableRead(actors, result) => self.table_read(actors, result),
            Event::Imported(path, result) => self.imported(path, *result),
            Event::Opened(path, result) => self.opened(path, *result),
            Event::MergeRead(path, revision, result) => self.merge_read(path, revision, *result),
            Event::Saved(path, state, result) => self.saved(path, state, result),
            _ => {}
        }
    }

    fn exported(&mut self, path: &Path, result: Result<Vec<PathBuf>, ExportError>) {
        self.jobs.finish();
        match result {
            Ok(files) => {
                let list: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
                self.notify("Exported", list.join("\n"));
            }
            Err(ExportError::Cancelled) => {}
            Err(e) => self.notify(
                format!("Could not export {}", file_name(path)),
                format!("{e}\n\nThe map is unchanged."),
            ),
        }
    }

    fn tables_read(&mut self, path: PathBuf, result: Result<Tables, ImportError>) {
        self.jobs.finish();
        match result {
            Ok(tables) => self.open_modal(Modal::CsvImport(Box::new(CsvImport::new(path, tables)))),
            Err(e) => self.notify(
                format!("Could not import {}", file_name(&path)),
                format!("{e}\n\nThe map that was open stays open."),
            ),
        }
    }

    fn table_read(&mut self, actors: bool, result: Result<Table, ImportError>) {
        self.jobs.finish();
        match (result, self.csv_import_mut()) {
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

    fn imported(&mut self, path: PathBuf, result: Result<Imported, ImportError>) {
        let cancelled = self.jobs.finish();
        match result {
            Ok(_) if cancelled => {}
            Ok(imported) => self.show_imported(path, imported),
            Err(ImportError::Cancelled) => {}
            Err(e) => self.notify(
                format!("Could not import {}", file_name(&path)),
                format!("{e}\n\nNothing was imported; the map that was open stays open."),
            ),
        }
    }

    fn opened(&mut self, path: PathBuf, result: Result<Project, LoadError>) {
        self.jobs.finish();
        match result {
            // A backup opens as a copy: Save asks where to write it, so that going back one
            // save never writes over the backup itself.
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

    fn saved(&mut self, path: PathBuf, state: u64, result: Result<(), SaveError>) {
        self.jobs.finish();
        match result {
            Ok(()) => {
                self.doc.keep_given_origin();
                self.doc.origin = Origin::File(path.clone());
                self.doc.disk = super::DiskStamp::of(&path);
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

    /// The recent map `n`, opened after asking about unsaved changes.
    pub(super) fn open_recent(&mut self, n: usize) {
        if let Some(path) = self.prefs.recent.get(n).cloned() {
            self.guard(Then::OpenPath(path));
        }
    }
}

/// Whether `path` names a map file PartnerMap opens directly (not an import).
fn is_map_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
        || is_backup(path)
}
