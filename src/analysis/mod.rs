//! Indicators of design.md §5: pure functions of the model, no egui.

pub mod partnership;
