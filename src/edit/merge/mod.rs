//! Merging another map as a perspective (design.md §13): a breakout group's copy of the map
//! comes back with the group's own scores, and perhaps actors and partnerships the room did
//! not have. Its actors are matched to the map's by id where both maps began as one (the
//! same [`Meta::origin`](crate::model::Meta::origin)), else by name with quick entry's
//! forgiving matching ([`super::matching`]); its partnerships by their matched ends. Its
//! scores of the matched items become a new perspective; what only it has is offered for
//! adding. Matches that may be wrong are listed for the user to confirm or reject.
//!
//! Pure and egui-free: the command line and the window's dialog share it. [`plan`] matches
//! the actors once; [`MergePlan::resolve`] works out the partnerships and the change for the
//! user's [`Choices`], cheaply enough to run again whenever a choice changes;
//! [`MergePlan::command`] gives the change as one command, one undo step.

mod actors;
mod resolve;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use super::Command;
use crate::io::LoadError;
use crate::model::{
    ActorId, MAX_ITEMS, MAX_NAME_CHARS, Partnership, PartnershipId, Problem, Project,
};

pub use resolve::Resolved;

/// Why a merge cannot be done. Nothing is merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// The other file could not be read as a map.
    #[error("{}: {source}", .path.display())]
    NotAMap {
        /// The file.
        path: PathBuf,
        /// Why it could not be read.
        source: LoadError,
    },
    /// The perspective's name is empty.
    #[error("the perspective needs a name: the group whose map this is (for example \"Citizens\")")]
    EmptyName,
    /// The perspective's name is longer than a name may be.
    #[error("the perspective's name has {0} characters; a name has at most {MAX_NAME_CHARS}")]
    NameTooLong(usize),
    /// The map already has a perspective of that name (compared without case).
    #[error("the map already has a perspective named \"{0}\": choose another name")]
    NameUsed(String),
    /// The merged map would hold more items than a map may.
    #[error(
        "the merged map would have {count} {what}, more than the {MAX_ITEMS} a map holds: add fewer"
    )]
    TooMany {
        /// "actors" or "partnerships".
        what: &'static str,
        /// How many it would have.
        count: usize,
    },
    /// The merged map would have problems; each names its place.
    #[error("the merged map would have problems: {}", problem_list(.0))]
    Invalid(Vec<Problem>),
    /// The map changed since the other map was matched with it (an actor it matched is gone).
    #[error("the map changed since the other map was matched with it ({0}): merge it again")]
    Changed(String),
}

impl From<super::EditError> for MergeError {
    fn from(e: super::EditError) -> Self {
        match e {
            super::EditError::Invalid(problems) => Self::Invalid(problems),
            other => Self::Changed(other.to_string()),
        }
    }
}

fn problem_list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// How a sure match was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// The same id, in maps that began as one.
    Id,
    /// The same name (ignoring case, accents and punctuation).
    Name,
    /// The only partnership between the same two actors.
    Ends,
    /// One of several partnerships between the same two actors, with the same label.
    Label,
    /// One of several partnerships between the same two actors, with the same functions.
    Functions,
}

/// Why a match may be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doubt {
    /// The names are alike but not the same: a typo, a short name, part of the name.
    Name,
    /// The maps began as one and the actor has the same id, but another name.
    Id,
    /// Several actors have this name.
    Namesake,
    /// One of several partnerships between the same two actors, told apart neither by its
    /// label nor by its functions.
    Parallel,
}

impl Doubt {
    /// The word for it in lists ("name").
    pub fn word(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Id => "same id, another name",
            Self::Namesake => "several have this name",
            Self::Parallel => "parallel partnership",
        }
    }

    /// Why it is in doubt, in a sentence's words ("the names are alike, not the same").
    pub fn explain(self) -> &'static str {
        match self {
            Self::Name => "the names are alike, not the same",
            Self::Id => "the same id in maps that began as one, but another name",
            Self::Namesake => "several actors have this name",
            Self::Parallel => {
                "one of several partnerships between the same actors, with another label and other functions"
            }
        }
    }
}

