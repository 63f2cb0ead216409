//! Copy and paste of actors with the partnerships among them: what is copied, and how a
//! paste gives the copies new ids, moves them a little and keeps their partnerships.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::Command;
use crate::model::{Actor, ActorId, Partnership, PartnershipId, Position, Project};

/// Copied actors and the partnerships among them. The system clipboard carries it as RON,
/// marked so that a paste of other text is not mistaken for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Clip {
    partnermap_clipboard: u32,
    /// The copied actors.
    pub actors: Vec<Actor>,
    /// The partnerships whose both ends were copied.
    pub partnerships: Vec<Partnership>,
}

/// How far each successive paste moves the copies, in map units.
pub const PASTE_OFFSET: f64 = 40.0;

impl Clip {
    /// The actors `ids` of `project` with the partnerships among them.
    pub fn of(project: &Project, ids: &BTreeSet<ActorId>) -> Self {
        Self {
            partnermap_clipboard: 1,
            actors: ids
                .iter()
                .filter_map(|id| project.actor(*id).cloned())
                .collect(),
            partnerships: project
                .partnerships
                .values()
                .filter(|e| ids.contains(&e.a) && ids.contains(&e.b))
                .cloned()
                .collect(),
        }
    }

    /// The clip as text for the system clipboard.
    pub fn to_text(&self) -> Option<String> {
        ron::to_string(self).ok()
    }

    /// A clip read back from the system clipboard's text, if it holds one.
    pub fn from_text(text: &str) -> Option<Self> {
        ron::from_str(text).ok()
    }

    /// The command that adds the copies to `project` as the `nth` paste (1 for the first):
    /// new ids after the map's, positions moved by `nth` × [`PASTE_OFFSET`], partnerships
    /// joining the copies. `Ok(None)` when there is nothing to paste; an error, saying
    /// what is wrong, when the copies break a rule of the map (a clipboard text made
    /// elsewhere, with a position out of reach or a control character in a name).
    pub fn paste(
        &self,
        project: &Project,
        nth: u32,
    ) -> Result<Option<(Command, Vec<ActorId>)>, String> {
        if self.actors.is_empty() {
            return Ok(None);
        }
        let offset = PASTE_OFFSET * f64::from(nth);
        let mut map = HashMap::new();
        let mut actors = Vec::new();
        for (next, a) in (project.next_actor_id().0..).zip(&self.actors) {
            let mut n = a.clone();
            n.id = ActorId(next);
            n.position = Position::new(a.position.x + offset, a.position.y + offset);
            map.insert(a.id, n.id);
            actors.push(n);
        }
        let mut links = Vec::new();
        let mut next_link = project.next_partnership_id().0;
        for e in &self.partnerships {
            if let (Some(a), Some(b)) = (map.get(&e.a), map.get(&e.b)) {
                let mut n = e.clone();
                n.id = PartnershipId(next_link);
                next_link += 1;
                n.a = *a;
                n.b = *b;
                links.push(n);
            }
        }
        let problems = crate::model::validate(
            &actors,
            &links,
            &crate::model::Settings::default(),
            &crate::model::Meta::default(),
        );
        if let Some(first) = problems.first() {
            let more = match problems.len() {
                1 => String::new(),
                2 => " (and 1 more problem)".to_string(),
                n => format!(" (and {} more problems)", n - 1),
            };
            return Err(format!("{first}{more}"));
        }
        let ids = actors.iter().map(|a| a.id).collect();
        Ok(Some((Command::add(project, actors, links), ids)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Sector};

    fn map() -> Project {
        let mut p = Project::new();
        for (id, name, x) in [(1, "Council", 0.0), (2, "NGO", 100.0), (3, "School", 200.0)] {
            let mut a = Actor::new(ActorId(id), name, Sector::State, Level::Commune);
            a.position = Position::new(x, 0.0);
            p.actors.insert(a.id, a);
        }
        for (id, a, b) in [(1, 1, 2), (2, 2, 3)] {
            let e = Partnership::new(PartnershipId(id), ActorId(a), ActorId(b));
            p.partnerships.insert(e.id, e);
        }
        p.next_ids.actor = 4;
        p.next_ids.partnership = 3;
        p
    }

    #[test]
    fn a_copy_keeps_only_the_partnerships_among_the_copied_actors() {
        let p = map();
        let clip = Clip::of(&p, &[ActorId(1), ActorId(2)].into());
        assert_eq!(clip.actors.len(), 2);
        assert_eq!(clip.partnerships.len(), 1);
        assert_eq!(clip.partnerships[0].id, PartnershipId(1));
    }

    #[test]
    fn a_paste_gives_new_ids_moved_copies_and_rejoined_partnerships() {
        let mut p = map();
        let clip = Clip::of(&p, &[ActorId(1), ActorId(2)].into());
        let (cmd, ids) = clip.paste(&p, 2).unwrap().unwrap();
        assert_eq!(ids, vec![ActorId(4), ActorId(5)]);
        cmd.apply(&mut p).unwrap();
        assert_eq!(p.actors.len(), 5);
        let copy = &p.actors[&ActorId(5)];
        assert_eq!((copy.name.as_str(), copy.position.x), ("NGO", 180.0));
        let link = &p.partnerships[&PartnershipId(3)];
        assert_eq!((link.a, link.b), (ActorId(4), ActorId(5)));
        assert_eq!(p.next_ids.actor, 6);
    }

    #[test]
    fn the_clipboard_text_round_trips_and_other_text_is_not_a_clip() {
        let clip = Clip::of(&map(), &[ActorId(3)].into());
        assert_eq!(Clip::from_text(&clip.to_text().unwrap()), Some(clip));
        assert_eq!(Clip::from_text("Council, NGO"), None);
        assert!(
            Clip::of(&map(), &BTreeSet::new())
                .paste(&map(), 1)
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn a_clipboard_text_made_elsewhere_is_checked_before_it_is_pasted() {
        let mut clip = Clip::of(&map(), &map().actors.keys().copied().collect());
        clip.actors[0].position = Position::new(1e300, 0.0);
        clip.actors[1].name = "Bell\u{7}".into();
        let text = clip.to_text().unwrap();
        let read = Clip::from_text(&text).expect("still a clip");
        let why = read.paste(&map(), 1).unwrap_err();
        assert!(why.contains("`position` is 1e300"), "{why}");
        assert!(why.contains("and 1 more problem"), "{why}");
    }
}
