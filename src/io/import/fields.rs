//! The fields an import can fill, and how a cell or attribute value becomes a model value.
//!
//! Every format shares these rules, so that a value means the same thing in a CSV cell, a
//! GraphML `<data>` and a GEXF `<attvalue>`:
//!
//! - enumerations accept the variant name (`CivilSociety`), the label ("Civil society") and
//!   the common spellings of [`SECTOR_ALIASES`] and friends, ignoring case, spaces, `_`, `-`
//!   and `.`;
//! - scores accept whole numbers inside their scale (`3` or `3.0`);
//! - yes/no fields accept `true`/`false`, `yes`/`no`, `y`/`n`, `1`/`0`, `x` and an empty
//!   cell (no);
//! - lists are split at `;`, each item trimmed, empty items dropped (`\;` is a `;` inside an
//!   item and `\\` a backslash);
//! - dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
//!
//! A value that fits none of these is an error that names the value and what would fit:
//! nothing is guessed.

use crate::model::scales::Scale;
use crate::model::{
    Accountability, Actor, Choice, Formality, Function, Initiator, Level, PartialDate, Partnership,
    Position, Project, Risk, Sector, Status, scales,
};

/// The fields of an actor that an import can fill: the columns of `actors.csv` (design.md
/// §3; `x`, `y` are the position).
pub use crate::io::export::csv::ACTOR_COLUMNS as ACTOR_FIELDS;
/// The fields of a partnership that an import can fill: the columns of `partnerships.csv`.
/// `a` and `b` are the two actors (by id or by name); `a_name` and `b_name` are used only
/// when `a` or `b` is absent.
pub use crate::io::export::csv::PARTNERSHIP_COLUMNS as PARTNERSHIP_FIELDS;

/// Common spellings of the sectors, beyond their names and labels.
pub const SECTOR_ALIASES: &[(&str, Sector)] = &[
    ("government", Sector::State),
    ("gov", Sector::State),
    ("govt", Sector::State),
    ("public", Sector::State),
    ("public sector", Sector::State),
    ("state actor", Sector::State),
    ("NGO", Sector::CivilSociety),
    ("INGO", Sector::CivilSociety),
    ("CSO", Sector::CivilSociety),
    ("CBO", Sector::CivilSociety),
    ("civil society organisation", Sector::CivilSociety),
    ("civil society organization", Sector::CivilSociety),
    ("non-profit", Sector::CivilSociety),
    ("nonprofit", Sector::CivilSociety),
    ("non-governmental", Sector::CivilSociety),
    ("business", Sector::Private),
    ("company", Sector::Private),
    ("firm", Sector::Private),
    ("private sector", Sector::Private),
    ("market", Sector::Private),
    ("for-profit", Sector::Private),
    ("citizens", Sector::Community),
    ("community group", Sector::Community),
    ("user group", Sector::Community),
    ("funder", Sector::Donor),
    ("development partner", Sector::Donor),
    ("international agency", Sector::Donor),
    ("joint body", Sector::Joint),
    ("joint committee", Sector::Joint),
    ("platform", Sector::Joint),
    ("multi-stakeholder platform", Sector::Joint),
];

/// Common spellings of the levels.
pub const LEVEL_ALIASES: &[(&str, Level)] = &[
    ("global", Level::International),
    ("intl", Level::International),
    ("central", Level::National),
    ("country", Level::National),
    ("province", Level::Provincial),
    ("regional", Level::Provincial),
    ("region", Level::Provincial),
    ("municipal", Level::District),
    ("municipality", Level::District),
    ("sangkat", Level::Commune),
    ("local", Level::Commune),
    ("community", Level::Village),
];

