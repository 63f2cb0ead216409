//! What changed between two states of a map (design.md §12): actors and partnerships added,
//! removed or changed field by field (named as in the RON file), partnerships deepened or
//! weakened in form or formality, trust and power risen or fallen, and every network
//! indicator before and after.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::model::{Partnership, Project};

/// One state compared: a snapshot's name, or "now".
pub const NOW: &str = "now";

/// The fields that differ between two versions of an item, each with its value before and
/// after (`null` for a field not set).
pub type FieldChanges = BTreeMap<String, (Value, Value)>;

/// The items of one kind (actors, partnerships) added, removed and changed, by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemChanges {
    /// Ids only in the later state.
    pub added: Vec<u64>,
    /// Ids only in the earlier state.
    pub removed: Vec<u64>,
    /// Ids in both whose fields differ, with each field's value before and after (`null`
    /// for a field not set).
    pub changed: Vec<(u64, FieldChanges)>,
}

/// How a partnership moved between two states, in the terms of the typologies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Movement {
    /// Its form went deeper (+1) or shallower (−1).
    pub form: i8,
    /// Its formality rose (+1) or fell (−1).
    pub formality: i8,
    /// Its mean trust rose (+1) or fell (−1).
    pub trust: i8,
    /// Its power balance moved toward `b` (+1) or toward `a` (−1).
    pub power: i8,
}

/// Everything that changed from one state to another.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Change {
    /// Actors.
    pub actors: ItemChanges,
    /// Partnerships.
    pub partnerships: ItemChanges,
    /// How each partnership in both states moved, where it did.
    pub movements: BTreeMap<u64, Movement>,
    /// Each network indicator before and after, as `stats --json` names them.
    pub network: BTreeMap<String, (Value, Value)>,
}

