//! Why an import failed.

use std::path::PathBuf;

use super::{ImportFormat, Issue, MAX_IMPORT_BYTES};

/// Why an import failed. Nothing is changed when an import fails.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is larger than PartnerMap reads.
    #[error(
        "{path} is {} bytes; PartnerMap imports files of at most {max} bytes",
        if *.bytes > MAX_IMPORT_BYTES + 1 { .bytes.to_string() } else { format!("more than {max}", max = MAX_IMPORT_BYTES) },
        max = MAX_IMPORT_BYTES
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The file is not text in UTF-8.
    #[error("{name} {at}: the file is not UTF-8 text ({why}); save it as UTF-8 and try again")]
    NotUtf8 {
        /// The file's name.
        name: String,
        /// Where its first byte that is not UTF-8 lies: a line and column, or a row.
        at: String,
        /// What that byte is.
        why: String,
    },
    /// The format could not be told from the file name.
    #[error(
        "{0}: cannot tell the format from the file name; use a {choice} file (or --format)",
        choice = ImportFormat::usual_extensions_choice()
    )]
    UnknownFormat(PathBuf),
    /// The file is not well-formed, or not the format it claims to be.
    #[error("{0}")]
    Malformed(Issue),
    /// Values that do not fit, each with its place.
    #[error("{}", list(.0, *.1))]
    Problems(Vec<Issue>, usize),
    /// The import was cancelled; nothing was changed.
    #[error("the import was cancelled")]
    Cancelled,
}

fn list(issues: &[Issue], more: usize) -> String {
    let mut s = issues
        .iter()
        .map(Issue::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    if more > 0 {
        s.push_str(&format!("\n… and {more} more problems"));
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_unknown_format_names_the_usual_extensions() {
        let err = super::ImportError::UnknownFormat("notes.txt".into());
        assert_eq!(
            err.to_string(),
            "notes.txt: cannot tell the format from the file name; use a .graphml, .gexf, .csv \
             or .json file (or --format)"
        );
    }
}
