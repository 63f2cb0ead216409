//! RON project files: round trips, stable bytes, the header rules and atomic saving.

use partnermap::generate::generate;
use partnermap::io::{self, LoadError};
use partnermap::model::*;
use proptest::prelude::*;

use crate::arb;
use arb::arb_project_with_perspectives;

#[test]
fn load_save_load_gives_the_same_map_and_saving_twice_the_same_bytes() {
    for project in [
        io::sample(),
        generate(200, 600, 11).unwrap(),
        Project::new(),
    ] {
        let first = io::to_ron_string(&project);
        let again = io::load_str(&first).unwrap();
        assert_eq!(again, project);
        assert_eq!(io::to_ron_string(&again), first);
    }
}

#[test]
fn files_are_written_in_id_order_with_unset_fields_left_out() {
    let mut project = Project::new();
    for id in [5, 2, 9] {
        project.insert_actor(Actor::new(
            ActorId(id),
            format!("Actor {id}"),
            Sector::State,
            Level::Commune,
        ));
    }
    project.insert_partnership(Partnership::new(PartnershipId(3), ActorId(9), ActorId(2)));
    project.insert_partnership(Partnership::new(PartnershipId(1), ActorId(5), ActorId(2)));
    let text = io::to_ron_string(&project);
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing"))
    };
    assert!(at("Actor 2") < at("Actor 5") && at("Actor 5") < at("Actor 9"));
    assert!(at("a: 5") < at("a: 9"));
    for unset in [
        "trust_ab", "power", "capacity", "short", "custom", "start", "label",
    ] {
        assert!(!text.contains(unset), "{unset} should be left out:\n{text}");
    }
    assert!(text.contains("format: \"partnermap\"") && text.contains("version: 1"));
    assert!(text.contains("position: (x: 0.0, y: 0.0)"));
    assert!(text.contains("sector: State"));
}

#[test]
fn older_files_without_later_fields_still_load() {
    // No meta, settings, next_ids, practices, form, status, influence: all have defaults, and
    // what nobody said (form, formality, influence) stays not set.
    let text = r#"(
        format: "partnermap",
        version: 1,
        actors: [(id: 1, name: "A", sector: State, level: National), (id: 4, name: "B", sector: Donor, level: International)],
        partnerships: [(id: 2, a: 1, b: 4)],
    )"#;
    let mut p = io::load_str(text).unwrap();
    let e = p.partnership(PartnershipId(2)).unwrap();
    assert_eq!(
        (e.form, e.formality, e.status),
        (None, None, Status::Active)
    );
    assert_eq!(p.actor(ActorId(1)).unwrap().influence, None);
    assert_eq!(p.settings, Settings::default());
    // Ids continue after the highest in the file.
    assert_eq!(p.allocate_actor_id(), ActorId(5));
    assert_eq!(p.allocate_partnership_id(), PartnershipId(3));
}

#[test]
fn ids_are_never_reused_after_deleting_the_newest_and_reopening() {
    let mut p = generate(3, 0, 1).unwrap();
    let id = p.allocate_actor_id();
    p.insert_actor(Actor::new(id, "New", Sector::Private, Level::District));
    p.actors.remove(&id);
    let reopened = io::load_str(&io::to_ron_string(&p)).unwrap();
    let mut reopened = reopened;
    assert!(reopened.allocate_actor_id() > id);
}

#[test]
fn unknown_fields_are_refused_with_their_name_and_place() {
    let text = "(format: \"partnermap\", version: 1, actors: [(id: 1, name: \"A\", sector: State, level: National, colour: \"red\")], partnerships: [])";
    match io::load_str(text) {
        Err(LoadError::Invalid(p)) => {
            let msg = p[0].to_string();
            assert!(msg.contains("colour"), "{msg}");
            assert!(msg.starts_with("line 1, column"), "{msg}");
        }
        other => panic!("{other:?}"),
    }
    let top = "(format: \"partnermap\", version: 1, layers: [], actors: [], partnerships: [])";
    let msg = io::load_str(top).unwrap_err().to_string();
    assert!(msg.contains("layers"), "{msg}");
}

#[test]
fn a_newer_version_is_refused_saying_so() {
    let text = "(format: \"partnermap\", version: 2, actors: [], partnerships: [], timeline: [])";
    let err = io::load_str(text).unwrap_err();
    assert!(matches!(err, LoadError::Newer { found: 2 }));
    assert!(
        err.to_string().contains("made by a newer PartnerMap"),
        "{err}"
    );
}

#[test]
fn saving_is_atomic_and_keeps_the_previous_file_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    let first = generate(5, 4, 1).unwrap();
    io::save_path(&first, &path).unwrap();
    assert!(
        !io::backup_path(&path).exists(),
        "no backup of a file that did not exist"
    );
    let second = generate(6, 4, 2).unwrap();
    io::save_path(&second, &path).unwrap();
    assert_eq!(io::backup_path(&path), dir.path().join("workshop.ron.bak"));
    assert_eq!(io::load_path(&io::backup_path(&path)).unwrap(), first);
    assert_eq!(io::load_path(&path).unwrap(), second);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "no temporary files are left behind: {names:?}"
    );
}

#[test]
fn an_invalid_map_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    std::fs::write(&path, "previous").unwrap();
    let mut p = generate(2, 1, 1).unwrap();
    p.actors.get_mut(&ActorId(1)).unwrap().name.clear();
    assert!(matches!(
        io::save_path(&p, &path),
        Err(io::SaveError::Invalid(_))
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "previous");
}

#[test]
fn saving_into_a_missing_folder_fails_with_a_message_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/folder/map.ron");
    let err = io::save_path(&Project::new(), &path).unwrap_err();
    assert!(err.to_string().contains("temporary file"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_valid_maps_round_trip(project in arb_project_with_perspectives()) {
        prop_assert_eq!(project.validate(), vec![]);
        let text = io::to_ron_string(&project);
        let loaded = io::load_str(&text);
        prop_assert!(loaded.is_ok(), "{:?}\n{}", loaded.err(), text);
        let loaded = loaded.unwrap();
        prop_assert_eq!(&loaded, &project);
        prop_assert_eq!(io::to_ron_string(&loaded), text);
    }
}

#[test]
fn the_example_in_the_readme_is_a_valid_map() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme.find("```ron\n").expect("the README shows a map") + 7;
    let end = start + readme[start..].find("```").unwrap();
    let project = io::load_str(&readme[start..end]).unwrap();
    assert_eq!(project.actors.len(), 2);
    assert_eq!(
        project.partnership(PartnershipId(1)).unwrap().power,
        Some(-1)
    );
}
