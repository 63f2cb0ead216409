//! The integration tests, as one test binary: files, command line, window flows, properties.
//!
//! Each file in `tests/` is a module here rather than a binary of its own: every test binary
//! links the whole window toolkit, and twenty of them took minutes to link and gigabytes of
//! disk. `panic_recovery` (it installs a process-wide panic hook) and `snapshots` (behind the
//! `snapshots` feature) stay separate. Run one file's tests with
//! `cargo test --test integration export::`.

// A test or benchmark that meets a broken fixture stops with its message: that is its report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod arb;
mod common;
mod harness;

mod analysis;
mod analysis_ui;
mod any_script;
mod architecture;
mod bad_input;
mod cli;
mod cli_export;
mod cli_import;
mod cli_output;
mod cli_stats;
mod docs;
mod editor;
mod export;
mod export_dialog;
mod file_text;
mod hostile;
mod import;
mod import_guesses;
mod import_ui;
mod interop;
mod labels;
mod laptop;
mod layout;
mod merge;
mod merge_ui;
mod monkey;
mod not_a_map;
mod over_time;
mod over_time_exports;
mod pages;
mod path_dialog;
mod perspective_exports;
mod perspectives;
mod perspectives_ui;
mod quick_entry;
mod recovery;
mod ron_files;
mod sample_map;
mod save_faults;
mod shortcuts;
mod snapshots_ui;
mod steady_view;
mod time_ui;
mod undo;
mod validation;
mod window;
mod xlsx;
