//! Matching the other map's actors with the map's: by id where the maps began as one, then
//! by the same name, then by a name alike (quick entry's forgiving matching, both ways).
//! Each actor of the map is matched at most once.

use std::collections::{HashMap, HashSet};

use super::{ActorMatch, Doubt, How, Match};
use crate::edit::matching::{Fit, Names};
use crate::model::{ActorId, Project};

/// How well two actors' names fit each other: the better of either read as typed for the
/// other (a part of a name fits the whole either way round), by name or short name.
fn alike(base: &Names, other: &Names) -> Option<Fit> {
    [
        base.fit(&other.name),
        other.fit(&base.name),
        (!other.short.is_empty())
            .then(|| base.fit(&other.short))
            .flatten(),
    ]
    .into_iter()
    .flatten()
    .min()
}

/// What each actor of `other` is in `base`, in `other`'s id order.
pub(super) fn match_actors(base: &Project, other: &Project, shared: bool) -> Vec<ActorMatch> {
    let base_names: Vec<(ActorId, Names)> =
        base.actors.values().map(|a| (a.id, Names::of(a))).collect();
    let other_names: Vec<(ActorId, Names)> = other
        .actors
        .values()
        .map(|a| (a.id, Names::of(a)))
        .collect();
    let mut found: Vec<Match<ActorId>> = vec![Match::New; other_names.len()];
    let mut taken: HashSet<ActorId> = HashSet::new();

    // 1. The same id in maps that began as one, when the names fit each other at all.
    let mut same_id: Vec<(usize, ActorId)> = Vec::new();
    if shared {
        let base_index: HashMap<ActorId, usize> = base_names
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        for (i, (id, names)) in other_names.iter().enumerate() {
            let Some(&b) = base_index.get(id) else {
                continue;
            };
            if alike(&base_names[b].1, names).is_some() {
                found[i] = Match::Sure(*id, How::Id);
                taken.insert(*id);
            } else {
                same_id.push((i, *id));
            }
        }
    }

    // 2. The same name, word for word.
    same_names(&base_names, &other_names, &mut found, &mut taken);

    // 3. The same id under another name, when no actor has that name.
    for (i, id) in same_id {
        if found[i] == Match::New && taken.insert(id) {
            found[i] = Match::Doubtful(id, Doubt::Id);
        }
    }

    // 4. A name alike: the one actor that fits best, the closest pairs first.
    let mut candidates: Vec<(Fit, usize, ActorId)> = Vec::new();
    for (i, (_, names)) in other_names.iter().enumerate() {
        if found[i] != Match::New {
            continue;
        }
        let mut best: Option<(Fit, ActorId)> = None;
        let mut tied = false;
        for (id, here) in &base_names {
            if taken.contains(id) {
                continue;
            }
            let Some(fit) = alike(here, names) else {
                continue;
            };
            match best {
                Some((b, _)) if fit > b => {}
                Some((b, _)) if fit == b => tied = true,
                _ => {
                    best = Some((fit, *id));
                    tied = false;
                }
            }
        }
        // Several fit as well: no guess (the actor is new, and the user may say otherwise
        // by adding it or not).
        if let (Some((fit, id)), false) = (best, tied) {
            candidates.push((fit, i, id));
        }
    }
    candidates.sort();
    for (_, i, id) in candidates {
        if taken.insert(id) {
            found[i] = Match::Doubtful(id, Doubt::Name);
        }
    }

    other_names
        .iter()
        .zip(found)
        .map(|((id, _), found)| ActorMatch { other: *id, found })
        .collect()
}

/// Matches the actors still unmatched whose names are the same word for word: for sure when
/// one actor on each side has the name, in doubt (in id order) when several do.
fn same_names(
    base_names: &[(ActorId, Names)],
    other_names: &[(ActorId, Names)],
    found: &mut [Match<ActorId>],
    taken: &mut HashSet<ActorId>,
) {
    let mut by_name: HashMap<&[String], Vec<ActorId>> = HashMap::new();
    for (id, names) in base_names {
        if !names.name.is_empty() && !taken.contains(id) {
            by_name.entry(&names.name).or_default().push(*id);
        }
    }
    let mut others: HashMap<&[String], usize> = HashMap::new();
    for (i, (_, names)) in other_names.iter().enumerate() {
        if found[i] == Match::New {
            *others.entry(&names.name).or_default() += 1;
        }
    }
    for (i, (_, names)) in other_names.iter().enumerate() {
        if found[i] != Match::New {
            continue;
        }
        let Some(ids) = by_name.get_mut(names.name.as_slice()) else {
            continue;
        };
        let alone = ids.len() == 1 && others.get(names.name.as_slice()) == Some(&1);
        if ids.is_empty() {
            continue;
        }
        let id = ids.remove(0);
        taken.insert(id);
        found[i] = if alone {
            Match::Sure(id, How::Name)
        } else {
            Match::Doubtful(id, Doubt::Namesake)
        };
    }
}