/// The fields of `item` as the RON file names them (an unset field is absent).
fn fields<T: serde::Serialize>(item: &T) -> Map<String, Value> {
    match serde_json::to_value(item) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// The fields that differ between `a` and `b`, each with its two values.
fn differing<T: serde::Serialize>(a: &T, b: &T) -> FieldChanges {
    let (a, b) = (fields(a), fields(b));
    let mut out = BTreeMap::new();
    for key in a.keys().chain(b.keys()) {
        let (x, y) = (
            a.get(key).cloned().unwrap_or(Value::Null),
            b.get(key).cloned().unwrap_or(Value::Null),
        );
        if x != y {
            out.insert(key.clone(), (x, y));
        }
    }
    out
}

/// From this many changed items on, they are compared on two threads.
const PARALLEL_FROM: usize = 256;

/// Compares two keyed sets of items.
fn items<T: serde::Serialize + PartialEq + Sync>(
    before: impl Iterator<Item = (u64, T)>,
    after: impl Iterator<Item = (u64, T)>,
) -> ItemChanges {
    let before: BTreeMap<u64, T> = before.collect();
    let after: BTreeMap<u64, T> = after.collect();
    let mut out = ItemChanges::default();
    let mut changed: Vec<(u64, &T, &T)> = Vec::new();
    for (id, old) in &before {
        match after.get(id) {
            None => out.removed.push(*id),
            Some(new) if new != old => changed.push((*id, old, new)),
            Some(_) => {}
        }
    }
    // Field by field is the costly part (each version is serialized): the second half on a
    // second core when there are many.
    let fields = |part: &[(u64, &T, &T)]| -> Vec<(u64, FieldChanges)> {
        part.iter()
            .map(|(id, old, new)| (*id, differing(*old, *new)))
            .collect()
    };
    out.changed = if changed.len() >= PARALLEL_FROM {
        let (first, second) = changed.split_at(changed.len() / 2);
        std::thread::scope(|scope| {
            let later = scope.spawn(|| fields(second));
            let mut all = fields(first);
            all.extend(later.join().unwrap_or_else(|_| fields(second)));
            all
        })
    } else {
        fields(&changed)
    };
    out.added = after
        .keys()
        .filter(|id| !before.contains_key(id))
        .copied()
        .collect();
    out
}

/// The sign of `b − a`, when both are known.
fn sign(a: Option<f64>, b: Option<f64>) -> i8 {
    match (a, b) {
        (Some(a), Some(b)) if b > a => 1,
        (Some(a), Some(b)) if b < a => -1,
        _ => 0,
    }
}

/// The mean of a partnership's known trust scores.
fn mean_trust(p: &Partnership) -> Option<f64> {
    let known: Vec<f64> = [p.trust_ab, p.trust_ba]
        .into_iter()
        .flatten()
        .map(f64::from)
        .collect();
    (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64)
}

/// How `after` moved from `before`.
pub fn movement(before: &Partnership, after: &Partnership) -> Movement {
    Movement {
        form: sign(
            before.form.map(|f| f64::from(f.depth())),
            after.form.map(|f| f64::from(f.depth())),
        ),
        formality: sign(
            before.formality.map(|f| f64::from(f.rank())),
            after.formality.map(|f| f64::from(f.rank())),
        ),
        trust: sign(mean_trust(before), mean_trust(after)),
        power: sign(before.power.map(f64::from), after.power.map(f64::from)),
    }
}

/// What changed from `before` to `after`; `network` gives each state's network indicators
/// as `stats --json` does (an object of name → value), compared key by key.
pub fn compare(before: &Project, after: &Project, network: Option<(&Value, &Value)>) -> Change {
    let actors = items(
        before.actors.values().map(|a| (a.id.0, a)),
        after.actors.values().map(|a| (a.id.0, a)),
    );
    let partnerships = items(
        before.partnerships.values().map(|p| (p.id.0, p)),
        after.partnerships.values().map(|p| (p.id.0, p)),
    );
    let movements = partnerships
        .changed
        .iter()
        .filter_map(|(id, _)| {
            let id = crate::model::PartnershipId(*id);
            let m = movement(before.partnerships.get(&id)?, after.partnerships.get(&id)?);
            (m != Movement::default()).then_some((id.0, m))
        })
        .collect();
    let network = network
        .map(|(a, b)| {
            let (a, b) = (
                a.as_object().cloned().unwrap_or_default(),
                b.as_object().cloned().unwrap_or_default(),
            );
            a.keys()
                .chain(b.keys())
                .map(|k| {
                    let pair = (
                        a.get(k).cloned().unwrap_or(Value::Null),
                        b.get(k).cloned().unwrap_or(Value::Null),
                    );
                    (k.clone(), pair)
                })
                .collect()
        })
        .unwrap_or_default();
    Change {
        actors,
        partnerships,
        movements,
        network,
    }
}

impl Change {
    /// The JSON of `partnermap diff --json`: `{"from", "to", "actors": {"added", "removed",
    /// "changed": [{"id", "fields": {FIELD: [old, new]}}]}, "partnerships": {…},
    /// "network": {INDICATOR: [old, new]}}`.
    pub fn to_json(&self, from: &str, to: &str) -> Value {
        let items = |c: &ItemChanges| {
            json!({
                "added": c.added,
                "removed": c.removed,
                "changed": c.changed.iter().map(|(id, fields)| json!({
                    "id": id,
                    "fields": fields
                        .iter()
                        .map(|(k, (a, b))| (k.clone(), json!([a, b])))
                        .collect::<Map<String, Value>>(),
                })).collect::<Vec<_>>(),
            })
        };
        json!({
            "from": from,
            "to": to,
            "actors": items(&self.actors),
            "partnerships": items(&self.partnerships),
            "network": self
                .network
                .iter()
                .map(|(k, (a, b))| (k.clone(), json!([a, b])))
                .collect::<Map<String, Value>>(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorId, Form, Formality, Level, PartnershipId, Sector};

    fn base() -> Project {
        let mut p = Project::new();
        for (id, name) in [(1, "DND"), (2, "Municipality"), (3, "OWSO")] {
            p.insert_actor(Actor::new(
                ActorId(id),
                name,
                Sector::State,
                Level::District,
            ));
        }
        let mut link = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
        link.form = Some(Form::Interaction);
        link.formality = Some(Formality::PermissionPerActivity);
        link.trust_ab = Some(2);
        link.trust_ba = Some(3);
        p.insert_partnership(link);
        p
    }

    #[test]
    fn a_followup_map_lists_what_was_added_removed_and_changed_field_by_field() {
        let before = base();
        let mut after = base();
        {
            let l = after.partnerships.get_mut(&PartnershipId(1)).unwrap();
            l.form = Some(Form::Collaboration);
            l.formality = Some(Formality::Personal);
            l.trust_ab = Some(4);
        }
        after.actors.remove(&ActorId(3));
        after.insert_actor(Actor::new(
            ActorId(4),
            "PSOD",
            Sector::Private,
            Level::Provincial,
        ));
        after.insert_partnership(Partnership::new(PartnershipId(2), ActorId(1), ActorId(4)));
        let c = compare(&before, &after, None);
        assert_eq!(c.actors.added, [4]);
        assert_eq!(c.actors.removed, [3]);
        assert_eq!(c.partnerships.added, [2]);
        let (id, fields) = &c.partnerships.changed[0];
        assert_eq!(*id, 1);
        assert_eq!(
            fields.keys().collect::<Vec<_>>(),
            ["form", "formality", "trust_ab"]
        );
        assert_eq!(
            fields["form"],
            (json!("Interaction"), json!("Collaboration"))
        );
        // Deeper form, less formal (permission no longer needed is "Personal" here), trust
        // from 2.5 to 3.5: risen; power unknown both times.
        assert_eq!(
            c.movements[&1],
            Movement {
                form: 1,
                formality: -1,
                trust: 1,
                power: 0
            }
        );
        let j = c.to_json("Baseline", NOW);
        assert_eq!(
            j["partnerships"]["changed"][0]["fields"]["trust_ab"],
            json!([2, 4])
        );
        assert_eq!(j["actors"]["removed"], json!([3]));
        assert_eq!(j["to"], "now");
    }

    #[test]
    fn a_state_compared_with_itself_has_no_change() {
        let c = compare(&base(), &base(), None);
        assert_eq!(c, Change::default());
    }
}
