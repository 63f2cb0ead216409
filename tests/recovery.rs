//! Autosave to the recovery folder, the restore offer at the next start, clean exits, and
//! the warning before saving over a file another program changed.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::harness;
use partnermap::app::{Document, Origin, PartnerMapApp};
use partnermap::generate::generate;
use partnermap::io::recovery::{Reason, Recovery};
use partnermap::io::{self};

type H = Harness<'static, PartnerMapApp>;

fn harness(app: PartnerMapApp) -> H {
    let mut h = harness::harness(app);
    h.run();
    h
}

/// An app on `doc` that autosaves into `dir` (as process `pid`, to play several sessions).
fn app_in(dir: &std::path::Path, pid: u32, doc: Document) -> PartnerMapApp {
    let mut app = PartnerMapApp::with_document(doc);
    let recovery = Recovery::with_pid(dir, pid);
    app.offer = recovery.found();
    app.autosave.recovery = Some(recovery);
    app
}

fn delete_everything(h: &mut H) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Delete);
    h.run();
}

/// Lets background work (saves, autosaves) finish and the window see the results.
fn settle(h: &mut H) {
    h.run();
    h.state_mut().wait_for_background_work();
    for _ in 0..30 {
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run();
    }
}

/// A pid no process has (the recovery of a session that ended).
const GONE: u32 = 4_000_000;

#[test]
fn unsaved_work_is_written_after_the_delay_and_restored_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), GONE, Document::sample());
    app.autosave.delay = std::time::Duration::from_millis(200);
    let mut h = harness(app);
    delete_everything(&mut h);
    let edited = h.state().doc.project.clone();
    let file = dir.path().join(format!("recovery-{GONE}.ron"));
    assert!(!file.exists(), "not before the delay");
    std::thread::sleep(std::time::Duration::from_millis(250));
    settle(&mut h);
    assert!(file.exists(), "written after the delay");
    assert_eq!(
        io::load_path(&file).unwrap(),
        edited,
        "the recovery file is the open map"
    );
    // The user's own map (the sample) was never written anywhere else.
    drop(h); // the process "dies" without a clean exit

    // The next start offers it, saying which map and from when.
    let mut h = harness(app_in(dir.path(), 7, Document::sample()));
    h.get_by_label("Restore unsaved work?");
    h.get_by_label_contains(
        "Unsaved changes to “DFGG Cambodia sample” were kept, as they were at 20",
    );
    h.get_by_label("Restore").click();
    settle(&mut h);
    assert_eq!(h.state().doc.project, edited);
    assert!(
        h.state().is_modified(),
        "restored work is unsaved until saved"
    );
    assert!(h.state().offer.is_empty());
    // It is now this session's recovery file, until saved or the window closes cleanly.
    assert!(dir.path().join("recovery-7.ron").exists());
    assert!(!file.exists());
    eframe::App::on_exit(h.state_mut());
    assert!(
        !dir.path().join("recovery-7.ron").exists(),
        "a clean exit removes it"
    );
}

#[test]
fn losing_the_focus_writes_at_once_and_discard_deletes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), GONE + 1, Document::sample()));
    h.input_mut().focused = true;
    h.run();
    delete_everything(&mut h);
    h.input_mut().focused = false;
    settle(&mut h);
    let file = dir.path().join(format!("recovery-{}.ron", GONE + 1));
    assert!(file.exists(), "written when the window lost the focus");
    drop(h);

    let before = io::sample();
    let mut h = harness(app_in(dir.path(), 8, Document::sample()));
    h.get_by_label("Discard").click();
    h.run();
    assert!(!file.exists(), "Discard deletes the kept work");
    assert_eq!(
        h.state().doc.project,
        before,
        "and keeps the map that was open"
    );
    assert!(Recovery::with_pid(dir.path(), 9).found().is_empty());
}

#[test]
fn saving_removes_the_recovery_file_and_it_never_touches_the_users_file() {
    let dir = tempfile::tempdir().unwrap();
    let maps = tempfile::tempdir().unwrap();
    let path = maps.path().join("workshop.ron");
    io::save_path(&generate(5, 4, 1).unwrap(), &path).unwrap();
    let original = std::fs::read(&path).unwrap();
    let opened = io::load_path(&path).unwrap();
    let mut app = app_in(
        dir.path(),
        GONE + 2,
        Document::new(opened, Origin::File(path.clone())),
    );
    app.autosave.delay = std::time::Duration::ZERO;
    let mut h = harness(app);
    delete_everything(&mut h);
    settle(&mut h);
    let file = dir.path().join(format!("recovery-{}.ron", GONE + 2));
    assert!(file.exists());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        original,
        "autosave never writes the user's file"
    );
    let info = std::fs::read_to_string(file.with_extension("info")).unwrap();
    assert!(info.contains("workshop.ron"), "{info}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!h.state().is_modified());
    assert!(!file.exists(), "nothing unsaved, nothing to recover");
}

