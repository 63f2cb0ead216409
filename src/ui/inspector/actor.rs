//! The inspector for one actor: who it is, its scores, its lists and notes, and where it
//! stands on the canvas.

use egui::{RichText, Ui};

use super::InspectorState;
use super::widgets::{
    TextOutcome, custom_ui, notes_ui, optional_choice_combo_ui, optional_score_ui, sources_ui,
    tags_ui, text_field_id, text_field_ui,
};
use crate::edit::updates::update_actor;
use crate::model::scales;
use crate::model::{
    Actor, Choice, MAX_NAME_CHARS, Partnership, Position, Project, RESOURCE_SUGGESTIONS, Stance,
};
use crate::ui::intent::{Edit, Intent, count};

/// Pushes an edit of one actor if `change` changes it; edits of the same field merge into
/// one undo step.
fn edit_actor(
    intents: &mut Vec<Intent>,
    actor: &Actor,
    field: &str,
    change: impl FnOnce(&mut Actor),
) {
    if let Some(command) = update_actor(actor, change) {
        let label = format!("Set {field} of {}", actor.short_or_name());
        intents.push(Intent::Edit(
            Edit::new(label, command).merging(format!("a{}.{field}", actor.id)),
        ));
    }
}

/// Every field of one actor, top to bottom.
pub(super) fn actor_ui(
    ui: &mut Ui,
    project: &Project,
    a: &Actor,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    let key = format!("a{}", a.id);
    heading_ui(ui, a);
    identity_ui(ui, a, &key, st, intents);
    ui.separator();
    scores_ui(ui, a, &key, intents);
    ui.separator();
    records_ui(ui, a, &key, st, intents);
    ui.separator();
    place_ui(ui, project, a, intents);
}

/// The actor's name as a heading, with its id, sector and level below.
fn heading_ui(ui: &mut Ui, a: &Actor) {
    ui.heading(RichText::new(crate::ui::bidi::visual(&a.name)).strong());
    ui.label(
        RichText::new(format!(
            "Actor {} · {} · {}",
            a.id,
            a.sector.map_or("sector not set", Choice::label),
            a.level.map_or("level not set", Choice::label)
        ))
        .weak(),
    );
    ui.add_space(4.0);
}

/// Name, short name, sector, level and kind.
fn identity_ui(
    ui: &mut Ui,
    a: &Actor,
    key: &str,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    // Name: required, at most 200 characters.
    let name_key = format!("{key}.name");
    if st.focus_name {
        ui.memory_mut(|m| m.request_focus(text_field_id(&name_key)));
        st.focus_name = false;
    }
    if let TextOutcome::Commit(name) = text_field_ui(ui, st, name_key, "Name", &a.name, false) {
        let name = name.trim().to_string();
        if name.is_empty() {
            st.message = Some("An actor needs a name; the old name was kept.".into());
        } else if name.chars().count() > MAX_NAME_CHARS {
            st.message = Some(format!(
                "A name can have at most {MAX_NAME_CHARS} characters."
            ));
        } else {
            edit_actor(intents, a, "name", |x| x.name = name);
        }
    }
    if let TextOutcome::Commit(short) = text_field_ui(
        ui,
        st,
        format!("{key}.short"),
        "Short name (shown when zoomed out)",
        a.short.as_deref().unwrap_or(""),
        false,
    ) {
        let short = short.trim().to_string();
        edit_actor(intents, a, "short name", |x| {
            x.short = (!short.is_empty()).then_some(short)
        });
    }
    if let Some(s) = optional_choice_combo_ui(ui, &format!("{key}.sector"), "Sector", a.sector) {
        edit_actor(intents, a, "sector", |x| x.sector = s);
    }
    if let Some(l) = optional_choice_combo_ui(ui, &format!("{key}.level"), "Level", a.level) {
        edit_actor(intents, a, "level", |x| x.level = l);
    }
    ui.horizontal(|ui| {
        if let TextOutcome::Commit(kind) =
            text_field_ui(ui, st, format!("{key}.kind"), "Kind", &a.kind, false)
        {
            edit_actor(intents, a, "kind", |x| x.kind = kind.trim().to_string());
        }
    });
    if let Some(sector) = a.sector {
        ui.menu_button("Kinds for this sector", |ui| {
            for k in sector.kind_suggestions() {
                if ui.button(*k).clicked() {
                    edit_actor(intents, a, "kind", |x| x.kind = (*k).to_string());
                    ui.close();
                }
            }
        });
    }
}

