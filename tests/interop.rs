//! Our GraphML and GEXF opened with the programs people open them with (design.md §8): xmllint
//! against the published schemas, networkx and python-igraph round trips, what Gephi Lite's
//! readers take, files that igraph, Gephi Lite and older PartnerMap versions wrote, and the
//! one orientation of positions. A missing tool skips its check with a note, or fails it when
//! CI sets `PARTNERMAP_REQUIRE_TOOLS=1`.

use std::path::{Path, PathBuf};

use partnermap::generate::generate;
use partnermap::io::export;
use partnermap::io::import::{Imported, import_gexf, import_graphml, import_path};
use partnermap::model::*;
use partnermap::task::Progress;
use quick_xml::events::{BytesStart, Event};

use crate::common::without_snapshots;

/// Files that igraph, Gephi Lite and older PartnerMap versions wrote (kept out of
/// `tests/fixtures/import`, whose listing the path dialog tests click through).
const FIXTURES: &str = "tests/fixtures/interop";
/// The published schemas (copies of GraphML 1.0's and GEXF 1.2's and 1.3's, imports made
/// local).
const SCHEMAS: &str = "tests/fixtures/schemas";

fn graphml(text: &str) -> Imported {
    import_graphml(text, &Progress::new()).unwrap()
}

fn gexf(text: &str) -> Imported {
    import_gexf(text, &Progress::new()).unwrap()
}

/// The sample map with custom fields whose names are no XML name tokens, or clash with
/// names the formats use.
fn awkward() -> Project {
    let mut project = partnermap::io::sample();
    let names = [
        "two words",
        "Région d'accès",
        "1st round",
        "<&>",
        "_x0020_ as written",
        "id",
        "label",
        "custom_label",
        "ក្រុម ប្រឹក្សា",
    ];
    for (i, a) in project.actors.values_mut().enumerate() {
        let name = names[i % names.len()];
        a.custom
            .insert(name.to_string(), CustomValue::Text(format!("value {i}")));
        a.custom
            .insert("budget (USD)".into(), CustomValue::Number(i as f64 * 1.5));
    }
    for (i, p) in project.partnerships.values_mut().enumerate() {
        let name = names[(i + 3) % names.len()];
        p.custom
            .insert(name.to_string(), CustomValue::Text(format!("edge {i}")));
    }
    project
}

/// `text` without the elements `skip` picks (and what they hold).
fn without(text: &str, skip: impl Fn(&BytesStart) -> bool) -> String {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut writer = quick_xml::Writer::new(Vec::new());
    let mut skipping = 0usize;
    loop {
        let event = reader.read_event().unwrap();
        match &event {
            Event::Eof => break,
            Event::Start(e) if skipping > 0 || skip(e) => {
                skipping += 1;
                continue;
            }
            Event::End(_) if skipping > 0 => {
                skipping -= 1;
                continue;
            }
            Event::Empty(e) if skipping > 0 || skip(e) => continue,
            _ if skipping > 0 => continue,
            _ => {}
        }
        writer.write_event(event).unwrap();
    }
    String::from_utf8(writer.into_inner()).unwrap()
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name).unwrap().map(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .unwrap()
            .into_owned()
    })
}

/// The GraphML without yEd's graphics (its keys with `yfiles.type` and the `<data>` that use
/// them): the published GraphML schema has no room for another program's elements in
/// `<data>` nor for the `yfiles.type` attribute; yEd validates them with its own extension.
fn without_yed(text: &str) -> String {
    without(text, |e| match e.local_name().as_ref() {
        b"key" => attr(e, "yfiles.type").is_some(),
        b"data" => matches!(attr(e, "key").as_deref(), Some("ng" | "eg")),
        _ => false,
    })
}

/// The GEXF without its `viz:` elements, which the published GEXF schema cannot validate (see
/// the schemas' README); [`check_viz`] checks them.
fn without_viz(text: &str) -> String {
    without(text, |e| e.name().as_ref().starts_with(b"viz:"))
}

