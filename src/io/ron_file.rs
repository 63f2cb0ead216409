//! RON project files (design.md §7): load with every problem reported by line and column,
//! save pretty-printed in id order, atomically, keeping the previous file as `NAME.ron.bak`.

use std::io::Write;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};

use super::faults::Fault;
use super::locate;
use crate::model::{
    Actor, Location, Meta, NextIds, Partnership, Problem, Project, Settings, validate,
};

/// The `format` value every project file carries.
pub const FORMAT: &str = "partnermap";
/// The newest file version this program reads and the one it writes.
pub const VERSION: u64 = 1;
/// The largest file that is opened (design.md §11).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// How deeply brackets may nest before a file is refused; real files need about 6.
const RECURSION_LIMIT: usize = 32;

/// Why a map could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is over the size limit.
    #[error(
        "the file is {} MB; PartnerMap opens project files of at most {} MB",
        .bytes.div_ceil(1024 * 1024),
        MAX_FILE_BYTES / 1024 / 1024
    )]
    TooLarge {
        /// Its size in bytes.
        bytes: u64,
    },
    /// The file is not UTF-8 text.
    #[error("line {}, column {}: this is not a text file (the bytes there are not valid UTF-8)", .location.line, .location.column)]
    NotText {
        /// Where the first bad byte is.
        location: Location,
    },
    /// The file is readable text but not a PartnerMap project.
    #[error("this is not a PartnerMap project file: {reason}")]
    NotPartnerMap {
        /// Why not.
        reason: String,
    },
    /// The file was written by a newer version of the program.
    #[error(
        "this map was made by a newer PartnerMap (file version {found}; this PartnerMap reads version {VERSION} and older): update PartnerMap to open it"
    )]
    Newer {
        /// The version found in the file.
        found: u64,
    },
    /// The file is a PartnerMap project with problems; all of them are listed.
    #[error("{}", problems_summary(.0))]
    Invalid(Vec<Problem>),
}

fn problems_summary(problems: &[Problem]) -> String {
    let mut s = match problems.len() {
        1 => "the map has 1 problem:".to_string(),
        n => format!("the map has {n} problems:"),
    };
    for p in problems {
        s.push_str("\n  ");
        s.push_str(&p.to_string());
    }
    s
}

impl LoadError {
    /// Whether the file could not be read as a PartnerMap file at all (as opposed to a map
    /// that was read and found to have problems). `partnermap check` exits 2 for these.
    pub fn is_unreadable(&self) -> bool {
        !matches!(self, Self::Invalid(_))
    }
}

/// Why a map could not be saved. The file that was there before is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The map has problems and is not written (this should never happen for maps edited in
    /// the program).
    #[error("{}", problems_summary(.0))]
    Invalid(Vec<Problem>),
    /// The file would be larger than PartnerMap reads back; nothing is written.
    #[error(
        "the map would make a file of more than {} MB, the most PartnerMap opens; nothing \
         was written. Remove part of the map, or keep it as several maps",
        MAX_FILE_BYTES / 1024 / 1024
    )]
    TooLarge,
    /// Writing failed; `stage` says at which step.
    #[error("could not save {path}: {stage}: {source}")]
    Io {
        /// The file being saved.
        path: PathBuf,
        /// The step that failed.
        stage: &'static str,
        /// What the system said.
        source: std::io::Error,
    },
}

#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "PartnerMap")]
struct FileIn {
    format: String,
    version: u64,
    #[serde(default)]
    meta: Meta,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    next_ids: Option<NextIds>,
    #[serde(default, deserialize_with = "actors")]
    actors: Vec<Actor>,
    #[serde(default, deserialize_with = "partnerships")]
    partnerships: Vec<Partnership>,
}

/// The actors of a file, counted while they are read (design.md §11).
fn actors<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Actor>, D::Error> {
    crate::model::bounded::seq(d, "actors", crate::model::MAX_ITEMS)
}

/// The partnerships of a file, counted while they are read.
fn partnerships<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Partnership>, D::Error> {
    crate::model::bounded::seq(d, "partnerships", crate::model::MAX_ITEMS)
}

