//! `partnermap stats FILE [--snapshot NAME | --as-of DATE] [--json]`: every indicator of
//! design.md §5 for the working map, a snapshot it keeps, or the map as it stood on a day
//! (design.md §12).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{STATS_THREADS, finish_output, input, load_or_report, printable, progress, time};
use crate::analysis;
use crate::model::parse_partial_date;
use crate::task::Progress;

/// Which state of the map to report on: a snapshot's name, or a day.
pub(super) type Which<'a> = (Option<&'a str>, Option<&'a str>);

/// Runs `stats`, saying on standard error how far it is when it takes long.
pub(super) fn stats(file: &Path, json: bool, which: Which<'_>) -> ExitCode {
    let progress = Progress::new();
    progress::reporting("stats", &progress, || {
        stats_with(file, json, which, &progress)
    })
}

fn stats_with(
    file: &Path,
    json: bool,
    (snapshot, as_of): Which<'_>,
    progress: &Progress,
) -> ExitCode {
    // A day that is not a date is refused before the map is read.
    let day = match as_of.map(str::trim) {
        None => None,
        Some(d) => match parse_partial_date(d) {
            Ok(parts) => Some(parts),
            Err(reason) => {
                warn!("partnermap stats: --as-of \"{d}\" is not a date: {reason}; no statistics");
                return ExitCode::from(2);
            }
        },
    };
    progress.set_stage("reading the map");
    let project = match load_or_report(file, "no statistics") {
        Ok(project) => project,
        Err(code) => return code,
    };
    let project = match (snapshot, day) {
        (Some(name), _) => match time::state(&project, input(file), name) {
            Ok((_, p)) => p,
            Err(code) => return code,
        },
        (None, Some(day)) => analysis::time::as_of(&project, day),
        (None, None) => project,
    };
    progress.set_stage("betweenness");
    let sources = progress.counter(project.actors.len());
    let cancel = progress.cancel_flag();
    let betweenness = analysis::betweenness(&project, STATS_THREADS, cancel, sources);
    progress.set_stage("indicators");
    let indicators = analysis::compute(&project, betweenness.as_ref());
    progress.set_stage("writing");
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = if json {
        analysis::write_stats_json(&mut out, &project, &indicators).and_then(|()| writeln!(out))
    } else {
        out.write_all(printable(&analysis::stats_text(&project, &indicators)).as_bytes())
    };
    finish_output(
        "stats",
        written.and_then(|()| out.flush()),
        ExitCode::SUCCESS,
    )
}
