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

use std::path::{Path, PathBuf};

use super::fields::{ACTOR_FIELDS, PARTNERSHIP_FIELDS, fold};
use super::{ImportError, Imported, Issue, Item, Key, Kind, Place, Progress, Raw, Value};
use crate::io::export::attributes::decode_custom;

/// What a column gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// One of the model's fields ([`ACTOR_FIELDS`] or [`PARTNERSHIP_FIELDS`]).
    Field(&'static str),
    /// A custom field named as the column.
    Custom,
    /// Nothing: the column is left out.
    Ignore,
}

impl Target {
    /// How the column-mapping step shows the choice.
    pub fn describe(&self) -> String {
        match self {
            Self::Field(f) => (*f).to_string(),
            Self::Custom => "custom field".to_string(),
            Self::Ignore => "leave out".to_string(),
        }
    }
}

/// Headers that name each actor field, beyond the field's own name (compared folded: case,
/// spaces, `_`, `-`, `.` ignored).
pub const ACTOR_HEADERS: &[(&str, &[&str])] = &[
    ("id", &["actor id", "node id", "key", "code"]),
    (
        "name",
        &[
            "actor",
            "actor name",
            "organisation",
            "organization",
            "org",
            "stakeholder",
            "label",
            "node",
            "full name",
        ],
    ),
    ("short", &["short name", "abbreviation", "acronym", "abbr"]),
    ("sector", &["sector type"]),
    ("kind", &["type", "actor type", "category", "subtype"]),
    (
        "level",
        &["tier", "governance level", "administrative level"],
    ),
    ("interest", &["stake"]),
    ("stance", &["attitude"]),
    ("tags", &["tag", "keywords"]),
    (
        "notes",
        &["note", "comment", "comments", "description", "remarks"],
    ),
    (
        "sources",
        &["source", "reference", "references", "citation", "citations"],
    ),
    ("x", &["pos x", "position x"]),
    ("y", &["pos y", "position y"]),
];

/// Headers that name each partnership field, beyond the field's own name.
pub const PARTNERSHIP_HEADERS: &[(&str, &[&str])] = &[
    (
        "id",
        &["partnership id", "edge id", "link id", "relationship id"],
    ),
    (
        "a",
        &[
            "source",
            "from",
            "actor a",
            "actor 1",
            "source id",
            "from id",
            "node 1",
        ],
    ),
    ("a_name", &["source name", "from name"]),
    (
        "b",
        &[
            "target",
            "to",
            "actor b",
            "actor 2",
            "target id",
            "to id",
            "node 2",
        ],
    ),
    ("b_name", &["target name", "to name"]),
    (
        "label",
        &["name", "title", "edge label", "relationship", "relation"],
    ),
    ("functions", &["function", "purpose", "purposes"]),
    ("formality", &["formalisation", "formalization"]),
    ("trust_ab", &["trust a to b", "trust a→b"]),
    ("trust_ba", &["trust b to a", "trust b→a"]),
    ("initiator", &["initiated by", "started by"]),
    ("start", &["start date", "since"]),
    ("end", &["end date", "until"]),
    ("disablers", &["barriers"]),
    (
        "notes",
        &["note", "comment", "comments", "description", "remarks"],
    ),
    (
        "sources",
        &["reference", "references", "citation", "citations"],
    ),
];

