//! Imports: round trips of our own exports (exact), files written by other tools (Gephi,
//! networkx, yEd, spreadsheets), and values that do not fit, reported by place.

use std::collections::BTreeMap;

use partnermap::generate::generate;
use partnermap::io::export::{self, csv_tables};
use partnermap::io::import::csv::{Mapping, Table, Tables, Target};
use partnermap::io::import::{
    self, ImportError, ImportFormat, Imported, import_gexf, import_graphml,
};
use partnermap::model::*;
use partnermap::task::Progress;
use proptest::prelude::*;

use crate::arb;
use crate::common::without_snapshots;

const FIXTURES: &str = "tests/fixtures/import";

fn graphml(text: &str) -> Result<Imported, ImportError> {
    import_graphml(text, &Progress::new())
}

fn gexf(text: &str) -> Result<Imported, ImportError> {
    import_gexf(text, &Progress::new())
}

fn via_csv(project: &Project) -> Result<Imported, ImportError> {
    let ind = partnermap::analysis::compute(project, None);
    let t = csv_tables(project, &ind).unwrap();
    let tables = Tables {
        actors: Some(Table::parse("actors.csv", t.actors.as_bytes())?),
        partnerships: Some(Table::parse("partnerships.csv", t.partnerships.as_bytes())?),
        map: Some(Table::parse("map.csv", t.map.as_bytes())?),
    };
    import::csv::import(&tables, &tables.guess_mapping(), &Progress::new())
}

/// What every exchange format carries: actors and partnerships, exactly, and the
/// perspectives with the way the map keeps its values.
fn content(
    p: &Project,
) -> (
    BTreeMap<ActorId, Actor>,
    BTreeMap<PartnershipId, Partnership>,
    Vec<Perspective>,
    MapValues,
) {
    (
        p.actors.clone(),
        p.partnerships.clone(),
        p.perspectives.clone(),
        p.settings.map_values,
    )
}

/// The map as it can travel through a table: list items without surrounding spaces (`;`
/// and `\` inside an item travel escaped).
fn listable(mut p: Project) -> Project {
    let clean = |s: &String| s.trim().to_string();
    let set = |items: &std::collections::BTreeSet<String>| {
        items
            .iter()
            .map(clean)
            .filter(|s| !s.is_empty())
            .collect::<std::collections::BTreeSet<_>>()
    };
    let list = |items: &Vec<String>| {
        items
            .iter()
            .map(clean)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
    };
    for a in p.actors.values_mut() {
        a.resources = set(&a.resources);
        a.tags = set(&a.tags);
        a.sources = list(&a.sources);
    }
    for e in p.partnerships.values_mut() {
        e.enablers = set(&e.enablers);
        e.disablers = set(&e.disablers);
        e.sources = list(&e.sources);
    }
    p
}

/// GraphML and GEXF type a custom field per column: a field that mixes numbers and text in
/// one map travels as text.
fn typed_columns(mut p: Project) -> Project {
    fn fix<'a>(all: impl Iterator<Item = &'a mut CustomFields>) {
        let all: Vec<&mut CustomFields> = all.collect();
        let mixed: std::collections::HashSet<String> = all
            .iter()
            .flat_map(|c| c.iter())
            .filter(|(_, v)| matches!(v, CustomValue::Text(_)))
            .map(|(k, _)| k.clone())
            .collect();
        for c in all {
            for (k, v) in c.iter_mut() {
                if let (true, CustomValue::Number(n)) = (mixed.contains(k), &*v) {
                    *v = CustomValue::Text(n.to_string());
                }
            }
        }
    }
    fix(p.actors.values_mut().map(|a| &mut a.custom));
    fix(p.partnerships.values_mut().map(|e| &mut e.custom));
    p
}

