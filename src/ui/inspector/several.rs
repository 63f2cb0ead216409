//! The inspector for several selected items: the fields they share, shown as "mixed" where
//! they differ, and changed for all of them in one undo step.

use egui::{ComboBox, RichText, Ui};

use super::widgets::score_buttons_ui;
use crate::edit::updates::{update_each_actor, update_each_partnership};
use crate::model::scales;
use crate::model::{
    Accountability, Actor, Choice, Form, Formality, Level, Partnership, Sector, Stance, Status,
};
use crate::ui::intent::{Edit, Intent, count};

/// The value all items share, or `None` when they differ.
fn shared<T: PartialEq + Copy, I>(items: &[&I], get: impl Fn(&I) -> T) -> Option<T> {
    let first = get(items.first()?);
    items.iter().all(|i| get(i) == first).then_some(first)
}

/// A combo that shows "mixed" when the items differ; returns the value chosen for all.
fn shared_combo_ui<T: Choice>(ui: &mut Ui, id: &str, label: &str, current: Option<T>) -> Option<T> {
    let mut chosen = None;
    ComboBox::new(id, label)
        .selected_text(current.map_or("mixed", |v| v.label()))
        .show_ui(ui, |ui| {
            for v in T::ALL {
                if ui
                    .selectable_label(current == Some(*v), v.label())
                    .on_hover_text(v.meaning())
                    .clicked()
                {
                    chosen = Some(*v);
                }
            }
        });
    chosen.filter(|v| Some(*v) != current)
}

/// A combo over a field that may be not set: "mixed" when the items differ (`None`), "not
/// set" when none of them has it (`Some(None)`); returns the value chosen for all.
fn shared_optional_combo_ui<T: Choice>(
    ui: &mut Ui,
    id: &str,
    label: &str,
    current: Option<Option<T>>,
) -> Option<Option<T>> {
    let mut chosen = None;
    let text = match current {
        None => "mixed",
        Some(None) => "not set",
        Some(Some(v)) => v.label(),
    };
    ComboBox::new(id, label)
        .selected_text(text)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(current == Some(None), "not set")
                .on_hover_text("Nobody has said: left out of every indicator that needs it.")
                .clicked()
            {
                chosen = Some(None);
            }
            for v in T::ALL {
                if ui
                    .selectable_label(current == Some(Some(*v)), v.label())
                    .on_hover_text(v.meaning())
                    .clicked()
                {
                    chosen = Some(Some(*v));
                }
            }
        });
    chosen.filter(|v| Some(*v) != current)
}

/// A word with its first letter in upper case.
fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The heading over several items of one kind.
fn heading_ui(ui: &mut Ui, what: String) {
    ui.heading(what);
    ui.label(RichText::new("Changes here apply to all of them.").weak());
}

/// The fields several actors share: sector, level, influence, interest and stance.
pub(super) fn several_actors_ui(ui: &mut Ui, actors: &[&Actor], intents: &mut Vec<Intent>) {
    let n = actors.len();
    heading_ui(ui, format!("{n} actors"));
    let mut apply = |field: &str, change: &dyn Fn(&mut Actor)| {
        let label = format!("Set {field} of {}", count(n, "actor", "actors"));
        intents.push(Intent::Edit(Edit::new(
            label,
            update_each_actor(actors, change),
        )));
    };
    if let Some(s) = shared_optional_combo_ui::<Sector>(
        ui,
        "multi.sector",
        "Sector",
        shared(actors, |a| a.sector),
    ) {
        apply("sector", &|a| a.sector = s);
    }
    if let Some(l) =
        shared_optional_combo_ui::<Level>(ui, "multi.level", "Level", shared(actors, |a| a.level))
    {
        apply("level", &|a| a.level = l);
    }
    for (field, scale, get) in [
        (
            "influence",
            &scales::INFLUENCE,
            (|a: &Actor| a.influence) as fn(&Actor) -> Option<u8>,
        ),
        ("interest", &scales::INTEREST, |a: &Actor| a.interest),
    ] {
        let current = shared(actors, get);
        let value = current.flatten().map(i32::from);
        if let Some(v) = score_buttons_ui(ui, &capitalise(field), value, current.is_none(), scale) {
            let v = v.map(|v| v as u8);
            if field == "influence" {
                apply(field, &|a| a.influence = v);
            } else {
                apply(field, &|a| a.interest = v);
            }
        }
    }
    if let Some(st) = shared_optional_combo_ui::<Stance>(
        ui,
        "multi.stance",
        "Stance",
        shared(actors, |a| a.stance),
    ) {
        apply("stance", &|a| a.stance = st);
    }
}

/// The fields several partnerships share: form, formality, status and accountability.
pub(super) fn several_partnerships_ui(
    ui: &mut Ui,
    list: &[&Partnership],
    intents: &mut Vec<Intent>,
) {
    let n = list.len();
    heading_ui(ui, format!("{n} partnerships"));
    let mut apply = |field: &str, change: &dyn Fn(&mut Partnership)| {
        let label = format!("Set {field} of {}", count(n, "partnership", "partnerships"));
        intents.push(Intent::Edit(Edit::new(
            label,
            update_each_partnership(list, change),
        )));
    };
    if let Some(f) =
        shared_optional_combo_ui::<Form>(ui, "multi.form", "Form", shared(list, |p| p.form))
    {
        apply("form", &|p| p.form = f);
    }
    if let Some(f) = shared_optional_combo_ui::<Formality>(
        ui,
        "multi.formality",
        "Formality",
        shared(list, |p| p.formality),
    ) {
        apply("formality", &|p| p.formality = f);
    }
    if let Some(s) =
        shared_combo_ui::<Status>(ui, "multi.status", "Status", shared(list, |p| p.status))
    {
        apply("status", &|p| p.status = s);
    }
    if let Some(a) = shared_combo_ui::<Accountability>(
        ui,
        "multi.acc",
        "Accountability",
        shared(list, |p| p.accountability).flatten(),
    ) {
        apply("accountability", &|p| p.accountability = Some(a));
    }
}

/// Actors and partnerships selected together share no field; says so.
pub(super) fn mixed_selection_ui(ui: &mut Ui, actors: usize, partnerships: usize) {
    ui.heading(format!(
        "{} and {} selected",
        count(actors, "actor", "actors"),
        count(partnerships, "partnership", "partnerships")
    ));
    ui.label("Select only actors or only partnerships to edit their shared fields.");
}
