//! The dialogs: one slot, [`PartnerMapApp::modal`], holds the dialog that is open, so that a
//! new dialog cannot forget to block the shortcuts and the canvas behind it; others wait in
//! line. The recovery offers of an earlier session come up whenever nothing else is open.

use std::path::PathBuf;

use super::{PartnerMapApp, Pick, Then};
use crate::io::recovery::{Found, Recovery};
use crate::ui::modals::{
    self, CsvDecision, CsvImport, ExportChoice, ExportDecision, Notice, OverwriteChoice,
    PathDialog, UnsavedChoice,
};

/// A dialog.
#[derive(Clone, Debug)]
pub enum Modal {
    /// "Save changes?" before doing something that replaces the map.
    Unsaved(Then),
    /// A save over a file that another program changed, waiting for the user's word.
    Overwrite(PathBuf),
    /// The Export dialog.
    Export(ExportChoice),
    /// A CSV import at its column-mapping step.
    CsvImport(Box<CsvImport>),
    /// Unsaved work of an earlier session, offered for restoring.
    Restore(Box<Found>),
    /// A message.
    Notice(Notice),
    /// PartnerMap's own path dialog, where the system's file dialog cannot be shown.
    Path(Box<PathDialog>, Pick),
    /// Another map, matched with this one, to merge as a perspective.
    Merge(Box<modals::MergeDialog>),
}

impl PartnerMapApp {
    /// Opens `modal`, or puts it in line if a dialog is open.
    pub fn open_modal(&mut self, modal: Modal) {
        if self.modal.is_none() {
            self.modal = Some(modal);
        } else {
            self.queued.push_back(modal);
        }
    }

    /// Whether a dialog is open (or about to be); the shortcuts and the canvas wait.
    pub fn is_blocked(&self) -> bool {
        self.modal.is_some()
    }

    /// The question "Save changes?" waiting for an answer, and what follows it.
    pub fn pending(&self) -> Option<&Then> {
        match &self.modal {
            Some(Modal::Unsaved(then)) => Some(then),
            _ => None,
        }
    }

    /// The Export dialog's choices while it is open.
    pub fn export_choice(&self) -> Option<&ExportChoice> {
        match &self.modal {
            Some(Modal::Export(choice)) => Some(choice),
            _ => None,
        }
    }

    /// The CSV import's mapping step while it is open (or waits in line behind the path
    /// dialog that asks for one more table).
    pub fn csv_import(&self) -> Option<&CsvImport> {
        self.modal.iter().chain(&self.queued).find_map(|m| match m {
            Modal::CsvImport(step) => Some(&**step),
            _ => None,
        })
    }

    /// The CSV import's mapping step while it is open or waits in line, to change.
    pub fn csv_import_mut(&mut self) -> Option<&mut CsvImport> {
        self.modal
            .iter_mut()
            .chain(&mut self.queued)
            .find_map(|m| match m {
                Modal::CsvImport(step) => Some(&mut **step),
                _ => None,
            })
    }

    /// Fills the empty slot: the next dialog in line, else a recovery offer (not while a
    /// file is read, so that a restore in progress is not offered again).
    fn next_modal(&mut self) {
        if self.modal.is_some() {
            return;
        }
        if let Some(next) = self.queued.pop_front() {
            self.modal = Some(next);
        } else if self.jobs.busy.is_none()
            && let Some(found) = self.offer.first()
        {
            self.modal = Some(Modal::Restore(Box::new(found.clone())));
        }
    }

    /// Draws the open dialog and acts on the user's choice.
    pub(super) fn modal_ui(&mut self, ctx: &egui::Context) {
        self.next_modal();
        let Some(mut modal) = self.modal.take() else {
            self.modal_frames = 0;
            return;
        };
        // A dialog is invisible in the frame that measures it: draw the next frame now, not
        // when the user next moves the mouse (a dialog opened by a shortcut stayed hidden).
        if self.modal_frames < 2 {
            self.modal_frames += 1;
            ctx.request_repaint();
        }
        let keep = match &mut modal {
            Modal::Notice(notice) => !modals::notice_ui(ctx, notice),
            Modal::Unsaved(then) => {
                let name = self.doc.display_name();
                match modals::unsaved_ui(ctx, &name) {
                    None => true,
                    Some(choice) => {
                        self.unsaved_answered(choice, then.clone());
                        false
                    }
                }
            }
            Modal::Overwrite(path) => match modals::overwrite_ui(ctx, path) {
                None => true,
                Some(choice) => {
                    self.overwrite_answered(choice, path.clone());
                    false
                }
            },
            Modal::Restore(found) => match modals::restore_ui(ctx, found) {
                None => true,
                // Restoring replaces the open map, which may itself be restored work: ask.
                Some(true) => {
                    self.guard(Then::Restore(found.clone()));
                    false
                }
                Some(false) => {
                    self.offer.retain(|f| f != &**found);
                    Recovery::discard(found);
                    false
                }
            },
            Modal::Export(choice) => {
                let title = self.doc.project.meta.title.clone();
                match modals::export_ui(ctx, choice, &title) {
                    None => true,
                    Some(decision) => {
                        self.remember_export(choice);
                        if decision == ExportDecision::Export {
                            self.pick_export_file(choice);
                        }
                        false
                    }
                }
            }
            Modal::Path(dialog, pick) => match modals::path_ui(ctx, dialog) {
                None => true,
                Some(decision) => {
                    self.path_decided(pick.clone(), decision);
                    false
                }
            },
            Modal::CsvImport(step) => match modals::csv_mapping_ui(ctx, step) {
                None => true,
                Some(decision) => self.csv_decided(decision, step),
            },
            Modal::Merge(dialog) => match modals::merge_ui(ctx, dialog, &self.doc.project) {
                None => true,
                Some(decision) => self.merge_decided(decision, dialog),
            },
        };
        if keep {
            // A dialog opened while this one was drawn waits its turn.
            if let Some(other) = self.modal.replace(modal) {
                self.queued.push_front(other);
            }
        } else {
            // The next dialog, if any, is measured afresh.
            self.modal_frames = 0;
            ctx.request_repaint();
        }
    }

    fn unsaved_answered(&mut self, choice: UnsavedChoice, then: Then) {
        match choice {
            UnsavedChoice::Save => {
                self.after_save = Some(then);
                self.save();
            }
            UnsavedChoice::DontSave => self.proceed(then),
            UnsavedChoice::Cancel => {}
        }
    }

    fn overwrite_answered(&mut self, choice: OverwriteChoice, path: PathBuf) {
        match choice {
            OverwriteChoice::SaveOver => self.save_to(path),
            OverwriteChoice::SaveAs => self.save_as_dialog(),
            OverwriteChoice::Cancel => self.after_save = None,
        }
    }

    /// Acts on the CSV mapping step's decision; returns whether the step stays open.
    fn csv_decided(&mut self, decision: CsvDecision, step: &CsvImport) -> bool {
        match decision {
            CsvDecision::Cancel => false,
            CsvDecision::Import => {
                let step = step.clone();
                self.run_import(step.source.clone(), move |progress| {
                    crate::io::import::csv::import(&step.tables, &step.mapping, progress)
                });
                false
            }
            CsvDecision::AddActors | CsvDecision::AddPartnerships => {
                // The step waits first in line while the table is asked for (a path dialog
                // comes before it) and takes the table when it has been read.
                self.queued
                    .push_front(Modal::CsvImport(Box::new(step.clone())));
                self.ask(Pick::Table {
                    actors: decision == CsvDecision::AddActors,
                });
                false
            }
        }
    }
}