#[test]
fn the_sample_and_a_generated_map_come_back_exactly_from_every_format() {
    let mut voices = generate(300, 900, 5).unwrap();
    partnermap::generate::add_perspectives(&mut voices, 4, 5);
    for project in [io_sample(), generate(300, 900, 5).unwrap(), voices] {
        // These formats carry the map as it is now, not its snapshots; the JSON export keeps
        // them (our_json_export_imports_as_the_same_map…).
        let project = listable(without_snapshots(project));
        let g = graphml(&export::graphml(&project).unwrap()).unwrap();
        assert!(g.project == project, "GraphML: {:?}", g.project.meta);
        assert!(g.notes.is_empty(), "{:?}", g.notes);
        let x = gexf(&export::gexf(&project).unwrap()).unwrap();
        assert!(x.project == project, "GEXF: {:?}", x.project.meta);
        assert!(x.notes.is_empty(), "{:?}", x.notes);
        let c = via_csv(&project).unwrap();
        assert_eq!(content(&c.project), content(&project));
    }
}

fn io_sample() -> Project {
    partnermap::io::sample()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn arbitrary_maps_survive_graphml_gexf_and_csv(project in arb::arb_project_with_perspectives()) {
        let project = listable(arb::voiced(project));
        let c = via_csv(&project);
        prop_assert!(c.is_ok(), "{}", c.unwrap_err());
        prop_assert_eq!(content(&c.unwrap().project), content(&project));

        // GraphML and GEXF also carry the map's own data: the whole map comes back.
        let project = typed_columns(project);
        let g = graphml(&export::graphml(&project).unwrap());
        prop_assert!(g.is_ok(), "{}", g.unwrap_err());
        prop_assert_eq!(&g.unwrap().project, &project);
        let x = gexf(&export::gexf(&project).unwrap());
        prop_assert!(x.is_ok(), "{}", x.unwrap_err());
        prop_assert_eq!(&x.unwrap().project, &project);
    }
}

#[test]
fn a_gephi_style_graphml_imports_with_labels_positions_and_custom_attributes() {
    let path = format!("{FIXTURES}/gephi.graphml");
    let got = import::import_path(path.as_ref(), None, &Progress::new()).unwrap();
    let p = &got.project;
    assert_eq!(p.actors.len(), 4);
    assert_eq!(p.partnerships.len(), 4);
    let names: Vec<&str> = p.actors.values().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Provincial Department of Education",
            "Commune council <Kampong Cham>",
            "School support committee",
            "Local NGO \"Khmer Youth\"",
        ]
    );
    let ngo = p
        .actors
        .values()
        .find(|a| a.name.starts_with("Local NGO"))
        .unwrap();
    assert_eq!(
        ngo.sector,
        Some(Sector::CivilSociety),
        "\"NGO\" is an alias"
    );
    assert_eq!(ngo.level, Some(Level::District));
    // Gephi's y points up, the canvas's down.
    assert_eq!(ngo.position, Position::new(-120.5, -40.0));
    assert_eq!(ngo.custom.get("size"), Some(&CustomValue::Number(12.0)));
    assert_eq!(ngo.custom.get("r"), Some(&CustomValue::Number(230.0)));
    // Node ids n0…n3 are not numbers: actors are numbered in file order.
    assert_eq!(
        p.actors.keys().map(|k| k.0).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    let e = p.partnerships.values().next().unwrap();
    assert_eq!(
        e.label.as_deref(),
        Some("school grants"),
        "Edge Label gives the label"
    );
    assert_eq!(e.custom.get("weight"), Some(&CustomValue::Number(2.0)));
    assert_eq!(e.form, Some(Form::Collaboration));
    assert_eq!(e.trust_ab, Some(4));
    // Two edges between the same actors stay two partnerships.
    let parallel = p
        .partnerships
        .values()
        .filter(|e| (e.a, e.b) == (ActorId(1), ActorId(2)))
        .count();
    assert_eq!(parallel, 2);
    // The fourth actor has no level: the default, said in a note and a tag.
    assert!(
        got.notes.iter().any(|n| n.contains("1 actor had no level")),
        "{:?}",
        got.notes
    );
}

