//! Bad input: every file of the corpus gives a clear error, never a panic, in bounded time,
//! and a file over the size limit is refused before it is read.

use std::path::Path;
use std::time::{Duration, Instant};

use partnermap::io::{self, LoadError};

/// Each fixture and a phrase its message must contain.
const CORPUS: &[(&str, &str)] = &[
    ("empty.ron", "the file is empty"),
    (
        "truncated.ron",
        "line 40, column 64: a text has no closing quote",
    ),
    ("garbage.bin", "not a text file"),
    (
        "invalid-utf8.ron",
        "line 4, column 23: this is not a text file",
    ),
    ("json.json", "looks like JSON"),
    (
        "deep-nesting.ron",
        "line 1, column 45: each actor must be written (id: 1, name: \"…\", …), found [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…",
    ),
    // A custom value nested deep in lists is refused at its first `[`: a custom value is a
    // text or a number, so the nesting is never read.
    (
        "deep-nesting-custom.ron",
        "an extra field's value must be a text in quotes or a number, found a list",
    ),
    ("deep-nesting-unclosed.ron", "line 1, column 2"),
    ("unknown-field.ron", "colour"),
    ("future-version.ron", "made by a newer PartnerMap"),
    ("wrong-format.ron", "\"kumu\""),
    ("no-format.ron", "no `format"),
    ("bad-enum.ron", "Government"),
    (
        "negative-score.ron",
        "line 9, column 40: `trust_ab` must be a whole number from 1 to 5, found -1",
    ),
    (
        "huge-version.ron",
        "line 3, column 14: this number is too large (or negative) for `version`",
    ),
    (
        "huge-id.ron",
        "line 6, column 10: actor 18446744073709551615: `id` 18446744073709551615 is too large",
    ),
    ("many-problems.ron", "7 problems"),
    // GraphML, GEXF and CSV, through the importers.
    (
        "billion-laughs.graphml",
        "line 14, column 44: the entity &lol9; is not defined",
    ),
    (
        "external-entity.graphml",
        "line 5, column 35: the entity &xxe; is not defined",
    ),
    (
        "deep-nesting.graphml",
        "elements are nested more than 200 deep",
    ),
    (
        "unclosed.graphml",
        "the file ends before its elements are closed",
    ),
    (
        "svg-not-graphml.graphml",
        "this is not a GraphML file: it starts with <svg>",
    ),
    (
        "dangling-edge.graphml",
        "line 11, column 1: no node has the id \"99\"",
    ),
    (
        "duplicate-node.graphml",
        "the id \"a\" is used by an earlier actor too",
    ),
    (
        "bad-values.graphml",
        "line 12, column 29: trust_ab: 9 is outside trust 1–5",
    ),
    (
        "undeclared-key.graphml",
        "<data key=\"colour\"> uses a key that no <key> declares",
    ),
    (
        "invalid-utf8.graphml",
        "invalid-utf8.graphml line 9, column 38: the file is not UTF-8 text (byte 0xE9 is not \
         UTF-8",
    ),
    ("nan-position.graphml", "x: \"NaN\" is not a number"),
    (
        "long-name.graphml",
        "`name` is 320 characters long; at most 200 are allowed",
    ),
    ("text-not-xml.gexf", "the file holds no XML element"),
    (
        "undeclared-attvalue.gexf",
        "<attvalue for=\"7\"> names an attribute that is not declared",
    ),
    (
        "bad-score.gexf",
        "line 2, column 35: influence: 11 is outside influence 1–5",
    ),
    (
        "mismatched-tags.gexf",
        "expected `</node>`, but `</nodes>` was found",
    ),
    (
        "wrong-cell-count.csv",
        "wrong-cell-count.csv row 3: has 4 cells but the header names 2 columns",
    ),
    ("empty.csv", "the table is empty"),
    ("no-name-column.csv", "no column gives the actors' names"),
    (
        "bad-sector.csv",
        "bad-sector.csv row 3, column \"sector\": \"Religious\" is not a sector",
    ),
    (
        "invalid-utf8.csv",
        "invalid-utf8.csv row 2 (line 2): the file is not UTF-8 text (byte 0xE9 is not UTF-8",
    ),
    (
        "blank-header.csv",
        "the first row must name the columns, and it is blank",
    ),
    (
        "missing-end.csv",
        "missing-end.csv row 3: the partnership has no a (the source)",
    ),
];

