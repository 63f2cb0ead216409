//! File → Merge map… (design.md §13): the other map is read and matched with the open one in
//! the background, the dialog shows the matches and the new items, and Merge applies it all
//! as one undo step with what it did in the status bar. A failure says why in the dialog
//! and merges nothing.

use std::path::PathBuf;

use super::{Event, Modal, PartnerMapApp, absolute, file_name};
use crate::edit::merge::{self, MergeError, MergePlan};
use crate::ui::intent::Edit;
use crate::ui::modals::{MergeDecision, MergeDialog};

impl PartnerMapApp {
    /// Reads the map at `path` and matches it with the open one in the background; the
    /// dialog opens when that is done.
    pub fn merge_path(&mut self, path: PathBuf) {
        let path = absolute(path);
        self.jobs
            .start(format!("Reading {}…", file_name(&path)), None);
        let base = self.doc.project.clone();
        let revision = self.doc.revision;
        self.jobs.spawn(move || {
            let result = merge::load_other(&path).map(|other| {
                let name = merge::suggest_name(&base, &other, Some(&path));
                MergePlan::new(&base, &other, &name)
            });
            Event::MergeRead(path, revision, Box::new(result))
        });
    }

    /// Opens the dialog for a map read and matched, or says why it could not be read.
    pub(super) fn merge_read(
        &mut self,
        path: PathBuf,
        revision: u64,
        result: Result<MergePlan, MergeError>,
    ) {
        self.jobs.finish();
        match result {
            Ok(plan) => {
                // The map changed while the other was read: match it again with the map
                // as it is now.
                let plan = if revision == self.doc.revision {
                    plan
                } else {
                    MergePlan::new(&self.doc.project, &plan.other, &plan.name)
                };
                self.open_modal(Modal::Merge(Box::new(MergeDialog::new(path, plan))));
            }
            Err(e) => self.notify(
                format!("Could not merge {}", file_name(&path)),
                format!("{e}\n\nNothing was merged; the map is unchanged."),
            ),
        }
    }

    /// Acts on the dialog's decision; returns whether the dialog stays open (a merge that
    /// failed says why there).
    pub(super) fn merge_decided(
        &mut self,
        decision: MergeDecision,
        dialog: &mut MergeDialog,
    ) -> bool {
        if decision == MergeDecision::Cancel {
            return false;
        }
        let plan = dialog.plan_named();
        let command = match plan.command(&self.doc.project, &dialog.choices) {
            Ok(command) => command,
            Err(e) => {
                dialog.error = Some(e.to_string());
                return true;
            }
        };
        let summary = plan.resolve(&self.doc.project, &dialog.choices).summary;
        let file = file_name(&dialog.source);
        let name = merge::check_name(&self.doc.project, &plan.name).unwrap_or(plan.name);
        let edit = Edit::new(format!("Merge {file} as “{name}”"), command);
        match self.try_edit(edit) {
            Ok(()) => {
                self.status = Some(format!("Merged {file} as “{name}”: {summary}"));
                false
            }
            Err(e) => {
                dialog.error = Some(MergeError::from(e).to_string());
                true
            }
        }
    }
}
