//! Editing: commands that change the document and the history that undoes them.

mod command;
mod history;
pub mod updates;

pub use command::{Command, EditError, Patch};
pub use history::History;
