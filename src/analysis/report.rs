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

/// Writes [`stats_json`] to `out` as `serde_json::to_writer_pretty` would, byte for byte,
/// without holding the whole document in memory: each actor and partnership is turned into
/// JSON and written in turn. (The whole document of a map of a million actors and
/// partnerships takes gigabytes as a `serde_json::Value`.)
pub fn write_stats_json(
    out: &mut impl std::io::Write,
    project: &Project,
    ind: &Indicators,
) -> std::io::Result<()> {
    write_json(out, project, ind, None)
}

/// [`write_stats_json`] of the map as a perspective sees it (`partnermap stats
/// --perspective`), with `perspective` (which perspective, and which values are its own)
/// under the key `perspective`, between `partnerships` and `title`.
pub fn write_stats_json_as_seen(
    out: &mut impl std::io::Write,
    project: &Project,
    ind: &Indicators,
    perspective: &Value,
) -> std::io::Result<()> {
    write_json(out, project, ind, Some(perspective))
}

fn write_json(
    out: &mut impl std::io::Write,
    project: &Project,
    ind: &Indicators,
    perspective: Option<&Value>,
) -> std::io::Result<()> {
    // A `Value`'s keys come out sorted; so do the top-level keys here.
    out.write_all(b"{\n  \"actors\": ")?;
    write_list(out, ind.actors.values())?;
    out.write_all(b",\n  \"network\": ")?;
    write_indented(out, &ind.network, "  ")?;
    out.write_all(b",\n  \"partnerships\": ")?;
    write_list(out, ind.partnerships.values())?;
    if let Some(perspective) = perspective {
        out.write_all(b",\n  \"perspective\": ")?;
        write_indented(out, perspective, "  ")?;
    }
    out.write_all(b",\n  \"title\": ")?;
    serde_json::to_writer(&mut *out, &project.meta.title)?;
    out.write_all(b"\n}")
}

