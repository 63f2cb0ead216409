//! Merging another map as a perspective (issue 16, item 3; design.md §13): through the
//! library (`edit::merge`) on the sample map and copies of it, and through
//! `partnermap merge` on files.

use std::path::Path;

use partnermap::edit::merge::{self, Choices, Doubt, How, Match, MergeError};
use partnermap::edit::{Command, History};
use partnermap::io;
use partnermap::model::{Actor, ActorId, MAX_ID, Partnership, Perspective, Position, Project};

use crate::common::{partnermap, text};

const ORIGIN: &str = "5eed0123456789ab";

/// The sample map with an origin, as the facilitator's laptop has it after its first save.
fn base() -> Project {
    let mut p = io::sample();
    p.meta.origin = ORIGIN.into();
    p
}

fn id_named(p: &Project, name: &str) -> ActorId {
    p.actors.values().find(|a| a.name == name).unwrap().id
}

fn rename(p: &mut Project, from: &str, to: &str) {
    let id = id_named(p, from);
    p.actors.get_mut(&id).unwrap().name = to.into();
}

fn found(plan: &merge::MergePlan, other: ActorId) -> Match<ActorId> {
    plan.actors.iter().find(|m| m.other == other).unwrap().found
}

/// Applies `command` as one undo step.
fn apply(p: &mut Project, command: &Command) -> History {
    let mut history = History::new();
    history.apply(p, "Merge", command).unwrap();
    history
}

#[test]
fn a_copy_of_the_map_is_matched_by_id_and_its_scores_become_the_perspective() {
    let base = base();
    let mut other = base.clone();
    let moi = id_named(&base, "Ministry of Interior (MoI)");
    let amara = id_named(&base, "Amara");
    let pso = id_named(&base, "PSOD joint committee");
    // The group gave its own scores, fixed a name's spelling and renamed an actor outright.
    other.actors.get_mut(&moi).unwrap().influence = Some(2);
    rename(
        &mut other,
        "Ministry of Interior (MoI)",
        "Ministry of the Interior (MoI)",
    );
    rename(&mut other, "Amara", "Women's savings group");
    let first = *base.partnerships.keys().next().unwrap();
    let e = other.partnerships.get_mut(&first).unwrap();
    e.trust_ab = Some(1);
    e.power = None;
    let plan = merge::plan(&base, &other, "Government").unwrap();
    assert!(plan.shared_origin);
    assert_eq!(found(&plan, moi), Match::Sure(moi, How::Id));
    assert_eq!(found(&plan, pso), Match::Sure(pso, How::Id));
    assert_eq!(found(&plan, amara), Match::Doubtful(amara, Doubt::Id));
    assert_eq!(plan.doubtful_actors().count(), 1);

    let mut merged = base.clone();
    let summary = plan.apply(&mut merged, &Choices::default()).unwrap();
    assert_eq!(summary.actors_matched, 24);
    assert_eq!(summary.partnerships_matched, 29);
    assert_eq!((summary.actors_added, summary.partnerships_added), (0, 0));
    let view = merged.perspective("Government").unwrap();
    assert_eq!(view.actor(moi).unwrap().influence, Some(2));
    let r = view.partnership(first).unwrap();
    assert_eq!(r.trust_ab, Some(1));
    // Unset stays unset.
    assert_eq!(r.power, None);
    assert_eq!(summary.values, view.counts().0 + view.counts().1);
    // The map's own values and names are untouched.
    assert_eq!(merged.actors, base.actors);
    assert_eq!(merged.partnerships, base.partnerships);
}

