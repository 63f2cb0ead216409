//! The lists of actors and partnerships, with search (Ctrl+F) and filters by sector, level,
//! function and form. What the filters leave out is dimmed on the canvas; clicking a row
//! selects the item and centres it on the canvas.

use std::collections::BTreeSet;

use egui::{ComboBox, Id, RichText, TextEdit, Ui};

use super::intent::Intent;
use super::view::{Filters, Item, ListTab, SelectMode, ViewState};
use crate::model::{ActorId, Choice, Form, Function, Level, PartnershipId, Project, Sector};

fn filter_combo<T: Choice>(ui: &mut Ui, id: &str, label: &str, value: &mut Option<T>) {
    ComboBox::new(id, label)
        .selected_text(value.map_or("all", |v| v.label()))
        .width(110.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "all");
            for v in T::ALL {
                ui.selectable_value(value, Some(*v), v.label())
                    .on_hover_text(v.meaning());
            }
        });
}

/// The search field and the filters.
fn filters_ui(ui: &mut Ui, filters: &mut Filters, focus: &mut bool) {
    ui.horizontal(|ui| {
        let label = ui.label("Find");
        let response = ui
            .add(
                TextEdit::singleline(&mut filters.text)
                    .hint_text("name, kind, notes… (Ctrl+F)")
                    .desired_width(f32::INFINITY)
                    .id(Id::unique("partnermap.search")),
            )
            .labelled_by(label.id);
        if *focus {
            response.request_focus();
            *focus = false;
        }
    });
    egui::CollapsingHeader::new("Filters")
        .default_open(false)
        .show(ui, |ui| {
            filter_combo::<Sector>(ui, "filter.sector", "Sector", &mut filters.sector);
            filter_combo::<Level>(ui, "filter.level", "Level", &mut filters.level);
            filter_combo::<Function>(ui, "filter.function", "Function", &mut filters.function);
            filter_combo::<Form>(ui, "filter.form", "Form", &mut filters.form);
            if filters.is_active() && ui.button("Clear filters").clicked() {
                *filters = Filters::default();
            }
        });
}

/// Draws the lists; `matches` are the items that pass the filters (all when none is set).
pub fn lists_ui(
    ui: &mut Ui,
    project: &Project,
    view: &mut ViewState,
    matches: Option<&(BTreeSet<ActorId>, BTreeSet<PartnershipId>)>,
    intents: &mut Vec<Intent>,
) {
    filters_ui(ui, &mut view.filters, &mut view.focus_search);
    ui.horizontal(|ui| {
        let (na, np) = match matches {
            Some((a, p)) => (a.len(), p.len()),
            None => (project.actors.len(), project.partnerships.len()),
        };
        ui.selectable_value(
            &mut view.list_tab,
            ListTab::Actors,
            format!("Actors ({na})"),
        );
        ui.selectable_value(
            &mut view.list_tab,
            ListTab::Partnerships,
            format!("Partnerships ({np})"),
        );
    });
    ui.separator();
    let rows: Vec<Item> = match view.list_tab {
        ListTab::Actors => project
            .actors
            .keys()
            .filter(|id| matches.is_none_or(|(m, _)| m.contains(id)))
            .map(|id| Item::Actor(*id))
            .collect(),
        ListTab::Partnerships => project
            .partnerships
            .keys()
            .filter(|id| matches.is_none_or(|(_, m)| m.contains(id)))
            .map(|id| Item::Partnership(*id))
            .collect(),
    };
    // Only the rows in view get a label.
    let label_of = |item: &Item| -> String {
        match item {
            Item::Actor(id) => project
                .actor(*id)
                .map_or_else(String::new, |a| a.name.clone()),
            Item::Partnership(id) => project.partnership(*id).map_or_else(String::new, |p| {
                let name = |id| project.actor(id).map_or("?", |a| a.short_or_name());
                match &p.label {
                    Some(l) => format!("{} – {} ({l})", name(p.a), name(p.b)),
                    None => format!("{} – {}", name(p.a), name(p.b)),
                }
            }),
        }
    };
    if rows.is_empty() {
        ui.label(RichText::new("Nothing matches.").weak());
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        row_height,
        rows.len(),
        |ui, range| {
            for item in &rows[range] {
                let selected = view.selection.contains(item);
                let text = label_of(item);
                let response = ui.selectable_label(selected, super::bidi::visual(&text));
                if response.hovered() {
                    view.hovered = Some(*item);
                }
                if response.clicked() {
                    let additive = ui.input(|i| i.modifiers.command || i.modifiers.shift);
                    let mode = if additive {
                        SelectMode::Toggle
                    } else {
                        SelectMode::Replace
                    };
                    view.select([*item], mode);
                    intents.push(Intent::Center(*item));
                }
            }
        },
    );
}
