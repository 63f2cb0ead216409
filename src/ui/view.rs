//! The view state: what is selected, hovered, filtered and shown. Never saved in the map.

use std::collections::BTreeSet;

use crate::model::{ActorId, Form, Function, Level, PartnershipId, Project, Sector};

use super::canvas::CanvasState;

/// Something on the map that can be selected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// An actor.
    Actor(ActorId),
    /// A partnership.
    Partnership(PartnershipId),
}

/// How a click changes the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectMode {
    /// The clicked items become the selection.
    Replace,
    /// The clicked items are added (or removed, if all were selected already).
    Toggle,
    /// The clicked items are added.
    Add,
}

/// Filters of the lists, which also dim what they leave out on the canvas.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// Text to find in names, short names, kinds, labels and notes.
    pub text: String,
    /// Only actors of this sector (and partnerships touching one).
    pub sector: Option<Sector>,
    /// Only actors of this level (and partnerships touching one).
    pub level: Option<Level>,
    /// Only partnerships with this function (and their actors).
    pub function: Option<Function>,
    /// Only partnerships of this form (and their actors).
    pub form: Option<Form>,
}

impl Filters {
    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }

    /// The actors and partnerships that pass the filters.
    pub fn matches(&self, project: &Project) -> (BTreeSet<ActorId>, BTreeSet<PartnershipId>) {
        let needle = self.text.trim().to_lowercase();
        let text_hit = |texts: &[&str]| {
            needle.is_empty() || texts.iter().any(|t| t.to_lowercase().contains(&needle))
        };
        let actor_ok = |id: ActorId| {
            project.actor(id).is_some_and(|a| {
                self.sector.is_none_or(|s| a.sector == Some(s))
                    && self.level.is_none_or(|l| a.level == Some(l))
            })
        };
        let edge_filters = self.function.is_some() || self.form.is_some();
        let mut actors = BTreeSet::new();
        let mut partnerships = BTreeSet::new();
        for p in project.partnerships.values() {
            let own = self.function.is_none_or(|f| p.functions.contains(&f))
                && self.form.is_none_or(|f| p.form == Some(f));
            let ends =
                (self.sector.is_none() && self.level.is_none()) || actor_ok(p.a) || actor_ok(p.b);
            let label = p.label.as_deref().unwrap_or("");
            if own && ends && text_hit(&[label, &p.notes]) {
                partnerships.insert(p.id);
            }
        }
        // Actors touching a partnership of the chosen function and form, found in one pass.
        let touching: Option<BTreeSet<ActorId>> = edge_filters.then(|| {
            project
                .partnerships
                .values()
                .filter(|p| {
                    self.function.is_none_or(|f| p.functions.contains(&f))
                        && self.form.is_none_or(|f| p.form == Some(f))
                })
                .flat_map(|p| [p.a, p.b])
                .collect()
        });
        for a in project.actors.values() {
            let own = actor_ok(a.id)
                && text_hit(&[&a.name, a.short.as_deref().unwrap_or(""), &a.kind, &a.notes]);
            if own && touching.as_ref().is_none_or(|t| t.contains(&a.id)) {
                actors.insert(a.id);
            }
        }
        if !needle.is_empty() {
            // A partnership whose actors match the text is found too.
            for p in project.partnerships.values() {
                let own = self.function.is_none_or(|f| p.functions.contains(&f))
                    && self.form.is_none_or(|f| p.form == Some(f));
                if own && (actors.contains(&p.a) || actors.contains(&p.b)) {
                    partnerships.insert(p.id);
                }
            }
        }
        (actors, partnerships)
    }
}

/// How much presentation mode zooms the whole window, for large type.
pub const PRESENTATION_ZOOM: f32 = 1.4;

