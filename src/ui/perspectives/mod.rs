//! Perspectives in the window (design.md §13): the Perspectives tab (the groups, whether the
//! map's values follow them, colouring by disagreement, the indicators as each group sees the
//! map and the most contested partnerships) and the rating sheet ([`sheet`]) that takes the
//! map's place while a group rates.

pub mod sheet;
mod summary;

use egui::{RichText, Ui};

pub use sheet::{Rows, Sheet, sheet_ui};
pub use summary::{CONTESTED, Summary, SummaryCache, summarise};

use super::intent::{Edit, Intent};
use super::view::{Item, ViewState};
use crate::analysis::NetworkIndicators;
use crate::edit::Command;
use crate::model::{ColourBy, MapValues, Perspective, Project};

/// What the tab remembers between frames.
#[derive(Default)]
pub struct PerspectivesState {
    /// The name typed for a new perspective.
    pub new_name: String,
    /// The perspective being renamed (by index) and the name typed.
    pub renaming: Option<(usize, String)>,
    /// What went wrong with the last change asked for.
    pub message: Option<String>,
    /// The rating sheet, while open.
    pub sheet: Option<Sheet>,
    /// The figures of the map, worked out in the background.
    pub summary: SummaryCache,
}

/// Why `name` cannot name a new (or renamed, `except` its own index) perspective.
pub fn name_problem(project: &Project, name: &str, except: Option<usize>) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return Some("Type the group's name first.".into());
    }
    let taken = project
        .perspectives
        .iter()
        .enumerate()
        .any(|(i, v)| Some(i) != except && v.name.trim().eq_ignore_ascii_case(name));
    taken.then(|| format!("There is already a perspective named \"{name}\"."))
}

/// The indicators each column of the table shows: label, value as text.
type Row = (&'static str, fn(&NetworkIndicators) -> String);

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| format!("{:.0}%", v * 100.0))
}

const ROWS: &[Row] = &[
    ("Mean trust", |n| pct(n.mean_trust)),
    ("Trust gap", |n| pct(n.mean_trust_gap)),
    ("Power asymmetry", |n| pct(n.mean_power_asymmetry)),
    ("Integrated", |n| pct(n.integrated_share)),
    ("MoU or more formal", |n| pct(n.formal_share)),
];

/// The sentence that compares mean trust across the groups: "mean trust 72% as Government
/// sees it, 48% as Citizens do".
pub fn trust_sentence(summary: &Summary) -> Option<String> {
    let groups: Vec<(String, f64)> = summary
        .columns
        .iter()
        .skip(1)
        .filter_map(|(name, n)| Some((name.clone(), n.mean_trust?)))
        .collect();
    let ((first, t), rest) = groups.split_first()?;
    let mut text = format!("Mean trust {:.0}% as {first} sees it", t * 100.0);
    for (name, t) in rest {
        text.push_str(&format!(", {:.0}% as {name} do", t * 100.0));
    }
    Some(text)
}

/// The Perspectives tab. `summary` is the last summary worked out and whether it is current.
pub fn perspectives_tab_ui(
    ui: &mut Ui,
    project: &Project,
    summary: (Option<&Summary>, bool),
    state: &mut PerspectivesState,
    view: &mut ViewState,
    intents: &mut Vec<Intent>,
) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            // The groups first, so that the field for a new one stays where it is; they
            // fold away once set up.
            egui::CollapsingHeader::new(format!("Groups ({})", project.perspectives.len()))
                .id_salt("perspective groups")
                .default_open(true)
                .show(ui, |ui| {
                    groups_ui(ui, project, state, intents);
                    if !project.perspectives.is_empty() {
                        let mut settings = project.settings;
                        map_values_ui(ui, &mut settings);
                        settings_edit(project, settings, intents);
                    }
                });
            if project.perspectives.is_empty() {
                return;
            }
            ui.separator();
            let mut settings = project.settings;
            colour_ui(ui, &mut settings);
            settings_edit(project, settings, intents);
            match summary {
                (Some(s), current) => summary_ui(ui, s, current, view, intents),
                (None, _) => {
                    ui.weak("working out…");
                }
            }
        });
}