/// Common spellings of the functions.
pub const FUNCTION_ALIASES: &[(&str, Function)] = &[
    ("services", Function::ServiceDelivery),
    ("advocacy", Function::PolicyInfluence),
    ("policy", Function::PolicyInfluence),
    ("training", Function::CapacityBuilding),
    ("capacity development", Function::CapacityBuilding),
    ("monitoring", Function::Accountability),
    ("social accountability", Function::Accountability),
    ("mediation", Function::DisputeResolution),
    ("conflict resolution", Function::DisputeResolution),
    ("research", Function::Learning),
    ("knowledge exchange", Function::Learning),
    ("funding", Function::Financing),
    ("finance", Function::Financing),
    ("grant", Function::Financing),
];

/// Common spellings of the forms of formality.
pub const FORMALITY_ALIASES: &[(&str, Formality)] = &[
    ("informal", Formality::Personal),
    ("memorandum of understanding", Formality::Mou),
    ("contract", Formality::ContractOrGrant),
    ("grant", Formality::ContractOrGrant),
    ("agreement", Formality::ContractOrGrant),
    ("statutory", Formality::Institutionalised),
    ("institutionalized", Formality::Institutionalised),
];

/// Common spellings of the initiators.
pub const INITIATOR_ALIASES: &[(&str, Initiator)] = &[
    ("a", Initiator::A),
    ("source", Initiator::A),
    ("b", Initiator::B),
    ("target", Initiator::B),
    ("both", Initiator::Joint),
    ("third party", Initiator::ThirdParty),
    ("donor", Initiator::ThirdParty),
];

/// Text folded for comparison: lower case without spaces, `_`, `-`, `.` or `'`.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.' | '\'' | '\u{a0}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The value of `T` that `text` names by variant name, label or alias.
pub fn parse_choice<T: Choice>(text: &str, what: &str, aliases: &[(&str, T)]) -> Result<T, String> {
    let key = fold(text);
    T::ALL
        .iter()
        .copied()
        .find(|v| fold(v.name()) == key || fold(v.label()) == key)
        .or_else(|| {
            aliases
                .iter()
                .find(|(alias, _)| fold(alias) == key)
                .map(|(_, v)| *v)
        })
        .ok_or_else(|| {
            let names: Vec<&str> = T::ALL.iter().map(|v| v.name()).collect();
            format!(
                "\"{text}\" is not a {what}; use one of {}",
                names.join(", ")
            )
        })
}

/// A whole number inside `scale` (`3` or `3.0`).
pub fn parse_score(text: &str, scale: &Scale) -> Result<i32, String> {
    let t = text.trim();
    let value = t
        .parse::<i64>()
        .ok()
        .or_else(|| {
            t.parse::<f64>()
                .ok()
                .filter(|v| v.fract() == 0.0 && v.abs() < 1e9)
                .map(|v| v as i64)
        })
        .ok_or_else(|| {
            format!(
                "\"{text}\" is not a whole number; {} is {} to {}",
                scale.what, scale.min, scale.max
            )
        })?;
    if value < i64::from(scale.min) || value > i64::from(scale.max) {
        return Err(format!(
            "{value} is outside {} {}–{}",
            scale.what, scale.min, scale.max
        ));
    }
    Ok(value as i32)
}

/// A yes/no value.
pub fn parse_bool(text: &str) -> Result<bool, String> {
    match fold(text).as_str() {
        "true" | "yes" | "y" | "1" | "x" | "t" => Ok(true),
        "false" | "no" | "n" | "0" | "f" | "" => Ok(false),
        _ => Err(format!("\"{text}\" is not yes or no (true/false)")),
    }
}

/// A finite number.
pub fn parse_number(text: &str) -> Result<f64, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("\"{text}\" is not a number"))
}

/// The largest distance from 0, either way, of a position PartnerMap draws (design.md §11:
/// a canvas cannot draw beyond it): the model's own limit.
pub const MAX_POSITION: f64 = crate::model::MAX_COORD;

/// [`MAX_POSITION`] as messages write it.
const MAX_POSITION_TEXT: &str = "±1,000,000,000";

