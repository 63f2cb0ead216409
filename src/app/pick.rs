//! Asking for a file: the system's dialog when it can be shown, else PartnerMap's own path
//! dialog (see [`super::file_dialog`]), both described once per purpose, and what the answer
//! leads to.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

use super::file_dialog::{DialogMode, Picked};
use super::{Modal, Origin, PartnerMapApp, file_name};
use crate::io::export::{ExportRequest, Format};
use crate::io::import::ImportFormat;
use crate::ui::modals::{PathDecision, PathDialog, Wants};

/// What a file is asked for; the answer goes where this says.
#[derive(Clone, Debug)]
pub enum Pick {
    /// A map to open.
    Open,
    /// Where to save the map.
    SaveAs,
    /// A file to import.
    Import,
    /// Another group's map to merge as a perspective.
    Merge,
    /// Where to write this export (a file, or a folder for the CSV tables).
    Export(Box<ExportRequest>),
    /// One more table for the CSV import's column-mapping step (`true`: the actors table).
    Table {
        /// The actors table (else the partnerships table).
        actors: bool,
    },
}

/// A native file dialog under way.
pub type NativeTask = Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>>;

/// How a pick's dialog looks, whichever dialog shows it.
struct Spec {
    title: &'static str,
    confirm: &'static str,
    wants: Wants,
    /// The file name offered (for a file to write).
    name: String,
    /// The native dialog's filters: name and extensions.
    filters: Vec<(String, Vec<&'static str>)>,
}

impl PartnerMapApp {
    /// Asks for a file for `pick`: the system's dialog, or PartnerMap's own where the
    /// system's cannot be shown (or `PARTNERMAP_FILE_DIALOG=builtin` says so).
    pub(super) fn ask(&mut self, pick: Pick) {
        if self.jobs.file_dialogs == DialogMode::Builtin || self.jobs.native_failed.is_some() {
            let note = self.jobs.native_failed.clone();
            self.open_path_dialog(pick, note);
            return;
        }
        let spec = self.spec(&pick);
        let mut dialog = rfd::AsyncFileDialog::new().set_title(spec.title);
        for (name, extensions) in &spec.filters {
            dialog = dialog.add_filter(name, extensions);
        }
        let task: NativeTask = match spec.wants {
            Wants::Folder => Box::pin(dialog.pick_folder()),
            Wants::New(_) => Box::pin(dialog.set_file_name(spec.name).save_file()),
            Wants::Existing(_) => Box::pin(dialog.pick_file()),
        };
        self.jobs.spawn_dialog(task, pick);
    }

    /// Handles the answer of a system dialog.
    pub(super) fn picked(&mut self, pick: Pick, picked: Picked) {
        match picked {
            Picked::Chosen(path) => self.chosen(pick, path),
            Picked::Cancelled => self.pick_cancelled(&pick),
            Picked::Unavailable(why) => {
                // The next file dialog of this session is PartnerMap's own at once.
                let note = format!("The system's file dialog cannot be shown here: {why}.");
                self.jobs.native_failed = Some(note.clone());
                self.open_path_dialog(pick, Some(note));
            }
        }
    }

    /// Acts on the path dialog's decision.
    pub(super) fn path_decided(&mut self, pick: Pick, decision: PathDecision) {
        match decision {
            PathDecision::Chosen(path) => self.chosen(pick, path),
            PathDecision::Cancel => self.pick_cancelled(&pick),
        }
    }

    /// Goes on with the file or folder chosen for `pick`.
    fn chosen(&mut self, pick: Pick, path: PathBuf) {
        match pick {
            Pick::Open => self.open_path(path),
            Pick::SaveAs => self.save_to(path),
            Pick::Import => self.import_path(path),
            Pick::Merge => self.merge_path(path),
            Pick::Export(request) => self.export_to(path, *request),
            Pick::Table { actors } => self.read_table(path, actors),
        }
    }

    /// A cancelled Save As also cancels what was to follow the save.
    fn pick_cancelled(&mut self, pick: &Pick) {
        if matches!(pick, Pick::SaveAs) {
            self.after_save = None;
        }
    }

    /// Opens PartnerMap's own path dialog for `pick`. It stands in for a system dialog,
    /// which comes before any dialog of the window: one that is open waits first in line.
    fn open_path_dialog(&mut self, pick: Pick, note: Option<String>) {
        let spec = self.spec(&pick);
        let mut dialog = PathDialog::new(
            spec.title,
            spec.confirm,
            spec.wants,
            self.start_folder(),
            &spec.name,
        );
        dialog.recent = self.recent_folders();
        dialog.note = note;
        if let Some(open) = self.modal.replace(Modal::Path(Box::new(dialog), pick)) {
            self.queued.push_front(open);
        }
    }

