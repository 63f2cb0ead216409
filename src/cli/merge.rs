//! `partnermap merge FILE OTHER --as NAME -o OUT.ron`: another group's map merged into a map
//! as a perspective (design.md §9 and §13).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{finish_output, load_or_report, printable, to_stdout};
use crate::edit::merge::{self, Choices, MergeError};
use crate::io;

/// The options of `partnermap merge`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Actors are matched by id when both maps began as the same map (a copy of one file: they share \
its origin), else by name, forgiving case, accents, punctuation, short names and small typos; \
partnerships by the actors they join. Matches that may be wrong (names alike but not the same, \
an id whose name differs, parallel partnerships told apart by neither label nor functions) are \
listed and nothing is written, unless --accept-matches. Actors and partnerships only OTHER has \
are added by default, with new ids, OTHER's fields and its values both as the map's own and \
as the perspective's; --no-new leaves them out. Only OTHER's scores of matched items are \
merged: their names and other fields stay FILE's.")]
pub struct MergeArgs {
    /// The map to merge into (it is read, not changed, unless OUT names it).
    pub file: PathBuf,
    /// The other group's map (.ron).
    pub other: PathBuf,
    /// The new perspective's name (the group whose map OTHER is), not yet used in FILE.
    #[arg(long = "as", value_name = "NAME")]
    pub name: String,
    /// Where to write the merged map (.ron); an existing file is kept as OUT.bak.
    #[arg(short, long, value_name = "OUT.ron")]
    pub output: PathBuf,
    /// Take the matches that may be wrong as they are, instead of refusing with their list.
    #[arg(long)]
    pub accept_matches: bool,
    /// Leave out the actors and partnerships only OTHER has (they are added by default).
    #[arg(long)]
    pub no_new: bool,
}

/// Merges OTHER into FILE as a perspective and writes OUT atomically: exit 0 with a summary;
/// 1 for an invalid map, a name already used, matches in doubt or a merge that would leave
/// problems; 2 for a file that cannot be read as a map or a bad argument. Nothing is written
/// unless the merge succeeds.
pub fn merge(args: &MergeArgs) -> ExitCode {
    let nothing = "nothing was written";
    if !is_ron(&args.output) {
        warn!(
            "partnermap merge: {}: the merged map is a PartnerMap map: give OUT a .ron name; \
             {nothing}",
            args.output.display()
        );
        return ExitCode::from(2);
    }
    let mut base = match load_or_report(&args.file, nothing) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let other = match load_or_report(&args.other, nothing) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let plan = match merge::plan(&base, &other, &args.name) {
        Ok(plan) => plan,
        Err(e) => {
            warn!("partnermap merge: {e}; {nothing}");
            let code = match e {
                MergeError::NameUsed(_) => 1,
                _ => 2,
            };
            return ExitCode::from(code);
        }
    };
    let choices = Choices {
        no_new: args.no_new,
        ..Choices::default()
    };
    let resolved = plan.resolve(&base, &choices);
    let mut doubts: Vec<String> = plan
        .doubtful_actors()
        .map(|m| plan.actor_doubt_line(&base, m))
        .collect();
    doubts.extend(
        resolved
            .partnerships
            .iter()
            .filter(|m| m.found.doubt().is_some())
            .map(|m| plan.partnership_doubt_line(&base, m)),
    );
    if !doubts.is_empty() && !args.accept_matches {
        for line in &doubts {
            warn!("{line}");
        }
        let n = doubts.len();
        let (matches, are) = if n == 1 {
            ("match is", "it")
        } else {
            ("matches are", "them")
        };
        warn!(
            "partnermap merge: {n} {matches} in doubt (listed above); {nothing}. Check {are}, \
             then run again with --accept-matches to take {are}, or make the names the same \
             in one of the maps"
        );
        return ExitCode::from(1);
    }
    let summary = match plan.apply(&mut base, &choices) {
        Ok(summary) => summary,
        Err(e) => {
            warn!("partnermap merge: {e}; {nothing}");
            return ExitCode::from(1);
        }
    };
    for note in plan.notes.iter().chain(&resolved.notes) {
        warn!("partnermap merge: note: {note}");
    }
    write(args, &base, &plan, &summary, doubts.len())
}

/// Writes the merged map and says what the merge did.
fn write(
    args: &MergeArgs,
    merged: &crate::model::Project,
    plan: &merge::MergePlan,
    summary: &merge::Summary,
    accepted: usize,
) -> ExitCode {
    match io::save_path(merged, &args.output) {
        Ok(()) => {
            let by = if plan.shared_origin {
                "by id (the maps began as one)"
            } else {
                "by name"
            };
            let accepted = match accepted {
                0 => String::new(),
                1 => " (1 match in doubt accepted)".to_string(),
                n => format!(" ({n} matches in doubt accepted)"),
            };
            finish_output(
                "merge",
                to_stdout(format_args!(
                    "{}: merged {} as the perspective \"{}\", {by}: {summary}{accepted}; wrote {}",
                    args.file.display(),
                    args.other.display(),
                    printable(&plan.name),
                    args.output.display()
                )),
                ExitCode::SUCCESS,
            )
        }
        Err(e) => {
            warn!(
                "partnermap merge: {}: {e}; nothing was written",
                args.output.display()
            );
            ExitCode::from(1)
        }
    }
}

/// Whether `path` names a map file (`.ron`, in any case).
fn is_ron(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}
