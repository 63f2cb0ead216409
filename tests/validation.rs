//! Validation: each kind of problem is found, with its line and column, and all problems of a
//! file are reported together.

use partnermap::io::{LoadError, load_str};
use partnermap::model::*;

/// A small valid map; `actors` and `partnerships` are spliced into it.
fn map(actors: &str, partnerships: &str) -> String {
    format!(
        "(\n    format: \"partnermap\",\n    version: 1,\n    actors: [\n{actors}\n    ],\n    partnerships: [\n{partnerships}\n    ],\n)\n"
    )
}

const TWO_ACTORS: &str = "        (id: 1, name: \"Ministry\", sector: State, level: National),\n        (id: 2, name: \"NGO\", sector: CivilSociety, level: Commune),";

fn problems(text: &str) -> Vec<Problem> {
    match load_str(text) {
        Err(LoadError::Invalid(p)) => p,
        Ok(_) => panic!("the map was accepted:\n{text}"),
        Err(e) => panic!("unexpected error {e}"),
    }
}

fn only(text: &str) -> Problem {
    let mut p = problems(text);
    assert_eq!(p.len(), 1, "{p:#?}");
    p.remove(0)
}

#[test]
fn a_valid_map_loads() {
    let p = load_str(&map(
        TWO_ACTORS,
        "        (id: 1, a: 1, b: 2, trust_ab: 4),",
    ))
    .unwrap();
    assert_eq!(p.actors.len(), 2);
    assert_eq!(p.partnership(PartnershipId(1)).unwrap().trust_ab, Some(4));
}

#[test]
fn the_smallest_valid_map_is_format_version_and_two_empty_lists() {
    let p = load_str("(format: \"partnermap\", version: 1, actors: [], partnerships: [])").unwrap();
    assert!(p.actors.is_empty() && p.partnerships.is_empty());
}

#[test]
fn dangling_reference_names_the_missing_actor_and_its_place() {
    let p = only(&map(TWO_ACTORS, "        (id: 1, a: 1, b: 9),"));
    assert_eq!(p.kind, ProblemKind::DanglingReference(ActorId(9)));
    assert_eq!(p.field.as_deref(), Some("b"));
    assert_eq!(
        p.location,
        Some(Location {
            line: 9,
            column: 23
        })
    );
    assert!(p.to_string().contains("line 9, column 23"), "{p}");
    assert!(
        p.to_string().contains("actor 9, which does not exist"),
        "{p}"
    );
}

#[test]
fn duplicate_ids_are_found_for_actors_and_partnerships() {
    let actors = format!(
        "{TWO_ACTORS}\n        (id: 2, name: \"Copy\", sector: Donor, level: International),"
    );
    let all = problems(&map(
        &actors,
        "        (id: 1, a: 1, b: 2),\n        (id: 1, a: 2, b: 1),",
    ));
    let dups: Vec<_> = all
        .iter()
        .filter(|p| p.kind == ProblemKind::DuplicateId)
        .collect();
    assert_eq!(dups.len(), 2, "{all:#?}");
    assert_eq!(
        dups[0].subject,
        Subject::Actor {
            index: 2,
            id: ActorId(2)
        }
    );
    assert_eq!(dups[0].location.unwrap().line, 7);
    assert_eq!(
        dups[1].subject,
        Subject::Partnership {
            index: 1,
            id: PartnershipId(1)
        }
    );
    assert_eq!(dups[1].location.unwrap().line, 11);
}

#[test]
fn a_partnership_from_an_actor_to_itself_is_refused() {
    let p = only(&map(TWO_ACTORS, "        (id: 1, a: 2, b: 2),"));
    assert_eq!(p.kind, ProblemKind::SelfPartnership);
    assert_eq!(p.location.unwrap().line, 9);
}

#[test]
fn scores_out_of_range_say_the_range() {
    let all = problems(&map(
        "        (id: 1, name: \"Ministry\", sector: State, level: National, influence: 9),\n        (id: 2, name: \"NGO\", sector: CivilSociety, level: Commune, capacity: 0),",
        "        (id: 1, a: 1, b: 2, trust_ab: 6, power: -3, contribution_b: 5, identity_a: 0),",
    ));
    let fields: Vec<_> = all.iter().map(|p| p.field.clone().unwrap()).collect();
    assert_eq!(
        fields,
        [
            "influence",
            "capacity",
            "trust_ab",
            "power",
            "contribution_b",
            "identity_a"
        ]
    );
    assert!(
        all.iter()
            .all(|p| matches!(p.kind, ProblemKind::OutOfRange { .. }))
    );
    assert!(
        all[3]
            .to_string()
            .contains("`power` is -3; it must be between -2 and 2"),
        "{}",
        all[3]
    );
    assert_eq!(
        all[2].location,
        Some(Location {
            line: 9,
            column: 29
        })
    );
}

