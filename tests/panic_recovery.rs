//! A panic writes the recovery file before the process ends (design.md §11). The hook is
//! global to the process, so this test has a binary of its own.

// A test or benchmark that meets a broken fixture stops with its message: that is its report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use partnermap::generate::generate;
use partnermap::io::recovery::{self, Reason, Recovery, Snapshot};

#[test]
fn a_panic_writes_the_open_map_to_the_recovery_folder() {
    let dir = tempfile::tempdir().unwrap();
    let project = generate(12, 20, 4).unwrap();
    recovery::install_panic_hook();
    recovery::set_snapshot(Snapshot {
        recovery: Recovery::with_pid(dir.path(), 4_000_100),
        project: Some(Arc::new(project.clone())),
        origin: Some("/maps/workshop.ron".into()),
        name: "workshop.ron".into(),
    });
    let crashed = std::thread::spawn(|| panic!("an internal error")).join();
    assert!(crashed.is_err());
    let found = Recovery::with_pid(dir.path(), 1).found();
    assert_eq!(found.len(), 1, "the hook wrote one recovery file");
    assert_eq!(found[0].info.reason, Reason::Crash);
    assert_eq!(found[0].info.name, "workshop.ron");
    assert_eq!(
        found[0].info.origin.as_deref(),
        Some(std::path::Path::new("/maps/workshop.ron"))
    );
    assert_eq!(Recovery::load(&found[0]).unwrap(), project);

    // With nothing unsaved, a panic writes nothing.
    Recovery::discard(&found[0]);
    recovery::set_snapshot(Snapshot {
        recovery: Recovery::with_pid(dir.path(), 4_000_101),
        project: None,
        origin: None,
        name: "Untitled map".into(),
    });
    let _ = std::thread::spawn(|| panic!("again")).join();
    assert!(Recovery::with_pid(dir.path(), 1).found().is_empty());
}
