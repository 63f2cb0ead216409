//! A line of quick entry, read and carried out without egui.
//!
//! The syntax (the bar's hint and the README say the same):
//! - `Name` adds an actor;
//! - `Name [sector]` adds it with that sector: a sector's name or label in any case, or a
//!   common word for it (`state`, `government`, `NGO`, `civil society`, `private`,
//!   `company`, `community`, `citizens`, `donor`, `joint`, … — the spellings imports
//!   accept, [`SECTOR_ALIASES`]);
//! - `First – Second` (en or em dash, `->`, `→`, or a hyphen between spaces) links two
//!   actors found by [`find_actor`]; either side may carry a `[sector]`, used if that side
//!   is a new actor.

use super::Command;
use super::matching::{Found, find_actor};
use crate::io::import::fields::{SECTOR_ALIASES, parse_choice};
use crate::model::{Actor, ActorId, Partnership, PartnershipId, Position, Project, Sector};

/// A name as typed, with the sector given after it in brackets, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    /// The name, trimmed.
    pub name: String,
    /// The sector typed in brackets after it.
    pub sector: Option<Sector>,
}

impl Named {
    /// A name without a sector.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            sector: None,
        }
    }
}

/// What a line of quick entry asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Add an actor.
    Actor(Named),
    /// Link the actors these names find (adding those that do not exist, once confirmed).
    Link(Named, Named),
}

/// Why a line cannot be carried out.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LineError {
    /// Nothing to do: a blank line, or a link with a blank side.
    #[error("Type a name, or two names with a dash between them.")]
    Blank,
    /// The word in brackets is not a sector (the message names those that are).
    #[error("{0}")]
    NotASector(String),
}

/// The separators between two names: en dash, em dash, arrows, or a hyphen with spaces.
const SEPARATORS: &[&str] = &[" – ", " — ", "->", "→", " - ", "–", "—"];

/// Reads a line of quick entry.
pub fn parse(line: &str) -> Result<Entry, LineError> {
    // Control characters pasted into the line never reach the map (model::text).
    let line = crate::model::text::clean(line);
    let line = line.trim();
    if line.is_empty() {
        return Err(LineError::Blank);
    }
    for sep in SEPARATORS {
        if let Some((a, b)) = line.split_once(sep) {
            return Ok(Entry::Link(named(a)?, named(b)?));
        }
    }
    Ok(Entry::Actor(named(line)?))
}

/// One name with its optional `[sector]` at the end.
fn named(text: &str) -> Result<Named, LineError> {
    let text = text.trim();
    let (name, sector) = match text.strip_suffix(']').and_then(|t| t.rsplit_once('[')) {
        Some((name, word)) => (name.trim(), Some(sector_word(word)?)),
        None => (text, None),
    };
    if name.is_empty() {
        return Err(LineError::Blank);
    }
    Ok(Named {
        name: name.to_string(),
        sector,
    })
}

/// The sector a word in brackets names, by the spellings imports accept.
pub fn sector_word(word: &str) -> Result<Sector, LineError> {
    parse_choice(word.trim(), "sector", SECTOR_ALIASES).map_err(LineError::NotASector)
}

/// One side of a link, as far as the map tells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Side {
    /// The actor the name finds, or the one the user picked.
    Known(ActorId),
    /// No actor fits: a new one, once the user confirms.
    New(Named),
    /// Several actors fit equally well: the user picks one.
    Ask(Named, Vec<ActorId>),
}

impl Side {
    /// What `named` finds on the map.
    pub fn find(project: &Project, named: Named) -> Self {
        match find_actor(project, &named.name) {
            Found::One(id) => Side::Known(id),
            Found::Several(ids) => Side::Ask(named, ids),
            Found::None => Side::New(named),
        }
    }
}

/// The part of the map a new actor should land in: left, top, right, bottom.
pub type Within = (f64, f64, f64, f64);

