//! Exports (design.md §8, §11): every format drawn or written from the model, every string
//! escaped for its format, the same map giving the same bytes, and what other tools read
//! back equal to the model.

use std::collections::BTreeMap;

use partnermap::io::export::{
    self, ExportRequest, Format, SvgOptions, View, gexf, graphml, map_json, map_svg, quadrant_svg,
};
use partnermap::io::sample;
use partnermap::model::{
    Accountability, Actor, ActorId, Choice, CustomValue, Form, Formality, Function, Level,
    Partnership, PartnershipId, Project, Sector, Stance,
};
use partnermap::typology::Framework;
use quick_xml::events::Event;

const KHMER: &str = "ក្រុមប្រឹក្សាឃុំ";
const ARABIC: &str = "مجلس";
const MARKUP: &str = "Council <North> & \"Partners\" 'Ltd'";
const EMOJI: &str = "Youth 🤝 group";
const FORMULA: &str = "=HYPERLINK(\"http://example.invalid\",\"x\")";

/// A map whose names and texts try to break every format: markup, quotes, emoji, Khmer,
/// Arabic, spreadsheet formulas; with parallel partnerships and custom fields.
fn tricky() -> Project {
    let mut p = Project::new();
    p.meta.title = format!("Map of {MARKUP}");
    let names = [MARKUP, KHMER, ARABIC, EMOJI, FORMULA];
    let sectors = [
        Sector::State,
        Sector::Community,
        Sector::Joint,
        Sector::CivilSociety,
        Sector::Private,
    ];
    for (i, (name, sector)) in names.iter().zip(sectors).enumerate() {
        let mut a = Actor::new(ActorId(i as u64 + 1), *name, sector, Level::Commune);
        a.position.x = 200.0 * i as f64;
        a.position.y = if i % 2 == 0 { 0.0 } else { 150.0 };
        a.influence = Some((i % 5) as u8 + 1);
        a.notes = "+1 call me".into();
        a.tags.insert("@mention".into());
        a.sources.push("-2+3".into());
        a.custom
            .insert("budget".into(), CustomValue::Number(1000.5 * i as f64));
        a.custom.insert(
            "note <x>".into(),
            CustomValue::Text(format!("=SUM(A{i}) & {KHMER}")),
        );
        p.insert_actor(a);
    }
    p.actors.get_mut(&ActorId(1)).unwrap().stance = Some(Stance::Supports);
    p.actors.get_mut(&ActorId(2)).unwrap().short = Some("CC".into());
    let mut e = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
    e.label = Some("a<b>&\"c\"".into());
    e.form = Some(Form::Integrated);
    e.formality = Some(Formality::Mou);
    e.functions.insert(Function::Accountability);
    e.functions.insert(Function::Learning);
    e.trust_ab = Some(4);
    e.trust_ba = Some(2);
    e.power = Some(-2);
    e.identity_a = Some(5);
    e.identity_b = Some(3);
    e.accountability = Some(Accountability::Mutual);
    e.practices.joint_goals = true;
    e.notes = "\tTabbed".into();
    e.custom.insert("weight".into(), CustomValue::Number(2.5));
    p.insert_partnership(e);
    // A parallel partnership between the same two actors, the other way round.
    let mut e = Partnership::new(PartnershipId(2), ActorId(2), ActorId(1));
    e.formality = Some(Formality::Personal);
    e.power = Some(1);
    p.insert_partnership(e);
    for (id, a, b) in [(3, 2, 3), (4, 3, 4), (5, 4, 5), (6, 1, 2)] {
        p.insert_partnership(Partnership::new(PartnershipId(id), ActorId(a), ActorId(b)));
    }
    assert!(p.validate().is_empty(), "{:?}", p.validate());
    p
}

/// A parsed XML element: name, attributes (unescaped) and text, children.
#[derive(Debug, Default, Clone)]
struct El {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
    children: Vec<El>,
}

impl El {
    fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        if self.name == name {
            out.push(self);
        }
        for c in &self.children {
            c.all(name, out);
        }
    }

    fn find_all(&self, name: &str) -> Vec<&El> {
        let mut out = Vec::new();
        self.all(name, &mut out);
        out
    }

    fn attr(&self, name: &str) -> &str {
        self.attrs.get(name).map_or("", String::as_str)
    }

    /// Every text under this element, in order.
    fn deep_text(&self) -> String {
        let mut s = self.text.clone();
        for c in &self.children {
            s.push_str(&c.deep_text());
        }
        s
    }
}

/// Parses a whole document with quick-xml, failing on anything ill-formed.
fn parse_xml(text: &str) -> El {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack = vec![El::default()];
    let start = |e: &quick_xml::events::BytesStart| {
        let mut el = El {
            name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
            ..El::default()
        };
        for a in e.attributes() {
            let a = a.expect("well-formed attribute");
            el.attrs.insert(
                String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                    .expect("escaped value")
                    .into_owned(),
            );
        }
        el
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(start(&e)),
            Event::Empty(e) => {
                let el = start(&e);
                stack.last_mut().unwrap().children.push(el);
            }
            Event::End(_) => {
                let el = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(el);
            }
            Event::Text(t) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&t.decode().expect("UTF-8")),
            Event::CData(t) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&t.decode().expect("UTF-8")),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().expect("a valid reference") {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().expect("UTF-8");
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .expect("a predefined entity")
                            .to_string()
                    }
                };
                stack.last_mut().unwrap().text.push_str(&text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "every element is closed");
    stack.pop().unwrap().children.remove(0)
}

