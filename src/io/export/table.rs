//! The tables for spreadsheets (design.md §8), typed: one model that both the CSV tables
//! ([`super::csv`]) and the `.xlsx` workbook ([`super::xlsx`]) are written from, so that the
//! two hold the same rows and a number stays a number in the workbook.
//!
//! Six tables: `actors` (every field, the position as `x` and `y`, one column per custom
//! field), `partnerships` (every field, both actors' names beside their ids), `indicators`
//! (one row per actor, betweenness included), `partnership_indicators` (one row per
//! partnership: its measures and quadrants), `network` (`indicator,value`, since the
//! network's indicators do not fit the actor columns) and `map` (`field,value`: the map's
//! title, description, author and dates). Lists (tags, functions, sources) are joined with
//! `"; "`; enumerations are their variant names (`CivilSociety`); missing values are empty
//! cells.

use indexmap::IndexSet;
use serde_json::Value;

use super::perspectives::{self, Written};
use super::text::join;
use crate::analysis::Indicators;
use crate::model::{Actor, ActorId, Choice, CustomFields, CustomValue, PartnershipId, Project};

/// One cell of a table, typed so that each writer can store it as what it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// A missing value.
    Empty,
    /// Text from the user (a name, a note). A CSV writer neutralises it where a spreadsheet
    /// would run it as a formula ([`super::csv::neutralise`]).
    Text(String),
    /// Text from the user that reads as a number but is text (a custom field): a CSV writer
    /// marks it with a leading `'` so that a spreadsheet keeps it as text.
    NumberLikeText(String),
    /// PartnerMap's own words (an enumeration's name, a quadrant, an indicator's value as
    /// text): written as they are.
    Word(String),
    /// A whole number (an id, a count, a score).
    Integer(i128),
    /// A finite number (a coordinate, a measure).
    Number(f64),
    /// A number with the exact spelling the CSV gives it (JSON's, in `network`: `1.0`).
    Spelled(f64, String),
    /// `true` or `false`.
    Bool(bool),
}

impl Cell {
    /// The cell as CSV writes it, before quoting.
    pub fn csv_text(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self {
            Self::Empty => Cow::Borrowed(""),
            Self::Text(t) => super::csv::neutralise(t),
            Self::NumberLikeText(t) => Cow::Owned(format!("'{t}")),
            Self::Word(w) => Cow::Borrowed(w),
            Self::Integer(n) => Cow::Owned(n.to_string()),
            Self::Number(v) => Cow::Owned(v.to_string()),
            Self::Spelled(_, text) => Cow::Borrowed(text),
            Self::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
        }
    }
}

/// One table: its name (the CSV file's stem, the workbook's sheet), its header row and its
/// rows, each as long as the header.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// `actors`, `partnerships`, …: the file `NAME.csv` and the sheet `NAME`.
    pub name: &'static str,
    /// The column names; custom fields' names come from users' files, so a CSV writer
    /// neutralises them as it does text.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub(super) fn new(name: &'static str, columns: &[&str]) -> Self {
        Self {
            name,
            header: columns.iter().map(|s| (*s).to_string()).collect(),
            rows: Vec::new(),
        }
    }
}

/// The names of the six tables, in their fixed order.
pub const TABLE_NAMES: [&str; 6] = [
    "actors",
    "partnerships",
    "indicators",
    "partnership_indicators",
    "network",
    "map",
];

/// One row being built.
#[derive(Default)]
struct Row(Vec<Cell>);

