//! CSV tables for spreadsheets (design.md §8): `actors.csv`, `partnerships.csv`,
//! `indicators.csv` (one row per actor, betweenness included), `partnership_indicators.csv`
//! (one row per partnership: its measures and quadrants) and `network.csv` (one row per
//! network indicator: `indicator,value`, since the network's indicators do not fit the actor
//! columns).
//!
//! UTF-8 with a header row, quoted where needed (RFC 4180). Lists (tags, functions, sources)
//! are joined with `"; "`; enumerations are written as their variant names (`CivilSociety`),
//! missing values as empty cells, and each custom field is an extra column. A text cell that
//! starts with `=`, `+`, `-`, `@`, a tab, a carriage return or `'` gets a leading `'`, so that a
//! spreadsheet shows it as text instead of running it as a formula (and the CSV import takes
//! that `'` off again); a custom text that reads as a number gets one too, so that it stays
//! text. Numbers written by PartnerMap (coordinates, scores, indicators) stay numbers.

use indexmap::IndexSet;
use serde_json::Value;

use super::ExportError;
use super::text::join;
use crate::analysis::Indicators;
use crate::model::{Actor, ActorId, Choice, CustomFields, CustomValue, PartnershipId, Project};

/// The six tables, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvTables {
    /// Every actor with every field.
    pub actors: String,
    /// Every partnership with every field, and the names of its two actors.
    pub partnerships: String,
    /// Every actor's indicators.
    pub indicators: String,
    /// Every partnership's indicators and quadrants.
    pub partnership_indicators: String,
    /// The network's indicators, one per row.
    pub network: String,
    /// The map's own data: title, description, author and dates, one per row, so that a
    /// CSV round trip keeps them.
    pub map: String,
}

impl CsvTables {
    /// The file name and text of each table, in a fixed order.
    pub fn files(&self) -> [(&'static str, &str); 6] {
        [
            ("actors.csv", &self.actors),
            ("partnerships.csv", &self.partnerships),
            ("indicators.csv", &self.indicators),
            ("partnership_indicators.csv", &self.partnership_indicators),
            ("network.csv", &self.network),
            ("map.csv", &self.map),
        ]
    }
}

/// `text` made safe for a spreadsheet: a leading `'` when it would start a formula.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'') => {
            std::borrow::Cow::Owned(format!("'{text}"))
        }
        _ => std::borrow::Cow::Borrowed(text),
    }
}

/// One row being built: text cells are neutralised, numbers are not.
#[derive(Default)]
struct Row(Vec<String>);

impl Row {
    fn text(&mut self, s: &str) -> &mut Self {
        self.0.push(neutralise(s).into_owned());
        self
    }
    /// A partnership's id and its two actors by id and name: the first five columns of both
    /// partnership tables.
    fn ends(&mut self, project: &Project, id: PartnershipId, a: ActorId, b: ActorId) -> &mut Self {
        let name = |id| project.actor(id).map_or("", |a: &Actor| a.name.as_str());
        self.num(id).num(a).text(name(a)).num(b).text(name(b))
    }

    fn num(&mut self, v: impl ToString) -> &mut Self {
        self.0.push(v.to_string());
        self
    }
    fn opt<T: ToString>(&mut self, v: Option<T>) -> &mut Self {
        self.0.push(v.map_or_else(String::new, |v| v.to_string()));
        self
    }
    fn float(&mut self, v: Option<f64>) -> &mut Self {
        self.0.push(
            v.filter(|v| v.is_finite())
                .map_or_else(String::new, |v| v.to_string()),
        );
        self
    }
    fn custom(&mut self, fields: &CustomFields, keys: &IndexSet<String>) -> &mut Self {
        for k in keys {
            match fields.get(k) {
                Some(CustomValue::Number(n)) => self.float(Some(*n)),
                // Text that reads as a number is marked as text, as a spreadsheet does.
                Some(CustomValue::Text(t)) if t.trim().parse::<f64>().is_ok() => {
                    self.num(format!("'{t}"))
                }
                Some(CustomValue::Text(t)) => self.text(t),
                None => self.num(""),
            };
        }
        self
    }
}

