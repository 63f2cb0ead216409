//! A problem of a map: what it is about, which field, what is wrong and where in the file.

use super::MAX_ITEMS;
use crate::model::{ActorId, PartnershipId};

/// A line and column in a file, both counted from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// What a problem is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The actor at `index` in the file's actor list.
    Actor {
        /// Position in the list, from 0.
        index: usize,
        /// Its id as written.
        id: ActorId,
    },
    /// The partnership at `index` in the file's partnership list.
    Partnership {
        /// Position in the list, from 0.
        index: usize,
        /// Its id as written.
        id: PartnershipId,
    },
    /// The project settings.
    Settings,
    /// The title, description and other descriptive fields.
    Meta,
    /// The map as a whole or the file itself.
    Map,
    /// The snapshot at `index` in the file's list of snapshots, itself.
    Snapshot {
        /// Position in the list, from 0.
        index: usize,
        /// Its name as written.
        name: String,
    },
    /// The perspective at `index` in the file's list of perspectives, itself.
    Perspective {
        /// Position in the list, from 0.
        index: usize,
        /// Its name as written.
        name: String,
    },
    /// One of the values of the perspective at `perspective`: its entry for an actor or a
    /// partnership (`inner`, whose index is the entry's place in the perspective's list).
    InPerspective {
        /// The perspective's position in the list, from 0.
        perspective: usize,
        /// Its name as written.
        name: String,
        /// Which entry.
        inner: Box<Subject>,
    },
    /// Something inside the snapshot at `snapshot`: one of its actors or partnerships.
    InSnapshot {
        /// The snapshot's position in the list, from 0.
        snapshot: usize,
        /// Its name as written.
        name: String,
        /// What inside it.
        inner: Box<Subject>,
    },
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Actor { id, .. } => write!(f, "actor {id}"),
            Self::Partnership { id, .. } => write!(f, "partnership {id}"),
            Self::Settings => f.write_str("settings"),
            Self::Meta => f.write_str("meta"),
            Self::Map => f.write_str("map"),
            Self::Snapshot { name, .. } => write!(f, "snapshot \"{}\"", name.escape_debug()),
            Self::Perspective { name, .. } => write!(f, "perspective \"{}\"", name.escape_debug()),
            Self::InPerspective { name, inner, .. } => {
                write!(f, "perspective \"{}\", {inner}", name.escape_debug())
            }
            Self::InSnapshot { name, inner, .. } => {
                write!(f, "snapshot \"{}\", {inner}", name.escape_debug())
            }
        }
    }
}

