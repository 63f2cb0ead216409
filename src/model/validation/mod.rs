//! Validation: every problem of a map, not just the first.

//!
//! [`Problem`] (`problem.rs`) says what is wrong and where; the checks of each part of a map
//! are in `checker.rs`.

mod checker;
mod problem;

use super::{Actor, Meta, Partnership, Settings};
use checker::Checker;
pub use problem::{Location, Problem, ProblemKind, Subject};

/// The longest name an actor may have, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest any other text may be, in characters (design.md §11).
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The most actors, and the most partnerships, a map may hold (design.md §11).
pub const MAX_ITEMS: usize = 1_000_000;
/// The farthest from the origin a position may lie, on either axis: beyond it a canvas or
/// an export can no longer draw the map (design.md §11).
pub const MAX_COORD: f64 = 1e9;
/// The most characters the entries of one list may hold together (one text box shows them).
pub const MAX_LIST_CHARS: usize = 100_000;

/// The problems of a file's `next_ids` (ids handed out from there must stay below
/// [`MAX_ID`](super::MAX_ID) + 1).
pub fn check_next_ids(next: &super::NextIds) -> Vec<Problem> {
    [
        ("next_ids.actor", next.actor),
        ("next_ids.partnership", next.partnership),
    ]
    .into_iter()
    .filter(|&(_, v)| v > super::MAX_ID + 1)
    .map(|(field, v)| Problem::new(Subject::Map, Some(field), ProblemKind::IdTooLarge(v)))
    .collect()
}

/// The problems of a map's snapshots: each is checked as a map is (its problems carry the
/// snapshot), its name must be given and unique, and its date a real date.
pub fn check_snapshots(snapshots: &[super::Snapshot], settings: &Settings) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut names: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let meta = Meta::default();
    for (index, snapshot) in snapshots.iter().enumerate() {
        let s = Subject::Snapshot {
            index,
            name: snapshot.name.clone(),
        };
        let name = snapshot.name.trim();
        if name.is_empty() {
            problems.push(Problem::new(
                s.clone(),
                Some("name"),
                ProblemKind::EmptyName,
            ));
        } else if names.insert(name.to_lowercase(), index).is_some() {
            problems.push(Problem::new(
                s.clone(),
                Some("name"),
                ProblemKind::DuplicateName,
            ));
        }
        let mut checker = Checker::default();
        checker.text(&s, "name", &snapshot.name, MAX_NAME_CHARS);
        checker.text(&s, "note", &snapshot.note, MAX_TEXT_CHARS);
        problems.append(&mut checker.problems);
        if let Some(date) = &snapshot.date
            && let Err(reason) = date.parse()
        {
            problems.push(Problem::new(
                s.clone(),
                Some("date"),
                ProblemKind::BadDate {
                    text: date.0.clone(),
                    reason,
                },
            ));
        }
        for mut p in validate(&snapshot.actors, &snapshot.partnerships, settings, &meta) {
            p.subject = Subject::InSnapshot {
                snapshot: index,
                name: snapshot.name.clone(),
                inner: Box::new(p.subject),
            };
            problems.push(p);
        }
    }
    problems
}

