//! The indicators of the whole network (design.md §5): size, cohesion, trust and power,
//! forms, bridging between sectors and quadrant counts.

use std::collections::BTreeMap;

use serde::Serialize;

use super::actor::ActorIndicators;
use super::betweenness::BetweennessMethod;
use super::graph::SimpleGraph;
use super::partnership_indicators::PartnershipIndicators;
use super::quadrant::FrameworkCounts;
use crate::model::{ActorId, Choice, Form, Formality, PartnershipId, Project, Sector};

/// Every indicator of the network. A mean or share with nothing to be computed from is
/// `None` (JSON null); the `…_known` and `…_count` fields say what each is computed from, so
/// that the window can say "mean trust 62% — from 18 of 29 partnerships".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NetworkIndicators {
    /// Actors, isolated ones included.
    pub actors: usize,
    /// Partnerships, parallel ones counted each.
    pub partnerships: usize,
    /// Links of the simple graph: pairs of actors sharing at least one partnership.
    pub pairs: usize,
    /// Actors without any partnership.
    pub isolated: usize,
    /// Connected components, isolated actors counting as one each.
    pub components: usize,
    /// pairs / (n(n − 1) / 2); 0 when n < 2.
    pub density: f64,
    /// Freeman's degree centralization Σ (k_max − k_i) / ((n − 1)(n − 2)) on the simple
    /// graph; 0 when n < 3.
    pub degree_centralization: f64,
    /// Mean trust t over the partnerships with trust known.
    pub mean_trust: Option<f64>,
    /// Partnerships with at least one trust direction known.
    pub trust_known: usize,
    /// trust_known / partnerships.
    pub trust_coverage: Option<f64>,
    /// Mean trust gap over the partnerships with both directions known.
    pub mean_trust_gap: Option<f64>,
    /// Partnerships with both trust directions known.
    pub trust_gap_known: usize,
    /// trust_gap_known / partnerships.
    pub trust_gap_coverage: Option<f64>,
    /// Mean power asymmetry |power| / 2 over the partnerships with power known.
    pub mean_power_asymmetry: Option<f64>,
    /// Partnerships with power known.
    pub power_known: usize,
    /// power_known / partnerships.
    pub power_coverage: Option<f64>,
    /// Partnerships of each form, every form present; partnerships whose form is not set
    /// are not counted.
    pub form_counts: BTreeMap<Form, usize>,
    /// Partnerships with their form set.
    pub form_known: usize,
    /// Share of Integrated partnerships among those with their form set.
    pub integrated_share: Option<f64>,
    /// Partnerships with formality MoU or more.
    pub formal_count: usize,
    /// Partnerships with their formality set.
    pub formality_known: usize,
    /// formal_count / formality_known.
    pub formal_share: Option<f64>,
    /// Actors with their sector set.
    pub sector_known: usize,
    /// Partnerships whose two ends both have their sector set: what the sector shares below
    /// are computed from.
    pub sector_pairs_known: usize,
    /// Partnerships joining a State actor to a non-state one (civil society, private or
    /// community).
    pub state_nonstate_count: usize,
    /// state_nonstate_count / sector_pairs_known.
    pub state_nonstate_share: Option<f64>,
    /// Partnerships joining actors of different sectors.
    pub cross_sector_count: usize,
    /// Partnerships joining actors of the same sector.
    pub same_sector_count: usize,
    /// cross_sector_count / sector_pairs_known.
    pub cross_sector_share: Option<f64>,
    /// Krackhardt's E-I index by sector: (cross-sector − same-sector) / sector_pairs_known,
    /// −1…+1.
    pub ei_index: Option<f64>,
    /// How many partnerships (A–C) or actors (D) fall in each quadrant.
    pub quadrant_counts: FrameworkCounts,
    /// Mean disagreement between the perspectives over the partnerships with one (design.md
    /// §13); `None` when none has.
    pub mean_disagreement: Option<f64>,
    /// Partnerships with a disagreement (two or more voices on a score).
    pub disagreement_known: usize,
    /// disagreement_known / partnerships.
    pub disagreement_coverage: Option<f64>,
    /// How the actors' betweenness was computed: exact, or estimated from a sample of
    /// sources on a large map; `None` while it is not computed.
    pub betweenness_method: Option<BetweennessMethod>,
}

