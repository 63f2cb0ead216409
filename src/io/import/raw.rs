//! What a file holds, as read and before it is checked: the shared intermediate form
//! ([`Raw`]: nodes and edges with named values and where each value came from) that every
//! format is read into and [`build`](super::build) turns into a map.

use std::collections::HashSet;

use super::{Place, fields, xml};
use crate::io::export::attributes::{NODE_LABEL, OWN_ID};

/// What a value names: a field of the model, a custom field, or a perspective's value or note
/// (design.md §13; see [`crate::io::export::perspectives`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Key {
    /// One of [`fields::ACTOR_FIELDS`] or [`fields::PARTNERSHIP_FIELDS`].
    Field(&'static str),
    /// A custom field with this name (shared by every value of a column or attribute).
    Custom(std::sync::Arc<str>),
    /// The perspective named `perspective`'s value of the score `field` (`FIELD [NAME]`).
    Rating {
        /// The score's field name.
        field: &'static str,
        /// The perspective's name, as written.
        perspective: std::sync::Arc<str>,
    },
    /// The note of the perspective with this name (the map's value `perspective [NAME]`).
    Perspective(std::sync::Arc<str>),
}

impl Key {
    /// The name of what the value gives, as the file names it, for messages.
    pub(crate) fn name(&self) -> std::borrow::Cow<'_, str> {
        use crate::io::export::perspectives::{NOTE_FIELD, column};
        match self {
            Self::Field(f) => std::borrow::Cow::Borrowed(f),
            Self::Custom(c) => std::borrow::Cow::Borrowed(c),
            Self::Rating { field, perspective } => column(field, perspective).into(),
            Self::Perspective(name) => column(NOTE_FIELD, name).into(),
        }
    }
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
    /// A position from the file's drawing (GEXF `viz:position`, yEd's `y:Geometry`).
    pub drawn: Option<Drawn>,
}

/// A position from a file's drawing, made by another tool.
#[derive(Clone, Debug)]
pub(crate) struct Drawn {
    /// The element that gives it (`viz:position`), for notes.
    pub what: &'static str,
    /// Where that element is.
    pub at: Place,
    /// The position (canvas y down), or why PartnerMap cannot draw it, naming the attribute
    /// as written ("x=1e999 is not a position PartnerMap can draw…", "has no y").
    pub position: Result<(f64, f64), String>,
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
    /// Whether the file's `y` values point up (GraphML and GEXF: see
    /// [`crate::io::export::attributes`]), unless its `y_axis` value says otherwise or it is an
    /// older PartnerMap file (map values without `y_axis`), whose y points down.
    pub y_up: bool,
    /// Whether edge ends may name actors by name as well as by id (CSV).
    pub ends_by_name: bool,
    /// Whether an edge end that names no actor makes a new actor of that name (a CSV
    /// partnerships table without an actors table).
    pub create_missing: bool,
    /// The text, for turning byte offsets into lines and columns.
    pub text: Option<&'a str>,
    /// Where the lines of `text` start, found when a place is first shown.
    pub lines: xml::LineIndex,
    /// What the reader left out or decided, for [`Imported::notes`](super::Imported::notes) (before
    /// the notes of [`build`](super::build)).
    pub notes: Vec<String>,
}

impl Raw<'_> {
    /// A message about the field `field`: tables name the column in the place already, XML
    /// files get the field's name in front.
    pub(super) fn explain(&self, field: &str, message: String) -> String {
        if self.text.is_some() {
            format!("{field}: {message}")
        } else {
            message
        }
    }

    /// Whether the `y` values of this file point up (see [`Raw::y_up`]).
    pub(super) fn y_points_up(&self) -> bool {
        let value = |field: &'static str| {
            self.map_values
                .iter()
                .rev()
                .find(|v| v.key == Key::Field(field) && !v.text.trim().is_empty())
                .map(|v| v.text.trim())
        };
        self.y_up
            && match value("y_axis") {
                Some(axis) => !axis.eq_ignore_ascii_case("down"),
                None => value("next_ids.actor").is_none(),
            }
    }

    /// `place` as shown to people (byte offsets become line and column).
    pub(super) fn show(&self, place: &Place) -> Place {
        match (place, &self.text) {
            (Place::Byte(b), Some(text)) => self.lines.line_column(text, *b),
            _ => place.clone(),
        }
    }
}

/// The key of an attribute called `name` in a GraphML or GEXF file, for a node (actor) or
/// an edge (partnership); `declared` holds every attribute name declared for the same kind
/// of item. The model's field names fill those fields; a node's `label` is
/// `Key::Field("label")` (see [`build`](super::build): it gives the name of a node without one), an
/// edge's `Edge Label` the label; `FIELD [NAME]` names a perspective's value of a score of
/// the item's kind; `custom_` names written by PartnerMap's export lose their prefix;
/// everything else is a custom field.
pub(crate) fn xml_key(name: &str, edge: bool, declared: &HashSet<String>) -> Key {
    use crate::io::export::attributes::{ACTOR_FIELDS, PARTNERSHIP_FIELDS, decode_custom};
    use crate::io::export::perspectives::{actor_column, partnership_column};
    use std::sync::LazyLock;
    // The attribute names, collected once: this runs for every value of a file.
    static ACTOR_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let fields = ACTOR_FIELDS.iter().map(|(n, _)| *n);
        fields.chain([NODE_LABEL, OWN_ID]).collect()
    });
    static PARTNERSHIP_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let fields = PARTNERSHIP_FIELDS.iter().map(|(n, _)| *n);
        fields.chain([OWN_ID]).collect()
    });
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
    let rating = if edge {
        partnership_column(name)
    } else {
        actor_column(name)
    };
    if let Some((field, perspective)) = rating {
        return Key::Rating {
            field,
            perspective: perspective.into(),
        };
    }
    Key::Custom(decode_custom(name, fixed).into())
}

/// The key of the map's own value `name` (GraphML's data of the graph, the values of
/// PartnerMap's element in GEXF's `<meta>`): one of
/// [`MAP_FIELDS`](crate::io::export::attributes::MAP_FIELDS), `map_values`, a perspective's
/// note (`perspective [NAME]`), else a custom value, which a map has no place for (the
/// import says it left it out).
pub(crate) fn map_key(name: &str) -> Key {
    use crate::io::export::attributes::MAP_FIELDS;
    use crate::io::export::perspectives::{MAP_VALUES, note_column};
    if name == MAP_VALUES {
        return Key::Field(MAP_VALUES);
    }
    if let Some(perspective) = note_column(name) {
        return Key::Perspective(perspective.into());
    }
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
