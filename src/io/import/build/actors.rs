//! The actors of an import: one per node, its values checked, a name given when the file
//! has none (sector and level stay not set when it has none), and its position when the file
//! has one.

use super::{Builder, numbered, own_id};
use crate::io::export::attributes::NODE_LABEL;
use crate::io::import::{ImportError, Item, Key, Place, fields};
use crate::model::{Actor, ActorId, CustomValue};

/// Which of the fields that every actor needs a node's values gave.
#[derive(Default)]
struct Given {
    name: bool,
    sector: bool,
    level: bool,
}

impl<'r> Builder<'r, '_> {
    /// Every node becomes an actor, with its id kept when the file's ids allow it.
    pub(super) fn actors(&mut self) -> Result<(), ImportError> {
        let raw = self.raw;
        // A node's own `id` value (the id it had before igraph named it `n0`, `n1`…) numbers
        // it before the id it is written with.
        let node_ids: Vec<Option<&str>> = raw
            .nodes
            .iter()
            .map(|n| own_id(n).or(n.id.as_ref().map(|(s, _)| s.as_str())))
            .collect();
        let (numbers, renumbered) = numbered(&node_ids);
        self.renumbered_note(&raw.nodes, &numbers, renumbered, "actors");
        for (i, node) in raw.nodes.iter().enumerate() {
            if i.is_multiple_of(1024) {
                self.tick(i)?;
            }
            self.repeated(node);
            let id = ActorId(numbers[i]);
            let place = node.at.clone().unwrap_or(Place::File);
            if let Some((written, at)) = &node.id
                && self.by_written_id.insert(written.as_str(), id).is_some()
            {
                self.issues.push(
                    raw.show(at),
                    format!("the id \"{written}\" is used by an earlier actor too"),
                );
            }
            if let Some(own) = own_id(node) {
                self.by_own_id.entry(own).or_insert(id);
            }
            let actor = self.actor(node, id, &place);
            self.actor_places.insert(id, place);
            self.project.insert_actor(actor);
        }
        Ok(())
    }

    /// The actor `id` made of `node` (which starts at `place`).
    fn actor(&mut self, node: &'r Item, id: ActorId, place: &Place) -> Actor {
        let mut actor = Actor::named(id, String::new());
        let mut placed = (false, false);
        let (given, label) = self.actor_values(node, &mut actor, &mut placed);
        if placed.1 && self.y_up {
            actor.position.y = 0.0 - actor.position.y;
        }
        self.name_actor(&mut actor, node, label, given.name, place);
        if !given.sector {
            self.no_sector += 1;
        }
        if !given.level {
            self.no_level += 1;
        }
        match (placed, &node.drawn) {
            ((true, true), _) => {}
            ((true, false) | (false, true), _) => {
                let (given, missing) = if placed.0 { ("x", "y") } else { ("y", "x") };
                self.issues.push(
                    self.raw.show(place),
                    format!("{given} is given but {missing} is not; give both or neither"),
                );
            }
            (_, Some(drawn)) => match &drawn.position {
                Ok((x, y)) => actor.position = crate::model::Position::new(*x, *y),
                Err(why) => {
                    let who = match &node.id {
                        Some((written, _)) => format!("node \"{written}\""),
                        None => "a node".to_string(),
                    };
                    let at = self.raw.show(&drawn.at);
                    self.undrawn
                        .push(format!("{who} ({at}): {} {why}", drawn.what));
                    self.unplaced.push(id);
                }
            },
            _ => self.unplaced.push(id),
        }
        actor
    }

    /// Fills `actor`'s fields and custom fields from `node`'s values, recording in `placed`
    /// whether they gave x and y. Gives which needed fields they gave, and the node's label
    /// (a value named `label`, else the file's own label of the node).
    fn actor_values(
        &mut self,
        node: &'r Item,
        actor: &mut Actor,
        placed: &mut (bool, bool),
    ) -> (Given, Option<&'r str>) {
        let raw = self.raw;
        let mut given = Given::default();
        let mut label = node.label.as_deref();
        for v in &node.values {
            match &v.key {
                Key::Field("id") => {}
                Key::Field(NODE_LABEL) => {
                    if !v.text.is_empty() {
                        label = Some(&v.text);
                    }
                }
                Key::Field(field) => {
                    if v.text.is_empty() {
                        continue;
                    }
                    match fields::set_actor(actor, placed, field, &v.text) {
                        Ok(()) => {
                            given.name |= *field == "name";
                            given.sector |= *field == "sector";
                            given.level |= *field == "level";
                        }
                        Err(e) => {
                            // A position given but refused is not a position missing.
                            placed.0 |= *field == "x";
                            placed.1 |= *field == "y";
                            self.issues.push(raw.show(&v.at), raw.explain(field, e));
                        }
                    }
                }
                Key::Custom(name) => {
                    if let Some(value) = self.custom_value(v) {
                        actor.custom.insert(name.to_string(), value);
                    }
                }
                Key::Rating { field, perspective } => {
                    self.actor_rating(actor.id, (field, perspective), v);
                }
                // Only the map's own values name a perspective's note.
                Key::Perspective(_) => {}
            }
        }
        (given, label)
    }

    /// A label gives the name of a node without one (Gephi, yEd), else its written id does
    /// (and a note will say so); beside a name it is the same name again, or else kept as a
    /// custom field.
    fn name_actor(
        &mut self,
        actor: &mut Actor,
        node: &Item,
        label: Option<&str>,
        has_name: bool,
        place: &Place,
    ) {
        let label = label.filter(|l| !l.is_empty());
        if !has_name {
            match (label, &node.id) {
                (Some(label), _) => actor.name = label.to_string(),
                (_, Some((written, _))) => actor.name = written.clone(),
                _ => actor.name = format!("Actor {}", actor.id),
            }
            if label.is_none() {
                self.unnamed.push(self.raw.show(place).to_string());
            }
        } else if let Some(label) = label
            && label != actor.name
            && !actor.custom.contains_key(NODE_LABEL)
        {
            let label = CustomValue::Text(label.to_string());
            actor.custom.insert(NODE_LABEL.to_string(), label);
        }
    }
}