/// Whether `v` is a coordinate PartnerMap can draw: a number within [`MAX_POSITION`].
pub fn drawable(v: f64) -> bool {
    v.is_finite() && v.abs() <= MAX_POSITION
}

/// A coordinate of a position (`x`, `y`): a number within [`MAX_POSITION`].
pub fn parse_coordinate(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(v) if drawable(v) => Ok(v),
        Ok(v) if !v.is_nan() => Err(format!(
            "\"{text}\" is not a position PartnerMap can draw (beyond {MAX_POSITION_TEXT})"
        )),
        _ => Err(format!("\"{text}\" is not a number")),
    }
}

/// The coordinate `name` of a position drawn by another tool (an attribute of GEXF's
/// `viz:position` or yEd's `y:Geometry`, `text` as written, `None` when it is missing), or
/// why it cannot be drawn, for a note ("x=1e999 is not a position…").
pub fn drawn_coordinate(name: &str, text: Option<&str>) -> Result<f64, String> {
    let Some(text) = text else {
        return Err(format!("has no {name}"));
    };
    match text.trim().parse::<f64>() {
        Ok(v) if drawable(v) => Ok(v),
        Ok(v) if !v.is_nan() => Err(beyond(&format!("{name}={text}"))),
        _ => Err(format!("{name}={text} is not a number")),
    }
}

/// Why the position `written` ("x=1e999") cannot be drawn.
pub fn beyond(written: &str) -> String {
    format!("{written} is not a position PartnerMap can draw (beyond {MAX_POSITION_TEXT})")
}

/// The number an untyped cell means, if it plainly is one. Text that only parses as a
/// number stays text, so that nothing changes on the way in: a phone number with `+`
/// (`+85512345678`), a code with leading zeros (`007`), and digits beyond what a number
/// keeps exactly (`1234567890123456789`, more than 15 significant digits) unless that is
/// how the number is written anyway.
pub fn plain_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let n = parse_number(t).ok()?;
    let unsigned = t.strip_prefix('-').unwrap_or(t);
    if unsigned.starts_with('+') || t.starts_with('+') {
        return None;
    }
    let whole = unsigned.split(['.', 'e', 'E']).next().unwrap_or("");
    if whole.len() > 1 && whole.starts_with('0') {
        return None;
    }
    let mantissa = unsigned.split(['e', 'E']).next().unwrap_or("");
    let significant = mantissa
        .chars()
        .filter(char::is_ascii_digit)
        .skip_while(|&c| c == '0')
        .count();
    (significant <= 15 || n.to_string() == t).then_some(n)
}

/// A list cell split at `;`, items trimmed, empty items dropped. `\;` is a `;` inside an
/// item and `\\` a backslash, as PartnerMap's exports write them
/// ([`join`](crate::io::export::text::join)); a backslash before anything else is itself
/// (`C:\data` as written by hand).
pub fn split_list(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut items = Vec::new();
    let mut item = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.peek() {
                Some(&next @ ('\\' | ';')) => {
                    item.push(next);
                    chars.next();
                }
                _ => item.push('\\'),
            },
            ';' => items.push(std::mem::take(&mut item)),
            c => item.push(c),
        }
    }
    items.push(item);
    items.into_iter().filter_map(|item| {
        let trimmed = item.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_string())
    })
}

fn date(text: &str) -> Result<Option<PartialDate>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    crate::model::parse_partial_date(t)
        .map(|_| Some(PartialDate(t.to_string())))
        .map_err(|why| format!("\"{text}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD): {why}"))
}

fn score_u8(text: &str, scale: &Scale) -> Result<Option<u8>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_score(text, scale).map(|v| Some(v as u8))
}

fn choice_opt<T: Choice>(
    text: &str,
    what: &str,
    aliases: &[(&str, T)],
) -> Result<Option<T>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_choice(text, what, aliases).map(Some)
}

