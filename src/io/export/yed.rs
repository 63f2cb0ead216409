//! yEd's drawing of the map inside our GraphML (design.md §8): yEd reads no attribute as a
//! position, colour or shape, only its own graphics, so each node carries a `y:ShapeNode`
//! (its geometry, fill by sector, shape by sector, border, label) and each edge a
//! `y:PolyLineEdge` (colour by the map's colour-by, width by form, dashes by formality), in
//! `<data>` whose keys have `yfiles.type="nodegraphics"` / `"edgegraphics"`. yEd's y axis
//! points down like the canvas's, so the geometry is in canvas coordinates (the top-left
//! corner of the node's box).
//!
//! Other readers skip these (igraph drops them; Gephi Lite keeps their text, the label, under
//! an empty attribute name; networkx takes yEd's shape as a
//! `shape_type` attribute and its geometry as `x` and `y`, which the attributes after it
//! overwrite, so the node's graphics come first), and PartnerMap's own import takes positions
//! and names from the attributes, leaving networkx's `shape_type` out.

use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use super::text::escape;
use crate::model::{Actor, Partnership, Project};
use crate::style::{self, LineStyle, Shape};

/// yEd's namespace.
pub const NAMESPACE: &str = "http://www.yworks.com/xml/graphml";
/// The key of the nodes' graphics.
pub const NODE_KEY: &str = "ng";
/// The key of the edges' graphics.
pub const EDGE_KEY: &str = "eg";

/// Declares the two graphics keys.
pub fn keys(w: &mut Writer<Vec<u8>>) -> std::io::Result<()> {
    for (id, domain, ty) in [
        (NODE_KEY, "node", "nodegraphics"),
        (EDGE_KEY, "edge", "edgegraphics"),
    ] {
        w.create_element("key")
            .with_attributes([("id", id), ("for", domain), ("yfiles.type", ty)])
            .write_empty()?;
    }
    Ok(())
}

/// yEd's name for the shape nearest to ours.
fn shape_type(shape: Shape) -> &'static str {
    match shape {
        Shape::Square => "rectangle",
        Shape::Circle | Shape::DoubleCircle => "ellipse",
        Shape::Diamond => "diamond",
        Shape::Triangle => "triangle",
        Shape::Hexagon => "hexagon",
    }
}

/// A number as yEd writes them.
fn num(v: f64) -> String {
    format!("{v:.1}")
}

/// The `<data>` of an actor's graphics.
pub fn node(w: &mut Writer<Vec<u8>>, a: &Actor) -> std::io::Result<()> {
    let r = style::actor_radius(a);
    let shape = style::actor_shape(a.sector);
    w.write_event(Event::Start(
        BytesStart::new("data").with_attributes([("key", NODE_KEY)]),
    ))?;
    w.write_event(Event::Start(BytesStart::new("y:ShapeNode")))?;
    let (x, y, size) = (num(a.position.x - r), num(a.position.y - r), num(2.0 * r));
    w.create_element("y:Geometry")
        .with_attributes([
            ("x", x.as_str()),
            ("y", y.as_str()),
            ("width", size.as_str()),
            ("height", size.as_str()),
        ])
        .write_empty()?;
    let fill = style::actor_colour(a.sector).hex();
    w.create_element("y:Fill")
        .with_attributes([("color", fill.as_str()), ("transparent", "false")])
        .write_empty()?;
    let border = if shape == Shape::DoubleCircle {
        "3.0"
    } else {
        "1.0"
    };
    w.create_element("y:BorderStyle")
        .with_attributes([("color", "#333333"), ("type", "line"), ("width", border)])
        .write_empty()?;
    w.create_element("y:NodeLabel")
        .with_attributes([("modelName", "sandwich"), ("modelPosition", "s")])
        .write_text_content(BytesText::from_escaped(escape(&a.name)))?;
    w.create_element("y:Shape")
        .with_attribute(("type", shape_type(shape)))
        .write_empty()?;
    w.write_event(Event::End(BytesEnd::new("y:ShapeNode")))?;
    w.write_event(Event::End(BytesEnd::new("data")))
}

/// The `<data>` of a partnership's graphics, coloured as the canvas colours it in `project`.
pub fn edge(w: &mut Writer<Vec<u8>>, project: &Project, p: &Partnership) -> std::io::Result<()> {
    w.write_event(Event::Start(
        BytesStart::new("data").with_attributes([("key", EDGE_KEY)]),
    ))?;
    w.write_event(Event::Start(BytesStart::new("y:PolyLineEdge")))?;
    // As the canvas colours it, disagreement between the perspectives included.
    let colour = style::partnership_colour_in(project, p).hex();
    let width = num(style::form_width(p.form));
    let line = match style::line_style(p.formality) {
        LineStyle::Solid => "line",
        LineStyle::Dashed => "dashed",
        LineStyle::Dotted => "dotted",
    };
    w.create_element("y:LineStyle")
        .with_attributes([
            ("color", colour.as_str()),
            ("type", line),
            ("width", width.as_str()),
        ])
        .write_empty()?;
    w.create_element("y:Arrows")
        .with_attributes([("source", "none"), ("target", "none")])
        .write_empty()?;
    w.write_event(Event::End(BytesEnd::new("y:PolyLineEdge")))?;
    w.write_event(Event::End(BytesEnd::new("data")))
}
