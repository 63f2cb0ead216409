//! How perspectives (design.md §13) travel in the tables and the network formats, the same
//! way in CSV, XLSX, GraphML and GEXF:
//!
//! - one column (attribute) per perspective and score, named `FIELD [NAME]`: the score's
//!   field name, a space, and the perspective's name in square brackets ("trust_ab
//!   [Citizens]", "stance [Civil society]"). The columns come after the table's own and the
//!   custom fields, grouped by perspective in the map's order, each group's scores in the
//!   order of [`ActorScore::ALL`] and [`PartnershipScore::ALL`]. A value is written as the
//!   map's own value of FIELD is in the same table: a number, and form, formality and stance
//!   by their names ("Coalition"); a value the group did not give is an empty cell (left out
//!   in GraphML and GEXF). GraphML's `attr.name` cannot hold a space or a bracket, so there
//!   it is the name encoded as a name token and the key's `<desc>` holds it as it is;
//! - the map's own value `perspective [NAME]` holds the group's note (GraphML's data of the
//!   graph, GEXF's `<?partnermap?>` instructions, a row of `map.csv`). These come in the
//!   map's order, so they also keep the order of the perspectives and the ones that gave no
//!   value yet;
//! - the map's own value `map_values` says whether the map's values are set by hand
//!   (`ByHand`) or follow the perspectives (`FollowPerspectives`);
//! - the partnerships table (not GraphML or GEXF) has a `disagreement` column, the
//!   partnership's disagreement between the voices, 0–1 (computed, so an import does not
//!   read it back).
//!
//! All of these appear only for a map with perspectives (`map_values` also when it is not
//! `ByHand`): a map without them is exported byte for byte as before. A custom field named
//! like one of them travels with the `custom_` prefix (see
//! [`super::attributes::encode_custom`]).

use super::attributes::{AttrDef, AttrType};
use crate::model::{
    ActorId, ActorScore, Choice, Form, Formality, MapValues, PartnershipId, PartnershipScore,
    Project, Score, Stance,
};

/// The map's value that holds a perspective's note: `perspective [NAME]`.
pub const NOTE_FIELD: &str = "perspective";
/// The map's value that says whether the map's values follow the perspectives.
pub const MAP_VALUES: &str = "map_values";
/// The partnerships table's column of disagreement between the voices.
pub const DISAGREEMENT: &str = "disagreement";

/// The column or attribute name of `field` as the perspective `name` gave it:
/// `FIELD [NAME]`.
pub fn column(field: &str, name: &str) -> String {
    format!("{field} [{name}]")
}

/// The field and perspective name of a column named `FIELD [NAME]` whose FIELD is one of
/// `fields`; `None` for any other name.
pub fn parse_column(
    column: &str,
    fields: impl IntoIterator<Item = &'static str>,
) -> Option<(&'static str, &str)> {
    let inner = column.strip_suffix(']')?;
    fields.into_iter().find_map(|f| {
        let name = inner.strip_prefix(f)?.strip_prefix(" [")?;
        Some((f, name))
    })
}

/// The field names of the actor scores.
pub fn actor_fields() -> impl Iterator<Item = &'static str> {
    ActorScore::ALL.iter().map(|s| s.field())
}

/// The field names of the partnership scores.
pub fn partnership_fields() -> impl Iterator<Item = &'static str> {
    PartnershipScore::ALL.iter().map(|s| s.field())
}

/// The perspective whose value of an actor score a column named `column` holds.
pub fn actor_column(column: &str) -> Option<(&'static str, &str)> {
    parse_column(column, actor_fields())
}

/// The perspective whose value of a partnership score a column named `column` holds.
pub fn partnership_column(column: &str) -> Option<(&'static str, &str)> {
    parse_column(column, partnership_fields())
}

/// The perspective whose note the map's value `name` holds (`perspective [NAME]`).
pub fn note_column(name: &str) -> Option<&str> {
    parse_column(name, [NOTE_FIELD]).map(|(_, name)| name)
}

/// Whether `name` is one that perspectives use (a score's column, a note, `map_values` or
/// `disagreement`): a custom field so named gets the `custom_` prefix in every format.
pub fn is_reserved(name: &str) -> bool {
    name == MAP_VALUES
        || name == DISAGREEMENT
        || actor_column(name).is_some()
        || partnership_column(name).is_some()
        || note_column(name).is_some()
}

/// Whether the map writes its perspectives' columns and values: when it has perspectives or
/// its values follow them.
pub fn has_any(project: &Project) -> bool {
    !project.perspectives.is_empty() || project.settings.map_values != MapValues::ByHand
}

/// `map_values` as written: `ByHand` or `FollowPerspectives`.
pub fn map_values_name(v: MapValues) -> &'static str {
    match v {
        MapValues::ByHand => "ByHand",
        MapValues::FollowPerspectives => "FollowPerspectives",
    }
}

/// The setting `text` names (case, spaces and `_` aside).
pub fn parse_map_values(text: &str) -> Result<MapValues, String> {
    let key: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "byhand" => Ok(MapValues::ByHand),
        "followperspectives" => Ok(MapValues::FollowPerspectives),
        _ => Err(format!(
            "\"{text}\" is not a way to keep the map's values; use ByHand or FollowPerspectives"
        )),
    }
}

/// The name of the choice at `index` in `C::ALL`.
fn choice_name<C: Choice>(index: i8) -> Option<&'static str> {
    usize::try_from(index)
        .ok()
        .and_then(|i| C::ALL.get(i))
        .map(|c| c.name())
}