fn writer() -> ::csv::Writer<Vec<u8>> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

fn finish(w: ::csv::Writer<Vec<u8>>) -> Result<String, ExportError> {
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::from(e.into_error()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Xml(e.to_string()))
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

/// The columns of `actors.csv` before the custom fields.
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

/// Writes the header row: the fixed columns, then the custom fields (neutralised, as they
/// come from users' files).
fn write_header(
    w: &mut csv::Writer<Vec<u8>>,
    columns: &[&str],
    custom_headers: Vec<String>,
) -> Result<(), ExportError> {
    let header = columns.iter().map(|s| (*s).to_string()).chain(
        custom_headers
            .into_iter()
            .map(|h| neutralise(&h).into_owned()),
    );
    w.write_record(header)?;
    Ok(())
}

/// `actors.csv`: every field of design.md §3, the position as `x` and `y`, then one column per
/// custom field.
pub fn actors_csv(project: &Project) -> Result<String, ExportError> {
    let (keys, custom_headers) =
        custom_columns(project.actors.values().map(|a| &a.custom), &ACTOR_COLUMNS);
    let mut w = writer();
    write_header(&mut w, &ACTOR_COLUMNS, custom_headers)?;
    for a in project.actors.values() {
        let mut r = Row::default();
        r.num(a.id)
            .text(&a.name)
            .text(a.short.as_deref().unwrap_or(""))
            .opt(a.sector.map(Choice::name))
            .text(&a.kind)
            .opt(a.level.map(Choice::name))
            .opt(a.influence)
            .opt(a.interest)
            .opt(a.capacity)
            .opt(a.stance.map(Choice::name))
            .text(&join(&a.resources))
            .text(&join(&a.tags))
            .text(&a.notes)
            .text(&join(&a.sources))
            .float(Some(a.position.x))
            .float(Some(a.position.y))
            .num(a.pinned)
            .custom(&a.custom, &keys);
        w.write_record(&r.0)?;
    }
    finish(w)
}

/// The columns of `partnerships.csv` before the custom fields.
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

/// `partnerships.csv`: every field of design.md §3, the names of both actors beside their
/// ids, the six practices as `true`/`false`, then one column per custom field.
pub fn partnerships_csv(project: &Project) -> Result<String, ExportError> {
    let (keys, custom_headers) = custom_columns(
        project.partnerships.values().map(|p| &p.custom),
        &PARTNERSHIP_COLUMNS,
    );
    let mut w = writer();
    write_header(&mut w, &PARTNERSHIP_COLUMNS, custom_headers)?;
    for p in project.partnerships.values() {
        let functions: Vec<&str> = p.functions.iter().map(|f| f.name()).collect();
        let pr = &p.practices;
        let mut r = Row::default();
        r.ends(project, p.id, p.a, p.b)
            .text(p.label.as_deref().unwrap_or(""))
            .num(functions.join(super::text::LIST_SEPARATOR))
            .opt(p.form.map(Choice::name))
            .opt(p.formality.map(Choice::name));
        for flag in [
            pr.info_sharing,
            pr.aligned_activities,
            pr.joint_goals,
            pr.shared_resources,
            pr.jointly_managed_resources,
            pr.mutual_decisions,
        ] {
            r.num(flag);
        }
        r.opt(p.trust_ab)
            .opt(p.trust_ba)
            .opt(p.power)
            .opt(p.contribution_a)
            .opt(p.contribution_b)
            .opt(p.identity_a)
            .opt(p.identity_b)
            .opt(p.accountability.map(Choice::name))
            .opt(p.risk.map(Choice::name))
            .opt(p.initiator.map(Choice::name))
            .num(p.status.name())
            .text(p.start.as_ref().map_or("", |d| d.0.as_str()))
            .text(p.end.as_ref().map_or("", |d| d.0.as_str()))
            .text(&join(&p.enablers))
            .text(&join(&p.disablers))
            .text(&p.notes)
            .text(&join(&p.sources))
            .custom(&p.custom, &keys);
        w.write_record(&r.0)?;
    }
    finish(w)
}

/// `indicators.csv`: one row per actor with the actor indicators of design.md §5
/// (betweenness empty when it was not computed) and its Mendelow quadrant.
pub fn indicators_csv(indicators: &Indicators) -> Result<String, ExportError> {
    let mut w = writer();
    w.write_record([
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
    ])?;
    for a in indicators.actors.values() {
        let mendelow = a.mendelow.placed();
        let mut r = Row::default();
        r.num(a.id)
            .text(&a.name)
            .opt(a.sector.map(Choice::name))
            .opt(a.level.map(Choice::name))
            .num(a.degree)
            .num(a.partnerships)
            .num(a.cross_sector_degree)
            .float(a.betweenness)
            .float(a.trust_received)
            .num(a.trust_received_known)
            .float(a.trust_given)
            .num(a.trust_given_known)
            .float(a.power_score)
            .num(a.power_known)
            .num(a.brokerage)
            .num(mendelow.map_or("", |m| m.quadrant))
            .float(mendelow.map(|m| m.x))
            .float(mendelow.map(|m| m.y));
        w.write_record(&r.0)?;
    }
    finish(w)
}

/// `partnership_indicators.csv`: one row per partnership with the measures of design.md §5
/// (empty where an input is missing) and, for frameworks A–C, its quadrant and point (or
/// `unplaced: ` and the reason).
pub fn partnership_indicators_csv(
    project: &Project,
    indicators: &Indicators,
) -> Result<String, ExportError> {
    let mut w = writer();
    w.write_record([
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
    ])?;
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
                    r.text(&format!("unplaced: {why}")).num("").num("");
                }
            }
        }
        w.write_record(&r.0)?;
    }
    finish(w)
}

