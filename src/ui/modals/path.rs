//! PartnerMap's own path dialog, for desktops where the system's file dialog cannot be shown:
//! a path field (focused; Enter confirms, Escape cancels), the folder's matching files
//! (click fills the field, double-click confirms), its subfolders and the way up, and the
//! recent folders. It checks what it can before closing: a folder that does not exist, a
//! file that is not there to open, a file about to be replaced.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use egui::{Id, Key, RichText};

/// The confirming button's text while replacing an existing file is asked about.
const REPLACE: &str = "Replace";

/// The most entries of each kind (folders, files) listed; the rest are counted.
const MAX_LISTED: usize = 500;

/// What the dialog asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wants {
    /// An existing file; the list shows files whose names end in `.ENDING` for one of these
    /// endings (`ron`, `ron.bak`).
    Existing(Vec<String>),
    /// A file to write; `.EXTENSION` is added to a name that does not end with it.
    New(String),
    /// A folder to write into (made if it does not exist yet, inside one that does).
    Folder,
}

impl Wants {
    /// Whether a file called `name` belongs in the list.
    fn lists(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        let ends = |e: &str| name.ends_with(&format!(".{}", e.to_lowercase()));
        match self {
            Self::Existing(endings) => endings.iter().any(|e| ends(e)),
            Self::New(extension) => ends(extension),
            Self::Folder => false,
        }
    }
}

/// What the user decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathDecision {
    /// This file or folder, checked as far as the dialog can.
    Chosen(PathBuf),
    /// Closed without choosing.
    Cancel,
}

/// The entries of the folder shown.
#[derive(Clone, Debug, Default)]
struct Listing {
    folders: Vec<OsString>,
    files: Vec<OsString>,
    /// Entries not listed beyond [`MAX_LISTED`].
    more: usize,
    /// Why the folder could not be read.
    error: Option<String>,
}

impl Listing {
    fn read(folder: &Path, wants: &Wants) -> Self {
        let entries = match std::fs::read_dir(folder) {
            Ok(entries) => entries,
            Err(e) => {
                return Self {
                    error: Some(format!("This folder cannot be read: {e}")),
                    ..Self::default()
                };
            }
        };
        let mut listing = Self::default();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let text = name.to_string_lossy();
            if text.starts_with('.') {
                continue;
            }
            let into = if entry.path().is_dir() {
                &mut listing.folders
            } else if wants.lists(&text) {
                &mut listing.files
            } else {
                continue;
            };
            if into.len() < MAX_LISTED {
                into.push(name);
            } else {
                listing.more += 1;
            }
        }
        let by_name = |a: &OsString, b: &OsString| {
            let (a, b) = (a.to_string_lossy(), b.to_string_lossy());
            a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(&b))
        };
        listing.folders.sort_by(by_name);
        listing.files.sort_by(by_name);
        listing
    }
}

/// The path dialog's state.
#[derive(Clone, Debug)]
pub struct PathDialog {
    /// The heading ("Save the map as").
    pub title: String,
    /// The confirming button ("Save").
    pub confirm: String,
    /// What is asked for.
    pub wants: Wants,
    /// The folder listed, against which a relative path in the field is read.
    pub folder: PathBuf,
    /// The path field.
    pub field: String,
    /// Folders offered for a quick jump (the folders of recent maps).
    pub recent: Vec<PathBuf>,
    /// Why PartnerMap's own dialog is shown, in small print.
    pub note: Option<String>,
    /// What is wrong with the path typed, shown under the field.
    pub message: Option<String>,
    /// An existing file the user was asked about replacing; confirming again replaces it.
    pub replace: Option<PathBuf>,
    /// The exact path of the entry last clicked, while the field still shows it (a name that
    /// is not valid Unicode is shown approximately).
    exact: Option<(String, PathBuf)>,
    listing: Listing,
    /// Focus the field (and put the cursor at its end) at the next frame.
    focus: bool,
}

/// What the user did this frame, applied after drawing.
enum Act {
    GoTo(PathBuf),
    Fill(OsString),
    Confirm,
    Cancel,
}

impl PathDialog {
    /// A dialog asking for `wants` in `folder`, its field holding `name` there.
    pub fn new(
        title: impl Into<String>,
        confirm: impl Into<String>,
        wants: Wants,
        folder: PathBuf,
        name: &str,
    ) -> Self {
        let mut dialog = Self {
            title: title.into(),
            confirm: confirm.into(),
            wants,
            folder: PathBuf::new(),
            field: String::new(),
            recent: Vec::new(),
            note: None,
            message: None,
            replace: None,
            exact: None,
            listing: Listing::default(),
            focus: true,
        };
        dialog.go_to(folder);
        if !name.is_empty() {
            dialog.field = dialog.folder.join(name).display().to_string();
        }
        dialog
    }

