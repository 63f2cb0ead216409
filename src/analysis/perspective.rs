//! Disagreement between perspectives (design.md §13), and the map as each group sees it.
//!
//! The **voices** of an item are its perspectives' values and, when the map's values are
//! set by hand, the map's own. For each score, the **spread** of the values the voices gave
//! is (highest − lowest) / (the scale's range): 0 when every voice gave the same value, 1
//! when one gave the lowest and another the highest. It is missing when fewer than two voices
//! gave a value. An item's **disagreement** is the mean spread over its scores with a spread;
//! the network's is the mean over the partnerships with one, with its coverage.

use serde::Serialize;

use crate::model::{
    Actor, ActorRating, ActorScore, MapValues, Partnership, PartnershipId, PartnershipRating,
    PartnershipScore, Project, Score,
};

/// The spread of `values` on `score`'s scale, 0–1; `None` for fewer than two values.
pub fn spread<S: Score>(score: S, values: impl IntoIterator<Item = i8>) -> Option<f64> {
    let mut count = 0usize;
    let (mut lo, mut hi) = (i8::MAX, i8::MIN);
    for v in values {
        count += 1;
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let (min, max) = score.span();
    (count >= 2).then(|| f64::from(hi - lo) / f64::from(max - min))
}

/// Whether the map's own values are a voice: they are when set by hand, not when they follow
/// the perspectives.
pub fn map_is_a_voice(project: &Project) -> bool {
    project.settings.map_values == MapValues::ByHand
}

/// The names of the voices, in the order [`partnership_voices`] gives their values: "Map"
/// first when the map's values are a voice, then each perspective.
pub fn voice_names(project: &Project) -> Vec<String> {
    let mut names = Vec::with_capacity(project.perspectives.len() + 1);
    if map_is_a_voice(project) {
        names.push("Map".to_string());
    }
    names.extend(project.perspectives.iter().map(|v| v.name.clone()));
    names
}

/// Each voice's values for `p`, in the order of [`voice_names`] (empty ratings for a
/// perspective that gave none).
pub fn partnership_voices(project: &Project, p: &Partnership) -> Vec<PartnershipRating> {
    let mut out = Vec::with_capacity(project.perspectives.len() + 1);
    if map_is_a_voice(project) {
        out.push(PartnershipRating::of(p));
    }
    for v in &project.perspectives {
        out.push(
            v.partnership(p.id)
                .cloned()
                .unwrap_or_else(|| PartnershipRating::empty(p.id)),
        );
    }
    out
}

/// Each voice's values for `a`, in the order of [`voice_names`].
pub fn actor_voices(project: &Project, a: &Actor) -> Vec<ActorRating> {
    let mut out = Vec::with_capacity(project.perspectives.len() + 1);
    if map_is_a_voice(project) {
        out.push(ActorRating::of(a));
    }
    for v in &project.perspectives {
        out.push(
            v.actor(a.id)
                .cloned()
                .unwrap_or_else(|| ActorRating::empty(a.id)),
        );
    }
    out
}

/// The spread of each score of `p` that at least two voices gave.
pub fn partnership_spreads(project: &Project, p: &Partnership) -> Vec<(PartnershipScore, f64)> {
    if project.perspectives.is_empty() {
        return Vec::new();
    }
    let voices = partnership_voices(project, p);
    PartnershipScore::ALL
        .iter()
        .filter_map(|&s| Some((s, spread(s, voices.iter().filter_map(|r| r.get(s)))?)))
        .collect()
}

/// The spread of each score of `a` that at least two voices gave.
pub fn actor_spreads(project: &Project, a: &Actor) -> Vec<(ActorScore, f64)> {
    if project.perspectives.is_empty() {
        return Vec::new();
    }
    let voices = actor_voices(project, a);
    ActorScore::ALL
        .iter()
        .filter_map(|&s| Some((s, spread(s, voices.iter().filter_map(|r| r.get(s)))?)))
        .collect()
}

fn mean_of<S>(spreads: &[(S, f64)]) -> Option<f64> {
    (!spreads.is_empty())
        .then(|| spreads.iter().map(|(_, v)| v).sum::<f64>() / spreads.len() as f64)
}

/// A partnership's disagreement: the mean spread over its scores that two or more voices
/// gave, 0–1; `None` when no score has two voices.
pub fn partnership_disagreement(project: &Project, p: &Partnership) -> Option<f64> {
    if project.perspectives.is_empty() {
        return None;
    }
    let ratings: Vec<Option<&PartnershipRating>> = project
        .perspectives
        .iter()
        .map(|v| v.partnership(p.id))
        .collect();
    disagreement_of(project, p, &ratings)
}

/// The disagreement of `p` from its perspectives' `ratings` (found once, not per score: this
/// runs for every partnership after every edit). The same as the mean of
/// [`partnership_spreads`], without building the lists.
fn disagreement_of(
    project: &Project,
    p: &Partnership,
    ratings: &[Option<&PartnershipRating>],
) -> Option<f64> {
    let own_values = map_is_a_voice(project).then(|| PartnershipRating::of(p));
    let mut sum = 0.0;
    let mut rated = 0usize;
    for &s in PartnershipScore::ALL {
        let own = own_values.as_ref().and_then(|r| r.get(s));
        let values = own
            .into_iter()
            .chain(ratings.iter().filter_map(|r| r.and_then(|r| r.get(s))));
        if let Some(d) = spread(s, values) {
            sum += d;
            rated += 1;
        }
    }
    (rated > 0).then(|| sum / rated as f64)
}

/// Every partnership's disagreement, in id order: the perspectives' sorted values are walked
/// alongside the partnerships rather than searched for each.
pub fn partnership_disagreements(project: &Project) -> Vec<(PartnershipId, Option<f64>)> {
    if project.perspectives.is_empty() {
        return project.partnerships.keys().map(|id| (*id, None)).collect();
    }
    let mut at = vec![0usize; project.perspectives.len()];
    let mut ratings: Vec<Option<&PartnershipRating>> = Vec::with_capacity(at.len());
    project
        .partnerships
        .values()
        .map(|p| {
            ratings.clear();
            for (v, i) in project.perspectives.iter().zip(at.iter_mut()) {
                let list = &v.partnerships;
                while *i < list.len() && list[*i].id < p.id {
                    *i += 1;
                }
                ratings.push(list.get(*i).filter(|r| r.id == p.id));
            }
            (p.id, disagreement_of(project, p, &ratings))
        })
        .collect()
}

/// An actor's disagreement, as [`partnership_disagreement`].
pub fn actor_disagreement(project: &Project, a: &Actor) -> Option<f64> {
    mean_of(&actor_spreads(project, a))
}

/// The network's disagreement: the mean over the partnerships that have one, how many do,
/// and their share of all partnerships.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct NetworkDisagreement {
    /// Mean disagreement over the partnerships with one; `None` when none has.
    pub mean: Option<f64>,
    /// Partnerships with a disagreement (two or more voices on a score).
    pub known: usize,
    /// known / partnerships.
    pub coverage: Option<f64>,
}

