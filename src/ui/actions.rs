//! Every user action, defined once: its label, shortcuts, hint, enabled-ness and menu entry.
//! Every menu entry and toolbar button is an [`Action`]; the shell runs them in one place.

use egui::os::OperatingSystem;
use egui::{Key, KeyboardShortcut, Modifiers};
use serde::{Deserialize, Serialize};

use crate::model::{Choice, ColourBy};
use crate::style::SizeBy;

/// Light, dark or as the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Dark text on light backgrounds.
    Light,
    /// Light text on dark backgrounds.
    Dark,
}

impl ThemeChoice {
    /// Every theme, in menu order.
    pub const ALL: [Self; 3] = [Self::System, Self::Light, Self::Dark];

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::System => "As the system",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }
}

/// The digit keys 0–9, in order: key `n` is `DIGIT_KEYS[n]` (quick entry's numbered
/// choices, the new-actor field's sectors).
pub const DIGIT_KEYS: [Key; 10] = [
    Key::Num0,
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// A thing the user can do from a menu, the toolbar or a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Start a new, empty map.
    New,
    /// Open a map file.
    Open,
    /// Open the n-th recent map (File → Open recent).
    OpenRecent(usize),
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
    /// Show or hide the analysis panel (quadrant chart, indicators).
    AnalysisPanel,
    /// Open or collapse the left column (lists, chart, indicators and legend).
    LeftPanel,
    /// Open or collapse the inspector on the right.
    InspectorPanel,
    /// Size actors by influence, betweenness or trust received.
    SizeBy(SizeBy),
    /// Ring cross-sector brokers, or stop.
    BrokerRings,
    /// Colour partnerships by trust, form, function or formality (saved with the map).
    ColourBy(ColourBy),
    /// Use a light, dark or the system's theme.
    Theme(ThemeChoice),
    /// Set the size of everything, in percent.
    UiScale(u16),
    /// Open the sample map that ships with the program.
    OpenSample,
    /// Open the page that explains the frameworks and indicators.
    Help,
    /// Export the map, a quadrant chart or the tables.
    Export,
    /// Export the whole workshop report as one PDF.
    ExportReport,
    /// Make a new map from GraphML, GEXF or CSV tables.
    Import,
    /// Merge another group's map into this one as a perspective (design.md §13).
    MergeMap,
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
    /// Keep the map as it is now as a named, dated snapshot (design.md §12).
    TakeSnapshot,
}

/// What the actions' enabled-ness and ticks depend on.
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
    /// How many recent maps File → Open recent lists.
    pub recent: usize,
    /// Connect mode is on.
    pub connect_mode: bool,
    /// The left column shows the quadrant chart or the indicators.
    pub analysis_panel: bool,
    /// The left column is open.
    pub left_panel: bool,
    /// The inspector is open.
    pub right_panel: bool,
    /// What sizes actors.
    pub size_by: SizeBy,
    /// Brokers are ringed.
    pub broker_rings: bool,
    /// What colours partnerships.
    pub colour_by: ColourBy,
    /// The theme.
    pub theme: ThemeChoice,
    /// Presentation mode is on.
    pub presenting: bool,
}

