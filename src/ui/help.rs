//! "What do these mean?": the frameworks and indicators in plain words, with their sources,
//! for facilitators who must explain the chart to a room.

use egui::{RichText, Ui};

use crate::typology::{Framework, Side};

/// One indicator: its name, what it means, how it is computed, and where it comes from.
pub struct IndicatorHelp {
    /// The name as shown and as the JSON key.
    pub key: &'static str,
    /// What it tells a room, in plain words.
    pub meaning: &'static str,
    /// How it is computed, and how missing values are treated.
    pub formula: &'static str,
}

/// Every indicator of design.md §5, in the order the dashboard shows them.
pub const INDICATORS: &[IndicatorHelp] = &[
    IndicatorHelp {
        key: "actors",
        meaning: "How many actors the map holds.",
        formula: "Count of actors.",
    },
    IndicatorHelp {
        key: "partnerships",
        meaning: "How many partnerships the map holds, parallel ones included.",
        formula: "Count of partnerships.",
    },
    IndicatorHelp {
        key: "pairs",
        meaning: "How many pairs of actors work together at all.",
        formula: "Links of the simple graph: one per pair of actors sharing at least one partnership.",
    },
    IndicatorHelp {
        key: "isolated",
        meaning: "Actors with no partnership: who is left out?",
        formula: "Actors with no partner.",
    },
    IndicatorHelp {
        key: "components",
        meaning: "How many separate islands the network falls into.",
        formula: "Connected components of the simple graph, isolated actors included.",
    },
    IndicatorHelp {
        key: "density",
        meaning: "How much of all possible cooperation exists.",
        formula: "pairs / (n(n − 1) / 2); 0 with fewer than 2 actors.",
    },
    IndicatorHelp {
        key: "degree_centralization",
        meaning: "Whether the network hangs on one hub (1) or is even (0).",
        formula: "Σ (k_max − k_i) / ((n − 1)(n − 2)) on the simple graph (Freeman); 0 with fewer than 3 actors.",
    },
    IndicatorHelp {
        key: "mean_trust",
        meaning: "How much the partners trust each other on average.",
        formula: "Mean of t over partnerships whose trust is known; t = (mean of the known directions − 1) / 4. Coverage: the share of partnerships with trust known.",
    },
    IndicatorHelp {
        key: "mean_trust_gap",
        meaning: "How differently the two sides see their trust.",
        formula: "Mean of |trust_ab − trust_ba| / 4 over partnerships where both are known.",
    },
    IndicatorHelp {
        key: "mean_power_asymmetry",
        meaning: "How far partnerships are run by one side (power over) rather than shared (power with).",
        formula: "Mean of |power| / 2 over partnerships whose power is known.",
    },
    IndicatorHelp {
        key: "integrated_share",
        meaning: "How many partnerships reach the deepest form.",
        formula: "Integrated partnerships / partnerships with their form set.",
    },
    IndicatorHelp {
        key: "formal_share",
        meaning: "How many partnerships rest on an MoU or stronger, not on people.",
        formula: "Partnerships with formality MoU, contract or grant, or institutionalised / partnerships with their formality set.",
    },
    IndicatorHelp {
        key: "state_nonstate_share",
        meaning: "How much of the network joins government with civil society, communities or firms (the DFGG aim).",
        formula: "Partnerships joining a State actor to a non-state one (civil society, private, community) / partnerships whose two actors both have their sector set.",
    },
    IndicatorHelp {
        key: "cross_sector_share",
        meaning: "How much cooperation crosses sector lines.",
        formula: "Partnerships between actors of different sectors / partnerships whose two actors both have their sector set.",
    },
    IndicatorHelp {
        key: "ei_index",
        meaning: "Whether sectors reach out (+1) or keep to themselves (−1).",
        formula: "(cross-sector − same-sector) / partnerships whose two actors both have their sector set: Krackhardt and Stern's E-I index by sector.",
    },
    IndicatorHelp {
        key: "degree",
        meaning: "How many different partners an actor has.",
        formula: "Distinct partners; partnerships counts parallel ones too.",
    },
    IndicatorHelp {
        key: "cross_sector_degree",
        meaning: "How many partners an actor has outside its own sector.",
        formula: "Distinct partners of another sector.",
    },
    IndicatorHelp {
        key: "betweenness",
        meaning: "How often an actor stands on the shortest path between two others: a go-between or a gatekeeper.",
        formula: "Normalised betweenness centrality on the simple graph, unweighted (Freeman 1977, computed with Brandes' algorithm); the value networkx gives. On very large maps (actors × pairs over 2·10⁹) it is estimated from 2,000 actors sampled as sources (Brandes and Pich 2007), and the network indicators say so.",
    },
    IndicatorHelp {
        key: "trust_received",
        meaning: "How much its partners trust an actor.",
        formula: "Mean over its partnerships of the partner's trust in it, on the 0–1 scale; missing when none is known.",
    },
    IndicatorHelp {
        key: "trust_given",
        meaning: "How much an actor trusts its partners.",
        formula: "Mean over its partnerships of its trust in the partner, on the 0–1 scale.",
    },
    IndicatorHelp {
        key: "power_score",
        meaning: "Whether an actor tends to hold the decisions (+1) or to follow (−1).",
        formula: "Mean over its partnerships with known power of its signed dominance in −1…+1.",
    },
    IndicatorHelp {
        key: "brokerage",
        meaning: "How many times an actor bridges sectors that do not work together directly.",
        formula: "Pairs of its partners that are not partners of each other and belong to different sectors.",
    },
    IndicatorHelp {
        key: "disagreement",
        meaning: "How far the groups see a partnership differently: 0 when every voice gave the same values, 1 when one gave the lowest and another the highest.",
        formula: "For each score that two or more voices gave (the map's own values when set by hand, and each perspective's), (highest − lowest) / the scale's range; the partnership's is the mean over those scores. Missing when no score has two voices.",
    },
    IndicatorHelp {
        key: "mean_disagreement",
        meaning: "How far the groups' views of the network differ overall.",
        formula: "Mean disagreement over the partnerships that have one; coverage: their share of all partnerships.",
    },
];