/// `count / total`, or `None` when there is nothing to take a share of.
fn share(count: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| count as f64 / total as f64)
}

/// The mean of the known values and how many there were.
fn mean(values: impl Iterator<Item = Option<f64>>) -> (Option<f64>, usize) {
    let (sum, count) = values
        .flatten()
        .fold((0.0, 0usize), |(s, c), v| (s + v, c + 1));
    ((count > 0).then(|| sum / count as f64), count)
}

/// The network indicators of `project`, from its simple graph, the actors' sectors by graph
/// index, the indicators already computed for its actors and partnerships, and how their
/// betweenness was computed.
pub(super) fn network_indicators(
    project: &Project,
    graph: &SimpleGraph,
    sectors: &[Option<Sector>],
    actors: &BTreeMap<ActorId, ActorIndicators>,
    partnerships: &BTreeMap<PartnershipId, PartnershipIndicators>,
    betweenness_method: Option<BetweennessMethod>,
) -> NetworkIndicators {
    let n = graph.len();
    let m = project.partnerships.len();
    let disagreement =
        super::perspective::network_disagreement(partnerships.values().map(|p| &p.disagreement));
    let pairs = graph.pairs();
    let degrees = (0..n).map(|i| graph.degree(i));
    let k_max = degrees.clone().max().unwrap_or(0);
    let density = if n < 2 {
        0.0
    } else {
        pairs as f64 / (n as f64 * (n - 1) as f64 / 2.0)
    };
    let degree_centralization = if n < 3 {
        0.0
    } else {
        let spread: usize = degrees.clone().map(|k| k_max - k).sum();
        spread as f64 / ((n - 1) as f64 * (n - 2) as f64)
    };

    let (mean_trust, trust_known) = mean(partnerships.values().map(|p| p.trust));
    let (mean_trust_gap, trust_gap_known) = mean(partnerships.values().map(|p| p.trust_gap));
    let (mean_power_asymmetry, power_known) =
        mean(partnerships.values().map(|p| p.power_asymmetry));

    let mut form_counts: BTreeMap<Form, usize> = Form::ALL.iter().map(|&f| (f, 0)).collect();
    let (mut form_known, mut formality_known, mut formal_count) = (0, 0, 0);
    let mut sector_pairs_known = 0;
    let mut state_nonstate_count = 0;
    let mut cross_sector_count = 0;
    let mut same_sector_count = 0;
    for (p, ends) in project.partnerships.values().zip(graph.ends()) {
        if let Some(form) = p.form {
            *form_counts.entry(form).or_insert(0) += 1;
            form_known += 1;
        }
        if let Some(formality) = p.formality {
            formality_known += 1;
            if formality >= Formality::Mou {
                formal_count += 1;
            }
        }
        let Some((a, b)) = *ends else { continue };
        let (Some(sa), Some(sb)) = (sectors[a as usize], sectors[b as usize]) else {
            continue;
        };
        sector_pairs_known += 1;
        if sa == sb {
            same_sector_count += 1;
        } else {
            cross_sector_count += 1;
        }
        let state_and_nonstate = |x: Sector, y: Sector| x == Sector::State && y.is_non_state();
        if state_and_nonstate(sa, sb) || state_and_nonstate(sb, sa) {
            state_nonstate_count += 1;
        }
    }
    let integrated = form_counts.get(&Form::Integrated).copied().unwrap_or(0);

    let mut quadrant_counts = FrameworkCounts::default();
    for p in partnerships.values() {
        quadrant_counts.a.add(&p.quadrants.a);
        quadrant_counts.b.add(&p.quadrants.b);
        quadrant_counts.c.add(&p.quadrants.c);
    }
    for a in actors.values() {
        quadrant_counts.d.add(&a.mendelow);
    }

    NetworkIndicators {
        actors: n,
        partnerships: m,
        pairs,
        isolated: degrees.filter(|&k| k == 0).count(),
        components: graph.components(),
        density,
        degree_centralization,
        mean_trust,
        trust_known,
        trust_coverage: share(trust_known, m),
        mean_trust_gap,
        trust_gap_known,
        trust_gap_coverage: share(trust_gap_known, m),
        mean_power_asymmetry,
        power_known,
        power_coverage: share(power_known, m),
        form_counts,
        form_known,
        integrated_share: share(integrated, form_known),
        formal_count,
        formality_known,
        formal_share: share(formal_count, formality_known),
        sector_known: sectors.iter().flatten().count(),
        sector_pairs_known,
        state_nonstate_count,
        state_nonstate_share: share(state_nonstate_count, sector_pairs_known),
        cross_sector_count,
        same_sector_count,
        cross_sector_share: share(cross_sector_count, sector_pairs_known),
        ei_index: (sector_pairs_known > 0).then(|| {
            (cross_sector_count as f64 - same_sector_count as f64) / sector_pairs_known as f64
        }),
        quadrant_counts,
        mean_disagreement: disagreement.mean,
        disagreement_known: disagreement.known,
        disagreement_coverage: disagreement.coverage,
        betweenness_method,
    }
}

