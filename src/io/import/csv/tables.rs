//! The two tables of a CSV import, found from one path.

use std::path::{Path, PathBuf};

use super::headers::{ACTOR_HEADERS, PARTNERSHIP_HEADERS, guess_all};
use super::{Mapping, Table};
use crate::io::import::fields::{ACTOR_FIELDS, PARTNERSHIP_FIELDS};
use crate::io::import::{ImportError, Issue, Place};

/// The two tables of a CSV import; either may be missing, not both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tables {
    /// The actors, one per row.
    pub actors: Option<Table>,
    /// The partnerships, one per row.
    pub partnerships: Option<Table>,
    /// `map.csv` beside them, when there is one: the map's title, description, author and
    /// dates as `field,value` rows (what PartnerMap's CSV export writes).
    pub map: Option<Table>,
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
        let mut tables = Self::find_tables(path)?;
        let map = if path.is_dir() {
            Some(path.join("map.csv")).filter(|p| p.is_file())
        } else {
            sibling(path, "map.csv")
        };
        tables.map = map.map(|p| Table::read(&p)).transpose()?;
        Ok(tables)
    }

    /// The actors and partnerships tables for `path` (see [`Self::find`]).
    fn find_tables(path: &Path) -> Result<Self, ImportError> {
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
                    map: None,
                });
            }
            let partnerships = sibling(path, "partnerships.csv")
                .map(|p| Table::read(&p))
                .transpose()?;
            return Ok(Self {
                actors: Some(table),
                partnerships,
                map: None,
            });
        };
        Ok(Self {
            actors: actors.map(|p| Table::read(&p)).transpose()?,
            partnerships: partnerships.map(|p| Table::read(&p)).transpose()?,
            map: None,
        })
    }

    /// The mapping guessed from the headers.
    pub fn guess_mapping(&self) -> Mapping {
        Mapping {
            actors: self.actors.as_ref().map_or_else(Vec::new, |t| {
                guess_all(&t.headers, &ACTOR_FIELDS, ACTOR_HEADERS, false)
            }),
            partnerships: self.partnerships.as_ref().map_or_else(Vec::new, |t| {
                guess_all(&t.headers, &PARTNERSHIP_FIELDS, PARTNERSHIP_HEADERS, true)
            }),
        }
    }
}
