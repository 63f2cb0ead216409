//! The inspector for one partnership, section by section: its ends, purpose, form,
//! formality and practices, trust, power, contributions, terms, dates, enablers and records.

use egui::{RichText, Ui};

use super::InspectorState;
use super::widgets::{
    TextOutcome, choice_combo, custom_ui, date_field_ui, notes_ui, optional_choice_combo_ui,
    optional_score_ui, sources_ui, tags_ui, text_field_ui,
};
use crate::edit::Command;
use crate::edit::updates::{set_dates, update_partnership};
use crate::model::scales;
use crate::model::{
    Accountability, ActorId, Choice, DISABLER_SUGGESTIONS, ENABLER_SUGGESTIONS, Form, Formality,
    Function, Initiator, PartialDate, Partnership, Project, Risk, Status,
};
use crate::ui::bidi::visual;
use crate::ui::intent::{Edit, Intent};

/// Pushes an edit of one partnership if `change` changes it; edits of the same field merge
/// into one undo step.
fn edit_partnership(
    intents: &mut Vec<Intent>,
    p: &Partnership,
    field: &str,
    change: impl FnOnce(&mut Partnership),
) {
    if let Some(command) = update_partnership(p, change) {
        push_partnership_edit(intents, p, field, command);
    }
}

/// Pushes `command`, an edit of `field` of partnership `p`.
fn push_partnership_edit(
    intents: &mut Vec<Intent>,
    p: &Partnership,
    field: &str,
    command: Command,
) {
    let label = format!("Set {field} of partnership {}", p.id);
    intents.push(Intent::Edit(
        Edit::new(label, command).merging(format!("p{}.{field}", p.id)),
    ));
}

/// Every field of one partnership, top to bottom.
pub(super) fn partnership_ui(
    ui: &mut Ui,
    project: &Project,
    p: &Partnership,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    let key = format!("p{}", p.id);
    ends_ui(ui, project, p, intents);
    purpose_ui(ui, p, &key, st, intents);
    ui.separator();
    form_ui(ui, p, &key, intents);
    formality_ui(ui, p, &key, intents);
    ui.separator();
    trust_ui(ui, st, p, project, intents);
    power_ui(ui, p, intents);
    contributions_ui(ui, project, p, intents);
    terms_ui(ui, p, &key, intents);
    dates_ui(ui, p, &key, st, intents);
    ui.separator();
    enablers_ui(ui, p, &key, st, intents);
    records_ui(ui, p, &key, st, intents);
}

/// The name of actor `id`, or its id when it is missing.
fn actor_name(project: &Project, id: ActorId) -> String {
    project
        .actor(id)
        .map_or_else(|| id.to_string(), |a| visual(&a.name).into_owned())
}

/// The short name of actor `id` (its name when it has none), or its id when it is missing.
fn actor_short(project: &Project, id: ActorId) -> String {
    project.actor(id).map_or_else(
        || id.to_string(),
        |a| visual(a.short_or_name()).into_owned(),
    )
}

/// The two ends as a heading, the partnership's id, and a button that swaps the ends.
fn ends_ui(ui: &mut Ui, project: &Project, p: &Partnership, intents: &mut Vec<Intent>) {
    ui.heading(
        RichText::new(format!(
            "{} — {}",
            actor_name(project, p.a),
            actor_name(project, p.b)
        ))
        .strong(),
    );
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Partnership {}", p.id)).weak());
        if ui
            .small_button("Swap ends")
            .on_hover_text(
                "Make the second actor the first: directed scores, power and initiator follow",
            )
            .clicked()
        {
            let swapped = p.swapped();
            intents.push(Intent::Edit(Edit::new(
                format!("Swap the ends of partnership {}", p.id),
                Command::update_partnerships([swapped]),
            )));
        }
    });
}

/// The label and the functions the partnership serves.
fn purpose_ui(
    ui: &mut Ui,
    p: &Partnership,
    key: &str,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    if let TextOutcome::Commit(label) = text_field_ui(
        ui,
        st,
        format!("{key}.label"),
        "Label",
        p.label.as_deref().unwrap_or(""),
        false,
    ) {
        let label = label.trim().to_string();
        edit_partnership(intents, p, "label", |q| {
            q.label = (!label.is_empty()).then_some(label)
        });
    }
    ui.label("Functions");
    ui.horizontal_wrapped(|ui| {
        for f in Function::ALL {
            let mut on = p.functions.contains(f);
            if ui
                .checkbox(&mut on, f.label())
                .on_hover_text(f.meaning())
                .changed()
            {
                edit_partnership(intents, p, "functions", |q| {
                    if on {
                        q.functions.insert(*f);
                    } else {
                        q.functions.remove(f);
                    }
                });
            }
        }
    });
}

