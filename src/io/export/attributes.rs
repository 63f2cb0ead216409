//! The attributes of actors and partnerships as the network formats declare them: the model's
//! field names, a type each, enumerations as their variant names, lists joined with `"; "`,
//! missing values left out. GraphML and GEXF share this one list, so that both always declare
//! the same attributes.
//!
//! Positions in both files have y pointing up, as Gephi, Gephi Lite, networkx and GEXF's
//! `viz:position` take them (the canvas's y points down): the `y` attribute is the negated
//! canvas y, and the map's value `y_axis` says `up` so that the import tells these files from
//! older PartnerMap files, whose `y` was the canvas's.

use indexmap::IndexMap;

use super::perspectives;
use super::text::{LIST_SEPARATOR, join};
use crate::model::{Actor, Choice, CustomFields, CustomValue, Partnership, Project};

/// The type of an attribute, as GraphML and GEXF name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttrType {
    /// Text.
    String,
    /// A whole number.
    Int,
    /// A whole number that may not fit in 32 bits (ids).
    Long,
    /// A real number.
    Double,
    /// `true` or `false`.
    Boolean,
}

impl AttrType {
    /// The type's name in GraphML (`attr.type`).
    pub fn graphml(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Int => "int",
            Self::Long => "long",
            Self::Double => "double",
            Self::Boolean => "boolean",
        }
    }

    /// The type's name in GEXF (`type`).
    pub fn gexf(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Int => "integer",
            Self::Long => "long",
            Self::Double => "double",
            Self::Boolean => "boolean",
        }
    }
}

/// One declared attribute: its name and type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttrDef {
    /// The model's field name (or the custom field's name).
    pub name: String,
    /// Its type.
    pub ty: AttrType,
}

pub(crate) const ACTOR_FIELDS: [(&str, AttrType); 16] = [
    ("name", AttrType::String),
    ("short", AttrType::String),
    ("sector", AttrType::String),
    ("kind", AttrType::String),
    ("level", AttrType::String),
    ("influence", AttrType::Int),
    ("interest", AttrType::Int),
    ("capacity", AttrType::Int),
    ("stance", AttrType::String),
    ("resources", AttrType::String),
    ("tags", AttrType::String),
    ("notes", AttrType::String),
    ("sources", AttrType::String),
    ("x", AttrType::Double),
    ("y", AttrType::Double),
    ("pinned", AttrType::Boolean),
];

/// `a` and `b` repeat the ends (source and target) as data: a tool that reads the undirected
/// graph may write an edge the other way round, and these say which end is which.
pub(crate) const PARTNERSHIP_FIELDS: [(&str, AttrType); 29] = [
    ("a", AttrType::Long),
    ("b", AttrType::Long),
    ("label", AttrType::String),
    ("functions", AttrType::String),
    ("form", AttrType::String),
    ("formality", AttrType::String),
    ("info_sharing", AttrType::Boolean),
    ("aligned_activities", AttrType::Boolean),
    ("joint_goals", AttrType::Boolean),
    ("shared_resources", AttrType::Boolean),
    ("jointly_managed_resources", AttrType::Boolean),
    ("mutual_decisions", AttrType::Boolean),
    ("trust_ab", AttrType::Int),
    ("trust_ba", AttrType::Int),
    ("power", AttrType::Int),
    ("contribution_a", AttrType::Int),
    ("contribution_b", AttrType::Int),
    ("identity_a", AttrType::Int),
    ("identity_b", AttrType::Int),
    ("accountability", AttrType::String),
    ("risk", AttrType::String),
    ("initiator", AttrType::String),
    ("status", AttrType::String),
    ("start", AttrType::String),
    ("end", AttrType::String),
    ("enablers", AttrType::String),
    ("disablers", AttrType::String),
    ("notes", AttrType::String),
    ("sources", AttrType::String),
];

/// The map's own values, written as data of the graph: the model's field names, with the
/// settings' cuts as `cuts.a.x` … `cuts.d.y` and the ids to hand out next as
/// `next_ids.actor` and `next_ids.partnership`, so that an exported map comes back whole
/// (its `origin` too, last, so that a merge knows a copy that went through another tool).
pub(crate) const MAP_FIELDS: [(&str, AttrType); 18] = [
    ("title", AttrType::String),
    ("description", AttrType::String),
    ("author", AttrType::String),
    ("created", AttrType::String),
    ("modified", AttrType::String),
    ("cuts.a.x", AttrType::Double),
    ("cuts.a.y", AttrType::Double),
    ("cuts.b.x", AttrType::Double),
    ("cuts.b.y", AttrType::Double),
    ("cuts.c.x", AttrType::Double),
    ("cuts.c.y", AttrType::Double),
    ("cuts.d.x", AttrType::Double),
    ("cuts.d.y", AttrType::Double),
    ("colour_by", AttrType::String),
    ("next_ids.actor", AttrType::Long),
    ("next_ids.partnership", AttrType::Long),
    ("y_axis", AttrType::String),
    ("origin", AttrType::String),
];

