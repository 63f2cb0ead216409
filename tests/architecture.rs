//! The shape of the code: layers point one way (README, Architecture).
//!
//! These tests read `src/` as text. They fail when a lower layer starts using a higher one
//! (the colour module reaching into the indicators that are computed from it, say), or when
//! two top-level modules use each other, so that a newcomer can keep trusting the tree.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules by layer, lowest first. A module may use the modules of lower
/// layers; within one layer, one may use another only if that one does not use it back.
const LAYERS: &[&[&str]] = &[
    &["task"],
    &["model"],
    &["typology", "generate"],
    &["analysis"],
    &["style"],
    &["layout", "io"],
    &["edit"],
    &["app", "ui"],
    &["cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level module a file of `src/` belongs to (`None` for `lib.rs` and `main.rs`).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib" && name != "main").then_some(name)
}

/// The text of a file with its comments left out (so that a doc link is not a use).
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") { "" } else { line }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules named after `crate::` in `code`, including those inside a grouped
/// `use crate::{a::X, b::{Y, Z}}`.
fn crate_uses(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `partnermap_crate::`, not ours
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names at depth 0 of the group.
            let mut depth = 0;
            let mut name = String::new();
            let mut at_start = true;
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => at_start = true,
                    c if depth == 0 && at_start && (c.is_alphanumeric() || c == '_') => {
                        name.push(c)
                    }
                    _ if depth == 0 && at_start && !name.is_empty() => {
                        found.insert(std::mem::take(&mut name));
                        at_start = false;
                    }
                    _ => {}
                }
            }
            if !name.is_empty() {
                found.insert(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// Which top-level module uses which, and from which file.
fn uses() -> BTreeMap<(String, String), PathBuf> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut out = BTreeMap::new();
    for path in files {
        let Some(module) = module_of(&path) else {
            continue;
        };
        let code = code_of(&std::fs::read_to_string(&path).unwrap());
        for used in crate_uses(&code) {
            if used != module && used != "self" && used != "super" {
                out.entry((module.clone(), used)).or_insert(path.clone());
            }
        }
    }
    out
}

#[test]
fn every_top_level_module_has_a_layer() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|p| module_of(p)).collect();
    let missing: Vec<_> = modules.iter().filter(|m| layer_of(m).is_none()).collect();
    assert!(
        missing.is_empty(),
        "give these modules a layer in tests/architecture.rs and the README: {missing:?}"
    );
}

#[test]
fn layers_point_one_way() {
    let uses = uses();
    let mut wrong = Vec::new();
    for ((from, to), path) in &uses {
        let (Some(a), Some(b)) = (layer_of(from), layer_of(to)) else {
            continue;
        };
        if b > a {
            wrong.push(format!(
                "{from} uses {to}, a higher layer ({})",
                path.display()
            ));
        } else if a == b && uses.contains_key(&(to.clone(), from.clone())) {
            wrong.push(format!(
                "{from} and {to} use each other ({})",
                path.display()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_use_reader_sees_grouped_and_plain_paths() {
    let code = "use crate::{io::X, model::{A, B}};\nfn f() { crate::style::g(); }\n// crate::ui\n";
    let found = crate_uses(&code_of(code));
    let expected: BTreeSet<String> = ["io", "model", "style"].map(String::from).into();
    assert_eq!(found, expected);
}

/// The longest a file of `src/` may be, in lines.
const MAX_FILE_LINES: usize = 800;
/// The longest a function may be, in lines.
const MAX_FN_LINES: usize = 150;

/// The functions of `text` (name, first line, length in lines), found by their `fn` line and
/// the closing brace at the same indentation.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let rest = ["pub(crate) ", "pub(super) ", "pub ", "const ", "async "]
            .iter()
            .fold(trimmed, |t, p| t.strip_prefix(p).unwrap_or(t));
        let Some(after) = rest.strip_prefix("fn ") else {
            continue;
        };
        if line.trim_end().ends_with(';') {
            continue;
        }
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let end = lines[i + 1..].iter().position(|l| {
            let t = l.trim_start();
            l.len() - t.len() == indent && t.starts_with('}')
        });
        if let Some(end) = end {
            out.push((name, i + 1, end + 2));
        }
    }
    out
}

#[test]
fn files_and_functions_stay_small() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut long = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let rel = path.strip_prefix(src()).unwrap().display().to_string();
        let n = text.lines().count();
        if n > MAX_FILE_LINES {
            long.push(format!("src/{rel}: {n} lines (at most {MAX_FILE_LINES})"));
        }
        for (name, line, len) in functions(&text) {
            if len > MAX_FN_LINES {
                long.push(format!(
                    "src/{rel}:{line}: fn {name} is {len} lines (at most {MAX_FN_LINES})"
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "split these by concern:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_function_reader_measures_a_function() {
    let text = "impl A {\n    pub fn short(&self) {\n        1;\n    }\n}\nfn top() {\n}\n";
    let found = functions(text);
    assert_eq!(
        found,
        vec![("short".to_string(), 2, 3), ("top".to_string(), 6, 2)]
    );
}
