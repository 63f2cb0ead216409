//! `partnermap stats`: the JSON has every key of design.md §5 with sane values on the sample
//! map, the report reads, missing data is null, and bad files exit non-zero without a panic.

use crate::common;
use std::path::Path;

use common::{partnermap, text};

use serde_json::Value;

const SAMPLE: &str = "assets/samples/dfgg-cambodia.ron";

fn stats_json(file: &str) -> Value {
    let out = partnermap(&["stats", file, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    serde_json::from_slice(&out.stdout).expect("stats --json prints JSON")
}

const NETWORK_KEYS: &[&str] = &[
    "actors",
    "partnerships",
    "pairs",
    "isolated",
    "components",
    "density",
    "degree_centralization",
    "mean_trust",
    "trust_coverage",
    "mean_trust_gap",
    "trust_gap_coverage",
    "mean_power_asymmetry",
    "power_coverage",
    "form_counts",
    "integrated_share",
    "formal_share",
    "state_nonstate_share",
    "cross_sector_share",
    "ei_index",
    "quadrant_counts",
];

const ACTOR_KEYS: &[&str] = &[
    "id",
    "name",
    "sector",
    "level",
    "degree",
    "partnerships",
    "cross_sector_degree",
    "betweenness",
    "trust_received",
    "trust_given",
    "power_score",
    "brokerage",
    "mendelow",
];

const PARTNERSHIP_KEYS: &[&str] = &[
    "id",
    "a",
    "b",
    "trust",
    "trust_gap",
    "power_asymmetry",
    "contribution_equity",
    "mutuality",
    "identity",
    "quadrants",
];

fn has_keys(value: &Value, keys: &[&str], what: &str) {
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{what} is an object"));
    for key in keys {
        assert!(object.contains_key(*key), "{what} has no `{key}`: {value}");
    }
}

fn unit(v: &Value, what: &str) -> f64 {
    let x = v
        .as_f64()
        .unwrap_or_else(|| panic!("{what} is a number: {v}"));
    assert!((0.0..=1.0).contains(&x), "{what} = {x} is in 0–1");
    x
}

#[test]
fn json_of_the_sample_map_has_every_key_and_sane_values() {
    let json = stats_json(SAMPLE);
    let network = &json["network"];
    has_keys(network, NETWORK_KEYS, "network");
    assert_eq!(network["actors"], 24);
    assert_eq!(network["partnerships"], 29);
    let pairs = network["pairs"].as_u64().unwrap();
    assert!((1..=29).contains(&pairs), "pairs {pairs}");
    // density = pairs / C(24, 2).
    let density = unit(&network["density"], "density");
    assert!((density - pairs as f64 / 276.0).abs() < 1e-12);
    unit(&network["degree_centralization"], "degree centralization");
    for key in [
        "mean_trust",
        "trust_coverage",
        "mean_power_asymmetry",
        "power_coverage",
        "formal_share",
        "state_nonstate_share",
        "cross_sector_share",
        "integrated_share",
    ] {
        unit(&network[key], key);
    }
    let ei = network["ei_index"].as_f64().unwrap();
    assert!((-1.0..=1.0).contains(&ei));
    // E-I and the cross-sector share say the same thing: E-I = 2 · share − 1.
    let cross = network["cross_sector_share"].as_f64().unwrap();
    assert!((ei - (2.0 * cross - 1.0)).abs() < 1e-12);

    let forms = network["form_counts"].as_object().unwrap();
    let form_names: Vec<&str> = forms.keys().map(String::as_str).collect();
    for form in ["Interaction", "Coalition", "Collaboration", "Integrated"] {
        assert!(form_names.contains(&form), "{form_names:?}");
    }
    assert_eq!(forms.values().map(|v| v.as_u64().unwrap()).sum::<u64>(), 29);

    // Each framework's quadrants (and unplaced) add up to the partnerships; D to the actors.
    let quadrants = &network["quadrant_counts"];
    for (framework, total) in [("a", 29), ("b", 29), ("c", 29), ("d", 24)] {
        let counts = quadrants[framework].as_object().unwrap();
        assert_eq!(counts.len(), 5, "four quadrants and the unplaced");
        let sum: u64 = counts.values().map(|v| v.as_u64().unwrap()).sum();
        assert_eq!(sum, total, "framework {framework}: {counts:?}");
    }
    assert!(quadrants["a"].get("unplaced").is_some());
    assert!(
        quadrants["a"]
            .get("Institutionalised partnership")
            .is_some()
    );
    assert!(quadrants["d"].get("Key players").is_some());
    // A small map's betweenness is exact, counted from every actor, and the JSON says so.
    assert_eq!(
        network["betweenness_method"],
        serde_json::json!({"estimated": false, "sources": 24})
    );

    let actors = json["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 24);
    let mut most_between = 0.0;
    for a in actors {
        has_keys(a, ACTOR_KEYS, "an actor");
        let b = unit(&a["betweenness"], "betweenness");
        most_between = f64::max(most_between, b);
        assert!(a["degree"].as_u64().unwrap() <= a["partnerships"].as_u64().unwrap());
        assert!(a["cross_sector_degree"].as_u64().unwrap() <= a["degree"].as_u64().unwrap());
        has_keys(&a["mendelow"], &["x", "y", "quadrant"], "mendelow");
        if let Some(p) = a["power_score"].as_f64() {
            assert!((-1.0..=1.0).contains(&p));
        }
    }
    assert!(most_between > 0.0, "someone lies between others");
    // Every partnership counts once at each end.
    let ends: u64 = actors
        .iter()
        .map(|a| a["partnerships"].as_u64().unwrap())
        .sum();
    assert_eq!(ends, 58);

    let partnerships = json["partnerships"].as_array().unwrap();
    assert_eq!(partnerships.len(), 29);
    for p in partnerships {
        has_keys(p, PARTNERSHIP_KEYS, "a partnership");
        for framework in ["a", "b", "c"] {
            let q = &p["quadrants"][framework];
            assert!(
                q.get("quadrant").is_some() || q.get("unplaced").is_some(),
                "{framework}: {q}"
            );
        }
    }
}

#[test]
fn missing_data_is_null_with_zero_coverage() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bare.ron");
    std::fs::write(
        &path,
        r#"(
    format: "partnermap",
    version: 1,
    actors: [
        (id: 1, name: "Ministry", sector: State, level: National),
        (id: 2, name: "NGO", sector: CivilSociety, level: Commune),
        (id: 3, name: "Alone", sector: Private, level: Village),
    ],
    partnerships: [
        (id: 1, a: 1, b: 2),
    ],
)"#,
    )
    .unwrap();
    let json = stats_json(path.to_str().unwrap());
    let network = &json["network"];
    assert_eq!(network["mean_trust"], Value::Null);
    assert_eq!(network["trust_coverage"], 0.0);
    assert_eq!(network["mean_power_asymmetry"], Value::Null);
    assert_eq!(network["isolated"], 1);
    assert_eq!(network["components"], 2);
    assert_eq!(json["actors"][0]["trust_received"], Value::Null);
    assert_eq!(json["actors"][0]["power_score"], Value::Null);
    assert_eq!(json["partnerships"][0]["trust"], Value::Null);
    assert_eq!(
        json["partnerships"][0]["quadrants"]["c"]["unplaced"],
        "no power score"
    );
}

#[test]
fn an_empty_map_gives_nulls_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty-map.ron");
    std::fs::write(
        &path,
        r#"(format: "partnermap", version: 1, actors: [], partnerships: [])"#,
    )
    .unwrap();
    let json = stats_json(path.to_str().unwrap());
    assert_eq!(json["network"]["actors"], 0);
    assert_eq!(json["network"]["density"], 0.0);
    assert_eq!(json["network"]["ei_index"], Value::Null);
    assert_eq!(json["network"]["formal_share"], Value::Null);
    assert_eq!(json["actors"], serde_json::json!([]));
    let out = partnermap(&["stats", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn the_report_reads_for_people() {
    let out = partnermap(&["stats", SAMPLE]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let report = String::from_utf8_lossy(&out.stdout);
    for heading in ["Network", "Actors by betweenness", "Quadrants"] {
        assert!(report.contains(heading), "{report}");
    }
    assert!(report.contains("from 29 of 29 partnerships"), "{report}");
    assert!(report.contains("Institutionalised partnership"), "{report}");
    // The actor with the highest betweenness comes first in the table.
    let json = stats_json(SAMPLE);
    let top = json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .max_by(|a, b| {
            a["betweenness"]
                .as_f64()
                .unwrap()
                .total_cmp(&b["betweenness"].as_f64().unwrap())
        })
        .unwrap();
    let table = report.split("Actors by betweenness").nth(1).unwrap();
    let first_row = table.lines().nth(2).unwrap();
    assert!(
        first_row.contains(top["name"].as_str().unwrap()),
        "{first_row}"
    );
}

#[test]
fn bad_files_exit_non_zero_without_a_panic() {
    let out = partnermap(&["stats", "tests/fixtures/bad/many-problems.ron"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(out.stdout.is_empty(), "no statistics for an invalid map");
    assert!(String::from_utf8_lossy(&out.stderr).contains("7 problems"));

    let out = partnermap(&["stats", "no/such/file.ron", "--json"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("no/such/file.ron"));

    for entry in std::fs::read_dir("tests/fixtures/bad").unwrap() {
        let path = entry.unwrap().path();
        let file = path.to_str().unwrap();
        for args in [vec!["stats", file], vec!["stats", file, "--json"]] {
            let out = partnermap(&args);
            assert!(
                matches!(out.status.code(), Some(1) | Some(2)),
                "{file}: {}",
                text(&out)
            );
            assert!(!text(&out).contains("panicked"), "{file}");
        }
    }
    assert!(Path::new(SAMPLE).exists());
}
