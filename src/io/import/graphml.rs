//! GraphML import: `<key>` declarations (with their `attr.name`, `attr.type` and
//! `<default>`), `<node>` and `<edge>` elements with their `<data>`, the graph's `<desc>` as
//! the title and the graph's own `<data>` as the map's values (title, settings, …). Nodes
//! inside nested graphs (yEd's groups) are read as ordinary nodes; yEd's node graphics give
//! the label and the position when no attribute does. Directed or undirected, an edge's
//! source is `a` and its target `b`, unless the edge's own `a` and `b` data name them the
//! other way round.

use std::collections::HashSet;

use indexmap::IndexMap;

use super::xml::{Ev, XmlIn, attr};
use super::{ImportError, Imported, Item, Kind, Place, Progress, Raw, Value, map_key, xml_key};

#[derive(Clone, Debug)]
struct KeyDef {
    name: String,
    node: bool,
    edge: bool,
    kind: Kind,
    default: Option<String>,
    /// yEd's drawing of a node or edge (`yfiles.type="nodegraphics"` / `"edgegraphics"`).
    graphics: bool,
}

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
            Ev::Start { name, attrs, .. } => {
                depth += 1;
                match name.as_str() {
                    "Geometry" if item.drawn_at.is_none() => {
                        let num = |k: &str| attr(&attrs, k).and_then(|v| v.parse::<f64>().ok());
                        if let (Some(x), Some(y)) = (num("x"), num("y")) {
                            let (w, h) =
                                (num("width").unwrap_or(0.0), num("height").unwrap_or(0.0));
                            item.drawn_at = Some((x + w / 2.0, y + h / 2.0));
                        }
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

/// Reads GraphML `text` into a map.
pub fn import(text: &str, progress: &Progress) -> Result<Imported, ImportError> {
    let mut xml = XmlIn::new(text);
    super::xml::expect_root(&mut xml, "graphml", "GraphML")?;
    let mut keys: IndexMap<String, KeyDef> = IndexMap::new();
    let mut node_names: HashSet<String> = HashSet::new();
    let mut edge_names: HashSet<String> = HashSet::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut raw = Raw::default();
    let mut issues = super::Issues::default();
    let mut steps = 0usize;
    loop {
        super::xml::step(&xml, &mut steps, progress)?;
        match xml.next()? {
            Ev::Eof => break,
            Ev::Text(_) => {}
            Ev::End => match stack.pop() {
                Some(Open::Node(i, seen)) => {
                    defaults(&keys, &seen, true, &mut raw.nodes[i], &node_names);
                }
                Some(Open::Edge(i, seen)) => {
                    defaults(&keys, &seen, false, &mut raw.edges[i], &edge_names);
                }
                Some(Open::Graph) | None => {}
            },
            Ev::Start { name, attrs, at } => match name.as_str() {
                "key" if stack.is_empty() => {
                    let id = attr(&attrs, "id").unwrap_or_default().to_string();
                    let domain = attr(&attrs, "for").unwrap_or("all").to_ascii_lowercase();
                    let attr_name = attr(&attrs, "attr.name").unwrap_or(&id).to_string();
                    let def = KeyDef {
                        node: matches!(domain.as_str(), "node" | "all"),
                        edge: matches!(domain.as_str(), "edge" | "all"),
                        kind: kind(attr(&attrs, "attr.type")),
                        // The key's children: its <default>, and descriptions to skip.
                        default: xml.default_value()?,
                        graphics: attr(&attrs, "yfiles.type")
                            .is_some_and(|t| t == "nodegraphics" || t == "edgegraphics"),
                        name: attr_name,
                    };
                    if def.node {
                        node_names.insert(def.name.clone());
                    }
                    if def.edge {
                        edge_names.insert(def.name.clone());
                    }
                    keys.insert(id, def);
                }
                "graph" => stack.push(Open::Graph),
                "desc" if matches!(stack.last(), Some(Open::Graph)) && stack.len() == 1 => {
                    let desc = xml.text_content()?;
                    if raw.title.is_none() {
                        raw.title = Some(super::title_text(&desc));
                    }
                }
                "node" => {
                    let item = Item {
                        at: Some(Place::Byte(at)),
                        id: attr(&attrs, "id").map(|id| (id.to_string(), Place::Byte(at))),
                        ..Item::default()
                    };
                    raw.nodes.push(item);
                    super::check_count(raw.nodes.len(), super::MAX_ITEMS, "actors")?;
                    stack.push(Open::Node(raw.nodes.len() - 1, HashSet::new()));
                }
                "edge" => {
                    let end = |k: &str| attr(&attrs, k).map(|v| (v.to_string(), Place::Byte(at)));
                    let item = Item {
                        at: Some(Place::Byte(at)),
                        id: end("id"),
                        ends: [end("source"), end("target")],
                        ..Item::default()
                    };
                    raw.edges.push(item);
                    super::check_count(raw.edges.len(), super::MAX_ITEMS, "partnerships")?;
                    stack.push(Open::Edge(raw.edges.len() - 1, HashSet::new()));
                }
                "data" => {
                    let key_id = attr(&attrs, "key").unwrap_or_default().to_string();
                    let Some(def) = keys.get(&key_id).cloned() else {
                        issues.push(
                            Place::Byte(at),
                            format!("<data key=\"{key_id}\"> uses a key that no <key> declares"),
                        );
                        xml.skip()?;
                        continue;
                    };
                    let top_level = stack.len() == 1;
                    let (item, seen, is_node, names) = match stack.last_mut() {
                        Some(Open::Node(i, seen)) => (&mut raw.nodes[*i], seen, true, &node_names),
                        Some(Open::Edge(i, seen)) => (&mut raw.edges[*i], seen, false, &edge_names),
                        Some(Open::Graph) if top_level => {
                            raw.map_values.push(Value {
                                key: map_key(&def.name),
                                text: xml.text_content()?,
                                kind: def.kind,
                                at: Place::Byte(at),
                            });
                            continue;
                        }
                        _ => {
                            xml.skip()?;
                            continue;
                        }
                    };
                    if def.graphics {
                        graphics(&mut xml, item)?;
                        continue;
                    }
                    let content = xml.text_content()?;
                    seen.insert(key_id);
                    item.values.push(Value {
                        key: xml_key(&def.name, !is_node, names),
                        text: content,
                        kind: def.kind,
                        at: Place::Byte(at),
                    });
                }
                _ => xml.skip()?,
            },
        }
    }
    super::xml::problems(text, issues)?;
    raw.text = Some(text);
    super::build(raw, progress)
}

/// Adds the declared defaults of the keys an item did not give.
fn defaults(
    keys: &IndexMap<String, KeyDef>,
    seen: &HashSet<String>,
    node: bool,
    item: &mut Item,
    names: &HashSet<String>,
) {
    for (id, def) in keys {
        if (if node { def.node } else { def.edge })
            && !seen.contains(id)
            && let Some(default) = &def.default
        {
            item.values.push(Value {
                key: xml_key(&def.name, !node, names),
                text: default.clone(),
                kind: def.kind,
                at: item.at.clone().unwrap_or(Place::File),
            });
        }
    }
}
