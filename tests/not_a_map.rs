//! A file that is not a map at all (design.md §11; issue 14, item 8): prose, XML, YAML,
//! JSON, UTF-16 or a binary file saved as `.ron` exits with 2 and says in plain words what it
//! looks like; a map with a mistake in it still gets its problem with line and column.

use crate::common::{partnermap, text};

/// `partnermap check` of `bytes` saved as a `.ron` file: the exit code and what it said.
fn check(bytes: &[u8]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    std::fs::write(&path, bytes).unwrap();
    let run = partnermap(&["check", path.to_str().unwrap()]);
    (run.status.code(), text(&run))
}

fn utf16(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

#[test]
fn a_file_that_is_not_a_map_exits_2_saying_what_it_looks_like() {
    let sample = std::fs::read_to_string("assets/samples/dfgg-cambodia.ron").unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "prose",
            b"Minutes of the workshop in Pursat\nWe met the commune council on 12 May.\n".to_vec(),
            "not a PartnerMap project file: it looks like plain text",
        ),
        (
            "XML",
            b"<?xml version=\"1.0\"?>\n<graphml><graph/></graphml>\n".to_vec(),
            "not a PartnerMap project file: it looks like XML",
        ),
        (
            "YAML",
            b"title: Pursat partners\nactors:\n  - name: Commune council\n".to_vec(),
            "not a PartnerMap project file: it looks like YAML",
        ),
        (
            "YAML document",
            b"---\nmap: 1\n".to_vec(),
            "it looks like YAML",
        ),
        ("JSON", b"{\"actors\": []}".to_vec(), "it looks like JSON"),
        ("UTF-16", utf16(&sample), "it is UTF-16 text"),
        (
            "PNG",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "it looks like a PNG picture",
        ),
        (
            "PDF",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec(),
            "a PDF document",
        ),
        (
            "XLSX",
            b"PK\x03\x04\x14\0\0\0\x08\0".to_vec(),
            "a ZIP archive",
        ),
    ];
    for (what, bytes, says) in cases {
        let (code, said) = check(&bytes);
        assert_eq!(code, Some(2), "{what}: {said}");
        assert!(said.contains(says), "{what}: {said}");
        assert!(
            !said.contains("Expected"),
            "{what}: in plain words, not {said}"
        );
    }
}

#[test]
fn a_map_with_a_mistake_still_gets_its_place_not_a_guess_at_its_kind() {
    for (what, text, place) in [
        (
            "unclosed list",
            "(\n    format: \"partnermap\",\n    version: 1,\n    actors: [\n",
            ":4:",
        ),
        (
            "named struct",
            "PartnerMap(\n    format: \"partnermap\",\n    version: 1,\n    actors: [ oops ],\n)\n",
            ":4:",
        ),
        (
            "after the attribute",
            "#![enable(implicit_some)]\n(\n    format: \"partnermap\",\n    version: 1,\n    actors: 3,\n)\n",
            ":5:",
        ),
    ] {
        let (code, said) = check(text.as_bytes());
        assert_eq!(code, Some(1), "{what}: {said}");
        assert!(said.contains(place), "{what}: the place {place} in {said}");
        assert!(!said.contains("looks like"), "{what}: {said}");
    }
}

#[test]
fn a_custom_value_that_is_a_list_says_what_a_custom_value_may_be_and_where() {
    let text = "(\n    format: \"partnermap\",\n    version: 1,\n    actors: [\n        (id: 1, name: \"Ministry\", custom: {\"budget\": [1, 2]}),\n    ],\n    partnerships: [],\n)\n";
    let (code, said) = check(text.as_bytes());
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("an extra field's value must be a text in quotes or a number, found a list"),
        "{said}"
    );
    assert!(said.contains("map.ron:5:"), "with its line: {said}");
    assert!(!said.contains("untagged"), "{said}");
    // Text and numbers still load.
    let good = text.replace("[1, 2]", "12.5").replace(
        "\"budget\": 12.5",
        "\"budget\": 12.5, \"note\": \"estimated\"",
    );
    let (code, said) = check(good.as_bytes());
    assert_eq!(code, Some(0), "{said}");
}

#[test]
fn a_score_that_is_not_a_whole_number_in_range_names_the_field_what_was_found_and_what_is_allowed()
{
    for (value, field, found, allowed) in [
        ("influence: 3.5", "influence", "3.5", "from 1 to 5"),
        (
            "influence: \"high\"",
            "influence",
            "\"high\"",
            "from 1 to 5",
        ),
        ("influence: -1", "influence", "-1", "from 1 to 5"),
    ] {
        let text = format!(
            "(\n    format: \"partnermap\",\n    version: 1,\n    actors: [\n        (id: 1, name: \"Ministry\", {value}),\n    ],\n    partnerships: [],\n)\n"
        );
        let (code, said) = check(text.as_bytes());
        assert_eq!(code, Some(1), "{value}: {said}");
        let want = format!("`{field}` must be a whole number {allowed}, found {found}");
        assert!(said.contains(&want), "{value}: {want:?} in {said}");
        assert!(said.contains("map.ron:5:"), "{value}: its line: {said}");
    }
}
