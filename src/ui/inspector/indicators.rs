//! The measures of the selected item, shown above its fields: an actor's indicators and
//! Mendelow quadrant, a partnership's measures and its quadrants in frameworks A–C.

use egui::{RichText, Ui};

use crate::analysis::{ActorIndicators, PartnershipIndicators};
use crate::typology::{Framework, Placement};
use crate::ui::intent::count;

/// A share as a whole percentage, or "unknown".
fn show_percent(v: Option<f64>) -> String {
    v.map_or_else(|| "unknown".to_string(), |v| format!("{:.0}%", v * 100.0))
}

/// One row of an indicator grid, with the indicator's meaning and formula on hover.
fn indicator_row_ui(ui: &mut Ui, key: &str, label: &str, value: String) {
    let tip = crate::ui::help::INDICATORS
        .iter()
        .find(|h| h.key == key)
        .map_or_else(String::new, |h| format!("{}\n\n{}", h.meaning, h.formula));
    ui.add(egui::Label::new(label).wrap()).on_hover_text(&tip);
    ui.add(egui::Label::new(RichText::new(value).strong()).wrap())
        .on_hover_text(tip);
    ui.end_row();
}

/// The selected actor's indicators and Mendelow quadrant.
pub(super) fn actor_indicators_ui(ui: &mut Ui, a: &ActorIndicators) {
    egui::CollapsingHeader::new("Indicators")
        .id_salt("actor indicators")
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("actor indicators grid")
                .num_columns(2)
                .max_col_width(ui.available_width() / 2.0 - 8.0)
                .show(ui, |ui| {
                    indicator_row_ui(
                        ui,
                        "degree",
                        "Partners",
                        format!("{} ({} partnerships)", a.degree, a.partnerships),
                    );
                    indicator_row_ui(
                        ui,
                        "cross_sector_degree",
                        "Partners of other sectors",
                        a.cross_sector_degree.to_string(),
                    );
                    indicator_row_ui(
                        ui,
                        "betweenness",
                        "Betweenness",
                        a.betweenness
                            .map_or_else(|| "computing…".to_string(), |b| format!("{b:.3}")),
                    );
                    indicator_row_ui(
                        ui,
                        "trust_received",
                        "Trust received",
                        format!(
                            "{} (from {})",
                            show_percent(a.trust_received),
                            count(a.trust_received_known, "score", "scores")
                        ),
                    );
                    indicator_row_ui(
                        ui,
                        "trust_given",
                        "Trust given",
                        format!(
                            "{} (from {})",
                            show_percent(a.trust_given),
                            count(a.trust_given_known, "score", "scores")
                        ),
                    );
                    indicator_row_ui(
                        ui,
                        "power_score",
                        "Power score",
                        a.power_score.map_or_else(
                            || "unknown".to_string(),
                            |p| {
                                format!(
                                    "{p:+.2} (from {})",
                                    count(a.power_known, "partnership", "partnerships")
                                )
                            },
                        ),
                    );
                    indicator_row_ui(ui, "brokerage", "Brokerage", a.brokerage.to_string());
                    ui.label("Mendelow").on_hover_text(Framework::D.title());
                    match &a.mendelow {
                        crate::typology::Placement::Placed(p) => {
                            ui.label(RichText::new(p.quadrant).strong());
                        }
                        crate::typology::Placement::Unplaced(reason) => {
                            ui.label(RichText::new(format!("not placed: {reason}")).weak());
                        }
                    }
                    ui.end_row();
                });
        });
    ui.separator();
}

/// The selected partnership's measures and its quadrant in frameworks A–C.
pub(super) fn partnership_indicators_ui(ui: &mut Ui, p: &PartnershipIndicators) {
    egui::CollapsingHeader::new("Indicators and quadrants")
        .id_salt("partnership indicators")
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("partnership indicators grid")
                .num_columns(2)
                .max_col_width(ui.available_width() / 2.0 - 8.0)
                .show(ui, |ui| {
                    indicator_row_ui(ui, "mean_trust", "Trust", show_percent(p.trust));
                    indicator_row_ui(ui, "mean_trust_gap", "Trust gap", show_percent(p.trust_gap));
                    indicator_row_ui(
                        ui,
                        "mean_power_asymmetry",
                        "Power asymmetry",
                        show_percent(p.power_asymmetry),
                    );
                    ui.label("Contribution equity");
                    ui.label(RichText::new(show_percent(p.contribution_equity)).strong());
                    ui.end_row();
                    ui.label("Mutuality (B)");
                    ui.label(RichText::new(show_percent(p.mutuality)).strong());
                    ui.end_row();
                    ui.label("Identity (B)");
                    ui.label(RichText::new(show_percent(p.identity)).strong());
                    ui.end_row();
                    for f in [Framework::A, Framework::B, Framework::C] {
                        ui.label(f.title());
                        match p.quadrants.get(f) {
                            Some(Placement::Placed(at)) => {
                                ui.label(RichText::new(at.quadrant).strong());
                            }
                            Some(Placement::Unplaced(why)) => {
                                ui.label(RichText::new(format!("not placed: {why}")).weak());
                            }
                            None => {
                                ui.label("");
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    ui.separator();
}