fn usvg_tree(svg: &str) -> usvg::Tree {
    usvg::Tree::from_str(svg, &export::usvg_options()).expect("usvg reads the export")
}

/// Every text in a usvg tree.
fn usvg_texts(group: &usvg::Group, out: &mut Vec<String>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => usvg_texts(g, out),
            usvg::Node::Text(t) => out.push(t.chunks().iter().map(|c| c.text()).collect()),
            _ => {}
        }
    }
}

/// Every text node in a usvg group.
fn usvg_text_nodes<'a>(group: &'a usvg::Group, out: &mut Vec<&'a usvg::Text>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => usvg_text_nodes(g, out),
            usvg::Node::Text(t) => out.push(t),
            _ => {}
        }
    }
}

/// The group with `id` in a usvg tree.
fn usvg_group<'a>(tree: &'a usvg::Tree, id: &str) -> &'a usvg::Group {
    match tree.node_by_id(id) {
        Some(usvg::Node::Group(g)) => g,
        other => panic!("no group {id}: {other:?}"),
    }
}

/// Whether `inner` lies within `outer`, give or take `slack` px.
fn inside(inner: usvg::Rect, outer: usvg::Rect, slack: f32) -> bool {
    inner.left() >= outer.left() - slack
        && inner.right() <= outer.right() + slack
        && inner.top() >= outer.top() - slack
        && inner.bottom() <= outer.bottom() + slack
}

#[test]
fn every_legend_text_fits_inside_the_legend_box() {
    for colour_by in partnermap::model::ColourBy::ALL {
        let mut project = sample();
        project.settings.colour_by = *colour_by;
        let tree = usvg_tree(&map_svg(&project, &SvgOptions::default()));
        let legend = usvg_group(&tree, "legend");
        // The box is the legend's first shape.
        let Some(usvg::Node::Path(frame)) = legend.children().first() else {
            panic!("the legend starts with its box");
        };
        let frame = frame.abs_bounding_box();
        let page =
            usvg::Rect::from_xywh(0.0, 0.0, tree.size().width(), tree.size().height()).unwrap();
        assert!(
            inside(frame, page, 0.0),
            "{colour_by:?}: the box is on the page"
        );
        let mut texts = Vec::new();
        usvg_text_nodes(legend, &mut texts);
        assert!(texts.len() > 10);
        for t in texts {
            let words: String = t.chunks().iter().map(|c| c.text()).collect();
            assert!(
                inside(t.abs_bounding_box(), frame, 0.0),
                "{colour_by:?}: {words:?} at {:?} runs outside the legend's box {frame:?}",
                t.abs_bounding_box()
            );
        }
    }
}

/// The scale the map is drawn at in `svg` (its `<g id="map">`'s transform).
fn drawn_scale(svg: &str) -> f64 {
    let at = svg.find("id=\"map\" transform=").expect("the map group");
    let rest = &svg[at..];
    let scale = &rest[rest.find("scale(").expect("a scale") + 6..];
    scale[..scale.find(')').expect("its end")]
        .parse()
        .expect("a number")
}

#[test]
fn the_map_svg_has_a_legend_one_element_per_actor_and_partnership_and_text_labels() {
    let project = sample();
    let svg = map_svg(&project, &SvgOptions::default());
    let tree = usvg_tree(&svg);
    assert!(tree.node_by_id("legend").is_some(), "the legend is drawn");
    for id in project.actors.keys() {
        assert!(
            tree.node_by_id(&format!("actor-{id}")).is_some(),
            "actor {id}"
        );
    }
    for id in project.partnerships.keys() {
        assert!(
            tree.node_by_id(&format!("partnership-{id}")).is_some(),
            "partnership {id}"
        );
    }
    let mut texts = Vec::new();
    usvg_texts(tree.root(), &mut texts);
    assert!(texts.iter().any(|t| t == &project.meta.title), "the title");
    for word in ["State", "Civil society", "Integrated", "Colour: trust"] {
        assert!(texts.iter().any(|t| t == word), "legend says {word}");
    }
    // Each label is real text: the wrapped lines of the actor's name, or of its short name
    // where the drawing is scaled below the zoom at which the canvas shows short names (the
    // sample map is drawn at 0.72).
    let xml = parse_xml(&svg);
    let short = drawn_scale(&svg) < partnermap::style::marks::SHORT_NAMES_BELOW_ZOOM;
    assert!(short, "the sample map is drawn below three-quarter size");
    for a in project.actors.values() {
        let label = xml
            .find_all("text")
            .into_iter()
            .find(|t| t.attr("id") == format!("label-{}", a.id))
            .unwrap_or_else(|| panic!("a label for {}", a.name));
        let lines: Vec<String> = label.children.iter().map(El::deep_text).collect();
        let name = if short { a.short_or_name() } else { &a.name };
        assert_eq!(lines, partnermap::style::wrap_label(name, 22));
        let group = xml
            .find_all("g")
            .into_iter()
            .find(|g| g.attr("id") == format!("actor-{}", a.id))
            .unwrap();
        assert_eq!(group.children[0].name, "title");
        assert_eq!(group.children[0].deep_text(), a.name);
    }
}

/// The caption of the README's picture of the sample map.
const README_CAPTION: &str = "Sample map shipped with PartnerMap, drawn from the DFGG Learning Notes 15 and 17 (Cambodia). Line colour: mean trust; dots: the side that holds power.";

