//! PartnerMap's own path dialog, used where the system's file dialog cannot be shown (design
//! §6, "Files never fail silently"), driven in the window with egui_kittest: Save As, Open,
//! Export and Import through it, its checks (a folder that does not exist, a file about to be
//! replaced), and failed saves that say why and keep the map unsaved.

use std::path::{Path, PathBuf};

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::harness;
use partnermap::app::{DialogMode, Document, Origin, PartnerMapApp, Pick, Picked};
use partnermap::io::faults::{Fault, inject};
use partnermap::io::{self};

type H = Harness<'static, PartnerMapApp>;

/// The sample map in the window, with the path dialog forced (as `PARTNERMAP_FILE_DIALOG=
/// builtin` does).
fn builtin(doc: Document) -> H {
    let mut app = PartnerMapApp::with_document(doc);
    app.jobs.file_dialogs = DialogMode::Builtin;
    let mut h = harness::harness(app);
    h.run();
    h
}

/// Replaces the path field's text (it has the focus when the dialog opens).
fn type_path(h: &mut H, path: &Path) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(Event::Text(path.display().to_string()));
    h.run();
}

/// Clicks the dialog's button called `label` (the toolbar behind it has one too, disabled).
fn click_button(h: &mut H, label: &str) {
    h.get_all_by_label(label)
        .find(|n| !n.accesskit_node().is_disabled())
        .unwrap_or_else(|| panic!("an enabled “{label}” button"))
        .click();
    h.run();
}

fn enter(h: &mut H) {
    h.key_press(Key::Enter);
    h.run();
}

fn finish(h: &mut H) {
    h.run();
    h.state_mut().wait_for_background_work();
    h.run();
}

/// The saved map is the open one (a save stamps its dates on the file only).
fn assert_same_map(saved: &partnermap::model::Project, open: &partnermap::model::Project) {
    assert_eq!(saved.actors, open.actors);
    assert_eq!(saved.partnerships, open.partnerships);
}

/// Edits the map: select all, delete.
fn edit(h: &mut H) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Delete);
    h.run();
    assert!(h.state().is_modified());
}

#[test]
fn save_as_through_the_path_dialog_writes_the_file_and_the_map_belongs_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = builtin(Document::sample());
    edit(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    h.get_by_label("Save the map as");
    let dialog = h.state().path_dialog().expect("the path dialog is open");
    assert!(dialog.field.ends_with("map.ron"), "{}", dialog.field);
    // The extension is added to a name typed without it.
    type_path(&mut h, &dir.path().join("workshop"));
    enter(&mut h);
    finish(&mut h);
    let path = dir.path().join("workshop.ron");
    assert_same_map(&io::load_path(&path).unwrap(), &h.state().doc.project);
    assert_eq!(h.state().doc.origin, Origin::File(path.clone()));
    assert!(!h.state().is_modified());
    assert_eq!(h.state().window_title(), "workshop.ron — PartnerMap");
    assert_eq!(h.state().prefs.recent.first(), Some(&path));
    assert!(h.state().modal.is_none(), "no dialog left open");

    // Save As again: the dialog starts in the map's folder, which is also a recent folder,
    // and lists the map; an existing file is asked about before it is replaced.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().is_modified());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert_eq!(h.state().path_dialog().unwrap().folder, dir.path());
    h.get_by_label("workshop.ron");
    enter(&mut h);
    h.get_by_label_contains("“workshop.ron” already exists. Replace it?");
    h.get_by_label("Replace");
    assert!(h.state().is_modified(), "nothing saved yet");
    enter(&mut h);
    finish(&mut h);
    assert!(!h.state().is_modified());
    assert_same_map(&io::load_path(&path).unwrap(), &h.state().doc.project);
    assert!(dir.path().join("workshop.ron.bak").is_file());
}

#[test]
fn save_of_a_new_map_asks_through_the_path_dialog_and_escape_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = builtin(Document::sample());
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(h.state().doc.origin, Origin::Untitled);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Save the map as");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().modal.is_none(), "Escape closes the dialog");
    assert_eq!(h.state().doc.origin, Origin::Untitled);

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    type_path(&mut h, &dir.path().join("new.ron"));
    click_button(&mut h, "Save");
    finish(&mut h);
    assert_eq!(
        h.state().doc.origin,
        Origin::File(dir.path().join("new.ron"))
    );
    assert!(dir.path().join("new.ron").is_file());
}

