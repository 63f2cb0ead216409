//! Synthetic maps for scale tests and demonstrations (`partnermap generate`).
//!
//! The same counts and seed always give the same map, byte for byte: the generator draws from
//! a ChaCha8 stream seeded with the seed and never reads the clock.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::model::{
    Accountability, Actor, ActorId, Choice, Form, Formality, Function, Initiator, Level, Meta,
    PartialDate, Partnership, PartnershipId, Position, Project, Risk, Sector, Stance, Status,
};

/// Why a map could not be generated.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GenerateError {
    /// Partnerships were asked for with fewer than two actors.
    #[error("{partnerships} partnerships need at least 2 actors, but {actors} were asked for")]
    TooFewActors {
        /// Actors asked for.
        actors: usize,
        /// Partnerships asked for.
        partnerships: usize,
    },
    /// More than the program handles.
    #[error("at most {max} actors and {max} partnerships can be generated")]
    TooMany {
        /// The limit.
        max: usize,
    },
}

/// Average distance between neighbouring actors, in canvas units: enough room for a label.
const SPACING: f64 = 170.0;

const SYLLABLES: &[&str] = &[
    "Kam", "pong", "Svay", "Prey", "Chrey", "Kor", "Sala", "Thmei", "Veng", "Ro", "ka", "Tuol",
    "Chak", "Trapeang", "Boeng", "Ta", "Phnom", "Samraong", "Krang", "Kouk", "Angk", "Sre",
];

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// Picks an index with probability proportional to `weights`.
fn weighted(rng: &mut ChaCha8Rng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut x = rng.random_range(0..total);
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len() - 1
}

fn place_name(rng: &mut ChaCha8Rng) -> String {
    let first = format!(
        "{}{}",
        pick(rng, SYLLABLES),
        pick(rng, SYLLABLES).to_lowercase()
    );
    if rng.random_bool(0.5) {
        format!("{first} {}", pick(rng, SYLLABLES))
    } else {
        first
    }
}

fn maybe<T>(rng: &mut ChaCha8Rng, p: f64, value: impl FnOnce(&mut ChaCha8Rng) -> T) -> Option<T> {
    if rng.random_bool(p) {
        Some(value(rng))
    } else {
        None
    }
}

fn sector_for(rng: &mut ChaCha8Rng, level: Level) -> Sector {
    use Sector::*;
    let (sectors, weights): (&[Sector], &[u32]) = match level {
        Level::International => (&[Donor, CivilSociety], &[60, 40]),
        Level::National => (
            &[State, CivilSociety, Private, Donor, Joint],
            &[50, 28, 10, 8, 4],
        ),
        Level::Provincial => (&[State, CivilSociety, Private, Joint], &[50, 30, 15, 5]),
        Level::District => (&[State, CivilSociety, Private, Joint], &[45, 30, 15, 10]),
        Level::Commune => (
            &[State, CivilSociety, Community, Private, Joint],
            &[35, 25, 25, 10, 5],
        ),
        Level::Village => (&[Community, State, CivilSociety, Private], &[50, 30, 15, 5]),
    };
    sectors[weighted(rng, weights)]
}

fn initials(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().next().unwrap_or('X').to_ascii_uppercase())
        .collect()
}