/// Everything about how the map is shown that is not part of the map.
#[derive(Default)]
pub struct ViewState {
    /// The selected actors and partnerships.
    pub selection: BTreeSet<Item>,
    /// The item under the pointer, on the canvas or in a list.
    pub hovered: Option<Item>,
    /// Camera, gestures and caches of the canvas.
    pub canvas: CanvasState,
    /// List filters, which dim what they leave out on the canvas.
    pub filters: Filters,
    /// Whether presentation mode is on.
    pub presenting: bool,
    /// Whether the window is drawn dark (its theme, or the system's): exports take it.
    pub dark: bool,
    /// Whether the search field should take the keyboard on the next frame.
    pub focus_search: bool,
    /// Which list the left panel shows.
    pub list_tab: ListTab,
    /// What was just added, flashing on the canvas in presentation mode.
    pub flash: Option<Flash>,
    /// Whether presentation mode hides the audience legend (it shows by default).
    pub audience_legend_hidden: bool,
}

/// Items just added, and when (in the window's clock, seconds), so that the room sees them
/// appear.
#[derive(Clone, Debug, PartialEq)]
pub struct Flash {
    /// The items added.
    pub items: Vec<Item>,
    /// When they were added.
    pub since: f64,
}

/// How long what was just added flashes, in seconds.
pub const FLASH_SECS: f64 = 1.6;

/// The lists of the left panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListTab {
    /// The actors.
    #[default]
    Actors,
    /// The partnerships.
    Partnerships,
}

impl ViewState {
    /// Changes the selection.
    pub fn select(&mut self, items: impl IntoIterator<Item = Item>, mode: SelectMode) {
        let items: Vec<Item> = items.into_iter().collect();
        match mode {
            SelectMode::Replace => {
                self.selection = items.into_iter().collect();
            }
            SelectMode::Add => self.selection.extend(items),
            SelectMode::Toggle => {
                if items.iter().all(|i| self.selection.contains(i)) {
                    for i in &items {
                        self.selection.remove(i);
                    }
                } else {
                    self.selection.extend(items);
                }
            }
        }
    }

    /// The selected actors.
    pub fn selected_actors(&self) -> BTreeSet<ActorId> {
        self.selection
            .iter()
            .filter_map(|i| match i {
                Item::Actor(id) => Some(*id),
                Item::Partnership(_) => None,
            })
            .collect()
    }

    /// The selected partnerships.
    pub fn selected_partnerships(&self) -> BTreeSet<PartnershipId> {
        self.selection
            .iter()
            .filter_map(|i| match i {
                Item::Partnership(id) => Some(*id),
                Item::Actor(_) => None,
            })
            .collect()
    }

    /// Drops selected items that no longer exist (after undo, delete or opening a map).
    pub fn forget_missing(&mut self, project: &Project) {
        self.selection.retain(|i| match i {
            Item::Actor(id) => project.actors.contains_key(id),
            Item::Partnership(id) => project.partnerships.contains_key(id),
        });
        if let Some(h) = self.hovered {
            let exists = match h {
                Item::Actor(id) => project.actors.contains_key(&id),
                Item::Partnership(id) => project.partnerships.contains_key(&id),
            };
            if !exists {
                self.hovered = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorId, PartnershipId};

    #[test]
    fn filters_keep_matching_actors_and_the_partnerships_between_them() {
        let p = crate::io::sample();
        let all = Filters::default().matches(&p);
        assert_eq!((all.0.len(), all.1.len()), (24, 29));
        let state = Filters {
            sector: Some(Sector::Donor),
            ..Filters::default()
        };
        let (actors, links) = state.matches(&p);
        assert_eq!(actors, BTreeSet::from([ActorId(1)]));
        assert_eq!(
            links,
            BTreeSet::from([PartnershipId(1)]),
            "the World Bank's one partnership"
        );
        let integrated = Filters {
            form: Some(Form::Integrated),
            ..Filters::default()
        };
        let (actors, links) = integrated.matches(&p);
        assert_eq!(links.len(), 1);
        assert_eq!(
            actors.len(),
            2,
            "the two actors of the one integrated partnership"
        );
        let text = Filters {
            text: "ponleur".into(),
            ..Filters::default()
        };
        let (actors, links) = text.matches(&p);
        // Ponleur Kumar by name, the three governors' offices by their notes.
        assert_eq!(actors, (10..=13).map(ActorId).collect());
        assert_eq!(links.len(), 5, "their partnerships are found too");
    }
}