/// Every `viz:` element of `text` holds what GEXF's viz schema (1.2 and 1.3) asks of it.
fn check_viz(text: &str) {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut in_edge = false;
    let mut seen = 0;
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) if e.local_name().as_ref() == b"edge" => in_edge = true,
            Event::End(e) if e.local_name().as_ref() == b"edge" => in_edge = false,
            Event::Empty(e) | Event::Start(e) if e.name().as_ref().starts_with(b"viz:") => {
                seen += 1;
                let number = |k: &str| attr(&e, k).unwrap().parse::<f64>().unwrap();
                match e.local_name().as_ref() {
                    b"color" => {
                        for k in ["r", "g", "b"] {
                            attr(&e, k).unwrap().parse::<u8>().unwrap();
                        }
                    }
                    b"position" => {
                        assert!(number("x").is_finite() && number("y").is_finite());
                    }
                    b"size" | b"thickness" => assert!(number("value") >= 0.0),
                    b"shape" => {
                        let allowed: &[&str] = if in_edge {
                            &["solid", "dotted", "dashed", "double"]
                        } else {
                            &["disc", "square", "triangle", "diamond", "image"]
                        };
                        let value = attr(&e, "value").unwrap();
                        assert!(allowed.contains(&value.as_str()), "{value}");
                    }
                    other => panic!("unexpected viz element {other:?}"),
                }
            }
            _ => {}
        }
    }
    assert!(seen > 0, "no viz elements");
}

/// `xmllint --schema` on `text`; false when xmllint is not installed (the check is skipped).
fn validates(schema: &str, text: &str, name: &str) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, text).unwrap();
    let schema = Path::new(SCHEMAS).join(schema);
    match crate::common::xmllint(&schema, &file) {
        None => false,
        Some(Ok(())) => true,
        Some(Err(messages)) => panic!("{name} does not validate:\n{messages}"),
    }
}

#[test]
fn our_graphml_and_gexf_validate_against_the_published_schemas() {
    let mut voices = awkward();
    partnermap::generate::add_perspectives(&mut voices, 3, 11);
    voices.perspectives[0].note = "Met on <2 May> & \"scored\"".into();
    voices.perspectives[1].name = "Civil society [NGOs & CBOs]".into();
    voices.settings.map_values = MapValues::FollowPerspectives;
    for (label, project) in [
        ("sample", partnermap::io::sample()),
        ("awkward", awkward()),
        ("perspectives", voices),
    ] {
        let g = export::graphml(&project).unwrap();
        if !validates(
            "graphml/graphml.xsd",
            &without_yed(&g),
            &format!("{label}.graphml"),
        ) {
            return;
        }
        // GEXF 1.2 (which networkx 2 reads, unlike 1.3), and the same file as GEXF 1.3.
        let x = export::gexf(&project).unwrap();
        let plain = without_viz(&x);
        validates("gexf-1.2draft/gexf.xsd", &plain, &format!("{label}.gexf"));
        let as_13 = plain
            .replace("http://www.gexf.net/1.2draft", "http://gexf.net/1.3")
            .replace("version=\"1.2\"", "version=\"1.3\"");
        validates("gexf-1.3/gexf.xsd", &as_13, &format!("{label}-1.3.gexf"));
        check_viz(&x);
    }
}

#[test]
fn custom_field_names_of_any_spelling_come_back_exactly() {
    let project = awkward();
    // GraphML and GEXF carry the map as it is now, not the sample's snapshots.
    let want = without_snapshots(project.clone());
    let g = graphml(&export::graphml(&project).unwrap());
    assert!(g.project == want, "GraphML");
    let x = gexf(&export::gexf(&project).unwrap());
    assert!(x.project == want, "GEXF");
    // Without the keys' <desc> (tools that write GraphML back drop it), the encoded names
    // alone give the names back.
    let text = without(&export::graphml(&project).unwrap(), |e| {
        e.local_name().as_ref() == b"desc"
    });
    assert!(graphml(&text).project == want, "GraphML without <desc>");
}

/// `project` exported, read by networkx and written back by it: (GraphML, GEXF) texts, or
/// `None` when no Python has networkx.
fn through_networkx(project: &Project) -> Option<(String, String)> {
    let python = crate::common::python_with("networkx")?;
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("map.graphml");
    let x = dir.path().join("map.gexf");
    std::fs::write(&g, export::graphml(project).unwrap()).unwrap();
    std::fs::write(&x, export::gexf(project).unwrap()).unwrap();
    let script = r#"
import sys, networkx as nx
nx.write_graphml(nx.read_graphml(sys.argv[1]), sys.argv[1])
nx.write_gexf(nx.read_gexf(sys.argv[2]), sys.argv[2])
"#;
    crate::common::run_python(python, script, &[&g, &x]);
    Some((
        std::fs::read_to_string(&g).unwrap(),
        std::fs::read_to_string(&x).unwrap(),
    ))
}

