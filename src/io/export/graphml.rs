//! GraphML (design.md §8) for Gephi, Gephi Lite, Cytoscape, yEd, networkx and igraph: every
//! attribute of actors and partnerships declared with its type (see [`super::attributes`]),
//! node ids are actor ids, edge ids are partnership ids (keys are `na0…` for actors, `ea0…`
//! for partnerships), and each partnership is an edge from `a` (source) to `b` (target),
//! parallel ones included. The graph is undirected (Gephi draws no arrows), and tools that
//! read it may write an edge back the other way round, so every edge also carries `a` and `b`
//! as data. Nodes carry the name again as `label`, which Gephi shows. The map's title,
//! description, author, dates, settings and next ids are data of the graph (keys `ga0…`, see
//! [`super::attributes::MAP_FIELDS`]), the first children of `<graph>`: Gephi Lite's reader
//! takes the graph's data only up to its first other child, so the graph has no `<desc>`. A
//! map with perspectives also has their values on nodes and edges and their notes on the
//! graph (see [`super::perspectives`]).
//!
//! `attr.name` must be an XML name token: a name with a space or other such character is
//! written as [`name_token`] encodes it, and the key's `<desc>` holds the name as it is.
//! Positions are in the files' orientation, y up (see [`super::attributes`]); yEd's
//! graphics ([`super::yed`]) are in yEd's, y down, as on the canvas.
//!
//! Texts are escaped by [`escape`], which also keeps carriage returns and tabs as character
//! references so that parsers do not normalise them.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::ExportError;
use super::attributes::{NODE_LABEL, Schema};
use super::text::{escape, name_token, xml_clean};
use super::yed;
use crate::model::Project;

/// The GraphML namespace.
pub const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";

/// The key of the node label ([`NODE_LABEL`]).
const LABEL_KEY: &str = "nlabel";

fn xml_err(e: std::io::Error) -> ExportError {
    ExportError::Xml(e.to_string())
}

/// The map as a GraphML document (an undirected graph whose edges keep `a` → `b` as
/// source → target).
pub fn graphml(project: &Project) -> Result<String, ExportError> {
    let schema = Schema::of(project);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(xml_err)?;
    w.write_event(Event::Start(BytesStart::new("graphml").with_attributes([
        ("xmlns", NAMESPACE),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ("xmlns:y", yed::NAMESPACE),
        (
            "xsi:schemaLocation",
            "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
        ),
    ])))
    .map_err(xml_err)?;
    let keys = [
        ("graph", "ga", &schema.map),
        ("node", "na", &schema.actor),
        ("edge", "ea", &schema.partnership),
    ];
    for (domain, prefix, defs) in keys {
        for (i, d) in defs.iter().enumerate() {
            let id = format!("{prefix}{i}");
            let token = name_token(&d.name);
            let key = w.create_element("key").with_attributes([
                ("id", id.as_str()),
                ("for", domain),
                ("attr.name", token.as_str()),
                ("attr.type", d.ty.graphml()),
            ]);
            if token == d.name {
                key.write_empty().map_err(xml_err)?;
            } else {
                // The name as it is, which the import prefers when it encodes to the token.
                key.write_inner_content(|w| {
                    w.create_element("desc")
                        .write_text_content(BytesText::new(&xml_clean(&d.name)))?;
                    Ok::<(), std::io::Error>(())
                })
                .map_err(xml_err)?;
            }
        }
    }
    // The name again, as the label Gephi shows.
    w.create_element("key")
        .with_attributes([
            ("id", LABEL_KEY),
            ("for", "node"),
            ("attr.name", NODE_LABEL),
            ("attr.type", "string"),
        ])
        .write_empty()
        .map_err(xml_err)?;
    yed::keys(&mut w).map_err(xml_err)?;
    let mut graph = BytesStart::new("graph");
    graph.push_attribute(("id", "G"));
    graph.push_attribute(("edgedefault", "undirected"));
    w.write_event(Event::Start(graph)).map_err(xml_err)?;
    let data = |w: &mut Writer<Vec<u8>>, prefix: &str, values: Vec<Option<String>>| {
        for (i, v) in values.into_iter().enumerate() {
            if let Some(v) = v {
                let key = format!("{prefix}{i}");
                w.create_element("data")
                    .with_attribute(("key", key.as_str()))
                    .write_text_content(BytesText::from_escaped(escape(&v)))?;
            }
        }
        Ok::<(), std::io::Error>(())
    };
    data(&mut w, "ga", schema.map_values(project)).map_err(xml_err)?;
    for a in project.actors.values() {
        let id = a.id.to_string();
        w.write_event(Event::Start(
            BytesStart::new("node").with_attributes([("id", id.as_str())]),
        ))
        .map_err(xml_err)?;
        // yEd's graphics first: networkx takes x and y from their geometry, and the
        // attributes that follow put the files' own back.
        yed::node(&mut w, a).map_err(xml_err)?;
        data(&mut w, "na", schema.actor_values(project, a)).map_err(xml_err)?;
        w.create_element("data")
            .with_attribute(("key", LABEL_KEY))
            .write_text_content(BytesText::from_escaped(escape(&a.name)))
            .map_err(xml_err)?;
        w.write_event(Event::End(BytesEnd::new("node")))
            .map_err(xml_err)?;
    }
    for p in project.partnerships.values() {
        let (id, source, target) = (p.id.to_string(), p.a.to_string(), p.b.to_string());
        w.write_event(Event::Start(BytesStart::new("edge").with_attributes([
            ("id", id.as_str()),
            ("source", source.as_str()),
            ("target", target.as_str()),
        ])))
        .map_err(xml_err)?;
        data(&mut w, "ea", schema.partnership_values(project, p)).map_err(xml_err)?;
        yed::edge(&mut w, project, p).map_err(xml_err)?;
        w.write_event(Event::End(BytesEnd::new("edge")))
            .map_err(xml_err)?;
    }
    w.write_event(Event::End(BytesEnd::new("graph")))
        .map_err(xml_err)?;
    w.write_event(Event::End(BytesEnd::new("graphml")))
        .map_err(xml_err)?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    String::from_utf8(bytes).map_err(|e| ExportError::Xml(e.to_string()))
}
