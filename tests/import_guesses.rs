//! Nothing guessed in silence (design.md §11): every value an import drops, replaces,
//! renumbers, merges, flattens or cleans is refused or named in a note with its place; lists
//! come back whole whatever their items hold; errors carry the right line or row.

use partnermap::io::export::{self, csv_tables};
use partnermap::io::import::csv::{Table, Tables};
use partnermap::io::import::{self, ImportError, Imported, import_gexf, import_graphml};
use partnermap::model::*;
use partnermap::task::Progress;

fn graphml(text: &str) -> Result<Imported, ImportError> {
    import_graphml(text, &Progress::new())
}

fn gexf(text: &str) -> Result<Imported, ImportError> {
    import_gexf(text, &Progress::new())
}

/// Imports an actors table and a partnerships table given as text (either may be missing).
fn csv(actors: Option<&str>, partnerships: Option<&str>) -> Result<Imported, ImportError> {
    let tables = Tables {
        actors: actors
            .map(|t| Table::parse("actors.csv", t.as_bytes()))
            .transpose()?,
        partnerships: partnerships
            .map(|t| Table::parse("partnerships.csv", t.as_bytes()))
            .transpose()?,
        map: None,
    };
    import::csv::import(&tables, &tables.guess_mapping(), &Progress::new())
}

/// The one note that contains `phrase`.
fn note<'a>(got: &'a Imported, phrase: &str) -> &'a str {
    let found: Vec<&String> = got.notes.iter().filter(|n| n.contains(phrase)).collect();
    assert_eq!(found.len(), 1, "«{phrase}» in {:#?}", got.notes);
    found[0]
}

/// A GraphML file with the keys PartnerMap's own names use, and `body` inside its graph,
/// which starts on line 9.
fn graphml_with(body: &str) -> String {
    format!(
        "<graphml>\n\
         <key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n\
         <key id=\"i\" for=\"node\" attr.name=\"influence\" attr.type=\"int\"/>\n\
         <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n\
         <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n\
         <key id=\"b\" for=\"node\" attr.name=\"budget\" attr.type=\"double\"/>\n\
         <key id=\"t\" for=\"node\" attr.name=\"tags\" attr.type=\"string\"/>\n\
         <graph edgedefault=\"undirected\">\n\
         {body}\n\
         </graph>\n\
         </graphml>"
    )
}

#[test]
fn positions_that_cannot_be_drawn_are_laid_out_with_a_note_or_refused() {
    // a. GEXF's viz:position from another tool: left out, said, laid out.
    let text = "<gexf xmlns:viz=\"http://gexf.net/1.3/viz\">\n\
                <graph>\n\
                <nodes>\n\
                <node id=\"n1\" label=\"A\"><viz:position x=\"10\" y=\"5\"/></node>\n\
                <node id=\"n3\" label=\"B\">\n  <viz:position x=\"1e999\" y=\"0\"/></node>\n\
                <node id=\"n4\" label=\"C\"><viz:position x=\"NaN\" y=\"0\"/></node>\n\
                <node id=\"n5\" label=\"D\"><viz:position x=\"2e9\"/></node>\n\
                </nodes>\n\
                </graph>\n\
                </gexf>";
    let got = gexf(text).unwrap();
    assert_eq!(
        note(&got, "laid out instead"),
        "3 actors had drawn positions that PartnerMap cannot draw and were laid out instead: \
         node \"n3\" (line 6, column 3): viz:position x=1e999 is not a position PartnerMap \
         can draw (beyond ±1,000,000,000); node \"n4\" (line 7, column 25): viz:position \
         x=NaN is not a number; node \"n5\" (line 8, column 25): viz:position x=2e9 is not a \
         position PartnerMap can draw (beyond ±1,000,000,000)."
    );
    for a in got.project.actors.values() {
        let p = a.position;
        assert!(p.x.abs() <= 1e9 && p.y.abs() <= 1e9, "{}: {p:?}", a.name);
    }
    assert_eq!(
        got.project.actors[&ActorId(1)].position,
        Position::new(10.0, -5.0)
    );

    // yEd's geometry: the same, one actor.
    let text = "<graphml>\n\
                <key id=\"g\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n\
                <graph>\n\
                <node id=\"n0\"><data key=\"g\"><y:ShapeNode>\n\
                <y:Geometry x=\"inf\" y=\"0\" width=\"30\" height=\"30\"/>\n\
                <y:NodeLabel>Commune council</y:NodeLabel></y:ShapeNode></data></node>\n\
                </graph>\n\
                </graphml>";
    let got = graphml(text).unwrap();
    assert_eq!(
        note(&got, "laid out instead"),
        "node \"n0\" (line 5, column 1): y:Geometry x=inf is not a position PartnerMap can \
         draw (beyond ±1,000,000,000); the actor was laid out instead."
    );
    assert!(got.project.actors[&ActorId(1)].position.x.is_finite());

    // PartnerMap's own x and y attributes and columns: refused with their place.
    let err = graphml(&graphml_with(
        "<node id=\"1\"><data key=\"n\">A</data><data key=\"x\">1e12</data><data key=\"y\">0</data></node>",
    ))
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 9, column 36: x: \"1e12\" is not a position PartnerMap can draw (beyond \
         ±1,000,000,000)"
    );
    let err = csv(Some("name,x,y\nA,3,\nB,1e999,2\n"), None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "actors.csv row 2: x is given but y is not; give both or neither\n\
         actors.csv row 3, column \"x\": \"1e999\" is not a position PartnerMap can draw \
         (beyond ±1,000,000,000)"
    );
}

