//! Imports (design.md §8): GraphML, GEXF and CSV tables into a new map; and PartnerMap's own
//! JSON export, which is the whole map and is checked as a project file is.
//!
//! Each format is read into one shared intermediate form ([`Raw`]: nodes and edges with named
//! values and where each value came from), and [`build`] turns that into a [`Project`] with
//! the same rules for every format:
//!
//! - values named as the model's fields (see [`fields`]) fill those fields, checked; every
//!   other value becomes a custom field (a number when the file says so);
//! - a value that does not fit is reported with its place (line and column, or table, row
//!   and column) and what would fit; nothing is guessed, and one bad value stops the import
//!   with every problem listed;
//! - ids that are whole numbers are kept (so a map exported by PartnerMap comes back with the
//!   same ids); other ids are numbered in file order;
//! - an actor without a sector or level gets [`fields::DEFAULT_SECTOR`] /
//!   [`fields::DEFAULT_LEVEL`] and a tag saying so, and the import says how many;
//! - an actor without a name (nor a label) is named after its id, and the import says
//!   which;
//! - a partnership from an actor to itself is left out, and the import says which;
//! - an edge whose `a` and `b` values name its ends the other way round (an undirected
//!   graph written back by another tool) is turned round; `a` and `b` naming other actors
//!   than the ends are a problem;
//! - actors without a position are laid out by the force-directed layout (from a start in
//!   bands by level, [`place`]), the others staying where they are.
//!
//! The window and the command line both call [`import_path`] (or the CSV functions after
//! the window's column-mapping step).

pub mod csv;
pub mod fields;
mod gexf;
mod graphml;
mod place;
mod xml;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::task::Progress;
pub use place::place_missing;

use crate::io::export::attributes::NODE_LABEL;
use crate::model::{Actor, ActorId, CustomValue, Partnership, PartnershipId, Project, Subject};

/// The largest file an import reads (the same limit as map files, design.md §11).
pub const MAX_IMPORT_BYTES: u64 = crate::io::MAX_FILE_BYTES;
/// The most problems an import lists; the rest are counted.
pub const MAX_LISTED: usize = 200;

/// The formats PartnerMap imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// An actors table and a partnerships table.
    Csv,
    /// GraphML (Gephi, Cytoscape, yEd, networkx).
    Graphml,
    /// GEXF (Gephi).
    Gexf,
    /// PartnerMap's JSON export: the whole map.
    Json,
}

impl ImportFormat {
    /// Every format.
    pub const ALL: [Self; 4] = [Self::Csv, Self::Graphml, Self::Gexf, Self::Json];

    /// The format's name on the command line (also its usual file extension).
    pub fn name(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Graphml => "graphml",
            Self::Gexf => "gexf",
            Self::Json => "json",
        }
    }

    /// The format's name in messages.
    pub fn label(self) -> &'static str {
        match self {
            Self::Csv => "CSV",
            Self::Graphml => "GraphML",
            Self::Gexf => "GEXF",
            Self::Json => "JSON",
        }
    }

    /// The format named `name` (either case).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The format of `path`: by extension (`.xml` counts as GraphML), a folder is CSV tables.
    pub fn from_path(path: &Path) -> Option<Self> {
        if path.is_dir() {
            return Some(Self::Csv);
        }
        let ext = path.extension()?.to_str()?;
        if ext.eq_ignore_ascii_case("xml") {
            return Some(Self::Graphml);
        }
        Self::from_name(ext)
    }
}

/// Where a value came from, for messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A line and column of an XML file, both from 1.
    Text {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
    },
    /// A byte offset in an XML file (turned into [`Place::Text`] before it is shown).
    Byte(usize),
    /// A cell of a table.
    Cell {
        /// The table's file name (shared by every cell: a table has millions).
        table: std::sync::Arc<str>,
        /// The row, counted as a spreadsheet does (the header is row 1).
        row: usize,
        /// The column's header.
        column: std::sync::Arc<str>,
    },
    /// A row of a table.
    Row {
        /// The table's file name.
        table: std::sync::Arc<str>,
        /// The row, counted as a spreadsheet does (the header is row 1).
        row: usize,
    },
    /// The file as a whole.
    File,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Text { line, column } => write!(f, "line {line}, column {column}"),
            Self::Byte(b) => write!(f, "byte {b}"),
            Self::Cell { table, row, column } => {
                write!(f, "{table} row {row}, column \"{column}\"")
            }
            Self::Row { table, row } => write!(f, "{table} row {row}"),
            Self::File => f.write_str("the file"),
        }
    }
}

