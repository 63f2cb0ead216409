//! Perspectives (design.md §13): in the file, validated with their places, followed by the
//! map's values when the facilitator chooses, undone in one step.

use partnermap::edit::{Command, History};
use partnermap::io::{LoadError, load_str, to_ron_string};
use partnermap::model::*;

/// Two actors, one partnership, and no perspective yet.
fn small() -> Project {
    let mut p = Project::new();
    p.insert_actor(Actor::named(ActorId(1), "Commune council"));
    p.insert_actor(Actor::named(ActorId(2), "Citizens' group"));
    let mut e = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
    e.trust_ab = Some(4);
    p.insert_partnership(e);
    p
}

#[test]
fn perspectives_are_written_one_entry_a_line_and_read_back() {
    let mut p = small();
    let mut gov = Perspective::named("Government");
    gov.set_partnership_value(PartnershipId(1), PartnershipScore::TrustAb, Some(5));
    gov.set_partnership_value(PartnershipId(1), PartnershipScore::Form, Some(2));
    gov.set_actor_value(ActorId(2), ActorScore::Stance, Some(1));
    let mut citizens = Perspective::named("Citizens");
    citizens.note = "Scored at the interface meeting".into();
    citizens.set_partnership_value(PartnershipId(1), PartnershipScore::TrustAb, Some(2));
    p.perspectives = vec![gov, citizens];
    let text = to_ron_string(&p);
    assert!(text.contains("    perspectives: [\n        (\n            name: \"Government\",\n"));
    assert!(
        text.contains("                (id: 1, form: Collaboration, trust_ab: 5),\n"),
        "{text}"
    );
    assert!(text.contains("(id: 2, stance: Neutral),"));
    assert_eq!(load_str(&text).unwrap(), p);
}

fn problems(text: &str) -> Vec<String> {
    match load_str(text) {
        Err(LoadError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn bad_perspectives_are_refused_with_their_place() {
    let mut p = small();
    let mut v = Perspective::named("Citizens");
    v.set_partnership_value(PartnershipId(1), PartnershipScore::TrustAb, Some(2));
    p.perspectives = vec![v.clone(), v];
    let good = to_ron_string(&p);
    let text = good
        .replacen("name: \"Citizens\"", "name: \"citizens \"", 1)
        .replacen("(id: 1, trust_ab: 2)", "(id: 1, trust_ab: 9)", 1)
        .replacen("(id: 1, trust_ab: 2)", "(id: 7, trust_ab: 2)", 1);
    let found = problems(&text);
    let line = |needle: &str| 1 + text.lines().position(|l| l.contains(needle)).unwrap();
    let second_name = line("name: \"Citizens\"");
    assert_eq!(
        found,
        [
            format!(
                "line {}, column 25: perspective \"citizens \", partnership 1: `trust_ab` is 9; \
                 it must be between 1 and 5",
                line("trust_ab: 9")
            ),
            format!(
                "line {}, column 13: perspective \"Citizens\": another perspective has the same \
                 name; each needs a name of its own",
                second_name
            ),
            format!(
                "line {}, column 18: perspective \"Citizens\", partnership 7: `id` refers to \
                 partnership 7, which does not exist",
                line("(id: 7")
            ),
        ],
        "{text}"
    );
}

#[test]
fn the_map_follows_the_perspectives_when_asked_and_undo_restores_it() {
    let mut p = small();
    let start = p.clone();
    let mut history = History::new();
    let mut views = vec![
        Perspective::named("Government"),
        Perspective::named("Citizens"),
    ];
    views[0].set_partnership_value(PartnershipId(1), PartnershipScore::TrustAb, Some(5));
    views[1].set_partnership_value(PartnershipId(1), PartnershipScore::TrustAb, Some(2));
    views[1].set_partnership_value(PartnershipId(1), PartnershipScore::Form, Some(0));
    history
        .apply(&mut p, "rate", &Command::set_perspectives(views.clone()))
        .unwrap();
    // By hand: the map keeps its own value.
    assert_eq!(p.partnerships[&PartnershipId(1)].trust_ab, Some(4));
    let mut settings = p.settings;
    settings.map_values = MapValues::FollowPerspectives;
    history
        .apply(&mut p, "follow", &Command::set_settings(settings))
        .unwrap();
    let e = &p.partnerships[&PartnershipId(1)];
    // Mean of 5 and 2 is 3.5, which rounds up; the form follows the one voice.
    assert_eq!((e.trust_ab, e.form), (Some(4), Some(Form::Interaction)));
    views[0].set_partnership_value(PartnershipId(1), PartnershipScore::TrustAb, Some(3));
    history
        .apply(&mut p, "rate", &Command::set_perspectives(views))
        .unwrap();
    assert_eq!(
        p.partnerships[&PartnershipId(1)].trust_ab,
        Some(3),
        "mean 2.5 → 3"
    );
    // Deleting the partnership takes its values out of the perspectives, in the same step.
    let delete = Command::delete(
        &p,
        &Default::default(),
        &[PartnershipId(1)].into_iter().collect(),
    );
    history.apply(&mut p, "delete", &delete).unwrap();
    assert!(p.perspectives.iter().all(|v| v.partnerships.is_empty()));
    assert_eq!(p.validate(), vec![]);
    while history.undo(&mut p).is_some() {}
    assert_eq!(p, start);
}

#[test]
fn a_perspective_value_out_of_range_is_refused_and_changes_nothing() {
    let mut p = small();
    let before = p.clone();
    let mut v = Perspective::named("Citizens");
    v.partnerships.push(PartnershipRating {
        power: Some(3),
        ..PartnershipRating::empty(PartnershipId(1))
    });
    let err = Command::set_perspectives(vec![v])
        .apply(&mut p)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("`power` is 3; it must be between -2 and 2"),
        "{err}"
    );
    assert_eq!(p, before);
}