fn guess(header: &str, fields: &[&'static str], aliases: &[(&str, &[&str])]) -> Target {
    let key = fold(header);
    if let Some(f) = fields.iter().find(|f| fold(f) == key) {
        return Target::Field(f);
    }
    for (field, names) in aliases {
        if names.iter().any(|n| fold(n) == key)
            && let Some(f) = fields.iter().find(|f| *f == field)
        {
            return Target::Field(f);
        }
    }
    Target::Custom
}

/// Guesses a target per header; a field already given by an earlier column makes the later
/// one a custom field.
fn guess_all(
    headers: &[String],
    fields: &[&'static str],
    aliases: &[(&str, &[&str])],
) -> Vec<Target> {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| match guess(h, fields, aliases) {
            Target::Field(f) if taken.contains(&f) => Target::Custom,
            Target::Field(f) => {
                taken.push(f);
                Target::Field(f)
            }
            other => other,
        })
        .collect()
}

/// One table as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The file name, for messages.
    pub name: String,
    /// The header row.
    pub headers: Vec<String>,
    /// The rows after the header, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

/// `cell` without the `'` that marks text in PartnerMap's tables, and whether it had one.
pub fn unmark(cell: &str) -> (&str, bool) {
    if let Some(rest) = cell.strip_prefix('\'')
        && (rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\''])
            || rest.trim().parse::<f64>().is_ok())
    {
        return (rest, true);
    }
    (cell, false)
}

impl Table {
    /// Reads the table in `bytes` (UTF-8; a byte-order mark is dropped). Problems name the
    /// table `name` and the row.
    pub fn parse(name: &str, bytes: &[u8]) -> Result<Self, ImportError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if std::str::from_utf8(bytes).is_err() {
            return Err(ImportError::NotUtf8(name.to_string()));
        }
        let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
        let count = |c: u8| first_line.iter().filter(|&&b| b == c).count();
        let delimiter = [b';', b'\t']
            .into_iter()
            .find(|&d| count(d) > count(b','))
            .unwrap_or(b',');
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(bytes);
        let mut records = reader.records();
        let malformed = |row: usize, message: String| {
            ImportError::Malformed(Issue {
                place: Place::Row {
                    table: name.into(),
                    row,
                },
                message,
            })
        };
        let headers: Vec<String> = match records.next() {
            Some(Ok(r)) => r.iter().map(|h| unmark(h).0.trim().to_string()).collect(),
            Some(Err(e)) => return Err(malformed(1, format!("the header cannot be read: {e}"))),
            None => {
                return Err(malformed(
                    1,
                    "the table is empty; the first row must name the columns".into(),
                ));
            }
        };
        if headers.iter().all(String::is_empty) {
            return Err(malformed(
                1,
                "the first row must name the columns, and it is blank".into(),
            ));
        }
        let mut rows = Vec::new();
        let mut cells_read = 0usize;
        for (i, record) in records.enumerate() {
            let row = i + 2;
            super::check_count(i, super::MAX_ITEMS, "rows")?;
            cells_read += headers.len();
            super::check_count(cells_read, super::MAX_VALUES, "cells")?;
            let record = record.map_err(|e| malformed(row, format!("cannot be read: {e}")))?;
            if record.len() > headers.len()
                && record.iter().skip(headers.len()).any(|c| !c.is_empty())
            {
                return Err(malformed(
                    row,
                    format!(
                        "has {} cells but the header names {} columns",
                        record.len(),
                        headers.len()
                    ),
                ));
            }
            if record.iter().all(|c| c.trim().is_empty()) {
                rows.push(Vec::new());
                continue;
            }
            let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
            cells.resize(headers.len(), String::new());
            rows.push(cells);
        }
        Ok(Self {
            name: name.to_string(),
            headers,
            rows,
        })
    }

    /// Reads the table in the file `path`.
    pub fn read(path: &Path) -> Result<Self, ImportError> {
        let bytes = super::read_bytes(path)?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Self::parse(&name, &bytes)
    }

    /// Whether the headers look like a partnerships table (they give both ends).
    pub fn looks_like_partnerships(&self) -> bool {
        let targets = guess_all(&self.headers, &PARTNERSHIP_FIELDS, PARTNERSHIP_HEADERS);
        let has = |f: &str| gives(&targets, f);
        (has("a") || has("a_name")) && (has("b") || has("b_name"))
    }
}

/// Whether one of `targets` is the field `field`.
fn gives(targets: &[Target], field: &str) -> bool {
    targets
        .iter()
        .any(|t| matches!(t, Target::Field(f) if *f == field))
}

/// The two tables of a CSV import; either may be missing, not both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tables {
    /// The actors, one per row.
    pub actors: Option<Table>,
    /// The partnerships, one per row.
    pub partnerships: Option<Table>,
}

