//! Imports (design.md §8): GraphML, GEXF and CSV tables into a new map; and PartnerMap's own
//! JSON export, which is the whole map and is checked as a project file is.
//!
//! Each format is read into one shared intermediate form ([`Raw`]: nodes and edges with named
//! values and where each value came from), and [`build`] turns that into a [`Project`] with
//! the same rules for every format:
//!
//! - values named as the model's fields (see [`fields`]) fill those fields, checked; values
//!   named `FIELD [NAME]` fill the perspective NAME's value of that score, checked as the
//!   map's own, and the map's values `perspective [NAME]` and `map_values` give the
//!   perspectives' notes and order and how the map keeps its values
//!   ([`crate::io::export::perspectives`]); every other value becomes a custom field (a
//!   number when the file says so);
//! - a value that does not fit is reported with its place (line and column, or table, row
//!   and column) and what would fit; nothing is guessed, and one bad value stops the import
//!   with every problem listed;
//! - every text read has the characters a map's text may not hold (control characters,
//!   [`crate::model::text`]) removed, and the import says how many texts and where the first
//!   was;
//! - a field or custom field given twice to one item with different values is a problem (so
//!   is a key or attribute declared twice); a drawn position PartnerMap cannot draw (beyond
//!   ±10⁹) is left out and the actor laid out, and the import says which;
//! - ids that are whole numbers are kept (so a map exported by PartnerMap comes back with the
//!   same ids); other ids are numbered in file order, and the import says so with examples;
//! - a partnership end that names an actor by a name spelt otherwise (case, spaces,
//!   punctuation) is taken as that actor, and the import says which spellings and where;
//! - what a reader leaves out (hyperedges, the grouping of nested graphs and hierarchies,
//!   values PartnerMap has no place for) is named in a note;
//! - an actor without a sector or level keeps it not set, and the import says how many;
//! - an actor without a name (nor a label) is named after its id, and the import says
//!   which;
//! - a partnership from an actor to itself is left out, and the import says which;
//! - an edge whose `a` and `b` values name its ends the other way round (an undirected
//!   graph written back by another tool) is turned round; `a` and `b` naming other actors
//!   than the ends are a problem;
//! - actors without a position are laid out by the force-directed layout (from a start in
//!   bands by level, [`place`]), the others staying where they are.
//!
//! The window and the command line both call [`import_path`] (or the CSV functions after
//! the window's column-mapping step).
//!
//! The folder: [`ImportFormat`] (`format.rs`) lists the formats and their extensions;
//! `csv/`, `graphml.rs` and `gexf.rs` (with `xml.rs`) read a file into `Raw`
//! (`raw.rs`); `clean.rs` removes the characters a map's text may not hold from every text
//! read; `build/` turns that into a checked map, step by step; [`Place`] and
//! [`Issue`] (`issue.rs`) say where a problem is, and [`ImportError`] (`error.rs`) why an
//! import failed; [`fields`] sets the model's fields from text; `place.rs` places actors
//! without a position.

mod build;
mod clean;
pub mod csv;
mod error;
pub mod fields;
mod format;
mod gexf;
mod graphml;
mod issue;
mod place;
mod raw;
mod xml;

use std::path::Path;

pub(crate) use build::build;
pub use error::ImportError;
pub use format::ImportFormat;
pub(crate) use issue::Issues;
pub use issue::{Issue, Place};
pub use place::place_missing;
pub(crate) use raw::{Drawn, Item, Key, Kind, Raw, Value, map_key, title_text, xml_key};

use crate::model::Project;
use crate::task::Progress;

/// The largest file an import reads (the same limit as map files, design.md §11).
pub const MAX_IMPORT_BYTES: u64 = crate::io::MAX_FILE_BYTES;
/// The most problems an import lists; the rest are counted.
pub const MAX_LISTED: usize = 200;

/// A map made by an import, and what the import did that people should know about.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The new map.
    pub project: Project,
    /// Things done that the file did not say (defaults given, partnerships left out, actors
    /// laid out), one sentence each.
    pub notes: Vec<String>,
}

/// Reads the map in `path`, in `format` (else the format of its name). A CSV import takes a
/// folder holding `actors.csv` and `partnerships.csv`, or one table (see [`csv::Tables`]),
/// with the columns mapped by their headers.
pub fn import_path(
    path: &Path,
    format: Option<ImportFormat>,
    progress: &Progress,
) -> Result<Imported, ImportError> {
    let format = format
        .or_else(|| ImportFormat::from_path(path))
        .ok_or_else(|| ImportError::UnknownFormat(path.to_owned()))?;
    match format {
        ImportFormat::Csv => {
            let tables = csv::Tables::find(path)?;
            let mapping = tables.guess_mapping();
            csv::import(&tables, &mapping, progress)
        }
        ImportFormat::Graphml => graphml::import(&read_text(path)?, progress),
        ImportFormat::Gexf => gexf::import(&read_text(path)?, progress),
        ImportFormat::Json => import_json(&read_text(path)?),
    }
}