/// The form, and the form its practices suggest when that differs.
fn form_ui(ui: &mut Ui, p: &Partnership, key: &str, intents: &mut Vec<Intent>) {
    if let Some(f) = optional_choice_combo_ui::<Form>(ui, &format!("{key}.form"), "Form", p.form) {
        edit_partnership(intents, p, "form", |q| q.form = f);
    }
    let suggested = p.practices.suggested_form();
    if !p.practices.is_empty() && Some(suggested) != p.form {
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("The practices suggest {}.", suggested.label())).weak())
                .on_hover_text(suggested.meaning());
            if ui.small_button("Use it").clicked() {
                edit_partnership(intents, p, "form", |q| q.form = Some(suggested));
            }
        });
    }
}

/// The formality and the practices the partners share.
fn formality_ui(ui: &mut Ui, p: &Partnership, key: &str, intents: &mut Vec<Intent>) {
    if let Some(f) = optional_choice_combo_ui::<Formality>(
        ui,
        &format!("{key}.formality"),
        "Formality",
        p.formality,
    ) {
        edit_partnership(intents, p, "formality", |q| q.formality = f);
    }
    ui.label("Practices");
    let practices: [(&str, &str, bool); 6] = [
        (
            "info_sharing",
            "Share information",
            p.practices.info_sharing,
        ),
        (
            "aligned_activities",
            "Align activities",
            p.practices.aligned_activities,
        ),
        ("joint_goals", "Set goals together", p.practices.joint_goals),
        (
            "shared_resources",
            "Share resources",
            p.practices.shared_resources,
        ),
        (
            "jointly_managed_resources",
            "Manage resources jointly",
            p.practices.jointly_managed_resources,
        ),
        (
            "mutual_decisions",
            "Decide together",
            p.practices.mutual_decisions,
        ),
    ];
    for (field, label, value) in practices {
        let mut on = value;
        if ui.checkbox(&mut on, label).changed() {
            edit_partnership(intents, p, "practices", |q| {
                let pr = &mut q.practices;
                match field {
                    "info_sharing" => pr.info_sharing = on,
                    "aligned_activities" => pr.aligned_activities = on,
                    "joint_goals" => pr.joint_goals = on,
                    "shared_resources" => pr.shared_resources = on,
                    "jointly_managed_resources" => pr.jointly_managed_resources = on,
                    _ => pr.mutual_decisions = on,
                }
            });
        }
    }
}

/// Trust: one score for both sides, or one per direction when the sides see it differently.
fn trust_ui(
    ui: &mut Ui,
    st: &mut InspectorState,
    p: &Partnership,
    project: &Project,
    intents: &mut Vec<Intent>,
) {
    let name = |id: ActorId| actor_short(project, id);
    let split = st.split_trust.contains(&p.id.0) || p.trust_ab != p.trust_ba;
    let mut show_split = split;
    if ui
        .checkbox(&mut show_split, "Seen differently by each side")
        .on_hover_text("Record how much each side trusts the other separately.")
        .changed()
    {
        if show_split {
            st.split_trust.insert(p.id.0);
        } else {
            st.split_trust.remove(&p.id.0);
            // One value for both directions: the first side's, or the second's if only it is known.
            let both = p.trust_ab.or(p.trust_ba);
            edit_partnership(intents, p, "trust", |q| {
                q.trust_ab = both;
                q.trust_ba = both;
            });
        }
    }
    if show_split {
        let ab = format!("Trust of {} in {}", name(p.a), name(p.b));
        if let Some(v) = optional_score_ui(ui, &ab, p.trust_ab.map(i32::from), &scales::TRUST) {
            edit_partnership(intents, p, "trust", |q| q.trust_ab = v.map(|v| v as u8));
        }
        let ba = format!("Trust of {} in {}", name(p.b), name(p.a));
        if let Some(v) = optional_score_ui(ui, &ba, p.trust_ba.map(i32::from), &scales::TRUST) {
            edit_partnership(intents, p, "trust", |q| q.trust_ba = v.map(|v| v as u8));
        }
    } else if let Some(v) =
        optional_score_ui(ui, "Trust", p.trust_ab.map(i32::from), &scales::TRUST)
    {
        edit_partnership(intents, p, "trust", |q| {
            q.trust_ab = v.map(|v| v as u8);
            q.trust_ba = v.map(|v| v as u8);
        });
    }
}

/// The balance of power between the two ends.
fn power_ui(ui: &mut Ui, p: &Partnership, intents: &mut Vec<Intent>) {
    if let Some(v) = optional_score_ui(ui, "Power", p.power.map(i32::from), &scales::POWER) {
        edit_partnership(intents, p, "power", |q| q.power = v.map(|v| v as i8));
    }
}

