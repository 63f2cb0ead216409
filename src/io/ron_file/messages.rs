//! Messages for a file the parser refused, in plain words with the field, what was found
//! and what is allowed: a score out of its scale, a choice misspelt, a value of the wrong
//! kind, a field unknown, doubled or missing.

use super::RECURSION_LIMIT;
use crate::model::{Location, Problem};

/// The field named just before line `line`, column `col` of `text` (`trust_ab: 9` → `trust_ab`).
fn field_before(text: &str, line: usize, col: usize) -> Option<&str> {
    let row = text.lines().nth(line.checked_sub(1)?)?;
    let end = row
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(row.len(), |(i, _)| i);
    let before = row[..end]
        .trim_end_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit())
        .trim_end()
        .strip_suffix(':')?
        .trim_end();
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    Some(&before[start..]).filter(|f| !f.is_empty())
}

/// The field and the value written for it around line `line`, column `col`: the last
/// `field:` on that line before the column, and what follows it up to the next `,` or `)`.
fn value_around(text: &str, line: usize, col: usize) -> Option<(&str, &str)> {
    let row = text.lines().nth(line.checked_sub(1)?)?;
    let end = row
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(row.len(), |(i, _)| i);
    let colon = row[..end].rfind(':')?;
    let before = row[..colon].trim_end();
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let field = &before[start..];
    let rest = row[colon + 1..].trim_start();
    let value = match rest.strip_prefix('"') {
        Some(quoted) => &rest[..quoted.find('"').map_or(rest.len(), |i| i + 2)],
        None => rest
            .split([',', ')', ']'])
            .next()
            .unwrap_or(rest)
            .trim_end(),
    };
    (!field.is_empty() && !value.is_empty()).then_some((field, value))
}

/// What a score field takes, in words, with its range: `None` for other fields.
fn score_range(field: &str) -> Option<(i64, i64)> {
    match field {
        "influence" | "interest" | "capacity" | "trust_ab" | "trust_ba" | "identity_a"
        | "identity_b" => Some((1, 5)),
        "power" => Some((-2, 2)),
        "contribution_a" | "contribution_b" => Some((0, 4)),
        _ => None,
    }
}

/// A plain message for a score written as something other than a whole number in its range
/// ("`influence` must be a whole number from 1 to 5, found 3.5"), where the parser's error
/// stands in such a value.
fn score_message(e: &ron::error::SpannedError, text: &str) -> Option<String> {
    let (field, value) = value_around(text, e.span.start.line, e.span.start.col)?;
    let (low, high) = score_range(field)?;
    if value
        .parse::<i64>()
        .is_ok_and(|v| (low..=high).contains(&v))
    {
        return None;
    }
    let low = if low < 0 {
        format!("−{}", -low)
    } else {
        low.to_string()
    };
    Some(format!(
        "`{field}` must be a whole number from {low} to {high}, found {value}"
    ))
}

pub(super) fn syntax_problem(e: &ron::error::SpannedError, text: &str) -> Problem {
    let message = match &e.code {
        ron::Error::ExpectedComma
        | ron::Error::ExpectedInteger
        | ron::Error::IntegerOutOfBounds
        | ron::Error::ExpectedFloat
        | ron::Error::InvalidValueForType { .. } => {
            score_message(e, text).unwrap_or_else(|| other_syntax_message(e, text))
        }
        _ => other_syntax_message(e, text),
    };
    Problem::syntax(
        message,
        Some(Location {
            line: e.span.start.line,
            column: e.span.start.col,
        }),
    )
}

/// The message of a syntax error that is not about a score.
fn other_syntax_message(e: &ron::error::SpannedError, text: &str) -> String {
    match &e.code {
        ron::Error::ExceededRecursionLimit => format!(
            "brackets are nested too deeply (more than {RECURSION_LIMIT} levels; a map needs fewer than 10)"
        ),
        ron::Error::Eof => "the file ends too early: it looks cut off".to_string(),
        ron::Error::ExpectedStringEnd => {
            "a text has no closing quote (\"); the file may be cut off".to_string()
        }
        // A score's field gets [`score_message`]; here, any other number field.
        ron::Error::IntegerOutOfBounds => {
            match field_before(text, e.span.start.line, e.span.start.col) {
                Some(field) => format!("this number is too large (or negative) for `{field}`"),
                None => "this number is out of range for its field".to_string(),
            }
        }
        other => typed_message(other, e, text).unwrap_or_else(|| other.to_string()),
    }
}

