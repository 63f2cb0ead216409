//! The project: everything that is saved in one map file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Actor, ActorId, ColourBy, NextIds, Partnership, PartnershipId};

/// Descriptive information about the map.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The map's title, shown in exports.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// What the map shows and how it was made.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Who made it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// When it was created (ISO 8601).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub created: String,
    /// When it was last saved (ISO 8601).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub modified: String,
    /// Where the map began: a random id (16 hex digits) given to a map when it is first
    /// saved or created, and kept by every copy of the file, so that merging one copy into
    /// another can trust their shared ids (design.md §13). Empty for older maps.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub origin: String,
}

impl Meta {
    /// A fresh origin for a map that has none: 16 random hex digits.
    pub fn new_origin() -> String {
        format!("{:016x}", rand::random::<u64>())
    }

    /// Gives the map a fresh origin if it has none; returns whether it did.
    pub fn ensure_origin(&mut self) -> bool {
        if !self.origin.is_empty() {
            return false;
        }
        self.origin = Self::new_origin();
        true
    }

    /// Whether two maps began as the same map: both have the same, non-empty origin.
    pub fn shares_origin(&self, other: &Meta) -> bool {
        !self.origin.trim().is_empty() && self.origin.trim() == other.origin.trim()
    }
}

/// Where a quadrant chart is cut, on both axes of the unit square.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cut {
    /// The cut on the horizontal axis, 0–1.
    pub x: f64,
    /// The cut on the vertical axis, 0–1.
    pub y: f64,
}

impl Default for Cut {
    fn default() -> Self {
        Self { x: 0.5, y: 0.5 }
    }
}

/// The cuts of the four typology frameworks (design.md §4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cuts {
    /// A: depth × formality.
    #[serde(default)]
    pub a: Cut,
    /// B: mutuality × identity.
    #[serde(default)]
    pub b: Cut,
    /// C: power × trust.
    #[serde(default)]
    pub c: Cut,
    /// D: actors' influence × interest.
    #[serde(default)]
    pub d: Cut,
}

impl Cuts {
    /// The cuts with the framework letter of each, in order A–D.
    pub fn all(&self) -> [(&'static str, Cut); 4] {
        [("a", self.a), ("b", self.b), ("c", self.c), ("d", self.d)]
    }
}

/// Per-project settings that are saved with the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Where each framework's quadrants are cut.
    #[serde(default)]
    pub cuts: Cuts,
    /// What gives partnership lines their colour.
    #[serde(default)]
    pub colour_by: ColourBy,
    /// Whether the map's own scores are set by hand or follow the perspectives (§13).
    #[serde(default, skip_serializing_if = "super::MapValues::is_by_hand")]
    pub map_values: super::MapValues,
}

/// A whole map: its actors, partnerships, description and settings.
///
/// Actors and partnerships are kept by id, so they are always in id order, as files are.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Project {
    /// Title, author, dates.
    pub meta: Meta,
    /// Cuts and display choices.
    pub settings: Settings,
    /// The actors by id.
    pub actors: BTreeMap<ActorId, Actor>,
    /// The partnerships by id.
    pub partnerships: BTreeMap<PartnershipId, Partnership>,
    /// The next ids to hand out.
    pub next_ids: NextIds,
    /// Named, dated states of the map kept beside it (design.md §12), in file order.
    pub snapshots: Vec<super::Snapshot>,
    /// Named groups' own values for the map's scores (design.md §13), in file order.
    pub perspectives: Vec<super::Perspective>,
}

impl Project {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The id the next new actor will get, without handing it out.
    pub fn next_actor_id(&self) -> ActorId {
        let floor = self.actors.keys().next_back().map_or(1, |id| id.0 + 1);
        ActorId(self.next_ids.actor.max(floor))
    }

    /// The id the next new partnership will get, without handing it out.
    pub fn next_partnership_id(&self) -> PartnershipId {
        let floor = self
            .partnerships
            .keys()
            .next_back()
            .map_or(1, |id| id.0 + 1);
        PartnershipId(self.next_ids.partnership.max(floor))
    }

    /// Hands out a fresh actor id, never used before in this project.
    pub fn allocate_actor_id(&mut self) -> ActorId {
        let id = self.next_actor_id();
        self.next_ids.actor = id.0 + 1;
        id
    }

    /// Hands out a fresh partnership id, never used before in this project.
    pub fn allocate_partnership_id(&mut self) -> PartnershipId {
        let floor = self
            .partnerships
            .keys()
            .next_back()
            .map_or(1, |id| id.0 + 1);
        let id = self.next_ids.partnership.max(floor);
        self.next_ids.partnership = id + 1;
        PartnershipId(id)
    }

    /// Adds an actor, replacing any with the same id.
    pub fn insert_actor(&mut self, actor: Actor) {
        self.next_ids.actor = self.next_ids.actor.max(actor.id.0 + 1);
        self.actors.insert(actor.id, actor);
    }

    /// Adds a partnership, replacing any with the same id.
    pub fn insert_partnership(&mut self, partnership: Partnership) {
        self.next_ids.partnership = self.next_ids.partnership.max(partnership.id.0 + 1);
        self.partnerships.insert(partnership.id, partnership);
    }

    /// The actor with `id`.
    pub fn actor(&self, id: ActorId) -> Option<&Actor> {
        self.actors.get(&id)
    }

    /// The partnership with `id`.
    pub fn partnership(&self, id: PartnershipId) -> Option<&Partnership> {
        self.partnerships.get(&id)
    }

    /// Every problem of the map (empty when it is valid).
    pub fn validate(&self) -> Vec<super::Problem> {
        let mut problems = super::validate(
            self.actors.values(),
            self.partnerships.values(),
            &self.settings,
            &self.meta,
        );
        problems.extend(super::check_next_ids(&self.next_ids));
        problems.extend(super::check_snapshots(&self.snapshots, &self.settings));
        problems.extend(super::check_perspectives(
            &self.perspectives,
            self.actors.values(),
            self.partnerships.values(),
        ));
        problems
    }
}
