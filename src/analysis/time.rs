//! The states of a map over time (design.md §12): its snapshots and "now" in date order, the
//! map as it stood on a chosen date, and two states composed into one drawing in which every
//! actor keeps its place and each item carries what changed.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize};

use crate::model::{ActorId, DateParts, PartialDate, PartnershipId, Project, Snapshot};

use super::change::{self, Movement};
use super::{Indicators, NetworkIndicators};

/// One state of a map.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum State {
    /// The working map.
    Now,
    /// A snapshot, by name.
    Snapshot(String),
    /// The map as it stood on a day (see [`as_of`]).
    AsOf(PartialDate),
}

impl State {
    /// "now", the snapshot's name, or "as of 2012-06".
    pub fn name(&self) -> String {
        match self {
            State::Now => change::NOW.to_string(),
            State::Snapshot(name) => name.clone(),
            State::AsOf(d) => format!("as of {}", d.0),
        }
    }

    /// The state's label with its date where it has one: "Baseline, 2012-06", "now".
    pub fn label(&self, project: &Project) -> String {
        match self {
            State::Snapshot(name) => project
                .snapshot(name)
                .map_or_else(|| name.clone(), Snapshot::label),
            other => other.name(),
        }
    }

    /// The state as a map of its own, or `None` for a snapshot the map does not keep or a
    /// date that is not a date.
    pub fn resolve(&self, project: &Project) -> Option<Project> {
        match self {
            State::Now => Some(working_map(project)),
            State::Snapshot(name) => Some(project.snapshot(name)?.to_project(project)),
            State::AsOf(d) => Some(as_of(project, d.parse().ok()?)),
        }
    }
}

/// The working map of `project` without its snapshots (not copied, unlike a whole clone).
pub fn working_map(project: &Project) -> Project {
    Project {
        meta: project.meta.clone(),
        settings: project.settings,
        actors: project.actors.clone(),
        partnerships: project.partnerships.clone(),
        next_ids: project.next_ids,
        snapshots: Vec::new(),
        perspectives: Vec::new(),
    }
}

/// The states of `project` in date order: its snapshots (undated ones after the dated, in
/// file order), then now.
pub fn timeline(project: &Project) -> Vec<State> {
    project
        .snapshots_by_date()
        .into_iter()
        .map(|s| State::Snapshot(s.name.clone()))
        .chain([State::Now])
        .collect()
}

/// The indicators of one state of a map: a row of the "indicators over time" table.
#[derive(Clone, Debug, PartialEq)]
pub struct StateIndicators {
    /// The state.
    pub state: State,
    /// Its date: a snapshot's, if it has one; `None` for now.
    pub date: Option<PartialDate>,
    /// Every indicator of the state, betweenness included when asked; `indicators.network` holds the
    /// network indicators, as `stats --snapshot NAME` gives them.
    pub indicators: Indicators,
}

impl StateIndicators {
    /// The state's network indicators.
    pub fn network(&self) -> &NetworkIndicators {
        &self.indicators.network
    }
}

/// The indicators of every state of `project` in [`timeline`] order, ending with now: what
/// the window's "indicators over time" table, the `indicators_by_state.csv` table and the
/// report's Change section show. With `threads`, each state's betweenness is computed by
/// [`super::betweenness`] on that many workers, so that each row is what `partnermap stats
/// --snapshot NAME` gives for that state; without, betweenness is left out (the network
/// indicators do not need it: the window's table).
///
/// Meant to run off the UI thread: `progress` grows by each state's actors as its
/// betweenness is worked through (the states' actors summed is the whole), and once
/// `cancel` is set the function returns `None`.
pub fn network_by_state(
    project: &Project,
    threads: Option<usize>,
    cancel: &AtomicBool,
    progress: &AtomicUsize,
) -> Option<Vec<StateIndicators>> {
    let mut out = Vec::new();
    for state in timeline(project) {
        // Every state of the timeline resolves: its snapshots are the map's own.
        let Some(map) = state.resolve(project) else {
            continue;
        };
        let betweenness = match threads {
            Some(threads) => Some(super::betweenness(&map, threads, cancel, progress)?),
            None => None,
        };
        let date = match &state {
            State::Snapshot(name) => project.snapshot(name).and_then(|s| s.date.clone()),
            State::AsOf(d) => Some(d.clone()),
            State::Now => None,
        };
        out.push(StateIndicators {
            indicators: super::compute(&map, betweenness.as_ref()),
            state,
            date,
        });
    }
    Some(out)
}

