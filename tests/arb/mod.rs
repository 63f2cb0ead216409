//! Arbitrary valid maps for property tests (shared by the RON and import round trips).
#![allow(dead_code)]

use partnermap::model::*;
use proptest::prelude::*;

pub fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.'()&-]{1,30}",
        "\\PC{1,20}",
        Just("Khmer ក្រុមប្រឹក្សាឃុំ and Arabic مجلس \"quoted\" \\ back\nslash r#\"raw\"#".to_string()),
    ]
    .prop_filter("names are not blank", |s| !s.trim().is_empty())
}

pub fn arb_custom() -> impl Strategy<Value = CustomFields> {
    proptest::collection::vec(
        (
            "[a-z_]{1,8}",
            prop_oneof![
                (-1e9f64..1e9).prop_map(CustomValue::Number),
                arb_text().prop_map(CustomValue::Text)
            ],
        ),
        0..3,
    )
    .prop_map(|v| v.into_iter().collect())
}

pub fn arb_date() -> impl Strategy<Value = Option<PartialDate>> {
    prop_oneof![
        Just(None),
        (1990u16..2030).prop_map(|y| Some(PartialDate(format!("{y}")))),
        (1990u16..2030, 1u8..13).prop_map(|(y, m)| Some(PartialDate(format!("{y}-{m:02}")))),
        (1990u16..2030, 1u8..13, 1u8..29)
            .prop_map(|(y, m, d)| Some(PartialDate(format!("{y}-{m:02}-{d:02}")))),
    ]
}

pub fn pick<T: Choice + std::fmt::Debug>() -> impl Strategy<Value = T> {
    proptest::sample::select(T::ALL)
}

prop_compose! {
    pub fn arb_actor(id: u64)(
        name in arb_text(),
        short in proptest::option::of(arb_text()),
        sector in pick::<Sector>(),
        level in pick::<Level>(),
        influence in 1u8..=5,
        interest in 1u8..=5,
        capacity in proptest::option::of(1u8..=5),
        stance in proptest::option::of(pick::<Stance>()),
        resources in proptest::collection::btree_set(arb_text(), 0..3),
        notes in proptest::option::of(arb_text()),
        x in -1e6f64..1e6,
        y in -1e6f64..1e6,
        custom in arb_custom(),
        (kind, tags, sources, pinned) in (
            proptest::option::of(arb_text()),
            proptest::collection::btree_set(arb_text(), 0..3),
            proptest::collection::vec(arb_text(), 0..2),
            any::<bool>(),
        ),
    ) -> Actor {
        let mut a = Actor::new(ActorId(id), name, sector, level);
        a.short = short;
        a.influence = Some(influence);
        a.interest = Some(interest);
        a.capacity = capacity;
        a.stance = stance;
        a.resources = resources;
        a.notes = notes.unwrap_or_default();
        a.position = Position::new(x, y);
        a.custom = custom;
        a.kind = kind.unwrap_or_default();
        a.tags = tags;
        a.sources = sources;
        a.pinned = pinned;
        a
    }
}

prop_compose! {
    pub fn arb_partnership(id: u64, actors: u64)(
        a in 1..=actors,
        offset in 1..actors,
        functions in proptest::collection::btree_set(pick::<Function>(), 0..4),
        form in pick::<Form>(),
        formality in pick::<Formality>(),
        practices in proptest::array::uniform6(any::<bool>()),
        trust in (proptest::option::of(1u8..=5), proptest::option::of(1u8..=5)),
        power in proptest::option::of(-2i8..=2),
        contributions in (proptest::option::of(0u8..=4), proptest::option::of(0u8..=4)),
        identities in (proptest::option::of(1u8..=5), proptest::option::of(1u8..=5)),
        accountability in proptest::option::of(pick::<Accountability>()),
        risk in proptest::option::of(pick::<Risk>()),
        initiator in proptest::option::of(pick::<Initiator>()),
        status in pick::<Status>(),
        start in arb_date(),
        label in proptest::option::of(arb_text()),
        enablers in proptest::collection::btree_set(arb_text(), 0..3),
        custom in arb_custom(),
        (disablers, notes, sources, ended) in (
            proptest::collection::btree_set(arb_text(), 0..3),
            proptest::option::of(arb_text()),
            proptest::collection::vec(arb_text(), 0..2),
            any::<bool>(),
        ),
    ) -> Partnership {
        let b = (a - 1 + offset) % actors + 1;
        let mut p = Partnership::new(PartnershipId(id), ActorId(a), ActorId(b));
        p.functions = functions;
        p.form = Some(form);
        p.formality = Some(formality);
        let [i, al, jg, sr, jm, md] = practices;
        p.practices = Practices { info_sharing: i, aligned_activities: al, joint_goals: jg, shared_resources: sr, jointly_managed_resources: jm, mutual_decisions: md };
        (p.trust_ab, p.trust_ba) = trust;
        p.power = power;
        (p.contribution_a, p.contribution_b) = contributions;
        (p.identity_a, p.identity_b) = identities;
        p.accountability = accountability;
        p.risk = risk;
        p.initiator = initiator;
        p.status = status;
        p.start = start;
        p.label = label;
        p.enablers = enablers;
        p.custom = custom;
        p.disablers = disablers;
        p.notes = notes.unwrap_or_default();
        p.sources = sources;
        if ended {
            p.end = p.start.clone();
        }
        p
    }
}