#[test]
fn non_finite_positions_are_refused() {
    let p = only(&map(
        "        (id: 1, name: \"Ministry\", sector: State, level: National, position: (x: NaN, y: 0.0)),",
        "",
    ));
    assert!(matches!(p.kind, ProblemKind::BadNumber(_)));
    assert_eq!(p.field.as_deref(), Some("position"));
    let p = only(&map(
        "        (id: 1, name: \"Ministry\", sector: State, level: National, position: (x: 0.0, y: inf)),",
        "",
    ));
    assert!(p.to_string().contains("finite"), "{p}");
}

#[test]
fn bad_and_reversed_dates_are_refused() {
    let all = problems(&map(
        TWO_ACTORS,
        "        (id: 1, a: 1, b: 2, start: \"2013-02-30\"),\n        (id: 2, a: 1, b: 2, start: \"2014\", end: \"2013-12\"),\n        (id: 3, a: 1, b: 2, start: \"June 2012\"),",
    ));
    assert_eq!(all.len(), 3, "{all:#?}");
    assert!(matches!(&all[0].kind, ProblemKind::BadDate { text, .. } if text == "2013-02-30"));
    assert_eq!(all[1].kind, ProblemKind::EndBeforeStart);
    assert!(matches!(&all[2].kind, ProblemKind::BadDate { .. }));
    // Same month is not "before": a partnership may start and end in one month.
    load_str(&map(
        TWO_ACTORS,
        "        (id: 1, a: 1, b: 2, start: \"2013-12-05\", end: \"2013-12\"),",
    ))
    .unwrap();
}

#[test]
fn empty_names_are_refused() {
    let p = only(&map(
        "        (id: 1, name: \"  \", sector: State, level: National),",
        "",
    ));
    assert_eq!(p.kind, ProblemKind::EmptyName);
    assert_eq!(
        p.location,
        Some(Location {
            line: 5,
            column: 17
        })
    );
}

#[test]
fn texts_over_the_limits_are_refused() {
    let long_name = "x".repeat(MAX_NAME_CHARS + 1);
    let long_notes = "y".repeat(MAX_TEXT_CHARS + 1);
    let all = problems(&map(
        &format!(
            "        (id: 1, name: \"{long_name}\", sector: State, level: National, notes: \"{long_notes}\"),"
        ),
        "",
    ));
    assert_eq!(all.len(), 2);
    assert!(
        all.iter()
            .all(|p| matches!(p.kind, ProblemKind::TooLong { .. }))
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let all = problems(&map(
        "        (id: 1, name: \"\", sector: State, level: National),\n        (id: 1, name: \"B\", sector: State, level: National),",
        "        (id: 1, a: 1, b: 1, trust_ba: 0),\n        (id: 2, a: 5, b: 1, end: \"1999-13\"),",
    ));
    assert_eq!(all.len(), 6, "{all:#?}");
    let lines: Vec<usize> = all.iter().map(|p| p.location.unwrap().line).collect();
    assert_eq!(lines, [5, 6, 9, 9, 10, 10]);
}

#[test]
fn cuts_outside_the_unit_square_are_refused() {
    let text = "(format: \"partnermap\", version: 1, settings: (cuts: (b: (x: 1.5, y: 0.5))), actors: [], partnerships: [])";
    let p = only(text);
    assert_eq!(p.subject, Subject::Settings);
    assert!(p.to_string().contains("cuts.b"), "{p}");
}

#[test]
fn validation_of_models_built_in_code_finds_the_same_problems() {
    let mut project = Project::new();
    project.insert_actor(Actor::new(ActorId(1), "A", Sector::State, Level::National));
    let mut p = Partnership::new(PartnershipId(1), ActorId(1), ActorId(3));
    p.trust_ab = Some(7);
    project.insert_partnership(p);
    let kinds: Vec<_> = project.validate().into_iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ProblemKind::DanglingReference(ActorId(3)),
            ProblemKind::OutOfRange {
                value: 7,
                min: 1,
                max: 5
            }
        ]
    );
}