impl NetworkIndicators {
    /// How many partnerships have each form, as "Interaction 2, Coalition 16, …".
    pub fn forms_text(&self, separator: &str) -> String {
        use crate::model::Choice;
        Form::ALL
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    f.label(),
                    self.form_counts.get(f).copied().unwrap_or(0)
                )
            })
            .collect::<Vec<_>>()
            .join(separator)
    }
}

#[cfg(test)]
mod tests {
    use super::super::compute;
    use super::*;
    use crate::model::{Actor, Cut, Level, Partnership};

    fn add_actor(p: &mut Project, sector: Sector) -> ActorId {
        let id = p.allocate_actor_id();
        let mut a = Actor::new(id, format!("A{}", id.0), sector, Level::Commune);
        (a.influence, a.interest) = (Some(3), Some(3));
        p.insert_actor(a);
        id
    }

    fn link(p: &mut Project, a: ActorId, b: ActorId) -> &mut Partnership {
        let id = p.allocate_partnership_id();
        p.insert_partnership(Partnership::new(id, a, b));
        p.partnerships.get_mut(&id).unwrap()
    }

    fn net(p: &Project) -> NetworkIndicators {
        compute(p, None).network
    }

    /// Five actors: 1 State, 2 CivilSociety, 3 Private, 4 State, 5 Donor (isolated).
    /// Partnerships: p1 1–2, p2 2–1 (parallel), p3 1–3, p4 1–4, p5 3–2 (its form and
    /// formality not set).
    fn sample() -> Project {
        let mut p = Project::new();
        let [s1, c2, p3, s4, _d5] = [
            Sector::State,
            Sector::CivilSociety,
            Sector::Private,
            Sector::State,
            Sector::Donor,
        ]
        .map(|s| add_actor(&mut p, s));
        let e = link(&mut p, s1, c2);
        e.trust_ab = Some(5);
        e.trust_ba = Some(3); // t = (4 − 1) / 4 = 0.75, gap 2 / 4 = 0.5
        e.power = Some(-2); // asymmetry 1
        e.form = Some(Form::Integrated);
        e.formality = Some(Formality::Mou);
        let e = link(&mut p, c2, s1);
        e.trust_ab = Some(1); // t = 0, no gap
        e.form = Some(Form::Collaboration);
        e.formality = Some(Formality::Institutionalised);
        let e = link(&mut p, s1, p3);
        e.power = Some(0); // asymmetry 0
        e.form = Some(Form::Coalition);
        e.formality = Some(Formality::LetterOfSupport);
        let e = link(&mut p, s1, s4);
        e.form = Some(Form::Interaction);
        e.formality = Some(Formality::Personal);
        link(&mut p, p3, c2);
        p
    }

