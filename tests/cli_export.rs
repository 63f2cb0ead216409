//! `partnermap export` (design.md §9): the format from the extension or --format, CSV into a
//! folder, the quadrant view, atomic writes, and clear errors with a non-zero exit.

use crate::common;

use common::{partnermap, text};

const SAMPLE: &str = "assets/samples/dfgg-cambodia.ron";

fn out_path(dir: &tempfile::TempDir, name: &str) -> String {
    dir.path().join(name).to_string_lossy().into_owned()
}

#[test]
fn every_format_follows_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, starts) in [
        ("map.svg", &b"<?xml"[..]),
        ("map.png", &b"\x89PNG"[..]),
        ("map.pdf", &b"%PDF-"[..]),
        ("map.graphml", &b"<?xml"[..]),
        ("map.gexf", &b"<?xml"[..]),
        ("map.json", &b"{"[..]),
    ] {
        let out = out_path(&dir, name);
        let mut args = vec!["export", SAMPLE, "-o", out.as_str()];
        if name.ends_with(".png") {
            args.extend(["--dpi", "48"]);
        }
        let run = partnermap(&args);
        assert_eq!(run.status.code(), Some(0), "{name}: {}", text(&run));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(starts), "{name}");
    }
}

#[test]
fn png_resolution_sets_the_pixel_size() {
    let dir = tempfile::tempdir().unwrap();
    let svg = out_path(&dir, "map.svg");
    let png = out_path(&dir, "map.png");
    assert!(partnermap(&["export", SAMPLE, "-o", &svg]).status.success());
    let run = partnermap(&["export", SAMPLE, "-o", &png, "--dpi", "192"]);
    assert!(run.status.success(), "{}", text(&run));
    let tree = usvg::Tree::from_str(
        &std::fs::read_to_string(&svg).unwrap(),
        &partnermap::io::export::usvg_options(),
    )
    .unwrap();
    let pixmap = tiny_skia::Pixmap::decode_png(&std::fs::read(&png).unwrap()).unwrap();
    assert_eq!(pixmap.width(), (tree.size().width() * 2.0).round() as u32);
    assert_eq!(pixmap.height(), (tree.size().height() * 2.0).round() as u32);
}

#[test]
fn csv_goes_into_a_folder_of_tables() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(&dir, "tables");
    let run = partnermap(&["export", SAMPLE, "-o", &out, "--format", "csv"]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    for name in [
        "actors.csv",
        "partnerships.csv",
        "indicators.csv",
        "partnership_indicators.csv",
        "network.csv",
    ] {
        let table = std::fs::read_to_string(dir.path().join("tables").join(name)).unwrap();
        assert!(table.lines().count() > 1, "{name}");
    }
    // An existing folder needs no --format.
    let run = partnermap(&["export", SAMPLE, "-o", &out]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    // A .csv name is refused with a hint, not silently made a folder.
    let file = out_path(&dir, "actors.csv");
    let run = partnermap(&["export", SAMPLE, "-o", &file]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run).contains("--format csv"), "{}", text(&run));
}

#[test]
fn the_quadrant_view_draws_the_chosen_framework_with_the_caption() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(&dir, "quadrant.svg");
    let run = partnermap(&[
        "export",
        SAMPLE,
        "-o",
        &out,
        "--view",
        "quadrant",
        "--framework",
        "b",
        "--caption",
        "Workshop <Pursat> & co",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("Mutuality × identity"));
    assert!(svg.contains("Co-optation"));
    assert!(svg.contains("Workshop &lt;Pursat&gt; &amp; co"));
    assert!(svg.contains("29 of 29 partnerships placed"));
}

#[test]
fn the_map_can_be_sized_and_ringed_as_the_window_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let plain = out_path(&dir, "plain.svg");
    let sized = out_path(&dir, "sized.svg");
    assert!(
        partnermap(&["export", SAMPLE, "-o", &plain])
            .status
            .success()
    );
    let run = partnermap(&[
        "export",
        SAMPLE,
        "-o",
        &sized,
        "--size-by",
        "betweenness",
        "--rings",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    let (plain, sized) = (
        std::fs::read_to_string(&plain).unwrap(),
        std::fs::read_to_string(&sized).unwrap(),
    );
    assert!(!plain.contains("broker-ring") && sized.contains("class=\"broker-ring\""));
    assert!(sized.contains("Size: betweenness") && plain.contains("Size: influence"));
    let run = partnermap(&[
        "export",
        SAMPLE,
        "-o",
        &out_path(&dir, "x.svg"),
        "--size-by",
        "fame",
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run).contains("use influence, betweenness or trust"),
        "{}",
        text(&run)
    );
}

#[test]
fn mistakes_give_clear_errors_and_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let svg = out_path(&dir, "map.svg");
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (
            vec!["export", SAMPLE, "-o", "noextension"],
            2,
            "cannot tell the format",
        ),
        (
            vec!["export", SAMPLE, "-o", &svg, "--format", "docx"],
            2,
            "unknown format",
        ),
        (
            vec!["export", SAMPLE, "-o", &svg, "--dpi", "300"],
            2,
            "PNG only",
        ),
        (
            vec!["export", SAMPLE, "-o", &svg, "--framework", "b"],
            2,
            "--view quadrant",
        ),
        (
            vec![
                "export",
                SAMPLE,
                "-o",
                &svg,
                "--view",
                "quadrant",
                "--framework",
                "z",
            ],
            2,
            "unknown framework",
        ),
        (vec!["export", "missing.ron", "-o", &svg], 2, "missing.ron"),
        (
            vec!["export", "tests/fixtures/bad/many-problems.ron", "-o", &svg],
            1,
            "nothing exported",
        ),
        (
            vec!["export", SAMPLE, "-o", "/nonexistent-folder/x/map.svg"],
            1,
            "could not save",
        ),
    ];
    for (args, code, says) in cases {
        let run = partnermap(&args);
        let all = text(&run);
        assert_eq!(run.status.code(), Some(code), "{args:?}: {all}");
        assert!(all.contains(says), "{args:?}: {all}");
        assert!(!all.contains("panicked"), "{all}");
    }
    let png = out_path(&dir, "huge.png");
    let run = partnermap(&["export", SAMPLE, "-o", &png, "--dpi", "2400"]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
    assert!(text(&run).contains("lower --dpi"));
    let gexf = out_path(&dir, "q.gexf");
    let run = partnermap(&["export", SAMPLE, "-o", &gexf, "--view", "quadrant"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run).contains("only as SVG, PNG or PDF"));
    assert!(!std::path::Path::new(&gexf).exists());
}

