//! `partnermap import`: the same code as the window, exit codes of design.md §9.

use crate::common;

use common::{partnermap, text};
use partnermap::io;

#[test]
fn exported_files_import_back_to_the_same_map() {
    let dir = tempfile::tempdir().unwrap();
    let sample = dir.path().join("sample.ron");
    io::save_path(&io::sample(), &sample).unwrap();
    for (format, out) in [
        ("graphml", "m.graphml"),
        ("gexf", "m.gexf"),
        ("json", "m.json"),
        ("csv", "tables"),
    ] {
        let exported = dir.path().join(out);
        let s = sample.to_str().unwrap();
        let e = exported.to_str().unwrap();
        let run = partnermap(&["export", s, "-o", e, "--format", format]);
        assert!(run.status.success(), "{}", text(&run));
        let back = dir.path().join(format!("{format}.ron"));
        let run = partnermap(&["import", e, "-o", back.to_str().unwrap()]);
        assert!(run.status.success(), "{format}: {}", text(&run));
        assert!(text(&run).contains("wrote"), "{}", text(&run));
        let mut map = io::load_path(&back).unwrap();
        // The sample has no origin; a map made by an import gets one (design.md §13).
        assert_eq!(map.meta.origin.len(), 16, "{format}");
        map.meta.origin.clear();
        let original = match format {
            // The JSON export is the project file's document: the sample's snapshots too.
            "json" => io::sample(),
            // GraphML, GEXF and the CSV tables carry the map as it is now, not its snapshots.
            _ => common::without_snapshots(io::sample()),
        };
        assert_eq!(map.actors, original.actors, "{format}");
        assert_eq!(map.partnerships, original.partnerships, "{format}");
        assert_eq!(map.snapshots, original.snapshots, "{format}");
        if format != "csv" {
            // Title, description, author, dates, settings and ids to come: the same map.
            assert!(map == original, "{format}: {:?}", map.meta);
        }
    }
}

#[test]
fn values_that_do_not_fit_exit_1_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("actors.csv");
    std::fs::write(&csv, "name,sector,influence\nA,Church,9\n").unwrap();
    let out = dir.path().join("out.ron");
    let run = partnermap(&["import", csv.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
    let said = text(&run);
    assert!(
        said.contains("actors.csv row 2, column \"sector\": \"Church\" is not a sector"),
        "{said}"
    );
    assert!(
        said.contains("actors.csv row 2, column \"influence\": 9 is outside influence 1–5"),
        "{said}"
    );
    assert!(said.contains("nothing was written"), "{said}");
    assert!(!out.exists());
    // Mapping the columns elsewhere makes the same table import.
    let run = partnermap(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--map",
        "Sector=kind",
        "--map",
        "influence=ignore",
    ]);
    assert!(run.status.success(), "{}", text(&run));
    let map = io::load_path(&out).unwrap();
    let a = map.actors.values().next().unwrap();
    assert_eq!(a.kind, "Church");
    assert_eq!(
        a.influence, None,
        "a column left out leaves the score not set"
    );
    assert!(
        text(&run).contains("note: 1 actor had no sector"),
        "{}",
        text(&run)
    );
}

#[test]
fn unreadable_input_exits_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.ron");
    let o = out.to_str().unwrap();
    let bad = dir.path().join("cut.graphml");
    std::fs::write(&bad, "<graphml><graph><node id=\"1\">").unwrap();
    for (input, expected) in [
        (
            bad.to_str().unwrap().to_string(),
            "ends before its elements are closed",
        ),
        ("no/such/file.gexf".to_string(), "No such file"),
        ("map.docx".to_string(), "cannot tell the format"),
    ] {
        let run = partnermap(&["import", &input, "-o", o]);
        assert_eq!(run.status.code(), Some(2), "{input}: {}", text(&run));
        assert!(text(&run).contains(expected), "{input}: {}", text(&run));
    }
    let run = partnermap(&["import", bad.to_str().unwrap(), "-o", o, "--map", "x"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(!out.exists());
}

#[test]
fn a_network_or_table_given_where_a_map_is_needed_says_to_import_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let sample = dir.path().join("sample.ron");
    io::save_path(&io::sample(), &sample).unwrap();
    let svg = dir.path().join("x.svg");
    for (name, format) in [
        ("m.graphml", "GraphML"),
        ("m.gexf", "GEXF"),
        ("m.json", "JSON"),
    ] {
        let input = dir.path().join(name);
        let run = partnermap(&[
            "export",
            sample.to_str().unwrap(),
            "-o",
            input.to_str().unwrap(),
        ]);
        assert!(run.status.success(), "{}", text(&run));
        for command in [
            vec![
                "export",
                input.to_str().unwrap(),
                "-o",
                svg.to_str().unwrap(),
            ],
            vec!["stats", input.to_str().unwrap()],
            vec!["check", input.to_str().unwrap()],
        ] {
            let run = partnermap(&command);
            let said = text(&run);
            assert_eq!(run.status.code(), Some(2), "{command:?}: {said}");
            assert!(
                said.contains(&format!("is a {format} file, not a PartnerMap map"))
                    && said.contains("partnermap import"),
                "{command:?}: {said}"
            );
        }
    }
    assert!(!svg.exists());
}