/// One problem found while importing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Where it is.
    pub place: Place,
    /// What is wrong and what would fit.
    pub message: String,
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.place == Place::File {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

/// Why an import failed. Nothing is changed when an import fails.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is larger than PartnerMap reads.
    #[error(
        "{path} is {bytes} bytes; PartnerMap imports files of at most {max} bytes",
        max = MAX_IMPORT_BYTES
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The file is not text in UTF-8.
    #[error("{0}: the file is not UTF-8 text (save it as UTF-8 and try again)")]
    NotUtf8(String),
    /// The format could not be told from the file name.
    #[error(
        "{0}: cannot tell the format from the file name; use a .graphml, .gexf, .csv or .json file (or --format)"
    )]
    UnknownFormat(PathBuf),
    /// The file is not well-formed, or not the format it claims to be.
    #[error("{0}")]
    Malformed(Issue),
    /// Values that do not fit, each with its place.
    #[error("{}", list(.0, *.1))]
    Problems(Vec<Issue>, usize),
    /// The import was cancelled; nothing was changed.
    #[error("the import was cancelled")]
    Cancelled,
}

fn list(issues: &[Issue], more: usize) -> String {
    let mut s = issues
        .iter()
        .map(Issue::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    if more > 0 {
        s.push_str(&format!("\n… and {more} more problems"));
    }
    s
}

/// A map made by an import, and what the import did that people should know about.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The new map.
    pub project: Project,
    /// Things done that the file did not say (defaults given, partnerships left out, actors
    /// laid out), one sentence each.
    pub notes: Vec<String>,
}

/// Reads the map in `path`, in `format` (else the format of its name). A CSV import takes a
/// folder holding `actors.csv` and `partnerships.csv`, or one table (see [`csv::Tables`]),
/// with the columns mapped by their headers.
pub fn import_path(
    path: &Path,
    format: Option<ImportFormat>,
    progress: &Progress,
) -> Result<Imported, ImportError> {
    let format = format
        .or_else(|| ImportFormat::from_path(path))
        .ok_or_else(|| ImportError::UnknownFormat(path.to_owned()))?;
    match format {
        ImportFormat::Csv => {
            let tables = csv::Tables::find(path)?;
            let mapping = tables.guess_mapping();
            csv::import(&tables, &mapping, progress)
        }
        ImportFormat::Graphml => graphml::import(&read_text(path)?, progress),
        ImportFormat::Gexf => gexf::import(&read_text(path)?, progress),
        ImportFormat::Json => import_json(&read_text(path)?),
    }
}

/// Reads the JSON of PartnerMap's JSON export: the whole map, checked as a project file is.
/// Values the map cannot hold are [`ImportError::Problems`]; text that is not such JSON at
/// all is [`ImportError::Malformed`].
pub fn import_json(text: &str) -> Result<Imported, ImportError> {
    match crate::io::load_json_str(text) {
        Ok(project) => Ok(Imported {
            project,
            notes: Vec::new(),
        }),
        Err(crate::io::LoadError::Invalid(problems)) => {
            let mut issues = Issues::default();
            for p in problems {
                let place = p.location.map_or(Place::File, |l| Place::Text {
                    line: l.line,
                    column: l.column,
                });
                issues.push(place, p.message());
            }
            Err(ImportError::Problems(issues.list, issues.more))
        }
        Err(e) => Err(ImportError::Malformed(Issue {
            place: Place::File,
            message: e.to_string(),
        })),
    }
}

/// Reads GraphML text.
pub fn import_graphml(text: &str, progress: &Progress) -> Result<Imported, ImportError> {
    graphml::import(text, progress)
}

/// Reads GEXF text.
pub fn import_gexf(text: &str, progress: &Progress) -> Result<Imported, ImportError> {
    gexf::import(text, progress)
}

/// The bytes of `path`, refusing files over the size limit before reading them.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let bytes = std::fs::metadata(path).map_err(io)?.len();
    if bytes > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            bytes,
        });
    }
    std::fs::read(path).map_err(io)
}

