//! The domain model of design.md §3: projects, actors, partnerships, their value sets and
//! validation. Plain data with serde; no egui.

mod actor;
pub mod bounded;
mod choice;
mod custom;
mod date;
mod enums;
mod ids;
mod partnership;
mod perspective;
mod project;
pub mod scales;
mod snapshot;
mod suggest;
pub mod text;
mod validation;

pub use actor::{Actor, Position};
pub use choice::Choice;
pub use custom::{CustomFields, CustomValue};
pub use date::{DateParts, PartialDate, days_in_month, parse_partial_date};
pub use enums::{
    Accountability, ColourBy, DISABLER_SUGGESTIONS, ENABLER_SUGGESTIONS, Form, Formality, Function,
    Initiator, Level, RESOURCE_SUGGESTIONS, Risk, Sector, Stance, Status,
};
pub use ids::{ActorId, MAX_ID, NextIds, PartnershipId};
pub use partnership::{Partnership, Practices};
pub use perspective::{
    ActorRating, ActorScore, MapValues, PartnershipRating, PartnershipScore, Perspective, Score,
    consensus, followed_actor, followed_partnership,
};
pub use project::{Cut, Cuts, Meta, Project, Settings};
pub use snapshot::Snapshot;
pub use suggest::suggest_sector;
pub use validation::{
    Location, MAX_COORD, MAX_ITEMS, MAX_LIST_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS, Problem,
    ProblemKind, Subject, check_next_ids, check_perspectives, check_snapshots, validate,
};
