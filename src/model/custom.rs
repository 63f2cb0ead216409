//! Extra fields that the model has no column for, kept in their original order.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// The value of an extra field: text or a number.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum CustomValue {
    /// A number, such as a budget or a score from another tool.
    Number(f64),
    /// Any text.
    Text(String),
}

/// Reads a custom value: a number or a text; anything else (a list, a map, true/false) is
/// refused saying what a custom value may be, rather than serde's "data did not match any
/// variant of untagged enum".
impl<'de> Deserialize<'de> for CustomValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Value;
        impl serde::de::Visitor<'_> for Value {
            type Value = CustomValue;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a custom value: a text in quotes or a number")
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<CustomValue, E> {
                Ok(CustomValue::Number(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<CustomValue, E> {
                Ok(CustomValue::Number(v as f64))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<CustomValue, E> {
                Ok(CustomValue::Number(v as f64))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<CustomValue, E> {
                Ok(CustomValue::Text(v.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<CustomValue, E> {
                Ok(CustomValue::Text(v))
            }
        }
        deserializer.deserialize_any(Value)
    }
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
