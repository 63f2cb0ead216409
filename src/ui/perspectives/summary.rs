//! What the Perspectives tab shows about the whole map, computed off the UI thread once per
//! document revision: the network indicators as each group sees the map, the network's
//! disagreement and the most contested partnerships.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use crate::analysis::perspective::{self, NetworkDisagreement};
use crate::analysis::{NetworkIndicators, compute};
use crate::model::{PartnershipId, Project};

/// How many partnerships the "most contested" list shows.
pub const CONTESTED: usize = 10;

/// The tab's figures for one revision of the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The map's own network indicators, then each perspective's, by name.
    pub columns: Vec<(String, NetworkIndicators)>,
    /// The network's disagreement.
    pub disagreement: NetworkDisagreement,
    /// The most contested partnerships, most first: id, "A – B", disagreement.
    pub contested: Vec<(PartnershipId, String, f64)>,
}

/// The figures of `project` (betweenness aside), worked out on two threads: the map's own
/// indicators and the first groups' on this one, the other groups' on a second.
pub fn summarise(project: &Project) -> Summary {
    let n = project.perspectives.len();
    let mine = n / 2;
    let (own, mut groups, others) = std::thread::scope(|s| {
        let others = s.spawn(|| perspective::indicators_of(project, mine..n));
        let own = compute(project, None);
        let groups = perspective::indicators_of(project, 0..mine);
        // A panic there is a bug; those groups are then left out, never made up.
        (own, groups, others.join().unwrap_or_default())
    });
    groups.extend(others);
    // The most contested, from the disagreements just computed.
    let contested = perspective::most_contested_of(
        own.partnerships.values().map(|p| (p.id, p.disagreement)),
        CONTESTED,
    );
    let own = own.network;
    let disagreement = NetworkDisagreement {
        mean: own.mean_disagreement,
        known: own.disagreement_known,
        coverage: own.disagreement_coverage,
    };
    let mut columns = vec![("Map".to_string(), own)];
    columns.extend(groups);
    let name = |id| project.actor(id).map_or("?", |a| a.short_or_name());
    let contested = contested
        .into_iter()
        .filter_map(|(id, d)| {
            let p = project.partnership(id)?;
            Some((id, format!("{} – {}", name(p.a), name(p.b)), d))
        })
        .collect();
    Summary {
        columns,
        disagreement,
        contested,
    }
}

/// The summary of the latest revision asked for, worked out on a worker thread.
#[derive(Default)]
pub struct SummaryCache {
    /// The revision of the summary shown, and the summary.
    shown: Option<(u64, Arc<Summary>)>,
    /// The revision being worked out, and where its result arrives.
    pending: Option<(u64, Receiver<Summary>)>,
}

impl SummaryCache {
    /// The summary to show for `revision` of `project`: the last one ready (possibly of an
    /// earlier revision), and whether it is current. Starts the work when needed; `wake` is
    /// called when it is done.
    pub fn get(
        &mut self,
        project: &Project,
        revision: u64,
        wake: impl FnOnce() + Send + 'static,
    ) -> (Option<Arc<Summary>>, bool) {
        if let Some((r, rx)) = &self.pending
            && let Ok(summary) = rx.try_recv()
        {
            self.shown = Some((*r, Arc::new(summary)));
            self.pending = None;
        }
        let current = self.shown.as_ref().is_some_and(|(r, _)| *r == revision);
        let asked = self.pending.as_ref().is_some_and(|(r, _)| *r == revision);
        if !current && !asked {
            let (tx, rx) = channel();
            let copy = project.clone();
            std::thread::spawn(move || {
                // The receiver may be gone (a newer revision asked for): nothing to do then.
                let _ = tx.send(summarise(&copy));
                wake();
            });
            self.pending = Some((revision, rx));
        }
        (self.shown.as_ref().map(|(_, s)| s.clone()), current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PartnershipScore, Perspective};

    #[test]
    fn the_summary_has_a_column_per_voice_and_lists_the_contested() {
        let mut p = crate::generate::generate(20, 30, 1).unwrap();
        let mut v = Perspective::named("Citizens");
        let id = *p.partnerships.keys().next().unwrap();
        p.partnerships.get_mut(&id).unwrap().trust_ab = Some(1);
        v.set_partnership_value(id, PartnershipScore::TrustAb, Some(5));
        p.perspectives.push(v);
        let s = summarise(&p);
        let names: Vec<&str> = s.columns.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Map", "Citizens"]);
        // Only that partnership has two voices on a score: trust 1 and 5, the whole scale.
        assert_eq!(s.contested.len(), 1);
        assert_eq!((s.contested[0].0, s.contested[0].2), (id, 1.0));
        assert_eq!((s.disagreement.known, s.disagreement.mean), (1, Some(1.0)));
    }

    #[test]
    fn the_cache_works_in_the_background_and_keeps_the_last_result() {
        let p = crate::generate::generate(10, 10, 2).unwrap();
        let mut cache = SummaryCache::default();
        let (first, current) = cache.get(&p, 1, || {});
        assert!(first.is_none() && !current);
        let mut done = None;
        for _ in 0..200 {
            std::thread::sleep(std::time::Duration::from_millis(10));
            let (s, current) = cache.get(&p, 1, || {});
            if current {
                done = s;
                break;
            }
        }
        assert!(done.is_some(), "the summary arrives");
        let (old, current) = cache.get(&p, 2, || {});
        assert!(
            old.is_some() && !current,
            "the last one is shown while the next is made"
        );
    }
}