/// What an item of the other map is in this one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match<Id> {
    /// This item, for sure.
    Sure(Id, How),
    /// Perhaps this item: the user confirms or rejects.
    Doubtful(Id, Doubt),
    /// No item: only the other map has it.
    New,
}

impl<Id: Copy> Match<Id> {
    /// The item of this map it is (or may be).
    pub fn base(&self) -> Option<Id> {
        match self {
            Self::Sure(id, _) | Self::Doubtful(id, _) => Some(*id),
            Self::New => None,
        }
    }

    /// Why it may be wrong, if it may.
    pub fn doubt(&self) -> Option<Doubt> {
        match self {
            Self::Doubtful(_, why) => Some(*why),
            _ => None,
        }
    }
}

/// An actor of the other map and what it is in this one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorMatch {
    /// Its id in the other map.
    pub other: ActorId,
    /// What it is here.
    pub found: Match<ActorId>,
}

/// A partnership of the other map and what it is in this one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartnershipMatch {
    /// Its id in the other map.
    pub other: PartnershipId,
    /// What it is here.
    pub found: Match<PartnershipId>,
    /// The partnership here runs the other way (its `a` is the other's `b`): the scores of
    /// each side are swapped, and power changes sign.
    pub swapped: bool,
    /// For a new partnership that cannot be added: the actor of the other map at one of its
    /// ends that is neither matched nor added.
    pub blocked_by: Option<ActorId>,
}

/// What the user decided, item by item, by the other map's ids. The default takes every
/// match and adds every new item.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    /// Doubtful actor matches rejected: the actor counts as new.
    pub rejected_actors: BTreeSet<ActorId>,
    /// Doubtful partnership matches rejected: the partnership counts as new.
    pub rejected_partnerships: BTreeSet<PartnershipId>,
    /// New actors not to add.
    pub skipped_actors: BTreeSet<ActorId>,
    /// New partnerships not to add.
    pub skipped_partnerships: BTreeSet<PartnershipId>,
    /// Add no new item at all: only the matched items' values are merged.
    pub no_new: bool,
}

/// What a merge did, for the status bar and the command line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Actors of the other map matched to actors of this one.
    pub actors_matched: usize,
    /// Partnerships matched.
    pub partnerships_matched: usize,
    /// Values the new perspective records.
    pub values: usize,
    /// New actors added.
    pub actors_added: usize,
    /// New partnerships added.
    pub partnerships_added: usize,
    /// New actors left out.
    pub actors_left: usize,
    /// New partnerships left out (by choice, or because an actor at one end is not there).
    pub partnerships_left: usize,
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "matched {}, {}; {} recorded",
            count(self.actors_matched, "actor", "actors"),
            count(self.partnerships_matched, "partnership", "partnerships"),
            count(self.values, "value", "values"),
        )?;
        let (added_a, added_p) = (self.actors_added, self.partnerships_added);
        if added_a + added_p > 0 {
            write!(
                f,
                "; added {} and {}",
                count(added_a, "actor", "actors"),
                count(added_p, "partnership", "partnerships")
            )?;
        }
        let (left_a, left_p) = (self.actors_left, self.partnerships_left);
        if left_a + left_p > 0 {
            write!(
                f,
                "; left out {} and {} that only the other map has",
                count(left_a, "new actor", "new actors"),
                count(left_p, "new partnership", "new partnerships")
            )?;
        }
        Ok(())
    }
}

/// The other map matched against this one, for a perspective to be called `name`.
#[derive(Clone, Debug)]
pub struct MergePlan {
    /// The new perspective's name (the dialog lets the user change it).
    pub name: String,
    /// Whether both maps began as one (the same origin): actors were matched by id first.
    pub shared_origin: bool,
    /// Every actor of the other map, in its id order, with what it is here.
    pub actors: Vec<ActorMatch>,
    /// The other map's actors and partnerships (without its snapshots and perspectives).
    pub other: Project,
    /// What the merge leaves aside, in sentences (the other map's own perspectives, say).
    pub notes: Vec<String>,
}

