//! Change over time from the command line (issue 15, items 1, 2 and 6; design.md §12):
//! `snapshot` keeps a state in the map's file, `diff` says what changed, `stats --snapshot`
//! reports on a snapshot; a snapshot is checked as a map is, with its place; bad input
//! leaves the file untouched.

use crate::common::{partnermap, text};

const SAMPLE: &str = "assets/samples/dfgg-cambodia.ron";

fn copy_of_sample(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("map.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    path
}

fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = partnermap(args);
    (out.status.code(), text(&out))
}

#[test]
fn a_snapshot_is_kept_in_the_file_and_a_later_change_shows_in_diff_and_stats() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_sample(dir.path());
    let p = path.to_str().unwrap();
    let (code, said) = run(&["snapshot", p, "Baseline", "--date", "2012-06"]);
    assert_eq!(code, Some(0), "{said}");
    assert_eq!(
        said.trim(),
        format!(
            "{p}: kept the snapshot \"Baseline, 2012-06\" (24 actors, 29 partnerships); the map holds 1 snapshot"
        )
    );
    assert!(dir.path().join("map.ron.bak").is_file(), "a backup is kept");
    // Change "now": the first partnership deepens and an actor goes.
    let mut project = partnermap::io::load_path(&path).unwrap();
    let first = *project.partnerships.keys().next().unwrap();
    project.partnerships.get_mut(&first).unwrap().form = Some(partnermap::model::Form::Integrated);
    partnermap::io::save_path(&project, &path).unwrap();

    let (code, json) = run(&["diff", p, "--from", "baseline", "--to", "now", "--json"]);
    assert_eq!(code, Some(0), "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["from"], "Baseline");
    assert_eq!(v["to"], "now");
    assert_eq!(v["actors"]["added"], serde_json::json!([]));
    let changed = &v["partnerships"]["changed"][0];
    assert_eq!(changed["id"], first.0);
    assert_eq!(
        changed["fields"]["form"],
        serde_json::json!(["Coalition", "Integrated"])
    );
    assert_eq!(v["network"]["partnerships"], serde_json::json!([29, 29]));
    let integrated = &v["network"]["integrated_share"];
    assert!(
        integrated[1].as_f64() > integrated[0].as_f64(),
        "{integrated}"
    );

    let (code, said) = run(&["diff", p, "--from", "Baseline"]);
    assert_eq!(code, Some(0));
    assert!(
        said.contains("World Bank – Ministry of Interior (MoI) (deepened)"),
        "{said}"
    );
    assert!(said.contains("form: Coalition → Integrated"), "{said}");
    assert!(said.contains("form_counts.Integrated: 1 → 2"), "{said}");

    // The snapshot's own indicators are those of the map as it was.
    let (_, then) = run(&["stats", p, "--snapshot", "Baseline", "--json"]);
    let (_, original) = run(&["stats", SAMPLE, "--json"]);
    let then: serde_json::Value = serde_json::from_str(&then).unwrap();
    let original: serde_json::Value = serde_json::from_str(&original).unwrap();
    assert_eq!(then["network"], original["network"]);
    let (_, now) = run(&["stats", p, "--json"]);
    let now: serde_json::Value = serde_json::from_str(&now).unwrap();
    assert_ne!(
        now["network"]["integrated_share"],
        then["network"]["integrated_share"]
    );
}

