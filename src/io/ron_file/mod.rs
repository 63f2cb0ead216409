//! RON project files (design.md §7): load with every problem reported by line and column,
//! save pretty-printed in id order, atomically, keeping the previous file as `NAME.ron.bak`.

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};

use super::locate;
use messages::syntax_problem;

mod atomic;
mod messages;

use crate::model::{
    Actor, Location, Meta, NextIds, Partnership, Perspective, Problem, Project, Settings, Snapshot,
    validate,
};
pub use atomic::{write_atomic, write_set_atomic};

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
    #[serde(default, deserialize_with = "snapshots")]
    snapshots: Vec<Snapshot>,
    #[serde(default, deserialize_with = "perspectives")]
    perspectives: Vec<Perspective>,
}

/// The perspectives of a file, counted while they are read.
fn perspectives<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Perspective>, D::Error> {
    crate::model::bounded::seq(d, "perspectives", crate::model::bounded::MAX_LIST_ITEMS)
}

/// The snapshots of a file, counted while they are read.
fn snapshots<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Snapshot>, D::Error> {
    crate::model::bounded::seq(d, "snapshots", crate::model::bounded::MAX_LIST_ITEMS)
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
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    snapshots: &'a [Snapshot],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    perspectives: &'a [Perspective],
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
            snapshots: &project.snapshots,
            perspectives: &project.perspectives,
        }
    }
}

fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
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
    problems.extend(crate::model::check_snapshots(
        &file.snapshots,
        &file.settings,
    ));
    problems.extend(crate::model::check_perspectives(
        &file.perspectives,
        &file.actors,
        &file.partnerships,
    ));
    if !problems.is_empty() {
        locate(&mut problems);
        return Err(LoadError::Invalid(problems));
    }
    let mut project = Project {
        meta: file.meta,
        settings: file.settings,
        next_ids: file.next_ids.unwrap_or_default(),
        snapshots: file.snapshots,
        perspectives: file.perspectives,
        ..Project::default()
    };
    // Values are looked up by id: a file may list them in any order.
    for view in &mut project.perspectives {
        view.actors.sort_by_key(|r| r.id);
        view.partnerships.sort_by_key(|r| r.id);
    }
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
    let mut out = FileOut::of(project);
    // Snapshots and perspectives are written apart, so that their entries are laid out as
    // the map's are.
    out.snapshots = &[];
    out.perspectives = &[];
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
    if !project.snapshots.is_empty() || !project.perspectives.is_empty() {
        // The document ends with its closing bracket; the snapshots go before it.
        let body = text.text.trim_end().strip_suffix(')')?.len();
        text.text.truncate(body);
        if !project.snapshots.is_empty() {
            write_snapshots(&mut text, &project.snapshots).ok()?;
        }
        if !project.perspectives.is_empty() {
            write_perspectives(&mut text, &project.perspectives).ok()?;
        }
        std::fmt::Write::write_str(&mut text, ")").ok()?;
    }
    let mut text = text.text;
    if text.len() >= limit {
        return None;
    }
    text.push('\n');
    Some(text)
}

/// The `snapshots: [...]` section of a project file, each actor and partnership of a
/// snapshot laid out one field a line as the map's own are, so that a file with snapshots
/// still diffs well.
fn write_snapshots(out: &mut impl std::fmt::Write, snapshots: &[Snapshot]) -> std::fmt::Result {
    out.write_str("    snapshots: [\n")?;
    for s in snapshots {
        out.write_str("        (\n")?;
        writeln!(out, "            name: {},", item(&s.name, "")?)?;
        if let Some(date) = &s.date {
            writeln!(out, "            date: {},", item(&date.0, "")?)?;
        }
        if !s.note.is_empty() {
            writeln!(out, "            note: {},", item(&s.note, "")?)?;
        }
        write_list(out, "actors", &s.actors)?;
        write_list(out, "partnerships", &s.partnerships)?;
        out.write_str("        ),\n")?;
    }
    out.write_str("    ],\n")
}

/// The `perspectives: [...]` section: each perspective's values one entry a line.
fn write_perspectives(
    out: &mut impl std::fmt::Write,
    perspectives: &[Perspective],
) -> std::fmt::Result {
    out.write_str("    perspectives: [\n")?;
    for v in perspectives {
        out.write_str("        (\n")?;
        writeln!(out, "            name: {},", item(&v.name, "")?)?;
        if !v.note.is_empty() {
            writeln!(out, "            note: {},", item(&v.note, "")?)?;
        }
        write_rows(out, "actors", &v.actors)?;
        write_rows(out, "partnerships", &v.partnerships)?;
        out.write_str("        ),\n")?;
    }
    out.write_str("    ],\n")
}

/// A perspective's list `field`, each entry on one line (`(id: 3, trust_ab: 4),`).
fn write_rows<T: Serialize>(
    out: &mut impl std::fmt::Write,
    field: &str,
    items: &[T],
) -> std::fmt::Result {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(out, "            {field}: [")?;
    let config = ron::ser::PrettyConfig::new()
        .compact_structs(true)
        .escape_strings(false)
        .struct_names(false);
    for value in items {
        let line = ron::Options::default()
            .with_default_extension(Extensions::IMPLICIT_SOME)
            .to_string_pretty(value, config.clone())
            .map_err(|_| std::fmt::Error)?;
        writeln!(out, "                {line},")?;
    }
    out.write_str("            ],\n")
}

/// A snapshot's list `field`, one item after another.
fn write_list<T: Serialize>(
    out: &mut impl std::fmt::Write,
    field: &str,
    items: &[T],
) -> std::fmt::Result {
    writeln!(out, "            {field}: [")?;
    const INDENT: &str = "                ";
    for value in items {
        writeln!(out, "{INDENT}{},", item(value, INDENT)?)?;
    }
    out.write_str("            ],\n")
}

/// `value` pretty-printed on its own, fields one a line (unset options left out as in the
/// rest of the file), its later lines indented by `indent`.
fn item<T: Serialize>(value: &T, indent: &str) -> Result<String, std::fmt::Error> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(1)
        .escape_strings(false)
        .struct_names(false);
    let text = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .to_string_pretty(value, config)
        .map_err(|_| std::fmt::Error)?;
    Ok(indented(&text, indent))
}

/// `text` with `indent` after each line break outside a string.
fn indented(text: &str, indent: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        out.push(c);
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '\n' if !in_string => out.push_str(indent),
            _ => {}
        }
    }
    out
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