/// Sets the actor field `field` (one of [`ACTOR_FIELDS`] other than `id`) from `text`.
/// Returns whether the field is known; `x` and `y` are written into `position` and marked in
/// `placed` (x, y).
pub fn set_actor(
    actor: &mut Actor,
    placed: &mut (bool, bool),
    field: &str,
    text: &str,
) -> Result<(), String> {
    let score = |scale: &Scale| -> Result<u8, String> { parse_score(text, scale).map(|v| v as u8) };
    match field {
        "name" => actor.name = text.to_string(),
        "short" => actor.short = Some(text.to_string()),
        "sector" => actor.sector = Some(parse_choice(text, "sector", SECTOR_ALIASES)?),
        "kind" => actor.kind = text.to_string(),
        "level" => actor.level = Some(parse_choice(text, "level", LEVEL_ALIASES)?),
        "influence" => actor.influence = Some(score(&scales::INFLUENCE)?),
        "interest" => actor.interest = Some(score(&scales::INTEREST)?),
        "capacity" => actor.capacity = score_u8(text, &scales::CAPACITY)?,
        "stance" => actor.stance = choice_opt(text, "stance", &[])?,
        "resources" => actor.resources = split_list(text).collect(),
        "tags" => actor.tags = split_list(text).collect(),
        "notes" => actor.notes = text.to_string(),
        "sources" => actor.sources = split_list(text).collect(),
        "pinned" => actor.pinned = parse_bool(text)?,
        "x" => {
            actor.position = Position::new(parse_coordinate(text)?, actor.position.y);
            placed.0 = true;
        }
        "y" => {
            actor.position = Position::new(actor.position.x, parse_coordinate(text)?);
            placed.1 = true;
        }
        other => return Err(format!("`{other}` is not a field of an actor")),
    }
    Ok(())
}

/// Sets the partnership field `field` (one of [`PARTNERSHIP_FIELDS`] other than `id`, `a`,
/// `b`, `a_name`, `b_name`) from `text`.
pub fn set_partnership(p: &mut Partnership, field: &str, text: &str) -> Result<(), String> {
    let pr = &mut p.practices;
    match field {
        "label" => p.label = Some(text.to_string()),
        "functions" => {
            p.functions = split_list(text)
                .map(|f| parse_choice(&f, "function", FUNCTION_ALIASES))
                .collect::<Result<_, _>>()?;
        }
        "form" => p.form = Some(parse_choice(text, "form", &[])?),
        "formality" => p.formality = Some(parse_choice(text, "formality", FORMALITY_ALIASES)?),
        "info_sharing" => pr.info_sharing = parse_bool(text)?,
        "aligned_activities" => pr.aligned_activities = parse_bool(text)?,
        "joint_goals" => pr.joint_goals = parse_bool(text)?,
        "shared_resources" => pr.shared_resources = parse_bool(text)?,
        "jointly_managed_resources" => pr.jointly_managed_resources = parse_bool(text)?,
        "mutual_decisions" => pr.mutual_decisions = parse_bool(text)?,
        "trust_ab" => p.trust_ab = score_u8(text, &scales::TRUST)?,
        "trust_ba" => p.trust_ba = score_u8(text, &scales::TRUST)?,
        "power" => {
            p.power = if text.trim().is_empty() {
                None
            } else {
                Some(parse_score(text, &scales::POWER)? as i8)
            }
        }
        "contribution_a" => p.contribution_a = score_u8(text, &scales::CONTRIBUTION)?,
        "contribution_b" => p.contribution_b = score_u8(text, &scales::CONTRIBUTION)?,
        "identity_a" => p.identity_a = score_u8(text, &scales::IDENTITY)?,
        "identity_b" => p.identity_b = score_u8(text, &scales::IDENTITY)?,
        "accountability" => {
            p.accountability = choice_opt::<Accountability>(text, "kind of accountability", &[])?;
        }
        "risk" => p.risk = choice_opt::<Risk>(text, "way of sharing risk", &[])?,
        "initiator" => p.initiator = choice_opt(text, "initiator", INITIATOR_ALIASES)?,
        "status" => p.status = parse_choice::<Status>(text, "status", &[])?,
        "start" => p.start = date(text)?,
        "end" => p.end = date(text)?,
        "enablers" => p.enablers = split_list(text).collect(),
        "disablers" => p.disablers = split_list(text).collect(),
        "notes" => p.notes = text.to_string(),
        "sources" => p.sources = split_list(text).collect(),
        other => return Err(format!("`{other}` is not a field of a partnership")),
    }
    Ok(())
}