#[test]
fn networkx_writes_back_the_same_actors_partnerships_and_custom_fields() {
    let project = awkward();
    let Some((g, x)) = through_networkx(&project) else {
        return;
    };
    let g = graphml(&g);
    // GraphML carries the map as it is now, not the sample's snapshots.
    let want = without_snapshots(project.clone());
    assert!(g.project == want, "GraphML, the map's own values too");
    assert!(
        g.notes.iter().all(|n| n.contains("shape_type")),
        "{:?}",
        g.notes
    );
    let x = gexf(&x);
    assert_eq!(x.project.actors, project.actors, "GEXF");
    assert_eq!(x.project.partnerships, project.partnerships, "GEXF");
}

/// The map with positions rounded to a millionth (igraph writes fewer digits).
fn rounded(mut project: Project) -> Project {
    for a in project.actors.values_mut() {
        let round = |v: f64| (v * 1e6).round() / 1e6;
        a.position = Position::new(round(a.position.x), round(a.position.y));
    }
    project
}

#[test]
fn python_igraph_writes_back_a_graphml_that_imports_whole() {
    let Some(python) = crate::common::python_with("igraph") else {
        return;
    };
    let project = awkward();
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("map.graphml");
    std::fs::write(&g, export::graphml(&project).unwrap()).unwrap();
    let script = r#"
import sys, igraph
igraph.Graph.Read_GraphML(sys.argv[1]).write_graphml(sys.argv[1])
"#;
    crate::common::run_python(python, script, &[&g]);
    let text = std::fs::read_to_string(&g).unwrap();
    assert!(
        text.contains("<node id=\"n0\">"),
        "igraph renames the nodes"
    );
    let got = graphml(&text);
    assert!(got.notes.is_empty(), "{:?}", got.notes);
    let (got, want) = (rounded(got.project), rounded(project));
    assert_eq!(got.actors, want.actors);
    assert_eq!(got.partnerships, want.partnerships);
    assert_eq!(got.meta, want.meta);
}

fn fixture(name: &str) -> Imported {
    let path = PathBuf::from(FIXTURES).join(name);
    import_path(&path, None, &Progress::new()).unwrap()
}

/// The map the fixtures below were written from.
fn generated() -> Project {
    generate(4, 5, 1).unwrap()
}

#[test]
fn a_graphml_written_back_by_igraph_imports_with_its_ids() {
    let got = fixture("igraph.graphml");
    assert!(got.notes.is_empty(), "{:?}", got.notes);
    let (got, want) = (rounded(got.project), rounded(generated()));
    assert_eq!(got.actors, want.actors);
    assert_eq!(got.partnerships, want.partnerships);
}

#[test]
fn a_gexf_written_back_by_gephi_lite_imports_whole() {
    let got = fixture("gephi-lite.gexf");
    let want = generated();
    assert_eq!(got.project.actors, want.actors);
    assert_eq!(got.project.partnerships, want.partnerships);
    assert_eq!(got.project.meta.title, want.meta.title);
}

#[test]
fn files_of_older_partnermap_versions_import_as_before() {
    let mut want = generated();
    // Older versions gave maps no origin (design.md §13).
    want.meta.origin.clear();
    for name in ["partnermap-old.graphml", "partnermap-old.gexf"] {
        let got = fixture(name);
        assert!(got.project == want, "{name}: {:?}", got.notes);
    }
}

/// The element children of `<graph>` in a GraphML text, by local name, with the text of the
/// key each `<data>` uses.
fn graph_children(text: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0usize;
    let mut graph_depth = None;
    let mut out = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => return out,
            Event::Start(e) => {
                depth += 1;
                if graph_depth.is_none() && e.local_name().as_ref() == b"graph" {
                    graph_depth = Some(depth);
                } else if graph_depth == Some(depth - 1) {
                    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                    out.push(format!("{name} {}", attr(&e, "key").unwrap_or_default()));
                }
            }
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
}

