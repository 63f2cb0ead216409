//! Every user action, defined once: its label, shortcut and menu entry.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A thing the user can do from a menu, a toolbar or a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Open a map file.
    Open,
    /// Save the map to its file (asks for one the first time).
    Save,
    /// Save the map to a new file.
    SaveAs,
    /// Open the sample map that ships with the program.
    OpenSample,
    /// Fit the whole map in view.
    FitView,
    /// Close the program.
    Quit,
}

impl Action {
    /// Every action, in the order shortcuts are checked (longer shortcuts first).
    pub const ALL: &'static [Action] = &[
        Action::SaveAs,
        Action::Save,
        Action::Open,
        Action::OpenSample,
        Action::FitView,
        Action::Quit,
    ];

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save As…",
            Self::OpenSample => "Open sample map",
            Self::FitView => "Fit map to view",
            Self::Quit => "Quit",
        }
    }

    /// What the action does, for hover text.
    pub fn hint(self) -> &'static str {
        match self {
            Self::Open => "Open a PartnerMap file (.ron)",
            Self::Save => "Save the map to its file",
            Self::SaveAs => "Save the map to a new file",
            Self::OpenSample => "Open the DFGG Cambodia sample map that ships with PartnerMap",
            Self::FitView => "Show the whole map",
            Self::Quit => "Close PartnerMap",
        }
    }

    /// The keyboard shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        match self {
            Self::Open => Some(KeyboardShortcut::new(cmd, Key::O)),
            Self::Save => Some(KeyboardShortcut::new(cmd, Key::S)),
            Self::SaveAs => Some(KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::S)),
            Self::FitView => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F)),
            Self::Quit => Some(KeyboardShortcut::new(cmd, Key::Q)),
            Self::OpenSample => None,
        }
    }

    /// Whether the shortcut is a plain key that must not fire while typing in a field.
    pub fn is_plain_key(self) -> bool {
        self.shortcut().is_some_and(|s| s.modifiers.is_none())
    }

    /// A menu button for the action, with its shortcut; returns whether it was clicked.
    pub fn menu_button(self, ui: &mut egui::Ui) -> bool {
        let mut button = egui::Button::new(self.label());
        if let Some(sc) = self.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
        }
        ui.add(button).on_hover_text(self.hint()).clicked()
    }
}