    /// Lists `folder`, keeping the file name typed so far when a file is to be written.
    pub fn go_to(&mut self, folder: PathBuf) {
        let name = match self.wants {
            Wants::New(_) if !self.field.ends_with(std::path::MAIN_SEPARATOR) => {
                Path::new(&self.field).file_name().map(OsString::from)
            }
            _ => None,
        };
        self.listing = Listing::read(&folder, &self.wants);
        self.field = match &name {
            Some(name) => folder.join(name).display().to_string(),
            None => with_separator(&folder),
        };
        self.folder = folder;
        self.message = None;
        self.replace = None;
        self.exact = None;
        self.focus = true;
    }

    /// The path the field names: `~` is the home folder, a relative path is read against the
    /// folder listed. `None` while the field is empty.
    pub fn typed(&self) -> Option<PathBuf> {
        if let Some((text, path)) = &self.exact
            && *text == self.field
        {
            return Some(path.clone());
        }
        let text = self.field.trim();
        if text.is_empty() {
            return None;
        }
        let home = || directories::BaseDirs::new().map(|b| b.home_dir().to_owned());
        let path = match text.strip_prefix('~') {
            Some("") => home().unwrap_or_else(|| PathBuf::from(text)),
            Some(rest) if rest.starts_with(std::path::MAIN_SEPARATOR) => {
                home().map_or_else(|| PathBuf::from(text), |h| h.join(&rest[1..]))
            }
            _ => PathBuf::from(text),
        };
        Some(if path.is_absolute() {
            path
        } else {
            self.folder.join(path)
        })
    }

    /// Checks the path typed: the path to use, or `None` with a message (or, for a folder
    /// typed where a file is asked for, that folder listed).
    pub fn confirm(&mut self) -> Option<PathBuf> {
        let Some(mut path) = self.typed() else {
            self.message = Some(match self.wants {
                Wants::Folder => "Type the path of a folder.".into(),
                _ => "Type a file name, or pick a file from the list.".into(),
            });
            return None;
        };
        if path.is_dir() && self.wants != Wants::Folder {
            self.go_to(path);
            return None;
        }
        if let Wants::New(extension) = &self.wants
            && !self.wants.lists(&path.to_string_lossy())
        {
            let mut name = path.file_name().map(OsString::from).unwrap_or_default();
            name.push(format!(".{extension}"));
            path.set_file_name(name);
        }
        let name = crate::io::file_name(&path);
        let parent = path.parent().map(Path::to_path_buf).unwrap_or_default();
        self.message = match &self.wants {
            _ if !parent.as_os_str().is_empty() && !parent.is_dir() => Some(if parent.exists() {
                format!("{} is not a folder.", parent.display())
            } else {
                format!("The folder {} does not exist.", parent.display())
            }),
            Wants::Existing(_) if !path.exists() => {
                Some(format!("There is no “{name}” in {}.", parent.display()))
            }
            Wants::New(_) if path.is_dir() => Some(format!("“{name}” is a folder.")),
            Wants::New(_) if path.exists() && self.replace.as_ref() != Some(&path) => {
                self.replace = Some(path.clone());
                Some(format!(
                    "“{name}” already exists. Replace it? (Press {REPLACE} or Enter again.)"
                ))
            }
            Wants::Folder if path.exists() && !path.is_dir() => {
                Some(format!("“{name}” is a file, not a folder."))
            }
            _ => None,
        };
        self.message.is_none().then_some(path)
    }

    fn act(&mut self, act: Act) -> Option<PathDecision> {
        match act {
            Act::GoTo(folder) => self.go_to(folder),
            Act::Fill(name) => {
                let path = self.folder.join(&name);
                self.field = path.display().to_string();
                self.exact = Some((self.field.clone(), path));
                self.message = None;
                self.replace = None;
                self.focus = true;
            }
            Act::Confirm => {
                let chosen = self.confirm();
                // Enter took the focus from the field: give it back to fix the path (or to
                // press Enter again to replace the file).
                self.focus = chosen.is_none();
                return chosen.map(PathDecision::Chosen);
            }
            Act::Cancel => return Some(PathDecision::Cancel),
        }
        None
    }
}

/// `folder` as text ending with a separator, ready for a name to be typed after it.
fn with_separator(folder: &Path) -> String {
    let mut text = folder.display().to_string();
    if !text.ends_with(std::path::MAIN_SEPARATOR) {
        text.push(std::path::MAIN_SEPARATOR);
    }
    text
}

/// Shows the path dialog; returns the user's decision, if any this frame.
pub fn path_ui(ctx: &egui::Context, dialog: &mut PathDialog) -> Option<PathDecision> {
    let mut acts = Vec::new();
    let response = egui::Modal::new(Id::unique("partnermap.path")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(&dialog.title);
        if let Some(note) = &dialog.note {
            ui.label(RichText::new(note).weak().small());
        }
        ui.add_space(4.0);
        folder_bar_ui(ui, dialog, &mut acts);
        listing_ui(ui, dialog, &mut acts);
        ui.add_space(4.0);
        field_ui(ui, dialog, &mut acts);
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let confirm = if dialog.replace.is_some() {
                REPLACE
            } else {
                dialog.confirm.as_str()
            };
            if ui.button(confirm).clicked() {
                acts.push(Act::Confirm);
            }
            if ui.button("Cancel").clicked() {
                acts.push(Act::Cancel);
            }
        });
    });
    if response.should_close() {
        acts.push(Act::Cancel);
    }
    let mut decision = None;
    for act in acts {
        if decision.is_none() {
            decision = dialog.act(act);
        }
    }
    decision
}