/// The network's disagreement from each partnership's.
pub fn network_disagreement<'a>(
    values: impl IntoIterator<Item = &'a Option<f64>>,
) -> NetworkDisagreement {
    let (mut sum, mut known, mut total) = (0.0, 0usize, 0usize);
    for v in values {
        total += 1;
        if let Some(v) = v {
            sum += v;
            known += 1;
        }
    }
    NetworkDisagreement {
        mean: (known > 0).then(|| sum / known as f64),
        known,
        coverage: (total > 0).then(|| known as f64 / total as f64),
    }
}

/// The `n` partnerships the voices disagree on most, most contested first (ties by id).
pub fn most_contested(project: &Project, n: usize) -> Vec<(PartnershipId, f64)> {
    most_contested_of(partnership_disagreements(project), n)
}

/// The `n` most contested of partnerships' `disagreements` already computed, most first
/// (ties by id); those where every voice agrees are left out.
pub fn most_contested_of(
    disagreements: impl IntoIterator<Item = (PartnershipId, Option<f64>)>,
    n: usize,
) -> Vec<(PartnershipId, f64)> {
    let mut all: Vec<(PartnershipId, f64)> = disagreements
        .into_iter()
        .filter_map(|(id, d)| Some((id, d?)))
        .filter(|(_, d)| *d > 0.0)
        .collect();
    all.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    all.truncate(n);
    all
}

