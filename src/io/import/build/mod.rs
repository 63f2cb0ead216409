//! Turns what a file holds ([`Raw`]) into a checked map, with the same rules for every
//! format (see the rules in [`crate::io::import`]). The work goes in steps, each in its own
//! function: the map's own values, the actors ([`actors`]), the partnerships
//! ([`partnerships`]), the perspectives ([`perspectives`]), the checks of the whole map, then
//! the notes and the layout of actors without a position ([`summary`]).

mod actors;
mod partnerships;
mod perspectives;
mod summary;

use std::collections::{HashMap, HashSet};

use super::{ImportError, Imported, Issues, Item, Key, Kind, Place, Raw, Value, fields};
use crate::model::{ActorId, CustomValue, PartnershipId, Project, Subject};
use crate::task::Progress;

/// Turns what was read into a map, checking every value (see the module's rules).
pub(crate) fn build(mut raw: Raw<'_>, progress: &Progress) -> Result<Imported, ImportError> {
    progress.set_stage("checking the values");
    if let Some(note) = raw.clean_texts() {
        raw.notes.push(note);
    }
    let mut builder = Builder::new(&raw, progress);
    builder.map_values();
    builder.actors()?;
    builder.partnerships()?;
    builder.perspectives();
    builder.check()?;
    builder.count_notes();
    builder.lay_out()?;
    builder.placed_within_reach()?;
    let total = builder.total;
    progress.set(total, total);
    // Notes quote what files say; nothing in them may steer a terminal.
    let notes = builder
        .notes
        .into_iter()
        .map(|n| crate::model::text::clean(&n).into_owned())
        .collect();
    Ok(Imported {
        project: builder.project,
        notes,
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
    /// The drawn positions PartnerMap cannot draw, each with its node and place (their
    /// actors are laid out).
    undrawn: Vec<String>,
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
    /// The ends of partnerships that named an actor by a name spelt otherwise (case, spaces
    /// or punctuation), with the actor taken and where.
    respelt: Vec<(&'r str, ActorId, Place)>,
    /// Whether the file's `y` values point up (negated into the canvas's y, which points
    /// down).
    y_up: bool,
    /// The perspectives read so far (they become the map's before it is checked).
    views: perspectives::Views,
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
            undrawn: Vec::new(),
            no_sector: 0,
            no_level: 0,
            unnamed: Vec::new(),
            loops: Vec::new(),
            reoriented: Vec::new(),
            created: 0,
            respelt: Vec::new(),
            y_up: raw.y_points_up(),
            views: perspectives::Views::default(),
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
                Key::Perspective(name) => self.perspective_note(name, &v.text),
                Key::Custom(name) if !v.text.trim().is_empty() => {
                    left_out.push(format!("\"{name}\""));
                }
                Key::Custom(_) | Key::Rating { .. } => {}
            }
        }
        if !left_out.is_empty() {
            self.notes.push(format!(
                "Values of the map that PartnerMap has no field for were left out: {}.",
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
                    let e = format!("{e} (the file declares it a number)");
                    self.issues
                        .push(self.raw.show(&v.at), self.raw.explain(&v.key.name(), e));
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

    /// Refuses a field or custom field that `item` gives twice with different values (two
    /// attributes or columns that name the same field): which one to keep would be a guess.
    fn repeated(&mut self, item: &Item) {
        if item.values.len() < 2 {
            return;
        }
        let raw = self.raw;
        // Most items have a few dozen values: looking back costs less than hashing them.
        let many = item.values.len() > 32;
        let mut first: HashMap<&Key, &Value> = HashMap::new();
        for (i, v) in item.values.iter().enumerate() {
            if v.text.is_empty() {
                continue;
            }
            let earlier = if many {
                *first.entry(&v.key).or_insert(v)
            } else {
                item.values[..i]
                    .iter()
                    .find(|e| e.key == v.key && !e.text.is_empty())
                    .unwrap_or(v)
            };
            if earlier.text != v.text {
                let name = v.key.name();
                let message = format!(
                    "given a second time, as {} (first as {} at {}); give it once",
                    quoted(&v.text),
                    quoted(&earlier.text),
                    raw.show(&earlier.at)
                );
                self.issues
                    .push(raw.show(&v.at), raw.explain(&name, message));
            }
        }
    }

    /// The note for `items` (`what`: "actors" or "partnerships") numbered 1, 2, 3… as
    /// [`numbered`] gave `numbers`, because of `why`, when an id written in the file changed.
    fn renumbered_note(
        &mut self,
        items: &[Item],
        numbers: &[u64],
        why: Option<Renumbered>,
        what: &str,
    ) {
        let Some((i, why)) = why else { return };
        let changed: Vec<String> = items
            .iter()
            .zip(numbers)
            .filter_map(|(item, n)| {
                let (id, _) = id_of(item)?;
                (id.trim() != n.to_string()).then(|| format!("{} is now {n}", quoted(id)))
            })
            .take(2)
            .collect();
        if changed.is_empty() {
            return;
        }
        let raw = self.raw;
        let item = &items[i];
        let cause = match (why, id_of(item)) {
            (Some(why), Some((_, at))) => format!("{why} ({})", raw.show(at)),
            _ => {
                let one = if what == "actors" {
                    "an actor"
                } else {
                    "a partnership"
                };
                let at = item.at.as_ref().map_or(Place::File, |at| raw.show(at));
                format!("{one} has no id ({at})")
            }
        };
        let order = if raw.text.is_some() { "file" } else { "row" };
        self.notes.push(format!(
            "The {what}' ids were renumbered 1, 2, 3… in {order} order because {cause}: {}.",
            changed.join(", ")
        ));
    }

    /// Every actor stands where a canvas can draw it once the layout has placed the new
    /// ones (design.md §11: the window and its recovery file never receive NaN or a
    /// position beyond ±1e9, whatever the layout made of a strange file).
    fn placed_within_reach(&mut self) -> Result<(), ImportError> {
        let raw = self.raw;
        for a in self.project.actors.values() {
            if !(fields::drawable(a.position.x) && fields::drawable(a.position.y)) {
                let place = self
                    .actor_places
                    .get(&a.id)
                    .map_or(Place::File, |p| raw.show(p));
                self.issues.push(
                    place,
                    format!(
                        "the layout could not place \"{}\" where a canvas can draw it (it gave \
                         x = {}, y = {}); give the actors positions, or fewer extreme ones",
                        a.name, a.position.x, a.position.y
                    ),
                );
            }
        }
        if self.issues.is_empty() {
            Ok(())
        } else {
            let issues = std::mem::take(&mut self.issues);
            Err(ImportError::Problems(issues.list, issues.more))
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

/// `text` in quotes, cut after 40 characters, for a message.
fn quoted(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("\"{}…\"", &text[..cut]),
        None => format!("\"{text}\""),
    }
}

/// The item's own `id` value, when it has one (not CSV's id column, which gives the written
/// id): igraph renames the nodes it writes `n0`, `n1`… and keeps their ids as a value so
/// named, as it keeps the edges'.
fn own_id(item: &Item) -> Option<&str> {
    own_id_at(item).map(|(id, _)| id)
}

/// [`own_id`] with its place.
fn own_id_at(item: &Item) -> Option<(&str, &Place)> {
    item.values
        .iter()
        .rev()
        .find(|v| v.key == Key::Field("id") && !v.text.trim().is_empty())
        .map(|v| (v.text.trim(), &v.at))
}

/// The id that numbers `item`, with its place: its own `id` value, else its written id.
fn id_of(item: &Item) -> Option<(&str, &Place)> {
    own_id_at(item).or(item.id.as_ref().map(|(s, at)| (s.as_str(), at)))
}

/// Why the written ids were not kept: the first item whose id could not be (its index), and
/// what is wrong with the id (`None`: the item has none).
type Renumbered = (usize, Option<String>);

/// Ids for items: the written ids when all are distinct whole numbers from 1, else 1, 2, 3…
/// in order, with the first id that could not be kept and why. (Edge ids only name edges,
/// and some writers repeat them, networkx for parallel edges; node ids must be distinct,
/// which [`build`] checks.)
fn numbered(ids: &[Option<&str>]) -> (Vec<u64>, Option<Renumbered>) {
    let mut parsed = Vec::with_capacity(ids.len());
    let mut unique = HashSet::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let why = match id.map(|id| (id, id.trim().parse::<u64>())) {
            None => None,
            Some((id, Ok(n))) if (1..=crate::model::MAX_ID).contains(&n) => {
                if unique.insert(n) {
                    parsed.push(n);
                    continue;
                }
                Some(format!("\"{id}\" is used twice"))
            }
            Some((id, Ok(_))) => Some(format!(
                "\"{id}\" is not a whole number from 1 to {}",
                crate::model::MAX_ID
            )),
            Some((id, Err(_))) => Some(format!("\"{id}\" is not a whole number")),
        };
        return ((1..=ids.len() as u64).collect(), Some((i, why)));
    }
    (parsed, None)
}