#[test]
fn the_readme_picture_of_the_sample_map_is_current() {
    let svg = map_svg(
        &sample(),
        &SvgOptions {
            caption: Some(README_CAPTION.into()),
            ..SvgOptions::default()
        },
    );
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/screenshots/sample-map.svg"
    );
    if std::env::var_os("UPDATE_EXPORTS").is_some() {
        std::fs::write(path, &svg).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == svg,
        "{path} is out of date: run UPDATE_EXPORTS=1 cargo test --test integration export::"
    );
}

/// Each actor's circle radius in the map's SVG, by id (civil society is drawn as a circle).
fn circle_radii(svg: &str) -> BTreeMap<u64, f64> {
    let xml = parse_xml(svg);
    xml.find_all("g")
        .into_iter()
        .filter_map(|g| {
            let id = g.attr("id").strip_prefix("actor-")?.parse().ok()?;
            let circle = g
                .children
                .iter()
                .find(|c| c.name == "circle" && c.attr("class") != "broker-ring")?;
            Some((id, circle.attr("r").parse().unwrap()))
        })
        .collect()
}

#[test]
fn an_export_sizes_and_rings_actors_as_the_view_does() {
    use partnermap::style::{self, SizeBy, ViewEncoding};
    // A hub between two groups, all drawn as circles: the hub's betweenness is highest.
    let mut p = Project::new();
    for i in 1..=6 {
        let mut a = Actor::new(
            ActorId(i),
            format!("A{i}"),
            Sector::CivilSociety,
            Level::Commune,
        );
        a.position.x = 150.0 * i as f64;
        a.influence = Some(3);
        p.insert_actor(a);
    }
    for (id, a, b) in [
        (1, 1, 2),
        (2, 1, 3),
        (3, 1, 4),
        (4, 4, 5),
        (5, 4, 6),
        (6, 2, 3),
    ] {
        p.insert_partnership(Partnership::new(PartnershipId(id), ActorId(a), ActorId(b)));
    }
    let by_influence = circle_radii(&map_svg(&p, &SvgOptions::default()));
    assert!(
        by_influence
            .values()
            .all(|r| *r == style::influence_radius(3))
    );
    let opts = SvgOptions {
        encoding: ViewEncoding {
            size_by: SizeBy::Betweenness,
            broker_rings: false,
        },
        ..SvgOptions::default()
    };
    let by_betweenness = circle_radii(&map_svg(&p, &opts));
    // The radii are the canvas's: the window sizes actors with style::indicator_radii too.
    let betweenness = partnermap::analysis::betweenness(
        &p,
        1,
        &std::sync::atomic::AtomicBool::new(false),
        &std::sync::atomic::AtomicUsize::new(0),
    )
    .unwrap();
    let indicators = partnermap::analysis::compute(&p, Some(&betweenness));
    let expected = style::indicator_radii(&indicators, SizeBy::Betweenness).unwrap();
    assert_eq!(by_betweenness.len(), 6);
    for (id, r) in &by_betweenness {
        assert!(
            (r - expected[&ActorId(*id)]).abs() < 0.01,
            "actor {id}: {r}"
        );
    }
    assert!(by_betweenness[&1] > by_betweenness[&2] && by_betweenness[&4] > by_betweenness[&5]);
    assert_ne!(by_betweenness, by_influence);
    // The export through render (as the window and the command line make it) agrees.
    let request = ExportRequest {
        svg: opts.clone(),
        ..ExportRequest::new(Format::Svg)
    };
    let rendered = String::from_utf8(export::render(&p, &request).unwrap().remove(0).1).unwrap();
    assert_eq!(circle_radii(&rendered), by_betweenness);
    assert!(rendered.contains("Size: betweenness"));

    // Rings: every cross-sector broker of the sample map has one, and nobody else.
    let project = sample();
    let indicators = partnermap::analysis::compute(&project, None);
    let brokers = style::broker_strengths(&indicators);
    assert!(!brokers.is_empty());
    let svg = map_svg(
        &project,
        &SvgOptions {
            encoding: ViewEncoding {
                size_by: SizeBy::TrustReceived,
                broker_rings: true,
            },
            ..SvgOptions::default()
        },
    );
    let xml = parse_xml(&svg);
    for g in xml.find_all("g") {
        let Some(id) = g.attr("id").strip_prefix("actor-") else {
            continue;
        };
        let id = ActorId(id.parse().unwrap());
        let ringed = g.children.iter().any(|c| c.attr("class") == "broker-ring");
        assert_eq!(ringed, brokers.contains_key(&id), "actor {id}");
    }
    assert!(svg.contains("Ring: cross-sector broker") && svg.contains("Size: trust received"));
    usvg_tree(&svg);
}

#[test]
fn parallel_partnerships_are_distinct_curves() {
    let svg = map_svg(&tricky(), &SvgOptions::default());
    let xml = parse_xml(&svg);
    let path_of = |id: &str| {
        xml.find_all("g")
            .into_iter()
            .find(|g| g.attr("id") == id)
            .and_then(|g| g.find_all("path").first().map(|p| p.attr("d").to_string()))
            .unwrap()
    };
    let (one, two, six) = (
        path_of("partnership-1"),
        path_of("partnership-2"),
        path_of("partnership-6"),
    );
    // Three between the same actors: one bows each way and the middle one is straight.
    assert!(one.contains('Q') && six.contains('Q') && !two.contains('Q'));
    assert_ne!(one, six);
    assert!(
        !path_of("partnership-3").contains('Q'),
        "a lone one is straight"
    );
}