#[test]
fn without_a_shared_origin_names_match_and_names_alike_are_in_doubt() {
    let base = base();
    let mut other = io::sample();
    other.meta.origin = "0123456789abcdef".into();
    // Ids mean nothing across maps that did not begin as one: turn them round.
    let n = other.actors.len() as u64;
    let mut turned = Project::new();
    for a in other.actors.values() {
        let mut a = a.clone();
        a.id = ActorId(n + 1 - a.id.0);
        turned.insert_actor(a);
    }
    for p in other.partnerships.values() {
        let mut p = p.clone();
        p.a = ActorId(n + 1 - p.a.0);
        p.b = ActorId(n + 1 - p.b.0);
        turned.insert_partnership(p);
    }
    turned.meta = other.meta.clone();
    let parents = "Parents (Battambang primary schools)";
    rename(&mut turned, parents, "Parnets (Battambang primary schools)");
    let plan = merge::plan(&base, &turned, "Citizens").unwrap();
    assert!(!plan.shared_origin);
    let typo = id_named(&turned, "Parnets (Battambang primary schools)");
    assert_eq!(
        found(&plan, typo),
        Match::Doubtful(id_named(&base, parents), Doubt::Name)
    );
    let doubts: Vec<String> = plan
        .doubtful_actors()
        .map(|m| plan.actor_doubt_line(&base, m))
        .collect();
    assert_eq!(
        doubts,
        [
            "other: 'Parnets (Battambang primary schools)' ~ base: 'Parents (Battambang primary schools)' (name)"
        ]
    );
    let moi = id_named(&turned, "Ministry of Interior (MoI)");
    assert_eq!(
        found(&plan, moi),
        Match::Sure(id_named(&base, "Ministry of Interior (MoI)"), How::Name)
    );
    // Every partnership is found by its ends.
    let resolved = plan.resolve(&base, &Choices::default());
    assert!(
        resolved
            .partnerships
            .iter()
            .all(|m| m.found.base().is_some())
    );
    // Rejected, the doubtful one is a new actor, added with its partnerships.
    let choices = Choices {
        rejected_actors: [typo].into(),
        ..Choices::default()
    };
    assert_eq!(plan.new_actors(&choices).collect::<Vec<_>>(), [typo]);
    let mut merged = base.clone();
    let summary = plan.apply(&mut merged, &choices).unwrap();
    assert_eq!(summary.actors_added, 1);
    assert!(summary.partnerships_added >= 1);
    let added = &merged.actors[&base.next_actor_id()];
    assert_eq!(added.name, "Parnets (Battambang primary schools)");
}

#[test]
fn a_partnership_drawn_the_other_way_round_gives_its_scores_turned_round() {
    let base = base();
    let mut other = base.clone();
    let id = *base.partnerships.keys().next().unwrap();
    let e = other.partnerships.get_mut(&id).unwrap();
    std::mem::swap(&mut e.a, &mut e.b);
    (e.trust_ab, e.trust_ba) = (Some(1), Some(5));
    e.power = Some(2);
    (e.contribution_a, e.contribution_b) = (Some(0), Some(4));
    (e.identity_a, e.identity_b) = (Some(2), None);
    // Without a shared origin too: by its ends.
    for origin in [ORIGIN, ""] {
        other.meta.origin = origin.into();
        let plan = merge::plan(&base, &other, "Citizens").unwrap();
        let resolved = plan.resolve(&base, &Choices::default());
        let m = resolved
            .partnerships
            .iter()
            .find(|m| m.other == id)
            .unwrap();
        assert!(m.swapped);
        let mut merged = base.clone();
        plan.apply(&mut merged, &Choices::default()).unwrap();
        let r = merged.perspectives[0].partnership(id).unwrap().clone();
        assert_eq!((r.trust_ab, r.trust_ba), (Some(5), Some(1)), "{origin}");
        assert_eq!(r.power, Some(-2));
        assert_eq!((r.contribution_a, r.contribution_b), (Some(4), Some(0)));
        assert_eq!((r.identity_a, r.identity_b), (None, Some(2)));
    }
}

