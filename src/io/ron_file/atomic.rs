//! Writing a file so that a failure never damages the one that was there: through a
//! temporary file beside it, synced, then renamed over; a set of files all or none.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{SaveError, backup_path};
use crate::io::faults::Fault;

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
        let fault = crate::io::faults::take(path);
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
