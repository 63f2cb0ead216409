//! Recovery files (design.md §7, §11): unsaved work written to the user's data folder, never
//! over the user's own file, so that a crash, a kill or a power cut loses at most a few
//! seconds of work.
//!
//! Each running PartnerMap writes `recovery-PID.ron` (an ordinary PartnerMap map, so that
//! `partnermap check` and File → Open read it) and `recovery-PID.info` (which map it is,
//! when it was written and why) in `<data folder>/recovery/`. A clean exit, a save or a
//! discard removes them. The next start offers the files whose process is gone.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::{LoadError, SaveError};
use crate::model::Project;

/// Why a recovery file was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    /// The regular autosave of unsaved work.
    Autosave,
    /// PartnerMap stopped with an internal error (a panic).
    Crash,
}

/// What the `.info` file says about a recovery file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Info {
    /// The map's own file, if it has one.
    pub origin: Option<PathBuf>,
    /// The map's name as the title bar showed it.
    pub name: String,
    /// When it was written, in seconds since 1970 (UTC).
    pub saved_at: u64,
    /// Why it was written.
    pub reason: Reason,
}

impl Info {
    /// When it was written, as `YYYY-MM-DD HH:MM UTC`.
    pub fn when(&self) -> String {
        let days = (self.saved_at / 86_400) as i64;
        let secs = self.saved_at % 86_400;
        let (y, m, d) = super::civil_from_days(days);
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
            secs / 3600,
            secs % 3600 / 60
        )
    }
}

/// A recovery file left by a PartnerMap that is no longer running.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The map file.
    pub map: PathBuf,
    /// What it is.
    pub info: Info,
}

/// The recovery files of this process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    dir: PathBuf,
    pid: u32,
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Whether the process `pid` is running (on systems without `/proc`, assume not: the files
/// are offered, and restoring them is harmless).
/// The lock this process holds on `recovery-PID.lock` for as long as it runs. The system
/// drops it when the process ends in any way, so a lock that can be taken means its owner is
/// gone — unlike a process id, which a later process may get after a reboot.
static LOCK: std::sync::OnceLock<std::fs::File> = std::sync::OnceLock::new();

fn lock_path(dir: &Path, pid: u32) -> PathBuf {
    dir.join(format!("recovery-{pid}.lock"))
}

/// Whether the PartnerMap that was process `pid` still runs: it holds its lock file; a
/// session without one (before locks) counts as running while a live (not zombie) process
/// has its id.
fn is_running(dir: &Path, pid: u32) -> bool {
    match std::fs::File::open(lock_path(dir, pid)) {
        Ok(file) => matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock)),
        Err(_) => std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
            // "PID (name) S …": the state follows the last ')'; Z is a zombie.
            stat.rsplit_once(')')
                .is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z'))
        }),
    }
}

