//! The partnerships of an import: one per edge, its ends found among the actors (by id, or
//! by name in tables, where a name no actor has may make a new actor), turned round when
//! the edge says so, and its values checked.

use std::collections::HashMap;

use super::{Builder, numbered, own_id};
use crate::io::import::{ImportError, Item, Key, Place, fields};
use crate::model::{Actor, ActorId, Partnership, PartnershipId};

/// The actors with each name (tables may name ends by name).
type ByName = HashMap<String, Vec<ActorId>>;

impl<'r> Builder<'r, '_> {
    /// Every edge whose ends are found becomes a partnership; an edge from an actor to
    /// itself is left out (a note will say which).
    pub(super) fn partnerships(&mut self) -> Result<(), ImportError> {
        let raw = self.raw;
        let edge_ids: Vec<Option<&str>> = raw
            .edges
            .iter()
            .map(|e| own_id(e).or(e.id.as_ref().map(|(s, _)| s.as_str())))
            .collect();
        let (edge_numbers, renumbered) = numbered(&edge_ids);
        self.renumbered_note(&raw.edges, &edge_numbers, renumbered, "partnerships");
        let mut by_name = ByName::new();
        if raw.ends_by_name {
            for a in self.project.actors.values() {
                by_name.entry(a.name.clone()).or_default().push(a.id);
            }
        }
        for (i, edge) in raw.edges.iter().enumerate() {
            if i.is_multiple_of(1024) {
                self.tick(raw.nodes.len() + i)?;
            }
            self.repeated(edge);
            let id = PartnershipId(edge_numbers[i]);
            let place = edge.at.clone().unwrap_or(Place::File);
            let Some((a, b)) = self.edge_ends(edge, &place, &mut by_name) else {
                continue;
            };
            let p = self.partnership(edge, id, a, b);
            self.partnership_places.insert(id, place);
            self.project.insert_partnership(p);
        }
        Ok(())
    }

    /// The actors `edge` (which starts at `place`) joins, as `a` and `b`; `None`, with the
    /// problem or note recorded, when an end is missing or unknown or when they are the same
    /// actor. When the edge's `a` and `b` values name other actors than its source and target,
    /// source and target win (a note will say where).
    fn edge_ends(
        &mut self,
        edge: &'r Item,
        place: &Place,
        by_name: &mut ByName,
    ) -> Option<(ActorId, ActorId)> {
        let raw = self.raw;
        let mut ends = [None, None];
        for (slot, end) in edge.ends.iter().enumerate() {
            let side = ["a (the source)", "b (the target)"][slot];
            let Some((written, at)) = end else {
                self.issues
                    .push(raw.show(place), format!("the partnership has no {side}"));
                continue;
            };
            ends[slot] = self.end(written, at, by_name);
        }
        let [Some(a), Some(b)] = ends else {
            return None;
        };
        if a == b {
            self.loops.push(raw.show(place).to_string());
            return None;
        }
        match orient(edge, (a, b), &self.by_written_id, &self.by_own_id) {
            Some(ends) => Some(ends),
            None => {
                self.reoriented.push(raw.show(place).to_string());
                Some((a, b))
            }
        }
    }

    /// The actor an edge end `written` (at `at`) names, made when the file says names no
    /// actor has make new actors; else `None`, with the problem recorded.
    fn end(&mut self, written: &'r str, at: &Place, by_name: &mut ByName) -> Option<ActorId> {
        let raw = self.raw;
        if let Some(actor) = self.find_end(written, by_name) {
            let spelt = self.project.actors.get(&actor).map(|a| a.name.trim());
            if raw.ends_by_name
                && !self.by_written_id.contains_key(written)
                && spelt.is_some_and(|name| name != written.trim())
            {
                self.respelt.push((written, actor, at.clone()));
            }
            return Some(actor);
        }
        if raw.create_missing && !written.trim().is_empty() {
            return Some(self.create_actor(written, at, by_name));
        }
        let ambiguous = by_name.get(written).is_some_and(|v| v.len() > 1);
        let message = if ambiguous {
            format!("several actors are named \"{written}\"; use their ids")
        } else if raw.ends_by_name {
            format!("no actor has the id or name \"{written}\"")
        } else {
            format!("no node has the id \"{written}\"")
        };
        self.issues.push(raw.show(at), message);
        None
    }

    /// The actor with the id `written`, else (where ends may name actors by name) the one
    /// actor with that name, exactly or else folded (case, spaces and punctuation ignored).
    fn find_end(&self, written: &str, by_name: &ByName) -> Option<ActorId> {
        if let Some(actor) = self.by_written_id.get(written) {
            return Some(*actor);
        }
        if !self.raw.ends_by_name {
            return None;
        }
        match by_name.get(written).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            Some(_) => None,
            None => {
                let key = fields::fold(written);
                let matches: Vec<ActorId> = self
                    .project
                    .actors
                    .values()
                    .filter(|a| fields::fold(&a.name) == key)
                    .map(|a| a.id)
                    .collect();
                (matches.len() == 1).then(|| matches[0])
            }
        }
    }

    /// A new actor named `written` (an end of a partnerships table without an actors
    /// table), its sector and level not set, to be laid out.
    fn create_actor(&mut self, written: &'r str, at: &Place, by_name: &mut ByName) -> ActorId {
        let actor_id = self.project.allocate_actor_id();
        let actor = Actor::named(actor_id, written.to_string());
        self.no_sector += 1;
        self.no_level += 1;
        self.created += 1;
        self.project.insert_actor(actor);
        by_name
            .entry(written.to_string())
            .or_default()
            .push(actor_id);
        self.by_written_id.insert(written, actor_id);
        self.unplaced.push(actor_id);
        self.actor_places.insert(actor_id, at.clone());
        actor_id
    }

    /// The partnership `id` between `a` and `b` made of `edge`'s values.
    fn partnership(
        &mut self,
        edge: &Item,
        id: PartnershipId,
        a: ActorId,
        b: ActorId,
    ) -> Partnership {
        let raw = self.raw;
        let mut p = Partnership::new(id, a, b);
        let mut has_label = false;
        for v in &edge.values {
            match &v.key {
                Key::Field("id" | "a" | "b" | "a_name" | "b_name") => {}
                Key::Field(field) => {
                    if v.text.is_empty() {
                        continue;
                    }
                    has_label |= *field == "label";
                    if let Err(e) = fields::set_partnership(&mut p, field, &v.text) {
                        self.issues.push(raw.show(&v.at), raw.explain(field, e));
                    }
                }
                Key::Custom(name) => {
                    if let Some(value) = self.custom_value(v) {
                        p.custom.insert(name.to_string(), value);
                    }
                }
                Key::Rating { field, perspective } => {
                    self.partnership_rating(id, (field, perspective), v);
                }
                // Only the map's own values name a perspective's note.
                Key::Perspective(_) => {}
            }
        }
        if !has_label && let Some(label) = edge.label.as_ref().filter(|l| !l.is_empty()) {
            p.label = Some(label.clone());
        }
        p
    }
}

