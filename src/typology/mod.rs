//! The typology quadrants of design.md §4: each framework places each partnership (or, for D,
//! each actor) at a point of the unit square and names its quadrant; a partnership whose
//! inputs are missing is unplaced, with the reason, never drawn at 0.

use serde::Serialize;

pub mod measure;

use crate::model::{Actor, Cut, Partnership, Settings};

/// The four frameworks.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
pub enum Framework {
    /// A. Depth × formality (DFGG), the default.
    A,
    /// B. Mutuality × organisational identity (Brinkerhoff 2002).
    B,
    /// C. Power × trust.
    C,
    /// D. Actors: influence × interest (Mendelow).
    D,
}

/// Which quadrant a point falls in, by the sides of the two cuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Side {
    /// On or above the cut on the horizontal axis.
    pub high_x: bool,
    /// On or above the cut on the vertical axis.
    pub high_y: bool,
}

/// A placed point and its quadrant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Horizontal position, 0–1.
    pub x: f64,
    /// Vertical position, 0–1.
    pub y: f64,
    /// The quadrant's name.
    pub quadrant: &'static str,
}

/// Where a partnership or actor stands in a framework.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Placement {
    /// Placed at a point.
    Placed(Placed),
    /// Not placed: the reason ("no identity scores").
    Unplaced(&'static str),
}

impl Placement {
    /// The placed point, if any.
    pub fn placed(&self) -> Option<&Placed> {
        match self {
            Self::Placed(p) => Some(p),
            Self::Unplaced(_) => None,
        }
    }
}

impl Framework {
    /// Every framework, A to D.
    pub const ALL: [Framework; 4] = [Self::A, Self::B, Self::C, Self::D];

    /// The framework's letter in files and on the command line ("a").
    pub fn letter(self) -> &'static str {
        match self {
            Self::A => "a",
            Self::B => "b",
            Self::C => "c",
            Self::D => "d",
        }
    }

    /// The framework whose letter is `s` (either case).
    pub fn from_letter(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.letter().eq_ignore_ascii_case(s.trim()))
    }

    /// Its title.
    pub fn title(self) -> &'static str {
        match self {
            Self::A => "A · Depth × formality (DFGG)",
            Self::B => "B · Mutuality × identity (Brinkerhoff)",
            Self::C => "C · Power × trust",
            Self::D => "D · Actors: influence × interest (Mendelow)",
        }
    }

    /// Whether it places actors (D) rather than partnerships.
    pub fn places_actors(self) -> bool {
        self == Self::D
    }

    /// The names of the axes (horizontal, vertical).
    pub fn axes(self) -> (&'static str, &'static str) {
        match self {
            Self::A => (
                "Formality (personal → institutionalised)",
                "Depth (interaction → integrated)",
            ),
            Self::B => ("Mutuality", "Organisational identity kept"),
            Self::C => ("Power asymmetry", "Trust"),
            Self::D => ("Interest", "Influence"),
        }
    }

    /// The quadrant name for a side of the cuts.
    pub fn quadrant(self, side: Side) -> &'static str {
        match (self, side.high_x, side.high_y) {
            (Self::A, false, false) => "Personal cooperation",
            (Self::A, true, false) => "Formal but shallow",
            (Self::A, true, true) => "Institutionalised partnership",
            (Self::A, false, true) => "Relational collaboration",
            (Self::B, true, true) => "Partnership",
            (Self::B, false, true) => "Contracting",
            (Self::B, false, false) => "Extension",
            (Self::B, true, false) => "Co-optation",
            (Self::C, false, true) => "Power with",
            (Self::C, true, true) => "Benevolent hierarchy",
            (Self::C, false, false) => "Guarded engagement",
            (Self::C, true, false) => "Power over",
            (Self::D, true, true) => "Key players",
            (Self::D, false, true) => "Keep satisfied",
            (Self::D, true, false) => "Keep informed",
            (Self::D, false, false) => "Monitor",
        }
    }

    /// One sentence on what a quadrant means, for tooltips and the help page.
    pub fn quadrant_meaning(self, side: Side) -> &'static str {
        match (self, side.high_x, side.high_y) {
            (Self::A, false, false) => {
                "Personal relationships and low-risk activities: the common case in LN15."
            }
            (Self::A, true, false) => {
                "Contracted provision or permission-bound relations: formal, but shallow."
            }
            (Self::A, true, true) => "MoUs, joint committees, planning cycles: deep and formal.",
            (Self::A, false, true) => {
                "Deep but resting on personal ties: LN17 warns it does not outlast the people."
            }
            (Self::B, true, true) => {
                "Mutual decisions while each side keeps its mission: partnership proper."
            }
            (Self::B, false, true) => "Each side keeps its identity, but one directs: contracting.",
            (Self::B, false, false) => "One side acts as an arm of the other.",
            (Self::B, true, false) => {
                "Gradual absorption: the weaker side's identity erodes (the sources' \"puppets\")."
            }
            (Self::C, false, true) => "Balanced power and high trust.",
            (Self::C, true, true) => "Relations reported as positive, yet hierarchical (LN15).",
            (Self::C, false, false) => "Balanced but wary.",
            (Self::C, true, false) => "One side dominates and trust is low.",
            (Self::D, true, true) => "High influence and high interest: engage closely.",
            (Self::D, false, true) => "High influence, low interest: keep satisfied.",
            (Self::D, true, false) => "Low influence, high interest: keep informed.",
            (Self::D, false, false) => "Low influence and low interest: monitor.",
        }
    }

    /// The cut of this framework in the project settings.
    pub fn cut(self, settings: &Settings) -> Cut {
        let c = &settings.cuts;
        match self {
            Self::A => c.a,
            Self::B => c.b,
            Self::C => c.c,
            Self::D => c.d,
        }
    }
}

