//! Indicators of design.md §5: pure functions of the model, no egui.

mod graph;
pub mod partnership;

pub use graph::SimpleGraph;
