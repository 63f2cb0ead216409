//! GEXF import (1.1, 1.2 and 1.3): the declared node and edge attributes (with their type
//! and `<default>`), nodes with their `label`, `<attvalues>` and `viz:position`, edges with
//! their `label` and `weight`, the `<meta>` description as the title, and the map's own
//! values from PartnerMap's `<?partnermap name value?>` processing instructions (older
//! exports: its `<partnermap:map>` in `<meta>`). A node's or edge's
//! `start` and `end` XML attributes (GEXF's time span, where networkx writes attributes so
//! named) give those values when no attvalue does; networkx's `networkx_key` is left out,
//! with a note. Nodes inside nodes
//! (hierarchies) are read as ordinary nodes. An edge's source is `a`, its target `b`, unless
//! the edge's own `a` and `b` attributes name them the other way round.
//!
//! GEXF's y axis points up, the canvas's down: `viz:position` y is negated, and so is the `y`
//! attribute (see [`crate::io::export::attributes`]; not in older PartnerMap files).

use std::collections::HashSet;

use indexmap::IndexMap;

use super::xml::{Ev, XmlIn, attr};
use super::{
    Drawn, ImportError, Imported, Item, Key, Kind, Place, Progress, Raw, Value, fields, map_key,
    xml_key,
};

#[derive(Clone, Debug)]
struct AttrDef {
    title: String,
    kind: Kind,
    default: Option<String>,
    /// The byte offset of the declaration.
    at: usize,
}

fn kind(ty: Option<&str>) -> Kind {
    match ty.map(str::to_ascii_lowercase).as_deref() {
        Some(
            "integer" | "long" | "float" | "double" | "int" | "short" | "byte" | "bigdecimal"
            | "biginteger",
        ) => Kind::Number,
        Some("boolean") => Kind::Other,
        _ => Kind::Text,
    }
}

/// The attribute networkx adds to the edges of a multigraph to number parallel edges: its
/// own bookkeeping, not data about the partnership.
const NETWORKX_KEY: &str = "networkx_key";

#[derive(Default)]
struct Class {
    defs: IndexMap<String, AttrDef>,
    titles: HashSet<String>,
    /// The ids of attributes left out ([`NETWORKX_KEY`]).
    left_out: HashSet<String>,
}

/// An open element: nodes and edges by their index in `raw.nodes` / `raw.edges` (kept in
/// the order the elements start) with the attributes they gave.
enum Open {
    Node(usize, HashSet<String>),
    Edge(usize, HashSet<String>),
    /// `<meta>`.
    Meta,
    /// `<graph>`, `<nodes>`, `<edges>`, `<attvalues>`.
    Container,
}

/// Reads the `<attribute>` declarations of one `<attributes>` element; a second declaration
/// of an id is a problem (which one the values mean would be a guess).
fn declarations(
    xml: &mut XmlIn<'_>,
    class: &mut Class,
    issues: &mut super::Issues,
) -> Result<(), ImportError> {
    loop {
        match xml.next()? {
            Ev::Start { name, attrs, at } if name == "attribute" => {
                let id = attr(&attrs, "id").unwrap_or_default().to_string();
                let title = attr(&attrs, "title").unwrap_or(&id).to_string();
                let def = AttrDef {
                    title,
                    kind: kind(attr(&attrs, "type")),
                    default: xml.default_value()?,
                    at,
                };
                if let Some(first) = class.defs.get(&id) {
                    issues.push(
                        Place::Byte(at),
                        format!(
                            "<attribute id=\"{id}\"> is declared a second time (first at {}); each attribute needs an id of its own",
                            xml.place(first.at)
                        ),
                    );
                    continue;
                }
                if def.title == NETWORKX_KEY {
                    class.left_out.insert(id);
                    continue;
                }
                class.titles.insert(def.title.clone());
                class.defs.insert(id, def);
            }
            Ev::Start { .. } => xml.skip()?,
            Ev::End | Ev::Eof => return Ok(()),
            Ev::Text(_) => {}
        }
    }
}

