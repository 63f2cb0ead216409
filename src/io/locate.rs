//! Finds where each actor, partnership and field stands in a RON project file, so that
//! problems found after parsing can be reported with a line and column.
//!
//! This is a light scan of the text (brackets, strings, comments), not a second parser: it is
//! only ever used on text that the real parser has already accepted.

use crate::model::{Location, Problem, Subject};

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
}

impl Places {
    /// The best location for `problem`: its field, else its item, else nothing.
    pub fn locate(&self, problem: &Problem) -> Option<Location> {
        let field = problem.field.as_deref().unwrap_or("");
        let item = match problem.subject {
            Subject::Actor { index, .. } => self.actors.get(index),
            Subject::Partnership { index, .. } => self.partnerships.get(index),
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

struct Scanner<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: usize,
    column: usize,
}

impl Scanner<'_> {
    fn bump(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|(_, c)| *c)
    }

    fn here(&self) -> Location {
        Location {
            line: self.line,
            column: self.column,
        }
    }
}

/// Scans `text` for the places of items and fields.
pub fn scan(text: &str) -> Places {
    let mut s = Scanner {
        chars: text.char_indices().peekable(),
        line: 1,
        column: 1,
    };
    let mut places = Places::default();
    // The open brackets, innermost last.
    let mut stack: Vec<char> = Vec::new();
    // The top-level field whose value we are in, and the nested field at depth 2.
    let mut top_field = String::new();
    let mut pending_ident: Option<(String, Location)> = None;
    while let Some(c) = s.peek() {
        let loc = s.here();
        match c {
            '/' => {
                s.bump();
                match s.peek() {
                    Some('/') => {
                        while let Some(c) = s.bump() {
                            if c == '\n' {
                                break;
                            }
                        }
                    }
                    Some('*') => {
                        s.bump();
                        let mut depth = 1;
                        let mut prev = '\0';
                        while let Some(c) = s.bump() {
                            if prev == '/' && c == '*' {
                                depth += 1;
                                prev = '\0';
                                continue;
                            }
                            if prev == '*' && c == '/' {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                                prev = '\0';
                                continue;
                            }
                            prev = c;
                        }
                    }
                    _ => {}
                }
                pending_ident = None;
            }
            '"' => {
                s.bump();
                while let Some(c) = s.bump() {
                    match c {
                        '\\' => {
                            s.bump();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                pending_ident = None;
            }
            '#' if stack.is_empty() => {
                // An attribute such as `#![enable(implicit_some)]`.
                s.bump();
                let mut depth = 0;
                while let Some(c) = s.bump() {
                    match c {
                        '[' => depth += 1,
                        ']' => {
                            depth -= 1;
                            if depth <= 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            '(' | '[' | '{' => {
                s.bump();
                stack.push(c);
                // A new list item: `(` directly inside the actors or partnerships list.
                if c == '(' && stack.len() == 3 && stack[1] == '[' {
                    let item = ItemPlaces {
                        start: Some(loc),
                        fields: Vec::new(),
                    };
                    match top_field.as_str() {
                        "actors" => places.actors.push(item),
                        "partnerships" => places.partnerships.push(item),
                        _ => {}
                    }
                }
                pending_ident = None;
            }
            ')' | ']' | '}' => {
                s.bump();
                stack.pop();
                pending_ident = None;
            }
            ':' => {
                s.bump();
                if let Some((name, at)) = pending_ident.take() {
                    match stack.len() {
                        1 => {
                            top_field = name.clone();
                            places.top.fields.push((name, at));
                        }
                        2 if top_field == "settings" => places.settings.fields.push((name, at)),
                        2 if top_field == "meta" => places.meta.fields.push((name, at)),
                        3 if stack[1] == '[' => {
                            let list = match top_field.as_str() {
                                "actors" => places.actors.last_mut(),
                                "partnerships" => places.partnerships.last_mut(),
                                _ => None,
                            };
                            if let Some(item) = list {
                                item.fields.push((name, at));
                            }
                        }
                        _ => {}
                    }
                }
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut ident = String::new();
                while let Some(c) = s.peek() {
                    if c.is_alphanumeric() || c == '_' {
                        ident.push(c);
                        s.bump();
                    } else {
                        break;
                    }
                }
                // `r"…"` and `r#"…"#` raw strings.
                if ident == "r" && matches!(s.peek(), Some('"') | Some('#')) {
                    let mut hashes = 0;
                    while s.peek() == Some('#') {
                        hashes += 1;
                        s.bump();
                    }
                    if s.peek() == Some('"') {
                        s.bump();
                        'raw: while let Some(c) = s.bump() {
                            if c == '"' {
                                let mut n = 0;
                                while n < hashes && s.peek() == Some('#') {
                                    s.bump();
                                    n += 1;
                                }
                                if n == hashes {
                                    break 'raw;
                                }
                            }
                        }
                    }
                    pending_ident = None;
                } else {
                    pending_ident = Some((ident, loc));
                }
            }
            '\'' => {
                s.bump();
                while let Some(c) = s.bump() {
                    match c {
                        '\\' => {
                            s.bump();
                        }
                        '\'' => break,
                        _ => {}
                    }
                }
                pending_ident = None;
            }
            c if c.is_whitespace() => {
                s.bump();
            }
            _ => {
                s.bump();
                pending_ident = None;
            }
        }
    }
    places
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
