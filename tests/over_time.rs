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
    // The sample keeps its own Baseline; this is a second state, taken now.
    let (code, said) = run(&["snapshot", p, "Midline", "--date", "2012-06"]);
    assert_eq!(code, Some(0), "{said}");
    assert_eq!(
        said.trim(),
        format!(
            "{p}: kept the snapshot \"Midline, 2012-06\" (24 actors, 29 partnerships); the map holds 2 snapshots"
        )
    );
    assert!(dir.path().join("map.ron.bak").is_file(), "a backup is kept");
    // Change "now": the first partnership deepens and an actor goes.
    let mut project = partnermap::io::load_path(&path).unwrap();
    let first = *project.partnerships.keys().next().unwrap();
    project.partnerships.get_mut(&first).unwrap().form = Some(partnermap::model::Form::Integrated);
    partnermap::io::save_path(&project, &path).unwrap();

    let (code, json) = run(&["diff", p, "--from", "midline", "--to", "now", "--json"]);
    assert_eq!(code, Some(0), "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["from"], "Midline");
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

    let (code, said) = run(&["diff", p, "--from", "Midline"]);
    assert_eq!(code, Some(0));
    assert!(
        said.contains("World Bank – Ministry of Interior (MoI) (deepened)"),
        "{said}"
    );
    assert!(said.contains("form: Coalition → Integrated"), "{said}");
    assert!(said.contains("form_counts.Integrated: 1 → 2"), "{said}");

    // The snapshot's own indicators are those of the map as it was.
    let (_, then) = run(&["stats", p, "--snapshot", "Midline", "--json"]);
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
        // Not "Baseline": the sample keeps one of that name already.
        "Last year",
        "--from",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("(24 actors, 28 partnerships)"), "{said}");
    let (_, json) = run(&[
        "diff",
        path.to_str().unwrap(),
        "--from",
        "Last year",
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
    // The sample keeps its Baseline (2012-01); a second snapshot, undated, comes after it.
    assert_eq!(run(&["snapshot", p, "Midline"]).0, Some(0));
    let before = std::fs::read(&path).unwrap();
    let not_a_map = dir.path().join("notes.ron");
    std::fs::write(&not_a_map, "Minutes of the workshop in Pursat\n").unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::copy("tests/fixtures/bad/many-problems.ron", &broken).unwrap();
    let cases: [(Vec<&str>, i32, String); 5] = [
        (
            vec!["snapshot", p, " midline "],
            1,
            format!("{p}: a snapshot named \"Midline\" is already kept; choose another name; nothing was changed"),
        ),
        (
            vec!["snapshot", p, "Endline", "--date", "2012-13"],
            2,
            "partnermap snapshot: --date \"2012-13\" is not a date: month 13 does not exist; nothing was changed".into(),
        ),
        (
            vec!["snapshot", p, "Endline", "--from", not_a_map.to_str().unwrap()],
            2,
            "this is not a PartnerMap project file".into(),
        ),
        (
            vec!["snapshot", p, "Endline", "--from", broken.to_str().unwrap()],
            1,
            "invalid map: 7 problems; nothing was changed".into(),
        ),
        (
            vec!["diff", p, "--from", "Endline"],
            2,
            format!("{p}: no snapshot is named \"Endline\"; it keeps \"Baseline\", \"Midline\""),
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
    // A file without snapshots loads as before: the sample's text cut before its snapshots
    // gives the sample without them.
    let mut project = partnermap::io::load_path(std::path::Path::new(SAMPLE)).unwrap();
    let names: Vec<&str> = project.snapshots.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Baseline"]);
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let cut = text
        .find("\n    snapshots: [")
        .expect("the sample keeps its snapshots");
    let older = partnermap::io::load_str(&format!("{}\n)\n", &text[..cut])).unwrap();
    assert_eq!(older, crate::common::without_snapshots(project.clone()));
    // A file with good snapshots round trips: the sample's Baseline and one more.
    project
        .snapshots
        .push(partnermap::model::Snapshot::of(&project, "Midline", None));
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

#[test]
fn the_samples_baseline_says_in_diff_what_it_rests_on_and_what_is_estimated() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_of_sample(dir.path());
    let (code, out) = run(&["diff", file.to_str().unwrap(), "--from", "Baseline"]);
    assert_eq!(code, Some(0), "{out}");
    let second = out.lines().nth(1).unwrap_or_default();
    assert!(
        second.starts_with("Baseline: Reconstructed") && second.contains("Estimated:"),
        "{out}"
    );
}
