//! The tables of change over time (design.md §12), added to the CSV tables and the workbook
//! of a map that keeps snapshots: `indicators_by_state` (one row per state in timeline order,
//! ending with now: the state, its date and every network indicator, in the columns that
//! `network.csv` names in its rows) and `changes` (every change between consecutive states:
//! one row per item added or removed and per field changed, fields named as in the RON
//! file). A map without snapshots has neither.

use serde_json::Value;

use super::ExportError;
use super::table::{Cell, Table, flatten};
use crate::analysis::change::{self, FieldChanges, ItemChanges};
use crate::analysis::time::{self, State, StateIndicators};
use crate::model::{ActorId, PartnershipId, Project};
use crate::task::Progress;

/// The names of the two tables and their CSV files, in their order after the six of every
/// map.
pub const OVER_TIME_TABLES: [(&str, &str); 2] = [
    ("indicators_by_state", "indicators_by_state.csv"),
    ("changes", "changes.csv"),
];

/// The CSV file that `table` (one of [`OVER_TIME_TABLES`]) is written to.
pub(super) fn file_name(table: &Table) -> &'static str {
    OVER_TIME_TABLES
        .iter()
        .find(|(name, _)| *name == table.name)
        .map_or("changes.csv", |(_, file)| file)
}

/// The columns of `changes`.
pub const CHANGE_COLUMNS: [&str; 9] = [
    "from", "to", "kind", "id", "name", "change", "field", "before", "after",
];

/// The worker threads that compute each state's betweenness: the 2-core machines of
/// design.md §10.
const THREADS: usize = 2;

/// The tables of change over time of `project`, none when it keeps no snapshots. Each
/// state's betweenness is computed (see [`time::network_by_state`]); `progress` can cancel.
pub fn over_time_tables(project: &Project, progress: &Progress) -> Result<Vec<Table>, ExportError> {
    if project.snapshots.is_empty() {
        return Ok(Vec::new());
    }
    progress.set_stage("indicators by state");
    let done = progress.counter(time::actors_in_all_states(project));
    let states = time::network_by_state(project, Some(THREADS), progress.cancel_flag(), done)
        .ok_or(ExportError::Cancelled)?;
    progress.set_stage("changes");
    Ok(vec![
        indicators_by_state_table(&states)?,
        changes_table(project),
    ])
}

/// `indicators_by_state`: `state,date,` then one column per network indicator, named as
/// `network.csv` names them (`density`, `form_counts.Integrated`, …); one row per state.
pub fn indicators_by_state_table(states: &[StateIndicators]) -> Result<Table, ExportError> {
    let mut flat = Vec::with_capacity(states.len());
    let mut columns: Vec<String> = Vec::new();
    for s in states {
        let mut rows = Vec::new();
        flatten("", &serde_json::to_value(s.network())?, &mut rows);
        for (key, _) in &rows {
            if !columns.contains(key) {
                columns.push(key.clone());
            }
        }
        flat.push(rows);
    }
    let mut table = Table::new("indicators_by_state", &["state", "date"]);
    table.header.extend(columns.iter().cloned());
    for (s, rows) in states.iter().zip(flat) {
        let mut row = vec![
            state_cell(&s.state),
            s.date
                .as_ref()
                .map_or(Cell::Empty, |d| Cell::Word(d.0.clone())),
        ];
        row.extend(columns.iter().map(|c| {
            rows.iter()
                .find(|(k, _)| k == c)
                .map_or(Cell::Empty, |(_, v)| v.clone())
        }));
        table.rows.push(row);
    }
    Ok(table)
}

/// A state's name as the tables write it: a snapshot's name is the user's text.
fn state_cell(state: &State) -> Cell {
    match state {
        State::Snapshot(name) => Cell::Text(name.clone()),
        other => Cell::Word(other.name()),
    }
}

/// `changes`: every change between consecutive states of `project` in timeline order (the
/// earliest snapshot to the next, …, the latest to now), actors before partnerships, each by
/// id: a row for an item added or removed, and one per field changed with its value before
/// and after.
pub fn changes_table(project: &Project) -> Table {
    let mut table = Table::new("changes", &CHANGE_COLUMNS);
    let states = time::timeline(project);
    for pair in states.windows(2) {
        let (Some(before), Some(after)) = (pair[0].resolve(project), pair[1].resolve(project))
        else {
            continue;
        };
        let c = change::compare(&before, &after, None);
        let step = Step {
            from: state_cell(&pair[0]),
            to: state_cell(&pair[1]),
            before: &before,
            after: &after,
        };
        step.rows(&mut table, "actor", &c.actors);
        step.rows(&mut table, "partnership", &c.partnerships);
    }
    table
}

/// One step of the timeline: two consecutive states.
struct Step<'a> {
    from: Cell,
    to: Cell,
    before: &'a Project,
    after: &'a Project,
}