#[test]
fn hostile_and_non_latin_names_come_out_intact_in_every_format() {
    let project = tricky();
    let names: Vec<&str> = vec![MARKUP, KHMER, ARABIC, EMOJI, FORMULA];

    // SVG: well-formed, names in <title> and in the labels.
    let svg = map_svg(&project, &SvgOptions::default());
    let xml = parse_xml(&svg);
    let titles: Vec<String> = xml
        .find_all("title")
        .iter()
        .map(|t| t.deep_text())
        .collect();
    for name in &names {
        assert!(titles.iter().any(|t| t == name), "SVG title {name}");
    }
    assert!(titles.iter().any(|t| t.ends_with(": a<b>&\"c\"")));
    usvg_tree(&svg);

    // GraphML and GEXF: well-formed, names as data and labels.
    let g = parse_xml(&graphml(&project).unwrap());
    let data: Vec<String> = g.find_all("data").iter().map(|d| d.deep_text()).collect();
    let x = parse_xml(&gexf(&project).unwrap());
    let labels: Vec<&str> = x.find_all("node").iter().map(|n| n.attr("label")).collect();
    for name in &names {
        assert!(data.iter().any(|d| d == name), "GraphML {name}");
        assert!(labels.contains(name), "GEXF {name}");
    }

    // JSON: parses, names equal.
    let json: serde_json::Value = serde_json::from_str(&map_json(&project).unwrap()).unwrap();
    let json_names: Vec<&str> = json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(json_names, names);

    // CSV: the csv crate reads back every name; the formula only with its leading quote.
    let actors = export::actors_csv(&project).unwrap();
    let mut reader = csv::Reader::from_reader(actors.as_bytes());
    let read: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[1].to_string())
        .collect();
    assert_eq!(&read[..4], &names[..4]);
    assert_eq!(read[4], format!("'{FORMULA}"));
}

#[test]
fn spreadsheet_formulas_are_neutralised_and_numbers_are_not() {
    let project = tricky();
    let actors = export::actors_csv(&project).unwrap();
    let mut reader = csv::Reader::from_reader(actors.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][col("notes")], "'+1 call me");
    assert_eq!(&rows[0][col("tags")], "'@mention");
    assert_eq!(&rows[0][col("sources")], "'-2+3");
    assert_eq!(&rows[0][col("note <x>")], format!("'=SUM(A0) & {KHMER}"));
    assert_eq!(&rows[1][col("budget")], "1000.5");
    assert_eq!(&rows[0][col("sector")], "State");
    let partnerships = export::partnerships_csv(&project).unwrap();
    let mut reader = csv::Reader::from_reader(partnerships.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(&first[col("power")], "-2", "numbers stay numbers");
    assert_eq!(&first[col("notes")], "'\tTabbed");
    assert_eq!(&first[col("a_name")], MARKUP);
    assert_eq!(&first[col("b_name")], KHMER);
    assert_eq!(&first[col("form")], "Integrated");
    assert_eq!(&first[col("functions")], "Accountability; Learning");
    assert_eq!(&first[col("joint_goals")], "true");
    assert_eq!(&first[col("weight")], "2.5");
    // Every text cell of every table, whatever it holds, cannot start a formula.
    let tables = partnermap::io::export::csv_tables(
        &project,
        &partnermap::analysis::compute(&project, None),
    )
    .unwrap();
    for (name, text) in tables.files() {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                let number = cell.parse::<f64>().is_ok();
                assert!(
                    number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{name}: {cell:?}"
                );
            }
        }
    }
}

#[test]
fn indicator_tables_hold_every_actor_and_the_network() {
    let project = sample();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let progress = std::sync::atomic::AtomicUsize::new(0);
    let b = partnermap::analysis::betweenness(&project, 1, &cancel, &progress);
    let ind = partnermap::analysis::compute(&project, b.as_ref());
    let text = export::indicators_csv(&ind).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert!(reader.headers().unwrap().iter().any(|h| h == "betweenness"));
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), project.actors.len());
    assert!(rows.iter().all(|r| r[7].parse::<f64>().is_ok()));
    let network = export::network_csv(&ind).unwrap();
    assert!(network.starts_with("indicator,value\r\n"));
    assert!(network.contains(&format!("\r\nactors,{}\r\n", project.actors.len())));
    assert!(network.contains("form_counts.Integrated,"));
}

#[test]
fn the_partnership_table_holds_each_partnerships_measures_and_quadrants() {
    let mut project = Project::new();
    for (id, name) in [(1, "Council"), (2, "NGO")] {
        project.insert_actor(Actor::new(ActorId(id), name, Sector::State, Level::Commune));
    }
    let mut p = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
    p.trust_ab = Some(4);
    p.trust_ba = Some(2);
    p.power = Some(1);
    p.form = Some(Form::Coalition);
    p.formality = Some(Formality::Mou);
    project.insert_partnership(p);
    let ind = partnermap::analysis::compute(&project, None);
    let text = export::partnership_indicators_csv(&project, &ind).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let cell = |name: &str| {
        let i = headers.iter().position(|h| h == name).unwrap();
        rows[0][i].to_string()
    };
    assert_eq!(
        (cell("a_name"), cell("b_name")),
        ("Council".into(), "NGO".into())
    );
    // t = mean(4, 2) → (3 − 1) / 4 = 0.5; gap |4 − 2| / 4 = 0.5; asymmetry |1| / 2 = 0.5.
    assert_eq!(cell("trust"), "0.5");
    assert_eq!(cell("trust_gap"), "0.5");
    assert_eq!(cell("power_asymmetry"), "0.5");
    assert_eq!(cell("contribution_equity"), "", "missing input, empty cell");
    // Coalition = depth 1/3, MoU = formality 3/5: low depth, high formality in A.
    assert_eq!(cell("quadrant_a"), "Formal but shallow");
    assert!(
        cell("quadrant_b").starts_with("unplaced: "),
        "{}",
        cell("quadrant_b")
    );
    assert_eq!(cell("x_b"), "");
}