#[test]
fn a_gephi_style_gexf_imports_with_viz_positions_and_weights() {
    let path = format!("{FIXTURES}/gephi.gexf");
    let got = import::import_path(path.as_ref(), None, &Progress::new()).unwrap();
    let p = &got.project;
    assert_eq!(p.meta.title, "Education partnerships, Kampong Cham");
    assert_eq!(p.actors.len(), 3);
    let a = &p.actors[&ActorId(1)];
    assert_eq!(a.name, "Ministry of Education");
    assert_eq!(a.sector, Some(Sector::State));
    assert_eq!(a.level, Some(Level::National));
    assert_eq!(a.influence, Some(5));
    // viz:position y points up in GEXF and down on the canvas.
    assert_eq!(a.position, Position::new(10.0, -250.0));
    let b = &p.actors[&ActorId(2)];
    assert_eq!(b.sector, Some(Sector::Private), "\"Company\" is an alias");
    assert_eq!(
        b.custom.get("Modularity Class"),
        Some(&CustomValue::Number(1.0))
    );
    let edges: Vec<&Partnership> = p.partnerships.values().collect();
    assert_eq!(edges.len(), 2);
    assert_eq!(
        edges[0].custom.get("weight"),
        Some(&CustomValue::Number(3.5))
    );
    assert_eq!(edges[0].formality, Some(Formality::Mou));
    assert_eq!(edges[1].label.as_deref(), Some("co-financing"));
    assert!(edges[1].functions.contains(&Function::Financing));
    // Actor 3 has no position: laid out, and said so.
    assert!(
        got.notes
            .iter()
            .any(|n| n.contains("1 actor had no position"))
    );
}

#[test]
fn graphml_and_gexf_written_by_networkx_import() {
    for name in ["networkx.graphml", "networkx.gexf"] {
        let path = format!("{FIXTURES}/{name}");
        let got = import::import_path(path.as_ref(), None, &Progress::new())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let p = &got.project;
        assert_eq!(p.actors.len(), 5, "{name}");
        assert_eq!(p.partnerships.len(), 5, "{name}");
        let a = p
            .actors
            .values()
            .find(|a| a.name == "District office")
            .unwrap();
        assert_eq!(a.sector, Some(Sector::State), "{name}");
        assert_eq!(a.level, Some(Level::District), "{name}");
        assert_eq!(a.influence, Some(4), "{name}");
        let e = p
            .partnerships
            .values()
            .find(|e| e.label.as_deref() == Some("scorecards"))
            .unwrap_or_else(|| panic!("{name}: no scorecards edge"));
        assert_eq!(e.trust_ab, Some(2), "{name}");
        assert!(e.practices.info_sharing, "{name}");
    }
}

#[test]
fn a_yed_graphml_gives_names_and_positions_from_its_drawing() {
    let path = format!("{FIXTURES}/yed.graphml");
    let got = import::import_path(path.as_ref(), None, &Progress::new()).unwrap();
    let p = &got.project;
    let names: Vec<&str> = p.actors.values().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["Commune council", "Health centre", "Village health group"]
    );
    // Centre of the y:Geometry box.
    assert_eq!(p.actors[&ActorId(1)].position, Position::new(115.0, 215.0));
    assert_eq!(p.partnerships.len(), 2);
    assert_eq!(
        p.partnerships.values().next().unwrap().label.as_deref(),
        Some("health fund")
    );
}

