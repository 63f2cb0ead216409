//! Commands and the history: every command's inverse restores the map exactly, any sequence
//! of edits undone all the way gives back the starting map, and invalid edits change nothing.

use std::collections::BTreeSet;

use partnermap::edit::{Command, EditError, History};
use partnermap::generate::generate;
use partnermap::model::*;
use proptest::prelude::*;

/// One step of a random editing session, resolved against the map as it is at that moment.
#[derive(Clone, Debug)]
enum Step {
    AddActor(u8),
    Connect(usize, usize),
    Move(usize, i16, i16),
    Rename(usize, String),
    SetTrust(usize, Option<u8>),
    Delete(usize),
    DeletePartnership(usize),
    /// A perspective's value for a partnership's score (by index), set or cleared.
    Rate(usize, usize, usize, Option<i8>),
    /// The map's values switch between set by hand and following the perspectives.
    ToggleFollow,
    Undo,
    Redo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        any::<u8>().prop_map(Step::AddActor),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Step::Connect(a, b)),
        (any::<usize>(), any::<i16>(), any::<i16>()).prop_map(|(i, x, y)| Step::Move(i, x, y)),
        (any::<usize>(), "[a-zA-Z ]{0,12}").prop_map(|(i, s)| Step::Rename(i, s)),
        (any::<usize>(), proptest::option::of(0u8..7)).prop_map(|(i, t)| Step::SetTrust(i, t)),
        any::<usize>().prop_map(Step::Delete),
        any::<usize>().prop_map(Step::DeletePartnership),
        (
            any::<usize>(),
            0usize..3,
            any::<usize>(),
            proptest::option::of(-2i8..6)
        )
            .prop_map(|(i, k, s, v)| Step::Rate(i, k, s, v)),
        Just(Step::ToggleFollow),
        Just(Step::Undo),
        Just(Step::Redo),
    ]
}

fn nth_actor(p: &Project, i: usize) -> Option<Actor> {
    (!p.actors.is_empty()).then(|| p.actors.values().nth(i % p.actors.len()).unwrap().clone())
}

fn nth_partnership(p: &Project, i: usize) -> Option<Partnership> {
    (!p.partnerships.is_empty()).then(|| {
        p.partnerships
            .values()
            .nth(i % p.partnerships.len())
            .unwrap()
            .clone()
    })
}

