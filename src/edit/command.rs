//! Commands: the only way the document changes. Applying a command returns its inverse, so
//! the history can undo and redo without keeping copies of the whole map.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    Actor, ActorId, MapValues, Meta, NextIds, Partnership, PartnershipId, Perspective, Position,
    Problem, Project, Settings, Snapshot, check_perspectives, check_snapshots, followed_actor,
    followed_partnership, validate,
};

/// Why a command could not be applied. The document is left exactly as it was.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The change would leave the map invalid; the problems say why.
    #[error("{}", .0.iter().map(|p| p.message()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
    /// The command names an actor that no longer exists.
    #[error("actor {0} does not exist")]
    NoSuchActor(ActorId),
}

/// A change to the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Moves actors to new positions (one drag, one layout).
    MoveActors(Vec<(ActorId, Position)>),
    /// Puts items in place of others: a new value adds or replaces, `None` removes.
    Patch(Box<Patch>),
}

/// Items to put in place, by id; `None` removes the item.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Patch {
    /// Actors to add, replace or (with `None`) remove.
    pub actors: BTreeMap<ActorId, Option<Actor>>,
    /// Partnerships to add, replace or (with `None`) remove.
    pub partnerships: BTreeMap<PartnershipId, Option<Partnership>>,
    /// New settings, if they change.
    pub settings: Option<Settings>,
    /// New descriptive fields, if they change.
    pub meta: Option<Meta>,
    /// The next ids to hand out, if they change.
    pub next_ids: Option<NextIds>,
    /// The map's snapshots, if they change (taken, renamed, re-dated, deleted).
    pub snapshots: Option<Vec<Snapshot>>,
    /// The map's perspectives, if they change (§13).
    pub perspectives: Option<Vec<Perspective>>,
    /// Apply the items exactly as given. Otherwise, when the map's values follow the
    /// perspectives, the items touched take the perspectives' consensus, and a removed item's
    /// values leave the perspectives; an inverse is always exact.
    pub exact: bool,
}

impl Patch {
    /// Whether the patch changes nothing.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.partnerships.is_empty()
            && self.settings.is_none()
            && self.meta.is_none()
            && self.next_ids.is_none()
            && self.snapshots.is_none()
            && self.perspectives.is_none()
    }
}

impl Command {
    /// Adds actors and partnerships (new ids taken from the project's counters).
    pub fn add(project: &Project, actors: Vec<Actor>, partnerships: Vec<Partnership>) -> Self {
        let mut next = project.next_ids;
        for a in &actors {
            next.actor = next.actor.max(a.id.0 + 1);
        }
        for p in &partnerships {
            next.partnership = next.partnership.max(p.id.0 + 1);
        }
        Command::Patch(Box::new(Patch {
            actors: actors.into_iter().map(|a| (a.id, Some(a))).collect(),
            partnerships: partnerships.into_iter().map(|p| (p.id, Some(p))).collect(),
            next_ids: (next != project.next_ids).then_some(next),
            ..Patch::default()
        }))
    }

    /// Removes actors, every partnership of theirs, and the given partnerships.
    pub fn delete(
        project: &Project,
        actors: &BTreeSet<ActorId>,
        partnerships: &BTreeSet<PartnershipId>,
    ) -> Self {
        let mut patch = Box::new(Patch::default());
        for id in actors {
            if project.actors.contains_key(id) {
                patch.actors.insert(*id, None);
            }
        }
        for p in project.partnerships.values() {
            if partnerships.contains(&p.id) || actors.contains(&p.a) || actors.contains(&p.b) {
                patch.partnerships.insert(p.id, None);
            }
        }
        Command::Patch(patch)
    }

    /// Replaces actors with edited copies.
    pub fn update_actors(actors: impl IntoIterator<Item = Actor>) -> Self {
        Command::Patch(Box::new(Patch {
            actors: actors.into_iter().map(|a| (a.id, Some(a))).collect(),
            ..Patch::default()
        }))
    }

    /// Replaces partnerships with edited copies.
    pub fn update_partnerships(partnerships: impl IntoIterator<Item = Partnership>) -> Self {
        Command::Patch(Box::new(Patch {
            partnerships: partnerships.into_iter().map(|p| (p.id, Some(p))).collect(),
            ..Patch::default()
        }))
    }

    /// Replaces the project settings.
    pub fn set_settings(settings: Settings) -> Self {
        Command::Patch(Box::new(Patch {
            settings: Some(settings),
            ..Patch::default()
        }))
    }

