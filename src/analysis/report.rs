//! What `partnermap stats` prints: every indicator as JSON for programs, or as a readable
//! report for people.

use std::cmp::Ordering;
use std::fmt::Write;

use serde::Serialize;
use serde_json::{Value, json};

use super::quadrant::quadrant_names;
use super::{ActorIndicators, Indicators, NetworkIndicators, PartnershipIndicators};
use crate::model::{Form, Project};
use crate::typology::Framework;

/// The JSON document, in a fixed order of sections.
#[derive(Serialize)]
struct Report<'a> {
    title: &'a str,
    network: &'a NetworkIndicators,
    actors: Vec<&'a ActorIndicators>,
    partnerships: Vec<&'a PartnershipIndicators>,
}

/// Every indicator as JSON: `{"title", "network": {…}, "actors": [… by id], "partnerships":
/// [… by id]}`, with the keys of design.md §5 and null for missing values.
pub fn stats_json(project: &Project, ind: &Indicators) -> Value {
    let report = Report {
        title: &project.meta.title,
        network: &ind.network,
        actors: ind.actors.values().collect(),
        partnerships: ind.partnerships.values().collect(),
    };
    // Every map key in the report is a string or a unit enum variant, so this cannot fail;
    // should it ever, the error is reported in the document rather than by a panic.
    serde_json::to_value(report).unwrap_or_else(|e| json!({ "error": e.to_string() }))
}

/// A percentage, or a dash when missing.
fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |v| format!("{:.0}%", v * 100.0))
}

/// A number with `decimals` places, or a dash when missing.
fn num(v: Option<f64>, decimals: usize) -> String {
    v.map_or_else(|| "—".to_string(), |v| format!("{v:.decimals$}"))
}

/// "from k of n partnerships".
fn from(k: usize, n: usize) -> String {
    format!(
        "from {k} of {n} partnership{}",
        if n == 1 { "" } else { "s" }
    )
}

/// Orders actors by betweenness, highest first, unknown last; ties by degree, then id.
fn by_betweenness(a: &&ActorIndicators, b: &&ActorIndicators) -> Ordering {
    match (a.betweenness, b.betweenness) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then(b.degree.cmp(&a.degree))
    .then(a.id.cmp(&b.id))
}

/// A readable report: the network, then the actors by betweenness, then how many
/// partnerships (and, for D, actors) fall in each quadrant.
pub fn stats_text(project: &Project, ind: &Indicators) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_network(&mut out, project, &ind.network);
    let _ = write_actors(&mut out, ind);
    let _ = write_quadrants(&mut out, &ind.network);
    out
}

fn write_network(out: &mut String, project: &Project, n: &NetworkIndicators) -> std::fmt::Result {
    let title = if project.meta.title.is_empty() {
        "untitled map"
    } else {
        &project.meta.title
    };
    writeln!(out, "Network — {title}")?;
    for row in network_rows(n) {
        writeln!(out, "  {:<26}{:>8}  {}", row.label, row.value, row.from)?;
    }
    writeln!(out)
}

/// One network indicator as people read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkRow {
    /// What it is ("Mean trust").
    pub label: &'static str,
    /// Its value as shown ("64%"; a dash when missing).
    pub value: String,
    /// What it is computed from ("from 12 of 15 partnerships").
    pub from: String,
}

