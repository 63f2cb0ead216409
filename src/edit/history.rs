//! Undo and redo: a stack of inverse commands with the labels people see in the Edit menu.

use super::{Command, EditError};
use crate::model::Project;

/// One step that can be undone or redone.
#[derive(Clone, Debug)]
struct Entry {
    /// What the step did, as the Edit menu names it ("Move 3 actors").
    label: String,
    /// The command that reverses it (for the undo stack) or repeats it (for the redo stack).
    command: Command,
    /// A unique number for the state this step leads to.
    state: u64,
    /// Steps with the same key in a row are merged into one.
    merge_key: Option<String>,
}

/// The undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    next_state: u64,
}

impl History {
    /// An empty history.
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies `command` to `project` and records it as one undoable step named `label`.
    pub fn apply(
        &mut self,
        project: &mut Project,
        label: impl Into<String>,
        command: &Command,
    ) -> Result<(), EditError> {
        self.apply_merging(project, label, command, None)
    }

    /// Like [`History::apply`], but when the last step has the same `merge_key`, the two
    /// become one step whose undo returns to the state before the first (a slider dragged
    /// through several values is one edit).
    pub fn apply_merging(
        &mut self,
        project: &mut Project,
        label: impl Into<String>,
        command: &Command,
        merge_key: Option<&str>,
    ) -> Result<(), EditError> {
        let inverse = command.apply(project)?;
        self.next_state += 1;
        self.redo.clear();
        if let (Some(key), Some(top)) = (merge_key, self.undo.last_mut())
            && top.merge_key.as_deref() == Some(key)
        {
            // The older inverse already restores the state before the first edit.
            top.state = self.next_state;
            top.label = label.into();
            return Ok(());
        }
        self.undo.push(Entry {
            label: label.into(),
            command: inverse,
            state: self.next_state,
            merge_key: merge_key.map(str::to_owned),
        });
        Ok(())
    }

    /// Ends merging: the next edit starts a new step even if its key is the same.
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.merge_key = None;
        }
    }

    /// Undoes the last step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Option<String> {
        self.step(project, true)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, project: &mut Project) -> Option<String> {
        self.step(project, false)
    }

    /// Moves one step from the undo stack to the redo stack (`back`) or the other way.
    fn step(&mut self, project: &mut Project, back: bool) -> Option<String> {
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let entry = from.pop()?;
        match entry.command.apply(project) {
            Ok(reverse) => {
                let label = entry.label.clone();
                to.push(Entry {
                    command: reverse,
                    ..entry
                });
                Some(label)
            }
            Err(_) => {
                // An inverse always applies to the state it was made from; if it ever did
                // not, the history is dropped rather than the map damaged.
                self.undo.clear();
                self.redo.clear();
                None
            }
        }
    }

    /// The label of the step Undo would reverse.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|e| e.label.as_str())
    }

    /// The label of the step Redo would repeat.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// A number that identifies the current state: equal numbers mean the same map, so the
    /// app can tell whether undoing brought the map back to what was saved.
    pub fn state(&self) -> u64 {
        self.undo.last().map_or(0, |e| e.state)
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Forgets every step (a new map was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
