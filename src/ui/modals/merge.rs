//! The Merge map dialog (design.md §13): another group's map, matched with the open one,
//! becomes a perspective. The dialog names the perspective, lists the matches in doubt each
//! with Confirm and Reject, and the actors and partnerships only the other map has, each
//! with a tick (all ticked); Merge does it as one undo step.

use std::path::PathBuf;
use std::sync::Arc;

use egui::{Id, RichText, Role, WidgetInfo};

use crate::edit::merge::{self, Choices, Doubt, MergePlan, Resolved, partnership_text};
use crate::model::{ActorId, PartnershipId, Project};

/// The dialog's state: the plan, the name being typed and the choices made.
#[derive(Clone, Debug)]
pub struct MergeDialog {
    /// The other map's file.
    pub source: PathBuf,
    /// The other map matched with the open one.
    pub plan: Arc<MergePlan>,
    /// The perspective's name as typed.
    pub name: String,
    /// What the user decided so far.
    pub choices: Choices,
    /// Why the last Merge failed; nothing was merged.
    pub error: Option<String>,
    /// The merge worked out for [`MergeDialog::choices`] (cleared when they change).
    resolved: Option<(Choices, Box<Resolved>)>,
    /// How many rows the list keeps room for.
    reserved_rows: Option<usize>,
}

/// What the user did in the dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeDecision {
    /// Merge with the choices made.
    Merge,
    /// Close without merging.
    Cancel,
}

impl MergeDialog {
    /// The dialog for `plan`, read from `source`, with every match taken and every new item
    /// ticked.
    pub fn new(source: PathBuf, plan: MergePlan) -> Self {
        Self {
            source,
            name: plan.name.clone(),
            plan: Arc::new(plan),
            choices: Choices::default(),
            error: None,
            resolved: None,
            reserved_rows: None,
        }
    }

    /// The merge for the current choices against `base`, worked out again only when the
    /// choices changed.
    pub fn resolved(&mut self, base: &Project) -> &Resolved {
        let fresh = matches!(&self.resolved, Some((made_for, _)) if *made_for == self.choices);
        if !fresh {
            self.resolved = None;
        }
        let (plan, choices) = (&self.plan, &self.choices);
        &self
            .resolved
            .get_or_insert_with(|| (choices.clone(), Box::new(plan.resolve(base, choices))))
            .1
    }

    /// The plan with the name typed, for the merge itself.
    pub fn plan_named(&self) -> MergePlan {
        let mut plan = (*self.plan).clone();
        plan.name = self.name.clone();
        plan
    }
}

/// One line of the dialog's list.
#[derive(Clone, Copy)]
enum Row {
    Heading(&'static str, usize),
    Hint(&'static str),
    ActorDoubt(usize),
    PartnershipDoubt(usize),
    NewActor(ActorId),
    NewPartnership(usize),
}

/// The dialog's width, in points.
const WIDTH: f32 = 620.0;

/// Draws the dialog over the open map `base`; returns the user's decision, if any.
pub fn merge_ui(
    ctx: &egui::Context,
    dialog: &mut MergeDialog,
    base: &Project,
) -> Option<MergeDecision> {
    let mut decision = None;
    let response = egui::Modal::new(Id::unique("partnermap.merge")).show(ctx, |ui| {
        ui.set_width(WIDTH);
        ui.heading("Merge a map as a perspective");
        let other = &dialog.plan.other;
        ui.label(format!(
            "{}: {} actors, {} partnerships. Its values for the actors and partnerships matched \
             here become a perspective beside the map's own; their names and other fields stay \
             as they are here.",
            crate::io::file_name(&dialog.source),
            other.actors.len(),
            other.partnerships.len()
        ));
        ui.label(
            RichText::new(if dialog.plan.shared_origin {
                "Both maps began as one: actors are matched by id, then by name."
            } else {
                "The maps did not begin as one: actors are matched by name."
            })
            .weak(),
        );
        ui.add_space(4.0);
        let name_ok = name_ui(ui, dialog, base);
        ui.add_space(4.0);
        list_ui(ui, dialog, base);
        ui.add_space(4.0);
        let plan = Arc::clone(&dialog.plan);
        let resolved = dialog.resolved(base);
        ui.label(format!("Result: {}.", resolved.summary));
        let notes: Vec<String> = plan.notes.iter().chain(&resolved.notes).cloned().collect();
        for note in notes {
            ui.label(RichText::new(format!("Note: {note}.")).weak());
        }
        if let Some(error) = &dialog.error {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("Nothing was merged: {error}."),
            );
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(name_ok, egui::Button::new("Merge"))
                .clicked()
            {
                decision = Some(MergeDecision::Merge);
            }
            if ui.button("Cancel").clicked() {
                decision = Some(MergeDecision::Cancel);
            }
        });
    });
    if response.should_close() && decision.is_none() {
        decision = Some(MergeDecision::Cancel);
    }
    decision
}