/// Every network indicator with its value and what it is computed from, in the order the
/// report and the dashboard give them.
pub fn network_rows(n: &NetworkIndicators) -> Vec<NetworkRow> {
    let m = n.partnerships;
    let mut rows = Vec::new();
    let mut row = |label: &'static str, value: String, from: String| {
        rows.push(NetworkRow { label, value, from });
    };
    row(
        "Actors",
        n.actors.to_string(),
        format!(
            "{} isolated, {} component{}",
            n.isolated,
            n.components,
            if n.components == 1 { "" } else { "s" }
        ),
    );
    row(
        "Partnerships",
        m.to_string(),
        format!("linking {} pairs of actors", n.pairs),
    );
    row("Density", format!("{:.4}", n.density), String::new());
    row(
        "Degree centralization",
        format!("{:.4}", n.degree_centralization),
        String::new(),
    );
    row("Mean trust", pct(n.mean_trust), from(n.trust_known, m));
    row(
        "Mean trust gap",
        pct(n.mean_trust_gap),
        format!("{}, both directions known", from(n.trust_gap_known, m)),
    );
    row(
        "Mean power asymmetry",
        pct(n.mean_power_asymmetry),
        from(n.power_known, m),
    );
    row(
        "Forms",
        String::new(),
        format!(
            "{} (form set for {} of {m})",
            n.forms_text(", "),
            n.form_known
        ),
    );
    let integrated = n.form_counts.get(&Form::Integrated).copied().unwrap_or(0);
    row(
        "Integrated",
        pct(n.integrated_share),
        format!("{integrated} of {} with their form set", n.form_known),
    );
    row(
        "Formal (MoU or more)",
        pct(n.formal_share),
        format!(
            "{} of {} with their formality set",
            n.formal_count, n.formality_known
        ),
    );
    let pairs = format!(
        "{} partnerships with both sectors set; sector set for {} of {} actors",
        n.sector_pairs_known, n.sector_known, n.actors
    );
    row(
        "State – non-state",
        pct(n.state_nonstate_share),
        format!("{} of {pairs}", n.state_nonstate_count),
    );
    row(
        "Cross-sector",
        pct(n.cross_sector_share),
        format!("{} of {pairs}", n.cross_sector_count),
    );
    row(
        "E-I index (sectors)",
        n.ei_index
            .map_or_else(|| "—".to_string(), |v| format!("{v:+.3}")),
        format!(
            "{} cross-sector, {} same-sector",
            n.cross_sector_count, n.same_sector_count
        ),
    );
    rows
}

fn write_actors(out: &mut String, ind: &Indicators) -> std::fmt::Result {
    writeln!(out, "Actors by betweenness")?;
    writeln!(
        out,
        "  {:>11} {:>6} {:>6} {:>6} {:>7} {:>8} {:>8} {:>6}  {:<15} Actor",
        "Betweenness",
        "Degree",
        "Links",
        "Cross",
        "Broker",
        "Trusted",
        "Trusts",
        "Power",
        "Mendelow"
    )?;
    let mut actors: Vec<&ActorIndicators> = ind.actors.values().collect();
    actors.sort_by(by_betweenness);
    for a in actors {
        writeln!(
            out,
            "  {:>11} {:>6} {:>6} {:>6} {:>7} {:>8} {:>8} {:>6}  {:<15} {} ({})",
            num(a.betweenness, 4),
            a.degree,
            a.partnerships,
            a.cross_sector_degree,
            a.brokerage,
            pct(a.trust_received),
            pct(a.trust_given),
            a.power_score
                .map_or_else(|| "—".to_string(), |v| format!("{v:+.2}")),
            a.mendelow.placed().map_or("—", |p| p.quadrant),
            a.name,
            a.id,
        )?;
    }
    writeln!(
        out,
        "  (Links: partnerships, parallel ones each; Cross: partners of another sector; \
         Broker: unlinked pairs of partners across sectors; Trusted / Trusts: mean trust \
         received / given; Power: +1 dominates … −1 dominated.)"
    )?;
    writeln!(out)
}

fn write_quadrants(out: &mut String, n: &NetworkIndicators) -> std::fmt::Result {
    writeln!(out, "Quadrants")?;
    for f in Framework::ALL {
        let counts = n.quadrant_counts.get(f);
        let what = if f.places_actors() {
            "actors"
        } else {
            "partnerships"
        };
        writeln!(out, "  {} ({what})", f.title())?;
        for q in quadrant_names(f) {
            let k = counts.placed.get(q).copied().unwrap_or(0);
            writeln!(out, "    {q:<30}{k:>7}")?;
        }
        if let Some(k) = counts.unplaced {
            writeln!(out, "    {:<30}{k:>7}", "unplaced (missing data)")?;
        }
    }
    Ok(())
}
