//! The transition table: how many partnerships (actors, in framework D) moved from each
//! quadrant to each other between the two states shown; a cell selects its items.

use egui::{RichText, Ui};

use super::TimeShown;
use crate::analysis::trajectory::transitions;
use crate::model::{ActorId, PartnershipId};
use crate::typology::Framework;
use crate::ui::view::{Item, ViewState};

/// The table for `framework`, the one the quadrant chart shows.
pub fn transitions_ui(ui: &mut Ui, shown: &TimeShown, framework: Framework, view: &mut ViewState) {
    let table = transitions(framework, shown.paths(framework));
    ui.label(format!("{} (the chart's framework)", framework.title()))
        .on_hover_text("Rows: the quadrant in the earlier state; columns: in the later one");
    if table.cells.is_empty() {
        ui.weak("Nothing placed in either state.");
        return;
    }
    let item = |id: u64| {
        if framework.places_actors() {
            Item::Actor(ActorId(id))
        } else {
            Item::Partnership(PartnershipId(id))
        }
    };
    egui::ScrollArea::horizontal()
        .id_salt("transitions")
        .show(ui, |ui| {
            egui::Grid::new("transition table")
                .striped(true)
                .num_columns(table.names.len() + 1)
                .show(ui, |ui| {
                    ui.label(RichText::new("from ↓ to →").weak());
                    for name in table.names {
                        ui.label(RichText::new(name).small().strong());
                    }
                    ui.end_row();
                    for (r, from) in table.names.iter().enumerate() {
                        ui.label(RichText::new(*from).small().strong());
                        for c in 0..table.names.len() {
                            let n = table.count(r, c);
                            if n == 0 {
                                ui.weak("·");
                                continue;
                            }
                            let text = if r == c {
                                RichText::new(n.to_string()).weak()
                            } else {
                                RichText::new(n.to_string()).strong()
                            };
                            let hint = format!("{n}: {from} → {}; click to select", table.names[c]);
                            if ui.button(text).on_hover_text(hint).clicked() {
                                let ids = &table.cells[&(r, c)];
                                view.selection = ids.iter().map(|id| item(*id)).collect();
                            }
                        }
                        ui.end_row();
                    }
                });
        });
}