/// Flattens a JSON value into (dotted key, value) rows.
fn flatten(prefix: &str, v: &Value, rows: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, rows);
            }
        }
        Value::Null => rows.push((prefix.to_string(), String::new())),
        Value::String(s) => rows.push((prefix.to_string(), s.clone())),
        other => rows.push((prefix.to_string(), other.to_string())),
    }
}

/// `network.csv`: `indicator,value`, one row per network indicator of design.md §5 with the
/// JSON names of `partnermap stats --json` (nested ones dotted: `form_counts.Integrated`,
/// `quadrant_counts.a.Personal cooperation`); missing values are empty.
pub fn network_csv(indicators: &Indicators) -> Result<String, ExportError> {
    let value = serde_json::to_value(&indicators.network)?;
    let mut rows = Vec::new();
    flatten("", &value, &mut rows);
    let mut w = writer();
    w.write_record(["indicator", "value"])?;
    for (k, v) in rows {
        w.write_record([neutralise(&k).as_ref(), v.as_str()])?;
    }
    finish(w)
}

/// All six tables.
pub fn csv_tables(project: &Project, indicators: &Indicators) -> Result<CsvTables, ExportError> {
    Ok(CsvTables {
        actors: actors_csv(project)?,
        partnerships: partnerships_csv(project)?,
        indicators: indicators_csv(indicators)?,
        partnership_indicators: partnership_indicators_csv(project, indicators)?,
        network: network_csv(indicators)?,
        map: map_csv(project)?,
    })
}

/// The fields of `map.csv`, in order.
pub const MAP_FIELDS: [&str; 5] = ["title", "description", "author", "created", "modified"];

/// The map's title, description, author and dates as a `field,value` table (`map.csv`).
pub fn map_csv(project: &Project) -> Result<String, ExportError> {
    let m = &project.meta;
    let mut w = writer();
    w.write_record(["field", "value"])?;
    for (field, value) in
        MAP_FIELDS
            .into_iter()
            .zip([&m.title, &m.description, &m.author, &m.created, &m.modified])
    {
        w.write_record([field, neutralise(value).as_ref()])?;
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_not() {
        for bad in ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        assert_eq!(neutralise("'quoted"), "''quoted");
        for good in ["Commune council", "", "1-2"] {
            assert_eq!(neutralise(good), good);
        }
    }
}