/// The name field, with what is wrong with the name; returns whether it will do.
fn name_ui(ui: &mut egui::Ui, dialog: &mut MergeDialog, base: &Project) -> bool {
    ui.horizontal(|ui| {
        let label = ui.label("Perspective name");
        let edit = egui::TextEdit::singleline(&mut dialog.name)
            .hint_text("the group whose map this is")
            .desired_width(280.0);
        if ui.add(edit).labelled_by(label.id).changed() {
            dialog.error = None;
        }
    });
    match merge::check_name(base, &dialog.name) {
        Ok(_) => true,
        Err(e) => {
            ui.colored_label(ui.visuals().warn_fg_color, e.to_string());
            false
        }
    }
}

/// The rows of the list: the matches in doubt, then the new actors and partnerships.
fn rows(plan: &MergePlan, resolved: &Resolved, choices: &Choices) -> Vec<Row> {
    let actor_doubts: Vec<usize> = (0..plan.actors.len())
        .filter(|&i| plan.actors[i].found.doubt().is_some())
        .collect();
    let partnership_doubts: Vec<usize> = (0..resolved.partnerships.len())
        .filter(|&i| resolved.partnerships[i].found.doubt().is_some())
        .collect();
    let new_actors: Vec<ActorId> = plan.new_actors(choices).collect();
    let new_partnerships: Vec<usize> = (0..resolved.partnerships.len())
        .filter(|&i| resolved.partnerships[i].found.base().is_none())
        .collect();
    let mut rows = Vec::new();
    let doubts = actor_doubts.len() + partnership_doubts.len();
    if doubts > 0 {
        rows.push(Row::Heading("Matches to check", doubts));
        rows.extend(actor_doubts.into_iter().map(Row::ActorDoubt));
        rows.extend(partnership_doubts.into_iter().map(Row::PartnershipDoubt));
    }
    if !new_actors.is_empty() {
        rows.push(Row::Heading(
            "Actors only the other map has",
            new_actors.len(),
        ));
        rows.push(Row::Hint("Ticked ones are added, with their values."));
        rows.extend(new_actors.into_iter().map(Row::NewActor));
    }
    if !new_partnerships.is_empty() {
        rows.push(Row::Heading(
            "Partnerships only the other map has",
            new_partnerships.len(),
        ));
        rows.extend(new_partnerships.into_iter().map(Row::NewPartnership));
    }
    rows
}

/// The list of choices, drawn a screenful at a time (a research map may offer thousands).
fn list_ui(ui: &mut egui::Ui, dialog: &mut MergeDialog, base: &Project) {
    let plan = Arc::clone(&dialog.plan);
    let choices = dialog.choices.clone();
    let rows = rows(&plan, dialog.resolved(base), &choices);
    if rows.is_empty() {
        ui.label("Every actor and partnership of the other map is matched here for sure.");
        return;
    }
    let reserved = *dialog
        .reserved_rows
        .get_or_insert_with(|| reserved_rows(&plan, base, rows.len()));
    let height = ui
        .spacing()
        .interact_size
        .y
        .max(ui.text_style_height(&egui::TextStyle::Body));
    let max = (ui.ctx().content_rect().height() * 0.45).max(height * 4.0);
    // Room for the rows the choices may add, so that the dialog does not move under the
    // pointer when a match is rejected.
    let room = (reserved as f32 * (height + ui.spacing().item_spacing.y)).min(max);
    egui::ScrollArea::vertical()
        .id_salt("merge.list")
        .min_scrolled_height(room)
        .max_height(room)
        .auto_shrink([false, false])
        .show_rows(ui, height, rows.len(), |ui, range| {
            // Long names are cut short (in full on hover): the dialog keeps its width.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for row in &rows[range] {
                row_ui(ui, dialog, base, *row);
            }
        });
}