#[test]
fn spreadsheet_tables_with_other_headers_and_aliases_import() {
    let path = format!("{FIXTURES}/spreadsheet/partners.csv");
    let tables = Tables::find(path.as_ref()).unwrap();
    assert!(tables.actors.is_some(), "actors.csv beside it is found");
    let mapping = tables.guess_mapping();
    assert_eq!(mapping.actors[0], Target::Field("name"), "Organisation");
    let got = import::csv::import(&tables, &mapping, &Progress::new()).unwrap();
    let p = &got.project;
    assert_eq!(p.actors.len(), 4);
    let ngo = p
        .actors
        .values()
        .find(|a| a.name == "Youth for Peace")
        .unwrap();
    assert_eq!(ngo.sector, Some(Sector::CivilSociety));
    assert_eq!(ngo.level, Some(Level::National));
    assert_eq!(ngo.kind, "local NGO");
    assert_eq!(
        ngo.custom.get("Budget (USD)"),
        Some(&CustomValue::Number(12000.0))
    );
    let gov = p
        .actors
        .values()
        .find(|a| a.name == "Provincial Hall")
        .unwrap();
    assert_eq!(
        gov.sector,
        Some(Sector::State),
        "\"Government\" is an alias"
    );
    assert_eq!(
        gov.level,
        Some(Level::Provincial),
        "\"Province\" is an alias"
    );
    // Partnerships name their actors; semicolon-separated cells; a typo'd case still finds.
    assert_eq!(p.partnerships.len(), 3);
    let e = p
        .partnerships
        .values()
        .find(|e| p.actors[&e.a].name == "Youth for Peace")
        .unwrap();
    assert_eq!(p.actors[&e.b].name, "Commune Council");
    assert_eq!(e.formality, Some(Formality::Mou));
    assert!(e.functions.contains(&Function::PolicyInfluence), "advocacy");
    assert!(
        e.functions.contains(&Function::CapacityBuilding),
        "training"
    );
    assert_eq!(e.start, Some(PartialDate("2014-03".into())));
}

#[test]
fn an_edge_list_alone_makes_its_actors() {
    let text = "Source,Target,Trust\nA,B,4\nB,C,\nA,C,2\n";
    let tables = Tables {
        actors: None,
        partnerships: Some(Table::parse("edges.csv", text.as_bytes()).unwrap()),
        map: None,
    };
    let got = import::csv::import(&tables, &tables.guess_mapping(), &Progress::new()).unwrap();
    assert_eq!(got.project.actors.len(), 3);
    assert_eq!(got.project.partnerships.len(), 3);
    let e = &got.project.partnerships[&PartnershipId(1)];
    assert_eq!(e.custom.get("Trust"), Some(&CustomValue::Number(4.0)));
    assert!(got.notes.iter().any(|n| n.contains("3 actors were made")));
    assert!(
        got.project
            .actors
            .values()
            .all(|a| a.sector.is_none() && a.level.is_none() && a.tags.is_empty()),
        "nothing is guessed or tagged"
    );
    assert!(
        got.notes
            .iter()
            .any(|n| n == "3 actors had no sector: theirs is left not set."),
        "{:?}",
        got.notes
    );
}

#[test]
fn values_that_do_not_fit_are_reported_by_row_and_column() {
    let actors =
        "name,sector,level,influence\nA,State,National,3\nB,Church,Commune,7\nC,NGO,Galaxy,x\n";
    let partnerships = "a,b,trust_ab,start\nA,B,4,2012-13\nA,Nobody,,\n";
    let tables = Tables {
        actors: Some(Table::parse("actors.csv", actors.as_bytes()).unwrap()),
        partnerships: Some(Table::parse("partnerships.csv", partnerships.as_bytes()).unwrap()),
        map: None,
    };
    let err = import::csv::import(&tables, &tables.guess_mapping(), &Progress::new())
        .unwrap_err()
        .to_string();
    for expected in [
        "actors.csv row 3, column \"sector\": \"Church\" is not a sector; use one of State, CivilSociety",
        "actors.csv row 3, column \"influence\": 7 is outside influence 1–5",
        "actors.csv row 4, column \"level\": \"Galaxy\" is not a level",
        "actors.csv row 4, column \"influence\": \"x\" is not a whole number",
        "partnerships.csv row 2, column \"start\": \"2012-13\" is not a date",
        "partnerships.csv row 3, column \"b\": no actor has the id or name \"Nobody\"",
    ] {
        assert!(err.contains(expected), "missing «{expected}» in:\n{err}");
    }
}

