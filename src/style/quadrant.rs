//! What the quadrant chart of one framework shows (design.md §4), egui-free: which items are
//! placed where once points sharing a spot are spread apart, their colours and shapes, the
//! four quadrant names and where they stand, where the plot is cut, and the items that cannot
//! be placed with the reason. The window's chart panel and the SVG export both draw this, so
//! that the screen and the printed chart agree.

use std::collections::BTreeMap;

use super::{Rgb, Shape, actor_colour, actor_shape};
use crate::model::{ActorId, Cut, PartnershipId, Project};
use crate::typology::{self, Framework, Placement, Side};

/// More items than this at one spot are drawn as one crowd mark with a count: a sunflower of
/// more would reach into the neighbouring spots.
pub const SPREAD_UP_TO: usize = 12;
/// The radius of a round point (a partnership), in px.
pub const POINT_RADIUS_PX: f64 = 5.0;
/// The radius of a sector's shape (an actor, in framework D), in px.
pub const SHAPE_RADIUS_PX: f64 = 6.0;

/// How far the sunflower's points are from its centre, in units of the plot's side, times the
/// square root of (their rank plus [`SPREAD_START`]).
const SPREAD_STEP: f64 = 0.014;
/// Added to a point's rank before its distance from the centre is taken, so that the first
/// point stands off the spot too.
const SPREAD_START: f64 = 0.6;
/// The angle between one point of the sunflower and the next, in radians (the golden angle,
/// which never lines points up).
const GOLDEN_ANGLE: f64 = 2.399_963;
/// How far a spread point keeps from a cut line, in units of the plot's side, so that it stays
/// visibly on its spot's side.
const CUT_CLEARANCE: f64 = 0.003;

/// What a point of the chart stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    /// An actor (framework D).
    Actor(ActorId),
    /// A partnership (frameworks A–C).
    Partnership(PartnershipId),
}

/// One placed item.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// What it stands for.
    pub subject: Subject,
    /// Where it is drawn, in the unit square: spread a little when several items share a
    /// spot, and always inside the plot.
    pub at: [f64; 2],
    /// Where the item really is.
    pub true_at: [f64; 2],
    /// Its colour, as on the map.
    pub colour: Rgb,
    /// The sector's shape for an actor, as on the map; `None` for a partnership, drawn as a
    /// round point.
    pub shape: Option<Shape>,
    /// The name of its quadrant.
    pub quadrant: &'static str,
    /// Its short label, written beside it: an actor's short name, or a partnership's two
    /// actors.
    pub label: String,
    /// Its full name, shown when the pointer rests on it: an actor's name, or a partnership's
    /// two actors and its own label.
    pub name: String,
}

/// Points that share one spot.
#[derive(Clone, Debug, PartialEq)]
pub struct Spot {
    /// Where the spot is, in the unit square.
    pub at: [f64; 2],
    /// The indices of its points in [`Chart::points`].
    pub members: Vec<usize>,
}

impl Spot {
    /// Whether the spot holds too many points to spread, and is drawn as one crowd mark.
    pub fn is_crowd(&self) -> bool {
        self.members.len() > SPREAD_UP_TO
    }
}

/// What a pointer can pick: one point, or a crowd of points drawn as one mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The indices of its points in [`Chart::points`] (one, or a crowd's).
    pub points: Vec<usize>,
    /// Where it is drawn, in the unit square.
    pub at: [f64; 2],
}

impl Mark {
    /// Whether the mark stands for a crowd of points, drawn with its count.
    pub fn is_crowd(&self) -> bool {
        self.points.len() > 1
    }
}

/// A quadrant's name and where it can stand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QuadrantName {
    /// The name.
    pub name: &'static str,
    /// Which side of both cuts the quadrant is on.
    pub side: Side,
    /// The middle of the quadrant, in the unit square (where the window writes it).
    pub centre: [f64; 2],
}

impl QuadrantName {
    /// The quadrant's outer corner of the plot, in the unit square (where the printed chart
    /// writes it, away from the points that gather near the cuts).
    pub fn outer_corner(&self) -> [f64; 2] {
        let corner = |high: bool| if high { 1.0 } else { 0.0 };
        [corner(self.side.high_x), corner(self.side.high_y)]
    }
}

/// An item that cannot be placed, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Unplaced {
    /// What it is.
    pub subject: Subject,
    /// Its short label, as [`Point::label`].
    pub label: String,
    /// Why it is not placed ("no identity scores").
    pub reason: &'static str,
}

impl Unplaced {
    /// Its line in the list of unplaced items: the label and the reason.
    pub fn line(&self) -> String {
        format!("{}: {}", self.label, self.reason)
    }
}

/// The heading of the list of `count` unplaced items.
pub fn unplaced_heading(count: usize) -> String {
    format!("Not placed ({count})")
}