    #[test]
    fn every_network_formula_by_hand() {
        let n = net(&sample());
        // 5 actors, 5 partnerships, pairs {1,2} {1,3} {1,4} {2,3} = 4; 5 is isolated;
        // components {1,2,3,4} and {5}.
        assert_eq!(
            (n.actors, n.partnerships, n.pairs, n.isolated, n.components),
            (5, 5, 4, 1, 2)
        );
        // Density 4 / (5 · 4 / 2) = 0.4.
        assert_eq!(n.density, 0.4);
        // Degrees 3, 2, 2, 1, 0; k_max 3: Σ = 0 + 1 + 1 + 2 + 3 = 7 over (4 · 3) = 7/12.
        assert_eq!(n.degree_centralization, 7.0 / 12.0);
        // Trust known on p1 (0.75) and p2 (0): mean 0.375, from 2 of 5.
        assert_eq!((n.mean_trust, n.trust_known), (Some(0.375), 2));
        assert_eq!(n.trust_coverage, Some(0.4));
        // Gap only on p1: 0.5, from 1 of 5.
        assert_eq!((n.mean_trust_gap, n.trust_gap_known), (Some(0.5), 1));
        assert_eq!(n.trust_gap_coverage, Some(0.2));
        // Power on p1 (1) and p3 (0): 0.5 from 2 of 5.
        assert_eq!((n.mean_power_asymmetry, n.power_known), (Some(0.5), 2));
        assert_eq!(n.power_coverage, Some(0.4));
        // Forms: p4 Interaction; p3 Coalition; p2 Collaboration; p1 Integrated; p5 not set
        // and not counted: integrated 1 of 4.
        let forms: Vec<usize> = n.form_counts.values().copied().collect();
        assert_eq!(forms, vec![1, 1, 1, 1]);
        assert_eq!((n.form_known, n.integrated_share), (4, Some(0.25)));
        // MoU or more: p1 (Mou), p2 (Institutionalised): 2 of the 4 with formality set.
        assert_eq!(
            (n.formal_count, n.formality_known, n.formal_share),
            (2, 4, Some(0.5))
        );
        // State–non-state: p1, p2 (State–CivilSociety), p3 (State–Private); p4 is
        // State–State and p5 CivilSociety–Private: 3 of 5.
        assert_eq!(
            (n.state_nonstate_count, n.state_nonstate_share),
            (3, Some(0.6))
        );
        // Cross-sector: all but p4: 4 of 5; E-I = (4 − 1) / 5 = 0.6.
        assert_eq!((n.cross_sector_count, n.same_sector_count), (4, 1));
        assert_eq!(n.cross_sector_share, Some(0.8));
        assert_eq!(n.ei_index, Some(0.6));
    }

    #[test]
    fn quadrant_counts_follow_the_cuts() {
        let mut p = sample();
        let n = net(&p);
        // A: x = formality / 5, y = depth / 3.
        // p1 (0.6, 1) institutionalised; p2 (1, 2/3) institutionalised; p3 (0.4, 1/3)
        // personal; p4 (0, 0) personal; p5, its form and formality not set, unplaced.
        let a = &n.quadrant_counts.a;
        assert_eq!(a.placed["Institutionalised partnership"], 2);
        assert_eq!(a.placed["Personal cooperation"], 2);
        assert_eq!(a.placed["Formal but shallow"], 0);
        assert_eq!(a.unplaced, Some(1));
        // B: no identity scores anywhere.
        assert_eq!(n.quadrant_counts.b.unplaced, Some(5));
        assert_eq!(n.quadrant_counts.b.placed_total(), 0);
        // C: only p1 has both power and trust: (1, 0.75) benevolent hierarchy.
        assert_eq!(n.quadrant_counts.c.placed["Benevolent hierarchy"], 1);
        assert_eq!(n.quadrant_counts.c.unplaced, Some(4));
        // D: every actor at (0.5, 0.5), on both cuts: key players.
        assert_eq!(n.quadrant_counts.d.placed["Key players"], 5);
        assert_eq!(n.quadrant_counts.d.unplaced, Some(0));
        // Moving A's formality cut to 0.7 sends p1 (x 0.6) to relational collaboration;
        // moving D's cuts above 0.5 makes every actor "monitor".
        p.settings.cuts.a = Cut { x: 0.7, y: 0.5 };
        p.settings.cuts.d = Cut { x: 0.51, y: 0.51 };
        let n = net(&p);
        assert_eq!(
            n.quadrant_counts.a.placed["Institutionalised partnership"],
            1
        );
        assert_eq!(n.quadrant_counts.a.placed["Relational collaboration"], 1);
        assert_eq!(n.quadrant_counts.d.placed["Monitor"], 5);
        assert_eq!(n.quadrant_counts.d.placed["Key players"], 0);
        // An actor whose influence nobody gave is not placed in D.
        p.actors.get_mut(&ActorId(1)).unwrap().influence = None;
        let d = &net(&p).quadrant_counts.d;
        assert_eq!((d.placed_total(), d.unplaced), (4, Some(1)));
    }