    /// The path dialog while it is open.
    pub fn path_dialog(&self) -> Option<&PathDialog> {
        match &self.modal {
            Some(Modal::Path(dialog, _)) => Some(dialog),
            _ => None,
        }
    }

    /// The folder a dialog starts in: the map's, else the last map's, else the home folder.
    fn start_folder(&self) -> PathBuf {
        let of_map = match &self.doc.origin {
            Origin::File(p) | Origin::Imported(p) => p.parent().map(PathBuf::from),
            _ => None,
        };
        of_map
            .into_iter()
            .chain(self.recent_folders())
            .chain(directories::BaseDirs::new().map(|b| b.home_dir().to_owned()))
            .chain(std::env::current_dir().ok())
            .find(|f| f.is_dir())
            .unwrap_or_else(|| PathBuf::from(std::path::MAIN_SEPARATOR_STR))
    }

    /// The folders of the recent maps that still exist, newest first, each once.
    fn recent_folders(&self) -> Vec<PathBuf> {
        let mut folders: Vec<PathBuf> = Vec::new();
        for folder in self.prefs.recent.iter().filter_map(|p| p.parent()) {
            if folder.is_dir() && !folders.iter().any(|f| f == folder) {
                folders.push(folder.to_owned());
            }
        }
        folders
    }

    /// The name Save As offers: the map's file, or its import's name as a map.
    fn save_as_name(&self) -> String {
        match (&self.doc.origin, self.doc.path()) {
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
        }
    }

    /// The title, wanted file and filters of `pick`'s dialog.
    fn spec(&self, pick: &Pick) -> Spec {
        let map = || ("PartnerMap map".to_string(), vec!["ron"]);
        match pick {
            Pick::Open => Spec {
                title: "Open a map",
                confirm: "Open",
                wants: Wants::Existing(vec!["ron".into(), "ron.bak".into()]),
                name: String::new(),
                filters: vec![
                    map(),
                    ("Backup of a map (NAME.ron.bak)".to_string(), vec!["bak"]),
                ],
            },
            Pick::Merge => Spec {
                title: "Merge a map as a perspective",
                confirm: "Choose",
                wants: Wants::Existing(vec!["ron".into()]),
                name: String::new(),
                filters: vec![map()],
            },
            Pick::SaveAs => Spec {
                title: "Save the map as",
                confirm: "Save",
                wants: Wants::New("ron".into()),
                name: self.save_as_name(),
                filters: vec![map()],
            },
            Pick::Import => {
                let any = ImportFormat::all_extensions();
                let mut filters = vec![(ImportFormat::ANY_FILTER_NAME.to_string(), any.clone())];
                for format in ImportFormat::ALL {
                    filters.push((
                        format.filter_name().to_string(),
                        format.extensions().to_vec(),
                    ));
                }
                Spec {
                    title: "Import a network or tables",
                    confirm: "Import",
                    wants: Wants::Existing(any.into_iter().map(String::from).collect()),
                    name: String::new(),
                    filters,
                }
            }
            Pick::Export(request) if request.format == Format::Csv => Spec {
                title: "Export the tables into a folder",
                confirm: "Export here",
                wants: Wants::Folder,
                name: String::new(),
                filters: Vec::new(),
            },
            Pick::Export(request) => {
                let stem = self
                    .doc
                    .path()
                    .and_then(|p| p.file_stem())
                    .map_or_else(|| "map".to_string(), |s| s.to_string_lossy().into_owned());
                let ext = request.format.extension();
                let report = request.format == Format::Report;
                Spec {
                    title: if report {
                        "Export the report as"
                    } else {
                        "Export as"
                    },
                    confirm: "Export",
                    wants: Wants::New(ext.into()),
                    name: if report {
                        format!("{stem}-report.{ext}")
                    } else {
                        format!("{stem}.{ext}")
                    },
                    filters: vec![(ext.to_uppercase(), vec![ext])],
                }
            }
            Pick::Table { actors } => Spec {
                title: if *actors {
                    "Add the actors table"
                } else {
                    "Add the partnerships table"
                },
                confirm: "Add",
                wants: Wants::Existing(vec!["csv".into()]),
                name: String::new(),
                filters: vec![("CSV table".to_string(), vec!["csv"])],
            },
        }
    }
}
