//! Output that cannot be written (design.md §11; issue 14, item 2): every command that
//! writes to standard output ends quietly with exit 141 when its reader has gone (`| head`:
//! as a shell reports a Unix tool that the pipe's signal ended), with a message and exit 1
//! when the output cannot be written (a full device), and never panics
//! (exit 101, "failed printing to stdout") — nor when standard error cannot be written.

use std::process::{Command, Stdio};

const SAMPLE: &str = "assets/samples/dfgg-cambodia.ron";
const INVALID: &str = "tests/fixtures/bad/many-problems.ron";

/// The commands that write to standard output, each with what it does, in a fresh folder.
fn commands(dir: &std::path::Path) -> Vec<(&'static str, Vec<String>)> {
    let out = |name: &str| dir.join(name).to_string_lossy().into_owned();
    vec![
        ("check a valid map", vec!["check".into(), SAMPLE.into()]),
        ("check an invalid map", vec!["check".into(), INVALID.into()]),
        ("stats", vec!["stats".into(), SAMPLE.into()]),
        (
            "stats --json",
            vec!["stats".into(), SAMPLE.into(), "--json".into()],
        ),
        (
            "export",
            vec!["export".into(), SAMPLE.into(), "-o".into(), out("m.svg")],
        ),
        (
            "import",
            vec![
                "import".into(),
                "tests/fixtures/import/gephi.graphml".into(),
                "-o".into(),
                out("i.ron"),
            ],
        ),
        (
            "generate",
            vec![
                "generate".into(),
                "--actors".into(),
                "5".into(),
                "--partnerships".into(),
                "4".into(),
                "-o".into(),
                out("g.ron"),
            ],
        ),
    ]
}

/// What the exit code of each command is when its output can be written.
fn normal_exit(what: &str) -> i32 {
    if what == "check an invalid map" { 1 } else { 0 }
}

fn run(args: &[String], stdout: Stdio, stderr: Stdio) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_partnermap"))
        .args(args)
        .stdout(stdout)
        .stderr(stderr)
        .output()
        .expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for (what, args) in commands(dir.path()) {
        // A pipe whose reader is already gone: every write to it fails.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let (code, stderr) = run(&args, Stdio::from(writer), Stdio::piped());
        assert_eq!(code, Some(141), "{what}: {stderr}");
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
        assert!(
            !stderr.contains("cannot write"),
            "{what}: quietly, not {stderr}"
        );
        // With a reader, the same command ends as it should.
        let (code, stderr) = run(&args, Stdio::piped(), Stdio::piped());
        assert_eq!(code, Some(normal_exit(what)), "{what}: {stderr}");
    }
}

#[test]
fn a_full_device_ends_every_command_with_a_message_and_exit_1() {
    if !std::path::Path::new("/dev/full").exists() {
        println!("note: no /dev/full here; the full-device check is skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (what, args) in commands(dir.path()) {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let (code, stderr) = run(&args, Stdio::from(full), Stdio::piped());
        assert_eq!(code, Some(1), "{what}: {stderr}");
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
        assert!(
            stderr.contains("cannot write the output: No space left on device"),
            "{what}: {stderr}"
        );
    }
}

#[test]
fn standard_error_that_cannot_be_written_changes_nothing_but_the_message() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    // Commands that fail say why on standard error; with it full they still fail as they
    // would, without a panic.
    for (args, code) in [
        (vec!["check", "tests/fixtures/bad/bad-enum.ron"], 1),
        (vec!["check", "no-such-file.ron"], 2),
        (vec!["stats", "no-such-file.ron"], 2),
        (vec!["export", "no-such-file.ron", "-o", "x.svg"], 2),
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let (got, _) = run(&args, Stdio::null(), Stdio::from(full));
        assert_eq!(got, Some(code), "{args:?}");
    }
}

#[test]
fn control_characters_from_a_file_are_shown_not_sent_to_the_terminal() {
    // A map can no longer hold control characters, but a message quotes what it found.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    std::fs::write(
        &path,
        "(format: \"partnermap\", version: 1, actors: [(id: 1, name: \"A\", pinned: \"\u{1b}[31mred\u{7}\")])",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_partnermap"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("`pinned` must be true or false, found \"\\u{1b}[31mred\\u{7}\""),
        "{said}"
    );
    assert!(!said.contains('\u{1b}') && !said.contains('\u{7}'));
}

mod fuzz {
    //! The reader goes away after a random number of bytes, on standard output or on
    //! standard error: whatever the moment, each command ends with its normal exit, or
    //! quietly with 141 when its output was cut, and never panics.

    use std::io::Read;
    use std::process::{Command, Stdio};

    use proptest::prelude::*;

    fn cut_after(args: &[String], keep: usize, on_stderr: bool) -> (Option<i32>, String) {
        let (mut reader, writer) = std::io::pipe().unwrap();
        let mut command = Command::new(env!("CARGO_BIN_EXE_partnermap"));
        command.args(args);
        let other = if on_stderr {
            command.stderr(Stdio::from(writer)).stdout(Stdio::piped());
            "stdout"
        } else {
            command.stdout(Stdio::from(writer)).stderr(Stdio::piped());
            "stderr"
        };
        let child = command.spawn().expect("the binary runs");
        // The parent's copy of the writing end goes with `command`.
        drop(command);
        let mut kept = vec![0u8; keep];
        let mut got = 0;
        while got < keep {
            match reader.read(&mut kept[got..]) {
                Ok(0) | Err(_) => break,
                Ok(n) => got += n,
            }
        }
        drop(reader);
        let out = child.wait_with_output().unwrap();
        let said = if other == "stderr" {
            out.stderr
        } else {
            out.stdout
        };
        (
            out.status.code(),
            String::from_utf8_lossy(&said).into_owned(),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]

        #[test]
        fn a_reader_gone_at_any_moment_never_makes_a_command_panic(
            which in 0usize..7,
            keep in 0usize..400,
            on_stderr in any::<bool>(),
        ) {
            let dir = tempfile::tempdir().unwrap();
            let (what, args) = super::commands(dir.path()).swap_remove(which);
            let (code, said) = cut_after(&args, keep, on_stderr);
            prop_assert!(!said.contains("panicked"), "{what}: {said}");
            let normal = super::normal_exit(what);
            // A cut standard error changes nothing but the message; a cut output may end
            // the command as the pipe's signal would.
            let allowed: &[i32] = if on_stderr { &[normal] } else { &[normal, 141] };
            prop_assert!(
                code.is_some_and(|c| allowed.contains(&c)),
                "{what}, cut after {keep} bytes of {}: exit {code:?}; {said}",
                if on_stderr { "stderr" } else { "stdout" }
            );
        }
    }
}
