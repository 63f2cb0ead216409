//! What the UI asks the shell to do. The UI never changes the document itself: it returns
//! intents, and the shell applies them after the frame.

use super::actions::Action;
use super::view::Item;
use crate::edit::Command;

/// A request from the UI.
#[derive(Clone, Debug)]
pub enum Intent {
    /// Change the document.
    Edit(Edit),
    /// Run a menu action.
    Action(Action),
    /// Show an item in the middle of the canvas.
    Center(Item),
    /// Pan the canvas just enough to show an item, without zooming (a partnership typed
    /// between actors off screen).
    Reveal(Item),
    /// Tell the user something in a dialog.
    Notify {
        /// The dialog's heading.
        title: String,
        /// What happened.
        body: String,
    },
}

/// A labelled change to the document: one undo step.
#[derive(Clone, Debug)]
pub struct Edit {
    /// What the Edit menu calls it ("Move 3 actors").
    pub label: String,
    /// The change.
    pub command: Command,
    /// Items to select once it is applied (e.g. the actor just created).
    pub select: Option<Vec<Item>>,
    /// Consecutive edits with the same key become one undo step (dragging a slider).
    pub merge_key: Option<String>,
}

impl Edit {
    /// An edit named `label`.
    pub fn new(label: impl Into<String>, command: Command) -> Self {
        Self {
            label: label.into(),
            command,
            select: None,
            merge_key: None,
        }
    }

    /// Selects `items` after the edit.
    pub fn selecting(mut self, items: Vec<Item>) -> Self {
        self.select = Some(items);
        self
    }

    /// Merges with the previous edit of the same key into one undo step.
    pub fn merging(mut self, key: impl Into<String>) -> Self {
        self.merge_key = Some(key.into());
        self
    }
}

pub use crate::edit::count;