/// New actors named `names`, with the next free ids, each at a free place inside `within`
/// as near its centre as there is room (never on another actor, its label, or an actor
/// placed before it here). Each has its name and the sector typed in brackets, if any, and
/// nothing else: what nobody said stays not set (design.md §3).
pub fn new_actors(project: &Project, names: &[&Named], within: Within) -> Vec<Actor> {
    let centre = Position::new((within.0 + within.2) / 2.0, (within.1 + within.3) / 2.0);
    let mut placed: Option<Project> = None;
    let mut out = Vec::with_capacity(names.len());
    for (i, named) in names.iter().enumerate() {
        let id = ActorId(project.next_actor_id().0 + i as u64);
        let mut actor = Actor::named(id, named.name.trim());
        actor.sector = named.sector;
        let around = placed.as_ref().unwrap_or(project);
        let at = crate::layout::free_spot(around, &actor, centre, Some(within));
        actor.position = Position::new(at.x.round(), at.y.round());
        if i + 1 < names.len() {
            // Only a second new actor needs the first one on the map to avoid it.
            placed
                .get_or_insert_with(|| project.clone())
                .insert_actor(actor.clone());
        }
        out.push(actor);
    }
    out
}

/// What linking two sides adds: the command (one undo step), the new actors' ids and the
/// new partnership's id.
#[derive(Clone, Debug, PartialEq)]
pub struct Linking {
    /// Adds the new actors and the partnership.
    pub command: Command,
    /// The actors it adds, `a`'s side first.
    pub new_actors: Vec<ActorId>,
    /// The partnership it adds.
    pub partnership: PartnershipId,
}