#[test]
fn graphml_round_trips_every_attribute() {
    let project = tricky();
    let doc = parse_xml(&graphml(&project).unwrap());
    // yEd's graphics keys have no attr.name; a name that is no XML token is in the key's
    // <desc>, its attr.name encoded.
    let keys: BTreeMap<String, (String, String)> = doc
        .find_all("key")
        .iter()
        .filter(|k| !k.attr("attr.name").is_empty())
        .map(|k| {
            let name = match k.find_all("desc").first() {
                Some(desc) => desc.deep_text(),
                None => k.attr("attr.name").to_string(),
            };
            (
                k.attr("id").to_string(),
                (name, k.attr("attr.type").to_string()),
            )
        })
        .collect();
    assert_eq!(
        doc.find_all("key")
            .iter()
            .find(|k| k.attr("attr.name").starts_with("note_"))
            .unwrap()
            .attr("attr.name"),
        "note_x0020__x003C_x_x003E_"
    );
    let type_of = |name: &str| {
        keys.values()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    };
    assert_eq!(type_of("influence"), "int");
    assert_eq!(type_of("x"), "double");
    assert_eq!(type_of("joint_goals"), "boolean");
    assert_eq!(type_of("form"), "string");
    assert_eq!(type_of("budget"), "double");
    let values = |el: &El| -> BTreeMap<String, String> {
        el.find_all("data")
            .iter()
            .filter(|d| keys.contains_key(d.attr("key")))
            .map(|d| (keys[d.attr("key")].0.clone(), d.deep_text()))
            .collect()
    };
    let nodes = doc.find_all("node");
    assert_eq!(nodes.len(), project.actors.len());
    for (node, a) in nodes.iter().zip(project.actors.values()) {
        assert_eq!(node.attr("id"), a.id.to_string());
        let v = values(node);
        assert_eq!(v["name"], a.name);
        assert_eq!(v["label"], a.name, "Gephi takes the label from `label`");
        assert_eq!(v["sector"], a.sector.unwrap().name());
        assert_eq!(v["level"], a.level.unwrap().name());
        assert_eq!(v["influence"], a.influence.unwrap().to_string());
        assert_eq!(v["x"].parse::<f64>().unwrap(), a.position.x);
        assert_eq!(-v["y"].parse::<f64>().unwrap(), a.position.y, "y points up");
        assert_eq!(v.get("short"), a.short.as_ref());
        assert_eq!(
            v.get("stance").map(String::as_str),
            a.stance.map(|s| s.name())
        );
        assert_eq!(v["note <x>"], a.custom["note <x>"].to_string());
    }
    let edges = doc.find_all("edge");
    assert_eq!(
        edges.len(),
        project.partnerships.len(),
        "parallel ones kept"
    );
    for (edge, p) in edges.iter().zip(project.partnerships.values()) {
        assert_eq!(edge.attr("id"), p.id.to_string());
        assert_eq!(edge.attr("source"), p.a.to_string());
        assert_eq!(edge.attr("target"), p.b.to_string());
        let v = values(edge);
        assert_eq!(v.get("form").map(String::as_str), p.form.map(|f| f.name()));
        assert_eq!(
            v.get("formality").map(String::as_str),
            p.formality.map(|f| f.name())
        );
        assert_eq!(v.get("label"), p.label.as_ref());
        assert_eq!(v.get("power"), p.power.map(|x| x.to_string()).as_ref());
        assert_eq!(
            v.get("trust_ab"),
            p.trust_ab.map(|x| x.to_string()).as_ref()
        );
        assert_eq!(v["joint_goals"], p.practices.joint_goals.to_string());
        assert_eq!(
            v.get("accountability").map(String::as_str),
            p.accountability.map(|x| x.name())
        );
    }
}