/// How many rows the list may come to have: as many as now, or as with every match in
/// doubt rejected (each adds a new actor or partnership, and those of its partnerships).
fn reserved_rows(plan: &MergePlan, base: &Project, now: usize) -> usize {
    let first = plan.resolve(base, &Choices::default());
    let all = Choices {
        rejected_actors: plan.doubtful_actors().map(|m| m.other).collect(),
        rejected_partnerships: first
            .partnerships
            .iter()
            .filter(|m| m.found.doubt().is_some())
            .map(|m| m.other)
            .collect(),
        ..Choices::default()
    };
    let rejected = plan.resolve(base, &all);
    now.max(rows(plan, &rejected, &all).len() + 2)
}

fn row_ui(ui: &mut egui::Ui, dialog: &mut MergeDialog, base: &Project, row: Row) {
    let plan = Arc::clone(&dialog.plan);
    match row {
        Row::Heading(text, n) => {
            ui.label(RichText::new(format!("{text} ({n})")).strong());
        }
        Row::Hint(text) => {
            ui.label(RichText::new(text).weak());
        }
        Row::ActorDoubt(i) => {
            let m = plan.actors[i];
            let (there, here, _) = plan.actor_doubt(base, &m);
            let why = m.found.doubt().map_or("", Doubt::explain);
            let rejected = dialog.choices.rejected_actors.contains(&m.other);
            if let Some(reject) = doubt_ui(ui, &there, &here, why, rejected) {
                set(&mut dialog.choices.rejected_actors, m.other, reject);
            }
        }
        Row::PartnershipDoubt(i) => {
            let m = dialog.resolved(base).partnerships[i];
            let (there, here, _) = plan.partnership_doubt(base, &m);
            let why = m.found.doubt().map_or("", Doubt::explain);
            let rejected = dialog.choices.rejected_partnerships.contains(&m.other);
            if let Some(reject) = doubt_ui(ui, &there, &here, why, rejected) {
                set(&mut dialog.choices.rejected_partnerships, m.other, reject);
            }
        }
        Row::NewActor(id) => {
            let mut add = !dialog.choices.skipped_actors.contains(&id);
            let name = plan.other_actor_name(id);
            if ui.checkbox(&mut add, name).on_hover_text(name).changed() {
                set(&mut dialog.choices.skipped_actors, id, !add);
            }
        }
        Row::NewPartnership(i) => {
            let m = dialog.resolved(base).partnerships[i];
            new_partnership_ui(ui, dialog, &plan, m.other, m.blocked_by);
        }
    }
}

/// Confirm and Reject for one match in doubt; returns whether it is now rejected, when the
/// user changed it.
fn doubt_ui(ui: &mut egui::Ui, there: &str, here: &str, why: &str, rejected: bool) -> Option<bool> {
    let mut changed = None;
    ui.horizontal(|ui| {
        let question = format!("“{there}” is “{here}”");
        for (reject, word) in [(false, "Confirm"), (true, "Reject")] {
            let selected = rejected == reject;
            let response = ui.selectable_label(selected, word);
            let name = format!("{word}: {question}");
            response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &name));
            if response.clicked() && !selected {
                changed = Some(reject);
            }
        }
        let text = format!("{question}? ({why})");
        ui.label(&text).on_hover_text(&text);
    });
    changed
}

/// The tick of a partnership only the other map has; greyed out when an actor at one end is
/// neither matched nor added.
fn new_partnership_ui(
    ui: &mut egui::Ui,
    dialog: &mut MergeDialog,
    plan: &MergePlan,
    id: PartnershipId,
    blocked_by: Option<ActorId>,
) {
    let Some(p) = plan.other.partnerships.get(&id) else {
        return;
    };
    let text = partnership_text(&plan.other, p);
    let mut add = blocked_by.is_none() && !dialog.choices.skipped_partnerships.contains(&id);
    let response = ui.add_enabled(blocked_by.is_none(), egui::Checkbox::new(&mut add, text));
    if let Some(actor) = blocked_by {
        response.on_disabled_hover_text(format!(
            "Not added: “{}” is not added",
            plan.other_actor_name(actor)
        ));
    } else if response.changed() {
        set(&mut dialog.choices.skipped_partnerships, id, !add);
    }
}

fn set<T: Ord>(set: &mut std::collections::BTreeSet<T>, item: T, on: bool) {
    if on {
        set.insert(item);
    } else {
        set.remove(&item);
    }
}