#[test]
fn a_mapping_without_names_or_with_a_field_twice_is_refused() {
    let tables = Tables {
        actors: Some(Table::parse("actors.csv", b"Who,What\nA,B\n").unwrap()),
        partnerships: None,
        map: None,
    };
    let mut mapping = tables.guess_mapping();
    assert_eq!(
        mapping.problems(&tables),
        ["actors.csv: no column gives the actors' names; map one to name"]
    );
    mapping.actors = vec![Target::Field("name"), Target::Field("name")];
    assert_eq!(
        mapping.problems(&tables),
        ["actors.csv: both \"Who\" and \"What\" give name; choose one"]
    );
    mapping.actors = vec![Target::Field("name"), Target::Ignore];
    let got = import::csv::import(&tables, &mapping, &Progress::new()).unwrap();
    assert!(got.project.actors[&ActorId(1)].custom.is_empty());
    let _ = Mapping::default();
}

#[test]
fn bad_graphml_and_gexf_say_what_and_where() {
    type Reader = fn(&str) -> Result<Imported, ImportError>;
    let cases: [(&str, Reader, &str); 8] = [
        (
            "<graphml><graph><node id=\"a\"></graph></graphml>",
            graphml,
            "line 1, column",
        ),
        (
            "<svg/>",
            graphml,
            "not a GraphML file: it starts with <svg>",
        ),
        (
            "<graphml><graph>",
            graphml,
            "ends before its elements are closed",
        ),
        (
            "<graphml>\n<key id=\"t\" for=\"edge\" attr.name=\"trust_ab\"/>\n<graph>\n<node id=\"1\"/><node id=\"2\"/>\n<edge source=\"1\" target=\"2\"><data key=\"t\">9</data></edge>\n</graph></graphml>",
            graphml,
            "line 5, column 29: trust_ab: 9 is outside trust 1–5",
        ),
        (
            "<graphml><graph><node id=\"1\"/><edge source=\"1\" target=\"7\"/></graph></graphml>",
            graphml,
            "no node has the id \"7\"",
        ),
        (
            "<graphml><graph><node id=\"1\"><data key=\"nope\">x</data></node></graph></graphml>",
            graphml,
            "uses a key that no <key> declares",
        ),
        (
            "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><gexf><graph><nodes><node id=\"1\" label=\"&a;\"/></nodes></graph></gexf>",
            gexf,
            "line 1, column 74: the entity &a; is not defined",
        ),
        ("<graph/>", gexf, "not a GEXF file"),
    ];
    for (text, f, expected) in cases {
        let err = f(text).unwrap_err().to_string();
        assert!(
            err.contains(expected),
            "{text}\n→ {err}\n(expected {expected})"
        );
    }
}

#[test]
fn an_edge_from_an_actor_to_itself_is_left_out_and_said() {
    let text = "<graphml><graph><node id=\"1\"/><node id=\"2\"/><edge source=\"1\" target=\"1\"/><edge source=\"1\" target=\"2\"/></graph></graphml>";
    let got = graphml(text).unwrap();
    assert_eq!(got.project.partnerships.len(), 1);
    assert!(
        got.notes
            .iter()
            .any(|n| n.contains("1 partnership from an actor to itself was left out")),
        "{:?}",
        got.notes
    );
}

#[test]
fn a_cancelled_import_stops_and_changes_nothing() {
    let project = generate(3000, 9000, 2).unwrap();
    let text = export::graphml(&project).unwrap();
    let progress = Progress::new();
    progress.cancel();
    assert!(matches!(
        import_graphml(&text, &progress),
        Err(ImportError::Cancelled)
    ));
    let progress = Progress::new();
    let got = import_graphml(&text, &progress).unwrap();
    assert_eq!(got.project.actors.len(), 3000);
    assert_eq!(progress.fraction(), 1.0);
}