/// The text of `path` (UTF-8, an optional byte-order mark dropped).
pub(crate) fn read_text(path: &Path) -> Result<String, ImportError> {
    let bytes = read_bytes(path)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut text = String::from_utf8(bytes).map_err(|_| ImportError::NotUtf8(name))?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// What a value names: a field of the model, or a custom field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    /// One of [`fields::ACTOR_FIELDS`] or [`fields::PARTNERSHIP_FIELDS`].
    Field(&'static str),
    /// A custom field with this name (shared by every value of a column or attribute).
    Custom(std::sync::Arc<str>),
}

/// What type the file declares for a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Text.
    Text,
    /// A number.
    Number,
    /// Anything else the file declares (booleans): kept as text in custom fields.
    Other,
    /// Nothing declared (a CSV cell): a custom value is a number when it reads as one.
    Untyped,
}

/// One value of a node or edge.
#[derive(Clone, Debug)]
pub(crate) struct Value {
    pub key: Key,
    pub text: String,
    pub kind: Kind,
    pub at: Place,
}

/// A node or an edge as read from the file.
#[derive(Clone, Debug, Default)]
pub(crate) struct Item {
    /// Where it starts.
    pub at: Option<Place>,
    /// Its id as written, if any.
    pub id: Option<(String, Place)>,
    /// For edges: the source and target as written.
    pub ends: [Option<(String, Place)>; 2],
    /// Its values, in file order.
    pub values: Vec<Value>,
    /// A name (nodes) or label (edges) to use when no value gives one (GEXF's `label`).
    pub label: Option<String>,
    /// A position from the file's drawing (GEXF `viz:position`, canvas y down).
    pub drawn_at: Option<(f64, f64)>,
}

/// A whole file as read, before it becomes a map.
#[derive(Debug, Default)]
pub(crate) struct Raw<'a> {
    /// The title as a graph's description gives it (GraphML `<desc>`, GEXF `<meta>`).
    pub title: Option<String>,
    /// The map's own values (title, settings, …; see [`map_key`]).
    pub map_values: Vec<Value>,
    pub nodes: Vec<Item>,
    pub edges: Vec<Item>,
    /// Whether edge ends may name actors by name as well as by id (CSV).
    pub ends_by_name: bool,
    /// Whether an edge end that names no actor makes a new actor of that name (a CSV
    /// partnerships table without an actors table).
    pub create_missing: bool,
    /// The text, for turning byte offsets into lines and columns.
    pub text: Option<&'a str>,
    /// What the reader left out or decided, for [`Imported::notes`] (before the notes of
    /// [`build`]).
    pub notes: Vec<String>,
}

impl Raw<'_> {
    /// A message about the field `field`: tables name the column in the place already, XML
    /// files get the field's name in front.
    fn explain(&self, field: &str, message: String) -> String {
        if self.text.is_some() {
            format!("{field}: {message}")
        } else {
            message
        }
    }

    /// `place` as shown to people (byte offsets become line and column).
    fn show(&self, place: &Place) -> Place {
        match (place, &self.text) {
            (Place::Byte(b), Some(text)) => xml::line_column(text, *b),
            _ => place.clone(),
        }
    }
}

/// The key of an attribute called `name` in a GraphML or GEXF file, for a node (actor) or
/// an edge (partnership); `declared` holds every attribute name declared for the same kind
/// of item. The model's field names fill those fields; a node's `label` is
/// `Key::Field("label")` (see [`build`]: it gives the name of a node without one), an
/// edge's `Edge Label` the label; `custom_` names written by PartnerMap's export lose their
/// prefix; everything else is a custom field.
pub(crate) fn xml_key(name: &str, edge: bool, declared: &HashSet<String>) -> Key {
    use crate::io::export::attributes::{ACTOR_FIELDS, PARTNERSHIP_FIELDS, decode_custom};
    use std::sync::LazyLock;
    // The attribute names, collected once: this runs for every value of a file.
    static ACTOR_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let fields = ACTOR_FIELDS.iter().map(|(n, _)| *n);
        fields.chain([NODE_LABEL]).collect()
    });
    static PARTNERSHIP_NAMES: LazyLock<Vec<&'static str>> =
        LazyLock::new(|| PARTNERSHIP_FIELDS.iter().map(|(n, _)| *n).collect());
    let fixed: &[&'static str] = if edge {
        &PARTNERSHIP_NAMES
    } else {
        &ACTOR_NAMES
    };
    if let Some(f) = fixed.iter().find(|f| **f == name) {
        return Key::Field(f);
    }
    let folded = fields::fold(name);
    if !edge && folded == NODE_LABEL {
        return Key::Field(NODE_LABEL);
    }
    if edge && folded == "edgelabel" && !declared.contains("label") {
        return Key::Field("label");
    }
    Key::Custom(decode_custom(name, fixed).into())
}