#[test]
fn a_crash_snapshot_names_the_map_and_says_it_was_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let r = Recovery::with_pid(dir.path(), GONE + 3);
    let map = r
        .write(
            &generate(3, 2, 1).unwrap(),
            None,
            "Untitled map",
            Reason::Crash,
        )
        .unwrap();
    let found = Recovery::with_pid(dir.path(), 1).found();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].map, map);
    assert_eq!(found[0].info.reason, Reason::Crash);
    let mut h = harness(app_in(dir.path(), 10, Document::sample()));
    h.get_by_label_contains("PartnerMap stopped with an internal error");
    h.get_by_label("Restore").click();
    settle(&mut h);
    assert_eq!(h.state().doc.origin, Origin::Untitled);
    assert_eq!(h.state().doc.project.actors.len(), 3);
}

#[test]
fn saving_over_a_file_another_program_changed_warns_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    io::save_path(&generate(5, 4, 1).unwrap(), &path).unwrap();
    let opened = io::load_path(&path).unwrap();
    let mut h = harness(PartnerMapApp::with_document(Document::new(
        opened,
        Origin::File(path.clone()),
    )));
    delete_everything(&mut h);
    // Someone else saves the file meanwhile (another size, a later time).
    std::thread::sleep(std::time::Duration::from_millis(20));
    io::save_path(&generate(7, 6, 2).unwrap(), &path).unwrap();
    let theirs = std::fs::read(&path).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    h.get_by_label("“shared.ron” was changed by another program");
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        theirs,
        "Cancel leaves their version"
    );
    assert!(h.state().is_modified());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Save over it").click();
    settle(&mut h);
    assert!(!h.state().is_modified());
    let saved = io::load_path(&path).unwrap();
    assert_eq!(saved.actors, h.state().doc.project.actors);
    assert_eq!(saved.partnerships, h.state().doc.project.partnerships);
    assert_eq!(
        std::fs::read(io::backup_path(&path)).unwrap(),
        theirs,
        "theirs is the .bak"
    );
    // Saving again needs no warning: the file is as this window left it.
    delete_everything(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!matches!(
        h.state().modal,
        Some(partnermap::app::Modal::Overwrite(_))
    ));
}

#[test]
fn restoring_a_second_recovery_file_asks_about_the_first_and_never_drops_it() {
    let dir = tempfile::tempdir().unwrap();
    let first = generate(3, 2, 1).unwrap();
    let second = generate(5, 4, 2).unwrap();
    let first_file = dir.path().join("first.ron");
    for (pid, project, name, origin) in [
        (GONE + 20, &first, "first.ron", Some(first_file.clone())),
        (GONE + 21, &second, "Untitled map", None),
    ] {
        Recovery::with_pid(dir.path(), pid)
            .write(project, origin.as_deref(), name, Reason::Autosave)
            .unwrap();
    }
    let mut h = harness(app_in(dir.path(), 11, Document::sample()));
    h.get_by_label("Restore").click();
    settle(&mut h);
    assert_eq!(h.state().doc.project, first);
    assert_eq!(h.state().offer.len(), 1, "the second is still offered");

    // Restoring the second would replace the restored, unsaved first: it asks, and Cancel
    // keeps both.
    h.get_by_label("Restore").click();
    h.run();
    h.get_by_label("Save changes to “first.ron”?");
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert_eq!(h.state().doc.project, first);
    assert_eq!(h.state().offer.len(), 1, "still offered after Cancel");
    assert!(dir.path().join("recovery-11.ron").exists(), "first kept");

    // Save writes the first to its own file, then the second is restored.
    h.get_by_label("Restore").click();
    h.run();
    // The dialog's Save (the toolbar has one too; the dialog's comes last).
    h.get_all_by_label("Save").last().unwrap().click();
    settle(&mut h);
    settle(&mut h);
    assert_eq!(io::load_path(&first_file).unwrap().actors, first.actors);
    assert_eq!(h.state().doc.project, second);
    assert!(h.state().offer.is_empty());
    assert!(h.state().is_modified(), "the second is unsaved work");
}

#[test]
fn a_session_counts_as_running_while_it_holds_its_lock_not_while_its_pid_exists() {
    let dir = tempfile::tempdir().unwrap();
    let project = generate(3, 2, 1).unwrap();
    let write = |pid: u32| {
        Recovery::with_pid(dir.path(), pid)
            .write(&project, None, "Untitled map", Reason::Autosave)
            .unwrap()
    };
    // After a reboot another process may have the old id (pid 1 always runs): the session's
    // lock file is there but nobody holds it, so its work is offered.
    write(1);
    std::fs::write(dir.path().join("recovery-1.lock"), b"").unwrap();
    // A PartnerMap that runs holds its lock, whatever its id: its work is not offered.
    write(GONE + 30);
    let held =
        std::fs::File::create(dir.path().join(format!("recovery-{}.lock", GONE + 30))).unwrap();
    held.try_lock().unwrap();
    let found = Recovery::with_pid(dir.path(), 2).found();
    let offered: Vec<_> = found.iter().map(|f| f.map.file_name().unwrap()).collect();
    assert_eq!(offered, ["recovery-1.ron"]);
    // Discarding it removes its lock file too.
    Recovery::discard(&found[0]);
    assert!(!dir.path().join("recovery-1.lock").exists());
    drop(held);
    assert_eq!(
        Recovery::with_pid(dir.path(), 2).found().len(),
        1,
        "lock released"
    );
}