/// The groups: each with its counts, Rate, Rename and Delete; then a field to add one.
fn groups_ui(
    ui: &mut Ui,
    project: &Project,
    state: &mut PerspectivesState,
    intents: &mut Vec<Intent>,
) {
    if project.perspectives.is_empty() {
        ui.weak(
            "No group has rated the map yet. Add one (\"Government\", \"Citizens\"), then rate \
             as that group, or merge a breakout group's map (File → Merge map…).",
        );
    }
    let mut change: Option<(String, Vec<Perspective>)> = None;
    for (i, v) in project.perspectives.iter().enumerate() {
        let (actors, partnerships) = v.counts();
        ui.horizontal_wrapped(|ui| {
            match &mut state.renaming {
                Some((k, text)) if *k == i => {
                    let field = ui.add(
                        egui::TextEdit::singleline(text)
                            .desired_width(120.0)
                            .hint_text("name"),
                    );
                    field.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New name")
                    });
                    let enter =
                        field.lost_focus() && ui.input(|inp| inp.key_pressed(egui::Key::Enter));
                    if ui.small_button("OK").clicked() || enter {
                        match name_problem(project, text, Some(i)) {
                            Some(problem) => state.message = Some(problem),
                            None => {
                                let mut views = project.perspectives.clone();
                                views[i].name = text.trim().to_string();
                                change = Some((format!("Rename perspective {}", v.name), views));
                                state.renaming = None;
                            }
                        }
                    }
                }
                _ => {
                    ui.label(RichText::new(&v.name).strong());
                }
            }
            let mut tip = format!("{partnerships} on partnerships, {actors} on actors");
            if !v.note.is_empty() {
                tip.push_str(&format!("\n\n{}", v.note));
            }
            ui.weak(format!("{} values", partnerships + actors))
                .on_hover_text(tip);
        });
        ui.horizontal_wrapped(|ui| {
            let named = |r: egui::Response, name: String| {
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                r
            };
            let rate = ui
                .button("Rate")
                .on_hover_text("Open the rating sheet: type this group's values, key by key");
            if named(rate, format!("Rate as {}", v.name)).clicked() {
                state.sheet = Some(sheet::open(ui.ctx(), &v.name));
            }
            if named(ui.small_button("Rename"), format!("Rename {}", v.name)).clicked() {
                state.renaming = Some((i, v.name.clone()));
            }
            let delete = ui
                .small_button("Delete")
                .on_hover_text("Delete this group and its values (undo brings them back)");
            if named(delete, format!("Delete {}", v.name)).clicked() {
                let mut views = project.perspectives.clone();
                views.remove(i);
                change = Some((format!("Delete perspective {}", v.name), views));
            }
        });
    }
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut state.new_name)
                .desired_width(140.0)
                .hint_text("a group, e.g. Citizens"),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New perspective")
        });
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Add perspective").clicked() || enter {
            match name_problem(project, &state.new_name, None) {
                Some(problem) => state.message = Some(problem),
                None => {
                    let name = state.new_name.trim().to_string();
                    let mut views = project.perspectives.clone();
                    views.push(Perspective::named(&name));
                    change = Some((format!("Add perspective {name}"), views));
                    state.new_name.clear();
                }
            }
        }
    });
    if let Some(message) = &state.message {
        ui.colored_label(ui.visuals().warn_fg_color, message);
    }
    if let Some((label, views)) = change {
        state.message = None;
        intents.push(Intent::Edit(Edit::new(
            label,
            Command::set_perspectives(views),
        )));
    }
}

/// Whether the map's values follow the perspectives.
fn map_values_ui(ui: &mut Ui, settings: &mut crate::model::Settings) {
    ui.label(RichText::new("The map's own values").strong())
        .on_hover_text("What the map shows when no group is picked");
    ui.radio_value(&mut settings.map_values, MapValues::ByHand, "set by hand")
        .on_hover_text("The map's values are set in the inspector and count as one more voice");
    ui.radio_value(
        &mut settings.map_values,
        MapValues::FollowPerspectives,
        "follow the groups",
    )
    .on_hover_text(
        "Each score a group gave takes the groups' median (the lower middle value when their \
         number is even), and trust their rounded mean; scores no group gave keep the map's own",
    );
}

/// Colouring the partnerships by disagreement.
fn colour_ui(ui: &mut Ui, settings: &mut crate::model::Settings) {
    let mut by_disagreement = settings.colour_by == ColourBy::Disagreement;
    if ui
        .checkbox(&mut by_disagreement, "Colour partnerships by disagreement")
        .on_hover_text("From blue (the voices agree) to dark red (far apart)")
        .changed()
    {
        settings.colour_by = if by_disagreement {
            ColourBy::Disagreement
        } else {
            ColourBy::Trust
        };
    }
}

/// The edit of the settings the tab changed, if any.
fn settings_edit(project: &Project, settings: crate::model::Settings, intents: &mut Vec<Intent>) {
    if settings != project.settings {
        let label = if settings.map_values != project.settings.map_values {
            "Change how the map's values are set"
        } else {
            "Colour partnerships"
        };
        intents.push(Intent::Edit(Edit::new(
            label,
            Command::set_settings(settings),
        )));
    }
}

/// The network's disagreement, the indicators per group and the most contested.
fn summary_ui(
    ui: &mut Ui,
    summary: &Summary,
    current: bool,
    view: &mut ViewState,
    intents: &mut Vec<Intent>,
) {
    if !current {
        ui.weak("updating…");
    }
    let d = &summary.disagreement;
    let total = summary.columns.first().map_or(0, |(_, n)| n.partnerships);
    let text = match d.mean {
        Some(m) => format!(
            "Mean disagreement {m:.2} — from {} of {total} partnerships",
            d.known
        ),
        None => "Mean disagreement: no partnership has two voices yet".to_string(),
    };
    ui.label(text).on_hover_text(
        "For each score two or more voices gave, (highest − lowest) / the scale's range: 0 when \
         they agree, 1 when one gave the lowest and another the highest. A partnership's is the \
         mean over its scores; this is the mean over the partnerships that have one.",
    );
    if let Some(sentence) = trust_sentence(summary) {
        ui.label(RichText::new(sentence).strong());
    }
    ui.label(RichText::new("Most contested").strong());
    if summary.contested.is_empty() {
        ui.weak("No partnership where the voices differ yet.");
    }
    for (id, name, d) in &summary.contested {
        let item = Item::Partnership(*id);
        let on = view.selection.contains(&item);
        let text = format!("{d:.2}  {name}");
        if ui
            .add(egui::Button::selectable(on, text).truncate())
            .on_hover_text("Select it and show it on the map")
            .clicked()
        {
            view.selection = [item].into_iter().collect();
            intents.push(Intent::Center(item));
        }
    }
    ui.add_space(4.0);
    ui.label(RichText::new("As each group sees the map").strong());
    egui::Grid::new("indicators by perspective")
        .striped(true)
        .num_columns(summary.columns.len() + 1)
        .show(ui, |ui| {
            ui.label("");
            for (name, _) in &summary.columns {
                ui.label(RichText::new(name).strong());
            }
            ui.end_row();
            for (label, value) in ROWS {
                ui.label(*label);
                for (_, n) in &summary.columns {
                    ui.label(value(n));
                }
                ui.end_row();
            }
        });
    ui.weak("Each group's values where it gave them, the map's elsewhere.");
}