/// The key of the map's own value `name` (GraphML's data of the graph, the values of
/// PartnerMap's element in GEXF's `<meta>`): one of
/// [`MAP_FIELDS`](crate::io::export::attributes::MAP_FIELDS), else a custom value, which a
/// map has no place for (the import says it left it out).
pub(crate) fn map_key(name: &str) -> Key {
    use crate::io::export::attributes::MAP_FIELDS;
    match MAP_FIELDS.iter().find(|(f, _)| *f == name) {
        Some((field, _)) => Key::Field(field),
        None => Key::Custom(name.into()),
    }
}

/// A title or description as written in XML: kept exactly, unless it was put on lines of
/// its own (pretty-printed), when the surrounding line breaks and indentation go.
pub(crate) fn title_text(text: &str) -> String {
    if text.starts_with(['\n', '\r']) || text.ends_with(['\n', '\r']) {
        text.trim().to_string()
    } else {
        text.to_string()
    }
}

/// Refuses a file with more than `limit` items of a kind as soon as it is seen, before
/// memory is spent on the rest (design.md §11: at most 1,000,000 actors or partnerships).
pub(crate) fn check_count(count: usize, limit: usize, what: &str) -> Result<(), ImportError> {
    if count > limit {
        return Err(ImportError::Malformed(Issue {
            place: Place::File,
            message: format!(
                "the file holds more than {limit} {what}; PartnerMap handles at most {limit}"
            ),
        }));
    }
    Ok(())
}

/// The most actors, and the most partnerships, an import reads.
pub(crate) const MAX_ITEMS: usize = crate::model::MAX_ITEMS;

/// The most values (table cells) an import reads: five times the stress map of design.md
/// §10, and a bound on the memory an import takes (about 2 GB at the limit).
pub(crate) const MAX_VALUES: usize = 5_000_000;

/// The most XML events (elements and texts) a GraphML or GEXF import reads: room for
/// [`MAX_VALUES`] values written one per element.
pub(crate) const MAX_XML_EVENTS: usize = 4 * MAX_VALUES;

/// Collects problems, listing the first [`MAX_LISTED`].
#[derive(Default)]
pub(crate) struct Issues {
    pub list: Vec<Issue>,
    pub more: usize,
}