#[test]
fn a_snapshot_from_another_file_keeps_last_years_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_sample(dir.path());
    let baseline = dir.path().join("baseline.ron");
    let mut old = partnermap::io::load_path(std::path::Path::new(SAMPLE)).unwrap();
    let last = *old.partnerships.keys().next_back().unwrap();
    old.partnerships.remove(&last);
    partnermap::io::save_path(&old, &baseline).unwrap();
    let (code, said) = run(&[
        "snapshot",
        path.to_str().unwrap(),
        "Baseline",
        "--from",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("(24 actors, 28 partnerships)"), "{said}");
    let (_, json) = run(&[
        "diff",
        path.to_str().unwrap(),
        "--from",
        "Baseline",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["partnerships"]["added"], serde_json::json!([last.0]));
}

#[test]
fn bad_snapshots_leave_the_file_untouched_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_sample(dir.path());
    let p = path.to_str().unwrap();
    assert_eq!(run(&["snapshot", p, "Baseline"]).0, Some(0));
    let before = std::fs::read(&path).unwrap();
    let not_a_map = dir.path().join("notes.ron");
    std::fs::write(&not_a_map, "Minutes of the workshop in Pursat\n").unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::copy("tests/fixtures/bad/many-problems.ron", &broken).unwrap();
    let cases: [(Vec<&str>, i32, String); 5] = [
        (
            vec!["snapshot", p, " baseline "],
            1,
            format!("{p}: a snapshot named \"Baseline\" is already kept; choose another name; nothing was changed"),
        ),
        (
            vec!["snapshot", p, "Midline", "--date", "2012-13"],
            2,
            "partnermap snapshot: --date \"2012-13\" is not a date: month 13 does not exist; nothing was changed".into(),
        ),
        (
            vec!["snapshot", p, "Midline", "--from", not_a_map.to_str().unwrap()],
            2,
            "this is not a PartnerMap project file".into(),
        ),
        (
            vec!["snapshot", p, "Midline", "--from", broken.to_str().unwrap()],
            1,
            "invalid map: 7 problems; nothing was changed".into(),
        ),
        (
            vec!["diff", p, "--from", "Endline"],
            2,
            format!("{p}: no snapshot is named \"Endline\"; it keeps \"Baseline\""),
        ),
    ];
    for (args, exit, says) in cases {
        let (code, said) = run(&args);
        assert_eq!(code, Some(exit), "{args:?}: {said}");
        assert!(
            said.contains(&says),
            "{args:?}: expected {says:?} in {said}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
}

#[test]
fn a_snapshot_in_a_file_is_checked_as_a_map_is_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    let text = "(
    format: \"partnermap\",
    version: 1,
    actors: [(id: 1, name: \"A\"), (id: 2, name: \"B\")],
    partnerships: [],
    snapshots: [
        (
            name: \"Baseline\",
            date: \"2012-02-30\",
            actors: [(id: 1, name: \"A\")],
            partnerships: [
                (id: 1, a: 1, b: 9),
            ],
        ),
        (name: \"baseline\"),
    ],
)
";
    std::fs::write(&path, text).unwrap();
    let (code, said) = run(&["check", path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{said}");
    let p = path.display();
    for line in [
        format!("{p}:9:13: snapshot \"Baseline\": `date` \"2012-02-30\" is not a date"),
        format!(
            "{p}:12:31: snapshot \"Baseline\", partnership 1: `b` refers to actor 9, which does not exist"
        ),
        format!(
            "{p}:15:10: snapshot \"baseline\": another snapshot has the same name; each needs a name of its own"
        ),
    ] {
        assert!(said.contains(&line), "expected {line} in:\n{said}");
    }
    // A file without snapshots loads as before, and one with a good snapshot round trips.
    let mut project = partnermap::io::load_path(std::path::Path::new(SAMPLE)).unwrap();
    assert!(project.snapshots.is_empty());
    project
        .snapshots
        .push(partnermap::model::Snapshot::of(&project, "Baseline", None));
    let text = partnermap::io::to_ron_string(&project);
    assert_eq!(partnermap::io::load_str(&text).unwrap(), project);
}

mod file {
    use partnermap::model::*;

    fn map() -> Project {
        let mut p = Project::new();
        for (id, name) in [(1, "Commune council"), (2, "Parents' group\nof Kampot")] {
            let mut a = Actor::new(ActorId(id), name, Sector::State, Level::Commune);
            a.notes = "met \"twice\"\nin June".into();
            p.insert_actor(a);
        }
        let mut link = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
        link.form = Some(Form::Coalition);
        p.insert_partnership(link);
        p
    }

    #[test]
    fn a_map_with_snapshots_round_trips_through_its_file_and_keeps_one_item_a_line() {
        let mut p = map();
        let mut base = Snapshot::of(&p, "Baseline", Some(PartialDate("2012-06".into())));
        base.note = "estimated from LN15".into();
        p.snapshots.push(base);
        p.partnerships.get_mut(&PartnershipId(1)).unwrap().form = Some(Form::Collaboration);
        p.snapshots.push(Snapshot::of(&p, "Endline", None));
        let text = partnermap::io::to_ron_string(&p);
        let back = partnermap::io::load_str(&text).unwrap();
        assert_eq!(back, p);
        // Each field of a snapshot's actor stands on a line of its own, indented under it.
        assert!(
            text.contains("\n                    name: \"Commune council\",\n"),
            "{text}"
        );
        assert!(text.contains("            date: \"2012-06\",\n"), "{text}");
        assert!(!text.contains("Some("), "{text}");
        // A text with a line break is kept whole, not indented inside.
        assert!(
            text.contains("met \\\"twice\\\"\nin June") || text.contains("met \"twice\"\nin June"),
            "{text}"
        );
        // A map without snapshots is written as before.
        assert!(!partnermap::io::to_ron_string(&map()).contains("snapshots"));
    }
}