/// Reads the other map for a merge; a file that is not a map, or a map with problems, says
/// why with the file's name.
pub fn load_other(path: &Path) -> Result<Project, MergeError> {
    crate::io::load_path(path).map_err(|source| MergeError::NotAMap {
        path: path.to_owned(),
        source,
    })
}

/// Matches `other`'s actors with `base`'s for a perspective named `name`; refuses an empty
/// name, one the map already has, or one too long.
pub fn plan(base: &Project, other: &Project, name: &str) -> Result<MergePlan, MergeError> {
    let name = check_name(base, name)?;
    Ok(MergePlan::new(base, other, &name))
}

/// `name` as the new perspective's name (without spaces around it or characters a map may
/// not hold), or why it cannot be: empty, too long, or one the map has (without case).
pub fn check_name(base: &Project, name: &str) -> Result<String, MergeError> {
    let name = crate::model::text::clean(name.trim()).trim().to_string();
    if name.is_empty() {
        return Err(MergeError::EmptyName);
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(MergeError::NameTooLong(chars));
    }
    let folded = name.to_lowercase();
    if let Some(used) = base
        .perspectives
        .iter()
        .find(|p| p.name.trim().to_lowercase() == folded)
    {
        return Err(MergeError::NameUsed(used.name.clone()));
    }
    Ok(name)
}

/// A name for the perspective of `other` (read from `path`): its title, else the file's
/// name without `.ron`, else "Merged map", made unique in `base` with a number.
pub fn suggest_name(base: &Project, other: &Project, path: Option<&Path>) -> String {
    let stem = path
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .map(|n| {
            let lower = n.to_lowercase();
            let cut = [".ron.bak", ".ron"]
                .iter()
                .find(|ext| lower.ends_with(*ext))
                .map_or(n.len(), |ext| n.len() - ext.len());
            n[..cut].to_string()
        });
    let title = other.meta.title.trim();
    let first = [Some(title.to_string()), stem]
        .into_iter()
        .flatten()
        .map(|s| crate::model::text::clean(&s).trim().to_string())
        .map(|s| s.chars().take(MAX_NAME_CHARS - 4).collect::<String>())
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "Merged map".to_string());
    std::iter::once(first.clone())
        .chain((2..).map(|n| format!("{first} {n}")))
        .find(|n| check_name(base, n).is_ok())
        .unwrap_or(first)
}

impl MergePlan {
    /// Matches `other`'s actors with `base`'s (the name is taken as given; see [`plan`]).
    pub fn new(base: &Project, other: &Project, name: &str) -> Self {
        let shared_origin = base.meta.shares_origin(&other.meta);
        let actors = actors::match_actors(base, other, shared_origin);
        let mut notes = Vec::new();
        if !other.perspectives.is_empty() {
            let names: Vec<String> = other
                .perspectives
                .iter()
                .map(|p| format!("\"{}\"", p.name))
                .collect();
            notes.push(format!(
                "the other map's own perspectives ({}) are not merged: only its own values are",
                names.join(", ")
            ));
        }
        if !other.snapshots.is_empty() {
            notes.push(match other.snapshots.len() {
                1 => "the other map's snapshot is not merged".to_string(),
                n => format!("the other map's {n} snapshots are not merged"),
            });
        }
        Self {
            name: name.to_string(),
            shared_origin,
            actors,
            other: Project {
                meta: other.meta.clone(),
                settings: other.settings,
                actors: other.actors.clone(),
                partnerships: other.partnerships.clone(),
                next_ids: other.next_ids,
                snapshots: Vec::new(),
                perspectives: Vec::new(),
            },
            notes,
        }
    }

    /// The actor matches in doubt, for the user to confirm or reject.
    pub fn doubtful_actors(&self) -> impl Iterator<Item = &ActorMatch> {
        self.actors.iter().filter(|m| m.found.doubt().is_some())
    }