/// Reads the `<value name value>` children of PartnerMap's `<partnermap:map>` (the map's own
/// values) into `raw.map_values`.
fn map_values(xml: &mut XmlIn<'_>, raw: &mut Raw<'_>) -> Result<(), ImportError> {
    loop {
        match xml.next()? {
            Ev::Start { name, attrs, at } if name == "value" => {
                if let Some(field) = attr(&attrs, "name") {
                    raw.map_values.push(Value {
                        key: map_key(field),
                        text: attr(&attrs, "value").unwrap_or_default().to_string(),
                        kind: Kind::Text,
                        at: Place::Byte(at),
                    });
                }
                xml.skip()?;
            }
            Ev::Start { .. } => xml.skip()?,
            Ev::End | Ev::Eof => return Ok(()),
            Ev::Text(_) => {}
        }
    }
}

/// Reads GEXF `text` into a map.
pub fn import(text: &str, progress: &Progress) -> Result<Imported, ImportError> {
    let mut xml = XmlIn::new(text);
    super::xml::expect_root(&mut xml, "gexf", "GEXF")?;
    let mut reader = Reader {
        xml,
        nodes: Class::default(),
        edges: Class::default(),
        stack: Vec::new(),
        raw: Raw {
            y_up: true,
            ..Raw::default()
        },
        issues: super::Issues::default(),
        networkx_keys: false,
        hierarchy: Vec::new(),
        spans_left: Vec::new(),
    };
    let mut steps = 0usize;
    loop {
        super::xml::step(&reader.xml, &mut steps, progress)?;
        match reader.xml.next()? {
            Ev::Eof => break,
            Ev::Text(_) => {}
            Ev::End => reader.end(),
            Ev::Start { name, attrs, at } => reader.start(&name, &attrs, at)?,
        }
    }
    let left_out = reader.left_out_notes();
    super::xml::problems(text, reader.issues)?;
    let mut raw = reader.raw;
    for (attrs, at) in std::mem::take(&mut reader.xml.instructions) {
        if let Some(field) = attr(&attrs, "name") {
            raw.map_values.push(Value {
                key: map_key(field),
                text: attr(&attrs, "value").unwrap_or_default().to_string(),
                kind: Kind::Text,
                at: Place::Byte(at),
            });
        }
    }
    if reader.networkx_keys {
        raw.notes.push(format!(
            "The edge attribute {NETWORKX_KEY} (networkx's numbering of parallel edges) was left out."
        ));
    }
    raw.notes.extend(left_out);
    raw.text = Some(text);
    super::build(raw, progress)
}

/// A GEXF file being read, and what it declared and held so far.
struct Reader<'a> {
    /// The file's elements.
    xml: XmlIn<'a>,
    /// The declared node attributes.
    nodes: Class,
    /// The declared edge attributes.
    edges: Class,
    /// The open elements that matter, innermost last.
    stack: Vec<Open>,
    /// What was read.
    raw: Raw<'a>,
    /// Problems found while reading.
    issues: super::Issues,
    /// Whether values of [`NETWORKX_KEY`] were left out (a note says so).
    networkx_keys: bool,
    /// The nodes (by index) inside other nodes or with parents: the hierarchy is left out.
    hierarchy: Vec<usize>,
    /// The time spans (`start`, `end`) left for an attribute of the same name that says
    /// otherwise, each with its item and place.
    spans_left: Vec<String>,
}