/// The quadrant chart of one framework, cut at one place.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// The framework shown.
    pub framework: Framework,
    /// Where the plot is cut.
    pub cut: Cut,
    /// Every placed item, actors or partnerships in id order.
    pub points: Vec<Point>,
    /// The points grouped by the spot they share, in the order of the spots' coordinates.
    pub spots: Vec<Spot>,
    /// What a pointer can pick, spot by spot: each point of a spread spot, or a crowd.
    pub marks: Vec<Mark>,
    /// The quadrants' names, in reading order (top left, top right, bottom left, bottom
    /// right).
    pub names: [QuadrantName; 4],
    /// The items that cannot be placed, in id order.
    pub unplaced: Vec<Unplaced>,
}

/// The quadrant chart of `framework` for `project`, cut at `cut`: actors coloured and shaped
/// by sector for D, partnerships coloured as the project's settings colour them for A–C.
pub fn chart(project: &Project, framework: Framework, cut: Cut) -> Chart {
    let (mut points, unplaced) = place(project, framework, cut);
    let spots = spread(&mut points, cut);
    let marks = marks(&points, &spots);
    Chart {
        framework,
        cut,
        points,
        spots,
        marks,
        names: quadrant_names(framework, cut),
        unplaced,
    }
}

/// A partnership's short label: the short names of its two actors.
fn partnership_label(project: &Project, a: ActorId, b: ActorId) -> String {
    let name = |id| project.actor(id).map_or("?", |a| a.short_or_name());
    format!("{} – {}", name(a), name(b))
}

/// Every item of `framework` placed at its true spot, and those that cannot be placed.
fn place(project: &Project, framework: Framework, cut: Cut) -> (Vec<Point>, Vec<Unplaced>) {
    let mut points = Vec::new();
    let mut unplaced = Vec::new();
    if framework.places_actors() {
        for a in project.actors.values() {
            let p = match typology::place_actor(a, cut) {
                Placement::Placed(p) => p,
                Placement::Unplaced(reason) => {
                    unplaced.push(Unplaced {
                        subject: Subject::Actor(a.id),
                        label: a.short_or_name().to_string(),
                        reason,
                    });
                    continue;
                }
            };
            points.push(Point {
                subject: Subject::Actor(a.id),
                at: [p.x, p.y],
                true_at: [p.x, p.y],
                colour: actor_colour(a.sector),
                shape: Some(actor_shape(a.sector)),
                quadrant: p.quadrant,
                label: a.short_or_name().to_string(),
                name: a.name.clone(),
            });
        }
        return (points, unplaced);
    }
    for e in project.partnerships.values() {
        let label = partnership_label(project, e.a, e.b);
        let subject = Subject::Partnership(e.id);
        match typology::place_partnership(framework, e, cut) {
            Placement::Placed(p) => points.push(Point {
                subject,
                at: [p.x, p.y],
                true_at: [p.x, p.y],
                colour: super::partnership_colour_in(project, e),
                shape: None,
                quadrant: p.quadrant,
                name: match e.label.as_deref().filter(|l| !l.trim().is_empty()) {
                    Some(l) => format!("{label}: {l}"),
                    None => label.clone(),
                },
                label,
            }),
            Placement::Unplaced(reason) => unplaced.push(Unplaced {
                subject,
                label,
                reason,
            }),
        }
    }
    (points, unplaced)
}

/// Groups the points that share a spot and spreads each group of up to [`SPREAD_UP_TO`] into
/// a small sunflower, kept inside the plot and on the spot's side of both cuts, so that each
/// point stays visible and in its quadrant. Larger groups stay on their spot, as one crowd.
fn spread(points: &mut [Point], cut: Cut) -> Vec<Spot> {
    let mut by_spot: BTreeMap<(u64, u64), Vec<usize>> = BTreeMap::new();
    for (i, p) in points.iter().enumerate() {
        by_spot
            .entry((p.true_at[0].to_bits(), p.true_at[1].to_bits()))
            .or_default()
            .push(i);
    }
    let mut spots = Vec::new();
    for ((x, y), members) in by_spot {
        let at = [f64::from_bits(x), f64::from_bits(y)];
        let spot = Spot { at, members };
        if spot.members.len() > 1 && !spot.is_crowd() {
            for (k, &i) in spot.members.iter().enumerate() {
                let r = SPREAD_STEP * ((k as f64) + SPREAD_START).sqrt();
                let angle = k as f64 * GOLDEN_ANGLE;
                points[i].at = [
                    keep_side(at[0], r * angle.cos(), cut.x),
                    keep_side(at[1], r * angle.sin(), cut.y),
                ];
            }
        }
        spots.push(spot);
    }
    spots
}