/// The document as saved: the header, then the map in id order. Serialised to RON for
/// project files and to JSON for the JSON export, so both hold the same fields.
#[derive(Serialize)]
pub(crate) struct FileOut<'a> {
    format: &'a str,
    version: u64,
    #[serde(skip_serializing_if = "meta_is_empty")]
    meta: &'a Meta,
    settings: &'a Settings,
    next_ids: NextIds,
    actors: Vec<&'a Actor>,
    partnerships: Vec<&'a Partnership>,
}

fn meta_is_empty(meta: &&Meta) -> bool {
    **meta == Meta::default()
}

impl<'a> FileOut<'a> {
    /// The saved form of `project`.
    pub(crate) fn of(project: &'a Project) -> Self {
        Self {
            format: FORMAT,
            version: VERSION,
            meta: &project.meta,
            settings: &project.settings,
            next_ids: project.next_ids,
            actors: project.actors.values().collect(),
            partnerships: project.partnerships.values().collect(),
        }
    }
}

fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

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

fn syntax_problem(e: &ron::error::SpannedError, text: &str) -> Problem {
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

/// The line and column of byte offset `at` in `bytes` (columns count characters).
fn location_of_byte(bytes: &[u8], at: usize) -> Location {
    let before = &bytes[..at.min(bytes.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = 1 + String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count();
    Location { line, column }
}

/// Reads a project from bytes: checks the size, the encoding, the header, the syntax and
/// then every rule of the model, reporting all problems with their places.
pub fn load_bytes(bytes: &[u8]) -> Result<Project, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if let Some(reason) = not_text(bytes) {
        return Err(LoadError::NotPartnerMap { reason });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::NotText {
        location: location_of_byte(bytes, e.valid_up_to()),
    })?;
    load_str(text)
}

/// What a file that is not text looks like, when it can be told: UTF-16 text, or a file
/// of a kind people keep next to their maps (a picture, a PDF, an office document).
fn not_text(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let utf16 = head.starts_with(&[0xFF, 0xFE])
        || head.starts_with(&[0xFE, 0xFF])
        || (head.len() >= 16 && head.iter().filter(|b| **b == 0).count() * 3 >= head.len());
    let kind = if head.starts_with(b"\x89PNG") {
        "a PNG picture"
    } else if head.starts_with(b"%PDF") {
        "a PDF document"
    } else if head.starts_with(b"PK\x03\x04") {
        "a ZIP archive (an .xlsx, .docx or .zip file)"
    } else if head.starts_with(&[0x1F, 0x8B]) {
        "a gzip archive"
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "a JPEG picture"
    } else if utf16 {
        return Some(
            "it is UTF-16 text; PartnerMap project files are UTF-8: save it again as UTF-8".into(),
        );
    } else {
        return None;
    };
    Some(format!("it looks like {kind}, not text"))
}

/// What a text that is not a project file looks like, when its start tells: XML, YAML or
/// prose. `None` for a text that starts as a project file does (a syntax error in it is
/// reported with its place instead).
fn not_ron(text: &str) -> Option<&'static str> {
    // Past the inner attributes (`#![enable(implicit_some)]`) and comments RON allows.
    let mut rest = text.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("#!") {
            rest = after.split_once('\n').map_or("", |(_, r)| r).trim_start();
        } else if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r).trim_start();
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r).trim_start();
        } else {
            break;
        }
    }
    // YAML: a document marker, or lines of `key: value` and `- item`.
    let yaml_line = |line: &str| {
        let line = line.trim_end();
        line.starts_with("- ")
            || line.split_once(':').is_some_and(|(key, value)| {
                !key.trim().is_empty()
                    && key
                        .trim_start()
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
                    && (value.is_empty() || value.starts_with(' '))
            })
    };
    let lines: Vec<&str> = rest
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(5)
        .collect();
    let yaml = rest.starts_with("---")
        || (lines.len() >= 2 && lines.iter().filter(|l| yaml_line(l)).count() * 2 > lines.len());
    if rest.is_empty() || rest.starts_with('(') || rest.starts_with("PartnerMap") {
        None
    } else if rest.starts_with('<') {
        Some(
            "it looks like XML; GraphML and GEXF files are imported: use File → Import or \
             `partnermap import`",
        )
    } else if yaml {
        Some("it looks like YAML; PartnerMap project files are RON, written by PartnerMap")
    } else {
        Some(
            "it looks like plain text; a PartnerMap project file starts with `(` and `format: \"partnermap\"`",
        )
    }
}

