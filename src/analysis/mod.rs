//! Indicators of design.md §5: pure functions of the model, no egui.
//!
//! [`compute`] gives every indicator at once, fast enough to run after each edit;
//! [`betweenness`], the one whose cost grows as actors × partnerships, runs on its own
//! (on worker threads, cancellable) and its result is passed back into [`compute`].
//! [`stats_json`] and [`stats_text`] turn the result into what `partnermap stats` prints.

mod actor;
mod betweenness;
pub mod change;
mod graph;
pub mod live;
mod network;
/// The measures of one partnership; they live with the typology, whose axes they are.
pub use crate::typology::measure as partnership;
mod partnership_indicators;
pub mod perspective;
mod quadrant;
mod report;
pub mod time;
pub mod trajectory;

use std::collections::BTreeMap;

use serde::Serialize;

pub use actor::ActorIndicators;
pub use betweenness::{
    BetweennessMethod, EXACT_COST, SAMPLE_SEED, SAMPLED_SOURCES, betweenness, betweenness_of_graph,
};
pub use graph::SimpleGraph;
pub use network::NetworkIndicators;
pub use partnership_indicators::PartnershipIndicators;
pub use quadrant::{FrameworkCounts, PartnershipQuadrants, QuadrantCounts, quadrant_names};
pub use report::{
    NetworkRow, as_each_sees_it, disagreement_row, network_rows, stats_json, stats_text,
    write_stats_json, write_stats_json_as_seen,
};

use crate::model::{ActorId, PartnershipId, Project, Sector};

/// Every indicator of a map: the network's, each actor's and each partnership's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Indicators {
    /// The indicators of the whole network.
    pub network: NetworkIndicators,
    /// Each actor's indicators, by id.
    pub actors: BTreeMap<ActorId, ActorIndicators>,
    /// Each partnership's indicators, by id.
    pub partnerships: BTreeMap<PartnershipId, PartnershipIndicators>,
}

/// Every indicator of design.md §5 for `project`, with quadrants cut where the project's
/// settings say.
///
/// Betweenness is not computed here but read from `betweenness` (see [`betweenness()`]), so
/// that everything else is ready at once; with `None` every actor's betweenness is `None`.
/// The network's `betweenness_method` says whether the values given are exact or estimated.
pub fn compute(project: &Project, betweenness: Option<&BTreeMap<ActorId, f64>>) -> Indicators {
    let graph = SimpleGraph::new(project);
    let sectors: Vec<Option<Sector>> = project.actors.values().map(|a| a.sector).collect();
    let cuts = project.settings.cuts;
    let disagreements = perspective::partnership_disagreements(project);
    let partnerships: BTreeMap<PartnershipId, PartnershipIndicators> = project
        .partnerships
        .iter()
        .zip(disagreements)
        .map(|((&id, p), (_, disagreement))| {
            let mut ind = PartnershipIndicators::of(p, &cuts);
            ind.disagreement = disagreement;
            (id, ind)
        })
        .collect();
    let actors = actor::actor_indicators(project, &graph, &sectors, betweenness);
    // The values came from [`betweenness()`], which chose its method by the same rule.
    let method = betweenness.map(|_| BetweennessMethod::for_graph(&graph));
    let network =
        network::network_indicators(project, &graph, &sectors, &actors, &partnerships, method);
    Indicators {
        network,
        actors,
        partnerships,
    }
}

/// A map of `actors` actors named A1, A2, … and one partnership per pair in `links`, for the
/// unit tests of the analysis modules.
#[cfg(test)]
pub(crate) fn test_project(actors: u64, links: &[(u64, u64)]) -> Project {
    use crate::model::{Actor, Level, Partnership, Sector};
    let mut p = Project::new();
    for i in 1..=actors {
        p.insert_actor(Actor::new(
            ActorId(i),
            format!("A{i}"),
            Sector::State,
            Level::National,
        ));
    }
    for (k, &(a, b)) in links.iter().enumerate() {
        p.insert_partnership(Partnership::new(
            crate::model::PartnershipId(k as u64 + 1),
            ActorId(a),
            ActorId(b),
        ));
    }
    p
}
