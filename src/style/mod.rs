//! The visual encoding of the map, shared by the canvas and every export so that what is
//! printed matches the screen (design.md §6): colour and shape by sector, size by influence
//! (or by an indicator, with rings around brokers, as the view asks), line width by form,
//! dashes for informal partnerships, colour by trust.

use std::collections::{BTreeMap, HashMap};

use crate::analysis::Indicators;
use crate::model::{
    Actor, ActorId, ColourBy, Form, Formality, Function, Partnership, PartnershipId, Project,
    Sector,
};

pub mod change;
pub mod labels;
pub mod legend;
pub mod marks;
pub mod quadrant;
pub mod trajectory;
pub mod voices;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, as SVG and CSS write it.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// The colour `t` of the way from `self` to `other`.
    pub fn lerp(self, other: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(
            mix(self.0, other.0),
            mix(self.1, other.1),
            mix(self.2, other.2),
        )
    }
}

/// The second cue for sector, so that print in black and white and colour-blind readers can
/// still tell sectors apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A square: the state's institutions.
    Square,
    /// A circle: civil society.
    Circle,
    /// A diamond: private firms.
    Diamond,
    /// A triangle pointing up: communities.
    Triangle,
    /// A hexagon: donors.
    Hexagon,
    /// A circle with a ring inside: joint bodies made of several actors.
    DoubleCircle,
}

/// The colour of a sector, from the Okabe–Ito palette (safe for colour-blind readers).
pub fn sector_colour(sector: Sector) -> Rgb {
    match sector {
        Sector::State => Rgb(0x00, 0x72, 0xB2),
        Sector::CivilSociety => Rgb(0x00, 0x9E, 0x73),
        Sector::Private => Rgb(0xD5, 0x5E, 0x00),
        Sector::Community => Rgb(0xE6, 0x9F, 0x00),
        Sector::Donor => Rgb(0xCC, 0x79, 0xA7),
        Sector::Joint => Rgb(0x56, 0xB4, 0xE9),
    }
}

/// The shape of a sector.
pub fn sector_shape(sector: Sector) -> Shape {
    match sector {
        Sector::State => Shape::Square,
        Sector::CivilSociety => Shape::Circle,
        Sector::Private => Shape::Diamond,
        Sector::Community => Shape::Triangle,
        Sector::Donor => Shape::Hexagon,
        Sector::Joint => Shape::DoubleCircle,
    }
}

/// The fill of actors whose sector is not set: a neutral grey that no sector uses.
pub const NOT_SET_FILL: Rgb = Rgb(0xB4, 0xB4, 0xB4);

/// The colour of an actor: its sector's, or [`NOT_SET_FILL`] while its sector is not set.
pub fn actor_colour(sector: Option<Sector>) -> Rgb {
    sector.map_or(NOT_SET_FILL, sector_colour)
}

/// The shape of an actor: its sector's, or a plain circle while its sector is not set.
pub fn actor_shape(sector: Option<Sector>) -> Shape {
    sector.map_or(Shape::Circle, sector_shape)
}

/// The radius of an actor in canvas units, growing with influence (1–5); an actor whose
/// influence is not set is drawn at the smallest size, claiming no influence.
pub fn actor_radius(actor: &Actor) -> f64 {
    influence_radius(actor.influence.unwrap_or(1))
}

/// The radius for an influence score.
pub fn influence_radius(influence: u8) -> f64 {
    10.0 + 3.5 * f64::from(influence.clamp(1, 5))
}

/// What gives actors their size, on the canvas and in exports.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum SizeBy {
    /// Influence, 1–5 (the default, saved in the map).
    #[default]
    Influence,
    /// Betweenness: go-betweens and gatekeepers grow.
    Betweenness,
    /// Trust received from partners.
    TrustReceived,
}

impl SizeBy {
    /// Every choice, in menu order.
    pub const ALL: [SizeBy; 3] = [Self::Influence, Self::Betweenness, Self::TrustReceived];

    /// The label in menus and the legend.
    pub fn label(self) -> &'static str {
        match self {
            Self::Influence => "influence",
            Self::Betweenness => "betweenness",
            Self::TrustReceived => "trust received",
        }
    }

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Influence => "influence",
            Self::Betweenness => "betweenness",
            Self::TrustReceived => "trust",
        }
    }
}

