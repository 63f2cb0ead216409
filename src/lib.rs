//! PartnerMap: map partnerships between the actors of local governance, with the typologies
//! and trust / power indicators of the governance literature, live and linked to the map.
//!
//! The layers point one way (README, Architecture): `task` → `model` → `typology` → `analysis`
//! → `style` → `layout` / `io` → `edit` → `app` / `ui` → `cli`; only `app` and `ui` use egui.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod edit;
pub mod generate;
pub mod io;
pub mod layout;
pub mod model;
pub mod style;
pub mod task;
pub mod typology;
pub mod ui;
