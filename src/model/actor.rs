//! An actor of local governance: a node of the map.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{ActorId, CustomFields, Level, Sector, Stance};

/// A point on the canvas, in canvas units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Horizontal coordinate, growing to the right.
    pub x: f64,
    /// Vertical coordinate, growing downward.
    pub y: f64,
}

impl Position {
    /// A position at (`x`, `y`).
    pub fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
}

fn is_false(v: &bool) -> bool {
    !*v
}

/// A ministry, office, council, school, NGO, group, firm, donor or joint body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Stable id, never reused.
    pub id: ActorId,
    /// Full name, 1–200 characters.
    pub name: String,
    /// Abbreviation shown on the canvas when zoomed out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// Which part of society it belongs to; not set until someone says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// What kind of body it is, in free text ("commune/sangkat council").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    /// The tier of governance it works at, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Power to shape outcomes, 1–5, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influence: Option<u8>,
    /// Stake in the partnership goals, 1–5, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<u8>,
    /// Capacity to deliver on commitments, 1–5, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u8>,
    /// Stance toward the shared goal, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// What it can bring (funds, facilities, staff, …).
    #[serde(
        default,
        deserialize_with = "crate::model::bounded::resources",
        skip_serializing_if = "BTreeSet::is_empty"
    )]
    pub resources: BTreeSet<String>,
    /// Free tags.
    #[serde(
        default,
        deserialize_with = "crate::model::bounded::tags",
        skip_serializing_if = "BTreeSet::is_empty"
    )]
    pub tags: BTreeSet<String>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Citations ("LN17 p.1").
    #[serde(
        default,
        deserialize_with = "crate::model::bounded::sources",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub sources: Vec<String>,
    /// Where it stands on the canvas.
    #[serde(default)]
    pub position: Position,
    /// Pinned: automatic layouts leave it where it is.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pinned: bool,
    /// Extra fields, in their original order.
    #[serde(
        default,
        deserialize_with = "crate::model::bounded::custom",
        skip_serializing_if = "CustomFields::is_empty"
    )]
    pub custom: CustomFields,
}

impl Actor {
    /// A new actor with the given id and name and every other field not set: nobody has
    /// said its sector, level, influence or interest yet (design.md §3).
    pub fn named(id: ActorId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            short: None,
            sector: None,
            kind: String::new(),
            level: None,
            influence: None,
            interest: None,
            capacity: None,
            stance: None,
            resources: BTreeSet::new(),
            tags: BTreeSet::new(),
            notes: String::new(),
            sources: Vec::new(),
            position: Position::default(),
            pinned: false,
            custom: CustomFields::new(),
        }
    }

    /// A new actor with the given id, name, sector and level and every other field not set.
    pub fn new(id: ActorId, name: impl Into<String>, sector: Sector, level: Level) -> Self {
        Self {
            sector: Some(sector),
            level: Some(level),
            ..Self::named(id, name)
        }
    }

    /// The short name when there is one, else the full name.
    pub fn short_or_name(&self) -> &str {
        match &self.short {
            Some(s) if !s.trim().is_empty() => s,
            _ => &self.name,
        }
    }
}