#[test]
fn open_through_the_path_dialog_lists_the_folders_maps_and_opens_the_one_clicked() {
    let dir = tempfile::tempdir().unwrap();
    let other = partnermap::generate::generate(5, 4, 7).unwrap();
    io::save_path(&other, &dir.path().join("other.ron")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a map").unwrap();
    let mut h = builtin(Document::sample());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Open a map");
    // Typing a folder and Enter lists it.
    type_path(&mut h, dir.path());
    enter(&mut h);
    assert_eq!(h.state().path_dialog().unwrap().folder, dir.path());
    h.get_by_label("other.ron");
    h.get_by_label(&format!("sub{}", std::path::MAIN_SEPARATOR));
    assert!(
        h.query_by_label("notes.txt").is_none(),
        "only map files are listed"
    );
    // A file that is not there is said so, and the dialog stays.
    type_path(&mut h, &dir.path().join("missing.ron"));
    enter(&mut h);
    h.get_by_label_contains("There is no “missing.ron”");
    // Clicking a map fills the field; Open opens it.
    h.get_by_label("other.ron").click();
    h.run();
    assert_eq!(
        h.state().path_dialog().unwrap().typed(),
        Some(dir.path().join("other.ron"))
    );
    click_button(&mut h, "Open");
    finish(&mut h);
    assert_eq!(h.state().doc.project, other);
    assert_eq!(
        h.state().doc.origin,
        Origin::File(dir.path().join("other.ron"))
    );
}

#[test]
fn a_failed_open_through_the_path_dialog_says_why_and_keeps_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "this is not a map").unwrap();
    let mut h = builtin(Document::sample());
    edit(&mut h);
    let before = h.state().doc.project.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    type_path(&mut h, &bad);
    enter(&mut h);
    finish(&mut h);
    h.get_by_label("Could not open bad.ron");
    h.get_by_label_contains("The map that was open stays open.");
    assert_eq!(h.state().doc.project, before);
    assert!(h.state().is_modified(), "still unsaved");
}

#[test]
fn export_svg_through_the_path_dialog_writes_the_picture() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = builtin(Document::sample());
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    h.get_by_label("Export as");
    assert!(h.state().path_dialog().unwrap().field.ends_with("map.svg"));
    type_path(&mut h, &dir.path().join("picture"));
    enter(&mut h);
    finish(&mut h);
    let svg = std::fs::read_to_string(dir.path().join("picture.svg")).unwrap();
    assert!(
        svg.starts_with("<?xml") || svg.starts_with("<svg"),
        "{}",
        &svg[..40]
    );
    h.get_by_label("Exported");
}

#[test]
fn a_failed_export_says_why_and_keeps_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("picture.svg");
    inject(&path, Fault::DiskFull);
    let mut h = builtin(Document::sample());
    edit(&mut h);
    let edited = h.state().doc.project.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    type_path(&mut h, &path);
    enter(&mut h);
    finish(&mut h);
    h.get_by_label("Could not export picture.svg");
    h.get_by_label_contains("No space left on device");
    h.get_by_label_contains("The map is unchanged.");
    assert_eq!(h.state().doc.project, edited);
    assert!(h.state().is_modified());
    assert!(!path.exists());
}

#[test]
fn export_into_a_folder_that_does_not_exist_is_refused_in_the_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = builtin(Document::sample());
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    let missing = dir.path().join("missing");
    type_path(&mut h, &missing.join("picture.svg"));
    enter(&mut h);
    h.get_by_label_contains(&format!("The folder {} does not exist.", missing.display()));
    assert!(h.state().path_dialog().is_some(), "the dialog stays open");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().modal.is_none());
    assert!(!missing.exists());
}

#[test]
fn saving_into_a_folder_that_does_not_exist_says_so_and_keeps_the_map_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = builtin(Document::sample());
    edit(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    let missing = dir.path().join("no such folder");
    type_path(&mut h, &missing.join("map.ron"));
    enter(&mut h);
    h.get_by_label_contains(&format!("The folder {} does not exist.", missing.display()));
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().modal.is_none());
    assert!(h.state().is_modified());
    assert_eq!(h.state().doc.origin, Origin::Sample);
    assert!(!missing.exists());
}