#[test]
fn new_actors_and_partnerships_are_added_with_new_ids_their_fields_and_values() {
    let base = base();
    let mut other = base.clone();
    let mut group = Actor::named(other.next_actor_id(), "Village savings group");
    group.position = Position::new(123.0, -45.0);
    group.influence = Some(2);
    group.notes = "Met on Tuesdays".into();
    let amara = id_named(&base, "Amara");
    let mut link = Partnership::new(other.next_partnership_id(), group.id, amara);
    link.trust_ab = Some(4);
    link.label = Some("Savings".into());
    other.insert_actor(group.clone());
    other.insert_partnership(link.clone());
    let plan = merge::plan(&base, &other, "Citizens").unwrap();
    let mut merged = base.clone();
    let summary = plan.apply(&mut merged, &Choices::default()).unwrap();
    assert_eq!((summary.actors_added, summary.partnerships_added), (1, 1));
    let new_id = base.next_actor_id();
    let added = &merged.actors[&new_id];
    assert_eq!(
        (added.name.as_str(), added.position, added.influence),
        (
            "Village savings group",
            Position::new(123.0, -45.0),
            Some(2)
        )
    );
    assert_eq!(added.notes, "Met on Tuesdays");
    let p = &merged.partnerships[&base.next_partnership_id()];
    assert_eq!((p.a, p.b, p.trust_ab), (new_id, amara, Some(4)));
    // Their values are the map's own and the perspective's.
    let view = merged.perspective("Citizens").unwrap();
    assert_eq!(view.actor(new_id).unwrap().influence, Some(2));
    assert_eq!(view.partnership(p.id).unwrap().trust_ab, Some(4));
    assert_eq!(merged.next_ids.actor, new_id.0 + 1);
    // Left out: nothing is added, and the values of the rest still merge.
    let choices = Choices {
        skipped_actors: [group.id].into(),
        ..Choices::default()
    };
    let mut merged = base.clone();
    let summary = plan.apply(&mut merged, &choices).unwrap();
    assert_eq!((summary.actors_left, summary.partnerships_left), (1, 1));
    assert_eq!(merged.actors.len(), base.actors.len());
    assert_eq!(merged.perspectives.len(), 1);
}

#[test]
fn a_merge_is_one_undo_step_that_returns_the_exact_map() {
    let base = base();
    let mut other = base.clone();
    other.insert_actor(Actor::named(other.next_actor_id(), "Youth council"));
    for p in other.partnerships.values_mut() {
        p.trust_ba = Some(2);
    }
    let plan = merge::plan(&base, &other, "Youth").unwrap();
    let command = plan.command(&base, &Choices::default()).unwrap();
    let mut merged = base.clone();
    let mut history = apply(&mut merged, &command);
    assert_ne!(merged, base);
    assert_eq!(history.undo_len(), 1);
    history.undo(&mut merged).unwrap();
    assert_eq!(merged, base);
    history.redo(&mut merged).unwrap();
    assert_eq!(merged.perspectives.len(), 1);
}

#[test]
fn when_the_map_follows_the_perspectives_its_values_follow_the_merged_one() {
    let mut base = base();
    base.settings.map_values = partnermap::model::MapValues::FollowPerspectives;
    let mut other = base.clone();
    let id = *base.partnerships.keys().next().unwrap();
    other.partnerships.get_mut(&id).unwrap().form = Some(partnermap::model::Form::Integrated);
    let plan = merge::plan(&base, &other, "Citizens").unwrap();
    let mut merged = base.clone();
    plan.apply(&mut merged, &Choices::default()).unwrap();
    assert_eq!(
        merged.partnerships[&id].form,
        Some(partnermap::model::Form::Integrated)
    );
}

#[test]
fn partnership_ids_that_name_other_actors_are_matched_by_their_actors_with_a_note() {
    let base = base();
    let mut other = base.clone();
    // The group drew a partnership of its own and gave it the id the map later gave another.
    let mut ids = base.partnerships.keys();
    let (first, second) = (*ids.next().unwrap(), *ids.next().unwrap());
    let (a, b) = (base.partnerships[&second].a, base.partnerships[&second].b);
    let mut moved = other.partnerships.remove(&second).unwrap();
    other.partnerships.remove(&first);
    moved.id = first;
    moved.trust_ab = Some(3);
    other.insert_partnership(moved);
    let plan = merge::plan(&base, &other, "Citizens").unwrap();
    let resolved = plan.resolve(&base, &Choices::default());
    let m = resolved
        .partnerships
        .iter()
        .find(|m| m.other == first)
        .unwrap();
    assert_eq!(m.found.base(), Some(second), "{a:?}–{b:?}");
    assert_eq!(
        resolved.notes,
        [format!(
            "partnership {first} of the other map joins other actors than partnership {first} \
             of this map: matched by its actors instead"
        )]
    );
}