/// The value of `y_axis` in the files: their y points up.
pub(crate) const Y_UP: &str = "up";

/// The node attribute GraphML writes the actor's name into a second time: Gephi takes a
/// node's label from an attribute so named. An actor's custom field may not take this name
/// as it is (see [`encode_custom`]).
pub(crate) const NODE_LABEL: &str = "label";

/// The attribute name igraph keeps a node's or edge's id under when it renames them (`n0`,
/// `n1`…): the import numbers items by it, so a custom field may not take this name as it is
/// (see [`encode_custom`]).
pub(crate) const OWN_ID: &str = "id";

/// The prefix that keeps a custom field apart from a model field of the same name.
pub(crate) const CUSTOM_PREFIX: &str = "custom_";

/// The column or attribute name of the custom field `key`, given the format's own names
/// `fixed`: `custom_` in front when the key is one of them, a name that perspectives use
/// ([`super::perspectives::is_reserved`]) or itself starts with `custom_`, so that
/// [`decode_custom`] gives back the key exactly.
pub(crate) fn encode_custom(key: &str, fixed: &[&str]) -> String {
    if fixed.contains(&key) || key.starts_with(CUSTOM_PREFIX) || perspectives::is_reserved(key) {
        format!("{CUSTOM_PREFIX}{key}")
    } else {
        key.to_string()
    }
}

/// The custom field's key for a column or attribute `name` (the inverse of [`encode_custom`];
/// a foreign `custom_…` name whose rest is not one of `fixed` is kept as it is).
pub(crate) fn decode_custom(name: &str, fixed: &[&str]) -> String {
    match name.strip_prefix(CUSTOM_PREFIX) {
        Some(rest)
            if fixed.contains(&rest)
                || rest.starts_with(CUSTOM_PREFIX)
                || perspectives::is_reserved(rest) =>
        {
            rest.to_string()
        }
        _ => name.to_string(),
    }
}

/// The attributes declared for a map: those of the model, then one per custom field (a
/// number column when every value is a number, else text; see [`encode_custom`] for names
/// that clash with the model's), then one per perspective and score
/// ([`super::perspectives`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Schema {
    /// The map's own attributes ([`MAP_FIELDS`]).
    pub map: Vec<AttrDef>,
    /// The actors' attributes, in order.
    pub actor: Vec<AttrDef>,
    /// The partnerships' attributes, in order.
    pub partnership: Vec<AttrDef>,
    actor_custom: IndexMap<String, usize>,
    partnership_custom: IndexMap<String, usize>,
    /// Where the perspectives' attributes start in `actor` and `partnership`.
    ratings: (usize, usize),
}

/// The declarations of the fields `fixed`.
fn declared(fixed: &[(&str, AttrType)]) -> Vec<AttrDef> {
    fixed
        .iter()
        .map(|(name, ty)| AttrDef {
            name: (*name).to_string(),
            ty: *ty,
        })
        .collect()
}

/// The declarations of `fixed` and of every custom field of `all`; a custom field named as
/// one of `fixed` or `reserved` gets the prefix.
fn custom_defs<'a>(
    fixed: &[(&str, AttrType)],
    reserved: &[&str],
    all: impl Iterator<Item = &'a CustomFields>,
) -> (Vec<AttrDef>, IndexMap<String, usize>) {
    let mut numeric: IndexMap<String, bool> = IndexMap::new();
    for fields in all {
        for (k, v) in fields {
            let is_number = matches!(v, CustomValue::Number(n) if n.is_finite());
            let entry = numeric.entry(k.clone()).or_insert(true);
            *entry &= is_number;
        }
    }
    let mut defs = declared(fixed);
    let fixed_names: Vec<&str> = fixed
        .iter()
        .map(|(n, _)| *n)
        .chain(reserved.iter().copied())
        .collect();
    let mut index = IndexMap::new();
    for (k, is_number) in numeric {
        index.insert(k.clone(), defs.len());
        defs.push(AttrDef {
            name: encode_custom(&k, &fixed_names),
            ty: if is_number {
                AttrType::Double
            } else {
                AttrType::String
            },
        });
    }
    (defs, index)
}

impl Schema {
    /// The attributes of `project`.
    pub fn of(project: &Project) -> Self {
        let (mut actor, actor_custom) = custom_defs(
            &ACTOR_FIELDS,
            &[NODE_LABEL, OWN_ID],
            project.actors.values().map(|a| &a.custom),
        );
        let (mut partnership, partnership_custom) = custom_defs(
            &PARTNERSHIP_FIELDS,
            &[OWN_ID],
            project.partnerships.values().map(|p| &p.custom),
        );
        let ratings = (actor.len(), partnership.len());
        actor.extend(perspectives::actor_defs(project));
        partnership.extend(perspectives::partnership_defs(project));
        let mut map = declared(&MAP_FIELDS);
        map.extend(
            perspectives::map_entries(project)
                .into_iter()
                .map(|(name, _)| AttrDef {
                    name,
                    ty: AttrType::String,
                }),
        );
        Self {
            map,
            actor,
            partnership,
            actor_custom,
            partnership_custom,
            ratings,
        }
    }