#[test]
fn the_format_follows_the_name() {
    assert_eq!(
        ImportFormat::from_path("x.GraphML".as_ref()),
        Some(ImportFormat::Graphml)
    );
    assert_eq!(
        ImportFormat::from_path("x.gexf".as_ref()),
        Some(ImportFormat::Gexf)
    );
    assert_eq!(
        ImportFormat::from_path("x.csv".as_ref()),
        Some(ImportFormat::Csv)
    );
    assert_eq!(
        ImportFormat::from_path("x.xml".as_ref()),
        Some(ImportFormat::Graphml)
    );
    assert_eq!(ImportFormat::from_path("x.ron".as_ref()), None);
}

/// The exported text with the `source` and `target` of the edge of partnership `id` swapped,
/// as networkx writes some edges of an undirected graph.
fn swap_ends(text: &str, id: u64, project: &Project) -> String {
    let p = &project.partnerships[&PartnershipId(id)];
    let (a, b) = (p.a, p.b);
    let from = format!("id=\"{id}\" source=\"{a}\" target=\"{b}\"");
    assert!(text.contains(&from), "no edge {id} in the export");
    text.replace(&from, &format!("id=\"{id}\" source=\"{b}\" target=\"{a}\""))
}

#[test]
fn an_edge_written_the_other_way_round_keeps_its_ends_by_a_and_b() {
    let project = io_sample();
    let g = graphml(&swap_ends(&export::graphml(&project).unwrap(), 3, &project)).unwrap();
    assert_eq!(content(&g.project), content(&project));
    let x = gexf(&swap_ends(&export::gexf(&project).unwrap(), 3, &project)).unwrap();
    assert_eq!(content(&x.project), content(&project));
}

#[test]
fn source_and_target_win_over_a_and_b_that_name_other_actors_with_a_note() {
    let text = "<graphml>\n<key id=\"ka\" for=\"edge\" attr.name=\"a\" attr.type=\"long\"/>\n<key id=\"kb\" for=\"edge\" attr.name=\"b\" attr.type=\"long\"/>\n<graph>\n<node id=\"1\"/><node id=\"2\"/><node id=\"3\"/>\n<edge source=\"1\" target=\"2\"><data key=\"ka\">3</data><data key=\"kb\">1</data></edge>\n</graph></graphml>";
    let got = graphml(text).unwrap();
    let p = &got.project.partnerships[&PartnershipId(1)];
    assert_eq!((p.a, p.b), (ActorId(1), ActorId(2)));
    assert!(
        got.notes.iter().any(|n| n.starts_with(
            "1 partnership's a and b name other actors than the edge's source and target"
        ) && n.contains("line 6, column 1")),
        "{:?}",
        got.notes
    );
    // The same two actors the other way round turn the partnership round, without a note.
    let text = text.replace(">3</data>", ">2</data>");
    let got = graphml(&text).unwrap();
    let p = &got.project.partnerships[&PartnershipId(1)];
    assert_eq!((p.a, p.b), (ActorId(2), ActorId(1)));
    assert!(!got.notes.iter().any(|n| n.contains("source and target")));
}

/// `project` exported, read by networkx and written back by it: (GraphML, GEXF) texts.
fn through_networkx(project: &Project) -> (String, String) {
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
    crate::common::python(script, &[&g, &x]);
    (
        std::fs::read_to_string(&g).unwrap(),
        std::fs::read_to_string(&x).unwrap(),
    )
}

#[test]
fn the_sample_comes_back_exactly_through_networkx() {
    if !crate::common::has_networkx() {
        return;
    }
    // GraphML and GEXF carry the map as it is now, not the sample's snapshots.
    let project = without_snapshots(io_sample());
    let (g, x) = through_networkx(&project);
    let g = graphml(&g).unwrap();
    assert_eq!(content(&g.project), content(&project), "GraphML");
    assert!(
        g.project == project,
        "GraphML: the map's own data survives too: {:?} {:?}",
        g.project.meta,
        g.project.settings
    );
    let x = gexf(&x).unwrap();
    assert_eq!(content(&x.project), content(&project), "GEXF");
    assert!(
        x.notes.iter().any(|n| n.contains("networkx_key")),
        "{:?}",
        x.notes
    );
}

