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