/// Reads a corpus file as the program would: a map, or an import by its extension.
fn read(path: &Path) -> Result<(), String> {
    let is_map = path
        .extension()
        .is_some_and(|e| e == "ron" || e == "bin" || e == "json");
    if is_map {
        io::load_path(path).map(drop).map_err(|e| e.to_string())
    } else {
        partnermap::io::import::import_path(path, None, &partnermap::task::Progress::new())
            .map(drop)
            .map_err(|e| e.to_string())
    }
}

#[test]
fn every_bad_file_gives_a_clear_error_without_panicking() {
    let dir = Path::new("tests/fixtures/bad");
    for (name, phrase) in CORPUS {
        let path = dir.join(name);
        let started = Instant::now();
        let result = std::panic::catch_unwind(|| read(&path));
        let elapsed = started.elapsed();
        let result = result.unwrap_or_else(|_| panic!("{name}: the loader panicked"));
        let msg = match result {
            Ok(()) => panic!("{name}: a bad file was accepted"),
            Err(e) => e,
        };
        assert!(
            msg.contains(phrase),
            "{name}: expected \"{phrase}\" in: {msg}"
        );
        assert!(elapsed < Duration::from_secs(2), "{name}: took {elapsed:?}");
    }
}

#[test]
fn the_corpus_covers_every_file_in_the_folder() {
    let listed: std::collections::BTreeSet<&str> = CORPUS.iter().map(|(n, _)| *n).collect();
    for entry in std::fs::read_dir("tests/fixtures/bad").unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            listed.contains(name.as_str()),
            "{name} has no expected message"
        );
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    // A sparse file: it takes no disk space, and reading it whole would take seconds.
    file.set_len(io::MAX_FILE_BYTES + 1).unwrap();
    let started = Instant::now();
    let err = io::load_path(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("at most 256 MB"), "{err}");
    assert!(started.elapsed() < Duration::from_millis(500));
}

#[test]
fn a_missing_file_and_a_folder_say_so() {
    let err = io::load_path(Path::new("tests/fixtures/bad/no-such-file.ron")).unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }) && err.is_unreadable());
    let err = io::load_path(Path::new("tests/fixtures")).unwrap_err();
    assert!(err.to_string().contains("folder"), "{err}");
}

#[test]
fn every_mutation_of_a_good_file_loads_or_fails_cleanly() {
    let good = io::SAMPLE_RON.as_bytes();
    // Cut the file at many places and flip bytes at many others: never a panic.
    for cut in (0..good.len()).step_by(397) {
        let _ = io::load_bytes(&good[..cut]);
    }
    for at in (0..good.len()).step_by(389) {
        let mut bytes = good.to_vec();
        bytes[at] ^= 0x5a;
        let _ = io::load_bytes(&bytes);
    }
}

#[test]
fn imports_over_the_size_limit_are_refused_before_they_are_read() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["huge.graphml", "huge.gexf", "huge.csv"] {
        let path = dir.path().join(name);
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(io::MAX_FILE_BYTES + 1).unwrap();
        let started = Instant::now();
        let err = read(&path).unwrap_err();
        assert!(
            err.contains("PartnerMap imports files of at most"),
            "{name}: {err}"
        );
        assert!(started.elapsed() < Duration::from_millis(500), "{name}");
    }
}

#[test]
fn a_table_with_more_than_five_million_cells_is_refused_while_it_is_read() {
    // 1,000 columns × 5,001 rows: about 10 MB, far under the size limit, but a wide table
    // like this took gigabytes of memory to import before it was bounded.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.csv");
    let mut text = String::from("name");
    for c in 1..1000 {
        text.push_str(&format!(",c{c}"));
    }
    text.push('\n');
    let row = format!("x{}\n", ",7".repeat(999));
    for _ in 0..5001 {
        text.push_str(&row);
    }
    std::fs::write(&path, text).unwrap();
    let err = read(&path).unwrap_err();
    assert!(
        err.contains("the file holds more than 5000000 cells"),
        "{err}"
    );
}