impl std::str::FromStr for SizeBy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|v| v.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown size {s:?}: use influence, betweenness or trust"))
    }
}

/// What the view shows of the indicators on the actors: what sizes them, and whether
/// cross-sector brokers get a ring. Chosen in the window's View menu; exports take it too,
/// so that print matches the screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewEncoding {
    /// What gives actors their size.
    pub size_by: SizeBy,
    /// Whether cross-sector brokers get a ring.
    pub broker_rings: bool,
}

impl ViewEncoding {
    /// Whether drawing it needs the indicators.
    pub fn needs_indicators(self) -> bool {
        self.size_by != SizeBy::Influence || self.broker_rings
    }

    /// Whether drawing it needs betweenness, the indicator that takes long on a large map.
    pub fn needs_betweenness(self) -> bool {
        self.size_by == SizeBy::Betweenness
    }
}

/// The radius of an actor whose betweenness is `share` of the map's highest.
pub fn betweenness_radius(share: f64) -> f64 {
    11.0 + 22.0 * share.clamp(0.0, 1.0).sqrt()
}

/// The radius of an actor that receives trust `t` (0–1), or none known.
pub fn trust_received_radius(t: Option<f64>) -> f64 {
    t.map_or(9.0, |t| 11.0 + 18.0 * t.clamp(0.0, 1.0))
}

/// Each actor's radius when sized by `size_by`, from the indicators; `None` when sized by
/// influence (each actor's own [`actor_radius`]). Betweenness not (yet) computed counts as
/// none.
pub fn indicator_radii(ind: &Indicators, size_by: SizeBy) -> Option<HashMap<ActorId, f64>> {
    match size_by {
        SizeBy::Influence => None,
        SizeBy::Betweenness => {
            let max = ind
                .actors
                .values()
                .filter_map(|a| a.betweenness)
                .fold(0.0f64, f64::max);
            Some(
                ind.actors
                    .values()
                    .map(|a| {
                        let share = match (a.betweenness, max > 0.0) {
                            (Some(b), true) => b / max,
                            _ => 0.0,
                        };
                        (a.id, betweenness_radius(share))
                    })
                    .collect(),
            )
        }
        SizeBy::TrustReceived => Some(
            ind.actors
                .values()
                .map(|a| (a.id, trust_received_radius(a.trust_received)))
                .collect(),
        ),
    }
}

/// The colour of the ring around cross-sector brokers.
pub const BROKER_RING: Rgb = Rgb(0xE6, 0x9F, 0x00);

/// Cross-sector brokers (actors that join partners of different sectors who do not work
/// together) and the strength of their ring, 0–1: their share of the map's most such pairs.
pub fn broker_strengths(ind: &Indicators) -> HashMap<ActorId, f64> {
    let max = ind.actors.values().map(|a| a.brokerage).max().unwrap_or(0);
    ind.actors
        .values()
        .filter(|a| a.brokerage > 0)
        .map(|a| (a.id, a.brokerage as f64 / max.max(1) as f64))
        .collect()
}

/// A broker's ring of `strength` (0–1): how far beyond the actor's outline it runs and how
/// wide its line is, in screen points (px on paper).
pub fn broker_ring(strength: f64) -> (f64, f64) {
    (3.0 + 2.0 * strength, 2.0 + 4.0 * strength)
}

/// The width of a partnership line in canvas units, growing with form; a partnership whose
/// form is not set is drawn as thin as the shallowest.
pub fn form_width(form: Option<Form>) -> f64 {
    match form {
        None | Some(Form::Interaction) => 1.5,
        Some(Form::Coalition) => 2.5,
        Some(Form::Collaboration) => 4.0,
        Some(Form::Integrated) => 6.0,
    }
}

/// How a partnership's line is drawn, by formality.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineStyle {
    /// A letter of support or more formal.
    Solid,
    /// Informal: less formal than a letter of support.
    Dashed,
    /// Formality not set.
    Dotted,
}

