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
    #[serde(default)]
    actors: Vec<Actor>,
    #[serde(default)]
    partnerships: Vec<Partnership>,
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
        other => other.to_string(),
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
    let out = FileOut::of(project);
    let config = ron::ser::PrettyConfig::new()
        .extensions(Extensions::IMPLICIT_SOME)
        .depth_limit(3)
        .escape_strings(false)
        .struct_names(false);
    // Serialising plain data with string keys cannot fail; fall back to an empty map rather
    // than panic if it ever did.
    let mut text = ron::Options::default()
        .to_string_pretty(&out, config)
        .unwrap_or_default();
    text.push('\n');
    text
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
    write_atomic(path, to_ron_string(project).as_bytes(), true)
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
    let path = target.as_path();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    // A temporary file is private (0600) by default; the saved file and its backup should be
    // like any other file the user creates (the umask still applies), or keep the mode of the
    // file they replace.
    let with_mode = |builder: &mut tempfile::Builder| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o7777);
            builder.permissions(std::fs::Permissions::from_mode(mode));
        }
        #[cfg(not(unix))]
        let _ = builder;
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".partnermap-").suffix(".tmp");
    with_mode(&mut builder);
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
    if keep_backup && path.is_file() {
        let mut bak_builder = tempfile::Builder::new();
        bak_builder.prefix(".partnermap-").suffix(".bak.tmp");
        with_mode(&mut bak_builder);
        let mut bak = bak_builder
            .tempfile_in(&dir)
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
    if fault == Some(Fault::RenameFails) {
        return Err(err("replacing the file with the new version")(
            Fault::RenameFails.error(),
        ));
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .map_err(err("replacing the file with the new version"))?;
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
