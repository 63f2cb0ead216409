//! `partnermap stats FILE [--snapshot NAME | --as-of DATE | --perspective NAME] [--json]`:
//! every indicator of design.md §5 for the working map, a snapshot it keeps, the map as it
//! stood on a day (design.md §12), or the map as one of its perspectives sees it (§13).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{STATS_THREADS, finish_output, input, load_or_report, printable, progress, time};
use crate::analysis;
use crate::model::{Project, parse_partial_date};
use crate::task::Progress;

/// Which state of the map to report on: a snapshot's name, a day, or a perspective's name
/// (at most one of them; the command line refuses more).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Which<'a> {
    /// `--snapshot NAME`.
    pub(super) snapshot: Option<&'a str>,
    /// `--as-of DATE`.
    pub(super) as_of: Option<&'a str>,
    /// `--perspective NAME`.
    pub(super) perspective: Option<&'a str>,
}

/// Runs `stats`, saying on standard error how far it is when it takes long.
pub(super) fn stats(file: &Path, json: bool, which: Which<'_>) -> ExitCode {
    let progress = Progress::new();
    progress::reporting("stats", &progress, || {
        stats_with(file, json, which, &progress)
    })
}

fn stats_with(file: &Path, json: bool, which: Which<'_>, progress: &Progress) -> ExitCode {
    // A day that is not a date is refused before the map is read.
    let day = match which.as_of.map(str::trim) {
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
    let mut seen_by = None;
    let project = match (which.snapshot, day, which.perspective) {
        (Some(name), _, _) => match time::state(&project, input(file), name) {
            Ok((_, p)) => p,
            Err(code) => return code,
        },
        (None, Some(day), _) => analysis::time::as_of(&project, day),
        (None, None, Some(name)) => match perspective(&project, input(file), name) {
            Ok((seen, about)) => {
                seen_by = Some(about);
                seen
            }
            Err(code) => return code,
        },
        (None, None, None) => project,
    };
    progress.set_stage("betweenness");
    let sources = progress.counter(project.actors.len());
    let cancel = progress.cancel_flag();
    let betweenness = analysis::betweenness(&project, STATS_THREADS, cancel, sources);
    progress.set_stage("indicators");
    let indicators = analysis::compute(&project, betweenness.as_ref());
    progress.set_stage("writing");
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match (&seen_by, json) {
        (Some(about), true) => {
            analysis::write_stats_json_as_seen(&mut out, &project, &indicators, &about.json)
                .and_then(|()| writeln!(out))
        }
        (None, true) => {
            analysis::write_stats_json(&mut out, &project, &indicators).and_then(|()| writeln!(out))
        }
        (Some(about), false) => {
            let text = format!(
                "{}\n\n{}",
                about.text,
                analysis::stats_text(&project, &indicators)
            );
            out.write_all(printable(&text).as_bytes())
        }
        (None, false) => {
            out.write_all(printable(&analysis::stats_text(&project, &indicators)).as_bytes())
        }
    };
    finish_output(
        "stats",
        written.and_then(|()| out.flush()),
        ExitCode::SUCCESS,
    )
}

/// What the report says about the perspective it is seen by.
struct SeenBy {
    /// The line over the text report: whose values these are.
    text: String,
    /// The `perspective` object of the JSON.
    json: serde_json::Value,
}

/// The map as the perspective `name` sees it, and what to say about that; an unknown name
/// exits with 2 and a message naming the perspectives the map has.
fn perspective(project: &Project, file: &Path, name: &str) -> Result<(Project, SeenBy), ExitCode> {
    let wanted = name.trim();
    let index = project
        .perspectives
        .iter()
        .position(|p| p.name.trim().eq_ignore_ascii_case(wanted));
    let seen = index.and_then(|i| {
        Some((
            i,
            project.as_seen_by(i)?,
            analysis::perspective::own_values(project, i)?,
        ))
    });
    let Some((index, seen, own)) = seen else {
        let names: Vec<String> = project
            .perspectives
            .iter()
            .map(|p| format!("\"{}\"", p.name))
            .collect();
        let there = if names.is_empty() {
            "it has no perspectives (partnermap merge FILE OTHER --as NAME makes one of \
             another group's map, and the window's rating sheet records a group's values)"
                .to_string()
        } else {
            format!("it has {}", names.join(", "))
        };
        warn!(
            "{}: no perspective is named \"{name}\"; {there}",
            file.display()
        );
        return Err(ExitCode::from(2));
    };
    let view = &project.perspectives[index];
    let counts = |list: &[(&'static str, usize)]| -> serde_json::Map<String, serde_json::Value> {
        list.iter()
            .map(|(field, n)| ((*field).to_string(), (*n).into()))
            .collect()
    };
    let json = serde_json::json!({
        "name": view.name,
        "note": view.note,
        "own_values": {
            "actors": counts(&own.actors),
            "partnerships": counts(&own.partnerships),
            "actor_count": own.actor_count,
            "partnership_count": own.partnership_count,
        },
        "summary": own.describe(&view.name),
    });
    let mut text = format!(
        "Perspective: {} (its values where it gave them, the map's elsewhere)\n{}",
        view.name,
        own.describe(&view.name)
    );
    if !view.note.trim().is_empty() {
        text.push_str(&format!("\n{}", view.note.trim()));
    }
    Ok((seen, SeenBy { text, json }))
}