impl Action {
    /// Every action without a parameter, and each value of those with one (not
    /// [`Action::OpenRecent`] and [`Action::UiScale`], whose values depend on the user).
    pub fn all() -> Vec<Action> {
        let mut all = vec![
            Action::New,
            Action::Open,
            Action::Save,
            Action::SaveAs,
            Action::Quit,
            Action::Undo,
            Action::Redo,
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
            Action::AnalysisPanel,
            Action::LeftPanel,
            Action::InspectorPanel,
            Action::BrokerRings,
            Action::OpenSample,
            Action::Help,
            Action::Export,
            Action::ExportReport,
            Action::Import,
            Action::MergeMap,
            Action::LayoutForce,
            Action::LayoutByLevel,
            Action::LayoutBySector,
            Action::LayoutCircular,
            Action::TidySelection,
            Action::TakeSnapshot,
        ];
        all.extend(SizeBy::ALL.map(Action::SizeBy));
        all.extend(ColourBy::ALL.iter().map(|c| Action::ColourBy(*c)));
        all.extend(ThemeChoice::ALL.map(Action::Theme));
        all
    }

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

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New map",
            Self::Open => "Open…",
            Self::OpenRecent(_) => "Open recent",
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
            Self::AnalysisPanel => "Chart and indicators",
            Self::LeftPanel => "Left panel",
            Self::InspectorPanel => "Inspector panel",
            Self::SizeBy(s) => s.label(),
            Self::BrokerRings => "Ring cross-sector brokers",
            Self::ColourBy(c) => c.label(),
            Self::Theme(t) => t.label(),
            Self::UiScale(_) => "Size of everything",
            Self::OpenSample => "Open sample map",
            Self::Help => "What do these mean?",
            Self::Export => "Export…",
            Self::ExportReport => "Export report…",
            Self::Import => "Import…",
            Self::MergeMap => "Merge map…",
            Self::LayoutForce => "Force-directed",
            Self::LayoutByLevel => "By level",
            Self::LayoutBySector => "By sector",
            Self::LayoutCircular => "Circle",
            Self::TidySelection => "Tidy selection",
            Self::TakeSnapshot => "Take snapshot",
        }
    }

    /// What the action does, for hover text.
    pub fn hint(self) -> &'static str {
        match self {
            Self::New => "Start a new, empty map",
            Self::Open => "Open a PartnerMap file (.ron)",
            Self::OpenRecent(_) => "Open a map you opened or saved recently",
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
            Self::AnalysisPanel => {
                "The quadrant chart and the indicators in the left column, in place of the lists"
            }
            Self::LeftPanel => {
                "The lists, the chart, the indicators and the legend on the left; collapse it for a wider map"
            }
            Self::InspectorPanel => "The inspector on the right; collapse it for a wider map",
            Self::SizeBy(_) => "What gives actors their size, on the map and in exports",
            Self::BrokerRings => {
                "A ring around actors that join partners of different sectors who do not work together; thicker for more such pairs"
            }
            Self::ColourBy(c) => c.meaning(),
            Self::Theme(_) => "Light or dark, or as the system says",
            Self::UiScale(_) => "The size of text and controls, remembered between runs",
            Self::OpenSample => "Open the DFGG Cambodia sample map that ships with PartnerMap",
            Self::Help => "The quadrant charts and indicators in plain words, with their sources",
            Self::Export => {
                "Export the map or a quadrant chart as SVG, PNG or PDF, the tables as CSV, or the network as GraphML, GEXF or JSON"
            }
            Self::ExportReport => {
                "The whole workshop report as one PDF: the map, the four quadrant charts, the network indicators and the tables of actors and partnerships"
            }
            Self::Import => {
                "Make a new map from GraphML or GEXF (Gephi, Cytoscape, yEd, networkx) or from CSV tables of actors and partnerships"
            }
            Self::MergeMap => {
                "Add another group's copy of the map (a breakout group's laptop) as a perspective: its values beside the map's own, its new actors and partnerships offered for adding"
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
            Self::TakeSnapshot => {
                "Keep the map as it is now as a dated snapshot, to compare with later (rename it in the inspector)"
            }
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
            _ => vec![],
        }
    }

    /// Every action's shortcuts in the order they are checked: those with more modifiers
    /// first. egui's `consume_shortcut` ignores extra Shift and Alt, so Ctrl+L would also
    /// take a press of Ctrl+Shift+L if it were checked first.
    pub fn shortcut_order() -> Vec<(Action, KeyboardShortcut)> {
        let mut all: Vec<(Action, KeyboardShortcut)> = Self::all()
            .into_iter()
            .flat_map(|a| a.shortcuts().into_iter().map(move |s| (a, s)))
            .collect();
        all.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        all
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
            Self::OpenRecent(n) => n < cx.recent,
            Self::UiScale(p) => (50..=300).contains(&p),
            _ => true,
        }
    }

    /// For an action that switches something on or chooses one of several, whether it is on
    /// or chosen now (a tick or a selected button).
    pub fn checked(self, cx: &ActionContext) -> Option<bool> {
        match self {
            Self::ConnectMode => Some(cx.connect_mode),
            Self::AnalysisPanel => Some(cx.analysis_panel),
            Self::LeftPanel => Some(cx.left_panel),
            Self::InspectorPanel => Some(cx.right_panel),
            Self::BrokerRings => Some(cx.broker_rings),
            Self::Presentation => Some(cx.presenting),
            Self::SizeBy(s) => Some(cx.size_by == s),
            Self::ColourBy(c) => Some(cx.colour_by == c),
            Self::Theme(t) => Some(cx.theme == t),
            _ => None,
        }
    }

    /// A menu entry for the action, with its shortcut (a tick box or a radio button for
    /// actions that are on or chosen); returns whether it was clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, cx: &ActionContext) -> bool {
        self.menu_button_labelled(ui, cx, self.label())
    }

    /// A menu entry with a label of its own ("Undo Move 3 actors").
    pub fn menu_button_labelled(self, ui: &mut egui::Ui, cx: &ActionContext, label: &str) -> bool {
        let enabled = self.enabled(cx);
        let response = match self.checked(cx) {
            Some(on) if matches!(self, Self::SizeBy(_) | Self::ColourBy(_) | Self::Theme(_)) => {
                ui.add_enabled(enabled, egui::RadioButton::new(on, label))
            }
            Some(mut on) => ui.add_enabled(enabled, egui::Checkbox::new(&mut on, label)),
            None => {
                let mut button = egui::Button::new(label);
                if let Some(sc) = self.shortcuts().first() {
                    button = button.shortcut_text(ui.ctx().format_shortcut(sc));
                }
                ui.add_enabled(enabled, button)
            }
        };
        response.on_hover_text(self.hint()).clicked()
    }

    /// A toolbar button for the action with a short text of its own; actions that are on
    /// (Connect mode) show as selected.
    pub fn toolbar_button(self, ui: &mut egui::Ui, cx: &ActionContext, text: &str) -> bool {
        let button = egui::Button::new(text).selected(self.checked(cx).unwrap_or(false));
        ui.add_enabled(self.enabled(cx), button)
            .on_hover_text(self.hint())
            .clicked()
    }
}

