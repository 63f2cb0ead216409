//! The map over time in the window (design.md §12): which states are shown (a comparison, a
//! timeline step or the map as of a date), and the work that composes them and computes the
//! indicators of every state, off the UI thread so that the window stays responsive on the
//! stress map.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, channel};

use crate::analysis::time::{self, Composed, State};
use crate::analysis::trajectory::{Trajectory, trajectories};
use crate::analysis::{Indicators, NetworkIndicators, compute};
use crate::model::Project;
use crate::style::change::{ShownMarks, shown_marks};
use crate::style::trajectory::{Route, Way, routes};
use crate::typology::Framework;

/// The drawings of states get revisions of their own, far from the document's, so that the
/// canvas's geometry cache never mistakes one for the other.
static DRAWINGS: AtomicU64 = AtomicU64::new(1 << 62);

/// What the window is asked to show instead of the working map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeRequest {
    /// The earlier state, compared with the later; `None` shows the later state alone.
    pub from: Option<State>,
    /// The later state (or the one shown).
    pub to: State,
    /// Whether the actors of every other state are drawn too, faint (timeline steps and
    /// "as of", so that no actor moves from step to step).
    pub ghosts: bool,
}

impl TimeRequest {
    /// The comparison of `from` with `to`.
    pub fn compare(from: State, to: State) -> Self {
        Self {
            from: Some(from),
            to,
            ghosts: false,
        }
    }

    /// Step `k` of `timeline`: that state, with what changed since the step before.
    pub fn step(timeline: &[State], k: usize) -> Option<Self> {
        let to = timeline.get(k)?.clone();
        Some(Self {
            from: k.checked_sub(1).and_then(|j| timeline.get(j).cloned()),
            to,
            ghosts: true,
        })
    }

    /// The map as it stood on a day.
    pub fn as_of(date: crate::model::PartialDate) -> Self {
        Self {
            from: None,
            to: State::AsOf(date),
            ghosts: true,
        }
    }
}

/// Two states composed for the window, with their indicators.
pub struct TimeShown {
    /// What was asked.
    pub request: TimeRequest,
    /// The document revision it was made from.
    pub revision: u64,
    /// The drawing's own revision, for the canvas's caches.
    pub drawing_revision: u64,
    /// "Baseline, 2011" (or `None` when one state is shown alone).
    pub from_label: Option<String>,
    /// "now", "Endline, 2013", "as of 2012-06".
    pub to_label: String,
    /// The earlier state as a map (the later one again when shown alone).
    pub before: Project,
    /// The later state as a map.
    pub after: Project,
    /// The drawing and what changed.
    pub composed: Composed,
    /// Which marks the drawing has, for the legend.
    pub marks: ShownMarks,
    /// The indicators of the later state when it is not the working map (whose indicators
    /// the window keeps up to date), betweenness aside: the Indicators tab shows them, and a
    /// state as of a date joins the indicators over time with them.
    pub indicators: Option<Arc<Indicators>>,
    /// The lines of the change list.
    pub rows: Vec<super::ChangeRow>,
    /// Each item's points in the two states, per framework A–D (cut as the map says).
    pub paths: [Vec<Trajectory>; 4],
    /// The routes items moved along, the same route once, per framework A–D.
    pub moves: [Vec<Route>; 4],
}

impl TimeShown {
    /// The trajectories in `framework`.
    pub fn paths(&self, framework: Framework) -> &[Trajectory] {
        &self.paths[framework_index(framework)]
    }

    /// The routes items moved along in `framework`, each once.
    pub fn moves(&self, framework: Framework) -> &[Route] {
        &self.moves[framework_index(framework)]
    }

    /// The legend of what is drawn: the Change section, then actors and line widths.
    pub fn legend(
        &self,
        not_set: crate::style::legend::NotSet,
    ) -> Vec<crate::style::legend::LegendSection> {
        use crate::style::{change, legend};
        let Some(from) = &self.from_label else {
            // One state alone is drawn as the map is, its absent actors faint.
            let colour_by = self.after.settings.colour_by;
            let mut sections =
                legend::legend_sections(colour_by, crate::style::ViewEncoding::default(), not_set);
            let marks = change::ShownMarks {
                absent: self.marks.absent,
                ..change::ShownMarks::default()
            };
            let mut section = change::legend_section("", &self.to_label, &marks);
            section.heading = self.to_label.clone();
            for row in &mut section.rows {
                row.text = "not in this state".into();
            }
            sections.insert(0, section);
            return sections;
        };
        let section = change::legend_section(from, &self.to_label, &self.marks);
        change::comparison_legend(section, not_set)
    }
}