/// Reads a project from text. See [`load_bytes`].
pub fn load_str(text: &str) -> Result<Project, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(LoadError::NotPartnerMap {
            reason: "the file is empty".into(),
        });
    }
    if trimmed.starts_with('{') || trimmed.starts_with("[{") {
        return Err(LoadError::NotPartnerMap {
            reason: "it looks like JSON; project files are RON (`format: \"partnermap\"`). \
                     Use File → Import or `partnermap import` for other formats"
                .into(),
        });
    }
    // The full parse comes first: it is the only one a good file needs. The header is read
    // on its own only to explain a failure (a newer version, another format).
    let file: FileIn = match options().from_str::<FileIn>(text) {
        Ok(file) => file,
        Err(e) => {
            let header: Option<Header> = options().from_str(text).ok();
            if let Some(header) = header {
                check_header(&header)?;
            } else if let Some(reason) = not_ron(text) {
                return Err(LoadError::NotPartnerMap {
                    reason: reason.into(),
                });
            }
            return Err(LoadError::Invalid(vec![syntax_problem(&e, text)]));
        }
    };
    project_of(file, |problems| {
        let places = locate::scan(text);
        for p in problems {
            p.location = places.locate(p);
        }
    })
}

/// Reads a project from the JSON that the JSON export writes (the same document as a
/// project file), with the same checks as [`load_str`]. Problems of the model have no
/// place: JSON is not located field by field.
pub fn load_json_str(text: &str) -> Result<Project, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file: FileIn = match serde_json::from_str(text) {
        Ok(file) => file,
        Err(e) => {
            if let Ok(header) = serde_json::from_str::<Header>(text) {
                check_header(&header)?;
            }
            let location = (e.line() > 0).then(|| Location {
                line: e.line(),
                column: e.column(),
            });
            // serde_json puts the place at the end of its message; it is given apart.
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m)
                .to_string();
            return Err(LoadError::Invalid(vec![Problem::syntax(message, location)]));
        }
    };
    project_of(file, |_| {})
}

/// The project of a parsed file, after checking its header and every rule of the model;
/// `locate` gives the problems their places in the text.
fn project_of(file: FileIn, locate: impl FnOnce(&mut [Problem])) -> Result<Project, LoadError> {
    check_header(&Header {
        format: Some(file.format.clone()),
        version: Some(file.version),
    })?;
    let mut problems = validate(&file.actors, &file.partnerships, &file.settings, &file.meta);
    if let Some(next) = &file.next_ids {
        problems.extend(crate::model::check_next_ids(next));
    }
    if !problems.is_empty() {
        locate(&mut problems);
        return Err(LoadError::Invalid(problems));
    }
    let mut project = Project {
        meta: file.meta,
        settings: file.settings,
        next_ids: file.next_ids.unwrap_or_default(),
        ..Project::default()
    };
    for actor in file.actors {
        project.insert_actor(actor);
    }
    for partnership in file.partnerships {
        project.insert_partnership(partnership);
    }
    Ok(project)
}

fn check_header(header: &Header) -> Result<(), LoadError> {
    match header.format.as_deref() {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(LoadError::NotPartnerMap {
                reason: format!("its `format` is \"{other}\", not \"{FORMAT}\""),
            });
        }
        None => {
            return Err(LoadError::NotPartnerMap {
                reason: format!("it has no `format: \"{FORMAT}\"` field"),
            });
        }
    }
    match header.version {
        Some(v) if v > VERSION => Err(LoadError::Newer { found: v }),
        Some(0) | None => Err(LoadError::NotPartnerMap {
            reason: "it has no `version` field of 1 or more".into(),
        }),
        Some(_) => Ok(()),
    }
}

/// Reads the project at `path`, refusing files over the size limit before reading them.
pub fn load_path(path: &Path) -> Result<Project, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let bytes = match super::bounded::read(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(super::bounded::BoundedError::Io(e)) => return Err(io(e)),
        Err(super::bounded::BoundedError::TooLarge(bytes)) => {
            return Err(LoadError::TooLarge { bytes });
        }
    };
    load_bytes(&bytes)
}