/// The kind of a problem, with the values that explain it.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The file is not valid RON or does not fit the format.
    Syntax(String),
    /// An actor (or a snapshot) has an empty (or blank) name.
    EmptyName,
    /// Two snapshots share a name.
    DuplicateName,
    /// A text is longer than allowed.
    TooLong {
        /// Its length in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// Two actors, or two partnerships, share an id.
    DuplicateId,
    /// An id (or the next id to hand out) is above [`MAX_ID`](crate::model::MAX_ID).
    IdTooLarge(u64),
    /// A partnership names an actor that does not exist.
    DanglingReference(ActorId),
    /// A perspective gives values for a partnership that does not exist.
    UnknownPartnership(PartnershipId),
    /// A partnership joins an actor to itself.
    SelfPartnership,
    /// A score lies outside its scale.
    OutOfRange {
        /// The value found.
        value: i64,
        /// The lowest allowed.
        min: i64,
        /// The highest allowed.
        max: i64,
    },
    /// A number is infinite or not a number, or a cut lies outside 0–1.
    BadNumber(String),
    /// A date is not a real `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date.
    BadDate {
        /// The text found.
        text: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A partnership ends before it starts.
    EndBeforeStart,
    /// More actors or partnerships than the program handles.
    TooMany(usize),
    /// A list holds more entries than allowed.
    TooManyEntries {
        /// How many it holds.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// The entries of a list are longer together than allowed.
    ListTooLong {
        /// Their length together, in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// A text holds a character no text of a map may hold ([`crate::model::text`]).
    Forbidden {
        /// Its place in the text, in characters from 1.
        at: usize,
        /// The character.
        c: char,
    },
    /// A position lies beyond what a canvas can draw.
    OutOfReach(f64),
}

/// One problem of a map: what it is about, which field, what is wrong and where.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The actor, partnership or section concerned.
    pub subject: Subject,
    /// The field concerned, as named in files.
    pub field: Option<String>,
    /// What is wrong.
    pub kind: ProblemKind,
    /// Where in the file, when the problem came from a file.
    pub location: Option<Location>,
}

impl Problem {
    /// A problem of `subject`'s `field`, found in a map rather than read at a place in a
    /// file.
    pub(super) fn new(subject: Subject, field: Option<&str>, kind: ProblemKind) -> Self {
        Self {
            subject,
            field: field.map(str::to_owned),
            kind,
            location: None,
        }
    }

    /// A syntax or format problem at a place in the file.
    pub fn syntax(message: impl Into<String>, location: Option<Location>) -> Self {
        Self {
            subject: Subject::Map,
            field: None,
            kind: ProblemKind::Syntax(message.into()),
            location,
        }
    }

    /// What is wrong, in one sentence, without the location.
    pub fn message(&self) -> String {
        let field = self.field.as_deref().unwrap_or("value");
        match &self.kind {
            ProblemKind::Syntax(m) => m.clone(),
            ProblemKind::EmptyName => format!("{}: the name is empty", self.subject),
            ProblemKind::DuplicateName => format!(
                "{}: another {} has the same name; each needs a name of its own",
                self.subject,
                match self.subject {
                    Subject::Perspective { .. } => "perspective",
                    _ => "snapshot",
                }
            ),
            ProblemKind::TooLong { chars, max } => format!(
                "{}: `{field}` is {chars} characters long; at most {max} are allowed",
                self.subject
            ),
            ProblemKind::DuplicateId => {
                format!("{}: the id is used more than once", self.subject)
            }
            ProblemKind::IdTooLarge(id) => format!(
                "{}: `{field}` {id} is too large; ids go up to {}",
                self.subject,
                crate::model::MAX_ID
            ),
            ProblemKind::DanglingReference(actor) => format!(
                "{}: `{field}` refers to actor {actor}, which does not exist",
                self.subject
            ),
            ProblemKind::UnknownPartnership(id) => format!(
                "{}: `{field}` refers to partnership {id}, which does not exist",
                self.subject
            ),
            ProblemKind::SelfPartnership => {
                format!(
                    "{}: joins an actor to itself (`a` and `b` are the same)",
                    self.subject
                )
            }
            ProblemKind::OutOfRange { value, min, max } => format!(
                "{}: `{field}` is {value}; it must be between {min} and {max}",
                self.subject
            ),
            ProblemKind::BadNumber(why) => format!("{}: `{field}` {why}", self.subject),
            ProblemKind::BadDate { text, reason } => {
                format!(
                    "{}: `{field}` \"{text}\" is not a date: {reason}",
                    self.subject
                )
            }
            ProblemKind::EndBeforeStart => {
                format!("{}: `end` is before `start`", self.subject)
            }
            ProblemKind::TooMany(n) => format!(
                "{}: {n} {field} is more than the {MAX_ITEMS} this program handles",
                self.subject
            ),
            ProblemKind::TooManyEntries { count, max } => format!(
                "{}: `{field}` has {count} entries; at most {max} are allowed",
                self.subject
            ),
            ProblemKind::ListTooLong { chars, max } => format!(
                "{}: the entries of `{field}` are {chars} characters long together; at most \
                 {max} are allowed",
                self.subject
            ),
            ProblemKind::Forbidden { at, c } => format!(
                "{}: `{field}` holds the control character {} (character {at}); \
                 texts may not hold control characters other than tabs and line breaks",
                self.subject,
                crate::model::text::code_point(*c)
            ),
            ProblemKind::OutOfReach(v) => format!(
                "{}: `{field}` is {}; a position must lie between -1,000,000,000 and \
                 1,000,000,000, the farthest a canvas can draw",
                self.subject,
                if v.abs() >= 1e15 {
                    format!("{v:e}")
                } else {
                    v.to_string()
                }
            ),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.location {
            Some(loc) => write!(
                f,
                "line {}, column {}: {}",
                loc.line,
                loc.column,
                self.message()
            ),
            None => f.write_str(&self.message()),
        }
    }
}