/// Reads the JSON of PartnerMap's JSON export: the whole map, checked as a project file is.
/// Values the map cannot hold are [`ImportError::Problems`]; text that is not such JSON at
/// all is [`ImportError::Malformed`].
pub fn import_json(text: &str) -> Result<Imported, ImportError> {
    match crate::io::load_json_str(text) {
        Ok(project) => Ok(Imported {
            project,
            notes: Vec::new(),
        }),
        Err(crate::io::LoadError::Invalid(problems)) => {
            let mut issues = Issues::default();
            for p in problems {
                let place = p.location.map_or(Place::File, |l| Place::Text {
                    line: l.line,
                    column: l.column,
                });
                issues.push(place, p.message());
            }
            Err(ImportError::Problems(issues.list, issues.more))
        }
        Err(e) => Err(ImportError::Malformed(Issue {
            place: Place::File,
            message: e.to_string(),
        })),
    }
}

/// Reads GraphML text.
pub fn import_graphml(text: &str, progress: &Progress) -> Result<Imported, ImportError> {
    graphml::import(text, progress)
}

/// Reads GEXF text.
pub fn import_gexf(text: &str, progress: &Progress) -> Result<Imported, ImportError> {
    gexf::import(text, progress)
}

/// The bytes of `path`, refusing files over the size limit before reading them.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    match crate::io::bounded::read(path, MAX_IMPORT_BYTES) {
        Ok(bytes) => Ok(bytes),
        Err(crate::io::bounded::BoundedError::Io(e)) => Err(io(e)),
        Err(crate::io::bounded::BoundedError::TooLarge(bytes)) => Err(ImportError::TooLarge {
            path: path.to_owned(),
            bytes,
        }),
    }
}

/// The text of `path` (UTF-8, an optional byte-order mark dropped).
pub(crate) fn read_text(path: &Path) -> Result<String, ImportError> {
    let bytes = read_bytes(path)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        not_utf8(&name, bytes, e.utf8_error().valid_up_to(), |offset| {
            let valid = std::str::from_utf8(&bytes[bom..offset]).unwrap_or_default();
            xml::line_column(valid, valid.len()).to_string()
        })
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// The error for the file `name`, whose `bytes` are UTF-8 only up to `offset`; `at` says
/// where that offset lies (a line and column, or a row).
pub(crate) fn not_utf8(
    name: &str,
    bytes: &[u8],
    offset: usize,
    at: impl FnOnce(usize) -> String,
) -> ImportError {
    let why = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        "it is UTF-16".to_string()
    } else {
        let byte = bytes.get(offset).copied().unwrap_or_default();
        format!("byte 0x{byte:02X} is not UTF-8; the file may be Latin-1 or Windows-1252")
    };
    ImportError::NotUtf8 {
        name: name.to_string(),
        at: at(offset),
        why,
    }
}

/// Refuses a file with more than `limit` items of a kind as soon as it is seen, before
/// memory is spent on the rest (design.md §11: at most 1,000,000 actors or partnerships).
pub(crate) fn check_count(count: usize, limit: usize, what: &str) -> Result<(), ImportError> {
    if count > limit {
        return Err(ImportError::Malformed(Issue {
            place: Place::File,
            message: format!(
                "the file holds more than {limit} {what}; PartnerMap handles at most {limit}"
            ),
        }));
    }
    Ok(())
}

/// The most actors, and the most partnerships, an import reads.
pub(crate) const MAX_ITEMS: usize = crate::model::MAX_ITEMS;

/// The most values (table cells) an import reads: five times the stress map of design.md
/// §10, and a bound on the memory an import takes (about 2 GB at the limit).
pub(crate) const MAX_VALUES: usize = 5_000_000;

/// The most XML events (elements and texts) a GraphML or GEXF import reads: room for
/// [`MAX_VALUES`] values written one per element.
pub(crate) const MAX_XML_EVENTS: usize = 4 * MAX_VALUES;

#[cfg(test)]
mod tests {
    #[test]
    fn too_many_items_are_refused_with_the_limit() {
        assert!(super::check_count(10, 10, "actors").is_ok());
        let err = super::check_count(11, 10, "actors")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "the file holds more than 10 actors; PartnerMap handles at most 10"
        );
    }
}
