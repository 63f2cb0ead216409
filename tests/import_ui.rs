//! File → Import in the window, driven with egui_kittest: the unsaved-changes guard, the
//! CSV column-mapping step, messages on failure, and Cancel for long imports and exports.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::harness;
use partnermap::app::{Document, Origin, PartnerMapApp};
use partnermap::io::import::csv::Target;

type H = Harness<'static, PartnerMapApp>;

fn harness_with(doc: Document) -> H {
    let app = PartnerMapApp::with_document(doc);
    let mut h = harness::harness(app);
    // Not `run`: a big map keeps the betweenness spinner turning.
    h.run_steps(3);
    h
}

fn finish(h: &mut H) {
    h.run_steps(2);
    h.state_mut().wait_for_background_work();
    h.run_steps(3);
}

#[test]
fn dropping_a_graphml_imports_it_as_a_new_unsaved_map_after_asking() {
    let mut h = harness_with(Document::sample());
    let path = std::path::PathBuf::from("tests/fixtures/import/gephi.graphml");
    h.state_mut().saved_state = u64::MAX; // pretend there are unsaved changes
    harness::drop_file(&mut h, &path);
    h.run();
    h.get_by_label_contains("Save changes to");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().doc.origin, Origin::Sample, "Cancel keeps the map");

    harness::drop_file(&mut h, &path);
    h.run();
    h.get_by_label("Don't save").click();
    finish(&mut h);
    assert_eq!(
        h.state().doc.origin,
        Origin::Imported(std::path::absolute(&path).unwrap())
    );
    assert_eq!(h.state().doc.project.actors.len(), 4);
    assert!(h.state().is_modified(), "an imported map is unsaved");
    assert!(
        h.state()
            .window_title()
            .starts_with("● gephi.graphml (imported)")
    );
    h.get_by_label_contains("Imported gephi.graphml");
    h.get_by_label_contains("1 actor had no level");
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().notices().is_empty());
}

#[test]
fn csv_tables_go_through_the_column_mapping_step() {
    let mut h = harness_with(Document::sample());
    h.state_mut()
        .import_path("tests/fixtures/import/spreadsheet/partners.csv".into());
    finish(&mut h);
    assert!(h.state().csv_import().is_some(), "the mapping step is open");
    // The dialog lists the columns of both tables with their first values.
    h.get_by_label("Import tables");
    h.get_by_label("actors.csv — 4 rows, 6 columns");
    h.get_by_label("partners.csv — 3 rows, 5 columns");
    h.get_by_label("Organisation");
    h.get_by_label("works in 5 provinces");
    // Mapping two columns to the same field is refused until fixed.
    h.state_mut().csv_import_mut().unwrap().mapping.actors[1] = Target::Field("name");
    h.run();
    h.get_by_label_contains("both \"Organisation\" and \"Type\" give name");
    h.get_by_label("Import").click();
    h.run();
    assert!(
        h.state().csv_import().is_some(),
        "Import is disabled while a problem stands"
    );
    // Leave the Type column out instead.
    h.state_mut().csv_import_mut().unwrap().mapping.actors[1] = Target::Ignore;
    h.run();
    h.get_by_label("Import").click();
    finish(&mut h);
    assert!(h.state().csv_import().is_none());
    let p = &h.state().doc.project;
    assert_eq!(p.actors.len(), 4);
    assert_eq!(p.partnerships.len(), 3);
    assert!(
        p.actors.values().all(|a| a.kind.is_empty()),
        "Type was left out"
    );
}

#[test]
fn a_failed_import_says_where_and_keeps_the_open_map() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("actors.csv");
    std::fs::write(&bad, "name,sector\nA,State\nB,Church\n").unwrap();
    let mut h = harness_with(Document::sample());
    let before = h.state().doc.project.clone();
    h.state_mut().import_path(bad);
    finish(&mut h);
    h.get_by_label("Import").click();
    finish(&mut h);
    h.get_by_label("Could not import actors.csv");
    h.get_by_label_contains("actors.csv row 3, column \"sector\": \"Church\" is not a sector");
    assert_eq!(h.state().doc.project, before);
    assert_eq!(h.state().doc.origin, Origin::Sample);
}