#[test]
fn gexf_start_and_end_written_as_edge_attributes_give_the_dates() {
    // How networkx writes attributes named start and end: as GEXF's time span.
    let text = r#"<gexf version="1.2"><graph mode="dynamic" timeformat="date">
<attributes class="edge"><attribute id="0" title="end" type="string"/></attributes>
<nodes><node id="1" label="A" start="2001"/><node id="2" label="B"/></nodes>
<edges><edge id="1" source="1" target="2" start="2009-06" end="2013"/>
<edge id="2" source="1" target="2" start="2010" end="2011"><attvalues><attvalue for="0" value="2012"/></attvalues></edge>
</edges></graph></gexf>"#;
    let got = gexf(text).unwrap();
    let p = &got.project.partnerships;
    let date = |s: &str| Some(PartialDate(s.into()));
    assert_eq!(
        (&p[&PartnershipId(1)].start, &p[&PartnershipId(1)].end),
        (&date("2009-06"), &date("2013"))
    );
    assert_eq!(p[&PartnershipId(2)].end, date("2012"), "an attvalue wins");
    assert_eq!(
        got.project.actors[&ActorId(1)].custom.get("start"),
        Some(&CustomValue::Number(2001.0)),
        "actors have no dates: a custom field"
    );
}

#[test]
fn a_node_label_gives_the_name_node_by_node_and_is_kept_only_when_it_differs() {
    let text = r#"<graphml><key id="n" for="node" attr.name="name"/><key id="l" for="node" attr.name="label"/><graph>
<node id="1"><data key="n">Council</data><data key="l">Council</data></node>
<node id="2"><data key="l">Youth group</data></node>
<node id="3"><data key="n">District office</data><data key="l">DO</data></node>
</graph></graphml>"#;
    let got = graphml(text).unwrap();
    let a = &got.project.actors;
    assert_eq!(a[&ActorId(1)].name, "Council");
    assert!(
        a[&ActorId(1)].custom.is_empty(),
        "{:?}",
        a[&ActorId(1)].custom
    );
    assert_eq!(
        a[&ActorId(2)].name,
        "Youth group",
        "no name: the label gives it"
    );
    assert!(a[&ActorId(2)].custom.is_empty());
    assert_eq!(a[&ActorId(3)].name, "District office");
    assert_eq!(
        a[&ActorId(3)].custom.get("label"),
        Some(&CustomValue::Text("DO".into()))
    );
}

#[test]
fn graph_values_that_do_not_fit_are_problems_and_unknown_ones_are_said() {
    let text = "<graphml>\n<key id=\"c\" for=\"graph\" attr.name=\"colour_by\"/>\n<key id=\"x\" for=\"graph\" attr.name=\"cuts.b.x\" attr.type=\"double\"/>\n<key id=\"n\" for=\"graph\" attr.name=\"Name\"/>\n<graph>\n<data key=\"c\">Rainbow</data><data key=\"x\">2</data>\n<node id=\"1\"/></graph></graphml>";
    let err = graphml(text).unwrap_err().to_string();
    assert!(
        err.contains("line 6, column 1: colour_by: \"Rainbow\" is not a colour-by choice"),
        "{err}"
    );
    assert!(err.contains("a cut must lie between 0 and 1"), "{err}");
    let text = text
        .replace("Rainbow", "Form")
        .replace(">2<", ">0.25<")
        .replace("<node", "<data key=\"n\">networkx graph</data><node");
    let got = graphml(&text).unwrap();
    assert_eq!(got.project.settings.colour_by, ColourBy::Form);
    assert_eq!(got.project.settings.cuts.b, Cut { x: 0.25, y: 0.5 });
    assert!(
        got.notes
            .iter()
            .any(|n| n.contains("no field for were left out: \"Name\"")),
        "{:?}",
        got.notes
    );
}