/// The ends of `edge` (`ends`: its source and target) as `a` and `b`: turned round when the
/// edge's own `a` and `b` values (written by PartnerMap's GraphML and GEXF) name them the
/// other way round, as a tool that reads an undirected graph may write it back. `None` when
/// the values name other actors than the ends (a tool that renamed the nodes, or an edited
/// file): the caller then takes source and target as they are.
fn orient(
    edge: &Item,
    ends: (ActorId, ActorId),
    by_written_id: &HashMap<&str, ActorId>,
    by_own_id: &HashMap<&str, ActorId>,
) -> Option<(ActorId, ActorId)> {
    let given = |field: &'static str| {
        edge.values
            .iter()
            .rev()
            .find(|v| v.key == Key::Field(field) && !v.text.trim().is_empty())
            .map(|v| v.text.trim())
    };
    let (given_a, given_b) = (given("a"), given("b"));
    let names = |given: Option<&str>, end: ActorId| {
        given.is_none_or(|g| by_own_id.get(g) == Some(&end) || by_written_id.get(g) == Some(&end))
    };
    let (a, b) = ends;
    if names(given_a, a) && names(given_b, b) {
        Some((a, b))
    } else if names(given_a, b) && names(given_b, a) {
        Some((b, a))
    } else {
        None
    }
}