fn framework_index(framework: Framework) -> usize {
    Framework::ALL
        .iter()
        .position(|f| *f == framework)
        .unwrap_or(0)
}

/// The network indicators of every state of the map, in timeline order.
pub struct OverTime {
    /// The document revision they were computed for.
    pub revision: u64,
    /// Each state's label and network indicators.
    pub states: Vec<(String, NetworkIndicators)>,
}

/// Why a state could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unshowable(pub String);

/// What the background composition sends back.
type Made = Result<TimeShown, Unshowable>;

/// Composes what `request` asks of `project` (made at `revision`).
pub fn make(
    project: &Project,
    request: TimeRequest,
    revision: u64,
) -> Result<TimeShown, Unshowable> {
    let resolve = |s: &State| {
        s.resolve(project).ok_or_else(|| {
            Unshowable(match s {
                State::AsOf(d) => {
                    format!("\"{}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", d.0)
                }
                other => format!("the map keeps no snapshot named \"{}\"", other.name()),
            })
        })
    };
    // Both cores: the earlier state is read beside the later, and the trajectories are
    // found beside the drawing and its change list.
    let (after, before) = std::thread::scope(|scope| {
        let earlier = request
            .from
            .as_ref()
            .map(|s| scope.spawn(move || resolve(s)));
        let after = resolve(&request.to);
        let before = earlier.map(|job| {
            job.join()
                .unwrap_or_else(|_| Err(Unshowable("the earlier state could not be read".into())))
        });
        (after, before)
    });
    let after = after?;
    let before = match before {
        Some(b) => b?,
        None => after.clone(),
    };
    let (composed, rows, paths) = std::thread::scope(|scope| {
        let paths = scope.spawn(|| {
            Framework::ALL.map(|f| trajectories(&before, &after, f, f.cut(&project.settings)))
        });
        let composed = time::compose(project, &before, &after, request.ghosts);
        let rows = super::change_rows(&composed);
        let paths = paths.join().unwrap_or_default();
        (composed, rows, paths)
    });
    let mut composed = composed;
    if request.from.is_none() {
        // One state alone keeps the map's own colours; only absent actors are marked.
        composed.partnerships.clear();
    }
    let marks = shown_marks(composed.partnerships.values(), composed.actors.values());
    let moves = std::array::from_fn(|k| {
        let f = Framework::ALL[k];
        routes(&paths[k], &composed, f.places_actors())
            .into_iter()
            .filter(|r| r.way == Way::Moved)
            .collect()
    });
    let indicators = (request.to != State::Now).then(|| Arc::new(compute(&after, None)));
    Ok(TimeShown {
        rows,
        paths,
        moves,
        from_label: request.from.as_ref().map(|s| s.label(project)),
        to_label: request.to.label(project),
        request,
        revision,
        drawing_revision: DRAWINGS.fetch_add(1, Ordering::Relaxed),
        before,
        after,
        composed,
        marks,
        indicators,
    })
}

/// The network indicators of every state of `project` in timeline order (betweenness,
/// per actor, is left out: the network's indicators do not need it).
pub fn over_time(project: &Project, revision: u64) -> OverTime {
    let never = std::sync::atomic::AtomicBool::new(false);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let states = time::network_by_state(project, None, &never, &done)
        .unwrap_or_default()
        .into_iter()
        .map(|s| (s.state.label(project), s.indicators.network))
        .collect();
    OverTime { revision, states }
}

/// What is shown of the map over time, and the work under way.
#[derive(Default)]
pub struct TimeView {
    /// What is asked; `None` shows the working map.
    pub request: Option<TimeRequest>,
    /// The latest result (perhaps of an older revision while a new one is computed).
    pub shown: Option<Arc<TimeShown>>,
    /// Why the request could not be shown.
    pub problem: Option<String>,
    /// The indicators of every state, once asked for.
    pub over_time: Option<Arc<OverTime>>,
    /// Whether the indicators over time are wanted (their section is open).
    pub want_over_time: bool,
    job: Option<(TimeRequest, u64, Receiver<Made>)>,
    over_time_job: Option<(u64, Receiver<OverTime>)>,
}

