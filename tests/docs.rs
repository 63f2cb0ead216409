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
