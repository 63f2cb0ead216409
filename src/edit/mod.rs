//! Editing: commands that change the document, the history that undoes them, and the
//! document logic behind the editor (copy and paste, the words of undo steps, the updates
//! the inspector makes, finding an actor by a typed name, reading a line of quick entry),
//! kept free of egui so that it is tested on its own.

mod clipboard;
mod command;
mod history;
mod labels;
pub mod matching;
pub mod merge;
pub mod quick;
pub mod updates;

pub use clipboard::{Clip, PASTE_OFFSET};
pub use command::{Command, EditError, Patch};
pub use history::History;
pub use labels::{count, delete_label};
