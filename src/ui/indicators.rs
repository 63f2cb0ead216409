//! The indicators dashboard (design.md §5): the network indicators with a tooltip each
//! (meaning, formula, what they are computed from) and a sortable table of actors whose rows
//! select on the canvas.

use egui::{RichText, Ui};

use super::help::INDICATORS;
use super::intent::Intent;
use super::view::{Item, SelectMode, ViewState};
use crate::analysis::{ActorIndicators, Indicators};
use crate::model::Project;

/// The columns of the actor table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Column {
    /// The actor's name.
    Name,
    /// Distinct partners.
    Degree,
    /// Normalised betweenness.
    #[default]
    Betweenness,
    /// Trust received, 0–1.
    TrustReceived,
    /// Trust given, 0–1.
    TrustGiven,
    /// Power score, −1…+1.
    Power,
    /// Cross-sector brokerage.
    Brokerage,
    /// Mendelow quadrant.
    Mendelow,
}

/// What the dashboard remembers: the sort of the actor table, and the sorted order for the
/// indicators it was computed from (sorted once, not every frame).
#[derive(Clone, Debug, Default)]
pub struct DashboardState {
    /// The column the table is sorted by.
    pub sort: Column,
    /// Whether the sort is ascending.
    pub ascending: bool,
    order: Option<(usize, Column, bool, Vec<crate::model::ActorId>)>,
}

fn percent(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |v| format!("{:.0}%", v * 100.0))
}

fn number(v: Option<f64>, digits: usize) -> String {
    v.map_or_else(|| "–".to_string(), |v| format!("{v:.digits$}"))
}

fn help_of(key: &str) -> String {
    INDICATORS
        .iter()
        .find(|h| h.key == key)
        .map_or_else(String::new, |h| format!("{}\n\n{}", h.meaning, h.formula))
}

/// One row of the network grid: label, value, and a tooltip with the meaning, the formula
/// and what it was computed from.
fn row(ui: &mut Ui, key: &str, label: &str, value: String, from: Option<String>) {
    let mut tip = help_of(key);
    if let Some(f) = &from {
        tip.push_str(&format!("\n\nComputed from {f}."));
    }
    ui.label(label).on_hover_text(&tip);
    let shown = match &from {
        Some(f) => format!("{value}  (from {f})"),
        None => value,
    };
    ui.label(RichText::new(shown).strong()).on_hover_text(tip);
    ui.end_row();
}

fn of(n: usize, total: usize, what: &str) -> Option<String> {
    Some(format!("{n} of {total} {what}"))
}

