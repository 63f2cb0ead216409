//! The map's snapshots in the inspector (design.md §12): each one's name, date and note editable,
//! its size, a button to delete it, and one to take another; every change one undo step.

use egui::{RichText, Ui};

use super::InspectorState;
use super::widgets::{TextOutcome, text_field_ui};
use crate::edit::Command;
use crate::model::{PartialDate, Project};
use crate::ui::actions::Action;
use crate::ui::intent::{Edit, Intent};

/// The snapshots section.
pub(super) fn snapshots_ui(
    ui: &mut Ui,
    project: &Project,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    ui.add_space(8.0);
    ui.heading("Snapshots");
    if project.snapshots.is_empty() {
        ui.label(
            RichText::new(
                "A snapshot keeps the map as it is now, to compare with later (a baseline and a \
                 follow-up).",
            )
            .weak(),
        );
    }
    for (i, snapshot) in project.snapshots.iter().enumerate() {
        ui.separator();
        let set = |f: &dyn Fn(&mut crate::model::Snapshot), label: String| {
            let mut all = project.snapshots.clone();
            f(&mut all[i]);
            Intent::Edit(Edit::new(label, Command::set_snapshots(all)))
        };
        if let TextOutcome::Commit(name) = text_field_ui(
            ui,
            st,
            format!("snapshot.{i}.name"),
            "Name",
            &snapshot.name,
            false,
        ) {
            let label = format!("Rename snapshot “{}”", snapshot.name);
            intents.push(set(&|s| s.name = name.trim().to_string(), label));
        }
        let date = snapshot.date.as_ref().map_or("", |d| d.0.as_str());
        if let TextOutcome::Commit(text) = text_field_ui(
            ui,
            st,
            format!("snapshot.{i}.date"),
            "Date (YYYY, YYYY-MM or YYYY-MM-DD)",
            date,
            false,
        ) {
            let text = text.trim().to_string();
            let label = format!("Date snapshot “{}”", snapshot.name);
            intents.push(set(
                &|s| s.date = (!text.is_empty()).then(|| PartialDate(text.clone())),
                label,
            ));
        }
        // What the snapshot rests on and what in it is estimated.
        if let TextOutcome::Commit(note) = text_field_ui(
            ui,
            st,
            format!("snapshot.{i}.note"),
            "Note",
            &snapshot.note,
            true,
        ) {
            let label = format!("Edit the note of snapshot “{}”", snapshot.name);
            intents.push(set(&|s| s.note = note.trim().to_string(), label));
        }
        // One under the other: side by side they would not fit a narrow inspector.
        ui.label(
            RichText::new(format!(
                "{} actors, {} partnerships",
                snapshot.actors.len(),
                snapshot.partnerships.len()
            ))
            .weak(),
        );
        if ui
            .small_button("Delete snapshot")
            .on_hover_text(format!("Delete the snapshot “{}”", snapshot.name))
            .clicked()
        {
            let mut all = project.snapshots.clone();
            all.remove(i);
            intents.push(Intent::Edit(Edit::new(
                format!("Delete snapshot “{}”", snapshot.name),
                Command::set_snapshots(all),
            )));
        }
    }
    ui.add_space(4.0);
    if ui
        .button(Action::TakeSnapshot.label())
        .on_hover_text(Action::TakeSnapshot.hint())
        .clicked()
    {
        intents.push(Intent::Action(Action::TakeSnapshot));
    }
}
