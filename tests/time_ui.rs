//! The map over time in the window (issue 15, items 3, 4, 5 and 8): compare a baseline with
//! now from the Time tab, click a change to select it, step through the timeline with every
//! actor kept in place, read the moves between quadrants and the indicators by state, and
//! see the map as of a date — all read only, Escape back to the working map.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnermap::analysis::time::{Presence, State};
use partnermap::app::{Document, LeftTab, Origin, PartnerMapApp};
use partnermap::model::{Form, PartialDate, PartnershipId, Project, Snapshot};
use partnermap::ui::view::Item;

use crate::harness;

type H = Harness<'static, PartnerMapApp>;

/// The sample map with a Baseline of 2011 in which partnership `ended` still ran, the
/// first partnership was a mere interaction, and the last partnership and its actor
/// (the one added since) did not exist yet.
fn with_baseline() -> (Project, PartnershipId, PartnershipId, PartnershipId) {
    let mut p = partnermap::io::sample();
    p.snapshots.clear();
    let mut base = Snapshot::of(&p, "Baseline", Some(PartialDate("2011".into())));
    let deepened = base.partnerships[0].id;
    base.partnerships[0].form = Some(Form::Interaction);
    let added = base.partnerships.pop().unwrap().id;
    // A partnership that ended since: in the baseline, not now.
    let ended = base.partnerships[1].id;
    p.partnerships.remove(&ended);
    p.snapshots.push(base);
    (p, deepened, added, ended)
}

fn open(project: Project) -> H {
    let mut app = PartnerMapApp::with_document(Document::new(project, Origin::Sample));
    app.prefs.left_tab = LeftTab::Time;
    let mut h = harness::harness(app);
    h.run();
    h
}