    #[test]
    fn sector_shares_leave_out_partnerships_with_an_end_whose_sector_is_not_set() {
        let mut p = sample();
        // Actor 4's sector is not set: p4 (1–4, State–State) drops out of every sector share.
        p.actors.get_mut(&ActorId(4)).unwrap().sector = None;
        let n = net(&p);
        assert_eq!((n.sector_known, n.sector_pairs_known), (4, 4));
        // p1, p2, p3 are State–non-state; all four are cross-sector; E-I (4 − 0) / 4 = 1.
        assert_eq!(
            (n.state_nonstate_count, n.state_nonstate_share),
            (3, Some(0.75))
        );
        assert_eq!((n.cross_sector_count, n.same_sector_count), (4, 0));
        assert_eq!(n.cross_sector_share, Some(1.0));
        assert_eq!(n.ei_index, Some(1.0));
        // Actor 1's partners 2, 3 and 4: only 2 and 3 have a sector, and they are linked.
        let actors = compute(&p, None).actors;
        assert_eq!(actors[&ActorId(1)].cross_sector_degree, 2);
        assert_eq!(actors[&ActorId(1)].brokerage, 0);
        assert_eq!(actors[&ActorId(4)].cross_sector_degree, 0);
    }

    #[test]
    fn empty_one_and_two_actor_maps() {
        let mut p = Project::new();
        let n = net(&p);
        assert_eq!(
            (n.actors, n.partnerships, n.pairs, n.components),
            (0, 0, 0, 0)
        );
        assert_eq!((n.density, n.degree_centralization), (0.0, 0.0));
        assert_eq!(
            (n.mean_trust, n.trust_coverage, n.ei_index),
            (None, None, None)
        );
        assert_eq!((n.integrated_share, n.formal_share), (None, None));
        let one = add_actor(&mut p, Sector::State);
        let n = net(&p);
        assert_eq!(
            (n.actors, n.isolated, n.components, n.density),
            (1, 1, 1, 0.0)
        );
        let two = add_actor(&mut p, Sector::Community);
        link(&mut p, one, two);
        let n = net(&p);
        // Two actors, one pair out of one possible: density 1; centralization is 0 (n < 3).
        assert_eq!(
            (n.pairs, n.isolated, n.components, n.density),
            (1, 0, 1, 1.0)
        );
        assert_eq!(n.degree_centralization, 0.0);
        // One State–Community partnership without scores: shares known, means null, 0 cover.
        assert_eq!((n.state_nonstate_share, n.ei_index), (Some(1.0), Some(1.0)));
        assert_eq!((n.mean_trust, n.trust_coverage), (None, Some(0.0)));
        assert_eq!(
            (n.mean_power_asymmetry, n.power_coverage),
            (None, Some(0.0))
        );
    }

    #[test]
    fn a_star_is_fully_centralized() {
        // Centre with 4 leaves: k_max 4, Σ = 4 · 3 = 12 over (4 · 3) = 1.
        let mut p = Project::new();
        let centre = add_actor(&mut p, Sector::State);
        for _ in 0..4 {
            let leaf = add_actor(&mut p, Sector::State);
            link(&mut p, centre, leaf);
        }
        assert_eq!(net(&p).degree_centralization, 1.0);
        // Same-sector only: E-I = (0 − 4) / 4 = −1.
        assert_eq!(net(&p).ei_index, Some(-1.0));
    }
}
