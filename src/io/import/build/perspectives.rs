//! The perspectives of an import (design.md §13): made from the map's values
//! `perspective [NAME]` (their notes, in file order) and from the values `FIELD [NAME]` of
//! actors and partnerships (see [`crate::io::export::perspectives`]); a name met first in a
//! value makes a perspective after those. Each value is read by the rules of the map's own
//! field of that name, and one that does not fit is a problem with its place.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::Builder;
use crate::io::export::perspectives::column;
use crate::io::import::{Value, fields};
use crate::model::{
    ActorId, ActorRating, ActorScore, PartnershipId, PartnershipRating, PartnershipScore,
    Perspective, Score,
};

/// The perspectives read so far, in the order they were met.
#[derive(Default)]
pub(super) struct Views {
    /// Each perspective's place in `list`, by name as written.
    index: HashMap<Arc<str>, usize>,
    list: Vec<View>,
}

/// One perspective being read; ratings by id, so that values may come in any order.
struct View {
    name: Arc<str>,
    note: String,
    actors: BTreeMap<ActorId, ActorRating>,
    partnerships: BTreeMap<PartnershipId, PartnershipRating>,
}

impl Views {
    /// The perspective named `name`, made when it is new.
    fn view(&mut self, name: &Arc<str>) -> &mut View {
        let i = *self.index.entry(name.clone()).or_insert_with(|| {
            self.list.push(View {
                name: name.clone(),
                note: String::new(),
                actors: BTreeMap::new(),
                partnerships: BTreeMap::new(),
            });
            self.list.len() - 1
        });
        &mut self.list[i]
    }

    /// The perspectives, their ratings in id order, without empty ones.
    fn into_perspectives(self) -> Vec<Perspective> {
        self.list
            .into_iter()
            .map(|v| Perspective {
                name: v.name.to_string(),
                note: v.note,
                actors: v.actors.into_values().filter(|r| !r.is_empty()).collect(),
                partnerships: v
                    .partnerships
                    .into_values()
                    .filter(|r| !r.is_empty())
                    .collect(),
            })
            .collect()
    }
}

/// The score whose field name is `field`.
fn score<S: Score>(field: &str) -> Option<S> {
    S::ALL.iter().copied().find(|s| s.field() == field)
}

impl Builder<'_, '_> {
    /// The note of the perspective `name` (the map's value `perspective [NAME]`).
    pub(super) fn perspective_note(&mut self, name: &Arc<str>, text: &str) {
        self.views.view(name).note = text.to_string();
    }

    /// The perspective `name`'s value `v` of the actor score `field` for actor `id`.
    pub(super) fn actor_rating(
        &mut self,
        id: ActorId,
        (field, name): (&'static str, &Arc<str>),
        v: &Value,
    ) {
        let raw = self.raw;
        match (
            fields::actor_score(field, &v.text),
            score::<ActorScore>(field),
        ) {
            (Ok(Some(value)), Some(s)) => {
                let view = self.views.view(name);
                let rating = view
                    .actors
                    .entry(id)
                    .or_insert_with(|| ActorRating::empty(id));
                rating.set(s, Some(value));
            }
            (Ok(_), _) => {}
            (Err(e), _) => {
                let what = column(field, name);
                self.issues.push(raw.show(&v.at), raw.explain(&what, e));
            }
        }
    }

    /// The perspective `name`'s value `v` of the partnership score `field` for partnership
    /// `id`.
    pub(super) fn partnership_rating(
        &mut self,
        id: PartnershipId,
        (field, name): (&'static str, &Arc<str>),
        v: &Value,
    ) {
        let raw = self.raw;
        match (
            fields::partnership_score(field, &v.text),
            score::<PartnershipScore>(field),
        ) {
            (Ok(Some(value)), Some(s)) => {
                let view = self.views.view(name);
                let rating = view
                    .partnerships
                    .entry(id)
                    .or_insert_with(|| PartnershipRating::empty(id));
                rating.set(s, Some(value));
            }
            (Ok(_), _) => {}
            (Err(e), _) => {
                let what = column(field, name);
                self.issues.push(raw.show(&v.at), raw.explain(&what, e));
            }
        }
    }

    /// The perspectives read become the map's, before the whole map is checked (names used
    /// twice, among others, are found there).
    pub(super) fn perspectives(&mut self) {
        let views = std::mem::take(&mut self.views);
        self.project.perspectives = views.into_perspectives();
    }
}
