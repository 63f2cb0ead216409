//! The words of undo steps ("Delete 2 actors and 3 partnerships"), so that the Edit menu
//! names what Undo will undo.

use super::Command;

/// "1 actor", "3 actors".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The label of a delete: what goes, counting the partnerships that go with the actors.
pub fn delete_label(actors: usize, command: &Command) -> String {
    let removed_links = match command {
        Command::Patch(p) => p.partnerships.len(),
        Command::MoveActors(_) => 0,
    };
    match (actors, removed_links) {
        (0, n) => format!("Delete {}", count(n, "partnership", "partnerships")),
        (a, 0) => format!("Delete {}", count(a, "actor", "actors")),
        (a, n) => format!(
            "Delete {} and {}",
            count(a, "actor", "actors"),
            count(n, "partnership", "partnerships")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorId, Level, Partnership, PartnershipId, Project, Sector};
    use std::collections::BTreeSet;

    fn map() -> Project {
        let mut p = Project::new();
        for (id, name) in [(1, "Council"), (2, "NGO"), (3, "School")] {
            p.actors.insert(
                ActorId(id),
                Actor::new(ActorId(id), name, Sector::State, Level::Commune),
            );
        }
        for (id, a, b) in [(1, 1, 2), (2, 1, 3)] {
            let e = Partnership::new(PartnershipId(id), ActorId(a), ActorId(b));
            p.partnerships.insert(e.id, e);
        }
        p.next_ids.actor = 4;
        p.next_ids.partnership = 3;
        p
    }

    #[test]
    fn counts_say_one_or_many() {
        assert_eq!(count(1, "actor", "actors"), "1 actor");
        assert_eq!(count(0, "actor", "actors"), "0 actors");
        assert_eq!(count(3, "actor", "actors"), "3 actors");
    }

    #[test]
    fn a_delete_names_the_partnerships_that_go_with_its_actors() {
        let p = map();
        let actors: BTreeSet<_> = [ActorId(1)].into();
        let cmd = Command::delete(&p, &actors, &BTreeSet::new());
        assert_eq!(delete_label(1, &cmd), "Delete 1 actor and 2 partnerships");
        let alone: BTreeSet<_> = [PartnershipId(2)].into();
        let cmd = Command::delete(&p, &BTreeSet::new(), &alone);
        assert_eq!(delete_label(0, &cmd), "Delete 1 partnership");
    }
}
