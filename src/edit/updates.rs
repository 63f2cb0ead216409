//! Commands that change fields of items already in the map, built from the items and the
//! change to make, so that the inspector only says which field takes which value.

use crate::model::{Actor, PartialDate, Partnership};

use super::Command;

/// The changed copy of `item`, or `None` when `change` leaves it as it was.
fn changed<T: Clone + PartialEq>(item: &T, change: impl FnOnce(&mut T)) -> Option<T> {
    let mut new = item.clone();
    change(&mut new);
    (new != *item).then_some(new)
}

/// The command that applies `change` to `actor`, or `None` when it changes nothing (so that
/// the history gets no empty step).
pub fn update_actor(actor: &Actor, change: impl FnOnce(&mut Actor)) -> Option<Command> {
    changed(actor, change).map(|a| Command::update_actors([a]))
}

/// The command that applies `change` to partnership `p`, or `None` when it changes nothing.
pub fn update_partnership(
    p: &Partnership,
    change: impl FnOnce(&mut Partnership),
) -> Option<Command> {
    changed(p, change).map(|q| Command::update_partnerships([q]))
}

/// One command applying the same `change` to every one of `actors` (a sector chosen for a
/// whole selection, say), so that it is undone in one step.
pub fn update_each_actor(actors: &[&Actor], change: impl Fn(&mut Actor)) -> Command {
    Command::update_actors(actors.iter().map(|a| {
        let mut x = (*a).clone();
        change(&mut x);
        x
    }))
}

/// One command applying the same `change` to every one of `partnerships`.
pub fn update_each_partnership(
    partnerships: &[&Partnership],
    change: impl Fn(&mut Partnership),
) -> Command {
    Command::update_partnerships(partnerships.iter().map(|p| {
        let mut q = (*p).clone();
        change(&mut q);
        q
    }))
}

/// New dates for a partnership whose end would fall before its start; the map would not
/// validate, so the dates are refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the end cannot be before the start")]
pub struct EndBeforeStart;

/// The command giving partnership `p` new start and end dates, or `None` when they are the
/// ones it has. Dates that do not parse are not compared: validation reports them.
pub fn set_dates(
    p: &Partnership,
    start: Option<PartialDate>,
    end: Option<PartialDate>,
) -> Result<Option<Command>, EndBeforeStart> {
    if let (Some(s), Some(e)) = (&start, &end)
        && let (Ok(s), Ok(e)) = (s.parse(), e.parse())
        && e.latest() < s.earliest()
    {
        return Err(EndBeforeStart);
    }
    Ok(update_partnership(p, |q| {
        q.start = start;
        q.end = end;
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorId, Level, PartnershipId, Project, Sector};

    fn date(text: &str) -> Option<PartialDate> {
        Some(PartialDate(text.to_string()))
    }

    fn map() -> Project {
        let mut project = Project::default();
        for id in 1..=3 {
            project.insert_actor(Actor::new(
                ActorId(id),
                format!("Actor {id}"),
                Sector::State,
                Level::District,
            ));
        }
        project.insert_partnership(Partnership::new(PartnershipId(1), ActorId(1), ActorId(2)));
        project.insert_partnership(Partnership::new(PartnershipId(2), ActorId(2), ActorId(3)));
        project
    }

    #[test]
    fn a_change_that_changes_nothing_makes_no_command() {
        let project = map();
        let a = &project.actors[&ActorId(1)];
        assert_eq!(update_actor(a, |x| x.sector = Some(Sector::State)), None);
        let p = &project.partnerships[&PartnershipId(1)];
        assert_eq!(update_partnership(p, |q| q.notes = String::new()), None);
    }

    #[test]
    fn one_item_changes_and_the_inverse_restores_it() {
        let mut project = map();
        let before = project.clone();
        let a = project.actors[&ActorId(1)].clone();
        let command = update_actor(&a, |x| x.name = "Renamed".into()).expect("a change");
        let inverse = command.apply(&mut project).expect("valid");
        assert_eq!(project.actors[&ActorId(1)].name, "Renamed");
        assert_eq!(project.actors[&ActorId(2)], before.actors[&ActorId(2)]);
        inverse.apply(&mut project).expect("valid");
        assert_eq!(project, before);
    }

    #[test]
    fn every_selected_item_gets_the_change_in_one_command() {
        let mut project = map();
        let actors: Vec<Actor> = project.actors.values().take(2).cloned().collect();
        let refs: Vec<&Actor> = actors.iter().collect();
        update_each_actor(&refs, |a| a.sector = Some(Sector::Donor))
            .apply(&mut project)
            .expect("valid");
        let sectors: Vec<Option<Sector>> = project.actors.values().map(|a| a.sector).collect();
        assert_eq!(
            sectors,
            [
                Some(Sector::Donor),
                Some(Sector::Donor),
                Some(Sector::State)
            ]
        );

        let list: Vec<Partnership> = project.partnerships.values().cloned().collect();
        let refs: Vec<&Partnership> = list.iter().collect();
        update_each_partnership(&refs, |p| p.notes = "shared".into())
            .apply(&mut project)
            .expect("valid");
        assert!(project.partnerships.values().all(|p| p.notes == "shared"));
    }

    #[test]
    fn dates_are_refused_when_the_end_falls_before_the_start() {
        let project = map();
        let p = &project.partnerships[&PartnershipId(1)];
        assert_eq!(
            set_dates(p, date("2020"), date("2019-12")),
            Err(EndBeforeStart)
        );
        assert_eq!(
            set_dates(p, date("2019-05-02"), date("2019-05-01")),
            Err(EndBeforeStart)
        );
        // A year and a month within it overlap, so they are in order.
        assert!(matches!(
            set_dates(p, date("2019"), date("2019-01")),
            Ok(Some(_))
        ));
        assert!(matches!(set_dates(p, None, date("2019")), Ok(Some(_))));
        assert_eq!(set_dates(p, None, None), Ok(None));
    }
}