/// Runs frames until the background composition has arrived (at most a few seconds).
fn settle(h: &mut H) {
    for _ in 0..400 {
        h.run();
        let t = &h.state().time;
        if !t.is_working() && (!t.is_on() || t.current().is_some()) {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the states were not composed in 4 s");
}

#[test]
fn comparing_the_baseline_with_now_marks_the_changes_and_a_change_selects_its_item() {
    let (project, deepened, added, ended) = with_baseline();
    let mut h = open(project.clone());
    h.get_by_label("Compare").click();
    settle(&mut h);
    let shown = h
        .state()
        .time
        .current()
        .cloned()
        .expect("a comparison is shown");
    assert_eq!(shown.from_label.as_deref(), Some("Baseline, 2011"));
    assert_eq!(shown.to_label, "now");
    let parts = &shown.composed.partnerships;
    assert_eq!(parts[&added].presence, Presence::Added);
    assert_eq!(parts[&ended].presence, Presence::Removed);
    assert_eq!(parts[&deepened].movement.form, 1);
    // The ended partnership is drawn, where its actors stand now.
    assert!(shown.composed.project.partnerships.contains_key(&ended));
    // The legend explains the marks.
    h.get_by_label("Change: Baseline, 2011 → now");
    h.get_by_label("added");
    h.get_by_label("ended (dashed)");
    h.get_by_label("deeper or more formal");
    // The bar over the map and the Time tab say what is shown.
    assert_eq!(h.get_all_by_label("Baseline, 2011 → now").count(), 2);
    // A change in the list selects its partnership.
    let row = shown
        .rows
        .iter()
        .find(|r| r.item == Item::Partnership(ended))
        .unwrap()
        .text
        .clone();
    assert!(row.ends_with("(ended)"), "{row}");
    let deeper = shown
        .rows
        .iter()
        .find(|r| r.item == Item::Partnership(deepened))
        .unwrap()
        .text(&shown.composed);
    assert!(deeper.contains("form Interaction → "), "{deeper}");
    // Its line is in the list, and a click selects it too.
    h.get_by_label(&deeper);
    h.get_by_label(&row).click();
    h.run();
    assert_eq!(
        h.state().view.selection.iter().copied().collect::<Vec<_>>(),
        [Item::Partnership(ended)]
    );
    // Nothing of the map changed; Escape clears the selection, then leaves the comparison.
    assert_eq!(h.state().doc.project, project);
    h.key_press_modifiers(Modifiers::NONE, Key::Escape);
    h.run();
    assert!(h.state().time.is_on());
    h.key_press_modifiers(Modifiers::NONE, Key::Escape);
    h.run();
    assert!(!h.state().time.is_on());
    assert_eq!(h.query_all_by_label("Baseline, 2011 → now").count(), 0);
}

#[test]
fn the_timeline_steps_through_the_states_with_every_actor_in_its_place() {
    let (project, _, added, _) = with_baseline();
    let newcomer = {
        // An actor the baseline did not have: drop it from the snapshot.
        let p = &project.partnerships[&added];
        p.b
    };
    let mut project = project;
    project.snapshots[0].actors.retain(|a| a.id != newcomer);
    project.snapshots[0]
        .partnerships
        .retain(|l| l.a != newcomer && l.b != newcomer);
    let mut h = open(project.clone());
    // The timeline's first step (the From picker shows the same name).
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Baseline, 2011")
        .click();
    settle(&mut h);
    let first = h.state().time.current().cloned().unwrap();
    assert_eq!(first.request.to, State::Snapshot("Baseline".into()));
    h.get_by_label("Step 1 of 2: Baseline, 2011");
    // The newcomer is drawn absent, where the working map has it.
    assert_eq!(first.composed.actors[&newcomer], Presence::Absent);
    let here = project.actors[&newcomer].position;
    assert_eq!(first.composed.project.actors[&newcomer].position, here);
    // ▶ steps to now, marking what changed since the baseline.
    h.get_by_label("▶").click();
    settle(&mut h);
    let second = h.state().time.current().cloned().unwrap();
    assert_eq!(second.request.to, State::Now);
    assert_eq!(second.composed.actors[&newcomer], Presence::Added);
    assert_eq!(second.composed.project.actors[&newcomer].position, here);
    h.get_by_label("Step 2 of 2: now");
    // Every actor stays where it was from step to step.
    for (id, a) in &first.composed.project.actors {
        assert_eq!(second.composed.project.actors[id].position, a.position);
    }
}

#[test]
fn the_moves_between_quadrants_and_the_indicators_by_state_are_shown() {
    let (project, deepened, _, _) = with_baseline();
    let mut h = open(project);
    h.get_by_label("Compare").click();
    settle(&mut h);
    let shown = h.state().time.current().cloned().unwrap();
    // The deepened partnership moved up in framework A: a trajectory, and a count off the
    // diagonal of the transition table.
    let path = shown
        .paths(partnermap::typology::Framework::A)
        .iter()
        .find(|t| t.id == deepened.0)
        .copied()
        .unwrap();
    assert!(path.moved(), "{path:?}");
    h.get_by_label("from ↓ to →");
    // The indicators of both states, in a table and a chart.
    let over = h
        .state()
        .time
        .over_time
        .clone()
        .expect("indicators by state");
    assert_eq!(over.states.len(), 2);
    assert_eq!(over.states[0].0, "Baseline, 2011");
    let p = &h.state().doc.project;
    assert_eq!(
        over.states[0].1.partnerships,
        p.snapshots[0].partnerships.len()
    );
    assert_eq!(over.states[1].1.partnerships, p.partnerships.len());
    assert_ne!(over.states[0].1.mean_trust, None);
    h.get_by_label("Mean trust");
    h.get_by_label("Density");
}

#[test]
fn the_map_as_of_a_date_follows_start_and_end_dates() {
    let mut project = partnermap::io::sample();
    project.snapshots.clear();
    for p in project.partnerships.values_mut() {
        (p.start, p.end) = (None, None);
    }
    // One partnership started in 2013 and one ended in 2011: on 2012-06 neither is there.
    let mut ids = project.partnerships.keys().copied();
    let (late, gone) = (ids.next().unwrap(), ids.next().unwrap());
    project.partnerships.get_mut(&late).unwrap().start = Some(PartialDate("2013".into()));
    project.partnerships.get_mut(&gone).unwrap().end = Some(PartialDate("2011".into()));
    let mut h = open(project.clone());
    h.get_by_label("Date").focus();
    h.run();
    h.event(egui::Event::Text("2012-06".into()));
    h.run();
    h.get_by_label("Show").click();
    settle(&mut h);
    let shown = h.state().time.current().cloned().unwrap();
    assert_eq!(shown.to_label, "as of 2012-06");
    assert!(!shown.after.partnerships.contains_key(&late));
    assert!(!shown.after.partnerships.contains_key(&gone));
    assert_eq!(
        shown.after.partnerships.len(),
        project.partnerships.len() - 2
    );
    // The bar over the map, the tab's heading and a column of the indicators by state,
    // beside those of now.
    assert_eq!(h.get_all_by_label("as of 2012-06").count(), 3);
    // The Indicators tab gives that day's indicators, and says so.
    h.get_by_label("Indicators").click();
    h.run();
    h.get_by_label("as of 2012-06; betweenness not computed");
    let ind = shown.indicators.clone().unwrap();
    assert_eq!(ind.network.partnerships, project.partnerships.len() - 2);
    h.get_by_label("Time").click();
    h.run();
    // A date that is not one says so and shows the working map.
    h.get_by_label("Date").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text("2012-13".into()));
    h.run();
    h.get_by_label("Show").click();
    settle(&mut h);
    assert!(!h.state().time.is_on());
    h.get_by_label_contains("is not a date");
}

#[test]
fn a_picture_exported_while_comparing_is_the_comparison() {
    let (project, ..) = with_baseline();
    let mut h = open(project);
    h.get_by_label("Compare").click();
    settle(&mut h);
    let choice = partnermap::app::ExportChoice {
        format: partnermap::io::export::Format::Svg,
        ..partnermap::app::ExportChoice::default()
    };
    let request = h.state().export_request(&choice);
    assert_eq!(
        request.compare,
        Some((State::Snapshot("Baseline".into()), State::Now))
    );
    let svg = partnermap::io::export::picture_svg(&h.state().doc.project, &request);
    assert!(
        svg.contains("Change: Baseline, 2011 → now"),
        "the legend's Change section"
    );
    assert!(svg.contains(&partnermap::style::change::ENDED.hex()));
    // Back at now, the picture is the map again.
    h.key_press_modifiers(Modifiers::NONE, Key::Escape);
    h.run();
    assert_eq!(h.state().export_request(&choice).compare, None);
}