pub fn arb_cut() -> impl Strategy<Value = Cut> {
    (0.0f64..=1.0, 0.0f64..=1.0).prop_map(|(x, y)| Cut { x, y })
}

/// [`arb_project`] with up to three perspectives that rated some of its items.
pub fn arb_project_with_perspectives() -> impl Strategy<Value = Project> {
    (arb_project(), 0usize..4, any::<u64>()).prop_map(|(mut p, count, seed)| {
        partnermap::generate::add_perspectives(&mut p, count, seed);
        p
    })
}

/// Perspectives' names that need care in every format: brackets, quotes, markup, spaces at
/// the ends, a tab and a line break, any script.
pub const VOICES: [&str; 6] = [
    "Government",
    "Civil society [NGOs & CBOs]",
    "Citizens \"quoted\" <&>",
    "ក្រុមប្រឹក្សាឃុំ",
    "a] [b",
    " spaced\tand\nbroken ",
];

/// Notes: none, plain, and ones a spreadsheet would run or a parser would change.
pub const NOTES: [&str; 4] = [
    "",
    "Scored at the interface meeting",
    "=SUM(A1)",
    "two\nlines, \"quoted\" & <marked>",
];

/// `p` (from [`arb_project_with_perspectives`]) with the names of [`VOICES`] and the
/// notes of [`NOTES`], and its values following the perspectives on every other map; which
/// ones is picked from the map's size. Worked out here, not by a strategy: a deeper strategy
/// overflows the test thread's stack in debug builds.
pub fn voiced(mut p: Project) -> Project {
    let pick = p.actors.len() * 7 + p.partnerships.len();
    for (i, v) in p.perspectives.iter_mut().enumerate() {
        let k = pick + i;
        v.name = VOICES[k % VOICES.len()].to_string();
        v.note = NOTES[(k / 3) % NOTES.len()].to_string();
    }
    if pick % 2 == 1 {
        p.settings.map_values = MapValues::FollowPerspectives;
    }
    p
}

pub fn arb_project() -> impl Strategy<Value = Project> {
    (2u64..8, 0u64..10).prop_flat_map(|(n, m)| {
        let actors: Vec<_> = (1..=n).map(arb_actor).collect();
        let partnerships: Vec<_> = (1..=m).map(|id| arb_partnership(id, n)).collect();
        let text = || proptest::option::of(arb_text()).prop_map(Option::unwrap_or_default);
        let meta = (arb_text(), text(), text(), text(), text());
        let cuts = [arb_cut(), arb_cut(), arb_cut(), arb_cut()];
        // Ids handed out beyond the highest one (actors or partnerships deleted since).
        let spare_ids = (0u64..3, 0u64..3);
        (
            actors,
            partnerships,
            meta,
            cuts,
            pick::<ColourBy>(),
            spare_ids,
        )
            .prop_map(
                |(actors, partnerships, meta, [a, b, c, d], colour_by, spare_ids)| {
                    let mut p = Project::new();
                    let (title, description, author, created, modified) = meta;
                    p.meta = Meta {
                        title,
                        description,
                        author,
                        created,
                        modified,
                        origin: String::new(),
                    };
                    p.settings.cuts = Cuts { a, b, c, d };
                    p.settings.colour_by = colour_by;
                    for a in actors {
                        p.insert_actor(a);
                    }
                    for e in partnerships {
                        p.insert_partnership(e);
                    }
                    p.next_ids.actor += spare_ids.0;
                    p.next_ids.partnership += spare_ids.1;
                    p
                },
            )
    })
}
