//! The commands of change over time (design.md §9 and §12): `snapshot` keeps a state of a
//! map in its file, `diff` says what changed between two states, and `stats --snapshot`
//! gives a snapshot's own indicators.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize};

use super::{STATS_THREADS, finish_output, load_or_report, printable, to_stdout};
use crate::analysis::time::State;
use crate::analysis::{self, change};
use crate::io;
use crate::model::{PartialDate, Project, Snapshot};

/// The options of `partnermap snapshot`.
#[derive(Debug, clap::Args)]
pub struct SnapshotArgs {
    /// The .ron map that keeps the snapshot.
    pub file: PathBuf,
    /// The snapshot's name ("Baseline"), not yet used in the map.
    pub name: String,
    /// When the map stood so: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,
    /// Take the state from another map file (last year's baseline kept in its own file)
    /// instead of FILE's current map.
    #[arg(long)]
    pub from: Option<PathBuf>,
}

/// The options of `partnermap diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The .ron map with snapshots.
    pub file: PathBuf,
    /// The earlier state: a snapshot's name.
    #[arg(long)]
    pub from: String,
    /// The later state: a snapshot's name, or `now` for the working map.
    #[arg(long, default_value = change::NOW)]
    pub to: String,
    /// Print JSON instead of the readable list.
    #[arg(long)]
    pub json: bool,
}

/// `partnermap snapshot FILE NAME [--date D] [--from OTHER]`: adds the snapshot and saves
/// FILE atomically, keeping a backup; any problem leaves the file untouched.
pub fn snapshot(args: &SnapshotArgs) -> ExitCode {
    let nothing = "nothing was changed";
    let mut project = match load_or_report(&args.file, nothing) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let shown = args.file.display();
    let name = crate::model::text::clean(args.name.trim()).into_owned();
    if name.is_empty() {
        warn!("partnermap snapshot: the snapshot needs a name; {nothing}");
        return ExitCode::from(2);
    }
    if let Some(old) = project.snapshot(&name) {
        warn!(
            "{shown}: a snapshot named \"{}\" is already kept; choose another name; {nothing}",
            old.name
        );
        return ExitCode::from(1);
    }
    let date = match &args.date {
        None => None,
        Some(d) => match crate::model::parse_partial_date(d.trim()) {
            Ok(_) => Some(PartialDate(d.trim().to_string())),
            Err(reason) => {
                warn!("partnermap snapshot: --date \"{d}\" is not a date: {reason}; {nothing}");
                return ExitCode::from(2);
            }
        },
    };
    let source = match &args.from {
        None => None,
        Some(other) => match load_or_report(other, nothing) {
            Ok(p) => Some(p),
            Err(code) => return code,
        },
    };
    let snapshot = Snapshot::of(source.as_ref().unwrap_or(&project), name, date);
    let label = snapshot.label();
    let (actors, partnerships) = (snapshot.actors.len(), snapshot.partnerships.len());
    project.snapshots.push(snapshot);
    match io::save_path(&project, &args.file) {
        Ok(()) => finish_output(
            "snapshot",
            to_stdout(format_args!(
                "{shown}: kept the snapshot \"{label}\" ({actors} actors, {partnerships} \
                 partnerships); the map holds {} snapshot{}",
                project.snapshots.len(),
                if project.snapshots.len() == 1 {
                    ""
                } else {
                    "s"
                }
            )),
            ExitCode::SUCCESS,
        ),
        Err(io::SaveError::Invalid(problems)) => {
            let _ = super::write_problems(&mut std::io::stderr().lock(), &args.file, &problems);
            warn!("{shown}: the snapshot would leave the map with problems; {nothing}");
            ExitCode::from(1)
        }
        Err(e) => {
            warn!("{shown}: {e}; {nothing}");
            ExitCode::from(1)
        }
    }
}

/// The state named `name` of `project` as a map of its own: a snapshot, or the working map
/// for `now`; an error names the snapshots there are.
pub(super) fn state(
    project: &Project,
    file: &Path,
    name: &str,
) -> Result<(String, Project), ExitCode> {
    let state = named_state(project, file, name)?;
    let map = state.resolve(project).ok_or(ExitCode::from(2))?;
    Ok((state.name(), map))
}

/// The state named `name` of `project`: a snapshot (its name as the map spells it), or now
/// for `now`; an error names the snapshots there are and exits with 2.
pub(super) fn named_state(project: &Project, file: &Path, name: &str) -> Result<State, ExitCode> {
    if name.trim().eq_ignore_ascii_case(change::NOW) {
        return Ok(State::Now);
    }
    match project.snapshot(name) {
        Some(s) => Ok(State::Snapshot(s.name.clone())),
        None => {
            let names: Vec<String> = project
                .snapshots_by_date()
                .iter()
                .map(|s| format!("\"{}\"", s.name))
                .collect();
            let there = if names.is_empty() {
                "it keeps no snapshots (partnermap snapshot FILE NAME takes one)".to_string()
            } else {
                format!("it keeps {}", names.join(", "))
            };
            warn!(
                "{}: no snapshot is named \"{name}\"; {there}",
                file.display()
            );
            Err(ExitCode::from(2))
        }
    }
}

/// The network indicators of `project` as `stats --json` gives them.
fn network(project: &Project) -> serde_json::Value {
    let cancel = AtomicBool::new(false);
    let progress = AtomicUsize::new(0);
    let betweenness = analysis::betweenness(project, STATS_THREADS, &cancel, &progress);
    let indicators = analysis::compute(project, betweenness.as_ref());
    analysis::stats_json(project, &indicators)["network"].clone()
}