impl Reader<'_> {
    /// An element ends: a node or edge gets the defaults of the attributes it did not give,
    /// and its time span gives way to attributes of the same name (a note says where they
    /// disagree).
    fn end(&mut self) {
        let (item, what) = match self.stack.pop() {
            Some(Open::Node(i, seen)) => {
                defaults(&self.nodes, &seen, false, &mut self.raw.nodes[i]);
                (&mut self.raw.nodes[i], "node")
            }
            Some(Open::Edge(i, seen)) => {
                defaults(&self.edges, &seen, true, &mut self.raw.edges[i]);
                (&mut self.raw.edges[i], "edge")
            }
            Some(Open::Meta | Open::Container) | None => return,
        };
        // The time span gives way to an attribute of the same name (the spans come first,
        // and are the only values without a declared type).
        let spans = item
            .values
            .iter()
            .take_while(|v| v.kind == Kind::Untyped)
            .count();
        for i in (0..spans).rev() {
            let span = &item.values[i];
            let Some(other) = item.values[spans..].iter().find(|v| v.key == span.key) else {
                continue;
            };
            if other.text != span.text {
                let who = item
                    .id
                    .as_ref()
                    .map_or(String::new(), |(id, _)| format!(" \"{id}\""));
                let name = span.key.name();
                self.spans_left.push(format!(
                    "{what}{who} ({}): {name}=\"{}\" (the attribute says \"{}\")",
                    self.xml.place(match span.at {
                        Place::Byte(b) => b,
                        _ => 0,
                    }),
                    span.text,
                    other.text
                ));
            }
            item.values.remove(i);
        }
    }

    /// The notes for what was read but left out: the hierarchy of nodes, time spans that
    /// other values contradict.
    fn left_out_notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.hierarchy.is_empty() {
            let n = self.hierarchy.len();
            let places: Vec<String> = self
                .hierarchy
                .iter()
                .take(5)
                .filter_map(|&i| match self.raw.nodes.get(i)?.at {
                    Some(Place::Byte(b)) => Some(self.xml.place(b).to_string()),
                    _ => None,
                })
                .collect();
            let more = if n > 5 { "; …" } else { "" };
            notes.push(format!(
                "{} inside other nodes or with parents (a GEXF hierarchy) {} read as ordinary actors: the hierarchy was left out ({}{more}).",
                if n == 1 { "1 node".to_string() } else { format!("{n} nodes") },
                if n == 1 { "was" } else { "were" },
                places.join("; ")
            ));
        }
        if !self.spans_left.is_empty() {
            let n = self.spans_left.len();
            let shown: Vec<&str> = self.spans_left.iter().take(5).map(String::as_str).collect();
            let more = if n > 5 { "; …" } else { "" };
            notes.push(format!(
                "{} (GEXF's start and end of an item) {} left out for an attribute of the same name that says otherwise: {}{more}.",
                if n == 1 { "1 time span".to_string() } else { format!("{n} time spans") },
                if n == 1 { "was" } else { "were" },
                shown.join("; ")
            ));
        }
        notes
    }

    /// The element `name` (with `attrs`, at byte `at`) starts.
    fn start(
        &mut self,
        name: &str,
        attrs: &[(String, String)],
        at: usize,
    ) -> Result<(), ImportError> {
        match name {
            "meta" => self.stack.push(Open::Meta),
            "graph" | "nodes" | "edges" | "attvalues" => self.stack.push(Open::Container),
            "map" if matches!(self.stack.last(), Some(Open::Meta)) => {
                map_values(&mut self.xml, &mut self.raw)?;
            }
            "description" | "title"
                if !self
                    .stack
                    .iter()
                    .any(|o| matches!(o, Open::Node(..) | Open::Edge(..))) =>
            {
                let t = self.xml.text_content()?;
                if self.raw.title.is_none() || name == "title" {
                    self.raw.title = Some(super::title_text(&t));
                }
            }
            "attributes" => match attr(attrs, "class") {
                Some("edge") => declarations(&mut self.xml, &mut self.edges, &mut self.issues)?,
                Some("node") => declarations(&mut self.xml, &mut self.nodes, &mut self.issues)?,
                _ => self.xml.skip()?,
            },
            "parents" | "parent" => {
                if let Some(&Open::Node(i, _)) = self.stack.last()
                    && self.hierarchy.last() != Some(&i)
                {
                    self.hierarchy.push(i);
                }
                self.xml.skip()?;
            }
            "node" => self.node(attrs, at)?,
            "edge" => self.edge(attrs, at)?,
            "attvalue" => self.attvalue(attrs, at)?,
            "position" => {
                if let Some(Open::Node(i, _)) = self.stack.last() {
                    let coordinate = |k: &str| fields::drawn_coordinate(k, attr(attrs, k));
                    let position = coordinate("x").and_then(|x| Ok((x, -coordinate("y")?)));
                    self.raw.nodes[*i].drawn = Some(Drawn {
                        what: "viz:position",
                        at: Place::Byte(at),
                        position,
                    });
                }
                self.xml.skip()?;
            }
            _ => self.xml.skip()?,
        }
        Ok(())
    }

    /// A `<node>` (at byte `at`) starts. A node inside another, or with a parent (`pid`),
    /// is read as an ordinary node, and a note says that the hierarchy was left out.
    fn node(&mut self, attrs: &[(String, String)], at: usize) -> Result<(), ImportError> {
        let inside = self.stack.iter().any(|o| matches!(o, Open::Node(..)));
        if inside || attr(attrs, "pid").is_some() {
            self.hierarchy.push(self.raw.nodes.len());
        }
        let mut item = Item {
            at: Some(Place::Byte(at)),
            id: attr(attrs, "id").map(|id| (id.to_string(), Place::Byte(at))),
            label: attr(attrs, "label").map(str::to_string),
            ..Item::default()
        };
        time_span(attrs, at, false, &self.nodes, &mut item);
        self.raw.nodes.push(item);
        super::check_count(self.raw.nodes.len(), super::MAX_ITEMS, "actors")?;
        let i = self.raw.nodes.len() - 1;
        self.stack.push(Open::Node(i, HashSet::new()));
        Ok(())
    }

    /// An `<edge>` (at byte `at`) starts; its `weight`, unless an attribute is so named, is
    /// a custom value.
    fn edge(&mut self, attrs: &[(String, String)], at: usize) -> Result<(), ImportError> {
        let end = |k: &str| attr(attrs, k).map(|v| (v.to_string(), Place::Byte(at)));
        let mut item = Item {
            at: Some(Place::Byte(at)),
            id: end("id"),
            ends: [end("source"), end("target")],
            label: attr(attrs, "label").map(str::to_string),
            ..Item::default()
        };
        time_span(attrs, at, true, &self.edges, &mut item);
        if let Some(w) = attr(attrs, "weight")
            && !self.edges.titles.contains("weight")
        {
            item.values.push(Value {
                key: Key::Custom("weight".into()),
                text: w.to_string(),
                kind: Kind::Number,
                at: Place::Byte(at),
            });
        }
        self.raw.edges.push(item);
        super::check_count(self.raw.edges.len(), super::MAX_ITEMS, "partnerships")?;
        let i = self.raw.edges.len() - 1;
        self.stack.push(Open::Edge(i, HashSet::new()));
        Ok(())
    }

    /// An `<attvalue>` (at byte `at`): a value of the innermost node or edge, whose
    /// `<attvalues>` it sits in.
    fn attvalue(&mut self, attrs: &[(String, String)], at: usize) -> Result<(), ImportError> {
        let id = attr(attrs, "for")
            .or_else(|| attr(attrs, "id"))
            .unwrap_or_default()
            .to_string();
        let value = attr(attrs, "value").unwrap_or_default().to_string();
        let owner = self
            .stack
            .iter_mut()
            .rev()
            .find(|o| matches!(o, Open::Node(..) | Open::Edge(..)));
        let raw = &mut self.raw;
        let (item, seen, class, is_edge) = match owner {
            Some(Open::Node(i, seen)) => (&mut raw.nodes[*i], seen, &self.nodes, false),
            Some(Open::Edge(i, seen)) => (&mut raw.edges[*i], seen, &self.edges, true),
            _ => return self.xml.skip(),
        };
        self.xml.skip()?;
        if class.left_out.contains(&id) {
            self.networkx_keys = true;
            return Ok(());
        }
        let Some(def) = class.defs.get(&id) else {
            self.issues.push(
                Place::Byte(at),
                format!("<attvalue for=\"{id}\"> names an attribute that is not declared"),
            );
            return Ok(());
        };
        seen.insert(id);
        item.values.push(Value {
            key: xml_key(&def.title, is_edge, &class.titles),
            text: value,
            kind: def.kind,
            at: Place::Byte(at),
        });
        Ok(())
    }
}

/// The `start` and `end` of a node or edge written as its XML attributes (GEXF's time span;
/// networkx writes attributes so named there), as values, before the `<attvalues>` so that
/// an attvalue of the same name wins.
fn time_span(attrs: &[(String, String)], at: usize, edge: bool, class: &Class, item: &mut Item) {
    for name in ["start", "end"] {
        if let Some(text) = attr(attrs, name) {
            item.values.push(Value {
                key: xml_key(name, edge, &class.titles),
                text: text.to_string(),
                kind: Kind::Untyped,
                at: Place::Byte(at),
            });
        }
    }
}

/// Adds the declared defaults of the attributes an item did not give (by id, or by name
/// through another attribute).
fn defaults(class: &Class, seen: &HashSet<String>, edge: bool, item: &mut Item) {
    for (id, def) in &class.defs {
        if !seen.contains(id)
            && let Some(default) = &def.default
        {
            let key = xml_key(&def.title, edge, &class.titles);
            if item.values.iter().any(|v| v.key == key) {
                continue;
            }
            item.values.push(Value {
                key,
                text: default.clone(),
                kind: def.kind,
                at: item.at.clone().unwrap_or(Place::File),
            });
        }
    }
}
