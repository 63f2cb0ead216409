//! The matching rules on small hand-made maps.

use super::*;
use crate::model::{Actor, Function, Partnership};

/// A map of actors named `names` (ids 1, 2, …) and partnerships `(id, a, b, label)`.
fn map(names: &[&str], partnerships: &[(u64, u64, u64, &str)]) -> Project {
    let mut p = Project::new();
    for (i, name) in names.iter().enumerate() {
        p.insert_actor(Actor::named(ActorId(i as u64 + 1), *name));
    }
    for &(id, a, b, label) in partnerships {
        let mut e = Partnership::new(PartnershipId(id), ActorId(a), ActorId(b));
        e.label = (!label.is_empty()).then(|| label.to_string());
        p.insert_partnership(e);
    }
    p
}

fn found(plan: &MergePlan, other: u64) -> Match<ActorId> {
    plan.actors
        .iter()
        .find(|m| m.other == ActorId(other))
        .unwrap()
        .found
}

#[test]
fn the_same_name_matches_for_sure_and_a_name_alike_in_doubt() {
    let base = map(
        &["Commune council, Pursat", "Parents", "World Bank", "Youth"],
        &[],
    );
    let other = map(
        &[
            "commune COUNCIL pursat",
            "Parnets",
            "Asian Development Bank",
        ],
        &[],
    );
    let plan = plan(&base, &other, "Citizens").unwrap();
    assert!(!plan.shared_origin);
    assert_eq!(found(&plan, 1), Match::Sure(ActorId(1), How::Name));
    assert_eq!(found(&plan, 2), Match::Doubtful(ActorId(2), Doubt::Name));
    // "Bank" alone is a word of both, but "Asian Development Bank" is no run of "World Bank".
    assert_eq!(found(&plan, 3), Match::New);
    let line = plan.actor_doubt_line(&base, &plan.actors[1]);
    assert_eq!(line, "other: 'Parnets' ~ base: 'Parents' (name)");
}

#[test]
fn a_part_of_a_name_fits_either_way_round() {
    let base = map(&["Commune council", "Provincial Department of Health"], &[]);
    let other = map(&["Commune council of Pursat", "Department of Health"], &[]);
    let plan = plan(&base, &other, "Citizens").unwrap();
    assert_eq!(found(&plan, 1), Match::Doubtful(ActorId(1), Doubt::Name));
    assert_eq!(found(&plan, 2), Match::Doubtful(ActorId(2), Doubt::Name));
}

#[test]
fn an_actor_is_matched_at_most_once_and_ties_are_not_guessed() {
    let base = map(
        &["Parents", "School board north", "School board south"],
        &[],
    );
    let other = map(&["Parents", "Parent", "School board"], &[]);
    let plan = plan(&base, &other, "Citizens").unwrap();
    assert_eq!(found(&plan, 1), Match::Sure(ActorId(1), How::Name));
    // "Parent" would fit "Parents", which is taken.
    assert_eq!(found(&plan, 2), Match::New);
    // "School board" fits both boards as well: no guess.
    assert_eq!(found(&plan, 3), Match::New);
}

#[test]
fn namesakes_are_matched_in_id_order_but_in_doubt() {
    let base = map(&["Commune council", "Commune council"], &[]);
    let other = map(&["Commune council", "Commune council"], &[]);
    let plan = plan(&base, &other, "Citizens").unwrap();
    assert_eq!(
        found(&plan, 1),
        Match::Doubtful(ActorId(1), Doubt::Namesake)
    );
    assert_eq!(
        found(&plan, 2),
        Match::Doubtful(ActorId(2), Doubt::Namesake)
    );
}

#[test]
fn with_a_shared_origin_an_id_whose_name_fits_nothing_is_in_doubt_unless_the_name_is_elsewhere() {
    let mut base = map(&["Parents", "Youth council", "Women's union"], &[]);
    let mut other = map(
        &["Parents' group", "Farmers' cooperative", "Women's union"],
        &[],
    );
    // Other actor 3 is "Women's union" under id 3 here too; id 2 names another actor.
    base.meta.origin = "00aa11bb22cc33dd".into();
    other.meta.origin = base.meta.origin.clone();
    let plan = plan(&base, &other, "Citizens").unwrap();
    assert!(plan.shared_origin);
    assert_eq!(found(&plan, 1), Match::Sure(ActorId(1), How::Id));
    assert_eq!(found(&plan, 2), Match::Doubtful(ActorId(2), Doubt::Id));
    assert_eq!(found(&plan, 3), Match::Sure(ActorId(3), How::Id));
    // An actor renamed so that the id names another actor's name: the name wins.
    let mut other = map(&["Youth council", "Parents"], &[]);
    other.meta.origin = base.meta.origin.clone();
    let plan = super::plan(&base, &other, "Citizens").unwrap();
    assert_eq!(found(&plan, 1), Match::Sure(ActorId(2), How::Name));
    assert_eq!(found(&plan, 2), Match::Sure(ActorId(1), How::Name));
}

