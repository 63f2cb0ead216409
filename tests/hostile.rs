//! The hostile corpus (issue 14, item 9; design.md §11): a file for each class of value that
//! once loaded and then crashed the window or came back wrong, and for each kind of mistake
//! whose message must name the field, what was found and what is allowed. Each file has its
//! exact message, with its line and column; each is refused by `partnermap check` with exit
//! 1, and the window opening it keeps the map that is open and says why.
//!
//! Classes: positions a canvas cannot draw (beyond ±1e9, infinite, NaN); control characters
//! in texts; lists too long (entries, characters together, extra fields); an extra field
//! given twice; values of the wrong kind (choices, fields unknown or doubled, booleans,
//! numbers, texts, lists, positions, scores).

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnermap::app::{Document, Origin, PartnerMapApp};

use crate::common::{partnermap, text};

const DIR: &str = "tests/fixtures/hostile";

/// Each file of the corpus and the first line `partnermap check` prints for it, after the
/// file's path.
const CORPUS: &[(&str, &str)] = &[
    (
        "actor-as-list.ron",
        "5:9: each actor must be written (id: 1, name: \"…\", …), found [1, 2, 3],",
    ),
    (
        "beyond-a-billion.ron",
        "5:42: actor 1: `position` is -1000000001; a position must lie between -1,000,000,000 and 1,000,000,000, the farthest a canvas can draw",
    ),
    (
        "custom-list.ron",
        "5:61: an extra field's value must be a text in quotes or a number, found a list",
    ),
    (
        "custom-twice.ron",
        "5:79: the extra field \"budget\" is given twice; each name may appear once",
    ),
    (
        "end-as-text.ron",
        "9:25: `b` must be a whole number, found \"2\"",
    ),
    (
        "escape-in-name.ron",
        "5:17: actor 1: `name` holds the control character U+001B (character 9); texts may not hold control characters other than tabs and line breaks",
    ),
    (
        "far-position.ron",
        "5:42: actor 1: `position` is 1e39; a position must lie between -1,000,000,000 and 1,000,000,000, the farthest a canvas can draw",
    ),
    (
        "field-twice.ron",
        "5:42: `name` is given twice in an actor; each field may appear once",
    ),
    (
        "form-typo.ron",
        "9:35: `form` is Colaboration; it must be one of Interaction, Coalition, Collaboration, Integrated",
    ),
    (
        "functions-typo.ron",
        "9:41: `functions` is Money; it must be one of ServiceDelivery, Infrastructure, Accountability, PolicyInfluence, CapacityBuilding, DisputeResolution, Learning, Coordination, Financing",
    ),
    (
        "infinite-position.ron",
        "5:42: actor 1: `position` is inf; it must be a finite number",
    ),
    (
        "influence-fraction.ron",
        "5:54: `influence` must be a whole number from 1 to 5, found 3.5",
    ),
    (
        "influence-word.ron",
        "5:52: `influence` must be a whole number from 1 to 5, found high",
    ),
    (
        "long-tags.ron",
        "5:42: actor 1: the entries of `tags` are 110000 characters long together; at most 100000 are allowed",
    ),
    (
        "many-custom.ron",
        "5:12844: more than 1000 extra fields: at most 1000 are allowed",
    ),
    (
        "many-sources.ron",
        "5:3054: more than 1000 entries in `sources`: at most 1000 are allowed",
    ),
    (
        "nan-position.ron",
        "5:42: actor 1: `position` is NaN; it must be a finite number",
    ),
    (
        "nul-in-notes.ron",
        "5:42: actor 1: `notes` holds the control character U+0000 (character 7); texts may not hold control characters other than tabs and line breaks",
    ),
    (
        "pinned-number.ron",
        "5:49: `pinned` must be true or false, found 1",
    ),
    (
        "position-number.ron",
        "5:51: `position` must be its fields in brackets such as (x: 10.0, y: 20.0), found 5",
    ),
    (
        "position-text.ron",
        "5:55: `x` must be a number, found \"left\"",
    ),
    (
        "power-out-of-range.ron",
        "9:29: partnership 1: `power` is 7; it must be between -2 and 2",
    ),
    (
        "sector-quoted.ron",
        "5:50: `sector` must be one of State, CivilSociety, Private, Community, Donor, Joint (written without quotes), found \"State\"",
    ),
    (
        "sector-typo.ron",
        "5:50: `sector` is Goverment; it must be one of State, CivilSociety, Private, Community, Donor, Joint",
    ),
    (
        "tags-text.ron",
        "5:47: `tags` must be a list in brackets, such as [\"a\", \"b\"], found \"water\"",
    ),
    (
        "unknown-actor-field.ron",
        "5:42: `colour` is not a field of an actor; the fields are id, name, short, sector, kind, level, influence, interest, capacity, stance, resources, tags, notes, sources, position, pinned, custom",
    ),
];

#[test]
fn every_hostile_file_is_refused_with_its_exact_message_and_place() {
    for (name, expected) in CORPUS {
        let path = format!("{DIR}/{name}");
        let run = partnermap(&["check", &path]);
        let said = text(&run);
        assert_eq!(run.status.code(), Some(1), "{name}: {said}");
        let first = said.lines().next().unwrap_or_default();
        assert_eq!(
            first.strip_prefix(&format!("{path}:")),
            Some(*expected),
            "{name}"
        );
        // The library gives the same message, placed, to the window.
        let err = partnermap::io::load_path(path.as_ref())
            .unwrap_err()
            .to_string();
        let (place, message) = expected.split_once(": ").unwrap();
        let (line, column) = place.split_once(':').unwrap();
        assert!(
            err.contains(&format!("line {line}, column {column}: {message}")),
            "{name}: {err}"
        );
    }
}

#[test]
fn the_corpus_lists_every_file_in_its_folder() {
    let listed: std::collections::BTreeSet<&str> = CORPUS.iter().map(|(n, _)| *n).collect();
    for entry in std::fs::read_dir(DIR).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            listed.contains(name.as_str()),
            "{name} has no expected message"
        );
    }
}

#[test]
fn the_window_opening_each_hostile_file_keeps_the_open_map_and_says_why() {
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_context_setup(partnermap::ui::fonts::install)
        .build_eframe(|_cc| PartnerMapApp::with_document(Document::sample()));
    h.run();
    let before = h.state().doc.project.clone();
    for (name, expected) in CORPUS {
        h.state_mut().open_path(format!("{DIR}/{name}").into());
        h.state_mut().wait_for_background_work();
        h.run();
        assert_eq!(h.state().doc.origin, Origin::Sample, "{name}");
        assert!(
            h.state().doc.project == before,
            "{name}: the open map changed"
        );
        h.get_by_label(&format!("Could not open {name}"));
        let message = expected.split_once(": ").unwrap().1;
        h.get_by_label_contains(message);
        h.get_by_label("OK").click();
        h.run();
    }
}
