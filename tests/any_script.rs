//! Text in any script survives: Khmer, Arabic (right to left), Chinese, emoji, combining
//! marks and zero-width characters are kept exactly through saving, loading, every export
//! and import, and the canvas draws them without crashing.

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnermap::app::{Document, Origin, PartnerMapApp};
use partnermap::io::import::{import_gexf, import_graphml};
use partnermap::io::{self, export};
use partnermap::model::*;
use partnermap::task::Progress;

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
        map: None,
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

#[test]
fn lists_show_right_to_left_names_in_reading_order() {
    let app = PartnerMapApp::with_document(Document::new(map(), Origin::Untitled));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1400.0, 860.0))
        .with_max_steps(64)
        .with_context_setup(partnermap::ui::fonts::install)
        .allow_missing_glyphs()
        .build_eframe(move |_cc| app);
    h.run();
    h.get_by_label("List").click();
    h.run();
    // The list hands egui each name in the order that draws it right (ui::bidi, whose own
    // tests lay the text out with the window's fonts and check where each word lands).
    for name in [NAMES[1], NAMES[6]] {
        let shown = partnermap::ui::bidi::visual(name);
        assert_ne!(shown, name, "{name} is reordered for drawing");
        assert!(
            h.query_all_by_label(&shown).count() >= 1,
            "{name} is listed as {shown}"
        );
    }
    // Left-to-right names are listed as they are.
    assert!(
        h.query_all_by_label(NAMES[0]).count() >= 2,
        "Khmer on the canvas and in the list"
    );
}

/// Names that mix scripts within one label.
const MIXED: [&str; 4] = [
    "Council ខ្មែរ",
    "ស្ថាប័ន ខ្មែរ and Latin",
    "Emoji 🌾 group",
    "مجلس Council",
];

fn mixed_map() -> Project {
    let mut p = Project::new();
    p.meta.title = "Mixed ខ្មែរ".into();
    for (i, name) in MIXED.iter().enumerate() {
        let mut a = Actor::new(ActorId(i as u64 + 1), *name, Sector::State, Level::Commune);
        a.position = Position::new(i as f64 * 260.0, 0.0);
        p.insert_actor(a);
    }
    p
}

/// Every glyph of every text in a usvg group: (the text it draws, its glyph id, its x, its
/// y), in drawing order.
fn glyphs(group: &usvg::Group, out: &mut Vec<Vec<(String, u16, f32, f32)>>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => glyphs(g, out),
            usvg::Node::Text(t) => out.push(
                t.layouted()
                    .iter()
                    .flat_map(|span| &span.positioned_glyphs)
                    .map(|g| {
                        let at = g.transform();
                        (g.text.clone(), g.id.0, at.tx, at.ty)
                    })
                    .collect(),
            ),
            _ => {}
        }
    }
}

#[test]
fn names_mixing_scripts_are_drawn_run_by_run_in_fonts_that_have_them() {
    let p = mixed_map();
    let svg = export::map_svg(&p, &export::SvgOptions::default());
    // Each run names the font that has it: Khmer, emoji and Arabic are not left to the
    // renderer's glyph-by-glyph fallback.
    for (name, family) in [
        (MIXED[0], "Noto Sans Khmer"),
        (MIXED[1], "Noto Sans Khmer"),
        (MIXED[2], "Noto Emoji"),
        (MIXED[3], "Noto Sans Arabic"),
    ] {
        let id = p.actors.values().find(|a| a.name == name).unwrap().id;
        let start = svg.find(&format!("<text id=\"label-{id}\"")).unwrap();
        let label = &svg[start..start + svg[start..].find("</text>").unwrap()];
        assert!(
            label.contains(&format!("font-family=\"'{family}'")),
            "{label}"
        );
    }
    // usvg (which draws the PNG and PDF) finds a glyph for every character, and draws a
    // label's clusters left to right, none over another.
    let tree = usvg::Tree::from_str(&svg, &export::usvg_options()).unwrap();
    let mut texts = Vec::new();
    glyphs(tree.root(), &mut texts);
    for text in texts {
        let line: String = text.iter().map(|g| g.0.as_str()).collect();
        assert!(text.iter().all(|g| g.1 != 0), "a missing glyph in {line:?}");
        if line.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)) {
            // A mark may sit a little right of the next letter's start; a letter drawn
            // over the one before it starts well left of it.
            let mut furthest = (f32::NEG_INFINITY, f32::NAN);
            for &(_, _, x, y) in &text {
                if y != furthest.1 {
                    furthest = (f32::NEG_INFINITY, y); // the next line
                }
                assert!(x > furthest.0 - 1.0, "glyphs overlap in {line:?}: {text:?}");
                furthest.0 = furthest.0.max(x);
            }
        }
    }
    // The PDF's text holds every name.
    let pdf = export::svg_to_pdf(&svg, None).unwrap();
    if let Some(text) = crate::common::pdftotext(&pdf) {
        for name in MIXED {
            assert!(
                crate::common::holds_letters_of(&text, name),
                "{name:?} is not in the PDF's text:\n{text}"
            );
        }
        for word in ["Council", "and", "Latin", "Emoji", "group", "🌾"] {
            assert!(text.contains(word), "{word}");
        }
    }
}
