//! The map over time in the window (design.md §12): the Time tab (compare two states, step
//! through the timeline, the map as of a date, the list of changes, the moves between
//! quadrants and the indicators over time) and the bar over the canvas while another state
//! than the working map is shown. The states are composed in the background ([`state`]).

mod changes;
mod over_time;
mod state;
mod transitions;

use egui::{RichText, Ui};

pub use changes::{ChangeRow, change_rows};
pub use state::{
    OverTime, TimeRequest, TimeShown, TimeView, make, over_time as indicators_over_time,
};

use super::intent::Intent;
use super::view::ViewState;
use crate::analysis::time::{State, timeline};
use crate::model::{PartialDate, Project};
use crate::typology::Framework;

/// The choices of the Time tab that are not a request yet.
#[derive(Clone, Debug, Default)]
pub struct TimeChoices {
    /// The earlier state picked for a comparison.
    pub from: Option<State>,
    /// The later state picked.
    pub to: Option<State>,
    /// The date typed for "as of".
    pub as_of: String,
    /// The indicator drawn in the chart over time.
    pub indicator: usize,
}

/// A state's picker.
fn state_picker(
    ui: &mut Ui,
    (id, label): (&str, egui::Id),
    project: &Project,
    states: &[State],
    pick: &mut Option<State>,
) {
    let shown = pick
        .as_ref()
        .map_or_else(|| "—".to_string(), |s| s.label(project));
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .truncate()
        .width(ui.available_width().min(170.0))
        .show_ui(ui, |ui| {
            for s in states {
                let on = pick.as_ref() == Some(s);
                if ui.selectable_label(on, s.label(project)).clicked() {
                    *pick = Some(s.clone());
                }
            }
        })
        .response
        .labelled_by(label);
}

/// The step of `timeline` that `request` shows, if it is a timeline step.
fn step_of(request: Option<&TimeRequest>, timeline: &[State]) -> Option<usize> {
    let r = request?;
    if !r.ghosts || matches!(r.to, State::AsOf(_)) {
        return None;
    }
    let k = timeline.iter().position(|s| *s == r.to)?;
    (TimeRequest::step(timeline, k).as_ref() == Some(r)).then_some(k)
}

/// The Time tab.
pub fn time_tab_ui(
    ui: &mut Ui,
    project: &Project,
    time: &mut TimeView,
    choices: &mut TimeChoices,
    framework: Framework,
    view: &mut ViewState,
    intents: &mut Vec<Intent>,
) {
    let states = timeline(project);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if states.len() < 2 {
                ui.add(
                    egui::Label::new(
                        "This map keeps no snapshots yet. Map → Take snapshot keeps the map as it \
                         is now; map on, then compare the two here.",
                    )
                    .wrap(),
                );
            }
            if states.len() >= 2 {
                compare_ui(ui, project, &states, time, choices);
                ui.add_space(4.0);
                timeline_ui(ui, project, &states, time);
            }
            ui.add_space(4.0);
            as_of_ui(ui, time, choices);
            if let Some(why) = &time.problem {
                ui.colored_label(ui.visuals().error_fg_color, why);
            }
            if time.is_on()
                && ui
                    .button("Back to now")
                    .on_hover_text("Show and edit the working map again (Esc)")
                    .clicked()
            {
                time.ask(None);
            }
            ui.separator();
            let shown = time.current().cloned();
            match &shown {
                Some(shown) => {
                    changes::summary_ui(ui, shown);
                    egui::CollapsingHeader::new(format!("Changes ({})", shown_rows(shown)))
                        .default_open(true)
                        .show(ui, |ui| changes::change_list_ui(ui, shown, view, intents));
                    egui::CollapsingHeader::new("Moves between quadrants")
                        .default_open(true)
                        .show(ui, |ui| {
                            transitions::transitions_ui(ui, shown, framework, view);
                        });
                }
                None if time.is_on() => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label("composing the states…");
                    });
                }
                None => {}
            }
            let open = egui::CollapsingHeader::new("Indicators over time")
                .default_open(states.len() >= 2)
                .show(ui, |ui| {
                    over_time::over_time_ui(ui, time, shown.as_deref(), &mut choices.indicator);
                })
                .body_returned
                .is_some();
            time.want_over_time = open;
        });
}

fn shown_rows(shown: &TimeShown) -> usize {
    shown.rows.len()
}