#[test]
fn exporting_twice_gives_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.svg", "b.svg"] {
        let out = out_path(&dir, name);
        assert!(partnermap(&["export", SAMPLE, "-o", &out]).status.success());
    }
    assert_eq!(
        std::fs::read(dir.path().join("a.svg")).unwrap(),
        std::fs::read(dir.path().join("b.svg")).unwrap()
    );
}

#[test]
fn csv_tables_carry_a_byte_order_mark_for_spreadsheets_unless_asked_not_to() {
    let dir = tempfile::tempdir().unwrap();
    for (name, args, bom) in [
        ("with", &[][..], true),
        ("without", &["--no-bom"][..], false),
    ] {
        let out = out_path(&dir, name);
        let mut all = vec!["export", SAMPLE, "-o", &out, "--format", "csv"];
        all.extend_from_slice(args);
        let run = partnermap(&all);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run));
        let bytes = std::fs::read(dir.path().join(name).join("actors.csv")).unwrap();
        assert_eq!(bytes.starts_with(b"\xEF\xBB\xBF"), bom, "{name}");
        // "Ministère"-style text survives either way, and the import reads both back.
        let back = out_path(&dir, &format!("{name}.ron"));
        let run = partnermap(&["import", &out, "-o", &back]);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run));
        let map = partnermap::io::load_path(std::path::Path::new(&back)).unwrap();
        assert_eq!(map.actors.len(), 24, "{name}");
        assert!(
            map.actors
                .values()
                .any(|a| a.name == "Ministry of Interior (MoI)")
        );
    }
}

#[test]
fn a_csv_round_trip_keeps_the_maps_title_description_author_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(&dir, "tables");
    let run = partnermap(&["export", SAMPLE, "-o", &out, "--format", "csv"]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    assert!(dir.path().join("tables").join("map.csv").is_file());
    let back = out_path(&dir, "back.ron");
    let run = partnermap(&["import", &out, "-o", &back]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    let before = partnermap::io::load_path(std::path::Path::new(SAMPLE)).unwrap();
    let after = partnermap::io::load_path(std::path::Path::new(&back)).unwrap();
    assert!(!before.meta.title.is_empty() && !before.meta.description.is_empty());
    assert_eq!(after.meta.title, before.meta.title);
    assert_eq!(after.meta.description, before.meta.description);
    assert_eq!(after.meta.author, before.meta.author);
    assert_eq!(after.meta.created, before.meta.created);
    assert_eq!(after.meta.modified, before.meta.modified);
}

#[test]
fn an_export_never_replaces_a_map_unless_forced_and_then_keeps_it_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.ron");
    let other = dir.path().join("other.ron");
    std::fs::copy(SAMPLE, &map).unwrap();
    std::fs::copy(SAMPLE, &other).unwrap();
    let original = std::fs::read(&map).unwrap();
    let (map_s, other_s) = (map.to_str().unwrap(), other.to_str().unwrap());
    for (args, says) in [
        (
            vec!["export", map_s, "-o", map_s, "--format", "svg"],
            "is the map being read",
        ),
        (
            vec!["export", map_s, "-o", other_s, "--format", "json"],
            "is a PartnerMap map",
        ),
        (vec!["report", map_s, "-o", map_s], "is the map being read"),
    ] {
        let run = partnermap(&args);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {}", text(&run));
        assert!(text(&run).contains(says), "{args:?}: {}", text(&run));
        assert!(text(&run).contains("--force"), "says how: {}", text(&run));
        assert_eq!(
            std::fs::read(&map).unwrap(),
            original,
            "the map is untouched"
        );
        assert_eq!(
            std::fs::read(&other).unwrap(),
            original,
            "the other map too"
        );
    }
    // Asked to, it replaces the map and keeps the old one beside it.
    let run = partnermap(&[
        "export", map_s, "-o", other_s, "--format", "json", "--force",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    assert!(std::fs::read(&other).unwrap().starts_with(b"{"));
    assert_eq!(
        std::fs::read(dir.path().join("other.ron.bak")).unwrap(),
        original,
        "the replaced map is kept as a backup"
    );
}