/// What each end contributes and how much of its identity it keeps.
fn contributions_ui(ui: &mut Ui, project: &Project, p: &Partnership, intents: &mut Vec<Intent>) {
    let short = |id: ActorId| actor_short(project, id);
    let pairs = [
        (
            "contribution_a",
            format!("Contribution of {}", short(p.a)),
            p.contribution_a,
            &scales::CONTRIBUTION,
        ),
        (
            "contribution_b",
            format!("Contribution of {}", short(p.b)),
            p.contribution_b,
            &scales::CONTRIBUTION,
        ),
        (
            "identity_a",
            format!("Identity kept by {}", short(p.a)),
            p.identity_a,
            &scales::IDENTITY,
        ),
        (
            "identity_b",
            format!("Identity kept by {}", short(p.b)),
            p.identity_b,
            &scales::IDENTITY,
        ),
    ];
    for (field, label, value, scale) in pairs {
        if let Some(v) = optional_score_ui(ui, &label, value.map(i32::from), scale) {
            edit_partnership(intents, p, field, |q| {
                let v = v.map(|v| v as u8);
                match field {
                    "contribution_a" => q.contribution_a = v,
                    "contribution_b" => q.contribution_b = v,
                    "identity_a" => q.identity_a = v,
                    _ => q.identity_b = v,
                }
            });
        }
    }
}

/// Accountability, risk, who initiated it, and its status.
fn terms_ui(ui: &mut Ui, p: &Partnership, key: &str, intents: &mut Vec<Intent>) {
    if let Some(v) = optional_choice_combo_ui::<Accountability>(
        ui,
        &format!("{key}.acc"),
        "Accountability",
        p.accountability,
    ) {
        edit_partnership(intents, p, "accountability", |q| q.accountability = v);
    }
    if let Some(v) = optional_choice_combo_ui::<Risk>(ui, &format!("{key}.risk"), "Risk", p.risk) {
        edit_partnership(intents, p, "risk", |q| q.risk = v);
    }
    if let Some(v) =
        optional_choice_combo_ui::<Initiator>(ui, &format!("{key}.init"), "Initiator", p.initiator)
    {
        edit_partnership(intents, p, "initiator", |q| q.initiator = v);
    }
    if let Some(v) = choice_combo::<Status>(ui, &format!("{key}.status"), "Status", p.status) {
        edit_partnership(intents, p, "status", |q| q.status = v);
    }
}

/// The start and end dates side by side.
fn dates_ui(
    ui: &mut Ui,
    p: &Partnership,
    key: &str,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.set_width(120.0);
            if let Some(d) = date_field_ui(ui, st, format!("{key}.start"), "Start", &p.start) {
                check_dates(st, intents, p, d, p.end.clone());
            }
        });
        ui.vertical(|ui| {
            ui.set_width(120.0);
            if let Some(d) = date_field_ui(ui, st, format!("{key}.end"), "End", &p.end) {
                check_dates(st, intents, p, p.start.clone(), d);
            }
        });
    });
}

/// Commits new dates unless the end would fall before the start.
fn check_dates(
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
    p: &Partnership,
    start: Option<PartialDate>,
    end: Option<PartialDate>,
) {
    match set_dates(p, start, end) {
        Ok(Some(command)) => push_partnership_edit(intents, p, "dates", command),
        Ok(None) => {}
        Err(_) => {
            st.message = Some("The end cannot be before the start; the old value was kept.".into());
        }
    }
}

/// What helps the partnership and what hinders it.
fn enablers_ui(
    ui: &mut Ui,
    p: &Partnership,
    key: &str,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    if let Some(t) = tags_ui(
        ui,
        st,
        &format!("{key}.enablers"),
        "Enablers",
        &p.enablers,
        ENABLER_SUGGESTIONS,
    ) {
        edit_partnership(intents, p, "enablers", |q| q.enablers = t);
    }
    if let Some(t) = tags_ui(
        ui,
        st,
        &format!("{key}.disablers"),
        "Disablers",
        &p.disablers,
        DISABLER_SUGGESTIONS,
    ) {
        edit_partnership(intents, p, "disablers", |q| q.disablers = t);
    }
}

/// Notes, sources and extra fields.
fn records_ui(
    ui: &mut Ui,
    p: &Partnership,
    key: &str,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    if let Some(notes) = notes_ui(ui, st, format!("{key}.notes"), &p.notes) {
        edit_partnership(intents, p, "notes", |q| q.notes = notes);
    }
    if let Some(s) = sources_ui(ui, st, format!("{key}.sources"), &p.sources) {
        edit_partnership(intents, p, "sources", |q| q.sources = s);
    }
    if let Some(c) = custom_ui(ui, st, key, &p.custom) {
        edit_partnership(intents, p, "extra fields", |q| q.custom = c);
    }
}