/// How many actors the states of `project` hold in all: where the progress of
/// [`network_by_state`] ends.
pub fn actors_in_all_states(project: &Project) -> usize {
    project
        .snapshots
        .iter()
        .map(|s| s.actors.len())
        .sum::<usize>()
        + project.actors.len()
}

/// Whether the span `start`–`end` (either may be unknown or not a date) covers `day`: it
/// started on or before the day's end and had not ended before the day's start.
fn covers(start: Option<&PartialDate>, end: Option<&PartialDate>, day: DateParts) -> bool {
    let started = start
        .and_then(|s| s.parse().ok())
        .is_none_or(|s| s.earliest() <= day.latest());
    let going = end
        .and_then(|e| e.parse().ok())
        .is_none_or(|e| e.latest() >= day.earliest());
    started && going
}

/// The state whose items stand for `day` where dates say nothing: the latest snapshot dated
/// on or before it, or the working map when the day is after every dated snapshot (the
/// working map is taken to be current), or the earliest snapshot when it is before them all.
fn standing_on(project: &Project, day: DateParts) -> Project {
    let dated: Vec<(&Snapshot, DateParts)> = project
        .snapshots_by_date()
        .into_iter()
        .filter_map(|s| Some((s, s.date.as_ref()?.parse().ok()?)))
        .collect();
    let Some(last) = dated.last() else {
        return working_map(project);
    };
    if day.earliest() > last.1.latest() {
        return working_map(project);
    }
    let on_or_before = dated
        .iter()
        .rev()
        .find(|(_, d)| d.earliest() <= day.latest())
        .or(dated.first());
    on_or_before.map_or_else(Project::default, |(s, _)| s.to_project(project))
}

/// The map as it stood on `day` (design.md §12, "as of date").
///
/// A partnership with a start or end date stands when its dates cover the day, with the
/// values of the state standing for the day if it is there, else of the latest state that
/// has it; a partnership without dates stands when that state has it. The state standing
/// for the day is the latest snapshot dated on or before it, or the working map after every
/// dated snapshot. Actors stand when that state has them or a standing partnership needs
/// them. Every actor keeps its place in the working map.
pub fn as_of(project: &Project, day: DateParts) -> Project {
    let standing = standing_on(project, day);
    let latest = latest_versions(project);
    let mut out = standing.clone();
    out.snapshots.clear();
    out.partnerships.clear();
    for (id, p) in &latest.partnerships {
        let version = standing.partnerships.get(id).unwrap_or(p);
        let dated = version.start.is_some() || version.end.is_some();
        let stands = if dated {
            covers(version.start.as_ref(), version.end.as_ref(), day)
        } else {
            standing.partnerships.contains_key(id)
        };
        if stands {
            out.partnerships.insert(*id, version.clone());
        }
    }
    for p in out.partnerships.values() {
        for end in [p.a, p.b] {
            if !out.actors.contains_key(&end)
                && let Some(a) = latest.actors.get(&end)
            {
                out.actors.insert(end, a.clone());
            }
        }
    }
    place_as_now(&mut out, project);
    out
}

/// Every actor and partnership any state of `project` holds, each in its latest version:
/// the working map's, else that of the latest snapshot (in date order) holding it.
pub fn latest_versions(project: &Project) -> Project {
    let mut out = working_map(project);
    for s in project.snapshots_by_date().into_iter().rev() {
        for a in &s.actors {
            out.actors.entry(a.id).or_insert_with(|| a.clone());
        }
        for p in &s.partnerships {
            out.partnerships.entry(p.id).or_insert_with(|| p.clone());
        }
    }
    out
}

/// Moves every actor of `map` to its place in `project`'s working map, or for an actor no
/// longer there, in the latest snapshot holding it: so that every state is drawn with each
/// actor in one place.
fn place_as_now(map: &mut Project, project: &Project) {
    let mut later: Vec<&Snapshot> = Vec::new();
    for a in map.actors.values_mut() {
        if let Some(now) = project.actors.get(&a.id) {
            a.position = now.position;
            continue;
        }
        if later.is_empty() {
            later = project.snapshots_by_date();
            later.reverse();
        }
        if let Some(p) = later
            .iter()
            .find_map(|s| s.actors.iter().find(|x| x.id == a.id))
        {
            a.position = p.position;
        }
    }
}

/// Whether an item is in the earlier state, the later one or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// In both states.
    Both,
    /// Only in the later state.
    Added,
    /// Only in the earlier state (removed, or ended).
    Removed,
    /// In neither, but in another state of the map: drawn faintly where it stands.
    Absent,
}

