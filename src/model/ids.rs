//! Stable identifiers of actors and partnerships.

use serde::{Deserialize, Serialize};

/// The stable id of an actor: unique in its project and never reused after deletion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActorId(pub u64);

/// The stable id of a partnership: unique in its project and never reused after deletion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartnershipId(pub u64);

impl std::fmt::Display for ActorId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::fmt::Display for PartnershipId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The largest id an actor or partnership may have: far beyond any real map, and room left
/// to count up from it without overflowing.
pub const MAX_ID: u64 = u64::MAX / 2;

/// The next ids to hand out. Saved in the file so that ids are never reused, even after the
/// actor with the highest id was deleted and the map saved and opened again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextIds {
    /// The id the next new actor gets.
    pub actor: u64,
    /// The id the next new partnership gets.
    pub partnership: u64,
}

impl Default for NextIds {
    fn default() -> Self {
        Self {
            actor: 1,
            partnership: 1,
        }
    }
}
