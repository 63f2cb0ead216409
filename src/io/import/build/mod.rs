//! Turns what a file holds ([`Raw`]) into a checked map, with the same rules for every
//! format (see the rules in [`crate::io::import`]). The work goes in steps, each in its own
//! function: the map's own values, the actors ([`actors`]), the partnerships
//! ([`partnerships`]), the checks of the whole map, then the notes and the layout of actors
//! without a position ([`summary`]).

mod actors;
mod partnerships;
mod summary;

use std::collections::{HashMap, HashSet};

use super::{ImportError, Imported, Issues, Item, Key, Kind, Place, Raw, Value, fields};
use crate::model::{ActorId, CustomValue, PartnershipId, Project, Subject};
use crate::task::Progress;

/// Turns what was read into a map, checking every value (see the module's rules).
pub(crate) fn build(raw: Raw<'_>, progress: &Progress) -> Result<Imported, ImportError> {
    progress.set_stage("checking the values");
    let mut builder = Builder::new(&raw, progress);
    builder.map_values();
    builder.actors()?;
    builder.partnerships()?;
    builder.check()?;
    builder.count_notes();
    builder.lay_out()?;
    let total = builder.total;
    progress.set(total, total);
    Ok(Imported {
        project: builder.project,
        notes: builder.notes,
    })
}

/// The map being built from `raw`, and what the steps found on the way.
struct Builder<'r, 'a> {
    /// What was read.
    raw: &'r Raw<'a>,
    /// Where the import reports how far it is, and learns that it was cancelled.
    progress: &'r Progress,
    /// How many items (nodes and edges) the import goes through, for the progress.
    total: usize,
    /// The map so far.
    project: Project,
    /// The problems found so far.
    issues: Issues,
    /// The notes so far: the reader's first, then the steps'.
    notes: Vec<String>,
    /// The actor each node id names, as written in the file.
    by_written_id: HashMap<&'r str, ActorId>,
    /// The actor each node's own `id` value names (igraph keeps the ids it renames so).
    by_own_id: HashMap<&'r str, ActorId>,
    /// Where each actor came from, for the problems of the whole map.
    actor_places: HashMap<ActorId, Place>,
    /// Where each partnership came from, for the problems of the whole map.
    partnership_places: HashMap<PartnershipId, Place>,
    /// Actors without a position, to be laid out.
    unplaced: Vec<ActorId>,
    /// How many actors got the default sector.
    no_sector: usize,
    /// How many actors got the default level.
    no_level: usize,
    /// Where the actors that were named after their ids came from.
    unnamed: Vec<String>,
    /// Where the partnerships from an actor to itself, left out, came from.
    loops: Vec<String>,
    /// Where the partnerships whose `a` and `b` values named other actors than their source
    /// and target came from (source and target were taken).
    reoriented: Vec<String>,
    /// How many actors were made from the names in a partnerships table.
    created: usize,
    /// Whether the file's `y` values point up (negated into the canvas's y, which points
    /// down).
    y_up: bool,
}

impl<'r, 'a> Builder<'r, 'a> {
    /// An empty map with the title `raw` gives, and the reader's notes.
    fn new(raw: &'r Raw<'a>, progress: &'r Progress) -> Self {
        let mut project = Project::new();
        if let Some(title) = &raw.title {
            project.meta.title = title.clone();
        }
        Self {
            raw,
            progress,
            total: raw.nodes.len() + raw.edges.len(),
            project,
            issues: Issues::default(),
            notes: raw.notes.clone(),
            by_written_id: HashMap::new(),
            by_own_id: HashMap::new(),
            actor_places: HashMap::new(),
            partnership_places: HashMap::new(),
            unplaced: Vec::new(),
            no_sector: 0,
            no_level: 0,
            unnamed: Vec::new(),
            loops: Vec::new(),
            reoriented: Vec::new(),
            created: 0,
            y_up: raw.y_points_up(),
        }
    }

