//! Matching the other map's actors with the map's: by id where the maps began as one, then
//! by the same name, then by a name alike (quick entry's forgiving matching, both ways).
//! Each actor of the map is matched at most once.

use std::collections::{HashMap, HashSet};

use super::{ActorMatch, Doubt, How, Match};
use crate::edit::matching::{Fit, Names, may_start};
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

    // 4. A name alike: the one actor that fits best, the closest pairs first. Only the
    // actors that share a word (or nearly) with the name are compared with it.
    let mut narrow = Narrow::new(&base_names);
    let mut candidates: Vec<(Fit, usize, ActorId)> = Vec::new();
    for (i, (_, names)) in other_names.iter().enumerate() {
        if found[i] != Match::New {
            continue;
        }
        let mut best: Option<(Fit, ActorId)> = None;
        let mut tied = false;
        for b in narrow.candidates(names) {
            let (id, here) = &base_names[b];
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

/// Finds the actors of the map that may fit a name, without comparing it with every one: by
/// [`may_start`], a name fits only an actor that has a word near the name's first word, or
/// whose name's first word is near one of its words (either way round, as [`alike`] reads
/// them); one-word names, which may be initials, are compared with every actor.
struct Narrow<'a> {
    /// Every word of the actors' names and short names, with the actors that have it.
    words: Vec<(&'a str, Vec<usize>)>,
    /// The first word of each actor's name, with the actors.
    firsts: Vec<(&'a str, Vec<usize>)>,
    /// The actors whose name is one word.
    single: Vec<usize>,
    /// How many actors there are.
    all: usize,
    /// The entries of `words` near a first word, as found.
    near_words: HashMap<&'a str, Vec<usize>>,
    /// The entries of `firsts` near a word, as found.
    near_firsts: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Narrow<'a> {
    fn new(names: &'a [(ActorId, Names)]) -> Self {
        let mut words: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut firsts: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut single = Vec::new();
        for (i, (_, n)) in names.iter().enumerate() {
            for w in n.name.iter().chain(&n.short) {
                let list = words.entry(w.as_str()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            if let Some(first) = n.name.first() {
                firsts.entry(first.as_str()).or_default().push(i);
            }
            if n.name.len() == 1 {
                single.push(i);
            }
        }
        let sorted = |m: HashMap<&'a str, Vec<usize>>| {
            let mut v: Vec<_> = m.into_iter().collect();
            v.sort();
            v
        };
        Self {
            words: sorted(words),
            firsts: sorted(firsts),
            single,
            all: names.len(),
            near_words: HashMap::new(),
            near_firsts: HashMap::new(),
        }
    }

    /// The actors (by index, in order) that may fit `other`'s names either way round.
    fn candidates(&mut self, other: &'a Names) -> Vec<usize> {
        let queries = [&other.name, &other.short];
        if queries.iter().any(|q| q.len() == 1) {
            return (0..self.all).collect();
        }
        let mut out: Vec<usize> = self.single.clone();
        for q in queries {
            let Some(first) = q.first() else {
                continue;
            };
            let words = &self.words;
            let near = self.near_words.entry(first.as_str()).or_insert_with(|| {
                (0..words.len())
                    .filter(|&k| may_start(first, words[k].0))
                    .collect()
            });
            for &k in near.iter() {
                out.extend_from_slice(&words[k].1);
            }
        }
        for w in other.name.iter().chain(&other.short) {
            let firsts = &self.firsts;
            let near = self.near_firsts.entry(w.as_str()).or_insert_with(|| {
                (0..firsts.len())
                    .filter(|&k| may_start(firsts[k].0, w))
                    .collect()
            });
            for &k in near.iter() {
                out.extend_from_slice(&firsts[k].1);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names as breakout groups write them: typos, parts, initials, other scripts.
    fn variants(name: &str) -> Vec<String> {
        let chars: Vec<char> = name.chars().collect();
        let mut out = vec![name.to_lowercase()];
        if chars.len() > 3 {
            let mut swapped = chars.clone();
            swapped.swap(1, 2);
            out.push(swapped.into_iter().collect());
            out.push(chars[1..].iter().collect());
            out.push(chars[..chars.len() / 2].iter().collect());
        }
        out.push(
            name.split_whitespace()
                .filter_map(|w| w.chars().next())
                .collect(),
        );
        out.push(format!("The {name} office"));
        out
    }

    /// Every actor whose names fit another's either way round is among the candidates the
    /// index gives for it: the narrowing never hides a match.
    #[test]
    fn the_index_never_hides_an_actor_that_fits() {
        let mut base = crate::generate::generate(120, 0, 1).unwrap();
        for a in crate::io::sample().actors.into_values() {
            let mut a = a;
            a.id = base.next_actor_id();
            base.insert_actor(a);
        }
        let base_names: Vec<(ActorId, Names)> =
            base.actors.values().map(|a| (a.id, Names::of(a))).collect();
        let mut others: Vec<Names> = Vec::new();
        for a in base.actors.values().take(200) {
            for (k, v) in variants(&a.name).into_iter().enumerate() {
                let mut actor = a.clone();
                actor.name = v;
                if k % 2 == 1 {
                    actor.short = None;
                }
                others.push(Names::of(&actor));
            }
        }
        let mut narrow = Narrow::new(&base_names);
        let mut checked = 0;
        for other in &others {
            let found = narrow.candidates(other);
            for (b, (_, here)) in base_names.iter().enumerate() {
                if alike(here, other).is_some() {
                    checked += 1;
                    assert!(
                        found.binary_search(&b).is_ok(),
                        "{:?} fits {:?} but is not a candidate",
                        other,
                        here
                    );
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }
}