/// A plain message for a value of the wrong kind, naming the field, what was found and
/// what is allowed ("`sector` is Goverment; it must be one of State, CivilSociety, …").
fn typed_message(code: &ron::Error, e: &ron::error::SpannedError, text: &str) -> Option<String> {
    use ron::Error as E;
    let (line, col) = (e.span.start.line, e.span.start.col);
    let around = value_around(text, line, col);
    let field = around
        .map(|(f, _)| f)
        .or_else(|| field_before(text, line, col));
    let found = |field: &str| {
        around
            .filter(|(f, _)| *f == field)
            .map_or(String::new(), |(_, v)| format!(", found {}", shortened(v)))
    };
    let one_of = |names: &[&str]| names.join(", ");
    Some(match code {
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "`{}` is {found}; it must be one of {}",
            field?,
            one_of(expected)
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "`{found}` is not a field of {}; the fields are {}",
            part_name(outer.as_deref()),
            one_of(expected)
        ),
        E::DuplicateStructField { field, outer } => format!(
            "`{field}` is given twice in {}; each field may appear once",
            part_name(outer.as_deref())
        ),
        E::MissingStructField { field, outer } => format!(
            "{} has no `{field}`, which it must have",
            part_name(outer.as_deref())
        ),
        E::ExpectedBoolean => {
            let field = field?;
            format!("`{field}` must be true or false{}", found(field))
        }
        E::ExpectedFloat => {
            let field = field?;
            format!("`{field}` must be a number{}", found(field))
        }
        E::ExpectedInteger => {
            let field = field?;
            format!("`{field}` must be a whole number{}", found(field))
        }
        E::ExpectedString | E::ExpectedStringEnd => {
            let field = field?;
            format!("`{field}` must be a text in quotes{}", found(field))
        }
        E::ExpectedArray => {
            let field = field?;
            format!(
                "`{field}` must be a list in brackets, such as [\"a\", \"b\"]{}",
                found(field)
            )
        }
        E::ExpectedNamedStructLike(name @ ("Actor" | "Partnership")) => {
            let what = if *name == "Actor" {
                "each actor must be written (id: 1, name: \"…\", …)"
            } else {
                "each partnership must be written (id: 1, a: 1, b: 2, …)"
            };
            let at = text
                .lines()
                .nth(line.saturating_sub(1))
                .and_then(|row| row.get(row.char_indices().nth(col.saturating_sub(1))?.0..))
                .unwrap_or("");
            format!("{what}, found {}", shortened(at))
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            let field = field?;
            let example = match field {
                "position" => " such as (x: 10.0, y: 20.0)",
                _ => "",
            };
            format!(
                "`{field}` must be its fields in brackets{example}{}",
                found(field)
            )
        }
        E::ExpectedIdentifier | E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => {
            let field = field?;
            let names = choices_of(field)?;
            format!(
                "`{field}` must be one of {} (written without quotes){}",
                one_of(&names),
                found(field)
            )
        }
        E::InvalidValueForType { expected, found } => {
            let found = found
                .replace("a sequence", "a list")
                .replace("a map", "braces { }");
            let expected = expected.trim_start_matches("a custom value: ");
            match field {
                Some(field) => format!("`{field}` must be {expected}, found {found}"),
                None if text_has_custom(text, line) => {
                    format!("an extra field's value must be {expected}, found {found}")
                }
                None => format!("this value must be {expected}, found {found}"),
            }
        }
        _ => return None,
    })
}

/// `value` cut to its first 40 characters, with an ellipsis when it was longer.
fn shortened(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Whether line `line` of `text` holds extra fields (`custom: {`).
fn text_has_custom(text: &str, line: usize) -> bool {
    line.checked_sub(1)
        .and_then(|i| text.lines().nth(i))
        .is_some_and(|row| row.contains("custom"))
}

/// The part of a map a struct name stands for, in words.
fn part_name(outer: Option<&str>) -> String {
    match outer {
        Some("Actor") => "an actor".into(),
        Some("Partnership") => "a partnership".into(),
        Some("PartnerMap") | None => "the map".into(),
        Some("Position") => "a position".into(),
        Some("Practices") => "a partnership's practices".into(),
        Some("Settings") => "the settings".into(),
        Some("Meta") => "the meta".into(),
        Some("NextIds") => "next_ids".into(),
        Some(other) => format!("`{other}`"),
    }
}

/// The names a field holding a choice may take, read from the model's own list (by asking
/// the parser for a name that is none of them).
fn choices_of(field: &str) -> Option<Vec<&'static str>> {
    use crate::model::{
        Accountability, ColourBy, Form, Formality, Function, Initiator, Level, Risk, Sector,
        Stance, Status,
    };
    fn names<T: serde::de::DeserializeOwned>() -> Option<Vec<&'static str>> {
        match ron::from_str::<T>("NoSuchChoice") {
            Err(ron::error::SpannedError {
                code: ron::Error::NoSuchEnumVariant { expected, .. },
                ..
            }) => Some(expected.to_vec()),
            _ => None,
        }
    }
    match field {
        "sector" => names::<Sector>(),
        "level" => names::<Level>(),
        "functions" => names::<Function>(),
        "form" => names::<Form>(),
        "formality" => names::<Formality>(),
        "stance" => names::<Stance>(),
        "accountability" => names::<Accountability>(),
        "risk" => names::<Risk>(),
        "initiator" => names::<Initiator>(),
        "status" => names::<Status>(),
        "colour_by" => names::<ColourBy>(),
        _ => None,
    }
}
