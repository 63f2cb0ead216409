//! GraphML import: `<key>` declarations (with their `attr.name`, `attr.type` and
//! `<default>`; an `attr.name` encoded as a name token is decoded, see
//! [`crate::io::export::text::name_token`]), `<node>` and `<edge>` elements with their
//! `<data>`, the graph's `<desc>` as the title (older exports) and the graph's own `<data>`
//! as the map's values (title, settings, …). Nodes
//! inside nested graphs (yEd's groups) are read as ordinary nodes; yEd's node graphics give
//! the label and the position when no attribute does. Directed or undirected, an edge's
//! source is `a` and its target `b`, unless the edge's own `a` and `b` data name them the
//! other way round (when they name other actors, source and target win, with a note).
//! A node's or edge's `id` data (igraph keeps the ids it renames `n0`, `n1`… so) numbers it.

use std::collections::HashSet;

use indexmap::IndexMap;

use super::xml::{Ev, XmlIn, attr};
use super::{
    Drawn, ImportError, Imported, Item, Kind, Place, Progress, Raw, Value, fields, map_key, xml_key,
};
use crate::io::export::text::{from_name_token, name_token};

#[derive(Clone, Debug)]
struct KeyDef {
    name: String,
    node: bool,
    edge: bool,
    kind: Kind,
    default: Option<String>,
    /// yEd's drawing of a node or edge (`yfiles.type="nodegraphics"` / `"edgegraphics"`).
    graphics: bool,
    /// networkx's copy of yEd's node shape ([`NETWORKX_SHAPE`]), left out.
    left_out: bool,
    /// The byte offset of the declaration.
    at: usize,
}

/// The node attribute networkx makes of yEd's `y:Shape` (which PartnerMap's GraphML writes,
/// by sector) and writes back: the drawing, not data about the actor.
const NETWORKX_SHAPE: &str = "shape_type";

fn kind(attr_type: Option<&str>) -> Kind {
    match attr_type.map(str::to_ascii_lowercase).as_deref() {
        Some("int" | "long" | "float" | "double" | "integer") => Kind::Number,
        Some("boolean") => Kind::Other,
        _ => Kind::Text,
    }
}

/// An open element: the index of its item in `raw.nodes` / `raw.edges` (kept in the order
/// the elements start) and the keys it gave.
enum Open {
    Graph,
    Node(usize, HashSet<String>),
    Edge(usize, HashSet<String>),
}

