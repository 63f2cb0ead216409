//! The inspector when nothing is selected: the map's title, author and description.

use egui::{RichText, Ui};

use super::InspectorState;
use super::widgets::{TextOutcome, text_field_ui};
use crate::edit::Command;
use crate::model::Project;
use crate::ui::intent::{Edit, Intent};

/// The map's own fields and a hint on how to start.
pub(super) fn map_ui(
    ui: &mut Ui,
    project: &Project,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    let meta = &project.meta;
    let fields: [(&str, &str, &String, bool); 3] = [
        ("title", "Title", &meta.title, false),
        ("author", "Author", &meta.author, false),
        ("description", "Description", &meta.description, true),
    ];
    for (field, label, value, multi) in fields {
        if let TextOutcome::Commit(text) =
            text_field_ui(ui, st, format!("meta.{field}"), label, value, multi)
        {
            let mut m = meta.clone();
            match field {
                "title" => m.title = text,
                "author" => m.author = text,
                _ => m.description = text,
            }
            intents.push(Intent::Edit(Edit::new(
                format!("Set map {field}"),
                Command::set_meta(m),
            )));
        }
    }
    ui.add_space(8.0);
    ui.label(
        RichText::new(
            "Double-click the canvas to add an actor; drag from an actor's rim to another to \
             connect them. Select an actor or partnership to edit it here.",
        )
        .weak(),
    );
    super::snapshots::snapshots_ui(ui, project, st, intents);
}