/// The problems of a map's perspectives: each needs a name of its own, may only give values
/// for the map's actors and partnerships (once each), and every value must lie on its scale.
pub fn check_perspectives<'a>(
    perspectives: &[super::Perspective],
    actors: impl IntoIterator<Item = &'a Actor>,
    partnerships: impl IntoIterator<Item = &'a Partnership>,
) -> Vec<Problem> {
    use super::{ActorScore, PartnershipScore, Score};
    use std::collections::HashSet;
    if perspectives.is_empty() {
        return Vec::new();
    }
    let actor_ids: HashSet<super::ActorId> = actors.into_iter().map(|a| a.id).collect();
    let partnership_ids: HashSet<super::PartnershipId> =
        partnerships.into_iter().map(|p| p.id).collect();
    let mut checker = Checker::default();
    let mut names: std::collections::HashSet<String> = std::collections::HashSet::new();
    let range = |field: &'static str, lo: i8, hi: i8| super::scales::Scale {
        what: field,
        min: lo.into(),
        max: hi.into(),
        steps: &[],
        meaning: "",
    };
    for (index, view) in perspectives.iter().enumerate() {
        let s = Subject::Perspective {
            index,
            name: view.name.clone(),
        };
        let name = view.name.trim();
        if name.is_empty() {
            checker.push(&s, Some("name"), ProblemKind::EmptyName);
        } else if !names.insert(name.to_lowercase()) {
            checker.push(&s, Some("name"), ProblemKind::DuplicateName);
        }
        checker.text(&s, "name", &view.name, MAX_NAME_CHARS);
        checker.text(&s, "note", &view.note, MAX_TEXT_CHARS);
        let inner = |inner: Subject| Subject::InPerspective {
            perspective: index,
            name: view.name.clone(),
            inner: Box::new(inner),
        };
        let mut seen = HashSet::new();
        for (i, r) in view.actors.iter().enumerate() {
            let s = inner(Subject::Actor { index: i, id: r.id });
            if !actor_ids.contains(&r.id) {
                checker.push(&s, Some("id"), ProblemKind::DanglingReference(r.id));
            }
            if !seen.insert(r.id) {
                checker.push(&s, Some("id"), ProblemKind::DuplicateId);
            }
            for &score in ActorScore::ALL {
                let (lo, hi) = score.span();
                let v = match score {
                    ActorScore::Influence => r.influence.map(i64::from),
                    ActorScore::Interest => r.interest.map(i64::from),
                    ActorScore::Capacity => r.capacity.map(i64::from),
                    ActorScore::Stance => None,
                };
                checker.score(&s, score.field(), v, &range(score.field(), lo, hi));
            }
        }
        let mut seen = HashSet::new();
        for (i, r) in view.partnerships.iter().enumerate() {
            let s = inner(Subject::Partnership { index: i, id: r.id });
            if !partnership_ids.contains(&r.id) {
                checker.push(&s, Some("id"), ProblemKind::UnknownPartnership(r.id));
            }
            if !seen.insert(r.id) {
                checker.push(&s, Some("id"), ProblemKind::DuplicateId);
            }
            for &score in PartnershipScore::ALL {
                let (lo, hi) = score.span();
                // Form and formality are names; the rest are numbers, read as written.
                let v = match score {
                    PartnershipScore::Form | PartnershipScore::Formality => None,
                    PartnershipScore::Power => r.power.map(i64::from),
                    _ => raw(r, score),
                };
                checker.score(&s, score.field(), v, &range(score.field(), lo, hi));
            }
        }
    }
    checker.problems
}

/// A partnership rating's numeric value of `score` as written (out-of-range values kept).
fn raw(r: &super::PartnershipRating, score: super::PartnershipScore) -> Option<i64> {
    use super::PartnershipScore as S;
    let v = match score {
        S::TrustAb => r.trust_ab,
        S::TrustBa => r.trust_ba,
        S::ContributionA => r.contribution_a,
        S::ContributionB => r.contribution_b,
        S::IdentityA => r.identity_a,
        S::IdentityB => r.identity_b,
        S::Form | S::Formality | S::Power => None,
    };
    v.map(i64::from)
}

/// Checks actors and partnerships (in file order), settings and meta, and returns every problem.
pub fn validate<'a>(
    actors: impl IntoIterator<Item = &'a Actor>,
    partnerships: impl IntoIterator<Item = &'a Partnership>,
    settings: &Settings,
    meta: &Meta,
) -> Vec<Problem> {
    let mut checker = Checker::default();
    let actor_ids = checker.actors(actors);
    checker.partnerships(partnerships, &actor_ids);
    checker.settings(settings);
    checker.meta(meta);
    checker.problems
}
