//! CSV import: an actors table and a partnerships table (either may be missing), with a
//! column mapping that says which field each column fills.
//!
//! - The first row is the header. Commas separate cells, unless the header has more
//!   semicolons or tabs than commas (as spreadsheets write in many countries).
//! - [`Tables::guess_mapping`] maps a column by its header: the model's field names (as in
//!   the tables PartnerMap exports) and common spellings ("Organisation" → `name`, "Source" →
//!   `a`; see [`ACTOR_HEADERS`] and [`PARTNERSHIP_HEADERS`]). Other columns become custom
//!   fields, which the import's notes list; the window lets people change every choice
//!   before importing.
//! - Partnerships name their actors in `a` and `b` by id (the actors table's `id` column) or
//!   by name. Without an actors table, every name makes an actor.
//! - A cell that PartnerMap's export marked as text with a leading `'` gets it back without
//!   the `'`; in custom columns a cell that reads as a number is a number.
//! - A column named `FIELD [NAME]` (`trust_ab [Citizens]`) gives the perspective NAME's
//!   values of that score, making the perspective if need be; beside such columns, the
//!   partnerships' `disagreement` (computed by PartnerMap) is left out, with a note
//!   ([`crate::io::export::perspectives`]).
//!
//! The folder: [`Table`] (`table.rs`) reads one table; [`Tables`] (`tables.rs`) finds both
//! from one path; [`Mapping`] and [`Target`] (`mapping.rs`) say what each column gives;
//! `headers.rs` holds the spellings that guess it; this file turns the rows into items.

mod headers;
mod mapping;
mod rows;
mod table;
mod tables;

use super::fields::{ACTOR_FIELDS, PARTNERSHIP_FIELDS};
use super::{ImportError, Imported, Issue, Item, Key, Kind, Place, Progress, Raw, Value};
use crate::io::export::attributes::decode_custom;
pub use headers::{ACTOR_HEADERS, PARTNERSHIP_HEADERS};
pub use mapping::{Mapping, Target};
pub use table::{Table, unmark};
pub use tables::Tables;

/// The items (nodes, or edges when `edges`) of `table`, one per row that is not blank,
/// with each column's cells given as `targets` say; `fixed` are the table's field names
/// (a custom column named like one has a prefix to lose).
fn items(
    table: &Table,
    targets: &[Target],
    fixed: &[&str],
    edges: bool,
    progress: &Progress,
) -> Result<Vec<Item>, ImportError> {
    let mut out = Vec::with_capacity(table.rows.len());
    // Shared by every cell's place, rather than copied into each.
    let table_name: std::sync::Arc<str> = table.name.as_str().into();
    // The headers name the cells in messages; the custom fields' names are cleaned (and
    // counted) with the values.
    let headers: Vec<std::sync::Arc<str>> = table
        .headers
        .iter()
        .map(|h| crate::model::text::clean(h).into())
        .collect();
    let custom_keys: Vec<std::sync::Arc<str>> = table
        .headers
        .iter()
        .map(|h| decode_custom(h, fixed).into())
        .collect();
    // Shared by every cell of a perspective's column.
    let perspectives: Vec<Option<std::sync::Arc<str>>> = targets
        .iter()
        .map(|t| match t {
            Target::Rating { perspective, .. } => Some(perspective.as_str().into()),
            _ => None,
        })
        .collect();
    for (i, cells) in table.rows.iter().enumerate() {
        if i.is_multiple_of(1024) && progress.is_cancelled() {
            return Err(ImportError::Cancelled);
        }
        if cells.is_empty() {
            continue;
        }
        let row = i + 2;
        let mut item = Item {
            at: Some(Place::Row {
                table: table_name.clone(),
                row,
            }),
            ..Item::default()
        };
        let mut names: [Option<(String, Place)>; 2] = [None, None];
        for (column, ((cell, header), target)) in
            cells.iter().zip(&headers).zip(targets).enumerate()
        {
            let place = Place::Cell {
                table: table_name.clone(),
                row,
                column: header.clone(),
            };
            let (text, marked) = unmark(cell);
            match target {
                Target::Ignore => {}
                Target::Field("id") => {
                    if !text.trim().is_empty() {
                        item.id = Some((text.trim().to_string(), place));
                    }
                }
                Target::Field(f @ ("a" | "b" | "a_name" | "b_name")) if edges => {
                    if text.is_empty() {
                        continue;
                    }
                    let end = (text.to_string(), place);
                    match *f {
                        "a" => item.ends[0] = Some(end),
                        "b" => item.ends[1] = Some(end),
                        "a_name" => names[0] = Some(end),
                        _ => names[1] = Some(end),
                    }
                }
                Target::Field(f) => item.values.push(Value {
                    key: Key::Field(f),
                    text: text.to_string(),
                    kind: Kind::Text,
                    at: place,
                }),
                Target::Rating { field, .. } => item.values.push(Value {
                    key: Key::Rating {
                        field,
                        perspective: perspectives[column].clone().unwrap_or_default(),
                    },
                    text: text.to_string(),
                    kind: Kind::Text,
                    at: place,
                }),
                Target::Custom => {
                    if text.is_empty() {
                        continue;
                    }
                    item.values.push(Value {
                        key: Key::Custom(custom_keys[column].clone()),
                        text: text.to_string(),
                        kind: if marked { Kind::Text } else { Kind::Untyped },
                        at: place,
                    });
                }
            }
        }
        for (slot, name) in names.into_iter().enumerate() {
            if item.ends[slot].is_none() {
                item.ends[slot] = name;
            }
        }
        out.push(item);
        super::check_count(
            out.len(),
            super::MAX_ITEMS,
            if edges { "partnerships" } else { "actors" },
        )?;
    }
    Ok(out)
}