/// The command that adds the new actors among `a` and `b` and links them, as one undo
/// step; `None` while a side still asks which actor it means, or when both are the same
/// actor.
pub fn link(project: &Project, (a, b): (&Side, &Side), within: Within) -> Option<Linking> {
    let news: Vec<&Named> = [a, b]
        .into_iter()
        .filter_map(|s| match s {
            Side::New(n) => Some(n),
            _ => None,
        })
        .collect();
    let actors = new_actors(project, &news, within);
    let mut fresh = actors.iter().map(|a| a.id);
    let mut id_of = |side: &Side| match side {
        Side::Known(id) => Some(*id),
        Side::New(_) => fresh.next(),
        Side::Ask(..) => None,
    };
    let (ida, idb) = (id_of(a)?, id_of(b)?);
    if ida == idb {
        return None;
    }
    let partnership = Partnership::new(project.next_partnership_id(), ida, idb);
    let pid = partnership.id;
    let new_ids = actors.iter().map(|a| a.id).collect();
    Some(Linking {
        command: Command::add(project, actors, vec![partnership]),
        new_actors: new_ids,
        partnership: pid,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    fn map() -> Project {
        let mut p = Project::new();
        for (id, name, x) in [(1, "Commune council", 0.0), (2, "World Bank", 300.0)] {
            let mut a = Actor::new(ActorId(id), name, Sector::State, Level::Commune);
            a.position = Position::new(x, 0.0);
            p.insert_actor(a);
        }
        p.next_ids.actor = 3;
        p
    }

    fn link_of(a: &str, b: &str) -> Entry {
        Entry::Link(Named::new(a), Named::new(b))
    }

    const WITHIN: Within = (-500.0, -500.0, 500.0, 500.0);

    #[test]
    fn parses_names_and_links() {
        assert_eq!(parse("  Parents "), Ok(Entry::Actor(Named::new("Parents"))));
        assert_eq!(parse("MoI – TAF"), Ok(link_of("MoI", "TAF")));
        assert_eq!(parse("MoI -> TAF"), Ok(link_of("MoI", "TAF")));
        assert_eq!(parse("MoI→TAF"), Ok(link_of("MoI", "TAF")));
        assert_eq!(
            parse("Non-state actors"),
            Ok(Entry::Actor(Named::new("Non-state actors")))
        );
        assert_eq!(parse("MoI – "), Err(LineError::Blank));
        assert_eq!(parse("   "), Err(LineError::Blank));
        // A control character pasted into the line is dropped, as on import.
        assert_eq!(parse("Mo\u{0}I – T\u{1b}AF"), Ok(link_of("MoI", "TAF")));
    }

    #[test]
    fn a_sector_in_brackets_follows_a_name() {
        let donor = Named {
            name: "World Bank".into(),
            sector: Some(Sector::Donor),
        };
        assert_eq!(parse("World Bank [Donor]"), Ok(Entry::Actor(donor.clone())));
        assert_eq!(parse("World Bank[donor] "), Ok(Entry::Actor(donor.clone())));
        assert_eq!(
            parse("World Bank [donor] – Commune council"),
            Ok(Entry::Link(donor, Named::new("Commune council")))
        );
        for (word, sector) in [
            ("state", Sector::State),
            ("Government", Sector::State),
            ("NGO", Sector::CivilSociety),
            ("civil society", Sector::CivilSociety),
            ("private", Sector::Private),
            ("company", Sector::Private),
            ("Community", Sector::Community),
            ("citizens", Sector::Community),
            ("DONOR", Sector::Donor),
            ("joint", Sector::Joint),
        ] {
            assert_eq!(sector_word(word), Ok(sector), "{word}");
        }
        // Brackets inside a name are part of it.
        assert_eq!(
            parse("Schools [BTB] north"),
            Ok(Entry::Actor(Named::new("Schools [BTB] north")))
        );
        let Err(LineError::NotASector(why)) = parse("Schools [BTB]") else {
            panic!("BTB is not a sector");
        };
        assert!(why.contains("BTB") && why.contains("Donor"), "{why}");
        assert_eq!(parse("[donor]"), Err(LineError::Blank));
    }

    #[test]
    fn sides_are_known_new_or_asked() {
        let mut p = map();
        let mut other = Actor::new(
            ActorId(3),
            "Commune councils",
            Sector::State,
            Level::Commune,
        );
        other.position = Position::new(0.0, 300.0);
        p.insert_actor(other);
        assert_eq!(
            Side::find(&p, Named::new("world bank")),
            Side::Known(ActorId(2))
        );
        assert_eq!(
            Side::find(&p, Named::new("Parents")),
            Side::New(Named::new("Parents"))
        );
        assert_eq!(
            Side::find(&p, Named::new("Commune")),
            Side::Ask(Named::new("Commune"), vec![ActorId(1), ActorId(3)])
        );
    }

    #[test]
    fn linking_a_new_actor_adds_it_and_the_partnership_in_one_command() {
        let p = map();
        let new = Side::New(Named {
            name: "Women's savings group".into(),
            sector: Some(Sector::Community),
        });
        let done = link(&p, (&new, &Side::Known(ActorId(1))), WITHIN).unwrap();
        assert_eq!(done.new_actors, vec![ActorId(3)]);
        let mut after = p.clone();
        let undo = done.command.apply(&mut after).unwrap();
        let added = after.actor(ActorId(3)).unwrap();
        assert_eq!(added.name, "Women's savings group");
        assert_eq!(added.sector, Some(Sector::Community));
        let e = after.partnership(done.partnership).unwrap();
        assert_eq!((e.a, e.b), (ActorId(3), ActorId(1)));
        undo.apply(&mut after).unwrap();
        assert_eq!(after, p, "one undo removes both");
    }

    #[test]
    fn two_new_actors_get_two_free_places_inside_the_view() {
        let p = map();
        let (a, b) = (
            Side::New(Named::new("First")),
            Side::New(Named::new("Second")),
        );
        let done = link(&p, (&a, &b), WITHIN).unwrap();
        let mut after = p.clone();
        done.command.apply(&mut after).unwrap();
        let [first, second] = [ActorId(3), ActorId(4)].map(|id| after.actor(id).unwrap());
        assert_eq!(
            (first.name.as_str(), second.name.as_str()),
            ("First", "Second")
        );
        assert_eq!(first.sector, None, "no sector typed: not set");
        assert_eq!((first.level, first.influence), (None, None));
        assert_ne!(first.position, second.position);
        for a in [first, second] {
            assert!(a.position.x.abs() <= 500.0 && a.position.y.abs() <= 500.0);
        }
        let e = after.partnership(done.partnership).unwrap();
        assert_eq!((e.a, e.b), (ActorId(3), ActorId(4)));
    }

    #[test]
    fn no_link_while_a_side_asks_or_to_the_same_actor() {
        let p = map();
        let ask = Side::Ask(Named::new("C"), vec![ActorId(1), ActorId(2)]);
        let one = Side::Known(ActorId(1));
        assert!(link(&p, (&ask, &one), WITHIN).is_none());
        assert!(link(&p, (&one, &one), WITHIN).is_none());
    }
}
