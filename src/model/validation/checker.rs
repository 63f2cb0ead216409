//! The checks of a map, part by part: each actor, each partnership, the settings and the
//! meta, and the values inside them.

use std::collections::{HashMap, HashSet};

use super::{
    MAX_COORD, MAX_ITEMS, MAX_LIST_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS, Problem, ProblemKind,
    Subject,
};
use crate::model::bounded::MAX_LIST_ITEMS;
use crate::model::scales::{
    CAPACITY, CONTRIBUTION, IDENTITY, INFLUENCE, INTEREST, POWER, Scale, TRUST,
};
use crate::model::{
    Actor, ActorId, CustomFields, CustomValue, MAX_ID, Meta, Partnership, PartnershipId, Settings,
};

/// Checks of the map's parts.
impl Checker {
    /// Every actor, in file order (ids distinct, then each actor's fields), and their
    /// count. Gives the actors' ids, for the partnerships' ends.
    pub(super) fn actors<'a>(
        &mut self,
        actors: impl IntoIterator<Item = &'a Actor>,
    ) -> HashSet<ActorId> {
        let mut actor_ids: HashSet<ActorId> = HashSet::new();
        let mut actor_count = 0usize;
        for (index, actor) in actors.into_iter().enumerate() {
            actor_count += 1;
            let s = Subject::Actor {
                index,
                id: actor.id,
            };
            if !actor_ids.insert(actor.id) {
                self.push(&s, Some("id"), ProblemKind::DuplicateId);
            }
            self.actor(&s, actor);
        }
        if actor_count > MAX_ITEMS {
            self.push(
                &Subject::Map,
                Some("actors"),
                ProblemKind::TooMany(actor_count),
            );
        }
        actor_ids
    }

    /// One actor's fields: id, name, texts, scores and position.
    fn actor(&mut self, s: &Subject, actor: &Actor) {
        self.id(s, actor.id.0);
        if actor.name.trim().is_empty() {
            self.push(s, Some("name"), ProblemKind::EmptyName);
        }
        self.text(s, "name", &actor.name, MAX_NAME_CHARS);
        if let Some(short) = &actor.short {
            self.text(s, "short", short, MAX_NAME_CHARS);
        }
        self.text(s, "kind", &actor.kind, MAX_TEXT_CHARS);
        self.text(s, "notes", &actor.notes, MAX_TEXT_CHARS);
        self.texts(s, "resources", &actor.resources);
        self.texts(s, "tags", &actor.tags);
        self.texts(s, "sources", &actor.sources);
        self.custom(s, &actor.custom);
        self.score(s, "influence", actor.influence.map(i64::from), &INFLUENCE);
        self.score(s, "interest", actor.interest.map(i64::from), &INTEREST);
        self.score(s, "capacity", actor.capacity.map(i64::from), &CAPACITY);
        self.coordinate(s, actor.position.x);
        self.coordinate(s, actor.position.y);
    }

    /// Every partnership, in file order (ids distinct, then each partnership's fields),
    /// and their count; `actor_ids` are the actors their ends may name.
    pub(super) fn partnerships<'a>(
        &mut self,
        partnerships: impl IntoIterator<Item = &'a Partnership>,
        actor_ids: &HashSet<ActorId>,
    ) {
        let mut partnership_ids: HashSet<PartnershipId> = HashSet::new();
        let mut partnership_count = 0usize;
        for (index, p) in partnerships.into_iter().enumerate() {
            partnership_count += 1;
            let s = Subject::Partnership { index, id: p.id };
            if !partnership_ids.insert(p.id) {
                self.push(&s, Some("id"), ProblemKind::DuplicateId);
            }
            self.partnership(&s, p, actor_ids);
        }
        if partnership_count > MAX_ITEMS {
            self.push(
                &Subject::Map,
                Some("partnerships"),
                ProblemKind::TooMany(partnership_count),
            );
        }
    }

    /// One partnership's fields: id, ends, texts, scores and dates.
    fn partnership(&mut self, s: &Subject, p: &Partnership, actor_ids: &HashSet<ActorId>) {
        self.id(s, p.id.0);
        for (field, end) in [("a", p.a), ("b", p.b)] {
            if !actor_ids.contains(&end) {
                self.push(s, Some(field), ProblemKind::DanglingReference(end));
            }
        }
        if p.a == p.b {
            self.push(s, Some("b"), ProblemKind::SelfPartnership);
        }
        if let Some(label) = &p.label {
            self.text(s, "label", label, MAX_TEXT_CHARS);
        }
        self.text(s, "notes", &p.notes, MAX_TEXT_CHARS);
        if p.functions.len() > MAX_LIST_ITEMS {
            self.push(
                s,
                Some("functions"),
                ProblemKind::TooManyEntries {
                    count: p.functions.len(),
                    max: MAX_LIST_ITEMS,
                },
            );
        }
        self.texts(s, "enablers", &p.enablers);
        self.texts(s, "disablers", &p.disablers);
        self.texts(s, "sources", &p.sources);
        self.custom(s, &p.custom);
        self.partnership_scores(s, p);
        self.dates(s, p);
    }

    /// A partnership's scores, each on its scale.
    fn partnership_scores(&mut self, s: &Subject, p: &Partnership) {
        let scores = [
            ("trust_ab", p.trust_ab.map(i64::from), &TRUST),
            ("trust_ba", p.trust_ba.map(i64::from), &TRUST),
            ("power", p.power.map(i64::from), &POWER),
            (
                "contribution_a",
                p.contribution_a.map(i64::from),
                &CONTRIBUTION,
            ),
            (
                "contribution_b",
                p.contribution_b.map(i64::from),
                &CONTRIBUTION,
            ),
            ("identity_a", p.identity_a.map(i64::from), &IDENTITY),
            ("identity_b", p.identity_b.map(i64::from), &IDENTITY),
        ];
        for (field, value, scale) in scores {
            self.score(s, field, value, scale);
        }
    }

    /// A partnership's start and end: real dates, the end not before the start.
    fn dates(&mut self, s: &Subject, p: &Partnership) {
        let mut dates = HashMap::new();
        for (field, date) in [("start", &p.start), ("end", &p.end)] {
            if let Some(date) = date {
                match date.parse() {
                    Ok(parts) => {
                        dates.insert(field, parts);
                    }
                    Err(reason) => self.push(
                        s,
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
            self.push(s, Some("end"), ProblemKind::EndBeforeStart);
        }
    }

    /// The settings: every quadrant cut lies between 0 and 1.
    pub(super) fn settings(&mut self, settings: &Settings) {
        for (letter, cut) in settings.cuts.all() {
            for v in [cut.x, cut.y] {
                if !(v.is_finite() && (0.0..=1.0).contains(&v)) {
                    self.push(
                        &Subject::Settings,
                        Some(&format!("cuts.{letter}")),
                        ProblemKind::BadNumber(format!("has {v}; a cut must lie between 0 and 1")),
                    );
                }
            }
        }
    }

    /// The meta: no text too long.
    pub(super) fn meta(&mut self, meta: &Meta) {
        for (field, text) in [
            ("title", &meta.title),
            ("description", &meta.description),
            ("author", &meta.author),
            ("created", &meta.created),
            ("modified", &meta.modified),
        ] {
            self.text(&Subject::Meta, field, text, MAX_TEXT_CHARS);
        }
        self.text(&Subject::Meta, "origin", &meta.origin, MAX_NAME_CHARS);
    }
}

/// Collects the problems of a map, in the order its parts are checked.
#[derive(Default)]
pub(super) struct Checker {
    /// The problems found so far.
    pub(super) problems: Vec<Problem>,
}

/// Checks of one value.
impl Checker {
    /// Records a problem of `subject`'s `field`.
    pub(super) fn push(&mut self, subject: &Subject, field: Option<&str>, kind: ProblemKind) {
        self.problems
            .push(Problem::new(subject.clone(), field, kind));
    }

    /// An id must not be above [`MAX_ID`].
    fn id(&mut self, subject: &Subject, id: u64) {
        if id > MAX_ID {
            self.push(subject, Some("id"), ProblemKind::IdTooLarge(id));
        }
    }

    /// A text must not be longer than `max` characters nor hold a forbidden character.
    pub(super) fn text(&mut self, subject: &Subject, field: &str, text: &str, max: usize) {
        let chars = text.chars().count();
        if chars > max {
            self.push(subject, Some(field), ProblemKind::TooLong { chars, max });
        }
        if let Some((at, c)) = crate::model::text::first_forbidden(text) {
            self.push(subject, Some(field), ProblemKind::Forbidden { at, c });
        }
    }

    /// A list: at most [`MAX_LIST_ITEMS`] entries of at most [`MAX_TEXT_CHARS`] each, and
    /// [`MAX_LIST_CHARS`] together.
    fn texts<'a>(
        &mut self,
        subject: &Subject,
        field: &str,
        texts: impl IntoIterator<Item = &'a String, IntoIter: ExactSizeIterator>,
    ) {
        let texts = texts.into_iter();
        let count = texts.len();
        if count > MAX_LIST_ITEMS {
            self.push(
                subject,
                Some(field),
                ProblemKind::TooManyEntries {
                    count,
                    max: MAX_LIST_ITEMS,
                },
            );
            return;
        }
        let mut total = 0;
        for t in texts {
            total += t.chars().count();
            self.text(subject, field, t, MAX_TEXT_CHARS);
        }
        if total > MAX_LIST_CHARS {
            self.push(
                subject,
                Some(field),
                ProblemKind::ListTooLong {
                    chars: total,
                    max: MAX_LIST_CHARS,
                },
            );
        }
    }

    /// Custom fields: at most [`MAX_LIST_ITEMS`], names and texts not too long, numbers
    /// finite.
    fn custom(&mut self, subject: &Subject, custom: &CustomFields) {
        if custom.len() > MAX_LIST_ITEMS {
            self.push(
                subject,
                Some("custom"),
                ProblemKind::TooManyEntries {
                    count: custom.len(),
                    max: MAX_LIST_ITEMS,
                },
            );
            return;
        }
        for (key, value) in custom {
            self.text(subject, "custom", key, MAX_TEXT_CHARS);
            match value {
                CustomValue::Text(t) => self.text(subject, "custom", t, MAX_TEXT_CHARS),
                CustomValue::Number(n) if !n.is_finite() => self.push(
                    subject,
                    Some("custom"),
                    ProblemKind::BadNumber(format!("field \"{key}\" is not a finite number")),
                ),
                CustomValue::Number(_) => {}
            }
        }
    }

    /// A score, when there is one, must lie on its scale.
    pub(super) fn score(
        &mut self,
        subject: &Subject,
        field: &str,
        value: Option<i64>,
        scale: &Scale,
    ) {
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

    /// A coordinate of a position must be finite and within [`MAX_COORD`] of the origin.
    fn coordinate(&mut self, subject: &Subject, v: f64) {
        if !v.is_finite() {
            self.push(
                subject,
                Some("position"),
                ProblemKind::BadNumber(format!("is {v}; it must be a finite number")),
            );
        } else if v.abs() > MAX_COORD {
            self.push(subject, Some("position"), ProblemKind::OutOfReach(v));
        }
    }
}