/// Draws the network indicators.
pub fn network_ui(ui: &mut Ui, ind: &Indicators) {
    let n = &ind.network;
    let total = n.partnerships;
    egui::Grid::new("network indicators")
        .num_columns(2)
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            row(ui, "actors", "Actors", n.actors.to_string(), None);
            row(
                ui,
                "partnerships",
                "Partnerships",
                n.partnerships.to_string(),
                None,
            );
            row(
                ui,
                "pairs",
                "Pairs working together",
                n.pairs.to_string(),
                None,
            );
            row(
                ui,
                "isolated",
                "Isolated actors",
                n.isolated.to_string(),
                None,
            );
            row(
                ui,
                "components",
                "Separate groups",
                n.components.to_string(),
                None,
            );
            row(ui, "density", "Density", percent(Some(n.density)), None);
            row(
                ui,
                "degree_centralization",
                "Degree centralisation",
                percent(Some(n.degree_centralization)),
                None,
            );
            row(
                ui,
                "mean_trust",
                "Mean trust",
                percent(n.mean_trust),
                of(n.trust_known, total, "partnerships"),
            );
            row(
                ui,
                "mean_trust_gap",
                "Mean trust gap",
                percent(n.mean_trust_gap),
                of(n.trust_gap_known, total, "partnerships"),
            );
            row(
                ui,
                "mean_power_asymmetry",
                "Mean power asymmetry",
                percent(n.mean_power_asymmetry),
                of(n.power_known, total, "partnerships"),
            );
            ui.label("Forms").on_hover_text(format!(
                "How many partnerships have each form (form set for {} of {total}).",
                n.form_known
            ));
            ui.add(egui::Label::new(RichText::new(n.forms_text(" · ")).strong()).wrap());
            ui.end_row();
            row(
                ui,
                "integrated_share",
                "Integrated",
                percent(n.integrated_share),
                of(n.form_known, total, "partnerships with their form set"),
            );
            row(
                ui,
                "formal_share",
                "MoU or more formal",
                percent(n.formal_share),
                of(
                    n.formality_known,
                    total,
                    "partnerships with their formality set",
                ),
            );
            // The sector shares are computed from the partnerships whose two ends have a
            // sector; say so, and how many actors have theirs.
            let sectors = Some(format!(
                "{} of {total} partnerships with both sectors set (sector set for {} of {} \
                 actors)",
                n.sector_pairs_known, n.sector_known, n.actors
            ));
            row(
                ui,
                "state_nonstate_share",
                "State – non-state",
                percent(n.state_nonstate_share),
                sectors.clone(),
            );
            row(
                ui,
                "cross_sector_share",
                "Cross-sector",
                percent(n.cross_sector_share),
                sectors.clone(),
            );
            row(
                ui,
                "ei_index",
                "E-I index (sector)",
                number(n.ei_index, 2),
                sectors,
            );
        });
}

fn sort_value(a: &ActorIndicators, column: Column) -> f64 {
    let v = match column {
        Column::Name | Column::Mendelow => None,
        Column::Degree => Some(a.degree as f64),
        Column::Betweenness => a.betweenness,
        Column::TrustReceived => a.trust_received,
        Column::TrustGiven => a.trust_given,
        Column::Power => a.power_score,
        Column::Brokerage => Some(a.brokerage as f64),
    };
    v.unwrap_or(f64::NEG_INFINITY)
}

