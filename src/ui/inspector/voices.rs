//! How each group sees the selected partnership or actor (design.md §13): its values per
//! voice, score by score, with the spread of each and the item's disagreement.

use egui::{RichText, Ui};

use crate::analysis::perspective::{
    actor_voices, map_is_a_voice, partnership_voices, spread, voice_names,
};
use crate::model::{Actor, ActorScore, MapValues, Partnership, PartnershipScore, Project, Score};

/// One row of the grid: a score's label, each voice's word, and the spread.
type Row = (&'static str, Vec<String>, Option<f64>);

fn rows<S: Score>(values: &[Vec<Option<i8>>], scores: &[S]) -> Vec<Row> {
    scores
        .iter()
        .enumerate()
        .filter(|(k, _)| values.iter().any(|v| v[*k].is_some()))
        .map(|(k, &s)| {
            let words = values
                .iter()
                .map(|v| v[k].map_or_else(|| "—".to_string(), |x| s.word(x)))
                .collect();
            (
                s.label(),
                words,
                spread(s, values.iter().filter_map(|v| v[k])),
            )
        })
        .collect()
}

/// The groups' values for partnership `p`, when the map has perspectives.
pub(super) fn partnership_voices_ui(ui: &mut Ui, project: &Project, p: &Partnership) {
    if project.perspectives.is_empty() {
        return;
    }
    let values: Vec<Vec<Option<i8>>> = partnership_voices(project, p)
        .iter()
        .map(|r| PartnershipScore::ALL.iter().map(|s| r.get(*s)).collect())
        .collect();
    grid_ui(
        ui,
        project,
        &rows(&values, PartnershipScore::ALL),
        "partnership",
    );
}

/// The groups' values for actor `a`, when the map has perspectives.
pub(super) fn actor_voices_ui(ui: &mut Ui, project: &Project, a: &Actor) {
    if project.perspectives.is_empty() {
        return;
    }
    let values: Vec<Vec<Option<i8>>> = actor_voices(project, a)
        .iter()
        .map(|r| ActorScore::ALL.iter().map(|s| r.get(*s)).collect())
        .collect();
    grid_ui(ui, project, &rows(&values, ActorScore::ALL), "actor");
}

fn grid_ui(ui: &mut Ui, project: &Project, rows: &[Row], what: &str) {
    egui::CollapsingHeader::new("How each group sees it")
        .id_salt(("voices", what))
        .default_open(true)
        .show(ui, |ui| {
            if rows.is_empty() {
                ui.weak("No group has rated it yet.");
                return;
            }
            let spreads: Vec<f64> = rows.iter().filter_map(|r| r.2).collect();
            if !spreads.is_empty() {
                let d = spreads.iter().sum::<f64>() / spreads.len() as f64;
                ui.label(format!("Disagreement {d:.2}")).on_hover_text(
                    "The mean, over the scores two or more voices gave, of (highest − lowest) / \
                     the scale's range",
                );
            }
            // One line per score, wrapping in the narrow column: "Trust a→b  0.50 apart:
            // Map high · Government high · Citizens low".
            let names = voice_names(project);
            for (label, words, spread) in rows {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(*label).strong());
                    if let Some(d) = spread {
                        ui.weak(format!("{d:.2} apart"));
                    }
                });
                let said: Vec<String> = names
                    .iter()
                    .zip(words)
                    .filter(|(_, w)| w.as_str() != "—")
                    .map(|(n, w)| format!("{n} {w}"))
                    .collect();
                ui.add(egui::Label::new(said.join(" · ")).wrap());
            }
            if !map_is_a_voice(project)
                && project.settings.map_values == MapValues::FollowPerspectives
            {
                ui.weak(
                    "The map's values follow the groups where one gave a value: change them \
                     on a group's rating sheet (Perspectives tab).",
                );
            }
        });
}