/// The folder shown, the way up, home, and the recent folders.
fn folder_bar_ui(ui: &mut egui::Ui, dialog: &PathDialog, acts: &mut Vec<Act>) {
    ui.horizontal(|ui| {
        let up = dialog.folder.parent().map(Path::to_path_buf);
        if ui
            .add_enabled(up.is_some(), egui::Button::new("Up one folder"))
            .clicked()
            && let Some(up) = up
        {
            acts.push(Act::GoTo(up));
        }
        if let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_owned())
            && ui.button("Home").clicked()
        {
            acts.push(Act::GoTo(home));
        }
        let folder = dialog.folder.display().to_string();
        ui.add(egui::Label::new(RichText::new(&folder).strong()).truncate())
            .on_hover_text(folder);
    });
    let recent: Vec<&PathBuf> = dialog
        .recent
        .iter()
        .filter(|f| **f != dialog.folder)
        .collect();
    if !recent.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Recent folders:").weak());
            for folder in recent {
                let name = folder.file_name().map_or_else(
                    || folder.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
                if ui
                    .button(name)
                    .on_hover_text(folder.display().to_string())
                    .clicked()
                {
                    acts.push(Act::GoTo(folder.clone()));
                }
            }
        });
    }
}

/// The height of the folder's listing, in points.
const LISTING_HEIGHT: f32 = 220.0;

/// The subfolders (click: list it) and matching files (click: fill the field; double-click:
/// confirm).
fn listing_ui(ui: &mut egui::Ui, dialog: &PathDialog, acts: &mut Vec<Act>) {
    let listing = &dialog.listing;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        // Always as tall, so that the dialog neither grows nor moves when a folder with
        // more or fewer entries is listed (a row clicked as it moved opened the next one).
        egui::ScrollArea::vertical()
            .max_height(LISTING_HEIGHT)
            .min_scrolled_height(LISTING_HEIGHT)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(error) = &listing.error {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
                for name in &listing.folders {
                    let text = format!("{}{}", name.to_string_lossy(), std::path::MAIN_SEPARATOR);
                    if ui
                        .add(egui::Button::selectable(false, text).truncate())
                        .on_hover_text("Open this folder")
                        .clicked()
                    {
                        acts.push(Act::GoTo(dialog.folder.join(name)));
                    }
                }
                let shown = dialog.typed();
                for name in &listing.files {
                    let selected = shown.as_deref() == Some(dialog.folder.join(name).as_path());
                    let response = ui
                        .add(egui::Button::selectable(selected, name.to_string_lossy()).truncate());
                    if response.clicked() {
                        acts.push(Act::Fill(name.clone()));
                    }
                    if response.double_clicked() {
                        acts.push(Act::Fill(name.clone()));
                        acts.push(Act::Confirm);
                    }
                }
                if listing.folders.is_empty() && listing.files.is_empty() && listing.error.is_none()
                {
                    ui.label(RichText::new(empty_text(&dialog.wants)).weak());
                }
                if listing.more > 0 {
                    ui.label(RichText::new(format!("and {} more not listed", listing.more)).weak());
                }
            });
    });
}

/// What an empty list says.
fn empty_text(wants: &Wants) -> String {
    match wants {
        Wants::Existing(endings) => {
            let kinds: Vec<String> = endings.iter().map(|e| format!(".{e}")).collect();
            format!("No {} files or folders here.", kinds.join(", "))
        }
        Wants::New(extension) => format!("No .{extension} files or folders here yet."),
        Wants::Folder => "No folders here.".into(),
    }
}

/// The path field and what is wrong with it.
fn field_ui(ui: &mut egui::Ui, dialog: &mut PathDialog, acts: &mut Vec<Act>) {
    let label = ui.label(match dialog.wants {
        Wants::Folder => "Folder",
        _ => "Path",
    });
    let mut output = egui::TextEdit::singleline(&mut dialog.field)
        .desired_width(f32::INFINITY)
        .hint_text("a name, or a whole path")
        .show(ui);
    let response = output.response.response.clone().labelled_by(label.id);
    if dialog.focus {
        dialog.focus = false;
        response.request_focus();
        let end = egui::text::CCursor::new(dialog.field.chars().count());
        output
            .state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        output.state.store(ui.ctx(), response.id);
    }
    if response.changed() {
        dialog.message = None;
        dialog.replace = None;
    }
    if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        acts.push(Act::Confirm);
    }
    if let Some(message) = &dialog.message {
        ui.colored_label(ui.visuals().error_fg_color, message);
    }
}
