//! File → Merge map… in the window (issue 16, item 3): the other map picked through the file
//! dialog (PartnerMap's own, as where the system's cannot be shown), the perspective named,
//! a doubtful match confirmed or rejected, new items ticked, Merge as one undo step with
//! what it did in the status bar; errors in the dialog with nothing merged.

use std::path::{Path, PathBuf};

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use partnermap::app::{DialogMode, Document, Modal, PartnerMapApp};
use partnermap::io;
use partnermap::model::{Actor, ActorId, MAX_ID, Partnership, Position, Project};

use crate::harness;

type H = Harness<'static, PartnerMapApp>;

const TYPO: &str = "Parnets (Battambang primary schools)";
const PARENTS: &str = "Parents (Battambang primary schools)";
const NEW: &str = "Village savings group";

/// A breakout group's copy of the sample, titled "Citizens": a name misspelt, trust of the
/// first partnership changed, and an actor of its own with a partnership to Amara.
fn breakout(dir: &Path) -> (PathBuf, Project) {
    let mut other = io::sample();
    other.meta.title = "Citizens".into();
    let parents = other
        .actors
        .values()
        .find(|a| a.name == PARENTS)
        .unwrap()
        .id;
    other.actors.get_mut(&parents).unwrap().name = TYPO.into();
    let first = *other.partnerships.keys().next().unwrap();
    other.partnerships.get_mut(&first).unwrap().trust_ab = Some(1);
    let amara = other
        .actors
        .values()
        .find(|a| a.name == "Amara")
        .unwrap()
        .id;
    let mut group = Actor::named(ActorId(99), NEW);
    group.position = Position::new(40.0, 40.0);
    other.insert_actor(group);
    other.insert_partnership(Partnership::new(
        other.next_partnership_id(),
        ActorId(99),
        amara,
    ));
    let path = dir.join("citizens.ron");
    io::save_path(&other, &path).unwrap();
    (path, other)
}

/// `project` in the window, with PartnerMap's own file dialog.
fn window(project: Project) -> H {
    let mut app =
        PartnerMapApp::with_document(Document::new(project, partnermap::app::Origin::Sample));
    app.jobs.file_dialogs = DialogMode::Builtin;
    let mut h = harness::harness(app);
    h.run();
    h
}

/// File → Merge map…, the file typed into the path dialog, and the background work done.
fn pick(h: &mut H, path: &Path) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Merge map…").click();
    h.run();
    h.get_by_label("Merge a map as a perspective");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(Event::Text(path.display().to_string()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.state_mut().wait_for_background_work();
    h.run();
    h.run();
}

fn click_button(h: &mut H, label: &str) {
    h.get_all_by_label(label)
        .find(|n| !n.accesskit_node().is_disabled())
        .unwrap_or_else(|| panic!("an enabled “{label}” button"))
        .click();
    h.run();
}

fn is_merge_open(h: &H) -> bool {
    matches!(h.state().modal, Some(Modal::Merge(_)))
}

#[test]
fn a_breakout_map_is_merged_as_a_perspective_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = breakout(dir.path());
    let before = io::sample();
    let mut h = window(before.clone());
    pick(&mut h, &path);
    assert!(is_merge_open(&h), "the dialog is open");
    // The name is the other map's title; the doubtful match and the new items are listed.
    let name = match &h.state().modal {
        Some(Modal::Merge(d)) => d.name.clone(),
        _ => unreachable!(),
    };
    assert_eq!(name, "Citizens");
    let question = format!("“{TYPO}” is “{PARENTS}”");
    h.get_by_label(&format!("{question}? (the names are alike, not the same)"));
    h.get_by_label(&format!("Confirm: {question}"));
    h.get_by_label(NEW);
    h.get_by_label(&format!("{NEW} – Amara"));
    h.get_by_label_contains("Result: matched 24 actors, 29 partnerships;");
    // Rejected, the misspelt actor is offered as new; confirmed again, it is not.
    h.get_by_label(&format!("Reject: {question}")).click();
    h.run();
    h.get_by_label(TYPO);
    h.get_by_label_contains("Result: matched 23 actors");
    h.get_by_label(&format!("Confirm: {question}")).click();
    h.run();
    assert!(h.query_by_label(TYPO).is_none());
    // The new partnership is left out.
    h.get_by_label(&format!("{NEW} – Amara")).click();
    h.run();
    let undo_before = h.state().history.undo_len();
    click_button(&mut h, "Merge");
    assert!(!is_merge_open(&h), "the dialog closed");
    let p = &h.state().doc.project;
    assert_eq!(p.actors.len(), 25);
    assert_eq!(p.partnerships.len(), before.partnerships.len());
    let view = p.perspective("Citizens").expect("the perspective");
    let first = *p.partnerships.keys().next().unwrap();
    assert_eq!(view.partnership(first).unwrap().trust_ab, Some(1));
    assert_eq!(h.state().history.undo_len(), undo_before + 1);
    let status = h.state().status.clone().unwrap();
    assert!(
        status
            .starts_with("Merged citizens.ron as “Citizens”: matched 24 actors, 29 partnerships;")
            && status.contains(
                "added 1 actor and 0 partnerships; left out 0 new actors and 1 new partnership"
            ),
        "{status}"
    );
    h.get_by_label(&status);
    // One undo returns the exact map.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project, before);
    assert!(h.state().status.is_none());
}

