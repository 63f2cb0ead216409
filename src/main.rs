//! The `partnermap` binary: runs a command, or opens the window.

use std::process::ExitCode;

use clap::Parser;
use partnermap::cli::{Cli, run};

fn main() -> ExitCode {
    partnermap::app::mark_start();
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => partnermap::app::run_window(cli.file),
    }
}