    /// The actors only the other map has, and those whose doubtful match `choices` reject:
    /// the actors that may be added.
    pub fn new_actors<'a>(&'a self, choices: &'a Choices) -> impl Iterator<Item = ActorId> + 'a {
        self.actors
            .iter()
            .filter(|m| match m.found {
                Match::New => true,
                Match::Doubtful(..) => choices.rejected_actors.contains(&m.other),
                Match::Sure(..) => false,
            })
            .map(|m| m.other)
    }

    /// The merge for `choices` as one command (one undo step), checked: the perspective's
    /// name again (the map may have changed), and the number of items.
    pub fn command(&self, base: &Project, choices: &Choices) -> Result<Command, MergeError> {
        let name = check_name(base, &self.name)?;
        let resolved = self.resolve_named(base, choices, &name);
        for (what, count) in [
            ("actors", base.actors.len() + resolved.summary.actors_added),
            (
                "partnerships",
                base.partnerships.len() + resolved.summary.partnerships_added,
            ),
        ] {
            if count > MAX_ITEMS {
                return Err(MergeError::TooMany { what, count });
            }
        }
        Ok(resolved.command)
    }

    /// Merges into `base` for `choices`: one command applied, or nothing changed and why.
    pub fn apply(&self, base: &mut Project, choices: &Choices) -> Result<Summary, MergeError> {
        let command = self.command(base, choices)?;
        let summary = self.resolve(base, choices).summary;
        command.apply(base).map_err(MergeError::from)?;
        Ok(summary)
    }

    /// What the other map calls actor `id`.
    pub fn other_actor_name(&self, id: ActorId) -> &str {
        self.other.actors.get(&id).map_or("?", |a| a.name.as_str())
    }

    /// A doubtful actor match in words: the other map's name, the name here, and why.
    pub fn actor_doubt(&self, base: &Project, m: &ActorMatch) -> (String, String, &'static str) {
        let here = m
            .found
            .base()
            .and_then(|id| base.actors.get(&id))
            .map_or("?", |a| a.name.as_str());
        let why = m.found.doubt().map_or("", Doubt::word);
        (
            self.other_actor_name(m.other).to_string(),
            here.to_string(),
            why,
        )
    }

    /// A doubtful partnership match in words, as [`MergePlan::actor_doubt`].
    pub fn partnership_doubt(
        &self,
        base: &Project,
        m: &PartnershipMatch,
    ) -> (String, String, &'static str) {
        let there = self
            .other
            .partnerships
            .get(&m.other)
            .map_or_else(|| "?".to_string(), |p| partnership_text(&self.other, p));
        let here = m
            .found
            .base()
            .and_then(|id| base.partnerships.get(&id))
            .map_or_else(|| "?".to_string(), |p| partnership_text(base, p));
        let why = m.found.doubt().map_or("", Doubt::word);
        (there, here, why)
    }

    /// A line for a doubtful actor match: `other: 'X' ~ base: 'Y' (name)`.
    pub fn actor_doubt_line(&self, base: &Project, m: &ActorMatch) -> String {
        let (there, here, why) = self.actor_doubt(base, m);
        format!("other: '{there}' ~ base: '{here}' ({why})")
    }

    /// A line for a doubtful partnership match, as [`MergePlan::actor_doubt_line`].
    pub fn partnership_doubt_line(&self, base: &Project, m: &PartnershipMatch) -> String {
        let (there, here, why) = self.partnership_doubt(base, m);
        format!("other: '{there}' ~ base: '{here}' ({why})")
    }
}

/// A partnership as lists show it: "A – B", with its label in brackets.
pub fn partnership_text(project: &Project, p: &Partnership) -> String {
    let name = |id: ActorId| project.actors.get(&id).map_or("?", |a| a.name.as_str());
    let mut text = format!("{} – {}", name(p.a), name(p.b));
    if let Some(label) = p.label.as_deref().filter(|l| !l.trim().is_empty()) {
        text.push_str(&format!(" ({label})"));
    }
    text
}
