//! PartnerMap: map partnerships between the actors of local governance, with the typologies
//! and trust / power indicators of the governance literature, live and linked to the map.
//!
//! The model and everything computed from it are plain Rust with no egui (`model`, `io`,
//! `generate`); `app` owns the document and view state; `ui` draws it.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod edit;
pub mod generate;
pub mod io;
pub mod layout;
pub mod model;
pub mod style;
pub mod typology;
pub mod ui;