/// How the columns of both tables map onto fields, in column order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    /// One target per column of the actors table.
    pub actors: Vec<Target>,
    /// One target per column of the partnerships table.
    pub partnerships: Vec<Target>,
}

/// The sibling of `path` named `name`, if it exists.
fn sibling(path: &Path, name: &str) -> Option<PathBuf> {
    let p = path.with_file_name(name);
    (p != path && p.is_file()).then_some(p)
}

impl Tables {
    /// Reads the tables for `path`: a folder holding `actors.csv` and/or `partnerships.csv`;
    /// or one table, which is the partnerships table when its headers give both ends, and
    /// then `actors.csv` beside it is read too (or, for an actors table, `partnerships.csv`).
    pub fn find(path: &Path) -> Result<Self, ImportError> {
        let (actors, partnerships) = if path.is_dir() {
            let a = path.join("actors.csv");
            let p = path.join("partnerships.csv");
            if !a.is_file() && !p.is_file() {
                return Err(ImportError::Malformed(Issue {
                    place: Place::File,
                    message: format!(
                        "{}: the folder holds neither actors.csv nor partnerships.csv",
                        path.display()
                    ),
                }));
            }
            (a.is_file().then_some(a), p.is_file().then_some(p))
        } else {
            let table = Table::read(path)?;
            if table.looks_like_partnerships() {
                let actors = sibling(path, "actors.csv")
                    .map(|p| Table::read(&p))
                    .transpose()?;
                return Ok(Self {
                    actors,
                    partnerships: Some(table),
                });
            }
            let partnerships = sibling(path, "partnerships.csv")
                .map(|p| Table::read(&p))
                .transpose()?;
            return Ok(Self {
                actors: Some(table),
                partnerships,
            });
        };
        Ok(Self {
            actors: actors.map(|p| Table::read(&p)).transpose()?,
            partnerships: partnerships.map(|p| Table::read(&p)).transpose()?,
        })
    }

    /// The mapping guessed from the headers.
    pub fn guess_mapping(&self) -> Mapping {
        Mapping {
            actors: self.actors.as_ref().map_or_else(Vec::new, |t| {
                guess_all(&t.headers, &ACTOR_FIELDS, ACTOR_HEADERS)
            }),
            partnerships: self.partnerships.as_ref().map_or_else(Vec::new, |t| {
                guess_all(&t.headers, &PARTNERSHIP_FIELDS, PARTNERSHIP_HEADERS)
            }),
        }
    }
}

impl Mapping {
    /// Maps the column `header` (of whichever table has it; compared folded) to `field`: a
    /// field name of that table, `custom` or `ignore`. Says what is wrong otherwise.
    pub fn set(&mut self, tables: &Tables, header: &str, field: &str) -> Result<(), String> {
        let key = fold(header);
        let mut found = false;
        for (table, targets, fields) in [
            (&tables.actors, &mut self.actors, &ACTOR_FIELDS[..]),
            (
                &tables.partnerships,
                &mut self.partnerships,
                &PARTNERSHIP_FIELDS[..],
            ),
        ] {
            let Some(table) = table else { continue };
            let Some(i) = table.headers.iter().position(|h| fold(h) == key) else {
                continue;
            };
            found = true;
            targets[i] = match field.trim() {
                "custom" => Target::Custom,
                "ignore" => Target::Ignore,
                f => match fields.iter().find(|x| **x == f) {
                    Some(x) => Target::Field(x),
                    None => {
                        return Err(format!(
                            "{}: \"{f}\" is not a field here; use custom, ignore or one of {}",
                            table.name,
                            fields.join(", ")
                        ));
                    }
                },
            };
        }
        if found {
            Ok(())
        } else {
            Err(format!("no table has a column \"{header}\""))
        }
    }

