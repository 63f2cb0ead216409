//! Extra fields that the model has no column for, kept in their original order.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// The value of an extra field: text or a number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CustomValue {
    /// A number, such as a budget or a score from another tool.
    Number(f64),
    /// Any text.
    Text(String),
}

impl std::fmt::Display for CustomValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Number(n) => write!(f, "{n}"),
            Self::Text(t) => f.write_str(t),
        }
    }
}

/// An ordered map of extra fields (imported columns, notes on estimates, …).
pub type CustomFields = IndexMap<String, CustomValue>;
