//! The README's lists of import spellings are written from the code that reads them, so they
//! cannot drift: `UPDATE_README=1 cargo test --test integration docs::` rewrites them.

use partnermap::io::import::csv::{ACTOR_HEADERS, PARTNERSHIP_HEADERS};
use partnermap::io::import::fields::{
    FORMALITY_ALIASES, FUNCTION_ALIASES, INITIATOR_ALIASES, LEVEL_ALIASES, SECTOR_ALIASES,
};
use partnermap::model::{Accountability, Choice, Form, Risk, Stance, Status};

const START: &str = "<!-- aliases:start";
const END: &str = "<!-- aliases:end -->";

/// One line per value: its name, its label and the spellings that also mean it.
fn values<T: Choice>(what: &str, field: &str, aliases: &[(&str, T)]) -> String {
    let mut out = format!("\n**{what}** (`{field}`):\n\n");
    for &v in T::ALL {
        let mut also: Vec<String> = aliases
            .iter()
            .filter(|(_, a)| *a == v)
            .map(|(s, _)| format!("\"{s}\""))
            .collect();
        let label = v.label();
        let mut line = format!("- `{}`", v.name());
        if !label.eq_ignore_ascii_case(v.name()) {
            line.push_str(&format!(" — \"{label}\""));
        }
        if !also.is_empty() {
            also.dedup();
            line.push_str(&format!("; also {}", also.join(", ")));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// One line per field with the headers that also name it.
fn headers(what: &str, table: &[(&str, &[&str])]) -> String {
    let mut out = format!("\n**{what}** — headers that name a field besides its own name:\n\n");
    for (field, names) in table {
        let names: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        out.push_str(&format!("- `{field}`: {}\n", names.join(", ")));
    }
    out
}

fn generated() -> String {
    let mut out = String::new();
    out.push_str(&values("Sectors", "sector", SECTOR_ALIASES));
    out.push_str(&values("Levels", "level", LEVEL_ALIASES));
    out.push_str(&values::<Stance>("Stance", "stance", &[]));
    out.push_str(&values("Functions", "functions", FUNCTION_ALIASES));
    out.push_str(&values::<Form>("Form", "form", &[]));
    out.push_str(&values("Formality", "formality", FORMALITY_ALIASES));
    out.push_str(&values::<Accountability>(
        "Accountability",
        "accountability",
        &[],
    ));
    out.push_str(&values::<Risk>("Risk", "risk", &[]));
    out.push_str(&values("Initiator", "initiator", INITIATOR_ALIASES));
    out.push_str(&values::<Status>("Status", "status", &[]));
    out.push_str(&headers("CSV actors table", ACTOR_HEADERS));
    out.push_str(&headers("CSV partnerships table", PARTNERSHIP_HEADERS));
    out.push('\n');
    out
}

#[test]
fn the_readme_lists_every_import_spelling_the_code_accepts() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme
        .find(START)
        .expect("README has the aliases:start marker");
    let body = start + readme[start..].find("-->\n").unwrap() + 4;
    let end = readme.find(END).expect("README has the aliases:end marker");
    let want = generated();
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{}{}", &readme[..body], want, &readme[end..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    assert_eq!(
        readme[body..end],
        want,
        "README's import spellings are out of date: run UPDATE_README=1 cargo test --test integration docs::"
    );
    // The generated list names what a user would look for.
    for needle in [
        "\"NGO\"",
        "`CivilSociety`",
        "\"province\"",
        "\"organisation\"",
    ] {
        assert!(want.contains(needle), "{needle} missing from the list");
    }
}

/// The README's table of limits gives the numbers the code uses (design.md §11: one set of
/// numbers, documented once).
#[test]
fn the_readmes_limits_are_the_codes() {
    use partnermap::model::{MAX_COORD, MAX_ITEMS, MAX_LIST_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS};
    let readme = std::fs::read_to_string("README.md").unwrap();
    let table = readme
        .split("## Limits")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a Limits section");
    let grouped = |n: u64| {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    let rows = [
        (
            "A file read: map",
            format!("{} MB", partnermap::io::MAX_FILE_BYTES / 1024 / 1024),
        ),
        (
            "A pipe or device",
            format!("{} s", partnermap::io::bounded::PIPE_TIME.as_secs()),
        ),
        (
            "Actors; partnerships",
            format!("{} each", grouped(MAX_ITEMS as u64)),
        ),
        (
            "A position",
            format!("between −{0} and {0}", grouped(MAX_COORD as u64)),
        ),
        ("An actor's name", format!("{MAX_NAME_CHARS} characters")),
        (
            "Any other text",
            format!("{} characters", grouped(MAX_TEXT_CHARS as u64)),
        ),
        (
            "A list",
            format!(
                "{} entries, {} characters together",
                grouped(partnermap::model::bounded::MAX_LIST_ITEMS as u64),
                grouped(MAX_LIST_CHARS as u64)
            ),
        ),
        (
            "A PNG |",
            format!(
                "{} pixels",
                grouped(partnermap::io::export::png::MAX_PIXELS)
            ),
        ),
        (
            "A PNG or PDF picture",
            format!(
                "{} drawing elements",
                grouped(partnermap::io::export::MAX_DRAWN_ELEMENTS as u64)
            ),
        ),
    ];
    for (row, number) in rows {
        let line = table
            .lines()
            .find(|l| l.starts_with(&format!("| {row}")))
            .unwrap_or_else(|| panic!("no row for {row}"));
        assert!(
            line.contains(&number),
            "{row}: the README says {line}, the code {number}"
        );
    }
}