/// Draws the sortable actor table; clicking a row selects the actor and centres it.
pub fn actor_table_ui(
    ui: &mut Ui,
    ind: &Indicators,
    view: &mut ViewState,
    state: &mut DashboardState,
    intents: &mut Vec<Intent>,
) {
    let key = std::ptr::from_ref(ind) as usize;
    let fresh = state
        .order
        .as_ref()
        .is_some_and(|(k, c, asc, _)| *k == key && *c == state.sort && *asc == state.ascending);
    if !fresh {
        let mut sorted: Vec<&ActorIndicators> = ind.actors.values().collect();
        match state.sort {
            Column::Name => sorted.sort_by_key(|a| a.name.to_lowercase()),
            Column::Mendelow => {
                let quadrant = |a: &ActorIndicators| a.mendelow.placed().map(|p| p.quadrant);
                sorted.sort_by(|a, b| quadrant(a).cmp(&quadrant(b)));
            }
            c => sorted.sort_by(|a, b| sort_value(b, c).total_cmp(&sort_value(a, c))),
        }
        if state.ascending {
            sorted.reverse();
        }
        let ids = sorted.iter().map(|a| a.id).collect();
        state.order = Some((key, state.sort, state.ascending, ids));
    }
    let rows: Vec<&ActorIndicators> = match &state.order {
        Some((_, _, _, ids)) => ids.iter().filter_map(|id| ind.actors.get(id)).collect(),
        None => Vec::new(),
    };
    let columns: [(Column, &str, f32); 8] = [
        (Column::Name, "Actor", 150.0),
        (Column::Degree, "Partners", 58.0),
        (Column::Betweenness, "Betweenness", 80.0),
        (Column::TrustReceived, "Trust in it", 70.0),
        (Column::TrustGiven, "Its trust", 60.0),
        (Column::Power, "Power", 50.0),
        (Column::Brokerage, "Brokerage", 68.0),
        (Column::Mendelow, "Mendelow", 100.0),
    ];
    let help_key = |c: Column| match c {
        Column::Name => "actors",
        Column::Degree => "degree",
        Column::Betweenness => "betweenness",
        Column::TrustReceived => "trust_received",
        Column::TrustGiven => "trust_given",
        Column::Power => "power_score",
        Column::Brokerage => "brokerage",
        Column::Mendelow => "actors",
    };
    ui.horizontal(|ui| {
        for (c, title, width) in columns {
            let arrow = if state.sort == c {
                if state.ascending { " ▲" } else { " ▼" }
            } else {
                ""
            };
            let button = egui::Button::new(RichText::new(format!("{title}{arrow}")).strong())
                .frame(false)
                .min_size(egui::vec2(width, 0.0));
            if ui
                .add_sized([width, 18.0], button)
                .on_hover_text(format!("Sort by this column.\n\n{}", help_of(help_key(c))))
                .clicked()
            {
                if state.sort == c {
                    state.ascending = !state.ascending;
                } else {
                    state.sort = c;
                    state.ascending = false;
                }
            }
        }
    });
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical()
        .id_salt("actor table")
        .auto_shrink(false)
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for a in &rows[range] {
                let item = Item::Actor(a.id);
                let selected = view.selection.contains(&item);
                let cells = [
                    super::bidi::visual(&a.name).into_owned(),
                    a.degree.to_string(),
                    number(a.betweenness, 3),
                    percent(a.trust_received),
                    percent(a.trust_given),
                    number(a.power_score, 2),
                    a.brokerage.to_string(),
                    mendelow_text(&a.mendelow),
                ];
                let response = ui
                    .horizontal(|ui| {
                        let mut clicked = false;
                        for ((_, _, width), cell) in columns.iter().zip(cells) {
                            let r = ui.add_sized(
                                [*width, row_height],
                                egui::Button::selectable(selected, cell).truncate(),
                            );
                            clicked |= r.clicked();
                            if r.hovered() {
                                view.hovered = Some(item);
                            }
                        }
                        clicked
                    })
                    .inner;
                if response {
                    let additive = ui.input(|i| i.modifiers.command || i.modifiers.shift);
                    let mode = if additive {
                        SelectMode::Toggle
                    } else {
                        SelectMode::Replace
                    };
                    view.select([item], mode);
                    intents.push(Intent::Center(item));
                }
            }
        });
}

/// Draws the dashboard: the network indicators and the actor table side by side.
pub fn dashboard_ui(
    ui: &mut Ui,
    project: &Project,
    ind: Option<&Indicators>,
    updating: Option<String>,
    view: &mut ViewState,
    state: &mut DashboardState,
    intents: &mut Vec<Intent>,
) {
    let Some(ind) = ind else {
        ui.label(RichText::new("Computing the indicators…").weak());
        return;
    };
    if let Some(u) = updating {
        ui.label(RichText::new(u).italics().weak());
    }
    let _ = project;
    ui.horizontal_top(|ui| {
        let height = ui.available_height();
        ui.vertical(|ui| {
            ui.set_width(330.0);
            egui::ScrollArea::vertical()
                .id_salt("network indicators")
                .max_height(height)
                .show(ui, |ui| network_ui(ui, ind));
        });
        ui.separator();
        egui::ScrollArea::horizontal()
            .id_salt("actor table across")
            .show(ui, |ui| {
                ui.vertical(|ui| {
                    ui.set_height(height);
                    actor_table_ui(ui, ind, view, state, intents);
                });
            });
    });
}

/// An actor's Mendelow quadrant, or why it has none ("influence not set").
fn mendelow_text(placement: &crate::typology::Placement) -> String {
    match placement {
        crate::typology::Placement::Placed(p) => p.quadrant.to_string(),
        crate::typology::Placement::Unplaced(reason) => format!("— ({reason})"),
    }
}