    /// The map's values, one per [`MAP_FIELDS`] (`None`: empty, left out).
    pub fn map_values(&self, project: &Project) -> Vec<Option<String>> {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let m = &project.meta;
        let mut v = vec![
            text(&m.title),
            text(&m.description),
            text(&m.author),
            text(&m.created),
            text(&m.modified),
        ];
        for (_, cut) in project.settings.cuts.all() {
            v.extend([Some(cut.x.to_string()), Some(cut.y.to_string())]);
        }
        v.extend([
            Some(project.settings.colour_by.name().to_string()),
            Some(project.next_ids.actor.to_string()),
            Some(project.next_ids.partnership.to_string()),
            Some(Y_UP.to_string()),
            text(&m.origin),
        ]);
        // A note is written even when empty: it keeps the perspective and its place.
        v.extend(
            perspectives::map_entries(project)
                .into_iter()
                .map(|(_, value)| Some(value)),
        );
        v
    }

    /// An actor's values, one per declared attribute (`None`: missing, left out); the
    /// perspectives' values come from `project`.
    pub fn actor_values(&self, project: &Project, a: &Actor) -> Vec<Option<String>> {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let mut v = vec![
            Some(a.name.clone()),
            a.short.clone(),
            a.sector.map(|s| s.name().to_string()),
            text(&a.kind),
            a.level.map(|l| l.name().to_string()),
            a.influence.map(|v| v.to_string()),
            a.interest.map(|v| v.to_string()),
            a.capacity.map(|c| c.to_string()),
            a.stance.map(|s| s.name().to_string()),
            text(&join(&a.resources)),
            text(&join(&a.tags)),
            text(&a.notes),
            text(&join(&a.sources)),
            Some(a.position.x.to_string()),
            // The files' y points up (see the module's comment); 0 - y keeps 0 unsigned.
            Some((0.0 - a.position.y).to_string()),
            Some(a.pinned.to_string()),
        ];
        v.resize(self.ratings.0, None);
        fill_custom(&mut v, &a.custom, &self.actor_custom);
        v.extend(perspectives::actor_values(project, a.id).map(|w| w.map(|w| w.text())));
        v
    }

    /// A partnership's values, one per declared attribute (`None`: missing, left out); the
    /// perspectives' values come from `project`.
    pub fn partnership_values(&self, project: &Project, p: &Partnership) -> Vec<Option<String>> {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let num = |v: Option<u8>| v.map(|v| v.to_string());
        let functions: Vec<&str> = p.functions.iter().map(|f| f.name()).collect();
        let pr = &p.practices;
        let mut v = vec![
            Some(p.a.to_string()),
            Some(p.b.to_string()),
            p.label.clone().filter(|l| !l.is_empty()),
            text(&functions.join(LIST_SEPARATOR)),
            p.form.map(|f| f.name().to_string()),
            p.formality.map(|f| f.name().to_string()),
            Some(pr.info_sharing.to_string()),
            Some(pr.aligned_activities.to_string()),
            Some(pr.joint_goals.to_string()),
            Some(pr.shared_resources.to_string()),
            Some(pr.jointly_managed_resources.to_string()),
            Some(pr.mutual_decisions.to_string()),
            num(p.trust_ab),
            num(p.trust_ba),
            p.power.map(|v| v.to_string()),
            num(p.contribution_a),
            num(p.contribution_b),
            num(p.identity_a),
            num(p.identity_b),
            p.accountability.map(|v| v.name().to_string()),
            p.risk.map(|v| v.name().to_string()),
            p.initiator.map(|v| v.name().to_string()),
            Some(p.status.name().to_string()),
            p.start.as_ref().map(|d| d.0.clone()),
            p.end.as_ref().map(|d| d.0.clone()),
            text(&join(&p.enablers)),
            text(&join(&p.disablers)),
            text(&p.notes),
            text(&join(&p.sources)),
        ];
        v.resize(self.ratings.1, None);
        fill_custom(&mut v, &p.custom, &self.partnership_custom);
        v.extend(perspectives::partnership_values(project, p.id).map(|w| w.map(|w| w.text())));
        v
    }
}

fn fill_custom(
    values: &mut [Option<String>],
    fields: &CustomFields,
    index: &IndexMap<String, usize>,
) {
    for (k, value) in fields {
        if let Some(&i) = index.get(k) {
            values[i] = Some(match value {
                CustomValue::Number(n) => n.to_string(),
                CustomValue::Text(t) => t.clone(),
            });
        }
    }
}