/// How a perspective's value is written: form, formality and stance by their names, the
/// other scores as numbers.
pub enum Written {
    /// A whole number.
    Number(i8),
    /// A choice's name.
    Name(&'static str),
}

impl Written {
    /// As text (GraphML, GEXF).
    pub fn text(&self) -> String {
        match self {
            Self::Number(v) => v.to_string(),
            Self::Name(n) => (*n).to_string(),
        }
    }
}

/// How a value of the actor score `score` is written.
pub fn actor_written(score: ActorScore, v: i8) -> Written {
    match score {
        ActorScore::Stance => choice_name::<Stance>(v).map_or(Written::Number(v), Written::Name),
        _ => Written::Number(v),
    }
}

/// How a value of the partnership score `score` is written.
pub fn partnership_written(score: PartnershipScore, v: i8) -> Written {
    let name = match score {
        PartnershipScore::Form => choice_name::<Form>(v),
        PartnershipScore::Formality => choice_name::<Formality>(v),
        _ => None,
    };
    name.map_or(Written::Number(v), Written::Name)
}

/// The attribute type of a score's values.
fn attr_type(written_as_name: bool) -> AttrType {
    if written_as_name {
        AttrType::String
    } else {
        AttrType::Int
    }
}

/// The actors' attributes of `project`'s perspectives, in the order of [`actor_values`].
pub fn actor_defs(project: &Project) -> Vec<AttrDef> {
    let mut out = Vec::new();
    for view in &project.perspectives {
        for &s in ActorScore::ALL {
            out.push(AttrDef {
                name: column(s.field(), &view.name),
                ty: attr_type(s == ActorScore::Stance),
            });
        }
    }
    out
}

/// The partnerships' attributes of `project`'s perspectives, in the order of
/// [`partnership_values`].
pub fn partnership_defs(project: &Project) -> Vec<AttrDef> {
    let mut out = Vec::new();
    for view in &project.perspectives {
        for &s in PartnershipScore::ALL {
            let named = matches!(s, PartnershipScore::Form | PartnershipScore::Formality);
            out.push(AttrDef {
                name: column(s.field(), &view.name),
                ty: attr_type(named),
            });
        }
    }
    out
}

/// Each perspective's values of actor `id`, one per [`actor_defs`] (`None`: not given).
pub fn actor_values(project: &Project, id: ActorId) -> impl Iterator<Item = Option<Written>> {
    project.perspectives.iter().flat_map(move |view| {
        let rating = view.actor(id);
        ActorScore::ALL
            .iter()
            .map(move |&s| rating.and_then(|r| r.get(s)).map(|v| actor_written(s, v)))
    })
}

/// Each perspective's values of partnership `id`, one per [`partnership_defs`].
pub fn partnership_values(
    project: &Project,
    id: PartnershipId,
) -> impl Iterator<Item = Option<Written>> {
    project.perspectives.iter().flat_map(move |view| {
        let rating = view.partnership(id);
        PartnershipScore::ALL.iter().map(move |&s| {
            rating
                .and_then(|r| r.get(s))
                .map(|v| partnership_written(s, v))
        })
    })
}

/// The map's own values about its perspectives, name and text: `map_values`, then each
/// perspective's note (possibly empty); nothing for a map without perspectives whose values
/// are set by hand.
pub fn map_entries(project: &Project) -> Vec<(String, String)> {
    if !has_any(project) {
        return Vec::new();
    }
    let mut out = vec![(
        MAP_VALUES.to_string(),
        map_values_name(project.settings.map_values).to_string(),
    )];
    out.extend(
        project
            .perspectives
            .iter()
            .map(|v| (column(NOTE_FIELD, &v.name), v.note.clone())),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_by_field_and_group_and_read_back_whatever_the_name() {
        assert_eq!(column("trust_ab", "Citizens"), "trust_ab [Citizens]");
        assert_eq!(
            partnership_column("trust_ab [Citizens]"),
            Some(("trust_ab", "Citizens"))
        );
        // A name with brackets and spaces of its own.
        assert_eq!(
            partnership_column("form [ a] [b ]"),
            Some(("form", " a] [b "))
        );
        assert_eq!(
            actor_column("stance [Civil society]"),
            Some(("stance", "Civil society"))
        );
        assert_eq!(actor_column("trust_ab [Citizens]"), None);
        assert_eq!(partnership_column("trust_ab[Citizens]"), None);
        assert_eq!(partnership_column("trust_ab [Citizens"), None);
        assert_eq!(note_column("perspective [Donors]"), Some("Donors"));
        assert!(is_reserved("disagreement") && is_reserved("map_values"));
        assert!(is_reserved("influence [x]") && !is_reserved("influence"));
    }

    #[test]
    fn values_are_written_as_the_maps_own() {
        assert_eq!(
            partnership_written(PartnershipScore::Form, 1).text(),
            "Coalition"
        );
        assert_eq!(
            partnership_written(PartnershipScore::Formality, 3).text(),
            "Mou"
        );
        assert_eq!(
            partnership_written(PartnershipScore::Power, -2).text(),
            "-2"
        );
        assert_eq!(actor_written(ActorScore::Stance, 2).text(), "Opposes");
        assert_eq!(actor_written(ActorScore::Influence, 4).text(), "4");
        assert_eq!(
            parse_map_values("follow perspectives"),
            Ok(MapValues::FollowPerspectives)
        );
        assert!(parse_map_values("median").is_err());
    }
}
