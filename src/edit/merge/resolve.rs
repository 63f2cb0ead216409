//! The merge for the user's choices: which partnerships match, what is added with which new
//! ids, the new perspective's values, and the one command that does it all.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{Choices, Doubt, How, Match, MergePlan, PartnershipMatch, Summary};
use crate::edit::matching::words;
use crate::edit::{Command, Patch};
use crate::model::{
    Actor, ActorId, ActorRating, NextIds, Partnership, PartnershipId, PartnershipRating,
    Perspective, Project,
};

/// The merge worked out for some choices.
#[derive(Clone, Debug)]
pub struct Resolved {
    /// Every partnership of the other map, in its id order, with what it is here.
    pub partnerships: Vec<PartnershipMatch>,
    /// Counts for the status bar and the command line.
    pub summary: Summary,
    /// Things the merge says about itself, in sentences (a partnership id that names
    /// another partnership here, say).
    pub notes: Vec<String>,
    /// The change, as one command.
    pub command: Command,
}

/// Where each actor of the other map ends up: matched (an actor here) or added (with its
/// new id), and whether it was matched.
struct Ends {
    here: HashMap<ActorId, ActorId>,
    matched: HashSet<ActorId>,
}

impl Ends {
    /// The actor here that `other` was matched with (not one added).
    fn matched(&self, other: ActorId) -> Option<ActorId> {
        self.matched
            .contains(&other)
            .then(|| self.here.get(&other).copied())
            .flatten()
    }
}

/// `r` as seen from the other end: each side's scores swapped, power turned round.
fn turned(mut r: PartnershipRating) -> PartnershipRating {
    std::mem::swap(&mut r.trust_ab, &mut r.trust_ba);
    std::mem::swap(&mut r.contribution_a, &mut r.contribution_b);
    std::mem::swap(&mut r.identity_a, &mut r.identity_b);
    r.power = r.power.map(|p| -p);
    r
}

/// The same pair of actors, either way round.
fn pair(a: ActorId, b: ActorId) -> (ActorId, ActorId) {
    (a.min(b), a.max(b))
}

impl MergePlan {
    /// The merge for `choices` (the name taken as it is; [`MergePlan::command`] checks it).
    pub fn resolve(&self, base: &Project, choices: &Choices) -> Resolved {
        self.resolve_named(base, choices, &self.name)
    }

    pub(super) fn resolve_named(&self, base: &Project, choices: &Choices, name: &str) -> Resolved {
        let mut next = NextIds {
            actor: base.next_actor_id().0,
            partnership: base.next_partnership_id().0,
        };
        let mut summary = Summary::default();
        let mut view = Perspective::named(name);

        // The actors: matched, added with a new id, or left out.
        let mut ends = Ends {
            here: HashMap::new(),
            matched: HashSet::new(),
        };
        let mut added_actors: Vec<Actor> = Vec::new();
        for m in &self.actors {
            let Some(actor) = self.other.actors.get(&m.other) else {
                continue;
            };
            let matched = match m.found {
                Match::Sure(id, _) => Some(id),
                Match::Doubtful(id, _) if !choices.rejected_actors.contains(&m.other) => Some(id),
                _ => None,
            };
            if let Some(id) = matched {
                ends.here.insert(m.other, id);
                ends.matched.insert(m.other);
                summary.actors_matched += 1;
                view.actors.push(ActorRating {
                    id,
                    ..ActorRating::of(actor)
                });
            } else if choices.no_new || choices.skipped_actors.contains(&m.other) {
                summary.actors_left += 1;
            } else {
                let mut added = actor.clone();
                added.id = ActorId(next.actor);
                next.actor = next.actor.saturating_add(1);
                ends.here.insert(m.other, added.id);
                view.actors.push(ActorRating::of(&added));
                added_actors.push(added);
                summary.actors_added += 1;
            }
        }

        // The partnerships.
        let mut notes = Vec::new();
        let partnerships = self.match_partnerships(base, &ends, choices, &mut notes);
        let mut added_partnerships: Vec<Partnership> = Vec::new();
        for m in &partnerships {
            let Some(p) = self.other.partnerships.get(&m.other) else {
                continue;
            };
            if let Some(id) = m.found.base() {
                summary.partnerships_matched += 1;
                let r = PartnershipRating {
                    id,
                    ..PartnershipRating::of(p)
                };
                view.partnerships
                    .push(if m.swapped { turned(r) } else { r });
                continue;
            }
            let (Some(a), Some(b)) = (ends.here.get(&p.a), ends.here.get(&p.b)) else {
                summary.partnerships_left += 1;
                continue;
            };
            if m.blocked_by.is_some()
                || choices.no_new
                || choices.skipped_partnerships.contains(&m.other)
            {
                summary.partnerships_left += 1;
                continue;
            }
            let mut added = p.clone();
            added.id = PartnershipId(next.partnership);
            next.partnership = next.partnership.saturating_add(1);
            added.a = *a;
            added.b = *b;
            view.partnerships.push(PartnershipRating::of(&added));
            added_partnerships.push(added);
            summary.partnerships_added += 1;
        }

        view.actors.retain(|r| !r.is_empty());
        view.actors.sort_by_key(|r| r.id);
        view.partnerships.retain(|r| !r.is_empty());
        view.partnerships.sort_by_key(|r| r.id);
        let (a, p) = view.counts();
        summary.values = a + p;

        let mut perspectives = base.perspectives.clone();
        perspectives.push(view);
        let base_next = base.next_ids;
        let command = Command::Patch(Box::new(Patch {
            actors: added_actors.into_iter().map(|a| (a.id, Some(a))).collect(),
            partnerships: added_partnerships
                .into_iter()
                .map(|p| (p.id, Some(p)))
                .collect(),
            perspectives: Some(perspectives),
            next_ids: (next != base_next).then_some(next),
            ..Patch::default()
        }));
        Resolved {
            partnerships,
            summary,
            notes,
            command,
        }
    }

