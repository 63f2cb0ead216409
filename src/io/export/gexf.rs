//! GEXF 1.2 (design.md §8), Gephi's own format, also read by Gephi Lite and networkx: every
//! attribute of actors and partnerships declared with its type (see [`super::attributes`]),
//! node and edge ids are actor and partnership ids, each partnership is an edge from `a`
//! (source) to `b` (target) that also carries `a` and `b` as attributes (the graph is
//! undirected, so other tools may write an edge the other way round), parallel ones
//! included, and the picture travels in the `viz` namespace: actor positions, colours (by
//! sector), sizes (radius by influence) and shapes; partnership colours (the project's
//! colour-by), thickness (by form) and dashes.
//!
//! The `<meta>` holds the creator (PartnerMap) and the title as the description, which Gephi
//! shows. GEXF has no attributes of a graph and its schema allows nothing else in `<meta>`,
//! so the map's own values ([`super::attributes::MAP_FIELDS`]) travel as processing
//! instructions in it, `<?partnermap name="…" value="…"?>`, which validators and other
//! readers skip. (networkx writes a `<meta>` of its own, so these do not survive its GEXF
//! writer; they do survive its GraphML one.) A map with perspectives also has their values as
//! attributes of nodes and edges and their notes among the map's values (see
//! [`super::perspectives`]).
//!
//! GEXF's y axis points up while the canvas's points down, so `viz:position` y, like the `y`
//! attribute (see [`super::attributes`]), is the negated canvas y: the map appears in Gephi
//! and Gephi Lite the right way up.
//!
//! Values in XML attributes are escaped by [`escape`], which also writes tabs and line
//! breaks as character references: a parser would otherwise turn them into spaces.

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesPI, BytesStart, BytesText, Event};

use super::ExportError;
use super::attributes::{AttrDef, Schema};
use super::text::{escape, xml_clean};
use crate::model::Project;
use crate::style::{self, Rgb, Shape};

/// The GEXF namespace: 1.2, which every reader takes (networkx before 3.0 reads no GEXF
/// 1.3, and Debian 12 ships networkx 2.8); the file is also valid GEXF 1.3 once its
/// namespace and version say so (the tests check both schemas).
pub const NAMESPACE: &str = "http://www.gexf.net/1.2draft";
/// The namespace of GEXF's visual attributes.
pub const VIZ_NAMESPACE: &str = "http://www.gexf.net/1.2draft/viz";
/// The target of the processing instructions that carry the map's own values.
pub const PI_TARGET: &str = "partnermap";

fn xml_err(e: std::io::Error) -> ExportError {
    ExportError::Xml(e.to_string())
}

/// GEXF's name for the nearest of its node shapes.
fn gexf_shape(shape: Shape) -> &'static str {
    match shape {
        Shape::Square => "square",
        Shape::Diamond => "diamond",
        Shape::Triangle => "triangle",
        Shape::Circle | Shape::Hexagon | Shape::DoubleCircle => "disc",
    }
}

fn colour(w: &mut Writer<Vec<u8>>, c: Rgb) -> std::io::Result<()> {
    let (r, g, b) = (c.0.to_string(), c.1.to_string(), c.2.to_string());
    w.create_element("viz:color")
        .with_attributes([("r", r.as_str()), ("g", g.as_str()), ("b", b.as_str())])
        .write_empty()?;
    Ok(())
}

fn declare(w: &mut Writer<Vec<u8>>, class: &str, defs: &[AttrDef]) -> std::io::Result<()> {
    w.write_event(Event::Start(
        BytesStart::new("attributes").with_attributes([("class", class)]),
    ))?;
    for (i, d) in defs.iter().enumerate() {
        let id = i.to_string();
        // Escaped by `escape`, which keeps line breaks and tabs (a perspective's name may
        // hold them); the same bytes as before for every other name.
        let title = escape(&d.name);
        w.create_element("attribute")
            .with_attribute(("id", id.as_str()))
            .with_attribute(Attribute::from(("title".as_bytes(), title.as_bytes())))
            .with_attribute(("type", d.ty.gexf()))
            .write_empty()?;
    }
    w.write_event(Event::End(BytesEnd::new("attributes")))
}

fn values(w: &mut Writer<Vec<u8>>, values: Vec<Option<String>>) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new("attvalues")))?;
    for (i, v) in values.into_iter().enumerate() {
        if let Some(v) = v {
            let id = i.to_string();
            let value = escape(&v);
            w.create_element("attvalue")
                .with_attribute(("for", id.as_str()))
                .with_attribute(Attribute::from(("value".as_bytes(), value.as_bytes())))
                .write_empty()?;
        }
    }
    w.write_event(Event::End(BytesEnd::new("attvalues")))
}