/// Places (x, y) with `cut`: a point exactly on a cut belongs to the high side.
pub fn place(framework: Framework, x: f64, y: f64, cut: Cut) -> Placed {
    let side = Side {
        high_x: x >= cut.x,
        high_y: y >= cut.y,
    };
    Placed {
        x,
        y,
        quadrant: framework.quadrant(side),
    }
}

/// Where a partnership stands in framework A, B or C. (D places actors; for D this says so.)
pub fn place_partnership(framework: Framework, p: &Partnership, cut: Cut) -> Placement {
    let point = match framework {
        Framework::A => {
            let Some(formality) = p.formality else {
                return Placement::Unplaced("formality not set");
            };
            let Some(form) = p.form else {
                return Placement::Unplaced("form not set");
            };
            Some((
                f64::from(formality.rank()) / 5.0,
                f64::from(form.depth()) / 3.0,
            ))
        }
        Framework::B => {
            let Some(m) = measure::mutuality(p) else {
                return Placement::Unplaced("no mutuality items");
            };
            let Some(i) = measure::identity(p) else {
                return Placement::Unplaced("no identity scores");
            };
            Some((m, i))
        }
        Framework::C => {
            let Some(x) = measure::power_asymmetry(p) else {
                return Placement::Unplaced("no power score");
            };
            let Some(t) = measure::trust(p) else {
                return Placement::Unplaced("no trust scores");
            };
            Some((x, t))
        }
        Framework::D => None,
    };
    match point {
        Some((x, y)) => Placement::Placed(place(framework, x, y, cut)),
        None => Placement::Unplaced("framework D places actors"),
    }
}