#[test]
fn bad_input_says_what_and_where_and_merges_nothing() {
    let mut base = base();
    base.perspectives.push(Perspective::named("Citizens"));
    let other = base.clone();
    let message = |e: MergeError| e.to_string();
    assert_eq!(
        message(merge::plan(&base, &other, " ").unwrap_err()),
        "the perspective needs a name: the group whose map this is (for example \"Citizens\")"
    );
    assert_eq!(
        message(merge::plan(&base, &other, "citizens").unwrap_err()),
        "the map already has a perspective named \"Citizens\": choose another name"
    );
    // A file that is not a map.
    let e = merge::load_other(Path::new("tests/fixtures/bad/garbage.bin")).unwrap_err();
    let text = e.to_string();
    assert!(
        text.starts_with("tests/fixtures/bad/garbage.bin: ") && text.contains("not"),
        "{text}"
    );
    // Values out of range (a file would be refused when read; a map made in memory is
    // checked when merged).
    let mut wrong = base.clone();
    let first = *wrong.actors.keys().next().unwrap();
    wrong.actors.get_mut(&first).unwrap().influence = Some(9);
    let plan = merge::plan(&base, &wrong, "Government").unwrap();
    let mut merged = base.clone();
    let text = message(plan.apply(&mut merged, &Choices::default()).unwrap_err());
    assert!(
        text.starts_with("the merged map would have problems: perspective \"Government\", actor ")
            && text.contains("influence"),
        "{text}"
    );
    assert_eq!(merged, base, "nothing merged");
    // Ids past the largest a map may hold.
    let mut full = base.clone();
    full.next_ids.actor = MAX_ID + 1;
    let mut more = base.clone();
    more.insert_actor(Actor::named(ActorId(900), "Youth council"));
    let plan = merge::plan(&full, &more, "Youth").unwrap();
    let mut merged = full.clone();
    let text = message(plan.apply(&mut merged, &Choices::default()).unwrap_err());
    assert!(text.contains("is too large; ids go up to"), "{text}");
    assert_eq!(merged, full, "nothing merged");
}

/// Writes `project` as `name` in `dir`.
fn save(dir: &Path, name: &str, project: &Project) -> String {
    let path = dir.join(name);
    io::save_path(project, &path).unwrap();
    path.to_str().unwrap().to_string()
}

/// The sample and a breakout group's copy with a name misspelt and an actor of its own.
fn files(dir: &Path) -> (String, String) {
    let mut other = io::sample();
    other.meta.origin = "0123456789abcdef".into();
    rename(
        &mut other,
        "Parents (Battambang primary schools)",
        "Parnets (Battambang primary schools)",
    );
    other.insert_actor(Actor::named(ActorId(99), "Village savings group"));
    let first = *other.partnerships.keys().next().unwrap();
    other.partnerships.get_mut(&first).unwrap().trust_ab = Some(1);
    (
        save(dir, "workshop.ron", &base()),
        save(dir, "citizens.ron", &other),
    )
}

