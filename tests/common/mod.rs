//! Helpers shared by the tests: the command line, and tools that read what it writes.

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

/// Whether python3 with networkx is installed; says that the networkx check is skipped when
/// it is not.
pub fn has_networkx() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("note: python3 with networkx is not installed; the networkx check is skipped");
    }
    found
}

/// Runs the Python `script` with `args` and returns what it printed; panics with its
/// error output when it fails.
pub fn python(script: &str, args: &[&std::path::Path]) -> Vec<u8> {
    let out = Command::new("python3")
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
