//! Finds where each actor, partnership and field stands in a RON project file, so that
//! problems found after parsing can be reported with a line and column.
//!
//! This is a light scan of the text (brackets, strings, comments), not a second parser: it is
//! only ever used on text that the real parser has already accepted.

mod scanner;

use crate::model::{Location, Problem, Subject};
use scanner::Scanner;

/// The place of one list item and of each of its fields.
#[derive(Clone, Debug, Default)]
pub struct ItemPlaces {
    /// Where the item starts.
    pub start: Option<Location>,
    /// Each field name and where it is written.
    pub fields: Vec<(String, Location)>,
}

impl ItemPlaces {
    fn field(&self, name: &str) -> Option<Location> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, l)| *l)
    }
}

/// The places of every item in the file.
#[derive(Clone, Debug, Default)]
pub struct Places {
    /// Actors, in file order.
    pub actors: Vec<ItemPlaces>,
    /// Partnerships, in file order.
    pub partnerships: Vec<ItemPlaces>,
    /// Top-level fields (`settings`, `meta`, …).
    pub top: ItemPlaces,
    /// Fields inside `settings`.
    pub settings: ItemPlaces,
    /// Fields inside `meta`.
    pub meta: ItemPlaces,
    /// Snapshots, in file order.
    pub snapshots: Vec<SnapshotPlaces>,
    /// Perspectives, in file order (laid out as snapshots are).
    pub perspectives: Vec<SnapshotPlaces>,
}

/// The places inside one snapshot: its own fields, then its actors and partnerships.
#[derive(Clone, Debug, Default)]
pub struct SnapshotPlaces {
    /// The snapshot's start and its fields (`name`, `date`, …).
    pub own: ItemPlaces,
    /// Its actors, in file order.
    pub actors: Vec<ItemPlaces>,
    /// Its partnerships, in file order.
    pub partnerships: Vec<ItemPlaces>,
}

impl Places {
    /// The best location for `problem`: its field, else its item, else nothing.
    pub fn locate(&self, problem: &Problem) -> Option<Location> {
        let field = problem.field.as_deref().unwrap_or("");
        let item = match &problem.subject {
            Subject::Actor { index, .. } => self.actors.get(*index),
            Subject::Partnership { index, .. } => self.partnerships.get(*index),
            Subject::Snapshot { index, .. } => self.snapshots.get(*index).map(|s| &s.own),
            Subject::Perspective { index, .. } => self.perspectives.get(*index).map(|s| &s.own),
            Subject::InSnapshot {
                snapshot: at,
                inner,
                ..
            }
            | Subject::InPerspective {
                perspective: at,
                inner,
                ..
            } => {
                let groups = match problem.subject {
                    Subject::InSnapshot { .. } => &self.snapshots,
                    _ => &self.perspectives,
                };
                let places = groups.get(*at)?;
                let item = match **inner {
                    Subject::Actor { index, .. } => places.actors.get(index),
                    Subject::Partnership { index, .. } => places.partnerships.get(index),
                    _ => None,
                };
                return match item {
                    Some(item) => item.field(field).or(item.start),
                    None => places.own.start,
                };
            }
            Subject::Settings => {
                return self
                    .settings
                    .field(field.split('.').next().unwrap_or(field))
                    .or_else(|| self.top.field("settings"));
            }
            Subject::Meta => return self.meta.field(field).or_else(|| self.top.field("meta")),
            Subject::Map => return self.top.field(field),
        }?;
        item.field(field).or(item.start)
    }
}

/// Scans `text` for the places of items and fields.
pub fn scan(text: &str) -> Places {
    let mut s = Scanner::new(text);
    let mut walk = Walk::default();
    while let Some(c) = s.peek() {
        let loc = s.here();
        match c {
            '/' => {
                s.skip_slash();
                walk.pending_ident = None;
            }
            '"' | '\'' => {
                s.skip_quoted(c);
                walk.pending_ident = None;
            }
            '#' if walk.stack.is_empty() => s.skip_attribute(),
            '(' | '[' | '{' => {
                s.bump();
                walk.open(c, loc);
            }
            ')' | ']' | '}' => {
                s.bump();
                walk.stack.pop();
                walk.pending_ident = None;
            }
            ':' => {
                s.bump();
                walk.colon();
            }
            c if c.is_alphabetic() || c == '_' => {
                let ident = s.ident();
                if ident == "r" && s.at_raw_string() {
                    s.skip_raw_string();
                    walk.pending_ident = None;
                } else {
                    walk.pending_ident = Some((ident, loc));
                }
            }
            c if c.is_whitespace() => {
                s.bump();
            }
            _ => {
                s.bump();
                walk.pending_ident = None;
            }
        }
    }
    walk.places
}