impl Row {
    /// The user's text; an empty text is an empty cell.
    fn text(&mut self, s: &str) -> &mut Self {
        self.0.push(if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        });
        self
    }
    /// PartnerMap's own word; an empty one is an empty cell.
    fn word(&mut self, s: &str) -> &mut Self {
        self.0.push(if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Word(s.to_string())
        });
        self
    }
    fn opt_word(&mut self, s: Option<&str>) -> &mut Self {
        self.word(s.unwrap_or(""))
    }
    fn int(&mut self, v: impl Into<i128>) -> &mut Self {
        self.0.push(Cell::Integer(v.into()));
        self
    }
    fn count(&mut self, n: usize) -> &mut Self {
        self.int(n as u64)
    }
    fn opt_int<T: Into<i128>>(&mut self, v: Option<T>) -> &mut Self {
        self.0
            .push(v.map_or(Cell::Empty, |v| Cell::Integer(v.into())));
        self
    }
    fn float(&mut self, v: Option<f64>) -> &mut Self {
        self.0.push(
            v.filter(|v| v.is_finite())
                .map_or(Cell::Empty, Cell::Number),
        );
        self
    }
    fn bool(&mut self, b: bool) -> &mut Self {
        self.0.push(Cell::Bool(b));
        self
    }
    fn empty(&mut self) -> &mut Self {
        self.0.push(Cell::Empty);
        self
    }
    /// Perspectives' values: numbers as numbers, choices by their names.
    fn written(&mut self, values: impl Iterator<Item = Option<Written>>) -> &mut Self {
        self.0.extend(values.map(|v| match v {
            None => Cell::Empty,
            Some(Written::Number(n)) => Cell::Integer(n.into()),
            Some(Written::Name(name)) => Cell::Word(name.to_string()),
        }));
        self
    }
    /// A partnership's id and its two actors by id and name: the first five columns of both
    /// partnership tables.
    fn ends(&mut self, project: &Project, id: PartnershipId, a: ActorId, b: ActorId) -> &mut Self {
        let name = |id| project.actor(id).map_or("", |a: &Actor| a.name.as_str());
        self.int(id.0).int(a.0).text(name(a)).int(b.0).text(name(b))
    }
    fn custom(&mut self, fields: &CustomFields, keys: &IndexSet<String>) -> &mut Self {
        for k in keys {
            match fields.get(k) {
                Some(CustomValue::Number(n)) => {
                    self.float(Some(*n));
                }
                // Text that reads as a number is marked as text, as a spreadsheet does.
                Some(CustomValue::Text(t)) if t.trim().parse::<f64>().is_ok() => {
                    self.0.push(Cell::NumberLikeText(t.clone()));
                }
                Some(CustomValue::Text(t)) => {
                    self.text(t);
                }
                None => {
                    self.empty();
                }
            }
        }
        self
    }
}

/// The custom field names in first-seen order, and header names for them that do not clash
/// with the table's own columns (see [`super::attributes::encode_custom`]).
fn custom_columns<'a>(
    all: impl Iterator<Item = &'a CustomFields>,
    fixed: &[&str],
) -> (IndexSet<String>, Vec<String>) {
    let mut keys = IndexSet::new();
    for fields in all {
        for k in fields.keys() {
            keys.insert(k.clone());
        }
    }
    let headers = keys
        .iter()
        .map(|k| super::attributes::encode_custom(k, fixed))
        .collect();
    (keys, headers)
}

/// The columns of `actors` before the custom fields.
pub const ACTOR_COLUMNS: [&str; 17] = [
    "id",
    "name",
    "short",
    "sector",
    "kind",
    "level",
    "influence",
    "interest",
    "capacity",
    "stance",
    "resources",
    "tags",
    "notes",
    "sources",
    "x",
    "y",
    "pinned",
];

/// `actors`: every field of design.md §3, the position as `x` and `y`, then one column per
/// custom field.
pub fn actors_table(project: &Project) -> Table {
    let (keys, custom_headers) =
        custom_columns(project.actors.values().map(|a| &a.custom), &ACTOR_COLUMNS);
    let mut table = Table::new("actors", &ACTOR_COLUMNS);
    table.header.extend(custom_headers);
    table.header.extend(
        perspectives::actor_defs(project)
            .into_iter()
            .map(|d| d.name),
    );
    for a in project.actors.values() {
        let mut r = Row::default();
        r.int(a.id.0)
            .text(&a.name)
            .text(a.short.as_deref().unwrap_or(""))
            .opt_word(a.sector.map(Choice::name))
            .text(&a.kind)
            .opt_word(a.level.map(Choice::name))
            .opt_int(a.influence)
            .opt_int(a.interest)
            .opt_int(a.capacity)
            .opt_word(a.stance.map(Choice::name))
            .text(&join(&a.resources))
            .text(&join(&a.tags))
            .text(&a.notes)
            .text(&join(&a.sources))
            .float(Some(a.position.x))
            .float(Some(a.position.y))
            .bool(a.pinned)
            .custom(&a.custom, &keys)
            .written(perspectives::actor_values(project, a.id));
        table.rows.push(r.0);
    }
    table
}

/// The columns of `partnerships` before the custom fields.
pub const PARTNERSHIP_COLUMNS: [&str; 32] = [
    "id",
    "a",
    "a_name",
    "b",
    "b_name",
    "label",
    "functions",
    "form",
    "formality",
    "info_sharing",
    "aligned_activities",
    "joint_goals",
    "shared_resources",
    "jointly_managed_resources",
    "mutual_decisions",
    "trust_ab",
    "trust_ba",
    "power",
    "contribution_a",
    "contribution_b",
    "identity_a",
    "identity_b",
    "accountability",
    "risk",
    "initiator",
    "status",
    "start",
    "end",
    "enablers",
    "disablers",
    "notes",
    "sources",
];