/// The project as RON text: pretty-printed, actors and partnerships in id order, unset
/// optional fields left out. The same project always gives the same bytes.
pub fn to_ron_string(project: &Project) -> String {
    ron_within(project, usize::MAX).unwrap_or_default()
}

/// [`to_ron_string`], or `None` as soon as the text grows past `limit` bytes (so that a
/// map too large to save is never held whole as text).
fn ron_within(project: &Project, limit: usize) -> Option<String> {
    /// A text that refuses to grow past its limit.
    struct Bounded {
        text: String,
        limit: usize,
    }
    impl std::fmt::Write for Bounded {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            if self.text.len().saturating_add(s.len()) > self.limit {
                return Err(std::fmt::Error);
            }
            self.text.push_str(s);
            Ok(())
        }
    }
    let out = FileOut::of(project);
    let config = ron::ser::PrettyConfig::new()
        .extensions(Extensions::IMPLICIT_SOME)
        .depth_limit(3)
        .escape_strings(false)
        .struct_names(false);
    let mut text = Bounded {
        text: String::new(),
        limit,
    };
    // Serialising plain data with string keys cannot fail; only the limit stops it.
    ron::Options::default()
        .to_writer_pretty(&mut text, &out, config)
        .ok()?;
    let mut text = text.text;
    if text.len() >= limit {
        return None;
    }
    text.push('\n');
    Some(text)
}

/// The path of the backup kept beside `path`: `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves the project to `path` atomically, keeping the previous file as `NAME.ron.bak`.
/// A map with problems is refused and nothing is written.
pub fn save_path(project: &Project, path: &Path) -> Result<(), SaveError> {
    let problems = project.validate();
    if !problems.is_empty() {
        return Err(SaveError::Invalid(problems));
    }
    let limit = usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX);
    let Some(text) = ron_within(project, limit) else {
        return Err(SaveError::TooLarge);
    };
    write_atomic(path, text.as_bytes(), true)
}

/// The file that saving to `path` writes: `path` itself, or for a symbolic link the file it
/// points to (the link stays a link). Anything that is not a regular file — a folder, a
/// device such as `/dev/null`, a pipe, a link to nowhere — is refused rather than replaced.
fn write_target(path: &Path) -> std::io::Result<PathBuf> {
    let refuse = |what: &str| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("it is {what}, not a file PartnerMap can write over; choose another name"),
        )
    };
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(path.to_owned()),
        Err(e) => Err(e),
        Ok(m) if m.is_file() => Ok(path.to_owned()),
        Ok(m) if m.is_dir() => Err(refuse("a folder")),
        Ok(m) if m.file_type().is_symlink() => match std::fs::canonicalize(path) {
            Ok(real) if real.is_file() => Ok(real),
            Ok(real) if real.is_dir() => Err(refuse("a link to a folder")),
            Ok(_) => Err(refuse("a link to a device or pipe")),
            Err(_) => Err(refuse("a link to a file that does not exist")),
        },
        Ok(_) => Err(refuse("a device or pipe")),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder (written, flushed,
/// synced, then renamed over), first copying any existing file to `NAME.bak` when
/// `keep_backup` is set. If any step fails the existing file is untouched. The new file gets
/// the permissions of the file it replaces, or those of a newly created file.
/// A symbolic link is written through; a folder, device or pipe is refused.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    Written::aside(path, bytes)?.replace(keep_backup)
}

/// Writes a set of files (the tables of a CSV export) all or none: every file is written
/// aside first, and only when all of them are do they replace the old files, so a full disk
/// or a read-only file leaves the old set whole rather than half of two sets.
pub fn write_set_atomic(files: &[(PathBuf, Vec<u8>)], keep_backup: bool) -> Result<(), SaveError> {
    let mut ready = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        ready.push(Written::aside(path, bytes)?);
    }
    for written in ready {
        written.replace(keep_backup)?;
    }
    Ok(())
}

