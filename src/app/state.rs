//! The state that we persist: what the user expects to find again at the next start,
//! saved with eframe's storage as one struct. (Panel sizes are kept by egui's own memory,
//! which eframe saves beside it.)

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::ColourBy;
use crate::style::{SizeBy, ViewEncoding};
use crate::typology::Framework;
pub use crate::ui::actions::ThemeChoice;
use crate::ui::modals::ExportChoice;

/// The storage key of the remembered state.
const PREFS_KEY: &str = "partnermap.prefs";
/// How many recent files File → Open recent lists.
const MAX_RECENT: usize = 8;

/// What the left column shows above the legend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LeftTab {
    /// The lists of actors and partnerships, with search and filters.
    Lists,
    /// The quadrant chart.
    #[default]
    Chart,
    /// The indicators dashboard.
    Indicators,
    /// The map over time: comparisons, timeline, as of a date.
    Time,
    /// How different groups see the map (design.md §13).
    Perspectives,
}

/// Everything remembered between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The colour theme.
    pub theme: ThemeChoice,
    /// The size of everything, 1.0 = 100 %.
    pub ui_scale: f32,
    /// Recently opened or saved maps, newest first.
    pub recent: Vec<PathBuf>,
    /// What the left column shows: the lists, the quadrant chart or the indicators.
    pub left_tab: LeftTab,
    /// Whether the left column is open (else collapsed to a strip).
    pub show_left: bool,
    /// Whether the inspector on the right is open (else collapsed to a strip).
    pub show_right: bool,
    /// The quadrant chart's framework (the panel keeps the one shown; it is copied here when
    /// the state is saved).
    pub framework: Framework,
    /// What sizes actors and whether brokers get a ring, on the canvas and in exports.
    pub size_by: SizeBy,
    /// Whether cross-sector brokers get a ring.
    pub broker_rings: bool,
    /// What colours partnerships on a new map (each map keeps its own choice).
    pub colour_by: ColourBy,
    /// The Export dialog's last choices.
    pub export: ExportChoice,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            ui_scale: 1.0,
            recent: Vec::new(),
            left_tab: LeftTab::Chart,
            show_left: true,
            show_right: true,
            framework: Framework::A,
            size_by: SizeBy::Influence,
            broker_rings: false,
            colour_by: ColourBy::Trust,
            export: ExportChoice::default(),
        }
    }
}

impl Prefs {
    /// The state kept in `storage`, or the defaults.
    pub fn from_storage(storage: Option<&dyn eframe::Storage>) -> Self {
        let mut prefs: Self = storage
            .and_then(|s| s.get_string(PREFS_KEY))
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default();
        // A relative path means nothing in another working folder (older versions kept some).
        prefs.recent.retain(|p| p.is_absolute());
        if !(0.5..=3.0).contains(&prefs.ui_scale) {
            prefs.ui_scale = 1.0;
        }
        prefs
    }

    /// Writes the state into `storage`.
    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        if let Ok(text) = ron::to_string(self) {
            storage.set_string(PREFS_KEY, text);
        }
    }

    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }

    /// How actors are sized and ringed.
    pub fn encoding(&self) -> ViewEncoding {
        ViewEncoding {
            size_by: self.size_by,
            broker_rings: self.broker_rings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::Storage as _;

    #[derive(Default)]
    struct Memory(std::collections::HashMap<String, String>);

    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_string(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    #[test]
    fn everything_remembered_comes_back_and_older_state_still_loads() {
        let mut prefs = Prefs {
            theme: ThemeChoice::Dark,
            ui_scale: 1.5,
            left_tab: LeftTab::Indicators,
            show_left: false,
            show_right: false,
            framework: Framework::C,
            size_by: SizeBy::Betweenness,
            broker_rings: true,
            colour_by: ColourBy::Form,
            ..Prefs::default()
        };
        prefs.export.format = crate::io::export::Format::Png;
        prefs.export.caption = "Workshop in Pursat".into();
        prefs.remember(Path::new("/maps/a.ron"));
        let mut storage = Memory::default();
        prefs.store(&mut storage);
        assert_eq!(Prefs::from_storage(Some(&storage)), prefs);

        // What an older version stored: theme, scale and recent files only.
        storage.set_string(
            PREFS_KEY,
            r#"(theme: Light, ui_scale: 1.25, recent: ["/maps/b.ron", "relative.ron"])"#.into(),
        );
        let old = Prefs::from_storage(Some(&storage));
        assert_eq!(old.theme, ThemeChoice::Light);
        assert_eq!(old.recent, vec![PathBuf::from("/maps/b.ron")]);
        assert_eq!(old.left_tab, LeftTab::Chart);
        assert!(old.show_left && old.show_right);
    }

    #[test]
    fn the_recent_list_puts_the_last_first_once_and_keeps_eight() {
        let mut prefs = Prefs::default();
        for i in 0..10 {
            prefs.remember(Path::new(&format!("/m/{i}.ron")));
        }
        prefs.remember(Path::new("/m/5.ron"));
        assert_eq!(prefs.recent.len(), 8);
        assert_eq!(prefs.recent[0], PathBuf::from("/m/5.ron"));
        assert_eq!(
            prefs.recent.iter().filter(|p| p.ends_with("5.ron")).count(),
            1
        );
    }
}
