//! JSON of the whole map (design.md §8): the same document as the RON project file — `format`,
//! `version`, `meta`, `settings`, `next_ids`, `actors`, `partnerships` — with the model's
//! field names and enumerations as variant names, for programs that read JSON.

use super::ExportError;
use crate::io::ron_file::FileOut;
use crate::model::Project;

/// The map as pretty-printed JSON, actors and partnerships in id order.
pub fn map_json(project: &Project) -> Result<String, ExportError> {
    let mut text = serde_json::to_string_pretty(&FileOut::of(project))?;
    text.push('\n');
    Ok(text)
}
