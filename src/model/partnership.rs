//! A partnership between two actors: an edge of the map.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{
    Accountability, ActorId, CustomFields, Form, Formality, Function, Initiator, PartialDate,
    PartnershipId, Risk, Status,
};

fn is_false(v: &bool) -> bool {
    !*v
}

/// The six practices that show how deep a partnership really goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practices {
    /// The partners share information.
    #[serde(default, skip_serializing_if = "is_false")]
    pub info_sharing: bool,
    /// The partners align their activities.
    #[serde(default, skip_serializing_if = "is_false")]
    pub aligned_activities: bool,
    /// The partners set goals together.
    #[serde(default, skip_serializing_if = "is_false")]
    pub joint_goals: bool,
    /// The partners share resources (facilities, staff, funds).
    #[serde(default, skip_serializing_if = "is_false")]
    pub shared_resources: bool,
    /// The partners manage resources jointly.
    #[serde(default, skip_serializing_if = "is_false")]
    pub jointly_managed_resources: bool,
    /// The partners take decisions together.
    #[serde(default, skip_serializing_if = "is_false")]
    pub mutual_decisions: bool,
}

impl Practices {
    /// Whether no practice is ticked.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The form these practices suggest (design.md §3): a hint for the inspector, never an
    /// override of the form people chose.
    pub fn suggested_form(&self) -> Form {
        if self.jointly_managed_resources && (self.joint_goals || self.mutual_decisions) {
            Form::Integrated
        } else if self.shared_resources || self.joint_goals {
            Form::Collaboration
        } else if self.aligned_activities {
            Form::Coalition
        } else {
            Form::Interaction
        }
    }
}

/// A partnership joining two different actors `a` and `b`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    /// Stable id, never reused.
    pub id: PartnershipId,
    /// The first actor.
    pub a: ActorId,
    /// The second actor.
    pub b: ActorId,
    /// A short label, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// What it is for.
    #[serde(
        default,
        deserialize_with = "crate::model::bounded::functions",
        skip_serializing_if = "BTreeSet::is_empty"
    )]
    pub functions: BTreeSet<Function>,
    /// How deep it goes, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
    /// How formal it is, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formality: Option<Formality>,
    /// What the partners actually do together.
    #[serde(default, skip_serializing_if = "Practices::is_empty")]
    pub practices: Practices,
    /// How much `a` trusts `b`, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_ab: Option<u8>,
    /// How much `b` trusts `a`, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_ba: Option<u8>,
    /// Who holds decisions, −2 (`a` dominates) … +2 (`b` dominates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power: Option<i8>,
    /// What `a` puts in, 0–4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contribution_a: Option<u8>,
    /// What `b` puts in, 0–4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contribution_b: Option<u8>,
    /// How far `a` keeps its own mission, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_a: Option<u8>,
    /// How far `b` keeps its own mission, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_b: Option<u8>,
    /// Which way accountability runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accountability: Option<Accountability>,
    /// How risk is carried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<Risk>,
    /// Who started it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiator: Option<Initiator>,
    /// Planned, active or ended.
    #[serde(default)]
    pub status: Status,
    /// When it started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    /// When it ended; not before `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// What helps it.
    #[serde(
        default,
        deserialize_with = "crate::model::bounded::enablers",
        skip_serializing_if = "BTreeSet::is_empty"
    )]
    pub enablers: BTreeSet<String>,
    /// What holds it back.
    #[serde(
        default,
        deserialize_with = "crate::model::bounded::disablers",
        skip_serializing_if = "BTreeSet::is_empty"
    )]
    pub disablers: BTreeSet<String>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Citations.
    #[serde(
        default,
        deserialize_with = "crate::model::bounded::sources",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub sources: Vec<String>,
    /// Extra fields, in their original order.
    #[serde(
        default,
        deserialize_with = "crate::model::bounded::custom",
        skip_serializing_if = "CustomFields::is_empty"
    )]
    pub custom: CustomFields,
}

impl Partnership {
    /// A new partnership between `a` and `b` with every optional field unset.
    pub fn new(id: PartnershipId, a: ActorId, b: ActorId) -> Self {
        Self {
            id,
            a,
            b,
            label: None,
            functions: BTreeSet::new(),
            form: None,
            formality: None,
            practices: Practices::default(),
            trust_ab: None,
            trust_ba: None,
            power: None,
            contribution_a: None,
            contribution_b: None,
            identity_a: None,
            identity_b: None,
            accountability: None,
            risk: None,
            initiator: None,
            status: Status::default(),
            start: None,
            end: None,
            enablers: BTreeSet::new(),
            disablers: BTreeSet::new(),
            notes: String::new(),
            sources: Vec::new(),
            custom: CustomFields::new(),
        }
    }

    /// The same partnership with `a` and `b` exchanged: directed scores, power and the
    /// initiator are mirrored so that it says exactly the same thing.
    pub fn swapped(&self) -> Self {
        let mut q = self.clone();
        std::mem::swap(&mut q.a, &mut q.b);
        std::mem::swap(&mut q.trust_ab, &mut q.trust_ba);
        std::mem::swap(&mut q.contribution_a, &mut q.contribution_b);
        std::mem::swap(&mut q.identity_a, &mut q.identity_b);
        q.power = self.power.map(|v| -v);
        q.initiator = self.initiator.map(|i| match i {
            Initiator::A => Initiator::B,
            Initiator::B => Initiator::A,
            other => other,
        });
        q
    }

    /// The other end, seen from `actor`, or `None` if `actor` is not an end.
    pub fn other(&self, actor: ActorId) -> Option<ActorId> {
        if self.a == actor {
            Some(self.b)
        } else if self.b == actor {
            Some(self.a)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swapping_ends_mirrors_every_directed_value_and_twice_is_the_same() {
        let mut p = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
        p.trust_ab = Some(2);
        p.trust_ba = Some(5);
        p.power = Some(-2);
        p.contribution_a = Some(4);
        p.identity_b = Some(1);
        p.initiator = Some(Initiator::A);
        let q = p.swapped();
        assert_eq!((q.a, q.b), (ActorId(2), ActorId(1)));
        assert_eq!((q.trust_ab, q.trust_ba), (Some(5), Some(2)));
        assert_eq!(q.power, Some(2), "b dominated before, so a dominates after");
        assert_eq!((q.contribution_a, q.contribution_b), (None, Some(4)));
        assert_eq!((q.identity_a, q.identity_b), (Some(1), None));
        assert_eq!(q.initiator, Some(Initiator::B));
        assert_eq!(q.swapped(), p);
    }

    #[test]
    fn practices_suggest_a_form() {
        let mut pr = Practices::default();
        assert_eq!(pr.suggested_form(), Form::Interaction);
        pr.aligned_activities = true;
        assert_eq!(pr.suggested_form(), Form::Coalition);
        pr.joint_goals = true;
        assert_eq!(pr.suggested_form(), Form::Collaboration);
        pr.jointly_managed_resources = true;
        assert_eq!(pr.suggested_form(), Form::Integrated);
        pr.joint_goals = false;
        assert_eq!(
            pr.suggested_form(),
            Form::Coalition,
            "joint management alone is not enough"
        );
        pr.mutual_decisions = true;
        assert_eq!(pr.suggested_form(), Form::Integrated);
    }
}