    /// What is wrong with the mapping for `tables`: a field given by two columns, no names
    /// for the actors, no ends for the partnerships. Empty when the import can go ahead.
    pub fn problems(&self, tables: &Tables) -> Vec<String> {
        let mut out = Vec::new();
        let check = |table: &Table, targets: &[Target], out: &mut Vec<String>| {
            for (i, t) in targets.iter().enumerate() {
                if let Target::Field(f) = t
                    && let Some(j) = targets[..i].iter().position(|u| u == t)
                {
                    out.push(format!(
                        "{}: both \"{}\" and \"{}\" give {f}; choose one",
                        table.name, table.headers[j], table.headers[i]
                    ));
                }
            }
        };
        if let Some(t) = &tables.actors {
            check(t, &self.actors, &mut out);
            if !gives(&self.actors, "name") {
                out.push(format!(
                    "{}: no column gives the actors' names; map one to name",
                    t.name
                ));
            }
        }
        if let Some(t) = &tables.partnerships {
            check(t, &self.partnerships, &mut out);
            let has = |f: &str| gives(&self.partnerships, f);
            for (end, name, what) in [
                ("a", "a_name", "first actor (a, the source)"),
                ("b", "b_name", "second actor (b, the target)"),
            ] {
                if !has(end) && !has(name) {
                    out.push(format!(
                        "{}: no column gives the {what}; map one to {end}",
                        t.name
                    ));
                }
            }
        }
        if tables.actors.is_none() && tables.partnerships.is_none() {
            out.push("there is no table to import".into());
        }
        out
    }
}

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
    let headers: Vec<std::sync::Arc<str>> =
        table.headers.iter().map(|h| h.as_str().into()).collect();
    let custom_keys: Vec<std::sync::Arc<str>> = table
        .headers
        .iter()
        .map(|h| decode_custom(h, fixed).into())
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
    }
    super::build(raw, progress)
}

/// A note naming the columns of `table` that `targets` keep as custom fields (with the
/// field's name when it is not the header's), if there are any.
fn custom_columns(table: &Table, targets: &[Target], fixed: &[&str]) -> Option<String> {
    let columns: Vec<String> = table
        .headers
        .iter()
        .zip(targets)
        .filter(|(_, t)| **t == Target::Custom)
        .map(|(header, _)| match decode_custom(header, fixed) {
            key if key == *header => format!("\"{header}\""),
            key => format!("\"{header}\" (as \"{key}\")"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_guessed_by_field_name_and_common_spellings() {
        let headers: Vec<String> = ["Organisation", "Type", "Sector", "Level", "Budget", "Name"]
            .map(String::from)
            .to_vec();
        let t = guess_all(&headers, &ACTOR_FIELDS, ACTOR_HEADERS);
        assert_eq!(
            t,
            [
                Target::Field("name"),
                Target::Field("kind"),
                Target::Field("sector"),
                Target::Field("level"),
                Target::Custom,
                Target::Custom, // name is taken by "Organisation"
            ]
        );
        let edges: Vec<String> = ["Source", "Target", "Label", "Trust AB"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            guess_all(&edges, &PARTNERSHIP_FIELDS, PARTNERSHIP_HEADERS),
            [
                Target::Field("a"),
                Target::Field("b"),
                Target::Field("label"),
                Target::Field("trust_ab"),
            ]
        );
    }

    #[test]
    fn semicolon_tables_and_marked_text_are_read() {
        let t = Table::parse("t.csv", "name;sector\r\n'=SUM(A1);NGO\r\n".as_bytes()).unwrap();
        assert_eq!(t.headers, ["name", "sector"]);
        assert_eq!(unmark(&t.rows[0][0]), ("=SUM(A1)", true));
        assert_eq!(unmark("'12"), ("12", true));
        assert_eq!(unmark("'hello"), ("'hello", false));
        assert_eq!(unmark("plain"), ("plain", false));
    }

    #[test]
    fn a_row_longer_than_the_header_is_refused_with_its_number() {
        let err = Table::parse("t.csv", b"name,sector\nA,State\nB,State,extra\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv row 3: has 3 cells but the header names 2 columns"
        );
    }
}
