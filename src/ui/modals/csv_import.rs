//! The column-mapping step of a CSV import: every column of both tables with its first
//! value and what it gives (a field, a custom field, or nothing), the problems that stop the
//! import, and buttons to add a missing table, import or cancel.

use std::path::PathBuf;

use egui::{Id, RichText};

use crate::io::import::csv::{Mapping, Table, Tables, Target};
use crate::io::import::fields::{ACTOR_FIELDS, PARTNERSHIP_FIELDS};

/// A CSV import waiting for its columns to be mapped.
#[derive(Clone, Debug)]
pub struct CsvImport {
    /// What was picked (a table or a folder), for messages and the map's name.
    pub source: PathBuf,
    /// The tables read.
    pub tables: Tables,
    /// What each column gives; starts as guessed from the headers.
    pub mapping: Mapping,
}

/// What a target means, where its field name alone does not say it.
fn describe(target: &Target) -> String {
    match target {
        Target::Field("a") => "a (first actor, source)".into(),
        Target::Field("b") => "b (second actor, target)".into(),
        Target::Field("a_name") => "a_name (first actor's name)".into(),
        Target::Field("b_name") => "b_name (second actor's name)".into(),
        Target::Field("x") => "x (position)".into(),
        Target::Field("y") => "y (position)".into(),
        other => other.describe(),
    }
}

impl CsvImport {
    /// The step for `tables` read from `source`, with the guessed mapping.
    pub fn new(source: PathBuf, tables: Tables) -> Self {
        let mapping = tables.guess_mapping();
        Self {
            source,
            tables,
            mapping,
        }
    }
}

/// What the user decided in the dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvDecision {
    /// Import with the mapping shown.
    Import,
    /// Close without importing.
    Cancel,
    /// Pick an actors table to add.
    AddActors,
    /// Pick a partnerships table to add.
    AddPartnerships,
}

const VALUE_HELP: &str = "Values are read as the model's names or labels (CivilSociety, \
\"Civil society\") or common spellings: NGO, CSO, CBO → Civil society; Government, Public → \
State; Company, Business → Private; Funder → Donor; Province → Provincial; Municipality → \
District; MOU, Contract, Informal; Advocacy, Training, Monitoring, Funding; yes/no, 1/0. \
Lists are split at semicolons (a semicolon inside an item is written \\;). A value that fits \
nothing stops the import with its row and column; control characters are removed, with a note.";

fn first_value(table: &Table, column: usize) -> String {
    let v = table
        .rows
        .iter()
        .filter_map(|r| r.get(column))
        .find(|c| !c.trim().is_empty())
        .cloned()
        .unwrap_or_default();
    if v.chars().count() > 28 {
        format!("{}…", v.chars().take(27).collect::<String>())
    } else {
        v
    }
}

fn table_ui(
    ui: &mut egui::Ui,
    table: &Table,
    targets: &mut [Target],
    fields: &[&'static str],
    id: &str,
) {
    ui.label(
        RichText::new(format!(
            "{} — {} rows, {} columns",
            table.name,
            table.rows.iter().filter(|r| !r.is_empty()).count(),
            table.headers.len()
        ))
        .strong(),
    );
    egui::Grid::new(id)
        .num_columns(3)
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Column").weak());
            ui.label(RichText::new("First value").weak());
            ui.label(RichText::new("Gives").weak());
            ui.end_row();
            for (i, (header, target)) in table.headers.iter().zip(targets.iter_mut()).enumerate() {
                let name = ui.label(header).id;
                ui.label(RichText::new(first_value(table, i)).italics());
                egui::ComboBox::from_id_salt((id, i))
                    .selected_text(describe(target))
                    .width(190.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(target, Target::Ignore, "leave out");
                        ui.selectable_value(target, Target::Custom, "custom field")
                            .on_hover_text("Kept as a custom field named as the column");
                        ui.separator();
                        for f in fields {
                            ui.selectable_value(
                                target,
                                Target::Field(f),
                                describe(&Target::Field(f)),
                            );
                        }
                    })
                    .response
                    .labelled_by(name);
                ui.end_row();
            }
        });
}

/// Shows the dialog; returns the user's decision, if any this frame.
pub fn csv_mapping_ui(ctx: &egui::Context, state: &mut CsvImport) -> Option<CsvDecision> {
    let mut decision = None;
    let response = egui::Modal::new(Id::unique("partnermap.csv_import")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading("Import tables");
        ui.label("Choose what each column gives. Columns named as PartnerMap's fields, or in common ways, are already chosen.");
        egui::CollapsingHeader::new("How values are read")
            .id_salt("csv.values")
            .show(ui, |ui| ui.label(VALUE_HELP));
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(ui.ctx().content_rect().height() * 0.6)
            .show(ui, |ui| {
                if let Some(t) = &state.tables.actors {
                    table_ui(ui, t, &mut state.mapping.actors, &ACTOR_FIELDS, "csv.actors");
                    ui.add_space(8.0);
                }
                if let Some(t) = &state.tables.partnerships {
                    table_ui(
                        ui,
                        t,
                        &mut state.mapping.partnerships,
                        &PARTNERSHIP_FIELDS,
                        "csv.partnerships",
                    );
                }
            });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if state.tables.actors.is_none() {
                ui.label("No actors table: each name in the partnerships makes an actor.");
                if ui.button("Add an actors table…").clicked() {
                    decision = Some(CsvDecision::AddActors);
                }
            }
            if state.tables.partnerships.is_none() {
                ui.label("No partnerships table.");
                if ui.button("Add a partnerships table…").clicked() {
                    decision = Some(CsvDecision::AddPartnerships);
                }
            }
        });
        let problems = state.mapping.problems(&state.tables);
        for p in &problems {
            ui.colored_label(ui.visuals().error_fg_color, p);
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(problems.is_empty(), egui::Button::new("Import"))
                .clicked()
            {
                decision = Some(CsvDecision::Import);
            }
            if ui.button("Cancel").clicked() {
                decision = Some(CsvDecision::Cancel);
            }
        });
    });
    if response.should_close() && decision.is_none() {
        decision = Some(CsvDecision::Cancel);
    }
    decision
}