#[test]
fn a_name_in_use_and_a_failed_merge_are_said_in_the_dialog_and_nothing_is_merged() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = breakout(dir.path());
    let mut before = io::sample();
    before
        .perspectives
        .push(partnermap::model::Perspective::named("Government"));
    // Ids run out with the first new actor: the merge fails as a whole.
    before.next_ids.actor = MAX_ID + 1;
    let mut h = window(before.clone());
    pick(&mut h, &path);
    h.get_by_label("Perspective name").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(Event::Text("government".into()));
    h.run();
    h.get_by_label("the map already has a perspective named \"Government\": choose another name");
    let merge = h
        .get_all_by_label("Merge")
        .find(|n| n.accesskit_node().is_disabled());
    assert!(merge.is_some(), "Merge is greyed out");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(Event::Text("Citizens".into()));
    h.run();
    click_button(&mut h, "Merge");
    assert!(is_merge_open(&h), "the dialog stays open");
    h.get_by_label_contains("Nothing was merged: the merged map would have problems: actor ");
    assert_eq!(h.state().doc.project, before);
    h.key_press(Key::Escape);
    h.run();
    assert!(!is_merge_open(&h));
    assert_eq!(h.state().doc.project, before);
}

#[test]
fn a_file_that_is_not_a_map_is_refused_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("notes.ron");
    std::fs::write(&bad, "these are meeting notes, not a map").unwrap();
    let before = io::sample();
    let mut h = window(before.clone());
    pick(&mut h, &bad);
    assert!(!is_merge_open(&h));
    h.get_by_label("Could not merge notes.ron");
    h.get_by_label_contains("Nothing was merged; the map is unchanged.");
    assert_eq!(h.state().doc.project, before);
}

#[test]
fn a_map_gets_its_origin_when_first_saved_or_made_new_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(io::sample());
    assert!(h.state().doc.project.meta.origin.is_empty());
    let save = |h: &mut H, name: &str| {
        let path = dir.path().join(name);
        h.state_mut().save_to(path.clone());
        h.state_mut().wait_for_background_work();
        h.run();
        io::load_path(&path).unwrap().meta.origin
    };
    let first = save(&mut h, "a.ron");
    assert_eq!(first.len(), 16, "{first}");
    assert_eq!(h.state().doc.project.meta.origin, first);
    assert!(!h.state().is_modified(), "giving the origin is no edit");
    assert_eq!(save(&mut h, "b.ron"), first, "saved again, the same");
    // A new map has its own at once.
    h.state_mut()
        .run_action(partnermap::ui::actions::Action::New);
    h.run();
    let new = h.state().doc.project.meta.origin.clone();
    assert_eq!(new.len(), 16);
    assert_ne!(new, first);
}