/// `partnermap diff FILE --from NAME --to NAME|now [--json]`.
pub fn diff(args: &DiffArgs) -> ExitCode {
    let project = match load_or_report(&args.file, "nothing to compare") {
        Ok(p) => p,
        Err(code) => return code,
    };
    let ((from, before), (to, after)) = match (
        state(&project, &args.file, &args.from),
        state(&project, &args.file, &args.to),
    ) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let (na, nb) = (network(&before), network(&after));
    let c = change::compare(&before, &after, Some((&na, &nb)));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = if args.json {
        serde_json::to_writer_pretty(&mut out, &c.to_json(&from, &to))
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        let mut text = readable(&c, &before, &after, &from, &to);
        // What each snapshot rests on, and what in it is estimated, under the heading.
        let notes: String = [&from, &to]
            .iter()
            .filter_map(|name| project.snapshot(name))
            .filter(|s| !s.note.trim().is_empty())
            .map(|s| format!("{}: {}\n", s.name, s.note.trim()))
            .collect();
        if let Some(end) = text.find('\n') {
            text.insert_str(end + 1, &notes);
        }
        out.write_all(printable(&text).as_bytes())
    };
    finish_output(
        "diff",
        written.and_then(|()| out.flush()),
        ExitCode::SUCCESS,
    )
}

/// The readable list of changes: actors and partnerships added and removed by name, each
/// changed partnership with its fields and how it moved, then the indicators that moved.
fn readable(c: &change::Change, before: &Project, after: &Project, from: &str, to: &str) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let actor_name = |id: u64| {
        let id = crate::model::ActorId(id);
        after
            .actor(id)
            .or_else(|| before.actor(id))
            .map_or_else(|| format!("actor {}", id.0), |a| a.name.clone())
    };
    let link_name = |id: u64| {
        let id = crate::model::PartnershipId(id);
        let p = after.partnership(id).or_else(|| before.partnership(id));
        p.map_or_else(
            || format!("partnership {}", id.0),
            |p| format!("{} – {}", actor_name(p.a.0), actor_name(p.b.0)),
        )
    };
    let _ = writeln!(s, "Changes from {from} to {to}");

    let list = |s: &mut String, title: &str, ids: &[u64], name: &dyn Fn(u64) -> String| {
        if !ids.is_empty() {
            let _ = writeln!(s, "\n{title} ({}):", ids.len());
            for id in ids {
                let _ = writeln!(s, "  {id:>5}  {}", name(*id));
            }
        }
    };
    list(&mut s, "Actors added", &c.actors.added, &actor_name);
    list(&mut s, "Actors removed", &c.actors.removed, &actor_name);
    list(
        &mut s,
        "Partnerships added",
        &c.partnerships.added,
        &link_name,
    );
    list(
        &mut s,
        "Partnerships ended",
        &c.partnerships.removed,
        &link_name,
    );
    for (title, items, name) in [
        (
            "Actors changed",
            &c.actors.changed,
            &actor_name as &dyn Fn(u64) -> String,
        ),
        ("Partnerships changed", &c.partnerships.changed, &link_name),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{title} ({}):", items.len());
        for (id, fields) in items {
            let moved = c.movements.get(id).map(words).unwrap_or_default();
            let _ = writeln!(s, "  {id:>5}  {}{moved}", name(*id));
            for (field, (a, b)) in fields {
                let _ = writeln!(s, "         {field}: {} → {}", value(a), value(b));
            }
        }
    }
    let mut moved = Vec::new();
    for (k, (a, b)) in &c.network {
        flat_changes(k, a, b, &mut moved);
    }
    if !moved.is_empty() {
        let _ = writeln!(s, "\nNetwork indicators that moved:");
        for (k, a, b) in moved {
            let _ = writeln!(s, "  {k}: {} → {}", value(&a), value(&b));
        }
    }
    if c.actors == change::ItemChanges::default()
        && c.partnerships == change::ItemChanges::default()
    {
        let _ = writeln!(s, "\nNothing changed.");
    }
    s
}

/// The values under `key` that differ between `a` and `b`, nested objects (counts by form,
/// by quadrant) named with dots: `form_counts.Integrated`.
fn flat_changes(
    key: &str,
    a: &serde_json::Value,
    b: &serde_json::Value,
    out: &mut Vec<(String, serde_json::Value, serde_json::Value)>,
) {
    use serde_json::Value;
    if a == b {
        return;
    }
    if let (Value::Object(x), Value::Object(y)) = (a, b) {
        let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
        for k in keys {
            let (p, q) = (
                x.get(k).cloned().unwrap_or(Value::Null),
                y.get(k).cloned().unwrap_or(Value::Null),
            );
            flat_changes(&format!("{key}.{k}"), &p, &q, out);
        }
    } else {
        out.push((key.to_string(), a.clone(), b.clone()));
    }
}

/// How a partnership moved, in words: " (deepened; trust rose)".
fn words(m: &change::Movement) -> String {
    let mut w = Vec::new();
    match m.form {
        1 => w.push("deepened"),
        -1 => w.push("weakened in form"),
        _ => {}
    }
    match m.formality {
        1 => w.push("more formal"),
        -1 => w.push("less formal"),
        _ => {}
    }
    match m.trust {
        1 => w.push("trust rose"),
        -1 => w.push("trust fell"),
        _ => {}
    }
    if m.power != 0 {
        w.push("power shifted");
    }
    if w.is_empty() {
        String::new()
    } else {
        format!(" ({})", w.join("; "))
    }
}

/// A field's value as a person reads it: a text without quotes, "not set" for null.
fn value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "not set".into(),
        serde_json::Value::String(t) => t.clone(),
        serde_json::Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() != 0.0 => format!("{f:.3}"),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}