    /// Replaces the map's snapshots (one undo step for taking, renaming, re-dating or
    /// deleting one).
    pub fn set_snapshots(snapshots: Vec<Snapshot>) -> Self {
        Command::Patch(Box::new(Patch {
            snapshots: Some(snapshots),
            ..Patch::default()
        }))
    }

    /// Replaces the map's perspectives (one undo step for any change to their values,
    /// names or number). When the map follows the perspectives, its values follow.
    pub fn set_perspectives(perspectives: Vec<Perspective>) -> Self {
        Command::Patch(Box::new(Patch {
            perspectives: Some(perspectives),
            ..Patch::default()
        }))
    }

    /// Replaces the descriptive fields.
    pub fn set_meta(meta: Meta) -> Self {
        Command::Patch(Box::new(Patch {
            meta: Some(meta),
            ..Patch::default()
        }))
    }

    /// Applies the command and returns its inverse; on error nothing changes.
    pub fn apply(&self, project: &mut Project) -> Result<Command, EditError> {
        match self {
            Command::MoveActors(moves) => {
                let mut checked = Vec::with_capacity(moves.len());
                for (id, to) in moves {
                    let actor = project.actors.get(id).ok_or(EditError::NoSuchActor(*id))?;
                    let reach = crate::model::MAX_COORD;
                    if !(to.x.is_finite() && to.y.is_finite())
                        || to.x.abs() > reach
                        || to.y.abs() > reach
                    {
                        let mut moved = actor.clone();
                        moved.position = *to;
                        return Err(EditError::Invalid(validate(
                            [&moved],
                            [],
                            &project.settings,
                            &Meta::default(),
                        )));
                    }
                    checked.push((*id, *to));
                }
                let mut inverse = Vec::with_capacity(checked.len());
                for (id, to) in checked {
                    if let Some(actor) = project.actors.get_mut(&id) {
                        inverse.push((id, actor.position));
                        actor.position = to;
                    }
                }
                inverse.reverse();
                Ok(Command::MoveActors(inverse))
            }
            Command::Patch(patch) => {
                let completed;
                let patch = if patch.exact {
                    patch
                } else {
                    completed = complete(patch, project);
                    &completed
                };
                apply_patch(patch, project).map(|p| Command::Patch(Box::new(p)))
            }
        }
    }
}

/// `patch` with what follows from it: the values of removed items leave the perspectives,
/// and, when the map follows the perspectives, every item whose consensus may change takes
/// it.
fn complete(patch: &Patch, project: &Project) -> Patch {
    let mut out = patch.clone();
    out.exact = true;
    let removed_actors: BTreeSet<ActorId> = removed(&patch.actors);
    let removed_partnerships: BTreeSet<PartnershipId> = removed(&patch.partnerships);
    let current = patch.perspectives.as_ref().unwrap_or(&project.perspectives);
    let names_removed = current.iter().any(|v| {
        v.actors.iter().any(|r| removed_actors.contains(&r.id))
            || v.partnerships
                .iter()
                .any(|r| removed_partnerships.contains(&r.id))
    });
    if names_removed {
        let mut pruned = current.clone();
        for v in &mut pruned {
            v.actors.retain(|r| !removed_actors.contains(&r.id));
            v.partnerships
                .retain(|r| !removed_partnerships.contains(&r.id));
        }
        out.perspectives = Some(pruned);
    }
    let settings = patch.settings.as_ref().unwrap_or(&project.settings);
    if settings.map_values != MapValues::FollowPerspectives {
        return out;
    }
    let views = out.perspectives.as_ref().unwrap_or(&project.perspectives);
    let switched = project.settings.map_values != MapValues::FollowPerspectives;
    // Items whose perspectives' values may have changed: all of them when the map starts to
    // follow, else those rated before or after.
    let mut actors: BTreeSet<ActorId> = out
        .actors
        .iter()
        .filter(|(_, a)| a.is_some())
        .map(|(id, _)| *id)
        .collect();
    let mut partnerships: BTreeSet<PartnershipId> = out
        .partnerships
        .iter()
        .filter(|(_, p)| p.is_some())
        .map(|(id, _)| *id)
        .collect();
    if switched {
        actors.extend(project.actors.keys());
        partnerships.extend(project.partnerships.keys());
    } else if out.perspectives.is_some() {
        for v in project.perspectives.iter().chain(views) {
            actors.extend(v.actors.iter().map(|r| r.id));
            partnerships.extend(v.partnerships.iter().map(|r| r.id));
        }
    }
    for id in actors {
        let actor = match out.actors.get(&id) {
            Some(Some(a)) => a,
            Some(None) => continue,
            None => match project.actors.get(&id) {
                Some(a) => a,
                None => continue,
            },
        };
        let followed = followed_actor(views, actor);
        if &followed != actor {
            out.actors.insert(id, Some(followed));
        }
    }
    for id in partnerships {
        let p = match out.partnerships.get(&id) {
            Some(Some(p)) => p,
            Some(None) => continue,
            None => match project.partnerships.get(&id) {
                Some(p) => p,
                None => continue,
            },
        };
        let followed = followed_partnership(views, p);
        if &followed != p {
            out.partnerships.insert(id, Some(followed));
        }
    }
    out
}

