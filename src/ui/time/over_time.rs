//! Every network indicator in each state of the map, in a table (one column a state) and a
//! line chart of the indicator chosen.

use egui::{RichText, Ui};
use egui_plot::{Line, Plot, PlotPoints, Points};

use super::{TimeShown, TimeView};
use crate::analysis::{NetworkIndicators, network_rows};

/// The indicators the chart can draw: name and value (shares as percentages).
type Measure = (&'static str, fn(&NetworkIndicators) -> Option<f64>);

/// The indicators that have a number, in the order of the table.
pub const CHARTED: [Measure; 12] = [
    ("Actors", |n| Some(n.actors as f64)),
    ("Partnerships", |n| Some(n.partnerships as f64)),
    ("Density", |n| Some(n.density)),
    ("Degree centralization", |n| Some(n.degree_centralization)),
    ("Mean trust (%)", |n| n.mean_trust.map(|v| 100.0 * v)),
    ("Mean trust gap (%)", |n| {
        n.mean_trust_gap.map(|v| 100.0 * v)
    }),
    ("Mean power asymmetry (%)", |n| {
        n.mean_power_asymmetry.map(|v| 100.0 * v)
    }),
    ("Integrated (%)", |n| n.integrated_share.map(|v| 100.0 * v)),
    ("Formal, MoU or more (%)", |n| {
        n.formal_share.map(|v| 100.0 * v)
    }),
    ("State – non-state (%)", |n| {
        n.state_nonstate_share.map(|v| 100.0 * v)
    }),
    ("Cross-sector (%)", |n| {
        n.cross_sector_share.map(|v| 100.0 * v)
    }),
    ("E-I index (sectors)", |n| n.ei_index),
];

/// The table and the chart; `shown` adds the state shown "as of" a date as a last column.
pub fn over_time_ui(ui: &mut Ui, time: &TimeView, shown: Option<&TimeShown>, chosen: &mut usize) {
    let Some(over) = &time.over_time else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("computing each state's indicators…");
        });
        return;
    };
    let mut states: Vec<(String, &NetworkIndicators)> =
        over.states.iter().map(|(l, n)| (l.clone(), n)).collect();
    if let Some(s) = shown
        && matches!(s.request.to, crate::analysis::time::State::AsOf(_))
        && let Some(ind) = &s.indicators
    {
        states.push((s.to_label.clone(), &ind.network));
    }
    if states.is_empty() {
        return;
    }
    let rows: Vec<Vec<crate::analysis::NetworkRow>> =
        states.iter().map(|(_, n)| network_rows(n)).collect();
    egui::ScrollArea::horizontal()
        .id_salt("indicators over time")
        .show(ui, |ui| {
            egui::Grid::new("indicators by state")
                .striped(true)
                .num_columns(states.len() + 1)
                .show(ui, |ui| {
                    ui.label("");
                    for (label, _) in &states {
                        ui.label(RichText::new(label).small().strong());
                    }
                    ui.end_row();
                    for (k, row) in rows[0].iter().enumerate() {
                        // Betweenness is per actor; the states' tables leave it out.
                        if row.value.is_empty() || row.label == "Betweenness" {
                            continue;
                        }
                        ui.label(row.label).on_hover_text(&row.from);
                        for state_rows in &rows {
                            let cell = &state_rows[k];
                            ui.label(&cell.value).on_hover_text(&cell.from);
                        }
                        ui.end_row();
                    }
                });
        });
    ui.add_space(6.0);
    *chosen = (*chosen).min(CHARTED.len() - 1);
    egui::ComboBox::new("indicator over time", "in the chart")
        .selected_text(CHARTED[*chosen].0)
        .show_ui(ui, |ui| {
            for (k, (name, _)) in CHARTED.iter().enumerate() {
                ui.selectable_value(chosen, k, *name);
            }
        });
    let (name, value) = CHARTED[*chosen];
    let points: Vec<[f64; 2]> = states
        .iter()
        .enumerate()
        .filter_map(|(k, (_, n))| Some([k as f64, value(n)?]))
        .collect();
    let labels: Vec<String> = states.iter().map(|(l, _)| l.clone()).collect();
    let height = (ui.available_width() * 0.6).clamp(120.0, 220.0);
    Plot::new("indicator over time chart")
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_formatter(move |mark, _| {
            let k = mark.value.round();
            if (mark.value - k).abs() < 1e-6 && k >= 0.0 {
                labels.get(k as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.line(Line::new(name, PlotPoints::from(points.clone())));
            plot.points(Points::new(name, PlotPoints::from(points)).radius(4.0));
        });
}