impl TimeView {
    /// Shows `request` (or the working map, for `None`).
    pub fn ask(&mut self, request: Option<TimeRequest>) {
        if request.is_none() {
            self.shown = None;
            self.job = None;
        }
        self.problem = None;
        self.request = request;
    }

    /// Whether the window shows another state than the working map.
    pub fn is_on(&self) -> bool {
        self.request.is_some()
    }

    /// The result to draw: the one for the current request, once it has arrived.
    pub fn current(&self) -> Option<&Arc<TimeShown>> {
        let shown = self.shown.as_ref()?;
        (self.request.as_ref() == Some(&shown.request)).then_some(shown)
    }

    /// Whether work is under way.
    pub fn is_working(&self) -> bool {
        self.job.is_some() || self.over_time_job.is_some()
    }

    /// Collects results and starts the work that the request and the document's `revision`
    /// need, cloning `project` once per start; `wake` repaints when a result arrives.
    pub fn update(
        &mut self,
        project: &Project,
        revision: u64,
        wake: impl Fn() + Send + Sync + Clone + 'static,
    ) {
        if let Some((_, _, rx)) = &self.job
            && let Ok(result) = rx.try_recv()
        {
            self.job = None;
            match result {
                Ok(shown) => self.shown = Some(Arc::new(shown)),
                Err(Unshowable(why)) => {
                    self.problem = Some(why);
                    self.request = None;
                    self.shown = None;
                }
            }
        }
        if let Some((_, rx)) = &self.over_time_job
            && let Ok(result) = rx.try_recv()
        {
            self.over_time_job = None;
            self.over_time = Some(Arc::new(result));
        }
        if let Some(request) = &self.request {
            let fresh = self
                .shown
                .as_ref()
                .is_some_and(|s| &s.request == request && s.revision == revision);
            let running = self
                .job
                .as_ref()
                .is_some_and(|(r, rev, _)| r == request && *rev == revision);
            if !fresh && !running {
                let (tx, rx) = channel();
                let (map, asked, wake) = (project.clone(), request.clone(), wake.clone());
                std::thread::spawn(move || {
                    let _ = tx.send(make(&map, asked, revision));
                    wake();
                });
                self.job = Some((request.clone(), revision, rx));
            }
        }
        let stale = self
            .over_time
            .as_ref()
            .is_none_or(|o| o.revision != revision);
        let running = self
            .over_time_job
            .as_ref()
            .is_some_and(|(r, _)| *r == revision);
        if self.want_over_time && stale && !running {
            let (tx, rx) = channel();
            let map = project.clone();
            std::thread::spawn(move || {
                let _ = tx.send(over_time(&map, revision));
                wake();
            });
            self.over_time_job = Some((revision, rx));
        }
    }

    /// Waits for the work under way to finish (tests and benchmarks only).
    pub fn settle(&mut self, project: &Project, revision: u64) {
        for _ in 0..2000 {
            self.update(project, revision, || {});
            if !self.is_working() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeline_step_compares_with_the_step_before() {
        let timeline = [State::Snapshot("Baseline".into()), State::Now];
        let first = TimeRequest::step(&timeline, 0).unwrap();
        assert_eq!(first.from, None);
        let second = TimeRequest::step(&timeline, 1).unwrap();
        assert_eq!(second.from, Some(State::Snapshot("Baseline".into())));
        assert!(second.ghosts);
        assert!(TimeRequest::step(&timeline, 2).is_none());
    }

    #[test]
    fn an_unknown_snapshot_or_a_bad_date_says_why_and_shows_nothing() {
        let mut view = TimeView::default();
        let project = Project::new();
        view.ask(Some(TimeRequest::compare(
            State::Snapshot("Baseline".into()),
            State::Now,
        )));
        view.settle(&project, 1);
        assert!(!view.is_on());
        assert_eq!(
            view.problem.as_deref(),
            Some("the map keeps no snapshot named \"Baseline\"")
        );
        view.ask(Some(TimeRequest::as_of(crate::model::PartialDate(
            "2012-13".into(),
        ))));
        view.settle(&project, 1);
        assert!(view.problem.unwrap().contains("is not a date"));
    }
}