/// Influence, interest, capacity and stance.
fn scores_ui(ui: &mut Ui, a: &Actor, key: &str, intents: &mut Vec<Intent>) {
    let influence = a.influence.map(i32::from);
    if let Some(v) = optional_score_ui(ui, "Influence", influence, &scales::INFLUENCE) {
        edit_actor(intents, a, "influence", |x| {
            x.influence = v.map(|v| v as u8)
        });
    }
    let interest = a.interest.map(i32::from);
    if let Some(v) = optional_score_ui(ui, "Interest", interest, &scales::INTEREST) {
        edit_actor(intents, a, "interest", |x| x.interest = v.map(|v| v as u8));
    }
    if let Some(v) = optional_score_ui(ui, "Capacity", a.capacity.map(i32::from), &scales::CAPACITY)
    {
        edit_actor(intents, a, "capacity", |x| x.capacity = v.map(|v| v as u8));
    }
    if let Some(v) =
        optional_choice_combo_ui::<Stance>(ui, &format!("{key}.stance"), "Stance", a.stance)
    {
        edit_actor(intents, a, "stance", |x| x.stance = v);
    }
}

/// Resources, tags, notes, sources and extra fields.
fn records_ui(
    ui: &mut Ui,
    a: &Actor,
    key: &str,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    if let Some(t) = tags_ui(
        ui,
        st,
        &format!("{key}.resources"),
        "Resources",
        &a.resources,
        RESOURCE_SUGGESTIONS,
    ) {
        edit_actor(intents, a, "resources", |x| x.resources = t);
    }
    if let Some(t) = tags_ui(ui, st, &format!("{key}.tags"), "Tags", &a.tags, &[]) {
        edit_actor(intents, a, "tags", |x| x.tags = t);
    }
    if let Some(notes) = notes_ui(ui, st, format!("{key}.notes"), &a.notes) {
        edit_actor(intents, a, "notes", |x| x.notes = notes);
    }
    if let Some(s) = sources_ui(ui, st, format!("{key}.sources"), &a.sources) {
        edit_actor(intents, a, "sources", |x| x.sources = s);
    }
    if let Some(c) = custom_ui(ui, st, key, &a.custom) {
        edit_actor(intents, a, "extra fields", |x| x.custom = c);
    }
}

/// How many partnerships the actor has, its position and whether it is pinned.
fn place_ui(ui: &mut Ui, project: &Project, a: &Actor, intents: &mut Vec<Intent>) {
    let partners: Vec<&Partnership> = project
        .partnerships
        .values()
        .filter(|p| p.a == a.id || p.b == a.id)
        .collect();
    ui.label(RichText::new(count(partners.len(), "partnership", "partnerships")).weak());
    ui.horizontal(|ui| {
        let label = ui.label("Position");
        let (mut x, mut y) = (a.position.x, a.position.y);
        let rx = ui
            .add(egui::DragValue::new(&mut x).prefix("x ").speed(1.0))
            .labelled_by(label.id);
        let ry = ui
            .add(egui::DragValue::new(&mut y).prefix("y ").speed(1.0))
            .labelled_by(label.id);
        if (rx.changed() || ry.changed()) && x.is_finite() && y.is_finite() {
            edit_actor(intents, a, "position", |q| {
                q.position = Position::new(x, y);
            });
        }
    });
    let mut pinned = a.pinned;
    if ui
        .checkbox(&mut pinned, "Pinned")
        .on_hover_text("Automatic layouts leave a pinned actor where it is")
        .changed()
    {
        edit_actor(intents, a, "pinned", |q| q.pinned = pinned);
    }
}
