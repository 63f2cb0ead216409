//! Every user action, defined once: its label, shortcuts, hint and menu entry.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A thing the user can do from a menu, the toolbar or a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Start a new, empty map.
    New,
    /// Open a map file.
    Open,
    /// Save the map to its file (asks for one the first time).
    Save,
    /// Save the map to a new file.
    SaveAs,
    /// Close the program.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Delete the selected actors (with their partnerships) and partnerships.
    Delete,
    /// Select every actor.
    SelectAll,
    /// Copy the selected actors and the partnerships among them.
    Copy,
    /// Paste copied actors and partnerships.
    Paste,
    /// Put the keyboard in the search field.
    Find,
    /// Add an actor in the middle of the view.
    AddActor,
    /// Toggle Connect mode: every drag from an actor draws a partnership.
    ConnectMode,
    /// Fit the whole map in view.
    FitView,
    /// Toggle presentation mode.
    Presentation,
    /// Put the keyboard in the quick-entry bar.
    QuickEntry,
    /// Open the sample map that ships with the program.
    OpenSample,
    /// Export the map, a quadrant chart or the tables.
    Export,
    /// Make a new map from GraphML, GEXF or CSV tables.
    Import,
    /// Lay the map out by forces.
    LayoutForce,
    /// Lay the map out in bands by level.
    LayoutByLevel,
    /// Lay the map out in columns by sector.
    LayoutBySector,
    /// Lay the map out on a circle.
    LayoutCircular,
    /// Lay out only the selected actors, by forces, around where they are.
    TidySelection,
}

impl Action {
    /// The layout an action runs, if it runs one.
    pub fn layout(self) -> Option<crate::layout::LayoutKind> {
        use crate::layout::LayoutKind;
        match self {
            Self::LayoutForce | Self::TidySelection => Some(LayoutKind::Force),
            Self::LayoutByLevel => Some(LayoutKind::ByLevel),
            Self::LayoutBySector => Some(LayoutKind::BySector),
            Self::LayoutCircular => Some(LayoutKind::Circular),
            _ => None,
        }
    }
}

/// What the actions' enabled-ness depends on.
#[derive(Clone, Copy, Debug, Default)]
pub struct ActionContext {
    /// Something is selected.
    pub has_selection: bool,
    /// Actors are selected.
    pub has_selected_actors: bool,
    /// Something was copied.
    pub has_clipboard: bool,
    /// There is an edit to undo.
    pub can_undo: bool,
    /// There is an edit to redo.
    pub can_redo: bool,
}