/// How many modifiers a shortcut needs (Command counts once, whatever the system).
fn modifier_count(m: Modifiers) -> usize {
    [m.alt, m.shift, m.ctrl || m.command || m.mac_cmd]
        .into_iter()
        .filter(|b| *b)
        .count()
}

/// The modifiers a key press of `shortcut` carries on `os`, as egui reports them: ⌘ on a
/// Mac sets `mac_cmd` and `command`; Ctrl elsewhere sets `ctrl` and `command`.
pub fn pressed_on(os: OperatingSystem, shortcut: KeyboardShortcut) -> Modifiers {
    let mut m = shortcut.modifiers;
    if os == OperatingSystem::Mac {
        if m.command || m.mac_cmd {
            m.mac_cmd = true;
            m.command = true;
        }
    } else if m.command || m.ctrl {
        m.ctrl = true;
        m.command = true;
    }
    m
}

/// The action that a key press with `pressed` modifiers runs, as the shell dispatches it:
/// the first shortcut in [`Action::shortcut_order`] that egui's matching accepts.
pub fn action_for(pressed: Modifiers, key: Key) -> Option<Action> {
    first_match(&Action::shortcut_order(), pressed, key)
}

/// The first action of `order` whose shortcut egui's `consume_shortcut` would take for a
/// press of `key` with `pressed` modifiers.
fn first_match(
    order: &[(Action, KeyboardShortcut)],
    pressed: Modifiers,
    key: Key,
) -> Option<Action> {
    order
        .iter()
        .find(|(_, s)| s.logical_key == key && pressed.matches_logically(s.modifiers))
        .map(|(a, _)| *a)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SYSTEMS: [OperatingSystem; 3] = [
        OperatingSystem::Mac,
        OperatingSystem::Windows,
        OperatingSystem::Nix,
    ];

    /// Pressing any action's shortcut, on any system, runs that action and no other, even
    /// though egui ignores extra Shift and Alt.
    #[test]
    fn no_two_actions_share_a_shortcut_on_any_system() {
        let mut clashes = Vec::new();
        for os in SYSTEMS {
            for (action, shortcut) in Action::shortcut_order() {
                let pressed = pressed_on(os, shortcut);
                let ran = action_for(pressed, shortcut.logical_key);
                if ran != Some(action) {
                    clashes.push(format!("{os:?}: {shortcut:?} of {action:?} runs {ran:?}"));
                }
            }
        }
        assert!(clashes.is_empty(), "{}", clashes.join("\n"));
    }

    #[test]
    fn ctrl_shift_l_lays_out_and_ctrl_l_opens_quick_entry() {
        let ctrl = Modifiers::CTRL | Modifiers::COMMAND;
        assert_eq!(
            action_for(ctrl | Modifiers::SHIFT, Key::L),
            Some(Action::LayoutForce)
        );
        assert_eq!(action_for(ctrl, Key::L), Some(Action::QuickEntry));
        assert_eq!(
            action_for(ctrl | Modifiers::SHIFT, Key::S),
            Some(Action::SaveAs)
        );
        // A plain F fits the view; Shift+F still does (egui ignores the extra Shift).
        assert_eq!(action_for(Modifiers::SHIFT, Key::F), Some(Action::FitView));
    }

    #[test]
    fn the_clash_check_catches_the_order_that_hid_ctrl_shift_l() {
        // Checked in the old hand-made order, Ctrl+L took every press of Ctrl+Shift+L.
        let old_order = [
            (
                Action::QuickEntry,
                KeyboardShortcut::new(Modifiers::COMMAND, Key::L),
            ),
            (
                Action::LayoutForce,
                KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::L),
            ),
        ];
        let press = pressed_on(OperatingSystem::Nix, old_order[1].1);
        assert_eq!(
            first_match(&old_order, press, Key::L),
            Some(Action::QuickEntry)
        );
        // And Ctrl+L given to two actions is a clash on every system.
        let twice = [
            (
                Action::QuickEntry,
                KeyboardShortcut::new(Modifiers::COMMAND, Key::L),
            ),
            (Action::Find, KeyboardShortcut::new(Modifiers::CTRL, Key::L)),
        ];
        let press = pressed_on(OperatingSystem::Windows, twice[1].1);
        assert_eq!(first_match(&twice, press, Key::L), Some(Action::QuickEntry));
    }

    #[test]
    fn every_action_has_a_label_and_a_hint() {
        for a in Action::all() {
            assert!(!a.label().is_empty() && !a.hint().is_empty(), "{a:?}");
        }
    }
}