/// The line of a partnership with this formality: dashed below a letter of support, dotted
/// while not set.
pub fn line_style(formality: Option<Formality>) -> LineStyle {
    match formality {
        None => LineStyle::Dotted,
        Some(f) if f < Formality::LetterOfSupport => LineStyle::Dashed,
        Some(_) => LineStyle::Solid,
    }
}

/// The colour of lines whose trust is unknown.
pub const UNKNOWN: Rgb = Rgb(0x9A, 0x9A, 0x9A);

const TRUST_LOW: Rgb = Rgb(0xE6, 0x61, 0x01);
const TRUST_MID: Rgb = Rgb(0xC9, 0xA8, 0x6A);
const TRUST_HIGH: Rgb = Rgb(0x5E, 0x3C, 0x99);

/// The colour for trust `t` on the 0–1 scale: a diverging orange–purple scale that readers
/// with red–green colour blindness can still read; [`UNKNOWN`] grey when missing.
pub fn trust_colour(t: Option<f64>) -> Rgb {
    match t {
        None => UNKNOWN,
        Some(t) if t < 0.5 => TRUST_LOW.lerp(TRUST_MID, t * 2.0),
        Some(t) => TRUST_MID.lerp(TRUST_HIGH, (t - 0.5) * 2.0),
    }
}

/// The colour of a partnership line when coloured by trust.
pub fn partnership_colour(p: &Partnership) -> Rgb {
    trust_colour(crate::typology::measure::trust(p))
}

/// The colour of a form, from shallow (light) to deep (dark), readable on light and dark
/// backgrounds (viridis steps).
pub fn form_colour(form: Form) -> Rgb {
    match form {
        Form::Interaction => Rgb(0xC2, 0xA5, 0x00),
        Form::Coalition => Rgb(0x35, 0xB7, 0x79),
        Form::Collaboration => Rgb(0x31, 0x68, 0x8E),
        Form::Integrated => Rgb(0x6A, 0x2C, 0x91),
    }
}

/// The colour of a formality, from personal (light) to institutionalised (dark).
pub fn formality_colour(formality: Formality) -> Rgb {
    match formality {
        Formality::Personal => Rgb(0xD8, 0xB4, 0x00),
        Formality::PermissionPerActivity => Rgb(0x8F, 0xC1, 0x3E),
        Formality::LetterOfSupport => Rgb(0x35, 0xB7, 0x79),
        Formality::Mou => Rgb(0x21, 0x90, 0x8C),
        Formality::ContractOrGrant => Rgb(0x3B, 0x52, 0x8B),
        Formality::Institutionalised => Rgb(0x6A, 0x2C, 0x91),
    }
}

/// The colour of a function (Okabe–Ito, plus grey for the ninth).
pub fn function_colour(function: Function) -> Rgb {
    match function {
        Function::ServiceDelivery => Rgb(0x00, 0x72, 0xB2),
        Function::Infrastructure => Rgb(0x99, 0x99, 0x99),
        Function::Accountability => Rgb(0xD5, 0x5E, 0x00),
        Function::PolicyInfluence => Rgb(0xCC, 0x79, 0xA7),
        Function::CapacityBuilding => Rgb(0x00, 0x9E, 0x73),
        Function::DisputeResolution => Rgb(0xE6, 0x9F, 0x00),
        Function::Learning => Rgb(0x56, 0xB4, 0xE9),
        Function::Coordination => Rgb(0xF0, 0xE4, 0x42),
        Function::Financing => Rgb(0x7A, 0x4E, 0x2D),
    }
}

const AGREE: Rgb = Rgb(0x31, 0x82, 0xBD);
const DISAGREE_MID: Rgb = Rgb(0xF0, 0x9A, 0x3E);
const DISAGREE: Rgb = Rgb(0xA5, 0x0F, 0x15);

/// The colour for a disagreement `d` between perspectives on the 0–1 scale (design.md §13):
/// blue where the voices agree, through orange, to dark red where they are far apart;
/// [`UNKNOWN`] grey when fewer than two voices rated.
pub fn disagreement_colour(d: Option<f64>) -> Rgb {
    match d {
        None => UNKNOWN,
        Some(d) if d < 0.5 => AGREE.lerp(DISAGREE_MID, d * 2.0),
        Some(d) => DISAGREE_MID.lerp(DISAGREE, ((d - 0.5) * 2.0).min(1.0)),
    }
}

