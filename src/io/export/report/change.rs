//! The report's Change section (design.md §12), for a map that keeps snapshots: the states
//! with their dates, what changed from the earliest snapshot to now (items added and
//! removed, partnerships deepened and weakened, trust and power moved), every network
//! indicator by state, and the comparison map of the earliest snapshot and now.

use super::table::{Column, Table};
use crate::analysis::network_rows;
use crate::analysis::time::{self, ChangeCounts, State, StateIndicators};
use crate::io::export::ExportError;
use crate::io::export::compare::Comparison;
use crate::model::Project;
use crate::task::Progress;

/// The worker threads that compute each state's betweenness.
const THREADS: usize = 2;

/// The Change section's contents.
pub(super) struct ChangeSection {
    /// The states and their dates, then the counts of changes: drawn one under the other on
    /// the section's first page.
    pub(super) summary: [Table; 2],
    /// Every network indicator by state.
    pub(super) by_state: Table,
    /// The earliest snapshot and now, composed.
    pub(super) comparison: Comparison,
}

/// The Change section of `project`'s report, or `None` when it keeps no snapshots.
pub(super) fn change_section(
    project: &Project,
    progress: &Progress,
) -> Result<Option<ChangeSection>, ExportError> {
    let timeline = time::timeline(project);
    let Some(first) = timeline.first().filter(|s| **s != State::Now) else {
        return Ok(None);
    };
    progress.set_stage("indicators by state");
    let done = progress.counter(time::actors_in_all_states(project));
    let states = time::network_by_state(project, Some(THREADS), progress.cancel_flag(), done)
        .ok_or(ExportError::Cancelled)?;
    let comparison = Comparison::new(project, first, &State::Now)?;
    let counts = comparison.composed.counts();
    Ok(Some(ChangeSection {
        summary: [
            states_table(project, &states),
            counts_table(&comparison, counts),
        ],
        by_state: by_state_table(&states),
        comparison,
    }))
}

/// The states in date order with their dates, notes and sizes.
fn states_table(project: &Project, states: &[StateIndicators]) -> Table {
    let rows = states
        .iter()
        .map(|s| {
            let note = match &s.state {
                State::Snapshot(name) => project
                    .snapshot(name)
                    .map_or_else(String::new, |snap| snap.note.clone()),
                State::Now => "the working map".to_string(),
                State::AsOf(_) => String::new(),
            };
            vec![
                s.state.name(),
                s.date
                    .as_ref()
                    .map_or_else(|| "–".to_string(), |d| d.0.clone()),
                s.network().actors.to_string(),
                s.network().partnerships.to_string(),
                note,
            ]
        })
        .collect();
    Table {
        heading: format!("Change over time: {} states", states.len()),
        columns: vec![
            Column::text("State", 2.6),
            Column::text("Date", 1.4),
            Column::number("Actors", 1.1),
            Column::number("Partnerships", 1.6),
            Column::text("Note", 5.0),
        ],
        rows,
        empty: "",
    }
}

/// What changed from the comparison's earlier state to its later one, counted.
fn counts_table(c: &Comparison, n: ChangeCounts) -> Table {
    let rows = [
        ("Actors added", n.actors_added),
        ("Actors removed", n.actors_removed),
        ("Partnerships added", n.added),
        ("Partnerships ended", n.ended),
        ("Partnerships deeper or more formal", n.deepened),
        ("Partnerships shallower or less formal", n.weakened),
        ("Partnerships deeper one way, less the other", n.mixed),
        ("Partnerships whose trust rose", n.trust_rose),
        ("Partnerships whose trust fell", n.trust_fell),
        ("Partnerships whose balance of power moved", n.power_moved),
    ];
    Table {
        heading: format!("What changed from {} to {}", c.from, c.to),
        columns: vec![Column::text("Change", 5.0), Column::number("Count", 1.0)],
        rows: rows
            .into_iter()
            .map(|(what, k)| vec![what.to_string(), k.to_string()])
            .collect(),
        empty: "",
    }
}

/// Every network indicator (a row each, as the report's network table names them), a
/// column per state.
fn by_state_table(states: &[StateIndicators]) -> Table {
    let per_state: Vec<Vec<String>> = states
        .iter()
        .map(|s| {
            network_rows(s.network())
                .into_iter()
                .map(|r| r.value)
                .collect()
        })
        .collect();
    let labels: Vec<&str> = states
        .first()
        .map(|s| network_rows(s.network()).iter().map(|r| r.label).collect())
        .unwrap_or_default();
    let rows = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            std::iter::once((*label).to_string())
                .chain(
                    per_state
                        .iter()
                        .map(|v| v.get(i).cloned().unwrap_or_default()),
                )
                .collect()
        })
        .collect();
    let mut columns = vec![Column::text("Indicator", 3.0)];
    columns.extend(
        states
            .iter()
            .map(|s| Column::numbers_of(s.state.name(), 1.2)),
    );
    Table {
        heading: "Network indicators by state".to_string(),
        columns,
        rows,
        empty: "",
    }
}
