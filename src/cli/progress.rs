//! How far a long command has come, said on standard error (design.md §10: every command on
//! a map within the limits finishes or shows progress). A command that ends within
//! [`QUIET_FOR`] says nothing; standard output carries only its result.

use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::Duration;

use crate::task::Progress;

/// A command that runs longer than this starts saying how far it is.
const QUIET_FOR: Duration = Duration::from_secs(2);
/// After that it says so at most this often, when what it says has changed.
const EVERY: Duration = Duration::from_secs(1);

/// Runs `work`, and while it runs longer than [`QUIET_FOR`] writes what `progress` says
/// to standard error at most every [`EVERY`], when that changed: "partnermap stats:
/// betweenness 40%". Like every message, a line that cannot be written is dropped.
pub(super) fn reporting<T>(command: &str, progress: &Progress, work: impl FnOnce() -> T) -> T {
    let (finished, wait) = channel::<()>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut last = String::new();
            let mut timeout = QUIET_FOR;
            // The sender is dropped when the work ends (or unwinds): the wait then stops.
            while wait.recv_timeout(timeout) == Err(RecvTimeoutError::Timeout) {
                timeout = EVERY;
                let now = describe(progress);
                if now != last {
                    super::to_stderr(format_args!("partnermap {command}: {now}"));
                    last = now;
                }
            }
        });
        let result = work();
        drop(finished);
        result
    })
}

/// "betweenness 40%", or "reading the map…" for a stage that does not count its steps.
fn describe(progress: &Progress) -> String {
    let stage = match progress.stage() {
        "" => "working",
        stage => stage,
    };
    let fraction = progress.fraction();
    if fraction > 0.0 {
        // Rounded down, so that 100% means done.
        format!("{stage} {}%", (fraction * 100.0).floor())
    } else {
        format!("{stage}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_the_stage_and_how_far_it_is() {
        let p = Progress::new();
        assert_eq!(describe(&p), "working…");
        p.set_stage("reading the map");
        assert_eq!(describe(&p), "reading the map…");
        p.set_stage("betweenness");
        p.counter(1000)
            .fetch_add(999, std::sync::atomic::Ordering::Relaxed);
        assert_eq!(describe(&p), "betweenness 99%");
    }

    #[test]
    fn quick_work_says_nothing_and_gives_its_result() {
        let p = Progress::new();
        assert_eq!(reporting("stats", &p, || 42), 42);
    }
}
