//! Snapshots in the window (issue 15, item 1): Map → Take snapshot, then rename, re-date
//! and delete in the inspector, each one undo step; a bad date or a name used twice is
//! refused with a message and changes nothing.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnermap::app::{Document, PartnerMapApp};

use crate::harness::{self, project};

type H = Harness<'static, PartnerMapApp>;

/// Types `text` over the `nth` field labelled `label` (one per snapshot) and presses Enter.
fn type_over(h: &mut H, label: &str, nth: usize, text: &str) {
    h.get_all_by_label(label)
        .nth(nth)
        .unwrap_or_else(|| panic!("a field {label} number {nth}"))
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.event(Event::Text(text.to_string()));
    h.run();
    h.key_press_modifiers(Modifiers::NONE, Key::Enter);
    h.run();
}

#[test]
fn a_snapshot_is_taken_renamed_dated_and_deleted_each_in_one_undo_step() {
    let mut h = harness::on(Document::sample());
    let start = project(&h).clone();
    // The sample keeps its own Baseline; the inspector lists the new snapshots after it.
    let names: Vec<&str> = start.snapshots.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Baseline"]);
    let n = start.snapshots.len();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Map")
        .click();
    h.run();
    // The menu's entry (the first of the two in the tree).
    let entries: Vec<_> = h.get_all_by_label("Take snapshot").collect();
    assert_eq!(
        entries.len(),
        2,
        "the Map menu's entry and the inspector's button"
    );
    entries.first().unwrap().click();
    h.run();
    assert!(
        h.query_all_by_label("Take snapshot").count() == 1,
        "the menu closed"
    );
    assert!(h.state().notices().is_empty(), "{:?}", h.state().notices());
    let p = project(&h);
    assert_eq!(p.snapshots.len(), n + 1);
    assert_eq!(p.snapshots[n].name, "Snapshot 1");
    assert_eq!(
        p.snapshots[n].date.as_ref().unwrap().0,
        partnermap::io::today()
    );
    assert_eq!(p.snapshots[n].actors.len(), 24);
    assert_eq!(p.snapshots[n].partnerships.len(), 29);

    // The inspector (nothing selected) lists it: rename and re-date it.
    let date = "Date (YYYY, YYYY-MM or YYYY-MM-DD)";
    type_over(&mut h, "Name", n, "Midline");
    assert_eq!(project(&h).snapshots[n].name, "Midline");
    type_over(&mut h, date, n, "2012-06");
    assert_eq!(project(&h).snapshots[n].date.as_ref().unwrap().0, "2012-06");

    // A date that is not a date is refused, with a message, and changes nothing.
    type_over(&mut h, date, n, "2012-13");
    assert_eq!(project(&h).snapshots[n].date.as_ref().unwrap().0, "2012-06");
    h.get_by_label_contains("month 13 does not exist");
    h.get_by_label("OK").click();
    h.run();

    // A second snapshot, from the inspector's button (reached by the keyboard, as it may be
    // scrolled out of view), may not take the first one's name.
    h.get_by_label("Take snapshot").focus();
    h.run();
    h.key_press_modifiers(Modifiers::NONE, Key::Enter);
    h.run();
    assert_eq!(project(&h).snapshots[n + 1].name, "Snapshot 1");
    let names = h.get_all_by_label("Name").count();
    assert_eq!(names, n + 2);
    type_over(&mut h, "Name", n + 1, "midline");
    assert_eq!(project(&h).snapshots[n + 1].name, "Snapshot 1");
    h.get_by_label_contains("another snapshot has the same name");
    h.get_by_label("OK").click();
    h.run();

    // Delete the first one taken; undo brings it back; undoing everything returns the
    // starting map.
    h.get_all_by_label("Delete snapshot")
        .nth(n)
        .unwrap()
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::NONE, Key::Enter);
    h.run();
    assert_eq!(project(&h).snapshots.len(), n + 1);
    assert_eq!(project(&h).snapshots[n].name, "Snapshot 1");
    assert_eq!(
        project(&h).snapshots[..n],
        start.snapshots[..],
        "the sample's own stay"
    );
    // Leave the inspector, whose text fields keep their own undo, then undo the map.
    h.key_press_modifiers(Modifiers::NONE, Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(project(&h).snapshots[n].name, "Midline");
    for _ in 0..4 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert!(*project(&h) == start, "undo all returns the starting map");
}
