//! The command line: `check` exit codes and messages, `generate` determinism.

use crate::common;
use std::path::Path;

use common::{partnermap, text};

#[test]
fn check_says_valid_and_exits_0() {
    let out = partnermap(&["check", "assets/samples/dfgg-cambodia.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("valid map with 24 actors and 29 partnerships"),
        "{}",
        text(&out)
    );
}

#[test]
fn check_lists_every_problem_with_line_and_column_and_exits_1() {
    let out = partnermap(&["check", "tests/fixtures/bad/many-problems.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 7, "{stdout}");
    assert!(
        lines[0]
            .starts_with("tests/fixtures/bad/many-problems.ron:5:17: actor 1: the name is empty"),
        "{}",
        lines[0]
    );
    assert!(stdout.contains(":10:23: partnership 2: `b` refers to actor 7, which does not exist"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("7 problems"));
}

#[test]
fn check_exits_2_when_the_file_cannot_be_read_as_a_map() {
    for file in [
        "tests/fixtures/bad/garbage.bin",
        "tests/fixtures/bad/future-version.ron",
        "no/such/file.ron",
        "tests/fixtures/bad/empty.ron",
    ] {
        let out = partnermap(&["check", file]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", text(&out));
        assert!(!text(&out).contains("panicked"), "{file}");
        assert!(
            String::from_utf8_lossy(&out.stderr).starts_with(file),
            "{file}: {}",
            text(&out)
        );
    }
}

#[test]
fn check_never_panics_on_the_bad_corpus() {
    for entry in std::fs::read_dir("tests/fixtures/bad").unwrap() {
        let path = entry.unwrap().path();
        let out = partnermap(&["check", path.to_str().unwrap()]);
        assert!(
            matches!(out.status.code(), Some(1) | Some(2)),
            "{}: {}",
            path.display(),
            text(&out)
        );
        assert!(!text(&out).contains("panicked"), "{}", path.display());
    }
}

#[test]
fn generate_is_deterministic_for_a_seed() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, seed: &str| {
        let path = dir.path().join(name);
        let out = partnermap(&[
            "generate",
            "--actors",
            "120",
            "--partnerships",
            "300",
            "--seed",
            seed,
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        std::fs::read(path).unwrap()
    };
    let a = run("a.ron", "42");
    let b = run("b.ron", "42");
    let c = run("c.ron", "43");
    assert_eq!(a, b, "same seed, same bytes");
    assert_ne!(a, c, "another seed, another map");
    let out = partnermap(&["check", dir.path().join("a.ron").to_str().unwrap()]);
    assert!(
        text(&out).contains("120 actors and 300 partnerships"),
        "{}",
        text(&out)
    );
}

#[test]
fn generate_refuses_impossible_requests_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("x.ron");
    let out = partnermap(&[
        "generate",
        "--actors",
        "1",
        "--partnerships",
        "5",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("need at least 2 actors"),
        "{}",
        text(&out)
    );
    assert!(!out_path.exists());
    let out = partnermap(&[
        "generate",
        "--actors",
        "ten",
        "--partnerships",
        "5",
        "-o",
        "x.ron",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("invalid value 'ten'"), "{}", text(&out));
    let out = partnermap(&[
        "generate",
        "--actors",
        "3",
        "--partnerships",
        "2",
        "-o",
        "/no/such/dir/x.ron",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("could not save"), "{}", text(&out));
}

#[test]
fn help_lists_the_commands() {
    let out = partnermap(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    for command in ["check", "generate"] {
        assert!(text(&out).contains(command));
    }
    assert!(Path::new(env!("CARGO_BIN_EXE_partnermap")).exists());
}

#[test]
fn a_dash_reads_the_map_from_standard_input_within_the_size_limit() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let run = |args: &[&str], input: Vec<u8>| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_partnermap"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        // The program may stop reading at its limit; a closed pipe then is expected.
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        out
    };
    let sample = std::fs::read("assets/samples/dfgg-cambodia.ron").unwrap();
    let out = run(&["check", "-"], sample);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "/dev/stdin: valid map with 24 actors and 29 partnerships\n"
    );
    let too_much = vec![b' '; partnermap::io::MAX_FILE_BYTES as usize + 10];
    let out = run(&["check", "-"], too_much);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("at most 256 MB"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
