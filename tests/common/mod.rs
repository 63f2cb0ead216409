//! Helpers shared by the tests: the command line, tools that read what it writes, and the
//! map as the exchange formats carry it.

use std::process::{Command, Output};

/// Runs the `partnermap` binary with `args`.
pub fn partnermap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_partnermap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Everything the command printed, stdout then stderr.
pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// `project` as GraphML, GEXF, the CSV tables and the XLSX workbook carry it: the map as it
/// is now, without its snapshots, which only the project file (RON) and the JSON export
/// keep (the tables of change over time are computed from them, not the snapshots). A round
/// trip through those formats brings this back, not the whole project.
pub fn without_snapshots(mut project: partnermap::model::Project) -> partnermap::model::Project {
    project.snapshots.clear();
    project
}

/// Whether CI asks every outside tool to be there (`PARTNERMAP_REQUIRE_TOOLS=1`): a test
/// then fails where it would skip on a developer's machine.
pub fn tools_required() -> bool {
    std::env::var("PARTNERMAP_REQUIRE_TOOLS").is_ok_and(|v| v == "1")
}

/// Skips a check whose `tool` is missing, with a note; fails instead when CI requires the
/// tools. Gives `None` so callers can `?`-return.
fn missing<T>(tool: &str, check: &str) -> Option<T> {
    assert!(
        !tools_required(),
        "{tool} is required (PARTNERMAP_REQUIRE_TOOLS=1) but is not installed"
    );
    println!("note: {tool} is not installed; the {check} check is skipped");
    None
}

/// A Python that imports `module`: `python3` on the PATH, else the system's
/// `/usr/bin/python3` (Debian's python3-networkx and python3-igraph install there, while the
/// PATH may lead to another Python). `None`, after a note, when neither does (a failure
/// when CI requires the tools).
pub fn python_with(module: &str) -> Option<&'static str> {
    for python in ["python3", "/usr/bin/python3"] {
        let found = Command::new(python)
            .args(["-c", &format!("import {module}")])
            .output()
            .is_ok_and(|o| o.status.success());
        if found {
            return Some(python);
        }
    }
    missing(&format!("python3 with {module}"), module)
}

/// Whether a Python with networkx is installed (see [`python_with`]).
pub fn has_networkx() -> bool {
    python_with("networkx").is_some()
}

/// Runs the Python `script` with `args` in a Python that has networkx and returns what it
/// printed; panics with its error output when it fails.
pub fn python(script: &str, args: &[&std::path::Path]) -> Vec<u8> {
    run_python(python_with("networkx").unwrap_or("python3"), script, args)
}

/// Runs the Python `script` with `args` in `python` and returns what it printed; panics with
/// its error output when it fails.
pub fn run_python(python: &str, script: &str, args: &[&std::path::Path]) -> Vec<u8> {
    let out = Command::new(python)
        .args(["-c", script])
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// What `xmllint --schema` says of `file` against `schema`: `Some(Ok)` when it validates,
/// `Some(Err(messages))` when it does not; `None`, after a note, when xmllint
/// (libxml2-utils) is not installed (a failure when CI requires the tools).
pub fn xmllint(schema: &std::path::Path, file: &std::path::Path) -> Option<Result<(), String>> {
    match Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema)
        .arg(file)
        .output()
    {
        Ok(out) if out.status.success() => Some(Ok(())),
        Ok(out) => Some(Err(text(&out))),
        Err(_) => missing("xmllint (libxml2-utils)", "schema"),
    }
}

/// The text poppler's `pdftotext` reads from `pdf`, in reading order. `None`, after a note,
/// when pdftotext is not installed; but with `PARTNERMAP_REQUIRE_TOOLS=1` (as CI sets it) a
/// missing pdftotext fails the test instead of skipping it.
pub fn pdftotext(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("picture.pdf");
    std::fs::write(&path, pdf).expect("the PDF is written");
    match Command::new("pdftotext").arg(&path).arg("-").output() {
        Ok(out) => {
            assert!(out.status.success(), "pdftotext failed: {}", text(&out));
            Some(String::from_utf8(out.stdout).expect("pdftotext writes UTF-8"))
        }
        Err(e) => {
            let required = std::env::var("PARTNERMAP_REQUIRE_TOOLS").is_ok_and(|v| v == "1");
            assert!(
                !required,
                "pdftotext (poppler-utils) is required (PARTNERMAP_REQUIRE_TOOLS=1) but cannot run: {e}"
            );
            println!(
                "note: pdftotext (poppler-utils) is not installed; the PDF text check is skipped"
            );
            None
        }
    }
}

/// Whether `text` holds `name`: its characters, spaces and direction marks left out of both,
/// stand together somewhere in `text`, in any order. pdftotext gives Khmer clusters in the
/// order their glyphs stand on the page (a vowel written before its consonant comes first)
/// and Arabic with direction marks, so the letters are compared and not their order.
pub fn holds_letters_of(text: &str, name: &str) -> bool {
    let letters = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
            .collect()
    };
    let (hay, mut want) = (letters(text), letters(name));
    want.sort_unstable();
    hay.windows(want.len().max(1)).any(|w| {
        let mut w = w.to_vec();
        w.sort_unstable();
        w == want
    })
}

/// Runs the program `program` (from the Debian package `package`) with `args` and the
/// environment `env`, and returns what it did. `None`, after a note, when it is not
/// installed; but with `PARTNERMAP_REQUIRE_TOOLS=1` (as CI sets it) a missing program fails
/// the test instead of skipping it.
pub fn tool(program: &str, package: &str, args: &[&str], env: &[(&str, &str)]) -> Option<Output> {
    match Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .output()
    {
        Ok(out) => Some(out),
        Err(e) => {
            let required = std::env::var("PARTNERMAP_REQUIRE_TOOLS").is_ok_and(|v| v == "1");
            assert!(
                !required,
                "{program} ({package}) is required (PARTNERMAP_REQUIRE_TOOLS=1) but cannot run: {e}"
            );
            println!("note: {program} ({package}) is not installed; its check is skipped");
            None
        }
    }
}

/// `text` without the direction marks and isolates that PDF readers put around right-to-left
/// runs (pdftotext wraps them in U+202B … U+202C), so that names can be compared whole.
pub fn without_direction_marks(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}
