//! The indicators of one partnership (design.md §5): its measures and where it stands in the
//! partnership frameworks A–C.

use serde::Serialize;

use super::partnership as measure;
use super::quadrant::PartnershipQuadrants;
use crate::model::{ActorId, Cuts, Partnership, PartnershipId};
use crate::typology::{Framework, place_partnership};

/// Every indicator of one partnership. Missing inputs give `None` (JSON null), never a
/// made-up value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartnershipIndicators {
    /// The partnership.
    pub id: PartnershipId,
    /// Its first actor.
    pub a: ActorId,
    /// Its second actor.
    pub b: ActorId,
    /// Trust t, 0–1, from the known directions.
    pub trust: Option<f64>,
    /// |trust_ab − trust_ba| / 4, when both directions are known.
    pub trust_gap: Option<f64>,
    /// |power| / 2.
    pub power_asymmetry: Option<f64>,
    /// 1 − |ca − cb| / (ca + cb).
    pub contribution_equity: Option<f64>,
    /// Mutuality M (Brinkerhoff).
    pub mutuality: Option<f64>,
    /// Organisational identity I (Brinkerhoff).
    pub identity: Option<f64>,
    /// Where it stands in frameworks A, B and C, with the project's cuts.
    pub quadrants: PartnershipQuadrants,
    /// How far its perspectives' values differ, 0–1 (design.md §13,
    /// [`crate::analysis::perspective`]); `None` when fewer than two voices gave any score.
    pub disagreement: Option<f64>,
}

impl PartnershipIndicators {
    /// The indicators of `p`, placed with `cuts`.
    pub fn of(p: &Partnership, cuts: &Cuts) -> Self {
        Self {
            id: p.id,
            a: p.a,
            b: p.b,
            trust: measure::trust(p),
            trust_gap: measure::trust_gap(p),
            power_asymmetry: measure::power_asymmetry(p),
            contribution_equity: measure::contribution_equity(p),
            mutuality: measure::mutuality(p),
            identity: measure::identity(p),
            quadrants: PartnershipQuadrants {
                a: place_partnership(Framework::A, p, cuts.a),
                b: place_partnership(Framework::B, p, cuts.b),
                c: place_partnership(Framework::C, p, cuts.c),
            },
            disagreement: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cut, Form, Formality};
    use crate::typology::Placement;

    #[test]
    fn measures_and_placements_with_the_projects_cuts() {
        let mut p = Partnership::new(PartnershipId(7), ActorId(1), ActorId(2));
        p.trust_ab = Some(4);
        p.trust_ba = Some(2);
        p.power = Some(1);
        p.formality = Some(Formality::Mou);
        p.form = Some(Form::Coalition);
        let ind = PartnershipIndicators::of(&p, &Cuts::default());
        // t = (3 − 1) / 4 = 0.5; gap = 2 / 4 = 0.5; asymmetry = 1 / 2.
        assert_eq!(ind.trust, Some(0.5));
        assert_eq!(ind.trust_gap, Some(0.5));
        assert_eq!(ind.power_asymmetry, Some(0.5));
        assert_eq!(ind.contribution_equity, None);
        assert_eq!(ind.identity, None);
        // M = mean(decision equality 0.5, joint decision-making 0) = 0.25.
        assert_eq!(ind.mutuality, Some(0.25));
        // A: x = 3/5, y = 1/3: formal but shallow. C: (0.5, 0.5): on both cuts, high side.
        let quadrant = |pl: &Placement| pl.placed().map(|q| q.quadrant);
        assert_eq!(quadrant(&ind.quadrants.a), Some("Formal but shallow"));
        assert_eq!(ind.quadrants.b, Placement::Unplaced("no identity scores"));
        assert_eq!(quadrant(&ind.quadrants.c), Some("Benevolent hierarchy"));
        // Moving C's trust cut above 0.5 makes it power over.
        let cuts = Cuts {
            c: Cut { x: 0.5, y: 0.6 },
            ..Cuts::default()
        };
        let moved = PartnershipIndicators::of(&p, &cuts);
        assert_eq!(quadrant(&moved.quadrants.c), Some("Power over"));
    }

    #[test]
    fn json_shape_of_quadrants() {
        let p = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
        let json = serde_json::to_value(PartnershipIndicators::of(&p, &Cuts::default())).unwrap();
        assert_eq!(json["trust"], serde_json::Value::Null);
        assert_eq!(
            json["quadrants"]["a"],
            serde_json::json!({"unplaced": "formality not set"})
        );
        assert_eq!(
            json["quadrants"]["c"],
            serde_json::json!({"unplaced": "no power score"})
        );
    }
}