/// `partnerships`: every field of design.md §3, the names of both actors beside their ids,
/// the six practices as `true`/`false`, then one column per custom field; for a map with
/// perspectives, then its `disagreement` and each perspective's values.
pub fn partnerships_table(project: &Project) -> Table {
    let (keys, custom_headers) = custom_columns(
        project.partnerships.values().map(|p| &p.custom),
        &PARTNERSHIP_COLUMNS,
    );
    let voices = !project.perspectives.is_empty();
    let mut table = Table::new("partnerships", &PARTNERSHIP_COLUMNS);
    table.header.extend(custom_headers);
    if voices {
        table.header.push(perspectives::DISAGREEMENT.to_string());
        table.header.extend(
            perspectives::partnership_defs(project)
                .into_iter()
                .map(|d| d.name),
        );
    }
    for p in project.partnerships.values() {
        let functions: Vec<&str> = p.functions.iter().map(|f| f.name()).collect();
        let pr = &p.practices;
        let mut r = Row::default();
        r.ends(project, p.id, p.a, p.b)
            .text(p.label.as_deref().unwrap_or(""))
            .word(&functions.join(super::text::LIST_SEPARATOR))
            .opt_word(p.form.map(Choice::name))
            .opt_word(p.formality.map(Choice::name));
        for flag in [
            pr.info_sharing,
            pr.aligned_activities,
            pr.joint_goals,
            pr.shared_resources,
            pr.jointly_managed_resources,
            pr.mutual_decisions,
        ] {
            r.bool(flag);
        }
        r.opt_int(p.trust_ab)
            .opt_int(p.trust_ba)
            .opt_int(p.power)
            .opt_int(p.contribution_a)
            .opt_int(p.contribution_b)
            .opt_int(p.identity_a)
            .opt_int(p.identity_b)
            .opt_word(p.accountability.map(Choice::name))
            .opt_word(p.risk.map(Choice::name))
            .opt_word(p.initiator.map(Choice::name))
            .word(p.status.name())
            .text(p.start.as_ref().map_or("", |d| d.0.as_str()))
            .text(p.end.as_ref().map_or("", |d| d.0.as_str()))
            .text(&join(&p.enablers))
            .text(&join(&p.disablers))
            .text(&p.notes)
            .text(&join(&p.sources))
            .custom(&p.custom, &keys);
        if voices {
            r.float(crate::analysis::perspective::partnership_disagreement(
                project, p,
            ))
            .written(perspectives::partnership_values(project, p.id));
        }
        table.rows.push(r.0);
    }
    table
}

/// `indicators`: one row per actor with the actor indicators of design.md §5 (betweenness
/// empty when it was not computed) and its Mendelow quadrant.
pub fn indicators_table(indicators: &Indicators) -> Table {
    let mut table = Table::new(
        "indicators",
        &[
            "id",
            "name",
            "sector",
            "level",
            "degree",
            "partnerships",
            "cross_sector_degree",
            "betweenness",
            "trust_received",
            "trust_received_known",
            "trust_given",
            "trust_given_known",
            "power_score",
            "power_known",
            "brokerage",
            "mendelow_quadrant",
            "mendelow_x",
            "mendelow_y",
        ],
    );
    for a in indicators.actors.values() {
        let mendelow = a.mendelow.placed();
        let mut r = Row::default();
        r.int(a.id.0)
            .text(&a.name)
            .opt_word(a.sector.map(Choice::name))
            .opt_word(a.level.map(Choice::name))
            .count(a.degree)
            .count(a.partnerships)
            .count(a.cross_sector_degree)
            .float(a.betweenness)
            .float(a.trust_received)
            .count(a.trust_received_known)
            .float(a.trust_given)
            .count(a.trust_given_known)
            .float(a.power_score)
            .count(a.power_known)
            .count(a.brokerage)
            .opt_word(mendelow.map(|m| m.quadrant))
            .float(mendelow.map(|m| m.x))
            .float(mendelow.map(|m| m.y));
        table.rows.push(r.0);
    }
    table
}