    /// What each partnership of the other map is here, given where its ends are.
    fn match_partnerships(
        &self,
        base: &Project,
        ends: &Ends,
        choices: &Choices,
        notes: &mut Vec<String>,
    ) -> Vec<PartnershipMatch> {
        let mut out: Vec<PartnershipMatch> = self
            .other
            .partnerships
            .values()
            .map(|p| PartnershipMatch {
                other: p.id,
                found: Match::New,
                swapped: false,
                blocked_by: [p.a, p.b]
                    .into_iter()
                    .find(|end| !ends.here.contains_key(end)),
            })
            .collect();
        let others: Vec<&Partnership> = self.other.partnerships.values().collect();
        let mut taken: HashSet<PartnershipId> = HashSet::new();
        // Partnerships whose two ends are matched, by the pair of actors here.
        let mut groups: BTreeMap<(ActorId, ActorId), Vec<usize>> = BTreeMap::new();
        for (i, p) in others.iter().enumerate() {
            let (Some(a), Some(b)) = (ends.matched(p.a), ends.matched(p.b)) else {
                continue;
            };
            if a == b {
                // Both ends are one actor here: it cannot be added as it is.
                out[i].blocked_by = Some(p.b);
                continue;
            }
            if self.shared_origin
                && let Some(here) = base.partnerships.get(&p.id)
            {
                if pair(here.a, here.b) == pair(a, b) {
                    out[i].found = Match::Sure(here.id, How::Id);
                    taken.insert(here.id);
                    continue;
                }
                notes.push(format!(
                    "partnership {} of the other map joins other actors than partnership {} of \
                     this map: matched by its actors instead",
                    p.id, here.id
                ));
            }
            groups.entry(pair(a, b)).or_default().push(i);
        }
        let mut by_pair: HashMap<(ActorId, ActorId), Vec<PartnershipId>> = HashMap::new();
        for p in base.partnerships.values() {
            if !taken.contains(&p.id) && groups.contains_key(&pair(p.a, p.b)) {
                by_pair.entry(pair(p.a, p.b)).or_default().push(p.id);
            }
        }
        for (key, group) in &groups {
            let here = by_pair.get(key).cloned().unwrap_or_default();
            for (i, found) in match_parallel(base, &others, group, &here) {
                out[i].found = match found {
                    Match::Doubtful(_, _)
                        if choices.rejected_partnerships.contains(&others[i].id) =>
                    {
                        Match::New
                    }
                    f => f,
                };
            }
        }
        for (i, m) in out.iter_mut().enumerate() {
            if let (Some(id), Some(a)) = (m.found.base(), ends.matched(others[i].a)) {
                m.swapped = base.partnerships.get(&id).is_some_and(|h| h.a != a);
                m.blocked_by = None;
            }
        }
        out
    }
}

/// Matches the other map's partnerships `group` (indices into `others`) between one pair of
/// actors with this map's partnerships `here` between them: the only one with the only one,
/// else by the same label, then the same functions, then the rest in id order, in doubt.
fn match_parallel(
    base: &Project,
    others: &[&Partnership],
    group: &[usize],
    here: &[PartnershipId],
) -> Vec<(usize, Match<PartnershipId>)> {
    if let ([one], [only]) = (group, here) {
        return vec![(*one, Match::Sure(*only, How::Ends))];
    }
    let mut free: Vec<&Partnership> = here
        .iter()
        .filter_map(|id| base.partnerships.get(id))
        .collect();
    let mut out = Vec::new();
    let mut left: Vec<usize> = group.to_vec();
    let label = |p: &Partnership| p.label.as_deref().map(words).unwrap_or_default();
    // The same label first, then the same functions, each over the whole group.
    for how in [How::Label, How::Functions] {
        left.retain(|&i| {
            let p = others[i];
            let k = match how {
                How::Label => {
                    let words = label(p);
                    (!words.is_empty())
                        .then(|| free.iter().position(|h| label(h) == words))
                        .flatten()
                }
                _ => (!p.functions.is_empty())
                    .then(|| free.iter().position(|h| h.functions == p.functions))
                    .flatten(),
            };
            match k {
                Some(k) => {
                    out.push((i, Match::Sure(free.remove(k).id, how)));
                    false
                }
                None => true,
            }
        });
    }
    for (i, h) in left.into_iter().zip(free) {
        out.push((i, Match::Doubtful(h.id, Doubt::Parallel)));
    }
    out
}
