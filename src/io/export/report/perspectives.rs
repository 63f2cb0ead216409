//! The report's Perspectives section (design.md §13), for a map with perspectives: the
//! groups with their notes and how much each rated; network indicators as the map and each
//! group see it; the disagreement between the voices; and the most contested partnerships,
//! with each voice's value, in words, of every score on which they differ.

use super::table::{Column, Table};
use crate::analysis::perspective::{
    indicators_by_perspective, map_is_a_voice, most_contested, partnership_name,
    partnership_spreads, partnership_voices, voice_names,
};
use crate::analysis::{Indicators, NetworkIndicators, disagreement_row};
use crate::model::{Project, Score};

/// How many contested partnerships the section lists at most.
pub(super) const CONTESTED: usize = 10;

/// The section's tables, in order: the groups, the indicators by voice, the disagreement,
/// the most contested partnerships; `None` for a map without perspectives.
pub(super) fn perspectives_section(project: &Project, ind: &Indicators) -> Option<Vec<Table>> {
    if project.perspectives.is_empty() {
        return None;
    }
    Some(vec![
        groups_table(project),
        indicators_table(project, &ind.network),
        disagreement_table(project, &ind.network),
        contested_table(project),
    ])
}

/// The groups, what each rated, and their notes.
fn groups_table(project: &Project) -> Table {
    let rows = project
        .perspectives
        .iter()
        .map(|v| {
            let (actor_values, partnership_values) = v.counts();
            vec![
                v.name.clone(),
                v.actors.len().to_string(),
                v.partnerships.len().to_string(),
                (actor_values + partnership_values).to_string(),
                v.note.trim().to_string(),
            ]
        })
        .collect();
    let n = project.perspectives.len();
    Table {
        heading: format!("Perspectives: {n} group{}", if n == 1 { "" } else { "s" }),
        columns: vec![
            Column::text("Group", 2.4),
            Column::number("Actors rated", 1.5),
            Column::number("Partnerships rated", 2.2),
            Column::number("Values", 1.1),
            Column::text("Note", 4.8),
        ],
        rows,
        empty: "",
    }
}

/// A share as a percentage, or a dash.
fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |v| format!("{:.0}%", v * 100.0))
}

/// The row of network indicators of `n`, seen by `who`.
fn indicator_row(who: String, n: &NetworkIndicators) -> Vec<String> {
    vec![
        who,
        pct(n.mean_trust),
        pct(n.mean_trust_gap),
        pct(n.mean_power_asymmetry),
        pct(n.integrated_share),
        pct(n.formal_share),
    ]
}

/// Network indicators as the map's own values give them and as each group sees the map.
fn indicators_table(project: &Project, own: &NetworkIndicators) -> Table {
    let mut rows = vec![indicator_row("The map's own values".to_string(), own)];
    rows.extend(
        indicators_by_perspective(project)
            .into_iter()
            .map(|(name, n)| indicator_row(name, &n)),
    );
    Table {
        heading: "Network indicators as each group sees the map".to_string(),
        columns: vec![
            Column::text("Seen by", 3.0),
            Column::number("Mean trust", 1.3),
            Column::number("Trust gap", 1.3),
            Column::number("Power asymmetry", 1.7),
            Column::number("Integrated", 1.3),
            Column::number("Formal (MoU+)", 1.6),
        ],
        rows,
        empty: "",
    }
}

/// The network's mean disagreement, and whose voices it is between.
fn disagreement_table(project: &Project, n: &NetworkIndicators) -> Table {
    let row = disagreement_row(n);
    let voices = voice_names(project);
    let map = if map_is_a_voice(project) {
        "the map's own values (set by hand) and the groups"
    } else {
        "the groups (the map's own values follow them: the median, the mean for trust)"
    };
    Table {
        heading: "Disagreement between the voices".to_string(),
        columns: vec![
            Column::text("Indicator", 2.6),
            Column::number("Value", 1.1),
            Column::text("Computed from", 6.5),
        ],
        rows: vec![
            vec![row.label.to_string(), row.value, row.from],
            vec![
                "Voices".to_string(),
                voices.len().to_string(),
                map.to_string(),
            ],
        ],
        empty: "",
    }
}

/// The most contested partnerships: a row per score on which the voices differ, with each
/// voice's value in words ("Map: high · Citizens: low").
fn contested_table(project: &Project) -> Table {
    let names = voice_names(project);
    let mut rows = Vec::new();
    for (id, disagreement) in most_contested(project, CONTESTED) {
        let Some(p) = project.partnerships.get(&id) else {
            continue;
        };
        let voices = partnership_voices(project, p);
        let differing = partnership_spreads(project, p)
            .into_iter()
            .filter(|(_, spread)| *spread > 0.0);
        for (k, (score, _)) in differing.enumerate() {
            let said: Vec<String> = names
                .iter()
                .zip(&voices)
                .filter_map(|(name, r)| Some(format!("{name}: {}", score.word(r.get(score)?))))
                .collect();
            let (who, how_far) = if k == 0 {
                (partnership_name(project, id), format!("{disagreement:.2}"))
            } else {
                (String::new(), String::new())
            };
            rows.push(vec![
                who,
                how_far,
                score.label().to_string(),
                said.join(" · "),
            ]);
        }
    }
    Table {
        heading: format!("Most contested partnerships (up to {CONTESTED})"),
        columns: vec![
            Column::text("Partnership", 3.8),
            Column::number("Disagreement", 1.4),
            Column::text("Score", 1.4),
            Column::text("What each voice says", 6.8),
        ],
        rows,
        empty: "No partnership is contested: where two voices rated a score, they agree.",
    }
}
