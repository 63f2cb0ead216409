//! The open map and where it belongs: the sample, a file, an import or nothing yet.

use std::path::{Path, PathBuf};

use crate::model::Project;

use super::{file_name, is_backup};

/// Where the open map came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The sample map that ships inside the program.
    Sample,
    /// A file on disk.
    File(PathBuf),
    /// A new map that has never been saved.
    Untitled,
    /// A map made by importing this file; Save asks where to write it.
    Imported(PathBuf),
}

/// The open map and where it belongs.
#[derive(Clone, Debug)]
pub struct Document {
    /// The map itself.
    pub project: Project,
    /// Where it came from and where Save writes.
    pub origin: Origin,
    /// Counts changes; derived data is cached against it.
    pub revision: u64,
    /// The file's size and time when it was last opened or saved here, to notice another
    /// program changing it.
    pub disk: Option<DiskStamp>,
    /// The origin this session gave the map when it had none (design.md §13): kept here
    /// too, so that an undo bringing back the descriptive fields of before does not make the
    /// next save give the map another one.
    pub given_origin: Option<String>,
}

/// A file's size and modification time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    /// Size in bytes.
    pub len: u64,
    /// Last modification.
    pub modified: std::time::SystemTime,
}

impl DiskStamp {
    /// The stamp of the file at `path` now, if it exists.
    pub fn of(path: &Path) -> Option<Self> {
        let m = std::fs::metadata(path).ok()?;
        Some(Self {
            len: m.len(),
            modified: m.modified().ok()?,
        })
    }
}

impl Document {
    /// A document for `project` from `origin`.
    pub fn new(project: Project, origin: Origin) -> Self {
        let disk = match &origin {
            Origin::File(p) => DiskStamp::of(p),
            _ => None,
        };
        Self {
            project,
            origin,
            revision: 0,
            disk,
            given_origin: None,
        }
    }

    /// The origin the map has, or the one it gets when it is first saved: the same every
    /// time in this session.
    pub fn origin_to_save(&mut self) -> String {
        if !self.project.meta.origin.is_empty() {
            return self.project.meta.origin.clone();
        }
        self.given_origin
            .get_or_insert_with(crate::model::Meta::new_origin)
            .clone()
    }

    /// Once a save has written it: the map keeps the origin given to it, if it has none.
    pub fn keep_given_origin(&mut self) {
        if self.project.meta.origin.is_empty()
            && let Some(origin) = &self.given_origin
        {
            self.project.meta.origin = origin.clone();
        }
    }

    /// The embedded sample map.
    pub fn sample() -> Self {
        Self::new(crate::io::sample(), Origin::Sample)
    }

    /// The file the map belongs to, if any.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(p) => Some(p),
            _ => None,
        }
    }

    /// The name shown in the title bar and status bar.
    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::Sample => "DFGG Cambodia sample".to_string(),
            Origin::Untitled => "Untitled map".to_string(),
            Origin::File(p) => file_name(p),
            Origin::Imported(p) if is_backup(p) => format!("{} (backup)", file_name(p)),
            Origin::Imported(p) => format!("{} (imported)", file_name(p)),
        }
    }
}