impl Recovery {
    /// The user's recovery folder: `<data folder>/recovery` (on Linux
    /// `~/.local/share/partnermap/recovery`, or under `$XDG_DATA_HOME`).
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("org", "PartnerMap", "PartnerMap")
            .map(|d| d.data_dir().join("recovery"))
    }

    /// The recovery files of this process in `dir`.
    /// Takes this process's lock in `dir` (see [`LOCK`]), so that other PartnerMaps know it
    /// runs.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        let recovery = Self {
            dir: dir.into(),
            pid: std::process::id(),
        };
        if LOCK.get().is_none() {
            let _ = std::fs::create_dir_all(&recovery.dir);
            let file = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(lock_path(&recovery.dir, recovery.pid));
            if let Ok(file) = file
                && file.try_lock().is_ok()
            {
                let _ = LOCK.set(file);
            }
        }
        recovery
    }

    /// Removes this process's recovery files and its lock file (at a clean exit).
    pub fn remove_all(&self) {
        self.remove();
        let _ = std::fs::remove_file(lock_path(&self.dir, self.pid));
    }

    /// The recovery files of process `pid` in `dir` (for tests that play an earlier
    /// session).
    #[doc(hidden)]
    pub fn with_pid(dir: impl Into<PathBuf>, pid: u32) -> Self {
        Self {
            dir: dir.into(),
            pid,
        }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// This process's recovery map.
    pub fn map_path(&self) -> PathBuf {
        self.dir.join(format!("recovery-{}.ron", self.pid))
    }

    fn info_path(map: &Path) -> PathBuf {
        map.with_extension("info")
    }

    /// Writes `project` as this process's recovery file (atomically, map then info).
    pub fn write(
        &self,
        project: &Project,
        origin: Option<&Path>,
        name: &str,
        reason: Reason,
    ) -> Result<PathBuf, SaveError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| SaveError::Io {
            path: self.dir.clone(),
            stage: "making the recovery folder",
            source,
        })?;
        let map = self.map_path();
        super::write_atomic(&map, super::to_ron_string(project).as_bytes(), false)?;
        let info = Info {
            origin: origin.map(Path::to_owned),
            name: name.to_string(),
            saved_at: now(),
            reason,
        };
        let text = ron::ser::to_string_pretty(&info, ron::ser::PrettyConfig::default())
            .unwrap_or_default();
        super::write_atomic(&Self::info_path(&map), text.as_bytes(), false)?;
        Ok(map)
    }

    /// Removes this process's recovery files (after a save, a discard or a clean exit).
    pub fn remove(&self) {
        let map = self.map_path();
        let _ = std::fs::remove_file(Self::info_path(&map));
        let _ = std::fs::remove_file(map);
    }

    /// The recovery files left by PartnerMaps that are no longer running, newest first.
    pub fn found(&self) -> Vec<Found> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Found> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter_map(|map| {
                let name = map.file_name()?.to_str()?;
                let pid: u32 = name
                    .strip_prefix("recovery-")?
                    .strip_suffix(".ron")?
                    .parse()
                    .ok()?;
                if pid == self.pid || is_running(&self.dir, pid) {
                    return None;
                }
                let info = std::fs::read_to_string(Self::info_path(&map))
                    .ok()
                    .and_then(|t| ron::from_str::<Info>(&t).ok())
                    .unwrap_or_else(|| Info {
                        origin: None,
                        name: "an unsaved map".into(),
                        saved_at: std::fs::metadata(&map)
                            .and_then(|m| m.modified())
                            .ok()
                            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                            .map_or(0, |d| d.as_secs()),
                        reason: Reason::Autosave,
                    });
                Some(Found { map, info })
            })
            .collect();
        found.sort_by_key(|f| std::cmp::Reverse(f.info.saved_at));
        found
    }

    /// Reads a found recovery file.
    pub fn load(found: &Found) -> Result<Project, LoadError> {
        super::load_path(&found.map)
    }

    /// Makes a found recovery file this process's own, so that it stays on disk until the
    /// restored map is saved or discarded.
    pub fn adopt(&self, found: &Found) {
        let own = self.map_path();
        if std::fs::rename(&found.map, &own).is_ok() {
            let _ = std::fs::rename(Self::info_path(&found.map), Self::info_path(&own));
        }
        Self::remove_stale_lock(found);
    }

    /// Deletes a found recovery file.
    pub fn discard(found: &Found) {
        let _ = std::fs::remove_file(Self::info_path(&found.map));
        let _ = std::fs::remove_file(&found.map);
        Self::remove_stale_lock(found);
    }

    /// Removes the lock file the ended session left beside `found` (it is found, so its owner
    /// no longer holds the lock).
    fn remove_stale_lock(found: &Found) {
        let _ = std::fs::remove_file(found.map.with_extension("lock"));
    }
}

/// What the panic hook writes: the latest copy of the open map that the window handed over.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// Where to write.
    pub recovery: Recovery,
    /// The map, if it has unsaved changes (else nothing needs writing).
    pub project: Option<Arc<Project>>,
    /// The map's own file.
    pub origin: Option<PathBuf>,
    /// The map's name.
    pub name: String,
}

static SNAPSHOT: Mutex<Option<Snapshot>> = Mutex::new(None);

/// Hands the panic hook the latest state of the open map.
pub fn set_snapshot(snapshot: Snapshot) {
    if let Ok(mut s) = SNAPSHOT.lock() {
        *s = Some(snapshot);
    }
}

/// Writes the snapshot as a crash recovery file; returns where, if anything was written.
pub fn write_snapshot_after_crash() -> Option<PathBuf> {
    // try_lock: a panic while the lock is held must not hang the hook.
    let guard = SNAPSHOT.try_lock().ok()?;
    let snap = guard.as_ref()?;
    let project = snap.project.as_ref()?;
    snap.recovery
        .write(project, snap.origin.as_deref(), &snap.name, Reason::Crash)
        .ok()
}

/// Installs a panic hook that writes the recovery file before the process ends and says
/// where it is on stderr; the previous hook (the usual message) runs after it.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Some(path) = write_snapshot_after_crash() {
            eprintln!(
                "PartnerMap stopped because of an internal error. Your unsaved map was written to {}; the next start offers to restore it.",
                path.display()
            );
        }
        previous(info);
    }));
}