/// A file written to a temporary file beside the one it will replace.
struct Written {
    /// The path the user gave, for messages.
    named: PathBuf,
    /// The file the bytes go to (a link's target).
    target: PathBuf,
    /// Its folder.
    dir: PathBuf,
    /// The new contents, synced to disk.
    tmp: tempfile::NamedTempFile,
    /// A fault to inject at the rename, in tests.
    fault: Option<Fault>,
}

impl Written {
    /// Writes `bytes` to a temporary file in `path`'s folder and syncs it.
    fn aside(path: &Path, bytes: &[u8]) -> Result<Self, SaveError> {
        let err = |stage: &'static str| {
            move |source| SaveError::Io {
                path: path.to_owned(),
                stage,
                source,
            }
        };
        let fault = super::faults::take(path);
        // Messages name the path the user gave; the bytes go to the file it names.
        let target = write_target(path).map_err(err("checking what the path names"))?;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".partnermap-").suffix(".tmp");
        with_mode(&mut builder, &target);
        if fault == Some(Fault::ReadOnlyFolder) {
            return Err(err("creating a temporary file in the folder")(
                Fault::ReadOnlyFolder.error(),
            ));
        }
        let mut tmp = builder
            .tempfile_in(&dir)
            .map_err(err("creating a temporary file in the folder"))?;
        if let Some(f @ (Fault::FailHalfway | Fault::DiskFull)) = fault {
            // Half the bytes reach the temporary file, then the writer fails; the temporary
            // file is removed when `tmp` is dropped.
            tmp.write_all(&bytes[..bytes.len() / 2])
                .map_err(err("writing the temporary file"))?;
            return Err(err("writing the temporary file")(f.error()));
        }
        tmp.write_all(bytes)
            .map_err(err("writing the temporary file"))?;
        tmp.flush().map_err(err("writing the temporary file"))?;
        tmp.as_file()
            .sync_all()
            .map_err(err("flushing the temporary file to disk"))?;
        Ok(Self {
            named: path.to_owned(),
            target,
            dir,
            tmp,
            fault,
        })
    }

    /// Puts the new file in place of the old one, first copying the old one to `NAME.bak`
    /// when `keep_backup` is set.
    fn replace(self, keep_backup: bool) -> Result<(), SaveError> {
        let named = self.named.as_path();
        let err = |stage: &'static str| {
            move |source| SaveError::Io {
                path: named.to_owned(),
                stage,
                source,
            }
        };
        let path = self.target.as_path();
        if keep_backup && path.is_file() {
            let mut bak_builder = tempfile::Builder::new();
            bak_builder.prefix(".partnermap-").suffix(".bak.tmp");
            with_mode(&mut bak_builder, path);
            let mut bak = bak_builder
                .tempfile_in(&self.dir)
                .map_err(err("creating the backup"))?;
            let mut old = std::fs::File::open(path).map_err(err("reading the previous file"))?;
            std::io::copy(&mut old, bak.as_file_mut()).map_err(err("writing the backup"))?;
            bak.as_file()
                .sync_all()
                .map_err(err("writing the backup"))?;
            bak.persist(backup_path(path))
                .map_err(|e| e.error)
                .map_err(err("writing the backup"))?;
        }
        if self.fault == Some(Fault::RenameFails) {
            return Err(err("replacing the file with the new version")(
                Fault::RenameFails.error(),
            ));
        }
        self.tmp
            .persist(path)
            .map_err(|e| e.error)
            .map_err(err("replacing the file with the new version"))?;
        if let Ok(d) = std::fs::File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// Gives a temporary file the mode of the file it replaces, or that of a newly created
/// file: a temporary file is private (0600) by default, and the saved file and its backup
/// should be like any other file the user creates (the umask still applies).
fn with_mode(builder: &mut tempfile::Builder, path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (builder, path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_too_large_to_open_is_stopped_at_the_limit_and_not_written() {
        let project = crate::generate::generate(50, 60, 1).unwrap();
        let whole = to_ron_string(&project);
        assert_eq!(
            ron_within(&project, whole.len() + 1).as_deref(),
            Some(&*whole)
        );
        assert_eq!(ron_within(&project, whole.len() - 1), None);
        assert_eq!(ron_within(&project, 1000), None);
        let message = SaveError::TooLarge.to_string();
        assert!(message.contains("more than 256 MB"), "{message}");
    }
}