impl Step<'_> {
    /// The rows of one kind of item, by id.
    fn rows(&self, table: &mut Table, kind: &'static str, items: &ItemChanges) {
        let none = FieldChanges::new();
        let mut all: Vec<(u64, &'static str, &FieldChanges)> = items
            .added
            .iter()
            .map(|id| (*id, "added", &none))
            .chain(items.removed.iter().map(|id| (*id, "removed", &none)))
            .chain(items.changed.iter().map(|(id, f)| (*id, "changed", f)))
            .collect();
        all.sort_by_key(|(id, _, _)| *id);
        for (id, what, fields) in all {
            let start = [
                self.from.clone(),
                self.to.clone(),
                Cell::Word(kind.to_string()),
                Cell::Integer(i128::from(id)),
                Cell::Text(self.name(kind, id)),
                Cell::Word(what.to_string()),
            ];
            if fields.is_empty() {
                let mut row = start.to_vec();
                row.extend([Cell::Empty, Cell::Empty, Cell::Empty]);
                table.rows.push(row);
            }
            for (field, (old, new)) in fields {
                let mut row = start.to_vec();
                row.extend([Cell::Word(field.clone()), value(old), value(new)]);
                table.rows.push(row);
            }
        }
    }

    /// An actor's name, or a partnership's two actors' names, as the later state has them
    /// (else the earlier).
    fn name(&self, kind: &str, id: u64) -> String {
        let actor = |id: ActorId| {
            self.after
                .actor(id)
                .or_else(|| self.before.actor(id))
                .map_or_else(|| format!("actor {}", id.0), |a| a.name.clone())
        };
        if kind == "actor" {
            return actor(ActorId(id));
        }
        let id = PartnershipId(id);
        self.after
            .partnership(id)
            .or_else(|| self.before.partnership(id))
            .map_or_else(
                || format!("partnership {}", id.0),
                |p| format!("{} – {}", actor(p.a), actor(p.b)),
            )
    }
}

/// A field's value as a cell: empty when not set, numbers as numbers, lists joined with
/// `"; "` as in the other tables, anything else as its JSON.
fn value(v: &Value) -> Cell {
    match v {
        Value::Null => Cell::Empty,
        Value::Bool(b) => Cell::Bool(*b),
        Value::String(s) if s.is_empty() => Cell::Empty,
        Value::String(s) => Cell::Text(s.clone()),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Cell::Integer(i128::from(i)),
            (None, Some(f)) if f.is_finite() => Cell::Number(f),
            _ => Cell::Word(n.to_string()),
        },
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| match i {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            Cell::Text(parts.join("; "))
        }
        Value::Object(_) => Cell::Text(v.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Form, Level, PartialDate, Partnership, Sector, Snapshot};

    /// A Baseline of DND and the Municipality in coalition; now the coalition is a
    /// collaboration and OWSO has joined with a partnership of its own.
    fn map() -> Project {
        let mut p = Project::new();
        for (id, name) in [(1, "DND"), (2, "Municipality")] {
            p.insert_actor(Actor::new(
                ActorId(id),
                name,
                Sector::State,
                Level::District,
            ));
        }
        let mut l = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
        l.form = Some(Form::Coalition);
        p.insert_partnership(l);
        p.snapshots.push(Snapshot::of(
            &p,
            "Baseline",
            Some(PartialDate("2012-06".into())),
        ));
        p.partnerships.get_mut(&PartnershipId(1)).unwrap().form = Some(Form::Collaboration);
        p.insert_actor(Actor::new(
            ActorId(3),
            "OWSO",
            Sector::State,
            Level::District,
        ));
        p.insert_partnership(Partnership::new(PartnershipId(2), ActorId(1), ActorId(3)));
        p
    }

    fn csv(t: &Table) -> Vec<String> {
        t.rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| c.csv_text().into_owned())
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect()
    }

    #[test]
    fn every_change_between_consecutive_states_is_a_row() {
        let t = changes_table(&map());
        assert_eq!(t.header, CHANGE_COLUMNS);
        assert_eq!(
            csv(&t),
            [
                "Baseline,now,actor,3,OWSO,added,,,",
                "Baseline,now,partnership,1,DND – Municipality,changed,form,Coalition,Collaboration",
                "Baseline,now,partnership,2,DND – OWSO,added,,,",
            ]
        );
    }

    #[test]
    fn each_state_is_a_row_of_the_network_indicators() {
        let p = map();
        let cancel = std::sync::atomic::AtomicBool::new(false);
        let done = std::sync::atomic::AtomicUsize::new(0);
        let states = time::network_by_state(&p, Some(1), &cancel, &done).unwrap();
        let t = indicators_by_state_table(&states).unwrap();
        assert_eq!(
            &t.header[..5],
            [
                "state",
                "date",
                "actors",
                "betweenness_method.estimated",
                "betweenness_method.sources"
            ]
        );
        let col = |name: &str| t.header.iter().position(|h| h == name).unwrap();
        let rows = csv(&t);
        let cells: Vec<Vec<&str>> = rows.iter().map(|r| r.split(',').collect()).collect();
        assert_eq!(cells[0][0..2], ["Baseline", "2012-06"]);
        assert_eq!(cells[1][0..2], ["now", ""]);
        assert_eq!(cells[0][col("partnerships")], "1");
        assert_eq!(cells[1][col("partnerships")], "2");
        assert_eq!(cells[0][col("form_counts.Coalition")], "1");
        assert_eq!(cells[1][col("form_counts.Coalition")], "0");
        // Three actors, two of three pairs joined.
        assert_eq!(cells[1][col("density")], "0.6666666666666666");
    }
}
