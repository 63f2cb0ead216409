//! Text in any script survives: Khmer, Arabic (right to left), Chinese, emoji, combining
//! marks and zero-width characters are kept exactly through saving, loading, every export
//! and import, and the canvas draws them without crashing.

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnermap::app::{Document, Origin, PartnerMapApp};
use partnermap::io::import::{Progress, import_gexf, import_graphml};
use partnermap::io::{self, export};
use partnermap::model::*;

const NAMES: [&str; 7] = [
    "ក្រុមប្រឹក្សាឃុំ ស្វាយរៀង",                        // Khmer, with subscript consonants
    "مجلس البلدية المحلي",                     // Arabic, right to left
    "地方政府伙伴关系",                        // Chinese
    "Youth 🤝 Network 🌾",                     // emoji
    "Cafe\u{301} de\u{301}veloppement",        // combining acute accents
    "zero\u{200b}width\u{200d}joiner\u{feff}", // zero-width space, joiner, BOM
    "שלום Hello مرحبا 123",                    // mixed directions
];

fn map() -> Project {
    let mut p = Project::new();
    p.meta.title = NAMES.join(" / ");
    for (i, name) in NAMES.iter().enumerate() {
        let mut a = Actor::new(ActorId(i as u64 + 1), *name, Sector::State, Level::Commune);
        a.position = Position::new(i as f64 * 220.0, (i % 2) as f64 * 160.0);
        a.notes = format!("{name}\n{name}");
        a.tags.insert((*name).to_string());
        a.custom
            .insert((*name).to_string(), CustomValue::Text((*name).to_string()));
        p.insert_actor(a);
    }
    for i in 1..NAMES.len() as u64 {
        let mut e = Partnership::new(PartnershipId(i), ActorId(i), ActorId(i + 1));
        e.label = Some(NAMES[i as usize].to_string());
        p.insert_partnership(e);
    }
    p
}

#[test]
fn every_script_survives_save_load_and_every_exchange_format() {
    let p = map();
    assert!(p.validate().is_empty());
    // RON.
    let back = io::load_str(&io::to_ron_string(&p)).unwrap();
    assert_eq!(back, p);
    // JSON: the same fields as the file.
    let json: serde_json::Value = serde_json::from_str(&export::map_json(&p).unwrap()).unwrap();
    let names: Vec<&str> = json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, NAMES);
    // GraphML, GEXF and CSV, through our importers.
    let g = import_graphml(&export::graphml(&p).unwrap(), &Progress::new()).unwrap();
    assert_eq!(
        (&g.project.actors, &g.project.partnerships),
        (&p.actors, &p.partnerships)
    );
    assert_eq!(g.project.meta.title, p.meta.title);
    let x = import_gexf(&export::gexf(&p).unwrap(), &Progress::new()).unwrap();
    assert_eq!(
        (&x.project.actors, &x.project.partnerships),
        (&p.actors, &p.partnerships)
    );
    let ind = partnermap::analysis::compute(&p, None);
    let t = export::csv_tables(&p, &ind).unwrap();
    let tables = partnermap::io::import::csv::Tables {
        actors: Some(
            partnermap::io::import::csv::Table::parse("actors.csv", t.actors.as_bytes()).unwrap(),
        ),
        partnerships: Some(
            partnermap::io::import::csv::Table::parse(
                "partnerships.csv",
                t.partnerships.as_bytes(),
            )
            .unwrap(),
        ),
    };
    let c = partnermap::io::import::csv::import(&tables, &tables.guess_mapping(), &Progress::new())
        .unwrap();
    assert_eq!(
        (&c.project.actors, &c.project.partnerships),
        (&p.actors, &p.partnerships)
    );
}

#[test]
fn pictures_carry_every_name_as_text_and_render() {
    let p = map();
    let svg = export::map_svg(&p, &export::SvgOptions::default());
    let tree = usvg::Tree::from_str(&svg, &export::usvg_options()).expect("well-formed SVG");
    assert!(tree.size().width() > 0.0);
    // Each actor's group holds its full name in a <title>, exactly.
    for name in NAMES {
        assert!(
            svg.contains(&format!("<title>{}</title>", export::xml_escape(name))),
            "{name}"
        );
    }
    let png = export::svg_to_png(&svg, 96.0).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let pdf = export::svg_to_pdf(&svg, Some(&p.meta.title)).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn the_canvas_draws_every_script_without_crashing() {
    let app = PartnerMapApp::with_document(Document::new(map(), Origin::Untitled));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1400.0, 860.0))
        .with_max_steps(64)
        .with_context_setup(partnermap::ui::fonts::install)
        // As in the program: a character no shipped font has is drawn as a box.
        .allow_missing_glyphs()
        .build_eframe(move |_cc| app);
    h.run();
    // Every actor is on the canvas under its exact name, and in the list.
    for name in NAMES {
        assert!(
            h.query_all_by_label(name).count() >= 1,
            "{name} is not shown"
        );
    }
    // Select one and edit in the inspector: still fine.
    h.query_all_by_label(NAMES[1]).next().unwrap().click();
    h.run();
    assert_eq!(h.state().view.selection.len(), 1);
    assert!(h.state().doc.project.validate().is_empty());
}
