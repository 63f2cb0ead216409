//! Simulated failures of the file system, for the tests that prove a failed save never
//! damages the file on disk (issue "never lose a map"). A fault is registered for one path
//! and used up by the next write to that path; nothing else is affected, so tests running in
//! parallel do not disturb each other. Production code never registers a fault.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A way for the next write to a path to fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The temporary file cannot be made, as in a read-only folder (permission denied).
    ReadOnlyFolder,
    /// The writer fails half-way through the temporary file.
    FailHalfway,
    /// The disk fills up half-way through the temporary file (no space left on device).
    DiskFull,
    /// Everything is written but the final rename over the file fails.
    RenameFails,
}

static FAULTS: Mutex<Option<HashMap<PathBuf, Fault>>> = Mutex::new(None);

/// Makes the next write to `path` fail with `fault`.
pub fn inject(path: &Path, fault: Fault) {
    let mut faults = FAULTS.lock().unwrap_or_else(|e| e.into_inner());
    faults
        .get_or_insert_with(HashMap::new)
        .insert(path.to_owned(), fault);
}

/// The fault waiting for `path`, used up.
pub(crate) fn take(path: &Path) -> Option<Fault> {
    let mut faults = FAULTS.lock().unwrap_or_else(|e| e.into_inner());
    faults.as_mut()?.remove(path)
}

impl Fault {
    /// The error the system would give.
    pub(crate) fn error(self) -> std::io::Error {
        use std::io::{Error, ErrorKind};
        match self {
            Self::ReadOnlyFolder => {
                Error::new(ErrorKind::PermissionDenied, "Permission denied (simulated)")
            }
            Self::FailHalfway => Error::other("the write was interrupted (simulated)"),
            Self::DiskFull => Error::new(
                ErrorKind::StorageFull,
                "No space left on device (simulated)",
            ),
            Self::RenameFails => Error::other("the rename failed (simulated)"),
        }
    }
}