#[test]
fn gexf_round_trips_attributes_positions_and_colours() {
    let project = tricky();
    let doc = parse_xml(&gexf(&project).unwrap());
    assert_eq!(doc.attr("xmlns"), export::gexf::NAMESPACE);
    let mut titles: BTreeMap<(String, String), String> = BTreeMap::new();
    for attrs in doc.find_all("attributes") {
        for a in attrs.find_all("attribute") {
            titles.insert(
                (attrs.attr("class").to_string(), a.attr("id").to_string()),
                a.attr("title").to_string(),
            );
            if a.attr("title") == "influence" {
                assert_eq!(a.attr("type"), "integer");
            }
        }
    }
    let values = |class: &str, el: &El| -> BTreeMap<String, String> {
        el.find_all("attvalue")
            .iter()
            .map(|v| {
                (
                    titles[&(class.to_string(), v.attr("for").to_string())].clone(),
                    v.attr("value").to_string(),
                )
            })
            .collect()
    };
    let nodes = doc.find_all("node");
    for (node, a) in nodes.iter().zip(project.actors.values()) {
        assert_eq!(node.attr("label"), a.name);
        let v = values("node", node);
        assert_eq!(v["name"], a.name);
        assert_eq!(v["sector"], a.sector.unwrap().name());
        assert_eq!(
            v["budget"].parse::<f64>().unwrap(),
            match a.custom["budget"] {
                CustomValue::Number(n) => n,
                CustomValue::Text(_) => unreachable!(),
            }
        );
        let position = &node.find_all("viz:position")[0];
        assert_eq!(position.attr("x").parse::<f64>().unwrap(), a.position.x);
        assert_eq!(-position.attr("y").parse::<f64>().unwrap(), a.position.y);
        let colour = &node.find_all("viz:color")[0];
        let rgb = partnermap::style::actor_colour(a.sector);
        assert_eq!(colour.attr("r"), rgb.0.to_string());
        assert_eq!(colour.attr("b"), rgb.2.to_string());
    }
    let edges = doc.find_all("edge");
    assert_eq!(
        edges.len(),
        project.partnerships.len(),
        "parallel ones kept"
    );
    for (edge, p) in edges.iter().zip(project.partnerships.values()) {
        assert_eq!(edge.attr("source"), p.a.to_string());
        assert_eq!(edge.attr("target"), p.b.to_string());
        assert_eq!(edge.attrs.get("label"), p.label.as_ref());
        let v = values("edge", edge);
        assert_eq!(v.get("form").map(String::as_str), p.form.map(|f| f.name()));
        assert_eq!(
            v.get("identity_b"),
            p.identity_b.map(|x| x.to_string()).as_ref()
        );
        assert_eq!(
            v.get("notes").map_or("", String::as_str),
            p.notes,
            "tabs survive"
        );
        let shape = &edge.find_all("viz:shape")[0];
        let line = match partnermap::style::line_style(p.formality) {
            partnermap::style::LineStyle::Solid => "solid",
            partnermap::style::LineStyle::Dashed => "dashed",
            partnermap::style::LineStyle::Dotted => "dotted",
        };
        assert_eq!(shape.attr("value"), line);
    }
}

#[test]
fn json_is_the_whole_map_with_the_model_field_names() {
    let project = sample();
    let json: serde_json::Value = serde_json::from_str(&map_json(&project).unwrap()).unwrap();
    assert_eq!(json["format"], "partnermap");
    assert_eq!(
        json["actors"].as_array().unwrap().len(),
        project.actors.len()
    );
    let first = project.partnerships.values().next().unwrap();
    assert_eq!(json["partnerships"][0]["form"], first.form.unwrap().name());
    assert_eq!(json["partnerships"][0]["a"], first.a.0);
}

#[test]
fn png_has_the_pixel_size_of_its_resolution() {
    let project = tricky();
    let svg = map_svg(&project, &SvgOptions::default());
    let tree = usvg_tree(&svg);
    for dpi in [48.0_f32, 96.0, 150.0] {
        let png = export::svg_to_png(&svg, dpi).unwrap();
        let pixmap = tiny_skia::Pixmap::decode_png(&png).unwrap();
        let k = dpi / 96.0;
        assert_eq!(pixmap.width(), (tree.size().width() * k).round() as u32);
        assert_eq!(pixmap.height(), (tree.size().height() * k).round() as u32);
    }
    assert!(matches!(
        export::svg_to_png(&svg, 0.0),
        Err(export::ExportError::BadDpi(_))
    ));
    assert!(matches!(
        export::svg_to_png(&svg, 2400.0),
        Err(export::ExportError::TooLarge { .. })
    ));
}

#[test]
fn png_carries_its_resolution() {
    let svg = map_svg(&tricky(), &SvgOptions::default());
    for dpi in [72.0_f32, 150.0, 300.0] {
        let png = export::svg_to_png(&svg, dpi).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let reader = decoder.read_info().unwrap();
        let dims = reader.info().pixel_dims.expect("a pHYs chunk");
        assert_eq!(dims.unit, png::Unit::Meter);
        let ppm = (f64::from(dpi) / 0.0254).round() as u32;
        assert_eq!((dims.xppu, dims.yppu), (ppm, ppm), "{dpi} dpi");
        // Back in dots per inch, as an image viewer shows it.
        assert!((f64::from(dims.xppu) * 0.0254 - f64::from(dpi)).abs() < 0.02);
    }
}

#[test]
fn pdf_is_a_pdf_with_the_title_and_a_selectable_text_layer() {
    let mut project = sample();
    project.meta.title = "Partnerships of Pursat".into();
    let svg = map_svg(&project, &SvgOptions::default());
    let pdf = export::svg_to_pdf(&svg, Some(&project.meta.title)).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/Title (Partnerships of Pursat)"));
    // The glyphs are drawn as forms from the shipped fonts' outlines; the text layer's
    // fonts carry no glyphs of their own.
    assert!(text.contains("/Subtype /Form"), "glyphs are drawn");
    assert!(text.contains("/Type3"), "the text layer has its fonts");
    assert!(
        text.contains("/ToUnicode"),
        "text can be selected and searched"
    );
    assert!(text.trim_end().ends_with("%%EOF"));
}

