//! The inspector: edits every field of the selected actor or partnership (design.md §3), or
//! the fields several selected actors or partnerships share.
//!
//! Text fields edit a buffer and commit when they lose focus (one undo step per field edit);
//! choices and scores commit at once, merged into one step while the same field changes.
//!
//! This module keeps what the inspector remembers between frames and chooses what to show;
//! `actor` and `partnership` edit one item, `several` edits the fields a selection shares,
//! `map` edits the map's title and description when nothing is selected, `indicators` shows
//! the measures of the selected item, and `widgets` holds the fields they are built from.

mod actor;
mod indicators;
mod map;
mod partnership;
mod several;
mod snapshots;
mod voices;
mod widgets;

use std::collections::{BTreeSet, HashMap};

use egui::Ui;

use super::intent::Intent;
use super::view::{Item, ViewState};
use crate::analysis::Indicators;
use crate::model::{Actor, Partnership, Project};

pub use widgets::choice_combo;

/// A text field being edited: its buffer until it loses focus.
#[derive(Clone, Debug, PartialEq)]
struct FieldEdit {
    /// Which items and field ("a5.name").
    key: String,
    /// The text typed so far.
    buffer: String,
}

/// What the inspector remembers between frames.
#[derive(Clone, Debug, Default)]
pub struct InspectorState {
    /// The text field being typed in, if any, with its text so far.
    editing: Option<FieldEdit>,
    /// Whether the name field should take the keyboard on the next frame.
    pub focus_name: bool,
    /// Partnerships whose two trust directions are shown separately.
    split_trust: BTreeSet<u64>,
    /// A message about the last rejected value (a bad date, an empty name).
    pub message: Option<String>,
    /// New tag being typed, per tag field.
    new_tag: HashMap<String, String>,
    /// New custom field name being typed.
    new_custom: String,
}

impl InspectorState {
    /// The new tag being typed into the tag field `key`.
    fn tag_input(&mut self, key: &str) -> &mut String {
        self.new_tag.entry(key.to_string()).or_default()
    }
}

/// Draws the inspector for the current selection.
pub fn inspector_ui(
    ui: &mut Ui,
    project: &Project,
    view: &ViewState,
    indicators: Option<&Indicators>,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    let actors: Vec<&Actor> = view
        .selection
        .iter()
        .filter_map(|i| match i {
            Item::Actor(id) => project.actor(*id),
            Item::Partnership(_) => None,
        })
        .collect();
    let partnerships: Vec<&Partnership> = view
        .selection
        .iter()
        .filter_map(|i| match i {
            Item::Partnership(id) => project.partnership(*id),
            Item::Actor(_) => None,
        })
        .collect();
    message_ui(ui, st);
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            match (actors.as_slice(), partnerships.as_slice()) {
                ([], []) => {
                    ui.heading("Map");
                    map::map_ui(ui, project, st, intents);
                }
                ([a], []) => {
                    if let Some(ind) = indicators.and_then(|i| i.actors.get(&a.id)) {
                        indicators::actor_indicators_ui(ui, ind);
                    }
                    voices::actor_voices_ui(ui, project, a);
                    actor::actor_ui(ui, project, a, st, intents);
                }
                ([], [p]) => {
                    if let Some(ind) = indicators.and_then(|i| i.partnerships.get(&p.id)) {
                        indicators::partnership_indicators_ui(ui, ind);
                    }
                    voices::partnership_voices_ui(ui, project, p);
                    partnership::partnership_ui(ui, project, p, st, intents);
                }
                (list, []) => several::several_actors_ui(ui, list, intents),
                ([], list) => several::several_partnerships_ui(ui, list, intents),
                (a, p) => several::mixed_selection_ui(ui, a.len(), p.len()),
            }
        });
}

/// The message about the last rejected value, with a button that dismisses it.
fn message_ui(ui: &mut Ui, st: &mut InspectorState) {
    if let Some(m) = st.message.clone() {
        ui.colored_label(ui.visuals().warn_fg_color, m);
        if ui.small_button("OK").clicked() {
            st.message = None;
        }
        ui.separator();
    }
}