/// The map as a GEXF 1.2 document.
pub fn gexf(project: &Project) -> Result<String, ExportError> {
    write(project).map_err(xml_err)
}

fn write(project: &Project) -> std::io::Result<String> {
    let schema = Schema::of(project);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(BytesStart::new("gexf").with_attributes([
        ("xmlns", NAMESPACE),
        ("xmlns:viz", VIZ_NAMESPACE),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        (
            "xsi:schemaLocation",
            "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd",
        ),
        ("version", "1.2"),
    ])))?;
    w.write_event(Event::Start(BytesStart::new("meta")))?;
    w.create_element("creator")
        .write_text_content(BytesText::new("PartnerMap"))?;
    let title = xml_clean(&project.meta.title);
    if !title.is_empty() {
        w.create_element("description")
            .write_text_content(BytesText::new(&title))?;
    }
    for (def, value) in schema.map.iter().zip(schema.map_values(project)) {
        if let Some(value) = value {
            // Escaped as an attribute value: `>` too, so `?>` cannot end the instruction.
            let pi = format!(
                "{PI_TARGET} name=\"{}\" value=\"{}\"",
                escape(&def.name),
                escape(&value)
            );
            w.write_event(Event::PI(BytesPI::new(pi)))?;
        }
    }
    w.write_event(Event::End(BytesEnd::new("meta")))?;
    w.write_event(Event::Start(BytesStart::new("graph").with_attributes([
        ("mode", "static"),
        ("defaultedgetype", "undirected"),
    ])))?;
    declare(&mut w, "node", &schema.actor)?;
    declare(&mut w, "edge", &schema.partnership)?;

    w.write_event(Event::Start(BytesStart::new("nodes")))?;
    for a in project.actors.values() {
        let id = a.id.to_string();
        let name = escape(&a.name);
        let mut node = BytesStart::new("node").with_attributes([("id", id.as_str())]);
        node.push_attribute(Attribute::from(("label".as_bytes(), name.as_bytes())));
        w.write_event(Event::Start(node))?;
        values(&mut w, schema.actor_values(project, a))?;
        colour(&mut w, style::actor_colour(a.sector))?;
        let (x, y) = (a.position.x.to_string(), (-a.position.y).to_string());
        w.create_element("viz:position")
            .with_attributes([("x", x.as_str()), ("y", y.as_str()), ("z", "0")])
            .write_empty()?;
        let size = style::actor_radius(a).to_string();
        w.create_element("viz:size")
            .with_attribute(("value", size.as_str()))
            .write_empty()?;
        w.create_element("viz:shape")
            .with_attribute(("value", gexf_shape(style::actor_shape(a.sector))))
            .write_empty()?;
        w.write_event(Event::End(BytesEnd::new("node")))?;
    }
    w.write_event(Event::End(BytesEnd::new("nodes")))?;

    w.write_event(Event::Start(BytesStart::new("edges")))?;
    for p in project.partnerships.values() {
        let (id, source, target) = (p.id.to_string(), p.a.to_string(), p.b.to_string());
        let mut edge = BytesStart::new("edge").with_attributes([
            ("id", id.as_str()),
            ("source", source.as_str()),
            ("target", target.as_str()),
        ]);
        if let Some(label) = p.label.as_deref().filter(|l| !l.is_empty()) {
            let label = escape(label);
            edge.push_attribute(Attribute::from(("label".as_bytes(), label.as_bytes())));
        }
        w.write_event(Event::Start(edge))?;
        values(&mut w, schema.partnership_values(project, p))?;
        colour(&mut w, style::partnership_colour_in(project, p))?;
        let width = style::form_width(p.form).to_string();
        w.create_element("viz:thickness")
            .with_attribute(("value", width.as_str()))
            .write_empty()?;
        let line = match style::line_style(p.formality) {
            style::LineStyle::Solid => "solid",
            style::LineStyle::Dashed => "dashed",
            style::LineStyle::Dotted => "dotted",
        };
        w.create_element("viz:shape")
            .with_attribute(("value", line))
            .write_empty()?;
        w.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    w.write_event(Event::End(BytesEnd::new("edges")))?;
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("gexf")))?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    String::from_utf8(bytes).map_err(std::io::Error::other)
}