#[test]
fn an_imported_text_over_ten_thousand_characters_is_refused_with_its_place() {
    let notes = "x".repeat(10_001);
    let table = format!("name,notes\nCommune council,{notes}\n");
    let tables = partnermap::io::import::csv::Tables {
        actors: Some(
            partnermap::io::import::csv::Table::parse("actors.csv", table.as_bytes()).unwrap(),
        ),
        partnerships: None,
        map: None,
    };
    let err = partnermap::io::import::csv::import(
        &tables,
        &tables.guess_mapping(),
        &partnermap::task::Progress::new(),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("actors.csv row 2"), "{err}");
    assert!(
        err.contains("`notes` is 10001 characters long; at most 10000"),
        "{err}"
    );
}

mod fuzz {
    //! Arbitrary and mutated bytes for every loader: never a panic, always a message, in
    //! bounded time.

    use std::time::{Duration, Instant};

    use partnermap::io;
    use partnermap::io::import::csv::{Table, Tables};
    use partnermap::io::import::{import_gexf, import_graphml};
    use partnermap::task::Progress;
    use proptest::prelude::*;

    const LIMIT: Duration = Duration::from_secs(2);

    /// Runs every loader on `bytes`; each must finish in time, and a refusal must say why.
    fn all_loaders(bytes: &[u8]) -> Result<(), TestCaseError> {
        let text = String::from_utf8_lossy(bytes);
        let started = Instant::now();
        match io::load_bytes(bytes) {
            Ok(p) => drawable_and_savable(&p)?,
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        match import_graphml(&text, &Progress::new()) {
            Ok(i) => drawable_and_savable(&i.project)?,
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        match import_gexf(&text, &Progress::new()) {
            Ok(i) => drawable_and_savable(&i.project)?,
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        match Table::parse("t.csv", bytes) {
            Ok(table) => {
                for as_actors in [true, false] {
                    let tables = if as_actors {
                        Tables {
                            actors: Some(table.clone()),
                            partnerships: None,
                            map: None,
                        }
                    } else {
                        Tables {
                            actors: None,
                            partnerships: Some(table.clone()),
                            map: None,
                        }
                    };
                    let mapping = tables.guess_mapping();
                    match partnermap::io::import::csv::import(&tables, &mapping, &Progress::new()) {
                        Ok(i) => drawable_and_savable(&i.project)?,
                        Err(e) => prop_assert!(!e.to_string().is_empty()),
                    }
                }
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        prop_assert!(
            started.elapsed() < LIMIT * 4,
            "took {:?}",
            started.elapsed()
        );
        Ok(())
    }

    /// What loads can be drawn, exported and saved (design.md §11): no problem, every
    /// position within what a canvas draws, no control character in a name, and the map
    /// comes back the same from its file.
    fn drawable_and_savable(p: &partnermap::model::Project) -> Result<(), TestCaseError> {
        prop_assert!(p.validate().is_empty(), "{:?}", p.validate());
        for a in p.actors.values() {
            let reach = partnermap::model::MAX_COORD;
            prop_assert!(a.position.x.abs() <= reach && a.position.y.abs() <= reach);
            prop_assert!(partnermap::model::text::first_forbidden(&a.name).is_none());
        }
        match io::load_str(&io::to_ron_string(p)) {
            Ok(back) => prop_assert!(&back == p, "the saved map came back different"),
            Err(e) => prop_assert!(false, "the saved map does not load: {e}"),
        }
        Ok(())
    }

    fn good_files() -> Vec<Vec<u8>> {
        let p = partnermap::generate::generate(12, 20, 9).unwrap();
        let ind = partnermap::analysis::compute(&p, None);
        let csv = partnermap::io::export::csv_tables(&p, &ind).unwrap();
        vec![
            io::to_ron_string(&p).into_bytes(),
            partnermap::io::export::graphml(&p).unwrap().into_bytes(),
            partnermap::io::export::gexf(&p).unwrap().into_bytes(),
            csv.actors.into_bytes(),
            csv.partnerships.into_bytes(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            all_loaders(&bytes)?;
        }

        #[test]
        fn arbitrary_text_with_markup_never_panics(
            text in "(<|>|/|=|\"|&|;|,|\n|graphml|gexf|node|edge|key|data|id|source|target|attvalue|for|value|[a-z0-9 ]){0,120}"
        ) {
            all_loaders(text.as_bytes())?;
        }

        #[test]
        fn strange_geometry_never_reaches_the_map(
            xs in proptest::collection::vec(
                prop_oneof![
                    Just("1e999".to_string()),
                    Just("-inf".to_string()),
                    Just("NaN".to_string()),
                    Just("1e308".to_string()),
                    Just("-1e9".to_string()),
                    Just("1e9".to_string()),
                    Just("999999999.5".to_string()),
                    Just("".to_string()),
                    (-2e9f64..2e9).prop_map(|v| v.to_string()),
                ],
                2..8,
            ),
        ) {
            // A GEXF and a yEd-style GraphML whose drawn positions are extreme, infinite,
            // not numbers or missing: the import refuses with a message or gives a map
            // whose every position a canvas can draw.
            let mut gexf = String::from(
                r#"<?xml version="1.0"?><gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz"><graph><nodes>"#,
            );
            let mut graphml = String::from(
                r#"<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml"><key id="g" for="node" yfiles.type="nodegraphics"/><graph edgedefault="undirected">"#,
            );
            for (i, x) in xs.iter().enumerate() {
                let y = &xs[(i + 1) % xs.len()];
                gexf.push_str(&format!(
                    r#"<node id="{i}" label="A{i}"><viz:position x="{x}" y="{y}"/></node>"#
                ));
                graphml.push_str(&format!(
                    r#"<node id="n{i}"><data key="g"><y:ShapeNode><y:Geometry x="{x}" y="{y}" width="30" height="30"/><y:NodeLabel>A{i}</y:NodeLabel></y:ShapeNode></data></node>"#
                ));
            }
            gexf.push_str(r#"</nodes><edges><edge id="e" source="0" target="1"/></edges></graph></gexf>"#);
            graphml.push_str(r#"<edge source="n0" target="n1"/></graph></graphml>"#);
            match import_gexf(&gexf, &Progress::new()) {
                Ok(i) => drawable_and_savable(&i.project)?,
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
            match import_graphml(&graphml, &Progress::new()) {
                Ok(i) => drawable_and_savable(&i.project)?,
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }

        #[test]
        fn mutated_good_files_never_panic(
            which in 0usize..5,
            cut in any::<proptest::sample::Index>(),
            flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 0..8),
        ) {
            let files = good_files();
            let mut bytes = files[which].clone();
            for (at, b) in flips {
                let i = at.index(bytes.len());
                bytes[i] = b;
            }
            let end = cut.index(bytes.len() + 1);
            bytes.truncate(end.max(bytes.len() / 2));
            all_loaders(&bytes)?;
        }
    }
}

#[test]
fn an_endless_device_is_read_only_up_to_the_limit() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("z.ron");
    for (args, says) in [
        (
            vec![
                "import",
                "/dev/zero",
                "--format",
                "csv",
                "-o",
                out.to_str().unwrap(),
            ],
            "/dev/zero is more than 268435456 bytes",
        ),
        (
            vec![
                "import",
                "/dev/zero",
                "--format",
                "gexf",
                "-o",
                out.to_str().unwrap(),
            ],
            "/dev/zero is more than 268435456 bytes",
        ),
        (
            vec!["check", "/dev/zero"],
            "PartnerMap opens project files of at most 256 MB",
        ),
    ] {
        let started = Instant::now();
        let run = crate::common::partnermap(&args);
        let said = crate::common::text(&run);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {said}");
        assert!(said.contains(says), "{args:?}: {said}");
        assert!(started.elapsed() < Duration::from_secs(20), "{args:?}");
        assert!(!out.exists(), "nothing written");
    }
}