fn make_actor(rng: &mut ChaCha8Rng, id: u64, level: Level) -> Actor {
    let sector = sector_for(rng, level);
    let kind = *pick(rng, sector.kind_suggestions());
    let place = place_name(rng);
    let mut name = format!("{} {place}", capitalise(kind));
    if rng.random_bool(0.1) {
        name.push_str(&format!(" {}", rng.random_range(2..20)));
    }
    let mut actor = Actor::new(ActorId(id), name, sector, level);
    actor.short = Some(format!("{} {place}", initials(kind)));
    actor.kind = kind.to_string();
    let level_weight = 5 - (level as i32).min(4);
    actor.influence = Some((level_weight + rng.random_range(-1..=1)).clamp(1, 5) as u8);
    actor.interest = Some(rng.random_range(1..=5));
    actor.capacity = maybe(rng, 0.8, |r| r.random_range(1..=5));
    actor.stance = maybe(rng, 0.5, |r| *pick(r, Stance::ALL));
    for _ in 0..rng.random_range(0..3) {
        let tag = *pick(rng, crate::model::RESOURCE_SUGGESTIONS);
        actor.resources.insert(tag.to_string());
    }
    actor
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn fill_partnership(rng: &mut ChaCha8Rng, p: &mut Partnership, a: &Actor, b: &Actor) {
    let n_functions = weighted(rng, &[50, 35, 15]) + 1;
    for _ in 0..n_functions {
        p.functions.insert(*pick(rng, Function::ALL));
    }
    let form = Form::ALL[weighted(rng, &[25, 40, 25, 10])];
    p.form = Some(form);
    let depth = form.depth() as i32;
    let formality = (depth + rng.random_range(-1..=2)).clamp(0, 5) as usize;
    p.formality = Some(Formality::ALL[formality]);
    p.practices.info_sharing = rng.random_bool(0.9);
    p.practices.aligned_activities = depth >= 1 || rng.random_bool(0.2);
    p.practices.joint_goals = depth >= 2 && rng.random_bool(0.6);
    p.practices.shared_resources = depth >= 2 && rng.random_bool(0.7);
    p.practices.jointly_managed_resources = depth >= 3 && rng.random_bool(0.8);
    p.practices.mutual_decisions = depth >= 3 && rng.random_bool(0.6);
    let base_trust: i32 = rng.random_range(1..=5);
    p.trust_ab = maybe(rng, 0.7, |_| base_trust as u8);
    p.trust_ba = maybe(rng, 0.6, |r| {
        (base_trust + r.random_range(-1..=1)).clamp(1, 5) as u8
    });
    // The state side tends to hold the decisions (LN15: hierarchy).
    let state = Some(Sector::State);
    let lean = match (a.sector == state, b.sector == state) {
        (true, false) => -1,
        (false, true) => 1,
        _ => 0,
    };
    p.power = maybe(rng, 0.7, |r| {
        (lean + r.random_range(-1..=1)).clamp(-2, 2) as i8
    });
    p.contribution_a = maybe(rng, 0.6, |r| r.random_range(0..=4));
    p.contribution_b = maybe(rng, 0.6, |r| r.random_range(0..=4));
    if rng.random_bool(0.5) {
        p.identity_a = Some(rng.random_range(2..=5));
        p.identity_b = Some(rng.random_range(1..=5));
    }
    p.accountability = maybe(rng, 0.7, |r| {
        Accountability::ALL[weighted(r, &[50, 30, 20])]
    });
    p.risk = maybe(rng, 0.6, |r| *pick(r, Risk::ALL));
    p.initiator = maybe(rng, 0.6, |r| *pick(r, Initiator::ALL));
    p.status = Status::ALL[weighted(rng, &[10, 60, 30])];
    if rng.random_bool(0.5) {
        let start: u16 = rng.random_range(2005..=2024);
        p.start = Some(PartialDate(if rng.random_bool(0.5) {
            format!("{start}")
        } else {
            format!("{start}-{:02}", rng.random_range(1..=12))
        }));
        if p.status == Status::Ended {
            p.end = Some(PartialDate(format!("{}", start + rng.random_range(1..=4))));
        }
    }
}

/// The origin of the map made from `seed` (design.md §13): random-looking and the same for
/// the same seed, as the rest of the file is, drawn from a stream of its own so that the
/// map's values do not change with it.
fn origin_of(seed: u64) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(ORIGIN_STREAM);
    format!("{:016x}", rng.random::<u64>())
}

/// The random stream [`origin_of`] draws from.
const ORIGIN_STREAM: u64 = 0x6f72_6967_696e;

