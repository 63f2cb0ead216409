//! Reading a file with a bound (design.md §11): a regular file is read up to the limit and
//! one byte more; a pipe, a device or a socket (`/dev/zero`, a named pipe, standard input)
//! is read the same way on a thread of its own, given a time to deliver, so that a pipe with
//! no writer never blocks the command or the window.

use std::io::Read;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// How long a pipe or device may take to deliver everything.
pub const PIPE_TIME: Duration = Duration::from_secs(20);

/// Why a bounded read failed.
#[derive(Debug)]
pub enum BoundedError {
    /// The system refused, or the path is a folder.
    Io(std::io::Error),
    /// More than the limit: its size when known, else the limit plus one.
    TooLarge(u64),
}

/// The bytes of `path`, at most `limit` of them.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, BoundedError> {
    let meta = std::fs::metadata(path).map_err(BoundedError::Io)?;
    if meta.is_dir() {
        return Err(BoundedError::Io(std::io::Error::other(
            "it is a folder, not a file",
        )));
    }
    if meta.is_file() {
        if meta.len() > limit {
            return Err(BoundedError::TooLarge(meta.len()));
        }
        return read_up_to(path, limit);
    }
    // A pipe, a device or a socket: its size is unknown and opening it may wait for a
    // writer; read on a thread, with a time limit.
    let (send, receive) = mpsc::channel();
    let owned = path.to_owned();
    std::thread::spawn(move || {
        let _ = send.send(read_up_to(&owned, limit));
    });
    match receive.recv_timeout(PIPE_TIME) {
        Ok(result) => result,
        Err(_) => Err(BoundedError::Io(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            format!(
                "it is a pipe or a device and gave nothing complete within {} s",
                PIPE_TIME.as_secs()
            ),
        ))),
    }
}

/// Reads `path` up to `limit` bytes, refusing it when there is more.
fn read_up_to(path: &Path, limit: u64) -> Result<Vec<u8>, BoundedError> {
    let file = std::fs::File::open(path).map_err(BoundedError::Io)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(BoundedError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(BoundedError::TooLarge(limit.saturating_add(1)));
    }
    Ok(bytes)
}