/// Turns a step into a command on the current map (or runs undo / redo).
fn run(step: &Step, project: &mut Project, history: &mut History) {
    let command = match step {
        Step::Undo => {
            history.undo(project);
            return;
        }
        Step::Redo => {
            history.redo(project);
            return;
        }
        Step::AddActor(n) => {
            let mut id_source = project.clone();
            let id = id_source.allocate_actor_id();
            let a = Actor::new(
                id,
                format!("New {n}"),
                Sector::ALL[*n as usize % 6],
                Level::Commune,
            );
            Command::add(project, vec![a], vec![])
        }
        Step::Connect(i, j) => {
            let (Some(a), Some(b)) = (nth_actor(project, *i), nth_actor(project, *j)) else {
                return;
            };
            let mut id_source = project.clone();
            let id = id_source.allocate_partnership_id();
            Command::add(project, vec![], vec![Partnership::new(id, a.id, b.id)])
        }
        Step::Move(i, x, y) => {
            let Some(a) = nth_actor(project, *i) else {
                return;
            };
            Command::MoveActors(vec![(a.id, Position::new(f64::from(*x), f64::from(*y)))])
        }
        Step::Rename(i, name) => {
            let Some(mut a) = nth_actor(project, *i) else {
                return;
            };
            a.name = name.clone();
            Command::update_actors([a])
        }
        Step::SetTrust(i, t) => {
            let Some(mut p) = nth_partnership(project, *i) else {
                return;
            };
            p.trust_ab = *t;
            Command::update_partnerships([p])
        }
        Step::Delete(i) => {
            let Some(a) = nth_actor(project, *i) else {
                return;
            };
            Command::delete(project, &BTreeSet::from([a.id]), &BTreeSet::new())
        }
        Step::DeletePartnership(i) => {
            let Some(p) = nth_partnership(project, *i) else {
                return;
            };
            Command::delete(project, &BTreeSet::new(), &BTreeSet::from([p.id]))
        }
        Step::Rate(i, k, s, v) => {
            let Some(p) = nth_partnership(project, *i) else {
                return;
            };
            let mut views = project.perspectives.clone();
            let Some(view) = views.get_mut(*k) else {
                return;
            };
            let score = PartnershipScore::ALL[s % PartnershipScore::ALL.len()];
            // Out-of-range values are refused by the command, as in a file.
            view.set_partnership_value(p.id, score, *v);
            Command::set_perspectives(views)
        }
        Step::ToggleFollow => {
            let mut settings = project.settings;
            settings.map_values = match settings.map_values {
                MapValues::ByHand => MapValues::FollowPerspectives,
                MapValues::FollowPerspectives => MapValues::ByHand,
            };
            Command::set_settings(settings)
        }
    };
    let before = project.clone();
    if history.apply(project, "step", &command).is_err() {
        assert_eq!(*project, before, "a refused command changed the map");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn any_edits_undone_all_the_way_give_back_the_starting_map(steps in proptest::collection::vec(step(), 1..40)) {
        let mut start = generate(8, 10, 3).unwrap();
        partnermap::generate::add_perspectives(&mut start, 2, 5);
        let mut project = start.clone();
        let mut history = History::new();
        for s in &steps {
            run(s, &mut project, &mut history);
            prop_assert_eq!(project.validate(), vec![], "the map is valid after every step");
        }
        // Redo what was undone last, so that `end` is the furthest state of the history.
        while history.redo(&mut project).is_some() {}
        let end = project.clone();
        while history.undo(&mut project).is_some() {}
        prop_assert_eq!(&project, &start);
        while history.redo(&mut project).is_some() {}
        prop_assert_eq!(&project, &end);
    }
}

#[test]
fn delete_takes_the_partnerships_of_removed_actors_in_one_step() {
    let mut project = io_sample();
    let mut history = History::new();
    let tafs: BTreeSet<ActorId> = BTreeSet::from([ActorId(4)]);
    let before = project.clone();
    let touching = project
        .partnerships
        .values()
        .filter(|p| p.a == ActorId(4) || p.b == ActorId(4))
        .count();
    assert!(touching >= 5);
    let delete = Command::delete(&project, &tafs, &BTreeSet::new());
    history
        .apply(&mut project, "Delete 1 actor", &delete)
        .unwrap();
    assert_eq!(
        project.partnerships.len(),
        before.partnerships.len() - touching
    );
    assert!(project.actor(ActorId(4)).is_none());
    assert_eq!(history.undo_label(), Some("Delete 1 actor"));
    history.undo(&mut project);
    assert_eq!(project, before);
}

#[test]
fn invalid_edits_are_refused_and_change_nothing() {
    let mut project = io_sample();
    let before = project.clone();
    let mut history = History::new();
    let mut a = project.actor(ActorId(1)).unwrap().clone();
    a.name = "   ".into();
    assert!(matches!(
        history.apply(&mut project, "Rename", &Command::update_actors([a])),
        Err(EditError::Invalid(_))
    ));
    let self_link = Partnership::new(PartnershipId(99), ActorId(1), ActorId(1));
    assert!(
        history
            .apply(
                &mut project,
                "Connect",
                &Command::add(&before, vec![], vec![self_link])
            )
            .is_err()
    );
    let dangling = Partnership::new(PartnershipId(99), ActorId(1), ActorId(500));
    assert_eq!(
        history.apply(
            &mut project,
            "Connect",
            &Command::add(&before, vec![], vec![dangling])
        ),
        Err(EditError::NoSuchActor(ActorId(500)))
    );
    let nan = Command::MoveActors(vec![(ActorId(2), Position::new(f64::NAN, 0.0))]);
    assert!(history.apply(&mut project, "Move", &nan).is_err());
    assert_eq!(project, before);
    assert_eq!(history.undo_len(), 0);
}

#[test]
fn the_state_number_tells_when_undo_returns_to_the_saved_map() {
    let mut project = io_sample();
    let mut history = History::new();
    let saved = history.state();
    history
        .apply(
            &mut project,
            "Move 1 actor",
            &Command::MoveActors(vec![(ActorId(1), Position::new(1.0, 2.0))]),
        )
        .unwrap();
    assert_ne!(history.state(), saved);
    history.undo(&mut project);
    assert_eq!(history.state(), saved);
    history.redo(&mut project);
    assert_ne!(history.state(), saved);
    assert_eq!(history.undo_label(), Some("Move 1 actor"));
    assert_eq!(history.redo_label(), None);
}

fn io_sample() -> Project {
    partnermap::io::sample()
}

#[test]
fn edits_with_the_same_merge_key_are_one_undo_step_until_sealed() {
    let mut project = io_sample();
    let start = project.clone();
    let mut history = History::new();
    for trust in [2, 3, 4] {
        let mut p = project.partnership(PartnershipId(1)).unwrap().clone();
        p.trust_ab = Some(trust);
        history
            .apply_merging(
                &mut project,
                "Set trust",
                &Command::update_partnerships([p]),
                Some("p1.trust_ab"),
            )
            .unwrap();
    }
    assert_eq!(history.undo_len(), 1);
    assert_eq!(
        project.partnership(PartnershipId(1)).unwrap().trust_ab,
        Some(4)
    );
    history.seal();
    let mut p = project.partnership(PartnershipId(1)).unwrap().clone();
    p.trust_ab = Some(5);
    history
        .apply_merging(
            &mut project,
            "Set trust",
            &Command::update_partnerships([p]),
            Some("p1.trust_ab"),
        )
        .unwrap();
    assert_eq!(history.undo_len(), 2);
    history.undo(&mut project);
    assert_eq!(
        project.partnership(PartnershipId(1)).unwrap().trust_ab,
        Some(4)
    );
    history.undo(&mut project);
    assert_eq!(project, start);
}