impl Action {
    /// Every action, in the order their shortcuts are checked (longer shortcuts first).
    pub const ALL: &'static [Action] = &[
        Action::SaveAs,
        Action::Save,
        Action::Redo,
        Action::Undo,
        Action::New,
        Action::Open,
        Action::Quit,
        Action::Delete,
        Action::SelectAll,
        Action::Copy,
        Action::Paste,
        Action::Find,
        Action::AddActor,
        Action::ConnectMode,
        Action::FitView,
        Action::Presentation,
        Action::QuickEntry,
        Action::OpenSample,
        Action::Export,
        Action::Import,
        Action::LayoutForce,
        Action::LayoutByLevel,
        Action::LayoutBySector,
        Action::LayoutCircular,
        Action::TidySelection,
    ];

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New map",
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save As…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Delete => "Delete",
            Self::SelectAll => "Select all",
            Self::Copy => "Copy",
            Self::Paste => "Paste",
            Self::Find => "Find…",
            Self::AddActor => "Add actor",
            Self::ConnectMode => "Connect mode",
            Self::FitView => "Fit map to view",
            Self::Presentation => "Presentation mode",
            Self::QuickEntry => "Quick entry",
            Self::OpenSample => "Open sample map",
            Self::Export => "Export…",
            Self::Import => "Import…",
            Self::LayoutForce => "Force-directed",
            Self::LayoutByLevel => "By level",
            Self::LayoutBySector => "By sector",
            Self::LayoutCircular => "Circle",
            Self::TidySelection => "Tidy selection",
        }
    }

    /// What the action does, for hover text.
    pub fn hint(self) -> &'static str {
        match self {
            Self::New => "Start a new, empty map",
            Self::Open => "Open a PartnerMap file (.ron)",
            Self::Save => "Save the map to its file",
            Self::SaveAs => "Save the map to a new file",
            Self::Quit => "Close PartnerMap",
            Self::Undo => "Undo the last change",
            Self::Redo => "Redo the last undone change",
            Self::Delete => "Delete the selection; an actor's partnerships go with it",
            Self::SelectAll => "Select every actor",
            Self::Copy => "Copy the selected actors and the partnerships among them",
            Self::Paste => "Paste the copied actors and partnerships",
            Self::Find => "Search the lists of actors and partnerships",
            Self::AddActor => "Add an actor in the middle of the view (or double-click the canvas)",
            Self::ConnectMode => {
                "When on, dragging from any point of an actor onto another connects them"
            }
            Self::FitView => "Show the whole map",
            Self::Presentation => "Full screen, large type, side panels hidden, high contrast",
            Self::QuickEntry => "Type a name to add an actor, or First – Second to connect them",
            Self::OpenSample => "Open the DFGG Cambodia sample map that ships with PartnerMap",
            Self::Export => {
                "Export the map or a quadrant chart as SVG, PNG or PDF, the tables as CSV, or the network as GraphML, GEXF or JSON"
            }
            Self::Import => {
                "Make a new map from GraphML or GEXF (Gephi, Cytoscape, yEd, networkx) or from CSV tables of actors and partnerships"
            }
            Self::LayoutForce => {
                "Partners pulled together, everyone else pushed apart; pinned actors stay"
            }
            Self::LayoutByLevel => {
                "Bands from International at the top to Village at the bottom, ordered to reduce crossings; pinned actors stay"
            }
            Self::LayoutBySector => {
                "A column per sector, levels from top to bottom; pinned actors stay"
            }
            Self::LayoutCircular => "A circle grouped by sector; pinned actors stay",
            Self::TidySelection => "Spread out only the selected actors, around where they are",
        }
    }

    /// The keyboard shortcuts; the first is shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let sc = KeyboardShortcut::new;
        match self {
            Self::New => vec![sc(cmd, Key::N)],
            Self::Open => vec![sc(cmd, Key::O)],
            Self::Save => vec![sc(cmd, Key::S)],
            Self::SaveAs => vec![sc(cmd | Modifiers::SHIFT, Key::S)],
            Self::Quit => vec![sc(cmd, Key::Q)],
            Self::Undo => vec![sc(cmd, Key::Z)],
            Self::Redo => vec![sc(cmd | Modifiers::SHIFT, Key::Z), sc(cmd, Key::Y)],
            Self::Delete => vec![
                sc(Modifiers::NONE, Key::Delete),
                sc(Modifiers::NONE, Key::Backspace),
            ],
            Self::SelectAll => vec![sc(cmd, Key::A)],
            Self::Copy => vec![sc(cmd, Key::C)],
            Self::Paste => vec![sc(cmd, Key::V)],
            Self::Find => vec![sc(cmd, Key::F)],
            Self::FitView => vec![sc(Modifiers::NONE, Key::F)],
            Self::Presentation => vec![sc(Modifiers::NONE, Key::F11)],
            Self::QuickEntry => vec![sc(cmd, Key::L)],
            Self::Export => vec![sc(cmd, Key::E)],
            Self::Import => vec![sc(cmd, Key::I)],
            Self::LayoutForce => vec![sc(cmd | Modifiers::SHIFT, Key::L)],
            Self::TidySelection => vec![sc(cmd | Modifiers::SHIFT, Key::T)],
            Self::LayoutByLevel | Self::LayoutBySector | Self::LayoutCircular => vec![],
            Self::AddActor | Self::ConnectMode | Self::OpenSample => vec![],
        }
    }

    /// Whether the action's shortcut would clash with typing in a text field (plain keys,
    /// and the editing shortcuts that text fields handle themselves).
    pub fn yields_to_text_fields(self) -> bool {
        matches!(
            self,
            Self::Delete
                | Self::SelectAll
                | Self::Copy
                | Self::Paste
                | Self::Undo
                | Self::Redo
                | Self::FitView
        )
    }

    /// Whether the action can run now.
    pub fn enabled(self, cx: &ActionContext) -> bool {
        match self {
            Self::Undo => cx.can_undo,
            Self::Redo => cx.can_redo,
            Self::Delete => cx.has_selection,
            Self::Copy => cx.has_selected_actors,
            Self::Paste => cx.has_clipboard,
            Self::TidySelection => cx.has_selected_actors,
            _ => true,
        }
    }

    /// A menu button for the action, with its shortcut; returns whether it was clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, cx: &ActionContext) -> bool {
        self.menu_button_labelled(ui, cx, self.label())
    }

    /// A menu button with a label of its own ("Undo Move 3 actors").
    pub fn menu_button_labelled(self, ui: &mut egui::Ui, cx: &ActionContext, label: &str) -> bool {
        let mut button = egui::Button::new(label);
        if let Some(sc) = self.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(sc));
        }
        ui.add_enabled(self.enabled(cx), button)
            .on_hover_text(self.hint())
            .clicked()
    }
}