/// The ids a patch's `items` remove.
fn removed<K: Copy + Ord, V>(items: &BTreeMap<K, Option<V>>) -> BTreeSet<K> {
    items
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(k, _)| *k)
        .collect()
}

fn apply_patch(patch: &Patch, project: &mut Project) -> Result<Patch, EditError> {
    // Check first, change after: the document is never left half-changed or invalid.
    let new_actors: Vec<&Actor> = patch.actors.values().flatten().collect();
    let new_partnerships: Vec<&Partnership> = patch.partnerships.values().flatten().collect();
    let settings = patch.settings.as_ref().unwrap_or(&project.settings);
    let meta = patch.meta.as_ref().unwrap_or(&project.meta);
    let mut problems = validate(new_actors.iter().copied(), [], settings, meta);
    if let Some(snapshots) = &patch.snapshots {
        problems.extend(check_snapshots(snapshots, settings));
    }
    for (id, a) in &patch.actors {
        if let Some(a) = a
            && a.id != *id
        {
            return Err(EditError::NoSuchActor(*id));
        }
    }
    let actor_exists = |id: ActorId| match patch.actors.get(&id) {
        Some(change) => change.is_some(),
        None => project.actors.contains_key(&id),
    };
    // Partnerships checked against the actors as they will be after the patch.
    let mut end_problems = Vec::new();
    for p in &new_partnerships {
        let mut alone = validate([], [*p], settings, meta);
        alone.retain(|pr| !matches!(pr.kind, crate::model::ProblemKind::DanglingReference(_)));
        end_problems.extend(alone);
        for end in [p.a, p.b] {
            if !actor_exists(end) {
                return Err(EditError::NoSuchActor(end));
            }
        }
    }
    problems.extend(end_problems);
    // Removing an actor must not leave a partnership pointing at it.
    let removed: BTreeSet<ActorId> = patch
        .actors
        .iter()
        .filter(|(_, a)| a.is_none())
        .map(|(id, _)| *id)
        .collect();
    if !removed.is_empty() {
        for p in project.partnerships.values() {
            let survives = match patch.partnerships.get(&p.id) {
                Some(change) => change.is_some(),
                None => true,
            };
            if survives && (removed.contains(&p.a) || removed.contains(&p.b)) {
                let gone = if removed.contains(&p.a) { p.a } else { p.b };
                return Err(EditError::NoSuchActor(gone));
            }
        }
    }
    if let Some(views) = &patch.perspectives {
        let actors = project
            .actors
            .values()
            .filter(|a| !patch.actors.contains_key(&a.id))
            .chain(new_actors.iter().copied());
        let partnerships = project
            .partnerships
            .values()
            .filter(|p| !patch.partnerships.contains_key(&p.id))
            .chain(new_partnerships.iter().copied());
        problems.extend(check_perspectives(views, actors, partnerships));
    }
    if !problems.is_empty() {
        return Err(EditError::Invalid(problems));
    }

    let mut inverse = Patch {
        exact: true,
        ..Patch::default()
    };
    for (id, change) in &patch.actors {
        let old = match change {
            Some(a) => project.actors.insert(*id, a.clone()),
            None => project.actors.remove(id),
        };
        inverse.actors.insert(*id, old);
    }
    for (id, change) in &patch.partnerships {
        let old = match change {
            Some(p) => project.partnerships.insert(*id, p.clone()),
            None => project.partnerships.remove(id),
        };
        inverse.partnerships.insert(*id, old);
    }
    if let Some(s) = &patch.settings {
        inverse.settings = Some(std::mem::replace(&mut project.settings, *s));
    }
    if let Some(m) = &patch.meta {
        inverse.meta = Some(std::mem::replace(&mut project.meta, m.clone()));
    }
    if let Some(n) = patch.next_ids {
        inverse.next_ids = Some(std::mem::replace(&mut project.next_ids, n));
    }
    if let Some(s) = &patch.snapshots {
        inverse.snapshots = Some(std::mem::replace(&mut project.snapshots, s.clone()));
    }
    if let Some(v) = &patch.perspectives {
        inverse.perspectives = Some(std::mem::replace(&mut project.perspectives, v.clone()));
    }
    Ok(inverse)
}
