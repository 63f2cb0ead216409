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