#[test]
fn pdftotext_reads_every_actor_name_from_the_pdf() {
    for project in [sample(), tricky()] {
        let files = export::render(&project, &ExportRequest::new(Format::Pdf)).unwrap();
        let Some(text) = crate::common::pdftotext(&files[0].1) else {
            return;
        };
        assert!(text.contains("Actors (sector)"), "the legend: {text}");
        let svg = map_svg(&project, &SvgOptions::default());
        let short = drawn_scale(&svg) < partnermap::style::marks::SHORT_NAMES_BELOW_ZOOM;
        for a in project.actors.values() {
            // Labels wrap; each line is its own run of text on the page. Short names where
            // the drawing is scaled down as the canvas shows them.
            let name = if short { a.short_or_name() } else { &a.name };
            for line in partnermap::style::wrap_label(name, partnermap::style::LABEL_WRAP_CHARS) {
                let found = if line.is_ascii() {
                    text.contains(&line)
                } else {
                    crate::common::holds_letters_of(&text, &line)
                };
                assert!(
                    found,
                    "{line:?} of {:?} is not in the PDF's text:\n{text}",
                    a.name
                );
            }
        }
    }
}

#[test]
fn quadrant_charts_are_drawn_from_the_typology() {
    let project = sample();
    for framework in Framework::ALL {
        let svg = quadrant_svg(&project, framework, &SvgOptions::default());
        let xml = parse_xml(&svg);
        let texts: Vec<String> = xml.find_all("text").iter().map(|t| t.deep_text()).collect();
        let (x_axis, y_axis) = framework.axes();
        assert!(texts.iter().any(|t| t == x_axis) && texts.iter().any(|t| t == y_axis));
        for high_x in [false, true] {
            for high_y in [false, true] {
                let name = framework.quadrant(partnermap::typology::Side { high_x, high_y });
                assert!(texts.iter().any(|t| t == name), "{name}");
            }
        }
        assert!(xml.find_all("line").iter().any(|l| l.attr("id") == "cut-x"));
        let points = xml
            .find_all("g")
            .into_iter()
            .filter(|g| g.attr("class") == "point")
            .count();
        let placed = if framework.places_actors() {
            project.actors.len()
        } else {
            project
                .partnerships
                .values()
                .filter(|p| {
                    partnermap::typology::place_partnership(
                        framework,
                        p,
                        framework.cut(&project.settings),
                    )
                    .placed()
                    .is_some()
                })
                .count()
        };
        assert_eq!(points, placed, "{framework:?}");
        let notes = texts.iter().find(|t| t.contains("placed")).unwrap();
        if placed < project.partnerships.len() && !framework.places_actors() {
            assert!(texts.iter().any(|t| t.contains("Not placed")), "{notes}");
        }
        usvg_tree(&svg);
    }
}

