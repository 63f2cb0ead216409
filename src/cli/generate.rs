//! `partnermap generate`: a synthetic map for scale tests, with progress on stderr.

use std::path::Path;
use std::process::ExitCode;

use super::{finish_output, progress, to_stdout};
use crate::io;
use crate::task::Progress;

pub(super) fn generate(actors: usize, partnerships: usize, seed: u64, output: &Path) -> ExitCode {
    let progress = Progress::new();
    progress::reporting("generate", &progress, || {
        generate_with(actors, partnerships, seed, output, &progress)
    })
}

fn generate_with(
    actors: usize,
    partnerships: usize,
    seed: u64,
    output: &Path,
    progress: &Progress,
) -> ExitCode {
    progress.set_stage("generating the map");
    let project = match crate::generate::generate(actors, partnerships, seed) {
        Ok(p) => p,
        Err(e) => {
            warn!("partnermap generate: {e}");
            return ExitCode::from(2);
        }
    };
    progress.set_stage("writing the map");
    match io::save_path(&project, output) {
        Ok(()) => finish_output(
            "generate",
            to_stdout(format_args!(
                "wrote {} with {actors} actors and {partnerships} partnerships (seed {seed})",
                output.display()
            )),
            ExitCode::SUCCESS,
        ),
        Err(io::SaveError::TooLarge) => {
            warn!(
                "partnermap generate: {actors} actors and {partnerships} partnerships would make \
                 a file of more than {} MB, the most PartnerMap opens; nothing was written. \
                 Choose fewer",
                io::MAX_FILE_BYTES / 1024 / 1024
            );
            ExitCode::from(2)
        }
        Err(e) => {
            warn!("partnermap generate: {e}");
            ExitCode::from(1)
        }
    }
}