/// A perspective's value of the actor score `field` (`influence`, …, `stance`) read from
/// `text` by the rules of the map's own field of that name; `None` for an empty text.
pub fn actor_score(field: &str, text: &str) -> Result<Option<i8>, String> {
    use crate::model::{ActorId, ActorRating, ActorScore, Score};
    let score = ActorScore::ALL
        .iter()
        .find(|s| s.field() == field)
        .ok_or_else(|| format!("`{field}` is not a score of an actor"))?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    let mut scratch = Actor::named(ActorId(1), String::new());
    set_actor(&mut scratch, &mut (false, false), field, text)?;
    Ok(ActorRating::of(&scratch).get(*score))
}

/// A perspective's value of the partnership score `field` (`form`, …, `identity_b`), as
/// [`actor_score`].
pub fn partnership_score(field: &str, text: &str) -> Result<Option<i8>, String> {
    use crate::model::{ActorId, PartnershipId, PartnershipRating, PartnershipScore, Score};
    let score = PartnershipScore::ALL
        .iter()
        .find(|s| s.field() == field)
        .ok_or_else(|| format!("`{field}` is not a score of a partnership"))?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    let mut scratch = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
    set_partnership(&mut scratch, field, text)?;
    Ok(PartnershipRating::of(&scratch).get(*score))
}