/// Generates a map of `actors` actors and `partnerships` partnerships from `seed`: a realistic
/// mix of sectors, levels, functions, forms, formality, trust and power with some values
/// missing, a few parallel partnerships and isolated actors, in legible bands by level.
pub fn generate(actors: usize, partnerships: usize, seed: u64) -> Result<Project, GenerateError> {
    let max = crate::model::MAX_ITEMS;
    if actors > max || partnerships > max {
        return Err(GenerateError::TooMany { max });
    }
    if partnerships > 0 && actors < 2 {
        return Err(GenerateError::TooFewActors {
            actors,
            partnerships,
        });
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut project = Project::new();
    project.meta = Meta {
        title: format!("Synthetic map: {actors} actors, {partnerships} partnerships (seed {seed})"),
        description: "Made by `partnermap generate` for tests and demonstrations; every name and value is invented.".into(),
        origin: origin_of(seed),
        ..Meta::default()
    };

    // Levels, then bands: each level gets a band whose height matches its share of actors.
    let level_weights = [4, 10, 15, 20, 30, 21];
    let mut levels: Vec<Level> = (0..actors)
        .map(|_| Level::ALL[weighted(&mut rng, &level_weights)])
        .collect();
    levels.sort();
    let width = (actors as f64).sqrt() * SPACING * 1.6 + SPACING;
    let mut band_top = 0.0;
    let mut list: Vec<Actor> = Vec::with_capacity(actors);
    for level in Level::ALL {
        let count = levels.iter().filter(|l| *l == level).count();
        if count == 0 {
            continue;
        }
        let band_height = (count as f64 * SPACING * SPACING / width).max(SPACING * 0.6);
        for _ in 0..count {
            let id = list.len() as u64 + 1;
            let mut actor = make_actor(&mut rng, id, *level);
            actor.position = Position::new(
                (rng.random::<f64>() * width).round(),
                (band_top + rng.random::<f64>() * band_height).round(),
            );
            list.push(actor);
        }
        band_top += band_height + SPACING;
    }

    // A few isolated actors; everyone else can take part.
    let isolated = if actors >= 10 {
        (actors / 50).max(1)
    } else {
        0
    };
    let mut connected: Vec<usize> = (0..actors).collect();
    for _ in 0..isolated {
        let i = rng.random_range(0..connected.len());
        connected.swap_remove(i);
    }
    // Partners are mostly found nearby (in x order), so the drawing shows local clusters.
    connected.sort_by(|&i, &j| list[i].position.x.total_cmp(&list[j].position.x));
    let mut edges: Vec<Partnership> = Vec::with_capacity(partnerships);
    for k in 0..partnerships {
        let id = PartnershipId(k as u64 + 1);
        let parallel = k > 0 && rng.random_bool(0.05);
        let (ia, ib) = if parallel {
            let other = &edges[rng.random_range(0..edges.len())];
            ((other.a.0 - 1) as usize, (other.b.0 - 1) as usize)
        } else {
            let n = connected.len();
            let r = rng.random_range(0..n);
            let reach = (n / 40).max(3);
            let offset = if rng.random_bool(0.85) {
                rng.random_range(1..=reach)
            } else {
                rng.random_range(1..n.max(2))
            };
            let s = if rng.random_bool(0.5) {
                r + offset
            } else {
                r + n - offset % n
            };
            let mut t = s % n;
            if t == r {
                t = (r + 1) % n;
            }
            (connected[r], connected[t])
        };
        let (a, b) = (&list[ia], &list[ib]);
        let mut p = Partnership::new(id, a.id, b.id);
        fill_partnership(&mut rng, &mut p, a, b);
        edges.push(p);
    }
    for actor in list {
        project.insert_actor(actor);
    }
    for p in edges {
        project.insert_partnership(p);
    }
    Ok(project)
}

/// Adds `count` earlier states of `project`'s working map as snapshots ("State 1" of 2001
/// up to "State N"), each a plausible step back in time: the later the state, the more of
/// today's partnerships it has, and the deeper, more formal and more trusted they are. For
/// scale tests of change over time; deterministic, no randomness.
pub fn add_earlier_states(project: &mut Project, count: usize) {
    let now = crate::model::Snapshot::of(project, "now", None);
    for k in 0..count {
        // How far back this state lies: `count` steps for the first, one for the last.
        let back = (count - k) as u64;
        let mut s = now.clone();
        s.name = format!("State {}", k + 1);
        s.date = Some(PartialDate(format!("{}", 2000 + k + 1)));
        // Every 40th actor per step back had not joined yet, with its partnerships.
        s.actors.retain(|a| a.id.0 % 40 >= back.min(39));
        let present: std::collections::BTreeSet<ActorId> = s.actors.iter().map(|a| a.id).collect();
        s.partnerships.retain(|p| {
            present.contains(&p.a) && present.contains(&p.b) && p.id.0 % 20 >= back.min(19)
        });
        for p in &mut s.partnerships {
            if p.id.0 % 5 < back.min(4) {
                p.form = p
                    .form
                    .and_then(|f| Form::ALL.get(f.depth().saturating_sub(1) as usize).copied());
                p.formality = p.formality.and_then(|f| {
                    Formality::ALL
                        .get(f.rank().saturating_sub(1) as usize)
                        .copied()
                });
                p.trust_ab = p.trust_ab.map(|t| t.saturating_sub(1).max(1));
            }
        }
        project.snapshots.push(s);
    }
}

/// The names [`add_perspectives`] gives, in order.
pub const PERSPECTIVE_NAMES: &[&str] = &[
    "Government",
    "Civil society",
    "Citizens",
    "Private sector",
    "Donors",
    "Researchers",
];

/// Adds `count` perspectives (named from [`PERSPECTIVE_NAMES`], then "Group N") that rated
/// about two in three of the partnerships and half of the actors: each value lies near the
/// map's own, a step or two away, the way groups in a workshop differ. Deterministic from
/// `seed`. For scale tests and property tests of perspectives (design.md §13).
pub fn add_perspectives(project: &mut Project, count: usize, seed: u64) {
    use crate::model::{ActorScore, PartnershipScore, Perspective, Score};
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let nearby = |rng: &mut ChaCha8Rng, own: Option<i8>, (lo, hi): (i8, i8)| -> i8 {
        let centre = own.unwrap_or((lo + hi) / 2);
        (centre + rng.random_range(-2..=2)).clamp(lo, hi)
    };
    for k in 0..count {
        let name = PERSPECTIVE_NAMES
            .get(k)
            .map_or_else(|| format!("Group {}", k + 1), |n| (*n).to_string());
        let mut view = Perspective::named(name);
        for a in project.actors.values() {
            if !rng.random_bool(0.5) {
                continue;
            }
            let own = crate::model::ActorRating::of(a);
            let mut r = crate::model::ActorRating::empty(a.id);
            for &s in ActorScore::ALL {
                if rng.random_bool(0.7) {
                    r.set(s, Some(nearby(&mut rng, own.get(s), s.span())));
                }
            }
            if !r.is_empty() {
                view.actors.push(r);
            }
        }
        for p in project.partnerships.values() {
            if !rng.random_bool(0.67) {
                continue;
            }
            let own = crate::model::PartnershipRating::of(p);
            let mut r = crate::model::PartnershipRating::empty(p.id);
            for &s in PartnershipScore::ALL {
                if rng.random_bool(0.6) {
                    r.set(s, Some(nearby(&mut rng, own.get(s), s.span())));
                }
            }
            if !r.is_empty() {
                view.partnerships.push(r);
            }
        }
        project.perspectives.push(view);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_perspectives_are_valid_and_differ_from_the_map() {
        let mut p = generate(200, 600, 3).unwrap();
        add_perspectives(&mut p, 4, 9);
        assert_eq!(p.validate(), vec![]);
        assert_eq!(p.perspectives.len(), 4);
        assert_eq!(p.perspectives[2].name, "Citizens");
        let (actors, partnerships) = p.perspectives[0].counts();
        assert!(
            actors > 100 && partnerships > 600,
            "{actors} {partnerships}"
        );
        let differ = p.perspectives[0]
            .partnerships
            .iter()
            .filter(|r| r.trust_ab.is_some() && r.trust_ab != p.partnerships[&r.id].trust_ab)
            .count();
        assert!(differ > 0);
    }

    #[test]
    fn earlier_states_are_valid_snapshots_that_grow_toward_now() {
        let mut p = generate(300, 900, 7).unwrap();
        add_earlier_states(&mut p, 5);
        assert_eq!(p.validate(), vec![]);
        let sizes: Vec<usize> = p.snapshots.iter().map(|s| s.partnerships.len()).collect();
        assert!(sizes.windows(2).all(|w| w[0] < w[1]), "{sizes:?}");
        assert!(*sizes.last().unwrap() < 900);
        assert_eq!(p.snapshots[0].name, "State 1");
        let shallower = p.snapshots[4]
            .partnerships
            .iter()
            .filter(|e| e.form.map(Form::depth) < p.partnerships[&e.id].form.map(Form::depth))
            .count();
        assert!(shallower > 0, "some partnerships deepened since");
    }

    #[test]
    fn generated_maps_are_valid_and_have_what_was_asked() {
        let p = generate(300, 900, 7).unwrap();
        assert_eq!(p.actors.len(), 300);
        assert_eq!(p.partnerships.len(), 900);
        assert_eq!(p.validate(), vec![]);
        let isolated = p
            .actors
            .keys()
            .filter(|id| p.partnerships.values().all(|e| e.a != **id && e.b != **id))
            .count();
        assert!(isolated >= 1, "some actors stand alone");
        let mut pairs = std::collections::HashSet::new();
        let parallel = p
            .partnerships
            .values()
            .filter(|e| !pairs.insert((e.a.min(e.b), e.a.max(e.b))))
            .count();
        assert!(parallel > 0, "some partnerships run in parallel");
        let missing_trust = p
            .partnerships
            .values()
            .filter(|e| e.trust_ab.is_none())
            .count();
        assert!(missing_trust > 0 && missing_trust < 900);
        let sectors: std::collections::HashSet<_> = p.actors.values().map(|a| a.sector).collect();
        assert_eq!(sectors.len(), Sector::ALL.len());
    }

    #[test]
    fn same_seed_same_map_other_seed_other_map() {
        assert_eq!(generate(50, 80, 3).unwrap(), generate(50, 80, 3).unwrap());
        assert_ne!(generate(50, 80, 3).unwrap(), generate(50, 80, 4).unwrap());
    }

    #[test]
    fn refuses_impossible_requests() {
        assert!(matches!(
            generate(1, 1, 0),
            Err(GenerateError::TooFewActors { .. })
        ));
        assert!(generate(0, 0, 0).unwrap().actors.is_empty());
        assert!(matches!(
            generate(2_000_000, 0, 0),
            Err(GenerateError::TooMany { .. })
        ));
    }
}
