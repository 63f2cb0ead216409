//! Bad input: every file of the corpus gives a clear error, never a panic, in bounded time,
//! and a file over the size limit is refused before it is read.

use std::path::Path;
use std::time::{Duration, Instant};

use partnermap::io::{self, LoadError};

/// Each fixture and a phrase its message must contain.
const CORPUS: &[(&str, &str)] = &[
    ("empty.ron", "the file is empty"),
    (
        "truncated.ron",
        "line 40, column 64: a text has no closing quote",
    ),
    ("garbage.bin", "not a text file"),
    (
        "invalid-utf8.ron",
        "line 4, column 23: this is not a text file",
    ),
    ("json.json", "looks like JSON"),
    (
        "deep-nesting.ron",
        "line 1, column 45: Expected opening `(` for struct `Actor`",
    ),
    ("deep-nesting-custom.ron", "nested too deeply"),
    ("deep-nesting-unclosed.ron", "line 1, column 2"),
    ("unknown-field.ron", "colour"),
    ("future-version.ron", "made by a newer PartnerMap"),
    ("wrong-format.ron", "\"kumu\""),
    ("no-format.ron", "no `format"),
    ("bad-enum.ron", "Government"),
    (
        "negative-score.ron",
        "line 9, column 40: this number is out of range",
    ),
    ("many-problems.ron", "7 problems"),
];

#[test]
fn every_bad_file_gives_a_clear_error_without_panicking() {
    let dir = Path::new("tests/fixtures/bad");
    for (name, phrase) in CORPUS {
        let path = dir.join(name);
        let started = Instant::now();
        let result = std::panic::catch_unwind(|| io::load_path(&path));
        let elapsed = started.elapsed();
        let result = result.unwrap_or_else(|_| panic!("{name}: the loader panicked"));
        let err = match result {
            Ok(_) => panic!("{name}: a bad file was accepted"),
            Err(e) => e,
        };
        let msg = err.to_string();
        assert!(
            msg.contains(phrase),
            "{name}: expected \"{phrase}\" in: {msg}"
        );
        assert!(elapsed < Duration::from_secs(2), "{name}: took {elapsed:?}");
    }
}

#[test]
fn the_corpus_covers_every_file_in_the_folder() {
    let listed: std::collections::BTreeSet<&str> = CORPUS.iter().map(|(n, _)| *n).collect();
    for entry in std::fs::read_dir("tests/fixtures/bad").unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            listed.contains(name.as_str()),
            "{name} has no expected message"
        );
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    // A sparse file: it takes no disk space, and reading it whole would take seconds.
    file.set_len(io::MAX_FILE_BYTES + 1).unwrap();
    let started = Instant::now();
    let err = io::load_path(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("at most 256 MB"), "{err}");
    assert!(started.elapsed() < Duration::from_millis(500));
}

#[test]
fn a_missing_file_and_a_folder_say_so() {
    let err = io::load_path(Path::new("tests/fixtures/bad/no-such-file.ron")).unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }) && err.is_unreadable());
    let err = io::load_path(Path::new("tests/fixtures")).unwrap_err();
    assert!(err.to_string().contains("folder"), "{err}");
}

#[test]
fn every_mutation_of_a_good_file_loads_or_fails_cleanly() {
    let good = io::SAMPLE_RON.as_bytes();
    // Cut the file at many places and flip bytes at many others: never a panic.
    for cut in (0..good.len()).step_by(397) {
        let _ = io::load_bytes(&good[..cut]);
    }
    for at in (0..good.len()).step_by(389) {
        let mut bytes = good.to_vec();
        bytes[at] ^= 0x5a;
        let _ = io::load_bytes(&bytes);
    }
}