/// Picks two states and compares them.
fn compare_ui(
    ui: &mut Ui,
    project: &Project,
    states: &[State],
    time: &mut TimeView,
    choices: &mut TimeChoices,
) {
    ui.label(RichText::new("Compare two states").strong());
    if choices.from.as_ref().is_none_or(|s| !states.contains(s)) {
        choices.from = states.first().cloned();
    }
    if choices.to.as_ref().is_none_or(|s| !states.contains(s)) {
        choices.to = states.last().cloned();
    }
    egui::Grid::new("compare states")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("From").id;
            state_picker(
                ui,
                ("compare from", label),
                project,
                states,
                &mut choices.from,
            );
            ui.end_row();
            let label = ui.label("To").id;
            state_picker(ui, ("compare to", label), project, states, &mut choices.to);
            ui.end_row();
        });
    let (Some(from), Some(to)) = (&choices.from, &choices.to) else {
        return;
    };
    let same = from == to;
    let button = ui
        .add_enabled(!same, egui::Button::new("Compare"))
        .on_hover_text("Mark on the map what changed from the first state to the second")
        .on_disabled_hover_text("Pick two different states");
    if button.clicked() {
        time.ask(Some(TimeRequest::compare(from.clone(), to.clone())));
    }
}

/// Steps through the states in date order.
fn timeline_ui(ui: &mut Ui, project: &Project, states: &[State], time: &mut TimeView) {
    ui.label(RichText::new("Timeline").strong())
        .on_hover_text("Each state in date order, with what changed since the one before");
    let step = step_of(time.request.as_ref(), states);
    ui.horizontal_wrapped(|ui| {
        for (k, s) in states.iter().enumerate() {
            let on = step == Some(k);
            if ui.selectable_label(on, s.label(project)).clicked() {
                time.ask(TimeRequest::step(states, k));
            }
        }
    });
}

/// The map as it stood on a date.
fn as_of_ui(ui: &mut Ui, time: &mut TimeView, choices: &mut TimeChoices) {
    ui.label(RichText::new("As of a date").strong())
        .on_hover_text(
            "The map as it stood that day: partnerships by their start and end dates, \
         the rest as the latest snapshot before the day has them",
        );
    ui.horizontal(|ui| {
        let label = ui.label("Date");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut choices.as_of)
                    .hint_text("YYYY-MM")
                    .desired_width(90.0),
            )
            .labelled_by(label.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let typed = choices.as_of.trim();
        if (ui
            .add_enabled(!typed.is_empty(), egui::Button::new("Show"))
            .clicked()
            || enter)
            && !typed.is_empty()
        {
            time.ask(Some(TimeRequest::as_of(PartialDate(typed.to_string()))));
        }
    });
}

/// The bar over the canvas while another state is shown: what is shown, the steps of the
/// timeline, and the way back to the working map. Returns a new request (`Some(None)`:
/// back to now).
pub fn time_bar_ui(
    ui: &mut Ui,
    time: &TimeView,
    states: &[State],
    project: &Project,
) -> Option<Option<TimeRequest>> {
    let rect = ui.max_rect();
    let mut asked = None;
    let request = time.request.as_ref()?;
    let step = step_of(Some(request), states);
    let what = match (&request.from, &request.to, step) {
        (_, to, Some(k)) => format!("Step {} of {}: {}", k + 1, states.len(), to.label(project)),
        (Some(from), to, None) => format!("{} → {}", from.label(project), to.label(project)),
        (None, to, None) => to.label(project),
    };
    egui::Area::new(egui::Id::unique("partnermap.time_bar"))
        .pivot(egui::Align2::CENTER_TOP)
        .fixed_pos(rect.center_top() + egui::vec2(0.0, 8.0))
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    if let Some(k) = step {
                        let back = ui
                            .add_enabled(k > 0, egui::Button::new("◀"))
                            .on_hover_text("The state before");
                        if back.clicked() {
                            asked = Some(TimeRequest::step(states, k - 1));
                        }
                    }
                    ui.label(RichText::new(what).strong());
                    if let Some(k) = step {
                        let next = ui
                            .add_enabled(k + 1 < states.len(), egui::Button::new("▶"))
                            .on_hover_text("The state after");
                        if next.clicked() {
                            asked = Some(TimeRequest::step(states, k + 1));
                        }
                    }
                    if time.current().is_none() {
                        ui.spinner();
                    }
                    ui.weak("read only");
                    if ui
                        .button("Back to now")
                        .on_hover_text("Show and edit the working map again (Esc)")
                        .clicked()
                    {
                        asked = Some(None);
                    }
                });
            });
        });
    asked
}