/// How a partnership in both states moved in form and formality together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// Neither form nor formality moved.
    Same,
    /// Deeper or more formal, and neither went back.
    Deepened,
    /// Shallower or less formal, and neither went forward.
    Weakened,
    /// One went forward and the other back.
    Mixed,
}

impl Depth {
    /// The combined move of form and formality in `m`.
    pub fn of(m: Movement) -> Self {
        let up = m.form > 0 || m.formality > 0;
        let down = m.form < 0 || m.formality < 0;
        match (up, down) {
            (false, false) => Depth::Same,
            (true, false) => Depth::Deepened,
            (false, true) => Depth::Weakened,
            (true, true) => Depth::Mixed,
        }
    }
}

/// What changed of one partnership between the two states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EdgeChange {
    /// In which states it is.
    pub presence: Presence,
    /// How its form and formality moved (when in both).
    pub depth: Depth,
    /// Its trust, its power, its form and formality, each up (+1), down (−1) or not moved.
    pub movement: Movement,
}

/// Two states drawn as one: every actor and partnership of either (and, for a timeline, the
/// actors of every state), each where the working map places it, with what changed.
#[derive(Clone, Debug, Default)]
pub struct Composed {
    /// The drawing: the later state's items, the earlier state's removed ones, and absent
    /// actors, all placed as in the working map.
    pub project: Project,
    /// What happened to each actor.
    pub actors: BTreeMap<ActorId, Presence>,
    /// What happened to each partnership.
    pub partnerships: BTreeMap<PartnershipId, EdgeChange>,
    /// The field-by-field comparison.
    pub change: change::Change,
}

impl Composed {
    /// How many actors and partnerships were added, removed, or changed in some field.
    pub fn counts(&self) -> ChangeCounts {
        let c = &self.change;
        let mut counts = ChangeCounts {
            actors_added: c.actors.added.len(),
            actors_removed: c.actors.removed.len(),
            actors_changed: c.actors.changed.len(),
            added: c.partnerships.added.len(),
            ended: c.partnerships.removed.len(),
            ..ChangeCounts::default()
        };
        for e in self.partnerships.values() {
            match e.depth {
                Depth::Deepened => counts.deepened += 1,
                Depth::Weakened => counts.weakened += 1,
                Depth::Mixed => counts.mixed += 1,
                Depth::Same => {}
            }
            counts.trust_rose += usize::from(e.movement.trust > 0);
            counts.trust_fell += usize::from(e.movement.trust < 0);
            counts.power_moved += usize::from(e.movement.power != 0);
        }
        counts
    }
}

/// How many items changed in each way between two states.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChangeCounts {
    /// Actors only in the later state.
    pub actors_added: usize,
    /// Actors only in the earlier state.
    pub actors_removed: usize,
    /// Actors in both with some field changed.
    pub actors_changed: usize,
    /// Partnerships only in the later state.
    pub added: usize,
    /// Partnerships only in the earlier state.
    pub ended: usize,
    /// Partnerships deeper or more formal.
    pub deepened: usize,
    /// Partnerships shallower or less formal.
    pub weakened: usize,
    /// Partnerships deeper in one and shallower in the other.
    pub mixed: usize,
    /// Partnerships whose trust rose.
    pub trust_rose: usize,
    /// Partnerships whose trust fell.
    pub trust_fell: usize,
    /// Partnerships whose balance of power moved.
    pub power_moved: usize,
}

/// Composes `before` and `after`, two states of `project`, into one drawing. With `ghosts`,
/// actors of `project`'s other states are drawn too, marked absent, so that a timeline
/// keeps every actor in its place from step to step.
pub fn compose(project: &Project, before: &Project, after: &Project, ghosts: bool) -> Composed {
    let change = change::compare(before, after, None);
    let mut drawing = working_map(after);
    let mut actors: BTreeMap<ActorId, Presence> = BTreeMap::new();
    for id in after.actors.keys() {
        let presence = if before.actors.contains_key(id) {
            Presence::Both
        } else {
            Presence::Added
        };
        actors.insert(*id, presence);
    }
    for (id, a) in &before.actors {
        if !after.actors.contains_key(id) {
            drawing.actors.insert(*id, a.clone());
            actors.insert(*id, Presence::Removed);
        }
    }
    if ghosts {
        let everyone = project
            .actors
            .values()
            .chain(project.snapshots.iter().flat_map(|s| s.actors.iter()));
        for a in everyone {
            if let std::collections::btree_map::Entry::Vacant(e) = drawing.actors.entry(a.id) {
                e.insert(a.clone());
                actors.insert(a.id, Presence::Absent);
            }
        }
    }
    let mut partnerships = BTreeMap::new();
    for id in after.partnerships.keys() {
        let e = if before.partnerships.contains_key(id) {
            // The comparison has already found how each changed partnership moved.
            let moved = change.movements.get(&id.0).copied().unwrap_or_default();
            edge(Presence::Both, moved)
        } else {
            edge(Presence::Added, Movement::default())
        };
        partnerships.insert(*id, e);
    }
    for (id, p) in &before.partnerships {
        if !after.partnerships.contains_key(id) {
            drawing.partnerships.insert(*id, p.clone());
            partnerships.insert(*id, edge(Presence::Removed, Movement::default()));
        }
    }
    place_as_now(&mut drawing, project);
    Composed {
        project: drawing,
        actors,
        partnerships,
        change,
    }
}