/// A partnership as lists of contested partnerships name it: "A – B", and its label in
/// brackets when it has one (two actors may have several partnerships).
pub fn partnership_name(project: &Project, id: PartnershipId) -> String {
    let Some(p) = project.partnerships.get(&id) else {
        return format!("partnership {id}");
    };
    let name = |a| {
        project
            .actor(a)
            .map_or_else(|| format!("actor {a}"), |a| a.name.clone())
    };
    match p.label.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        Some(label) => format!("{} – {} ({label})", name(p.a), name(p.b)),
        None => format!("{} – {}", name(p.a), name(p.b)),
    }
}

/// How many of the values a perspective sees the map with are its own: per score, how many
/// items it gave a value for, and how many items there are.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OwnValues {
    /// The score's field name and how many items of the map it gave that score for.
    pub partnerships: Vec<(&'static str, usize)>,
    /// The same for actors.
    pub actors: Vec<(&'static str, usize)>,
    /// Partnerships in the map.
    pub partnership_count: usize,
    /// Actors in the map.
    pub actor_count: usize,
}

/// Which values of the perspective at `index` are its own (the rest are the map's).
pub fn own_values(project: &Project, index: usize) -> Option<OwnValues> {
    let view = project.perspectives.get(index)?;
    let count_p = |s: PartnershipScore| {
        view.partnerships
            .iter()
            .filter(|r| r.get(s).is_some())
            .count()
    };
    let count_a = |s: ActorScore| view.actors.iter().filter(|r| r.get(s).is_some()).count();
    Some(OwnValues {
        partnerships: PartnershipScore::ALL
            .iter()
            .map(|&s| (s.field(), count_p(s)))
            .collect(),
        actors: ActorScore::ALL
            .iter()
            .map(|&s| (s.field(), count_a(s)))
            .collect(),
        partnership_count: project.partnerships.len(),
        actor_count: project.actors.len(),
    })
}

impl OwnValues {
    /// One line: "Citizens: own values for trust_ab (20 of 29 partnerships), …; the map's
    /// values elsewhere", leaving out scores it gave none of.
    pub fn describe(&self, name: &str) -> String {
        let mut parts: Vec<String> = self
            .partnerships
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(f, n)| format!("{f} ({n} of {} partnerships)", self.partnership_count))
            .collect();
        parts.extend(
            self.actors
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(f, n)| format!("{f} ({n} of {} actors)", self.actor_count)),
        );
        if parts.is_empty() {
            format!("{name} gave no values; these are the map's own")
        } else {
            format!(
                "{name}: own values for {}; the map's values elsewhere",
                parts.join(", ")
            )
        }
    }
}

/// The network indicators of the map as each perspective sees it (betweenness aside), in the
/// perspectives' order.
///
/// The groups are shared between two threads (the laptops these run on have two cores).
pub fn indicators_by_perspective(project: &Project) -> Vec<(String, super::NetworkIndicators)> {
    let n = project.perspectives.len();
    if n < 2 {
        return indicators_of(project, 0..n);
    }
    let half = n.div_ceil(2);
    std::thread::scope(|s| {
        let later = s.spawn(|| indicators_of(project, half..n));
        let mut all = indicators_of(project, 0..half);
        // A panic on the other thread is a bug; its groups are then left out, never made up.
        all.extend(later.join().unwrap_or_default());
        all
    })
}