/// What perspectives are, for a facilitator to tell the room (design.md §13).
pub const PERSPECTIVES_HELP: &[&str] = &[
    "A partnership is not seen the same way from both sides of the table. A perspective is one \
     group's view of the map — \"Government\", \"Civil society\", \"Citizens\" — with its own \
     values for the scores: influence, interest, capacity and stance of actors; form, \
     formality, trust each way, power, contributions and identity of partnerships.",
    "It works like a community scorecard: citizens score the school and the health centre, \
     the providers score themselves, each group on its own; then both meet at the interface \
     meeting and compare. Here each group rates on the rating sheet (Perspectives tab → Rate as \
     …; keys 1–5 type a value and move on), or maps on its own laptop and the maps are merged \
     (File → Merge map…).",
    "The map's own values are either set by hand — then they are one more voice — or follow \
     the groups: the median of what they gave (the lower middle value when their number is \
     even), and the rounded mean for trust. Scores no group gave keep the map's value.",
    "Disagreement: for each score, how far apart the voices are on its scale, from 0 (all the \
     same) to 1 (one said the lowest, another the highest). Colour partnerships by \
     disagreement to see where the room should talk; the Perspectives tab lists the most \
     contested partnerships and gives the indicators as each group sees the map (\"mean trust \
     72% as Government sees it, 48% as Citizens do\"). Select a partnership and the quadrant \
     chart joins its point to each group's.",
];

/// Where each framework comes from.
fn framework_source(f: Framework) -> &'static str {
    match f {
        Framework::A => {
            "Cambodia's Demand for Good Governance project, Learning Notes 15 and 17: partnerships deepen from interaction through coalition and collaboration to integration, and formalise from personal ties through permission, letters of support and MoUs to statutory planning."
        }
        Framework::B => {
            "Brinkerhoff, J. M. (2002), Assessing and improving partnership relationships and outcomes. Mutuality: equal say, joint decisions, mutual accountability, fair contributions. Organisational identity: each side keeps its mission and constituency."
        }
        Framework::C => {
            "Asaduzzaman & Virtanen (2020) on power over and power with, and trust, in local governance partnerships; LN15 on relations reported as positive yet hierarchical."
        }
        Framework::D => {
            "Mendelow, A. (1991), stakeholder mapping: power (influence) against interest."
        }
    }
}

/// Draws the help page.
pub fn help_ui(ui: &mut Ui) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading("The quadrant charts");
        ui.label(
            "Each chart places every partnership (or, for D, every actor) in a square cut in four. \
             The cuts are at the middle unless you drag them; a point exactly on a cut counts on \
             the high side. A partnership missing the values a chart needs is listed beside it, \
             never drawn at zero.",
        );
        for f in Framework::ALL {
            ui.add_space(8.0);
            ui.label(RichText::new(f.title()).strong());
            let (x, y) = f.axes();
            ui.label(format!("Across: {x}. Up: {y}."));
            for (high_x, high_y) in [(false, true), (true, true), (false, false), (true, false)] {
                let side = Side { high_x, high_y };
                ui.label(format!(
                    "• {}: {}",
                    f.quadrant(side),
                    f.quadrant_meaning(side)
                ));
            }
            ui.label(RichText::new(framework_source(f)).italics().weak());
        }
        ui.add_space(12.0);
        ui.heading("Perspectives and disagreement");
        for paragraph in PERSPECTIVES_HELP {
            ui.label(*paragraph);
            ui.add_space(4.0);
        }
        ui.add_space(12.0);
        ui.heading("The indicators");
        ui.label(
            "Scores that are not known stay unknown: every indicator uses only the values that \
             are known and says how many that was.",
        );
        for h in INDICATORS {
            ui.add_space(6.0);
            ui.label(RichText::new(h.key).monospace().strong());
            ui.label(h.meaning);
            ui.label(RichText::new(h.formula).weak());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_explains_perspectives_with_the_scorecard_and_the_rules_the_code_follows() {
        let text = PERSPECTIVES_HELP.join(" ");
        assert!(text.contains("community scorecard") && text.contains("interface meeting"));
        // The rule the map follows, as model::consensus applies it.
        use crate::model::{PartnershipScore, consensus};
        assert_eq!(
            consensus(PartnershipScore::Form, &mut [0, 1, 2, 3]),
            Some(1)
        );
        assert!(text.contains("the lower middle value when their number is even"));
        assert!(INDICATORS.iter().any(|h| h.key == "mean_disagreement"));
    }

    #[test]
    fn the_betweenness_help_gives_the_numbers_the_estimate_uses() {
        let help = INDICATORS.iter().find(|h| h.key == "betweenness").unwrap();
        // When these change, so must the help's wording.
        assert_eq!(crate::analysis::EXACT_COST, 2_000_000_000);
        assert_eq!(crate::analysis::SAMPLED_SOURCES, 2_000);
        assert!(help.formula.contains("over 2·10⁹"), "{}", help.formula);
        assert!(
            help.formula.contains("2,000 actors sampled"),
            "{}",
            help.formula
        );
    }
}