#[test]
fn gephi_lite_finds_the_maps_data_first_in_the_graph() {
    // graphology-graphml, Gephi Lite's reader, takes the graph's <data> up to the first other
    // child of <graph> (a <desc> or a node): the map's values must come first.
    let project = partnermap::io::sample();
    let text = export::graphml(&project).unwrap();
    let children = graph_children(&text);
    let first_other = children
        .iter()
        .position(|c| !c.starts_with("data "))
        .unwrap();
    assert!(children[first_other].starts_with("node"), "{children:?}");
    assert!(
        children[first_other..]
            .iter()
            .all(|c| !c.starts_with("data ")),
        "every map value before the nodes: {children:?}"
    );
    assert!(children[..first_other].contains(&"data ga0".to_string()));
    assert!(
        text.contains("<key id=\"ga0\" for=\"graph\" attr.name=\"title\" attr.type=\"string\"/>")
    );
}

#[test]
fn positions_point_up_in_both_files_and_down_in_yeds_drawing() {
    let mut project = generated();
    let id = *project.actors.keys().next().unwrap();
    let a = project.actors.get_mut(&id).unwrap();
    a.position = Position::new(10.0, 20.0);
    let r = partnermap::style::actor_radius(a);
    let g = export::graphml(&project).unwrap();
    assert!(
        g.contains(&format!("<node id=\"{id}\">")),
        "the node is written"
    );
    let node = &g[g.find(&format!("<node id=\"{id}\">")).unwrap()..];
    let node = &node[..node.find("</node>").unwrap()];
    assert!(node.contains(">-20</data>"), "GraphML y points up: {node}");
    assert!(
        node.contains(&format!("y=\"{:.1}\"", 20.0 - r)),
        "yEd's geometry points down: {node}"
    );
    let x = export::gexf(&project).unwrap();
    let node = &x[x.find(&format!("<node id=\"{id}\"")).unwrap()..];
    let node = &node[..node.find("</node>").unwrap()];
    assert!(
        node.contains("<viz:position x=\"10\" y=\"-20\""),
        "GEXF: {node}"
    );
    assert!(
        node.contains("value=\"-20\""),
        "the y attribute too: {node}"
    );
    for got in [graphml(&g).project, gexf(&x).project] {
        assert_eq!(got.actors[&id].position, Position::new(10.0, 20.0));
    }
    // Another tool's file: y up, as Gephi and networkx write it.
    let text = r#"<graphml><key id="x" for="node" attr.name="x" attr.type="double"/><key id="y" for="node" attr.name="y" attr.type="double"/><graph>
<node id="a"><data key="x">1</data><data key="y">2</data></node></graph></graphml>"#;
    let got = graphml(text).project;
    assert_eq!(got.actors[&ActorId(1)].position, Position::new(1.0, -2.0));
}

#[test]
fn our_graphml_carries_yeds_graphics_by_sector() {
    let project = partnermap::io::sample();
    let text = export::graphml(&project).unwrap();
    assert!(text.contains("xmlns:y=\"http://www.yworks.com/xml/graphml\""));
    assert!(text.contains("yfiles.type=\"nodegraphics\""));
    let shapes = text.matches("<y:ShapeNode>").count();
    assert_eq!(shapes, project.actors.len());
    assert_eq!(
        text.matches("<y:PolyLineEdge>").count(),
        project.partnerships.len()
    );
    let a = project.actors.values().next().unwrap();
    let node = &text[text.find(&format!("<node id=\"{}\">", a.id)).unwrap()..];
    let node = &node[..node.find("</node>").unwrap()];
    let colour = partnermap::style::actor_colour(a.sector).hex();
    assert!(
        node.contains(&format!("<y:Fill color=\"{colour}\"")),
        "{node}"
    );
    assert!(
        node.contains(&format!(
            "<y:NodeLabel modelName=\"sandwich\" modelPosition=\"s\">{}</y:NodeLabel>",
            a.name
        )),
        "{node}"
    );
    assert!(node.contains("<y:Shape type=\""), "{node}");
    // Our own import takes the attributes, not the drawing: the map comes back exactly, as
    // it is now (GraphML does not carry the sample's snapshots).
    assert!(graphml(&text).project == without_snapshots(project));
}