/// [`indicators_by_perspective`] for the perspectives at `range`, on this thread.
pub fn indicators_of(
    project: &Project,
    range: std::ops::Range<usize>,
) -> Vec<(String, super::NetworkIndicators)> {
    // One copy of the map, each group's values put in and taken out again in turn: copying
    // the whole map per group cost as much as computing its indicators.
    let mut out = Vec::with_capacity(range.len());
    let Some(mut seen) = project.as_seen_by(range.start) else {
        return out;
    };
    for i in range {
        let view = &project.perspectives[i];
        if !out.is_empty() {
            seen.overlay(view);
        }
        out.push((view.name.clone(), super::compute(&seen, None).network));
        seen.restore(project, view);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_project;
    use crate::model::{ActorId, Perspective};

    /// One partnership rated by the map (trust_ab 4, form Coalition) and two groups.
    fn rated() -> Project {
        let mut p = test_project(2, &[(1, 2)]);
        let id = PartnershipId(1);
        let e = p.partnerships.get_mut(&id).unwrap();
        e.trust_ab = Some(4);
        e.form = Some(crate::model::Form::Coalition);
        let mut gov = Perspective::named("Government");
        gov.set_partnership_value(id, PartnershipScore::TrustAb, Some(5));
        gov.set_partnership_value(id, PartnershipScore::Power, Some(-2));
        let mut cit = Perspective::named("Citizens");
        cit.set_partnership_value(id, PartnershipScore::TrustAb, Some(1));
        cit.set_partnership_value(id, PartnershipScore::Form, Some(1));
        cit.set_actor_value(ActorId(1), ActorScore::Influence, Some(5));
        p.perspectives = vec![gov, cit];
        p
    }

    #[test]
    fn spread_is_the_range_on_the_scale_and_needs_two_voices() {
        assert_eq!(spread(PartnershipScore::TrustAb, [3]), None);
        assert_eq!(spread(PartnershipScore::TrustAb, [1, 5]), Some(1.0));
        assert_eq!(spread(PartnershipScore::TrustAb, [2, 3, 4]), Some(0.5));
        assert_eq!(spread(PartnershipScore::Form, [0, 1]), Some(1.0 / 3.0));
        assert_eq!(spread(PartnershipScore::Power, [-2, 2]), Some(1.0));
        assert_eq!(spread(ActorScore::Stance, [0, 0]), Some(0.0));
    }

    #[test]
    fn a_partnerships_disagreement_is_the_mean_over_scores_with_two_voices() {
        let mut p = rated();
        let e = p.partnerships[&PartnershipId(1)].clone();
        // By hand, the map is a voice: trust_ab 4, 5, 1 → 4/4 = 1; form Coalition and
        // Coalition → 0; power has one voice. Mean (1 + 0) / 2.
        assert_eq!(partnership_disagreement(&p, &e), Some(0.5));
        assert_eq!(
            partnership_spreads(&p, &e),
            [
                (PartnershipScore::Form, 0.0),
                (PartnershipScore::TrustAb, 1.0)
            ]
        );
        assert_eq!(voice_names(&p), ["Map", "Government", "Citizens"]);
        // Following the perspectives, the map is no voice: only trust_ab has two (5, 1).
        p.settings.map_values = MapValues::FollowPerspectives;
        assert_eq!(partnership_disagreement(&p, &e), Some(1.0));
        assert_eq!(voice_names(&p), ["Government", "Citizens"]);
        // The actor: influence 5 from Citizens only (the test map sets none).
        let a = p.actors[&ActorId(1)].clone();
        assert_eq!(actor_disagreement(&p, &a), None);
        p.perspectives.clear();
        assert_eq!(partnership_disagreement(&p, &e), None);
    }

    #[test]
    fn every_partnerships_disagreement_at_once_is_each_ones() {
        let mut p = crate::generate::generate(60, 150, 4).unwrap();
        crate::generate::add_perspectives(&mut p, 3, 8);
        let all = partnership_disagreements(&p);
        assert_eq!(all.len(), 150);
        assert!(all.iter().filter(|(_, d)| d.is_some()).count() > 100);
        for (id, d) in all {
            assert_eq!(d, partnership_disagreement(&p, &p.partnerships[&id]));
        }
    }

    #[test]
    fn the_network_mean_counts_only_partnerships_with_a_disagreement() {
        let n = network_disagreement(&[Some(0.5), None, Some(0.25), None]);
        assert_eq!(n.mean, Some(0.375));
        assert_eq!((n.known, n.coverage), (2, Some(0.5)));
        assert_eq!(network_disagreement(&[None]).mean, None);
        assert_eq!(network_disagreement(&[]).coverage, None);
    }

    #[test]
    fn each_perspective_sees_its_values_and_says_which_are_its_own() {
        let p = rated();
        let by = indicators_by_perspective(&p);
        assert_eq!(by.len(), 2);
        // Government: trust_ab 5, trust_ba unknown → t = (5 − 1) / 4 = 1.
        assert_eq!(by[0].1.mean_trust, Some(1.0));
        // Citizens: trust_ab 1 → 0.
        assert_eq!(by[1].1.mean_trust, Some(0.0));
        let own = own_values(&p, 1).unwrap();
        assert_eq!(
            own.describe("Citizens"),
            "Citizens: own values for form (1 of 1 partnerships), trust_ab (1 of 1 \
             partnerships), influence (1 of 2 actors); the map's values elsewhere"
        );
        assert_eq!(most_contested(&p, 5), [(PartnershipId(1), 0.5)]);
    }
}