#[test]
fn saving_into_a_read_only_folder_says_why_and_keeps_the_map_unsaved() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("read-only");
    std::fs::create_dir(&folder).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let path = folder.join("map.ron");
    // Root ignores folder permissions: then the simulated fault stands for them.
    let root = std::fs::write(folder.join("probe"), b"x").is_ok();
    if root {
        inject(&path, Fault::ReadOnlyFolder);
    }
    let mut h = builtin(Document::sample());
    edit(&mut h);
    let edited = h.state().doc.project.clone();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    type_path(&mut h, &path);
    enter(&mut h);
    finish(&mut h);
    h.get_by_label("Could not save map.ron");
    h.get_by_label_contains("Permission denied");
    h.get_by_label_contains("The map is still open and not saved");
    assert!(h.state().is_modified());
    assert!(h.state().window_title().starts_with('●'));
    assert_eq!(h.state().doc.origin, Origin::Sample);
    assert_eq!(h.state().doc.project, edited);
    assert!(!path.exists());
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn when_the_system_dialog_cannot_be_shown_the_path_dialog_says_why_and_stays_for_the_session() {
    let dir = tempfile::tempdir().unwrap();
    // Auto: the system's dialog would be tried; its answer says it could not be shown.
    let mut h = harness::on(Document::sample());
    h.run();
    h.state().jobs.spawn(|| {
        partnermap::app::Event::Picked(
            Pick::SaveAs,
            Picked::Unavailable("no desktop portal is installed".into()),
        )
    });
    h.run();
    h.state_mut().wait_for_background_work();
    for _ in 0..50 {
        h.run();
        if h.state().path_dialog().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.get_by_label("Save the map as");
    h.get_by_label_contains("no desktop portal is installed");
    type_path(&mut h, &dir.path().join("kept.ron"));
    enter(&mut h);
    finish(&mut h);
    assert!(dir.path().join("kept.ron").is_file());
    // The next dialog is the path dialog at once, with the same note.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Open a map");
    h.get_by_label_contains("no desktop portal is installed");
}

#[test]
fn where_no_system_dialog_can_be_shown_save_as_opens_the_path_dialog() {
    // On a desktop with a portal or zenity the system's dialog would open: nothing to see.
    let Some(why) = partnermap::app::file_dialog::why_native_cannot_show() else {
        return;
    };
    let mut h = harness::on(Document::sample());
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    for _ in 0..200 {
        h.run();
        if h.state().path_dialog().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    h.get_by_label("Save the map as");
    h.get_by_label_contains(&why);
}

#[test]
fn import_through_the_path_dialog_imports_the_file() {
    let source = PathBuf::from("tests/fixtures/import/gephi.graphml");
    let folder = std::path::absolute(source.parent().unwrap()).unwrap();
    let mut h = builtin(Document::sample());
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    h.get_by_label("Import a network or tables");
    type_path(&mut h, &folder);
    enter(&mut h);
    h.get_by_label("gephi.graphml").click();
    h.run();
    click_button(&mut h, "Import");
    finish(&mut h);
    assert_eq!(
        h.state().doc.origin,
        Origin::Imported(std::path::absolute(&source).unwrap())
    );
}

#[test]
fn the_csv_steps_missing_table_is_asked_for_through_the_path_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new("tests/fixtures/import/spreadsheet");
    std::fs::create_dir(dir.path().join("a")).unwrap();
    std::fs::create_dir(dir.path().join("b")).unwrap();
    let partners = dir.path().join("a/partners.csv");
    std::fs::copy(fixtures.join("partners.csv"), &partners).unwrap();
    std::fs::copy(fixtures.join("actors.csv"), dir.path().join("b/actors.csv")).unwrap();
    let mut h = builtin(Document::sample());
    h.state_mut().import_path(partners);
    finish(&mut h);
    assert!(h.state().csv_import().unwrap().tables.actors.is_none());
    h.get_by_label("Add an actors table…").click();
    h.run();
    // The path dialog comes first; the step waits behind it.
    h.get_by_label("Add the actors table");
    assert!(h.state().csv_import().is_some(), "the step waits in line");
    type_path(&mut h, &dir.path().join("b/actors.csv"));
    enter(&mut h);
    finish(&mut h);
    assert!(h.state().path_dialog().is_none());
    let step = h.state().csv_import().expect("the step is back");
    assert!(step.tables.actors.is_some(), "it has the actors table");
    h.get_by_label("actors.csv — 4 rows, 6 columns");
}

#[test]
fn the_path_dialog_keeps_its_place_whatever_folder_it_lists() {
    // An empty folder, and one with more entries than the list shows at once.
    let few = tempfile::tempdir().unwrap();
    let many = tempfile::tempdir().unwrap();
    for i in 0..14 {
        std::fs::write(many.path().join(format!("map-{i:02}.graphml")), "").unwrap();
    }
    let mut h = builtin(Document::sample());
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    let cancel = |h: &H| {
        h.get_all_by_label("Cancel")
            .find(|n| !n.accesskit_node().is_disabled())
            .and_then(|n| n.accesskit_node().bounding_box())
            .expect("the dialog's Cancel")
    };
    type_path(&mut h, few.path());
    enter(&mut h);
    let at_few = cancel(&h);
    type_path(&mut h, many.path());
    enter(&mut h);
    assert!(
        h.query_by_label("map-03.graphml").is_some(),
        "the folder is listed"
    );
    assert_eq!(
        cancel(&h),
        at_few,
        "the dialog moved when a longer folder was listed"
    );
    // A row is clicked where it is drawn: the file clicked is the one taken.
    h.get_by_label("map-03.graphml").click();
    h.run();
    assert!(
        h.state()
            .path_dialog()
            .unwrap()
            .field
            .ends_with("map-03.graphml")
    );
}
