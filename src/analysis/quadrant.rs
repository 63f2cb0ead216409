//! Typology placements as indicators: how many partnerships (or, for D, actors) fall in each
//! quadrant of each framework, and the JSON shape of one placement.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::typology::{Framework, Placed, Placement, Side};

/// The four quadrant names of a framework, low-low first.
pub fn quadrant_names(framework: Framework) -> [&'static str; 4] {
    [(false, false), (true, false), (false, true), (true, true)]
        .map(|(high_x, high_y)| framework.quadrant(Side { high_x, high_y }))
}

/// How many items fall in each quadrant of one framework.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuadrantCounts {
    /// The count in each quadrant, by quadrant name; every quadrant is present, even at 0.
    #[serde(flatten)]
    pub placed: BTreeMap<&'static str, usize>,
    /// How many could not be placed for lack of data (for framework D: actors whose influence
    /// or interest is not set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unplaced: Option<usize>,
}

impl QuadrantCounts {
    /// Zero in every quadrant of `framework`.
    pub fn empty(framework: Framework) -> Self {
        Self {
            placed: quadrant_names(framework).map(|q| (q, 0)).into(),
            unplaced: Some(0),
        }
    }

    /// Counts one placement.
    pub fn add(&mut self, placement: &Placement) {
        match placement {
            Placement::Placed(p) => self.add_placed(p),
            Placement::Unplaced(_) => *self.unplaced.get_or_insert(0) += 1,
        }
    }

    /// Counts one placed point.
    pub fn add_placed(&mut self, placed: &Placed) {
        *self.placed.entry(placed.quadrant).or_insert(0) += 1;
    }

    /// How many items were placed, over all quadrants.
    pub fn placed_total(&self) -> usize {
        self.placed.values().sum()
    }
}

/// Quadrant counts of the four frameworks: A–C count partnerships, D counts actors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrameworkCounts {
    /// A: depth × formality.
    pub a: QuadrantCounts,
    /// B: mutuality × identity.
    pub b: QuadrantCounts,
    /// C: power × trust.
    pub c: QuadrantCounts,
    /// D: actors' influence × interest.
    pub d: QuadrantCounts,
}

impl Default for FrameworkCounts {
    fn default() -> Self {
        Self {
            a: QuadrantCounts::empty(Framework::A),
            b: QuadrantCounts::empty(Framework::B),
            c: QuadrantCounts::empty(Framework::C),
            d: QuadrantCounts::empty(Framework::D),
        }
    }
}

impl FrameworkCounts {
    /// The counts of one framework.
    pub fn get(&self, framework: Framework) -> &QuadrantCounts {
        match framework {
            Framework::A => &self.a,
            Framework::B => &self.b,
            Framework::C => &self.c,
            Framework::D => &self.d,
        }
    }
}

/// Where a partnership stands in frameworks A, B and C.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PartnershipQuadrants {
    /// A: depth × formality.
    #[serde(serialize_with = "placement_json")]
    pub a: Placement,
    /// B: mutuality × identity.
    #[serde(serialize_with = "placement_json")]
    pub b: Placement,
    /// C: power × trust.
    #[serde(serialize_with = "placement_json")]
    pub c: Placement,
}

impl PartnershipQuadrants {
    /// The placement in framework A, B or C; `None` for D, which places actors.
    pub fn get(&self, framework: Framework) -> Option<&Placement> {
        match framework {
            Framework::A => Some(&self.a),
            Framework::B => Some(&self.b),
            Framework::C => Some(&self.c),
            Framework::D => None,
        }
    }
}

/// Writes a placed point as `{"x": …, "y": …, "quadrant": …}`.
pub(crate) fn placed_json<S: Serializer>(p: &Placed, s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(3))?;
    map.serialize_entry("x", &p.x)?;
    map.serialize_entry("y", &p.y)?;
    map.serialize_entry("quadrant", p.quadrant)?;
    map.end()
}

/// Writes a placement as a placed point, or as `{"unplaced": "reason"}`.
pub(crate) fn placement_json<S: Serializer>(p: &Placement, s: S) -> Result<S::Ok, S::Error> {
    match p {
        Placement::Placed(p) => placed_json(p, s),
        Placement::Unplaced(reason) => {
            let mut map = s.serialize_map(Some(1))?;
            map.serialize_entry("unplaced", reason)?;
            map.end()
        }
    }
}