    /// The map's own values, before the actors and partnerships: the ids they take raise
    /// the next ids further when the file's are lower. Values a map has no field for are
    /// left out, and a note says which.
    fn map_values(&mut self) {
        let raw = self.raw;
        let mut left_out = Vec::new();
        for v in &raw.map_values {
            match &v.key {
                Key::Field(field) => {
                    if let Err(e) = fields::set_map(&mut self.project, field, &v.text) {
                        self.issues.push(raw.show(&v.at), raw.explain(field, e));
                    }
                }
                Key::Custom(name) if !v.text.trim().is_empty() => {
                    left_out.push(format!("\"{name}\""));
                }
                Key::Custom(_) => {}
            }
        }
        if !left_out.is_empty() {
            self.notes.push(format!(
                "Values of the graph that a map has no field for were left out: {}.",
                left_out.join(", ")
            ));
        }
    }

    /// Says how far the import is (`done` items of [`Builder::total`]), and stops it when it
    /// was cancelled. Called every 1,024 items.
    fn tick(&self, done: usize) -> Result<(), ImportError> {
        if self.progress.is_cancelled() {
            return Err(ImportError::Cancelled);
        }
        self.progress.set(done, self.total);
        Ok(())
    }

    /// The value `v` of a custom field: a number when the file declares one (a problem when
    /// it is not), text when it declares anything else, and for undeclared values (CSV
    /// cells) a number when it reads as one.
    fn custom_value(&mut self, v: &Value) -> Option<CustomValue> {
        // An empty value is a missing one (igraph writes "" for every text it lacks).
        if v.text.is_empty() {
            return None;
        }
        match v.kind {
            Kind::Number => match fields::parse_number(&v.text) {
                Ok(n) => Some(CustomValue::Number(n)),
                Err(e) => {
                    self.issues.push(self.raw.show(&v.at), e);
                    None
                }
            },
            Kind::Text | Kind::Other => Some(CustomValue::Text(v.text.clone())),
            Kind::Untyped => Some(match fields::plain_number(&v.text) {
                Some(n) => CustomValue::Number(n),
                None => CustomValue::Text(v.text.clone()),
            }),
        }
    }

    /// Whatever the values could not say alone (names, lengths, dates in order, counts),
    /// checked on the whole map; every problem found so far stops the import.
    fn check(&mut self) -> Result<(), ImportError> {
        let raw = self.raw;
        for problem in self.project.validate() {
            let place = match &problem.subject {
                Subject::Actor { id, .. } => self.actor_places.get(id).map(|p| raw.show(p)),
                Subject::Partnership { id, .. } => {
                    self.partnership_places.get(id).map(|p| raw.show(p))
                }
                _ => None,
            }
            .unwrap_or(Place::File);
            self.issues.push(place, problem.message());
        }
        if self.issues.is_empty() {
            Ok(())
        } else {
            let issues = std::mem::take(&mut self.issues);
            Err(ImportError::Problems(issues.list, issues.more))
        }
    }
}

/// The item's own `id` value, when it has one (not CSV's id column, which gives the written
/// id): igraph renames the nodes it writes `n0`, `n1`… and keeps their ids as a value so
/// named, as it keeps the edges'.
fn own_id(item: &Item) -> Option<&str> {
    item.values
        .iter()
        .rev()
        .find(|v| v.key == Key::Field("id") && !v.text.trim().is_empty())
        .map(|v| v.text.trim())
}

/// Ids for items: the written ids when all are distinct whole numbers from 1, else 1, 2, 3…
/// in order. (Edge ids only name edges, and some writers repeat them, networkx for parallel
/// edges; node ids must be distinct, which [`build`] checks.)
fn numbered(ids: &[Option<&str>]) -> Vec<u64> {
    let parsed: Option<Vec<u64>> = ids
        .iter()
        .map(|id| {
            id.and_then(|s| s.trim().parse::<u64>().ok())
                .filter(|n| (1..=crate::model::MAX_ID).contains(n))
        })
        .collect();
    if let Some(parsed) = parsed {
        let unique: HashSet<u64> = parsed.iter().copied().collect();
        if unique.len() == parsed.len() {
            return parsed;
        }
    }
    (1..=ids.len() as u64).collect()
}
