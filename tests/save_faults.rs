//! A failed save never damages the file on disk: a writer failing half-way, a full disk, a
//! rename that fails and a read-only folder each leave the previous file byte-identical, no
//! stray temporary files, and — in the window — the map open, marked unsaved, with a message.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

use crate::harness;
use partnermap::app::{Document, Origin, PartnerMapApp};
use partnermap::generate::generate;
use partnermap::io::faults::{Fault, inject};
use partnermap::io::{self, SaveError};

const FAULTS: [(Fault, &str); 4] = [
    (
        Fault::FailHalfway,
        "writing the temporary file: the write was interrupted",
    ),
    (
        Fault::DiskFull,
        "writing the temporary file: No space left on device",
    ),
    (
        Fault::RenameFails,
        "replacing the file with the new version: the rename failed",
    ),
    (
        Fault::ReadOnlyFolder,
        "creating a temporary file in the folder: Permission denied",
    ),
];

fn names(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn each_fault_leaves_the_previous_file_byte_identical() {
    for (fault, message) in FAULTS {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("workshop.ron");
        io::save_path(&generate(8, 10, 1).unwrap(), &path).unwrap();
        let before = std::fs::read(&path).unwrap();
        let files_before = names(dir.path());
        inject(&path, fault);
        let err = io::save_path(&generate(9, 12, 2).unwrap(), &path).unwrap_err();
        assert!(matches!(err, SaveError::Io { .. }), "{fault:?}: {err}");
        assert!(err.to_string().contains(message), "{fault:?}: {err}");
        assert!(err.to_string().contains("workshop.ron"), "{fault:?}: {err}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{fault:?}");
        let after = names(dir.path());
        // The rename fault comes after the backup was made; otherwise nothing new appears.
        if fault == Fault::RenameFails {
            assert_eq!(after, ["workshop.ron", "workshop.ron.bak"], "{fault:?}");
            assert_eq!(std::fs::read(io::backup_path(&path)).unwrap(), before);
        } else {
            assert_eq!(after, files_before, "{fault:?}: no temporary file is left");
        }
        // The fault is used up: the next save works.
        io::save_path(&generate(9, 12, 2).unwrap(), &path).unwrap();
    }
}

#[test]
fn a_real_read_only_folder_refuses_the_save_and_keeps_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    io::save_path(&generate(4, 3, 1).unwrap(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores folder permissions; then only the simulated fault above can show it.
    let root = std::fs::write(dir.path().join("probe"), b"x").is_ok();
    if !root {
        let err = io::save_path(&generate(5, 3, 2).unwrap(), &path).unwrap_err();
        assert!(
            err.to_string().contains("creating a temporary file"),
            "{err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn saving_through_a_symbolic_link_writes_the_file_it_points_to_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/target.ron");
    io::save_path(&generate(4, 3, 1).unwrap(), &target).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let newer = generate(6, 5, 2).unwrap();
    io::save_path(&newer, &link).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(io::load_path(&target).unwrap(), newer);
    assert!(
        dir.path().join("real/target.ron.bak").is_file(),
        "the backup sits beside the real file"
    );
}

#[test]
fn saving_over_a_folder_a_device_or_a_dangling_link_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = generate(4, 3, 1).unwrap();
    let folder = dir.path().join("maps.ron");
    std::fs::create_dir(&folder).unwrap();
    // A pipe stands for any device (never try /dev/null: as root, a bug would replace it).
    let pipe = dir.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo made a pipe");
    let dangling = dir.path().join("gone.ron");
    std::os::unix::fs::symlink(dir.path().join("nowhere.ron"), &dangling).unwrap();
    for (path, what) in [
        (folder.as_path(), "a folder"),
        (pipe.as_path(), "a device or pipe"),
        (dangling.as_path(), "a link to a file that does not exist"),
    ] {
        let err = io::save_path(&project, path).unwrap_err().to_string();
        assert!(err.contains(what), "{path:?}: {err}");
    }
    assert!(folder.is_dir());
    assert!(
        std::fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(!dir.path().join("nowhere.ron").exists());
    assert!(
        !std::fs::metadata(&pipe).unwrap().is_file(),
        "the pipe is still a pipe"
    );
    assert_eq!(
        names(dir.path()),
        ["gone.ron", "maps.ron", "pipe.ron"],
        "no temporary files"
    );
}

#[test]
fn the_saved_file_and_its_backup_keep_the_permissions_of_the_file_they_replace() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    io::save_path(&generate(4, 3, 1).unwrap(), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    io::save_path(&generate(5, 3, 2).unwrap(), &path).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o640);
    assert_eq!(mode(&dir.path().join("map.ron.bak")), 0o640);
}

#[test]
fn in_the_window_a_failed_save_keeps_the_map_open_unsaved_with_a_message() {
    for (fault, message) in FAULTS {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("workshop.ron");
        io::save_path(&generate(6, 5, 3).unwrap(), &path).unwrap();
        let before = std::fs::read(&path).unwrap();
        let opened = io::load_path(&path).unwrap();
        let app = PartnerMapApp::with_document(Document::new(opened, Origin::File(path.clone())));
        let mut h = harness::harness(app);
        h.run();
        // An edit: select all and delete.
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.key_press(Key::Delete);
        h.run();
        assert!(h.state().is_modified());
        let edited = h.state().doc.project.clone();
        inject(&path, fault);
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run();
        h.state_mut().wait_for_background_work();
        h.run();
        h.get_by_label("Could not save workshop.ron");
        h.get_by_label_contains(message);
        h.get_by_label_contains(
            "The map is still open and not saved; the file on disk is unchanged.",
        );
        assert!(h.state().is_modified(), "{fault:?}: still marked unsaved");
        assert!(h.state().window_title().starts_with('●'));
        assert_eq!(
            h.state().doc.project,
            edited,
            "{fault:?}: the map is still open"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before, "{fault:?}");
    }
}

#[test]
fn a_csv_export_that_fails_on_its_second_table_leaves_the_first_as_it_was() {
    use partnermap::io::export::{ExportRequest, Format, export_to_path};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tables");
    let request = ExportRequest::new(Format::Csv);
    export_to_path(&generate(8, 10, 1).unwrap(), &request, &out).unwrap();
    let read = |name: &str| std::fs::read(out.join(name)).unwrap();
    let before: Vec<Vec<u8>> = ["actors.csv", "partnerships.csv", "map.csv"]
        .iter()
        .map(|n| read(n))
        .collect();
    let files_before = names(&out);
    for fault in [Fault::DiskFull, Fault::FailHalfway, Fault::ReadOnlyFolder] {
        inject(&out.join("partnerships.csv"), fault);
        let err = export_to_path(&generate(30, 40, 2).unwrap(), &request, &out).unwrap_err();
        assert!(
            err.to_string().contains("partnerships.csv"),
            "{fault:?}: {err}"
        );
        let after: Vec<Vec<u8>> = ["actors.csv", "partnerships.csv", "map.csv"]
            .iter()
            .map(|n| read(n))
            .collect();
        assert!(
            after == before,
            "{fault:?}: actors.csv and map.csv were replaced though partnerships.csv failed"
        );
        assert_eq!(
            names(&out),
            files_before,
            "{fault:?}: no temporary file is left"
        );
    }
    // Without a fault, the whole set is replaced.
    export_to_path(&generate(30, 40, 2).unwrap(), &request, &out).unwrap();
    assert_ne!(read("actors.csv"), before[0]);
    assert_ne!(read("partnerships.csv"), before[1]);
}
