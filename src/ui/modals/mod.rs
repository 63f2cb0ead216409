//! The dialogs. Each draws itself and returns what the user chose; the shell keeps the one
//! open dialog in its `Option<Modal>` and acts on the choice.

pub mod csv_import;
pub mod export;
pub mod merge;
pub mod path;
pub mod questions;

pub use csv_import::{CsvDecision, CsvImport, csv_mapping_ui};
pub use export::{ExportChoice, ExportColours, ExportDecision, export_ui};
pub use merge::{MergeDecision, MergeDialog, merge_ui};
pub use path::{PathDecision, PathDialog, Wants, path_ui};
pub use questions::{
    Notice, OverwriteChoice, UnsavedChoice, notice_ui, overwrite_ui, restore_ui, unsaved_ui,
};
