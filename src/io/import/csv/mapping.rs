//! What each column of the tables gives: a field, a custom field or nothing.

use super::{Table, Tables};
use crate::io::export::attributes::decode_custom;
use crate::io::import::fields::{ACTOR_FIELDS, PARTNERSHIP_FIELDS, fold};

/// What a column gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// One of the model's fields ([`ACTOR_FIELDS`] or [`PARTNERSHIP_FIELDS`]).
    Field(&'static str),
    /// A perspective's values of a score (a column named `FIELD [NAME]`, design.md §13): the
    /// perspective is made if the map has none of that name.
    Rating {
        /// The score's field name (`trust_ab`).
        field: &'static str,
        /// The perspective's name.
        perspective: String,
    },
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
            Self::Rating { field, perspective } => format!("{field} as \"{perspective}\" sees it"),
            Self::Custom => "custom field".to_string(),
            Self::Ignore => "leave out".to_string(),
        }
    }
}
/// How the columns of both tables map onto fields, in column order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    /// One target per column of the actors table.
    pub actors: Vec<Target>,
    /// One target per column of the partnerships table.
    pub partnerships: Vec<Target>,
}
impl Mapping {
    /// Maps the column `header` (of whichever table has it; compared folded) to `field`: a
    /// field name of that table, a perspective's score (`trust_ab [Citizens]`), `custom` or
    /// `ignore`. Says what is wrong otherwise.
    pub fn set(&mut self, tables: &Tables, header: &str, field: &str) -> Result<(), String> {
        let key = fold(header);
        let mut found = false;
        for (table, targets, fields, edges) in [
            (&tables.actors, &mut self.actors, &ACTOR_FIELDS[..], false),
            (
                &tables.partnerships,
                &mut self.partnerships,
                &PARTNERSHIP_FIELDS[..],
                true,
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
                    None => match rating(f, edges) {
                        Some(t) => t,
                        None => {
                            return Err(format!(
                                "{}: \"{f}\" is not a field here; use custom, ignore, one of \
                                 {} or a perspective's score as FIELD [NAME]",
                                table.name,
                                fields.join(", ")
                            ));
                        }
                    },
                },
            };
        }
        if found {
            Ok(())
        } else {
            Err(format!("no table has a column \"{header}\""))
        }
    }

    /// What is wrong with the mapping for `tables`: a field or custom field given by two
    /// columns, no names for the actors, no ends for the partnerships. Empty when the import
    /// can go ahead.
    pub fn problems(&self, tables: &Tables) -> Vec<String> {
        let mut out = Vec::new();
        let check = |table: &Table, targets: &[Target], fixed: &[&str], out: &mut Vec<String>| {
            let mut customs: std::collections::HashMap<String, usize> = Default::default();
            for (i, t) in targets.iter().enumerate() {
                if matches!(t, Target::Field(_) | Target::Rating { .. })
                    && let Some(j) = targets[..i].iter().position(|u| u == t)
                {
                    out.push(format!(
                        "{}: both \"{}\" and \"{}\" give {}; choose one",
                        table.name,
                        table.headers[j],
                        table.headers[i],
                        t.describe()
                    ));
                }
                let Some(header) = table.headers.get(i) else {
                    continue;
                };
                if *t == Target::Custom {
                    let key = decode_custom(header, fixed);
                    if let Some(j) = customs.get(&key) {
                        out.push(format!(
                            "{}: columns {} and {} are both named \"{}\", so their cells would fill one custom field; rename one, or leave one out",
                            table.name,
                            j + 1,
                            i + 1,
                            crate::model::text::clean(&key)
                        ));
                    } else {
                        customs.insert(key, i);
                    }
                }
            }
        };
        if let Some(t) = &tables.actors {
            check(t, &self.actors, &ACTOR_FIELDS, &mut out);
            if !gives(&self.actors, "name") {
                out.push(format!(
                    "{}: no column gives the actors' names; map one to name",
                    t.name
                ));
            }
        }
        if let Some(t) = &tables.partnerships {
            check(t, &self.partnerships, &PARTNERSHIP_FIELDS, &mut out);
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

/// What a column named `header` gives when it is a perspective's score of an actor (or of a
/// partnership, for `edges`): `FIELD [NAME]`.
pub(super) fn rating(header: &str, edges: bool) -> Option<Target> {
    use crate::io::export::perspectives::{actor_column, partnership_column};
    let (field, name) = if edges {
        partnership_column(header)?
    } else {
        actor_column(header)?
    };
    Some(Target::Rating {
        field,
        perspective: name.to_string(),
    })
}

/// Whether one of `targets` is the field `field`.
pub(super) fn gives(targets: &[Target], field: &str) -> bool {
    targets
        .iter()
        .any(|t| matches!(t, Target::Field(f) if *f == field))
}
