//! The command line of design.md §9. Every command returns an exit code; none panics.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::sync::atomic::{AtomicBool, AtomicUsize};

use clap::{Parser, Subcommand};

use crate::analysis;
use crate::io::{self, LoadError};

/// PartnerMap: map partnerships between the actors of local governance.
#[derive(Debug, Parser)]
#[command(
    name = "partnermap",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A map to open in the window (else the last map, else the sample map).
    pub file: Option<PathBuf>,
    /// A command to run instead of opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a map file: exit 0 if valid, 1 listing every problem (line:column) if it is a
    /// PartnerMap file with problems, 2 if it cannot be read as a PartnerMap file at all.
    Check {
        /// The .ron map to check.
        file: PathBuf,
    },
    /// Print every indicator of design.md §5 (network, actors, partnerships, quadrants):
    /// a readable report, or JSON with `--json`. Exits 1 if the map has problems, 2 if it
    /// cannot be read as a PartnerMap file at all.
    Stats {
        /// The .ron map to analyse.
        file: PathBuf,
        /// Print JSON (the keys of design.md §5) instead of the report.
        #[arg(long)]
        json: bool,
    },
    /// Generate a synthetic map for scale tests: the same seed always gives the same file.
    Generate {
        /// How many actors.
        #[arg(long)]
        actors: usize,
        /// How many partnerships.
        #[arg(long)]
        partnerships: usize,
        /// The random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the map (.ron).
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// Runs a command, printing results to stdout and errors to stderr.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { file } => check(&file),
        Command::Stats { file, json } => stats(&file, json),
        Command::Generate {
            actors,
            partnerships,
            seed,
            output,
        } => generate(actors, partnerships, seed, &output),
    }
}

fn check(file: &Path) -> ExitCode {
    let shown = file.display();
    match io::load_path(file) {
        Ok(project) => {
            println!(
                "{shown}: valid map with {} actors and {} partnerships",
                project.actors.len(),
                project.partnerships.len()
            );
            ExitCode::SUCCESS
        }
        Err(LoadError::Invalid(problems)) => {
            let mut out = std::io::stdout().lock();
            for p in &problems {
                let _ = match p.location {
                    Some(l) => writeln!(out, "{shown}:{}:{}: {}", l.line, l.column, p.message()),
                    None => writeln!(out, "{shown}: {}", p.message()),
                };
            }
            let n = problems.len();
            eprintln!(
                "{shown}: invalid map: {n} problem{}",
                if n == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("{shown}: {e}");
            ExitCode::from(2)
        }
    }
}

/// How many worker threads compute betweenness for `stats`: the 2-core machines of
/// design.md §10.
const STATS_THREADS: usize = 2;

fn stats(file: &Path, json: bool) -> ExitCode {
    let shown = file.display();
    let project = match io::load_path(file) {
        Ok(project) => project,
        Err(LoadError::Invalid(problems)) => {
            let mut err = std::io::stderr().lock();
            for p in &problems {
                let _ = match p.location {
                    Some(l) => writeln!(err, "{shown}:{}:{}: {}", l.line, l.column, p.message()),
                    None => writeln!(err, "{shown}: {}", p.message()),
                };
            }
            let n = problems.len();
            let _ = writeln!(
                err,
                "{shown}: invalid map: {n} problem{}; no statistics",
                if n == 1 { "" } else { "s" }
            );
            return ExitCode::from(1);
        }
        Err(e) => {
            eprintln!("{shown}: {e}");
            return ExitCode::from(2);
        }
    };
    let cancel = AtomicBool::new(false);
    let progress = AtomicUsize::new(0);
    let betweenness = analysis::betweenness(&project, STATS_THREADS, &cancel, &progress);
    let indicators = analysis::compute(&project, betweenness.as_ref());
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &analysis::stats_json(&project, &indicators))
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        out.write_all(analysis::stats_text(&project, &indicators).as_bytes())
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("partnermap stats: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}

fn generate(actors: usize, partnerships: usize, seed: u64, output: &Path) -> ExitCode {
    let project = match crate::generate::generate(actors, partnerships, seed) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("partnermap generate: {e}");
            return ExitCode::from(2);
        }
    };
    match io::save_path(&project, output) {
        Ok(()) => {
            println!(
                "wrote {} with {actors} actors and {partnerships} partnerships (seed {seed})",
                output.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("partnermap generate: {e}");
            ExitCode::from(1)
        }
    }
}