/// Where an actor stands in framework D (Mendelow): x = (interest − 1) / 4, y = (influence − 1) / 4;
/// unplaced while its influence or interest is not set.
pub fn place_actor(a: &Actor, cut: Cut) -> Placement {
    let Some(influence) = a.influence else {
        return Placement::Unplaced("influence not set");
    };
    let Some(interest) = a.interest else {
        return Placement::Unplaced("interest not set");
    };
    let x = (f64::from(interest) - 1.0) / 4.0;
    let y = (f64::from(influence) - 1.0) / 4.0;
    Placement::Placed(place(Framework::D, x, y, cut))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Accountability, ActorId, Form, Formality, Level, PartnershipId, Sector};

    fn p() -> Partnership {
        Partnership::new(PartnershipId(1), ActorId(1), ActorId(2))
    }

    const HALF: Cut = Cut { x: 0.5, y: 0.5 };

    #[test]
    fn a_places_by_formality_and_depth_with_the_cut_on_the_high_side() {
        let mut e = p();
        e.formality = Some(Formality::Personal);
        e.form = Some(Form::Interaction);
        let at = place_partnership(Framework::A, &e, HALF);
        assert_eq!(at.placed().unwrap().quadrant, "Personal cooperation");
        e.formality = Some(Formality::Institutionalised);
        e.form = Some(Form::Integrated);
        let at = *place_partnership(Framework::A, &e, HALF).placed().unwrap();
        assert_eq!(
            (at.x, at.y, at.quadrant),
            (1.0, 1.0, "Institutionalised partnership")
        );
        // Mou is 3/5 = 0.6, Coalition 1/3: formal but shallow.
        e.formality = Some(Formality::Mou);
        e.form = Some(Form::Coalition);
        assert_eq!(
            place_partnership(Framework::A, &e, HALF)
                .placed()
                .unwrap()
                .quadrant,
            "Formal but shallow"
        );
        // A cut moved to exactly 0.6 still puts Mou on the high side.
        let cut = Cut { x: 0.6, y: 0.5 };
        assert_eq!(
            place_partnership(Framework::A, &e, cut)
                .placed()
                .unwrap()
                .quadrant,
            "Formal but shallow"
        );
        let cut = Cut { x: 0.61, y: 0.5 };
        assert_eq!(
            place_partnership(Framework::A, &e, cut)
                .placed()
                .unwrap()
                .quadrant,
            "Personal cooperation"
        );
        e.formality = Some(Formality::Personal);
        e.form = Some(Form::Collaboration);
        assert_eq!(
            place_partnership(Framework::A, &e, HALF)
                .placed()
                .unwrap()
                .quadrant,
            "Relational collaboration"
        );
    }

    #[test]
    fn b_needs_identity_scores_and_names_all_four_quadrants() {
        let mut e = p();
        assert_eq!(
            place_partnership(Framework::B, &e, HALF),
            Placement::Unplaced("no identity scores")
        );
        e.identity_a = Some(5);
        e.identity_b = Some(3); // I = 0.5: exactly on the cut, high side
        e.practices.mutual_decisions = true; // M = 1 (only item)
        let at = *place_partnership(Framework::B, &e, HALF).placed().unwrap();
        assert_eq!((at.x, at.y, at.quadrant), (1.0, 0.5, "Partnership"));
        e.practices.mutual_decisions = false; // M = 0
        assert_eq!(
            place_partnership(Framework::B, &e, HALF)
                .placed()
                .unwrap()
                .quadrant,
            "Contracting"
        );
        e.identity_b = Some(2); // I = 0.25
        assert_eq!(
            place_partnership(Framework::B, &e, HALF)
                .placed()
                .unwrap()
                .quadrant,
            "Extension"
        );
        e.accountability = Some(Accountability::Mutual); // M = (0 + 1) / 2 = 0.5
        assert_eq!(
            place_partnership(Framework::B, &e, HALF)
                .placed()
                .unwrap()
                .quadrant,
            "Co-optation"
        );
    }

    #[test]
    fn c_needs_power_and_trust() {
        let mut e = p();
        assert_eq!(
            place_partnership(Framework::C, &e, HALF),
            Placement::Unplaced("no power score")
        );
        e.power = Some(2);
        assert_eq!(
            place_partnership(Framework::C, &e, HALF),
            Placement::Unplaced("no trust scores")
        );
        e.trust_ba = Some(5);
        assert_eq!(
            place_partnership(Framework::C, &e, HALF)
                .placed()
                .unwrap()
                .quadrant,
            "Benevolent hierarchy"
        );
        e.power = Some(0);
        assert_eq!(
            place_partnership(Framework::C, &e, HALF)
                .placed()
                .unwrap()
                .quadrant,
            "Power with"
        );
        e.trust_ba = Some(1);
        assert_eq!(
            place_partnership(Framework::C, &e, HALF)
                .placed()
                .unwrap()
                .quadrant,
            "Guarded engagement"
        );
        e.power = Some(-1); // 0.5: on the cut, high side
        assert_eq!(
            place_partnership(Framework::C, &e, HALF)
                .placed()
                .unwrap()
                .quadrant,
            "Power over"
        );
    }

    #[test]
    fn d_places_actors_by_interest_and_influence() {
        let mut a = Actor::new(ActorId(1), "A", Sector::State, Level::National);
        a.interest = Some(3); // x = 0.5, on the cut
        a.influence = Some(3);
        let at = |a: &Actor| *place_actor(a, HALF).placed().unwrap();
        assert_eq!(at(&a).quadrant, "Key players");
        a.interest = Some(2);
        assert_eq!(at(&a).quadrant, "Keep satisfied");
        a.influence = Some(1);
        assert_eq!(at(&a).quadrant, "Monitor");
        a.interest = Some(5);
        let at = at(&a);
        assert_eq!((at.x, at.y, at.quadrant), (1.0, 0.0, "Keep informed"));
        assert_eq!(
            place_partnership(Framework::D, &p(), HALF),
            Placement::Unplaced("framework D places actors")
        );
    }

    #[test]
    fn letters_round_trip() {
        for f in Framework::ALL {
            assert_eq!(Framework::from_letter(f.letter()), Some(f));
            assert_eq!(Framework::from_letter(&f.letter().to_uppercase()), Some(f));
        }
        assert_eq!(Framework::from_letter("e"), None);
    }
}