/// The colour of a partnership line of `project` under its "colour partnerships by" choice,
/// disagreement included.
pub fn partnership_colour_in(project: &Project, p: &Partnership) -> Rgb {
    match project.settings.colour_by {
        ColourBy::Disagreement => disagreement_colour(
            crate::analysis::perspective::partnership_disagreement(project, p),
        ),
        by => partnership_colour_by(p, by),
    }
}

/// The colour of a partnership line under the project's "colour partnerships by" choice
/// (grey for disagreement, which needs the whole map: [`partnership_colour_in`]).
pub fn partnership_colour_by(p: &Partnership, by: ColourBy) -> Rgb {
    match by {
        ColourBy::Disagreement => UNKNOWN,
        ColourBy::Trust => partnership_colour(p),
        ColourBy::Form => p.form.map_or(UNKNOWN, form_colour),
        ColourBy::Formality => p.formality.map_or(UNKNOWN, formality_colour),
        ColourBy::Function => p
            .functions
            .iter()
            .next()
            .map_or(UNKNOWN, |f| function_colour(*f)),
    }
}

/// The end of a partnership that holds power, and how strongly (1 leads, 2 dominates);
/// `None` when power is balanced or unknown.
pub fn dominant_end(p: &Partnership) -> Option<(crate::model::ActorId, u8)> {
    match p.power {
        Some(v) if v < 0 => Some((p.a, v.unsigned_abs())),
        Some(v) if v > 0 => Some((p.b, v.unsigned_abs())),
        _ => None,
    }
}