/// A list of the document's top level, pretty-printed at its depth.
fn write_list<'a, T: Serialize + 'a>(
    out: &mut impl std::io::Write,
    items: impl ExactSizeIterator<Item = &'a T>,
) -> std::io::Result<()> {
    if items.len() == 0 {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    for (i, item) in items.enumerate() {
        out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
        write_indented(out, item, "    ")?;
    }
    out.write_all(b"\n  ]")
}

/// `value` as pretty JSON with its keys sorted, every line after the first indented by
/// `indent`. JSON strings hold no raw line breaks, so indenting lines is safe.
fn write_indented(
    out: &mut impl std::io::Write,
    value: &impl Serialize,
    indent: &str,
) -> std::io::Result<()> {
    let value = serde_json::to_value(value)?;
    let text = serde_json::to_string_pretty(&value)?;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(indent.as_bytes())?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
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
    let _ = write_perspectives(&mut out, project);
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
    if !project.perspectives.is_empty() {
        let row = disagreement_row(n);
        writeln!(out, "  {:<26}{:>8}  {}", row.label, row.value, row.from)?;
    }
    writeln!(out)
}

/// The network's mean disagreement between the voices (design.md §13) as a row: the mean
/// on its 0–1 scale, and how many partnerships it is computed from.
pub fn disagreement_row(n: &NetworkIndicators) -> NetworkRow {
    NetworkRow {
        label: "Mean disagreement",
        value: num(n.mean_disagreement, 2),
        from: format!(
            "{} with two voices or more on a score (0: they agree; 1: as far apart as the scale goes)",
            from(n.disagreement_known, n.partnerships)
        ),
    }
}

/// "72% as Government sees it, 48% as Citizens do": `value` of each perspective's view.
pub fn as_each_sees_it(
    by_perspective: &[(String, NetworkIndicators)],
    value: impl Fn(&NetworkIndicators) -> String,
) -> String {
    by_perspective
        .iter()
        .enumerate()
        .map(|(i, (name, n))| {
            let verb = if i == 0 { "sees it" } else { "do" };
            format!("{} as {name} {verb}", value(n))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The perspectives' part of the report (design.md §13), for a map with perspectives: some
/// network indicators as each group sees the map, and the most contested partnerships.
fn write_perspectives(out: &mut String, project: &Project) -> std::fmt::Result {
    use super::perspective::{indicators_by_perspective, map_is_a_voice, most_contested};
    if project.perspectives.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = project
        .perspectives
        .iter()
        .map(|v| v.name.as_str())
        .collect();
    let map = if map_is_a_voice(project) {
        "the map's own values, set by hand, count as one more voice"
    } else {
        "the map's own values follow theirs (the median; the mean for trust)"
    };
    writeln!(out, "Perspectives — {}; {map}", names.join(", "))?;
    let by = indicators_by_perspective(project);
    type Share = fn(&NetworkIndicators) -> Option<f64>;
    let rows: [(&str, Share); 4] = [
        ("Mean trust", |n| n.mean_trust),
        ("Mean power asymmetry", |n| n.mean_power_asymmetry),
        ("Integrated", |n| n.integrated_share),
        ("Formal (MoU or more)", |n| n.formal_share),
    ];
    for (label, value) in rows {
        writeln!(
            out,
            "  {label:<26}{}",
            as_each_sees_it(&by, |n| pct(value(n)))
        )?;
    }
    let contested = most_contested(project, 5);
    if contested.is_empty() {
        writeln!(
            out,
            "  No partnership is contested: where two voices rated a score, they agree."
        )?;
    } else {
        writeln!(out, "  Most contested partnerships (disagreement, 0–1):")?;
        for (id, d) in contested {
            let name = super::perspective::partnership_name(project, id);
            writeln!(out, "    {name}: {d:.2}")?;
        }
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
    row(
        "Betweenness",
        match n.betweenness_method {
            None => "—".to_string(),
            Some(m) if m.estimated => "estimated".to_string(),
            Some(_) => "exact".to_string(),
        },
        n.betweenness_method
            .map_or_else(|| "not computed".to_string(), |m| m.describe(n.actors)),
    );
    rows
}

fn write_actors(out: &mut String, ind: &Indicators) -> std::fmt::Result {
    match ind.network.betweenness_method {
        Some(m) if m.estimated => writeln!(
            out,
            "Actors by betweenness (estimated {})",
            m.describe(ind.network.actors)
        )?,
        _ => writeln!(out, "Actors by betweenness")?,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{BetweennessMethod, compute, test_project};

    #[test]
    fn the_report_says_whether_betweenness_is_exact_or_estimated() {
        let p = test_project(4, &[(1, 2), (2, 3), (3, 4)]);
        let values = [1, 2, 3, 4]
            .map(|i| (crate::model::ActorId(i), 0.5))
            .into_iter()
            .collect();
        let mut ind = compute(&p, Some(&values));
        let json = stats_json(&p, &ind);
        let method = &json["network"]["betweenness_method"];
        assert_eq!(method["estimated"], false, "{method}");
        assert_eq!(method["sources"], 4);
        assert!(stats_text(&p, &ind).contains("from all 4 actors as sources"));

        // As on a map past the exact cost: the JSON, the network rows and the heading of
        // the actors say so.
        ind.network.betweenness_method = Some(BetweennessMethod {
            estimated: true,
            sources: 2,
        });
        let json = stats_json(&p, &ind);
        let method = &json["network"]["betweenness_method"];
        assert_eq!(method["estimated"], true, "{method}");
        assert_eq!(method["sources"], 2);
        let text = stats_text(&p, &ind);
        assert!(
            text.contains(
                "Actors by betweenness (estimated from 2 of 4 actors sampled as sources)"
            ),
            "{text}"
        );
        let row = network_rows(&ind.network)
            .into_iter()
            .find(|r| r.label == "Betweenness")
            .unwrap();
        assert_eq!(row.value, "estimated");
        assert_eq!(row.from, "from 2 of 4 actors sampled as sources");

        // Written in turn, the JSON is the same, byte for byte.
        let mut streamed = Vec::new();
        write_stats_json(&mut streamed, &p, &ind).unwrap();
        assert_eq!(streamed, serde_json::to_vec_pretty(&json).unwrap());

        // Not computed: null, and the row says so.
        let ind = compute(&p, None);
        assert!(stats_json(&p, &ind)["network"]["betweenness_method"].is_null());
        assert!(stats_text(&p, &ind).contains("not computed"));
    }

    #[test]
    fn the_json_written_in_turn_is_the_json_of_the_whole_document() {
        let check = |p: &Project| {
            let cancel = std::sync::atomic::AtomicBool::new(false);
            let done = std::sync::atomic::AtomicUsize::new(0);
            let b = crate::analysis::betweenness(p, 1, &cancel, &done);
            let ind = compute(p, b.as_ref());
            let mut streamed = Vec::new();
            write_stats_json(&mut streamed, p, &ind).unwrap();
            let whole = serde_json::to_vec_pretty(&stats_json(p, &ind)).unwrap();
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        };
        check(&Project::new());
        check(&test_project(1, &[]));
        let mut p = crate::generate::generate(40, 90, 2).unwrap();
        p.meta.title = "Line\nbreak \"quoted\" \u{e9}".to_string();
        check(&p);
    }
}
