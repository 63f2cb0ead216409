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

/// The measure columns of the actor table, in order, with their titles and widths.
const MEASURES: [(Column, &str, f32); 7] = [
    (Column::Degree, "Partners", 58.0),
    (Column::Betweenness, "Betweenness", 80.0),
    (Column::TrustReceived, "Trust in it", 70.0),
    (Column::TrustGiven, "Its trust", 60.0),
    (Column::Power, "Power", 50.0),
    (Column::Brokerage, "Brokerage", 68.0),
    (Column::Mendelow, "Mendelow", 100.0),
];

/// The narrowest the name column gets before measure columns are left out.
const MIN_NAME_WIDTH: f32 = 90.0;
/// Below this width the name column shows short names.
const SHORT_NAMES_BELOW: f32 = 170.0;

/// What the dashboard remembers: which part is shown, the actor table's columns and sort,
/// and the sorted order for the indicators it was computed from (sorted once, not every
/// frame).
#[derive(Clone, Debug)]
pub struct DashboardState {
    /// Whether the actor table is shown (else the network indicators).
    pub actors: bool,
    /// The measure columns chosen for the actor table (those that fit are shown).
    pub columns: Vec<Column>,
    /// The column the table is sorted by.
    pub sort: Column,
    /// Whether the sort is ascending.
    pub ascending: bool,
    order: Option<(usize, Column, bool, Vec<crate::model::ActorId>)>,
}

impl Default for DashboardState {
    fn default() -> Self {
        Self {
            actors: false,
            columns: vec![Column::Degree, Column::Betweenness, Column::Mendelow],
            sort: Column::default(),
            ascending: false,
            order: None,
        }
    }
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
    ui.add(egui::Label::new(label).wrap()).on_hover_text(&tip);
    ui.vertical(|ui| {
        ui.add(egui::Label::new(RichText::new(value).strong()).wrap())
            .on_hover_text(&tip);
        if let Some(f) = &from {
            ui.add(egui::Label::new(RichText::new(format!("from {f}")).small().weak()).wrap())
                .on_hover_text(tip);
        }
    });
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
        .max_col_width((ui.available_width() / 2.0 - 10.0).max(60.0))
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
            // On a large map betweenness is estimated from a sample of sources: say so.
            let (method, from) = match n.betweenness_method {
                None => ("computing…", None),
                Some(m) => (
                    if m.estimated { "estimated" } else { "exact" },
                    Some(m.describe(n.actors).trim_start_matches("from ").to_string()),
                ),
            };
            row(ui, "betweenness", "Betweenness", method.to_string(), from);
        });
}

/// What the actor table shows of `a` in `column`.
fn cell(a: &ActorIndicators, column: Column) -> String {
    match column {
        Column::Name => super::bidi::visual(&a.name).into_owned(),
        Column::Degree => a.degree.to_string(),
        Column::Betweenness => number(a.betweenness, 3),
        Column::TrustReceived => percent(a.trust_received),
        Column::TrustGiven => percent(a.trust_given),
        Column::Power => number(a.power_score, 2),
        Column::Brokerage => a.brokerage.to_string(),
        Column::Mendelow => mendelow_text(&a.mendelow),
    }
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
    (project, ind): (&Project, &Indicators),
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
    // The name takes what the chosen measures leave, and measures that do not fit beside a
    // readable name are left out, last first.
    let spacing = ui.spacing().item_spacing.x;
    let mut shown: Vec<(Column, &str, f32)> = MEASURES
        .iter()
        .filter(|(c, _, _)| state.columns.contains(c))
        .copied()
        .collect();
    let available = ui.available_width() - 16.0;
    while !shown.is_empty()
        && available - shown.iter().map(|(_, _, w)| w + spacing).sum::<f32>() < MIN_NAME_WIDTH
    {
        // The column the table is sorted by stays; the last of the others goes.
        match shown.iter().rposition(|(c, _, _)| *c != state.sort) {
            Some(k) => {
                shown.remove(k);
            }
            None => {
                shown.pop();
            }
        }
    }
    let name_width =
        (available - shown.iter().map(|(_, _, w)| w + spacing).sum::<f32>()).max(MIN_NAME_WIDTH);
    let columns: Vec<(Column, &str, f32)> = std::iter::once((Column::Name, "Actor", name_width))
        .chain(shown)
        .collect();
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
        for &(c, title, width) in &columns {
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
                // In a narrow table an actor goes by its short name; the full one on hover.
                let name = match project.actor(a.id) {
                    Some(actor) if name_width < SHORT_NAMES_BELOW => {
                        super::bidi::visual(actor.short_or_name()).into_owned()
                    }
                    _ => cell(a, Column::Name),
                };
                let cells = columns.iter().map(|(c, _, _)| match c {
                    Column::Name => name.clone(),
                    c => cell(a, *c),
                });
                let response = ui
                    .horizontal(|ui| {
                        let mut clicked = false;
                        for (k, ((_, _, width), cell)) in columns.iter().zip(cells).enumerate() {
                            let mut r = ui.add_sized(
                                [*width, row_height],
                                egui::Button::selectable(selected, cell).truncate(),
                            );
                            if k == 0 {
                                r = r.on_hover_text(&a.name);
                            }
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

/// Draws the dashboard: the network indicators or the actor table, whose columns are those
/// chosen that fit beside the names.
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
    ui.horizontal(|ui| {
        ui.selectable_value(&mut state.actors, false, "Network");
        ui.selectable_value(&mut state.actors, true, "Actors");
        if state.actors {
            ui.menu_button("Columns", |ui| {
                for (c, title, _) in MEASURES {
                    let mut on = state.columns.contains(&c);
                    if ui.checkbox(&mut on, title).changed() {
                        state.columns.retain(|x| *x != c);
                        if on {
                            state.columns.push(c);
                        }
                    }
                }
            });
        }
    });
    ui.separator();
    if state.actors {
        actor_table_ui(ui, (project, ind), view, state, intents);
    } else {
        egui::ScrollArea::vertical()
            .id_salt("network indicators")
            .show(ui, |ui| network_ui(ui, ind));
    }
}

/// An actor's Mendelow quadrant, or why it has none ("influence not set").
fn mendelow_text(placement: &crate::typology::Placement) -> String {
    match placement {
        crate::typology::Placement::Placed(p) => p.quadrant.to_string(),
        crate::typology::Placement::Unplaced(reason) => format!("— ({reason})"),
    }
}