#[test]
fn a_quote_that_does_not_close_is_refused_where_it_opens() {
    // b. The CSV reader would read the rest of the file as one cell.
    let err = Table::parse(
        "actors.csv",
        b"name,sector\nA,State\n\n\"B,State\nC,State\nD,State\n",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "actors.csv row 4: a quote opens a cell on line 4 and is never closed, so the rest \
         of the file would be one cell; close it (a quote inside a cell is written twice: \
         \"\")"
    );
    // A quote closed by a later one swallows the lines between.
    let err = Table::parse("actors.csv", b"name,notes\n\"A,x\nB,y\nC,\"z\"\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "actors.csv row 2: a quote opens a cell on line 2 that closes on line 4 with text \
         after it, so those lines would be one cell; a quote inside a cell is written twice \
         (\"\")"
    );
    // Quotes written as spreadsheets write them are read as before.
    let t = Table::parse(
        "actors.csv",
        b"name,notes\n\"A \"\"quoted\"\"\",\"two\nlines\"\n5\" screen,x\n",
    )
    .unwrap();
    assert_eq!(t.rows[0], ["A \"quoted\"", "two\nlines"]);
    assert_eq!(t.rows[1], ["5\" screen", "x"]);
}

#[test]
fn rows_count_blank_lines_as_a_spreadsheet_does() {
    // The CSV reader skips blank lines; the rows named in messages are the spreadsheet's.
    let err = csv(Some("name,sector\n\nA,State\n\n\nB,Church\n"), None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "actors.csv row 6, column \"sector\": \"Church\" is not a sector; use one of State, \
         CivilSociety, Private, Community, Donor, Joint"
    );
    let err = csv(Some("name,notes\n\"A\",\"one\ntwo\"\nB,x,y\n"), None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "actors.csv row 3: has 3 cells but the header names 2 columns"
    );
}

#[test]
fn a_key_or_attribute_declared_twice_is_refused_with_both_places() {
    // c.
    let text = "<graphml>\n\
                <key id=\"d0\" for=\"node\" attr.name=\"name\"/>\n\
                <key id=\"d0\" for=\"node\" attr.name=\"notes\"/>\n\
                <graph><node id=\"1\"><data key=\"d0\">A</data></node></graph>\n\
                </graphml>";
    assert_eq!(
        graphml(text).unwrap_err().to_string(),
        "line 3, column 1: <key id=\"d0\"> is declared a second time (first at line 2, column \
         1); each key needs an id of its own"
    );
    let text = "<gexf><graph>\n\
                <attributes class=\"node\">\n\
                <attribute id=\"0\" title=\"sector\" type=\"string\"/>\n\
                <attribute id=\"0\" title=\"level\" type=\"string\"/>\n\
                </attributes>\n\
                <nodes><node id=\"1\" label=\"A\"/></nodes></graph></gexf>";
    assert_eq!(
        gexf(text).unwrap_err().to_string(),
        "line 4, column 1: <attribute id=\"0\"> is declared a second time (first at line 3, \
         column 1); each attribute needs an id of its own"
    );
}

#[test]
fn hyperedges_nested_graphs_and_hierarchies_are_said() {
    // d. and nested graphs (yEd's groups).
    let text = "<graphml>\n\
                <key id=\"d\" for=\"graph\" attr.name=\"colour\"/>\n\
                <graph>\n\
                <node id=\"1\"/><node id=\"2\"/>\n\
                <node id=\"g\">\n  <graph id=\"g:\"><data key=\"d\">red</data><node id=\"3\"/></graph></node>\n\
                <hyperedge><endpoint node=\"1\"/><endpoint node=\"2\"/><endpoint node=\"3\"/></hyperedge>\n\
                <hyperedge><endpoint node=\"1\"/><endpoint node=\"3\"/></hyperedge>\n\
                <edge source=\"1\" target=\"2\"/>\n\
                </graph>\n\
                </graphml>";
    let got = graphml(text).unwrap();
    assert_eq!(got.project.actors.len(), 4);
    assert_eq!(
        note(&got, "hyperedge"),
        "2 hyperedges were left out (line 7, column 1; line 8, column 1): a partnership joins \
         two actors, a hyperedge any number."
    );
    assert_eq!(
        note(&got, "grouping"),
        "The nodes of 1 graph inside nodes (groups) were read as ordinary actors: the \
         grouping was left out (line 6, column 3)."
    );
    assert_eq!(
        note(&got, "of the document"),
        "1 value of the document or of graphs inside nodes, which a map has no place for, \
         was left out (line 6, column 18)."
    );

    // e. GEXF hierarchies: nodes inside nodes, and nodes with a parent.
    let text = "<gexf><graph>\n\
                <nodes>\n\
                <node id=\"a\" label=\"Ministry\">\n\
                  <nodes><node id=\"b\" label=\"Department\"/></nodes>\n\
                </node>\n\
                <node id=\"c\" label=\"Office\" pid=\"a\"><parents><parent for=\"a\"/></parents></node>\n\
                </nodes></graph></gexf>";
    let got = gexf(text).unwrap();
    assert_eq!(got.project.actors.len(), 3);
    assert_eq!(
        note(&got, "hierarchy"),
        "2 nodes inside other nodes or with parents (a GEXF hierarchy) were read as ordinary \
         actors: the hierarchy was left out (line 4, column 8; line 6, column 1)."
    );

    // A GEXF time span that an attribute of the same name contradicts gives way to it.
    let text = "<gexf><graph>\n\
                <attributes class=\"edge\"><attribute id=\"s\" title=\"start\" type=\"string\"/></attributes>\n\
                <nodes><node id=\"1\" label=\"A\"/><node id=\"2\" label=\"B\"/></nodes>\n\
                <edges><edge id=\"e\" source=\"1\" target=\"2\" start=\"2010\">\n\
                <attvalues><attvalue for=\"s\" value=\"2012\"/></attvalues></edge></edges>\n\
                </graph></gexf>";
    let got = gexf(text).unwrap();
    let start = &got.project.partnerships[&PartnershipId(1)].start;
    assert_eq!(start, &Some(PartialDate("2012".into())));
    assert_eq!(
        note(&got, "time span"),
        "1 time span (GEXF's start and end of an item) was left out for an attribute of the \
         same name that says otherwise: edge \"e\" (line 4, column 8): start=\"2010\" (the \
         attribute says \"2012\")."
    );
}

#[test]
fn ends_spelt_otherwise_are_named_with_the_actor_taken() {
    // f.
    let actors = "name\nMinistry of Interior\nCommune council\n";
    let partnerships = "a,b\nministry of interior,Commune council\nMinistry-of-Interior,commune  council\nMINISTRY OF INTERIOR,Commune council\n";
    let got = csv(Some(actors), Some(partnerships)).unwrap();
    assert_eq!(got.project.partnerships.len(), 3);
    assert_eq!(
        note(&got, "spelt otherwise"),
        "Partnership ends that name an actor spelt otherwise (case, spaces or punctuation) \
         were taken as that actor: \"ministry of interior\" as \"Ministry of Interior\" \
         (partnerships.csv row 2, column \"a\"); \"Ministry-of-Interior\" as \"Ministry of \
         Interior\" (partnerships.csv row 3, column \"a\"); \"commune  council\" as \"Commune \
         council\" (partnerships.csv row 3, column \"b\"); \"MINISTRY OF INTERIOR\" as \
         \"Ministry of Interior\" (partnerships.csv row 4, column \"a\")."
    );
    // An edge list alone: the first spelling makes the actor, the others are taken as it.
    let got = csv(None, Some("a,b\nNGO Forum,Commune\nngo forum,Province\n")).unwrap();
    assert_eq!(got.project.actors.len(), 3);
    assert!(note(&got, "spelt otherwise").contains("\"ngo forum\" as \"NGO Forum\""));
}

#[test]
fn ids_renumbered_are_said_with_examples() {
    // g.
    let got = csv(Some("id,name\n7,A\nB2,B\n3,C\n"), None).unwrap();
    assert_eq!(
        got.project.actors.keys().map(|k| k.0).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert_eq!(
        note(&got, "renumbered"),
        "The actors' ids were renumbered 1, 2, 3… in row order because \"B2\" is not a whole \
         number (actors.csv row 3, column \"id\"): \"7\" is now 1, \"B2\" is now 2."
    );
    let got = graphml(
        "<graphml><graph>\n<node id=\"n0\"/>\n<node id=\"n1\"/>\n<edge id=\"e0\" source=\"n0\" target=\"n1\"/></graph></graphml>",
    )
    .unwrap();
    assert_eq!(
        note(&got, "actors' ids"),
        "The actors' ids were renumbered 1, 2, 3… in file order because \"n0\" is not a whole \
         number (line 2, column 1): \"n0\" is now 1, \"n1\" is now 2."
    );
    assert_eq!(
        note(&got, "partnerships' ids"),
        "The partnerships' ids were renumbered 1, 2, 3… in file order because \"e0\" is not a \
         whole number (line 4, column 1): \"e0\" is now 1."
    );
    // Whole-number ids, and ids not written at all, renumber nothing.
    let got = csv(Some("id,name\n4,A\n9,B\n"), Some("a,b\n4,9\n")).unwrap();
    assert!(
        got.notes.iter().all(|n| !n.contains("renumbered")),
        "{:?}",
        got.notes
    );
}

#[test]
fn a_field_given_twice_with_different_values_is_refused() {
    // h. Two <data> of one key on one node.
    let err = graphml(&graphml_with(
        "<node id=\"1\"><data key=\"n\">A</data>\n<data key=\"n\">B</data></node>",
    ))
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 10, column 1: name: given a second time, as \"B\" (first as \"A\" at line 9, \
         column 14); give it once"
    );
    // Two keys with the same name, on one node; the same value twice is no conflict.
    let text = "<graphml>\n\
                <key id=\"a\" for=\"node\" attr.name=\"budget\" attr.type=\"double\"/>\n\
                <key id=\"b\" for=\"node\" attr.name=\"budget\" attr.type=\"double\"/>\n\
                <graph>\n\
                <node id=\"1\"><data key=\"a\">5</data><data key=\"b\">5</data></node>\n\
                <node id=\"2\"><data key=\"a\">5</data><data key=\"b\">6</data></node>\n\
                </graph></graphml>";
    assert_eq!(
        graphml(text).unwrap_err().to_string(),
        "line 6, column 36: budget: given a second time, as \"6\" (first as \"5\" at line 6, \
         column 14); give it once"
    );
    // Two columns of the same header.
    let err = csv(Some("name,Budget,sector,Budget\nA,1,State,2\n"), None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "actors.csv: columns 2 and 4 are both named \"Budget\", so their cells would fill one \
         custom field; rename one, or leave one out"
    );
}

#[test]
fn control_characters_are_removed_from_every_text_and_counted() {
    // i. CSV: names, list items, custom keys and values.
    let got = csv(
        Some("name,tags,Bud\u{7}get\nA\u{1b}[31m,x\u{0};y,1\u{7f}2\nB,,\n"),
        None,
    )
    .unwrap();
    let a = &got.project.actors[&ActorId(1)];
    assert_eq!(a.name, "A[31m");
    assert_eq!(a.tags.iter().collect::<Vec<_>>(), ["x", "y"]);
    assert_eq!(a.custom.get("Budget"), Some(&CustomValue::Number(12.0)));
    assert_eq!(
        note(&got, "control character"),
        "4 texts held control characters, which were removed (the first: U+001B at actors.csv \
         row 2, column \"name\")."
    );
    // GraphML: a character reference, a label, the title.
    let got = graphml(&graphml_with(
        "<node id=\"1\"><data key=\"n\">Commune&#27;council</data></node>",
    ))
    .unwrap();
    assert_eq!(got.project.actors[&ActorId(1)].name, "Communecouncil");
    assert_eq!(
        note(&got, "control character"),
        "1 text held a control character (U+001B at line 9, column 14), which was removed."
    );
    // GEXF: a node's label and an edge's.
    let got = gexf(
        "<gexf><graph><nodes>\n<node id=\"1\" label=\"A&#7;\"/><node id=\"2\" label=\"B\"/></nodes>\n<edges><edge source=\"1\" target=\"2\" label=\"\u{1}x\"/></edges></graph></gexf>",
    )
    .unwrap();
    assert_eq!(got.project.actors[&ActorId(1)].name, "A");
    assert_eq!(
        got.project.partnerships[&PartnershipId(1)].label.as_deref(),
        Some("x")
    );
    assert!(note(&got, "control characters").starts_with("2 texts held"));
}

/// A map whose lists hold separators and backslashes.
fn listy() -> Project {
    let mut p = Project::new();
    let mut a = Actor::new(ActorId(1), "A", Sector::State, Level::National);
    let items = ["a; b", "x;y", "back\\slash", "end\\", "\\;", "C:\\data"];
    a.tags = items.iter().map(|s| s.to_string()).collect();
    a.resources = a.tags.clone();
    a.sources = items.iter().map(|s| s.to_string()).collect();
    p.insert_actor(a);
    p.insert_actor(Actor::new(ActorId(2), "B", Sector::Donor, Level::National));
    let mut e = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
    e.enablers = p.actors[&ActorId(1)].tags.clone();
    e.disablers = e.enablers.clone();
    e.sources = items.iter().rev().map(|s| s.to_string()).collect();
    p.insert_partnership(e);
    p
}

#[test]
fn lists_round_trip_through_every_format_whatever_their_items_hold() {
    // j.
    let p = listy();
    let same = |got: &Project, format: &str| {
        assert_eq!(got.actors, p.actors, "{format}");
        assert_eq!(got.partnerships, p.partnerships, "{format}");
    };
    same(
        &graphml(&export::graphml(&p).unwrap()).unwrap().project,
        "GraphML",
    );
    same(&gexf(&export::gexf(&p).unwrap()).unwrap().project, "GEXF");
    let ind = partnermap::analysis::compute(&p, None);
    let t = csv_tables(&p, &ind).unwrap();
    let got = csv(Some(&t.actors), Some(&t.partnerships)).unwrap();
    same(&got.project, "CSV");
    // The workbook is written from the same tables, so its cells hold the same escapes.
    let table = export::table::actors_table(&p);
    let tags = table.header.iter().position(|h| h == "tags").unwrap();
    assert_eq!(
        table.rows[0][tags],
        export::table::Cell::Text(r"C:\\data; \\\;; a\; b; back\\slash; end\\; x\;y".into())
    );
    // A hand-written cell reads as written, backslashes and all.
    let got = csv(Some("name,tags\nA,C:\\data; D:\\new\\;x\n"), None).unwrap();
    assert_eq!(
        got.project.actors[&ActorId(1)]
            .tags
            .iter()
            .collect::<Vec<_>>(),
        ["C:\\data", "D:\\new;x"]
    );
}

#[test]
fn xml_errors_after_a_character_reference_name_their_own_line() {
    // k.
    let head = "<graphml>\n<key id=\"n\" for=\"node\" attr.name=\"name\"/>\n<graph>\n<node id=\"1\"><data key=\"n\">Caf&#233;</data></node>\n";
    let cases = [
        (
            "<node id=\"2\" label=\"Caf&#233; &nbsp;\"/>",
            "line 5, column 31: the entity &nbsp; is not defined (only &amp; &lt; &gt; &quot; \
             &apos; are)",
        ),
        (
            "<node id=\"2\"><data key=\"n\">Caf&#233;&#0;</data></node>",
            "line 5, column 37: the XML is not well-formed: invalid character reference: 0x0 \
             character is not permitted in XML",
        ),
        (
            "<node id=\"2\" label=\"Caf&#233;&#0;\"/>",
            "line 5, column 30: the XML is not well-formed: invalid character reference: 0x0 \
             character is not permitted in XML",
        ),
        (
            "<node id=\"2\"><data key=\"n\">Caf&#233;</dta></node>",
            "line 5, column 37: the XML is not well-formed: ill-formed document: expected \
             `</data>`, but `</dta>` was found",
        ),
        (
            "<node id=\"2\" b=\"Caf&#233;\" c/>",
            "line 5, column 29: the XML is not well-formed: attribute key must be directly \
             followed by `=` or space",
        ),
        (
            "<node id=\"2\" a=\"Caf&#233;\" a=\"x\"/>",
            "line 5, column 28: the XML is not well-formed: this attribute is given a second \
             time in the element (first at line 5, column 14)",
        ),
    ];
    for (line5, expected) in cases {
        let text = format!("{head}{line5}\n</graph></graphml>");
        assert_eq!(graphml(&text).unwrap_err().to_string(), expected, "{line5}");
    }
}

#[test]
fn a_file_not_in_utf8_names_the_row_or_line_of_its_first_bad_byte() {
    // l. "Café" in Latin-1 on the third row, the second line of a GraphML element.
    let err = Table::parse("actors.csv", b"name,sector\nA,State\nCaf\xe9,State\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "actors.csv row 3 (line 3): the file is not UTF-8 text (byte 0xE9 is not UTF-8; the \
         file may be Latin-1 or Windows-1252); save it as UTF-8 and try again"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.graphml");
    std::fs::write(
        &path,
        b"<graphml>\n<graph>\n<node id=\"1\">\n<data key=\"n\">Caf\xe9</data></node></graph></graphml>",
    )
    .unwrap();
    let err = import::import_path(&path, None, &Progress::new()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "latin1.graphml line 4, column 18: the file is not UTF-8 text (byte 0xE9 is not \
         UTF-8; the file may be Latin-1 or Windows-1252); save it as UTF-8 and try again"
    );
    std::fs::write(&path, b"\xff\xfe<\x00g\x00").unwrap();
    let err = import::import_path(&path, None, &Progress::new()).unwrap_err();
    assert!(err.to_string().contains("(it is UTF-16)"), "{err}");
}

#[test]
fn a_value_that_is_not_a_number_names_its_attribute_and_place() {
    // m.
    let err = graphml(&graphml_with(
        "<node id=\"1\"><data key=\"n\">A</data><data key=\"i\">high</data><data key=\"x\">abc</data><data key=\"y\">0</data><data key=\"b\">lots</data></node>",
    ))
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 9, column 36: influence: \"high\" is not a whole number; influence is 1 to 5\n\
         line 9, column 61: x: \"abc\" is not a number\n\
         line 9, column 107: budget: \"lots\" is not a number (the file declares it a number)"
    );
    let err = csv(Some("name,influence\nA,high\n"), None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "actors.csv row 2, column \"influence\": \"high\" is not a whole number; influence is \
         1 to 5"
    );
    let err = gexf(
        "<gexf><graph><edges/><nodes><node id=\"1\" label=\"A\"/><node id=\"2\" label=\"B\"/></nodes>\n<edges><edge source=\"1\" target=\"2\" weight=\"heavy\"/></edges></graph></gexf>",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 2, column 8: weight: \"heavy\" is not a number (the file declares it a number)"
    );
}