#[test]
fn a_next_id_beyond_the_largest_id_is_refused_so_new_actors_cannot_take_old_ids() {
    let text = "<graphml>\n<key id=\"na\" for=\"graph\" attr.name=\"next_ids.actor\"/>\n<graph>\n<data key=\"na\">18446744073709551615</data>\n<node id=\"1\"/></graph></graphml>";
    let err = graphml(text).unwrap_err().to_string();
    assert!(
        err.contains("`next_ids.actor` 18446744073709551615 is too large"),
        "{err}"
    );
}

#[test]
fn a_csv_actor_without_a_name_and_columns_kept_as_custom_fields_are_said() {
    let tables = Tables {
        actors: Some(
            Table::parse(
                "actors.csv",
                b"name,sector,Budget,custom_name\nA,State,10,x\n,State,20,y\n",
            )
            .unwrap(),
        ),
        partnerships: Some(Table::parse("partnerships.csv", b"a,b,Trust\nA,Actor 2,4\n").unwrap()),
        map: None,
    };
    let got = import::csv::import(&tables, &tables.guess_mapping(), &Progress::new()).unwrap();
    assert_eq!(got.project.actors[&ActorId(2)].name, "Actor 2");
    let said = got.notes.join("\n");
    for expected in [
        "1 actor had no name and is named after its id (actors.csv row 3).",
        "actors.csv: the columns \"Budget\" and \"custom_name\" (as \"name\") are kept as custom fields.",
        "partnerships.csv: the column \"Trust\" is kept as a custom field.",
    ] {
        assert!(said.contains(expected), "missing «{expected}» in:\n{said}");
    }
}

#[test]
fn csv_custom_cells_stay_as_written_unless_they_plainly_are_numbers() {
    let tables = Tables {
        actors: Some(
            Table::parse(
                "actors.csv",
                b"name,sector,Phone,Postcode,Budget,Registry\nA,State,+85512345678,007,2.5,1234567890123456789\n",
            )
            .unwrap(),
        ),
        partnerships: None,
        map: None,
    };
    let got = import::csv::import(&tables, &tables.guess_mapping(), &Progress::new()).unwrap();
    let custom = &got.project.actors.values().next().unwrap().custom;
    let text = |s: &str| Some(CustomValue::Text(s.to_string()));
    assert_eq!(custom.get("Phone").cloned(), text("+85512345678"));
    assert_eq!(custom.get("Postcode").cloned(), text("007"));
    assert_eq!(custom.get("Registry").cloned(), text("1234567890123456789"));
    assert_eq!(
        custom.get("Budget").cloned(),
        Some(CustomValue::Number(2.5))
    );
}

#[test]
fn our_json_export_imports_as_the_same_map_checked_like_a_map_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    let project = io_sample();
    std::fs::write(&path, export::map_json(&project).unwrap()).unwrap();
    assert_eq!(ImportFormat::from_path(&path), Some(ImportFormat::Json));
    let got = import::import_path(&path, None, &Progress::new()).unwrap();
    assert!(got.project == project, "{:?}", got.project.meta);
    assert!(got.notes.is_empty(), "{:?}", got.notes);
    // Unlike GraphML, GEXF and the tables, JSON keeps the map's snapshots.
    assert!(
        !project.snapshots.is_empty(),
        "the sample keeps its Baseline"
    );
    assert_eq!(got.project.snapshots, project.snapshots);

    // A value the map cannot hold is a problem, as in a .ron file.
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "\"name\": \"World Bank\"",
        "\"name\": \" \"",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let err = import::import_path(&path, None, &Progress::new()).unwrap_err();
    assert!(matches!(err, ImportError::Problems(..)), "{err}");
    assert!(err.to_string().contains("the name is empty"), "{err}");
    // Broken JSON says where.
    std::fs::write(
        &path,
        "{\n  \"format\": \"partnermap\",\n  \"version\": 1,\n  \"actors\": [,]\n}",
    )
    .unwrap();
    let err = import::import_path(&path, None, &Progress::new()).unwrap_err();
    assert!(err.to_string().starts_with("line 4, column 14:"), "{err}");
}
