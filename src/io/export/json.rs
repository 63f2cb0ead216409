//! JSON of the whole map (design.md §8): the same document as the RON project file — `format`,
//! `version`, `meta`, `settings`, `next_ids`, `actors`, `partnerships` — with the model's
//! field names and enumerations as variant names, for programs that read JSON.

use serde::Serialize;

use super::ExportError;
use crate::io::{FORMAT, VERSION};
use crate::model::{Actor, Meta, NextIds, Partnership, Project, Settings};

#[derive(Serialize)]
struct Document<'a> {
    format: &'a str,
    version: u64,
    meta: &'a Meta,
    settings: &'a Settings,
    next_ids: NextIds,
    actors: Vec<&'a Actor>,
    partnerships: Vec<&'a Partnership>,
}

/// The map as pretty-printed JSON, actors and partnerships in id order.
pub fn map_json(project: &Project) -> Result<String, ExportError> {
    let doc = Document {
        format: FORMAT,
        version: VERSION,
        meta: &project.meta,
        settings: &project.settings,
        next_ids: project.next_ids,
        actors: project.actors.values().collect(),
        partnerships: project.partnerships.values().collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    Ok(text)
}
