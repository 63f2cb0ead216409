//! Snapshots (design.md §12): named, dated states of a map's actors and partnerships, kept
//! in the same file with their ids, so that a baseline and a follow-up can be compared. The
//! working map is "now".

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Actor, ActorId, PartialDate, Partnership, PartnershipId, Project};

/// One named, dated state of the map.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Its name, unique in the map ("Baseline").
    pub name: String,
    /// When the map stood so, if known (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// What it rests on ("reconstructed from the 2012 progress report; estimated").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The actors as they were, in id order.
    #[serde(default, deserialize_with = "actors")]
    pub actors: Vec<Actor>,
    /// The partnerships as they were, in id order.
    #[serde(default, deserialize_with = "partnerships")]
    pub partnerships: Vec<Partnership>,
}

/// A snapshot's actors, counted while they are read (design.md §11).
fn actors<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Actor>, D::Error> {
    super::bounded::seq(d, "actors", super::MAX_ITEMS)
}

/// A snapshot's partnerships, counted while they are read.
fn partnerships<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Partnership>, D::Error> {
    super::bounded::seq(d, "partnerships", super::MAX_ITEMS)
}

impl Snapshot {
    /// The state of `project`'s working map, named `name` and dated `date`.
    pub fn of(project: &Project, name: impl Into<String>, date: Option<PartialDate>) -> Self {
        Self {
            name: name.into(),
            date,
            note: String::new(),
            actors: project.actors.values().cloned().collect(),
            partnerships: project.partnerships.values().cloned().collect(),
        }
    }

    /// The snapshot as a map of its own, with `project`'s title and settings, for the
    /// indicators and drawings of that state.
    pub fn to_project(&self, project: &Project) -> Project {
        let actors: BTreeMap<ActorId, Actor> =
            self.actors.iter().map(|a| (a.id, a.clone())).collect();
        let partnerships: BTreeMap<PartnershipId, Partnership> = self
            .partnerships
            .iter()
            .map(|p| (p.id, p.clone()))
            .collect();
        Project {
            meta: project.meta.clone(),
            settings: project.settings,
            actors,
            partnerships,
            next_ids: project.next_ids,
            snapshots: Vec::new(),
            perspectives: Vec::new(),
        }
    }

    /// "Baseline, 2012-06", or the name alone.
    pub fn label(&self) -> String {
        match &self.date {
            Some(d) => format!("{}, {}", self.name, d.0),
            None => self.name.clone(),
        }
    }
}

impl Project {
    /// The snapshot named `name` (compared without case or surrounding spaces).
    pub fn snapshot(&self, name: &str) -> Option<&Snapshot> {
        let name = name.trim();
        self.snapshots
            .iter()
            .find(|s| s.name.trim().eq_ignore_ascii_case(name))
    }

    /// The snapshots in date order (undated ones last, in file order).
    pub fn snapshots_by_date(&self) -> Vec<&Snapshot> {
        let mut v: Vec<&Snapshot> = self.snapshots.iter().collect();
        v.sort_by(|a, b| match (&a.date, &b.date) {
            (Some(x), Some(y)) => match (x.parse(), y.parse()) {
                (Ok(x), Ok(y)) => x.earliest().cmp(&y.earliest()),
                _ => std::cmp::Ordering::Equal,
            },
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;

    #[test]
    fn the_snapshots_go_in_date_order_and_are_found_by_name() {
        let mut p = Project::new();
        for (name, date) in [
            ("Endline", Some("2013-12")),
            ("Later", None),
            ("Baseline", Some("2012")),
        ] {
            p.snapshots
                .push(Snapshot::of(&p, name, date.map(|d| PartialDate(d.into()))));
        }
        let order: Vec<&str> = p
            .snapshots_by_date()
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(order, ["Baseline", "Endline", "Later"]);
        assert_eq!(
            p.snapshot(" baseline ").map(|s| s.label()),
            Some("Baseline, 2012".into())
        );
        assert!(p.snapshot("Midline").is_none());
    }
}
