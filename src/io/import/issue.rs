//! Where an imported value came from, and the problems an import finds there.

use super::MAX_LISTED;

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

/// Collects problems, listing the first [`MAX_LISTED`].
#[derive(Default)]
pub(crate) struct Issues {
    pub list: Vec<Issue>,
    pub more: usize,
}

impl Issues {
    /// Records the problem `message` at `place` (its control characters removed: messages
    /// quote what files say, and nothing in them may steer a terminal).
    pub fn push(&mut self, place: Place, message: impl Into<String>) {
        if self.list.len() < MAX_LISTED {
            let message: String = message.into();
            let message = match crate::model::text::clean(&message) {
                std::borrow::Cow::Borrowed(_) => message,
                std::borrow::Cow::Owned(cleaned) => cleaned,
            };
            self.list.push(Issue { place, message });
        } else {
            self.more += 1;
        }
    }
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}