/// Sets the map's own field `field` (one of
/// [`MAP_FIELDS`](crate::io::export::attributes::MAP_FIELDS)) from `text`. Cuts outside 0–1
/// are left to the map's validation, which names them.
pub fn set_map(project: &mut Project, field: &str, text: &str) -> Result<(), String> {
    let meta = &mut project.meta;
    let cuts = &mut project.settings.cuts;
    let id = || {
        text.trim()
            .parse::<u64>()
            .map_err(|_| format!("\"{text}\" is not a whole number"))
    };
    match field {
        "title" => meta.title = text.to_string(),
        "description" => meta.description = text.to_string(),
        "author" => meta.author = text.to_string(),
        "created" => meta.created = text.to_string(),
        "modified" => meta.modified = text.to_string(),
        "origin" => meta.origin = text.to_string(),
        "colour_by" => project.settings.colour_by = parse_choice(text, "colour-by choice", &[])?,
        "next_ids.actor" => project.next_ids.actor = id()?,
        "next_ids.partnership" => project.next_ids.partnership = id()?,
        "map_values" => {
            project.settings.map_values = crate::io::export::perspectives::parse_map_values(text)?;
        }
        // Which way the file's y points: the import reads it before the actors.
        "y_axis" => {}
        other => {
            let cut = match other
                .strip_suffix(".x")
                .or_else(|| other.strip_suffix(".y"))
            {
                Some("cuts.a") => &mut cuts.a,
                Some("cuts.b") => &mut cuts.b,
                Some("cuts.c") => &mut cuts.c,
                Some("cuts.d") => &mut cuts.d,
                _ => return Err(format!("`{other}` is not a field of a map")),
            };
            let value = parse_number(text)?;
            if other.ends_with(".x") {
                cut.x = value;
            } else {
                cut.y = value;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Form;

    #[test]
    fn only_plain_numbers_become_numbers_and_the_rest_stays_text_as_written() {
        for (text, want) in [
            ("3", Some(3.0)),
            ("-2.5", Some(-2.5)),
            ("0.75", Some(0.75)),
            ("0", Some(0.0)),
            ("1e3", Some(1000.0)),
            ("123456789012345", Some(123_456_789_012_345.0)),
            ("+85512345678", None),
            ("007", None),
            ("-01", None),
            ("1234567890123456789", None),
            ("0.1234567890123456789", None),
            ("12 000", None),
            ("NaN", None),
            ("", None),
        ] {
            assert_eq!(super::plain_number(text), want, "{text:?}");
        }
    }

    #[test]
    fn enumerations_accept_names_labels_and_aliases_and_refuse_the_rest() {
        let s = |t| parse_choice(t, "sector", SECTOR_ALIASES);
        assert_eq!(s("CivilSociety"), Ok(Sector::CivilSociety));
        assert_eq!(s("civil society"), Ok(Sector::CivilSociety));
        assert_eq!(s("NGO"), Ok(Sector::CivilSociety));
        assert_eq!(s(" ngo "), Ok(Sector::CivilSociety));
        assert_eq!(s("Government"), Ok(Sector::State));
        assert_eq!(s("private-sector"), Ok(Sector::Private));
        let err = s("Church").unwrap_err();
        assert!(err.contains("\"Church\" is not a sector"), "{err}");
        assert!(err.contains("CivilSociety"), "{err}");
        assert_eq!(
            parse_choice::<Formality>("MOU", "formality", FORMALITY_ALIASES),
            Ok(Formality::Mou)
        );
        assert_eq!(
            parse_choice::<Form>("collaboration", "form", &[]),
            Ok(Form::Collaboration)
        );
        assert_eq!(
            parse_choice::<Level>("Municipality", "level", LEVEL_ALIASES),
            Ok(Level::District)
        );
    }

    #[test]
    fn scores_must_be_whole_and_inside_their_scale() {
        assert_eq!(parse_score("4", &scales::TRUST), Ok(4));
        assert_eq!(parse_score("4.0", &scales::TRUST), Ok(4));
        assert_eq!(parse_score("-2", &scales::POWER), Ok(-2));
        assert!(
            parse_score("4.5", &scales::TRUST)
                .unwrap_err()
                .contains("whole number")
        );
        assert!(
            parse_score("6", &scales::TRUST)
                .unwrap_err()
                .contains("outside")
        );
        assert!(parse_score("high", &scales::TRUST).is_err());
        assert!(parse_score("1e300", &scales::TRUST).is_err());
    }

    #[test]
    fn yes_no_lists_and_dates() {
        assert_eq!(parse_bool("Yes"), Ok(true));
        assert_eq!(parse_bool("0"), Ok(false));
        assert_eq!(parse_bool(""), Ok(false));
        assert!(parse_bool("maybe").is_err());
        let items: Vec<String> = split_list(" funds; staff ;;facilities").collect();
        assert_eq!(items, ["funds", "staff", "facilities"]);
        let items: Vec<String> =
            split_list(r"a\; b; x\;y; back\\slash; end\\; \\\;; C:\data\").collect();
        assert_eq!(
            items,
            ["a; b", "x;y", r"back\slash", r"end\", r"\;", r"C:\data\"]
        );
        let mut p = Partnership::new(
            crate::model::PartnershipId(1),
            crate::model::ActorId(1),
            crate::model::ActorId(2),
        );
        set_partnership(&mut p, "start", "2012-06").unwrap();
        assert_eq!(p.start, Some(PartialDate("2012-06".into())));
        assert!(set_partnership(&mut p, "end", "2012-13").is_err());
        set_partnership(&mut p, "functions", "advocacy; Training").unwrap();
        assert_eq!(p.functions.len(), 2);
        assert!(p.functions.contains(&Function::PolicyInfluence));
        set_partnership(&mut p, "power", "").unwrap();
        assert_eq!(p.power, None);
    }
}