/// Imports `tables` with the columns mapped by `mapping`.
pub fn import(
    tables: &Tables,
    mapping: &Mapping,
    progress: &Progress,
) -> Result<Imported, ImportError> {
    let problems = mapping.problems(tables);
    if !problems.is_empty() {
        return Err(ImportError::Problems(
            problems
                .into_iter()
                .map(|message| Issue {
                    place: Place::File,
                    message,
                })
                .collect(),
            0,
        ));
    }
    let mut raw = Raw {
        ends_by_name: true,
        create_missing: tables.actors.is_none(),
        ..Raw::default()
    };
    if let Some(t) = &tables.actors {
        raw.nodes = items(t, &mapping.actors, &ACTOR_FIELDS, false, progress)?;
        raw.notes
            .extend(custom_columns(t, &mapping.actors, &ACTOR_FIELDS));
    }
    if let Some(t) = &tables.partnerships {
        raw.edges = items(
            t,
            &mapping.partnerships,
            &PARTNERSHIP_FIELDS,
            true,
            progress,
        )?;
        raw.notes.extend(custom_columns(
            t,
            &mapping.partnerships,
            &PARTNERSHIP_FIELDS,
        ));
        raw.notes.extend(computed_column(t, &mapping.partnerships));
    }
    if let Some(t) = &tables.map {
        read_map_table(t, &mut raw);
    }
    super::build(raw, progress)
}

/// The map's own values from `map.csv` (`field,value` rows, as the CSV export writes its
/// title, description, author and dates) into `raw`; a table without those two columns is
/// left out, with a note.
fn read_map_table(table: &Table, raw: &mut Raw<'_>) {
    let (Some(f), Some(v)) = (
        table.headers.iter().position(|h| h.trim() == "field"),
        table.headers.iter().position(|h| h.trim() == "value"),
    ) else {
        raw.notes.push(format!(
            "{}: the table has no \"field\" and \"value\" columns, so it was left out.",
            table.name
        ));
        return;
    };
    let table_name: std::sync::Arc<str> = table.name.as_str().into();
    let column: std::sync::Arc<str> = crate::model::text::clean(&table.headers[v]).into();
    for (i, row) in table.rows.iter().enumerate() {
        let (Some(field), Some(value)) = (row.get(f), row.get(v)) else {
            continue;
        };
        raw.map_values.push(Value {
            key: super::map_key(field.trim()),
            text: table::unmark(value).0.to_string(),
            kind: Kind::Text,
            at: Place::Cell {
                table: table_name.clone(),
                row: i + 2,
                column: column.clone(),
            },
        });
    }
}

/// The note for the `disagreement` column of a partnerships table with perspectives' columns,
/// which is left out: PartnerMap computes it from their values.
fn computed_column(table: &Table, targets: &[Target]) -> Option<String> {
    use crate::io::export::perspectives::DISAGREEMENT;
    let ratings = targets.iter().any(|t| matches!(t, Target::Rating { .. }));
    let left_out = table
        .headers
        .iter()
        .zip(targets)
        .any(|(h, t)| h == DISAGREEMENT && *t == Target::Ignore);
    (ratings && left_out).then(|| {
        format!(
            "{}: the column \"{DISAGREEMENT}\" was left out: PartnerMap works it out from the \
             perspectives' values.",
            table.name
        )
    })
}

/// A note naming the columns of `table` that `targets` keep as custom fields (with the
/// field's name when it is not the header's), if there are any.
fn custom_columns(table: &Table, targets: &[Target], fixed: &[&str]) -> Option<String> {
    let columns: Vec<String> = table
        .headers
        .iter()
        .zip(targets)
        .filter(|(_, t)| **t == Target::Custom)
        .map(|(header, _)| {
            let header = crate::model::text::clean(header);
            match decode_custom(&header, fixed) {
                key if key == *header => format!("\"{header}\""),
                key => format!("\"{header}\" (as \"{key}\")"),
            }
        })
        .collect();
    match columns.as_slice() {
        [] => None,
        [one] => Some(format!(
            "{}: the column {one} is kept as a custom field.",
            table.name
        )),
        [init @ .., last] => Some(format!(
            "{}: the columns {} and {last} are kept as custom fields.",
            table.name,
            init.join(", ")
        )),
    }
}