/// Wraps a label into lines of at most about `max_chars` characters, breaking at spaces.
pub fn wrap_label(text: &str, max_chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// How many characters a label line holds before it wraps, on the canvas and in exports.
pub const LABEL_WRAP_CHARS: usize = 22;

/// How far apart parallel partnerships bow, in map units.
pub const PARALLEL_SPACING: f64 = 26.0;

/// The bend of every partnership, in map units: 0 for a single partnership between two
/// actors, ± steps of [`PARALLEL_SPACING`] for parallel ones, so that each is its own curve.
/// Within a pair, partnerships are taken in id order, so the same map always bends the same.
pub fn parallel_bends(project: &Project) -> BTreeMap<PartnershipId, f64> {
    let mut groups: BTreeMap<(crate::model::ActorId, crate::model::ActorId), Vec<PartnershipId>> =
        BTreeMap::new();
    for p in project.partnerships.values() {
        groups
            .entry((p.a.min(p.b), p.a.max(p.b)))
            .or_default()
            .push(p.id);
    }
    let mut bends = BTreeMap::new();
    for ids in groups.values() {
        let k = ids.len() as f64;
        for (i, id) in ids.iter().enumerate() {
            bends.insert(*id, (i as f64 - (k - 1.0) / 2.0) * PARALLEL_SPACING);
        }
    }
    bends
}

/// The control point of the quadratic Bézier that draws a partnership from `a` to `b`
/// bowing `bend` units to the left of the line from the lower to the higher actor id
/// (`a_is_low`: `a` has the lower id), or `None` when the line is straight. The apex of the
/// curve is `bend` away from the midpoint.
pub fn curve_control(
    a: (f64, f64),
    b: (f64, f64),
    bend: f64,
    a_is_low: bool,
) -> Option<(f64, f64)> {
    if bend.abs() < 0.5 {
        return None;
    }
    let (lo, hi) = if a_is_low { (a, b) } else { (b, a) };
    let (dx, dy) = (hi.0 - lo.0, hi.1 - lo.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len <= f64::EPSILON {
        return None;
    }
    let normal = (-dy / len, dx / len);
    let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    Some((mid.0 + normal.0 * 2.0 * bend, mid.1 + normal.1 * 2.0 * bend))
}

/// The polyline of a partnership from `a` to `b` (see [`curve_control`]): the two ends for a
/// straight line, else `segments` pieces of the curve.
pub fn curve_points(
    a: (f64, f64),
    b: (f64, f64),
    bend: f64,
    a_is_low: bool,
    segments: usize,
) -> Vec<(f64, f64)> {
    let Some(c) = curve_control(a, b, bend, a_is_low) else {
        return vec![a, b];
    };
    let n = segments.max(1);
    (0..=n)
        .map(|i| {
            let t = i as f64 / n as f64;
            let u = 1.0 - t;
            (
                a.0 * u * u + c.0 * 2.0 * u * t + b.0 * t * t,
                a.1 * u * u + c.1 * 2.0 * u * t + b.1 * t * t,
            )
        })
        .collect()
}

/// The point `dist` along a polyline from its start (its last point if it is shorter).
pub fn point_along(points: &[(f64, f64)], dist: f64) -> (f64, f64) {
    let mut left = dist;
    for w in points.windows(2) {
        let (p, q) = (w[0], w[1]);
        let len = ((q.0 - p.0).powi(2) + (q.1 - p.1).powi(2)).sqrt();
        if len >= left && len > 0.0 {
            let t = left / len;
            return (p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t);
        }
        left -= len;
    }
    points.last().copied().unwrap_or((0.0, 0.0))
}

/// How far from the dominant actor's centre the power dot sits along the line: just outside
/// the actor, whose radius is `actor_radius`, on a line `width` wide.
pub fn power_dot_distance(actor_radius: f64, width: f64) -> f64 {
    actor_radius + 7.0 + width
}

/// The radius of the power dot: larger when one side dominates (2) than when it leads (1).
pub fn power_dot_radius(strength: u8) -> f64 {
    if strength >= 2 { 5.5 } else { 3.5 }
}

/// The outline of an actor's shape, in the same units as its centre and radius.
#[derive(Clone, Debug, PartialEq)]
pub enum Outline {
    /// A circle of this radius.
    Circle(f64),
    /// A circle of radius `outer` with a white ring of radius `inner` and width `ring_width`
    /// inside it.
    Ringed {
        /// The filled circle's radius.
        outer: f64,
        /// The inner ring's radius.
        inner: f64,
        /// The inner ring's line width.
        ring_width: f64,
    },
    /// A filled polygon through these points.
    Polygon(Vec<(f64, f64)>),
}

/// The outline of `shape` for an actor at `center` with radius `r`: squares, diamonds,
/// triangles and hexagons are sized so that they look as large as a circle of radius `r`.
pub fn shape_outline(shape: Shape, center: (f64, f64), r: f64) -> Outline {
    let ring = |n: usize, start: f64, radius: f64, dy: f64| -> Vec<(f64, f64)> {
        (0..n)
            .map(|i| {
                let a = start + i as f64 * std::f64::consts::TAU / n as f64;
                (
                    center.0 + radius * a.cos(),
                    center.1 + radius * a.sin() + dy,
                )
            })
            .collect()
    };
    use std::f64::consts::FRAC_PI_2;
    match shape {
        Shape::Circle => Outline::Circle(r),
        Shape::DoubleCircle => Outline::Ringed {
            outer: r,
            inner: r * 0.6,
            ring_width: (r * 0.12).max(1.0),
        },
        Shape::Square => {
            let s = r * 0.88;
            let (x, y) = center;
            Outline::Polygon(vec![
                (x - s, y - s),
                (x + s, y - s),
                (x + s, y + s),
                (x - s, y + s),
            ])
        }
        Shape::Diamond => Outline::Polygon(ring(4, -FRAC_PI_2, r * 1.15, 0.0)),
        Shape::Triangle => Outline::Polygon(ring(3, -FRAC_PI_2, r * 1.25, r * 0.2)),
        Shape::Hexagon => Outline::Polygon(ring(6, 0.0, r * 1.05, 0.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sector_has_its_own_colour_and_shape() {
        use crate::model::Choice;
        let colours: std::collections::HashSet<_> = Sector::ALL
            .iter()
            .map(|s| sector_colour(*s).hex())
            .collect();
        let shapes: Vec<_> = Sector::ALL.iter().map(|s| sector_shape(*s)).collect();
        assert_eq!(colours.len(), Sector::ALL.len());
        for (i, a) in shapes.iter().enumerate() {
            assert!(!shapes[i + 1..].contains(a));
        }
    }

    #[test]
    fn trust_runs_from_orange_to_purple_and_unknown_is_grey() {
        assert_eq!(trust_colour(Some(0.0)), TRUST_LOW);
        assert_eq!(trust_colour(Some(0.5)), TRUST_MID);
        assert_eq!(trust_colour(Some(1.0)), TRUST_HIGH);
        assert_eq!(trust_colour(None), UNKNOWN);
    }

    #[test]
    fn colour_by_follows_the_switch_and_power_marks_the_dominant_end() {
        use crate::model::{ActorId, PartnershipId};
        let mut p = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
        p.form = Some(Form::Integrated);
        p.trust_ab = Some(5);
        assert_eq!(
            partnership_colour_by(&p, ColourBy::Trust),
            trust_colour(Some(1.0))
        );
        assert_eq!(
            partnership_colour_by(&p, ColourBy::Form),
            form_colour(Form::Integrated)
        );
        assert_eq!(partnership_colour_by(&p, ColourBy::Function), UNKNOWN);
        p.functions.insert(Function::Learning);
        assert_eq!(
            partnership_colour_by(&p, ColourBy::Function),
            function_colour(Function::Learning)
        );
        assert_eq!(dominant_end(&p), None);
        p.power = Some(-2);
        assert_eq!(dominant_end(&p), Some((ActorId(1), 2)));
        p.power = Some(1);
        assert_eq!(dominant_end(&p), Some((ActorId(2), 1)));
        p.power = Some(0);
        assert_eq!(dominant_end(&p), None);
    }

    #[test]
    fn parallel_partnerships_bow_apart_and_a_single_one_is_straight() {
        use crate::model::{ActorId, Level};
        let mut project = Project::new();
        for i in 1..=3 {
            project.insert_actor(Actor::new(ActorId(i), "x", Sector::State, Level::National));
        }
        for (id, a, b) in [(1, 1, 2), (2, 2, 1), (3, 1, 2), (4, 2, 3)] {
            project.insert_partnership(Partnership::new(PartnershipId(id), ActorId(a), ActorId(b)));
        }
        let bends = parallel_bends(&project);
        assert_eq!(bends[&PartnershipId(1)], -PARALLEL_SPACING);
        assert_eq!(bends[&PartnershipId(2)], 0.0);
        assert_eq!(bends[&PartnershipId(3)], PARALLEL_SPACING);
        assert_eq!(bends[&PartnershipId(4)], 0.0);
        assert_eq!(curve_control((0.0, 0.0), (100.0, 0.0), 0.0, true), None);
        // Bending the same amount from either end gives the same curve.
        let c = curve_control((0.0, 0.0), (100.0, 0.0), 10.0, true);
        assert_eq!(c, Some((50.0, 20.0)));
        assert_eq!(curve_control((100.0, 0.0), (0.0, 0.0), 10.0, false), c);
        let pts = curve_points((0.0, 0.0), (100.0, 0.0), 10.0, true, 12);
        assert_eq!(pts.len(), 13);
        let apex = pts[6];
        assert!((apex.0 - 50.0).abs() < 1e-9 && (apex.1 - 10.0).abs() < 1e-9);
        assert_eq!(point_along(&[(0.0, 0.0), (10.0, 0.0)], 4.0), (4.0, 0.0));
        assert_eq!(point_along(&[(0.0, 0.0), (10.0, 0.0)], 40.0), (10.0, 0.0));
    }

    #[test]
    fn every_shape_has_an_outline_around_its_centre() {
        for sector in <Sector as crate::model::Choice>::ALL {
            match shape_outline(sector_shape(*sector), (0.0, 0.0), 10.0) {
                Outline::Circle(r) => assert_eq!(r, 10.0),
                Outline::Ringed { outer, inner, .. } => assert!(inner < outer),
                Outline::Polygon(points) => {
                    assert!(points.len() >= 3);
                    assert!(points.iter().all(|(x, y)| x.hypot(*y) <= 15.0));
                }
            }
        }
    }

    #[test]
    fn labels_wrap_at_spaces() {
        assert_eq!(
            wrap_label("Provincial Governor's Office, Pursat", 22),
            vec!["Provincial Governor's", "Office, Pursat"]
        );
        assert_eq!(wrap_label("", 10), Vec::<String>::new());
    }
}
