//! Validation: every problem of a map, not just the first.

use std::collections::{HashMap, HashSet};

use super::scales::{CAPACITY, CONTRIBUTION, IDENTITY, INFLUENCE, INTEREST, POWER, Scale, TRUST};
use super::{Actor, ActorId, CustomFields, Meta, Partnership, PartnershipId, Settings};

/// The longest name an actor may have, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest any other text may be, in characters (design.md §11).
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The most actors, and the most partnerships, a map may hold (design.md §11).
pub const MAX_ITEMS: usize = 1_000_000;

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
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Actor { id, .. } => write!(f, "actor {id}"),
            Self::Partnership { id, .. } => write!(f, "partnership {id}"),
            Self::Settings => f.write_str("settings"),
            Self::Meta => f.write_str("meta"),
            Self::Map => f.write_str("map"),
        }
    }
}

/// The kind of a problem, with the values that explain it.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The file is not valid RON or does not fit the format.
    Syntax(String),
    /// An actor has an empty (or blank) name.
    EmptyName,
    /// A text is longer than allowed.
    TooLong {
        /// Its length in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// Two actors, or two partnerships, share an id.
    DuplicateId,
    /// An id (or the next id to hand out) is above [`MAX_ID`](super::MAX_ID).
    IdTooLarge(u64),
    /// A partnership names an actor that does not exist.
    DanglingReference(ActorId),
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
    fn new(subject: Subject, field: Option<&str>, kind: ProblemKind) -> Self {
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
                super::MAX_ID
            ),
            ProblemKind::DanglingReference(actor) => format!(
                "{}: `{field}` refers to actor {actor}, which does not exist",
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

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, subject: &Subject, field: Option<&str>, kind: ProblemKind) {
        self.problems
            .push(Problem::new(subject.clone(), field, kind));
    }

    fn id(&mut self, subject: &Subject, id: u64) {
        if id > super::MAX_ID {
            self.push(subject, Some("id"), ProblemKind::IdTooLarge(id));
        }
    }

    fn text(&mut self, subject: &Subject, field: &str, text: &str, max: usize) {
        let chars = text.chars().count();
        if chars > max {
            self.push(subject, Some(field), ProblemKind::TooLong { chars, max });
        }
    }

    fn texts<'a>(
        &mut self,
        subject: &Subject,
        field: &str,
        texts: impl IntoIterator<Item = &'a String>,
    ) {
        for t in texts {
            self.text(subject, field, t, MAX_TEXT_CHARS);
        }
    }

    fn custom(&mut self, subject: &Subject, custom: &CustomFields) {
        for (key, value) in custom {
            self.text(subject, "custom", key, MAX_TEXT_CHARS);
            match value {
                super::CustomValue::Text(t) => self.text(subject, "custom", t, MAX_TEXT_CHARS),
                super::CustomValue::Number(n) if !n.is_finite() => self.push(
                    subject,
                    Some("custom"),
                    ProblemKind::BadNumber(format!("field \"{key}\" is not a finite number")),
                ),
                super::CustomValue::Number(_) => {}
            }
        }
    }

    fn score(&mut self, subject: &Subject, field: &str, value: Option<i64>, scale: &Scale) {
        if let Some(v) = value
            && !(i64::from(scale.min)..=i64::from(scale.max)).contains(&v)
        {
            self.push(
                subject,
                Some(field),
                ProblemKind::OutOfRange {
                    value: v,
                    min: scale.min.into(),
                    max: scale.max.into(),
                },
            );
        }
    }

    fn finite(&mut self, subject: &Subject, field: &str, v: f64) {
        if !v.is_finite() {
            self.push(
                subject,
                Some(field),
                ProblemKind::BadNumber(format!("is {v}; it must be a finite number")),
            );
        }
    }
}

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
    let mut c = Checker {
        problems: Vec::new(),
    };
    let mut actor_ids: HashSet<ActorId> = HashSet::new();
    let mut actor_count = 0usize;
    for (index, actor) in actors.into_iter().enumerate() {
        actor_count += 1;
        let s = Subject::Actor {
            index,
            id: actor.id,
        };
        if !actor_ids.insert(actor.id) {
            c.push(&s, Some("id"), ProblemKind::DuplicateId);
        }
        c.id(&s, actor.id.0);
        if actor.name.trim().is_empty() {
            c.push(&s, Some("name"), ProblemKind::EmptyName);
        }
        c.text(&s, "name", &actor.name, MAX_NAME_CHARS);
        if let Some(short) = &actor.short {
            c.text(&s, "short", short, MAX_NAME_CHARS);
        }
        c.text(&s, "kind", &actor.kind, MAX_TEXT_CHARS);
        c.text(&s, "notes", &actor.notes, MAX_TEXT_CHARS);
        c.texts(&s, "resources", &actor.resources);
        c.texts(&s, "tags", &actor.tags);
        c.texts(&s, "sources", &actor.sources);
        c.custom(&s, &actor.custom);
        c.score(&s, "influence", Some(actor.influence.into()), &INFLUENCE);
        c.score(&s, "interest", Some(actor.interest.into()), &INTEREST);
        c.score(&s, "capacity", actor.capacity.map(i64::from), &CAPACITY);
        c.finite(&s, "position", actor.position.x);
        c.finite(&s, "position", actor.position.y);
    }
    if actor_count > MAX_ITEMS {
        c.push(
            &Subject::Map,
            Some("actors"),
            ProblemKind::TooMany(actor_count),
        );
    }

    let mut partnership_ids: HashSet<PartnershipId> = HashSet::new();
    let mut partnership_count = 0usize;
    for (index, p) in partnerships.into_iter().enumerate() {
        partnership_count += 1;
        let s = Subject::Partnership { index, id: p.id };
        if !partnership_ids.insert(p.id) {
            c.push(&s, Some("id"), ProblemKind::DuplicateId);
        }
        c.id(&s, p.id.0);
        for (field, end) in [("a", p.a), ("b", p.b)] {
            if !actor_ids.contains(&end) {
                c.push(&s, Some(field), ProblemKind::DanglingReference(end));
            }
        }
        if p.a == p.b {
            c.push(&s, Some("b"), ProblemKind::SelfPartnership);
        }
        if let Some(label) = &p.label {
            c.text(&s, "label", label, MAX_TEXT_CHARS);
        }
        c.text(&s, "notes", &p.notes, MAX_TEXT_CHARS);
        c.texts(&s, "enablers", &p.enablers);
        c.texts(&s, "disablers", &p.disablers);
        c.texts(&s, "sources", &p.sources);
        c.custom(&s, &p.custom);
        c.score(&s, "trust_ab", p.trust_ab.map(i64::from), &TRUST);
        c.score(&s, "trust_ba", p.trust_ba.map(i64::from), &TRUST);
        c.score(&s, "power", p.power.map(i64::from), &POWER);
        c.score(
            &s,
            "contribution_a",
            p.contribution_a.map(i64::from),
            &CONTRIBUTION,
        );
        c.score(
            &s,
            "contribution_b",
            p.contribution_b.map(i64::from),
            &CONTRIBUTION,
        );
        c.score(&s, "identity_a", p.identity_a.map(i64::from), &IDENTITY);
        c.score(&s, "identity_b", p.identity_b.map(i64::from), &IDENTITY);
        let mut dates = HashMap::new();
        for (field, date) in [("start", &p.start), ("end", &p.end)] {
            if let Some(date) = date {
                match date.parse() {
                    Ok(parts) => {
                        dates.insert(field, parts);
                    }
                    Err(reason) => c.push(
                        &s,
                        Some(field),
                        ProblemKind::BadDate {
                            text: date.0.clone(),
                            reason,
                        },
                    ),
                }
            }
        }
        if let (Some(start), Some(end)) = (dates.get("start"), dates.get("end"))
            && end.latest() < start.earliest()
        {
            c.push(&s, Some("end"), ProblemKind::EndBeforeStart);
        }
    }
    if partnership_count > MAX_ITEMS {
        c.push(
            &Subject::Map,
            Some("partnerships"),
            ProblemKind::TooMany(partnership_count),
        );
    }

    for (letter, cut) in settings.cuts.all() {
        for v in [cut.x, cut.y] {
            if !(v.is_finite() && (0.0..=1.0).contains(&v)) {
                c.push(
                    &Subject::Settings,
                    Some(&format!("cuts.{letter}")),
                    ProblemKind::BadNumber(format!("has {v}; a cut must lie between 0 and 1")),
                );
            }
        }
    }
    for (field, text) in [
        ("title", &meta.title),
        ("description", &meta.description),
        ("author", &meta.author),
        ("created", &meta.created),
        ("modified", &meta.modified),
    ] {
        c.text(&Subject::Meta, field, text, MAX_TEXT_CHARS);
    }
    c.problems
}