impl Issues {
    pub fn push(&mut self, place: Place, message: impl Into<String>) {
        if self.list.len() < MAX_LISTED {
            self.list.push(Issue {
                place,
                message: message.into(),
            });
        } else {
            self.more += 1;
        }
    }
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
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

fn custom_value(v: &Value, issues: &mut Issues, raw: &Raw) -> Option<CustomValue> {
    match v.kind {
        Kind::Number => match fields::parse_number(&v.text) {
            Ok(n) => Some(CustomValue::Number(n)),
            Err(e) => {
                issues.push(raw.show(&v.at), e);
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

/// The ends of `edge` (`ends`: its source and target) as `a` and `b`: turned round when the
/// edge's own `a` and `b` values (written by PartnerMap's GraphML and GEXF) name them the
/// other way round, as a tool that reads an undirected graph may write it back. Values that
/// name other actors than the ends are refused with what they name: nothing is guessed.
fn orient(
    edge: &Item,
    ends: (ActorId, ActorId),
    by_written_id: &HashMap<&str, ActorId>,
) -> Result<(ActorId, ActorId), String> {
    let given = |field: &'static str| {
        edge.values
            .iter()
            .rev()
            .find(|v| v.key == Key::Field(field) && !v.text.trim().is_empty())
            .map(|v| v.text.trim())
    };
    let (given_a, given_b) = (given("a"), given("b"));
    let names = |given: Option<&str>, end: ActorId| {
        given.is_none_or(|g| by_written_id.get(g) == Some(&end))
    };
    let (a, b) = ends;
    if names(given_a, a) && names(given_b, b) {
        Ok((a, b))
    } else if names(given_a, b) && names(given_b, a) {
        Ok((b, a))
    } else {
        let written = |slot: usize| edge.ends[slot].as_ref().map_or("", |(s, _)| s.as_str());
        let what = match (given_a, given_b) {
            (Some(x), Some(y)) => format!("a and b name the actors {x} and {y}"),
            (Some(x), None) => format!("a names the actor {x}"),
            (_, y) => format!("b names the actor {}", y.unwrap_or_default()),
        };
        Err(format!(
            "{what}, but the edge joins {} and {}; make them name the edge's source and target",
            written(0),
            written(1)
        ))
    }
}

/// The first five of `places`, for a note ("line 3, column 1; line 9, column 1; …").
fn listed(places: &[String]) -> String {
    let shown: Vec<&str> = places.iter().take(5).map(String::as_str).collect();
    let more = if places.len() > 5 { "; …" } else { "" };
    format!("{}{more}", shown.join("; "))
}

/// Turns what was read into a map, checking every value (see the module's rules).
pub(crate) fn build(raw: Raw<'_>, progress: &Progress) -> Result<Imported, ImportError> {
    let mut issues = Issues::default();
    let mut notes = raw.notes.clone();
    let mut project = Project::new();
    if let Some(title) = &raw.title {
        project.meta.title = title.clone();
    }
    // The map's own values, before the actors and partnerships: the ids they take raise
    // the next ids further when the file's are lower.
    let mut left_out = Vec::new();
    for v in &raw.map_values {
        match &v.key {
            Key::Field(field) => {
                if let Err(e) = fields::set_map(&mut project, field, &v.text) {
                    issues.push(raw.show(&v.at), raw.explain(field, e));
                }
            }
            Key::Custom(name) if !v.text.trim().is_empty() => left_out.push(format!("\"{name}\"")),
            Key::Custom(_) => {}
        }
    }
    if !left_out.is_empty() {
        notes.push(format!(
            "Values of the graph that a map has no field for were left out: {}.",
            left_out.join(", ")
        ));
    }
    let total = raw.nodes.len() + raw.edges.len();

    // Actors.
    let node_ids: Vec<Option<&str>> = raw
        .nodes
        .iter()
        .map(|n| n.id.as_ref().map(|(s, _)| s.as_str()))
        .collect();
    let numbers = numbered(&node_ids);
    let mut by_written_id: HashMap<&str, ActorId> = HashMap::new();
    let mut actor_places: HashMap<ActorId, Place> = HashMap::new();
    let mut unplaced = Vec::new();
    let (mut no_sector, mut no_level) = (0usize, 0usize);
    let mut unnamed = Vec::new();
    for (i, node) in raw.nodes.iter().enumerate() {
        if i.is_multiple_of(1024) {
            if progress.is_cancelled() {
                return Err(ImportError::Cancelled);
            }
            progress.set(i, total);
        }
        let id = ActorId(numbers[i]);
        let place = node.at.clone().unwrap_or(Place::File);
        if let Some((written, at)) = &node.id
            && by_written_id.insert(written.as_str(), id).is_some()
        {
            issues.push(
                raw.show(at),
                format!("the id \"{written}\" is used by an earlier actor too"),
            );
        }
        let mut actor = Actor::new(
            id,
            String::new(),
            fields::DEFAULT_SECTOR,
            fields::DEFAULT_LEVEL,
        );
        let mut placed = (false, false);
        let (mut has_name, mut has_sector, mut has_level) = (false, false, false);
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
                    match fields::set_actor(&mut actor, &mut placed, field, &v.text) {
                        Ok(()) => {
                            has_name |= *field == "name";
                            has_sector |= *field == "sector";
                            has_level |= *field == "level";
                        }
                        Err(e) => issues.push(raw.show(&v.at), raw.explain(field, e)),
                    }
                }
                Key::Custom(name) => {
                    if let Some(value) = custom_value(v, &mut issues, &raw) {
                        actor.custom.insert(name.to_string(), value);
                    }
                }
            }
        }
        // A label gives the name of a node without one (Gephi, yEd); beside a name it is
        // the same name again, or else kept as a custom field.
        let label = label.filter(|l| !l.is_empty());
        if !has_name {
            match (label, &node.id) {
                (Some(label), _) => actor.name = label.to_string(),
                (_, Some((written, _))) => actor.name = written.clone(),
                _ => actor.name = format!("Actor {id}"),
            }
            if label.is_none() {
                unnamed.push(raw.show(&place).to_string());
            }
        } else if let Some(label) = label
            && label != actor.name
            && !actor.custom.contains_key(NODE_LABEL)
        {
            let label = CustomValue::Text(label.to_string());
            actor.custom.insert(NODE_LABEL.to_string(), label);
        }
        if !has_sector {
            no_sector += 1;
            actor.tags.insert("no sector in import".to_string());
        }
        if !has_level {
            no_level += 1;
            actor.tags.insert("no level in import".to_string());
        }
        match (placed, node.drawn_at) {
            ((true, true), _) => {}
            (_, Some((x, y))) if x.is_finite() && y.is_finite() => {
                actor.position = crate::model::Position::new(x, y);
            }
            _ => unplaced.push(id),
        }
        actor_places.insert(id, place);
        project.insert_actor(actor);
    }

    // Partnerships.
    let edge_ids: Vec<Option<&str>> = raw
        .edges
        .iter()
        .map(|e| e.id.as_ref().map(|(s, _)| s.as_str()))
        .collect();
    let edge_numbers = numbered(&edge_ids);
    let mut by_name: HashMap<String, Vec<ActorId>> = HashMap::new();
    if raw.ends_by_name {
        for a in project.actors.values() {
            by_name.entry(a.name.clone()).or_default().push(a.id);
        }
    }
    let mut partnership_places: HashMap<PartnershipId, Place> = HashMap::new();
    let mut loops = Vec::new();
    let mut created = 0usize;
    for (i, edge) in raw.edges.iter().enumerate() {
        if i.is_multiple_of(1024) {
            if progress.is_cancelled() {
                return Err(ImportError::Cancelled);
            }
            progress.set(raw.nodes.len() + i, total);
        }
        let id = PartnershipId(edge_numbers[i]);
        let place = edge.at.clone().unwrap_or(Place::File);
        let mut ends = [None, None];
        for (slot, end) in edge.ends.iter().enumerate() {
            let side = ["a (the source)", "b (the target)"][slot];
            let Some((written, at)) = end else {
                issues.push(raw.show(&place), format!("the partnership has no {side}"));
                continue;
            };
            let found = by_written_id.get(written.as_str()).copied().or_else(|| {
                if !raw.ends_by_name {
                    return None;
                }
                match by_name.get(written.as_str()).map(Vec::as_slice) {
                    Some([one]) => Some(*one),
                    Some(_) => None,
                    None => {
                        let key = fields::fold(written);
                        let matches: Vec<ActorId> = project
                            .actors
                            .values()
                            .filter(|a| fields::fold(&a.name) == key)
                            .map(|a| a.id)
                            .collect();
                        (matches.len() == 1).then(|| matches[0])
                    }
                }
            });
            match found {
                Some(actor) => ends[slot] = Some(actor),
                None if raw.create_missing && !written.trim().is_empty() => {
                    let actor_id = project.allocate_actor_id();
                    let mut actor = Actor::new(
                        actor_id,
                        written.clone(),
                        fields::DEFAULT_SECTOR,
                        fields::DEFAULT_LEVEL,
                    );
                    actor.tags.insert("no sector in import".to_string());
                    actor.tags.insert("no level in import".to_string());
                    no_sector += 1;
                    no_level += 1;
                    created += 1;
                    project.insert_actor(actor);
                    by_name.entry(written.clone()).or_default().push(actor_id);
                    by_written_id.insert(written.as_str(), actor_id);
                    unplaced.push(actor_id);
                    actor_places.insert(actor_id, at.clone());
                    ends[slot] = Some(actor_id);
                }
                None => {
                    let ambiguous = by_name.get(written.as_str()).is_some_and(|v| v.len() > 1);
                    let message = if ambiguous {
                        format!("several actors are named \"{written}\"; use their ids")
                    } else if raw.ends_by_name {
                        format!("no actor has the id or name \"{written}\"")
                    } else {
                        format!("no node has the id \"{written}\"")
                    };
                    issues.push(raw.show(at), message);
                }
            }
        }
        let [Some(a), Some(b)] = ends else { continue };
        if a == b {
            loops.push(raw.show(&place).to_string());
            continue;
        }
        let (a, b) = match orient(edge, (a, b), &by_written_id) {
            Ok(ends) => ends,
            Err(message) => {
                issues.push(raw.show(&place), message);
                continue;
            }
        };
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
                        issues.push(raw.show(&v.at), raw.explain(field, e));
                    }
                }
                Key::Custom(name) => {
                    if let Some(value) = custom_value(v, &mut issues, &raw) {
                        p.custom.insert(name.to_string(), value);
                    }
                }
            }
        }
        if !has_label && let Some(label) = edge.label.as_ref().filter(|l| !l.is_empty()) {
            p.label = Some(label.clone());
        }
        partnership_places.insert(id, place);
        project.insert_partnership(p);
    }

    // Whatever the values could not say alone: names, lengths, dates in order, counts.
    for problem in project.validate() {
        let place = match &problem.subject {
            Subject::Actor { id, .. } => actor_places.get(id).map(|p| raw.show(p)),
            Subject::Partnership { id, .. } => partnership_places.get(id).map(|p| raw.show(p)),
            _ => None,
        }
        .unwrap_or(Place::File);
        issues.push(place, problem.message());
    }
    if !issues.is_empty() {
        return Err(ImportError::Problems(issues.list, issues.more));
    }

    let actors = |n: usize| {
        if n == 1 {
            "1 actor".to_string()
        } else {
            format!("{n} actors")
        }
    };
    let was = |n: usize| if n == 1 { "was" } else { "were" };
    if created > 0 {
        notes.push(format!(
            "{} {} made from the names in the partnerships table.",
            actors(created),
            was(created)
        ));
    }
    if no_sector > 0 {
        notes.push(format!(
            "{} had no sector and {} marked {}, with the tag \"no sector in import\".",
            actors(no_sector),
            if no_sector == 1 { "is" } else { "are" },
            crate::model::Choice::label(fields::DEFAULT_SECTOR)
        ));
    }
    if no_level > 0 {
        notes.push(format!(
            "{} had no level and {} placed at {}, with the tag \"no level in import\".",
            actors(no_level),
            if no_level == 1 { "is" } else { "are" },
            crate::model::Choice::label(fields::DEFAULT_LEVEL)
        ));
    }
    if !unnamed.is_empty() {
        let one = unnamed.len() == 1;
        notes.push(format!(
            "{} had no name and {} named after {} ({}).",
            actors(unnamed.len()),
            if one { "is" } else { "are" },
            if one { "its id" } else { "their ids" },
            listed(&unnamed)
        ));
    }
    if !loops.is_empty() {
        notes.push(format!(
            "{} from an actor to itself {} left out ({}).",
            if loops.len() == 1 {
                "1 partnership".to_string()
            } else {
                format!("{} partnerships", loops.len())
            },
            was(loops.len()),
            listed(&loops)
        ));
    }
    if !unplaced.is_empty() {
        // Bands by level first (a start that keeps levels apart), then forces, with the
        // actors that have positions staying where they are.
        place_missing(&mut project, &unplaced);
        let movable: std::collections::BTreeSet<ActorId> = unplaced.iter().copied().collect();
        let moves = crate::layout::force_directed(&project, &movable, progress)
            .map_err(|_| ImportError::Cancelled)?;
        for (id, to) in moves {
            if let Some(a) = project.actors.get_mut(&id) {
                a.position = to;
            }
        }
        notes.push(format!(
            "{} had no position and {} laid out by forces.",
            actors(unplaced.len()),
            was(unplaced.len())
        ));
    }
    progress.set(total, total);
    Ok(Imported { project, notes })
}

#[cfg(test)]
mod tests {
    #[test]
    fn too_many_items_are_refused_with_the_limit() {
        assert!(super::check_count(10, 10, "actors").is_ok());
        let err = super::check_count(11, 10, "actors")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "the file holds more than 10 actors; PartnerMap handles at most 10"
        );
    }
}
