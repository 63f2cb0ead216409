//! The headers that name each field in a table, beyond the field's own name, and the
//! guess of what each column of a table gives.

use super::Target;
use crate::io::import::fields::fold;

/// Headers that name each actor field, beyond the field's own name (compared folded: case,
/// spaces, `_`, `-`, `.` ignored).
pub const ACTOR_HEADERS: &[(&str, &[&str])] = &[
    ("id", &["actor id", "node id", "key", "code"]),
    (
        "name",
        &[
            "actor",
            "actor name",
            "organisation",
            "organization",
            "org",
            "stakeholder",
            "label",
            "node",
            "full name",
        ],
    ),
    ("short", &["short name", "abbreviation", "acronym", "abbr"]),
    ("sector", &["sector type"]),
    ("kind", &["type", "actor type", "category", "subtype"]),
    (
        "level",
        &["tier", "governance level", "administrative level"],
    ),
    ("interest", &["stake"]),
    ("stance", &["attitude"]),
    ("tags", &["tag", "keywords"]),
    (
        "notes",
        &["note", "comment", "comments", "description", "remarks"],
    ),
    (
        "sources",
        &["source", "reference", "references", "citation", "citations"],
    ),
    ("x", &["pos x", "position x"]),
    ("y", &["pos y", "position y"]),
];

/// Headers that name each partnership field, beyond the field's own name.
pub const PARTNERSHIP_HEADERS: &[(&str, &[&str])] = &[
    (
        "id",
        &["partnership id", "edge id", "link id", "relationship id"],
    ),
    (
        "a",
        &[
            "source",
            "from",
            "actor a",
            "actor 1",
            "source id",
            "from id",
            "node 1",
        ],
    ),
    ("a_name", &["source name", "from name"]),
    (
        "b",
        &[
            "target",
            "to",
            "actor b",
            "actor 2",
            "target id",
            "to id",
            "node 2",
        ],
    ),
    ("b_name", &["target name", "to name"]),
    (
        "label",
        &["name", "title", "edge label", "relationship", "relation"],
    ),
    ("functions", &["function", "purpose", "purposes"]),
    ("formality", &["formalisation", "formalization"]),
    ("trust_ab", &["trust a to b", "trust a→b"]),
    ("trust_ba", &["trust b to a", "trust b→a"]),
    ("initiator", &["initiated by", "started by"]),
    ("start", &["start date", "since"]),
    ("end", &["end date", "until"]),
    ("disablers", &["barriers"]),
    (
        "notes",
        &["note", "comment", "comments", "description", "remarks"],
    ),
    (
        "sources",
        &["reference", "references", "citation", "citations"],
    ),
];
/// What the column `header` gives: the field of `fields` it names (folded), else the field
/// one of its `aliases` names, else a custom field.
fn guess(header: &str, fields: &[&'static str], aliases: &[(&str, &[&str])]) -> Target {
    let key = fold(header);
    if let Some(f) = fields.iter().find(|f| fold(f) == key) {
        return Target::Field(f);
    }
    for (field, names) in aliases {
        if names.iter().any(|n| fold(n) == key)
            && let Some(f) = fields.iter().find(|f| *f == field)
        {
            return Target::Field(f);
        }
    }
    Target::Custom
}

/// Guesses a target per header; a field already given by an earlier column makes the later
/// one a custom field. A column named `FIELD [NAME]` gives a perspective's score of an actor
/// (of a partnership, for `edges`); in a partnerships table with such columns, the column
/// `disagreement` is PartnerMap's, computed from them, and is left out.
pub(super) fn guess_all(
    headers: &[String],
    fields: &[&'static str],
    aliases: &[(&str, &[&str])],
    edges: bool,
) -> Vec<Target> {
    let mut taken = Vec::new();
    let ratings: Vec<Option<Target>> = headers
        .iter()
        .map(|h| super::mapping::rating(h, edges))
        .collect();
    let computed = edges && ratings.iter().any(Option::is_some);
    headers
        .iter()
        .zip(ratings)
        .map(|(h, rating)| match rating {
            Some(t) => t,
            None if computed && h == crate::io::export::perspectives::DISAGREEMENT => {
                Target::Ignore
            }
            None => guess(h, fields, aliases),
        })
        .map(|t| match t {
            Target::Field(f) if taken.contains(&f) => Target::Custom,
            Target::Field(f) => {
                taken.push(f);
                Target::Field(f)
            }
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::import::fields::{ACTOR_FIELDS, PARTNERSHIP_FIELDS};

    #[test]
    fn headers_are_guessed_by_field_name_and_common_spellings() {
        let headers: Vec<String> = ["Organisation", "Type", "Sector", "Level", "Budget", "Name"]
            .map(String::from)
            .to_vec();
        let t = guess_all(&headers, &ACTOR_FIELDS, ACTOR_HEADERS, false);
        assert_eq!(
            t,
            [
                Target::Field("name"),
                Target::Field("kind"),
                Target::Field("sector"),
                Target::Field("level"),
                Target::Custom,
                Target::Custom, // name is taken by "Organisation"
            ]
        );
        let edges: Vec<String> = ["Source", "Target", "Label", "Trust AB"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            guess_all(&edges, &PARTNERSHIP_FIELDS, PARTNERSHIP_HEADERS, true),
            [
                Target::Field("a"),
                Target::Field("b"),
                Target::Field("label"),
                Target::Field("trust_ab"),
            ]
        );
    }
}
