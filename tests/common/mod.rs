//! Helpers shared by the command-line tests.

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