/// The snapshots or perspectives of `places`, when the scan is in one of those lists
/// (`top_field`).
fn groups<'a>(top_field: &str, places: &'a mut Places) -> Option<&'a mut Vec<SnapshotPlaces>> {
    match top_field {
        "snapshots" => Some(&mut places.snapshots),
        "perspectives" => Some(&mut places.perspectives),
        _ => None,
    }
}

/// Where a scan is in the file's structure, and the places found so far.
#[derive(Default)]
struct Walk {
    /// The places found so far.
    places: Places,
    /// The open brackets, innermost last.
    stack: Vec<char>,
    /// The top-level field whose value the scan is in.
    top_field: String,
    /// The identifier just read, which names a field when a `:` follows.
    pending_ident: Option<(String, Location)>,
    /// Inside a snapshot, the field whose value the scan is in (`actors`, …).
    snapshot_field: String,
}

impl Walk {
    /// The bracket `c` at `loc` opens; a `(` directly inside the actors or partnerships
    /// list starts a new item.
    fn open(&mut self, c: char, loc: Location) {
        self.stack.push(c);
        if c == '(' && self.stack.len() == 3 && self.stack[1] == '[' {
            let item = ItemPlaces {
                start: Some(loc),
                fields: Vec::new(),
            };
            match self.top_field.as_str() {
                "actors" => self.places.actors.push(item),
                "partnerships" => self.places.partnerships.push(item),
                _ => {
                    if let Some(groups) = groups(&self.top_field, &mut self.places) {
                        groups.push(SnapshotPlaces {
                            own: item,
                            ..SnapshotPlaces::default()
                        });
                    }
                }
            }
        } else if c == '('
            && self.stack.len() == 5
            && self.stack[3] == '['
            && let Some(snapshot) =
                groups(&self.top_field, &mut self.places).and_then(|g| g.last_mut())
        {
            let item = ItemPlaces {
                start: Some(loc),
                fields: Vec::new(),
            };
            match self.snapshot_field.as_str() {
                "actors" => snapshot.actors.push(item),
                "partnerships" => snapshot.partnerships.push(item),
                _ => {}
            }
        }
        self.pending_ident = None;
    }

    /// A `:`: the identifier before it names a field, recorded where it stands (at the top
    /// level, in `settings` or `meta`, or in an actor or partnership).
    fn colon(&mut self) {
        let Some((name, at)) = self.pending_ident.take() else {
            return;
        };
        let places = &mut self.places;
        match self.stack.len() {
            1 => {
                self.top_field = name.clone();
                places.top.fields.push((name, at));
            }
            2 if self.top_field == "settings" => places.settings.fields.push((name, at)),
            2 if self.top_field == "meta" => places.meta.fields.push((name, at)),
            3 if self.stack[1] == '[' => {
                let list = match self.top_field.as_str() {
                    "actors" => places.actors.last_mut(),
                    "partnerships" => places.partnerships.last_mut(),
                    "snapshots" | "perspectives" => {
                        self.snapshot_field = name.clone();
                        let groups = if self.top_field == "snapshots" {
                            &mut places.snapshots
                        } else {
                            &mut places.perspectives
                        };
                        groups.last_mut().map(|s| &mut s.own)
                    }
                    _ => None,
                };
                if let Some(item) = list {
                    item.fields.push((name, at));
                }
            }
            5 if self.stack[3] == '[' => {
                let snapshot = groups(&self.top_field, places).and_then(|g| g.last_mut());
                let item = snapshot.and_then(|s| match self.snapshot_field.as_str() {
                    "actors" => s.actors.last_mut(),
                    "partnerships" => s.partnerships.last_mut(),
                    _ => None,
                });
                if let Some(item) = item {
                    item.fields.push((name, at));
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_items_and_fields_past_strings_and_comments() {
        let text = "#![enable(implicit_some)]\n(\n  format: \"partnermap\", // a: b\n  actors: [\n    (id: 1, name: \"a: (\\\"x\",),\n    /* (id: 9) */ (\n      id: 2,\n      name: r#\"b\"#,\n    ),\n  ],\n  partnerships: [(id: 1, a: 1, b: 2)],\n)";
        let p = scan(text);
        assert_eq!(p.actors.len(), 2);
        assert_eq!(
            p.actors[0].field("name"),
            Some(Location {
                line: 5,
                column: 13
            })
        );
        assert_eq!(
            p.actors[1].start,
            Some(Location {
                line: 6,
                column: 19
            })
        );
        assert_eq!(
            p.actors[1].field("id"),
            Some(Location { line: 7, column: 7 })
        );
        assert_eq!(p.partnerships.len(), 1);
        assert_eq!(
            p.partnerships[0].field("b"),
            Some(Location {
                line: 11,
                column: 32
            })
        );
        assert_eq!(p.top.field("format"), Some(Location { line: 3, column: 3 }));
    }
}