/// `partnership_indicators`: one row per partnership with the measures of design.md §5
/// (empty where an input is missing) and, for frameworks A–C, its quadrant and point (or
/// `unplaced: ` and the reason).
pub fn partnership_indicators_table(project: &Project, indicators: &Indicators) -> Table {
    let mut table = Table::new(
        "partnership_indicators",
        &[
            "id",
            "a",
            "a_name",
            "b",
            "b_name",
            "trust",
            "trust_gap",
            "power_asymmetry",
            "contribution_equity",
            "mutuality",
            "identity",
            "quadrant_a",
            "x_a",
            "y_a",
            "quadrant_b",
            "x_b",
            "y_b",
            "quadrant_c",
            "x_c",
            "y_c",
        ],
    );
    for p in indicators.partnerships.values() {
        let mut r = Row::default();
        r.ends(project, p.id, p.a, p.b)
            .float(p.trust)
            .float(p.trust_gap)
            .float(p.power_asymmetry)
            .float(p.contribution_equity)
            .float(p.mutuality)
            .float(p.identity);
        for placement in [&p.quadrants.a, &p.quadrants.b, &p.quadrants.c] {
            match placement {
                crate::typology::Placement::Placed(at) => {
                    r.text(at.quadrant).float(Some(at.x)).float(Some(at.y));
                }
                crate::typology::Placement::Unplaced(why) => {
                    r.text(&format!("unplaced: {why}")).empty().empty();
                }
            }
        }
        table.rows.push(r.0);
    }
    table
}

/// Flattens a JSON value into (dotted key, value) rows.
pub(super) fn flatten(prefix: &str, v: &Value, rows: &mut Vec<(String, Cell)>) {
    let cell = match v {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, rows);
            }
            return;
        }
        Value::Null => Cell::Empty,
        Value::String(s) if s.is_empty() => Cell::Empty,
        Value::String(s) => Cell::Word(s.clone()),
        Value::Bool(b) => Cell::Bool(*b),
        Value::Number(n) => match (n.as_i128(), n.as_f64()) {
            (Some(i), _) => Cell::Integer(i),
            (None, Some(f)) if f.is_finite() => Cell::Spelled(f, n.to_string()),
            _ => Cell::Word(n.to_string()),
        },
        other => Cell::Word(other.to_string()),
    };
    rows.push((prefix.to_string(), cell));
}

/// `network`: `indicator,value`, one row per network indicator of design.md §5 with the
/// JSON names of `partnermap stats --json` (nested ones dotted: `form_counts.Integrated`,
/// `quadrant_counts.a.Personal cooperation`); missing values are empty.
pub fn network_table(indicators: &Indicators) -> Result<Table, serde_json::Error> {
    let value = serde_json::to_value(&indicators.network)?;
    let mut rows = Vec::new();
    flatten("", &value, &mut rows);
    let mut table = Table::new("network", &["indicator", "value"]);
    table.rows = rows
        .into_iter()
        .map(|(k, v)| vec![Cell::Text(k), v])
        .collect();
    Ok(table)
}

/// The fields of `map`, in order.
pub const MAP_FIELDS: [&str; 6] = [
    "title",
    "description",
    "author",
    "created",
    "modified",
    "origin",
];

/// `map`: the map's title, description, author, dates and origin (when it has one) as a
/// `field,value` table, so that a CSV round trip keeps them; for a map with perspectives, then `map_values` and each
/// perspective's note (`perspective [NAME]`, see [`super::perspectives`]).
pub fn map_table(project: &Project) -> Table {
    let m = &project.meta;
    let mut table = Table::new("map", &["field", "value"]);
    for (field, value) in MAP_FIELDS.into_iter().zip([
        &m.title,
        &m.description,
        &m.author,
        &m.created,
        &m.modified,
        &m.origin,
    ]) {
        // A map without an origin (older maps, the sample) writes the table as before.
        if field == "origin" && value.is_empty() {
            continue;
        }
        let mut r = Row::default();
        r.word(field).text(value);
        table.rows.push(r.0);
    }
    for (field, value) in perspectives::map_entries(project) {
        let mut r = Row::default();
        r.text(&field).text(&value);
        table.rows.push(r.0);
    }
    table
}

/// All six tables, in the order of [`TABLE_NAMES`].
pub fn tables(project: &Project, indicators: &Indicators) -> Result<[Table; 6], serde_json::Error> {
    Ok([
        actors_table(project),
        partnerships_table(project),
        indicators_table(indicators),
        partnership_indicators_table(project, indicators),
        network_table(indicators)?,
        map_table(project),
    ])
}