/// `v` moved by `d`, inside the plot and on `v`'s side of the cut at `cut`. An offset that
/// would leave the plot is folded back (`v - d`) rather than clamped, so that the points of a
/// spot on an edge or in a corner stay apart instead of piling up on the edge.
fn keep_side(v: f64, d: f64, cut: f64) -> f64 {
    let moved = if (0.0..=1.0).contains(&(v + d)) {
        v + d
    } else {
        v - d
    };
    if v >= cut {
        moved.max(cut + CUT_CLEARANCE)
    } else {
        moved.min(cut - CUT_CLEARANCE)
    }
}

/// The marks of `spots`: one per point of a spread spot, one per crowd.
fn marks(points: &[Point], spots: &[Spot]) -> Vec<Mark> {
    let mut marks = Vec::new();
    for spot in spots {
        if spot.is_crowd() {
            marks.push(Mark {
                points: spot.members.clone(),
                at: spot.at,
            });
        } else {
            marks.extend(spot.members.iter().map(|&i| Mark {
                points: vec![i],
                at: points[i].at,
            }));
        }
    }
    marks
}

/// The quadrant names of `framework` cut at `cut`, in reading order. The window calls this
/// with the cut being dragged, so that the names follow it.
pub fn quadrant_names(framework: Framework, cut: Cut) -> [QuadrantName; 4] {
    [(false, true), (true, true), (false, false), (true, false)].map(|(high_x, high_y)| {
        let side = Side { high_x, high_y };
        let middle = |high: bool, cut: f64| if high { (cut + 1.0) / 2.0 } else { cut / 2.0 };
        QuadrantName {
            name: framework.quadrant(side),
            side,
            centre: [middle(high_x, cut.x), middle(high_y, cut.y)],
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_sharing_a_spot_are_spread_inside_the_plot_and_stay_in_their_quadrant() {
        let p = crate::generate::generate(40, 120, 5).expect("generates");
        let cut = Cut { x: 0.6, y: 0.5 };
        let c = chart(&p, Framework::A, cut);
        assert_eq!(c.points.len(), 120);
        for m in &c.points {
            let (tx, ty) = (m.true_at[0], m.true_at[1]);
            assert_eq!(m.at[0] >= cut.x, tx >= cut.x, "{m:?}");
            assert_eq!(m.at[1] >= cut.y, ty >= cut.y, "{m:?}");
            assert!(m.at.iter().all(|v| (0.0..=1.0).contains(v)), "{m:?}");
        }
        // Spread points are all drawn at distinct spots.
        let mut seen = std::collections::HashSet::new();
        for m in c.marks.iter().filter(|m| !m.is_crowd()) {
            assert!(
                seen.insert((m.at[0].to_bits(), m.at[1].to_bits())),
                "two marks drawn at the same spot: {:?}",
                c.points[m.points[0]]
            );
        }
        // Every point is picked by exactly one mark.
        let mut picked: Vec<usize> = c.marks.iter().flat_map(|m| m.points.clone()).collect();
        picked.sort_unstable();
        assert_eq!(picked, (0..c.points.len()).collect::<Vec<_>>());
    }

    #[test]
    fn the_points_of_a_corner_spot_stay_apart_inside_the_plot() {
        use crate::model::{Actor, Choice, Form, Formality, Level, Partnership, Sector};
        for (form, formality) in [
            (Form::Interaction, Formality::Personal),
            (Form::Integrated, Formality::ALL[Formality::ALL.len() - 1]),
        ] {
            let mut p = Project::new();
            p.insert_actor(Actor::new(ActorId(1), "A", Sector::State, Level::Commune));
            p.insert_actor(Actor::new(ActorId(2), "B", Sector::Donor, Level::Commune));
            for id in 1..=SPREAD_UP_TO as u64 {
                let mut e = Partnership::new(PartnershipId(id), ActorId(1), ActorId(2));
                e.form = Some(form);
                e.formality = Some(formality);
                p.insert_partnership(e);
            }
            let c = chart(&p, Framework::A, Cut::default());
            assert_eq!(c.marks.len(), SPREAD_UP_TO, "one spread spot");
            let mut seen = std::collections::HashSet::new();
            for m in &c.points {
                assert!(m.at.iter().all(|v| (0.0..=1.0).contains(v)), "{m:?}");
                assert!(seen.insert((m.at[0].to_bits(), m.at[1].to_bits())), "{m:?}");
            }
        }
    }

    #[test]
    fn quadrant_names_stand_in_the_middle_of_their_quadrants() {
        let names = quadrant_names(Framework::A, Cut { x: 0.5, y: 0.5 });
        assert_eq!(names[0].name, "Relational collaboration");
        assert_eq!(names[0].centre, [0.25, 0.75]);
        assert_eq!(names[0].outer_corner(), [0.0, 1.0]);
        assert_eq!(names[3].name, "Formal but shallow");
        assert_eq!(names[3].centre, [0.75, 0.25]);
    }
}