#[test]
fn merge_on_the_command_line_refuses_doubtful_matches_with_their_list() {
    let dir = tempfile::tempdir().unwrap();
    let (file, other) = files(dir.path());
    let out = dir.path().join("merged.ron");
    let out_s = out.to_str().unwrap();
    let run = partnermap(&["merge", &file, &other, "--as", "Citizens", "-o", out_s]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.starts_with(
            "other: 'Parnets (Battambang primary schools)' ~ base: 'Parents (Battambang \
             primary schools)' (name)\n"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("1 match is in doubt"), "{stderr}");
    assert!(stderr.contains("--accept-matches"), "{stderr}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn merge_on_the_command_line_writes_the_merged_map_and_says_what_it_did() {
    let dir = tempfile::tempdir().unwrap();
    let (file, other) = files(dir.path());
    let before = (
        std::fs::read(&file).unwrap(),
        std::fs::read(&other).unwrap(),
    );
    let out = dir.path().join("merged.ron");
    let out_s = out.to_str().unwrap();
    let run = partnermap(&[
        "merge",
        &file,
        &other,
        "--as",
        "Citizens",
        "-o",
        out_s,
        "--accept-matches",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains(
            "as the perspective \"Citizens\", by name: matched 24 actors, 29 partnerships; "
        ) && stdout.contains("values recorded; added 1 actor and 0 partnerships")
            && stdout.contains("(1 match in doubt accepted)"),
        "{stdout}"
    );
    let merged = io::load_path(&out).unwrap();
    assert_eq!(merged.actors.len(), 25);
    let view = merged.perspective("Citizens").unwrap();
    let first = *merged.partnerships.keys().next().unwrap();
    assert_eq!(view.partnership(first).unwrap().trust_ab, Some(1));
    // FILE and OTHER are as they were.
    let after = (
        std::fs::read(&file).unwrap(),
        std::fs::read(&other).unwrap(),
    );
    assert!(before == after, "the inputs are unchanged");
    // --no-new leaves the new actor out; a second merge under the same name is refused.
    let again = dir.path().join("again.ron");
    let run = partnermap(&[
        "merge",
        out_s,
        &other,
        "--as",
        "citizens",
        "-o",
        again.to_str().unwrap(),
        "--accept-matches",
        "--no-new",
    ]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
    assert!(
        text(&run).contains("already has a perspective named \"Citizens\""),
        "{}",
        text(&run)
    );
    let run = partnermap(&[
        "merge",
        &file,
        &other,
        "--as",
        "Youth",
        "-o",
        again.to_str().unwrap(),
        "--accept-matches",
        "--no-new",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    assert!(
        text(&run).contains("left out 1 new actor and 0 new partnerships"),
        "{}",
        text(&run)
    );
    assert_eq!(io::load_path(&again).unwrap().actors.len(), 24);
}

#[test]
fn merge_on_the_command_line_refuses_bad_input_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (file, other) = files(dir.path());
    let out = dir.path().join("merged.ron");
    let out_s = out.to_str().unwrap();
    for (args, code, says) in [
        (
            vec![
                &file[..],
                "tests/fixtures/bad/garbage.bin",
                "--as",
                "X",
                "-o",
                out_s,
            ],
            2,
            "tests/fixtures/bad/garbage.bin: ",
        ),
        (
            vec![&file[..], &other[..], "--as", "  ", "-o", out_s],
            2,
            "the perspective needs a name",
        ),
        (
            vec![&file[..], &other[..], "--as", "X", "-o", "merged.svg"],
            2,
            "give OUT a .ron name",
        ),
        (
            vec![
                &file[..],
                "tests/fixtures/bad/many-problems.ron",
                "--as",
                "X",
                "-o",
                out_s,
            ],
            1,
            "invalid map: 7 problems; nothing was written",
        ),
    ] {
        let mut all = vec!["merge"];
        all.extend(args);
        let run = partnermap(&all);
        assert_eq!(run.status.code(), Some(code), "{all:?}: {}", text(&run));
        assert!(text(&run).contains(says), "{all:?}: {}", text(&run));
        assert!(!text(&run).contains("panicked"));
        assert!(!out.exists(), "{all:?}: nothing written");
    }
}

fn is_origin(text: &str) -> bool {
    text.len() == 16 && text.chars().all(|c| c.is_ascii_hexdigit())
}

#[test]
fn generated_and_imported_maps_get_an_origin_that_files_keep() {
    let generate = partnermap::generate::generate;
    let (a, b, c) = (
        generate(5, 4, 7).unwrap(),
        generate(5, 4, 7).unwrap(),
        generate(5, 4, 8).unwrap(),
    );
    assert!(is_origin(&a.meta.origin), "{}", a.meta.origin);
    assert_eq!(a.meta.origin, b.meta.origin, "the same seed, the same map");
    assert_ne!(a.meta.origin, c.meta.origin);
    // Saved and read back.
    let ron = io::to_ron_string(&a);
    assert!(
        ron.contains(&format!("origin: \"{}\"", a.meta.origin)),
        "{ron}"
    );
    assert_eq!(io::load_str(&ron).unwrap().meta.origin, a.meta.origin);
    // Checked as a text of at most 200 characters.
    let mut long = a.clone();
    long.meta.origin = "f".repeat(201);
    let problems: Vec<String> = long.validate().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        ["meta: `origin` is 201 characters long; at most 200 are allowed"]
    );
    // An import makes a new map: it gets one.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("imported.ron");
    let run = partnermap(&[
        "import",
        "tests/fixtures/import/gephi.graphml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    assert!(is_origin(&io::load_path(&out).unwrap().meta.origin));
}