#[test]
fn a_long_import_can_be_cancelled_from_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.graphml");
    let big = partnermap::generate::generate(15000, 45000, 3).unwrap();
    std::fs::write(&path, partnermap::io::export::graphml(&big).unwrap()).unwrap();
    let mut h = harness_with(Document::sample());
    h.state_mut().import_path(path);
    h.run_steps(2);
    h.get_by_label_contains("Importing big.graphml");
    h.get_by_label("Cancel import").click();
    finish(&mut h);
    assert_eq!(h.state().doc.origin, Origin::Sample, "nothing was imported");
    assert!(h.state().notices().is_empty(), "a cancel needs no message");
    assert!(h.state().jobs.progress.is_none());
}

#[test]
fn a_long_export_can_be_cancelled_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tables");
    let big = partnermap::generate::generate(3000, 9000, 3).unwrap();
    let mut h = harness_with(Document::new(big, Origin::Untitled));
    let request = partnermap::io::export::ExportRequest::new(partnermap::io::export::Format::Csv);
    h.state_mut().export_to(out.clone(), request);
    h.run_steps(2);
    h.get_by_label_contains("Exporting");
    h.get_by_label("Cancel export").click();
    finish(&mut h);
    assert!(
        !out.join("actors.csv").exists(),
        "a cancelled export writes nothing"
    );
    assert!(h.state().notices().is_empty());
}

#[test]
fn our_json_export_imports_in_the_window() {
    let project = partnermap::io::sample();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    std::fs::write(&path, partnermap::io::export::map_json(&project).unwrap()).unwrap();
    let mut h = harness_with(Document::sample());
    h.state_mut().import_path(path.clone());
    finish(&mut h);
    assert_eq!(h.state().doc.origin, Origin::Imported(path));
    assert!(h.state().doc.project == project, "the whole map");
}

/// One window import per class of hostile import (issue 14, item 9): each either opens a
/// map the canvas can draw, with its note shown, or is refused with its place and the open
/// map kept.
#[test]
fn hostile_imports_in_the_window_note_or_refuse_and_never_leave_an_undrawable_map() {
    let dir = tempfile::tempdir().unwrap();
    let gexf = |nodes: &str| {
        format!(
            r#"<?xml version="1.0"?><gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz"><graph><nodes>{nodes}</nodes><edges><edge id="1" source="1" target="2"/></edges></graph></gexf>"#
        )
    };
    // (file, contents, Ok(a note) or Err(the refusal))
    let cases: Vec<(&str, Vec<u8>, Result<&str, &str>)> = vec![
        (
            "infinite.gexf",
            gexf(
                r#"<node id="1" label="A"><viz:position x="1e999" y="0"/></node>
<node id="2" label="B"><viz:position x="NaN" y="5"/></node>"#,
            )
            .into_bytes(),
            Ok("had drawn positions that PartnerMap cannot draw and were laid out instead"),
        ),
        (
            "control.gexf",
            gexf("<node id=\"1\" label=\"Bell&#7;\"/><node id=\"2\" label=\"Esc\u{1b}[31m\"/>")
                .into_bytes(),
            Ok("held control characters, which were removed"),
        ),
        (
            "hierarchy.gexf",
            gexf(r#"<node id="1" label="A"><nodes><node id="2" label="B"/></nodes></node>"#)
                .into_bytes(),
            Ok("a GEXF hierarchy"),
        ),
        (
            "unclosed.csv",
            b"name,sector\nA,State\n\"B,State\nC,State\n".to_vec(),
            Err("a quote opens a cell on line 3 and is never closed"),
        ),
        (
            "latin1.csv",
            b"name\nA\nCaf\xe9\n".to_vec(),
            Err("the file is not UTF-8 text (byte 0xE9 is not UTF-8"),
        ),
    ];
    for (name, contents, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, contents).unwrap();
        let mut h = harness_with(Document::sample());
        let before = h.state().doc.project.clone();
        h.state_mut().import_path(path.clone());
        finish(&mut h);
        if h.query_by_label("Import").is_some() {
            // A table that reads comes to the column-mapping step first.
            h.get_by_label("Import").click();
            finish(&mut h);
        }
        match expected {
            Ok(note) => {
                assert_eq!(h.state().doc.origin, Origin::Imported(path), "{name}");
                let p = &h.state().doc.project;
                assert!(p.validate().is_empty(), "{name}: {:?}", p.validate());
                if !note.is_empty() {
                    h.get_by_label_contains(note);
                }
            }
            Err(refusal) => {
                h.get_by_label(&format!("Could not import {name}"));
                h.get_by_label_contains(refusal);
                assert_eq!(h.state().doc.project, before, "{name}");
                assert_eq!(h.state().doc.origin, Origin::Sample, "{name}");
            }
        }
    }
}