#[test]
fn parallel_partnerships_match_by_label_then_functions_else_in_doubt() {
    let mut base = map(
        &["A", "B"],
        &[(1, 1, 2, "Scorecards"), (2, 1, 2, ""), (3, 1, 2, "Water")],
    );
    base.partnerships
        .get_mut(&PartnershipId(2))
        .unwrap()
        .functions
        .insert(Function::Financing);
    let mut other = map(
        &["A", "B"],
        &[(5, 2, 1, ""), (6, 1, 2, "scorecards"), (7, 1, 2, "Roads")],
    );
    other
        .partnerships
        .get_mut(&PartnershipId(5))
        .unwrap()
        .functions
        .insert(Function::Financing);
    let plan = plan(&base, &other, "Citizens").unwrap();
    let resolved = plan.resolve(&base, &Choices::default());
    let found: Vec<(u64, Match<PartnershipId>, bool)> = resolved
        .partnerships
        .iter()
        .map(|m| (m.other.0, m.found, m.swapped))
        .collect();
    assert_eq!(
        found,
        [
            (5, Match::Sure(PartnershipId(2), How::Functions), true),
            (6, Match::Sure(PartnershipId(1), How::Label), false),
            (7, Match::Doubtful(PartnershipId(3), Doubt::Parallel), false),
        ]
    );
    let line = plan.partnership_doubt_line(&base, &resolved.partnerships[2]);
    assert_eq!(
        line,
        "other: 'A – B (Roads)' ~ base: 'A – B (Water)' (parallel partnership)"
    );
    // Rejected, it is new, and added beside the others.
    let choices = Choices {
        rejected_partnerships: [PartnershipId(7)].into(),
        ..Choices::default()
    };
    let resolved = plan.resolve(&base, &choices);
    assert_eq!(resolved.partnerships[2].found, Match::New);
    assert_eq!(resolved.summary.partnerships_added, 1);
}

#[test]
fn a_new_partnership_of_an_actor_left_out_is_left_out_too() {
    let base = map(&["A", "B"], &[(1, 1, 2, "")]);
    let other = map(&["A", "B", "C"], &[(1, 1, 2, ""), (2, 2, 3, "")]);
    let plan = plan(&base, &other, "Citizens").unwrap();
    let all = plan.resolve(&base, &Choices::default());
    assert_eq!(all.summary.actors_added, 1);
    assert_eq!(all.summary.partnerships_added, 1);
    assert_eq!(all.partnerships[1].blocked_by, None);
    let choices = Choices {
        skipped_actors: [ActorId(3)].into(),
        ..Choices::default()
    };
    let some = plan.resolve(&base, &choices);
    assert_eq!(some.partnerships[1].blocked_by, Some(ActorId(3)));
    assert_eq!(
        (some.summary.actors_left, some.summary.partnerships_left),
        (1, 1)
    );
    assert_eq!(
        some.summary.to_string(),
        "matched 2 actors, 1 partnership; 0 values recorded; left out 1 new actor and 1 new \
         partnership that only the other map has"
    );
}

#[test]
fn names_are_checked_and_a_free_one_is_suggested() {
    let mut base = map(&["A"], &[]);
    base.perspectives
        .push(crate::model::Perspective::named("Citizens"));
    let other = map(&["A"], &[]);
    assert!(matches!(
        plan(&base, &other, "  "),
        Err(MergeError::EmptyName)
    ));
    let used = plan(&base, &other, " CITIZENS ").unwrap_err();
    assert_eq!(
        used.to_string(),
        "the map already has a perspective named \"Citizens\": choose another name"
    );
    assert!(matches!(
        plan(&base, &other, &"x".repeat(201)),
        Err(MergeError::NameTooLong(201))
    ));
    let path = Path::new("/tmp/Youth group.ron.bak");
    assert_eq!(suggest_name(&base, &other, Some(path)), "Youth group");
    let path = Path::new("/tmp/citizens.RON");
    assert_eq!(suggest_name(&base, &other, Some(path)), "citizens 2");
    let mut titled = other.clone();
    titled.meta.title = "Citizens".into();
    assert_eq!(suggest_name(&base, &titled, Some(path)), "Citizens 2");
    assert_eq!(suggest_name(&base, &other, None), "Merged map");
}

#[test]
fn names_without_words_match_nothing_and_do_not_stop_the_merge() {
    let base = map(&["—", "Parents", "..."], &[]);
    let other = map(&["...", "Parents", "·"], &[]);
    let plan = plan(&base, &other, "Citizens").unwrap();
    assert_eq!(found(&plan, 1), Match::New);
    assert_eq!(found(&plan, 2), Match::Sure(ActorId(2), How::Name));
    assert_eq!(found(&plan, 3), Match::New);
}