/// yEd's graphics: the first label's text and the geometry's centre.
fn graphics(xml: &mut XmlIn<'_>, item: &mut Item) -> Result<(), ImportError> {
    let mut depth = 1usize;
    // The depth inside the first label element, while in it.
    let mut in_label: Option<usize> = None;
    let mut label = String::new();
    let mut have_label = false;
    loop {
        match xml.next()? {
            Ev::Start { name, attrs, at } => {
                depth += 1;
                match name.as_str() {
                    "Geometry" if item.drawn.is_none() => {
                        item.drawn = Some(Drawn {
                            what: "y:Geometry",
                            at: Place::Byte(at),
                            position: geometry_centre(&attrs),
                        });
                    }
                    "NodeLabel" | "EdgeLabel" if !have_label && in_label.is_none() => {
                        in_label = Some(depth);
                    }
                    _ => {}
                }
            }
            Ev::End => {
                if in_label == Some(depth) {
                    in_label = None;
                    have_label = true;
                }
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Ev::Text(t) if in_label == Some(depth) => label.push_str(&t),
            Ev::Text(_) => {}
            Ev::Eof => break,
        }
    }
    let label = label.trim();
    if item.label.is_none() && !label.is_empty() {
        item.label = Some(label.to_string());
    }
    Ok(())
}

/// The centre of yEd's `y:Geometry` with the attributes `attrs` (its corner and size), or why
/// PartnerMap cannot draw it.
fn geometry_centre(attrs: &[(String, String)]) -> Result<(f64, f64), String> {
    let coordinate = |name: &str| fields::drawn_coordinate(name, attr(attrs, name));
    let size = |name: &str| attr(attrs, name).map_or(Ok(0.0), |_| coordinate(name));
    let centre = |corner: &str, size_name: &str| -> Result<f64, String> {
        let c = coordinate(corner)? + size(size_name)? / 2.0;
        if fields::drawable(c) {
            Ok(c)
        } else {
            let written = |n: &str| format!("{n}={}", attr(attrs, n).unwrap_or_default());
            Err(fields::beyond(&format!(
                "{} {}",
                written(corner),
                written(size_name)
            )))
        }
    };
    Ok((centre("x", "width")?, centre("y", "height")?))
}

/// Reads GraphML `text` into a map.
pub fn import(text: &str, progress: &Progress) -> Result<Imported, ImportError> {
    let mut xml = XmlIn::new(text);
    super::xml::expect_root(&mut xml, "graphml", "GraphML")?;
    let mut reader = Reader {
        xml,
        keys: IndexMap::new(),
        node_names: HashSet::new(),
        edge_names: HashSet::new(),
        stack: Vec::new(),
        raw: Raw {
            y_up: true,
            ..Raw::default()
        },
        issues: super::Issues::default(),
        shapes_left_out: false,
        hyperedges: Vec::new(),
        graphs: Vec::new(),
        nested_graphs: Vec::new(),
        other_data: Vec::new(),
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
    if reader.shapes_left_out {
        raw.notes.push(format!(
            "The node attribute {NETWORKX_SHAPE} (networkx's copy of yEd's node shapes) was left out."
        ));
    }
    raw.notes.extend(left_out);
    raw.text = Some(text);
    super::build(raw, progress)
}

/// A GraphML file being read, and what it declared and held so far.
struct Reader<'a> {
    /// The file's elements.
    xml: XmlIn<'a>,
    /// The `<key>` declarations by id, in file order.
    keys: IndexMap<String, KeyDef>,
    /// The attribute names declared for nodes.
    node_names: HashSet<String>,
    /// The attribute names declared for edges.
    edge_names: HashSet<String>,
    /// The open graphs, nodes and edges, innermost last.
    stack: Vec<Open>,
    /// What was read.
    raw: Raw<'a>,
    /// Problems found while reading.
    issues: super::Issues,
    /// Whether values of [`NETWORKX_SHAPE`] were left out (a note says so).
    shapes_left_out: bool,
    /// Where the hyperedges are (left out: a partnership joins two actors).
    hyperedges: Vec<usize>,
    /// Where the graphs of the document are (all are read into one map).
    graphs: Vec<usize>,
    /// Where the graphs inside nodes are (their nodes are read as ordinary nodes).
    nested_graphs: Vec<usize>,
    /// Where the `<data>` are that belong to nothing PartnerMap reads (the document, a
    /// nested graph), left out.
    other_data: Vec<usize>,
}

impl Reader<'_> {
    /// An element ends: a node or edge gets the defaults of the keys it did not give.
    fn end(&mut self) {
        match self.stack.pop() {
            Some(Open::Node(i, seen)) => {
                let node = &mut self.raw.nodes[i];
                defaults(&self.keys, &seen, true, node, &self.node_names);
            }
            Some(Open::Edge(i, seen)) => {
                let edge = &mut self.raw.edges[i];
                defaults(&self.keys, &seen, false, edge, &self.edge_names);
            }
            Some(Open::Graph) | None => {}
        }
    }

    /// The element `name` (with `attrs`, at byte `at`) starts.
    fn start(
        &mut self,
        name: &str,
        attrs: &[(String, String)],
        at: usize,
    ) -> Result<(), ImportError> {
        match name {
            "key" if self.stack.is_empty() => self.key(attrs, at)?,
            "graph" => {
                if self.stack.is_empty() {
                    self.graphs.push(at);
                } else {
                    self.nested_graphs.push(at);
                }
                self.stack.push(Open::Graph);
            }
            "hyperedge" => {
                self.hyperedges.push(at);
                self.xml.skip()?;
            }
            "desc" if matches!(self.stack.last(), Some(Open::Graph)) && self.stack.len() == 1 => {
                let desc = self.xml.text_content()?;
                if self.raw.title.is_none() {
                    self.raw.title = Some(super::title_text(&desc));
                }
            }
            "node" => {
                let item = Item {
                    at: Some(Place::Byte(at)),
                    id: attr(attrs, "id").map(|id| (id.to_string(), Place::Byte(at))),
                    ..Item::default()
                };
                self.raw.nodes.push(item);
                super::check_count(self.raw.nodes.len(), super::MAX_ITEMS, "actors")?;
                let i = self.raw.nodes.len() - 1;
                self.stack.push(Open::Node(i, HashSet::new()));
            }
            "edge" => {
                let end = |k: &str| attr(attrs, k).map(|v| (v.to_string(), Place::Byte(at)));
                let item = Item {
                    at: Some(Place::Byte(at)),
                    id: end("id"),
                    ends: [end("source"), end("target")],
                    ..Item::default()
                };
                self.raw.edges.push(item);
                super::check_count(self.raw.edges.len(), super::MAX_ITEMS, "partnerships")?;
                let i = self.raw.edges.len() - 1;
                self.stack.push(Open::Edge(i, HashSet::new()));
            }
            "data" => self.data(attrs, at)?,
            _ => self.xml.skip()?,
        }
        Ok(())
    }

    /// A `<key>` declaration (at the top level, at byte `at`). A second declaration of an id
    /// is a problem: which one the `<data>` mean would be a guess.
    fn key(&mut self, attrs: &[(String, String)], at: usize) -> Result<(), ImportError> {
        let id = attr(attrs, "id").unwrap_or_default().to_string();
        if let Some(first) = self.keys.get(&id) {
            self.issues.push(
                Place::Byte(at),
                format!(
                    "<key id=\"{id}\"> is declared a second time (first at {}); each key needs an id of its own",
                    self.xml.place(first.at)
                ),
            );
            return self.xml.skip();
        }
        let domain = attr(attrs, "for").unwrap_or("all").to_ascii_lowercase();
        let token = attr(attrs, "attr.name").unwrap_or(&id).to_string();
        // The key's children: its <default>, and a <desc> that holds the name as it is when
        // it encodes to the token (PartnerMap's export), else other descriptions.
        let (default, desc) = self.xml.declaration()?;
        let attr_name = match desc {
            Some(desc) if name_token(&desc) == token => desc,
            _ => from_name_token(&token),
        };
        let def = KeyDef {
            node: matches!(domain.as_str(), "node" | "all"),
            edge: matches!(domain.as_str(), "edge" | "all"),
            kind: kind(attr(attrs, "attr.type")),
            default,
            graphics: attr(attrs, "yfiles.type")
                .is_some_and(|t| t == "nodegraphics" || t == "edgegraphics"),
            left_out: attr_name == NETWORKX_SHAPE && domain == "node",
            name: attr_name,
            at,
        };
        if def.node {
            self.node_names.insert(def.name.clone());
        }
        if def.edge {
            self.edge_names.insert(def.name.clone());
        }
        self.keys.insert(id, def);
        Ok(())
    }

    /// A `<data>` element (at byte `at`): a value of the node or edge it is in, or of the
    /// graph itself; yEd's graphics give a label and a position.
    fn data(&mut self, attrs: &[(String, String)], at: usize) -> Result<(), ImportError> {
        let key_id = attr(attrs, "key").unwrap_or_default().to_string();
        let Some(def) = self.keys.get(&key_id).cloned() else {
            self.issues.push(
                Place::Byte(at),
                format!("<data key=\"{key_id}\"> uses a key that no <key> declares"),
            );
            return self.xml.skip();
        };
        let top_level = self.stack.len() == 1;
        let raw = &mut self.raw;
        let (item, seen, is_node, names) = match self.stack.last_mut() {
            Some(Open::Node(i, seen)) => (&mut raw.nodes[*i], seen, true, &self.node_names),
            Some(Open::Edge(i, seen)) => (&mut raw.edges[*i], seen, false, &self.edge_names),
            Some(Open::Graph) if top_level => {
                raw.map_values.push(Value {
                    key: map_key(&def.name),
                    text: self.xml.text_content()?,
                    kind: def.kind,
                    at: Place::Byte(at),
                });
                return Ok(());
            }
            _ => {
                self.other_data.push(at);
                return self.xml.skip();
            }
        };
        if def.graphics {
            return graphics(&mut self.xml, item);
        }
        if def.left_out {
            self.shapes_left_out = true;
            return self.xml.skip();
        }
        let content = self.xml.text_content()?;
        seen.insert(key_id);
        item.values.push(Value {
            key: xml_key(&def.name, !is_node, names),
            text: content,
            kind: def.kind,
            at: Place::Byte(at),
        });
        Ok(())
    }
}