#[test]
fn quadrant_labels_do_not_overlap_and_stay_inside_the_plot() {
    for project in [sample(), tricky()] {
        for framework in Framework::ALL {
            let svg = quadrant_svg(&project, framework, &SvgOptions::default());
            let tree = usvg_tree(&svg);
            // The frame is the plot's first shape.
            let Some(usvg::Node::Path(frame)) = usvg_group(&tree, "plot").children().first() else {
                panic!("the plot starts with its frame");
            };
            let frame = frame.abs_bounding_box();
            let mut texts = Vec::new();
            usvg_text_nodes(usvg_group(&tree, "point-labels"), &mut texts);
            let placed = if framework.places_actors() {
                let cut = framework.cut(&project.settings);
                project
                    .actors
                    .values()
                    .filter(|a| partnermap::typology::place_actor(a, cut).placed().is_some())
                    .count()
            } else {
                project.partnerships.len()
            };
            assert!(!texts.is_empty() || placed == 0, "{framework:?}");
            // The ink of each label (its glyphs, not its halo).
            let boxes: Vec<(String, usvg::Rect)> = texts
                .iter()
                .map(|t| {
                    let words: String = t.chunks().iter().map(|c| c.text()).collect();
                    (words, t.flattened().abs_bounding_box())
                })
                .collect();
            for (i, (a, ra)) in boxes.iter().enumerate() {
                assert!(
                    inside(*ra, frame, 0.0),
                    "{framework:?}: {a:?} at {ra:?} leaves the plot {frame:?}"
                );
                for (b, rb) in &boxes[i + 1..] {
                    let apart = ra.right() <= rb.left()
                        || rb.right() <= ra.left()
                        || ra.bottom() <= rb.top()
                        || rb.bottom() <= ra.top();
                    assert!(apart, "{framework:?}: {a:?} {ra:?} overlaps {b:?} {rb:?}");
                }
            }
            // A number standing in for a label is explained under the chart.
            let xml = parse_xml(&svg);
            let texts = xml.find_all("text");
            let notes = texts
                .iter()
                .find(|t| t.attr("id") == "notes")
                .map(|t| {
                    t.children
                        .iter()
                        .map(El::deep_text)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap();
            for number in texts.iter().filter(|t| t.attr("class") == "label-number") {
                let n = number.deep_text();
                assert!(
                    notes.contains(&format!(": {n} ")) || notes.contains(&format!("; {n} ")),
                    "{framework:?}: number {n} is not listed in {notes:?}"
                );
            }
        }
    }
}

#[test]
fn unplaced_partnerships_are_listed_under_the_chart_with_their_reasons() {
    let project = tricky();
    let svg = quadrant_svg(&project, Framework::B, &SvgOptions::default());
    let xml = parse_xml(&svg);
    let notes = xml
        .find_all("text")
        .into_iter()
        .find(|t| t.attr("id") == "notes")
        .unwrap()
        .children
        .iter()
        .map(El::deep_text)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(notes.contains("1 of 6 partnerships placed"), "{notes}");
    assert!(notes.contains("Not placed (5):"), "{notes}");
    assert!(notes.contains("no identity scores"), "{notes}");
    assert!(notes.contains(&format!("CC – {ARABIC}: no")), "{notes}");
}

#[test]
fn an_area_draws_part_of_the_map_and_options_show() {
    let project = tricky();
    let opts = SvgOptions {
        title: Some("Only the west".into()),
        caption: Some("Caption & <source>".into()),
        date: Some("2026-05-12".into()),
        area: Some((-50.0, -50.0, 250.0, 200.0)),
        legend: false,
        ..SvgOptions::default()
    };
    let svg = map_svg(&project, &opts);
    let xml = parse_xml(&svg);
    let ids: Vec<&str> = xml.find_all("g").iter().map(|g| g.attr("id")).collect();
    assert!(ids.contains(&"actor-1") && ids.contains(&"actor-2"));
    assert!(!ids.contains(&"actor-5"), "far outside the area");
    assert!(!ids.contains(&"legend"));
    let texts: Vec<String> = xml.find_all("text").iter().map(|t| t.deep_text()).collect();
    assert!(texts.contains(&"Only the west".to_string()));
    assert!(texts.contains(&"Caption & <source>".to_string()));
    assert!(texts.contains(&"2026-05-12".to_string()));
    // A useless area falls back to the whole map.
    let whole = map_svg(
        &project,
        &SvgOptions {
            area: Some((0.0, 0.0, f64::NAN, 1.0)),
            ..SvgOptions::default()
        },
    );
    assert!(whole.contains("id=\"actor-5\""));
    // An empty map still gives a valid picture.
    usvg_tree(&map_svg(&Project::new(), &SvgOptions::default()));
}

#[test]
fn the_same_map_gives_the_same_bytes() {
    let a = tricky();
    let b = tricky();
    for format in Format::ALL {
        let request = ExportRequest::new(format);
        let request = if format == Format::Png {
            ExportRequest {
                dpi: 48.0,
                ..request
            }
        } else {
            request
        };
        let first = export::render(&a, &request).unwrap();
        let second = export::render(&b, &request).unwrap();
        if format == Format::Pdf {
            // svg2pdf lists page resources in hash-map order, so only their order varies.
            assert_eq!(first[0].1.len(), second[0].1.len(), "PDF");
        } else {
            assert_eq!(first, second, "{format:?}");
        }
    }
    let quadrant = ExportRequest {
        view: View::Quadrant(Framework::C),
        ..ExportRequest::new(Format::Svg)
    };
    assert_eq!(
        export::render(&a, &quadrant).unwrap(),
        export::render(&b, &quadrant).unwrap()
    );
    assert!(matches!(
        export::render(
            &a,
            &ExportRequest {
                view: View::Quadrant(Framework::A),
                ..ExportRequest::new(Format::Gexf)
            }
        ),
        Err(export::ExportError::ViewNotSupported { .. })
    ));
}

#[test]
fn networkx_reads_the_graphml_and_gexf() {
    if !crate::common::has_networkx() {
        return;
    }
    let project = tricky();
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("map.graphml");
    let x = dir.path().join("map.gexf");
    std::fs::write(&g, graphml(&project).unwrap()).unwrap();
    std::fs::write(&x, gexf(&project).unwrap()).unwrap();
    let script = r#"
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
x = nx.read_gexf(sys.argv[2])
print(json.dumps({
  "g_nodes": g.number_of_nodes(), "g_edges": g.number_of_edges(),
  "x_nodes": x.number_of_nodes(), "x_edges": x.number_of_edges(),
  "g_name": g.nodes["2"]["name"], "x_label": x.nodes["3"]["label"],
  "g_influence": g.nodes["1"]["influence"], "g_forms": sorted(d.get("form", "") for _, _, d in g.edges(data=True)),
  "x_sector": x.nodes["1"]["sector"], "g_multi": g.is_multigraph(),
}))
"#;
    let out = crate::common::python(script, &[&g, &x]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let n = project.actors.len();
    let m = project.partnerships.len();
    assert_eq!(v["g_nodes"], n);
    assert_eq!(v["x_nodes"], n);
    assert_eq!(v["g_edges"], m, "parallel partnerships kept in GraphML");
    assert_eq!(v["x_edges"], m, "parallel partnerships kept in GEXF");
    assert_eq!(v["g_name"], KHMER);
    assert_eq!(v["x_label"], ARABIC);
    assert_eq!(v["g_influence"], 1);
    let mut forms: Vec<&str> = project
        .partnerships
        .values()
        .map(|p| p.form.map_or("", |f| f.name()))
        .collect();
    forms.sort();
    assert_eq!(
        v["g_forms"],
        serde_json::json!(forms),
        "a form not set is left out"
    );
    assert_eq!(v["x_sector"], "State");
    assert_eq!(v["g_multi"], true);
}

#[test]
fn formats_follow_names_and_extensions() {
    use std::path::Path;
    assert_eq!(Format::from_path(Path::new("a/b.SVG")), Some(Format::Svg));
    assert_eq!(
        Format::from_path(Path::new("m.graphml")),
        Some(Format::Graphml)
    );
    assert_eq!(
        Format::from_path(Path::new("m.csv")),
        None,
        "CSV goes to a folder"
    );
    assert_eq!(Format::from_path(Path::new("m")), None);
    assert_eq!(Format::from_name("GEXF"), Some(Format::Gexf));
    for f in Format::ALL {
        assert_eq!(Format::from_name(f.name()), Some(f));
    }
    let _ = Sector::ALL;
}
