//! The quadrant chart, the indicators dashboard and the inspector's indicators, driven through
//! the whole app: selection and hover shared both ways, cuts dragged and saved, indicators
//! updated by edits, and large maps computed in the background.

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Role, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnermap::analysis::{self, Indicators};
use partnermap::app::{Document, LeftTab, Origin, PartnerMapApp};
use partnermap::model::{ActorId, PartnershipId, Project};
use partnermap::ui::view::Item;

type H = Harness<'static, PartnerMapApp>;

fn harness_with(doc: Document) -> H {
    let app = PartnerMapApp::with_document(doc);
    let mut h = Harness::builder()
        .with_size(Vec2::new(1400.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(64)
        .with_context_setup(partnermap::ui::fonts::install)
        .build_eframe(move |_cc| app);
    h.run();
    h
}

/// All indicators computed independently of the app, betweenness included.
fn expected(project: &Project) -> Indicators {
    let never = std::sync::atomic::AtomicBool::new(false);
    let progress = std::sync::atomic::AtomicUsize::new(0);
    let bw = analysis::betweenness(project, 1, &never, &progress);
    analysis::compute(project, bw.as_ref())
}

fn click_at(h: &mut H, at: Pos2) {
    h.event(Event::PointerMoved(at));
    h.run();
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}

#[test]
fn clicking_a_point_of_the_chart_selects_its_partnership_on_the_canvas_too() {
    let mut h = harness_with(Document::sample());
    let (item, at) = h.state().quadrant.drawn[0];
    click_at(&mut h, at);
    assert_eq!(h.state().view.selection, [item].into_iter().collect());
    assert!(matches!(item, Item::Partnership(_)));
    // The inspector now shows that partnership, with its quadrant in A.
    h.get_by_label("Indicators and quadrants");
    assert!(
        h.query_all_by_label_contains("A · Depth × formality")
            .count()
            >= 2,
        "the picker and the inspector's quadrant row"
    );
}

#[test]
fn selecting_an_actor_on_the_canvas_rings_its_partnerships_in_the_chart() {
    let mut h = harness_with(Document::sample());
    let taf = ActorId(4);
    h.get_by_role_and_label(Role::GraphicsObject, "The Asia Foundation (TAF)")
        .click();
    h.run();
    assert!(h.state().view.selection.contains(&Item::Actor(taf)));
    let project = &h.state().doc.project;
    let mut of_taf: Vec<Item> = project
        .partnerships
        .values()
        .filter(|p| p.a == taf || p.b == taf)
        .map(|p| Item::Partnership(p.id))
        .collect();
    let mut ringed = h.state().quadrant.ringed.clone();
    of_taf.sort();
    ringed.sort();
    assert_eq!(ringed, of_taf);
}

#[test]
fn dragging_a_cut_line_moves_the_cut_as_one_undo_step() {
    let mut h = harness_with(Document::sample());
    let (x, y) = h.state().quadrant.cut_lines.expect("the chart was drawn");
    let (_, some_mark) = h.state().quadrant.drawn[0];
    // Grab the vertical line half way between the horizontal cut and a point away from marks.
    let start = Pos2::new(x, y - 40.0);
    let _ = some_mark;
    h.event(Event::PointerMoved(start));
    h.run();
    h.event(Event::PointerButton {
        pos: start,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run();
    for i in 1..=5 {
        h.event(Event::PointerMoved(start + Vec2::new(12.0 * i as f32, 0.0)));
        h.run();
    }
    h.event(Event::PointerButton {
        pos: start + Vec2::new(60.0, 0.0),
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let cut = h.state().doc.project.settings.cuts.a;
    assert!(cut.x > 0.55, "the cut moved right: {cut:?}");
    assert_eq!(cut.y, 0.5);
    assert_eq!(h.state().history.undo_len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project.settings.cuts.a.x, 0.5);
}

#[test]
fn the_dashboard_shows_the_indicators_and_its_rows_select_actors() {
    let mut h = harness_with(Document::sample());
    h.state_mut().prefs.left_tab = LeftTab::Indicators;
    h.run();
    let want = expected(&h.state().doc.project);
    let got = h.state().live.indicators().expect("computed").clone();
    assert_eq!(
        *got, want,
        "the app shows exactly what the analysis computes"
    );
    h.get_by_label("Mean trust");
    let coverage = format!("from {} of 29 partnerships", want.network.trust_known);
    assert!(h.query_all_by_label_contains(&coverage).count() >= 1);
    // The table is sorted by betweenness: TAF first.
    h.state_mut().dashboard.actors = true;
    h.run();
    let first = h.get_all_by_label("The Asia Foundation (TAF)").count();
    assert!(first >= 1);
    h.get_all_by_role_and_label(Role::Button, "Ponleur Kumar")
        .next()
        .expect("a row of the table")
        .click();
    h.run();
    assert!(h.state().view.selection.contains(&Item::Actor(ActorId(10))));
}

#[test]
fn an_edit_updates_the_indicators_in_the_same_frame() {
    let mut h = harness_with(Document::sample());
    let before = h.state().live.indicators().unwrap().network.mean_trust;
    // Set full trust both ways on partnership 1 through the app's own edit path.
    let mut p = h
        .state()
        .doc
        .project
        .partnership(PartnershipId(1))
        .unwrap()
        .clone();
    p.trust_ab = Some(5);
    p.trust_ba = Some(5);
    let edit = partnermap::ui::intent::Edit::new(
        "Set trust",
        partnermap::edit::Command::update_partnerships([p]),
    );
    h.state_mut().apply_edit(edit);
    h.step();
    let after = h.state().live.indicators().unwrap().clone();
    assert_ne!(after.network.mean_trust, before);
    assert_eq!(*after, expected(&h.state().doc.project));
    assert!(h.state().live.is_current(h.state().doc.revision));
}

#[test]
fn a_large_map_is_computed_in_the_background_and_matches() {
    let project = partnermap::generate::generate(2500, 7000, 4).unwrap();
    let app = PartnerMapApp::with_document(Document::new(project.clone(), Origin::Untitled));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1400.0, 900.0))
        .with_context_setup(partnermap::ui::fonts::install)
        .build_eframe(move |_cc| app);
    h.step();
    // Keep stepping until the worker has delivered betweenness (bounded).
    let started = std::time::Instant::now();
    while !h.state().live.is_current(h.state().doc.revision) {
        assert!(
            started.elapsed().as_secs() < 120,
            "the background work finishes"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.step();
    }
    let got = h.state().live.indicators().unwrap().clone();
    let want = expected(&project);
    for (id, a) in &want.actors {
        let b = got.actors[id].betweenness.unwrap();
        assert!((a.betweenness.unwrap() - b).abs() < 1e-9);
    }
    assert_eq!(got.network, want.network);
}

#[test]
fn the_help_page_explains_every_framework_and_indicator() {
    let mut h = harness_with(Document::sample());
    h.get_by_label("What do these mean?").click();
    h.run();
    for phrase in [
        "Key players",
        "Co-optation",
        "Benevolent hierarchy",
        "Relational collaboration",
        "brokerage",
        "ei_index",
    ] {
        h.get_by_label_contains(phrase);
    }
}