impl Reader<'_> {
    /// The notes for what was read but left out: hyperedges, the grouping of nested graphs,
    /// values of the document or of nested graphs.
    fn left_out_notes(&self) -> Vec<String> {
        let places = |offsets: &[usize]| {
            let shown: Vec<String> = offsets
                .iter()
                .take(5)
                .map(|&at| self.xml.place(at).to_string())
                .collect();
            let more = if offsets.len() > 5 { "; …" } else { "" };
            format!("{}{more}", shown.join("; "))
        };
        let mut notes = Vec::new();
        if self.graphs.len() > 1 {
            notes.push(format!(
                "The file holds {} graphs; they were read into one map ({}).",
                self.graphs.len(),
                places(&self.graphs)
            ));
        }
        match self.hyperedges.len() {
            0 => {}
            n => notes.push(format!(
                "{n} {} left out ({}): a partnership joins two actors, a hyperedge any number.",
                if n == 1 {
                    "hyperedge was"
                } else {
                    "hyperedges were"
                },
                places(&self.hyperedges)
            )),
        }
        match self.nested_graphs.len() {
            0 => {}
            n => notes.push(format!(
                "The nodes of {} inside nodes (groups) were read as ordinary actors: the grouping was left out ({}).",
                if n == 1 { "1 graph".to_string() } else { format!("{n} graphs") },
                places(&self.nested_graphs)
            )),
        }
        match self.other_data.len() {
            0 => {}
            n => notes.push(format!(
                "{} of the document or of graphs inside nodes, which a map has no place for, {} left out ({}).",
                if n == 1 { "1 value".to_string() } else { format!("{n} values") },
                if n == 1 { "was" } else { "were" },
                places(&self.other_data)
            )),
        }
        notes
    }
}

/// Adds the declared defaults of the keys an item did not give (by id, or by name through
/// another key).
fn defaults(
    keys: &IndexMap<String, KeyDef>,
    seen: &HashSet<String>,
    node: bool,
    item: &mut Item,
    names: &HashSet<String>,
) {
    for (id, def) in keys {
        if (if node { def.node } else { def.edge })
            && !def.left_out
            && !seen.contains(id)
            && let Some(default) = &def.default
        {
            let key = xml_key(&def.name, !node, names);
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