fn edge(presence: Presence, movement: Movement) -> EdgeChange {
    EdgeChange {
        presence,
        depth: Depth::of(movement),
        movement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Form, Formality, Level, Partnership, Position, Sector};

    fn date(d: &str) -> Option<PartialDate> {
        Some(PartialDate(d.to_string()))
    }

    /// DND, Municipality and OWSO; DND–Municipality (1) from 2010, DND–OWSO (2) from 2012-03
    /// to 2013. A Baseline of 2011 holds DND–Municipality at permission per activity and
    /// OWSO nowhere; now OWSO has moved.
    fn map() -> Project {
        let mut p = Project::new();
        for (id, name) in [(1, "DND"), (2, "Municipality"), (3, "OWSO")] {
            let mut a = Actor::new(ActorId(id), name, Sector::State, Level::District);
            a.position = Position {
                x: id as f64 * 100.0,
                y: 0.0,
            };
            p.insert_actor(a);
        }
        let mut l = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
        l.form = Some(Form::Coalition);
        l.formality = Some(Formality::Personal);
        l.trust_ab = Some(4);
        l.start = date("2010");
        p.insert_partnership(l);
        let mut m = Partnership::new(PartnershipId(2), ActorId(1), ActorId(3));
        m.start = date("2012-03");
        m.end = date("2013");
        p.insert_partnership(m);
        let mut baseline = Snapshot::of(&p, "Baseline", date("2011"));
        baseline.actors.retain(|a| a.id != ActorId(3));
        baseline.partnerships.retain(|l| l.id == PartnershipId(1));
        let old = &mut baseline.partnerships[0];
        old.form = Some(Form::Interaction);
        old.formality = Some(Formality::PermissionPerActivity);
        old.trust_ab = Some(2);
        baseline.actors[0].position = Position { x: -5.0, y: -5.0 };
        p.snapshots.push(baseline);
        p
    }

    fn day(d: &str) -> DateParts {
        PartialDate(d.to_string()).parse().unwrap()
    }

    #[test]
    fn the_timeline_is_the_snapshots_by_date_then_now() {
        let mut p = map();
        let mut early = p.snapshots[0].clone();
        early.name = "Scoping".into();
        early.date = date("2009-05");
        p.snapshots.push(early);
        assert_eq!(
            timeline(&p),
            [
                State::Snapshot("Scoping".into()),
                State::Snapshot("Baseline".into()),
                State::Now
            ]
        );
        assert_eq!(
            State::Snapshot("Baseline".into()).label(&p),
            "Baseline, 2011"
        );
    }

    #[test]
    fn as_of_a_day_follows_start_and_end_dates_and_the_standing_snapshot() {
        let p = map();
        // 2011: the Baseline stands; DND–OWSO has not started; DND–Municipality with the
        // Baseline's values.
        let then = as_of(&p, day("2011-06"));
        assert_eq!(
            then.partnerships.keys().collect::<Vec<_>>(),
            [&PartnershipId(1)]
        );
        assert_eq!(then.partnerships[&PartnershipId(1)].trust_ab, Some(2));
        assert!(!then.actors.contains_key(&ActorId(3)));
        // Every actor stays where the working map has it.
        assert_eq!(then.actors[&ActorId(1)].position.x, 100.0);
        // 2012-06: after the Baseline, so the working map stands; DND–OWSO runs.
        let later = as_of(&p, day("2012-06"));
        assert_eq!(later.partnerships.len(), 2);
        assert_eq!(later.partnerships[&PartnershipId(1)].trust_ab, Some(4));
        assert!(later.actors.contains_key(&ActorId(3)));
        // 2014: DND–OWSO ended in 2013.
        let after = as_of(&p, day("2014"));
        assert_eq!(
            after.partnerships.keys().collect::<Vec<_>>(),
            [&PartnershipId(1)]
        );
        // 2009: before DND–Municipality started.
        assert!(as_of(&p, day("2009")).partnerships.is_empty());
    }

    #[test]
    fn a_map_without_snapshots_as_of_a_day_is_the_working_map_cut_by_dates() {
        let mut p = map();
        p.snapshots.clear();
        let then = as_of(&p, day("2011"));
        assert_eq!(then.partnerships.len(), 1);
        assert_eq!(
            then.actors.len(),
            3,
            "every actor of the working map stands"
        );
    }

    #[test]
    fn composing_the_baseline_and_now_marks_every_change_and_keeps_places() {
        let p = map();
        let before = State::Snapshot("Baseline".into()).resolve(&p).unwrap();
        let now = State::Now.resolve(&p).unwrap();
        let c = compose(&p, &before, &now, false);
        assert_eq!(c.actors[&ActorId(3)], Presence::Added);
        assert_eq!(c.actors[&ActorId(1)], Presence::Both);
        let e = c.partnerships[&PartnershipId(1)];
        assert_eq!(e.presence, Presence::Both);
        // Interaction → Coalition is deeper, permission → personal less formal: mixed.
        assert_eq!(e.depth, Depth::Mixed);
        assert_eq!(e.movement.trust, 1);
        assert_eq!(c.partnerships[&PartnershipId(2)].presence, Presence::Added);
        assert_eq!(c.project.actors[&ActorId(1)].position.x, 100.0);
        let counts = c.counts();
        assert_eq!(
            (counts.added, counts.mixed, counts.trust_rose),
            (2 - 1, 1, 1)
        );
        // Backwards, the same partnership ended and the actor was removed.
        let back = compose(&p, &now, &before, false);
        assert_eq!(
            back.partnerships[&PartnershipId(2)].presence,
            Presence::Removed
        );
        assert_eq!(back.actors[&ActorId(3)], Presence::Removed);
        assert!(
            back.project.actors.contains_key(&ActorId(3)),
            "drawn where it was"
        );
        assert_eq!(back.partnerships[&PartnershipId(1)].movement.trust, -1);
    }

    #[test]
    fn a_timeline_step_draws_the_actors_of_other_states_as_absent() {
        let p = map();
        let before = State::Snapshot("Baseline".into()).resolve(&p).unwrap();
        let c = compose(&p, &before, &before, true);
        assert_eq!(c.actors[&ActorId(3)], Presence::Absent);
        assert_eq!(c.project.actors[&ActorId(3)].position.x, 300.0);
        assert_eq!(c.counts(), ChangeCounts::default());
    }

    #[test]
    fn each_state_has_its_indicators_in_timeline_order_and_cancel_stops_them() {
        let p = map();
        let (cancel, done) = (AtomicBool::new(false), AtomicUsize::new(0));
        let rows = network_by_state(&p, Some(2), &cancel, &done).unwrap();
        let states: Vec<_> = rows.iter().map(|r| r.state.clone()).collect();
        assert_eq!(states, [State::Snapshot("Baseline".into()), State::Now]);
        assert_eq!(rows[0].date, date("2011"));
        assert_eq!(rows[1].date, None);
        let counts: Vec<_> = rows
            .iter()
            .map(|r| (r.network().actors, r.network().partnerships))
            .collect();
        assert_eq!(counts, [(2, 1), (3, 2)]);
        // Betweenness was computed for each state: DND joins Municipality and OWSO now.
        let dnd = rows[1].indicators.actors[&ActorId(1)].betweenness;
        assert_eq!(dnd, Some(1.0));
        assert!(rows[0].network().betweenness_method.is_some());
        assert_eq!(done.into_inner(), actors_in_all_states(&p));
        cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        assert_eq!(
            network_by_state(&p, Some(2), &cancel, &AtomicUsize::new(0)),
            None
        );
    }

    #[test]
    fn form_and_formality_together_make_one_depth() {
        let m = |form, formality| Movement {
            form,
            formality,
            ..Movement::default()
        };
        assert_eq!(Depth::of(m(1, 0)), Depth::Deepened);
        assert_eq!(Depth::of(m(0, 1)), Depth::Deepened);
        assert_eq!(Depth::of(m(-1, 0)), Depth::Weakened);
        assert_eq!(Depth::of(m(1, -1)), Depth::Mixed);
        assert_eq!(Depth::of(m(0, 0)), Depth::Same);
    }
}
